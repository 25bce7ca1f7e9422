-- 部门整体 forms (issue 12, item 6; decision 0024): the department's whole-year declaration and its self-evaluation
-- are two more kinds of form, stored in forms like the project forms.
-- SQLite cannot change the kind CHECK in place: the table is rebuilt by SQLite's procedure, every index and trigger
-- on it made again as migration 0007 left them (0008–0010 added none on forms):
-- jixiao:foreign-keys-off

CREATE TABLE forms_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-declaration', 'monitoring',
                                                  'department-declaration', 'department-self-evaluation')),
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
    adjusts_id        INTEGER REFERENCES forms_new (id),
    error_count       INTEGER,
    warning_count     INTEGER,
    finding_codes     TEXT,
    execution_rate    TEXT,
    budget            TEXT,
    executed          TEXT,
    light             TEXT CHECK (light IN ('green', 'yellow', 'red')),
    round_id          INTEGER REFERENCES monitoring_rounds (id)
);
INSERT INTO forms_new (id, kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
                       document, total_score, grade, created_at, updated_at, declaration_id, adjusts_id,
                       error_count, warning_count, finding_codes, execution_rate, budget, executed, light, round_id)
SELECT id, kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
       document, total_score, grade, created_at, updated_at, declaration_id, adjusts_id,
       error_count, warning_count, finding_codes, execution_rate, budget, executed, light, round_id FROM forms;
DROP TABLE forms;
ALTER TABLE forms_new RENAME TO forms;
CREATE INDEX forms_kind_year ON forms (kind, year);
CREATE INDEX forms_declaration ON forms (declaration_id) WHERE declaration_id IS NOT NULL;
CREATE INDEX forms_adjusts ON forms (adjusts_id) WHERE adjusts_id IS NOT NULL;
CREATE INDEX forms_list ON forms (year DESC, id DESC, status, kind, unit_id, error_count, grade, total_score, updated_at,
    project_name, department, implementing_unit);
CREATE INDEX forms_by_unit ON forms (unit_id, year DESC, id DESC);
CREATE INDEX forms_by_status ON forms (status, year DESC, id DESC);
CREATE INDEX forms_by_unit_status ON forms (unit_id, status, year DESC, id DESC);
CREATE INDEX forms_by_updated ON forms (updated_at DESC, id DESC, status, unit_id);
CREATE INDEX forms_by_unit_updated ON forms (unit_id, updated_at DESC, id DESC, status);
CREATE INDEX forms_by_score ON forms (CAST(total_score AS REAL) DESC, id DESC, year, status, kind, unit_id, error_count, grade);
CREATE INDEX forms_figures ON forms (year, kind, unit_id, status, adjusts_id, error_count, grade, total_score,
                                     execution_rate, budget, executed, finding_codes);
-- A round's forms, and one monitoring form per declaration and round.
CREATE UNIQUE INDEX forms_round_declaration ON forms (round_id, declaration_id) WHERE round_id IS NOT NULL;
CREATE TRIGGER forms_inserted AFTER INSERT ON forms BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER forms_updated AFTER UPDATE ON forms BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER forms_deleted AFTER DELETE ON forms BEGIN UPDATE data_version SET n = n + 1; END;
