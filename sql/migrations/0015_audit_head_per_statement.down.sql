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
