DROP TABLE complaint_status_token;
-- The public_intake staff record stays: audit rows and cases name it.
