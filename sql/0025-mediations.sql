-- 0025-mediations.sql
--
-- Mediation about a child's case, from the day the family asked the
-- mediation adviser. A mediation is written whole at its version; its
-- agreements are a list ([{"what", "due_on", "done_on"}]) checked by the
-- daemon (common/sc-mediation.c) before it is written. The certificate is
-- also the case's mediation_certificate_issued event, in the same
-- transaction, which extends the time to appeal on the case's clock.
-- next_due and status are what the team's list reads and sorts by.
CREATE TABLE mediation (
  id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id                bigint NOT NULL REFERENCES ehc_case (id),
  advice_requested_on    date NOT NULL,
  advice_given_on        date,
  mediation_requested_on date,
  provider               text,
  held_on                date,
  certificate_issued_on  date,
  outcome                text,
  agreements             jsonb NOT NULL DEFAULT '[]',
  notes                  text,
  status                 text NOT NULL,
  next_due               date,
  version                integer NOT NULL DEFAULT 1,
  created_by             bigint NOT NULL REFERENCES app_user (id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  updated_by             bigint NOT NULL REFERENCES app_user (id),
  updated_at             timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT mediation_outcome CHECK (outcome IN ('agreed', 'partly_agreed', 'not_agreed')),
  CONSTRAINT mediation_held CHECK (held_on IS NULL OR mediation_requested_on IS NOT NULL),
  CONSTRAINT mediation_agreements CHECK (jsonb_typeof(agreements) = 'array' AND jsonb_array_length(agreements) <= 20),
  CONSTRAINT mediation_provider_length CHECK (char_length(provider) <= 200),
  CONSTRAINT mediation_notes_length CHECK (char_length(notes) <= 4000),
  CONSTRAINT mediation_status CHECK (status IN ('open', 'closed'))
);

CREATE INDEX mediation_case_idx ON mediation (case_id);
-- the team's list: the open ones by their next deadline
CREATE INDEX mediation_due_idx ON mediation (status, next_due, id);

-- written only at a version: its case and when the advice was asked for
-- never change
GRANT SELECT, INSERT ON mediation TO sendcase_app;
GRANT UPDATE (advice_given_on, mediation_requested_on, provider, held_on, certificate_issued_on, outcome, agreements,
              notes, status, next_due, version, updated_by, updated_at) ON mediation TO sendcase_app;
