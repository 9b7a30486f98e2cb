-- Correspondence (README "Correspondence"): messages that come in by mail, the
-- documents kept with a case, and the log of contacts that came by no mail.

-- Whether the office opens a new intake for a message that names no case, or
-- leaves it in the unmatched queue; and the largest document it keeps.
ALTER TABLE office
    ADD COLUMN mail_opens_intake boolean NOT NULL DEFAULT true,
    ADD COLUMN document_size_limit bigint NOT NULL DEFAULT 26214400,
    ADD CONSTRAINT office_document_size_limit_is_positive CHECK (document_size_limit > 0);

-- Whether the connected login may read what the complainant of case
-- `case_number` wrote or sent when it is confidential: the rule of
-- `party_identity` (supervisors and the ombudsperson, the case's assignee; never
-- a login recused from it). A message of no case is read by those who see every
-- identity.
CREATE FUNCTION redress_may_read_content(case_number bigint, confidential boolean) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT redress_session_is_trusted() OR (redress_session_may('read') AND CASE
        WHEN case_number IS NULL THEN redress_session_may('identity')
        WHEN NOT confidential AND NOT (SELECT c.confidential FROM complaint_case c WHERE c.id = case_number) THEN true
        ELSE (redress_session_may('identity')
                OR EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = case_number AND c.assignee = session_user))
            AND NOT redress_login_recused(session_user, case_number)
    END)
$$;
REVOKE ALL ON FUNCTION redress_may_read_content(bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redress_may_read_content(bigint, boolean) TO redress_staff, redress_service;

-- Content stored once, by its SHA-256, in chunks that are read and written one at
-- a time, so a large document never has to fit in memory. Its rows are reached
-- only through a case's documents and received messages: a reader reads the bytes of the
-- documents and messages it may read and no other.
CREATE TABLE document_content (
    sha256     bytea PRIMARY KEY,
    size       bigint NOT NULL,
    chunks     integer NOT NULL,
    stored_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT document_content_sha256_is_a_digest CHECK (length(sha256) = 32),
    CONSTRAINT document_content_size_not_negative CHECK (size >= 0 AND chunks >= 0)
);
CREATE TABLE document_chunk (
    sha256    bytea NOT NULL REFERENCES document_content (sha256),
    position  integer NOT NULL,
    data      bytea NOT NULL,
    PRIMARY KEY (sha256, position),
    CONSTRAINT document_chunk_position_not_negative CHECK (position >= 0)
);

-- One message as the mail system handed it over: its bytes exactly (stored as
-- content, by their SHA-256), what its headers say, and its decoded text. A message is received
-- once: the same Message-ID with the same bytes, piped again (the mail system
-- retries after a temporary failure), finds its row.
CREATE TABLE mail_message (
    id             bigserial PRIMARY KEY,
    message_id     text,
    sha256         bytea NOT NULL REFERENCES document_content (sha256),
    size           bigint NOT NULL,
    received_at    timestamptz NOT NULL,
    case_id        bigint REFERENCES complaint_case (id),
    -- The notice it answers or reports on, by its In-Reply-To or References.
    notice_id      bigint REFERENCES notice (id),
    state          text NOT NULL,
    kind           text NOT NULL,
    -- How it found its case: notice, subject, intake or hand.
    matched_by     text,
    sender         text,
    subject        text,
    sent_date      text,
    in_reply_to    text,
    text_body      text,
    -- Why it was quarantined, or what of it was refused (an attachment over the limit).
    problem        text,
    received_by    text NOT NULL,
    filed_by       text,
    filed_at       timestamptz,
    CONSTRAINT mail_message_state_is_known CHECK (state IN ('filed', 'unmatched', 'quarantined')),
    CONSTRAINT mail_message_kind_is_known CHECK (kind IN ('reply', 'auto_reply', 'bounce')),
    CONSTRAINT mail_message_matched_by_is_known CHECK (matched_by IN ('notice', 'subject', 'intake', 'hand')),
    CONSTRAINT mail_message_filed_has_a_case CHECK ((state = 'filed') = (case_id IS NOT NULL)),
    CONSTRAINT mail_message_filing_is_whole CHECK ((filed_at IS NULL) = (filed_by IS NULL)),
    CONSTRAINT mail_message_received_once UNIQUE NULLS NOT DISTINCT (message_id, sha256)
);
CREATE INDEX mail_message_case ON mail_message (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX mail_message_waiting ON mail_message (state, id) WHERE state <> 'filed';

-- A document of a case: what it is called, what it holds (sniffed from its
-- first bytes, never from its name) and where it came from. Numbered per case.
CREATE TABLE case_document (
    id               bigserial PRIMARY KEY,
    case_id          bigint NOT NULL REFERENCES complaint_case (id),
    number           integer NOT NULL,
    sha256           bytea NOT NULL REFERENCES document_content (sha256),
    title            text NOT NULL,
    filename         text,
    content_type     text NOT NULL,
    size             bigint NOT NULL,
    confidential     boolean NOT NULL DEFAULT false,
    source           text NOT NULL,
    mail_message_id  bigint REFERENCES mail_message (id),
    added_by         text NOT NULL,
    added_at         timestamptz NOT NULL,
    CONSTRAINT case_document_source_is_known CHECK (source IN ('attached', 'mail')),
    CONSTRAINT case_document_mail_names_its_message CHECK ((source = 'mail') = (mail_message_id IS NOT NULL)),
    CONSTRAINT case_document_title_is_not_blank CHECK (btrim(title) <> ''),
    CONSTRAINT case_document_number_once UNIQUE (case_id, number)
);
CREATE INDEX case_document_content ON case_document (sha256);
CREATE INDEX mail_message_content ON mail_message (sha256);

-- The number the next document of a case takes, counting those the reader may not see.
CREATE FUNCTION redress_next_document_number(case_number bigint) RETURNS integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT coalesce(max(d.number), 0) + 1 FROM case_document d WHERE d.case_id = case_number
$$;
REVOKE ALL ON FUNCTION redress_next_document_number(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION redress_next_document_number(bigint) TO redress_staff, redress_service;

-- What came or went by no mail: a call, a visit, a letter.
CREATE TABLE case_contact (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES complaint_case (id),
    channel      text NOT NULL,
    direction    text NOT NULL,
    party        text NOT NULL,
    summary      text NOT NULL,
    contact_at   timestamptz NOT NULL,
    recorded_by  text NOT NULL,
    CONSTRAINT case_contact_channel_is_known CHECK (channel IN ('phone', 'in_person', 'letter', 'email')),
    CONSTRAINT case_contact_direction_is_known CHECK (direction IN ('in', 'out')),
    CONSTRAINT case_contact_party_is_known CHECK (party IN ('complainant', 'respondent', 'other')),
    CONSTRAINT case_contact_summary_is_not_blank CHECK (btrim(summary) <> '')
);
CREATE INDEX case_contact_case ON case_contact (case_id);

-- The security model of every case table: active staff read (a confidential
-- case's messages, documents and contacts only those who may see who complained),
-- the case-writing roles add, nobody deletes, and each change needs its audit row.
ALTER TABLE mail_message ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON mail_message FOR SELECT USING (redress_may_read_content(case_id, false));
CREATE POLICY redress_insert ON mail_message FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
CREATE POLICY redress_update ON mail_message FOR UPDATE USING (redress_may_read_content(case_id, false))
    WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON mail_message TO redress_staff, redress_service;
GRANT UPDATE (case_id, state, matched_by, filed_by, filed_at) ON mail_message TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE mail_message_id_seq TO redress_staff, redress_service;

ALTER TABLE case_document ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON case_document FOR SELECT USING (redress_may_read_content(case_id, confidential));
CREATE POLICY redress_insert ON case_document FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON case_document TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE case_document_id_seq TO redress_staff, redress_service;

ALTER TABLE case_contact ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON case_contact FOR SELECT USING (redress_may_read_content(case_id, false));
CREATE POLICY redress_insert ON case_contact FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON case_contact TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE case_contact_id_seq TO redress_staff, redress_service;

ALTER TABLE document_content ENABLE ROW LEVEL SECURITY;
-- Its size and digest only: any reader may know that content is stored (so that it is
-- stored once, whoever stores it again); its bytes are in the chunks.
CREATE POLICY redress_read ON document_content FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON document_content FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON document_content TO redress_staff, redress_service;

ALTER TABLE document_chunk ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON document_chunk FOR SELECT
    USING (EXISTS (SELECT 1 FROM case_document d WHERE d.sha256 = document_chunk.sha256)
        OR EXISTS (SELECT 1 FROM mail_message m WHERE m.sha256 = document_chunk.sha256));
CREATE POLICY redress_insert ON document_chunk FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
GRANT SELECT, INSERT ON document_chunk TO redress_staff, redress_service;

DO $$
DECLARE
    guarded text;
BEGIN
    FOREACH guarded IN ARRAY ARRAY['mail_message', 'case_document', 'case_contact'] LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE ON %I DEFERRABLE INITIALLY DEFERRED'
            ' FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION case_change_is_audited()',
            guarded || '_change_is_audited', guarded);
    END LOOP;
END
$$;

-- Content belongs to no case until a document names it: it is stored by a login
-- that writes an audit row in the same transaction, as adding a document does (the
-- check of migration 21 for the respondent register: an audit row by the same login
-- in the same transaction).
CREATE CONSTRAINT TRIGGER document_content_is_audited AFTER INSERT OR UPDATE ON document_content
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION respondent_change_is_audited();
CREATE CONSTRAINT TRIGGER document_chunk_is_audited AFTER INSERT OR UPDATE ON document_chunk
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION respondent_change_is_audited();
