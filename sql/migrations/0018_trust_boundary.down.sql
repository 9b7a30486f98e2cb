-- Back to the privileges of migration 0007 and later, without row-level
-- security; objects stay owned by redress_owner, and the roles stay (they are
-- cluster-wide).
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN
        SELECT p.tablename, p.policyname FROM pg_policies p WHERE p.schemaname = 'public'
    LOOP
        EXECUTE format('DROP POLICY %I ON %I', object.policyname, object.tablename);
    END LOOP;
    FOR object IN
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relrowsecurity
    LOOP
        EXECUTE format('ALTER TABLE %I DISABLE ROW LEVEL SECURITY', object.relname);
    END LOOP;
END
$$;

DROP TRIGGER complaint_case_change_is_audited ON complaint_case;
DROP TRIGGER party_change_is_audited ON party;
DROP TRIGGER case_note_change_is_audited ON case_note;
DROP TRIGGER case_category_change_is_audited ON case_category;
DROP TRIGGER notice_content_is_fixed ON notice;
DROP FUNCTION notice_content_is_fixed();
DROP FUNCTION case_change_is_audited();
DROP TRIGGER complaint_case_follows_the_lifecycle ON complaint_case;
DROP FUNCTION complaint_case_follows_the_lifecycle();
DROP TABLE case_transition;
DROP FUNCTION staff_add(text, text[], text, text, timestamptz);
DROP FUNCTION staff_set_roles(text, text[], timestamptz);
DROP FUNCTION staff_deactivate(text, timestamptz);
DROP FUNCTION staff_token_issue(text, bytea, timestamptz, timestamptz);
DROP FUNCTION staff_token_revoke(bigint, timestamptz);
DROP FUNCTION staff_token_check(bigint, bytea, timestamptz);
DROP FUNCTION complaint_status_token_matches(bigint, bytea);
DROP FUNCTION redress_may_read_mediation_notes(bigint);
DROP FUNCTION redress_session_admin();
DROP FUNCTION redress_session_may(text);
DROP FUNCTION redress_session_is_trusted();

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM redress_service;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM redress_service;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM redress_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO redress_staff;
GRANT INSERT, UPDATE ON office, staff, policy_version, respondent_body, reference_counter,
    complaint_case, party, case_category, clock, clock_pause, clock_extension, case_note, notice,
    mediation, mediation_answer, mediation_session, arbitration, arbitration_consent,
    arbitrator, arbitration_hearing, investigation, respondent_request, decision, remedy_item, remedy_entry
    TO redress_staff;
GRANT INSERT, DELETE ON holiday_calendar, holiday TO redress_staff;
GRANT INSERT ON case_event, escalation, staff_token, complaint_status_token TO redress_staff;
GRANT UPDATE (revoked_at, revoked_by) ON staff_token TO redress_staff;

-- The chain as migration 0015 left it. Audit rows written since hash their
-- recorded_by: without it they could no longer be verified, so stepping back
-- over them is refused.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM case_event WHERE recorded_by IS NOT NULL) THEN
        RAISE EXCEPTION 'audit rows were written under migration 18, and their hashes cover who recorded them; stepping back would make them unverifiable'
            USING ERRCODE = 'object_in_use';
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION case_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    xact       text := txid_current()::text;
    tail       text[] := string_to_array(current_setting('redress.chain_tail', true), ':');
    tail_id    bigint;
    tail_hash  bytea;
BEGIN
    IF tail[1] IS NOT DISTINCT FROM xact THEN
        tail_id := tail[2]::bigint;
        tail_hash := decode(tail[3], 'hex');
    ELSE
        SELECT h.last_id, h.last_hash INTO tail_id, tail_hash FROM audit_chain_head h WHERE h.id FOR UPDATE;
    END IF;
    NEW.id := tail_id + 1;
    NEW.recorded_at := now();
    NEW.previous_hash := tail_hash;
    NEW.hash := sha256(case_event_canonical(
        NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.data) || tail_hash);
    PERFORM set_config('redress.chain_tail', xact || ':' || NEW.id || ':' || encode(NEW.hash, 'hex'), true);
    RETURN NEW;
END
$$;

DROP FUNCTION case_event_canonical(bigint, bigint, text, timestamptz, timestamptz, text, jsonb, text);
CREATE FUNCTION case_event_canonical(
    id bigint, case_id bigint, actor text, occurred_at timestamptz,
    recorded_at timestamptz, kind text, data jsonb
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT convert_to(jsonb_build_array(
        id, case_id, actor,
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        kind, data)::text, 'UTF8')
$$;
ALTER TABLE case_event DROP COLUMN recorded_by;

CREATE OR REPLACE FUNCTION case_event_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    tail text[] := string_to_array(current_setting('redress.chain_tail', true), ':');
BEGIN
    IF tail[1] IS NOT DISTINCT FROM txid_current_if_assigned()::text THEN
        UPDATE audit_chain_head SET last_id = tail[2]::bigint, last_hash = decode(tail[3], 'hex')
        WHERE id AND last_id < tail[2]::bigint;
    END IF;
    RETURN NULL;
END
$$;

REVOKE USAGE ON SCHEMA public FROM redress_service;
