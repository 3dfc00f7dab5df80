-- 0023-complaints.sql
--
-- Complaints to the authority: about a child's case, or about the
-- service with no case. A complaint is written whole at its version; its
-- stages (the first, and the second when it is escalated) are a list of
-- what was received, acknowledged, extended and answered, and the
-- Ombudsman's part an object, both checked by the daemon
-- (common/sc-complaint.c) before they are written. On a case each step
-- is also the case's event (complaint_received, _acknowledged, _extended,
-- _responded keyed by the reference), written in the same transaction, so
-- the case's clock holds its deadlines. next_due and status are what the
-- team's list reads and sorts by.
CREATE TABLE complaint (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference      text NOT NULL UNIQUE,
  case_id        bigint REFERENCES ehc_case (id),
  complainant    text,
  channel        text,
  category       text NOT NULL,
  stage          smallint NOT NULL,
  received_on    date NOT NULL,
  stages         jsonb NOT NULL,
  ombudsman      jsonb,
  notes          text,
  status         text NOT NULL,
  next_due       date,
  version        integer NOT NULL DEFAULT 1,
  created_by     bigint NOT NULL REFERENCES app_user (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_by     bigint NOT NULL REFERENCES app_user (id),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT complaint_reference CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
  CONSTRAINT complaint_complainant_length CHECK (char_length(complainant) <= 200),
  CONSTRAINT complaint_channel CHECK (channel IN ('email', 'letter', 'phone', 'in_person', 'online', 'other')),
  CONSTRAINT complaint_category CHECK (category IN ('delay', 'plan_content', 'communication',
                                                    'provision_not_delivered', 'other')),
  CONSTRAINT complaint_stage CHECK (stage IN (1, 2)),
  CONSTRAINT complaint_stages CHECK (jsonb_typeof(stages) = 'array' AND jsonb_array_length(stages) BETWEEN 1 AND 2),
  CONSTRAINT complaint_ombudsman CHECK (ombudsman IS NULL OR jsonb_typeof(ombudsman) = 'object'),
  CONSTRAINT complaint_notes_length CHECK (char_length(notes) <= 4000),
  CONSTRAINT complaint_status CHECK (status IN ('open', 'closed'))
);

-- the team's list: the open ones by their next deadline
CREATE INDEX complaint_due_idx ON complaint (status, next_due, id);
CREATE INDEX complaint_case_idx ON complaint (case_id) WHERE case_id IS NOT NULL;

-- written only at a version: what it is about and when it came never change
GRANT SELECT, INSERT ON complaint TO sendcase_app;
GRANT UPDATE (complainant, channel, category, stage, stages, ombudsman, notes, status, next_due, version,
              updated_by, updated_at) ON complaint TO sendcase_app;
