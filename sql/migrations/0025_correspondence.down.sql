DROP TABLE document_chunk;
DROP TABLE case_contact;
DROP TABLE case_document;
DROP FUNCTION redress_next_document_number(bigint);
DROP TABLE mail_message;
DROP TABLE document_content;
DROP FUNCTION redress_may_read_content(bigint, boolean);
ALTER TABLE office
    DROP CONSTRAINT office_document_size_limit_is_positive,
    DROP COLUMN document_size_limit,
    DROP COLUMN mail_opens_intake;
