/* scd-person-store.h
 *
 * The people: every statement that reads or changes person and
 * person_contact, each with its audit row, each result decoded once into
 * ScPerson. People are never deleted. A create is refused (CONFLICT) when
 * it looks like someone already recorded: the same UPN, ULN or NHS number
 * (always: they are unique), or the same given and family names (ignoring
 * case and accents) and date of birth, unless the caller confirms that it
 * is a different person. The problem names the match: its detail says
 * "person N", and each field that matched has a field error.
 *
 * Input is the checked form of sc_person_check_input(): a JSON object of
 * the person's members in their stored form, which the statements read
 * with PostgreSQL's own JSON operators.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-person.h"
#include "scd-actor.h"
#include "scd-idempotency.h"
#include "scd-store.h"

G_BEGIN_DECLS

#define SCD_TYPE_PERSON_STORE (scd_person_store_get_type ())

G_DECLARE_FINAL_TYPE (ScdPersonStore, scd_person_store, SCD, PERSON_STORE, ScdStore)

/* The longest search text, in characters. */
#define SCD_PERSON_QUERY_MAX_CHARS 200

ScdPersonStore *scd_person_store_new            (ScdDb               *db);

/* One page, by id, of the people @query finds: NULL or "" for everyone; a
 * date "YYYY-MM-DD" for those born then; a UPN (any case) for its person;
 * ten digits (an NHS number, spaces allowed, or a ULN) for theirs; any
 * other text for those with, for each of its words, a name (given, family
 * or preferred) or a word of one starting with it, ignoring case and
 * accents. People come in id order, but for a name search in the order of
 * the name word they matched (then id). @after_word and @after: the cursor
 * (the next page's people come after them; @after_word, the word matched,
 * only for a name search, which answers a cursor without one, or any other
 * search one with it, with a field error); @limit 1 to 500. The audit row
 * lists the ids shown. */
void            scd_person_store_search_async   (ScdPersonStore      *self,
                                                 const ScdActor      *actor,
                                                 const char          *query,
                                                 const char          *after_word,
                                                 gint64               after,
                                                 guint                limit,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full) (element-type ScPerson)
 * @next_cursor: (out) (transfer full) (nullable): NULL on the last page */
GPtrArray      *scd_person_store_search_finish  (ScdPersonStore      *self,
                                                 GAsyncResult        *result,
                                                 char               **next_cursor,
                                                 GError             **error);

void            scd_person_store_get_async      (ScdPersonStore      *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* NOT_FOUND when there is no such person (nothing is recorded then). */
ScPerson       *scd_person_store_get_finish     (ScdPersonStore      *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* @input: a create's members as sc_person_check_input() returns them
 * @confirm_different: the caller says a match on names and date of birth
 *   is someone else */
void            scd_person_store_create_async   (ScdPersonStore      *self,
                                                 const ScdActor      *actor,
                                                 JsonObject          *input,
                                                 gboolean             confirm_different,
                                                 ScdIdempotency      *idempotency,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* Returns: (transfer full): the new person (its model an ScPerson) with
 * its contacts, or the replayed answer; CONFLICT naming a match. */
ScdCreated     *scd_person_store_create_finish  (ScdPersonStore      *self,
                                                 GAsyncResult        *result,
                                                 GError             **error);

/* @change: a change's members as sc_person_check_input() returns them;
 * members absent are kept, "contacts" replaces the whole list.
 * @version: the version the change is based on (If-Match) */
void            scd_person_store_update_async   (ScdPersonStore      *self,
                                                 const ScdActor      *actor,
                                                 gint64               id,
                                                 gint64               version,
                                                 JsonObject          *change,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* NOT_FOUND; CONFLICT when a new UPN, ULN or NHS number is another
 * person's; PRECONDITION_FAILED with *@current_version set. */
ScPerson       *scd_person_store_update_finish  (ScdPersonStore      *self,
                                                 GAsyncResult        *result,
                                                 gint64              *current_version,
                                                 GError             **error);

G_END_DECLS
