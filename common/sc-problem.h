/* sc-problem.h
 *
 * Problem documents (RFC 9457): the one shape every sendcase error takes on
 * the wire. The daemon builds them from a GError; the client parses them back
 * into a GError with the problem attached, so a field error raised by a
 * validator on the server reaches the widget beside that field intact.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "sc-error.h"

G_BEGIN_DECLS

#define SC_TYPE_PROBLEM (sc_problem_get_type ())

typedef struct _ScProblem ScProblem;

typedef struct
{
  char *field;
  char *message;
} ScFieldError;

GType         sc_problem_get_type          (void) G_GNUC_CONST;
ScProblem    *sc_problem_new               (ScErrorCode       code,
                                            const char       *detail);
ScProblem    *sc_problem_new_for_error     (const GError     *error);
ScProblem    *sc_problem_new_from_json     (JsonNode         *node,
                                            GError          **error);
ScProblem    *sc_problem_ref               (ScProblem        *problem);
void          sc_problem_unref             (ScProblem        *problem);
ScProblem    *sc_problem_copy              (const ScProblem  *problem);

ScErrorCode   sc_problem_get_code          (const ScProblem  *problem);
guint         sc_problem_get_status        (const ScProblem  *problem);
const char   *sc_problem_get_type_uri      (const ScProblem  *problem);
const char   *sc_problem_get_title         (const ScProblem  *problem);
const char   *sc_problem_get_detail        (const ScProblem  *problem);
const char   *sc_problem_get_request_id    (const ScProblem  *problem);
void          sc_problem_set_request_id    (ScProblem        *problem,
                                            const char       *request_id);
void          sc_problem_add_field_error   (ScProblem        *problem,
                                            const char       *field,
                                            const char       *message);
guint         sc_problem_get_n_field_errors (const ScProblem *problem);
const ScFieldError *sc_problem_get_field_error (const ScProblem *problem,
                                            guint             index);
const char   *sc_problem_lookup_field      (const ScProblem  *problem,
                                            const char       *field);

JsonNode     *sc_problem_to_json           (const ScProblem  *problem);
GError       *sc_problem_to_error          (const ScProblem  *problem);

/* GError carrying a problem (SC_ERROR is an extended error domain). */
const ScProblem *sc_error_get_problem      (const GError     *error);
void          sc_error_take_problem        (GError           *error,
                                            ScProblem        *problem);
void          sc_set_field_error           (GError          **error,
                                            const char       *field,
                                            const char       *format,
                                            ...) G_GNUC_PRINTF (3, 4);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProblem, sc_problem_unref)

G_END_DECLS
