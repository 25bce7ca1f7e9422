-- Lists that scale: what a list filters and sorts on kept beside the document (findings counted on every save,
-- 执行率 and the money in 元), indexes that serve each scope in its sort order, and the year's windows (申报, 监控,
-- 自评) with their deadlines. Money and rates are exact decimal text, as total_score is.
ALTER TABLE forms ADD COLUMN error_count INTEGER;
ALTER TABLE forms ADD COLUMN warning_count INTEGER;
ALTER TABLE forms ADD COLUMN finding_codes TEXT;
ALTER TABLE forms ADD COLUMN execution_rate TEXT;
ALTER TABLE forms ADD COLUMN budget TEXT;
ALTER TABLE forms ADD COLUMN executed TEXT;

CREATE INDEX forms_by_year ON forms (year DESC, id DESC);
CREATE INDEX forms_by_unit ON forms (unit_id, year DESC, id DESC);
CREATE INDEX forms_by_status ON forms (status, year DESC, id DESC);
CREATE INDEX forms_by_unit_status ON forms (unit_id, status, year DESC, id DESC);

CREATE TABLE windows (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    year        INTEGER NOT NULL,
    stage       TEXT NOT NULL CHECK (stage IN ('declaration', 'monitoring', 'self-evaluation')),
    opens_on    TEXT NOT NULL,
    closes_on   TEXT NOT NULL,
    opened_by   TEXT NOT NULL,
    opened_at   TEXT NOT NULL,
    UNIQUE (year, stage)
);
