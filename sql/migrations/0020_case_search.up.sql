-- Finding a case (`redress case find`, `GET /v1/cases?q=`): trigram indexes (pg_trgm)
-- over normalised text, so a fragment of a name, an address, a reference, a
-- respondent or a word of a summary or note is found through an index, not a scan.
--
-- pg_trgm is a trusted extension, but creating it needs the right to create in the
-- database, which redress_owner lacks: the migrating login (a database
-- administrator) creates it, in a schema of its own so that `public` keeps holding
-- only the owner's objects. Where it cannot, this says what to run.
RESET ROLE;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')
        AND NOT has_database_privilege(current_database(), 'CREATE') THEN
        RAISE EXCEPTION 'login % may not create the extension pg_trgm in this database', session_user
            USING ERRCODE = 'insufficient_privilege',
                HINT = 'a database administrator should run: CREATE SCHEMA redress_search; '
                    'CREATE EXTENSION pg_trgm SCHEMA redress_search; GRANT USAGE ON SCHEMA redress_search TO redress_owner;';
    END IF;
END
$$;
CREATE SCHEMA IF NOT EXISTS redress_search;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA redress_search;
GRANT USAGE ON SCHEMA redress_search TO redress_owner;
SET LOCAL ROLE redress_owner;
SET LOCAL search_path = public, redress_search;

-- The text a search compares: lower case, whitespace collapsed.
CREATE FUNCTION redress_search_text(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.lower(pg_catalog.regexp_replace(pg_catalog.btrim(value), '\s+', ' ', 'g'))
$$;

-- What the indexes hold: the search text with every character written twice.
-- Trigrams of the doubled text are the bigrams of the text, so a query of two
-- characters ("지수" in "오지수") has trigrams to look up ("지지수", "지수수"); a
-- query of the plain text would have none and read the whole index.
CREATE FUNCTION redress_search_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.regexp_replace(redress_search_text(value), '(.)', '\1\1', 'g')
$$;

-- A phone number's key: its digits only (so "010 5555 1234" meets "01055551234"), doubled.
CREATE FUNCTION redress_phone_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.regexp_replace(pg_catalog.regexp_replace(value, '[^0-9]', '', 'g'), '(.)', '\1\1', 'g')
$$;

-- The LIKE pattern that finds a key anywhere in an indexed key.
CREATE FUNCTION redress_search_pattern(key text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT '%' || pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(key, '\', '\\'), '%', '\%'), '_', '\_') || '%'
$$;

CREATE INDEX complaint_case_reference_search ON complaint_case USING gin (redress_search_key(reference) gin_trgm_ops);
CREATE INDEX complaint_case_summary_search ON complaint_case USING gin (redress_search_key(summary) gin_trgm_ops);
CREATE INDEX respondent_body_name_search ON respondent_body USING gin (redress_search_key(name) gin_trgm_ops);
CREATE INDEX case_note_body_search ON case_note USING gin (redress_search_key(body) gin_trgm_ops)
    WHERE NOT under_mediation;
-- Indexes over the identity columns add nothing a staff login can read: a query that
-- would use them names the columns, which no staff login may select.
CREATE INDEX party_name_search ON party USING gin (redress_search_key(name) gin_trgm_ops);
CREATE INDEX party_email_search ON party USING gin (redress_search_key(email) gin_trgm_ops);
CREATE INDEX party_phone_search ON party USING gin (redress_phone_key(phone) gin_trgm_ops);

-- Whether a login sees the identities on every case: an active supervisor or the
-- ombudsperson (SPEC §3.2, the rule of `party_identity`); anyone else sees those
-- of the cases assigned to them.
CREATE FUNCTION redress_sees_every_identity(viewer text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT EXISTS (
        SELECT 1 FROM staff s
        WHERE s.login = viewer AND s.active AND s.roles && ARRAY['supervisor', 'ombudsperson'])
$$;


-- The cases whose complainants or representatives match `query` in `fields` (name,
-- email, phone), among those whose identities the searcher may see, best first:
-- `score` is the share of the matched value the query covers. The searcher is the
-- connected staff login; the service's login (trusted) names the staff member it
-- acts for. Every search that reaches an identity field writes an audit row of no
-- case, `identities_searched`, with the fields and the number of matches but not
-- the query (a hash of a phone number or a name is read back by trying them all).
CREATE FUNCTION case_identity_search(query text, fields text[], acting text, max_cases bigint)
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
