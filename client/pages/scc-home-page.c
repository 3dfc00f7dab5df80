/* scc-home-page.c
 *
 * SccHomePage: a welcome with the user's name and role, and the work this
 * release does not do yet, described for the user's role, so the page is an
 * honest, useful empty state rather than a blank one. Its data is the
 * signed-in SccUser; it has no view model because it has no commands of its
 * own (Account and Sign Out are window actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-home-page"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-home-page.h"
#include "scc-user-button.h"

struct _SccHomePage
{
  AdwBin         parent_instance;

  /* Owned */
  SccUser       *user;

  /* Template widgets */
  SccUserButton *user_button;
  AdwAvatar     *avatar;
  GtkLabel      *welcome_label;
  GtkLabel      *role_label;
  AdwActionRow  *caseload_row;
};

enum {
  PROP_0,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccHomePage, scc_home_page, ADW_TYPE_BIN)

/* What the next release brings to someone in @role. */
static const char *
caseload_subtitle (ScRole role)
{
  switch (role)
    {
    case SC_ROLE_CASEWORKER:
      return _("Your open cases, ordered by their next statutory deadline");
    case SC_ROLE_TEAM_MANAGER:
      return _("Every caseworker’s caseload, with deadlines at risk shown first, "
               "and moving cases between caseworkers");
    case SC_ROLE_ADMIN_OFFICER:
      return _("Complaints, mediation, tribunal appeals and correspondence, logged against their cases");
    case SC_ROLE_SYSTEM_ADMIN:
      return _("The team’s caseloads at a glance, beside the users and settings you look after");
    case SC_ROLE_NONE:
    default:
      return _("Open cases, ordered by their next statutory deadline");
    }
}

static void
scc_home_page_dispose (GObject *object)
{
  SccHomePage *self = (SccHomePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_HOME_PAGE);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (scc_home_page_parent_class)->dispose (object);
}

static void
scc_home_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  SccHomePage *self = SCC_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_home_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  SccHomePage *self = SCC_HOME_PAGE (object);

  switch (prop_id)
    {
    case PROP_USER:
      scc_home_page_set_user (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_home_page_class_init (SccHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_home_page_dispose;
  object_class->get_property = scc_home_page_get_property;
  object_class->set_property = scc_home_page_set_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         SCC_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, user_button);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, avatar);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, welcome_label);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, role_label);
  gtk_widget_class_bind_template_child (widget_class, SccHomePage, caseload_row);
}

static void
scc_home_page_init (SccHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_home_page_get_user:
 *
 * Returns: (transfer none) (nullable): the user the page welcomes
 */
SccUser *
scc_home_page_get_user (SccHomePage *self)
{
  g_return_val_if_fail (SCC_IS_HOME_PAGE (self), NULL);
  return self->user;
}

void
scc_home_page_set_user (SccHomePage *self,
                        SccUser     *user)
{
  g_autofree char *welcome = NULL;

  g_return_if_fail (SCC_IS_HOME_PAGE (self));
  g_return_if_fail (!user || SCC_IS_USER (user));

  if (!g_set_object (&self->user, user))
    return;

  if (user != NULL)
    welcome = g_strdup_printf (_("Welcome, %s"), scc_user_get_display_name (user));

  adw_avatar_set_text (self->avatar, user != NULL ? scc_user_get_display_name (user) : NULL);
  gtk_label_set_label (self->welcome_label, welcome != NULL ? welcome : "");
  gtk_label_set_label (self->role_label, user != NULL ? scc_user_get_role_title (user) : "");
  adw_action_row_set_subtitle (self->caseload_row,
                               caseload_subtitle (user != NULL ? scc_user_get_role (user) : SC_ROLE_NONE));
  scc_user_button_set_user (self->user_button, user);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
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
