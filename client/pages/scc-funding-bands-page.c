/* scc-funding-bands-page.c
 *
 * SccFundingBandsPage: see scc-funding-bands-page.h. The bands are rows
 * made again whenever the list arrives; the form is shown to team
 * managers only (hidden, not insensitive, as a case's record form is).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-funding-bands-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-consultation.h"
#include "scc-caseload-vm.h"
#include "scc-field-row.h"
#include "scc-funding-bands-page.h"
#include "scc-offline-banner.h"
#include "scc-user-button.h"

struct _SccFundingBandsPage
{
  SccPage               parent_instance;

  /* Owned */
  SccFundingBandFormVm *view_model;
  GPtrArray            *rows;        /* AdwActionRow in bands_group */

  /* Template widgets */
  GtkLabel             *load_error_label;
  AdwPreferencesGroup  *bands_group;
  AdwPreferencesGroup  *form_group;
  SccFieldRow          *description_row;
};

G_DEFINE_FINAL_TYPE (SccFundingBandsPage, scc_funding_bands_page, SCC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
on_row_activated_cb (GtkListBoxRow       *row,
                     SccFundingBandsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "band-index"));

  scc_funding_band_form_vm_select (self->view_model, index);
  if (gtk_widget_get_visible (GTK_WIDGET (self->form_group)))
    gtk_widget_grab_focus (GTK_WIDGET (self->description_row));
}

static GtkWidget *
band_row_new (SccFundingBandsPage *self,
              GPtrArray           *bands,
              guint                index)
{
  const ScFundingBand *band = g_ptr_array_index (bands, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_strdup_printf ("%s: %s", band->code, band->description);
  g_autofree char *amount = sc_amount_format (band->annual_amount);
  g_autofree char *from = scc_case_format_day (band->valid_from);
  g_autofree char *to = band->valid_to != SC_DAY_NONE ? scc_case_format_day (band->valid_to) : NULL;
  g_autofree char *subtitle = to != NULL ? g_strdup_printf (_("%s a year, from %s to %s"), amount, from, to)
                                         : g_strdup_printf (_("%s a year, from %s"), amount, from);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "band-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "activated", G_CALLBACK (on_row_activated_cb), self);
  return row;
}

static void
on_bands_cb (SccFundingBandsPage *self)
{
  GPtrArray *bands = scc_funding_band_form_vm_get_bands (self->view_model);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->bands_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (bands == NULL)
    return;
  if (bands->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No bands yet"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A team manager adds the authority’s bands below."));
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < bands->len; i++)
    g_ptr_array_add (self->rows, band_row_new (self, bands, i));
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_add (self->bands_group, g_ptr_array_index (self->rows, i));
}

static void
on_load_error_cb (SccFundingBandsPage *self)
{
  const char *error = scc_funding_band_form_vm_get_load_error (self->view_model);

  gtk_label_set_text (self->load_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), error != NULL);
}

static void
update_form_shown (SccFundingBandsPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->form_group),
                          user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER);
}

static void
on_saved_cb (SccFundingBandsPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), _("Band saved"), NULL, NULL);
}

static void
bands_reload_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  scc_funding_band_form_vm_load (SCC_FUNDING_BANDS_PAGE (widget)->view_model);
}

static void
scc_funding_bands_page_opened (SccPage *page)
{
  if (SCC_PAGE_CLASS (scc_funding_bands_page_parent_class)->opened != NULL)
    SCC_PAGE_CLASS (scc_funding_bands_page_parent_class)->opened (page);
  scc_funding_band_form_vm_load (SCC_FUNDING_BANDS_PAGE (page)->view_model);
}

static void
scc_funding_bands_page_constructed (GObject *object)
{
  SccFundingBandsPage *self = (SccFundingBandsPage *)object;

  G_OBJECT_CLASS (scc_funding_bands_page_parent_class)->constructed (object);

  self->view_model = scc_funding_band_form_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_page_add_form (SCC_PAGE (self), "band", SCC_FORM_VM (self->view_model));
  g_signal_connect_object (self->view_model, "notify::bands", G_CALLBACK (on_bands_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "notify::load-error", G_CALLBACK (on_load_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_model, "succeeded", G_CALLBACK (on_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::user", G_CALLBACK (update_form_shown), NULL);
  update_form_shown (self);
  g_object_notify_by_pspec (object, properties[PROP_VIEW_MODEL]);
}

static void
scc_funding_bands_page_dispose (GObject *object)
{
  SccFundingBandsPage *self = (SccFundingBandsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SCC_TYPE_FUNDING_BANDS_PAGE);

  G_OBJECT_CLASS (scc_funding_bands_page_parent_class)->dispose (object);

  g_clear_object (&self->view_model);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

static void
scc_funding_bands_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VIEW_MODEL:
      g_value_set_object (value, SCC_FUNDING_BANDS_PAGE (object)->view_model);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
scc_funding_bands_page_class_init (SccFundingBandsPageClass *klass)
{
  static const char * const named_children[] = {
    "window_title", "code_row", "amount_row", "from_row", "to_row", "error_label", "save_button",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SccPageClass *page_class = SCC_PAGE_CLASS (klass);

  object_class->constructed = scc_funding_bands_page_constructed;
  object_class->dispose = scc_funding_bands_page_dispose;
  object_class->get_property = scc_funding_bands_page_get_property;
  page_class->opened = scc_funding_bands_page_opened;

  properties[PROP_VIEW_MODEL] = g_param_spec_object ("view-model", NULL, NULL, SCC_TYPE_FUNDING_BAND_FORM_VM,
                                                     G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  scc_page_class_set_page_name (page_class, "funding-bands");
  gtk_widget_class_install_action (widget_class, "bands.reload", NULL, bands_reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "bands.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "band.submit", NULL);

  g_type_ensure (SCC_TYPE_FIELD_ROW);
  g_type_ensure (SCC_TYPE_OFFLINE_BANNER);
  g_type_ensure (SCC_TYPE_USER_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sendcase/Sendcase/ui/scc-funding-bands-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, load_error_label);
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, bands_group);
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, description_row);
  /* By name: for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_funding_bands_page_init (SccFundingBandsPage *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * scc_funding_bands_page_get_view_model:
 *
 * Returns: (transfer none): the bands and the form
 */
SccFundingBandFormVm *
scc_funding_bands_page_get_view_model (SccFundingBandsPage *self)
{
  g_return_val_if_fail (SCC_IS_FUNDING_BANDS_PAGE (self), NULL);
  return self->view_model;
}
