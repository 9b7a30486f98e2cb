-- Bearer tokens for the HTTP service (`redress staff token create`). A token
-- reads 'rdt_<id>_<secret>'; only the SHA-256 of the secret is kept, so a copy
-- of the database does not let anyone act as staff. The service finds the row
-- by id and compares the hashes in constant time.
CREATE TABLE staff_token (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_login    text NOT NULL REFERENCES staff (login),
    secret_sha256  bytea NOT NULL,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    expires_at     timestamptz,
    revoked_at     timestamptz,
    revoked_by     text,
    CONSTRAINT staff_token_secret_is_a_sha256 CHECK (octet_length(secret_sha256) = 32),
    CONSTRAINT staff_token_secret_is_unique UNIQUE (secret_sha256),
    CONSTRAINT staff_token_expires_after_creation CHECK (expires_at IS NULL OR expires_at > created_at),
    -- A revocation names who revoked it, so the audit log and the row agree.
    CONSTRAINT staff_token_revocation_names_its_actor CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);

CREATE INDEX staff_token_by_login ON staff_token (staff_login);

GRANT SELECT, INSERT ON staff_token TO redress_staff;
GRANT UPDATE (revoked_at, revoked_by) ON staff_token TO redress_staff;
