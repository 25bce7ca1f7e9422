-- 结果应用 (issue 13, item 5): finance's decision on what an approved self-evaluation means for the project's budget
-- next year, beside the action the profile suggests for its grade. One decision per self-evaluation; recording it
-- again replaces it (who and when are the last decision's). The suggestion is kept as it stood when decided.
CREATE TABLE result_decisions (
    self_evaluation_id  bigint PRIMARY KEY REFERENCES forms (id),
    decision            text NOT NULL,
    reason              text,
    suggested           text,
    grade               text,
    decided_by          text NOT NULL,
    decided_at          timestamptz NOT NULL
);

CREATE TRIGGER result_decisions_changed AFTER INSERT OR UPDATE OR DELETE ON result_decisions FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
