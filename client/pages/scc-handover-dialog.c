/* scc-handover-dialog.c
 *
 * SccHandoverDialog: see scc-handover-dialog.h. The new owner is an
 * AdwComboRow over the form's owners, its selected bound both ways to the
 * form's (and so to "to_owner_id"); the note is an SccFieldRow. What the
 * combo cannot show itself, the choice's error, is a caption under it.
 *
 *   Hand Over, Enter in the note   submits; a failure puts the keyboard on
 *                                  the first field in error
 *   a success                      ::handed-over with the number moved,
 *                                  and the dialog closes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-handover-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-field-row.h"
#include "scc-handover-dialog.h"

struct _SccHandoverDialog
{
  AdwWindow       parent_instance;

  /* Owned */
  SccHandoverVm  *form;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *summary_label;
  AdwComboRow    *owner_row;
  GtkLabel       *owner_error_label;
  SccFieldRow    *note_row;
  GtkWidget      *hand_over_button;
};

enum {
  PROP_0,
  PROP_FORM,
  N_PROPS
};

enum {
  HANDED_OVER,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccHandoverDialog, scc_handover_dialog, ADW_TYPE_WINDOW)

static void
update_summary (SccHandoverDialog *self)
{
  guint n = scc_handover_vm_get_n_cases (self->form);
  const char *from = scc_handover_vm_get_from_name (self->form);
  const char *to = scc_handover_vm_get_to_name (self->form);
  g_autofree char *what = NULL;
  g_autofree char *text = NULL;

  if (scc_handover_vm_get_whole (self->form))
    what = g_strdup_printf (g_dngettext (NULL, "All of %2$s’s caseload, %1$u case,",
                                         "All of %2$s’s caseload, %1$u cases,", n), n, from);
  else
    what = g_strdup_printf (g_dngettext (NULL, "%u case of %s", "%u cases of %s", n), n, from);
  /* The new owner is named here too: the choice below starts on the first. */
  if (to != NULL)
    text = g_strdup_printf (g_dngettext (NULL, "%s moves to %s, with its deadlines.",
                                         "%s move to %s, with their deadlines.", n), what, to);
  else
    text = g_strdup_printf (g_dngettext (NULL, "%s moves, with its deadlines.",
                                         "%s move, with their deadlines.", n), what);
  gtk_label_set_label (self->summary_label, text);
}

static void
update_owner_error (SccHandoverDialog *self)
{
  SccFormField *field = scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "to_owner_id");
  const char *text = scc_form_field_get_error_text (field);

  gtk_label_set_label (self->owner_error_label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->owner_error_label), text != NULL);
  if (text != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->owner_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->owner_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->owner_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->owner_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static gboolean
scc_handover_dialog_not (gpointer  instance,
                         gboolean  value)
{
  return !value;
}

static char *
scc_handover_dialog_loading_text (gpointer  instance,
                                  gboolean  loading)
{
  return g_strdup (loading ? _("Listing the team…") : NULL);
}

/* The choice cannot take the keyboard while it has nothing to offer: it
 * takes it when the team arrives, unless the user has gone on to the note. */
static void
on_loading_cb (SccHandoverDialog *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  if (scc_handover_vm_get_loading (self->form))
    return;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->owner_row));
}

static void
on_failed_cb (SccHandoverDialog *self)
{
  SccFormField *field = scc_form_vm_get_first_error (SCC_FORM_VM (self->form));

  g_assert (SCC_IS_HANDOVER_DIALOG (self));

  if (field == NULL)
    return;
  if (g_strcmp0 (scc_form_field_get_name (field), "to_owner_id") == 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->owner_row));
  else
    scc_field_row_focus (self->note_row);
}

static void
on_succeeded_cb (SccHandoverDialog *self)
{
  g_assert (SCC_IS_HANDOVER_DIALOG (self));

  g_signal_emit (self, signals[HANDED_OVER], 0, scc_handover_vm_get_moved (self->form));
  gtk_window_close (GTK_WINDOW (self));
}

static void
dialog_hand_over_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  scc_form_vm_submit (SCC_FORM_VM (SCC_HANDOVER_DIALOG (widget)->form));
}

static void
scc_handover_dialog_dispose (GObject *object)
{
  SccHandoverDialog *self = (SccHandoverDialog *)object;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      scc_form_vm_cancel (SCC_FORM_VM (self->form));
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_HANDOVER_DIALOG);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (scc_handover_dialog_parent_class)->dispose (object);
}

static void
scc_handover_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SccHandoverDialog *self = SCC_HANDOVER_DIALOG (object);

  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, self->form);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_handover_dialog_class_init (SccHandoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_handover_dialog_dispose;
  object_class->get_property = scc_handover_dialog_get_property;

  properties[PROP_FORM] =
    g_param_spec_object ("form", NULL, NULL, SCC_TYPE_FORM_VM,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccHandoverDialog::handed-over:
   * @moved: how many cases moved
   */
  signals[HANDED_OVER] =
    g_signal_new ("handed-over", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "dialog.hand-over", NULL, dialog_hand_over_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_WORKLOAD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-handover-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, owner_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, SccHandoverDialog, hand_over_button);
  gtk_widget_class_bind_template_callback (widget_class, scc_handover_dialog_not);
  gtk_widget_class_bind_template_callback (widget_class, scc_handover_dialog_loading_text);
}

static void
scc_handover_dialog_init (SccHandoverDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

SccHandoverDialog *
scc_handover_dialog_new (GtkWindow    *parent,
                         SccApiClient *api_client,
                         gint64        from_owner_id,
                         const char   *from_name,
                         const gint64 *case_ids,
                         guint         n_cases,
                         guint         n_whole)
{
  SccHandoverDialog *self;
  SccFormField *to;
  const char *title;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SCC_IS_API_CLIENT (api_client), NULL);
  g_return_val_if_fail (from_owner_id > 0, NULL);

  self = g_object_new (SCC_TYPE_HANDOVER_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);

  self->form = scc_handover_vm_new (api_client);
  scc_handover_vm_set_from (self->form, from_owner_id, from_name);
  scc_handover_vm_set_cases (self->form, case_ids, n_cases, n_whole);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);

  adw_combo_row_set_model (self->owner_row, scc_handover_vm_get_owners (self->form));
  g_object_bind_property (self->form, "selected", self->owner_row, "selected",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  to = scc_form_vm_lookup_field (SCC_FORM_VM (self->form), "to_owner_id");
  g_signal_connect_object (to, "notify::error", G_CALLBACK (update_owner_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::n-cases", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::selected", G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::loading", G_CALLBACK (on_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "succeeded", G_CALLBACK (on_succeeded_cb), self, G_CONNECT_SWAPPED);
  update_summary (self);
  update_owner_error (self);

  title = n_cases > 0 ? _("Reassign Cases") : _("Hand Over Caseload");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, from_name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->hand_over_button);

  /* The keyboard starts on the choice of the new owner (again once the
   * team is listed: see on_loading_cb). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->owner_row));
  scc_handover_vm_load_owners (self->form);
  return self;
}

/**
 * scc_handover_dialog_get_form:
 *
 * Returns: (transfer none): the form
 */
SccHandoverVm *
scc_handover_dialog_get_form (SccHandoverDialog *self)
{
  g_return_val_if_fail (SCC_IS_HANDOVER_DIALOG (self), NULL);
  return self->form;
}

/* After a Reassign: the toast, and the list the cases were chosen on read
 * again. */
static void
on_rows_handed_over_cb (SccHandoverDialog *self,
                        guint              moved,
                        SccPage           *page)
{
  SccCaseloadVm *list = g_object_get_data (G_OBJECT (self), "scc-handover-list");
  g_autofree char *title = NULL;

  title = g_strdup_printf (g_dngettext (NULL, "%u case reassigned to %s", "%u cases reassigned to %s", moved),
                           moved, scc_handover_vm_get_to_name (self->form));
  scc_page_show_toast (page, title, NULL, NULL);
  scc_list_vm_reload (SCC_LIST_VM (list));
  scc_caseload_vm_count (list);
}

SccHandoverDialog *
scc_handover_dialog_present_for_rows (SccPage       *page,
                                      GPtrArray     *rows,
                                      SccCaseloadVm *list)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (page));
  const ScCaseUser *owner = NULL;
  SccHandoverDialog *dialog;

  g_return_val_if_fail (SCC_IS_PAGE (page), NULL);
  g_return_val_if_fail (rows != NULL, NULL);
  g_return_val_if_fail (SCC_IS_CASELOAD_VM (list), NULL);

  if (rows->len == 0)
    {
      scc_page_show_toast (page, _("Select the cases to reassign first"), NULL, NULL);
      return NULL;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      ScCase *kase = scc_case_row_get_case (g_ptr_array_index (rows, i));
      gint64 id = sc_case_get_id (kase);

      if (owner != NULL && sc_case_get_owner (kase)->id != owner->id)
        {
          scc_page_show_toast (page, _("Select the cases of one owner to reassign them together"), NULL, NULL);
          return NULL;
        }
      owner = sc_case_get_owner (kase);
      g_array_append_val (ids, id);
    }
  dialog = scc_handover_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, scc_page_get_api_client (page),
                                    owner->id, owner->full_name != NULL && owner->full_name[0] != '\0'
                                                 ? owner->full_name : owner->username,
                                    (const gint64 *) (gpointer) ids->data, ids->len, 0);
  g_object_set_data_full (G_OBJECT (dialog), "scc-handover-list", g_object_ref (list), g_object_unref);
  g_signal_connect_object (dialog, "handed-over", G_CALLBACK (on_rows_handed_over_cb), page, 0);
  scc_page_present_dialog (page, GTK_WINDOW (dialog));
  return dialog;
}
