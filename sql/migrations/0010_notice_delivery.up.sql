-- Delivery of the notice outbox by `redress notices send` and `export`, and
-- the complainant's consent that lets respondent notices name them.

-- Whether the complainant has agreed that the respondent may learn who they
-- are (SPEC §3.2). Until then respondent and head-of-body notices never carry
-- their name or contact details; `redress case consent` records it, audited.
ALTER TABLE complaint_case ADD COLUMN disclose_identity boolean NOT NULL DEFAULT false;

ALTER TABLE notice
    ADD CONSTRAINT notice_attempts_not_negative CHECK (attempts >= 0),
    -- A sent notice says when; nothing else has a sending time.
    ADD CONSTRAINT notice_sent_has_sent_at CHECK ((state = 'sent') = (sent_at IS NOT NULL));

-- Senders walk the pending notices in id order, claiming each with FOR
-- UPDATE SKIP LOCKED; sent, failed and cancelled rows, in time the bulk of
-- the table, stay out of the index.
CREATE INDEX notice_pending ON notice (id) WHERE state = 'pending';
