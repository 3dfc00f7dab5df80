/* scd-demo-authority.h
 *
 * A synthetic local authority for `sendcased --demo-data`: caseworkers, the
 * children and young people they hold cases for, and each case's history of
 * statutory events over the last three years, made up from a seed. The same
 * seed and the same "today" always give the same authority. Nobody in it is
 * real: names are put together from common first and family names, NHS
 * numbers come from the range the NHS keeps for tests (999 000 0000 to
 * 999 999 9999), UPNs carry the local authority number 999, which no
 * authority has, telephone numbers are in Ofcom's range for drama
 * (07700 900000 to 07700 900999), email addresses are at example.org, and
 * postcodes are in the ZZ99 area that no address has.
 *
 * Every event of every history passes sc_case_check_event() on the day it
 * is dated, so the cases are ones a caseworker could have recorded; some
 * are late, some have exceptions, some have ended.
 *
 * This file makes the data; loading it is the stores' work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-case-rules.h"

G_BEGIN_DECLS

/* The fictional authority the demo is: its code and name, as its transfer
 * files name it */
#define SCD_DEMO_AUTHORITY_CODE "990"
#define SCD_DEMO_AUTHORITY_NAME "Demo Borough Council"


typedef struct
{
  char *username;    /* "caseworker", then "cw.2", "cw.3", ... */
  char *full_name;
} ScdDemoCaseworker;

typedef struct
{
  char          *person;           /* the person's create input, as JSON (POST /api/v1/people) */
  guint          owner;            /* index into the authority's caseworkers */
  const char    *request_source;   /* "parent", "setting", ... */
  ScCaseHistory *history;          /* its events, in the order they were recorded */
} ScdDemoCase;

typedef struct _ScdDemoAuthority
{
  GPtrArray *caseworkers;   /* of ScdDemoCaseworker */
  GPtrArray *cases;         /* of ScdDemoCase */
} ScdDemoAuthority;

/* @n_caseworkers caseworkers (the first is the demo user "caseworker"), each
 * holding between @min_cases and @max_cases cases, made from @seed, with no
 * event after @today. */
ScdDemoAuthority *scd_demo_authority_new  (guint32           seed,
                                           guint             n_caseworkers,
                                           guint             min_cases,
                                           guint             max_cases,
                                           ScDay             today);
void              scd_demo_authority_free (ScdDemoAuthority *authority);

/* One case's history as the authority's are made: the journey of a child
 * born on @date_of_birth from a request on @request, drawn from @rand, each
 * event kept if the case rules accept it on its day, none after @today. */
ScCaseHistory    *scd_demo_history_new    (GRand            *rand,
                                           ScDay             date_of_birth,
                                           ScDay             request,
                                           ScDay             today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdDemoAuthority, scd_demo_authority_free)

G_END_DECLS
