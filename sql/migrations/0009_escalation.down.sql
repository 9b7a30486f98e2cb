DROP INDEX IF EXISTS case_event_assignment_by_time;
DROP INDEX IF EXISTS case_event_assignment;
DROP INDEX IF EXISTS clock_live_until;
DROP TABLE IF EXISTS escalation;
