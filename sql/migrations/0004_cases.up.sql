-- Rights categories: a vocabulary seeded from the ten Gwangju Guiding
-- Principles for a Human Rights City (2014) and the basic services of the
-- right to the city.
CREATE TABLE rights_category (
    code   text PRIMARY KEY,
    name   text NOT NULL,
    kind   text NOT NULL,
    CONSTRAINT rights_category_code_is_snake_case CHECK (code ~ '^[a-z][a-z0-9_]*$'),
    CONSTRAINT rights_category_kind_is_known CHECK (kind IN ('gwangju_principle', 'basic_service', 'other'))
);

INSERT INTO rights_category (code, name, kind) VALUES
    ('right_to_the_city', 'Right to the city', 'gwangju_principle'),
    ('non_discrimination', 'Non-discrimination and affirmative action', 'gwangju_principle'),
    ('social_inclusion', 'Social inclusion and cultural diversity', 'gwangju_principle'),
    ('participatory_democracy', 'Participatory democracy and accountable governance', 'gwangju_principle'),
    ('social_justice', 'Social justice, solidarity and sustainability', 'gwangju_principle'),
    ('political_leadership', 'Political leadership and institutionalization', 'gwangju_principle'),
    ('human_rights_mainstreaming', 'Human rights mainstreaming', 'gwangju_principle'),
    ('effective_coordination', 'Effective coordination of institutions and policies', 'gwangju_principle'),
    ('human_rights_education', 'Human rights education and training', 'gwangju_principle'),
    ('right_to_remedy', 'Right to remedy', 'gwangju_principle'),
    ('food', 'Food', 'basic_service'),
    ('education', 'Education', 'basic_service'),
    ('housing', 'Housing', 'basic_service'),
    ('energy', 'Energy', 'basic_service'),
    ('mobility', 'Mobility', 'basic_service'),
    ('public_facilities', 'Public facilities', 'basic_service');

-- The public bodies complained about, shared across cases so that reports
-- can count non-compliance by body.
CREATE TABLE respondent_body (
    id                   bigserial PRIMARY KEY,
    name                 text NOT NULL,
    email                text,
    head_of_body_name    text,
    head_of_body_email   text,
    created_at           timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT respondent_body_name_is_unique UNIQUE (name),
    CONSTRAINT respondent_body_name_is_not_blank CHECK (btrim(name) <> '')
);

-- References are gapless per prefix and year: the number is taken from this
-- row in the same transaction that registers the case, so a rollback gives
-- the number back.
CREATE TABLE reference_counter (
    prefix       text NOT NULL,
    year         integer NOT NULL,
    last_number  integer NOT NULL,
    PRIMARY KEY (prefix, year),
    CONSTRAINT reference_counter_fits_six_digits CHECK (last_number BETWEEN 0 AND 999999)
);

CREATE TABLE complaint_case (
    id                   bigserial PRIMARY KEY,
    reference            text NOT NULL,
    state                text NOT NULL DEFAULT 'received',
    outcome              text,
    received_at          timestamptz NOT NULL,
    received_on          date NOT NULL,
    channel              text NOT NULL,
    summary              text NOT NULL,
    language             text NOT NULL,
    incident_date        date,
    late_filing          boolean NOT NULL DEFAULT false,
    late_filing_reason   text,
    urgent               boolean NOT NULL DEFAULT false,
    confidential         boolean NOT NULL DEFAULT false,
    group_size           integer,
    respondent_id        bigint NOT NULL REFERENCES respondent_body (id),
    assignee             text REFERENCES staff (login),
    info_requests        integer NOT NULL DEFAULT 0,
    version              integer NOT NULL DEFAULT 1,
    opened_by            text NOT NULL,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    closed_at            timestamptz,
    CONSTRAINT complaint_case_reference_is_unique UNIQUE (reference),
    CONSTRAINT complaint_case_reference_is_well_formed CHECK (reference ~ '^[A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{6}$'),
    CONSTRAINT complaint_case_state_is_known CHECK (state IN (
        'received', 'triage', 'awaiting_info', 'early_resolution', 'mediation', 'investigation',
        'on_hold', 'arbitration', 'decided', 'remedy', 'closed')),
    CONSTRAINT complaint_case_outcome_is_known CHECK (outcome IN (
        'out_of_jurisdiction', 'out_of_time', 'premature', 'insufficient_information', 'withdrawn',
        'transferred', 'discretionary', 'parallel_proceedings', 'duplicate', 'early_resolution',
        'settled', 'award', 'upheld', 'partly_upheld', 'not_upheld')),
    CONSTRAINT complaint_case_closed_has_outcome CHECK (state <> 'closed' OR outcome IS NOT NULL),
    CONSTRAINT complaint_case_channel_is_known CHECK (channel IN (
        'web', 'email', 'post', 'phone', 'in_person', 'referral', 'own_initiative')),
    CONSTRAINT complaint_case_summary_is_not_blank CHECK (btrim(summary) <> ''),
    CONSTRAINT complaint_case_late_filing_has_reason CHECK (NOT late_filing OR btrim(coalesce(late_filing_reason, '')) <> ''),
    CONSTRAINT complaint_case_group_has_members CHECK (group_size IS NULL OR group_size >= 2),
    CONSTRAINT complaint_case_info_requests_not_negative CHECK (info_requests >= 0),
    CONSTRAINT complaint_case_version_is_positive CHECK (version > 0)
);

CREATE INDEX complaint_case_by_state ON complaint_case (state);
CREATE INDEX complaint_case_by_assignee ON complaint_case (assignee);
CREATE INDEX complaint_case_by_respondent ON complaint_case (respondent_id);

-- Complainants (one or more, or a group), and an optional representative.
CREATE TABLE party (
    id                   bigserial PRIMARY KEY,
    case_id              bigint NOT NULL REFERENCES complaint_case (id),
    role                 text NOT NULL,
    position             integer NOT NULL DEFAULT 1,
    name                 text NOT NULL,
    email                text,
    phone                text,
    postal_address       text,
    language             text,
    contact_preference   text,
    CONSTRAINT party_role_is_known CHECK (role IN ('complainant', 'representative')),
    CONSTRAINT party_name_is_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT party_contact_preference_is_known CHECK (contact_preference IN ('email', 'post', 'phone')),
    CONSTRAINT party_position_is_unique UNIQUE (case_id, role, position)
);

CREATE TABLE case_category (
    case_id        bigint NOT NULL REFERENCES complaint_case (id),
    category_code  text NOT NULL REFERENCES rights_category (code),
    PRIMARY KEY (case_id, category_code)
);

CREATE INDEX case_category_by_code ON case_category (category_code);

-- The named clocks of each case. The facts (start, allowance, pauses,
-- extensions, end) are what RedressCore computes from; due_date, status
-- and paused_days are stored results of that computation, kept so that
-- "what is due" is an indexed query.
CREATE TABLE clock (
    id                bigserial PRIMARY KEY,
    case_id           bigint NOT NULL REFERENCES complaint_case (id),
    kind              text NOT NULL,
    remedy_scale      text,
    start_at          timestamptz NOT NULL,
    start_date        date NOT NULL,
    allowance_amount  integer NOT NULL,
    allowance_unit    text NOT NULL,
    policy_version    integer NOT NULL REFERENCES policy_version (version),
    urgent            boolean NOT NULL DEFAULT false,
    ended_on          date,
    cancelled_on      date,
    status            text NOT NULL,
    due_date          date,
    paused_days       integer NOT NULL DEFAULT 0,
    updated_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT clock_kind_is_known CHECK (kind IN (
        'acknowledge', 'triage', 'info_response', 'early_resolution', 'mediation_acceptance', 'mediation',
        'respondent_response', 'investigation', 'arbitration_award', 'arbitration_overall',
        'respondent_reply', 'remedy', 'verification', 'parallel_review', 'complainant_update')),
    CONSTRAINT clock_remedy_scale_only_on_remedy CHECK ((kind = 'remedy') = (remedy_scale IS NOT NULL)),
    CONSTRAINT clock_remedy_scale_is_known CHECK (remedy_scale IN ('personal', 'service', 'systemic')),
    CONSTRAINT clock_allowance_unit_is_known CHECK (allowance_unit IN ('working_days', 'calendar_days', 'months')),
    CONSTRAINT clock_allowance_not_negative CHECK (allowance_amount >= 0),
    CONSTRAINT clock_status_is_known CHECK (status IN ('running', 'paused', 'met', 'met_late', 'breached', 'cancelled')),
    -- A paused clock has no due date; every other clock but a cancelled one has.
    CONSTRAINT clock_due_date_unless_paused CHECK (
        (status = 'paused' AND due_date IS NULL) OR status = 'cancelled' OR (status <> 'paused' AND due_date IS NOT NULL)),
    CONSTRAINT clock_ends_after_start CHECK (ended_on IS NULL OR ended_on >= start_date),
    CONSTRAINT clock_not_both_ended_and_cancelled CHECK (ended_on IS NULL OR cancelled_on IS NULL)
);

CREATE INDEX clock_status_due_date ON clock (status, due_date);
CREATE INDEX clock_by_case ON clock (case_id);
-- One live clock of each kind per case (remedy clocks belong to remedy items).
CREATE UNIQUE INDEX clock_one_live_per_kind ON clock (case_id, kind)
    WHERE status IN ('running', 'paused', 'breached') AND kind <> 'remedy';

CREATE TABLE clock_pause (
    id          bigserial PRIMARY KEY,
    clock_id    bigint NOT NULL REFERENCES clock (id),
    position    integer NOT NULL,
    from_date   date NOT NULL,
    to_date     date,
    -- Why: the case state that paused it (awaiting_info, on_hold, mediation) or 'manual'.
    cause       text NOT NULL,
    reason      text NOT NULL,
    CONSTRAINT clock_pause_position_is_unique UNIQUE (clock_id, position),
    CONSTRAINT clock_pause_ends_after_start CHECK (to_date IS NULL OR to_date >= from_date),
    CONSTRAINT clock_pause_cause_is_known CHECK (cause IN ('manual', 'awaiting_info', 'on_hold', 'mediation')),
    CONSTRAINT clock_pause_has_reason CHECK (btrim(reason) <> '')
);

CREATE UNIQUE INDEX clock_pause_one_open ON clock_pause (clock_id) WHERE to_date IS NULL;

CREATE TABLE clock_extension (
    id             bigserial PRIMARY KEY,
    clock_id       bigint NOT NULL REFERENCES clock (id),
    grant_number   integer NOT NULL,
    amount         integer NOT NULL,
    reason         text NOT NULL,
    approver_role  text NOT NULL,
    approved_by    text NOT NULL REFERENCES staff (login),
    on_date        date NOT NULL,
    with_consent   boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT clock_extension_grant_is_unique UNIQUE (clock_id, grant_number),
    CONSTRAINT clock_extensions_at_most_two CHECK (grant_number BETWEEN 1 AND 2),
    CONSTRAINT clock_extension_adds_time CHECK (amount > 0),
    CONSTRAINT clock_extension_has_reason CHECK (btrim(reason) <> ''),
    CONSTRAINT clock_extension_approver_role_is_known CHECK (approver_role IN ('caseworker', 'supervisor', 'ombudsperson'))
);

CREATE TABLE case_note (
    id                bigserial PRIMARY KEY,
    case_id           bigint NOT NULL REFERENCES complaint_case (id),
    author            text NOT NULL REFERENCES staff (login),
    noted_at          timestamptz NOT NULL,
    body              text NOT NULL,
    -- What is said in mediation is confidential: such notes never leave the office.
    under_mediation   boolean NOT NULL DEFAULT false,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT case_note_body_is_not_blank CHECK (btrim(body) <> '')
);

CREATE INDEX case_note_by_case ON case_note (case_id);
