-- 0003-app-login-audit-entry.sql
--
-- The daemon logs in as sendcase_app itself, and writes the audit trail
-- through one door.
--
-- 1. sendcase_app becomes a LOGIN role. The daemon's pool no longer
--    connects as the owner and switches with SET ROLE (which RESET ROLE
--    undoes): it logs in as a role that is not a superuser, owns nothing
--    and cannot become the owner, so even injected SQL cannot rewrite the
--    audit trail or switch its triggers off (session_replication_role needs
--    a superuser). The embedded cluster trusts its own Unix socket; on an
--    existing server an administrator gives the role its credentials (see
--    README, "Using an existing PostgreSQL server").
--
-- 2. audit_entry is the only way the application writes audit_event. It is
--    a view whose INSTEAD OF INSERT trigger runs as the owner (SECURITY
--    DEFINER) and fills the row from the actor: one jsonb value built once
--    per request (user, role, request id, source address, the route's
--    action and resource type). sendcase_app keeps SELECT on audit_event
--    but loses INSERT, so PostgreSQL itself refuses any other path. A
--    statement adds its row with a data-modifying CTE, which PostgreSQL
--    always runs exactly once, in the statement's own transaction:
--
--      WITH ..., audit AS (INSERT INTO audit_entry (actor, outcome, resource_id)
--                          SELECT $1, 'success', id::text FROM u)
--
--    A successful read's row is committed with synchronous_commit = off for
--    its transaction (docs/access.md, "Durability of the trail"); every
--    other row keeps the server's setting.
--
-- 3. List reads record the ids they showed (resource_ids); a replayed
--    idempotent create is recorded as 'replayed'; sign-in failures record
--    the lock they cause, so the lock can be shown and lifted without the
--    daemon's settings.

-- 1. the login role --------------------------------------------------------

DO $$
DECLARE
  app pg_roles;
BEGIN
  SELECT * INTO app FROM pg_roles WHERE rolname = 'sendcase_app';
  IF app.rolsuper THEN
    RAISE EXCEPTION 'the role sendcase_app must not be a superuser';
  END IF;
  IF pg_has_role('sendcase_app', current_user, 'MEMBER') THEN
    RAISE EXCEPTION 'the role sendcase_app must not be a member of the owner role %', current_user;
  END IF;
  -- an administrator may have made it so already (an existing server)
  IF NOT app.rolcanlogin OR app.rolinherit THEN
    ALTER ROLE sendcase_app LOGIN NOINHERIT;
  END IF;
  -- PostgreSQL's log keeps only the first line of the role's errors: a
  -- refused row ("Failing row contains ...") never reaches it. Only a
  -- superuser may set this; on an existing server an administrator does.
  IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    ALTER ROLE sendcase_app SET log_error_verbosity = 'terse';
  END IF;
END
$$;

-- 2. the audit trail -------------------------------------------------------

ALTER TABLE audit_event ADD COLUMN resource_ids text[];  -- the ids a list read showed
ALTER TABLE audit_event DROP CONSTRAINT audit_event_outcome;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_outcome
  CHECK (outcome IN ('success', 'failure', 'denied', 'replayed'));
CREATE INDEX audit_event_resource_ids_idx ON audit_event USING gin (resource_ids);

CREATE VIEW audit_entry AS
  SELECT NULL::jsonb AS actor, NULL::text AS outcome, NULL::text AS resource_id, NULL::text[] AS resource_ids
  WHERE false;

CREATE FUNCTION audit_entry_write() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
BEGIN
  IF NEW.actor IS NULL OR NEW.actor->>'action' IS NULL THEN
    RAISE EXCEPTION 'an audit entry needs an actor with an action';
  END IF;
  IF coalesce((NEW.actor->>'read')::boolean, false) AND NEW.outcome = 'success' THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO audit_event (user_id, username, role, request_id, source_address,
                           action, resource_type, resource_id, resource_ids, outcome)
  VALUES ((NEW.actor->>'user_id')::bigint, NEW.actor->>'username', NEW.actor->>'role',
          NEW.actor->>'request_id', NEW.actor->>'source_address',
          NEW.actor->>'action', NEW.actor->>'resource_type',
          NEW.resource_id, NEW.resource_ids, NEW.outcome);
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION audit_entry_write() FROM PUBLIC;

CREATE TRIGGER audit_entry_insert
  INSTEAD OF INSERT ON audit_entry
  FOR EACH ROW EXECUTE FUNCTION audit_entry_write();

REVOKE INSERT ON audit_event FROM sendcase_app;
GRANT INSERT ON audit_entry TO sendcase_app;

-- 3. locks and replays -----------------------------------------------------

-- Each attempt is recorded before the password is checked, with the lock it
-- causes if it fails: the username's (or the address's) lock lasts until the
-- latest of these. A success deletes the username's rows.
ALTER TABLE sign_in_failure ADD COLUMN username_locked_until timestamptz;
ALTER TABLE sign_in_failure ADD COLUMN address_locked_until timestamptz;

-- the record a create made, for the audit row of its replay
ALTER TABLE idempotency_key ADD COLUMN resource_id text;
