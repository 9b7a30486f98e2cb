-- Conflicts of interest and staff changes (README "Staff changes: reassigning and
-- recusal"). A staff member recused from a case, or from every case against one
-- respondent body, is not assigned it, does not see who complained and does not
-- act on it, whatever SQL the login writes. A login leaves the staff only once
-- its open cases have another assignee.

-- Supervisors and the ombudsperson assign cases, and so record recusals.
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
            -- Assigning cases and recording who is recused from them.
            WHEN 'assign' THEN s.roles && ARRAY['supervisor', 'ombudsperson']
            ELSE false
        END
        FROM staff s WHERE s.login = session_user AND s.active), false)
$$;

-- One recusal: of a case, or of every case against a respondent body. Lifting it
-- keeps the row, so who was kept away from which case stays on record.
CREATE TABLE recusal (
    id             bigserial PRIMARY KEY,
    staff_login    text NOT NULL REFERENCES staff (login),
    case_id        bigint REFERENCES complaint_case (id),
    respondent_id  bigint REFERENCES respondent_body (id),
    reason         text NOT NULL,
    recused_at     timestamptz NOT NULL,
    recused_by     text NOT NULL,
    lifted_at      timestamptz,
    lifted_by      text,
    lift_reason    text,
    CONSTRAINT recusal_is_from_a_case_or_a_body CHECK ((case_id IS NULL) <> (respondent_id IS NULL)),
    CONSTRAINT recusal_reason_is_not_blank CHECK (btrim(reason) <> ''),
    CONSTRAINT recusal_lift_names_who_and_why CHECK (
        (lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
);

CREATE UNIQUE INDEX recusal_once_per_case ON recusal (staff_login, case_id)
    WHERE lifted_at IS NULL AND case_id IS NOT NULL;
CREATE UNIQUE INDEX recusal_once_per_body ON recusal (staff_login, respondent_id)
    WHERE lifted_at IS NULL AND respondent_id IS NOT NULL;
CREATE INDEX recusal_of_case ON recusal (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX recusal_of_body ON recusal (respondent_id) WHERE respondent_id IS NOT NULL;

-- Whether `member` is recused from case `case_number`, by a recusal of the case or
-- of its respondent body that is not lifted.
CREATE FUNCTION redress_login_recused(member text, case_number bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM recusal r
        WHERE r.staff_login = member AND r.lifted_at IS NULL
          AND (r.case_id = case_number
               -- The case's body, or one merged into it (`respondent merge`), as a
               -- recusal from a body follows its cases.
               OR r.respondent_id IN (
                   WITH RECURSIVE body (id) AS (
                       SELECT c.respondent_id FROM complaint_case c WHERE c.id = case_number
                       UNION
                       SELECT b.id FROM respondent_body b JOIN body ON b.merged_into = body.id
                   )
                   SELECT id FROM body)))
$$;

ALTER TABLE recusal ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON recusal FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON recusal FOR INSERT WITH CHECK ((SELECT redress_session_may('assign')));
CREATE POLICY redress_update ON recusal FOR UPDATE USING ((SELECT redress_session_may('read')))
    WITH CHECK ((SELECT redress_session_may('assign')));
GRANT SELECT ON recusal TO redress_staff, redress_service;
GRANT INSERT, UPDATE ON recusal TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE recusal_id_seq TO redress_staff, redress_service;

-- A recusal says once who, from what and why; it changes only by being lifted,
-- once, and never by the staff member it keeps away. It is not recorded while
-- its login is the assignee of an open case it covers: that case is reassigned
-- first (in the same transaction).
CREATE FUNCTION recusal_is_kept() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.staff_login = session_user AND NOT redress_session_is_trusted() THEN
            RAISE EXCEPTION 'login % may not lift its own recusal; ask another supervisor', session_user
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (NEW.staff_login, NEW.case_id, NEW.respondent_id, NEW.reason, NEW.recused_at, NEW.recused_by)
            IS DISTINCT FROM
           (OLD.staff_login, OLD.case_id, OLD.respondent_id, OLD.reason, OLD.recused_at, OLD.recused_by)
            OR OLD.lifted_at IS NOT NULL THEN
            RAISE EXCEPTION 'recusal % keeps who, from what and why, and is lifted once', OLD.id
                USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (
        SELECT 1 FROM complaint_case c
        WHERE c.assignee = NEW.staff_login AND c.state <> 'closed'
          AND (c.id = NEW.case_id OR c.respondent_id = NEW.respondent_id)
    ) THEN
        RAISE EXCEPTION 'staff member % is the assignee of an open case the recusal covers; reassign it first',
            NEW.staff_login
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER recusal_is_kept BEFORE INSERT OR UPDATE ON recusal
    FOR EACH ROW EXECUTE FUNCTION recusal_is_kept();

-- Recording or lifting a recusal is audited like any change of a case (a recusal
-- of a body by an audit row of no case).
CREATE CONSTRAINT TRIGGER recusal_change_is_audited AFTER INSERT OR UPDATE ON recusal
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();

-- An open case goes to an active staff member who is not recused from it; a case
-- whose assignee is recused is reassigned before it is reopened.
CREATE FUNCTION complaint_case_assignee_may_take_it() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.assignee IS NULL OR NEW.state = 'closed' THEN
        RETURN NEW;
    END IF;
    IF NEW.assignee IS DISTINCT FROM OLD.assignee
        AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.login = NEW.assignee AND s.active) THEN
        RAISE EXCEPTION 'staff member % is deactivated and is not assigned cases', NEW.assignee
            USING ERRCODE = 'check_violation';
    END IF;
    IF redress_login_recused(NEW.assignee, NEW.id) THEN
        RAISE EXCEPTION 'staff member % is recused from case % and is not assigned it', NEW.assignee, NEW.reference
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER complaint_case_assignee_may_take_it BEFORE UPDATE OF assignee, state ON complaint_case
    FOR EACH ROW WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION complaint_case_assignee_may_take_it();

-- Who is recused from a case does not see who complained, even as a supervisor
-- (whether the login has any recusal is asked once per statement, so a login
-- without one pays nothing per row).
--
-- The view is no security barrier: every value it hides is hidden by its own
-- select list, which asks whether the login reads at all, so no condition of a
-- query, evaluated in whatever order, meets a name it may not see; and as a
-- barrier it kept a join from using party's key, so each case read every party
-- (a second a case at a million cases).
CREATE OR REPLACE VIEW party_identity WITH (security_barrier = false) AS
    SELECT p.id, p.case_id, p.role, p.position,
        CASE WHEN s.seen THEN p.name ELSE '[redacted]' END AS name,
        CASE WHEN s.seen OR p.email IS NULL THEN p.email ELSE '[redacted]' END AS email,
        CASE WHEN s.seen OR p.phone IS NULL THEN p.phone ELSE '[redacted]' END AS phone,
        CASE WHEN s.seen OR p.postal_address IS NULL THEN p.postal_address ELSE '[redacted]' END AS postal_address
    FROM party p
    CROSS JOIN LATERAL (
        SELECT (SELECT redress_session_may('read'))
            AND ((SELECT redress_session_may('identity'))
                 OR EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = p.case_id AND c.assignee = session_user))
            AND NOT ((SELECT EXISTS (SELECT 1 FROM recusal r WHERE r.staff_login = session_user AND r.lifted_at IS NULL))
                     AND redress_login_recused(session_user, p.case_id))
    ) s(seen)
    WHERE (SELECT redress_session_may('read'));

-- The identity search (migration 20) finds nothing by the identities of a case
-- the searcher is recused from.
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
    recused_somewhere boolean := EXISTS (SELECT 1 FROM recusal r WHERE r.staff_login = viewer AND r.lifted_at IS NULL);
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
        WHERE (sees_all OR (active AND c.assignee = viewer))
          AND NOT (recused_somewhere AND redress_login_recused(viewer, c.id))
        ORDER BY h.score DESC, c.reference DESC
        LIMIT max_cases * 3;
    GET DIAGNOSTICS found = ROW_COUNT;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, viewer, now(), 'identities_searched', jsonb_build_object('fields', to_jsonb(searched), 'matches', found));
END
$$;

-- Nor what was said in its mediation, even as its mediator or the ombudsperson.
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
        AND NOT redress_login_recused(session_user, case_number)
$$;

-- The office-wide work that restates every case's clocks (the sweep, a calendar
-- change) records these kinds; a login recused from a case still does that work
-- on it, and nothing else.
CREATE FUNCTION redress_office_wide_event(kind text) RETURNS boolean
LANGUAGE sql IMMUTABLE
AS $$
    SELECT kind IN ('escalated', 'clocks_breached', 'clocks_recomputed', 'due_dates_moved')
$$;

-- A recused login writes no audit row of the case but its reading of it and the
-- office-wide work above.
DROP POLICY redress_insert ON case_event;
CREATE POLICY redress_insert ON case_event FOR INSERT WITH CHECK (
    (kind = 'case_viewed' AND (SELECT redress_session_may('read')))
    OR ((SELECT redress_session_may('case'))
        AND (case_id IS NULL OR redress_office_wide_event(kind) OR NOT redress_login_recused(session_user, case_id)))
);

-- As in migration 0019, and a login recused from the case changes none of its rows,
-- but for the clocks, escalations and notices of the office-wide work.
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
    ELSIF redress_login_recused(session_user, case_number) THEN
        IF TG_TABLE_NAME IN ('clock', 'clock_pause', 'clock_extension', 'escalation', 'notice') AND EXISTS (
            SELECT 1 FROM case_event e
            WHERE e.case_id = case_number AND e.recorded_at = now() AND e.recorded_by = session_user
              AND redress_office_wide_event(e.kind)
        ) THEN
            RETURN NULL;
        END IF;
        RAISE EXCEPTION 'login % is recused from case % and may not change it', session_user,
            (SELECT c.reference FROM complaint_case c WHERE c.id = case_number)
            USING ERRCODE = 'insufficient_privilege';
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

-- As in migration 0018, but a member who still holds open cases stays until they
-- are reassigned (in the same transaction, as `staff deactivate --reassign-to` does).
CREATE OR REPLACE FUNCTION staff_deactivate(member text, occurred timestamptz) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    revoked bigint[];
    held bigint;
BEGIN
    IF member = admin THEN
        RAISE EXCEPTION 'you cannot deactivate yourself; ask another admin' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT count(*) INTO held FROM complaint_case c WHERE c.assignee = member AND c.state <> 'closed';
    IF held > 0 THEN
        RAISE EXCEPTION 'staff member % holds % open cases; reassign them before deactivating the login', member, held
            USING ERRCODE = 'check_violation';
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

REVOKE EXECUTE ON FUNCTION redress_login_recused(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redress_login_recused(text, bigint) TO redress_staff, redress_service;
