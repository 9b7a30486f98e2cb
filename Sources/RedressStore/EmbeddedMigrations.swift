// Written by ops/embed-migrations from sql/migrations; do not edit by hand.

extension Migration {
    /// Every migration in sql/migrations, in order.
    public static let embedded: [Migration] = [
        Migration(
            version: 1,
            name: "office",
            up: #"""
-- The office that runs Redress: one row of settings every other table relies on.
CREATE TABLE office (
    id                 boolean PRIMARY KEY DEFAULT true,
    name               text NOT NULL DEFAULT 'Human Rights Office',
    reference_prefix   text NOT NULL DEFAULT 'HRC',
    time_zone          text NOT NULL DEFAULT 'UTC',
    week_mask          text NOT NULL DEFAULT 'Mon-Fri',
    default_language   text NOT NULL DEFAULT 'en',
    sender             text NOT NULL DEFAULT 'Human Rights Office <office@example.org>',
    mail_domain        text NOT NULL DEFAULT 'example.org',
    templates_dir      text,
    updated_at         timestamptz NOT NULL DEFAULT now(),
    -- One office per database: a second row would make every clock ambiguous.
    CONSTRAINT office_is_single_row CHECK (id),
    CONSTRAINT office_reference_prefix_is_short_code CHECK (reference_prefix ~ '^[A-Z][A-Z0-9]{0,9}$'),
    -- The time zone must be one PostgreSQL knows, or local dates would be guessed.
    CONSTRAINT office_time_zone_is_known CHECK (now() AT TIME ZONE time_zone IS NOT NULL),
    CONSTRAINT office_default_language_is_code CHECK (default_language ~ '^[a-z]{2,3}$')
);

INSERT INTO office DEFAULT VALUES;
"""#,
            down: #"""
DROP TABLE office;
"""#
        ),
        Migration(
            version: 2,
            name: "staff",
            up: #"""
-- Staff: each PostgreSQL login that works on cases, with its roles.
-- The actor of every change is session_user, looked up here, so that
-- authentication stays PostgreSQL's own and every audit row names a person.
CREATE TABLE staff (
    login         text PRIMARY KEY,
    display_name  text,
    email         text,
    roles         text[] NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT staff_login_is_not_blank CHECK (btrim(login) <> ''),
    CONSTRAINT staff_has_a_role CHECK (cardinality(roles) > 0),
    CONSTRAINT staff_roles_are_known CHECK (
        roles <@ ARRAY['intake', 'caseworker', 'supervisor', 'ombudsperson', 'auditor', 'admin']::text[]
    )
);

-- Whoever migrates an empty database can work at once: they run the office
-- (admin) and decide cases (ombudsperson) until they add the real staff.
INSERT INTO staff (login, display_name, roles)
VALUES (session_user, session_user, ARRAY['admin', 'ombudsperson']);

-- Who the connected login is, readable by any login: one that is not on the
-- staff (and so has no table privileges yet) learns that, rather than
-- meeting a bare "permission denied".
CREATE FUNCTION staff_for_session()
RETURNS TABLE (login text, display_name text, email text, roles text[], active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT s.login, s.display_name, s.email, s.roles, s.active FROM staff s WHERE s.login = session_user
$$;

-- The group role that staff logins are made members of. Roles are
-- cluster-wide, so another database on the cluster may have made it already.
DO $$
BEGIN
    CREATE ROLE redress_staff NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;
"""#,
            down: #"""
-- redress_staff is left in place: other databases of the cluster may use it.
DROP FUNCTION staff_for_session();
DROP TABLE staff;
"""#
        ),
        Migration(
            version: 3,
            name: "calendars_and_policy",
            up: #"""
-- Holiday calendars: an office may count several (national, city).
CREATE TABLE holiday_calendar (
    name        text PRIMARY KEY,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT holiday_calendar_name_is_not_blank CHECK (btrim(name) <> '')
);

CREATE TABLE holiday (
    calendar_name  text NOT NULL REFERENCES holiday_calendar (name) ON DELETE CASCADE,
    holiday_date   date NOT NULL,
    name           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (calendar_name, holiday_date),
    -- Explanations name every holiday they skip, so a holiday must have a name.
    CONSTRAINT holiday_name_is_not_blank CHECK (btrim(name) <> '')
);

CREATE INDEX holiday_by_date ON holiday (holiday_date);

-- Versions of the time-limit policy, each a JSON document of RedressCore's
-- Policy. A clock keeps the version it was made under; version 1 is the
-- built-in default, written the first time it is needed.
CREATE TABLE policy_version (
    version         integer PRIMARY KEY,
    effective_from  date NOT NULL,
    document        jsonb NOT NULL,
    created_by      text NOT NULL DEFAULT session_user,
    created_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT policy_version_is_positive CHECK (version > 0),
    CONSTRAINT policy_version_document_matches CHECK ((document ->> 'version')::integer = version)
);
"""#,
            down: #"""
DROP TABLE policy_version;
DROP TABLE holiday;
DROP TABLE holiday_calendar;
"""#
        ),
        Migration(
            version: 4,
            name: "cases",
            up: #"""
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
"""#,
            down: #"""
DROP TABLE case_note;
DROP TABLE clock_extension;
DROP TABLE clock_pause;
DROP TABLE clock;
DROP TABLE case_category;
DROP TABLE party;
DROP TABLE complaint_case;
DROP TABLE reference_counter;
DROP TABLE respondent_body;
DROP TABLE rights_category;
"""#
        ),
        Migration(
            version: 5,
            name: "audit_log",
            up: #"""
-- The audit log: one row per change, written in the transaction of the
-- change. It is append-only (triggers refuse UPDATE, DELETE and TRUNCATE,
-- even for the owner) and hash-chained: each row carries the SHA-256 of its
-- canonical content and of the previous row's hash, so `redress audit
-- verify` finds a row altered behind the triggers' back.
CREATE TABLE case_event (
    id              bigint PRIMARY KEY,
    case_id         bigint REFERENCES complaint_case (id),
    actor           text NOT NULL,
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    kind            text NOT NULL,
    data            jsonb NOT NULL DEFAULT '{}',
    -- Both hashes are set by case_event_chain; writers leave them out.
    previous_hash   bytea NOT NULL DEFAULT '\x',
    hash            bytea NOT NULL DEFAULT '\x',
    CONSTRAINT case_event_kind_is_snake_case CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
    CONSTRAINT case_event_data_is_object CHECK (jsonb_typeof(data) = 'object')
);

CREATE INDEX case_event_by_case ON case_event (case_id, id);

-- The end of the chain. Writers lock this row, so rows are chained (and
-- numbered, without gaps) in the order their transactions take it.
CREATE TABLE audit_chain_head (
    id          boolean PRIMARY KEY DEFAULT true,
    last_id     bigint NOT NULL DEFAULT 0,
    last_hash   bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex'),
    CONSTRAINT audit_chain_head_is_single_row CHECK (id)
);

INSERT INTO audit_chain_head DEFAULT VALUES;

-- The bytes that are hashed: a JSON array, whose text form jsonb fixes
-- (key order, spacing), and instants in UTC with microseconds, so the
-- session's time zone cannot change them.
CREATE FUNCTION case_event_canonical(
    id bigint, case_id bigint, actor text, occurred_at timestamptz,
    recorded_at timestamptz, kind text, data jsonb
) RETURNS bytea
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT convert_to(jsonb_build_array(
        id, case_id, actor,
        to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        kind, data)::text, 'UTF8')
$$;

-- Numbers and hashes each new row. The first row of a transaction locks the
-- chain head (serialising writers); later rows of the same transaction carry
-- the tail in a transaction-local setting instead of updating the head row
-- again, which keeps bulk imports fast. The head itself is written once, at
-- commit, by case_event_advance_head. A rolled-back savepoint undoes the
-- setting together with its rows.
CREATE FUNCTION case_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    xact       text := txid_current()::text;
    tail       text[] := string_to_array(current_setting('redress.chain_tail', true), ':');
    tail_id    bigint;
    tail_hash  bytea;
BEGIN
    IF tail[1] IS NOT DISTINCT FROM xact THEN
        tail_id := tail[2]::bigint;
        tail_hash := decode(tail[3], 'hex');
    ELSE
        SELECT h.last_id, h.last_hash INTO tail_id, tail_hash FROM audit_chain_head h WHERE h.id FOR UPDATE;
    END IF;
    NEW.id := tail_id + 1;
    NEW.recorded_at := now();
    NEW.previous_hash := tail_hash;
    NEW.hash := sha256(case_event_canonical(
        NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.data) || tail_hash);
    PERFORM set_config('redress.chain_tail', xact || ':' || NEW.id || ':' || encode(NEW.hash, 'hex'), true);
    RETURN NEW;
END
$$;

CREATE TRIGGER case_event_chain BEFORE INSERT ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_chain();

CREATE FUNCTION case_event_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.id = split_part(current_setting('redress.chain_tail', true), ':', 2)::bigint THEN
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER case_event_advance_head AFTER INSERT ON case_event
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION case_event_advance_head();

CREATE FUNCTION case_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a correcting event instead';
END
$$;

CREATE TRIGGER case_event_is_append_only BEFORE UPDATE OR DELETE ON case_event
    FOR EACH ROW EXECUTE FUNCTION case_event_refuse_change();

CREATE TRIGGER case_event_is_never_truncated BEFORE TRUNCATE ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_refuse_change();
"""#,
            down: #"""
DROP TABLE case_event;
DROP FUNCTION case_event_refuse_change();
DROP FUNCTION case_event_advance_head();
DROP FUNCTION case_event_chain();
DROP FUNCTION case_event_canonical(bigint, bigint, text, timestamptz, timestamptz, text, jsonb);
DROP TABLE audit_chain_head;
"""#
        ),
        Migration(
            version: 6,
            name: "notice_outbox",
            up: #"""
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
"""#,
            down: #"""
DROP TABLE notice;
"""#
        ),
        Migration(
            version: 7,
            name: "staff_privileges",
            up: #"""
-- What staff logins (members of redress_staff) may do in this database.
-- Redress checks each command against the staff member's roles; these
-- grants only keep a login to the tables the application writes. The audit
-- log takes inserts only; its triggers run as the owner.
GRANT USAGE ON SCHEMA public TO redress_staff;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO redress_staff;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO redress_staff;
GRANT INSERT, UPDATE ON office, staff, policy_version, respondent_body, reference_counter,
    complaint_case, party, case_category, clock, clock_pause, clock_extension, case_note, notice
    TO redress_staff;
GRANT INSERT, DELETE ON holiday_calendar, holiday TO redress_staff;
GRANT INSERT ON case_event TO redress_staff;
"""#,
            down: #"""
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM redress_staff;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM redress_staff;
REVOKE USAGE ON SCHEMA public FROM redress_staff;
"""#
        ),
        Migration(
            version: 8,
            name: "resolution",
            up: #"""
-- Resolution: mediation, arbitration, investigation records, decisions and
-- remedy items (SPEC §2.5, §2.6). Clocks stay in `clock`; these tables hold
-- the facts the rules in RedressCore/Resolution work from.

-- A clock that belongs to one remedy item (remedy, verification) or to one
-- further information request to the respondent carries that item's or
-- request's number, so a case can run several clocks of one kind at once.
ALTER TABLE clock ADD COLUMN subject integer;
ALTER TABLE clock ADD CONSTRAINT clock_subject_is_positive CHECK (subject IS NULL OR subject > 0);
ALTER TABLE clock ADD CONSTRAINT clock_item_clocks_name_their_item
    CHECK (kind NOT IN ('remedy', 'verification') OR subject IS NOT NULL);
DROP INDEX clock_one_live_per_kind;
CREATE UNIQUE INDEX clock_one_live_per_kind_and_subject ON clock (case_id, kind, coalesce(subject, 0))
    WHERE status IN ('running', 'paused', 'breached');

-- Mediation: an offer, each party's answer, sessions, an outcome. A case may
-- be offered mediation again after a refusal, but has one open at a time.
CREATE TABLE mediation (
    id            bigserial PRIMARY KEY,
    case_id       bigint NOT NULL REFERENCES complaint_case (id),
    status        text NOT NULL DEFAULT 'offered',
    offered_at    timestamptz NOT NULL,
    offered_on    date NOT NULL,
    offered_by    text NOT NULL REFERENCES staff (login),
    mediator      text REFERENCES staff (login),
    ended_at      timestamptz,
    ended_on      date,
    end_reason    text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mediation_status_is_known CHECK (status IN ('offered', 'underway', 'declined', 'settled', 'failed', 'withdrawn')),
    CONSTRAINT mediation_outcome_has_end CHECK ((status IN ('settled', 'failed', 'withdrawn')) = (ended_on IS NOT NULL)),
    CONSTRAINT mediation_ends_after_offer CHECK (ended_on IS NULL OR ended_on >= offered_on)
);

CREATE UNIQUE INDEX mediation_one_open_per_case ON mediation (case_id) WHERE status IN ('offered', 'underway');

CREATE TABLE mediation_answer (
    mediation_id  bigint NOT NULL REFERENCES mediation (id),
    party         text NOT NULL,
    accepted      boolean NOT NULL,
    answered_on   date NOT NULL,
    -- No answer by the acceptance clock's due date: deemed declined on that date.
    deemed        boolean NOT NULL DEFAULT false,
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (mediation_id, party),
    CONSTRAINT mediation_answer_party_is_known CHECK (party IN ('complainant', 'respondent')),
    CONSTRAINT mediation_answer_deemed_is_a_refusal CHECK (NOT (deemed AND accepted))
);

CREATE TABLE mediation_session (
    id            bigserial PRIMARY KEY,
    mediation_id  bigint NOT NULL REFERENCES mediation (id),
    held_at       timestamptz NOT NULL,
    place         text NOT NULL,
    mediator      text NOT NULL REFERENCES staff (login),
    recorded_by   text NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT mediation_session_has_place CHECK (btrim(place) <> '')
);

CREATE INDEX mediation_by_case ON mediation (case_id);
CREATE INDEX mediation_session_by_mediation ON mediation_session (mediation_id);

-- Arbitration: both consents, the panel, hearings, the award.
CREATE TABLE arbitration (
    id                     bigserial PRIMARY KEY,
    case_id                bigint NOT NULL REFERENCES complaint_case (id),
    panel_constituted_on   date,
    hearing_closed_at      timestamptz,
    hearing_closed_on      date,
    award_text             text,
    award_binding          boolean,
    awarded_at             timestamptz,
    awarded_on             date,
    created_at             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT arbitration_one_per_case UNIQUE (case_id),
    CONSTRAINT arbitration_award_is_whole CHECK (
        (award_text IS NULL) = (award_binding IS NULL) AND (award_text IS NULL) = (awarded_on IS NULL)),
    CONSTRAINT arbitration_award_has_text CHECK (award_text IS NULL OR btrim(award_text) <> ''),
    CONSTRAINT arbitration_award_after_hearing_closed CHECK (awarded_on IS NULL OR hearing_closed_on IS NOT NULL),
    CONSTRAINT arbitration_hearing_closed_after_panel CHECK (hearing_closed_on IS NULL OR panel_constituted_on IS NOT NULL)
);

CREATE TABLE arbitration_consent (
    arbitration_id  bigint NOT NULL REFERENCES arbitration (id),
    party           text NOT NULL,
    consented_at    timestamptz NOT NULL,
    consented_on    date NOT NULL,
    recorded_by     text NOT NULL,
    PRIMARY KEY (arbitration_id, party),
    CONSTRAINT arbitration_consent_party_is_known CHECK (party IN ('complainant', 'respondent'))
);

CREATE TABLE arbitrator (
    arbitration_id  bigint NOT NULL REFERENCES arbitration (id),
    position        integer NOT NULL,
    name            text NOT NULL,
    appointed_at    timestamptz NOT NULL,
    PRIMARY KEY (arbitration_id, position),
    CONSTRAINT arbitrator_named_once UNIQUE (arbitration_id, name),
    CONSTRAINT arbitrator_has_name CHECK (btrim(name) <> '')
);

CREATE TABLE arbitration_hearing (
    id              bigserial PRIMARY KEY,
    arbitration_id  bigint NOT NULL REFERENCES arbitration (id),
    held_at         timestamptz NOT NULL,
    place           text NOT NULL,
    recorded_by     text NOT NULL,
    CONSTRAINT arbitration_hearing_has_place CHECK (btrim(place) <> '')
);

-- An award binds only with both parties' consent; the rule holds for psql too.
CREATE FUNCTION arbitration_award_needs_both_consents() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.award_text IS NOT NULL AND (SELECT count(*) FROM arbitration_consent c WHERE c.arbitration_id = NEW.id) < 2 THEN
        RAISE EXCEPTION 'An award needs both parties'' consent to arbitration.'
            USING ERRCODE = 'check_violation', CONSTRAINT = 'arbitration_award_needs_both_consents';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER arbitration_award_needs_both_consents BEFORE INSERT OR UPDATE OF award_text ON arbitration
    FOR EACH ROW EXECUTE FUNCTION arbitration_award_needs_both_consents();

-- Investigation records beside its clocks.
CREATE TABLE investigation (
    case_id               bigint PRIMARY KEY REFERENCES complaint_case (id),
    first_response_at     timestamptz,
    first_response_on     date,
    first_response_note   text,
    findings              text,
    findings_at           timestamptz,
    findings_by           text,
    CONSTRAINT investigation_findings_not_blank CHECK (findings IS NULL OR btrim(findings) <> '')
);

CREATE TABLE respondent_request (
    case_id        bigint NOT NULL REFERENCES complaint_case (id),
    number         integer NOT NULL,
    about          text NOT NULL,
    requested_at   timestamptz NOT NULL,
    requested_on   date NOT NULL,
    requested_by   text NOT NULL,
    answered_at    timestamptz,
    answered_on    date,
    PRIMARY KEY (case_id, number),
    CONSTRAINT respondent_request_number_is_positive CHECK (number > 0),
    CONSTRAINT respondent_request_says_what CHECK (btrim(about) <> ''),
    CONSTRAINT respondent_request_answered_after_asked CHECK (answered_on IS NULL OR answered_on >= requested_on)
);

-- Decisions, settlements and awards: what moves a case to decided.
CREATE TABLE decision (
    id           bigserial PRIMARY KEY,
    case_id      bigint NOT NULL REFERENCES complaint_case (id),
    kind         text NOT NULL,
    outcome      text NOT NULL,
    text         text NOT NULL,
    binding      boolean,
    issued_at    timestamptz NOT NULL,
    issued_on    date NOT NULL,
    issued_by    text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT decision_kind_is_known CHECK (kind IN ('decision', 'settlement', 'award')),
    CONSTRAINT decision_outcome_fits_kind CHECK (
        (kind = 'decision' AND outcome IN ('upheld', 'partly_upheld', 'not_upheld'))
        OR (kind = 'settlement' AND outcome = 'settled')
        OR (kind = 'award' AND outcome = 'award')),
    CONSTRAINT decision_binding_only_for_awards CHECK ((kind = 'award') = (binding IS NOT NULL)),
    CONSTRAINT decision_has_text CHECK (btrim(text) <> '')
);

CREATE INDEX decision_by_case ON decision (case_id);

-- Remedy items: one per recommendation, settlement term or award remedy.
CREATE TABLE remedy_item (
    id               bigserial PRIMARY KEY,
    case_id          bigint NOT NULL REFERENCES complaint_case (id),
    number           integer NOT NULL,
    decision_id      bigint REFERENCES decision (id),
    kind             text NOT NULL,
    remedy_class     text NOT NULL,
    scale            text NOT NULL,
    description      text NOT NULL,
    body_id          bigint NOT NULL REFERENCES respondent_body (id),
    amount           numeric(14, 2),
    currency         text,
    due_on           date,
    state            text NOT NULL DEFAULT 'proposed',
    late             boolean,
    reason           text,
    superseded_by    integer,
    created_at       timestamptz NOT NULL,
    created_by       text NOT NULL,
    answered_at      timestamptz,
    verified_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT remedy_item_number_is_unique UNIQUE (case_id, number),
    CONSTRAINT remedy_item_number_is_positive CHECK (number > 0),
    CONSTRAINT remedy_item_kind_is_known CHECK (kind IN (
        'apology', 'explanation', 'decision_retaken', 'record_amended', 'service_provided', 'financial',
        'stop_violation', 'policy_change', 'training', 'preventive_measure', 'others_affected', 'other')),
    CONSTRAINT remedy_item_class_is_known CHECK (remedy_class IN ('personal', 'learning', 'complaint_handling')),
    CONSTRAINT remedy_item_scale_is_known CHECK (scale IN ('personal', 'service', 'systemic')),
    CONSTRAINT remedy_item_state_is_known CHECK (state IN (
        'proposed', 'accepted', 'rejected', 'in_progress', 'evidence_submitted', 'verified', 'partial',
        'not_implemented', 'superseded')),
    CONSTRAINT remedy_item_says_what CHECK (btrim(description) <> ''),
    CONSTRAINT remedy_item_financial_has_amount CHECK (
        (kind = 'financial') = (amount IS NOT NULL) AND (amount IS NULL) = (currency IS NULL)),
    CONSTRAINT remedy_item_amount_is_positive CHECK (amount IS NULL OR amount > 0),
    CONSTRAINT remedy_item_currency_is_code CHECK (currency IS NULL OR currency ~ '^[A-Z]{3}$'),
    CONSTRAINT remedy_item_rejection_has_reasons CHECK (
        state NOT IN ('rejected', 'not_implemented', 'superseded') OR btrim(coalesce(reason, '')) <> ''),
    CONSTRAINT remedy_item_lateness_only_when_verified CHECK (late IS NULL OR state IN ('verified', 'partial'))
);

CREATE INDEX remedy_item_by_state ON remedy_item (state);
CREATE INDEX remedy_item_by_body ON remedy_item (body_id);
CREATE INDEX remedy_item_systemic ON remedy_item (kind) WHERE kind IN ('policy_change', 'preventive_measure');

-- Progress reports and evidence for an item, in the order received.
CREATE TABLE remedy_entry (
    id               bigserial PRIMARY KEY,
    remedy_item_id   bigint NOT NULL REFERENCES remedy_item (id),
    kind             text NOT NULL,
    occurred_at      timestamptz NOT NULL,
    occurred_on      date NOT NULL,
    text             text NOT NULL,
    recorded_by      text NOT NULL,
    recorded_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT remedy_entry_kind_is_known CHECK (kind IN ('progress', 'evidence')),
    CONSTRAINT remedy_entry_has_text CHECK (btrim(text) <> '')
);

CREATE INDEX remedy_entry_by_item ON remedy_entry (remedy_item_id);

-- A case closes only when every remedy item is finished, unless it closes
-- as withdrawn; then its open items are superseded. Holds for psql too.
CREATE FUNCTION complaint_case_closes_with_remedies_finished() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    open_items text;
BEGIN
    IF NEW.state = 'closed' AND OLD.state IS DISTINCT FROM 'closed' THEN
        SELECT string_agg(r.number::text, ', ' ORDER BY r.number) INTO open_items
        FROM remedy_item r
        WHERE r.case_id = NEW.id AND r.state IN ('proposed', 'accepted', 'in_progress', 'evidence_submitted');
        IF open_items IS NOT NULL THEN
            IF NEW.outcome = 'withdrawn' THEN
                UPDATE remedy_item SET state = 'superseded', reason = 'the case was withdrawn', updated_at = now()
                WHERE case_id = NEW.id AND state IN ('proposed', 'accepted', 'in_progress', 'evidence_submitted');
            ELSE
                RAISE EXCEPTION 'The case has open remedy items (%); finish them before closing, or close it as withdrawn.', open_items
                    USING ERRCODE = 'check_violation', CONSTRAINT = 'complaint_case_closes_with_remedies_finished';
            END IF;
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER complaint_case_closes_with_remedies_finished BEFORE UPDATE OF state ON complaint_case
    FOR EACH ROW EXECUTE FUNCTION complaint_case_closes_with_remedies_finished();

GRANT SELECT, INSERT, UPDATE ON mediation, mediation_answer, mediation_session, arbitration, arbitration_consent,
    arbitrator, arbitration_hearing, investigation, respondent_request, decision, remedy_item, remedy_entry
    TO redress_staff;
GRANT USAGE, SELECT ON mediation_id_seq, mediation_session_id_seq, arbitration_id_seq, arbitration_hearing_id_seq,
    decision_id_seq, remedy_item_id_seq, remedy_entry_id_seq TO redress_staff;
"""#,
            down: #"""
DROP TRIGGER complaint_case_closes_with_remedies_finished ON complaint_case;
DROP FUNCTION complaint_case_closes_with_remedies_finished();
DROP TABLE remedy_entry;
DROP TABLE remedy_item;
DROP TABLE decision;
DROP TABLE respondent_request;
DROP TABLE investigation;
DROP TRIGGER arbitration_award_needs_both_consents ON arbitration;
DROP FUNCTION arbitration_award_needs_both_consents();
DROP TABLE arbitration_hearing;
DROP TABLE arbitrator;
DROP TABLE arbitration_consent;
DROP TABLE arbitration;
DROP TABLE mediation_session;
DROP TABLE mediation_answer;
DROP TABLE mediation;
DROP INDEX clock_one_live_per_kind_and_subject;
DELETE FROM clock_pause WHERE clock_id IN (SELECT id FROM clock WHERE subject IS NOT NULL AND kind <> 'remedy');
DELETE FROM clock_extension WHERE clock_id IN (SELECT id FROM clock WHERE subject IS NOT NULL AND kind <> 'remedy');
DELETE FROM clock WHERE subject IS NOT NULL AND kind <> 'remedy';
CREATE UNIQUE INDEX clock_one_live_per_kind ON clock (case_id, kind)
    WHERE status IN ('running', 'paused', 'breached') AND kind <> 'remedy';
ALTER TABLE clock DROP CONSTRAINT clock_item_clocks_name_their_item;
ALTER TABLE clock DROP CONSTRAINT clock_subject_is_positive;
ALTER TABLE clock DROP COLUMN subject;
"""#
        ),
        Migration(
            version: 9,
            name: "escalation",
            up: #"""
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
"""#,
            down: #"""
DROP INDEX IF EXISTS case_event_assignment_by_time;
DROP INDEX IF EXISTS case_event_assignment;
DROP INDEX IF EXISTS clock_live_until;
DROP TABLE IF EXISTS escalation;
"""#
        ),
        Migration(
            version: 10,
            name: "notice_delivery",
            up: #"""
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
"""#,
            down: #"""
DROP INDEX notice_pending;
ALTER TABLE notice
    DROP CONSTRAINT notice_sent_has_sent_at,
    DROP CONSTRAINT notice_attempts_not_negative;
ALTER TABLE complaint_case DROP COLUMN disclose_identity;
"""#
        ),
        Migration(
            version: 11,
            name: "staff_token",
            up: #"""
-- Bearer tokens for the HTTP service (`redress staff token create`). A token
-- reads 'rdt_<id>_<secret>'; only the SHA-256 of the secret is kept, so a copy
-- of the database does not let anyone act as staff. The service finds the row
-- by id and compares the hashes in constant time.
CREATE TABLE staff_token (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_login    text NOT NULL REFERENCES staff (login),
    secret_sha256  bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    revoked_by     text,
    CONSTRAINT staff_token_secret_is_a_sha256 CHECK (octet_length(secret_sha256) = 32),
    CONSTRAINT staff_token_secret_is_unique UNIQUE (secret_sha256),
    CONSTRAINT staff_token_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at),
    -- A revocation names who revoked it, so the audit log and the row agree.
    CONSTRAINT staff_token_revocation_names_its_actor CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX staff_token_by_login ON staff_token (staff_login);

GRANT SELECT, INSERT ON staff_token TO redress_staff;
GRANT UPDATE (revoked_at, revoked_by) ON staff_token TO redress_staff;
"""#,
            down: #"""
DROP TABLE staff_token;
"""#
        ),
        Migration(
            version: 12,
            name: "public_intake_token",
            up: #"""
-- What the public intake of the HTTP service keeps: for each complaint it
-- registered, the SHA-256 of the status token it gave the complainant, who
-- shows that token to read the case's status (never the token itself).
CREATE TABLE complaint_status_token (
    case_id        bigint PRIMARY KEY REFERENCES complaint_case (id),
    secret_sha256  bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT complaint_status_token_secret_is_a_sha256 CHECK (octet_length(secret_sha256) = 32)
);

GRANT SELECT, INSERT ON complaint_status_token TO redress_staff;

-- The staff record public intake acts as, so each complaint from the web
-- form names its registrar in the audit log. It holds the intake role only;
-- deactivating it closes public intake.
INSERT INTO staff (login, display_name, roles)
VALUES ('public_intake', 'Public intake (redress serve)', ARRAY['intake'])
ON CONFLICT (login) DO NOTHING;
"""#,
            down: #"""
DROP TABLE complaint_status_token;
-- The public_intake staff record stays: audit rows and cases name it.
"""#
        ),
        Migration(
            version: 13,
            name: "statistics_indexes",
            up: #"""
-- Statistics ask, for every case, how often it had been closed and reopened by a given
-- moment (open means as often reopened as closed). A case closes by hand (case_closed) or by
-- itself when its last remedy item is finished (the remedy or decision event then says
-- case_moved_to closed). This narrow index answers that without reading the rest of the
-- audit log: an index-only scan.
CREATE INDEX case_event_closing_by_time ON case_event (occurred_at, case_id, kind)
    WHERE kind IN ('case_closed', 'case_reopened') OR data ->> 'case_moved_to' = 'closed';

-- The stage a case was resolved in is the last working stage it entered before closing;
-- for a closing from decided or remedy the statistics look it up, one row each, here.
CREATE INDEX case_event_stage_entry ON case_event (case_id, id)
    WHERE kind IN ('case_acknowledged', 'case_moved', 'information_received', 'case_reopened')
      AND data ->> 'to' IN ('triage', 'early_resolution', 'mediation', 'investigation', 'arbitration');

-- The first day the statistics' working-day calendar must cover, and the cases received in a period.
CREATE INDEX complaint_case_by_received_on ON complaint_case (received_on);
"""#,
            down: #"""
DROP INDEX complaint_case_by_received_on;
DROP INDEX case_event_stage_entry;
DROP INDEX case_event_closing_by_time;
"""#
        ),
        Migration(
            version: 14,
            name: "references_checked_per_statement",
            up: #"""
-- Rows that name a case, a rights category, a policy version or a respondent
-- body must name one that exists. As declared foreign keys, PostgreSQL checks
-- that a row at a time, each check a query of its own: importing 100,000
-- complaints made about 1,000,000 of them, half of the server's work for the
-- import (perf: RI_FKey_check under AfterTriggerEndQuery, 46% of the backend's
-- samples). Here the same rules hold per statement instead: after each INSERT,
-- one anti-join over the inserted rows finds any that name nothing, and the
-- statement fails as the foreign key did (SQLSTATE 23503, the same constraint
-- name). Whoever writes, psql included, is held to them as before.
--
-- What a foreign key also did, these do too: a row that others name cannot be
-- deleted or renumbered. Here such rows never are: Redress keeps every case
-- (retention anonymises it), every rights category, policy version and
-- respondent body, so DELETE, TRUNCATE and a change of key are refused on
-- those tables outright; that is also why an insert needs no lock on what it
-- names. A change of a referring column on an existing row is checked row by
-- row.

ALTER TABLE party DROP CONSTRAINT party_case_id_fkey;
ALTER TABLE case_category DROP CONSTRAINT case_category_case_id_fkey;
ALTER TABLE case_category DROP CONSTRAINT case_category_category_code_fkey;
ALTER TABLE clock DROP CONSTRAINT clock_case_id_fkey;
ALTER TABLE clock DROP CONSTRAINT clock_policy_version_fkey;
ALTER TABLE case_event DROP CONSTRAINT case_event_case_id_fkey;
ALTER TABLE complaint_case DROP CONSTRAINT complaint_case_respondent_id_fkey;

-- Trigger arguments: constraint name, referring column, referenced table, referenced column.
CREATE FUNCTION inserted_rows_name_existing_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    missing text;
BEGIN
    EXECUTE format('SELECT n.%1$I::text FROM inserted_rows n
                    WHERE n.%1$I IS NOT NULL AND NOT EXISTS (SELECT FROM %2$I p WHERE p.%3$I = n.%1$I) LIMIT 1',
                   TG_ARGV[1], TG_ARGV[2], TG_ARGV[3])
        INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[0], TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], missing, TG_ARGV[2]);
    END IF;
    RETURN NULL;
END
$$;

-- The same for one row whose referring column an UPDATE changes.
CREATE FUNCTION updated_row_names_existing_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    value text := to_jsonb(NEW) ->> TG_ARGV[1];
    found boolean;
BEGIN
    IF value IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT FROM %1$I p WHERE p.%2$I::text = $1)', TG_ARGV[2], TG_ARGV[3]) INTO found USING value;
        IF NOT found THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
                USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[0], TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], value, TG_ARGV[2]);
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER party_case_id_fkey AFTER INSERT ON party REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('party_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER party_case_id_fkey_on_update BEFORE UPDATE OF case_id ON party
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('party_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER case_category_case_id_fkey AFTER INSERT ON case_category REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_category_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER case_category_case_id_fkey_on_update BEFORE UPDATE OF case_id ON case_category
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('case_category_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER case_category_category_code_fkey AFTER INSERT ON case_category REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_category_category_code_fkey', 'category_code', 'rights_category', 'code');
CREATE TRIGGER case_category_category_code_fkey_on_update BEFORE UPDATE OF category_code ON case_category
    FOR EACH ROW WHEN (OLD.category_code IS DISTINCT FROM NEW.category_code)
    EXECUTE FUNCTION updated_row_names_existing_row('case_category_category_code_fkey', 'category_code', 'rights_category', 'code');

CREATE TRIGGER clock_case_id_fkey AFTER INSERT ON clock REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('clock_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER clock_case_id_fkey_on_update BEFORE UPDATE OF case_id ON clock
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('clock_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER clock_policy_version_fkey AFTER INSERT ON clock REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('clock_policy_version_fkey', 'policy_version', 'policy_version', 'version');
CREATE TRIGGER clock_policy_version_fkey_on_update BEFORE UPDATE OF policy_version ON clock
    FOR EACH ROW WHEN (OLD.policy_version IS DISTINCT FROM NEW.policy_version)
    EXECUTE FUNCTION updated_row_names_existing_row('clock_policy_version_fkey', 'policy_version', 'policy_version', 'version');

-- case_event refuses every UPDATE already.
CREATE TRIGGER case_event_case_id_fkey AFTER INSERT ON case_event REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_event_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER complaint_case_respondent_id_fkey AFTER INSERT ON complaint_case REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('complaint_case_respondent_id_fkey', 'respondent_id', 'respondent_body', 'id');
CREATE TRIGGER complaint_case_respondent_id_fkey_on_update BEFORE UPDATE OF respondent_id ON complaint_case
    FOR EACH ROW WHEN (OLD.respondent_id IS DISTINCT FROM NEW.respondent_id)
    EXECUTE FUNCTION updated_row_names_existing_row('complaint_case_respondent_id_fkey', 'respondent_id', 'respondent_body', 'id');

-- Trigger argument: what the table's rows are, for the message.
CREATE FUNCTION refuse_removal_of_named_rows() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% rows are never removed or renumbered, since other rows name them: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege', HINT = TG_ARGV[0];
END
$$;

CREATE TRIGGER complaint_case_is_never_removed BEFORE DELETE ON complaint_case
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');
CREATE TRIGGER complaint_case_is_never_renumbered BEFORE UPDATE OF id ON complaint_case
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');
CREATE TRIGGER complaint_case_is_never_truncated BEFORE TRUNCATE ON complaint_case
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');

CREATE TRIGGER rights_category_is_never_removed BEFORE DELETE ON rights_category
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');
CREATE TRIGGER rights_category_is_never_renamed BEFORE UPDATE OF code ON rights_category
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');
CREATE TRIGGER rights_category_is_never_truncated BEFORE TRUNCATE ON rights_category
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');

CREATE TRIGGER policy_version_is_never_removed BEFORE DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');
CREATE TRIGGER policy_version_is_never_renumbered BEFORE UPDATE OF version ON policy_version
    FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');
CREATE TRIGGER policy_version_is_never_truncated BEFORE TRUNCATE ON policy_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');

CREATE TRIGGER respondent_body_is_never_removed BEFORE DELETE ON respondent_body
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
CREATE TRIGGER respondent_body_is_never_renumbered BEFORE UPDATE OF id ON respondent_body
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
CREATE TRIGGER respondent_body_is_never_truncated BEFORE TRUNCATE ON respondent_body
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
"""#,
            down: #"""
DROP TRIGGER respondent_body_is_never_truncated ON respondent_body;
DROP TRIGGER respondent_body_is_never_renumbered ON respondent_body;
DROP TRIGGER respondent_body_is_never_removed ON respondent_body;
DROP TRIGGER policy_version_is_never_truncated ON policy_version;
DROP TRIGGER policy_version_is_never_renumbered ON policy_version;
DROP TRIGGER policy_version_is_never_removed ON policy_version;
DROP TRIGGER rights_category_is_never_truncated ON rights_category;
DROP TRIGGER rights_category_is_never_renamed ON rights_category;
DROP TRIGGER rights_category_is_never_removed ON rights_category;
DROP TRIGGER complaint_case_is_never_truncated ON complaint_case;
DROP TRIGGER complaint_case_is_never_renumbered ON complaint_case;
DROP TRIGGER complaint_case_is_never_removed ON complaint_case;
DROP FUNCTION refuse_removal_of_named_rows();

DROP TRIGGER complaint_case_respondent_id_fkey_on_update ON complaint_case;
DROP TRIGGER complaint_case_respondent_id_fkey ON complaint_case;
DROP TRIGGER case_event_case_id_fkey ON case_event;
DROP TRIGGER clock_policy_version_fkey_on_update ON clock;
DROP TRIGGER clock_policy_version_fkey ON clock;
DROP TRIGGER clock_case_id_fkey_on_update ON clock;
DROP TRIGGER clock_case_id_fkey ON clock;
DROP TRIGGER case_category_category_code_fkey_on_update ON case_category;
DROP TRIGGER case_category_category_code_fkey ON case_category;
DROP TRIGGER case_category_case_id_fkey_on_update ON case_category;
DROP TRIGGER case_category_case_id_fkey ON case_category;
DROP TRIGGER party_case_id_fkey_on_update ON party;
DROP TRIGGER party_case_id_fkey ON party;
DROP FUNCTION updated_row_names_existing_row();
DROP FUNCTION inserted_rows_name_existing_rows();

ALTER TABLE complaint_case ADD CONSTRAINT complaint_case_respondent_id_fkey FOREIGN KEY (respondent_id) REFERENCES respondent_body (id);
ALTER TABLE case_event ADD CONSTRAINT case_event_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE clock ADD CONSTRAINT clock_policy_version_fkey FOREIGN KEY (policy_version) REFERENCES policy_version (version);
ALTER TABLE clock ADD CONSTRAINT clock_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE case_category ADD CONSTRAINT case_category_category_code_fkey FOREIGN KEY (category_code) REFERENCES rights_category (code);
ALTER TABLE case_category ADD CONSTRAINT case_category_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE party ADD CONSTRAINT party_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
"""#
        ),
        Migration(
            version: 15,
            name: "audit_head_per_statement",
            up: #"""
-- The chain head moves at the end of each statement that appends to the audit
-- log, instead of at commit through a deferred trigger fired once per row:
-- importing 100,000 complaints queued 100,000 deferred trigger events, each
-- run at commit for one of them to write the head. The first row of a
-- transaction still locks the head until commit, so writers stay serialised
-- and rows numbered without gaps; a rolled-back savepoint undoes the head's
-- move together with its rows and the tail setting.
DROP TRIGGER case_event_advance_head ON case_event;
DROP FUNCTION case_event_advance_head();

CREATE FUNCTION case_event_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    tail text[] := string_to_array(current_setting('redress.chain_tail', true), ':');
BEGIN
    -- The setting is transaction-local: present only once this transaction has appended.
    IF tail[1] IS NOT DISTINCT FROM txid_current_if_assigned()::text THEN
        UPDATE audit_chain_head SET last_id = tail[2]::bigint, last_hash = decode(tail[3], 'hex')
        WHERE id AND last_id < tail[2]::bigint;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER case_event_advance_head AFTER INSERT ON case_event
    FOR EACH STATEMENT EXECUTE FUNCTION case_event_advance_head();
"""#,
            down: #"""
DROP TRIGGER case_event_advance_head ON case_event;
DROP FUNCTION case_event_advance_head();

CREATE FUNCTION case_event_advance_head() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NEW.id = split_part(current_setting('redress.chain_tail', true), ':', 2)::bigint THEN
        UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE id;
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER case_event_advance_head AFTER INSERT ON case_event
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION case_event_advance_head();
"""#
        ),
        Migration(
            version: 16,
            name: "escalation_references_checked_per_statement",
            up: #"""
-- The nightly sweep writes its escalation steps and their notices in batches
-- of thousands of rows; as declared foreign keys, each row's references were
-- checked by a query of their own: a sweep over 1,000,000 cases that took
-- 531,390 steps and queued 1,176,122 notices made about 2,240,000 such checks
-- (log_statement_stats: 30.4 s of server CPU in the batch statements). As
-- migration 14 did for intake, the same rules hold per statement: an
-- anti-join over the inserted rows after each INSERT, failing as the foreign
-- key did (SQLSTATE 23503, the same constraint name). Escalation steps name
-- clocks, so clocks, like cases, are never removed or renumbered.

ALTER TABLE escalation DROP CONSTRAINT escalation_clock_id_fkey;
ALTER TABLE escalation DROP CONSTRAINT escalation_case_id_fkey;
ALTER TABLE notice DROP CONSTRAINT notice_case_id_fkey;

CREATE TRIGGER escalation_clock_id_fkey AFTER INSERT ON escalation REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('escalation_clock_id_fkey', 'clock_id', 'clock', 'id');
CREATE TRIGGER escalation_clock_id_fkey_on_update BEFORE UPDATE OF clock_id ON escalation
    FOR EACH ROW WHEN (OLD.clock_id IS DISTINCT FROM NEW.clock_id)
    EXECUTE FUNCTION updated_row_names_existing_row('escalation_clock_id_fkey', 'clock_id', 'clock', 'id');
CREATE TRIGGER escalation_case_id_fkey AFTER INSERT ON escalation REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('escalation_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER escalation_case_id_fkey_on_update BEFORE UPDATE OF case_id ON escalation
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('escalation_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER notice_case_id_fkey AFTER INSERT ON notice REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('notice_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER notice_case_id_fkey_on_update BEFORE UPDATE OF case_id ON notice
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('notice_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER clock_is_never_removed BEFORE DELETE ON clock
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
CREATE TRIGGER clock_is_never_renumbered BEFORE UPDATE OF id ON clock
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
CREATE TRIGGER clock_is_never_truncated BEFORE TRUNCATE ON clock
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cancel the clock instead; escalation steps name it');
"""#,
            down: #"""
DROP TRIGGER clock_is_never_truncated ON clock;
DROP TRIGGER clock_is_never_renumbered ON clock;
DROP TRIGGER clock_is_never_removed ON clock;
DROP TRIGGER notice_case_id_fkey_on_update ON notice;
DROP TRIGGER notice_case_id_fkey ON notice;
DROP TRIGGER escalation_case_id_fkey_on_update ON escalation;
DROP TRIGGER escalation_case_id_fkey ON escalation;
DROP TRIGGER escalation_clock_id_fkey_on_update ON escalation;
DROP TRIGGER escalation_clock_id_fkey ON escalation;

ALTER TABLE notice ADD CONSTRAINT notice_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE escalation ADD CONSTRAINT escalation_case_id_fkey FOREIGN KEY (case_id) REFERENCES complaint_case (id);
ALTER TABLE escalation ADD CONSTRAINT escalation_clock_id_fkey FOREIGN KEY (clock_id) REFERENCES clock (id);
"""#
        ),
    ]
}
