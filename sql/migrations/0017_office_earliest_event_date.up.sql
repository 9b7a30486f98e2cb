-- The earliest date an event may be entered for: a time before it is a typo
-- (a year 1026 for 2026), refused like a time in the future. An office that
-- enters old paper files moves it back.
ALTER TABLE office ADD COLUMN earliest_event_date date NOT NULL DEFAULT '1990-01-01';
ALTER TABLE office ADD CONSTRAINT office_earliest_event_date_is_plausible
    CHECK (earliest_event_date BETWEEN '1900-01-01' AND '2100-01-01');
