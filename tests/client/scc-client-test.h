/* scc-client-test.h
 *
 * Helpers shared by the client tests: an address nothing listens on,
 * running the main loop until a condition holds, stopping a spawned
 * daemon's database under it, starting a stopped daemon again at the same
 * address, running a test program against a daemon of its own, and saving a widget as a PNG under BUILD/screenshots/ (GTK
 * tests only; tools/refresh-screenshots copies them to docs/screenshots/).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sc-test-daemon.h"

G_BEGIN_DECLS

typedef gboolean (*SccTestCondition) (gpointer user_data);

/* "http://127.0.0.1:PORT" for a port that was just free: connecting to it
 * is refused. */
char     *scc_test_closed_url   (void);
/* Iterates the default main context until @condition holds; fails the
 * test after @timeout_seconds. */
void      scc_test_wait_until   (SccTestCondition condition,
                                 gpointer         user_data,
                                 guint            timeout_seconds);
/* A GAsyncReadyCallback that keeps the result in *(GAsyncResult **)
 * @user_data, and the condition that it has come; a condition that an
 * SccListVm has loaded and is not loading. */
void      scc_test_store_result_cb (GObject      *object,
                                    GAsyncResult *result,
                                    gpointer      user_data);
gboolean  scc_test_result_ready    (gpointer      user_data);
gboolean  scc_test_list_settled    (gpointer      user_data);
/* (transfer full): the day @days from the client's today, YYYY-MM-DD */
char     *scc_test_day_from_today  (int           days);
/* Iterates the default main context for @msec milliseconds. */
void      scc_test_run_for      (guint            msec);
/* Stops the embedded PostgreSQL of a daemon spawned with --data-dir
 * @data_dir ("fast" shutdown), so the daemon is up without its database. */
void      scc_test_stop_database (const char      *data_dir);
/* Starts sendcased again where a stopped one listened (the port of
 * @base_url), with @args (e.g. its --data-dir): the server comes back at
 * the same address. */
ScTestDaemon *scc_test_restart_daemon (const char         *base_url,
                                       const char * const *args);
/* Runs the tests added so far against a daemon of their own: sendcased on
 * a new data directory named from @prefix ("scc-form-XXXXXX"), with
 * "--data-dir DIR" and then @args. While they run, *@daemon is that daemon
 * (a test may stop it, replace it or clear it) and *@data_dir, if not
 * NULL, its directory. @started (may be NULL) is called with its address
 * before the first test and @stopping after the last, e.g. to open and
 * close the window. Prints the daemon's log when a test failed, removes
 * the directory, and returns g_test_run()'s status. */
int       scc_test_run_with_daemon (const char         *prefix,
                                    const char * const *args,
                                    void              (*started) (const char *base_url),
                                    void              (*stopping) (void),
                                    ScTestDaemon      **daemon,
                                    char              **data_dir);
/* Renders @widget (after its next frame) to
 * $SC_BUILD_ROOT/screenshots/@name. */
void      scc_test_save_screenshot (GtkWidget     *widget,
                                    const char    *name);

G_END_DECLS
