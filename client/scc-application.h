/* scc-application.h
 *
 * SccApplication: the sendcase AdwApplication. Owns the one SccApiClient
 * every window and page talks to the server through, the app actions
 * (app.about, app.quit) and the --server command-line option.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-api-client.h"

G_BEGIN_DECLS

#define SCC_TYPE_APPLICATION (scc_application_get_type ())

G_DECLARE_FINAL_TYPE (SccApplication, scc_application, SCC, APPLICATION, AdwApplication)

gboolean        scc_application_check_settings  (GError        **error);
SccApplication *scc_application_new            (void);
SccApiClient   *scc_application_get_api_client (SccApplication *self);

G_END_DECLS
