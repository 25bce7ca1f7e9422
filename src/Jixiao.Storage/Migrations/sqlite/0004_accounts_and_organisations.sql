-- Administration (issue 10, item 7): a person's real name, a disabled account, a password that must be changed at
-- the next login (one the administrator set or generated), the time of the last login; an organisation that is
-- deactivated (no new forms; nothing is deleted). failed_logins and locked_until stay, unused: logins are throttled
-- in memory, never locked (decision 0009). 0003 is another change's number; the runner applies numbers in order
-- of whatever is missing, so either may land first.
ALTER TABLE users ADD COLUMN real_name TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN last_login_at TEXT;
ALTER TABLE organisations ADD COLUMN deactivated_at TEXT;
