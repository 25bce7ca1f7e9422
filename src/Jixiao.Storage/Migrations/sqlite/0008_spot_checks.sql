-- 抽查 (issue 13): finance's draws of self-evaluations to re-check, each with its seed so that the draw can be made
-- again and give the same forms, and the forms drawn with why (least credible, or at random in their 主管部门) and
-- their credibility at the time of the draw.
CREATE TABLE spot_checks (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    year          INTEGER NOT NULL,
    size          INTEGER NOT NULL,
    seed          INTEGER NOT NULL,
    random_share  TEXT NOT NULL,
    drawn_by      TEXT NOT NULL,
    drawn_at      TEXT NOT NULL
);
CREATE TABLE spot_check_forms (
    spot_check_id INTEGER NOT NULL REFERENCES spot_checks (id),
    form_id       INTEGER NOT NULL REFERENCES forms (id),
    rank          INTEGER NOT NULL,
    reason        TEXT NOT NULL CHECK (reason IN ('risk', 'random')),
    credibility   TEXT NOT NULL,
    reasons       TEXT NOT NULL,
    PRIMARY KEY (spot_check_id, form_id)
);
CREATE TRIGGER spot_checks_inserted AFTER INSERT ON spot_checks BEGIN UPDATE data_version SET n = n + 1; END;
