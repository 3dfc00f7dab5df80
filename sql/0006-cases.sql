-- 0006-cases.sql
--
-- EHC cases: one child's journey from a request for an assessment through
-- the plan, its reviews and its end (docs/domain.md). A case is about one
-- person (0005), is owned by one user and may be assigned to others, and is
-- the list of its dated events: the statutory clock (docs/statutory-clock.md)
-- computes its milestones from the live ones.
--
-- Nothing of a case is deleted by the daemon. A mistaken event is voided
-- (voided_at, voided_by, void_reason), never removed, and counts for nothing
-- on the clock. case_milestone is the clock's output for the case's live
-- events, rewritten whole in the transaction that changes them, so the
-- caseload and the deadlines are read from an index and not recomputed; the
-- timeline route recomputes it for today. A case's assignees are a list the
-- API replaces whole.

CREATE TABLE ehc_case (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version         integer NOT NULL DEFAULT 1,
  person_id       bigint NOT NULL REFERENCES person (id),
  owner_id        bigint NOT NULL REFERENCES app_user (id),
  restricted      boolean NOT NULL DEFAULT false,
  notes           text,
  handover_note   text,
  stage           text NOT NULL,
  -- the earliest open deadline of case_milestone, kept in step with it
  next_due        date,
  next_milestone  text,
  request_source  text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ehc_case_stage CHECK (stage IN ('requested', 'assessing', 'drafting', 'final', 'under_review',
                                             'ceasing', 'ceased', 'transferred_out', 'closed')),
  CONSTRAINT ehc_case_request_source CHECK (request_source IN ('parent', 'setting', 'health', 'social_care',
                                                               'other')),
  CONSTRAINT ehc_case_notes_length CHECK (char_length(notes) <= 10000),
  CONSTRAINT ehc_case_handover_note_length CHECK (char_length(handover_note) <= 10000),
  CONSTRAINT ehc_case_next CHECK ((next_due IS NULL) = (next_milestone IS NULL))
);
-- a caseworker's caseload, by the next deadline
CREATE INDEX ehc_case_caseload_idx ON ehc_case (owner_id, next_due);
CREATE INDEX ehc_case_person_idx ON ehc_case (person_id);
CREATE INDEX ehc_case_stage_idx ON ehc_case (stage);

CREATE TABLE case_assignee (
  case_id  bigint NOT NULL REFERENCES ehc_case (id),
  user_id  bigint NOT NULL REFERENCES app_user (id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_assignee_user_idx ON case_assignee (user_id);

CREATE TABLE case_event (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id      bigint NOT NULL REFERENCES ehc_case (id),
  -- recording order within the case, from 1: the order of ScCaseHistory
  position     integer NOT NULL,
  type         text NOT NULL,
  date         date NOT NULL,
  key          text,
  -- the members of the event's type beyond type, date and key (reason,
  -- outcome, order, route, transfer_year, stage, last_review,
  -- phase_transfer), as the clock's JSON names them
  details      jsonb NOT NULL DEFAULT '{}',
  note         text,
  recorded_by  bigint NOT NULL REFERENCES app_user (id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  voided_at    timestamptz,
  voided_by    bigint REFERENCES app_user (id),
  void_reason  text,
  CONSTRAINT case_event_position UNIQUE (case_id, position),
  CONSTRAINT case_event_details CHECK (jsonb_typeof(details) = 'object'),
  CONSTRAINT case_event_note_length CHECK (char_length(note) <= 2000),
  CONSTRAINT case_event_key_length CHECK (char_length(key) BETWEEN 1 AND 100),
  CONSTRAINT case_event_void CHECK ((voided_at IS NULL) = (voided_by IS NULL)
                                    AND (voided_at IS NULL) = (void_reason IS NULL)),
  CONSTRAINT case_event_void_reason_length CHECK (char_length(void_reason) BETWEEN 1 AND 2000)
);

CREATE TABLE case_milestone (
  case_id         bigint NOT NULL REFERENCES ehc_case (id),
  -- the clock's order of its milestones, from 1
  position        integer NOT NULL,
  milestone       text NOT NULL,
  key             text,
  rule            text NOT NULL,
  start_event_id  bigint NOT NULL REFERENCES case_event (id),
  start_date      date NOT NULL,
  due             date NOT NULL,
  status          text NOT NULL,
  completed_on    date,
  PRIMARY KEY (case_id, position),
  CONSTRAINT case_milestone_status CHECK (status IN ('pending', 'overdue', 'met', 'late', 'excepted',
                                                     'cancelled', 'open', 'closed'))
);
-- the deadlines of every case, by status and date
CREATE INDEX case_milestone_deadline_idx ON case_milestone (status, due);

-- Cases and events are never deleted; milestones and assignees are lists
-- rewritten whole. Identity columns take their next value without a grant
-- on their sequence.
GRANT SELECT, INSERT, UPDATE ON ehc_case TO sendcase_app;
GRANT SELECT, INSERT ON case_event TO sendcase_app;
-- an event is only ever voided
GRANT UPDATE (voided_at, voided_by, void_reason) ON case_event TO sendcase_app;
GRANT SELECT, INSERT, DELETE ON case_milestone TO sendcase_app;
GRANT SELECT, INSERT, DELETE ON case_assignee TO sendcase_app;
