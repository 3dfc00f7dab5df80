/* scd-config.h
 *
 * The daemon's settings: command line first, then the key file given with
 * --config, then built-in defaults. Every setting of the command line can be
 * written in the [sendcased] group of the key file under the same name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  char    *config_file;      /* nullable */
  char    *data_dir;         /* embedded cluster; used when database is NULL */
  char    *database;         /* libpq conninfo of an existing server, nullable */
  char    *listen_host;
  guint16  listen_port;
  char    *port_file;        /* nullable: write the bound URL here once listening */
  char    *migrations_dir;   /* nullable: read migrations from here, not the built-in set */
  char    *tls_cert_file;    /* nullable */
  char    *tls_key_file;     /* nullable */
  gboolean insecure_listen;
  gboolean demo_data;
  gboolean demo_authority;   /* implies demo_data */
  guint64  max_body_size;    /* bytes */
  guint    pool_size;
  guint    session_idle_seconds;      /* a session unused this long ends */
  guint    session_lifetime_seconds;  /* and ends this long after sign-in in any case */
  guint    lockout_window_seconds;    /* failed sign-ins counted over this window ... */
  guint    lockout_max_failures;      /* ... lock a username at this many ... */
  guint    lockout_address_max_failures; /* ... and a source address at this many */
  guint    shutdown_timeout_seconds;
  guint    keepalive_timeout_seconds; /* an idle keep-alive connection is closed after this */
  guint    header_timeout_seconds;    /* the request headers must arrive within this */
  guint    body_timeout_seconds;      /* and the whole body within this after them */
  GKeyFile *key_file;        /* the whole config file, for other groups; nullable */
} ScdConfig;

ScdConfig *scd_config_new             (void);
void       scd_config_free            (ScdConfig    *config);
/* Parses argv (removing what it understood), reads the key file, fills the
 * defaults. Returns FALSE with @error on a bad option or an unreadable file.
 * Sets *@exit_now when --help or --version was printed. */
gboolean   scd_config_load            (ScdConfig    *config,
                                       int          *argc,
                                       char       ***argv,
                                       gboolean     *exit_now,
                                       GError      **error);
gboolean   scd_config_parse_listen    (const char   *text,
                                       char        **host,
                                       guint16      *port,
                                       GError      **error);
/* The default data directory: $XDG_DATA_HOME/sendcase, or /var/lib/sendcase
 * when running as root (the unprivileged PostgreSQL user must be able to
 * reach it, and root's home is closed to it). */
char      *scd_config_dup_default_data_dir (void);
gboolean   scd_config_is_loopback     (const char   *host);
/* "90", "90s", "15m", "12h", "2d" -> seconds */
gboolean   scd_config_parse_duration  (const char   *text,
                                       guint        *seconds,
                                       GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScdConfig, scd_config_free)

G_END_DECLS
