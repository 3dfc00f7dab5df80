/* sc-page.h
 *
 * One page of a list, as every list route of the API answers it:
 *
 *   {"items": [ ... ], "next_cursor": "42"}
 *
 * next_cursor is opaque to clients and null on the last page. The items are
 * written and read by the model's own codec, so a list of users is a page of
 * exactly what GET /api/v1/users/{id} answers one at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "sc-json-writer.h"

G_BEGIN_DECLS

/* A model's writer, e.g. sc_user_write_json. */
typedef void     (*ScWriteJsonFunc) (gpointer       model,
                                     ScJsonWriter  *writer);
/* A model's reader, e.g. sc_user_new_from_json; returns a new GObject. */
typedef gpointer (*ScReadJsonFunc)  (JsonNode      *node,
                                     GError       **error);

/* @items: (element-type GObject): the page, in order
 * @next_cursor: (nullable): NULL on the last page */
void       sc_page_write_json (GPtrArray        *items,
                               ScWriteJsonFunc   write_item,
                               const char       *next_cursor,
                               ScJsonWriter     *writer);
/* Returns: (transfer full) (element-type GObject): the items, owning their
 * references, or NULL with an SC_ERROR_MALFORMED @error naming the item.
 * @next_cursor: (out) (optional) (nullable) (transfer full) */
GPtrArray *sc_page_read_json  (JsonNode         *node,
                               ScReadJsonFunc    read_item,
                               char            **next_cursor,
                               GError          **error);
/* The same for items that are not GObjects: @free_item frees one. */
GPtrArray *sc_page_read_json_full (JsonNode       *node,
                                   ScReadJsonFunc  read_item,
                                   GDestroyNotify  free_item,
                                   char          **next_cursor,
                                   GError        **error);

G_END_DECLS
