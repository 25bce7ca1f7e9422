-- Lists that scale: what a list filters and sorts on kept beside the document (findings counted on every save,
-- 执行率 and the money in 元), indexes that serve each scope in its sort order, and the year's windows (申报, 监控,
-- 自评) with their deadlines.
ALTER TABLE forms ADD COLUMN error_count integer;
ALTER TABLE forms ADD COLUMN warning_count integer;
ALTER TABLE forms ADD COLUMN finding_codes text;
ALTER TABLE forms ADD COLUMN execution_rate numeric(12, 2);
ALTER TABLE forms ADD COLUMN budget numeric(16, 2);
ALTER TABLE forms ADD COLUMN executed numeric(16, 2);

-- The list's own index, in the default order and holding every column a list filters, sorts or searches on: a
-- filter, a count or a deep page can be answered from the index alone.
-- (The documents live out of line, in TOAST, so the rows are narrow and a search reads them as fast as it would an
-- index holding the names.)
CREATE INDEX forms_list ON forms (year DESC, id DESC) INCLUDE (status, kind, unit_id, error_count, grade, total_score, updated_at);
-- Served by the indexes below (forms_by_status begins with status; forms_by_unit and forms_list serve a year):
-- fewer indexes to keep up on every write.
DROP INDEX forms_status;
DROP INDEX forms_year_unit;
CREATE INDEX forms_by_unit ON forms (unit_id, year DESC, id DESC);
CREATE INDEX forms_by_status ON forms (status, year DESC, id DESC);
CREATE INDEX forms_by_unit_status ON forms (unit_id, status, year DESC, id DESC);
CREATE INDEX forms_by_updated ON forms (updated_at DESC, id DESC) INCLUDE (status, unit_id);
-- A unit's or a 主管部门's latest changes (the 工作台): their own forms, read from the index alone, not every row
-- of their units fetched to be sorted.
CREATE INDEX forms_by_unit_updated ON forms (unit_id, updated_at DESC, id DESC) INCLUDE (status);
CREATE INDEX forms_by_score ON forms (total_score DESC NULLS LAST, id DESC) INCLUDE (year, status, kind, unit_id, error_count, grade);

CREATE TABLE windows (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year        integer NOT NULL,
    stage       text NOT NULL CHECK (stage IN ('declaration', 'monitoring', 'self-evaluation')),
    opens_on    date NOT NULL,
    closes_on   date NOT NULL,
    opened_by   text NOT NULL,
    opened_at   timestamptz NOT NULL,
    UNIQUE (year, stage)
);

-- A number that moves on every write to forms, windows or organisations, from any process: answers computed over
-- the whole table (a list's total, the 工作台's counts, a dashboard, the organisation tree) are kept until it moves. Once per statement, so a COPY of 100,000
-- rows moves it once; the row lock it takes is held to the commit, which orders writers but each holds it briefly.
CREATE TABLE data_version (
    id  integer PRIMARY KEY CHECK (id = 1),
    n   bigint NOT NULL
);
-- It starts at a random number, so two databases (a restored backup of another) never share a version.
INSERT INTO data_version (id, n) VALUES (1, floor(random() * 1000000000000)::bigint);
CREATE FUNCTION data_version_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE data_version SET n = n + 1 WHERE id = 1;
    RETURN NULL;
END
$$;
CREATE TRIGGER forms_changed AFTER INSERT OR UPDATE OR DELETE ON forms FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
CREATE TRIGGER windows_changed AFTER INSERT OR UPDATE OR DELETE ON windows FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
CREATE TRIGGER organisations_changed AFTER INSERT OR UPDATE OR DELETE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
