/* scc-offline-banner.h
 *
 * SccOfflineBanner: a strip under a signed-in page's header bar that says
 * the server cannot be reached (or cannot reach its database) while that
 * is so, and slides away by itself when the connection comes back. It
 * follows an SccConnectionVm, which keeps checking; "Retry Now" checks at
 * once. libadwaita 1.2 has no AdwBanner: this is a GtkRevealer with a box
 * styled .scc-banner (style.css).
 *
 *   <object class="SccOfflineBanner">
 *     <binding name="connection"><lookup name="connection">SccHomePage</lookup></binding>
 *   </object>
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "scc-connection-vm.h"

G_BEGIN_DECLS

#define SCC_TYPE_OFFLINE_BANNER (scc_offline_banner_get_type ())

G_DECLARE_FINAL_TYPE (SccOfflineBanner, scc_offline_banner, SCC, OFFLINE_BANNER, GtkWidget)

SccConnectionVm *scc_offline_banner_get_connection (SccOfflineBanner *self);
void             scc_offline_banner_set_connection (SccOfflineBanner *self,
                                                    SccConnectionVm  *connection);
gboolean         scc_offline_banner_get_revealed   (SccOfflineBanner *self);
const char      *scc_offline_banner_get_text       (SccOfflineBanner *self);

G_END_DECLS
