/* scc-funding-bands-page.c
 *
 * SccFundingBandsPage: see scc-funding-bands-page.h. The bands, and the
 * bands of cases transferred in, are rows made again whenever their list
 * arrives; the two forms are shown to team managers only (hidden, not
 * insensitive, as a case's record form is).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-funding-bands-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sc-consultation.h"
#include "scc-band-mapping-form-vm.h"
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
  SccBandMappingFormVm *mappings;
  GPtrArray            *rows;          /* AdwActionRow in bands_group */
  GPtrArray            *mapping_rows;  /* AdwActionRow in mappings_group */

  /* Template widgets */
  GtkLabel             *load_error_label;
  AdwPreferencesGroup  *bands_group;
  AdwPreferencesGroup  *form_group;
  SccFieldRow          *description_row;
  AdwPreferencesGroup  *mappings_group;
  AdwPreferencesGroup  *mapping_form_group;
  SccFieldRow          *mapping_row;
};

G_DEFINE_FINAL_TYPE (SccFundingBandsPage, scc_funding_bands_page, SCC_TYPE_PAGE)

enum {
  PROP_0,
  PROP_VIEW_MODEL,
  PROP_MAPPING_VIEW_MODEL,
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

/* @rows out of @group, and @title, @subtitle in when the list is empty */
static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows,
            GPtrArray           *list,
            const char          *title,
            const char          *subtitle)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
  if (list != NULL && list->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      g_ptr_array_add (rows, row);
    }
}

static void
add_rows (AdwPreferencesGroup *group,
          GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_add (group, g_ptr_array_index (rows, i));
}

static void
on_bands_cb (SccFundingBandsPage *self)
{
  GPtrArray *bands = scc_funding_band_form_vm_get_bands (self->view_model);

  clear_rows (self->bands_group, self->rows, bands, _("No bands yet"),
              _("A team manager adds the authority’s bands below."));
  for (guint i = 0; bands != NULL && i < bands->len; i++)
    g_ptr_array_add (self->rows, band_row_new (self, bands, i));
  add_rows (self->bands_group, self->rows);
}

static void
on_mapping_activated_cb (GtkListBoxRow       *row,
                         SccFundingBandsPage *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "mapping-index"));

  scc_band_mapping_form_vm_select (self->mappings, index);
  if (gtk_widget_get_visible (GTK_WIDGET (self->mapping_form_group)))
    scc_field_row_focus (self->mapping_row);
}

/* "Northfield County Council (812): band B3, Small group, £7,500.00 a year"
 * over what became of it */
static GtkWidget *
mapping_row_new (SccFundingBandsPage *self,
                 GPtrArray           *mappings,
                 guint                index)
{
  const ScBandMapping *m = g_ptr_array_index (mappings, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *amount = sc_amount_format (m->their_amount);
  g_autofree char *title = g_strdup_printf (_("%s (%s): band %s, %s, %s a year"), m->authority_name,
                                            m->authority_code, m->their_code, m->their_description, amount);
  g_autofree char *subtitle = NULL;
  g_autofree char *waiting = m->waiting > 0
                             ? g_strdup_printf (g_dngettext (NULL, "%" G_GINT64_FORMAT " plan waits for it",
                                                             "%" G_GINT64_FORMAT " plans wait for it", m->waiting),
                                                m->waiting)
                             : g_strdup (_("no plan waits for it"));

  if (m->our_code != NULL)
    subtitle = g_strdup_printf (_("Our band %s, mapped by %s"), m->our_code,
                                m->decided_by != NULL ? m->decided_by : _("a team manager"));
  else if (m->suggested_code != NULL)
    subtitle = g_strdup_printf (g_strcmp0 (m->suggested_by, "code") == 0
                                ? _("Awaiting a decision: %s; suggested our band %s, the same code")
                                : _("Awaiting a decision: %s; suggested our band %s, the nearest in amount"),
                                waiting, m->suggested_code);
  else
    subtitle = g_strdup_printf (_("Awaiting a decision: %s; no band of ours to suggest"), waiting);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (m->our_code == NULL)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               g_object_new (GTK_TYPE_IMAGE, "icon-name", "dialog-warning-symbolic",
                                             "tooltip-text", _("Awaiting a team manager’s decision"), NULL));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "mapping-index", GUINT_TO_POINTER (index));
  g_signal_connect (row, "activated", G_CALLBACK (on_mapping_activated_cb), self);
  return row;
}

static void
on_mappings_cb (SccFundingBandsPage *self)
{
  GPtrArray *mappings = scc_band_mapping_form_vm_get_mappings (self->mappings);
  ScUser *user = scc_page_get_user (SCC_PAGE (self));
  gboolean manager = user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER;

  clear_rows (self->mappings_group, self->mapping_rows, mappings, _("None yet"),
              _("A case transferred in from another authority brings its band here."));
  for (guint i = 0; mappings != NULL && i < mappings->len; i++)
    g_ptr_array_add (self->mapping_rows, mapping_row_new (self, mappings, i));
  add_rows (self->mappings_group, self->mapping_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->mapping_form_group), manager && mappings != NULL && mappings->len > 0);
}

static void
on_load_error_cb (SccFundingBandsPage *self)
{
  const char *error = scc_funding_band_form_vm_get_load_error (self->view_model);

  if (error == NULL)
    error = scc_band_mapping_form_vm_get_load_error (self->mappings);

  gtk_label_set_text (self->load_error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->load_error_label), error != NULL);
}

static void
update_form_shown (SccFundingBandsPage *self)
{
  ScUser *user = scc_page_get_user (SCC_PAGE (self));

  gtk_widget_set_visible (GTK_WIDGET (self->form_group),
                          user != NULL && sc_user_get_role (user) == SC_ROLE_TEAM_MANAGER);
  on_mappings_cb (self);
}

static void
on_saved_cb (SccFundingBandsPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), _("Band saved"), NULL, NULL);
}

static void
on_mapped_cb (SccFundingBandsPage *self)
{
  scc_page_show_toast (SCC_PAGE (self), _("Band mapped: the plans waiting for it have our band"), NULL, NULL);
}

static void
on_mapping_entered_cb (SccFundingBandsPage *self)
{
  scc_form_vm_submit (SCC_FORM_VM (self->mappings));
}

static void
bands_reload_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  scc_funding_band_form_vm_load (SCC_FUNDING_BANDS_PAGE (widget)->view_model);
  scc_band_mapping_form_vm_load (SCC_FUNDING_BANDS_PAGE (widget)->mappings);
}

static void
scc_funding_bands_page_opened (SccPage *page)
{
  if (SCC_PAGE_CLASS (scc_funding_bands_page_parent_class)->opened != NULL)
    SCC_PAGE_CLASS (scc_funding_bands_page_parent_class)->opened (page);
  scc_funding_band_form_vm_load (SCC_FUNDING_BANDS_PAGE (page)->view_model);
  scc_band_mapping_form_vm_load (SCC_FUNDING_BANDS_PAGE (page)->mappings);
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

  self->mappings = scc_band_mapping_form_vm_new (scc_page_get_api_client (SCC_PAGE (self)));
  scc_page_add_form (SCC_PAGE (self), "mapping", SCC_FORM_VM (self->mappings));
  g_signal_connect_object (self->mappings, "notify::mappings", G_CALLBACK (on_mappings_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mappings, "notify::load-error", G_CALLBACK (on_load_error_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mappings, "succeeded", G_CALLBACK (on_mapped_cb), self, G_CONNECT_SWAPPED);
  {
    AdwEntryRow *entry = scc_field_row_get_entry (self->mapping_row);

    /* Enter maps; the page's default is the band form's Save */
    adw_entry_row_set_activates_default (entry, FALSE);
    g_signal_connect_object (entry, "entry-activated", G_CALLBACK (on_mapping_entered_cb), self,
                             G_CONNECT_SWAPPED);
  }
  g_object_notify_by_pspec (object, properties[PROP_MAPPING_VIEW_MODEL]);
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
  g_clear_object (&self->mappings);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);
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
    case PROP_MAPPING_VIEW_MODEL:
      g_value_set_object (value, SCC_FUNDING_BANDS_PAGE (object)->mappings);
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
    "mapping_error_label", "mapping_button",
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
  properties[PROP_MAPPING_VIEW_MODEL] = g_param_spec_object ("mapping-view-model", NULL, NULL,
                                                             SCC_TYPE_BAND_MAPPING_FORM_VM,
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
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, mappings_group);
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, mapping_form_group);
  gtk_widget_class_bind_template_child (widget_class, SccFundingBandsPage, mapping_row);
  /* By name: for tests and tools (gtk_widget_get_template_child). */
  for (guint i = 0; i < G_N_ELEMENTS (named_children); i++)
    gtk_widget_class_bind_template_child_full (widget_class, named_children[i], FALSE, 0);
}

static void
scc_funding_bands_page_init (SccFundingBandsPage *self)
{
  self->rows = g_ptr_array_new ();
  self->mapping_rows = g_ptr_array_new ();
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

/**
 * scc_funding_bands_page_get_mappings:
 *
 * Returns: (transfer none): the bands of cases transferred in, and their form
 */
SccBandMappingFormVm *
scc_funding_bands_page_get_mappings (SccFundingBandsPage *self)
{
  g_return_val_if_fail (SCC_IS_FUNDING_BANDS_PAGE (self), NULL);
  return self->mappings;
}
