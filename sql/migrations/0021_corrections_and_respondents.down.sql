-- Back to the schema before migration 0021: no corrections of staff names, office address, party
-- identities or categories by deletion; categories cannot be retired; respondent
-- bodies are unique by their exact name and have no aliases. Bodies merged since stay
-- merged: their cases keep the body they moved to.
DROP FUNCTION staff_update(text, text, text, timestamptz);
ALTER TABLE office DROP COLUMN postal_address;
DROP TRIGGER party_identity_is_changed_by_who_sees_it ON party;
DROP FUNCTION party_identity_is_changed_by_who_sees_it();
REVOKE DELETE ON case_category FROM redress_staff, redress_service;
DROP TRIGGER case_category_removal_is_audited ON case_category;
DROP FUNCTION case_row_removal_is_audited();
DROP TRIGGER case_category_is_not_retired ON case_category;
DROP FUNCTION case_category_is_not_retired();
DROP TRIGGER rights_category_change_is_audited ON rights_category;
REVOKE INSERT, UPDATE ON rights_category FROM redress_staff, redress_service;
ALTER TABLE rights_category DROP COLUMN retired_at;
DROP TRIGGER respondent_body_change_is_audited ON respondent_body;
DROP FUNCTION respondent_change_is_audited();
DROP TRIGGER respondent_register_is_an_admins ON respondent_body;
DROP FUNCTION respondent_register_is_an_admins();
DROP FUNCTION respondent_for_intake(text, text, text, text);
DROP FUNCTION respondent_named(text);
DROP TABLE respondent_alias;
DROP INDEX respondent_body_name_key_is_unique;
ALTER TABLE respondent_body DROP CONSTRAINT respondent_body_name_is_normalised;
ALTER TABLE respondent_body ADD CONSTRAINT respondent_body_name_is_unique UNIQUE (name);
ALTER TABLE respondent_body
    DROP CONSTRAINT respondent_body_is_not_merged_into_itself,
    DROP COLUMN updated_at,
    DROP COLUMN merged_into,
    DROP COLUMN head_of_body_postal_address,
    DROP COLUMN head_of_body_phone,
    DROP COLUMN postal_address;
DROP FUNCTION respondent_name_key(text);
DROP FUNCTION respondent_name_normalised(text);
