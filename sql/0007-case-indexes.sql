-- 0007-case-indexes.sql
--
-- Every read of a case answers with the date of its live request
-- (SCD_CASE_REQUEST_RECEIVED in server/store/scd-case-store-private.h), a
-- list of them one per case: a caseload of 250 cases asked for 250. Through
-- case_event_position that meant reading each case's every event (some
-- twenty) for the one request among them; this index holds the live
-- requests alone, and answers min(date) of a case from the index.
CREATE INDEX case_event_request_idx ON case_event (case_id, date)
  WHERE type = 'request_received' AND voided_at IS NULL;
