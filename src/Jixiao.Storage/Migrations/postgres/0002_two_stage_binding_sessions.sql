-- Two-stage approval (status 'department-approved'), a self-evaluation's bond to its declaration (declaration_id),
-- a 调整's link to the form it adjusts (adjusts_id), and server-side sessions.
ALTER TABLE forms DROP CONSTRAINT forms_status_check;
ALTER TABLE forms ADD CONSTRAINT forms_status_check
    CHECK (status IN ('draft', 'submitted', 'returned', 'department-approved', 'approved', 'published'));
ALTER TABLE forms ADD COLUMN declaration_id bigint REFERENCES forms (id);
ALTER TABLE forms ADD COLUMN adjusts_id bigint REFERENCES forms (id);
CREATE INDEX forms_declaration ON forms (declaration_id) WHERE declaration_id IS NOT NULL;
CREATE INDEX forms_adjusts ON forms (adjusts_id) WHERE adjusts_id IS NOT NULL;

-- A login is a row here; the cookie carries its id. Logout and a password change revoke rows, so a replayed
-- cookie stops working at once (checked on every request).
CREATE TABLE sessions (
    id          text PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
