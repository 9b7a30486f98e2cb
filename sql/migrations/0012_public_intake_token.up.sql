-- What the public intake of the HTTP service keeps: for each complaint it
-- registered, the SHA-256 of the status token it gave the complainant, who
-- shows that token to read the case's status (never the token itself).
CREATE TABLE complaint_status_token (
    case_id        bigint PRIMARY KEY REFERENCES complaint_case (id),
    secret_sha256  bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    CONSTRAINT complaint_status_token_secret_is_a_sha256 CHECK (octet_length(secret_sha256) = 32)
);

GRANT SELECT, INSERT ON complaint_status_token TO redress_staff;

-- The staff record public intake acts as, so each complaint from the web
-- form names its registrar in the audit log. It holds the intake role only;
-- deactivating it closes public intake.
INSERT INTO staff (login, display_name, roles)
VALUES ('public_intake', 'Public intake (redress serve)', ARRAY['intake'])
ON CONFLICT (login) DO NOTHING;
