CREATE OR REPLACE FUNCTION case_event_is_plain(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT jsonb_typeof(value) = 'object' AND NOT EXISTS (
        SELECT 1 FROM regexp_matches(value::text, '"((?:[^"\\]|\\.)*)": ', 'g') AS k(m)
        WHERE NOT k.m[1] = ANY (case_event_plain_keys()) OR k.m[1] = ANY (case_event_personal_keys()))
$$;
