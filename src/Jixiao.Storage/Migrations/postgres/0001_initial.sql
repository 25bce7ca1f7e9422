-- Organisations: 财政部门 → 主管部门 → 实施单位.
CREATE TABLE organisations (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('finance', 'department', 'unit')),
    parent_id   bigint REFERENCES organisations (id),
    UNIQUE (kind, name)
);

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text NOT NULL UNIQUE,
    password_hash   text NOT NULL,
    role            text NOT NULL CHECK (role IN ('unit', 'department-reviewer', 'finance-reviewer', 'admin')),
    organisation_id bigint REFERENCES organisations (id),
    failed_logins   integer NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL
);

-- One row per form version in force; the document is the JSON format (docs/json-format.md).
CREATE TABLE forms (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind              text NOT NULL CHECK (kind IN ('self-evaluation', 'target-declaration')),
    year              integer,
    project_name      text,
    department        text,
    implementing_unit text,
    unit_id           bigint REFERENCES organisations (id),
    status            text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    version           integer NOT NULL DEFAULT 1,
    content_hash      text NOT NULL UNIQUE,
    document          jsonb NOT NULL,
    total_score       numeric(9, 2),
    grade             text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX forms_year_unit ON forms (year, unit_id);
CREATE INDEX forms_status ON forms (status);
CREATE INDEX forms_kind_year ON forms (kind, year);

-- Who changed what and when: field changes carry old and new values; state changes carry the reason; each
-- entry carries the form version its save produced, so a conflicting editor can be shown what changed since.
CREATE TABLE audit_log (
    id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id   bigint NOT NULL REFERENCES forms (id),
    at        timestamptz NOT NULL,
    actor     text NOT NULL,
    action    text NOT NULL,
    version   integer NOT NULL,
    field     text,
    old_value text,
    new_value text,
    reason    text
);
CREATE INDEX audit_log_form ON audit_log (form_id, id);
