/* scd-config.c
 *
 * Reads sendcased's settings. Precedence is the usual one: an option given on
 * the command line wins over the key file, which wins over the default. The
 * key file is a GKeyFile; its [sendcased] group takes the long option names
 * (data-dir, database, listen, max-body-size, ...); an unknown key there is
 * an error, so a misspelt setting is never silently ignored. Other groups,
 * such as [holidays] (sendcasectl timeline and holidays), are not read here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-config"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gio/gio.h>

#include "sc-error.h"
#include "scd-config.h"

#define DEFAULT_MAX_BODY_SIZE (1024 * 1024)
#define DEFAULT_POOL_SIZE 6

ScdConfig *
scd_config_new (void)
{
  ScdConfig *config = g_new0 (ScdConfig, 1);

  config->max_body_size = DEFAULT_MAX_BODY_SIZE;
  config->pool_size = DEFAULT_POOL_SIZE;
  config->session_idle_seconds = 30 * 60;
  config->session_lifetime_seconds = 12 * 60 * 60;
  config->lockout_window_seconds = 15 * 60;
  config->lockout_max_failures = 5;
  config->lockout_address_max_failures = 30;
  config->shutdown_timeout_seconds = 10;
  config->keepalive_timeout_seconds = 60;
  config->header_timeout_seconds = 15;
  config->body_timeout_seconds = 60;
  return config;
}

void
scd_config_free (ScdConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->config_file);
  g_free (config->data_dir);
  g_free (config->database);
  g_free (config->listen_host);
  g_free (config->port_file);
  g_free (config->migrations_dir);
  g_free (config->tls_cert_file);
  g_free (config->tls_key_file);
  g_clear_pointer (&config->key_file, g_key_file_unref);
  g_free (config);
}

char *
scd_config_dup_default_data_dir (void)
{
  if (geteuid () == 0)
    return g_strdup ("/var/lib/sendcase");
  return g_build_filename (g_get_user_data_dir (), "sendcase", NULL);
}

gboolean
scd_config_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_strcmp0 (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

gboolean
scd_config_parse_listen (const char  *text,
                         char       **host,
                         guint16     *port,
                         GError     **error)
{
  const char *colon;
  g_autofree char *host_part = NULL;
  guint64 value;

  g_return_val_if_fail (text != NULL, FALSE);

  colon = strrchr (text, ':');
  if (colon == NULL || colon == text || colon[1] == '\0')
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "invalid listen address \"%s\": expected HOST:PORT", text);
      return FALSE;
    }
  host_part = g_strndup (text, colon - text);
  if (host_part[0] == '[' && g_str_has_suffix (host_part, "]"))
    {
      char *inner = g_strndup (host_part + 1, strlen (host_part) - 2);
      g_free (host_part);
      host_part = inner;
    }
  if (!g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &value, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "invalid listen address \"%s\": port must be a number from 0 to 65535", text);
      return FALSE;
    }
  *host = g_steal_pointer (&host_part);
  *port = (guint16) value;
  return TRUE;
}

static gboolean
parse_size (const char  *text,
            guint64     *out,
            GError     **error)
{
  guint64 value;
  guint64 multiplier = 1;
  g_autofree char *number = g_strdup (text);
  gsize len = strlen (number);

  if (len > 0)
    {
      switch (g_ascii_toupper (number[len - 1]))
        {
        case 'K': multiplier = 1024; number[len - 1] = '\0'; break;
        case 'M': multiplier = 1024 * 1024; number[len - 1] = '\0'; break;
        default: break;
        }
    }
  if (!g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT32, &value, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "invalid size \"%s\": expected a number of bytes, optionally with K or M", text);
      return FALSE;
    }
  *out = value * multiplier;
  return TRUE;
}

gboolean
scd_config_parse_duration (const char  *text,
                           guint       *seconds,
                           GError     **error)
{
  g_autofree char *number = g_strstrip (g_strdup (text));
  gsize len = strlen (number);
  guint64 multiplier = 1;
  guint64 value;

  if (len > 0 && g_ascii_isalpha (number[len - 1]))
    {
      switch (number[len - 1])
        {
        case 's': multiplier = 1; break;
        case 'm': multiplier = 60; break;
        case 'h': multiplier = 3600; break;
        case 'd': multiplier = 86400; break;
        default: multiplier = 0; break;
        }
      number[len - 1] = '\0';
    }
  if (multiplier == 0 || !g_ascii_string_to_unsigned (number, 10, 1, G_MAXUINT32, &value, NULL) ||
      value * multiplier > G_MAXUINT32)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "invalid duration \"%s\": expected a positive number with s, m, h or d", text);
      return FALSE;
    }
  *seconds = (guint) (value * multiplier);
  return TRUE;
}

/* Fills a string setting from the key file unless the command line set it. */
static void
take_string (GKeyFile    *key_file,
             const char  *key,
             char       **target)
{
  g_autofree char *value = NULL;

  if (*target != NULL || key_file == NULL)
    return;
  value = g_key_file_get_string (key_file, "sendcased", key, NULL);
  if (value != NULL)
    {
      g_strstrip (value);
      *target = g_steal_pointer (&value);
    }
}

static gboolean
take_uint (GKeyFile    *key_file,
           const char  *key,
           guint       *target,
           gboolean     given,
           GError     **error)
{
  g_autofree char *value = NULL;
  guint64 number;

  if (given || key_file == NULL)
    return TRUE;
  value = g_key_file_get_string (key_file, "sendcased", key, NULL);
  if (value == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (g_strstrip (value), 10, 1, G_MAXUINT32, &number, NULL))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "invalid value \"%s\" for %s: expected a positive whole number", value, key);
      return FALSE;
    }
  *target = (guint) number;
  return TRUE;
}

gboolean
scd_config_load (ScdConfig   *config,
                 int         *argc,
                 char      ***argv,
                 gboolean    *exit_now,
                 GError     **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *max_body = NULL;
  gboolean version = FALSE;
  gboolean insecure = FALSE;
  gboolean demo = FALSE;
  gboolean demo_authority = FALSE;
  int pool_size = -1;
  int max_failures = -1;
  int max_address_failures = -1;
  g_autofree char *idle = NULL;
  g_autofree char *lifetime = NULL;
  g_autofree char *lockout_window = NULL;
  g_autofree char *keepalive = NULL;
  g_autofree char *header_timeout = NULL;
  g_autofree char *body_timeout = NULL;
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &config->data_dir,
      "Directory of the embedded PostgreSQL cluster (default $XDG_DATA_HOME/sendcase)", "DIR" },
    { "database", 0, 0, G_OPTION_ARG_STRING, &config->database,
      "Use an existing PostgreSQL server (libpq connection string) instead of the embedded one", "CONNINFO" },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &listen,
      "Address to serve HTTP on (default " SC_DEFAULT_LISTEN ")", "HOST:PORT" },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &config->config_file,
      "Key file with settings ([sendcased] group)", "FILE" },
    { "demo-data", 0, 0, G_OPTION_ARG_NONE, &demo,
      "Load demonstration data (a fictional user of every role) on start", NULL },
    { "demo-authority", 0, 0, G_OPTION_ARG_NONE, &demo_authority,
      "With the demonstration users, a fictional authority: caseworkers, children and three years of cases "
      "(loaded once, into an empty database)", NULL },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &config->tls_cert_file,
      "Serve HTTPS with this PEM certificate (chain)", "FILE" },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &config->tls_key_file,
      "Private key of the TLS certificate (PEM)", "FILE" },
    { "insecure-listen", 0, 0, G_OPTION_ARG_NONE, &insecure,
      "Allow plain HTTP on a non-loopback address", NULL },
    { "max-body-size", 0, 0, G_OPTION_ARG_STRING, &max_body,
      "Largest request body accepted (default 1M)", "BYTES" },
    { "pool-size", 0, 0, G_OPTION_ARG_INT, &pool_size,
      "Database connections per daemon (default 6)", "N" },
    { "session-idle-timeout", 0, 0, G_OPTION_ARG_STRING, &idle,
      "Inactivity that ends a session (default 30m)", "DURATION" },
    { "session-lifetime", 0, 0, G_OPTION_ARG_STRING, &lifetime,
      "Time after sign-in that ends a session in any case (default 12h)", "DURATION" },
    { "lockout-window", 0, 0, G_OPTION_ARG_STRING, &lockout_window,
      "Failed sign-ins within this time lock the username for as long (default 15m)", "DURATION" },
    { "lockout-failures", 0, 0, G_OPTION_ARG_INT, &max_failures,
      "Failed sign-ins for one username that lock it (default 5)", "N" },
    { "lockout-address-failures", 0, 0, G_OPTION_ARG_INT, &max_address_failures,
      "Failed sign-ins from one source address that lock it (default 30)", "N" },
    { "keepalive-timeout", 0, 0, G_OPTION_ARG_STRING, &keepalive,
      "Close a keep-alive connection idle this long (default 60s)", "DURATION" },
    { "header-timeout", 0, 0, G_OPTION_ARG_STRING, &header_timeout,
      "Close a connection whose request headers take longer than this (default 15s)", "DURATION" },
    { "body-timeout", 0, 0, G_OPTION_ARG_STRING, &body_timeout,
      "Close a connection whose request body takes longer than this (default 60s)", "DURATION" },
    { "port-file", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &config->port_file,
      "Write the URL served to FILE once listening", "FILE" },
    { "migrations-dir", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &config->migrations_dir,
      "Read migrations from DIR instead of the built-in set", "DIR" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
    { NULL }
  };

  *exit_now = FALSE;

  context = g_option_context_new ("- the sendcase daemon");
  g_option_context_set_summary (context,
    "Serves the sendcase HTTP/JSON API on PostgreSQL. Without --database it runs\n"
    "a private PostgreSQL cluster in its data directory.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, error))
    return FALSE;
  if (*argc > 1)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "unexpected argument \"%s\"", (*argv)[1]);
      return FALSE;
    }

  if (version)
    {
      printf ("sendcased %s\n", PACKAGE_VERSION);
      *exit_now = TRUE;
      return TRUE;
    }

  if (config->config_file != NULL)
    {
      static const char * const known_keys[] = {
        "data-dir", "database", "listen", "tls-cert", "tls-key", "insecure-listen", "demo-data", "demo-authority",
        "max-body-size", "pool-size", "session-idle-timeout", "session-lifetime", "lockout-window",
        "lockout-failures", "lockout-address-failures", "keepalive-timeout", "header-timeout", "body-timeout",
        NULL
      };
      g_autoptr(GError) local_error = NULL;
      g_auto(GStrv) keys = NULL;

      config->key_file = g_key_file_new ();
      if (!g_key_file_load_from_file (config->key_file, config->config_file,
                                      G_KEY_FILE_NONE, &local_error))
        {
          g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                       "could not read config file \"%s\": %s",
                       config->config_file, local_error->message);
          return FALSE;
        }
      keys = g_key_file_get_keys (config->key_file, "sendcased", NULL, NULL);
      for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
        if (!g_strv_contains (known_keys, keys[i]))
          {
            g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                         "unknown setting \"%s\" in [sendcased] of \"%s\"", keys[i], config->config_file);
            return FALSE;
          }
    }

  /* One of --data-dir and --database on the command line overrides either
   * of them in the file. */
  if (config->data_dir == NULL && config->database == NULL)
    {
      take_string (config->key_file, "data-dir", &config->data_dir);
      take_string (config->key_file, "database", &config->database);
    }
  take_string (config->key_file, "listen", &listen);
  take_string (config->key_file, "tls-cert", &config->tls_cert_file);
  take_string (config->key_file, "tls-key", &config->tls_key_file);
  take_string (config->key_file, "max-body-size", &max_body);

  if (config->key_file != NULL)
    {
      if (!insecure)
        insecure = g_key_file_get_boolean (config->key_file, "sendcased", "insecure-listen", NULL);
      if (!demo)
        demo = g_key_file_get_boolean (config->key_file, "sendcased", "demo-data", NULL);
      if (!demo_authority)
        demo_authority = g_key_file_get_boolean (config->key_file, "sendcased", "demo-authority", NULL);
    }
  config->insecure_listen = insecure;
  config->demo_authority = demo_authority;
  config->demo_data = demo || demo_authority;

  if (pool_size == 0 || pool_size < -1 || max_failures == 0 || max_failures < -1 ||
      max_address_failures == 0 || max_address_failures < -1)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "--pool-size and the lockout failure counts must be positive");
      return FALSE;
    }
  if (max_address_failures > 0)
    config->lockout_address_max_failures = max_address_failures;
  if (pool_size > 0)
    config->pool_size = pool_size;
  if (max_failures > 0)
    config->lockout_max_failures = max_failures;
  if (!take_uint (config->key_file, "pool-size", &config->pool_size, pool_size > 0, error) ||
      !take_uint (config->key_file, "lockout-failures", &config->lockout_max_failures, max_failures > 0, error) ||
      !take_uint (config->key_file, "lockout-address-failures", &config->lockout_address_max_failures,
                  max_address_failures > 0, error))
    return FALSE;
  take_string (config->key_file, "session-idle-timeout", &idle);
  take_string (config->key_file, "session-lifetime", &lifetime);
  take_string (config->key_file, "lockout-window", &lockout_window);
  take_string (config->key_file, "keepalive-timeout", &keepalive);
  take_string (config->key_file, "header-timeout", &header_timeout);
  take_string (config->key_file, "body-timeout", &body_timeout);
  if ((idle != NULL && !scd_config_parse_duration (idle, &config->session_idle_seconds, error)) ||
      (lifetime != NULL && !scd_config_parse_duration (lifetime, &config->session_lifetime_seconds, error)) ||
      (lockout_window != NULL && !scd_config_parse_duration (lockout_window, &config->lockout_window_seconds, error)) ||
      (keepalive != NULL && !scd_config_parse_duration (keepalive, &config->keepalive_timeout_seconds, error)) ||
      (header_timeout != NULL && !scd_config_parse_duration (header_timeout, &config->header_timeout_seconds, error)) ||
      (body_timeout != NULL && !scd_config_parse_duration (body_timeout, &config->body_timeout_seconds, error)))
    return FALSE;
  if (config->pool_size > 64)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "pool size %u is too large (at most 64; 4-8 is best)", config->pool_size);
      return FALSE;
    }

  if (max_body != NULL && !parse_size (max_body, &config->max_body_size, error))
    return FALSE;

  if (!scd_config_parse_listen (listen != NULL ? listen : SC_DEFAULT_LISTEN,
                                &config->listen_host, &config->listen_port, error))
    return FALSE;

  if ((config->tls_cert_file == NULL) != (config->tls_key_file == NULL))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "--tls-cert and --tls-key must be given together");
      return FALSE;
    }

  if (config->database != NULL && config->data_dir != NULL)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                           "--database and --data-dir cannot be used together: "
                           "--data-dir is for the embedded cluster");
      return FALSE;
    }
  if (config->database == NULL && config->data_dir == NULL)
    config->data_dir = scd_config_dup_default_data_dir ();

  /* refused here, before a cluster is started or a migration run */
  if (config->tls_cert_file == NULL && !config->insecure_listen && !scd_config_is_loopback (config->listen_host))
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "refusing to serve plain HTTP on %s, which is not a loopback address: "
                   "sessions and children's records would cross the network unencrypted; "
                   "give --tls-cert and --tls-key, or --insecure-listen behind a TLS proxy",
                   config->listen_host);
      return FALSE;
    }

  return TRUE;
}
