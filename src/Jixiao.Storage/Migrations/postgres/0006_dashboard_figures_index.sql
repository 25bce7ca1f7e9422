-- The dashboards (统计分析) group a year's forms by kind and unit over the columns kept beside each document. The heap
-- holds every row's (compressed) document too; this index holds what the dashboards read, so that they are an
-- index-only scan of a few MB instead of a scan of the table (id for the anti-join that leaves superseded revisions
-- out). The same column order as SQLite's.
CREATE INDEX forms_figures ON forms (year, kind, unit_id, status)
    INCLUDE (id, adjusts_id, error_count, grade, total_score, execution_rate, budget, executed, finding_codes);
