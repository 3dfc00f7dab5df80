/* bench-soup-floor.c
 *
 * The floor under every route's cost: a SoupServer of libsoup 3.2 that
 * answers every request with the same small JSON document and does nothing
 * else (no routing, no session, no database, no log). bench/bench-http
 * drives it like the daemon's routes, in the same run, so each route's cost
 * can be read against what HTTP alone costs with this libsoup on this
 * machine.
 *
 *   bench-soup-floor PORT
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <libsoup/soup.h>

#define ANSWER "{\"status\":\"ok\",\"database\":\"ok\",\"schema_version\":4,\"version\":\"" PACKAGE_VERSION "\"}"

static void
answer_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, ANSWER, strlen (ANSWER));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  guint64 port;

  if (argc != 2 || !g_ascii_string_to_unsigned (argv[1], 10, 1, 65535, &port, NULL))
    {
      fprintf (stderr, "usage: bench-soup-floor PORT\n");
      return 2;
    }
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, answer_cb, NULL, NULL);
  /* the daemon's own listen: a backlog of 128, not libsoup's 10 */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  address = g_inet_socket_address_new_from_string ("127.0.0.1", (guint) port);
  if (socket != NULL)
    g_socket_set_listen_backlog (socket, 128);
  if (socket == NULL || !g_socket_bind (socket, address, TRUE, &error) || !g_socket_listen (socket, &error) ||
      !soup_server_listen_socket (server, socket, 0, &error))
    {
      fprintf (stderr, "bench-soup-floor: %s\n", error->message);
      return 1;
    }
  loop = g_main_loop_new (NULL, FALSE);
  g_main_loop_run (loop);
  return 0;
}
