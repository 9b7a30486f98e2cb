-- The nightly sweep writes its escalation steps and their notices in batches
-- of thousands of rows; as declared foreign keys, each row's references were
-- checked by a query of their own: a sweep over 1,000,000 cases that took
-- 531,390 steps and queued 1,176,122 notices made about 2,240,000 such checks
-- (log_statement_stats: 30.4 s of server CPU in the batch statements). As
-- migration 14 did for intake, the same rules hold per statement: an
-- anti-join over the inserted rows after each INSERT, failing as the foreign
-- key did (SQLSTATE 23503, the same constraint name). Escalation steps name
-- clocks, so clocks, like cases, are never removed or renumbered.

ALTER TABLE escalation DROP CONSTRAINT escalation_clock_id_fkey;
ALTER TABLE escalation DROP CONSTRAINT escalation_case_id_fkey;
ALTER TABLE notice DROP CONSTRAINT notice_case_id_fkey;

CREATE TRIGGER escalation_clock_id_fkey AFTER INSERT ON escalation REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('escalation_clock_id_fkey', 'clock_id', 'clock', 'id');
CREATE TRIGGER escalation_clock_id_fkey_on_update BEFORE UPDATE OF clock_id ON escalation
    FOR EACH ROW WHEN (OLD.clock_id IS DISTINCT FROM NEW.clock_id)
    EXECUTE FUNCTION updated_row_names_existing_row('escalation_clock_id_fkey', 'clock_id', 'clock', 'id');
CREATE TRIGGER escalation_case_id_fkey AFTER INSERT ON escalation REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('escalation_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER escalation_case_id_fkey_on_update BEFORE UPDATE OF case_id ON escalation
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('escalation_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER notice_case_id_fkey AFTER INSERT ON notice REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('notice_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER notice_case_id_fkey_on_update BEFORE UPDATE OF case_id ON notice
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('notice_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER clock_is_never_removed BEFORE DELETE ON clock
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
CREATE TRIGGER clock_is_never_renumbered BEFORE UPDATE OF id ON clock
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
CREATE TRIGGER clock_is_never_truncated BEFORE TRUNCATE ON clock
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
