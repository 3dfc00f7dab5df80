/* scd-record-handlers.h
 *
 * The handlers a record of a case shares with the others of its kind (a
 * complaint, a tribunal appeal, a mediation): POST creates one from the body its
 * model's reader accepts, GET reads one, PUT changes one at its version
 * (If-Match): what it holds now is read as the actor may read it, the
 * change checked against it by the model's rules, and written only if it
 * is still at the version the client read. An ScdRecordKind names the
 * model's reader, rules and codec and the store's calls; the handlers of
 * a kind are then one line each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "scd-handlers.h"

G_BEGIN_DECLS

typedef struct
{
  const char          *name;            /* "complaint": its id's and its messages' */
  const char          *path;            /* "/api/v1/complaints": its Location's */
  const char * const  *create_members;
  const char * const  *change_members;
  /* the model */
  gpointer           (*create_read)     (JsonObject          *body,
                                         ScDay                today,
                                         GError             **error);
  gpointer           (*change_read)     (gconstpointer        current,
                                         JsonObject          *body,
                                         ScDay                today,
                                         GError             **error);
  ScWriteJsonFunc      write_json;
  GDestroyNotify       free;
  gsize                id_offset;       /* G_STRUCT_OFFSET of its gint64 id */
  gsize                version_offset;  /* and of its gint64 version */
  /* the store */
  gpointer           (*store)           (ScdStores           *stores);
  void               (*create_async)    (gpointer             store,
                                         const ScdActor      *actor,
                                         gconstpointer        record,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  gpointer           (*create_finish)   (gpointer             store,
                                         GAsyncResult        *result,
                                         GError             **error);
  void               (*get_async)       (gpointer             store,
                                         const ScdActor      *actor,
                                         gint64               id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  gpointer           (*get_finish)      (gpointer             store,
                                         GAsyncResult        *result,
                                         GError             **error);
  void               (*put_async)       (gpointer             store,
                                         const ScdActor      *actor,
                                         gconstpointer        before,
                                         gconstpointer        after,
                                         gint64               if_match,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data);
  gpointer           (*put_finish)      (gpointer             store,
                                         GAsyncResult        *result,
                                         gint64              *current,
                                         GError             **error);
} ScdRecordKind;

void scd_record_handler_create (ScdRequest          *request,
                                const ScdRecordKind *kind);
void scd_record_handler_get    (ScdRequest          *request,
                                const ScdRecordKind *kind);
void scd_record_handler_put    (ScdRequest          *request,
                                const ScdRecordKind *kind);

G_END_DECLS
