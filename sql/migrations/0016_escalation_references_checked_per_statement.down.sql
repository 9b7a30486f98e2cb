DROP TRIGGER clock_is_never_truncated ON clock;
DROP TRIGGER clock_is_never_renumbered ON clock;
DROP TRIGGER clock_is_never_removed ON clock;
DROP TRIGGER notice_case_id_fkey_on_update ON notice;
DROP TRIGGER notice_case_id_fkey ON notice;
DROP TRIGGER escalation_case_id_fkey_on_update ON escalation;
DROP TRIGGER escalation_case_id_fkey ON escalation;
DROP TRIGGER escalation_clock_id_fkey_on_update ON escalation;
DROP TRIGGER escalation_clock_id_fkey ON escalation;

ALTER TABLE notice ADD CONSTRAINT notice_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE escalation ADD CONSTRAINT escalation_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE escalation ADD CONSTRAINT escalation_clock_id_fkey FOREIGN KEY (clock_id) REFERENCES clock (id);
