-- 结果应用 (issue 13, item 5): finance's decision on what an approved self-evaluation means for the project's budget
-- next year, beside the action the profile suggests for its grade. One decision per self-evaluation; recording it
-- again replaces it (who and when are the last decision's). The suggestion is kept as it stood when decided.
CREATE TABLE result_decisions (
    self_evaluation_id  INTEGER PRIMARY KEY REFERENCES forms (id),
    decision            TEXT NOT NULL,
    reason              TEXT,
    suggested           TEXT,
    grade               TEXT,
    decided_by          TEXT NOT NULL,
    decided_at          TEXT NOT NULL
);

CREATE TRIGGER result_decisions_inserted AFTER INSERT ON result_decisions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER result_decisions_updated AFTER UPDATE ON result_decisions BEGIN UPDATE data_version SET n = n + 1; END;
CREATE TRIGGER result_decisions_deleted AFTER DELETE ON result_decisions BEGIN UPDATE data_version SET n = n + 1; END;
