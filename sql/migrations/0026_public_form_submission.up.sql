-- What the public complaint form of `redress serve` remembers so that one form
-- sent twice (the back button and Send again, a double click) registers one
-- case: the SHA-256 of the key the form carried and the case it opened. The
-- key itself is never kept. Rows are only added, with the case they belong to.
CREATE TABLE public_form_submission (
    key_sha256  bytea PRIMARY KEY,
    case_id     bigint NOT NULL REFERENCES complaint_case (id),
    created_at  timestamptz NOT NULL,
    CONSTRAINT public_form_submission_key_is_a_sha256 CHECK (octet_length(key_sha256) = 32)
);
CREATE INDEX public_form_submission_case ON public_form_submission (case_id);

-- The security model of every case table (migrations 18, 19 and 24): any active
-- staff member reads, the case-writing roles add, nobody changes or deletes,
-- and each row needs its case's audit row in the same transaction.
ALTER TABLE public_form_submission ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON public_form_submission FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON public_form_submission FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON public_form_submission TO redress_staff, redress_service;
CREATE CONSTRAINT TRIGGER public_form_submission_change_is_audited AFTER INSERT ON public_form_submission
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
