-- 运行监控 (issue 11): the monitoring form as a third kind of form, finance's monitoring rounds, the 整改 register and
-- 暂缓拨款. forms gains round_id (the round a monitoring form was opened in) and light (its worst light, kept beside
-- the document as grade is for a self-evaluation).
-- SQLite cannot change the kind CHECK in place: the table is rebuilt by SQLite's procedure, every index and trigger
-- on it made again as migrations 0002, 0003 and 0006 left them:
-- jixiao:foreign-keys-off

CREATE TABLE monitoring_rounds (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    year        INTEGER NOT NULL,
    end_month   INTEGER NOT NULL CHECK (end_month BETWEEN 1 AND 12),
    period_end  TEXT NOT NULL,
    name        TEXT,
    deadline    TEXT NOT NULL,
    focused     INTEGER NOT NULL DEFAULT 0 CHECK (focused IN (0, 1)),
    opened_by   TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    UNIQUE (year, end_month)
);

CREATE TABLE forms_new (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    kind              TEXT NOT NULL CHECK (kind IN ('self-evaluation', 'target-declaration', 'monitoring')),
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
                       error_count, warning_count, finding_codes, execution_rate, budget, executed)
SELECT id, kind, year, project_name, department, implementing_unit, unit_id, status, version, content_hash,
       document, total_score, grade, created_at, updated_at, declaration_id, adjusts_id,
       error_count, warning_count, finding_codes, execution_rate, budget, executed FROM forms;
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

-- 整改: what a reviewer requires of a unit after a monitoring or self-evaluation review, by when, and what the unit
-- did. Open while result is null; overdue when open past its deadline.
CREATE TABLE rectifications (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id      INTEGER NOT NULL REFERENCES forms (id),
    unit_id      INTEGER REFERENCES organisations (id),
    requirement  TEXT NOT NULL,
    deadline     TEXT NOT NULL,
    raised_by    TEXT NOT NULL,
    raised_at    TEXT NOT NULL,
    result       TEXT,
    done_by      TEXT,
    done_at      TEXT
);
CREATE INDEX rectifications_unit ON rectifications (unit_id, deadline);
CREATE INDEX rectifications_form ON rectifications (form_id);

-- 暂缓拨款: finance holds a project's funds (its declaration) with a reason, until it releases them.
CREATE TABLE funding_holds (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    declaration_id  INTEGER NOT NULL REFERENCES forms (id),
    reason          TEXT NOT NULL,
    held_by         TEXT NOT NULL,
    held_at         TEXT NOT NULL,
    released_by     TEXT,
    released_at     TEXT,
    release_reason  TEXT
);
CREATE INDEX funding_holds_declaration ON funding_holds (declaration_id);
-- At most one hold in force per project.
CREATE UNIQUE INDEX funding_holds_in_force ON funding_holds (declaration_id) WHERE released_at IS NULL;

CREATE TRIGGER monitoring_rounds_changed AFTER INSERT ON monitoring_rounds BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER rectifications_inserted AFTER INSERT ON rectifications BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER rectifications_updated AFTER UPDATE ON rectifications BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER funding_holds_inserted AFTER INSERT ON funding_holds BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER funding_holds_updated AFTER UPDATE ON funding_holds BEGIN UPDATE data_version SET n = n + 1; END;
