-- 0004-session-notify.sql
--
-- The daemon keeps the sessions it has checked for a few seconds, so that a
-- request does not cost a round trip to find its session. What could make a
-- kept session wrong is a change in the database: the session ended (sign-out,
-- a password change, a deactivation) or its user changed (role, activity,
-- password, name). Each such change tells every daemon at its commit, on the
-- channel sendcase_session with the user's id, whoever made it: a daemon, an
-- other daemon on the same database, or sendcasectl. The daemon that made a
-- change forgets the kept sessions itself before it answers.

CREATE FUNCTION session_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'session' THEN
    PERFORM pg_notify('sendcase_session', NEW.user_id::text);
  ELSE
    PERFORM pg_notify('sendcase_session', NEW.id::text);
  END IF;
  RETURN NULL;
END
$$;

-- the refresh of last_seen_at changes nothing a kept session holds
CREATE TRIGGER session_ended_notify
  AFTER UPDATE OF ended_at ON session
  FOR EACH ROW WHEN (OLD.ended_at IS DISTINCT FROM NEW.ended_at)
  EXECUTE FUNCTION session_changed_notify();

CREATE TRIGGER app_user_changed_notify
  AFTER UPDATE ON app_user
  FOR EACH ROW EXECUTE FUNCTION session_changed_notify();
