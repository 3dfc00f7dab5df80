-- 0014-milestone-slots.sql
--
-- A milestone's position was its place in the clock's order, which groups
-- the milestones by kind: a complaint recorded on a case moved every
-- milestone after the complaints' place, and each one moved was written
-- again, with its indexes and the check of its start event's key (eight
-- rows for one event, on average, at national size). A milestone's
-- position is now a slot that stays its own for as long as it stands:
-- its start event's position times 4096, plus its kind (the clock's list
-- of milestones, in this order) times 128, plus its turn among any others
-- of that kind from the same event (sc_clock_result_get_milestone_slot).
-- An event recorded writes only the milestones it changes. Numbering the
-- rows kept here the same way spares each case one rewrite of them all at
-- its next event. Through negative numbers, so that no row meets another's
-- key on the way.
UPDATE case_milestone m SET position = -s.slot
FROM (SELECT m.case_id, m.position,
             e.position * 4096
             + (array_position(ARRAY['assessment_decision', 'final_plan', 'advice', 'no_plan_decision',
                                     'draft_comments', 'consultation_response', 'annual_review',
                                     'review_report', 'review_decision', 'amendment_comments', 'amended_plan',
                                     'phase_transfer_plan', 'reassessment_decision', 'reassessment_plan',
                                     'transfer_notice', 'appeal_window', 'appeal_response',
                                     'order_assessment_notice', 'order_draft_plan', 'order_final_plan',
                                     'order_amended_plan', 'complaint_acknowledgement',
                                     'complaint_response'], m.milestone) - 1) * 128
             + least(row_number() OVER (PARTITION BY m.case_id, m.start_event_id, m.milestone
                                        ORDER BY m.position) - 1, 127) AS slot
      FROM case_milestone m JOIN case_event e ON e.id = m.start_event_id) s
WHERE m.case_id = s.case_id AND m.position = s.position;
UPDATE case_milestone SET position = -position WHERE position < 0;
