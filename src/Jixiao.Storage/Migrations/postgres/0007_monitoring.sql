-- 运行监控 (issue 11): the monitoring form as a third kind of form, finance's monitoring rounds, the 整改 register and
-- 暂缓拨款. forms gains round_id (the round a monitoring form was opened in) and light (its worst light, kept beside
-- the document as grade is for a self-evaluation).
CREATE TABLE monitoring_rounds (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year        integer NOT NULL,
    end_month   integer NOT NULL CHECK (end_month BETWEEN 1 AND 12),
    period_end  date NOT NULL,
    name        text,
    deadline    date NOT NULL,
    focused     boolean NOT NULL DEFAULT false,
    opened_by   text NOT NULL,
    opened_at   timestamptz NOT NULL,
    UNIQUE (year, end_month)
);

ALTER TABLE forms DROP CONSTRAINT forms_kind_check;
ALTER TABLE forms ADD CONSTRAINT forms_kind_check CHECK (kind IN ('self-evaluation', 'target-declaration', 'monitoring'));
ALTER TABLE forms ADD COLUMN light text CHECK (light IN ('green', 'yellow', 'red'));
ALTER TABLE forms ADD COLUMN round_id bigint REFERENCES monitoring_rounds (id);
CREATE UNIQUE INDEX forms_round_declaration ON forms (round_id, declaration_id) WHERE round_id IS NOT NULL;

CREATE TABLE rectifications (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id      bigint NOT NULL REFERENCES forms (id),
    unit_id      bigint REFERENCES organisations (id),
    requirement  text NOT NULL,
    deadline     date NOT NULL,
    raised_by    text NOT NULL,
    raised_at    timestamptz NOT NULL,
    result       text,
    done_by      text,
    done_at      timestamptz
);
CREATE INDEX rectifications_unit ON rectifications (unit_id, deadline);
CREATE INDEX rectifications_form ON rectifications (form_id);

CREATE TABLE funding_holds (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    declaration_id  bigint NOT NULL REFERENCES forms (id),
    reason          text NOT NULL,
    held_by         text NOT NULL,
    held_at         timestamptz NOT NULL,
    released_by     text,
    released_at     timestamptz,
    release_reason  text
);
CREATE INDEX funding_holds_declaration ON funding_holds (declaration_id);
CREATE UNIQUE INDEX funding_holds_in_force ON funding_holds (declaration_id) WHERE released_at IS NULL;

CREATE TRIGGER monitoring_rounds_changed AFTER INSERT OR UPDATE OR DELETE ON monitoring_rounds FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
CREATE TRIGGER rectifications_changed AFTER INSERT OR UPDATE OR DELETE ON rectifications FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
CREATE TRIGGER funding_holds_changed AFTER INSERT OR UPDATE OR DELETE ON funding_holds FOR EACH STATEMENT EXECUTE FUNCTION data_version_moved();
