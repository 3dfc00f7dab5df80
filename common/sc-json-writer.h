/* sc-json-writer.h
 *
 * A JSON writer that appends text straight to a GString: no node tree, no
 * per-value allocation. Every model's codec writes through it, so the daemon
 * answers a list of fifty users by appending to one buffer. Its output is
 * always RFC 8259 JSON: strings are escaped, and text that is not valid UTF-8
 * is written with U+FFFD in place of each bad byte rather than passed on.
 *
 * Commas and colons are the writer's business: call _member() before each
 * value of an object, and values one after another in an array.
 *
 *   ScJsonWriter w;
 *   sc_json_writer_init (&w, buffer);
 *   sc_json_writer_begin_object (&w);
 *   sc_json_writer_member_int (&w, "id", 42);
 *   sc_json_writer_member_string (&w, "username", "asha");
 *   sc_json_writer_end_object (&w);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SC_JSON_WRITER_MAX_DEPTH 32

typedef struct
{
  GString *out;        /* borrowed */
  guint    depth;
  gboolean after_member;
  gboolean has_value[SC_JSON_WRITER_MAX_DEPTH + 1];
} ScJsonWriter;

void  sc_json_writer_init          (ScJsonWriter *writer,
                                    GString      *out);

void  sc_json_writer_begin_object  (ScJsonWriter *writer);
void  sc_json_writer_end_object    (ScJsonWriter *writer);
void  sc_json_writer_begin_array   (ScJsonWriter *writer);
void  sc_json_writer_end_array     (ScJsonWriter *writer);
/* The name of the next value in the current object. */
void  sc_json_writer_member        (ScJsonWriter *writer,
                                    const char   *name);

/* @value: (nullable): NULL is written as null */
void  sc_json_writer_string        (ScJsonWriter *writer,
                                    const char   *value);
void  sc_json_writer_int           (ScJsonWriter *writer,
                                    gint64        value);
void  sc_json_writer_boolean       (ScJsonWriter *writer,
                                    gboolean      value);
void  sc_json_writer_null          (ScJsonWriter *writer);
/* A time as RFC 3339 UTC to the second ("2026-11-23T09:15:02Z") from Unix
 * microseconds; 0 (no time) is written as null. */
void  sc_json_writer_time          (ScJsonWriter *writer,
                                    gint64        unix_usec);
/* A calendar date "YYYY-MM-DD"; NULL or invalid is written as null. */
void  sc_json_writer_date          (ScJsonWriter *writer,
                                    const GDate  *date);
/* @json must be one complete, valid JSON value (for example a stored
 * answer); it is appended as it is. */
void  sc_json_writer_raw           (ScJsonWriter *writer,
                                    const char   *json);

/* Shorthands: _member() then the value. */
void  sc_json_writer_member_string  (ScJsonWriter *writer,
                                     const char   *name,
                                     const char   *value);
void  sc_json_writer_member_int     (ScJsonWriter *writer,
                                     const char   *name,
                                     gint64        value);
void  sc_json_writer_member_boolean (ScJsonWriter *writer,
                                     const char   *name,
                                     gboolean      value);
void  sc_json_writer_member_null    (ScJsonWriter *writer,
                                     const char   *name);
void  sc_json_writer_member_time    (ScJsonWriter *writer,
                                     const char   *name,
                                     gint64        unix_usec);

/* Appends @value as a quoted, escaped JSON string to @out. */
void  sc_json_append_string        (GString      *out,
                                    const char   *value);

/* RFC 3339 UTC text of Unix microseconds, to the second, into @buf. */
#define SC_TIME_STRING_SIZE 21
void  sc_time_format               (gint64        unix_usec,
                                    char          buf[SC_TIME_STRING_SIZE]);
/* Parses RFC 3339 ("2026-11-23T09:15:02Z", any zone, fractions allowed)
 * into Unix microseconds. */
gboolean sc_time_parse             (const char   *text,
                                    gint64       *unix_usec);

G_END_DECLS
