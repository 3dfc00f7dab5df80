/* sc-case-private.h
 *
 * What sc-case-rules.c and sc-case-words.c share: the citations of the law
 * (docs/domain.md gives each one), and each event type's short name and
 * rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-clock.h"

G_BEGIN_DECLS

#define RULE_S38   "Children and Families Act 2014, s38"
#define RULE_S39   "Children and Families Act 2014, s39"
#define RULE_S44   "Children and Families Act 2014, s44"
#define RULE_S45   "Children and Families Act 2014, s45"
#define RULE_S55   "Children and Families Act 2014, s55"
#define RULE_S51   "Children and Families Act 2014, s51"
#define RULE_R5    "SEND Regulations 2014, reg 5(1)"
#define RULE_R8    "SEND Regulations 2014, reg 8(1)"
#define RULE_R10_1 "SEND Regulations 2014, reg 10(1)"
#define RULE_R10_4 "SEND Regulations 2014, reg 10(4)"
#define RULE_R13_1 "SEND Regulations 2014, reg 13(1)"
#define RULE_R13_2 "SEND Regulations 2014, reg 13(2)"
#define RULE_R15   "SEND Regulations 2014, reg 15"
#define RULE_R15_4 "SEND Regulations 2014, reg 15(4)"
#define RULE_R18   "SEND Regulations 2014, reg 18"
#define RULE_R20   "SEND Regulations 2014, reg 20"
#define RULE_R22   "SEND Regulations 2014, reg 22"
#define RULE_R22_C "SEND Regulations 2014, reg 22(2)(c)"
#define RULE_R25   "SEND Regulations 2014, reg 25"
#define RULE_R27   "SEND Regulations 2014, reg 27(2)"
#define RULE_R31   "SEND Regulations 2014, reg 31"
#define RULE_R44   "SEND Regulations 2014, reg 44(2)"
#define RULE_CODE  "LGSCO Complaint Handling Code"

/* A key no recorded event has: stands for "a new adviser, setting,
 * reference" when a step's legality is checked. */
#define NEW_KEY "\001new"

/* "decision to assess": for refusals that name another event */
const char *sc_case_event_title (ScEventType type);
/* the rule that puts an event of @type where it is in a case */
const char *sc_case_event_rule  (ScEventType type);

G_END_DECLS
