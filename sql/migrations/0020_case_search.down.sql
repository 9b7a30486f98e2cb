DROP FUNCTION case_identity_search(text, text[], text, bigint);

DROP FUNCTION redress_sees_every_identity(text);
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
