/* scd-connections.h
 *
 * The daemon's client connections, watched beside the SoupServer that
 * serves them: a deadline for each phase (request headers, request body,
 * idle keep-alive), the close of idle connections that their client closed
 * (libsoup 3.2 keeps those open for ever), and an answer written at once,
 * without reading the request body, for a request refused from its headers.
 *
 * The server tells it what happens to each message; it never answers a
 * request itself except through scd_connections_reply_now().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _ScdConnections ScdConnections;

typedef struct
{
  guint    keepalive_seconds;  /* an idle connection is closed after this */
  guint    header_seconds;     /* request line and headers must arrive within this */
  guint    body_seconds;       /* the whole body must arrive within this after the headers */
  gboolean tls;                /* the server speaks TLS on every connection */
} ScdConnectionLimits;

ScdConnections *scd_connections_new              (SoupServer                *soup,
                                                  const ScdConnectionLimits *limits);
/* Closes every connection it still holds (those being answered or closed). */
void            scd_connections_free             (ScdConnections            *self);

/* The life of a message, as the server sees it. */
void            scd_connections_request_started  (ScdConnections            *self,
                                                  SoupServerMessage         *msg);
void            scd_connections_got_headers      (ScdConnections            *self,
                                                  SoupServerMessage         *msg);
void            scd_connections_handling         (ScdConnections            *self,
                                                  SoupServerMessage         *msg);
void            scd_connections_request_finished (ScdConnections            *self,
                                                  SoupServerMessage         *msg);

/* Takes @msg's connection from libsoup, writes the status, headers and body
 * already set on @msg, and closes the connection without reading the rest
 * of the request. For refusals decided from the headers alone (413).
 * Returns TRUE if it did: the message then never emits request-finished,
 * and the caller accounts for it. FALSE: libsoup answers after the body,
 * with Connection: close. */
gboolean        scd_connections_reply_now        (ScdConnections            *self,
                                                  SoupServerMessage         *msg);

/* Closes every idle keep-alive connection (at the start of a shutdown). */
void            scd_connections_close_idle       (ScdConnections            *self);

/* Connections known (for the log and tests). */
guint           scd_connections_get_count        (ScdConnections            *self);

G_END_DECLS
