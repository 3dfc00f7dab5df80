-- 0015-plan-sections.sql
--
-- The draft EHC plan of a case, section by section (A to K, with H1 and
-- H2: the law's list). Each section is one row with its own version, so
-- two people editing different sections never collide and the same
-- section does (If-Match). The content is the JSON of its kind, checked
-- and normalised by the daemon (common/sc-plan.c) and kept as it was
-- written. A section never written has no row.
CREATE TABLE plan_section (
  case_id     bigint NOT NULL REFERENCES ehc_case (id),
  section     text NOT NULL,
  content     json NOT NULL,
  version     integer NOT NULL,
  updated_by  bigint NOT NULL REFERENCES app_user (id),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, section),
  CONSTRAINT plan_section_section CHECK (section IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h1', 'h2', 'i', 'j', 'k')),
  CONSTRAINT plan_section_version CHECK (version > 0)
);

-- Drafts are changed, never deleted.
GRANT SELECT, INSERT, UPDATE ON plan_section TO sendcase_app;
