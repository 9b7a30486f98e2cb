-- Whether an audit row's data holds nothing personal, answered four times as
-- fast. Every audit row of a case asks it as it is written (and `audit verify`
-- as it is read): about 24 µs a row by reading the keys out of the text form
-- with a regular expression, a quarter of what a nightly sweep's audit row cost
-- to insert. Now the objects at every depth are taken from the value itself and
-- each is asked whether anything is left once the plain keys are removed:
-- about 6 µs. Nothing hashed changes: a value with only plain keys is its own
-- committed form, and over every row of a demo office (730,718) both answers
-- agree.

-- The answer relies on no key being both plain and personal, as none is.
DO $$
BEGIN
    IF case_event_plain_keys() && case_event_personal_keys() THEN
        RAISE EXCEPTION 'a key is both plain and personal: %',
            ARRAY(SELECT unnest(case_event_plain_keys()) INTERSECT SELECT unnest(case_event_personal_keys()));
    END IF;
END
$$;

-- Whether `value` is an object whose every key, at any depth, is a plain one: then no
-- string in it is personal and its committed form is itself, found without walking it.
CREATE OR REPLACE FUNCTION case_event_is_plain(value jsonb) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT jsonb_typeof(value) = 'object' AND NOT EXISTS (
        SELECT 1 FROM jsonb_path_query(value, 'strict $.** ? (@.type() == "object")') AS o(object)
        WHERE o.object - case_event_plain_keys() <> '{}')
$$;
