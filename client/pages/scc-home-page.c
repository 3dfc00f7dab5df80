/* scc-home-page.c
 *
 * SccHomePage: the welcome, and an honest empty state: what this release
 * does not do yet, for the signed-in user's role only, in the words of
 * docs/access.md (a system administrator is never promised case content,
 * which that role may not read). The role's places (scc-places.h: users,
 * the audit trail) come first, rows that open them, then what the role
 * can start from here (New Case…, for the roles that open cases: an
 * SccNewCaseDialog over the window). The "coming" rows say what is coming;
 * they are not buttons, so they take no keyboard focus. The page's one
 * action is the Account row, where the keyboard starts.
 *
 * The rows are data (a table per role), so they are made here; the rest
 * is the template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-home-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-home-page.h"
#include "scc-new-case-dialog.h"
#include "scc-offline-banner.h"
#include "scc-places.h"
#include "scc-transfer-import-dialog.h"
#include "scc-user-button.h"

typedef struct
{
  const char *icon_name;
  const char *title;
  const char *subtitle;
} Coming;

typedef struct
{
  ScRole      role;
  const char *about;        /* what the role does, from docs/access.md */
  const char *coming_intro;
  Coming      coming[4];
} RoleHome;

static const RoleHome role_homes[] = {
  { SC_ROLE_CASEWORKER,
    N_("Day-to-day casework: you read every case of the authority and keep your own cases up to date."),
    N_("This release holds your caseload, the children you work for, new cases, every case’s statutory clock, "
       "the advice to chase, the EHC plan with its reviews, amendments and ceasing, the children moving phase, "
       "the directory of schools and colleges, the consultations with them, the funding bands and cases moved "
       "between authorities, and the complaints, mediation and tribunal appeals about a case. The letters of a "
       "case come next."),
    { { "mail-send-symbolic", N_("Correspondence"),
        N_("Letters to and from families, schools and services, recorded on their cases") } } },
  { SC_ROLE_TEAM_MANAGER,
    N_("You run the team: you read and update every case, assign cases and read the audit trail."),
    N_("This release holds the team’s workload, deadlines and caseloads, handing cases over, the advice to "
       "chase, the reviews due, the children moving phase, every plan, every case’s statutory clock, the "
       "directory of schools and colleges, the team’s consultations with them, the funding bands with the bands "
       "of cases transferred in, the complaints, mediation and tribunal appeals with their deadlines and the "
       "year's counts of them, and the audit trail. The letters of a case come next."),
    { { "mail-send-symbolic", N_("Correspondence"),
        N_("Letters to and from families, schools and services, recorded on their cases") } } },
  { SC_ROLE_ADMIN_OFFICER,
    N_("Business support: you log and update complaints, mediation, appeals and correspondence, and read cases."),
    N_("This release finds the children the team works for and the schools and colleges, lists the advice to "
       "chase, the reviews due, the consultations awaited and the children moving phase, reads every plan, and "
       "logs complaints, mediation and tribunal appeals and keeps them to their deadlines. The rest of your case "
       "support work comes next."),
    { { "mail-send-symbolic", N_("Correspondence"),
        N_("Letters to and from families, schools and services, recorded on their cases") },
      { "folder-documents-symbolic", N_("Reading Cases"),
        N_("Every case of the authority, to answer a query or file a letter") } } },
  { SC_ROLE_SYSTEM_ADMIN,
    N_("You run the system: you manage users and settings and read the audit trail. Case content is not shown to this role."),
    N_("This release signs you in securely and looks after your account. The tools for running sendcase come next."),
    { { "preferences-system-symbolic", N_("Settings"),
        N_("The authority’s settings for sendcase") } } },
};

struct _SccHomePage
{
  SccPage               parent_instance;

  /* Owned */
  GPtrArray            *coming_rows;  /* AdwActionRow in coming_group */
  GPtrArray            *place_rows;   /* AdwActionRow in places_group */
  GPtrArray            *task_rows;    /* AdwActionRow in places_group, after the places */

  /* Template widgets */
  AdwAvatar            *avatar;
  GtkLabel             *welcome_label;
  GtkLabel             *role_label;
  GtkLabel             *about_label;
  AdwPreferencesGroup  *coming_group;
  AdwPreferencesGroup  *places_group;
};

G_DEFINE_FINAL_TYPE (SccHomePage, scc_home_page, SCC_TYPE_PAGE)

static const RoleHome *
lookup_role_home (ScUser *user)
{
  if (user == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (role_homes); i++)
    {
      if (role_homes[i].role == sc_user_get_role (user))
        return &role_homes[i];
    }
  return NULL;
}

static void
add_coming_row (SccHomePage  *self,
                const Coming *coming)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", coming->icon_name,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(coming->title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(coming->subtitle));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  /* Information, not a control: Tab and Enter pass it by. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  adw_preferences_group_add (self->coming_group, row);
  g_ptr_array_add (self->coming_rows, row);
}

/* A page the role may open: a row that opens it (win.show-page). */
static void
add_place_row (SccHomePage    *self,
               const SccPlace *place)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(place->title));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(place->subtitle));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-page");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", place->page);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", place->icon_name,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));
  gtk_widget_set_name (row, place->page);

  adw_preferences_group_add (self->places_group, row);
  g_ptr_array_add (self->place_rows, row);
}

/* Something to start from here: a row that activates @action. */
static void
add_task_row (SccHomePage *self,
              const char  *icon_name,
              const char  *title,
              const char  *subtitle,
              const char  *action)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE, "icon-name", icon_name,
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL));

  adw_preferences_group_add (self->places_group, row);
  g_ptr_array_add (self->task_rows, row);
}

static void
update_places (SccHomePage *self,
               ScUser      *user)
{
  for (guint i = 0; i < self->place_rows->len; i++)
    adw_preferences_group_remove (self->places_group, g_ptr_array_index (self->place_rows, i));
  g_ptr_array_set_size (self->place_rows, 0);
  for (guint i = 0; i < self->task_rows->len; i++)
    adw_preferences_group_remove (self->places_group, g_ptr_array_index (self->task_rows, i));
  g_ptr_array_set_size (self->task_rows, 0);

  for (const SccPlace *place = scc_places_get (); user != NULL && place->page != NULL; place++)
    {
      if (scc_place_allows (place, sc_user_get_role (user)))
        add_place_row (self, place);
    }
  if (scc_new_case_dialog_allows (user))
    {
      add_task_row (self, "document-new-symbolic", _("New _Case…"),
                    _("Open a case for a request for an EHC needs assessment"), "home.new-case");
      add_task_row (self, "document-open-symbolic", _("Import a _Transfer…"),
                    _("Open the case of a child whose plan another authority sends, from its transfer file"),
                    "home.import-transfer");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->places_group), self->place_rows->len + self->task_rows->len > 0);
}

static void
home_new_case_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  if (scc_new_case_dialog_allows (scc_page_get_user (SCC_PAGE (widget))))
    scc_new_case_dialog_present (SCC_PAGE (widget), NULL);
}

static void
home_import_transfer_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  if (scc_new_case_dialog_allows (scc_page_get_user (SCC_PAGE (widget))))
    scc_transfer_import_dialog_present (SCC_PAGE (widget));
}

static void
on_user_cb (SccHomePage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  const RoleHome *home = lookup_role_home (user);
  g_autofree char *welcome = NULL;

  if (user != NULL)
    welcome = g_strdup_printf (_("Welcome, %s"), sc_user_get_display_name (user));

  adw_avatar_set_text (self->avatar, user != NULL ? sc_user_get_display_name (user) : NULL);
  gtk_label_set_label (self->welcome_label, welcome != NULL ? welcome : "");
  gtk_label_set_label (self->role_label, user != NULL ? sc_user_get_role_title (user) : "");
  gtk_label_set_label (self->about_label, home != NULL ? _(home->about) : "");
  gtk_widget_set_visible (GTK_WIDGET (self->about_label), home != NULL);
  update_places (self, user);

  for (guint i = 0; i < self->coming_rows->len; i++)
    adw_preferences_group_remove (self->coming_group, g_ptr_array_index (self->coming_rows, i));
  g_ptr_array_set_size (self->coming_rows, 0);

  /* A role this client does not know (a newer server's) is promised nothing. */
  gtk_widget_set_visible (GTK_WIDGET (self->coming_group), home != NULL);
  if (home == NULL)
    return;

  adw_preferences_group_set_description (self->coming_group, _(home->coming_intro));
  for (guint i = 0; i < G_N_ELEMENTS (home->coming) && home->coming[i].title != NULL; i++)
    add_coming_row (self, &home->coming[i]);
}

static void
scc_home_page_dispose (GObject *object)
{
  SccHomePage *self = (SccHomePage *)object;

  g_clear_pointer (&self->coming_rows, g_ptr_array_unref);
  g_clear_pointer (&self->place_rows, g_ptr_array_unref);
  g_clear_pointer (&self->task_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_HOME_PAGE);

  G_OBJECT_CLASS (scc_home_page_parent_class)->dispose (object);
}

static void
scc_home_page_class_init (SccHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_home_page_dispose;

  scc_page_class_set_page_name (SCC_PAGE_CLASS (klass), "home");

  gtk_widget_class_install_action (widget_class, "home.new-case", NULL, home_new_case_action);
  gtk_widget_class_install_action (widget_class, "home.import-transfer", NULL, home_import_transfer_action);

  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, role_label);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, about_label);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, coming_group);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, places_group);
  /* By name only, for tests and tools (gtk_widget_get_template_child). */
  gtk_widget_class_bind_template_child_full (widget_class, "account_row", FALSE, 0);
  gtk_widget_class_bind_template_child_full (widget_class, "user_button", FALSE, 0);
}

static void
scc_home_page_init (SccHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->coming_rows = g_ptr_array_new ();
  self->place_rows = g_ptr_array_new ();
  self->task_rows = g_ptr_array_new ();
  g_signal_connect (self, "notify::user", G_CALLBACK (on_user_cb), NULL);
  on_user_cb (self);
}

const char *
scc_home_page_get_welcome_text (SccHomePage *self)
{
  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);
  return gtk_label_get_label (self->welcome_label);
}

const char *
scc_home_page_get_role_text (SccHomePage *self)
{
  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);
  return gtk_label_get_label (self->role_label);
}

char **
scc_home_page_dup_coming_titles (SccHomePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);

  for (guint i = 0; i < self->coming_rows->len; i++)
    g_strv_builder_add (builder, adw_preferences_row_get_title (g_ptr_array_index (self->coming_rows, i)));
  return g_strv_builder_end (builder);
}

/**
 * scc_home_page_dup_task_titles:
 *
 * Returns: (transfer full): the titles of what the user can start from here
 */
char **
scc_home_page_dup_task_titles (SccHomePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);

  for (guint i = 0; i < self->task_rows->len; i++)
    g_strv_builder_add (builder, adw_preferences_row_get_title (g_ptr_array_index (self->task_rows, i)));
  return g_strv_builder_end (builder);
}

/**
 * scc_home_page_dup_place_titles:
 *
 * Returns: (transfer full): the titles of the pages offered to the user
 */
char **
scc_home_page_dup_place_titles (SccHomePage *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);

  for (guint i = 0; i < self->place_rows->len; i++)
    g_strv_builder_add (builder, adw_preferences_row_get_title (g_ptr_array_index (self->place_rows, i)));
  return g_strv_builder_end (builder);
}
