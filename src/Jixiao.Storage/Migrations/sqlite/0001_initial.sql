-- Organisations: 财政部门 → 主管部门 → 实施单位.
CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('finance', 'department', 'unit')),
    parent_id   INTEGER REFERENCES organisations (id),
    UNIQUE (kind, name)
);

CREATE TABLE users (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    username        TEXT NOT NULL UNIQUE,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL CHECK (role IN ('unit', 'department-reviewer', 'finance-reviewer', 'admin')),
    organisation_id INTEGER REFERENCES organisations (id),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT NOT NULL
);

-- One row per form version in force; the document is the JSON format (docs/json-format.md). Scores are text so
-- that SQLite keeps them exact (its NUMERIC is a float).
CREATE TABLE forms (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-declaration')),
    year              INTEGER,
    project_name      TEXT,
    department        TEXT,
    implementing_unit TEXT,
    unit_id           INTEGER REFERENCES organisations (id),
    status            TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    version           INTEGER NOT NULL DEFAULT 1,
    content_hash      TEXT NOT NULL UNIQUE,
    document          TEXT NOT NULL,
    total_score       TEXT,
    grade             TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX forms_year_unit ON forms (year, unit_id);
CREATE INDEX forms_status ON forms (status);
CREATE INDEX forms_kind_year ON forms (kind, year);

-- Who changed what and when: field changes carry old and new values; state changes carry the reason; each
-- entry carries the form version its save produced, so a conflicting editor can be shown what changed since.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id   INTEGER NOT NULL REFERENCES forms (id),
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    version   INTEGER NOT NULL,
    field     TEXT,
    old_value TEXT,
    new_value TEXT,
    reason    TEXT
);
CREATE INDEX audit_log_form ON audit_log (form_id, id);
