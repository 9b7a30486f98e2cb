DROP FUNCTION redress_possible_duplicates(bigint);
DROP INDEX party_phone_key;
DROP INDEX party_email_key;
DROP VIEW case_issue;
DROP TABLE case_link;
