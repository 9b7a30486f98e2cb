-- What was entered can be corrected, on the record: a case's summary, categories,
-- urgency, channel and incident date, its parties' names and contact details, the
-- register of respondent bodies, the rights categories, the office's postal address
-- and staff names and emails. Respondent bodies are one per name, whatever its case
-- or spacing, and are found by their former names (aliases) too; categories may be
-- added, renamed and retired.

-- A respondent's name as it is kept: runs of whitespace as one space, none at either
-- end. Two names are the same body's when their keys are equal.
CREATE FUNCTION respondent_name_normalised(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT regexp_replace(regexp_replace(name, '\s+', ' ', 'g'), '^ | $', '', 'g')
$$;

CREATE FUNCTION respondent_name_key(name text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT lower(respondent_name_normalised(name))
$$;

ALTER TABLE respondent_body
    ADD COLUMN postal_address text,
    ADD COLUMN head_of_body_phone text,
    ADD COLUMN head_of_body_postal_address text,
    -- A body merged into another keeps its row (cases of old may still name it in their
    -- audit rows); its cases, remedies and name went to the other.
    ADD COLUMN merged_into bigint REFERENCES respondent_body (id),
    ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
    ADD CONSTRAINT respondent_body_is_not_merged_into_itself CHECK (merged_into <> id);

-- Former and other names of a body: intake by any of them lands on the body.
CREATE TABLE respondent_alias (
    id          bigserial PRIMARY KEY,
    body_id     bigint NOT NULL REFERENCES respondent_body (id),
    alias       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT respondent_alias_is_unique UNIQUE (alias),
    CONSTRAINT respondent_alias_is_not_blank CHECK (respondent_name_key(alias) <> '')
);

CREATE INDEX respondent_alias_by_key ON respondent_alias (respondent_name_key(alias));
CREATE INDEX respondent_alias_by_body ON respondent_alias (body_id);

-- Bodies entered before names were normalised, under one name spelled differently
-- ("Gwangju Metropolitan Transit", the same with a trailing space, in lower case),
-- become one: the first entered with a tidy name keeps its row, the others' cases and
-- remedies move to it, each moved case with its audit row, and their names become its
-- aliases.
DO $$
DECLARE
    pair record;
BEGIN
    FOR pair IN
        SELECT b.id AS from_id, b.name AS from_name, k.id AS into_id, k.name AS into_name
        FROM respondent_body b
        CROSS JOIN LATERAL (
            SELECT o.id, o.name FROM respondent_body o
            WHERE respondent_name_key(o.name) = respondent_name_key(b.name)
            ORDER BY o.name = respondent_name_normalised(o.name) DESC, o.id
            LIMIT 1
        ) k
        WHERE k.id <> b.id
        ORDER BY b.id
    LOOP
        INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
        SELECT c.id, session_user, now(), 'respondent_merged',
            jsonb_build_object('from', pair.from_name, 'to', respondent_name_normalised(pair.into_name),
                'cause', 'respondent names normalised')
        FROM complaint_case c WHERE c.respondent_id = pair.from_id ORDER BY c.id;
        UPDATE complaint_case SET respondent_id = pair.into_id, version = version + 1, updated_at = now()
        WHERE respondent_id = pair.from_id;
        UPDATE remedy_item SET body_id = pair.into_id WHERE body_id = pair.from_id;
        UPDATE respondent_body o SET
            email = coalesce(o.email, m.email), head_of_body_name = coalesce(o.head_of_body_name, m.head_of_body_name),
            head_of_body_email = coalesce(o.head_of_body_email, m.head_of_body_email)
        FROM respondent_body m WHERE o.id = pair.into_id AND m.id = pair.from_id;
        UPDATE respondent_body SET merged_into = pair.into_id WHERE id = pair.from_id;
        INSERT INTO respondent_alias (body_id, alias) VALUES (pair.into_id, pair.from_name);
    END LOOP;
    UPDATE respondent_body SET name = respondent_name_normalised(name)
    WHERE merged_into IS NULL AND name <> respondent_name_normalised(name);
END
$$;

ALTER TABLE respondent_body DROP CONSTRAINT respondent_body_name_is_unique;
ALTER TABLE respondent_body ADD CONSTRAINT respondent_body_name_is_normalised
    CHECK (merged_into IS NOT NULL OR name = respondent_name_normalised(name));
CREATE UNIQUE INDEX respondent_body_name_key_is_unique ON respondent_body (respondent_name_key(name))
    WHERE merged_into IS NULL;

-- The body a name stands for: the body of that name, else the body it is an alias of.
CREATE FUNCTION respondent_named(given text) RETURNS bigint
LANGUAGE sql STABLE
AS $$
    SELECT coalesce(
        (SELECT b.id FROM respondent_body b
         WHERE respondent_name_key(b.name) = respondent_name_key(given) AND b.merged_into IS NULL),
        (SELECT a.body_id FROM respondent_alias a
         WHERE respondent_name_key(a.alias) = respondent_name_key(given) ORDER BY a.id LIMIT 1))
$$;

-- The body a complaint names, added to the register when it is new: every intake (the
-- command line, import, the service, the demo seed) finds bodies this way. Details
-- the complaint gives fill in or replace the body's; a body they add nothing to is not
-- written. Returns the body's row as stored (which the calling statement could not see).
CREATE FUNCTION respondent_for_intake(given text, given_email text, head_name text, head_email text)
RETURNS respondent_body
LANGUAGE plpgsql
AS $$
DECLARE
    body bigint := respondent_named(given);
    stored respondent_body;
BEGIN
    IF body IS NULL THEN
        INSERT INTO respondent_body AS r (name, email, head_of_body_name, head_of_body_email)
        VALUES (respondent_name_normalised(given), given_email, head_name, head_email)
        ON CONFLICT (respondent_name_key(name)) WHERE merged_into IS NULL DO UPDATE SET
            email = coalesce(EXCLUDED.email, r.email),
            head_of_body_name = coalesce(EXCLUDED.head_of_body_name, r.head_of_body_name),
            head_of_body_email = coalesce(EXCLUDED.head_of_body_email, r.head_of_body_email)
        RETURNING * INTO stored;
        RETURN stored;
    END IF;
    UPDATE respondent_body r SET
        email = coalesce(given_email, r.email), head_of_body_name = coalesce(head_name, r.head_of_body_name),
        head_of_body_email = coalesce(head_email, r.head_of_body_email), updated_at = now()
    WHERE r.id = body AND (r.email, r.head_of_body_name, r.head_of_body_email) IS DISTINCT FROM
        (coalesce(given_email, r.email), coalesce(head_name, r.head_of_body_name), coalesce(head_email, r.head_of_body_email));
    SELECT * INTO stored FROM respondent_body r WHERE r.id = body;
    RETURN stored;
END
$$;

-- The register's own facts (names, addresses, merges) are office data: only admins
-- change them. Intake may still add a body, and the email and head of body a
-- complaint gives.
CREATE FUNCTION respondent_register_is_an_admins() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF (NEW.name, NEW.postal_address, NEW.head_of_body_phone, NEW.head_of_body_postal_address, NEW.merged_into)
        IS DISTINCT FROM
       (OLD.name, OLD.postal_address, OLD.head_of_body_phone, OLD.head_of_body_postal_address, OLD.merged_into)
        AND NOT redress_session_may('office') THEN
        RAISE EXCEPTION 'login % may not rename, merge or address respondent bodies: only an admin may', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER respondent_register_is_an_admins BEFORE UPDATE ON respondent_body
    FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION respondent_register_is_an_admins();

-- A body is added or changed with the audit row of the work that does it: the case
-- opened about it, or the register's change (a row of no case).
CREATE FUNCTION respondent_change_is_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM case_event e WHERE e.recorded_at = now() AND e.recorded_by = session_user
    ) THEN
        RAISE EXCEPTION 'login % changed % without an audit row of the change', session_user, TG_TABLE_NAME
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER respondent_body_change_is_audited AFTER INSERT OR UPDATE ON respondent_body
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION respondent_change_is_audited();

-- Rights categories are data: added and renamed by admins; a retired one stays on the
-- cases that have it and in statistics, and no case takes it from then on.
ALTER TABLE rights_category ADD COLUMN retired_at timestamptz;
GRANT INSERT, UPDATE ON rights_category TO redress_staff, redress_service;

CREATE FUNCTION case_category_is_not_retired() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM rights_category r WHERE r.code = NEW.category_code AND r.retired_at IS NOT NULL) THEN
        RAISE EXCEPTION 'the rights category % is retired; choose another', NEW.category_code
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER case_category_is_not_retired BEFORE INSERT OR UPDATE OF category_code ON case_category
    FOR EACH ROW EXECUTE FUNCTION case_category_is_not_retired();

-- A category taken off a case is audited as its addition is.
CREATE FUNCTION case_row_removal_is_audited() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM case_event e
        WHERE e.case_id = OLD.case_id AND e.recorded_at = now() AND e.recorded_by = session_user
    ) THEN
        RAISE EXCEPTION 'login % changed case % without an audit row of the change', session_user, OLD.case_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER case_category_removal_is_audited AFTER DELETE ON case_category
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NOT redress_session_is_trusted())
    EXECUTE FUNCTION case_row_removal_is_audited();

GRANT DELETE ON case_category TO redress_staff, redress_service;

-- Whoever corrects a complainant's name or contact details sees them: supervisors, the
-- ombudsperson and the case's assignee.
CREATE FUNCTION party_identity_is_changed_by_who_sees_it() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
BEGIN
    IF (NEW.name, NEW.email, NEW.phone, NEW.postal_address) IS DISTINCT FROM
        (OLD.name, OLD.email, OLD.phone, OLD.postal_address)
        AND NOT redress_session_may('identity')
        AND NOT EXISTS (SELECT 1 FROM complaint_case c WHERE c.id = NEW.case_id AND c.assignee = session_user) THEN
        RAISE EXCEPTION 'login % may not change who complained on case %: only its assignee, supervisors and the ombudsperson may',
            session_user, NEW.case_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER party_identity_is_changed_by_who_sees_it BEFORE UPDATE ON party
    FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION party_identity_is_changed_by_who_sees_it();

-- The office's own address, for the letters it sends by post.
ALTER TABLE office ADD COLUMN postal_address text;

ALTER TABLE respondent_alias ENABLE ROW LEVEL SECURITY;
CREATE POLICY redress_read ON respondent_alias FOR SELECT USING ((SELECT redress_session_may('read')));
CREATE POLICY redress_insert ON respondent_alias FOR INSERT WITH CHECK ((SELECT redress_session_may('office')));
CREATE POLICY redress_update ON respondent_alias FOR UPDATE USING ((SELECT redress_session_may('read')))
    WITH CHECK ((SELECT redress_session_may('office')));
CREATE POLICY redress_delete ON respondent_alias FOR DELETE USING ((SELECT redress_session_may('office')));
GRANT SELECT ON respondent_alias TO redress_staff, redress_service;
GRANT INSERT, UPDATE ON respondent_alias TO redress_staff, redress_service;
GRANT USAGE, SELECT ON SEQUENCE respondent_alias_id_seq TO redress_staff, redress_service;

DO $$
DECLARE
    guarded text;
BEGIN
    FOREACH guarded IN ARRAY ARRAY['respondent_alias', 'rights_category'] LOOP
        EXECUTE format(
            'CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED'
            ' FOR EACH ROW WHEN (NOT redress_session_is_trusted()) EXECUTE FUNCTION office_change_is_audited()',
            guarded || '_change_is_audited', guarded);
    END LOOP;
END
$$;

-- A staff member's name and email change here, as their roles do: by an active admin,
-- with the audit row of the change. Null leaves a value as it is, '' clears it.
CREATE FUNCTION staff_update(member text, new_display_name text, new_email text, occurred timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    admin text := redress_session_admin();
    old_name text;
    old_email text;
    next_name text;
    next_email text;
    changes jsonb := '{}';
BEGIN
    SELECT s.display_name, s.email INTO old_name, old_email FROM staff s WHERE s.login = member AND s.active FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active staff member is called %', member USING ERRCODE = 'no_data_found';
    END IF;
    next_name := CASE WHEN new_display_name IS NULL THEN old_name ELSE nullif(new_display_name, '') END;
    next_email := CASE WHEN new_email IS NULL THEN old_email ELSE nullif(new_email, '') END;
    IF next_name IS DISTINCT FROM old_name THEN
        changes := changes || jsonb_build_object('display_name', jsonb_build_object('from', old_name, 'to', next_name));
    END IF;
    IF next_email IS DISTINCT FROM old_email THEN
        changes := changes || jsonb_build_object('email', jsonb_build_object('from', old_email, 'to', next_email));
    END IF;
    IF changes = '{}' THEN
        RETURN false;
    END IF;
    UPDATE staff SET display_name = next_name, email = next_email, updated_at = now() WHERE login = member;
    INSERT INTO case_event (case_id, actor, occurred_at, kind, data)
    VALUES (NULL, admin, occurred, 'staff_updated', jsonb_build_object('login', member, 'changes', changes));
    RETURN true;
END
$$;

REVOKE EXECUTE ON FUNCTION staff_update(text, text, text, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION staff_update(text, text, text, timestamptz) TO redress_staff, redress_service;
