/* scd-person-store.c
 *
 * The SQL of person and person_contact. Each statement writes its own audit
 * row (audit_entry, $1 the actor) and returns people by column name
 * (PERSON_COLUMNS over a row aliased p, with its contacts as one JSON
 * array), decoded once by person_from_row(). A create and a change are one
 * statement each: the duplicate check, the person, the contacts and the
 * audit row succeed or fail together.
 *
 * Names are searched through their words (person_name_word, a row for each
 * word of each name's search key, sql/0009-person-name-words.sql): a
 * prefix is a range of its primary key, read in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-person-store"

#include "config.h"

#include <string.h>

#include "sc-identifiers.h"
#include "sc-problem.h"
#include "scd-person-query.h"
#include "scd-person-sql.h"
#include "scd-person-store.h"
#include "scd-store-private.h"

struct _ScdPersonStore
{
  ScdStore parent_instance;
};

G_DEFINE_FINAL_TYPE (ScdPersonStore, scd_person_store, SCD_TYPE_STORE)

#define PERSON_COLUMNS \
  "p.id, p.version, p.given_name, p.family_name, p.preferred_name," \
  " to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.sex, p.upn, p.uln, p.nhs_number," \
  " p.address_lines, p.town, p.postcode, p.languages, " \
  SCD_SQL_USEC ("p.created_at") " AS created_at, " SCD_SQL_USEC ("p.updated_at") " AS updated_at"

/* The contacts of the person p in @from (the table, or a CTE that just
 * wrote them), in their order, as the JSON of ScPersonContact. */
#define CONTACTS_OF(from) \
  "(SELECT coalesce(jsonb_agg(jsonb_build_object('name', c.name, 'relationship', c.relationship," \
  "   'phone', c.phone, 'email', c.email, 'preferred_contact', c.preferred_contact," \
  "   'parental_responsibility', c.parental_responsibility) ORDER BY c.position), '[]')" \
  " FROM " from " c WHERE c.person_id = p.id)"

/* $2 the input, $3 whether a match on names and date of birth is someone
 * else. Nothing is written when a match stops it; the result's one row
 * then has no id, and the match. */
static const char create_sql[] =
  "WITH i AS (SELECT $2::jsonb AS j),"
  " m AS (" SCD_PERSON_DUPLICATES ("i") "),"
  " p AS (" SCD_PERSON_INSERT ("i", "NOT EXISTS (SELECT 1 FROM m WHERE m.upn OR m.uln OR m.nhs_number"
  "                                              OR NOT $3::boolean)") "),"
  " c AS (" INSERT_CONTACTS ("p") " RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM p)"
  "SELECT " PERSON_COLUMNS ", " CONTACTS_OF ("c") " AS contacts, " FIRST_MATCH
  " FROM (SELECT 1) one LEFT JOIN p ON true";

static const char get_sql[] =
  "WITH p AS (SELECT * FROM person WHERE id = $2),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM p)"
  "SELECT " PERSON_COLUMNS ", " CONTACTS_OF ("person_contact") " AS contacts FROM p";

#define KEEP_OR(member, value) \
  "CASE WHEN i.j ? '" member "' THEN " value " ELSE p." member " END"

/* $2 the id, $3 the version, $4 the change. A new UPN, ULN or NHS number
 * of someone else's stops it (m). */
static const char update_sql[] =
  "WITH i AS (SELECT $4::jsonb AS j),"
  " cur AS (SELECT id, version FROM person WHERE id = $2),"
  " m AS ("
  "  SELECT p.id, " SAME_KEY ("upn") " AS upn, " SAME_KEY ("uln") " AS uln, "
  SAME_KEY ("nhs_number") " AS nhs_number, false AS name_dob"
  "  FROM person p, i"
  "  WHERE p.id <> $2 AND (p.upn = (i.j->>'upn')::bpchar OR p.uln = (i.j->>'uln')::bpchar"
  "                        OR p.nhs_number = (i.j->>'nhs_number')::bpchar)),"
  " u AS ("
  "  UPDATE person p SET"
  "    given_name = " KEEP_OR ("given_name", "i.j->>'given_name'") ","
  "    family_name = " KEEP_OR ("family_name", "i.j->>'family_name'") ","
  "    preferred_name = " KEEP_OR ("preferred_name", "i.j->>'preferred_name'") ","
  "    date_of_birth = " KEEP_OR ("date_of_birth", "(i.j->>'date_of_birth')::date") ","
  "    sex = " KEEP_OR ("sex", "i.j->>'sex'") ","
  "    upn = " KEEP_OR ("upn", "i.j->>'upn'") ","
  "    uln = " KEEP_OR ("uln", "i.j->>'uln'") ","
  "    nhs_number = " KEEP_OR ("nhs_number", "i.j->>'nhs_number'") ","
  "    address_lines = CASE WHEN i.j ? 'address' THEN " INPUT_ADDRESS_LINES " ELSE p.address_lines END,"
  "    town = CASE WHEN i.j ? 'address' THEN i.j->'address'->>'town' ELSE p.town END,"
  "    postcode = CASE WHEN i.j ? 'address' THEN i.j->'address'->>'postcode' ELSE p.postcode END,"
  "    languages = " KEEP_OR ("languages", INPUT_LANGUAGES) ","
  "    version = p.version + 1, updated_at = clock_timestamp()"
  "  FROM i WHERE p.id = $2 AND p.version = $3 AND NOT EXISTS (SELECT 1 FROM m)"
  "  RETURNING p.*),"
  " gone AS (DELETE FROM person_contact c USING u, i WHERE c.person_id = u.id AND i.j ? 'contacts'),"
  " c AS (" INSERT_CONTACTS ("u") " WHERE i.j ? 'contacts' RETURNING *),"
  " audit AS (INSERT INTO audit_entry (actor, outcome, resource_id) SELECT $1, 'success', id::text FROM u)"
  "SELECT cur.id AS current_id, cur.version AS current_version, " PERSON_COLUMNS ","
  " CASE WHEN (SELECT i.j ? 'contacts' FROM i) THEN " CONTACTS_OF ("c")
  "      ELSE " CONTACTS_OF ("person_contact") " END AS contacts, " FIRST_MATCH
  " FROM cur LEFT JOIN u p ON true";

/* A statement sees the database as it began; when it waited for a
 * concurrent change of the row, that change's version is read afresh. */
static const char version_sql[] =
  "SELECT version FROM person WHERE id = $1";

/* --- search: one statement per kind of query, each with a plan of its own */

/* A page of people, as @page selects it (at most the limit + 1, aliased
 * p, in the order @order of its columns, each with its cursor column),
 * its audit row listing the first @limit of them in the same order. */
#define SEARCH_PAGE_SQL(page, order, limit) \
  "WITH page AS (" page ")," \
  " audit AS (" \
  "  INSERT INTO audit_entry (actor, outcome, resource_ids)" \
  "  SELECT $1, 'success', array(SELECT id::text FROM page ORDER BY " order " LIMIT " limit "::integer))" \
  "SELECT " PERSON_COLUMNS ", " CONTACTS_OF ("person_contact") " AS contacts, p.cursor" \
  " FROM page p ORDER BY " order

/* $2 .. : the condition's; then the cursor (an id) and the limit: the
 * people in id order. */
#define SEARCH_SQL(condition, after, limit) \
  SEARCH_PAGE_SQL ("SELECT p.*, p.id::text AS cursor FROM person p" \
                   " WHERE (" condition ") AND (" after "::bigint IS NULL OR p.id > " after ")" \
                   " ORDER BY p.id LIMIT " limit "::integer + 1", "id", limit)

static const char list_sql[] = SEARCH_SQL ("true", "$2", "$3");
static const char search_upn_sql[] = SEARCH_SQL ("p.upn = $2::bpchar", "$3", "$4");
static const char search_number_sql[] =
  SEARCH_SQL ("p.nhs_number = $2::bpchar OR p.uln = $2::bpchar", "$3", "$4");
static const char search_dob_sql[] = SEARCH_SQL ("p.date_of_birth = $2::date", "$3", "$4");

/* The search key of $3, the longest word as typed: computed once (an
 * InitPlan), so that the range below is a condition of the index scan. */
#define NAME_KEY "(SELECT person_search_key($3))"

/* $2 the words (text[]), $3 the longest of them as typed, $4 $5 the cursor
 * (the word matched, the person), $6 the limit. The people whose names
 * have a word starting with $3 are a range of person_name_word's primary
 * key (sql/0009-person-name-words.sql: its words sort in byte order, and
 * no name holds U+10FFFF), exactly. The page is read in that key's order,
 * past the cursor, each person at the first of their words in the range,
 * until it has a page of people with every word: the index gives the
 * order, so a common prefix reads a page's worth of rows, not every
 * match. The limit is a subquery so that no plan knows it: the planner,
 * which cannot tell how many of the range have every word, takes it for
 * only a few and, knowing the limit, would read and sort the whole range
 * (95 ms for "ava", against 3 ms in the index's order). The cursor
 * carries the word as hex, whatever it holds. */
static const char search_name_sql[] =
  SEARCH_PAGE_SQL ("SELECT p.*, w.word AS matched,"
                   "  encode(convert_to(w.word, 'UTF8'), 'hex') || '.' || p.id AS cursor"
                   " FROM person_name_word w JOIN person p ON p.id = w.person_id"
                   " WHERE w.word >= " NAME_KEY " AND w.word < " NAME_KEY " || chr(1114111)"
                   "  AND (w.word, w.person_id) > (COALESCE($4::text COLLATE \"C\", " NAME_KEY "),"
                   "                                COALESCE($5::bigint, 0))"
                   "  AND NOT EXISTS (SELECT 1 FROM person_name_word e WHERE e.person_id = w.person_id"
                   "                  AND e.word >= " NAME_KEY " AND e.word < w.word)"
                   "  AND " SCD_EVERY_WORD_STARTS ("$2")
                   " ORDER BY w.word, w.person_id LIMIT (SELECT $6::integer + 1)",
                   "matched, id", "$6");

static void
scd_person_store_class_init (ScdPersonStoreClass *klass)
{
}

static void
scd_person_store_init (ScdPersonStore *self)
{
}

ScdPersonStore *
scd_person_store_new (ScdDb *db)
{
  g_return_val_if_fail (SCD_IS_DB (db), NULL);

  return g_object_new (SCD_TYPE_PERSON_STORE, "db", db, NULL);
}

/* --- what a call was asked, for its decoder ------------------------------ */

typedef struct
{
  gint64 id;
  gint64 version;          /* update: the version asked for */
  gint64 current_version;  /* update: the version found */
  guint  limit;            /* search */
} Ask;

static GTask *
task_new (ScdPersonStore      *self,
          gint64               id,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = scd_store_task_new (self, cancellable, callback, user_data, source_tag);
  Ask *ask = g_new0 (Ask, 1);

  ask->id = id;
  g_task_set_task_data (task, ask, g_free);
  return task;
}

static GError *
no_person (GTask *task)
{
  Ask *ask = g_task_get_task_data (task);
  GError *error = g_error_new (SC_ERROR, SC_ERROR_NOT_FOUND, "no person %" G_GINT64_FORMAT, ask->id);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_NOT_FOUND, error->message));
  return error;
}

/* --- decoding ------------------------------------------------------------ */

typedef struct
{
  int id, version, given_name, family_name, preferred_name, date_of_birth, sex, upn, uln, nhs_number;
  int address_lines, town, postcode, languages, created_at, updated_at, contacts;
} Columns;

static void
columns_find (const PGresult *pg,
              Columns        *columns)
{
  columns->id = scd_pg_column (pg, "id");
  columns->version = scd_pg_column (pg, "version");
  columns->given_name = scd_pg_column (pg, "given_name");
  columns->family_name = scd_pg_column (pg, "family_name");
  columns->preferred_name = scd_pg_column (pg, "preferred_name");
  columns->date_of_birth = scd_pg_column (pg, "date_of_birth");
  columns->sex = scd_pg_column (pg, "sex");
  columns->upn = scd_pg_column (pg, "upn");
  columns->uln = scd_pg_column (pg, "uln");
  columns->nhs_number = scd_pg_column (pg, "nhs_number");
  columns->address_lines = scd_pg_column (pg, "address_lines");
  columns->town = scd_pg_column (pg, "town");
  columns->postcode = scd_pg_column (pg, "postcode");
  columns->languages = scd_pg_column (pg, "languages");
  columns->created_at = scd_pg_column (pg, "created_at");
  columns->updated_at = scd_pg_column (pg, "updated_at");
  columns->contacts = scd_pg_column (pg, "contacts");
}

/* The contacts column: a JSON array PostgreSQL built from the rows. */
static GPtrArray *
contacts_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  GPtrArray *contacts = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_person_contact_free);
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (text == NULL || !json_parser_load_from_data (parser, text, -1, &error))
    return contacts;
  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_ARRAY (root))
    return contacts;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      ScPersonContact *contact = sc_person_contact_new_from_json (
        json_array_get_element (json_node_get_array (root), i), &error);

      if (contact == NULL)
        {
          g_warning ("could not decode a contact: %s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (contacts, contact);
    }
  return contacts;
}

static ScPerson *
person_from_row (const PGresult *pg,
                 int             row,
                 const Columns  *columns)
{
  ScPerson *person = sc_person_new (scd_pg_int (pg, row, columns->id),
                                    scd_pg_string (pg, row, columns->given_name),
                                    scd_pg_string (pg, row, columns->family_name),
                                    scd_pg_string (pg, row, columns->date_of_birth));
  g_auto(GStrv) lines = scd_pg_strv (pg, row, columns->address_lines);
  g_auto(GStrv) languages = scd_pg_strv (pg, row, columns->languages);

  sc_person_set_version (person, scd_pg_int (pg, row, columns->version));
  sc_person_set_preferred_name (person, scd_pg_string (pg, row, columns->preferred_name));
  sc_person_set_sex (person, scd_pg_string (pg, row, columns->sex));
  sc_person_set_identifiers (person, scd_pg_string (pg, row, columns->upn), scd_pg_string (pg, row, columns->uln),
                             scd_pg_string (pg, row, columns->nhs_number));
  sc_person_set_address (person, (const char * const *) lines, scd_pg_string (pg, row, columns->town),
                         scd_pg_string (pg, row, columns->postcode));
  sc_person_set_languages (person, (const char * const *) languages);
  sc_person_take_contacts (person, contacts_from_json (scd_pg_string (pg, row, columns->contacts)));
  sc_person_set_created_at (person, scd_pg_int (pg, row, columns->created_at));
  sc_person_set_updated_at (person, scd_pg_int (pg, row, columns->updated_at));
  return person;
}

/* The CONFLICT of a create, a change or a transfer in that looks like
 * another person's record (scd-person-sql.h). */
GError *
_scd_person_matched (const PGresult  *pg,
                     ScdPersonMatch   of)
{
  gint64 id = scd_pg_int (pg, 0, scd_pg_column (pg, "match_id"));
  g_auto(GStrv) fields = scd_pg_strv (pg, 0, scd_pg_column (pg, "match_fields"));
  g_autofree char *list = NULL;
  gboolean unique = FALSE;
  ScProblem *problem;
  GError *error;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    unique |= g_str_equal (fields[i], "upn") || g_str_equal (fields[i], "uln") ||
              g_str_equal (fields[i], "nhs_number");
  list = fields != NULL ? g_strjoinv (", ", fields) : g_strdup ("");
  if (of == SCD_PERSON_MATCH_TRANSFER)
    error = g_error_new (SC_ERROR, SC_ERROR_CONFLICT,
                         "person %" G_GINT64_FORMAT " has the same %s%s: send person_id %" G_GINT64_FORMAT
                         " to move the plan onto that record%s", id, list,
                         unique ? "" : " and may be this child", id,
                         unique ? "" : ", or confirm_different_person: true to record someone else");
  else if (unique)
    error = g_error_new (SC_ERROR, SC_ERROR_CONFLICT,
                         "person %" G_GINT64_FORMAT " has the same %s: an identifier names one person only%s",
                         id, list, of == SCD_PERSON_MATCH_UPDATE ? "" : "; open that record instead");
  else
    error = g_error_new (SC_ERROR, SC_ERROR_CONFLICT,
                         "person %" G_GINT64_FORMAT " has the same %s and may be this person: open that record, "
                         "or send confirm_different_person: true to record someone else", id, list);
  problem = sc_problem_new (SC_ERROR_CONFLICT, error->message);
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_autofree char *message = g_strdup_printf ("matches person %" G_GINT64_FORMAT, id);
      g_autofree char *field = of == SCD_PERSON_MATCH_TRANSFER ? g_strconcat ("file.person.", fields[i], NULL)
                                                                 : g_strdup (fields[i]);

      sc_problem_add_field_error (problem, field, message);
    }
  sc_error_take_problem (error, problem);
  return error;
}

static gpointer
decode_person (PGresult  *pg,
               GTask     *task,
               GError   **error)
{
  Columns columns;

  if (PQntuples (pg) == 0)
    {
      g_propagate_error (error, no_person (task));
      return NULL;
    }
  columns_find (pg, &columns);
  return person_from_row (pg, 0, &columns);
}

static gpointer
decode_created (PGresult  *pg,
                GTask     *task,
                GError   **error)
{
  Columns columns;

  columns_find (pg, &columns);
  if (scd_pg_string (pg, 0, columns.id) == NULL)
    {
      g_propagate_error (error, _scd_person_matched (pg, SCD_PERSON_MATCH_CREATE));
      return NULL;
    }
  return person_from_row (pg, 0, &columns);
}

static gpointer
decode_page (PGresult  *pg,
             GTask     *task,
             GError   **error)
{
  Ask *ask = g_task_get_task_data (task);
  Columns columns;
  ScdPage *page;
  guint n;

  columns_find (pg, &columns);
  page = scd_page_new (pg, ask->limit, scd_pg_column (pg, "cursor"), &n);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, person_from_row (pg, (int) i, &columns));
  return page;
}

static char *
input_text (JsonObject *input)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, input);
  return json_to_string (node, FALSE);
}

/* --- search -------------------------------------------------------------- */

void
scd_person_store_search_async (ScdPersonStore      *self,
                               const ScdActor      *actor,
                               const char          *query,
                               const char          *after_word,
                               gint64               after,
                               guint                limit,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_person_store_search_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);
  g_auto(ScdPersonQuery) match = { 0 };
  const char *sql = list_sql;
  const char *value = NULL;

  g_return_if_fail (limit > 0);

  ((Ask *) g_task_get_task_data (task))->limit = limit;
  scd_person_query_init (&match, query);
  if ((value = match.date) != NULL)
    sql = search_dob_sql;
  else if ((value = match.number) != NULL)
    sql = search_number_sql;
  else if ((value = match.upn) != NULL)
    sql = search_upn_sql;
  else if ((value = match.words) != NULL)
    sql = search_name_sql;
  /* a name search's cursor has its word, any other's has none */
  if (after > 0 && (sql == search_name_sql) != (after_word != NULL))
    {
      GError *error = NULL;

      sc_set_field_error (&error, "cursor", "is not a cursor of this search");
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  if (value != NULL)
    scd_params_add (params, value);
  if (match.longest != NULL)
    scd_params_add (params, match.longest);
  if (sql == search_name_sql)
    scd_params_add (params, after_word);
  scd_params_add_id (params, after);
  scd_params_add_int (params, limit);
  scd_store_run (SCD_STORE (self), sql, params, decode_page, scd_page_free, task);
}

GPtrArray *
scd_person_store_search_finish (ScdPersonStore  *self,
                                GAsyncResult    *result,
                                char           **next_cursor,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return scd_page_finish (result, next_cursor, error);
}

/* --- get ----------------------------------------------------------------- */

void
scd_person_store_get_async (ScdPersonStore      *self,
                            const ScdActor      *actor,
                            gint64               id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = task_new (self, id, cancellable, callback, user_data, scd_person_store_get_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  scd_params_add_int (params, id);
  scd_store_run (SCD_STORE (self), get_sql, params, decode_person, g_object_unref, task);
}

ScPerson *
scd_person_store_get_finish (ScdPersonStore  *self,
                             GAsyncResult    *result,
                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- create -------------------------------------------------------------- */

void
scd_person_store_create_async (ScdPersonStore      *self,
                               const ScdActor      *actor,
                               JsonObject          *input,
                               gboolean             confirm_different,
                               ScdIdempotency      *idempotency,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, 0, cancellable, callback, user_data, scd_person_store_create_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_ptr_array_add (params, input_text (input));
  scd_params_add_bool (params, confirm_different);
  /* a unique key taken between the check and the insert (a twin request
   * at the same moment) is a plain CONFLICT */
  scd_store_create (SCD_STORE (self), actor, create_sql, params, idempotency, decode_created, NULL, NULL, task);
}

ScdCreated *
scd_person_store_create_finish (ScdPersonStore  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- update -------------------------------------------------------------- */

static GError *
stale (gint64 current_version)
{
  GError *error = g_error_new (SC_ERROR, SC_ERROR_PRECONDITION_FAILED,
                               "the person's record was changed by someone else (now at version %" G_GINT64_FORMAT
                               "): reload it and make your change again", current_version);

  sc_error_take_problem (error, sc_problem_new (SC_ERROR_PRECONDITION_FAILED, error->message));
  return error;
}

static void
version_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);

  if (pg == NULL)
    return;
  if (PQntuples (pg) == 0)
    {
      g_task_return_error (task, no_person (task));
      return;
    }
  ask->current_version = scd_pg_int (pg, 0, 0);
  g_task_return_error (task, stale (ask->current_version));
}

static void
update_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Ask *ask = g_task_get_task_data (task);
  g_autoptr(PGresult) pg = scd_store_query_finish (object, result, task);
  Columns columns;

  if (pg == NULL)
    return;
  if (PQntuples (pg) == 0)
    {
      g_task_return_error (task, no_person (task));
      return;
    }
  columns_find (pg, &columns);
  if (scd_pg_string (pg, 0, columns.id) != NULL)
    {
      g_task_return_pointer (task, person_from_row (pg, 0, &columns), g_object_unref);
      return;
    }

  ask->current_version = scd_pg_int (pg, 0, scd_pg_column (pg, "current_version"));
  if (ask->current_version == ask->version && scd_pg_string (pg, 0, scd_pg_column (pg, "match_id")) != NULL)
    {
      g_task_return_error (task, _scd_person_matched (pg, SCD_PERSON_MATCH_UPDATE));
      return;
    }
  if (ask->current_version == ask->version)
    {
      /* the version matched when the statement began, and a concurrent
       * change won the row: read the version it made */
      g_autofree char *id = g_strdup (scd_pg_string (pg, 0, scd_pg_column (pg, "current_id")));
      const char *params[] = { id };

      scd_db_query_async (SCD_DB (object), version_sql, params, 1, NULL, version_cb, g_steal_pointer (&task));
      return;
    }
  g_task_return_error (task, stale (ask->current_version));
}

void
scd_person_store_update_async (ScdPersonStore      *self,
                               const ScdActor      *actor,
                               gint64               id,
                               gint64               version,
                               JsonObject          *change,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task = task_new (self, id, cancellable, callback, user_data, scd_person_store_update_async);
  g_autoptr(ScdParams) params = scd_store_params_new (actor);

  g_return_if_fail (version > 0);

  ((Ask *) g_task_get_task_data (task))->version = version;
  scd_params_add_int (params, id);
  scd_params_add_int (params, version);
  g_ptr_array_add (params, input_text (change));
  scd_db_query_async (scd_store_get_db (SCD_STORE (self)), update_sql, scd_params_values (params), params->len,
                      cancellable, update_cb, task);
}

ScPerson *
scd_person_store_update_finish (ScdPersonStore  *self,
                                GAsyncResult    *result,
                                gint64          *current_version,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  if (current_version != NULL)
    *current_version = ((Ask *) g_task_get_task_data (G_TASK (result)))->current_version;
  return g_task_propagate_pointer (G_TASK (result), error);
}
