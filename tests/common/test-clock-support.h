/* test-clock-support.h
 *
 * Helpers for the clock's table tests: run a case history written as JSON
 * with single quotes (so a test reads like the contract), then ask for one
 * milestone's due date, status or completion by id and key.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-clock.h"

G_BEGIN_DECLS

/* @events: a JSON array of events, or a whole input object, with ' for ".
 * Fails the test if the input is refused. */
ScClockResult *tc_run        (const char    *events,
                              const char    *today);
ScDay          tc_day        (const char    *text);

/* The milestone @id with @key (NULL: key null), the @nth (from 0) in output
 * order, or NULL. */
const ScMilestone *tc_find   (ScClockResult *result,
                              const char    *id,
                              const char    *key,
                              guint          nth);
/* How many milestones have @id (any key). */
guint          tc_count      (ScClockResult *result,
                              const char    *id);

/* One milestone as "due=YYYY-MM-DD status=S completed_on=D|null",
 * "missing" if there is none; interned, so tests compare it with
 * g_assert_cmpstr and the failing line is the test's own. */
const char    *tc_state      (ScClockResult *result,
                              const char    *id,
                              const char    *key);
const char    *tc_state_nth  (ScClockResult *result,
                              const char    *id,
                              const char    *key,
                              guint          nth);
/* The warning codes in order, comma-separated, "" for none; interned. */
const char    *tc_warnings   (ScClockResult *result);
/* The whole output as compact JSON, as sc_clock_result_to_json gives it. */
char          *tc_to_json    (ScClockResult *result);
/* Single quotes to double quotes. */
char          *tc_json       (const char    *text);

G_END_DECLS
