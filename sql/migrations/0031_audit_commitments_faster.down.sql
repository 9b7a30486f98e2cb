DROP FUNCTION audit_chain_rows(bigint, bytea, bytea, bigint);
DROP AGGREGATE audit_rechain(bytea, bytea);
DROP FUNCTION audit_rechain_step(bytea, bytea, bytea);

CREATE OR REPLACE FUNCTION case_event_committed(case_number bigint, data jsonb) RETURNS jsonb
LANGUAGE sql STABLE
AS $$
    SELECT CASE WHEN case_number IS NULL OR case_event_is_plain(data) THEN data
        ELSE case_event_commit(data, false, false,
            (SELECT k.inner_pad FROM case_key k WHERE k.case_id = case_number),
            (SELECT k.outer_pad FROM case_key k WHERE k.case_id = case_number))
    END
$$;
