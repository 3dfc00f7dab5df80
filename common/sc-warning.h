/* sc-warning.h
 *
 * ScWarning: what a record's warnings are made of, a code a program can
 * rely on and a message a person reads. Warnings are worked out from a
 * record, never stored, and never block anything. Written as
 *
 *   "warnings": [{"code": "comments_unrecorded", "message": "..."}]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

typedef struct
{
  const char *code;               /* static */
  char       *message;            /* owned */
} ScWarning;

/* An empty list that frees its warnings */
GPtrArray *sc_warnings_new        (void);
void       sc_warnings_add        (GPtrArray    *warnings,
                                   const char   *code,
                                   const char   *format,
                                   ...) G_GNUC_PRINTF (3, 4);
/* Writes member @member, the list */
void       sc_warnings_write_json (GPtrArray    *warnings,
                                   const char   *member,
                                   ScJsonWriter *writer);

G_END_DECLS
