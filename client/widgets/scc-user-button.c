/* scc-user-button.c
 *
 * SccUserButton: a GtkMenuButton (final in GTK 4, so held, not derived)
 * whose face is the signed-in user. The menu's actions are the window's
 * (win.show-page, win.sign-out) and the application's (app.about). After
 * Account (always first) come the pages the user's role may open
 * (scc-places.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-user-button"

#include "config.h"

#include <glib/gi18n.h>

#include "scc-places.h"
#include "scc-user-button.h"

struct _SccUserButton
{
  AdwBin         parent_instance;

  /* Owned */
  ScUser       *user;

  /* Template widgets */
  GtkMenuButton *menu_button;
  AdwAvatar     *avatar;
  GtkLabel      *name_label;
  GtkLabel      *role_label;
  GMenu         *places_section;
};

enum {
  PROP_0,
  PROP_USER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (SccUserButton, scc_user_button, ADW_TYPE_BIN)

static void
scc_user_button_dispose (GObject *object)
{
  SccUserButton *self = (SccUserButton *)object;

  /* The bin's child is a template child: GTK unparents it in
   * dispose_template, so the bin must let go of it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_USER_BUTTON);
  g_clear_object (&self->user);

  G_OBJECT_CLASS (scc_user_button_parent_class)->dispose (object);
}

static void
scc_user_button_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SccUserButton *self = SCC_USER_BUTTON (object);

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
scc_user_button_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SccUserButton *self = SCC_USER_BUTTON (object);

  switch (prop_id)
    {
    case PROP_USER:
      scc_user_button_set_user (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_user_button_class_init (SccUserButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = scc_user_button_dispose;
  object_class->get_property = scc_user_button_get_property;
  object_class->set_property = scc_user_button_set_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         SC_TYPE_USER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/sendcase/Sendcase/ui/scc-user-button.ui");
  gtk_widget_class_bind_template_child (widget_class, SccUserButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, SccUserButton, avatar);
  gtk_widget_class_bind_template_child (widget_class, SccUserButton, name_label);
  gtk_widget_class_bind_template_child (widget_class, SccUserButton, role_label);
  gtk_widget_class_bind_template_child (widget_class, SccUserButton, places_section);
}

static void
scc_user_button_init (SccUserButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_user_button_get_user:
 *
 * Returns: (transfer none) (nullable): the user shown
 */
ScUser *
scc_user_button_get_user (SccUserButton *self)
{
  g_return_val_if_fail (SCC_IS_USER_BUTTON (self), NULL);
  return self->user;
}

void
scc_user_button_set_user (SccUserButton *self,
                          ScUser       *user)
{
  g_autofree char *tooltip = NULL;
  const char *name = NULL;
  const char *role = NULL;

  g_return_if_fail (SCC_IS_USER_BUTTON (self));
  g_return_if_fail (!user || SC_IS_USER (user));

  if (!g_set_object (&self->user, user))
    return;

  if (user != NULL)
    {
      name = sc_user_get_display_name (user);
      role = sc_user_get_role_title (user);
      tooltip = g_strdup_printf (_("Signed in as %s (%s)"), name, sc_user_get_username (user));
    }

  g_menu_remove_all (self->places_section);
  for (const SccPlace *place = scc_places_get (); user != NULL && place->page != NULL; place++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (!scc_place_allows (place, sc_user_get_role (user)))
        continue;
      item = g_menu_item_new (_(place->title), NULL);
      g_menu_item_set_action_and_target (item, "win.show-page", "s", place->page);
      g_menu_append_item (self->places_section, item);
    }

  adw_avatar_set_text (self->avatar, name);
  gtk_label_set_label (self->name_label, name != NULL ? name : "");
  gtk_label_set_label (self->role_label, role != NULL ? role : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), tooltip);
  /* The button's name for a screen reader is the person, not "menu". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip != NULL ? tooltip : _("Account Menu"),
                                  -1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}
