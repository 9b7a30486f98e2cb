-- What staff logins (members of redress_staff) may do in this database.
-- Redress checks each command against the staff member's roles; these
-- grants only keep a login to the tables the application writes. The audit
-- log takes inserts only; its triggers run as the owner.
GRANT USAGE ON SCHEMA public TO redress_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO redress_staff;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO redress_staff;
GRANT INSERT, UPDATE ON office, staff, policy_version, respondent_body, reference_counter,
    complaint_case, party, case_category, clock, clock_pause, clock_extension, case_note, notice
    TO redress_staff;
GRANT INSERT, DELETE ON holiday_calendar, holiday TO redress_staff;
GRANT INSERT ON case_event TO redress_staff;
