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
