/* scd-db.h
 *
 * The database pool as the rest of the server sees it: a few non-blocking
 * libpq connections driven by GSources on the main context of the thread
 * that made the pool, so that loop never waits on PostgreSQL. Statements
 * are run only by the stores (scd-db-private.h); this header says nothing
 * of libpq, so code above the stores cannot reach it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define SCD_TYPE_DB (scd_db_get_type ())

G_DECLARE_FINAL_TYPE (ScdDb, scd_db, SCD, DB, GObject)

/* The role the daemon's pool logs in as (sql/0003-*.sql). */
#define SCD_DB_APP_ROLE "sendcase_app"
/* The channel on which the database says that a user's sessions may have
 * changed (sql/0004-*.sql); its payload is the user's id. */
#define SCD_DB_SESSION_CHANNEL "sendcase_session"
/* What every pooled connection runs once when it connects. */
#define SCD_DB_SETUP_SQL "SET TIME ZONE 'UTC'; LISTEN " SCD_DB_SESSION_CHANNEL

/* @setup_sql: nullable; run once on every new connection.
 * The pool's sources and callbacks run on the thread-default main context
 * of the caller. */
ScdDb      *scd_db_new                 (const char          *conninfo,
                                        guint                size,
                                        const char          *setup_sql);
void        scd_db_start               (ScdDb               *self);
/* Fails queued and future work with SC_ERROR_UNAVAILABLE and closes every
 * connection not leased; leased ones close on release. */
void        scd_db_close               (ScdDb               *self);
/* TRUE while at least one connection is up. Notifies "available".
 * Signal "notification" (channel, payload): a NOTIFY heard by the pool. */
gboolean    scd_db_get_available       (ScdDb               *self);
guint       scd_db_get_size            (ScdDb               *self);
/* Why the last connection failed or was lost; NULL if none has. */
const char *scd_db_get_last_error      (ScdDb               *self);

/* @conninfo with its user replaced by @user and any password removed: how
 * the pool reaches the database the migrations ran in, as the application
 * role. Its password, if it needs one, comes from the passfile (or
 * ~/.pgpass) as libpq finds it for that user. */
char       *scd_db_dup_conninfo_as     (const char          *conninfo,
                                        const char          *user,
                                        GError             **error);

G_END_DECLS
