-- 0017-reviews.sql
--
-- What a case's annual reviews hold beyond their dates. The dates are the
-- case's events (review_meeting, review_report_received, review_decision)
-- and the clock's milestones; a review is named by the event that started
-- its annual_review milestone (the final plan, the decision of the review
-- before, a transfer in), which is never deleted. Here: when the
-- invitations went out, the meeting's planned date, who attended and the
-- reasons for the decision, changed at the version they were read at.
CREATE TABLE case_review (
  case_id          bigint NOT NULL REFERENCES ehc_case (id),
  start_event_id   bigint NOT NULL REFERENCES case_event (id),
  invitations_sent date,
  meeting_planned  date,
  attendees        text[] NOT NULL DEFAULT '{}',
  reasons          text,
  version          integer NOT NULL DEFAULT 1,
  updated_by       bigint NOT NULL REFERENCES app_user (id),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, start_event_id),
  CONSTRAINT case_review_reasons_length CHECK (char_length(reasons) <= 4000),
  CONSTRAINT case_review_attendees CHECK (cardinality(attendees) <= 40)
);

GRANT SELECT, INSERT, UPDATE ON case_review TO sendcase_app;
