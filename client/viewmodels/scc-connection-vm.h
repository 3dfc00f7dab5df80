/* scc-connection-vm.h
 *
 * The window's view of the server: which server the user wants, whether
 * that address is usable, and what the server said when last asked for its
 * health; it asks again by itself, so the state stays true (the sign-in
 * page's status line, the offline banner). No widgets, so it is tested
 * without a display (tests/client/test-connection-vm.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "scc-api-client.h"

G_BEGIN_DECLS

typedef enum
{
  SCC_CONNECTION_STATE_IDLE,        /* nothing asked yet, or the last attempt was cancelled */
  SCC_CONNECTION_STATE_CONNECTING,  /* a health request is in flight */
  SCC_CONNECTION_STATE_CONNECTED,   /* the daemon and its database answer */
  SCC_CONNECTION_STATE_UNREACHABLE, /* no usable answer: refused, DNS, timeout, not sendcase */
  SCC_CONNECTION_STATE_DEGRADED,    /* the daemon answers but cannot reach its database */
} SccConnectionState;

#define SCC_TYPE_CONNECTION_STATE (scc_connection_state_get_type ())
GType scc_connection_state_get_type (void) G_GNUC_CONST;

#define SCC_TYPE_CONNECTION_VM (scc_connection_vm_get_type ())

G_DECLARE_FINAL_TYPE (SccConnectionVm, scc_connection_vm, SCC, CONNECTION_VM, GObject)

SccConnectionVm    *scc_connection_vm_new               (SccApiClient     *api_client);
SccApiClient       *scc_connection_vm_get_api_client    (SccConnectionVm  *self);
const char         *scc_connection_vm_get_server_url    (SccConnectionVm  *self);
void                scc_connection_vm_set_server_url    (SccConnectionVm  *self,
                                                         const char       *server_url);
const char         *scc_connection_vm_get_url_error     (SccConnectionVm  *self);
gboolean            scc_connection_vm_get_busy          (SccConnectionVm  *self);
SccConnectionState  scc_connection_vm_get_state         (SccConnectionVm  *self);
const char         *scc_connection_vm_get_target_url    (SccConnectionVm  *self);
const char         *scc_connection_vm_get_version       (SccConnectionVm  *self);
gint64              scc_connection_vm_get_schema_version (SccConnectionVm *self);
const char         *scc_connection_vm_get_error_message (SccConnectionVm  *self);

gboolean            scc_connection_vm_connect           (SccConnectionVm  *self);
gboolean            scc_connection_vm_retry             (SccConnectionVm  *self);
gboolean            scc_connection_vm_check_now         (SccConnectionVm  *self);
void                scc_connection_vm_cancel            (SccConnectionVm  *self);

gboolean            scc_connection_vm_check_url         (const char       *url,
                                                         GError          **error);

G_END_DECLS
