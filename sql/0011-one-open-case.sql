-- 0011-one-open-case.sql
--
-- A case is one EHC journey of a person, and a person has at most one
-- journey under way: a second request for a child whose case is open is
-- recorded on that case, not on a new one. The case store refuses the
-- create with 409 naming the open case (server/store/scd-case-store.c);
-- this index holds the rule also for two creates at the same moment, and
-- for a void that would reopen an old case beside a newer one. A case
-- ends ceased, transferred out or closed; a person may then have a new one.
CREATE UNIQUE INDEX ehc_case_one_open_idx ON ehc_case (person_id)
  WHERE stage NOT IN ('ceased', 'transferred_out', 'closed');
