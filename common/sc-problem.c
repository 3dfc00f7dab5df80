/* sc-problem.c
 *
 * The problem document codec (RFC 9457) and the bridge between problems and
 * GErrors. A problem is reference counted and immutable once sent; the list of
 * field errors is what lets a client put "must not be in the future" beside
 * the date entry it belongs to.
 *
 * The SC_ERROR domain is an extended error domain (sc-error.c), so that a
 * GError can carry its problem through GTask and back to a page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-problem"

#include "config.h"

#include "sc-problem.h"

struct _ScProblem
{
  ScErrorCode  code;
  guint        status;
  char        *type_uri;
  char        *title;
  char        *detail;
  char        *request_id;
  GArray      *field_errors;  /* of ScFieldError, owned */
};

G_DEFINE_BOXED_TYPE (ScProblem, sc_problem, sc_problem_ref, sc_problem_unref)

static void
field_error_clear (gpointer data)
{
  ScFieldError *fe = data;

  g_clear_pointer (&fe->field, g_free);
  g_clear_pointer (&fe->message, g_free);
}

/* Text that goes into a problem document may come from the request (a path,
 * a member name): it is kept as valid UTF-8, so the document is valid JSON
 * whatever was sent. */
static char *
dup_text (const char *text)
{
  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return g_strdup (text);
  return g_utf8_make_valid (text, -1);
}

static ScProblem *
problem_alloc (void)
{
  ScProblem *problem = g_rc_box_new0 (ScProblem);

  problem->field_errors = g_array_new (FALSE, TRUE, sizeof (ScFieldError));
  g_array_set_clear_func (problem->field_errors, field_error_clear);
  return problem;
}

static void
problem_clear (gpointer data)
{
  ScProblem *problem = data;

  g_clear_pointer (&problem->type_uri, g_free);
  g_clear_pointer (&problem->title, g_free);
  g_clear_pointer (&problem->detail, g_free);
  g_clear_pointer (&problem->request_id, g_free);
  g_clear_pointer (&problem->field_errors, g_array_unref);
}

/**
 * sc_problem_new:
 * @code: the error code
 * @detail: (nullable): a sentence for the person reading it
 *
 * Returns: (transfer full): a new problem
 */
ScProblem *
sc_problem_new (ScErrorCode  code,
                const char  *detail)
{
  ScProblem *problem = problem_alloc ();

  problem->code = code;
  problem->status = sc_error_code_to_status (code);
  problem->type_uri = g_strconcat ("/problems/", sc_error_code_to_slug (code), NULL);
  problem->title = g_strdup (sc_error_code_to_title (code));
  problem->detail = dup_text (detail);
  return problem;
}

ScProblem *
sc_problem_ref (ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return g_rc_box_acquire (problem);
}

void
sc_problem_unref (ScProblem *problem)
{
  g_return_if_fail (problem != NULL);
  g_rc_box_release_full (problem, problem_clear);
}

/**
 * sc_problem_copy:
 *
 * Returns: (transfer full): a deep copy of @problem
 */
ScProblem *
sc_problem_copy (const ScProblem *problem)
{
  ScProblem *copy;

  g_return_val_if_fail (problem != NULL, NULL);

  copy = problem_alloc ();
  copy->code = problem->code;
  copy->status = problem->status;
  copy->type_uri = g_strdup (problem->type_uri);
  copy->title = g_strdup (problem->title);
  copy->detail = g_strdup (problem->detail);
  copy->request_id = g_strdup (problem->request_id);
  for (guint i = 0; i < problem->field_errors->len; i++)
    {
      const ScFieldError *fe = &g_array_index (problem->field_errors, ScFieldError, i);
      sc_problem_add_field_error (copy, fe->field, fe->message);
    }
  return copy;
}

/**
 * sc_problem_new_for_error:
 * @error: any error
 *
 * Builds the problem that answers @error. An SC_ERROR keeps its code and
 * attached field errors; its detail is the attached problem's detail if it
 * has one, else the error's message. Any other domain, and SC_ERROR_INTERNAL,
 * is an internal error whose own message stays in the log: the detail sent
 * is generic, so no SQL text or server internals ever reach a client.
 *
 * Returns: (transfer full): a new problem
 */
ScProblem *
sc_problem_new_for_error (const GError *error)
{
  const ScProblem *attached;
  ScProblem *problem;

  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain != SC_ERROR || error->code == SC_ERROR_INTERNAL)
    return sc_problem_new (SC_ERROR_INTERNAL, "the server could not complete the request");

  /* A problem attached to the error says what the client may read; the
   * error's own message may be internal (PostgreSQL's words) and is kept
   * for the log. */
  attached = sc_error_get_problem (error);
  problem = sc_problem_new (error->code,
                            attached != NULL && attached->detail != NULL ? attached->detail
                                                                         : error->message);
  if (attached != NULL)
    {
      for (guint i = 0; i < attached->field_errors->len; i++)
        {
          const ScFieldError *fe = &g_array_index (attached->field_errors, ScFieldError, i);
          sc_problem_add_field_error (problem, fe->field, fe->message);
        }
      if (attached->request_id != NULL)
        sc_problem_set_request_id (problem, attached->request_id);
    }
  return problem;
}

ScErrorCode
sc_problem_get_code (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, SC_ERROR_INTERNAL);
  return problem->code;
}

guint
sc_problem_get_status (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 500);
  return problem->status;
}

const char *
sc_problem_get_type_uri (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->type_uri;
}

const char *
sc_problem_get_title (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->title;
}

const char *
sc_problem_get_detail (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->detail;
}

const char *
sc_problem_get_request_id (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);
  return problem->request_id;
}

void
sc_problem_set_request_id (ScProblem  *problem,
                           const char *request_id)
{
  g_return_if_fail (problem != NULL);
  g_free (problem->request_id);
  problem->request_id = dup_text (request_id);
}

void
sc_problem_add_field_error (ScProblem  *problem,
                            const char *field,
                            const char *message)
{
  ScFieldError fe;

  g_return_if_fail (problem != NULL);
  g_return_if_fail (field != NULL);
  g_return_if_fail (message != NULL);

  fe.field = dup_text (field);
  fe.message = dup_text (message);
  g_array_append_val (problem->field_errors, fe);
}

guint
sc_problem_get_n_field_errors (const ScProblem *problem)
{
  g_return_val_if_fail (problem != NULL, 0);
  return problem->field_errors->len;
}

/**
 * sc_problem_get_field_error:
 *
 * Returns: (transfer none): the field error at @index
 */
const ScFieldError *
sc_problem_get_field_error (const ScProblem *problem,
                            guint            index)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (index < problem->field_errors->len, NULL);
  return &g_array_index (problem->field_errors, ScFieldError, index);
}

/**
 * sc_problem_lookup_field:
 *
 * Returns: (nullable) (transfer none): the first message for @field
 */
const char *
sc_problem_lookup_field (const ScProblem *problem,
                         const char      *field)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < problem->field_errors->len; i++)
    {
      const ScFieldError *fe = &g_array_index (problem->field_errors, ScFieldError, i);
      if (g_strcmp0 (fe->field, field) == 0)
        return fe->message;
    }
  return NULL;
}

/**
 * sc_problem_to_json:
 *
 * Returns: (transfer full): the problem document
 */
JsonNode *
sc_problem_to_json (const ScProblem *problem)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (problem != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, problem->type_uri);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, problem->title);
  json_builder_set_member_name (builder, "status");
  json_builder_add_int_value (builder, problem->status);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, sc_error_code_to_slug (problem->code));
  if (problem->detail != NULL)
    {
      json_builder_set_member_name (builder, "detail");
      json_builder_add_string_value (builder, problem->detail);
    }
  if (problem->request_id != NULL)
    {
      json_builder_set_member_name (builder, "request_id");
      json_builder_add_string_value (builder, problem->request_id);
    }
  if (problem->field_errors->len > 0)
    {
      json_builder_set_member_name (builder, "errors");
      json_builder_begin_array (builder);
      for (guint i = 0; i < problem->field_errors->len; i++)
        {
          const ScFieldError *fe = &g_array_index (problem->field_errors, ScFieldError, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "field");
          json_builder_add_string_value (builder, fe->field);
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, fe->message);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
dup_optional_string (JsonObject  *object,
                     const char  *member,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "problem member \"%s\" must be a string", member);
      return NULL;
    }
  return json_node_get_string (node);
}

/**
 * sc_problem_new_from_json:
 * @node: a parsed problem document
 *
 * Parses a problem document. Unknown members are ignored (RFC 9457 allows
 * extensions); a member of the wrong type is an error.
 *
 * Returns: (transfer full) (nullable): the problem, or %NULL with @error set
 */
ScProblem *
sc_problem_new_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(ScProblem) problem = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *member;
  const char *code_slug;
  const char *detail;
  gint64 status;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED, "problem document is not an object");
      return NULL;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "status");
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_INT64)
    {
      g_set_error_literal (error, SC_ERROR, SC_ERROR_MALFORMED,
                           "problem document has no integer \"status\"");
      return NULL;
    }
  status = json_node_get_int (member);
  if (status < 100 || status > 599)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_MALFORMED,
                   "problem status %" G_GINT64_FORMAT " is not an HTTP status", status);
      return NULL;
    }

  detail = dup_optional_string (object, "detail", &local_error);
  if (local_error == NULL)
    code_slug = dup_optional_string (object, "code", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  problem = sc_problem_new (sc_error_code_from_status ((guint) status), detail);
  problem->status = (guint) status;
  if (code_slug != NULL)
    {
      for (int code = SC_ERROR_INVALID_INPUT; code <= SC_ERROR_INTERNAL; code++)
        if (g_str_equal (sc_error_code_to_slug (code), code_slug))
          problem->code = code;
    }

  {
    const char *type_uri = dup_optional_string (object, "type", NULL);
    const char *title = dup_optional_string (object, "title", NULL);
    const char *request_id = dup_optional_string (object, "request_id", NULL);

    if (type_uri != NULL)
      {
        g_free (problem->type_uri);
        problem->type_uri = g_strdup (type_uri);
      }
    if (title != NULL)
      {
        g_free (problem->title);
        problem->title = g_strdup (title);
      }
    if (request_id != NULL)
      sc_problem_set_request_id (problem, request_id);
  }

  member = json_object_get_member (object, "errors");
  if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
    {
      JsonArray *array = json_node_get_array (member);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *item_object;
          const char *field;
          const char *message;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;
          item_object = json_node_get_object (item);
          field = dup_optional_string (item_object, "field", NULL);
          message = dup_optional_string (item_object, "message", NULL);
          if (field != NULL && message != NULL)
            sc_problem_add_field_error (problem, field, message);
        }
    }

  return g_steal_pointer (&problem);
}

/**
 * sc_problem_to_error:
 *
 * Returns: (transfer full): an SC_ERROR whose message is the detail (or the
 *   title) and which carries a copy of @problem
 */
GError *
sc_problem_to_error (const ScProblem *problem)
{
  GError *error;

  g_return_val_if_fail (problem != NULL, NULL);

  error = g_error_new_literal (SC_ERROR, problem->code,
                               problem->detail != NULL ? problem->detail : problem->title);
  sc_error_take_problem (error, sc_problem_copy (problem));
  return error;
}
