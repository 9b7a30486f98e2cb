-- Back to migration 0022: no recusals; staff_deactivate and the identity rule as
-- migration 0020 left them; party_identity, the audit rule of case rows and the
-- policy of audit rows as migrations 0018 and 0019 left them.
DROP POLICY redress_insert ON case_event;
CREATE POLICY redress_insert ON case_event FOR INSERT WITH CHECK (
    (kind = 'case_viewed' AND (SELECT redress_session_may('read'))) OR (SELECT redress_session_may('case'))
);

CREATE OR REPLACE FUNCTION redress_may_see_identity(viewer text, case_number bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM staff s
        WHERE s.login = viewer AND s.active
          AND (s.roles && ARRAY['supervisor', 'ombudsperson']
               OR EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = case_number AND c.assignee = s.login)))
$$;

CREATE OR REPLACE VIEW party_identity WITH (security_barrier) AS
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

CREATE OR REPLACE FUNCTION redress_may_read_mediation_notes(case_number bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT redress_session_is_trusted() OR EXISTS (
        SELECT 1 FROM staff s
        WHERE s.login = session_user AND s.active AND (
            'ombudsperson' = ANY (s.roles)
            OR EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = case_number AND c.assignee = s.login)
            OR EXISTS (
                SELECT 1 FROM mediation m
                WHERE m.id = (SELECT max(l.id) FROM mediation l WHERE l.case_id = case_number)
                  AND (m.mediator = s.login
                       OR EXISTS (SELECT 1 FROM mediation_session ms WHERE ms.mediation_id = m.id AND ms.mediator = s.login)))))
$$;

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

CREATE OR REPLACE FUNCTION staff_deactivate(member text, occurred timestamptz) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    revoked bigint[];
BEGIN
    IF member = admin THEN
        RAISE EXCEPTION 'you cannot deactivate yourself; ask another admin' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE staff SET active = false, updated_at = now() WHERE login = member AND active;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    WITH t AS (
        UPDATE staff_token SET revoked_at = occurred, revoked_by = admin
        WHERE staff_login = member AND revoked_at IS NULL RETURNING id
    )
    SELECT coalesce(array_agg(id ORDER BY id), '{}') INTO revoked FROM t;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_deactivated',
        jsonb_build_object('login', member, 'revoked_tokens', to_jsonb(revoked)));
    RETURN true;
END
$$;

DROP FUNCTION redress_office_wide_event(text);
DROP TRIGGER complaint_case_assignee_may_take_it ON complaint_case;
DROP FUNCTION complaint_case_assignee_may_take_it();
DROP TABLE recusal;
DROP FUNCTION recusal_is_kept();
DROP FUNCTION redress_login_recused(text, bigint);

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
