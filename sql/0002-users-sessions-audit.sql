-- 0002-users-sessions-audit.sql
--
-- Who may sign in, their sessions, the sign-in failures that drive the
-- lockout, the idempotency keys of retried creates, and the audit trail.
--
-- The daemon works as sendcase_app, which is granted only what it needs:
-- users are deactivated, never deleted (no DELETE on app_user), and the audit
-- trail is append-only (no UPDATE, DELETE or TRUNCATE on audit_event, and a
-- trigger that refuses them for every role, the owner included).

CREATE TABLE role (
  name  text PRIMARY KEY,
  title text NOT NULL
);

INSERT INTO role (name, title) VALUES
  ('caseworker', 'Caseworker'),
  ('team_manager', 'Team manager'),
  ('admin_officer', 'Admin officer'),
  ('system_admin', 'System administrator');

CREATE TABLE app_user (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username            text NOT NULL,
  full_name           text NOT NULL DEFAULT '',
  role                text NOT NULL REFERENCES role (name),
  password_hash       text NOT NULL,
  active              boolean NOT NULL DEFAULT true,
  version             integer NOT NULL DEFAULT 1,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  CONSTRAINT app_user_full_name_length CHECK (char_length(full_name) <= 200)
);
CREATE UNIQUE INDEX app_user_username_key ON app_user (username);

CREATE TABLE session (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash     text NOT NULL UNIQUE,   -- SHA-256 of the token, hex; the token itself is never stored
  user_id        bigint NOT NULL REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  last_seen_at   timestamptz NOT NULL DEFAULT now(),
  expires_at     timestamptz NOT NULL,   -- the absolute end
  ended_at       timestamptz,            -- signed out, or ended by a password change
  source_address text
);
CREATE INDEX session_user_idx ON session (user_id) WHERE ended_at IS NULL;

CREATE TABLE sign_in_failure (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username       text NOT NULL,
  source_address text NOT NULL,
  at             timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX sign_in_failure_username_idx ON sign_in_failure (username, at);
CREATE INDEX sign_in_failure_address_idx ON sign_in_failure (source_address, at);

CREATE TABLE idempotency_key (
  user_id      bigint NOT NULL REFERENCES app_user (id),
  key          text NOT NULL,
  request_hash text NOT NULL,
  status       integer NOT NULL,
  etag         text,
  location     text,
  body         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);

CREATE TABLE audit_event (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  user_id        bigint REFERENCES app_user (id),
  username       text,                   -- as typed, for failed sign-ins too
  role           text,
  action         text NOT NULL,          -- e.g. session.create, user.update, case.read
  resource_type  text,
  resource_id    text,
  request_id     text,
  source_address text,
  outcome        text NOT NULL,
  CONSTRAINT audit_event_outcome CHECK (outcome IN ('success', 'failure', 'denied'))
);
CREATE INDEX audit_event_at_idx ON audit_event (at);
CREATE INDEX audit_event_resource_idx ON audit_event (resource_type, resource_id, at);
CREATE INDEX audit_event_user_idx ON audit_event (user_id, at);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

GRANT SELECT ON role TO sendcase_app;
GRANT SELECT, INSERT, UPDATE ON app_user TO sendcase_app;
GRANT SELECT, INSERT, UPDATE ON session TO sendcase_app;
GRANT SELECT, INSERT, DELETE ON sign_in_failure TO sendcase_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO sendcase_app;
GRANT SELECT, INSERT ON audit_event TO sendcase_app;
