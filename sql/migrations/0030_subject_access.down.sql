DROP FUNCTION subject_access_figures(date, date, text);
DROP FUNCTION subject_access_record(date, timestamptz, text, bytea, bytea, text, bigint[]);
DROP VIEW subject_access_request_detail;
DROP TABLE subject_access_request;
DROP FUNCTION person_find(text, text);
DROP INDEX party_person_phone_key;
DROP INDEX party_person_name_key;
DROP FUNCTION redress_person_phone_key(text);
DROP FUNCTION redress_person_name_key(text);
