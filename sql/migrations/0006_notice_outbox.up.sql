-- The outbox: notices queued in the transaction of the event that causes
-- them, rendered and sent later by `redress notices`.
CREATE TABLE notice (
    id               bigserial PRIMARY KEY,
    case_id          bigint REFERENCES complaint_case (id),
    kind             text NOT NULL,
    audience         text NOT NULL,
    -- An email address, or NULL when it is not known (a letter goes by post).
    recipient        text,
    channel          text NOT NULL,
    language         text NOT NULL,
    state            text NOT NULL DEFAULT 'pending',
    automatic        boolean NOT NULL DEFAULT true,
    -- Facts the template needs that are not on the case.
    data             jsonb NOT NULL DEFAULT '{}',
    attempts         integer NOT NULL DEFAULT 0,
    last_error       text,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    CONSTRAINT notice_kind_is_snake_case CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
    CONSTRAINT notice_audience_is_known CHECK (audience IN (
        'complainant', 'representative', 'respondent', 'head_of_body', 'assignee', 'supervisor', 'ombudsperson')),
    CONSTRAINT notice_channel_is_known CHECK (channel IN ('email', 'post')),
    CONSTRAINT notice_state_is_known CHECK (state IN ('pending', 'sent', 'failed', 'cancelled'))
);

CREATE INDEX notice_state_next_attempt_at ON notice (state, next_attempt_at);
CREATE INDEX notice_by_case ON notice (case_id);
