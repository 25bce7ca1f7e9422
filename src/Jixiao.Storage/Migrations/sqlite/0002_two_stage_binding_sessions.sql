-- Two-stage approval (status 'department-approved'), a self-evaluation's bond to its declaration (declaration_id),
-- a 调整's link to the form it adjusts (adjusts_id), and server-side sessions.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt, by SQLite's own procedure (foreign keys
-- off around the transaction, `foreign_key_check` before the commit); the runner does that for files marked so:
-- jixiao:foreign-keys-off

CREATE TABLE forms_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-declaration')),
    year              INTEGER,
    project_name      TEXT,
    department        TEXT,
    implementing_unit TEXT,
    unit_id           INTEGER REFERENCES organisations (id),
    status            TEXT NOT NULL DEFAULT 'draft'
                      CHECK (status IN ('draft', 'submitted', 'returned', 'department-approved', 'approved', 'published')),
    version           INTEGER NOT NULL DEFAULT 1,
    content_hash      TEXT NOT NULL UNIQUE,
    document          TEXT NOT NULL,
    total_score       TEXT,
    grade             TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    declaration_id    INTEGER REFERENCES forms_new (id),
    adjusts_id        INTEGER REFERENCES forms_new (id)
);
INSERT INTO forms_new (id, kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
                       document, total_score, grade, created_at, updated_at)
SELECT id, kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
       document, total_score, grade, created_at, updated_at FROM forms;
DROP TABLE forms;
ALTER TABLE forms_new RENAME TO forms;
CREATE INDEX forms_year_unit ON forms (year, unit_id);
CREATE INDEX forms_status ON forms (status);
CREATE INDEX forms_kind_year ON forms (kind, year);
CREATE INDEX forms_declaration ON forms (declaration_id) WHERE declaration_id IS NOT NULL;
CREATE INDEX forms_adjusts ON forms (adjusts_id) WHERE adjusts_id IS NOT NULL;

-- A login is a row here; the cookie carries its id. Logout and a password change revoke rows, so a replayed
-- cookie stops working at once (checked on every request).
CREATE TABLE sessions (
    id          TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users (id),
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL,
    revoked_at  TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);
