/* sc-error.c
 *
 * The SC_ERROR domain and its fixed mapping to HTTP statuses, problem type
 * slugs and titles. The table below is the single place where an error code
 * meets HTTP: the daemon uses it to answer, the client to understand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-error"

#include "config.h"

#include <stdarg.h>

#include "sc-error.h"
#include "sc-problem.h"

/* SC_ERROR is an extended error domain: an error may carry the problem
 * document it came from (or will become), with its field errors. */
typedef struct
{
  ScProblem *problem;  /* owned, nullable */
} ScErrorPrivate;

static void
sc_error_private_init (ScErrorPrivate *priv)
{
  priv->problem = NULL;
}

static void
sc_error_private_copy (const ScErrorPrivate *src,
                       ScErrorPrivate       *dest)
{
  dest->problem = src->problem != NULL ? sc_problem_copy (src->problem) : NULL;
}

static void
sc_error_private_clear (ScErrorPrivate *priv)
{
  g_clear_pointer (&priv->problem, sc_problem_unref);
}

G_DEFINE_EXTENDED_ERROR (ScError, sc_error)

/**
 * sc_error_get_problem:
 *
 * Returns: (transfer none) (nullable): the problem carried by @error
 */
const ScProblem *
sc_error_get_problem (const GError *error)
{
  ScErrorPrivate *priv;

  if (error == NULL || error->domain != SC_ERROR)
    return NULL;
  priv = sc_error_get_private (error);
  return priv != NULL ? priv->problem : NULL;
}

/**
 * sc_error_take_problem:
 * @problem: (transfer full): the problem to attach
 */
void
sc_error_take_problem (GError    *error,
                       ScProblem *problem)
{
  ScErrorPrivate *priv;

  g_return_if_fail (error != NULL && error->domain == SC_ERROR);
  priv = sc_error_get_private (error);
  g_clear_pointer (&priv->problem, sc_problem_unref);
  priv->problem = problem;
}

/**
 * sc_set_field_error:
 *
 * Sets (or extends) an SC_ERROR_INVALID_INPUT error with one field error.
 * Validators call it once per bad field, so a form learns of every mistake
 * in one answer.
 */
void
sc_set_field_error (GError     **error,
                    const char  *field,
                    const char  *format,
                    ...)
{
  g_autofree char *message = NULL;
  ScErrorPrivate *priv;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (*error == NULL)
    *error = g_error_new (SC_ERROR, SC_ERROR_INVALID_INPUT, "%s: %s", field, message);
  else if ((*error)->domain != SC_ERROR)
    return;

  priv = sc_error_get_private (*error);
  if (priv->problem == NULL)
    priv->problem = sc_problem_new ((*error)->code, (*error)->message);
  sc_problem_add_field_error (priv->problem, field, message);
}

typedef struct
{
  ScErrorCode  code;
  guint        status;
  const char  *slug;
  const char  *title;
} ScErrorInfo;

static const ScErrorInfo error_info[] = {
  { SC_ERROR_INVALID_INPUT, 422, "invalid-input", "Invalid input" },
  { SC_ERROR_MALFORMED, 400, "malformed-request", "Malformed request" },
  { SC_ERROR_NOT_FOUND, 404, "not-found", "Not found" },
  { SC_ERROR_METHOD_NOT_ALLOWED, 405, "method-not-allowed", "Method not allowed" },
  { SC_ERROR_CONFLICT, 409, "conflict", "Conflict" },
  { SC_ERROR_PRECONDITION_FAILED, 412, "precondition-failed", "Precondition failed" },
  { SC_ERROR_PRECONDITION_REQUIRED, 428, "precondition-required", "Precondition required" },
  { SC_ERROR_TOO_LARGE, 413, "payload-too-large", "Payload too large" },
  { SC_ERROR_UNAUTHORIZED, 401, "unauthorized", "Unauthorized" },
  { SC_ERROR_FORBIDDEN, 403, "forbidden", "Forbidden" },
  { SC_ERROR_TOO_MANY_REQUESTS, 429, "too-many-requests", "Too many requests" },
  { SC_ERROR_UNAVAILABLE, 503, "unavailable", "Service unavailable" },
  { SC_ERROR_INTERNAL, 500, "internal", "Internal server error" },
};

static const ScErrorInfo *
lookup_code (ScErrorCode code)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (error_info[i].code == code)
      return &error_info[i];
  return &error_info[G_N_ELEMENTS (error_info) - 1];
}

guint
sc_error_code_to_status (ScErrorCode code)
{
  return lookup_code (code)->status;
}

const char *
sc_error_code_to_slug (ScErrorCode code)
{
  return lookup_code (code)->slug;
}

const char *
sc_error_code_to_title (ScErrorCode code)
{
  return lookup_code (code)->title;
}

ScErrorCode
sc_error_code_from_status (guint status)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_info); i++)
    if (error_info[i].status == status)
      return error_info[i].code;
  if (status >= 400 && status < 500)
    return SC_ERROR_INVALID_INPUT;
  return SC_ERROR_INTERNAL;
}
