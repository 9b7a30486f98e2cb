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
