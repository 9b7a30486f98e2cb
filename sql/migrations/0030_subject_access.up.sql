-- Subject access (README "Subject access: finding and exporting a person"): finding
-- every case a person is in, and the register of the exports made for them.

-- A name as a person is looked for: compatibility-normalised (NFKC, so a Korean name
-- typed as decomposed jamo meets the same name stored composed), lower case, with no
-- whitespace at all ("Oh Jisu" meets "oh  jisu"; "오 지수" meets "오지수").
CREATE FUNCTION redress_person_name_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.lower(pg_catalog.regexp_replace(pg_catalog.normalize(value, 'NFKC'), '\s+', '', 'g'))
$$;

-- A phone number as a person is looked for: its digits, a Korean +82 country code
-- written as the trunk 0 ("+82 10-5555-1234" meets "010 5555 1234").
CREATE FUNCTION redress_person_phone_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT CASE WHEN d LIKE '820%' THEN substr(d, 3) WHEN d LIKE '82%' THEN '0' || substr(d, 3) ELSE d END
    FROM (SELECT pg_catalog.regexp_replace(value, '[^0-9]', '', 'g') AS d) digits
$$;

CREATE INDEX party_person_name_key ON party (redress_person_name_key(name));
CREATE INDEX party_person_phone_key ON party (redress_person_phone_key(phone)) WHERE phone IS NOT NULL;

-- Every case and role in which the person with this key appears, among the cases whose
-- identities the connected login may see (supervisors and the ombudsperson, an
-- assignee its own cases) and is not recused from: nobody learns from it that a person
-- is in a case whose parties are hidden from them. `kind` is 'email', 'phone' or
-- 'name'; `role` is the party's ('complainant', 'representative') or 'correspondent'
-- for a filed message from that email address on a case where it is no party.
--
-- Each search writes an audit row of no case, `person_searched`, with the kind of key
-- and the number of roles found, never the key nor a digest of it: the audit log is
-- kept for ever, and a digest of a phone number or a name is read back by trying them all.
CREATE FUNCTION person_find(kind text, key text)
RETURNS TABLE (case_id bigint, role text, party_position integer)
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    viewer text := session_user;
    sees_all boolean := redress_sees_every_identity(session_user);
    email_key text := CASE WHEN kind = 'email' THEN lower(btrim(key)) END;
    phone_key text := CASE WHEN kind = 'phone' THEN redress_person_phone_key(key) END;
    name_key text := CASE WHEN kind = 'name' THEN redress_person_name_key(key) END;
    found integer;
BEGIN
    IF kind NOT IN ('email', 'phone', 'name') THEN
        RAISE EXCEPTION 'a person is found by email, phone or name, not by %', kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF NOT redress_session_may('read') THEN
        RAISE EXCEPTION 'login % may not read cases', session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(email_key, phone_key, name_key, '') = '' THEN
        RAISE EXCEPTION 'the % to look for is empty', kind USING ERRCODE = 'invalid_parameter_value';
    END IF;
    RETURN QUERY
    SELECT h.case_id, h.role, h.party_position FROM (
        SELECT p.case_id, p.role, p.position AS party_position FROM party p
        WHERE p.email IS NOT NULL AND lower(btrim(p.email)) = email_key
        UNION
        SELECT p.case_id, p.role, p.position FROM party p
        WHERE p.phone IS NOT NULL AND redress_person_phone_key(p.phone) = phone_key
        UNION
        SELECT p.case_id, p.role, p.position FROM party p
        WHERE redress_person_name_key(p.name) = name_key
        UNION
        -- Messages from the address on a case where it is no party's.
        SELECT m.case_id, 'correspondent', NULL FROM mail_message m
        WHERE email_key IS NOT NULL AND m.state = 'filed'
          AND (lower(btrim(m.sender)) = email_key OR position('<' || email_key || '>' IN lower(m.sender)) > 0)
          AND NOT EXISTS (
              SELECT 1 FROM party p WHERE p.case_id = m.case_id AND lower(btrim(p.email)) = email_key)
    ) h
    JOIN complaint_case c ON c.id = h.case_id
    WHERE (sees_all OR c.assignee = viewer) AND NOT redress_login_recused(viewer, c.id)
    ORDER BY h.case_id, h.role, h.party_position;
    GET DIAGNOSTICS found = ROW_COUNT;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, viewer, now(), 'person_searched', jsonb_build_object('key', kind, 'matches', found));
END
$$;
REVOKE ALL ON FUNCTION person_find(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION person_find(text, text) TO redress_staff, redress_service;

-- One subject access request answered: when it was received (the legal clock starts
-- then: PIPA 10 days, GDPR one month), when the export was made and by whom, the
-- office's reference for it, which cases the export covered, and the kind of key the
-- person was found by with a salted digest of the key (HMAC-SHA-256 under a random
-- salt of the row's own): whoever is given the key again can tell whether this row
-- answered it, and the register names nobody to those who cannot. The digest, the
-- salt, the reference and the cases are read only by those who see every identity
-- (`subject_access_request_detail`): a phone number's digest is read back by trying
-- them all, and the cases of a request say who asked.
CREATE TABLE subject_access_request (
    id            bigserial PRIMARY KEY,
    received_on   date NOT NULL,
    completed_at  timestamptz NOT NULL,
    handled_by    text NOT NULL,
    key_kind      text NOT NULL,
    key_salt      bytea NOT NULL,
    key_digest    bytea NOT NULL,
    reference     text,
    case_ids      bigint[] NOT NULL,
    CONSTRAINT subject_access_request_key_kind_is_known CHECK (key_kind IN ('email', 'phone', 'name')),
    CONSTRAINT subject_access_request_digest_is_a_digest CHECK (length(key_digest) = 32 AND length(key_salt) >= 16),
    CONSTRAINT subject_access_request_reference_is_not_blank CHECK (reference IS NULL OR btrim(reference) <> ''),
    CONSTRAINT subject_access_request_is_received_before_completed
        CHECK (received_on <= (completed_at AT TIME ZONE 'UTC')::date + 1)
);
CREATE INDEX subject_access_request_received ON subject_access_request (received_on);

-- The security model of every table: active staff read (here the columns that name
-- nobody), nobody writes but through `subject_access_record`, nobody deletes, and
-- each change needs its audit row.
ALTER TABLE subject_access_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON subject_access_request FOR SELECT USING ((SELECT redress_session_may('read')));
GRANT SELECT (id, received_on, completed_at, handled_by, key_kind) ON subject_access_request
    TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE subject_access_request_id_seq TO redress_staff, redress_service;
CREATE CONSTRAINT TRIGGER subject_access_request_change_is_audited
    AFTER INSERT OR UPDATE OR DELETE ON subject_access_request DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION office_change_is_audited();

CREATE VIEW subject_access_request_detail WITH (security_barrier) AS
    SELECT r.id, r.received_on, r.completed_at, r.handled_by, r.key_kind, r.key_salt, r.key_digest, r.reference,
        r.case_ids
    FROM subject_access_request r
    WHERE (SELECT redress_session_may('identity'));
GRANT SELECT ON subject_access_request_detail TO redress_staff, redress_service;

-- Records an export made by the connected login for a subject access request, with its
-- audit row of no case (`subject_access_exported`: the request's number, the kind of
-- key, how many cases, the days it took), and returns the request's number. Only those
-- who see every identity make exports, and a login recused from one of the cases does not.
CREATE FUNCTION subject_access_record(
    received date, completed timestamptz, kind text, salt bytea, digest bytea, office_reference text, cases bigint[])
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    request bigint;
BEGIN
    IF NOT redress_session_may('identity') THEN
        RAISE EXCEPTION 'login % may not export what is held about a person: only supervisors and the ombudsperson may',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(cases) c(id) WHERE redress_login_recused(session_user, c.id)) THEN
        RAISE EXCEPTION 'login % is recused from a case of this person; another supervisor or the ombudsperson makes the export',
            session_user USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO subject_access_request (received_on, completed_at, handled_by, key_kind, key_salt, key_digest, reference, case_ids)
    VALUES (received, completed, session_user, kind, salt, digest, nullif(btrim(office_reference), ''), cases)
    RETURNING id INTO request;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, session_user, now(), 'subject_access_exported', jsonb_build_object(
        'request', request, 'key', kind, 'cases', cardinality(cases), 'received_on', received));
    RETURN request;
END
$$;
REVOKE ALL ON FUNCTION subject_access_record(date, timestamptz, text, bytea, bytea, text, bigint[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION subject_access_record(date, timestamptz, text, bytea, bytea, text, bigint[])
    TO redress_staff, redress_service;

-- The figures of `report stats` over the requests of a period, in the office's time
-- zone: for every reader, as they name nobody.
CREATE FUNCTION subject_access_figures(period_first date, period_last date, zone_name text)
RETURNS TABLE (received bigint, completed bigint, open_at_end bigint, median_days double precision,
    max_days integer, within_ten_days bigint, within_one_month bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    WITH r AS (
        SELECT s.received_on, (s.completed_at AT TIME ZONE zone_name)::date AS completed_on
        FROM subject_access_request s
        WHERE redress_session_may('read') AND s.received_on <= period_last
    ), done AS (
        SELECT greatest(r.completed_on - r.received_on, 0) AS days, r.completed_on, r.received_on FROM r
        WHERE r.completed_on BETWEEN period_first AND period_last
    )
    SELECT
        (SELECT count(*) FROM r WHERE r.received_on >= period_first),
        (SELECT count(*) FROM done),
        (SELECT count(*) FROM r WHERE r.completed_on > period_last),
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM done),
        (SELECT max(days) FROM done),
        (SELECT count(*) FROM done WHERE days <= 10),
        (SELECT count(*) FROM done WHERE completed_on <= (received_on + interval '1 month')::date)
$$;
REVOKE ALL ON FUNCTION subject_access_figures(date, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION subject_access_figures(date, date, text) TO redress_staff, redress_service;
