-- 0016-plan-versions.sql
--
-- The issued versions of a case's plan: the draft frozen, whole, by the
-- event that issued a draft, final or amended plan (or an amendment
-- notice: the amendments it proposes), in that event's
-- transaction, numbered from 1 per case, with the quality warnings it had.
-- A version is never changed or deleted: the daemon's role may only add
-- and read them.
CREATE TABLE plan_version (
  case_id     bigint NOT NULL REFERENCES ehc_case (id),
  number      integer NOT NULL,
  kind        text NOT NULL,
  event_id    bigint NOT NULL REFERENCES case_event (id),
  sections    json NOT NULL,
  warnings    json NOT NULL,
  issued_by   bigint NOT NULL REFERENCES app_user (id),
  issued_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, number),
  CONSTRAINT plan_version_kind CHECK (kind IN ('draft', 'final', 'amended', 'proposed')),
  CONSTRAINT plan_version_number CHECK (number > 0)
);

GRANT SELECT, INSERT ON plan_version TO sendcase_app;
