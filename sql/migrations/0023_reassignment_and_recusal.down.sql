-- Back to migration 0022: no recusals; staff_deactivate and the identity search
-- as migration 0020 left them; party_identity, the audit rule of case rows and
-- the policy of audit rows as migrations 0018 and 0019 left them.
DROP POLICY redress_insert ON case_event;
CREATE POLICY redress_insert ON case_event FOR INSERT WITH CHECK (
    (kind = 'case_viewed' AND (SELECT redress_session_may('read'))) OR (SELECT redress_session_may('case'))
);

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

CREATE OR REPLACE FUNCTION case_identity_search(query text, fields text[], acting text, max_cases bigint)
RETURNS TABLE (case_id bigint, field text, score real)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    viewer text := CASE WHEN redress_session_is_trusted() THEN coalesce(acting, session_user) ELSE session_user END;
    plain text := redress_search_text(query);
    digits text := pg_catalog.regexp_replace(query, '[^0-9]', '', 'g');
    pattern text := redress_search_pattern(redress_search_key(query));
    phone_pattern text := redress_search_pattern(redress_phone_key(query));
    searched text[] := ARRAY(
        SELECT f FROM unnest(ARRAY['name', 'email', 'phone']) f
        WHERE f = ANY (fields) AND (f <> 'phone' OR char_length(digits) >= 2));
    -- Asked once, not of every hit: whether the searcher sees every case's identities
    -- (an active supervisor or the ombudsperson), else only those of its own cases.
    sees_all boolean := redress_sees_every_identity(viewer);
    active boolean := EXISTS (SELECT 1 FROM staff s WHERE s.login = viewer AND s.active);
    found integer;
BEGIN
    IF NOT redress_session_may('read') OR cardinality(searched) = 0 OR char_length(plain) < 2 THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT h.case_id, h.field, h.score FROM (
            SELECT p.case_id, 'name'::text AS field,
                (char_length(plain)::real / greatest(char_length(redress_search_text(p.name)), 1))::real AS score
            FROM party p
            WHERE 'name' = ANY (searched) AND redress_search_key(p.name) LIKE pattern
            UNION ALL
            SELECT p.case_id, 'email', (char_length(plain)::real / greatest(char_length(redress_search_text(p.email)), 1))::real
            FROM party p
            WHERE 'email' = ANY (searched) AND redress_search_key(p.email) LIKE pattern
            UNION ALL
            SELECT p.case_id, 'phone',
                (char_length(digits)::real / greatest(char_length(pg_catalog.regexp_replace(p.phone, '[^0-9]', '', 'g')), 1))::real
            FROM party p
            WHERE 'phone' = ANY (searched) AND redress_phone_key(p.phone) LIKE phone_pattern
        ) h
        JOIN complaint_case c ON c.id = h.case_id
        WHERE sees_all OR (active AND c.assignee = viewer)
        ORDER BY h.score DESC, c.reference DESC
        LIMIT max_cases * 3;
    GET DIAGNOSTICS found = ROW_COUNT;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, viewer, now(), 'identities_searched', jsonb_build_object('fields', to_jsonb(searched), 'matches', found));
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
