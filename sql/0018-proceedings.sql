-- 0018-proceedings.sql
--
-- What an amendment, a reassessment, a ceasing or a transfer in holds
-- beyond its dates. The dates are the case's events and the clock's
-- milestones; a proceeding is named by the event that started it
-- (amendment_notice_issued, reassessment_requested, cease_decided,
-- transfer_in). Here: one date, one party and notes, read by kind (the
-- comments received, who asked for a reassessment, the decision notice
-- sent for a ceasing, the authority a plan came from), and a ceasing's
-- ground, changed at the version they were read at.
CREATE TABLE case_proceeding (
  case_id          bigint NOT NULL REFERENCES ehc_case (id),
  start_event_id   bigint NOT NULL REFERENCES case_event (id),
  noted_on         date,
  party            text,
  ground           text,
  notes            text,
  version          integer NOT NULL DEFAULT 1,
  updated_by       bigint NOT NULL REFERENCES app_user (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, start_event_id),
  CONSTRAINT case_proceeding_party_length CHECK (char_length(party) <= 200),
  CONSTRAINT case_proceeding_notes_length CHECK (char_length(notes) <= 4000),
  CONSTRAINT case_proceeding_ground CHECK (ground IN ('no_longer_necessary', 'moved_away', 'higher_education',
                                                      'employment', 'left_education', 'age_25'))
);

-- written only at a version: what is recorded changes, never whose it is
GRANT SELECT, INSERT ON case_proceeding TO sendcase_app;
GRANT UPDATE (noted_on, party, ground, notes, version, updated_by, updated_at) ON case_proceeding TO sendcase_app;
