-- 0010-milestone-update.sql
--
-- An event used to delete every milestone of its case and insert the
-- clock's again, about twenty rows for one or two that changed, and every
-- index of case_milestone took them all. The case store now updates the
-- rows that changed in place and deletes only those the clock no longer
-- gives (server/store/scd-case-store-txn.c), which needs UPDATE.
GRANT UPDATE ON case_milestone TO sendcase_app;
