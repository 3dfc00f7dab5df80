/* sc-test-daemon.h
 *
 * Spawns the real build/server/sendcased for a test, on 127.0.0.1 and a port
 * the kernel picks, waits until it answers, and talks to it with a real
 * SoupSession. Its standard error goes to a log file kept beside the test's
 * temporary directory and printed when a test fails.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libsoup/soup.h>
#include <json-glib/json-glib.h>

#include "sc-test-cluster.h"

G_BEGIN_DECLS

typedef struct _ScTestDaemon ScTestDaemon;

typedef struct
{
  guint               status;
  SoupMessageHeaders *headers;  /* response headers, owned */
  GBytes             *body;     /* owned, never NULL */
  JsonNode           *json;     /* parsed body or NULL, owned */
} ScTestResponse;

/* @args: NULL-terminated extra arguments for sendcased, e.g.
 * { "--database", conninfo, NULL } or { "--data-dir", dir, NULL }.
 * "--listen 127.0.0.1:0" and "--port-file" are added unless @args has
 * its own --listen. Returns NULL with @error if it did not become ready
 * within 30 s or exited. */
ScTestDaemon   *sc_test_daemon_spawn        (const char * const *args,
                                             GError            **error);
/* The two halves of sc_test_daemon_spawn, to start several daemons at once:
 * start returns as soon as the process runs (NULL only if it could not be
 * executed); wait_ready waits for its port file as spawn does, and on
 * failure leaves a daemon that may only be freed. */
ScTestDaemon   *sc_test_daemon_start        (const char * const *args,
                                             GError            **error);
gboolean        sc_test_daemon_wait_ready   (ScTestDaemon       *daemon,
                                             GError            **error);
/* Sends SIGTERM and waits; returns the exit status (or -1 if killed). A
 * daemon that ends otherwise than stopped with status 0 or killed with
 * sc_test_daemon_kill fails the test when it is freed (see the .c file). */
int             sc_test_daemon_stop         (ScTestDaemon       *daemon);
void            sc_test_daemon_kill         (ScTestDaemon       *daemon);
void            sc_test_daemon_free         (ScTestDaemon       *daemon);
GPid            sc_test_daemon_get_pid      (ScTestDaemon       *daemon);
/* e.g. "http://127.0.0.1:40123" (no trailing slash) */
const char     *sc_test_daemon_get_base_url (ScTestDaemon       *daemon);
const char     *sc_test_daemon_get_log_path (ScTestDaemon       *daemon);
/* The daemon's log so far. */
char           *sc_test_daemon_dup_log      (ScTestDaemon       *daemon);

/* One HTTP request, synchronous. @body may be NULL; @headers is a
 * NULL-terminated list of "Name", "value" pairs, or NULL. */
ScTestResponse *sc_test_daemon_request      (ScTestDaemon       *daemon,
                                             const char         *method,
                                             const char         *path,
                                             const char         *content_type,
                                             const char         *body,
                                             const char * const *headers);
void            sc_test_response_free       (ScTestResponse     *response);
const char     *sc_test_response_get_string (ScTestResponse     *response,
                                             const char         *member);
gint64          sc_test_response_get_int    (ScTestResponse     *response,
                                             const char         *member);

/* Path of a built program, from SC_BUILD_ROOT: e.g. "server/sendcased". */
char           *sc_test_build_path          (const char         *relative);
/* A new empty temporary directory, removed by sc_test_rm_rf. */
char           *sc_test_make_tmpdir         (const char         *prefix);
void            sc_test_rm_rf               (const char         *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTestDaemon, sc_test_daemon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScTestResponse, sc_test_response_free)

G_END_DECLS

G_BEGIN_DECLS

/* The demo users of `sendcased --demo-data`, one per role. */
#define SC_TEST_DEMO_PASSWORD "demo-password-2026"

/* sendcased on @cluster's database with the demo data and @extra_args
 * (NULL-terminated, may be NULL) added; asserts that it became ready. */
ScTestDaemon   *sc_test_daemon_spawn_demo   (ScTestCluster      *cluster,
                                             const char * const *extra_args);

/* The fixture of most server tests: a throwaway cluster, and sendcased on
 * it with the demo data. As g_test_add()'s set-up, @extra_args is its test
 * data: NULL or more arguments for sendcased, NULL-terminated.
 *
 *   typedef ScTestServer Fixture;
 *   g_test_add ("/server/x/y", Fixture, NULL, sc_test_server_setup, test_y, sc_test_server_teardown);
 */
typedef struct
{
  ScTestCluster *cluster;
  ScTestDaemon  *daemon;
} ScTestServer;

void            sc_test_server_setup        (ScTestServer       *server,
                                             gconstpointer       extra_args);
void            sc_test_server_teardown     (ScTestServer       *server,
                                             gconstpointer       unused);

/* Signs in; asserts success; returns the token. */
char           *sc_test_sign_in             (ScTestDaemon       *daemon,
                                             const char         *username,
                                             const char         *password);
/* A request with "Authorization: Bearer @token" (if not NULL) and, for a
 * body, Content-Type application/json; @extra_headers as for
 * sc_test_daemon_request. */
ScTestResponse *sc_test_authed              (ScTestDaemon       *daemon,
                                             const char         *token,
                                             const char         *method,
                                             const char         *path,
                                             const char         *body,
                                             const char * const *extra_headers);
/* A new child, @given_name @family_name born @date_of_birth, and their
 * case, its request received from a parent on @received, opened by
 * @token (held by @owner_id when > 0, else by the one who opens it):
 * the case's id. A refusal ends the test, saying what was answered. */
gint64          sc_test_open_case           (ScTestDaemon       *daemon,
                                             const char         *token,
                                             const char         *given_name,
                                             const char         *family_name,
                                             const char         *date_of_birth,
                                             const char         *received,
                                             gint64              owner_id);

G_END_DECLS
