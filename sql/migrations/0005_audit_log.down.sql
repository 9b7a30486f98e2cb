DROP TABLE case_event;
DROP FUNCTION case_event_refuse_change();
DROP FUNCTION case_event_advance_head();
DROP FUNCTION case_event_chain();
DROP FUNCTION case_event_canonical(bigint, bigint, text, timestamptz, timestamptz, text, jsonb);
DROP TABLE audit_chain_head;
