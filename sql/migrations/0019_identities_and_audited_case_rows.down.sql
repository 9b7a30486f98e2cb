-- Back to migration 0018: every active staff member reads identities, and only
-- cases, parties, notes and categories must carry their audit row (office
-- settings, calendars and policy none). Notices queued since keep no address
-- for the complainant's side; rendering reads it from the party, as before.
DROP TRIGGER office_change_is_audited ON office;
DROP TRIGGER holiday_calendar_change_is_audited ON holiday_calendar;
DROP TRIGGER holiday_change_is_audited ON holiday;
DROP TRIGGER policy_version_change_is_audited ON policy_version;
DROP FUNCTION office_change_is_audited();
DROP TRIGGER notice_delivery_is_a_senders ON notice;
DROP FUNCTION notice_delivery_is_a_senders();
DROP TRIGGER notice_change_is_audited ON notice;
DROP TRIGGER notice_queue_is_audited ON notice;
DO $$
DECLARE
    guarded text;
BEGIN
    FOREACH guarded IN ARRAY ARRAY[
        'clock', 'clock_pause', 'clock_extension', 'escalation', 'mediation', 'mediation_answer', 'mediation_session',
        'arbitration', 'arbitration_consent', 'arbitrator', 'arbitration_hearing', 'investigation',
        'respondent_request', 'decision', 'remedy_item', 'remedy_entry'
    ] LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', guarded || '_change_is_audited', guarded);
    END LOOP;
END
$$;
CREATE OR REPLACE FUNCTION case_change_is_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    case_number bigint;
BEGIN
    IF TG_TABLE_NAME = 'complaint_case' THEN
        case_number := NEW.id;
    ELSE
        case_number := NEW.case_id;
    END IF;
    IF NOT EXISTS (
        SELECT 1 FROM case_event e
        WHERE e.case_id = case_number AND e.recorded_at = now() AND e.recorded_by = session_user
    ) THEN
        RAISE EXCEPTION 'login % changed case % without an audit row of the change', session_user, case_number
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

ALTER TABLE notice DROP CONSTRAINT notice_party_address_is_read_when_rendered;
DROP VIEW party_identity;
GRANT SELECT ON party TO redress_staff;

CREATE OR REPLACE FUNCTION redress_session_may(work text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT redress_session_is_trusted() OR coalesce((
        SELECT CASE work
            WHEN 'read' THEN true
            WHEN 'case' THEN s.roles && ARRAY['intake', 'caseworker', 'supervisor', 'ombudsperson', 'admin']
            WHEN 'office' THEN 'admin' = ANY (s.roles)
            ELSE false
        END
        FROM staff s WHERE s.login = session_user AND s.active), false)
$$;
