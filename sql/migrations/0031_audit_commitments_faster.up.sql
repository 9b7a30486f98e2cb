-- The audit chain's committed forms (migration 29), computed without the cost
-- migration 29 added to every audit row written and read. Nothing hashed
-- changes: each committed form is computed exactly as before, by the same
-- functions on the same values.
--
-- Writing: case_event_committed was an SQL function that the planner could not
-- inline (it looks the case's key up twice), so every call started an executor
-- of its own: about 100 µs of the 250 µs an audit row of a case took to insert,
-- four calls for each row an anonymisation rewrites. As PL/pgSQL it is about
-- 13 µs.
--
-- Reading: `audit verify` asked for each row's committed form by a call that
-- looked the row up again, some 220 µs a row on a demo office against 13 µs
-- before migration 29; a million-case office's log took about twenty minutes.
-- audit_chain_rows reads it in one pass.

-- A row's committed data: under the case's key for a row of a case, as it is
-- otherwise (as migration 29's).
CREATE OR REPLACE FUNCTION case_event_committed(case_number bigint, data jsonb) RETURNS jsonb
LANGUAGE plpgsql STABLE
AS $$
DECLARE
    key case_key;
BEGIN
    IF case_number IS NULL OR case_event_is_plain(data) THEN
        RETURN data;
    END IF;
    SELECT * INTO key FROM case_key k WHERE k.case_id = case_number;
    RETURN case_event_commit(data, false, false, key.inner_pad, key.outer_pad);
END
$$;

-- The chain recomputed from content alone: each row's hash is the hash of its
-- content followed by the hash recomputed for the row before, `start` before the
-- first. As a window aggregate it carries the chain along rows in id order.
CREATE FUNCTION audit_rechain_step(state bytea, canonical bytea, start bytea) RETURNS bytea
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN sha256(canonical || coalesce(state, start));
END
$$;

CREATE AGGREGATE audit_rechain(canonical bytea, start bytea) (SFUNC = audit_rechain_step, STYPE = bytea);

-- The audit log's rows after `after_id` in id order, at most `row_limit` of them,
-- each with what `audit verify` checks, from one scan of the log joined to the
-- case keys: whether its stored link is 32 bytes and is the stored hash of the row
-- before (`after_hash` for the first), whether its stored hash is the hash of its
-- committed form and its link, and its hash recomputed from content alone
-- (`after_rechained` for the row before the first). The committed form is
-- case_event_committed's, with the key from the join rather than a lookup a row
-- (a quarter of the time). Like case_event_stored_canonical it reads stored rows
-- only, and it hands out hashes, never a committed form or a key.
CREATE FUNCTION audit_chain_rows(after_id bigint, after_hash bytea, after_rechained bytea, row_limit bigint)
RETURNS TABLE (id bigint, hash bytea, link_well_formed boolean, linked boolean, content_matches boolean,
               rechained bytea)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT r.id, r.hash, length(r.previous_hash) = 32, r.previous_hash = lag(r.hash, 1, after_hash) OVER w,
           r.hash = sha256(r.canonical || r.previous_hash), audit_rechain(r.canonical, after_rechained) OVER w
    FROM (
        SELECT e.id, e.hash, e.previous_hash, case_event_canonical(e.id, e.case_id, e.actor, e.occurred_at,
            e.recorded_at, e.kind, CASE WHEN e.case_id IS NULL OR case_event_is_plain(e.data) THEN e.data
                ELSE case_event_commit(e.data, false, false, k.inner_pad, k.outer_pad) END,
            e.recorded_by) AS canonical
        FROM case_event e LEFT JOIN case_key k ON k.case_id = e.case_id
        WHERE e.id > after_id ORDER BY e.id LIMIT row_limit
    ) r
    WINDOW w AS (ORDER BY r.id)
    ORDER BY r.id
$$;

REVOKE ALL ON FUNCTION audit_rechain_step(bytea, bytea, bytea), audit_rechain(bytea, bytea),
    audit_chain_rows(bigint, bytea, bytea, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_chain_rows(bigint, bytea, bytea, bigint) TO redress_staff, redress_service;
