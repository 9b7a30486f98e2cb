-- The escalation steps the nightly sweep has taken (SPEC §2.4): one row per
-- clock and step. The primary key is what makes the sweep idempotent: a step
-- is inserted with ON CONFLICT DO NOTHING, and its notices and audit row are
-- written only for rows that went in, in the same transaction, so however
-- often (or however many at once) sweeps run, each step happens once.
CREATE TABLE escalation (
    clock_id   bigint NOT NULL REFERENCES clock (id),
    step       text NOT NULL,
    case_id    bigint NOT NULL REFERENCES complaint_case (id),
    -- The first date on which the step was due, by RedressCore's ladder.
    due_on     date NOT NULL,
    -- The date the sweep that took it was run for (--as-of).
    as_of      date NOT NULL,
    taken_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT escalation_step_once_per_clock PRIMARY KEY (clock_id, step),
    CONSTRAINT escalation_step_is_known CHECK (step IN (
        'warning', 'breach', 'respondent_reminder', 'ombudsperson_list', 'head_of_body_letter',
        'non_compliance', 'complainant_update')),
    CONSTRAINT escalation_taken_when_due CHECK (due_on <= as_of)
);

CREATE INDEX escalation_by_case ON escalation (case_id);
-- The ombudsperson's list and the public non-compliance list read by step.
CREATE INDEX escalation_by_step ON escalation (step, as_of);

-- The clocks live on a date are those started by then and not ended or
-- cancelled by then; the sweep and the deadline report read them through this
-- index, so that finished clocks (most of them, in a year-old office) cost nothing.
CREATE INDEX clock_live_until ON clock ((coalesce(ended_on, cancelled_on, 'infinity'::date)), start_date);

-- Who a case was assigned to on a past date comes from its case_assigned
-- events: the report as of a date reads them for cases reassigned since.
CREATE INDEX case_event_assignment ON case_event (case_id, occurred_at) WHERE kind = 'case_assigned';
CREATE INDEX case_event_assignment_by_time ON case_event (occurred_at) WHERE kind = 'case_assigned';

GRANT SELECT, INSERT ON escalation TO redress_staff;
