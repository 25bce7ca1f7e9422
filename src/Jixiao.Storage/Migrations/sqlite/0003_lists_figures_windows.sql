-- Lists that scale: what a list filters and sorts on kept beside the document (findings counted on every save,
-- 执行率 and the money in 元), indexes that serve each scope in its sort order, and the year's windows (申报, 监控,
-- 自评) with their deadlines. Money and rates are exact decimal text, as total_score is.
ALTER TABLE forms ADD COLUMN error_count INTEGER;
ALTER TABLE forms ADD COLUMN warning_count INTEGER;
ALTER TABLE forms ADD COLUMN finding_codes TEXT;
ALTER TABLE forms ADD COLUMN execution_rate TEXT;
ALTER TABLE forms ADD COLUMN budget TEXT;
ALTER TABLE forms ADD COLUMN executed TEXT;

-- The list's own index: in the default order (year, newest first) and holding every column a list filters, sorts or
-- searches on, so a filter, a count or a deep page reads this index and never the rows, whose documents spill into
-- overflow pages (and whose later columns, added above, lie beyond them).
CREATE INDEX forms_list ON forms (year DESC, id DESC, status, kind, unit_id, error_count, grade, total_score, updated_at,
    project_name, department, implementing_unit);
-- Served by the indexes below (forms_by_status begins with status; forms_by_unit and forms_list serve a year):
-- fewer indexes to keep up on every write.
DROP INDEX forms_status;
DROP INDEX forms_year_unit;
CREATE INDEX forms_by_unit ON forms (unit_id, year DESC, id DESC);
CREATE INDEX forms_by_status ON forms (status, year DESC, id DESC);
CREATE INDEX forms_by_unit_status ON forms (unit_id, status, year DESC, id DESC);
CREATE INDEX forms_by_updated ON forms (updated_at DESC, id DESC, status, unit_id);
-- A unit's or a 主管部门's latest changes (the 工作台): their own forms, read from the index alone, not every row
-- of their units fetched to be sorted.
CREATE INDEX forms_by_unit_updated ON forms (unit_id, updated_at DESC, id DESC, status);
-- Ranking by 总分 (scores are exact text, ordered as numbers), with the filter columns to check without the rows.
CREATE INDEX forms_by_score ON forms (CAST(total_score AS REAL) DESC, id DESC, year, status, kind, unit_id, error_count, grade);

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

-- A number that moves on every write to forms, windows or organisations, from any process (the web app, a batch
-- import): answers computed over the whole table (a list's total, the 工作台's counts, a dashboard, the organisation
-- tree every page reads) are kept until it moves.
CREATE TABLE data_version (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   INTEGER NOT NULL
);
-- It starts at a random number, so two databases (a restored backup of another) never share a version.
INSERT INTO data_version (id, n) VALUES (1, abs(random() % 1000000000000));
CREATE TRIGGER forms_inserted AFTER INSERT ON forms BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER forms_updated AFTER UPDATE ON forms BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER forms_deleted AFTER DELETE ON forms BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER windows_inserted AFTER INSERT ON windows BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER windows_updated AFTER UPDATE ON windows BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER windows_deleted AFTER DELETE ON windows BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER organisations_inserted AFTER INSERT ON organisations BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER organisations_updated AFTER UPDATE ON organisations BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER organisations_deleted AFTER DELETE ON organisations BEGIN UPDATE data_version SET n = n + 1; END;
