-- 0012-handed-over-by.sql
--
-- A handover note says what the new owner must know; the case also keeps
-- who handed it over and when, so the new owner knows whom to ask. Written
-- by a handover (POST /caseload/handover) and by a change of owner
-- (PATCH /cases/{id}); the audit trail keeps every one of them.
ALTER TABLE ehc_case
  ADD COLUMN handed_over_by bigint REFERENCES app_user (id),
  ADD COLUMN handed_over_at timestamptz;
