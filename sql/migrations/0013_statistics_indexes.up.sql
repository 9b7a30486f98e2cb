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
