-- Data protection over a case's whole life (README "Retention and erasure"): legal
-- holds, the record of anonymised cases, and an audit chain that commits to
-- personal data without having to keep it.
--
-- The audit chain. Each case has a secret key (case_key), read only by the
-- owner's functions. A row's hash is taken over its committed form: its data with
-- every personal value replaced by {"shredded": HMAC-SHA256(case key, value)}.
-- While the case lives, `data` keeps the plain values; anonymising a case writes
-- the committed form itself into `data` (the one change of case_event the
-- database allows, and only when the committed form stays the same) and then
-- destroys the key. The hashes do not change, `audit verify` recomputes the same
-- bytes, and without the key nobody can test a guessed name against a commitment.
--
-- Which values are personal is fixed here, for every row hashed this way: a
-- string is personal unless the key that names it is one of the plain keys below
-- (states, outcomes, dates, clock kinds, staff logins, numbers in words) and no
-- key above it is a personal one (a corrected summary keeps its old and new text
-- under "from" and "to"). A key added later is personal until a migration says
-- otherwise, so the default keeps data out of the log, not in it. Rows of no case
-- (office changes) are hashed as before.

CREATE TABLE case_key (
    case_id     bigint PRIMARY KEY REFERENCES complaint_case (id),
    -- HMAC's two padded keys (RFC 2104), derived from 256 random bits.
    inner_pad   bytea NOT NULL,
    outer_pad   bytea NOT NULL,
    CONSTRAINT case_key_pads_are_a_block CHECK (length(inner_pad) = 64 AND length(outer_pad) = 64)
);
-- No grants and no policies: only the owner's functions read or write a key.
ALTER TABLE case_key ENABLE ROW LEVEL SECURITY;

-- A new case key: 256 bits from three version-4 UUIDs (366 random bits), padded.
CREATE FUNCTION case_key_new(case_number bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    secret bytea := sha256(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()))
        || decode(repeat('00', 32), 'hex');
    inner_pad bytea := secret;
    outer_pad bytea := secret;
BEGIN
    FOR i IN 0..63 LOOP
        inner_pad := set_byte(inner_pad, i, get_byte(secret, i) # 54);
        outer_pad := set_byte(outer_pad, i, get_byte(secret, i) # 92);
    END LOOP;
    INSERT INTO case_key (case_id, inner_pad, outer_pad) VALUES (case_number, inner_pad, outer_pad)
    ON CONFLICT (case_id) DO NOTHING;
END
$$;

-- Whether a JSON value is a commitment marker: {"shredded": "<64 hex digits>"}.
CREATE FUNCTION case_event_is_shredded(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT jsonb_typeof(value) = 'object' AND value ? 'shredded'
        AND (SELECT count(*) FROM jsonb_object_keys(value)) = 1
        AND coalesce(value ->> 'shredded' ~ '^[0-9a-f]{64}$', false)
$$;

-- The keys whose strings are personal, and the plain ones (see the top).
CREATE FUNCTION case_event_personal_keys() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT ARRAY[
        'summary', 'name', 'email', 'phone', 'postal_address', 'address', 'late_filing_reason', 'body', 'text',
        'reason', 'description', 'title', 'filename', 'complainant', 'complainants', 'representative', 'parties',
        'sender', 'subject', 'recipient', 'findings', 'grounds', 'reasons', 'award_text', 'note', 'notes']
$$;

CREATE FUNCTION case_event_plain_keys() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT ARRAY[
        'from', 'to', 'outcome', 'state', 'states', 'kind', 'clock', 'clocks', 'step', 'steps', 'channel', 'language',
        'category', 'categories', 'code', 'reference', 'references', 'role', 'audience', 'scale', 'remedy_class',
        'class', 'unit', 'due_date', 'due_on', 'previous_due_date', 'date', 'on', 'at', 'effective_from', 'received_on',
        'received_at', 'incident_date', 'started_on', 'ended_on', 'start', 'end', 'login', 'assignee', 'approver',
        'approver_role', 'cause', 'status', 'respondent', 'currency', 'direction', 'source', 'content_type', 'sha256',
        'basis', 'as_of', 'link', 'other', 'review', 'decision', 'mediator', 'reviewer', 'issued_by', 'recorded_by',
        'by', 'expires_at', 'until', 'paused_on', 'resumed_on', 'subject_kind', 'contact_preference', 'urgency',
        'case_moved_to', 'version', 'policy_version', 'from_version', 'to_version', 'clock_id', 'met', 'started',
        'cancelled', 'paused', 'resumed', 'new_due_date', 'amount', 'urgent', 'confidential', 'late_filing',
        'with_consent', 'binding']
$$;

-- Whether `value` is an object whose every key, at any depth, is a plain one: then no
-- string in it is personal and its committed form is itself, found without walking it.
-- The keys are read from the text form, where each is a quoted string followed by ": ";
-- a string value that looks like a key only sends the value down the walk.
CREATE FUNCTION case_event_is_plain(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT jsonb_typeof(value) = 'object' AND NOT EXISTS (
        SELECT 1 FROM regexp_matches(value::text, '"((?:[^"\\]|\\.)*)": ', 'g') AS k(m)
        WHERE NOT k.m[1] = ANY (case_event_plain_keys()) OR k.m[1] = ANY (case_event_personal_keys()))
$$;

-- `value` with each personal string replaced by its commitment marker (see the top).
-- `personal`: a key above is personal; `plain`: the innermost key is a plain one.
-- Without a key (NULL pads), a personal string that is still plain cannot be
-- committed: it becomes a marker no hash matches, so verification reports the row.
CREATE FUNCTION case_event_commit(value jsonb, personal boolean, plain boolean, inner_pad bytea, outer_pad bytea)
RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
DECLARE
    personal_keys CONSTANT text[] := case_event_personal_keys();
    plain_keys CONSTANT text[] := case_event_plain_keys();
    result jsonb;
BEGIN
    CASE jsonb_typeof(value)
    WHEN 'string' THEN
        IF plain AND NOT personal THEN
            RETURN value;
        END IF;
        IF inner_pad IS NULL THEN
            RETURN jsonb_build_object('shredded', 'no key');
        END IF;
        RETURN jsonb_build_object('shredded', encode(
            sha256(outer_pad || sha256(inner_pad || convert_to(value #>> '{}', 'UTF8'))), 'hex'));
    WHEN 'object' THEN
        IF case_event_is_shredded(value) THEN
            RETURN value;
        END IF;
        SELECT coalesce(jsonb_object_agg(e.key, case_event_commit(
            e.value, personal OR e.key = ANY (personal_keys), e.key = ANY (plain_keys), inner_pad, outer_pad)), '{}')
        INTO result FROM jsonb_each(value) e;
        RETURN result;
    WHEN 'array' THEN
        SELECT coalesce(jsonb_agg(case_event_commit(e.value, personal, plain, inner_pad, outer_pad) ORDER BY e.n), '[]')
        INTO result FROM jsonb_array_elements(value) WITH ORDINALITY e(value, n);
        RETURN result;
    ELSE
        RETURN value;
    END CASE;
END
$$;

-- A row's committed data: under the case's key for a row of a case, as it is otherwise.
CREATE FUNCTION case_event_committed(case_number bigint, data jsonb) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN case_number IS NULL OR case_event_is_plain(data) THEN data
        ELSE case_event_commit(data, false, false,
            (SELECT k.inner_pad FROM case_key k WHERE k.case_id = case_number),
            (SELECT k.outer_pad FROM case_key k WHERE k.case_id = case_number))
    END
$$;

-- The bytes a stored row's hash is taken over. It reads the row itself, never
-- data a caller hands in, so nobody can ask it what a guessed value commits to.
CREATE FUNCTION case_event_stored_canonical(event_id bigint) RETURNS bytea
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT case_event_canonical(e.id, e.case_id, e.actor, e.occurred_at, e.recorded_at, e.kind,
        case_event_committed(e.case_id, e.data), e.recorded_by)
    FROM case_event e WHERE e.id = event_id
$$;

-- As migration 18's, with the row's committed data hashed, and a key made for a
-- case the first time one of its rows is written.
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
    -- A row naming no case is refused by case_event's own reference check, by its name.
    IF NEW.case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM case_key k WHERE k.case_id = NEW.case_id)
        AND EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = NEW.case_id) THEN
        PERFORM case_key_new(NEW.case_id);
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
        NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind,
        case_event_committed(NEW.case_id, NEW.data), NEW.recorded_by)
        || tail_hash);
    RETURN NEW;
END
$$;

-- The audit log stays append-only. The one change allowed is the owner's
-- functions writing a row's personal values as their commitments: nothing but
-- `data` changes, and its committed form (what the hash covers) stays the same.
CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_user = 'redress_owner' AND NEW.case_id IS NOT NULL
        AND (NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.recorded_by,
             NEW.previous_hash, NEW.hash)
            IS NOT DISTINCT FROM
            (OLD.id, OLD.case_id, OLD.actor, OLD.occurred_at, OLD.recorded_at, OLD.kind, OLD.recorded_by,
             OLD.previous_hash, OLD.hash)
        AND case_event_committed(NEW.case_id, NEW.data) = case_event_committed(OLD.case_id, OLD.data)
        AND NOT case_event_committed(NEW.case_id, NEW.data)::text LIKE '%"no key"%' THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'case_event is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a correcting event instead';
END
$$;

-- Every existing case gets its key, and the chain is hashed once more the new
-- way, from the first row on. Rows with nothing personal (every office row) keep
-- their hash; from the first row that changes, the hashes after it change too, so
-- the old head goes on record in an `audit_chain_rehashed` row.
DO $$
DECLARE
    old_id    bigint;
    old_hash  bytea;
    previous  bytea := decode(repeat('00', 32), 'hex');
    event     record;
    fresh     bytea;
    changed   boolean := false;
BEGIN
    PERFORM case_key_new(c.id) FROM complaint_case c;
    SELECT h.last_id, h.last_hash INTO old_id, old_hash FROM audit_chain_head h WHERE h.id FOR UPDATE;
    ALTER TABLE case_event DISABLE TRIGGER case_event_is_append_only;
    FOR event IN SELECT e.id, e.hash, e.previous_hash FROM case_event e ORDER BY e.id LOOP
        fresh := sha256(case_event_stored_canonical(event.id) || previous);
        IF fresh IS DISTINCT FROM event.hash OR previous IS DISTINCT FROM event.previous_hash THEN
            UPDATE case_event SET previous_hash = previous, hash = fresh WHERE id = event.id;
            changed := true;
        END IF;
        previous := fresh;
    END LOOP;
    ALTER TABLE case_event ENABLE TRIGGER case_event_is_append_only;
    IF changed THEN
        UPDATE audit_chain_head SET last_hash = previous WHERE id;
        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
        VALUES (NULL, session_user, now(), 'audit_chain_rehashed', jsonb_build_object(
            'previous_head_row', old_id, 'previous_head_hash', encode(old_hash, 'hex'),
            'new_hash_of_that_row', encode(previous, 'hex'), 'committed_form', 2));
    END IF;
END
$$;

-- A legal hold suspends retention and erasure of a case until it is released.
-- The row is kept when released, so the record shows every hold and why.
CREATE TABLE legal_hold (
    id              bigserial PRIMARY KEY,
    case_id         bigint NOT NULL REFERENCES complaint_case (id),
    reason          text NOT NULL,
    held_by         text NOT NULL,
    held_at         timestamptz NOT NULL,
    released_by     text,
    released_at     timestamptz,
    release_reason  text,
    CONSTRAINT legal_hold_reason_is_not_blank CHECK (btrim(reason) <> ''),
    CONSTRAINT legal_hold_release_is_whole CHECK (
        (released_at IS NULL) = (released_by IS NULL) AND (released_at IS NULL) = (release_reason IS NULL)),
    CONSTRAINT legal_hold_release_follows_hold CHECK (released_at IS NULL OR released_at >= held_at)
);
CREATE UNIQUE INDEX legal_hold_one_at_a_time ON legal_hold (case_id) WHERE released_at IS NULL;

ALTER TABLE legal_hold ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON legal_hold FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON legal_hold FOR INSERT WITH CHECK ((SELECT redress_session_may('identity')));
CREATE POLICY redress_update ON legal_hold FOR UPDATE USING ((SELECT redress_session_may('read')))
    WITH CHECK ((SELECT redress_session_may('identity')));
GRANT SELECT, INSERT ON legal_hold TO redress_staff, redress_service;
GRANT UPDATE (released_by, released_at, release_reason) ON legal_hold TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE legal_hold_id_seq TO redress_staff, redress_service;
CREATE CONSTRAINT TRIGGER legal_hold_change_is_audited AFTER INSERT OR UPDATE ON legal_hold
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();

-- A hold is released once and keeps what it held and why.
CREATE FUNCTION legal_hold_is_kept() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.case_id, NEW.reason, NEW.held_by, NEW.held_at) IS DISTINCT FROM
        (OLD.case_id, OLD.reason, OLD.held_by, OLD.held_at) OR OLD.released_at IS NOT NULL THEN
        RAISE EXCEPTION 'legal hold % keeps what it held and why, and is released once', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER legal_hold_is_kept BEFORE UPDATE ON legal_hold
    FOR EACH ROW EXECUTE FUNCTION legal_hold_is_kept();

-- The cases whose personal data is gone, when and on what basis. Written only by
-- case_anonymise, in the transaction that anonymises the case.
CREATE TABLE case_anonymisation (
    case_id          bigint PRIMARY KEY REFERENCES complaint_case (id),
    anonymised_at    timestamptz NOT NULL,
    anonymised_on    date NOT NULL,
    basis            text NOT NULL,
    policy_version   integer,
    anonymised_by    text NOT NULL,
    CONSTRAINT case_anonymisation_basis_is_known CHECK (basis IN ('retention', 'erasure'))
);
CREATE INDEX case_anonymisation_by_date ON case_anonymisation (anonymised_on);
ALTER TABLE case_anonymisation ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON case_anonymisation FOR SELECT USING ((SELECT redress_session_may('read')));
GRANT SELECT ON case_anonymisation TO redress_staff, redress_service;

-- An anonymised case stays closed: what it held is gone, so there is nothing to
-- work on again.
CREATE FUNCTION complaint_case_stays_closed_once_anonymised() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = NEW.id) THEN
        RAISE EXCEPTION 'case % was anonymised, so it cannot be reopened', NEW.reference
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER complaint_case_stays_closed_once_anonymised BEFORE UPDATE OF state ON complaint_case
    FOR EACH ROW WHEN (OLD.state = 'closed' AND NEW.state <> 'closed')
    EXECUTE FUNCTION complaint_case_stays_closed_once_anonymised();

-- A notice keeps what it says and to whom (migration 18), except that anonymising
-- its case empties it, through the owner's functions only.
CREATE OR REPLACE FUNCTION notice_content_is_fixed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF current_user = 'redress_owner' AND NEW.recipient IS NULL AND NEW.data = '{"anonymised": true}'::jsonb
        AND (NEW.case_id, NEW.kind, NEW.audience, NEW.channel, NEW.language, NEW.automatic, NEW.created_at)
            IS NOT DISTINCT FROM
            (OLD.case_id, OLD.kind, OLD.audience, OLD.channel, OLD.language, OLD.automatic, OLD.created_at) THEN
        RETURN NEW;
    END IF;
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

-- How many whole years after closing a case's personal data must at least be
-- kept, by the policy version in force on `day` (1 when the version says nothing).
CREATE FUNCTION retention_statutory_minimum(day date) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce((
        SELECT (p.document -> 'retention' ->> 'statutory_minimum_years')::integer FROM policy_version p
        WHERE p.effective_from <= day ORDER BY p.effective_from DESC, p.version DESC LIMIT 1), 1)
$$;

-- Why case `case_number` may not be anonymised today, in one sentence; NULL
-- when it may: it is closed, on no legal hold, and closed for at least the
-- statutory minimum. Today is the office's date now, whatever date a run is
-- judged as of, so no date given can shorten the minimum.
CREATE FUNCTION case_anonymisation_refusal(case_number bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    subject complaint_case;
    zone text := (SELECT o.time_zone FROM office o WHERE o.id);
    day date := (now() AT TIME ZONE zone)::date;
    minimum integer := retention_statutory_minimum(day);
BEGIN
    SELECT * INTO subject FROM complaint_case c WHERE c.id = case_number;
    IF NOT FOUND THEN
        RETURN format('there is no case %s', case_number);
    END IF;
    IF EXISTS (SELECT 1 FROM legal_hold h WHERE h.case_id = case_number AND h.released_at IS NULL) THEN
        RETURN format('%s is on legal hold', subject.reference);
    END IF;
    IF subject.state <> 'closed' OR subject.closed_at IS NULL THEN
        RETURN format('%s is open (%s)', subject.reference, subject.state);
    END IF;
    IF (subject.closed_at AT TIME ZONE zone)::date + make_interval(years => minimum) > day THEN
        RETURN format('%s closed on %s, within the statutory minimum of %s years (until %s)', subject.reference,
            (subject.closed_at AT TIME ZONE zone)::date, minimum,
            ((subject.closed_at AT TIME ZONE zone)::date + make_interval(years => minimum))::date);
    END IF;
    RETURN NULL;
END
$$;

-- Anonymises case `case_number` (`day`: the date the run judged it as of, for
-- the record): every personal value of it is replaced by a
-- marker or removed, stored documents' and received messages' bytes deleted, its
-- audit rows rewritten as their commitments and its key destroyed. What
-- statistics count stays: reference, dates, clocks, states, outcomes,
-- categories, respondent, remedies' kinds, classes and dates. Only those who may
-- see every identity do it, and only when case_anonymisation_refusal allows.
-- Returns false when the case was anonymised before (nothing is written).
CREATE FUNCTION case_anonymise(case_number bigint, anonymise_basis text, day date, policy integer,
    actor_login text, occurred timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    marker CONSTANT text := '[anonymised]';
    refusal text;
    contents bytea[];
BEGIN
    IF NOT redress_session_may('identity') THEN
        RAISE EXCEPTION 'login % may not anonymise cases: only supervisors and the ombudsperson may', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM 1 FROM complaint_case c WHERE c.id = case_number FOR UPDATE;
    IF EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = case_number) THEN
        RETURN false;
    END IF;
    refusal := case_anonymisation_refusal(case_number);
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION '% may not be anonymised: %', case_number, refusal
            USING ERRCODE = 'check_violation', DETAIL = refusal;
    END IF;

    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (case_number, actor_login, occurred, 'case_anonymised', jsonb_build_object(
        'basis', anonymise_basis, 'as_of', day::text, 'policy_version', policy));

    UPDATE complaint_case SET summary = marker,
        late_filing_reason = CASE WHEN late_filing_reason IS NULL THEN NULL ELSE marker END
    WHERE id = case_number;
    UPDATE party SET name = marker, email = NULL, phone = NULL, postal_address = NULL WHERE case_id = case_number;
    UPDATE case_note SET body = marker WHERE case_id = case_number;
    UPDATE case_contact SET summary = marker WHERE case_id = case_number;
    UPDATE clock_pause p SET reason = marker
    FROM clock k WHERE k.id = p.clock_id AND k.case_id = case_number AND p.reason IS NOT NULL;
    UPDATE clock_extension x SET reason = marker
    FROM clock k WHERE k.id = x.clock_id AND k.case_id = case_number AND x.reason IS NOT NULL;
    UPDATE notice SET recipient = NULL, data = '{"anonymised": true}'
    WHERE case_id = case_number AND (recipient IS NOT NULL OR data <> '{"anonymised": true}');
    UPDATE investigation SET findings = CASE WHEN findings IS NULL THEN NULL ELSE marker END,
        first_response_note = CASE WHEN first_response_note IS NULL THEN NULL ELSE marker END
    WHERE case_id = case_number;
    UPDATE respondent_request SET about = marker WHERE case_id = case_number AND about IS NOT NULL;
    UPDATE decision SET text = marker WHERE case_id = case_number AND text IS NOT NULL;
    UPDATE decision_review SET grounds = CASE WHEN grounds IS NULL THEN NULL ELSE marker END,
        reasons = CASE WHEN reasons IS NULL THEN NULL ELSE marker END,
        late_reason = CASE WHEN late_reason IS NULL THEN NULL ELSE marker END,
        varied_text = CASE WHEN varied_text IS NULL THEN NULL ELSE marker END
    WHERE case_id = case_number;
    UPDATE remedy_item SET description = marker, reason = CASE WHEN reason IS NULL THEN NULL ELSE marker END
    WHERE case_id = case_number;
    UPDATE remedy_entry e SET text = marker
    FROM remedy_item r WHERE r.id = e.remedy_item_id AND r.case_id = case_number AND e.text IS NOT NULL;
    UPDATE mediation SET end_reason = marker WHERE case_id = case_number AND end_reason IS NOT NULL;
    UPDATE mediation_session s SET place = marker
    FROM mediation m WHERE m.id = s.mediation_id AND m.case_id = case_number AND s.place IS NOT NULL;
    UPDATE arbitration_hearing h SET place = marker
    FROM arbitration a WHERE a.id = h.arbitration_id AND a.case_id = case_number AND h.place IS NOT NULL;
    UPDATE arbitration SET award_text = marker WHERE case_id = case_number AND award_text IS NOT NULL;

    -- Stored bytes: documents and received messages. Content stored once for
    -- several cases stays while a case that is not anonymised still holds it.
    SELECT coalesce(array_agg(DISTINCT s.sha256), '{}') INTO contents FROM (
        SELECT d.sha256 FROM case_document d WHERE d.case_id = case_number
        UNION ALL SELECT m.sha256 FROM mail_message m WHERE m.case_id = case_number) s;
    UPDATE case_document SET title = marker, filename = NULL WHERE case_id = case_number;
    UPDATE mail_message SET message_id = marker || ' ' || id, sender = NULL, subject = NULL, sent_date = NULL,
        in_reply_to = NULL, text_body = NULL, problem = NULL
    WHERE case_id = case_number;
    DELETE FROM document_chunk ch
    WHERE ch.sha256 = ANY (contents)
      AND NOT EXISTS (
          SELECT 1 FROM case_document d
          WHERE d.sha256 = ch.sha256 AND d.case_id <> case_number
            AND NOT EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = d.case_id))
      AND NOT EXISTS (
          SELECT 1 FROM mail_message m
          WHERE m.sha256 = ch.sha256 AND m.case_id IS DISTINCT FROM case_number
            AND NOT EXISTS (SELECT 1 FROM case_anonymisation a WHERE a.case_id = m.case_id));
    UPDATE document_content c SET chunks = 0
    WHERE c.sha256 = ANY (contents) AND NOT EXISTS (SELECT 1 FROM document_chunk ch WHERE ch.sha256 = c.sha256);

    -- The audit rows keep their commitments only; then the key goes.
    UPDATE case_event SET data = case_event_committed(case_id, data)
    WHERE case_id = case_number AND data IS DISTINCT FROM case_event_committed(case_id, data);
    DELETE FROM case_key WHERE case_id = case_number;

    INSERT INTO case_anonymisation (case_id, anonymised_at, anonymised_on, basis, policy_version, anonymised_by)
    VALUES (case_number, occurred, (occurred AT TIME ZONE (SELECT o.time_zone FROM office o WHERE o.id))::date,
        anonymise_basis, policy, actor_login);
    RETURN true;
END
$$;

-- Erases one person who is not the complainant (a representative) from case
-- `case_number` at once: the party's name and contacts, and in the case's free
-- text and audit rows every value that names or reaches them (a value holding
-- their name, email, phone or address becomes its commitment). The case's key
-- stays, as the case does. Refused like case_anonymise.
CREATE FUNCTION party_erase(party_id bigint, actor_login text, occurred timestamptz, day date,
    erase_reason text)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    marker CONSTANT text := '[anonymised]';
    person party;
    refusal text;
    needles text[];
    event record;
BEGIN
    IF NOT redress_session_may('identity') THEN
        RAISE EXCEPTION 'login % may not erase personal data: only supervisors and the ombudsperson may', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO person FROM party p WHERE p.id = party_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no party %', party_id USING ERRCODE = 'no_data_found';
    END IF;
    refusal := case_anonymisation_refusal(person.case_id);
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION 'party % may not be erased: %', party_id, refusal USING ERRCODE = 'check_violation',
            DETAIL = refusal;
    END IF;
    needles := array_remove(ARRAY[person.name, person.email, person.phone, person.postal_address], NULL);
    needles := array_remove(needles, marker);
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (person.case_id, actor_login, occurred, 'party_erased', jsonb_build_object(
        'role', person.role, 'as_of', day::text, 'reason', erase_reason));
    UPDATE party SET name = marker, email = NULL, phone = NULL, postal_address = NULL WHERE id = party_id;
    IF cardinality(needles) = 0 THEN
        RETURN;
    END IF;
    UPDATE complaint_case SET summary = marker
    WHERE id = person.case_id AND EXISTS (SELECT 1 FROM unnest(needles) n WHERE strpos(lower(summary), lower(n)) > 0);
    UPDATE case_note SET body = marker
    WHERE case_id = person.case_id AND EXISTS (SELECT 1 FROM unnest(needles) n WHERE strpos(lower(body), lower(n)) > 0);
    UPDATE case_contact SET summary = marker
    WHERE case_id = person.case_id
      AND EXISTS (SELECT 1 FROM unnest(needles) n WHERE strpos(lower(summary), lower(n)) > 0);
    -- In the audit rows, each personal string that holds one of their values is committed.
    FOR event IN SELECT e.id, e.data FROM case_event e WHERE e.case_id = person.case_id LOOP
        UPDATE case_event SET data = party_erase_values(event.data, case_event_committed(person.case_id, event.data),
            needles)
        WHERE id = event.id
          AND data IS DISTINCT FROM party_erase_values(event.data, case_event_committed(person.case_id, event.data),
            needles);
    END LOOP;
END
$$;

-- `data` with each string that holds one of `needles` replaced by the value at the
-- same place in `committed` (its commitment when it is personal).
CREATE FUNCTION party_erase_values(data jsonb, committed jsonb, needles text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
    result jsonb;
BEGIN
    CASE jsonb_typeof(data)
    WHEN 'string' THEN
        IF EXISTS (SELECT 1 FROM unnest(needles) n WHERE strpos(lower(data #>> '{}'), lower(n)) > 0) THEN
            RETURN committed;
        END IF;
        RETURN data;
    WHEN 'object' THEN
        SELECT coalesce(jsonb_object_agg(e.key, party_erase_values(e.value, committed -> e.key, needles)), '{}')
        INTO result FROM jsonb_each(data) e;
        RETURN result;
    WHEN 'array' THEN
        SELECT coalesce(jsonb_agg(party_erase_values(e.value, committed -> (e.n::integer - 1), needles) ORDER BY e.n),
            '[]')
        INTO result FROM jsonb_array_elements(data) WITH ORDINALITY e(value, n);
        RETURN result;
    ELSE
        RETURN data;
    END CASE;
END
$$;

REVOKE ALL ON FUNCTION case_key_new(bigint), case_event_commit(jsonb, boolean, boolean, bytea, bytea),
    case_event_committed(bigint, jsonb), party_erase_values(jsonb, jsonb, text[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION case_event_stored_canonical(bigint), retention_statutory_minimum(date),
    case_anonymisation_refusal(bigint), case_anonymise(bigint, text, date, integer, text, timestamptz),
    party_erase(bigint, text, timestamptz, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_event_stored_canonical(bigint), retention_statutory_minimum(date),
    case_anonymisation_refusal(bigint), case_anonymise(bigint, text, date, integer, text, timestamptz),
    party_erase(bigint, text, timestamptz, date, text) TO redress_staff, redress_service;
