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
