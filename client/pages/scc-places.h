/* scc-places.h
 *
 * The pages a role may open from its home page and the account menu, as
 * one table, so the two never disagree and both follow docs/access.md:
 * users for system administrators, the audit trail for team managers and
 * system administrators. A page not listed for a role is not offered to
 * it (the server would refuse it anyway).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-role.h"

G_BEGIN_DECLS

typedef struct
{
  const char *page;       /* the page's name in the window */
  const char *icon_name;
  const char *title;      /* untranslated (N_()), with a mnemonic */
  const char *subtitle;   /* untranslated */
  const char *accel;      /* the window's shortcut, for the menu, or NULL */
  guint       roles;      /* 1 << ScRole for each role that may */
} SccPlace;

/* Every place, in order, ending with a zeroed one. */
const SccPlace *scc_places_get      (void);
/* Whether @role may open @place. */
gboolean        scc_place_allows    (const SccPlace *place,
                                     ScRole          role);

/* The page a session of @role begins on. */
const char     *scc_places_first_page (ScRole        role);

G_END_DECLS
