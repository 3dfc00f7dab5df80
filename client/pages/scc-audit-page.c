/* scc-audit-page.c
 *
 * SccAuditPage: see scc-audit-page.h. An SccListPage: its template, the
 * column table below and five filter entries, each named in the template
 * after the view model's filter it sets (filter_entries). Enter in any of
 * them, or Filter, applies them all at once: one reload, not one per key.
 * A date the server cannot read comes back as the list's error state,
 * which names the parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-audit-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-audit-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

static const SccListColumn columns[] = {
  { N_("Time"),          "at",            SCC_LIST_COLUMN_TIME },
  { N_("User"),          "username",      SCC_LIST_COLUMN_TEXT },
  { N_("Action"),        "action",        SCC_LIST_COLUMN_TEXT, TRUE },
  { N_("Outcome"),       "outcome",       SCC_LIST_COLUMN_TEXT },
  { N_("Resource Type"), "resource-type", SCC_LIST_COLUMN_TEXT },
  { N_("Resource ID"),   "resource-id",   SCC_LIST_COLUMN_TEXT },
  { N_("Request ID"),    "request-id",    SCC_LIST_COLUMN_TEXT, TRUE },
};

/* Template id of each filter's entry, and the filter it sets. */
static const struct {
  const char *entry;
  const char *filter;
} filter_entries[] = {
  { "user_entry",          "user" },
  { "resource_type_entry", "resource-type" },
  { "resource_id_entry",   "resource-id" },
  { "from_entry",          "from" },
  { "to_entry",            "to" },
};

struct _SccAuditPage
{
  SccListPage     parent_instance;

  /* Owned */
  SccAuditListVm *view_model;

  /* Template widgets */
  SccListView    *list_view;
};

G_DEFINE_FINAL_TYPE (SccAuditPage, scc_audit_page, SCC_TYPE_LIST_PAGE)

static void
audit_filter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SccAuditPage *self = SCC_AUDIT_PAGE (widget);

  /* One reload for all of them: a cleared list does not reload on each. */
  scc_list_vm_clear (SCC_LIST_VM (self->view_model));
  for (guint i = 0; i < G_N_ELEMENTS (filter_entries); i++)
    {
      GObject *entry = gtk_widget_get_template_child (widget, SCC_TYPE_AUDIT_PAGE, filter_entries[i].entry);
      g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

      scc_audit_list_vm_set_filter (self->view_model, filter_entries[i].filter, value);
    }
  scc_list_vm_reload (SCC_LIST_VM (self->view_model));
}

static void
on_filter_activate_cb (SccAuditPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "audit.filter", NULL);
}

static void
scc_audit_page_constructed (GObject *object)
{
  SccAuditPage *self = (SccAuditPage *)object;

  G_OBJECT_CLASS (scc_audit_page_parent_class)->constructed (object);

  self->view_model = scc_audit_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SC_TYPE_AUDIT_EVENT, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
}

static void
scc_audit_page_dispose (GObject *object)
{
  SccAuditPage *self = (SccAuditPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_AUDIT_PAGE);

  G_OBJECT_CLASS (scc_audit_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_audit_page_class_init (SccAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = scc_audit_page_constructed;
  object_class->dispose = scc_audit_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "audit");

  gtk_widget_class_install_action (widget_class, "audit.filter", NULL, audit_filter_action);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccAuditPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_activate_cb);
  for (guint i = 0; i < G_N_ELEMENTS (filter_entries); i++)
    gtk_widget_class_bind_template_child_full (widget_class, filter_entries[i].entry, FALSE, 0);
}

static void
scc_audit_page_init (SccAuditPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_audit_page_get_view_model:
 *
 * Returns: (transfer none): the audit trail's list
 */
SccAuditListVm *
scc_audit_page_get_view_model (SccAuditPage *self)
{
  g_return_val_if_fail (SCC_IS_AUDIT_PAGE (self), NULL);
  return self->view_model;
}
