DROP FUNCTION case_identity_search(text, text[], text, bigint);

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

DROP FUNCTION redress_may_see_identity(text, bigint);
DROP INDEX party_phone_search, party_email_search, party_name_search, case_note_body_search,
    respondent_body_name_search, complaint_case_summary_search, complaint_case_reference_search;
DROP FUNCTION redress_search_pattern(text), redress_phone_key(text), redress_search_key(text), redress_search_text(text);

-- The extension and its schema belong to the login that migrated up; one a database
-- administrator installed elsewhere stays.
RESET ROLE;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm' AND extnamespace = 'redress_search'::regnamespace) THEN
        DROP EXTENSION pg_trgm;
    END IF;
END
$$;
DROP SCHEMA IF EXISTS redress_search;
SET LOCAL ROLE redress_owner;
