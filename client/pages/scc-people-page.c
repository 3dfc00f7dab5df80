/* scc-people-page.c
 *
 * SccPeoplePage: see scc-people-page.h. An SccListPage: its template, the
 * column table below, the search entry, and what opening a row does. Each
 * keystroke in the search goes to the view model, which searches once the
 * typing pauses. New Person and a person's record open an SccPersonDialog
 * over the window; whatever it saves reloads the list, and a new person
 * is said in a toast. New Person is for the roles that may record people
 * (docs/access.md): the action is disabled for the others. New Case for
 * This Person opens an SccNewCaseDialog on the row selected, at its
 * request step, for the roles that may open cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-role.h"

#include "scc-new-case-dialog.h"
#include "scc-offline-banner.h"
#include "scc-people-page.h"
#include "scc-person-forms.h"
#include "scc-user-button.h"

static char *
format_name (gpointer item)
{
  return scc_person_format_list_name (item);
}

static char *
format_date_of_birth (gpointer item)
{
  return scc_person_format_date (sc_person_get_date_of_birth (item));
}

static char *
format_age (gpointer item)
{
  return scc_person_format_age (sc_person_get_date_of_birth (item), NULL);
}

static char *
format_nhs_number (gpointer item)
{
  return scc_person_format_nhs_number (sc_person_get_nhs_number (item));
}

static const SccListColumn columns[] = {
  { N_("Name"),          "family-name",   SCC_LIST_COLUMN_TEXT, TRUE, format_name },
  { N_("Date of Birth"), "date-of-birth", SCC_LIST_COLUMN_TEXT, FALSE, format_date_of_birth },
  { N_("Age"),           "date-of-birth", SCC_LIST_COLUMN_TEXT, FALSE, format_age },
  { N_("UPN"),           "upn",           SCC_LIST_COLUMN_TEXT, FALSE, NULL },
  { N_("NHS Number"),    "nhs-number",    SCC_LIST_COLUMN_TEXT, FALSE, format_nhs_number },
};

struct _SccPeoplePage
{
  SccListPage      parent_instance;

  /* Owned */
  SccPersonListVm *view_model;

  /* Template widgets */
  SccListView     *list_view;
  GtkSearchEntry  *search_entry;
  GtkWidget       *new_button;
  GtkWidget       *new_case_button;
};

G_DEFINE_FINAL_TYPE (SccPeoplePage, scc_people_page, SCC_TYPE_LIST_PAGE)

static gboolean
may_record (SccPeoplePage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  ScRole role = user != NULL ? sc_user_get_role (user) : SC_ROLE_NONE;

  return role == SC_ROLE_CASEWORKER || role == SC_ROLE_TEAM_MANAGER;
}

static void
on_dialog_saved_cb (SccPeoplePage   *self,
                    SccPersonDialog *dialog)
{
  SccPersonFormVm *form = scc_person_dialog_get_form (dialog);

  ScPerson *created = scc_person_form_vm_get_created (form);

  if (scc_person_form_vm_get_person (form) == NULL && created != NULL)
    {
      g_autofree char *title = g_strdup_printf (_("%s %s has been recorded."), sc_person_get_given_name (created),
                                                sc_person_get_family_name (created));

      scc_page_show_toast (SCC_PAGE (self), title, NULL, NULL);
    }
  scc_list_vm_reload (SCC_LIST_VM (self->view_model));
}

static void
open_dialog (SccPeoplePage *self,
             ScPerson      *person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  SccPersonDialog *dialog;

  dialog = scc_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  scc_page_get_api_client (SCC_PAGE (self)), person);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  scc_page_present_dialog (SCC_PAGE (self), GTK_WINDOW (dialog));
}

static void
on_item_activated_cb (SccPeoplePage *self,
                      ScPerson      *person)
{
  g_assert (SCC_IS_PEOPLE_PAGE (self));

  open_dialog (self, person);
}

static void
people_new_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SccPeoplePage *self = SCC_PEOPLE_PAGE (widget);

  if (may_record (self))
    open_dialog (self, NULL);
}

/* Returns: (transfer none) (nullable): the row selected */
static ScPerson *
selected_person (SccPeoplePage *self)
{
  GListModel *model = scc_list_view_get_model (self->list_view);

  if (!GTK_IS_SINGLE_SELECTION (model))
    return NULL;
  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static void
update_new_case (SccPeoplePage *self)
{
  gboolean allowed = scc_new_case_dialog_allows (scc_page_get_user (SCC_PAGE (self)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new-case", allowed && selected_person (self) != NULL);
  gtk_widget_set_visible (self->new_case_button, allowed);
}

static void
people_new_case_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SccPeoplePage *self = SCC_PEOPLE_PAGE (widget);
  ScPerson *person = selected_person (self);

  if (person != NULL && scc_new_case_dialog_allows (scc_page_get_user (SCC_PAGE (self))))
    scc_new_case_dialog_present (SCC_PAGE (self), person);
}

static void
on_user_cb (SccPeoplePage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new", may_record (self));
  gtk_widget_set_visible (self->new_button, may_record (self));
  update_new_case (self);
}

static void
scc_people_page_constructed (GObject *object)
{
  SccPeoplePage *self = (SccPeoplePage *)object;

  G_OBJECT_CLASS (scc_people_page_parent_class)->constructed (object);

  self->view_model = scc_person_list_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_list_view_add_columns (self->list_view, SC_TYPE_PERSON, columns, G_N_ELEMENTS (columns));
  scc_list_page_set_list (SCC_LIST_PAGE (self), self->list_view, SCC_LIST_VM (self->view_model));
  g_signal_connect_object (scc_list_view_get_model (self->list_view), "notify::selected-item",
                           G_CALLBACK (update_new_case), self, G_CONNECT_SWAPPED);
  on_user_cb (self);
}

static void
scc_people_page_dispose (GObject *object)
{
  SccPeoplePage *self = (SccPeoplePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_PEOPLE_PAGE);

  G_OBJECT_CLASS (scc_people_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
}

static void
scc_people_page_class_init (SccPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_people_page_constructed;
  object_class->dispose = scc_people_page_dispose;

  scc_page_class_set_page_name (page_class, "people");

  gtk_widget_class_install_action (widget_class, "people.new", NULL, people_new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.new", NULL);
  gtk_widget_class_install_action (widget_class, "people.new-case", NULL, people_new_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "people.new-case", NULL);

  g_type_ensure (SCC_TYPE_LIST_VIEW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccPeoplePage, list_view);
  gtk_widget_class_bind_template_child (widget_class, SccPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SccPeoplePage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SccPeoplePage, new_case_button);
  gtk_widget_class_bind_template_callback (widget_class, on_item_activated_cb);
}

static void
scc_people_page_init (SccPeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
}

/**
 * scc_people_page_get_view_model:
 *
 * Returns: (transfer none): the people found
 */
SccPersonListVm *
scc_people_page_get_view_model (SccPeoplePage *self)
{
  g_return_val_if_fail (SCC_IS_PEOPLE_PAGE (self), NULL);
  return self->view_model;
}

/**
 * scc_people_page_get_search:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
scc_people_page_get_search (SccPeoplePage *self)
{
  g_return_val_if_fail (SCC_IS_PEOPLE_PAGE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}
