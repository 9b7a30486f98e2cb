ALTER TABLE office DROP COLUMN earliest_event_date;
