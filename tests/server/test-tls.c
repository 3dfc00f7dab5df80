/* test-tls.c
 *
 * Transport: with --tls-cert/--tls-key the daemon serves HTTPS (with a
 * certificate the test makes with openssl); plain HTTP to it fails; without
 * TLS it refuses a non-loopback address unless --insecure-listen is given.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "sc-test-cluster.h"
#include "sc-test-daemon.h"

static gboolean
accept_our_certificate_cb (SoupMessage          *msg,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              user_data)
{
  GTlsCertificate *ours = user_data;

  /* self-signed, so "unknown CA": accept it only if it is the one we made */
  return g_tls_certificate_is_same (certificate, ours);
}

static void
test_https (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  g_autofree char *dir = sc_test_make_tmpdir ("sc-tls-XXXXXX");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  const char *openssl[] = { "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                            "-keyout", key, "-out", cert, NULL };
  const char *args[] = { "--database", NULL, "--tls-cert", cert, "--tls-key", key, NULL };
  g_autoptr(ScTestDaemon) daemon = NULL;
  g_autoptr(GTlsCertificate) ours = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(SoupMessage) plain = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GBytes) plain_body = NULL;
  g_autofree char *url = NULL;
  g_autofree char *plain_url = NULL;
  int status = 0;

  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) openssl, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  ours = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);

  args[1] = sc_test_cluster_get_conninfo (cluster);
  daemon = sc_test_daemon_spawn (args, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sc_test_daemon_get_base_url (daemon), "https://127.0.0.1:"));

  url = g_strconcat (sc_test_daemon_get_base_url (daemon), "/api/v1/health", NULL);
  msg = soup_message_new ("GET", url);
  g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_our_certificate_cb), ours);
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (g_tls_certificate_is_same (soup_message_get_tls_peer_certificate (msg), ours));

  /* plain HTTP to the HTTPS port gets no answer */
  plain_url = g_strconcat ("http://", sc_test_daemon_get_base_url (daemon) + strlen ("https://"), "/api/v1/health",
                           NULL);
  plain = soup_message_new ("GET", plain_url);
  plain_body = soup_session_send_and_read (session, plain, NULL, &error);
  g_assert_true (error != NULL || soup_message_get_status (plain) != 200);
  g_clear_error (&error);

  g_assert_cmpint (sc_test_daemon_stop (daemon), ==, 0);
  sc_test_rm_rf (dir);
}

static void
test_bad_certificate (void)
{
  g_autofree char *sendcased = sc_test_build_path ("server/sendcased");
  const char *argv[] = { sendcased, "--database", "host=/nonexistent", "--tls-cert", "/nonexistent/cert.pem",
                         "--tls-key", "/nonexistent/key.pem", "--listen", "127.0.0.1:0", NULL };
  g_autofree char *err = NULL;
  int status = 0;

  /* checked before the database is touched (which is unreachable here) */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, NULL));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "could not load the TLS certificate \"/nonexistent/cert.pem\""));
}

static void
test_non_loopback_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ScTestCluster) cluster = sc_test_cluster_new (&error);
  const char *refused_args[] = { "--database", NULL, "--listen", "0.0.0.0:0", NULL };
  const char *allowed_args[] = { "--database", NULL, "--listen", "0.0.0.0:0", "--insecure-listen", NULL };
  g_autoptr(ScTestDaemon) refused = NULL;
  g_autoptr(ScTestDaemon) allowed = NULL;

  g_assert_no_error (error);
  refused_args[1] = allowed_args[1] = sc_test_cluster_get_conninfo (cluster);
  refused = sc_test_daemon_spawn (refused_args, &error);
  g_assert_null (refused);
  g_assert_nonnull (strstr (error->message, "refusing to serve plain HTTP on 0.0.0.0"));
  g_clear_error (&error);

  allowed = sc_test_daemon_spawn (allowed_args, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sc_test_daemon_stop (allowed), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/server/tls/https", test_https);
  g_test_add_func ("/server/tls/bad-certificate", test_bad_certificate);
  g_test_add_func ("/server/tls/non-loopback-refused", test_non_loopback_refused);
  return g_test_run ();
}
