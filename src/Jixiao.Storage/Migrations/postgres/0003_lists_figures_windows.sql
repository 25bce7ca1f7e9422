-- Lists that scale: what a list filters and sorts on kept beside the document (findings counted on every save,
-- 执行率 and the money in 元), indexes that serve each scope in its sort order, and the year's windows (申报, 监控,
-- 自评) with their deadlines.
ALTER TABLE forms ADD COLUMN error_count integer;
ALTER TABLE forms ADD COLUMN warning_count integer;
ALTER TABLE forms ADD COLUMN finding_codes text;
ALTER TABLE forms ADD COLUMN execution_rate numeric(12, 2);
ALTER TABLE forms ADD COLUMN budget numeric(16, 2);
ALTER TABLE forms ADD COLUMN executed numeric(16, 2);

CREATE INDEX forms_by_year ON forms (year DESC, id DESC);
CREATE INDEX forms_by_unit ON forms (unit_id, year DESC, id DESC);
CREATE INDEX forms_by_status ON forms (status, year DESC, id DESC);
CREATE INDEX forms_by_unit_status ON forms (unit_id, status, year DESC, id DESC);

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
