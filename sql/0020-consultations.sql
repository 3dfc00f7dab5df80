-- 0020-consultations.sql
--
-- What a consultation holds beyond its dates. A consultation is the
-- case's consultation_sent event (its key the institution's URN, with the
-- family's preference rank and the plan version sent); its answer and
-- its withdrawal are the case's consultation_response and
-- consultation_withdrawn events, and its 15 days the clock's milestone.
-- Here: what the institution answered and why, the funding it asked for,
-- the negotiation that followed (offers and counter-offers, as a list
-- written whole at the version it was read at) and what was agreed; and
-- each reminder sent to chase it.
CREATE TABLE case_consultation (
  case_id          bigint NOT NULL REFERENCES ehc_case (id),
  start_event_id   bigint NOT NULL REFERENCES case_event (id),
  outcome          text,
  reasons          text,
  band_asked       text,
  amount_asked     bigint,
  offers           jsonb NOT NULL DEFAULT '[]',
  band_agreed      text,
  amount_agreed    bigint,
  agreed_on        date,
  notes            text,
  version          integer NOT NULL DEFAULT 1,
  updated_by       bigint NOT NULL REFERENCES app_user (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, start_event_id),
  CONSTRAINT case_consultation_outcome CHECK (outcome IN ('can_meet_needs', 'cannot_meet_needs',
                                                          'can_meet_with_conditions')),
  CONSTRAINT case_consultation_reasons_length CHECK (char_length(reasons) <= 4000),
  CONSTRAINT case_consultation_notes_length CHECK (char_length(notes) <= 4000),
  CONSTRAINT case_consultation_bands CHECK (char_length(band_asked) <= 20 AND char_length(band_agreed) <= 20),
  CONSTRAINT case_consultation_amounts CHECK (amount_asked >= 0 AND amount_agreed >= 0),
  CONSTRAINT case_consultation_offers CHECK (jsonb_typeof(offers) = 'array')
);

-- one reminder a day at most: a chase sent twice the same day is one
CREATE TABLE consultation_reminder (
  case_id          bigint NOT NULL REFERENCES ehc_case (id),
  start_event_id   bigint NOT NULL REFERENCES case_event (id),
  sent_on          date NOT NULL,
  recorded_by      bigint NOT NULL REFERENCES app_user (id),
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (start_event_id, sent_on)
);

-- the team's consultations are found by their milestone
CREATE INDEX case_milestone_consultation_idx ON case_milestone (due, case_id)
  WHERE milestone = 'consultation_response';

-- written only at a version: what is recorded changes, never whose it is
GRANT SELECT, INSERT ON case_consultation TO sendcase_app;
GRANT UPDATE (outcome, reasons, band_asked, amount_asked, offers, band_agreed, amount_agreed, agreed_on, notes,
              version, updated_by, updated_at) ON case_consultation TO sendcase_app;
-- reminders are never changed
GRANT SELECT, INSERT ON consultation_reminder TO sendcase_app;
