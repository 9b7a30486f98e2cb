-- Rows that name a case, a rights category, a policy version or a respondent
-- body must name one that exists. As declared foreign keys, PostgreSQL checks
-- that a row at a time, each check a query of its own: importing 100,000
-- complaints made about 1,000,000 of them, half of the server's work for the
-- import (perf: RI_FKey_check under AfterTriggerEndQuery, 46% of the backend's
-- samples). Here the same rules hold per statement instead: after each INSERT,
-- one anti-join over the inserted rows finds any that name nothing, and the
-- statement fails as the foreign key did (SQLSTATE 23503, the same constraint
-- name). Whoever writes, psql included, is held to them as before.
--
-- What a foreign key also did, these do too: a row that others name cannot be
-- deleted or renumbered. Here such rows never are: Redress keeps every case
-- (retention anonymises it), every rights category, policy version and
-- respondent body, so DELETE, TRUNCATE and a change of key are refused on
-- those tables outright; that is also why an insert needs no lock on what it
-- names. A change of a referring column on an existing row is checked row by
-- row.

ALTER TABLE party DROP CONSTRAINT party_case_id_fkey;
ALTER TABLE case_category DROP CONSTRAINT case_category_case_id_fkey;
ALTER TABLE case_category DROP CONSTRAINT case_category_category_code_fkey;
ALTER TABLE clock DROP CONSTRAINT clock_case_id_fkey;
ALTER TABLE clock DROP CONSTRAINT clock_policy_version_fkey;
ALTER TABLE case_event DROP CONSTRAINT case_event_case_id_fkey;
ALTER TABLE complaint_case DROP CONSTRAINT complaint_case_respondent_id_fkey;

-- Trigger arguments: constraint name, referring column, referenced table, referenced column.
CREATE FUNCTION inserted_rows_name_existing_rows() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    missing text;
BEGIN
    EXECUTE format('SELECT n.%1$I::text FROM inserted_rows n
                    WHERE n.%1$I IS NOT NULL AND NOT EXISTS (SELECT FROM %2$I p WHERE p.%3$I = n.%1$I) LIMIT 1',
                   TG_ARGV[1], TG_ARGV[2], TG_ARGV[3])
        INTO missing;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[0], TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                  DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], missing, TG_ARGV[2]);
    END IF;
    RETURN NULL;
END
$$;

-- The same for one row whose referring column an UPDATE changes.
CREATE FUNCTION updated_row_names_existing_row() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    value text := to_jsonb(NEW) ->> TG_ARGV[1];
    found boolean;
BEGIN
    IF value IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT FROM %1$I p WHERE p.%2$I::text = $1)', TG_ARGV[2], TG_ARGV[3]) INTO found USING value;
        IF NOT found THEN
            RAISE EXCEPTION 'insert or update on table "%" violates foreign key constraint "%"', TG_TABLE_NAME, TG_ARGV[0]
                USING ERRCODE = 'foreign_key_violation', CONSTRAINT = TG_ARGV[0], TABLE = TG_TABLE_NAME, SCHEMA = TG_TABLE_SCHEMA,
                      DETAIL = format('Key (%s)=(%s) is not present in table "%s".', TG_ARGV[1], value, TG_ARGV[2]);
        END IF;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER party_case_id_fkey AFTER INSERT ON party REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('party_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER party_case_id_fkey_on_update BEFORE UPDATE OF case_id ON party
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('party_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER case_category_case_id_fkey AFTER INSERT ON case_category REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_category_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER case_category_case_id_fkey_on_update BEFORE UPDATE OF case_id ON case_category
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('case_category_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER case_category_category_code_fkey AFTER INSERT ON case_category REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_category_category_code_fkey', 'category_code', 'rights_category', 'code');
CREATE TRIGGER case_category_category_code_fkey_on_update BEFORE UPDATE OF category_code ON case_category
    FOR EACH ROW WHEN (OLD.category_code IS DISTINCT FROM NEW.category_code)
    EXECUTE FUNCTION updated_row_names_existing_row('case_category_category_code_fkey', 'category_code', 'rights_category', 'code');

CREATE TRIGGER clock_case_id_fkey AFTER INSERT ON clock REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('clock_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER clock_case_id_fkey_on_update BEFORE UPDATE OF case_id ON clock
    FOR EACH ROW WHEN (OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION updated_row_names_existing_row('clock_case_id_fkey', 'case_id', 'complaint_case', 'id');
CREATE TRIGGER clock_policy_version_fkey AFTER INSERT ON clock REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('clock_policy_version_fkey', 'policy_version', 'policy_version', 'version');
CREATE TRIGGER clock_policy_version_fkey_on_update BEFORE UPDATE OF policy_version ON clock
    FOR EACH ROW WHEN (OLD.policy_version IS DISTINCT FROM NEW.policy_version)
    EXECUTE FUNCTION updated_row_names_existing_row('clock_policy_version_fkey', 'policy_version', 'policy_version', 'version');

-- case_event refuses every UPDATE already.
CREATE TRIGGER case_event_case_id_fkey AFTER INSERT ON case_event REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('case_event_case_id_fkey', 'case_id', 'complaint_case', 'id');

CREATE TRIGGER complaint_case_respondent_id_fkey AFTER INSERT ON complaint_case REFERENCING NEW TABLE AS inserted_rows
    FOR EACH STATEMENT EXECUTE FUNCTION inserted_rows_name_existing_rows('complaint_case_respondent_id_fkey', 'respondent_id', 'respondent_body', 'id');
CREATE TRIGGER complaint_case_respondent_id_fkey_on_update BEFORE UPDATE OF respondent_id ON complaint_case
    FOR EACH ROW WHEN (OLD.respondent_id IS DISTINCT FROM NEW.respondent_id)
    EXECUTE FUNCTION updated_row_names_existing_row('complaint_case_respondent_id_fkey', 'respondent_id', 'respondent_body', 'id');

-- Trigger argument: what the table's rows are, for the message.
CREATE FUNCTION refuse_removal_of_named_rows() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% rows are never removed or renumbered, since other rows name them: % is refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege', HINT = TG_ARGV[0];
END
$$;

CREATE TRIGGER complaint_case_is_never_removed BEFORE DELETE ON complaint_case
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');
CREATE TRIGGER complaint_case_is_never_renumbered BEFORE UPDATE OF id ON complaint_case
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');
CREATE TRIGGER complaint_case_is_never_truncated BEFORE TRUNCATE ON complaint_case
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('close the case instead; retention anonymises closed cases');

CREATE TRIGGER rights_category_is_never_removed BEFORE DELETE ON rights_category
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');
CREATE TRIGGER rights_category_is_never_renamed BEFORE UPDATE OF code ON rights_category
    FOR EACH ROW WHEN (OLD.code IS DISTINCT FROM NEW.code)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');
CREATE TRIGGER rights_category_is_never_truncated BEFORE TRUNCATE ON rights_category
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their rights categories');

CREATE TRIGGER policy_version_is_never_removed BEFORE DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');
CREATE TRIGGER policy_version_is_never_renumbered BEFORE UPDATE OF version ON policy_version
    FOR EACH ROW WHEN (OLD.version IS DISTINCT FROM NEW.version)
    EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');
CREATE TRIGGER policy_version_is_never_truncated BEFORE TRUNCATE ON policy_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('clocks keep the policy version they were made under; add a new version');

CREATE TRIGGER respondent_body_is_never_removed BEFORE DELETE ON respondent_body
    FOR EACH ROW EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
CREATE TRIGGER respondent_body_is_never_renumbered BEFORE UPDATE OF id ON respondent_body
    FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
CREATE TRIGGER respondent_body_is_never_truncated BEFORE TRUNCATE ON respondent_body
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_removal_of_named_rows('cases name their respondent body; correct its details instead');
