/* scd-session-cache.c
 *
 * A hash table from the token's hash to the session, its row id and when it
 * was checked. Forgetting a user walks the table: it holds the sessions of
 * the last few seconds only, a few hundred on a busy daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-session-cache"

#include "config.h"

#include "scd-session-cache.h"

typedef struct
{
  ScSession *session;     /* owned */
  gint64     session_id;
  gint64     user_id;
  gint64     kept_until;  /* monotonic */
  gint64     expires_at;  /* real time: the session's absolute end */
} Entry;

struct _ScdSessionCache
{
  GObject     parent_instance;

  ScdDb      *db;          /* owned ref */
  GHashTable *entries;     /* token hash (owned) -> Entry (owned) */
  gint64      lifetime;
  guint64     epoch;
  gulong      notification_id;
  gulong      available_id;
};

G_DEFINE_FINAL_TYPE (ScdSessionCache, scd_session_cache, G_TYPE_OBJECT)

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->session);
  g_free (entry);
}

static void
on_notification_cb (ScdDb      *db,
                    const char *channel,
                    const char *payload,
                    gpointer    user_data)
{
  ScdSessionCache *self = user_data;
  guint64 user_id;

  if (g_strcmp0 (channel, SCD_DB_SESSION_CHANNEL) != 0)
    return;
  if (g_ascii_string_to_unsigned (payload, 10, 1, G_MAXINT64, &user_id, NULL))
    scd_session_cache_forget_user (self, (gint64) user_id);
  else
    scd_session_cache_forget_all (self);
}

static void
on_available_cb (ScdDb      *db,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  /* notifications sent while no connection listened are lost */
  if (!scd_db_get_available (db))
    scd_session_cache_forget_all (user_data);
}

static void
scd_session_cache_dispose (GObject *object)
{
  ScdSessionCache *self = SCD_SESSION_CACHE (object);

  g_clear_signal_handler (&self->notification_id, self->db);
  g_clear_signal_handler (&self->available_id, self->db);
  g_clear_object (&self->db);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (scd_session_cache_parent_class)->dispose (object);
}

static void
scd_session_cache_class_init (ScdSessionCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = scd_session_cache_dispose;
}

static void
scd_session_cache_init (ScdSessionCache *self)
{
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
}

ScdSessionCache *
scd_session_cache_new (ScdDb  *db,
                       gint64  lifetime_usec)
{
  ScdSessionCache *self;

  g_return_val_if_fail (SCD_IS_DB (db), NULL);

  self = g_object_new (SCD_TYPE_SESSION_CACHE, NULL);
  self->db = g_object_ref (db);
  self->lifetime = MAX (lifetime_usec, 0);
  self->notification_id = g_signal_connect (db, "notification", G_CALLBACK (on_notification_cb), self);
  self->available_id = g_signal_connect (db, "notify::available", G_CALLBACK (on_available_cb), self);
  return self;
}

ScSession *
scd_session_cache_lookup (ScdSessionCache *self,
                          const char      *token_hash,
                          gint64          *session_id)
{
  Entry *entry;

  g_return_val_if_fail (SCD_IS_SESSION_CACHE (self), NULL);

  entry = g_hash_table_lookup (self->entries, token_hash);
  if (entry == NULL)
    return NULL;
  if (entry->kept_until <= g_get_monotonic_time () || entry->expires_at <= g_get_real_time ())
    {
      g_hash_table_remove (self->entries, token_hash);
      return NULL;
    }
  *session_id = entry->session_id;
  return g_object_ref (entry->session);
}

guint64
scd_session_cache_get_epoch (ScdSessionCache *self)
{
  g_return_val_if_fail (SCD_IS_SESSION_CACHE (self), 0);
  return self->epoch;
}

static gboolean
is_stale (gpointer key,
          gpointer value,
          gpointer user_data)
{
  Entry *entry = value;

  return entry->kept_until <= *(gint64 *) user_data;
}

void
scd_session_cache_insert (ScdSessionCache *self,
                          guint64          epoch,
                          const char      *token_hash,
                          gint64           session_id,
                          ScSession       *session)
{
  Entry *entry;
  gint64 now = g_get_monotonic_time ();

  g_return_if_fail (SCD_IS_SESSION_CACHE (self));
  g_return_if_fail (SC_IS_SESSION (session));

  if (self->lifetime == 0 || epoch != self->epoch)
    return;
  if (g_hash_table_size (self->entries) >= SCD_SESSION_CACHE_MAX)
    {
      g_hash_table_foreach_remove (self->entries, is_stale, &now);
      if (g_hash_table_size (self->entries) >= SCD_SESSION_CACHE_MAX)
        g_hash_table_remove_all (self->entries);
    }
  entry = g_new0 (Entry, 1);
  entry->session = g_object_ref (session);
  entry->session_id = session_id;
  entry->user_id = sc_user_get_id (sc_session_get_user (session));
  entry->kept_until = now + self->lifetime;
  entry->expires_at = sc_session_get_expires_at (session);
  g_hash_table_replace (self->entries, g_strdup (token_hash), entry);
}

static gboolean
is_user (gpointer key,
         gpointer value,
         gpointer user_data)
{
  Entry *entry = value;

  return entry->user_id == *(gint64 *) user_data;
}

void
scd_session_cache_forget_user (ScdSessionCache *self,
                               gint64           user_id)
{
  g_return_if_fail (SCD_IS_SESSION_CACHE (self));

  self->epoch++;
  g_hash_table_foreach_remove (self->entries, is_user, &user_id);
}

void
scd_session_cache_forget_all (ScdSessionCache *self)
{
  g_return_if_fail (SCD_IS_SESSION_CACHE (self));

  self->epoch++;
  g_hash_table_remove_all (self->entries);
}

guint
scd_session_cache_get_size (ScdSessionCache *self)
{
  g_return_val_if_fail (SCD_IS_SESSION_CACHE (self), 0);
  return g_hash_table_size (self->entries);
}
