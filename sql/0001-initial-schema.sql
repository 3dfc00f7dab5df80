-- 0001-initial-schema.sql
--
-- The application role. The daemon's pooled connections work as
-- sendcase_app (SET ROLE on connect): it gets only the privileges each
-- migration grants it, so PostgreSQL itself enforces what the daemon may not
-- do (for example, rewrite the audit trail). Migrations run as the owner.
--
-- Roles belong to the whole cluster, so creating it tolerates another
-- database of the same cluster having made it first.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'sendcase_app') THEN
    CREATE ROLE sendcase_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

-- The connecting (owner) role must be able to SET ROLE to it.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'sendcase_app', 'MEMBER') THEN
    EXECUTE format('GRANT sendcase_app TO %I', current_user);
  END IF;
END
$$;

REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO sendcase_app;
GRANT SELECT ON schema_migrations TO sendcase_app;
