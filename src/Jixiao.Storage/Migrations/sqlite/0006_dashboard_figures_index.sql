-- The dashboards (统计分析) group a year's forms by kind and unit over the columns kept beside each document. In a
-- SQLite row those columns come after the document (several kB, in overflow pages), so reading them reads every
-- document's pages: about 0.4 s per query at 100,000 forms. This index holds them (and the rowid) itself: the
-- dashboards read it alone (EXPLAIN QUERY PLAN: "USING COVERING INDEX forms_figures"), already in (kind, unit)
-- order, about 0.06 s. unit_id comes after kind so that a list page of a 主管部门's units in a year keeps walking
-- forms_list in its order rather than sorting every row of the year here.
CREATE INDEX forms_figures ON forms (year, kind, unit_id, status, adjusts_id, error_count, grade, total_score,
                                     execution_rate, budget, executed, finding_codes);
