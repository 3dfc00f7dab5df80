-- 0026-dispute-views.sql
--
-- An appeal's next deadline and whether it is open, as the case's clock
-- has them: the response while it is awaited (and the appeal not
-- decided), then the earliest open deadline of its orders (milestones
-- keyed REFERENCE/N). The appeals' list and the team's list of every
-- dispute read it; common/sc-appeal.c computes the same for one appeal.
CREATE VIEW appeal_state AS
SELECT a.id,
       least(CASE WHEN a.response_sent_on IS NULL AND a.outcome IS NULL THEN a.response_due END, o.due) AS next_due,
       CASE WHEN a.outcome IS NULL OR o.due IS NOT NULL THEN 'open' ELSE 'closed' END AS status
FROM appeal a
LEFT JOIN LATERAL (SELECT min(m.due) AS due FROM case_milestone m
                   WHERE m.case_id = a.case_id AND left(m.key, length(a.reference) + 1) = a.reference || '/'
                     AND substr(m.key, length(a.reference) + 2) ~ '^[1-9][0-9]*$'
                     AND m.status IN ('pending', 'overdue')) o ON true;

GRANT SELECT ON appeal_state TO sendcase_app;
