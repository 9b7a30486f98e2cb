-- The database is the trust boundary (README, "Security model"). Every staff
-- login is untrusted: what it may do with any SQL client is what `redress`
-- allows its roles, audited the same way. Trusted are the superuser, the
-- owner of the schema (redress_owner, which nobody logs in as) and the
-- service's login (a member of redress_service), which acts for the staff
-- member of each bearer token and checks that member's rights itself.

-- Roles are cluster-wide: a database administrator may have made them already,
-- and then the migrating login needs no right to create roles.
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['redress_owner', 'redress_service'] LOOP
        CONTINUE WHEN to_regrole(name) IS NOT NULL;
        BEGIN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        EXCEPTION WHEN duplicate_object THEN
            NULL;  -- made meanwhile by a migration of another database
        END;
    END LOOP;
END
$$;

-- The migrating login (a database administrator) must be able to act as the
-- owner: `db migrate` sets that role before every later migration.
DO $$
BEGIN
    IF NOT pg_has_role(session_user, 'redress_owner', 'MEMBER') THEN
        EXECUTE format('GRANT redress_owner TO %I', session_user);
    END IF;
END
$$;

-- Whether the connected login is trusted: the superuser, or the service's login
-- (a member of redress_service), which checks each staff member's rights itself.
CREATE FUNCTION redress_session_is_trusted() RETURNS boolean
LANGUAGE sql STABLE
AS $$
    SELECT pg_has_role(session_user, 'redress_service', 'MEMBER')
$$;

-- Whether the connected login may do a kind of work: 'read', 'case' (register
-- and work complaints) or 'office' (settings, calendars, policy). The service's
-- login may do all; a staff login by its roles, while it is active; anyone
-- else nothing. Row-level security asks this once per statement.
CREATE FUNCTION redress_session_may(work text) RETURNS boolean
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

-- The active staff member the connected login acts as, for the functions below.
CREATE FUNCTION redress_session_admin() RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT redress_session_may('office') THEN
        RAISE EXCEPTION 'login % may not change staff or their tokens: only an active admin may', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN session_user;
END
$$;

-- The lifecycle's moves as RedressCore's Lifecycle has them (LifecycleTableTests keeps the
-- two equal): which state may follow which, the roles that may make the move, and the
-- outcomes it may record (none: it records none).
CREATE TABLE case_transition (
    from_state  text NOT NULL,
    to_state    text NOT NULL,
    roles       text[] NOT NULL,
    outcomes    text[] NOT NULL,
    PRIMARY KEY (from_state, to_state)
);

INSERT INTO case_transition (from_state, to_state, roles, outcomes) VALUES
    ('received', 'triage', '{intake,caseworker,supervisor,ombudsperson}', '{}'),
    ('received', 'closed', '{caseworker,supervisor,ombudsperson}', '{withdrawn,transferred}'),
    ('triage', 'awaiting_info', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('triage', 'early_resolution', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('triage', 'mediation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('triage', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('triage', 'closed', '{caseworker,supervisor,ombudsperson}', '{out_of_jurisdiction,out_of_time,premature,insufficient_information,withdrawn,transferred,discretionary,parallel_proceedings,duplicate}'),
    ('awaiting_info', 'triage', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('awaiting_info', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('awaiting_info', 'closed', '{caseworker,supervisor,ombudsperson}', '{withdrawn,transferred}'),
    ('early_resolution', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('early_resolution', 'decided', '{caseworker,supervisor,ombudsperson}', '{early_resolution}'),
    ('early_resolution', 'closed', '{caseworker,supervisor,ombudsperson}', '{out_of_jurisdiction,out_of_time,premature,insufficient_information,withdrawn,transferred,discretionary,parallel_proceedings,duplicate,early_resolution}'),
    ('mediation', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('mediation', 'arbitration', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('mediation', 'decided', '{caseworker,supervisor,ombudsperson}', '{settled}'),
    ('mediation', 'closed', '{caseworker,supervisor,ombudsperson}', '{out_of_jurisdiction,out_of_time,premature,insufficient_information,withdrawn,transferred,discretionary,parallel_proceedings,duplicate}'),
    ('investigation', 'awaiting_info', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('investigation', 'mediation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('investigation', 'on_hold', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('investigation', 'decided', '{caseworker,supervisor,ombudsperson}', '{upheld,partly_upheld,not_upheld}'),
    ('investigation', 'closed', '{caseworker,supervisor,ombudsperson}', '{withdrawn,transferred}'),
    ('on_hold', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('on_hold', 'closed', '{caseworker,supervisor,ombudsperson}', '{withdrawn,transferred}'),
    ('arbitration', 'decided', '{caseworker,supervisor,ombudsperson}', '{award}'),
    ('arbitration', 'closed', '{caseworker,supervisor,ombudsperson}', '{withdrawn,transferred}'),
    ('decided', 'remedy', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('decided', 'closed', '{caseworker,supervisor,ombudsperson}', '{early_resolution,settled,award,upheld,partly_upheld,not_upheld,withdrawn,transferred}'),
    ('remedy', 'closed', '{caseworker,supervisor,ombudsperson}', '{early_resolution,settled,award,upheld,partly_upheld,not_upheld,withdrawn,transferred}'),
    ('closed', 'triage', '{supervisor,ombudsperson}', '{}'),
    ('closed', 'investigation', '{supervisor,ombudsperson}', '{}');

-- A staff login opens cases as received, and changes a case's state, outcome or
-- assignee only by a move of the lifecycle that its roles allow.
CREATE FUNCTION complaint_case_follows_the_lifecycle() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    held text[];
    move case_transition;
BEGIN
    IF redress_session_is_trusted() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'received' OR NEW.outcome IS NOT NULL THEN
            RAISE EXCEPTION 'a case is opened as received, without an outcome' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END IF;
    SELECT s.roles INTO held FROM staff s WHERE s.login = session_user AND s.active;
    IF NEW.state IS DISTINCT FROM OLD.state THEN
        SELECT * INTO move FROM case_transition t WHERE t.from_state = OLD.state AND t.to_state = NEW.state;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'a case may not move from % to %', OLD.state, NEW.state USING ERRCODE = 'check_violation';
        END IF;
        IF NOT coalesce(held && move.roles, false) THEN
            RAISE EXCEPTION 'login % may not move a case from % to %', session_user, OLD.state, NEW.state
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF cardinality(move.outcomes) > 0 AND NOT coalesce(NEW.outcome = ANY (move.outcomes), false) THEN
            RAISE EXCEPTION 'a move from % to % records one of the outcomes %, not %', OLD.state, NEW.state,
                move.outcomes, NEW.outcome
                USING ERRCODE = 'check_violation';
        END IF;
        IF cardinality(move.outcomes) = 0 AND NEW.outcome IS DISTINCT FROM OLD.outcome AND NEW.outcome IS NOT NULL THEN
            RAISE EXCEPTION 'a move from % to % records no outcome', OLD.state, NEW.state
                USING ERRCODE = 'check_violation';
        END IF;
    ELSIF NEW.outcome IS DISTINCT FROM OLD.outcome THEN
        RAISE EXCEPTION 'a case''s outcome changes only with a move' USING ERRCODE = 'check_violation';
    END IF;
    IF NEW.assignee IS DISTINCT FROM OLD.assignee
        AND NOT coalesce(held && ARRAY['supervisor', 'ombudsperson'], false) THEN
        RAISE EXCEPTION 'login % may not assign cases', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER complaint_case_follows_the_lifecycle BEFORE INSERT OR UPDATE OF state, outcome, assignee
    ON complaint_case FOR EACH ROW EXECUTE FUNCTION complaint_case_follows_the_lifecycle();

-- Whatever a staff login writes to a case, its parties, notes or categories is in the
-- audit log: at commit, each case it opened or changed, and each such row it added or
-- changed, has an audit row of that case written by the login in the same transaction
-- (recorded_at is the transaction's start, now()). Trusted sessions queue no check.
CREATE FUNCTION case_change_is_audited() RETURNS trigger
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

CREATE CONSTRAINT TRIGGER complaint_case_change_is_audited AFTER INSERT OR UPDATE ON complaint_case
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
CREATE CONSTRAINT TRIGGER party_change_is_audited AFTER INSERT OR UPDATE ON party
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
CREATE CONSTRAINT TRIGGER case_note_change_is_audited AFTER INSERT OR UPDATE ON case_note
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
CREATE CONSTRAINT TRIGGER case_category_change_is_audited AFTER INSERT OR UPDATE ON case_category
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();

-- A queued notice keeps what it says and to whom, whoever writes: sending and
-- cancelling change only its state and delivery record.
CREATE FUNCTION notice_content_is_fixed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.case_id, NEW.kind, NEW.audience, NEW.recipient, NEW.channel, NEW.language, NEW.automatic, NEW.data,
        NEW.created_at)
        IS DISTINCT FROM
       (OLD.case_id, OLD.kind, OLD.audience, OLD.recipient, OLD.channel, OLD.language, OLD.automatic, OLD.data,
        OLD.created_at) THEN
        RAISE EXCEPTION 'notice % keeps what it says and to whom; cancel it and queue another', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER notice_content_is_fixed BEFORE UPDATE ON notice
    FOR EACH ROW EXECUTE FUNCTION notice_content_is_fixed();

-- Privileges: staff logins read, and write only what their work writes, each
-- table guarded by row-level security below. No staff login writes the staff
-- register, tokens, the chain head or the migration record, deletes a case
-- record, or reads a token's hash.
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM redress_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO redress_staff, redress_service;
REVOKE SELECT ON staff_token, complaint_status_token FROM redress_staff, redress_service;
GRANT SELECT (id, staff_login, created_at, created_by, expires_at, revoked_at, revoked_by) ON staff_token
    TO redress_staff, redress_service;
GRANT SELECT (case_id, created_at) ON complaint_status_token TO redress_staff, redress_service;
GRANT INSERT, UPDATE ON office, holiday_calendar, holiday, policy_version, respondent_body, reference_counter,
    complaint_case, party, case_category, clock, clock_pause, clock_extension, case_note, notice,
    mediation, mediation_answer, mediation_session, arbitration, arbitration_consent, arbitrator,
    arbitration_hearing, investigation, respondent_request, decision, remedy_item, remedy_entry
    TO redress_staff, redress_service;
GRANT DELETE ON holiday_calendar, holiday TO redress_staff, redress_service;
GRANT INSERT ON case_event, escalation TO redress_staff, redress_service;
GRANT INSERT ON complaint_status_token TO redress_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO redress_staff, redress_service;
GRANT USAGE ON SCHEMA public TO redress_service;
-- The owner creates what later migrations add.
GRANT USAGE, CREATE ON SCHEMA public TO redress_owner;

-- Row-level security on every table: reading needs an active staff member,
-- writing the roles whose work writes it. The owner's functions and triggers
-- are not bound by it.
DO $$
DECLARE
    object record;
    work text;
BEGIN
    FOR object IN
        SELECT c.relname FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', object.relname);
        EXECUTE format(
            'CREATE POLICY redress_read ON %I FOR SELECT USING ((SELECT redress_session_may(''read'')))',
            object.relname);
        work := CASE
            WHEN object.relname IN ('office', 'holiday_calendar', 'holiday', 'policy_version', 'rights_category')
                THEN 'office'
            WHEN object.relname IN (
                'staff', 'staff_token', 'audit_chain_head', 'schema_migration', 'case_event', 'case_transition')
                THEN NULL
            ELSE 'case'
        END;
        CONTINUE WHEN work IS NULL;
        EXECUTE format(
            'CREATE POLICY redress_insert ON %I FOR INSERT WITH CHECK ((SELECT redress_session_may(%L)))',
            object.relname, work);
        -- Any reader may lock a row (writers lock the office row FOR KEY SHARE, which
        -- row-level security treats as an update); only the roles that write it may change it.
        EXECUTE format(
            'CREATE POLICY redress_update ON %I FOR UPDATE USING ((SELECT redress_session_may(''read'')))'
            ' WITH CHECK ((SELECT redress_session_may(%L)))',
            object.relname, work);
        EXECUTE format(
            'CREATE POLICY redress_delete ON %I FOR DELETE USING ((SELECT redress_session_may(%L)))',
            object.relname, work);
    END LOOP;
END
$$;

-- What is said in mediation is read only by the ombudsperson, the case's
-- assignee and the mediators of its latest mediation, as `redress` shows it.
CREATE FUNCTION redress_may_read_mediation_notes(case_number bigint) RETURNS boolean
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

DROP POLICY redress_read ON case_note;
CREATE POLICY redress_read ON case_note FOR SELECT USING (
    (SELECT redress_session_may('read')) AND (NOT under_mediation OR redress_may_read_mediation_notes(case_id))
);

-- Any active staff member records that they read a confidential case; other
-- audit rows come with the work that writes cases.
CREATE POLICY redress_insert ON case_event FOR INSERT WITH CHECK (
    (kind = 'case_viewed' AND (SELECT redress_session_may('read'))) OR (SELECT redress_session_may('case'))
);

-- The audit log records which login wrote each row: for the service's login,
-- the staff member it acted for is the actor.
ALTER TABLE case_event ADD COLUMN recorded_by text;

DROP FUNCTION case_event_canonical(bigint, bigint, text, timestamptz, timestamptz, text, jsonb);
CREATE FUNCTION case_event_canonical(
    id bigint, case_id bigint, actor text, occurred_at timestamptz,
    recorded_at timestamptz, kind text, data jsonb, recorded_by text DEFAULT NULL
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT convert_to((jsonb_build_array(
        id, case_id, actor,
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        kind, data)
        || CASE WHEN recorded_by IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(recorded_by) END)::text, 'UTF8')
$$;

-- Numbers, stamps and hashes each new row. Nothing a session can set steers
-- it: the tail is the locked chain head, or this transaction's newest row
-- after it. A staff login writes only in its own name, at a time that is
-- neither in the future nor before the office's earliest event date.
CREATE OR REPLACE FUNCTION case_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    tail_id    bigint;
    tail_hash  bytea;
    newer_id   bigint;
    newer_hash bytea;
    earliest   timestamptz;
BEGIN
    IF NOT redress_session_is_trusted() THEN
        IF NEW.actor IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'login % may write audit rows only in its own name, not as %', session_user, NEW.actor
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT o.earliest_event_date::timestamp AT TIME ZONE o.time_zone INTO earliest FROM office o WHERE o.id;
        IF NEW.occurred_at > now() + interval '5 minutes' OR NEW.occurred_at < earliest THEN
            RAISE EXCEPTION 'an audit row''s time must lie between the office''s earliest event date and now, not %',
                NEW.occurred_at
                USING ERRCODE = 'invalid_datetime_format';
        END IF;
    END IF;
    SELECT h.last_id, h.last_hash INTO tail_id, tail_hash FROM audit_chain_head h WHERE h.id FOR UPDATE;
    SELECT c.id, c.hash INTO newer_id, newer_hash FROM case_event c WHERE c.id > tail_id ORDER BY c.id DESC LIMIT 1;
    IF FOUND THEN
        tail_id := newer_id;
        tail_hash := newer_hash;
    END IF;
    NEW.id := tail_id + 1;
    NEW.recorded_at := now();
    NEW.recorded_by := session_user;
    NEW.previous_hash := tail_hash;
    NEW.hash := sha256(case_event_canonical(
        NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.data, NEW.recorded_by)
        || tail_hash);
    RETURN NEW;
END
$$;

-- The head moves at the end of each statement that appended, to the newest row.
CREATE OR REPLACE FUNCTION case_event_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    UPDATE audit_chain_head h SET last_id = e.id, last_hash = e.hash
    FROM (SELECT c.id, c.hash FROM case_event c ORDER BY c.id DESC LIMIT 1) e
    WHERE h.id AND e.id > h.last_id;
    RETURN NULL;
END
$$;

-- Staff and their tokens change only here: each function checks that the
-- connected login is an active admin and writes its own audit row.

CREATE FUNCTION staff_add(
    new_login text, new_roles text[], new_display_name text, new_email text, occurred timestamptz
) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
BEGIN
    IF EXISTS (SELECT 1 FROM staff s WHERE s.login = new_login AND s.active) THEN
        RAISE EXCEPTION 'staff member % already exists', new_login USING ERRCODE = 'unique_violation',
            CONSTRAINT = 'staff_pkey';
    END IF;
    INSERT INTO staff AS s (login, display_name, email, roles)
    VALUES (new_login, new_display_name, new_email, new_roles)
    ON CONFLICT (login) DO UPDATE SET roles = excluded.roles, active = true,
        display_name = coalesce(excluded.display_name, s.display_name),
        email = coalesce(excluded.email, s.email), updated_at = now();
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_added', jsonb_build_object('login', new_login, 'roles', to_jsonb(new_roles)));
END
$$;

CREATE FUNCTION staff_set_roles(member text, new_roles text[], occurred timestamptz) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    old_roles text[];
BEGIN
    SELECT s.roles INTO old_roles FROM staff s WHERE s.login = member AND s.active FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active staff member is called %', member USING ERRCODE = 'no_data_found';
    END IF;
    IF member = admin AND NOT 'admin' = ANY (new_roles) THEN
        RAISE EXCEPTION 'an admin cannot take the admin role from themselves; ask another admin'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF old_roles = new_roles THEN
        RETURN;
    END IF;
    UPDATE staff SET roles = new_roles, updated_at = now() WHERE login = member;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_roles_changed',
        jsonb_build_object('login', member, 'from', to_jsonb(old_roles), 'to', to_jsonb(new_roles)));
END
$$;

-- Deactivating revokes the member's tokens at once; row-level security and
-- these functions refuse an inactive login from then on.
CREATE FUNCTION staff_deactivate(member text, occurred timestamptz) RETURNS boolean
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

CREATE FUNCTION staff_token_issue(member text, digest bytea, occurred timestamptz, expires timestamptz)
RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    token_id bigint;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM staff s WHERE s.login = member AND s.active) THEN
        RAISE EXCEPTION 'no active staff member is called %', member USING ERRCODE = 'no_data_found';
    END IF;
    INSERT INTO staff_token (staff_login, secret_sha256, created_at, created_by, expires_at)
    VALUES (member, digest, occurred, admin, expires)
    RETURNING id INTO token_id;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_token_created',
        jsonb_build_object('token_id', token_id, 'login', member,
            'expires_at', to_char(expires AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')));
    RETURN token_id;
END
$$;

-- Revokes token `token`; false when it was revoked already, null when there is none.
CREATE FUNCTION staff_token_revoke(token bigint, occurred timestamptz) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    member text;
    was_revoked boolean;
BEGIN
    SELECT t.staff_login, t.revoked_at IS NOT NULL INTO member, was_revoked
    FROM staff_token t WHERE t.id = token FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    IF was_revoked THEN
        RETURN false;
    END IF;
    UPDATE staff_token SET revoked_at = occurred, revoked_by = admin WHERE id = token;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_token_revoked', jsonb_build_object('token_id', token, 'login', member));
    RETURN true;
END
$$;

-- What a presented bearer token stands for: 'invalid' (no such token, or not
-- this secret), 'revoked', 'expired', 'inactive', or 'active' with the
-- member's roles. Only the SHA-256 of the secret reaches the database, and
-- no hash ever leaves it.
CREATE FUNCTION staff_token_check(token bigint, digest bytea, instant timestamptz)
RETURNS TABLE (state text, login text, roles text[])
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT CASE
            WHEN t.id IS NULL THEN 'invalid'
            WHEN t.revoked_at IS NOT NULL THEN 'revoked'
            WHEN t.expires_at IS NOT NULL AND t.expires_at <= instant THEN 'expired'
            WHEN NOT s.active THEN 'inactive'
            ELSE 'active'
        END,
        t.staff_login, s.roles
    FROM (SELECT) presented
    LEFT JOIN staff_token t ON t.id = token AND t.secret_sha256 = digest
    LEFT JOIN staff s ON s.login = t.staff_login
$$;

-- Whether `digest` is the SHA-256 of case `case`'s status token.
CREATE FUNCTION complaint_status_token_matches(case_number bigint, digest bytea) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (SELECT 1 FROM complaint_status_token t WHERE t.case_id = case_number AND t.secret_sha256 = digest)
$$;

REVOKE EXECUTE ON FUNCTION redress_session_may(text), redress_session_admin(), redress_may_read_mediation_notes(bigint),
    staff_add(text, text[], text, text, timestamptz), staff_set_roles(text, text[], timestamptz),
    staff_deactivate(text, timestamptz), staff_token_issue(text, bytea, timestamptz, timestamptz),
    staff_token_revoke(bigint, timestamptz), staff_token_check(bigint, bytea, timestamptz),
    complaint_status_token_matches(bigint, bytea)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redress_session_may(text), redress_session_admin(), redress_may_read_mediation_notes(bigint),
    staff_add(text, text[], text, text, timestamptz), staff_set_roles(text, text[], timestamptz),
    staff_deactivate(text, timestamptz), staff_token_issue(text, bytea, timestamptz, timestamptz),
    staff_token_revoke(bigint, timestamptz), staff_token_check(bigint, bytea, timestamptz),
    complaint_status_token_matches(bigint, bytea)
    TO redress_staff, redress_service;

-- Last, everything in the schema, this migration's functions included, now
-- belongs to the owner. Sequences that belong to a column move with their table.
DO $$
DECLARE
    object record;
BEGIN
    FOR object IN
        SELECT c.oid::regclass AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')
          AND c.relowner <> 'redress_owner'::regrole
    LOOP
        EXECUTE format('ALTER TABLE %s OWNER TO redress_owner', object.name);
    END LOOP;
    FOR object IN
        SELECT c.oid::regclass AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
          AND c.relowner <> 'redress_owner'::regrole
    LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO redress_owner', object.name);
    END LOOP;
    FOR object IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.proowner <> 'redress_owner'::regrole
    LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO redress_owner', object.name);
    END LOOP;
END
$$;
