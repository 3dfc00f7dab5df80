/* scc-transfer-import-dialog.c
 *
 * SccTransferImportDialog: see scc-transfer-import-dialog.h. The form's
 * commands are inserted as "form" (form.submit is Import), the dialog's as
 * "dialog":
 *
 *   Enter in the file        read it: what it holds, or its problems;
 *                            the keyboard on the date when it reads
 *   Ctrl+O, Choose…          a file chooser; the file chosen is read
 *   Enter in the date,
 *   Ctrl+Enter               Import
 *   a match (409)            Import Onto That Record takes the keyboard;
 *                            Record a Different Child beside it unless an
 *                            identifier matched
 *   a failure                the keyboard to the first field in error
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-transfer-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-case-page.h"
#include "scc-field-row.h"
#include "scc-transfer-import-dialog.h"

struct _SccTransferImportDialog
{
  AdwWindow            parent_instance;

  /* Owned */
  SccTransferImportVm *form;
  GtkNativeDialog     *chooser;
  gint64               user_id;

  /* Template widgets */
  SccFieldRow         *file_row;
  AdwActionRow        *summary_row;
  SccFieldRow         *date_row;
  GtkWidget           *match_box;
  GtkWidget           *different_button;
  GtkWidget           *same_button;
};

enum {
  PROP_0,
  PROP_FORM,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SccTransferImportDialog, scc_transfer_import_dialog, ADW_TYPE_WINDOW)

static void
on_summary_cb (SccTransferImportDialog *self)
{
  const char *summary = scc_transfer_import_vm_get_summary (self->form);

  adw_action_row_set_subtitle (self->summary_row, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_row), summary != NULL);
}

static void
on_match_cb (SccTransferImportDialog *self)
{
  gboolean match = scc_transfer_import_vm_get_match (self->form) > 0;

  gtk_widget_set_visible (self->match_box, match);
  gtk_widget_set_visible (self->different_button,
                          match && !scc_transfer_import_vm_get_match_is_identifier (self->form));
  if (match)
    gtk_widget_grab_focus (self->same_button);
}

static void
on_file_activated_cb (SccTransferImportDialog *self)
{
  if (scc_transfer_import_vm_read_file (self->form))
    scc_field_row_focus (self->date_row);
}

static void
on_date_activated_cb (SccTransferImportDialog *self)
{
  scc_form_vm_submit (SCC_FORM_VM (self->form));
}

static void
on_chooser_response_cb (SccTransferImportDialog *self,
                        int                      response,
                        GtkNativeDialog         *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path != NULL)
    {
      scc_form_vm_set_value (SCC_FORM_VM (self->form), "file", path);
      on_file_activated_cb (self);
    }
  g_clear_object (&self->chooser);
}

static void
dialog_choose_file_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SccTransferImportDialog *self = SCC_TRANSFER_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  if (self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Choose the Transfer File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Transfer files (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
dialog_same_child_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  scc_transfer_import_vm_resolve_match (SCC_TRANSFER_IMPORT_DIALOG (widget)->form, SCC_TRANSFER_MATCH_SAME);
}

static void
dialog_different_child_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  scc_transfer_import_vm_resolve_match (SCC_TRANSFER_IMPORT_DIALOG (widget)->form, SCC_TRANSFER_MATCH_DIFFERENT);
}

static void
on_failed_cb (SccTransferImportDialog *self)
{
  SccFormField *field = scc_form_vm_get_first_error (SCC_FORM_VM (self->form));
  const char *name = field != NULL ? scc_form_field_get_name (field) : NULL;

  if (g_strcmp0 (name, "file") == 0)
    scc_field_row_focus (self->file_row);
  else if (g_strcmp0 (name, "transferred_on") == 0)
    scc_field_row_focus (self->date_row);
}

static void
on_succeeded_cb (SccTransferImportDialog *self)
{
  const ScTransferIn *in = scc_transfer_import_vm_get_imported (self->form);

  g_object_ref (self);
  if (in != NULL)
    g_signal_emit (self, signals[IMPORTED], 0, in->case_id);
  gtk_window_close (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
scc_transfer_import_dialog_dispose (GObject *object)
{
  SccTransferImportDialog *self = (SccTransferImportDialog *)object;

  if (self->form != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->form, self);
      scc_form_vm_cancel (SCC_FORM_VM (self->form));
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_TRANSFER_IMPORT_DIALOG);
  g_clear_object (&self->form);

  G_OBJECT_CLASS (scc_transfer_import_dialog_parent_class)->dispose (object);
}

static void
scc_transfer_import_dialog_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_FORM:
      g_value_set_object (value, SCC_TRANSFER_IMPORT_DIALOG (object)->form);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_transfer_import_dialog_class_init (SccTransferImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_transfer_import_dialog_dispose;
  object_class->get_property = scc_transfer_import_dialog_get_property;

  properties[PROP_FORM] = g_param_spec_object ("form", NULL, NULL, SCC_TYPE_FORM_VM,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SccTransferImportDialog::imported:
   * @case_id: the case opened
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "dialog.choose-file", NULL, dialog_choose_file_action);
  gtk_widget_class_install_action (widget_class, "dialog.same-child", NULL, dialog_same_child_action);
  gtk_widget_class_install_action (widget_class, "dialog.different-child", NULL, dialog_different_child_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "dialog.choose-file", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "form.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "form.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-transfer-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, match_box);
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, different_button);
  gtk_widget_class_bind_template_child (widget_class, SccTransferImportDialog, same_button);
  gtk_widget_class_bind_template_child_full (widget_class, "import_button", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "error_label", FALSE, 0);
}

static void
scc_transfer_import_dialog_init (SccTransferImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static SccTransferImportDialog *
scc_transfer_import_dialog_new (GtkWindow    *parent,
                                SccApiClient *api_client,
                                ScUser       *user)
{
  SccTransferImportDialog *self;
  GtkWidget *choose;
  AdwEntryRow *entry;

  self = g_object_new (SCC_TYPE_TRANSFER_IMPORT_DIALOG, "transient-for", parent, "modal", TRUE,
                       "destroy-with-parent", TRUE, NULL);
  self->user_id = user != NULL ? sc_user_get_id (user) : 0;
  self->form = scc_transfer_import_vm_new (api_client);
  /* who imports it holds it (a handover can pass it on) */
  scc_transfer_import_vm_set_owner_id (self->form, self->user_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORM]);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "form", scc_form_vm_get_actions (SCC_FORM_VM (self->form)));

  entry = scc_field_row_get_entry (self->file_row);
  choose = gtk_button_new_with_mnemonic (_("Ch_oose…"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (choose), "dialog.choose-file");
  gtk_widget_set_tooltip_text (choose, _("Choose the file (Ctrl+O)"));
  adw_entry_row_add_suffix (entry, choose);
  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_file_activated_cb), self, G_CONNECT_SWAPPED);
  entry = scc_field_row_get_entry (self->date_row);
  adw_entry_row_set_activates_default (entry, FALSE);
  g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_date_activated_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->form, "notify::summary", G_CALLBACK (on_summary_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::match", G_CALLBACK (on_match_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "failed", G_CALLBACK (on_failed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "succeeded", G_CALLBACK (on_succeeded_cb), self, G_CONNECT_SWAPPED);
  scc_field_row_focus (self->file_row);
  return self;
}

char *
scc_transfer_import_dialog_describe (const ScTransferIn *in,
                                     const char         *from)
{
  const ScBandMapping *band = in->band;

  switch (in->band_status)
    {
    case SC_TRANSFER_BAND_MAPPED:
      return g_strdup_printf (_("Transferred in from %s; their band %s is our band %s."), from, band->their_code,
                              band->our_code);
    case SC_TRANSFER_BAND_UNMAPPED:
      return band->suggested_code != NULL
             ? g_strdup_printf (_("Transferred in from %s; their band %s waits for a team manager under Funding "
                                  "Bands (suggested: %s)."), from, band->their_code, band->suggested_code)
             : g_strdup_printf (_("Transferred in from %s; their band %s waits for a team manager under Funding "
                                  "Bands."), from, band->their_code);
    case SC_TRANSFER_BAND_NONE:
    default:
      return g_strdup_printf (_("Transferred in from %s."), from);
    }
}

static void
on_imported_cb (SccTransferImportDialog *dialog,
                gint64                   case_id,
                SccPage                 *page)
{
  const ScTransferIn *in = scc_transfer_import_vm_get_imported (dialog->form);
  g_autofree char *text = scc_transfer_import_dialog_describe (in, scc_transfer_import_vm_get_from (dialog->form));

  scc_case_page_open (GTK_WIDGET (page), case_id);
  scc_page_show_toast (page, text, NULL, NULL);
}

static void
on_page_user_cb (SccTransferImportDialog *self,
                 GParamSpec              *pspec,
                 SccPage                 *page)
{
  ScUser *user = scc_page_get_user (page);

  /* for a session that is over: a sign-out, or someone else */
  if (user == NULL || sc_user_get_id (user) != self->user_id)
    gtk_window_destroy (GTK_WINDOW (self));
}

SccTransferImportDialog *
scc_transfer_import_dialog_present (SccPage *from)
{
  GtkRoot *root;
  SccTransferImportDialog *dialog;

  g_return_val_if_fail (SCC_IS_PAGE (from), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (from));
  dialog = scc_transfer_import_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                           scc_page_get_api_client (from), scc_page_get_user (from));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported_cb), from, 0);
  g_signal_connect_object (from, "notify::user", G_CALLBACK (on_page_user_cb), dialog, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

SccTransferImportVm *
scc_transfer_import_dialog_get_form (SccTransferImportDialog *self)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_DIALOG (self), NULL);
  return self->form;
}

GtkWidget *
scc_transfer_import_dialog_get_child (SccTransferImportDialog *self,
                                      const char              *id)
{
  g_return_val_if_fail (SCC_IS_TRANSFER_IMPORT_DIALOG (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), SCC_TYPE_TRANSFER_IMPORT_DIALOG, id));
}
