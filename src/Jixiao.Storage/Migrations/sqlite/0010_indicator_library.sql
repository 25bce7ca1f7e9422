-- 指标库 (issue 13, item 1): one entry per indicator (its normalised 一级/二级/三级, IndicatorKey), seeded from the stored
-- forms as 'proposed' and curated by finance (proposed → approved → retired). The figures (how many forms use it, the
-- quartiles of targets and actuals by year, as JSON) are refreshed by each seed; the curated fields never are.
CREATE TABLE indicator_library (
    id                     INTEGER PRIMARY KEY AUTOINCREMENT,
    key                    TEXT NOT NULL UNIQUE,
    level1                 TEXT NOT NULL,
    level2                 TEXT NOT NULL,
    name                   TEXT NOT NULL,
    comparator             TEXT,
    unit                   TEXT,
    explanation            TEXT,
    method                 TEXT,
    value_basis            TEXT CHECK (value_basis IN ('plan', 'history', 'industry', 'other')),
    tags                   TEXT NOT NULL DEFAULT '',
    nature                 TEXT NOT NULL DEFAULT 'specific' CHECK (nature IN ('common', 'specific')),
    owner_id               INTEGER REFERENCES organisations (id),
    scope                  TEXT NOT NULL DEFAULT 'all' CHECK (scope IN ('unit', 'department', 'all')),
    status                 TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'retired')),
    form_count             INTEGER NOT NULL DEFAULT 0,
    declaration_count      INTEGER NOT NULL DEFAULT 0,
    self_evaluation_count  INTEGER NOT NULL DEFAULT 0,
    unit_count             INTEGER NOT NULL DEFAULT 0,
    distribution           TEXT NOT NULL DEFAULT '[]',
    created_by             TEXT NOT NULL,
    created_at             TEXT NOT NULL,
    updated_by             TEXT NOT NULL,
    updated_at             TEXT NOT NULL
);
CREATE INDEX indicator_library_level1 ON indicator_library (level1, status);

CREATE TRIGGER indicator_library_inserted AFTER INSERT ON indicator_library BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER indicator_library_updated AFTER UPDATE ON indicator_library BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER indicator_library_deleted AFTER DELETE ON indicator_library BEGIN UPDATE data_version SET n = n + 1; END;
