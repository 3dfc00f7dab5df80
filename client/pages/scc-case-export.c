/* scc-case-export.c
 *
 * See scc-case-export.h. The file is fetched whole (one child's record)
 * and written with g_file_replace_contents, so a failed write leaves any
 * file already there as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-case-export"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-api-client-transfers.h"
#include "scc-case-export.h"

typedef struct
{
  SccPage *page;    /* weak: the toast's, if it is still there */
  GFile   *file;
  char    *text;
} Export;

static void
export_free (Export *export)
{
  g_clear_weak_pointer (&export->page);
  g_clear_object (&export->file);
  g_free (export->text);
  g_free (export);
}

static void
toast (GTask        *task,
       const GError *error)
{
  Export *export = g_task_get_task_data (task);
  g_autofree char *text = NULL;
  g_autofree char *name = g_file_get_parse_name (export->file);

  if (export->page == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  text = error != NULL ? g_strdup_printf (_("The transfer file has not been saved: %s"), error->message)
                       : g_strdup_printf (_("Transfer file saved to %s"), name);
  scc_page_show_toast (export->page, text, NULL, NULL);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      toast (task, error);
      g_task_return_error (task, error);
      return;
    }
  toast (task, NULL);
  g_task_return_boolean (task, TRUE);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Export *export = g_task_get_task_data (task);
  GError *error = NULL;

  export->text = scc_api_client_export_case_finish (SCC_API_CLIENT (object), result, &error);
  if (export->text == NULL)
    {
      toast (task, error);
      g_task_return_error (task, error);
      return;
    }
  g_file_replace_contents_async (export->file, export->text, strlen (export->text), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, g_task_get_cancellable (task), written_cb,
                                 g_object_ref (task));
}

void
scc_case_export_to_file (SccPage             *page,
                         gint64               case_id,
                         GFile               *file,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GCancellable *cancellable;
  Export *export;
  GTask *task;

  g_return_if_fail (SCC_IS_PAGE (page));
  g_return_if_fail (G_IS_FILE (file));

  cancellable = scc_page_get_cancellable (page);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, scc_case_export_to_file);
  export = g_new0 (Export, 1);
  g_set_weak_pointer (&export->page, page);
  export->file = g_object_ref (file);
  g_task_set_task_data (task, export, (GDestroyNotify) export_free);
  scc_api_client_export_case_async (scc_page_get_api_client (page), case_id, cancellable, exported_cb, task);
}

gboolean
scc_case_export_to_file_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_response_cb (GtkNativeDialog *chooser,
                int              response,
                SccPage         *page)
{
  gint64 case_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (chooser), "case-id"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    scc_case_export_to_file (page, case_id, file, NULL, NULL);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
scc_case_export_choose (SccPage *page,
                        gint64   case_id)
{
  GtkRoot *root;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (SCC_IS_PAGE (page));

  root = gtk_widget_get_root (GTK_WIDGET (page));
  chooser = gtk_file_chooser_native_new (_("Save the Transfer File"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("transfer-case-%" G_GINT64_FORMAT ".json", case_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "case-id", GSIZE_TO_POINTER (case_id));
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_response_cb), page, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
