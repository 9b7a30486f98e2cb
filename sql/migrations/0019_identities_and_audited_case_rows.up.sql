-- Who complained is read only by those who may see it (SPEC §3.2): the case's
-- assignee, supervisors and the ombudsperson, whatever SQL a staff login
-- writes. No staff login reads the identity columns of `party`; the view
-- `party_identity` gives every reader the rows, with the name and contact
-- details of cases it may not see replaced by '[redacted]', as `redress` shows
-- them. An absent detail stays NULL: whether there is an email address decides
-- how a notice goes, for anyone who queues one. Notices to the complainant's
-- side carry no address: it is read from the party when the notice is
-- rendered, by staff who may send notices.

CREATE OR REPLACE FUNCTION redress_session_may(work text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT redress_session_is_trusted() OR coalesce((
        SELECT CASE work
            WHEN 'read' THEN true
            WHEN 'case' THEN s.roles && ARRAY['intake', 'caseworker', 'supervisor', 'ombudsperson', 'admin']
            WHEN 'office' THEN 'admin' = ANY (s.roles)
            -- Every complainant's identity; an assignee sees their own cases' too.
            WHEN 'identity' THEN s.roles && ARRAY['supervisor', 'ombudsperson']
            -- Sending notices, which name complainants.
            WHEN 'send' THEN s.roles && ARRAY['supervisor', 'ombudsperson']
            ELSE false
        END
        FROM staff s WHERE s.login = session_user AND s.active), false)
$$;

REVOKE SELECT ON party FROM redress_staff;
GRANT SELECT (id, case_id, role, position, language, contact_preference) ON party TO redress_staff;

CREATE VIEW party_identity WITH (security_barrier) AS
    SELECT p.id, p.case_id, p.role, p.position,
        CASE WHEN s.seen THEN p.name ELSE '[redacted]' END AS name,
        CASE WHEN s.seen OR p.email IS NULL THEN p.email ELSE '[redacted]' END AS email,
        CASE WHEN s.seen OR p.phone IS NULL THEN p.phone ELSE '[redacted]' END AS phone,
        CASE WHEN s.seen OR p.postal_address IS NULL THEN p.postal_address ELSE '[redacted]' END AS postal_address
    FROM party p
    CROSS JOIN LATERAL (
        SELECT (SELECT redress_session_may('identity'))
            OR EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = p.case_id AND c.assignee = session_user)
    ) s(seen)
    WHERE (SELECT redress_session_may('read'));

GRANT SELECT ON party_identity TO redress_staff, redress_service;

ALTER TABLE notice DISABLE TRIGGER notice_content_is_fixed;
UPDATE notice SET recipient = NULL WHERE audience IN ('complainant', 'representative') AND recipient IS NOT NULL;
ALTER TABLE notice ENABLE TRIGGER notice_content_is_fixed;
ALTER TABLE notice ADD CONSTRAINT notice_party_address_is_read_when_rendered
    CHECK (recipient IS NULL OR audience NOT IN ('complainant', 'representative'));

-- Every change a staff login makes to a case's rows is in the audit log, as its
-- changes to the case, parties, notes and categories already are: its clocks,
-- their pauses and extensions, escalations, notices and the resolution tables.
-- A row of a case's child table (a clock's pause, a mediation's session) is
-- checked against its parent's case, named by the trigger's arguments.
CREATE OR REPLACE FUNCTION case_change_is_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    case_number bigint;
BEGIN
    IF TG_TABLE_NAME = 'complaint_case' THEN
        case_number := NEW.id;
    ELSIF TG_NARGS = 2 THEN
        EXECUTE format('SELECT case_id FROM %I WHERE id = $1', TG_ARGV[0])
            INTO case_number USING (to_jsonb(NEW) ->> TG_ARGV[1])::bigint;
    ELSE
        case_number := NEW.case_id;
    END IF;
    IF case_number IS NULL THEN
        -- A notice of no case: an audit row of no case stands for it.
        IF EXISTS (
            SELECT 1 FROM case_event e
            WHERE e.case_id IS NULL AND e.recorded_at = now() AND e.recorded_by = session_user
        ) THEN
            RETURN NULL;
        END IF;
    ELSIF EXISTS (
        SELECT 1 FROM case_event e
        WHERE e.case_id = case_number AND e.recorded_at = now() AND e.recorded_by = session_user
    ) THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'login % changed case % without an audit row of the change', session_user, case_number
        USING ERRCODE = 'insufficient_privilege';
END
$$;

DO $$
DECLARE
    guarded text[];
BEGIN
    FOREACH guarded SLICE 1 IN ARRAY ARRAY[
        ['clock', NULL, NULL], ['clock_pause', 'clock', 'clock_id'], ['clock_extension', 'clock', 'clock_id'],
        ['escalation', NULL, NULL],
        ['mediation', NULL, NULL], ['mediation_answer', 'mediation', 'mediation_id'],
        ['mediation_session', 'mediation', 'mediation_id'],
        ['arbitration', NULL, NULL], ['arbitration_consent', 'arbitration', 'arbitration_id'],
        ['arbitrator', 'arbitration', 'arbitration_id'], ['arbitration_hearing', 'arbitration', 'arbitration_id'],
        ['investigation', NULL, NULL], ['respondent_request', NULL, NULL], ['decision', NULL, NULL],
        ['remedy_item', NULL, NULL], ['remedy_entry', 'remedy_item', 'remedy_item_id']
    ] LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW'
            ' WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION case_change_is_audited(%s)',
            guarded[1] || '_change_is_audited', guarded[1],
            CASE WHEN guarded[2] IS NULL THEN '' ELSE quote_literal(guarded[2]) || ', ' || quote_literal(guarded[3]) END);
    END LOOP;
END
$$;

-- A notice is queued with the audited change that causes it, and cancelling or
-- retrying one by hand is audited. Sending it changes only its delivery record,
-- and only those who send notices do that: supervisors and the ombudsperson, as
-- messages name complainants.
CREATE FUNCTION notice_delivery_is_a_senders() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT redress_session_may('send') THEN
        RAISE EXCEPTION 'login % may not deliver notices: only supervisors and the ombudsperson send them', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE CONSTRAINT TRIGGER notice_queue_is_audited AFTER INSERT ON notice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
CREATE CONSTRAINT TRIGGER notice_change_is_audited AFTER UPDATE ON notice
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted() AND (NEW.state = 'cancelled' OR (OLD.state = 'failed' AND NEW.state = 'pending')))
    EXECUTE FUNCTION case_change_is_audited();
CREATE TRIGGER notice_delivery_is_a_senders BEFORE UPDATE ON notice
    FOR EACH ROW
    WHEN (NOT redress_session_is_trusted() AND NOT (NEW.state = 'cancelled' OR (OLD.state = 'failed' AND NEW.state = 'pending')))
    EXECUTE FUNCTION notice_delivery_is_a_senders();

-- The office's settings, calendars and policy change the same way: an admin's
-- change carries an office audit row (one of no case) written by the same login
-- in the same transaction, as `office set`, `calendar` and `policy set` write
-- (a backdated policy version among them, with its reason).
CREATE FUNCTION office_change_is_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM case_event e
        WHERE e.case_id IS NULL AND e.recorded_at = now() AND e.recorded_by = session_user
    ) THEN
        RAISE EXCEPTION 'login % changed % without an audit row of the change', session_user, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    guarded text;
BEGIN
    FOREACH guarded IN ARRAY ARRAY['office', 'holiday_calendar', 'holiday', 'policy_version'] LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED'
            ' FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION office_change_is_audited()',
            guarded || '_change_is_audited', guarded);
    END LOOP;
END
$$;
