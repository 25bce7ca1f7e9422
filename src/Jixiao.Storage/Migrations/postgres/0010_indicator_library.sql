-- 指标库 (issue 13, item 1): one entry per indicator (its normalised 一级/二级/三级, IndicatorKey), seeded from the stored
-- forms as 'proposed' and curated by finance (proposed → approved → retired). The figures (how many forms use it, the
-- quartiles of targets and actuals by year, as JSON) are refreshed by each seed; the curated fields never are.
CREATE TABLE indicator_library (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key                    text NOT NULL UNIQUE,
    level1                 text NOT NULL,
    level2                 text NOT NULL,
    name                   text NOT NULL,
    comparator             text,
    unit                   text,
    explanation            text,
    method                 text,
    value_basis            text CHECK (value_basis IN ('plan', 'history', 'industry', 'other')),
    tags                   text NOT NULL DEFAULT '',
    nature                 text NOT NULL DEFAULT 'specific' CHECK (nature IN ('common', 'specific')),
    owner_id               bigint REFERENCES organisations (id),
    scope                  text NOT NULL DEFAULT 'all' CHECK (scope IN ('unit', 'department', 'all')),
    status                 text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'approved', 'retired')),
    form_count             integer NOT NULL DEFAULT 0,
    declaration_count      integer NOT NULL DEFAULT 0,
    self_evaluation_count  integer NOT NULL DEFAULT 0,
    unit_count             integer NOT NULL DEFAULT 0,
    distribution           text NOT NULL DEFAULT '[]',
    created_by             text NOT NULL,
    created_at             timestamptz NOT NULL,
    updated_by             text NOT NULL,
    updated_at             timestamptz NOT NULL
);
CREATE INDEX indicator_library_level1 ON indicator_library (level1, status);

CREATE TRIGGER indicator_library_changed AFTER INSERT OR UPDATE OR DELETE ON indicator_library FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
