-- Back to migration 0021: no reviews, no review clocks, no remitting moves.
DROP TABLE decision_review;
DELETE FROM case_transition
WHERE (from_state, to_state) IN (('decided', 'investigation'), ('remedy', 'investigation'));
DELETE FROM escalation WHERE clock_id IN (SELECT id FROM clock WHERE kind = 'review');
DELETE FROM clock_extension WHERE clock_id IN (SELECT id FROM clock WHERE kind = 'review');
DELETE FROM clock_pause WHERE clock_id IN (SELECT id FROM clock WHERE kind = 'review');
DELETE FROM clock WHERE kind = 'review';
ALTER TABLE clock DROP CONSTRAINT clock_kind_is_known;
ALTER TABLE clock ADD CONSTRAINT clock_kind_is_known CHECK (kind IN (
    'acknowledge', 'triage', 'info_response', 'early_resolution', 'mediation_acceptance', 'mediation',
    'respondent_response', 'investigation', 'arbitration_award', 'arbitration_overall',
    'respondent_reply', 'remedy', 'verification', 'parallel_review', 'complainant_update'));
