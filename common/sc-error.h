/* sc-error.h
 *
 * The one error domain of sendcase. Every layer that can fail reports an
 * SC_ERROR (or passes a G_IO_ERROR / SOUP_SESSION_ERROR through untouched);
 * the daemon maps the code to an HTTP status and a problem document, and the
 * client maps a problem document back to the same code, so both ends speak
 * of one failure in one vocabulary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_ERROR (sc_error_quark ())

typedef enum
{
  SC_ERROR_INVALID_INPUT,       /* 422: a field is wrong */
  SC_ERROR_MALFORMED,           /* 400: the request cannot be parsed at all */
  SC_ERROR_NOT_FOUND,           /* 404 */
  SC_ERROR_METHOD_NOT_ALLOWED,  /* 405 */
  SC_ERROR_CONFLICT,            /* 409 */
  SC_ERROR_PRECONDITION_FAILED, /* 412: stale If-Match */
  SC_ERROR_PRECONDITION_REQUIRED, /* 428: If-Match missing on an update */
  SC_ERROR_TOO_LARGE,           /* 413 */
  SC_ERROR_UNAUTHORIZED,        /* 401 */
  SC_ERROR_FORBIDDEN,           /* 403 */
  SC_ERROR_TOO_MANY_REQUESTS,   /* 429 */
  SC_ERROR_UNAVAILABLE,         /* 503: may work later */
  SC_ERROR_INTERNAL,            /* 500 */
} ScErrorCode;

GQuark       sc_error_quark            (void);
guint        sc_error_code_to_status   (ScErrorCode code);
ScErrorCode  sc_error_code_from_status (guint       status);
const char  *sc_error_code_to_slug     (ScErrorCode code);
const char  *sc_error_code_to_title    (ScErrorCode code);

G_END_DECLS
