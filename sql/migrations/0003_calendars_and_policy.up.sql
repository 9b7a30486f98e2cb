-- Holiday calendars: an office may count several (national, city).
CREATE TABLE holiday_calendar (
    name        text PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT holiday_calendar_name_is_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE holiday (
    calendar_name  text NOT NULL REFERENCES holiday_calendar (name) ON DELETE CASCADE,
    holiday_date   date NOT NULL,
    name           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (calendar_name, holiday_date),
    -- Explanations name every holiday they skip, so a holiday must have a name.
    CONSTRAINT holiday_name_is_not_blank CHECK (btrim(name) <> '')
);

CREATE INDEX holiday_by_date ON holiday (holiday_date);

-- Versions of the time-limit policy, each a JSON document of RedressCore's
-- Policy. A clock keeps the version it was made under; version 1 is the
-- built-in default, written the first time it is needed.
CREATE TABLE policy_version (
    version         integer PRIMARY KEY,
    effective_from  date NOT NULL,
    document        jsonb NOT NULL,
    created_by      text NOT NULL DEFAULT session_user,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT policy_version_is_positive CHECK (version > 0),
    CONSTRAINT policy_version_document_matches CHECK ((document ->> 'version')::integer = version)
);
