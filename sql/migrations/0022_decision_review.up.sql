-- Review of a decision (issue 17): the complainant's side asks for it within
-- the policy's window after a decision after investigation; a reviewer who did
-- not take the decision records its outcome against the `review` clock.

-- The review clock.
ALTER TABLE clock DROP CONSTRAINT clock_kind_is_known;
ALTER TABLE clock ADD CONSTRAINT clock_kind_is_known CHECK (kind IN (
    'acknowledge', 'triage', 'info_response', 'early_resolution', 'mediation_acceptance', 'mediation',
    'respondent_response', 'investigation', 'arbitration_award', 'arbitration_overall',
    'respondent_reply', 'remedy', 'verification', 'parallel_review', 'complainant_update', 'review'));

-- A decision remitted on review sends the case back to investigation (RedressCore's
-- Lifecycle has the same moves; LifecycleTableTests keeps the two equal).
INSERT INTO case_transition (from_state, to_state, roles, outcomes) VALUES
    ('decided', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}'),
    ('remedy', 'investigation', '{caseworker,supervisor,ombudsperson}', '{}');

-- One review per decision: the request, the reviewer, and the outcome.
CREATE TABLE decision_review (
    id                  bigserial PRIMARY KEY,
    case_id             bigint NOT NULL REFERENCES complaint_case (id),
    decision_id         bigint NOT NULL REFERENCES decision (id),
    requested_at        timestamptz NOT NULL,
    requested_on        date NOT NULL,
    -- Who asked: the complainant or their representative.
    requested_by_party  text NOT NULL,
    -- The staff login that recorded the request.
    recorded_by         text NOT NULL,
    grounds             text NOT NULL,
    -- The last day of the window the policy in force on the decision's date gave.
    window_closes_on    date NOT NULL,
    late_reason         text,
    reviewer            text REFERENCES staff (login),
    assigned_at         timestamptz,
    outcome             text,
    reasons             text,
    varied_text         text,
    decided_at          timestamptz,
    decided_on          date,
    decided_by          text,
    CONSTRAINT decision_review_once_per_decision UNIQUE (decision_id),
    CONSTRAINT decision_review_party_is_known CHECK (requested_by_party IN ('complainant', 'representative')),
    CONSTRAINT decision_review_has_grounds CHECK (btrim(grounds) <> ''),
    CONSTRAINT decision_review_late_only_with_reason CHECK (
        (requested_on > window_closes_on) = (late_reason IS NOT NULL AND btrim(late_reason) <> '')),
    CONSTRAINT decision_review_outcome_is_known CHECK (outcome IN ('upheld', 'varied', 'remitted')),
    CONSTRAINT decision_review_outcome_is_whole CHECK (
        (outcome IS NULL) = (decided_at IS NULL) AND (outcome IS NULL) = (decided_on IS NULL)
        AND (outcome IS NULL) = (decided_by IS NULL)
        AND (outcome IS NULL OR btrim(coalesce(reasons, '')) <> '')),
    CONSTRAINT decision_review_varied_has_text CHECK (
        (outcome = 'varied') = (varied_text IS NOT NULL AND btrim(varied_text) <> '')
        OR (outcome IS NULL AND varied_text IS NULL)),
    CONSTRAINT decision_review_decided_after_request CHECK (decided_on IS NULL OR decided_on >= requested_on)
);

CREATE INDEX decision_review_by_case ON decision_review (case_id);
CREATE INDEX decision_review_requested_on ON decision_review (requested_on);

-- The security model (migrations 0018, 0019): staff read it, the case-handling
-- roles write it, nobody deletes it, and every row goes in with its audit row.
GRANT SELECT ON decision_review TO redress_staff, redress_service;
GRANT INSERT, UPDATE ON decision_review TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE decision_review_id_seq TO redress_staff, redress_service;
ALTER TABLE decision_review ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON decision_review FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON decision_review FOR INSERT WITH CHECK ((SELECT redress_session_may('case')));
CREATE POLICY redress_update ON decision_review FOR UPDATE USING ((SELECT redress_session_may('read')))
    WITH CHECK ((SELECT redress_session_may('case')));
CREATE POLICY redress_delete ON decision_review FOR DELETE USING ((SELECT redress_session_may('case')));
CREATE CONSTRAINT TRIGGER decision_review_change_is_audited AFTER INSERT OR UPDATE ON decision_review
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_change_is_audited();
