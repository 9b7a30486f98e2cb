-- Steps back to plain hashing (migration 18): the chain is hashed once more over
-- each row's stored data. Rows of anonymised cases keep only their commitments, so
-- they are hashed over those; the personal data they held is gone either way.
DROP FUNCTION party_erase(bigint, text, timestamptz, date, text);
DROP FUNCTION party_erase_values(jsonb, jsonb, text[]);
DROP FUNCTION case_anonymise(bigint, text, date, integer, text, timestamptz);
DROP FUNCTION case_anonymisation_refusal(bigint);
DROP FUNCTION retention_statutory_minimum(date);
DROP TRIGGER complaint_case_stays_closed_once_anonymised ON complaint_case;
DROP FUNCTION complaint_case_stays_closed_once_anonymised();
DROP TABLE case_anonymisation;
DROP TABLE legal_hold;
DROP FUNCTION legal_hold_is_kept();

CREATE OR REPLACE FUNCTION notice_content_is_fixed() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF (NEW.case_id, NEW.kind, NEW.audience, NEW.recipient, NEW.channel, NEW.language, NEW.automatic, NEW.data,
        NEW.created_at)
        IS DISTINCT FROM
       (OLD.case_id, OLD.kind, OLD.audience, OLD.recipient, OLD.channel, OLD.language, OLD.automatic, OLD.data,
        OLD.created_at) THEN
        RAISE EXCEPTION 'notice % keeps what it says and to whom; cancel it and queue another', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION case_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'case_event is append-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'record a correcting event instead';
END
$$;

CREATE OR REPLACE FUNCTION case_event_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    tail_id    bigint;
    tail_hash  bytea;
    newer_id   bigint;
    newer_hash bytea;
    earliest   timestamptz;
BEGIN
    IF NOT redress_session_is_trusted() THEN
        IF NEW.actor IS DISTINCT FROM session_user::text THEN
            RAISE EXCEPTION 'login % may write audit rows only in its own name, not as %', session_user, NEW.actor
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT o.earliest_event_date::timestamp AT TIME ZONE o.time_zone INTO earliest FROM office o WHERE o.id;
        IF NEW.occurred_at > now() + interval '5 minutes' OR NEW.occurred_at < earliest THEN
            RAISE EXCEPTION 'an audit row''s time must lie between the office''s earliest event date and now, not %',
                NEW.occurred_at
                USING ERRCODE = 'invalid_datetime_format';
        END IF;
    END IF;
    SELECT h.last_id, h.last_hash INTO tail_id, tail_hash FROM audit_chain_head h WHERE h.id FOR UPDATE;
    SELECT c.id, c.hash INTO newer_id, newer_hash FROM case_event c WHERE c.id > tail_id ORDER BY c.id DESC LIMIT 1;
    IF FOUND THEN
        tail_id := newer_id;
        tail_hash := newer_hash;
    END IF;
    NEW.id := tail_id + 1;
    NEW.recorded_at := now();
    NEW.recorded_by := session_user;
    NEW.previous_hash := tail_hash;
    NEW.hash := sha256(case_event_canonical(
        NEW.id, NEW.case_id, NEW.actor, NEW.occurred_at, NEW.recorded_at, NEW.kind, NEW.data, NEW.recorded_by)
        || tail_hash);
    RETURN NEW;
END
$$;

DO $$
DECLARE
    previous  bytea := decode(repeat('00', 32), 'hex');
    event     record;
    fresh     bytea;
BEGIN
    ALTER TABLE case_event DISABLE TRIGGER case_event_is_append_only;
    FOR event IN SELECT e.* FROM case_event e ORDER BY e.id LOOP
        fresh := sha256(case_event_canonical(event.id, event.case_id, event.actor, event.occurred_at,
            event.recorded_at, event.kind, event.data, event.recorded_by) || previous);
        IF fresh IS DISTINCT FROM event.hash OR previous IS DISTINCT FROM event.previous_hash THEN
            UPDATE case_event SET previous_hash = previous, hash = fresh WHERE id = event.id;
        END IF;
        previous := fresh;
    END LOOP;
    ALTER TABLE case_event ENABLE TRIGGER case_event_is_append_only;
    UPDATE audit_chain_head h SET last_hash = e.hash FROM case_event e WHERE h.id AND e.id = h.last_id;
END
$$;

DROP FUNCTION case_event_stored_canonical(bigint);
DROP FUNCTION case_event_committed(bigint, jsonb);
DROP FUNCTION case_event_commit(jsonb, boolean, boolean, bytea, bytea);
DROP FUNCTION case_event_is_shredded(jsonb);
DROP FUNCTION case_event_is_plain(jsonb);
DROP FUNCTION case_event_plain_keys();
DROP FUNCTION case_event_personal_keys();
DROP FUNCTION case_key_new(bigint);
DROP TABLE case_key;
