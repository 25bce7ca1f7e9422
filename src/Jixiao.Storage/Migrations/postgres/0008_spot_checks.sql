-- 抽查 (issue 13): finance's draws of self-evaluations to re-check, each with its seed so that the draw can be made
-- again and give the same forms, and the forms drawn with why (least credible, or at random in their 主管部门) and
-- their credibility at the time of the draw.
CREATE TABLE spot_checks (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year          integer NOT NULL,
    size          integer NOT NULL,
    seed          bigint NOT NULL,
    random_share  numeric(5, 2) NOT NULL,
    drawn_by      text NOT NULL,
    drawn_at      timestamptz NOT NULL
);
CREATE TABLE spot_check_forms (
    spot_check_id bigint NOT NULL REFERENCES spot_checks (id),
    form_id       bigint NOT NULL REFERENCES forms (id),
    rank          integer NOT NULL,
    reason        text NOT NULL CHECK (reason IN ('risk', 'random')),
    credibility   numeric(6, 2) NOT NULL,
    reasons       text NOT NULL,
    PRIMARY KEY (spot_check_id, form_id)
);
CREATE TRIGGER spot_checks_changed AFTER INSERT OR UPDATE OR DELETE ON spot_checks FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
