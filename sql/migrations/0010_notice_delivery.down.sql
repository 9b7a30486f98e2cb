DROP INDEX notice_pending;
ALTER TABLE notice
    DROP CONSTRAINT notice_sent_has_sent_at,
    DROP CONSTRAINT notice_attempts_not_negative;
ALTER TABLE complaint_case DROP COLUMN disclose_identity;
