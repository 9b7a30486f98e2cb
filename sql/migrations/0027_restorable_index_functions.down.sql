SET LOCAL ROLE redress_owner;
CREATE OR REPLACE FUNCTION redress_search_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.regexp_replace(redress_search_text(value), '(.)', '\1\1', 'g')
$$;

CREATE OR REPLACE FUNCTION respondent_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT lower(respondent_name_normalised(name))
$$;
