/* sc-csv.h
 *
 * ScCsvReader: the records of a CSV file as RFC 4180 writes them, and as
 * the DfE's establishment files are published: fields separated by
 * commas, a field in double quotes may hold commas, line breaks and
 * doubled quotes, records end with CRLF or LF. The file is UTF-8 (a byte
 * order mark is skipped) or, when it is not valid UTF-8, Windows-1252,
 * converted; the fields are always UTF-8. Each record says the line it
 * starts on, for messages about it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sc-calendar.h"

G_BEGIN_DECLS

typedef struct _ScCsvReader ScCsvReader;

ScCsvReader *sc_csv_reader_new        (GBytes       *data);
void         sc_csv_reader_free       (ScCsvReader  *reader);
/* TRUE if the file was read as Windows-1252 */
gboolean     sc_csv_reader_was_converted (ScCsvReader *reader);
/* The next record: its fields (transfer none: valid until the next call)
 * and the line it starts on, from 1. FALSE at the end of the file, or
 * with SC_ERROR_INVALID_INPUT for a quote never closed. */
gboolean     sc_csv_reader_next       (ScCsvReader  *reader,
                                       GPtrArray   **fields,
                                       guint        *line,
                                       GError      **error);
/* How far through the file the reader is, from 0 to 1 */
double       sc_csv_reader_get_fraction (ScCsvReader *reader);

/* Writing: @text (NULL: empty) as one field, quoted when it must be and
 * kept from reading as a spreadsheet formula, then a comma, or CRLF when
 * it is the record's @last */
void         sc_csv_append_field      (GString      *out,
                                       const char   *text,
                                       gboolean      last);
/* A day as YYYY-MM-DD (SC_DAY_NONE: empty), not the last field */
void         sc_csv_append_day        (GString      *out,
                                       ScDay         day);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScCsvReader, sc_csv_reader_free)

G_END_DECLS
