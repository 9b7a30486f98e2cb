DROP FUNCTION audit_chain_rows(bigint, bytea, bytea, bigint);
DROP AGGREGATE audit_rechain(bytea, bytea);
DROP FUNCTION audit_rechain_step(bytea, bytea, bytea);
