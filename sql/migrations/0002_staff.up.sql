-- Staff: each PostgreSQL login that works on cases, with its roles.
-- The actor of every change is session_user, looked up here, so that
-- authentication stays PostgreSQL's own and every audit row names a person.
CREATE TABLE staff (
    login         text PRIMARY KEY,
    display_name  text,
    email         text,
    roles         text[] NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT staff_login_is_not_blank CHECK (btrim(login) <> ''),
    CONSTRAINT staff_has_a_role CHECK (cardinality(roles) > 0),
    CONSTRAINT staff_roles_are_known CHECK (
        roles <@ ARRAY['intake', 'caseworker', 'supervisor', 'ombudsperson', 'auditor', 'admin']::text[]
    )
);

-- Whoever migrates an empty database can work at once: they run the office
-- (admin) and decide cases (ombudsperson) until they add the real staff.
INSERT INTO staff (login, display_name, roles)
VALUES (session_user, session_user, ARRAY['admin', 'ombudsperson']);

-- Who the connected login is, readable by any login: one that is not on the
-- staff (and so has no table privileges yet) learns that, rather than
-- meeting a bare "permission denied".
CREATE FUNCTION staff_for_session()
RETURNS TABLE (login text, display_name text, email text, roles text[], active boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
AS $$
    SELECT s.login, s.display_name, s.email, s.roles, s.active FROM staff s WHERE s.login = session_user
$$;

-- The group role that staff logins are made members of. Roles are
-- cluster-wide, so another database on the cluster may have made it already.
DO $$
BEGIN
    CREATE ROLE redress_staff NOLOGIN;
EXCEPTION WHEN duplicate_object THEN
    NULL;
END
$$;
