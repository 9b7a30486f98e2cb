-- Functions that indexes are built on name the functions they call by their schema.
-- pg_restore rebuilds indexes with an empty search_path, where an unqualified
-- redress_search_text or respondent_name_normalised is not found: a pg_dump of the
-- database could not be restored. What the functions return is unchanged, so the
-- indexes stay valid.
SET LOCAL ROLE redress_owner;
CREATE OR REPLACE FUNCTION redress_search_key(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT pg_catalog.regexp_replace(public.redress_search_text(value), '(.)', '\1\1', 'g')
$$;

CREATE OR REPLACE FUNCTION respondent_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT pg_catalog.lower(public.respondent_name_normalised(name))
$$;
