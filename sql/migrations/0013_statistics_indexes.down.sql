DROP INDEX complaint_case_by_received_on;
DROP INDEX case_event_stage_entry;
DROP INDEX case_event_closing_by_time;
