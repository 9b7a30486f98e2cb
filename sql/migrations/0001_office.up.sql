-- The office that runs Redress: one row of settings every other table relies on.
CREATE TABLE office (
    id                 boolean PRIMARY KEY DEFAULT true,
    name               text NOT NULL DEFAULT 'Human Rights Office',
    reference_prefix   text NOT NULL DEFAULT 'HRC',
    time_zone          text NOT NULL DEFAULT 'UTC',
    week_mask          text NOT NULL DEFAULT 'Mon-Fri',
    default_language   text NOT NULL DEFAULT 'en',
    sender             text NOT NULL DEFAULT 'Human Rights Office <office@example.org>',
    mail_domain        text NOT NULL DEFAULT 'example.org',
    templates_dir      text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- One office per database: a second row would make every clock ambiguous.
    CONSTRAINT office_is_single_row CHECK (id),
    CONSTRAINT office_reference_prefix_is_short_code CHECK (reference_prefix ~ '^[A-Z][A-Z0-9]{0,9}$'),
    -- The time zone must be one PostgreSQL knows, or local dates would be guessed.
    CONSTRAINT office_time_zone_is_known CHECK (now() AT TIME ZONE time_zone IS NOT NULL),
    CONSTRAINT office_default_language_is_code CHECK (default_language ~ '^[a-z]{2,3}$')
);

INSERT INTO office DEFAULT VALUES;
