/* scc-help-window.c
 *
 * SccHelpWindow: see scc-help-window.h. The guide is Markdown, and the
 * window lays out the little of it the guide uses: "##" and "###"
 * headings, paragraphs, "-" and "1." lists, tables (as one line per row),
 * **bold** and `code`; links keep their text, pictures and HTML comments
 * are left out. A "##" section belongs to everyone unless a comment right
 * under its heading names a role ("<!-- help: caseworker -->", by the
 * role's name on the wire) or keeps it out of the window ("help: none",
 * for the parts about the guide itself).
 *
 * The section for the reader's role comes first, then the ones for
 * everyone. Keyboard: the text takes the focus, so the arrow and Page keys
 * scroll it; Escape closes the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-help-window"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "scc-help-window.h"

#define GUIDE_RESOURCE "/org/sendcase/Sendcase/help/user-guide.md"

struct _SccHelpWindow
{
  AdwWindow          parent_instance;

  /* Owned */
  GPtrArray         *headings;  /* char *, the "##" headings shown */

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkScrolledWindow *scroller;
  GtkBox            *content_box;
};

G_DEFINE_FINAL_TYPE (SccHelpWindow, scc_help_window, ADW_TYPE_WINDOW)

/* One line of Markdown text as Pango markup. */
static char *
inline_markup (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  GString *out = g_string_new (NULL);
  gboolean bold = FALSE;
  gboolean code = FALSE;

  for (const char *p = escaped; *p != '\0'; p++)
    {
      if (p[0] == '*' && p[1] == '*' && !code)
        {
          g_string_append (out, bold ? "</b>" : "<b>");
          bold = !bold;
          p++;
        }
      else if (p[0] == '`')
        {
          g_string_append (out, code ? "</tt>" : "<tt>");
          code = !code;
        }
      else if (p[0] == '[' && !code && strstr (p, "](") != NULL)
        {
          /* [text](target): the text alone. */
          const char *close = strstr (p, "](");
          const char *end = strchr (close, ')');

          if (end == NULL)
            {
              g_string_append_c (out, *p);
              continue;
            }
          g_string_append_len (out, p + 1, close - p - 1);
          p = end;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  if (code)
    g_string_append (out, "</tt>");
  if (bold)
    g_string_append (out, "</b>");

  return g_string_free (out, FALSE);
}

static void
add_label (SccHelpWindow *self,
           const char    *markdown,
           const char    *style_class,
           int            indent)
{
  g_autofree char *markup = inline_markup (markdown);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, indent);
  if (style_class != NULL)
    {
      gtk_widget_add_css_class (label, style_class);
      gtk_widget_set_margin_top (label, g_str_equal (style_class, "title-2") ? 18 : 6);
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                      g_str_equal (style_class, "title-2") ? 2 : 3,
                                      -1);
    }
  gtk_box_append (self->content_box, label);
}

static void
flush_paragraph (SccHelpWindow *self,
                 GString       *paragraph)
{
  if (paragraph->len == 0)
    return;
  add_label (self, paragraph->str, NULL, 0);
  g_string_truncate (paragraph, 0);
}

static gboolean
is_table_rule (const char *line)
{
  return line[0] == '|' && strspn (line, "|-: ") == strlen (line);
}

/* "| Ctrl+W | Close |" as "Ctrl+W: Close". */
static char *
table_row_text (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "|", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_strstrip (cells[i]);
      if (cells[i][0] != '\0')
        g_strv_builder_add (kept, cells[i]);
    }
  parts = g_strv_builder_end (kept);
  if (parts[0] == NULL)
    return g_strdup ("");
  if (parts[1] == NULL)
    return g_strdup (parts[0]);
  {
    g_autofree char *rest = g_strjoinv (", ", parts + 1);

    return g_strdup_printf ("%s: %s", parts[0], rest);
  }
}

typedef enum
{
  SECTION_ALL,   /* for everyone */
  SECTION_ROLE,  /* for the signed-in user's role */
  SECTION_NONE,  /* not shown here */
} SectionKind;

/* What the section under a "##" heading is, for @role_name (NULL: signed
 * out), given the line under the heading (or NULL). */
static SectionKind
section_kind (const char *marker,
              const char *role_name)
{
  g_autofree char *who = NULL;
  const char *start;
  const char *end;

  if (marker == NULL || !g_str_has_prefix (marker, "<!-- help:"))
    return SECTION_ALL;

  start = marker + strlen ("<!-- help:");
  end = strstr (start, "-->");
  who = g_strstrip (g_strndup (start, end != NULL ? (gsize)(end - start) : strlen (start)));
  if (g_str_equal (who, "all"))
    return SECTION_ALL;
  if (role_name != NULL && g_str_equal (who, role_name))
    return SECTION_ROLE;
  return SECTION_NONE;
}

/* Lays out the sections of @wanted kind, in the guide's order. */
static void
lay_out_sections (SccHelpWindow *self,
                  const char    *guide,
                  const char    *role_name,
                  SectionKind    wanted)
{
  g_auto(GStrv) lines = g_strsplit (guide, "\n", -1);
  g_autoptr(GString) paragraph = g_string_new (NULL);
  gboolean shown = FALSE;       /* inside a section shown here */
  gboolean in_comment = FALSE;
  gboolean in_table_head = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (in_comment)
        {
          in_comment = strstr (line, "-->") == NULL;
          continue;
        }

      if (g_str_has_prefix (line, "## "))
        {
          flush_paragraph (self, paragraph);
          shown = section_kind (lines[i + 1] != NULL ? g_strstrip (lines[i + 1]) : NULL, role_name) == wanted;
          if (shown)
            {
              add_label (self, line + 3, "title-2", 0);
              g_ptr_array_add (self->headings, g_strdup (line + 3));
            }
          continue;
        }

      if (!shown)
        continue;

      if (g_str_has_prefix (line, "<!--"))
        {
          flush_paragraph (self, paragraph);
          in_comment = strstr (line, "-->") == NULL;
        }
      else if (line[0] == '\0' || g_str_has_prefix (line, "!["))
        {
          flush_paragraph (self, paragraph);
        }
      else if (g_str_has_prefix (line, "### "))
        {
          flush_paragraph (self, paragraph);
          add_label (self, line + 4, "title-4", 0);
        }
      else if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "* "))
        {
          g_autofree char *item = g_strconcat ("•  ", line + 2, NULL);

          flush_paragraph (self, paragraph);
          add_label (self, item, NULL, 12);
        }
      else if (g_ascii_isdigit (line[0]) &&
               line[strspn (line, "0123456789")] == '.' && line[strspn (line, "0123456789") + 1] == ' ')
        {
          flush_paragraph (self, paragraph);
          add_label (self, line, NULL, 12);
        }
      else if (line[0] == '|')
        {
          flush_paragraph (self, paragraph);
          /* The row before the rule is the table's head: left out. */
          in_table_head = lines[i + 1] != NULL && is_table_rule (g_strstrip (lines[i + 1]));
          if (!in_table_head && !is_table_rule (line))
            {
              g_autofree char *row = table_row_text (line);
              g_autofree char *item = g_strconcat ("•  ", row, NULL);

              add_label (self, item, NULL, 12);
            }
        }
      else if (line[0] != '#')
        {
          if (paragraph->len > 0)
            g_string_append_c (paragraph, ' ');
          g_string_append (paragraph, line);
        }
    }
  flush_paragraph (self, paragraph);
}

/* The reader's own part first, then what is for everyone. */
static void
lay_out_guide (SccHelpWindow *self,
               const char    *guide,
               const char    *role_name)
{
  lay_out_sections (self, guide, role_name, SECTION_ROLE);
  lay_out_sections (self, guide, role_name, SECTION_ALL);
}

static void
help_show_shortcuts_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  /* The shortcuts window belongs to the main window (win.show-help-overlay). */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-help-overlay", NULL);
}

static void
scc_help_window_dispose (GObject *object)
{
  SccHelpWindow *self = (SccHelpWindow *)object;

  g_clear_pointer (&self->headings, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_HELP_WINDOW);

  G_OBJECT_CLASS (scc_help_window_parent_class)->dispose (object);
}

static void
scc_help_window_class_init (SccHelpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_help_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-help-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SccHelpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccHelpWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, SccHelpWindow, content_box);

  gtk_widget_class_install_action (widget_class, "help.show-shortcuts", NULL, help_show_shortcuts_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
scc_help_window_init (SccHelpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->headings = g_ptr_array_new_with_free_func (g_free);
  /* So that the keyboard scrolls the text. */
  gtk_widget_set_focusable (GTK_WIDGET (self->scroller), TRUE);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->scroller));
}

/**
 * scc_help_window_new:
 * @parent: the main window
 * @user: (nullable): who is signed in
 *
 * Returns: (transfer none): a new help window, owned by GTK until closed
 */
SccHelpWindow *
scc_help_window_new (GtkWindow *parent,
                     ScUser    *user)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *guide = NULL;
  SccHelpWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (!user || SC_IS_USER (user), NULL);

  self = g_object_new (SCC_TYPE_HELP_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);

  bytes = g_resources_lookup_data (GUIDE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);  /* compiled in */
  guide = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lay_out_guide (self, guide, user != NULL ? sc_user_get_role_name (user) : NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 user != NULL ? sc_user_get_role_title (user) : _("Signed out"));

  return self;
}

char **
scc_help_window_dup_headings (SccHelpWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_HELP_WINDOW (self), NULL);

  for (guint i = 0; i < self->headings->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->headings, i));
  return g_strv_builder_end (builder);
}
