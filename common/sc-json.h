/* sc-json.h
 *
 * Small helpers for explicit JSON codecs: read one member of an object with
 * its type checked, adding a field error (sc_set_field_error) for every bad
 * member, so one answer tells a form about all of its mistakes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-calendar.h"
#include "sc-json-writer.h"

G_BEGIN_DECLS

/* Each returns TRUE when the member is absent (and !@required) or valid.
 * *@out is left untouched when the member is absent. A JSON null counts as
 * absent. Errors accumulate in @error as field errors. */
gboolean sc_json_read_string  (JsonObject   *object,
                               const char   *member,
                               gboolean      required,
                               const char  **out,
                               GError      **error);
gboolean sc_json_read_boolean (JsonObject   *object,
                               const char   *member,
                               gboolean      required,
                               gboolean     *out,
                               gboolean     *present,
                               GError      **error);
gboolean sc_json_read_int     (JsonObject   *object,
                               const char   *member,
                               gboolean      required,
                               gint64       *out,
                               GError      **error);
/* An RFC 3339 time string, as Unix microseconds (sc_time_parse). */
gboolean sc_json_read_time    (JsonObject   *object,
                               const char   *member,
                               gboolean      required,
                               gint64       *out,
                               GError      **error);
/* A calendar date "YYYY-MM-DD" as an ScDay; absent or null is
 * SC_DAY_NONE (and a field error when @required). */
gboolean sc_json_read_day     (JsonObject   *object,
                               const char   *member,
                               gboolean      required,
                               ScDay        *out,
                               GError      **error);
/* @day as "YYYY-MM-DD", or null for SC_DAY_NONE */
void     sc_json_writer_member_day (ScJsonWriter *writer,
                                    const char   *member,
                                    ScDay         day);
/* An optional text of at most @max characters, trimmed ("" is none), into
 * *@out (replaced, owned); its field is @prefix then @member
 * ("stages[0].remedy"). FALSE with a field error when it is not text or
 * too long. */
gboolean sc_json_read_text    (JsonObject   *object,
                               const char   *prefix,
                               const char   *member,
                               int           max,
                               char        **out,
                               GError      **error);
/* The same for an optional word, one of @allowed (NULL-terminated) */
gboolean sc_json_read_word    (JsonObject         *object,
                               const char         *prefix,
                               const char         *member,
                               const char * const *allowed,
                               char              **out,
                               GError            **error);
/* Adds a field error for every member not in @allowed (NULL-terminated). */
gboolean sc_json_check_members (JsonObject        *object,
                                const char * const *allowed,
                                GError           **error);
/* The same, and a field error for every member of @members absent (a
 * change that names each one, "is needed (null for none)") */
gboolean sc_json_check_every_member (JsonObject         *object,
                                     const char * const *members,
                                     GError            **error);

/* Strict RFC 8259: one JSON text whose value is an object, at most
 * @max_depth deep, with unique member names, strings in valid UTF-8 without
 * NUL, and numbers json-glib stores faithfully (64-bit integers, finite
 * doubles). json-glib 1.6 is lenient, recursive and leaky on bad input, so
 * no text reaches it without passing this. SC_ERROR_MALFORMED ("invalid
 * JSON: ...") for text that is not such JSON, SC_ERROR_INVALID_INPUT for
 * valid JSON that is not an object. */
gboolean sc_json_check_object_text (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    GError     **error);

G_END_DECLS
