-- Links between cases: a duplicate points to its original, related cases point
-- to each other, and cases about one systemic issue are linked as the same
-- issue (the issue is named by its earliest case). A link is never deleted: it
-- is ended (`unlinked_at`), so a case's history keeps what was once linked.
CREATE TABLE case_link (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES complaint_case (id),
    other_id     bigint NOT NULL REFERENCES complaint_case (id),
    kind         text NOT NULL,
    linked_by    text NOT NULL,
    linked_at    timestamptz NOT NULL,
    unlinked_by  text,
    unlinked_at  timestamptz,
    CONSTRAINT case_link_kind_is_known CHECK (kind IN ('duplicate', 'related', 'same_issue')),
    CONSTRAINT case_link_joins_two_cases CHECK (case_id <> other_id),
    CONSTRAINT case_link_end_is_whole CHECK ((unlinked_by IS NULL) = (unlinked_at IS NULL))
);
-- One live link of a kind between two cases, whichever way it was made; a case
-- is the duplicate of one original at a time.
CREATE UNIQUE INDEX case_link_once ON case_link (least(case_id, other_id), greatest(case_id, other_id), kind)
    WHERE unlinked_at IS NULL;
CREATE UNIQUE INDEX case_link_one_original ON case_link (case_id) WHERE kind = 'duplicate' AND unlinked_at IS NULL;
CREATE INDEX case_link_other ON case_link (other_id);

-- The security model of every case table (migrations 18 and 19): any active
-- staff member reads, the case-writing roles add and end links, nobody deletes,
-- and each change needs its audit row.
ALTER TABLE case_link ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON case_link FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON case_link FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
CREATE POLICY redress_update ON case_link FOR UPDATE USING ((SELECT redress_session_may('read')))
    WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT ON case_link TO redress_staff, redress_service;
GRANT INSERT ON case_link TO redress_staff, redress_service;
GRANT UPDATE (unlinked_by, unlinked_at) ON case_link TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE case_link_id_seq TO redress_staff, redress_service;
CREATE CONSTRAINT TRIGGER case_link_change_is_audited AFTER INSERT OR UPDATE ON case_link
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();

-- Each case linked as the same issue, with the issue it belongs to: the first
-- case (lowest id) its same-issue links reach. Read with the reader's rights.
CREATE VIEW case_issue WITH (security_invoker = true) AS
WITH RECURSIVE edge (a, b) AS (
    SELECT case_id, other_id FROM case_link WHERE kind = 'same_issue' AND unlinked_at IS NULL
    UNION
    SELECT other_id, case_id FROM case_link WHERE kind = 'same_issue' AND unlinked_at IS NULL
), reach (origin, member) AS (
    SELECT a, a FROM edge
    UNION
    SELECT r.origin, e.b FROM reach r JOIN edge e ON e.a = r.member
)
SELECT origin AS case_id, min(member) AS issue_case_id FROM reach GROUP BY origin;
GRANT SELECT ON case_issue TO redress_staff, redress_service;

-- Possible duplicates: contacts compared as typed are compared as keys, an
-- email lower-cased and trimmed, a phone number as its digits (the key of
-- migration 20).
CREATE INDEX party_email_key ON party (lower(btrim(email))) WHERE email IS NOT NULL;
CREATE INDEX party_phone_key ON party (redress_phone_key(phone)) WHERE phone IS NOT NULL;

-- The other cases against the same respondent, open or closed in the last 12
-- months, that share a complainant's or representative's email or phone with
-- this one and are not linked to it. Staff may not read contacts, so this
-- compares them for the reader and gives back only references. Written so that
-- each step is an index lookup (the contact keys, then the cases by id): the
-- respondent is compared after, as a busy body has thousands of cases.
CREATE FUNCTION redress_possible_duplicates(case_number bigint)
RETURNS TABLE (reference text, state text, received_on date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    WITH contact AS (
        SELECT array_agg(lower(btrim(p.email))) FILTER (WHERE p.email IS NOT NULL) AS emails,
               array_agg(redress_phone_key(p.phone)) FILTER (WHERE redress_phone_key(p.phone) <> '') AS phones
        FROM party p WHERE p.case_id = case_number
    ), matching AS (
        SELECT p.case_id FROM party p
        WHERE p.email IS NOT NULL AND lower(btrim(p.email)) = ANY ((SELECT emails FROM contact)::text[])
        UNION
        SELECT p.case_id FROM party p
        WHERE p.phone IS NOT NULL AND redress_phone_key(p.phone) = ANY ((SELECT phones FROM contact)::text[])
    )
    SELECT c.reference, c.state, c.received_on
    FROM complaint_case c
    WHERE redress_session_may('read')
      AND c.id = ANY (ARRAY(SELECT case_id FROM matching)) AND c.id <> case_number
      AND c.respondent_id IS NOT DISTINCT FROM (SELECT o.respondent_id FROM complaint_case o WHERE o.id = case_number)
      AND (c.state <> 'closed' OR c.closed_at >= now() - interval '12 months')
      AND NOT EXISTS (
          SELECT 1 FROM case_link l
          WHERE l.unlinked_at IS NULL
            AND ((l.case_id = case_number AND l.other_id = c.id) OR (l.case_id = c.id AND l.other_id = case_number)))
    ORDER BY c.received_on, c.reference
$$;
REVOKE ALL ON FUNCTION redress_possible_duplicates(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redress_possible_duplicates(bigint) TO redress_staff, redress_service;
