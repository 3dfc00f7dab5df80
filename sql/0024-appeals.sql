-- 0024-appeals.sql
--
-- Appeals to the First-tier Tribunal (SEND) about a child's case. An
-- appeal is written whole at its version; its orders are a list of what
-- the tribunal ordered and when ([{"order", "ordered_on"}]), checked by
-- the daemon (common/sc-appeal.c) before they are written. Each step is
-- also the case's event, in the same transaction: appeal_registered and
-- appeal_response_sent keyed by the reference, tribunal_order keyed
-- "REFERENCE/N" for the Nth order, so the case's clock holds the response
-- due and each order's deadlines, and the case's own events complete
-- them. Whether the authority complied is read from case_milestone, never
-- written here; response_due (30 tribunal working days from registration)
-- is kept for the team's list to sort by.
CREATE TABLE appeal (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference        text NOT NULL UNIQUE,
  case_id          bigint NOT NULL REFERENCES ehc_case (id),
  appeal_type      text NOT NULL,
  registered_on    date NOT NULL,
  response_due     date NOT NULL,
  response_sent_on date,
  evidence_due     date,
  hearing_on       date,
  representatives  text,
  outcome          text,
  decided_on       date,
  orders           jsonb NOT NULL DEFAULT '[]',
  notes            text,
  version          integer NOT NULL DEFAULT 1,
  created_by       bigint NOT NULL REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_by       bigint NOT NULL REFERENCES app_user (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT appeal_reference CHECK (reference ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,39}$'),
  CONSTRAINT appeal_type CHECK (appeal_type IN ('refusal_to_assess', 'refusal_to_issue', 'plan_contents',
                                                'refusal_to_amend', 'cease', 'disability_discrimination')),
  CONSTRAINT appeal_outcome CHECK (outcome IN ('upheld', 'partly_upheld', 'dismissed', 'withdrawn', 'conceded')),
  CONSTRAINT appeal_decided CHECK ((outcome IS NULL) = (decided_on IS NULL)),
  CONSTRAINT appeal_orders CHECK (jsonb_typeof(orders) = 'array' AND jsonb_array_length(orders) <= 10),
  CONSTRAINT appeal_representatives_length CHECK (char_length(representatives) <= 400),
  CONSTRAINT appeal_notes_length CHECK (char_length(notes) <= 4000)
);

CREATE INDEX appeal_case_idx ON appeal (case_id);
-- the team's list: those not yet decided by their response due
CREATE INDEX appeal_open_idx ON appeal (response_due, id) WHERE outcome IS NULL;

-- written only at a version: what it is about, its reference and when it
-- was registered never change
GRANT SELECT, INSERT ON appeal TO sendcase_app;
GRANT UPDATE (response_sent_on, evidence_due, hearing_on, representatives, outcome, decided_on, orders, notes,
              version, updated_by, updated_at) ON appeal TO sendcase_app;
