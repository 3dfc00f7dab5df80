/* test-password.c
 *
 * Password hashing as the daemon does it. In process: new hashes use the
 * 19 MiB / 2-pass limits and old 64 MiB ones ask to be re-hashed; the pool
 * takes a few checks and refuses the rest at once with SC_ERROR_UNAVAILABLE;
 * checks cancelled before they start are dropped without hashing and give
 * their place back. Against the real daemon: a burst of concurrent sign-ins
 * gets 201 or 503 with Retry-After, and the daemon's peak resident memory
 * stays under 64 MiB.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sodium.h>

#include "sc-error.h"
#include "scd-password.h"
#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

/* --- in process ----------------------------------------------------------- */

static void
test_limits_and_rehash (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  char old[crypto_pwhash_STRBYTES];
  const char *password = "correct horse battery";

  g_assert_true (scd_password_init (&error));
  hash = scd_password_hash (password, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (hash, "$argon2id$v=19$m=19456,t=2,p=1$"));
  g_assert_false (scd_password_needs_rehash (hash));
  g_assert_true (scd_password_verify (hash, password));
  g_assert_false (scd_password_verify (hash, "wrong horse battery"));

  /* what the daemon made before: libsodium's interactive limits, 64 MiB */
  g_assert_cmpint (crypto_pwhash_str (old, password, strlen (password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                      crypto_pwhash_MEMLIMIT_INTERACTIVE), ==, 0);
  g_assert_true (g_str_has_prefix (old, "$argon2id$v=19$m=65536,t=2,p=1$"));
  g_assert_true (scd_password_needs_rehash (old));
  /* still verified, so that the next sign-in can re-hash it */
  g_assert_true (scd_password_verify (old, password));

  g_assert_true (scd_password_needs_rehash ("not a hash"));
  g_assert_true (scd_password_needs_rehash ("$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA"));
}

typedef struct
{
  guint    outstanding;
  guint    matched;
  guint    busy;
  guint    cancelled;
  guint    other;
  GArray  *order;   /* of guint: the job numbers, in the order they ended */
} Results;

typedef struct
{
  Results *results;
  guint    number;
} Job;

static void
verified_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  Results *results = job->results;
  g_autoptr(GError) error = NULL;
  gboolean matches = FALSE;

  if (scd_password_verify_finish_full (result, &matches, &error))
    {
      if (matches)
        results->matched++;
      else
        results->other++;
    }
  else if (g_error_matches (error, SC_ERROR, SC_ERROR_UNAVAILABLE))
    results->busy++;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    results->cancelled++;
  else
    results->other++;
  g_array_append_val (results->order, job->number);
  results->outstanding--;
  g_free (job);
}

static void
verify (Results      *results,
        const char   *hash,
        GCancellable *cancellable,
        guint         number)
{
  Job *job = g_new0 (Job, 1);

  job->results = results;
  job->number = number;
  results->outstanding++;
  scd_password_verify_async (hash, "correct horse battery", cancellable, verified_cb, job);
}

static void
wait_for (Results *results)
{
  while (results->outstanding > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* The pool runs two (one per core, at most two) and queues eight: the
 * eleventh check at once is refused, immediately. */
static void
test_busy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash ("correct horse battery", &error);
  Results results = { 0, 0, 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint capacity = CLAMP (g_get_num_processors (), 1, 2) + 8;
  guint computed_before = scd_password_get_n_computed ();
  guint computed_while_submitting;

  g_assert_no_error (error);
  for (guint i = 0; i < capacity + 6; i++)
    verify (&results, hash, NULL, i);
  computed_while_submitting = scd_password_get_n_computed () - computed_before;
  wait_for (&results);
  g_test_message ("%u checks at once: %u done, %u refused as busy", capacity + 6, results.matched, results.busy);
  g_assert_cmpuint (results.other, ==, 0);
  g_assert_cmpuint (results.cancelled, ==, 0);
  g_assert_cmpuint (results.matched + results.busy, ==, capacity + 6);
  /* exact unless a check finished while the others were being submitted */
  if (computed_while_submitting == 0)
    {
      g_assert_cmpuint (results.busy, ==, 6);
      /* the refusals come back first: they did not wait behind the hashes */
      for (guint i = 0; i < 6; i++)
        g_assert_cmpuint (g_array_index (results.order, guint, i), >=, capacity);
    }
  else
    g_assert_cmpuint (results.busy, >=, 1);
  g_array_unref (results.order);
}

/* Checks queued behind running ones and then cancelled are dropped: they
 * end at once as cancelled, nothing is hashed for them, and their places
 * in the queue are free again. */
static void
test_cancelled_dropped (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = scd_password_hash ("correct horse battery", &error);
  g_autoptr(GCancellable) gone = g_cancellable_new ();
  g_autoptr(GCancellable) already = g_cancellable_new ();
  Results results = { 0, 0, 0, 0, 0, g_array_new (FALSE, FALSE, sizeof (guint)) };
  guint threads = CLAMP (g_get_num_processors (), 1, 2);
  guint computed_before = scd_password_get_n_computed ();
  guint computed;

  g_assert_no_error (error);
  /* fill the workers, then the queue with checks of a client that leaves */
  for (guint i = 0; i < threads; i++)
    verify (&results, hash, NULL, i);
  for (guint i = 0; i < 8; i++)
    verify (&results, hash, gone, 100 + i);
  g_cancellable_cancel (gone);
  /* the queue is free again at once: eight more are taken, not refused */
  for (guint i = 0; i < 8; i++)
    verify (&results, hash, NULL, 200 + i);
  /* a cancellable cancelled before the call: not even queued */
  g_cancellable_cancel (already);
  verify (&results, hash, already, 300);
  wait_for (&results);

  computed = scd_password_get_n_computed () - computed_before;
  g_test_message ("%u hashed, %u dropped as cancelled, %u refused", computed, results.cancelled, results.busy);
  g_assert_cmpuint (results.other, ==, 0);
  g_assert_cmpuint (results.busy, ==, 0);
  g_assert_cmpuint (results.cancelled, ==, 9);
  g_assert_cmpuint (results.matched, ==, threads + 8);
  g_assert_cmpuint (computed, ==, threads + 8);
  g_array_unref (results.order);
}

/* --- the daemon ----------------------------------------------------------- */

typedef struct
{
  ScTestDaemon *daemon;
  GMutex       *lock;
  GCond        *cond;
  gboolean     *go;
  const char   *username;
  const char   *password;   /* NULL: the demo password */
  guint         status;
  gboolean      retry_after;
  gint64        latency;
} SignIn;

static gpointer
sign_in_thread (gpointer data)
{
  SignIn *sign_in = data;
  g_autofree char *body = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"%s\"}", sign_in->username,
                                           sign_in->password != NULL ? sign_in->password : SC_TEST_DEMO_PASSWORD);
  g_autofree char *url = g_strconcat (sc_test_daemon_get_base_url (sign_in->daemon), "/api/v1/sessions", NULL);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  /* a session of its own in a context of its own: sessions are not shared
   * between threads */
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 60, NULL);
  msg = soup_message_new ("POST", url);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);

  g_mutex_lock (sign_in->lock);
  while (!*sign_in->go)
    g_cond_wait (sign_in->cond, sign_in->lock);
  g_mutex_unlock (sign_in->lock);

  start = g_get_monotonic_time ();
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  sign_in->latency = g_get_monotonic_time () - start;
  g_assert_no_error (error);
  sign_in->status = soup_message_get_status (msg);
  sign_in->retry_after = soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                       "Retry-After") != NULL;
  g_clear_object (&msg);
  g_clear_object (&session);
  g_main_context_pop_thread_default (context);
  return NULL;
}

/* Starts one thread a sign-in, the users taken in turn, and lets them all
 * go at the same moment; returns when every one has its answer. */
static void
sign_in_at_once (ScTestDaemon       *daemon,
                 SignIn             *sign_ins,
                 guint               n,
                 const char * const *users,
                 guint               n_users,
                 const char         *password)
{
  g_autofree GThread **threads = g_new0 (GThread *, n);
  GMutex lock;
  GCond cond;
  gboolean go = FALSE;

  g_mutex_init (&lock);
  g_cond_init (&cond);
  for (guint i = 0; i < n; i++)
    {
      sign_ins[i] = (SignIn) { daemon, &lock, &cond, &go, users[i % n_users], password, 0, FALSE, 0 };
      threads[i] = g_thread_new ("sign-in", sign_in_thread, &sign_ins[i]);
    }
  g_usleep (100 * 1000);
  g_mutex_lock (&lock);
  go = TRUE;
  g_cond_broadcast (&cond);
  g_mutex_unlock (&lock);
  for (guint i = 0; i < n; i++)
    g_thread_join (threads[i]);
  g_mutex_clear (&lock);
  g_cond_clear (&cond);
}

/* lockouts far away: these tests are about the hashing, not the lockout */
static const char * const no_lockout[] = { "--lockout-failures", "1000", "--lockout-address-failures", "1000", NULL };

static gint64
status_kib (GPid        pid,
            const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *contents = NULL;
  const char *line;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  line = strstr (contents, field);
  g_assert_nonnull (line);
  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

static void
test_concurrent_sign_ins (void)
{
  static const char * const users[] = { "caseworker", "manager", "officer", "sysadmin" };
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autoptr(ScTestDaemon) daemon = NULL;
  SignIn sign_ins[32];
  guint created = 0;
  guint busy = 0;
  gint64 busy_latency = 0;
  gint64 hwm;
  GPid pid;

  g_assert_no_error (error);
  daemon = sc_test_daemon_spawn_demo (cluster, no_lockout);
  pid = sc_test_daemon_get_pid (daemon);
  /* one sign-in first, so every library is loaded before the burst */
  g_free (sc_test_sign_in (daemon, "sysadmin", SC_TEST_DEMO_PASSWORD));
  g_test_message ("resident before the burst: %" G_GINT64_FORMAT " KiB (peak so far %" G_GINT64_FORMAT " KiB)",
                  status_kib (pid, "VmRSS:"), status_kib (pid, "VmHWM:"));

  sign_in_at_once (daemon, sign_ins, G_N_ELEMENTS (sign_ins), users, G_N_ELEMENTS (users), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sign_ins); i++)
    {
      if (sign_ins[i].status == 201)
        created++;
      else
        {
          g_assert_cmpuint (sign_ins[i].status, ==, 503);
          g_assert_true (sign_ins[i].retry_after);
          busy++;
          busy_latency = MAX (busy_latency, sign_ins[i].latency);
        }
    }
  hwm = status_kib (pid, "VmHWM:");
  g_test_message ("32 sign-ins at once: %u signed in, %u answered 503 (the slowest 503 in %.0f ms); "
                  "peak resident %" G_GINT64_FORMAT " KiB", created, busy, busy_latency / 1000.0, hwm);
  g_assert_cmpuint (created, >=, 2);
  g_assert_cmpuint (busy, >=, 1);
#if defined(__SANITIZE_ADDRESS__)
  g_test_message ("AddressSanitizer build: its own memory makes the 64 MiB bound meaningless here");
#else
  g_assert_cmpint (hwm, <, 64 * 1024);
#endif

  /* afterwards everybody gets in */
  for (guint i = 0; i < G_N_ELEMENTS (users); i++)
    g_free (sc_test_sign_in (daemon, users[i], SC_TEST_DEMO_PASSWORD));
}

/* Wrong passwords, many at once: those the server was too busy to check
 * (503) are not counted towards the lockout, those it checked (401) are. */
static void
test_busy_not_counted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  static const char * const officer[] = { "officer" };
  g_autoptr(ScTestDaemon) daemon = NULL;
  g_autofree char *counted = NULL;
  SignIn sign_ins[24];
  guint refused = 0;
  guint busy = 0;

  g_assert_no_error (error);
  daemon = sc_test_daemon_spawn_demo (cluster, no_lockout);

  sign_in_at_once (daemon, sign_ins, G_N_ELEMENTS (sign_ins), officer, 1, "not-the-password");

  for (guint i = 0; i < G_N_ELEMENTS (sign_ins); i++)
    {
      if (sign_ins[i].status == 401)
        refused++;
      else
        {
          g_assert_cmpuint (sign_ins[i].status, ==, 503);
          busy++;
        }
    }
  g_test_message ("%u wrong passwords at once: %u checked (401), %u not (503)", refused + busy, refused, busy);
  g_assert_cmpuint (busy, >=, 1);
  counted = sc_test_cluster_psql (cluster, "SELECT count(*) FROM sign_in_failure WHERE username = 'officer'",
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_ascii_strtoll (counted, NULL, 10), ==, refused);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/password/limits-and-rehash", test_limits_and_rehash);
  g_test_add_func ("/server/password/busy", test_busy);
  g_test_add_func ("/server/password/cancelled-dropped", test_cancelled_dropped);
  g_test_add_func ("/server/password/concurrent-sign-ins", test_concurrent_sign_ins);
  g_test_add_func ("/server/password/busy-not-counted", test_busy_not_counted);
  return g_test_run ();
}
