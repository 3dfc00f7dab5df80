/* scd-plan-pdf.c
 *
 * The plan's printed form (scd-plan-pdf.h). The page is laid out twice:
 * once to count the pages, without drawing, and once to draw them, so
 * that every page can say "Page 2 of 7". Text flows a line at a time, so
 * a long paragraph, or a table row with a long cell, continues on the
 * next page instead of running off this one; a table's header row is
 * repeated on every page it reaches.
 *
 * What the sections hold is read from their JSON (sc-plan.h documents
 * it); the amendment notice reads the difference of two versions from
 * sc_plan_version_write_diff_json(), the same the API answers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-plan-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sc-error.h"
#include "sc-json-writer.h"
#include "scd-plan-pdf.h"

/* A4 in points, with 20 mm margins */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN       56.693
#define BODY_WIDTH   (PAGE_WIDTH - 2 * MARGIN)
#define BODY_TOP     (MARGIN + 30.0)
#define BODY_BOTTOM  (PAGE_HEIGHT - MARGIN - 24.0)
#define CELL_PAD     4.0

typedef enum
{
  FONT_BODY,
  FONT_SMALL,
  FONT_TABLE,
  FONT_TABLE_HEAD,
  FONT_TITLE,
  FONT_HEADING,
  FONT_SUBHEADING,
  N_FONTS,
} Font;

/* DejaVu Sans: a clear sans-serif with every Latin letter a name may
 * need; body text at 11 points */
static const char * const font_names[N_FONTS] = {
  "DejaVu Sans 11", "DejaVu Sans 8.5", "DejaVu Sans 9.5", "DejaVu Sans Bold 9.5",
  "DejaVu Sans Bold 18", "DejaVu Sans Bold 13.5", "DejaVu Sans Bold 11",
};

typedef struct
{
  guint               n;
  const double       *widths;     /* fractions of the body's width */
  const char * const *headers;
} Shape;

typedef struct
{
  const ScPlanDocument  *document;
  cairo_surface_t       *surface;
  cairo_t               *cr;
  PangoContext          *context;
  PangoFontDescription  *fonts[N_FONTS];
  gboolean               drawing;
  int                    page;     /* the page being laid out, from 1 */
  int                    pages;    /* how many there are: known when drawing */
  double                 y;
  char                  *head;     /* the running head */
  const Shape           *table;    /* the table being laid out, for its header on a new page */
} Pdf;

/* --- words ------------------------------------------------------------------ */

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December",
};

/* "2026-09-01" as "1 September 2026", or "1 Sep 2026" @short for a
 * table's narrow column; what is not such a date, as it is */
static char *
format_date_full (const char *text,
                  gboolean    short_month)
{
  int year, month, day;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3 || month < 1 || month > 12)
    return g_strdup (text);
  return g_strdup_printf ("%d %.*s %d", day, short_month ? 3 : -1, month_names[month - 1], year);
}

static char *
format_date (const char *text)
{
  return format_date_full (text, FALSE);
}

static char *
format_short_date (const char *text)
{
  return format_date_full (text, TRUE);
}

static char *
format_pence (gint64 pence)
{
  GString *out = g_string_new ("£");
  g_autofree char *pounds = g_strdup_printf ("%" G_GINT64_FORMAT, pence / 100);
  gsize len = strlen (pounds);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, pounds[i]);
    }
  g_string_append_printf (out, ".%02d", (int) (pence % 100));
  return g_string_free (out, FALSE);
}

static char *
format_ref (const char *link)
{
  return sc_plan_ref_display (link);
}

static char *
format_links (JsonArray *links)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      g_autofree char *ref = format_ref (json_array_get_string_element (links, i));

      g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", ref);
    }
  return g_string_free (out, FALSE);
}

static const char *
kind_title (const char *kind)
{
  if (g_strcmp0 (kind, "draft") == 0)
    return "Draft Education, Health and Care Plan";
  if (g_strcmp0 (kind, "amended") == 0)
    return "Amended Education, Health and Care Plan";
  if (g_strcmp0 (kind, "proposed") == 0)
    return "Notice of Proposed Amendments to an EHC Plan";
  return "Education, Health and Care Plan";
}

/* "Section H1: Social care provision for a young person under 18" */
static char *
section_heading (ScPlanSectionId section)
{
  g_autofree char *id = g_ascii_strup (sc_plan_section_id_to_string (section), -1);

  return g_strdup_printf ("Section %s: %s", id, sc_plan_section_title (section));
}

/* The same, short enough for the running head */
static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "draft") == 0)
    return "Draft EHC plan";
  if (g_strcmp0 (kind, "amended") == 0)
    return "Amended EHC plan";
  if (g_strcmp0 (kind, "proposed") == 0)
    return "Amendment notice";
  return "EHC plan";
}

static gboolean
is_notice (const ScPlanDocument *document)
{
  return g_strcmp0 (sc_plan_version_get_kind (document->version), "proposed") == 0;
}

/* --- pages and lines --------------------------------------------------------- */

static PangoLayout *
layout_new (Pdf        *pdf,
            Font        font,
            const char *text,
            double      width)
{
  PangoLayout *layout = pango_layout_new (pdf->context);

  pango_layout_set_font_description (layout, pdf->fonts[font]);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
draw_text_at (Pdf        *pdf,
              Font        font,
              const char *text,
              double      x,
              double      y,
              double      width,
              PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = layout_new (pdf, font, text, width);

  pango_layout_set_alignment (layout, alignment);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
page_start (Pdf *pdf)
{
  g_autofree char *count = NULL;
  g_autofree char *left = NULL;

  pdf->page++;
  pdf->y = BODY_TOP;
  if (!pdf->drawing)
    return;
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  draw_text_at (pdf, FONT_SMALL, pdf->head, MARGIN, MARGIN, BODY_WIDTH, PANGO_ALIGN_LEFT);
  cairo_set_line_width (pdf->cr, 0.6);
  cairo_move_to (pdf->cr, MARGIN, MARGIN + 18);
  cairo_line_to (pdf->cr, PAGE_WIDTH - MARGIN, MARGIN + 18);
  cairo_stroke (pdf->cr);
  count = g_strdup_printf ("Page %d of %d", pdf->page, pdf->pages);
  left = g_strdup_printf ("Case %" G_GINT64_FORMAT, pdf->document->case_id);
  draw_text_at (pdf, FONT_SMALL, left, MARGIN, PAGE_HEIGHT - MARGIN - 10, BODY_WIDTH / 2, PANGO_ALIGN_LEFT);
  draw_text_at (pdf, FONT_SMALL, count, MARGIN + BODY_WIDTH / 2, PAGE_HEIGHT - MARGIN - 10, BODY_WIDTH / 2,
                PANGO_ALIGN_RIGHT);
}

static void table_header (Pdf *pdf);

static void
page_break (Pdf *pdf)
{
  if (pdf->drawing)
    cairo_show_page (pdf->cr);
  page_start (pdf);
  if (pdf->table != NULL)
    table_header (pdf);
}

/* The bottom of the last line of @layout, in its own coordinates, that
 * ends at or before @limit; @from if none does. Draws the lines from
 * @from to there with the layout's @from at (@x, @top). */
static double
draw_lines (Pdf         *pdf,
            PangoLayout *layout,
            double       x,
            double       top,
            double       from,
            double       limit)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);
  double reached = from;

  do
    {
      PangoRectangle line;
      double line_top, line_bottom;

      pango_layout_iter_get_line_extents (iter, NULL, &line);
      line_top = pango_units_to_double (line.y);
      line_bottom = pango_units_to_double (line.y + line.height);
      if (line_top < from - 0.01)
        continue;
      if (line_bottom > limit + 0.01)
        break;
      if (pdf->drawing)
        {
          cairo_move_to (pdf->cr, x + pango_units_to_double (line.x),
                         top + pango_units_to_double (pango_layout_iter_get_baseline (iter)) - from);
          pango_cairo_show_layout_line (pdf->cr, pango_layout_iter_get_line_readonly (iter));
        }
      reached = line_bottom;
    }
  while (pango_layout_iter_next_line (iter));
  return reached;
}

static double
layout_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_size (layout, &width, &height);
  return pango_units_to_double (height);
}

/* Starts a new page unless @height fits below the current line */
static void
keep (Pdf    *pdf,
      double  height)
{
  if (pdf->y + height > BODY_BOTTOM && pdf->y > BODY_TOP)
    page_break (pdf);
}

/* A paragraph, continued on the next page where it must be */
static void
flow_text (Pdf        *pdf,
           Font        font,
           const char *tag,
           const char *text,
           double      after)
{
  g_autoptr(PangoLayout) layout = layout_new (pdf, font, text, BODY_WIDTH);
  double height = layout_height (layout);
  double done = 0;

  if (pdf->drawing)
    cairo_tag_begin (pdf->cr, tag, NULL);
  while (done < height - 0.01)
    {
      double reached = draw_lines (pdf, layout, MARGIN, pdf->y, done, done + BODY_BOTTOM - pdf->y);

      if (reached == done && pdf->y == BODY_TOP)
        break;   /* a line taller than a page: nothing more can be done */
      pdf->y += reached - done;
      done = reached;
      if (done < height - 0.01)
        page_break (pdf);
    }
  if (pdf->drawing)
    cairo_tag_end (pdf->cr, tag);
  pdf->y += after;
}

/* Every line of @text a paragraph of its own */
static void
flow_paragraphs (Pdf        *pdf,
                 const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      flow_text (pdf, FONT_BODY, "P", lines[i], 6);
}

static void
heading (Pdf        *pdf,
         Font        font,
         const char *tag,
         const char *text,
         gboolean    outline)
{
  g_autoptr(PangoLayout) layout = layout_new (pdf, font, text, BODY_WIDTH);

  pdf->y += font == FONT_SUBHEADING ? 4 : 10;
  keep (pdf, layout_height (layout) + 90);   /* a heading stays with what follows it */
  if (pdf->drawing)
    {
      cairo_tag_begin (pdf->cr, tag, NULL);
      cairo_move_to (pdf->cr, MARGIN, pdf->y);
      pango_cairo_show_layout (pdf->cr, layout);
      cairo_tag_end (pdf->cr, tag);
      if (outline)
        {
          g_autofree char *at = g_strdup_printf ("page=%d pos=[%.1f %.1f]", pdf->page, MARGIN, pdf->y);

          cairo_pdf_surface_add_outline (pdf->surface, CAIRO_PDF_OUTLINE_ROOT, text, at, 0);
        }
    }
  pdf->y += layout_height (layout) + 6;
}

/* --- tables ------------------------------------------------------------------ */

/* One row of cells, split across pages at line boundaries when it must be */
static void
table_cells (Pdf                *pdf,
             const Shape        *shape,
             Font                font,
             gboolean            header,
             const char * const *cells)
{
  PangoLayout *layouts[8];
  double done[8] = { 0 }, heights[8], total = 0;
  gboolean finished = FALSE;

  g_assert (shape->n <= G_N_ELEMENTS (layouts));
  for (guint c = 0; c < shape->n; c++)
    {
      layouts[c] = layout_new (pdf, font, cells[c], shape->widths[c] * BODY_WIDTH - 2 * CELL_PAD);
      heights[c] = layout_height (layouts[c]);
      total = MAX (total, heights[c]);
    }
  /* a row that would fit whole on the next page is not split */
  if (!header && pdf->y + total + 2 * CELL_PAD > BODY_BOTTOM && total + 2 * CELL_PAD < BODY_BOTTOM - BODY_TOP - 40)
    page_break (pdf);
  if (pdf->drawing)
    cairo_tag_begin (pdf->cr, "TR", NULL);
  while (!finished)
    {
      double limit = BODY_BOTTOM - pdf->y - 2 * CELL_PAD, portion = 0, x = MARGIN;
      gboolean moved = FALSE;

      finished = TRUE;
      for (guint c = 0; c < shape->n; c++)
        {
          double width = shape->widths[c] * BODY_WIDTH;
          double reached = done[c];

          if (pdf->drawing)
            {
              cairo_tag_begin (pdf->cr, header ? "TH" : "TD", NULL);
              cairo_set_source_rgb (pdf->cr, 0, 0, 0);
            }
          if (done[c] < heights[c] - 0.01)
            reached = draw_lines (pdf, layouts[c], x + CELL_PAD, pdf->y + CELL_PAD, done[c], done[c] + limit);
          if (pdf->drawing)
            cairo_tag_end (pdf->cr, header ? "TH" : "TD");
          moved = moved || reached > done[c];
          portion = MAX (portion, reached - done[c]);
          done[c] = reached;
          finished = finished && done[c] >= heights[c] - 0.01;
          x += width;
        }
      if (!moved)
        {
          /* no line of the row fits here: the next page, unless this is
           * a fresh page already (a line taller than a page) */
          if (pdf->y == BODY_TOP)
            break;
          page_break (pdf);
          continue;
        }
      if (pdf->drawing)
        {
          double height = portion + 2 * CELL_PAD;

          x = MARGIN;
          cairo_set_line_width (pdf->cr, 0.5);
          for (guint c = 0; c < shape->n; c++)
            {
              cairo_rectangle (pdf->cr, x, pdf->y, shape->widths[c] * BODY_WIDTH, height);
              x += shape->widths[c] * BODY_WIDTH;
            }
          cairo_stroke (pdf->cr);
        }
      pdf->y += portion + 2 * CELL_PAD;
      if (!finished)
        page_break (pdf);
    }
  if (pdf->drawing)
    cairo_tag_end (pdf->cr, "TR");
  for (guint c = 0; c < shape->n; c++)
    g_object_unref (layouts[c]);
}

static void
table_header (Pdf *pdf)
{
  if (pdf->table->headers != NULL)
    table_cells (pdf, pdf->table, FONT_TABLE_HEAD, TRUE, pdf->table->headers);
}

static void
table_begin (Pdf         *pdf,
             const Shape *shape)
{
  keep (pdf, 60);
  pdf->table = shape;
  if (pdf->drawing)
    cairo_tag_begin (pdf->cr, "Table", NULL);
  table_header (pdf);
}

static void
table_end (Pdf *pdf)
{
  if (pdf->drawing)
    cairo_tag_end (pdf->cr, "Table");
  pdf->table = NULL;
  pdf->y += 8;
}

static void
table_row (Pdf                *pdf,
           const char * const *cells)
{
  table_cells (pdf, pdf->table, FONT_TABLE, FALSE, cells);
}

/* --- sections ---------------------------------------------------------------- */

static const double needs_widths[] = { 0.1, 0.9 };
static const char * const needs_headers[] = { "Ref", "Need" };
static const Shape needs_shape = { 2, needs_widths, needs_headers };

static const double outcomes_widths[] = { 0.1, 0.7, 0.2 };
static const char * const outcomes_headers[] = { "Ref", "Outcome", "Meets needs" };
static const Shape outcomes_shape = { 3, outcomes_widths, outcomes_headers };

static const double provision_widths[] = { 0.07, 0.30, 0.16, 0.20, 0.15, 0.12 };
static const char * const provision_headers[] = {
  "Ref", "Provision", "Provided by", "How much", "When", "Meets",
};
static const Shape provision_shape = { 6, provision_widths, provision_headers };

static const double advice_widths[] = { 0.1, 0.5, 0.2, 0.2 };
static const char * const advice_headers[] = { "Ref", "Advice from", "Kind of advice", "Received" };
static const Shape advice_shape = { 4, advice_widths, advice_headers };

static const double pairs_widths[] = { 0.3, 0.7 };
static const Shape pairs_shape = { 2, pairs_widths, NULL };

static const Shape *
rows_shape (ScPlanSectionKind kind)
{
  switch (kind)
    {
    case SC_PLAN_KIND_NEEDS: return &needs_shape;
    case SC_PLAN_KIND_OUTCOMES: return &outcomes_shape;
    case SC_PLAN_KIND_PROVISION: return &provision_shape;
    case SC_PLAN_KIND_ADVICE: return &advice_shape;
    default: return NULL;
    }
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING ?
         json_node_get_string (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* Appends "Label: value" as a line of @out when @value is given */
static void
add_line (GString    *out,
          const char *label,
          const char *value)
{
  if (value == NULL || *value == '\0')
    return;
  g_string_append_printf (out, "%s%s%s", out->len > 0 ? "\n" : "", label, value);
}

/* One row of a section of rows, in that section's table */
static void
write_row (Pdf             *pdf,
           ScPlanSectionId  section,
           JsonObject      *row)
{
  g_autofree char *id = g_strdup_printf ("%s.%s", sc_plan_section_id_to_string (section), member (row, "id"));
  g_autofree char *ref = format_ref (id);

  switch (sc_plan_section_kind (section))
    {
    case SC_PLAN_KIND_NEEDS:
      {
        const char *cells[] = { ref, member (row, "text") };

        table_row (pdf, cells);
        break;
      }
    case SC_PLAN_KIND_OUTCOMES:
      {
        g_autofree char *needs = format_links (member_array (row, "needs"));
        const char *cells[] = { ref, member (row, "text"), needs };

        table_row (pdf, cells);
        break;
      }
    case SC_PLAN_KIND_PROVISION:
      {
        g_autoptr(GString) much = g_string_new (NULL);
        g_autoptr(GString) when = g_string_new (NULL);
        g_autoptr(GString) links = g_string_new (NULL);
        g_autofree char *from = format_short_date (member (row, "from"));
        g_autofree char *to = format_short_date (member (row, "to"));
        g_autofree char *needs = format_links (member_array (row, "needs"));
        g_autofree char *outcomes = format_links (member_array (row, "outcomes"));
        const char *cells[6];

        add_line (much, "How often: ", member (row, "frequency"));
        add_line (much, "Each time: ", member (row, "duration"));
        add_line (much, "Group: ", member (row, "group_size"));
        add_line (when, "From ", from);
        add_line (when, "to ", to);
        add_line (links, "", needs);
        add_line (links, "", outcomes);
        cells[0] = ref;
        cells[1] = member (row, "text");
        cells[2] = member (row, "provider");
        cells[3] = much->str;
        cells[4] = when->str;
        cells[5] = links->str;
        table_row (pdf, cells);
        break;
      }
    case SC_PLAN_KIND_ADVICE:
      {
        g_autofree char *received = format_short_date (member (row, "received"));
        g_autofree char *kind = member (row, "advice") != NULL ? g_strdelimit (g_strdup (member (row, "advice")), "_", ' ')
                                                              : NULL;
        const char *cells[] = { ref, member (row, "source"), kind, received };

        table_row (pdf, cells);
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
write_rows (Pdf             *pdf,
            ScPlanSectionId  section,
            JsonArray       *rows)
{
  table_begin (pdf, rows_shape (sc_plan_section_kind (section)));
  for (guint i = 0; i < json_array_get_length (rows); i++)
    write_row (pdf, section, json_array_get_object_element (rows, i));
  table_end (pdf);
}

static void
write_pair (Pdf        *pdf,
            const char *label,
            const char *value)
{
  const char *cells[] = { label, value };

  if (value != NULL && *value != '\0')
    table_row (pdf, cells);
}

static void
write_object (Pdf             *pdf,
              ScPlanSectionId  section,
              JsonObject      *content)
{
  JsonNode *amount = json_object_get_member (content, "amount_pence");
  g_autofree char *money = amount != NULL ? format_pence (json_node_get_int (amount)) : NULL;

  table_begin (pdf, &pairs_shape);
  if (sc_plan_section_kind (section) == SC_PLAN_KIND_PLACEMENT)
    {
      write_pair (pdf, "School, college or other institution", member (content, "name"));
      write_pair (pdf, "Type of setting", member (content, "type"));
      write_pair (pdf, "Unique reference number", member (content, "urn"));
    }
  else
    {
      write_pair (pdf, "Amount each year", money);
      write_pair (pdf, "What it covers", member (content, "covers"));
    }
  table_end (pdf);
}

static void
nothing_recorded (Pdf *pdf)
{
  flow_text (pdf, FONT_BODY, "P", "Nothing is recorded in this section.", 6);
}

static void
write_section (Pdf             *pdf,
               ScPlanSectionId  section,
               const char      *content)
{
  g_autofree char *title = section_heading (section);
  g_autoptr(JsonNode) node = json_from_string (content, NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonArray *rows = object != NULL ? member_array (object, "rows") : NULL;

  heading (pdf, FONT_HEADING, "H2", title, TRUE);
  if (object == NULL || json_object_get_size (object) == 0 || (rows != NULL && json_array_get_length (rows) == 0))
    nothing_recorded (pdf);
  else if (sc_plan_section_kind (section) == SC_PLAN_KIND_TEXT)
    flow_paragraphs (pdf, member (object, "text"));
  else if (rows != NULL)
    write_rows (pdf, section, rows);
  else
    write_object (pdf, section, object);
}

/* --- the two documents --------------------------------------------------------- */

static void
write_details (Pdf *pdf)
{
  const ScPlanDocument *document = pdf->document;
  g_autofree char *born = format_date (document->date_of_birth);
  g_autofree char *issued = format_date (document->issued_on);
  g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT, sc_plan_version_get_number (document->version));
  g_autofree char *reference = g_strdup_printf ("%" G_GINT64_FORMAT, document->case_id);

  heading (pdf, FONT_TITLE, "H1", kind_title (sc_plan_version_get_kind (document->version)), FALSE);
  table_begin (pdf, &pairs_shape);
  write_pair (pdf, "Child or young person", document->child_name);
  write_pair (pdf, "Date of birth", born);
  write_pair (pdf, "Unique pupil number", document->upn);
  write_pair (pdf, "NHS number", document->nhs_number);
  write_pair (pdf, "Case reference", reference);
  write_pair (pdf, "Version", version);
  write_pair (pdf, "Issued", issued);
  table_end (pdf);
}

static void
write_plan (Pdf *pdf)
{
  write_details (pdf);
  if (g_strcmp0 (sc_plan_version_get_kind (pdf->document->version), "draft") == 0)
    flow_paragraphs (pdf, "This plan is a draft. You may comment on it, ask to meet us about it, and ask for a "
                          "particular school, college or other institution to be named in section I, within 15 "
                          "days of receiving it (regulation 13(1)). No school or college is named in section I "
                          "of a draft.");
  for (guint s = 0; s < SC_N_PLAN_SECTIONS; s++)
    write_section (pdf, s, sc_plan_version_get_content (pdf->document->version, s));
}

/* A changed field's value in words */
static char *
format_value (const char *name,
              JsonNode   *value)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("(none)");
  if (JSON_NODE_HOLDS_ARRAY (value))
    {
      char *links = format_links (json_node_get_array (value));

      return *links != '\0' ? links : (g_free (links), g_strdup ("(none)"));
    }
  if (g_strcmp0 (name, "amount_pence") == 0)
    return format_pence (json_node_get_int (value));
  if (g_strcmp0 (name, "from") == 0 || g_strcmp0 (name, "to") == 0 || g_strcmp0 (name, "received") == 0)
    return format_date (json_node_get_string (value));
  if (json_node_get_value_type (value) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
}

static const double changes_widths[] = { 0.1, 0.2, 0.35, 0.35 };
static const char * const changes_headers[] = { "Ref", "What", "Now", "Proposed" };
static const Shape changes_shape = { 4, changes_widths, changes_headers };

static void
write_changes (Pdf             *pdf,
               ScPlanSectionId  section,
               JsonArray       *changed)
{
  heading (pdf, FONT_SUBHEADING, "H3", "To be changed", FALSE);
  for (guint i = 0; i < json_array_get_length (changed); i++)
    {
      JsonObject *change = json_array_get_object_element (changed, i);
      JsonArray *fields = member_array (change, "fields");
      g_autofree char *id = member (change, "id") != NULL ?
        g_strdup_printf ("%s.%s", sc_plan_section_id_to_string (section), member (change, "id")) : NULL;
      g_autofree char *ref = id != NULL ? format_ref (id) : g_strdup ("");

      for (guint f = 0; fields != NULL && f < json_array_get_length (fields); f++)
        {
          JsonObject *field = json_array_get_object_element (fields, f);
          const char *name = member (field, "name");
          g_autofree char *from = format_value (name, json_object_get_member (field, "from"));
          g_autofree char *to = format_value (name, json_object_get_member (field, "to"));

          if (sc_plan_section_kind (section) == SC_PLAN_KIND_TEXT)
            {
              /* a whole section of text: too long for a table's cells */
              heading (pdf, FONT_SUBHEADING, "H4", "Now", FALSE);
              flow_paragraphs (pdf, from);
              heading (pdf, FONT_SUBHEADING, "H4", "Proposed", FALSE);
              flow_paragraphs (pdf, to);
              continue;
            }
          if (pdf->table == NULL)
            table_begin (pdf, &changes_shape);
          {
            const char *cells[] = { f == 0 ? ref : "", sc_plan_field_label (name), from, to };

            table_row (pdf, cells);
          }
        }
    }
  if (pdf->table != NULL)
    table_end (pdf);
}

static void
write_notice (Pdf *pdf)
{
  const ScPlanDocument *document = pdf->document;
  g_autoptr(ScPlanVersion) empty = NULL;
  g_autoptr(GString) diff = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *by = sc_plan_document_dup_comments_by (document);
  g_autofree char *by_words = format_date (by);
  g_autofree char *base_words = format_date (document->base_issued_on);
  g_autofree char *opening = NULL;
  g_autofree char *comments = NULL;
  JsonArray *sections;
  ScJsonWriter writer;

  write_details (pdf);
  if (document->base != NULL)
    opening = g_strdup_printf ("We propose to amend the EHC plan of %s issued on %s (version %" G_GINT64_FORMAT
                               "). The changes we propose are set out below, section by section.",
                               document->child_name, base_words, sc_plan_version_get_number (document->base));
  else
    opening = g_strdup_printf ("We propose to amend the EHC plan of %s. The changes we propose are set out "
                               "below, section by section.", document->child_name);
  comments = g_strdup_printf ("You may comment on these proposals, or ask to meet us about them, within 15 days "
                              "beginning with the day this notice was issued: by %s (regulation 22(2)). You may "
                              "also ask for a particular school, college or other institution to be named in "
                              "the plan. We must then issue the amended plan, or tell you that we have decided "
                              "not to amend it, within 8 weeks of this notice (regulation 22(3)).", by_words);
  flow_paragraphs (pdf, opening);
  flow_paragraphs (pdf, comments);

  if (document->base == NULL)
    empty = sc_plan_version_new (document->case_id, 0, "final", 0, NULL, NULL);
  sc_json_writer_init (&writer, diff);
  sc_plan_version_write_diff_json (document->base != NULL ? document->base : empty, document->version, &writer);
  node = json_from_string (diff->str, NULL);
  sections = member_array (json_node_get_object (node), "sections");
  if (json_array_get_length (sections) == 0)
    flow_paragraphs (pdf, "No change to the plan is proposed.");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      JsonObject *change = json_array_get_object_element (sections, i);
      ScPlanSectionId section = sc_plan_section_id_from_string (member (change, "section"));
      g_autofree char *title = section_heading (section);
      JsonArray *added = member_array (change, "added");
      JsonArray *removed = member_array (change, "removed");
      JsonArray *changed = member_array (change, "changed");

      heading (pdf, FONT_HEADING, "H2", title, TRUE);
      if (added != NULL && json_array_get_length (added) > 0)
        {
          heading (pdf, FONT_SUBHEADING, "H3", "To be added", FALSE);
          write_rows (pdf, section, added);
        }
      if (removed != NULL && json_array_get_length (removed) > 0)
        {
          heading (pdf, FONT_SUBHEADING, "H3", "To be removed", FALSE);
          write_rows (pdf, section, removed);
        }
      if (changed != NULL && json_array_get_length (changed) > 0)
        write_changes (pdf, section, changed);
    }
}

/* --- the surface --------------------------------------------------------------- */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  if (closure != NULL)
    g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Lays the document out once; draws it when @out is given, into @out */
static int
lay_out (const ScPlanDocument *document,
         int                   pages,
         GByteArray           *out,
         GError              **error)
{
  Pdf pdf = { .document = document, .drawing = out != NULL, .pages = pages };
  const char *kind = sc_plan_version_get_kind (document->version);
  g_autofree char *issued = format_date (document->issued_on);
  cairo_status_t status;

  pdf.surface = cairo_pdf_surface_create_for_stream (append_cb, out, PAGE_WIDTH, PAGE_HEIGHT);
  pdf.cr = cairo_create (pdf.surface);
  pdf.context = pango_cairo_create_context (pdf.cr);
  for (guint f = 0; f < N_FONTS; f++)
    pdf.fonts[f] = pango_font_description_from_string (font_names[f]);
  /* a version whose event was voided says so on every page */
  pdf.head = g_strdup_printf ("%s%s · %s · version %" G_GINT64_FORMAT " · issued %s",
                              sc_plan_version_get_voided (document->version) ? "VOIDED, DOES NOT STAND: " : "",
                              kind_label (kind), document->child_name,
                              sc_plan_version_get_number (document->version), issued);
  if (pdf.drawing)
    {
      g_autofree char *title = g_strdup_printf ("%s: %s", kind_title (kind), document->child_name);
      g_autofree char *subject = g_strdup_printf ("Version %" G_GINT64_FORMAT ", issued %s",
                                                  sc_plan_version_get_number (document->version), issued);

      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_SUBJECT, subject);
      cairo_pdf_surface_set_metadata (pdf.surface, CAIRO_PDF_METADATA_CREATOR, "sendcase");
      cairo_tag_begin (pdf.cr, "Document", NULL);
    }
  page_start (&pdf);
  if (is_notice (document))
    write_notice (&pdf);
  else
    write_plan (&pdf);
  if (pdf.drawing)
    {
      cairo_tag_end (pdf.cr, "Document");
      cairo_show_page (pdf.cr);
    }
  cairo_surface_finish (pdf.surface);
  status = cairo_surface_status (pdf.surface);
  for (guint f = 0; f < N_FONTS; f++)
    pango_font_description_free (pdf.fonts[f]);
  g_object_unref (pdf.context);
  cairo_destroy (pdf.cr);
  cairo_surface_destroy (pdf.surface);
  g_free (pdf.head);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INTERNAL, "the plan could not be rendered: %s",
                   cairo_status_to_string (status));
      return -1;
    }
  return pdf.page;
}

GBytes *
scd_plan_pdf_render (const ScPlanDocument  *document,
                     GError               **error)
{
  g_autoptr(GByteArray) out = g_byte_array_sized_new (64 * 1024);
  int pages;

  g_return_val_if_fail (document != NULL && document->version != NULL, NULL);
  pages = lay_out (document, 0, NULL, error);
  if (pages < 0 || lay_out (document, pages, out, error) < 0)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

char *
scd_plan_pdf_dup_file_name (const ScPlanDocument *document)
{
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-v%" G_GINT64_FORMAT ".pdf",
                          is_notice (document) ? "amendment-notice" : "plan", document->case_id,
                          sc_plan_version_get_number (document->version));
}

/* --- the renderer's thread -------------------------------------------------------- */

static void
render_in_thread (gpointer data,
                  gpointer pool_data)
{
  g_autoptr(GTask) task = data;
  g_autoptr(GError) error = NULL;
  GBytes *pdf;

  if (g_task_return_error_if_cancelled (task))
    return;
  pdf = scd_plan_pdf_render (g_task_get_task_data (task), &error);
  if (pdf == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
}

/* One thread, never more: Pango's font map is its thread's, so one
 * thread loads the fonts once, and renders wait their turn. */
static GThreadPool *
renderer (void)
{
  static GThreadPool *pool;

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (render_in_thread, NULL, 1, TRUE, NULL));
  return pool;
}

void
scd_plan_pdf_render_async (ScPlanDocument      *document,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, scd_plan_pdf_render_async);
  g_task_set_task_data (task, document, (GDestroyNotify) sc_plan_document_free);
  g_thread_pool_push (renderer (), task, NULL);
}

GBytes *
scd_plan_pdf_render_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
