/* scc-form-vm-groups.c
 *
 * SccFormVm's repeated groups: see scc-form-vm.h. A group is a name, its
 * element's members and how many elements there are now; its fields are
 * ordinary fields of the form, "contacts[2].phone", kept in the form's
 * list where the group was added, element after element:
 *
 *   fields before the group | [0].a [0].b | [1].a [1].b | fields after
 *
 * so the first error in form order is still the first on screen. Fields
 * are never renamed: inserting or removing an element adds or drops the
 * last one's fields and copies values and errors one place along, so a
 * row bound to "contacts[1].name" always shows the second element.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scc-form-vm"

#include "config.h"

#include "scc-form-vm-private.h"

struct _SccFormGroup
{
  /* Owned */
  char              *name;
  GStrv              members;
  guint              n_members;
  SccFormFieldFlags  flags;
  guint              max_items;
  guint              n_items;
  guint              n_plain_before;  /* fields of no group added before it */
};

void
_scc_form_group_free (gpointer data)
{
  SccFormGroup *group = data;

  g_free (group->name);
  g_strfreev (group->members);
  g_free (group);
}

static SccFormGroup *
find_group (SccFormVm  *self,
            const char *name)
{
  GPtrArray *groups = _scc_form_vm_get_groups (self);

  for (guint i = 0; i < groups->len; i++)
    {
      SccFormGroup *group = g_ptr_array_index (groups, i);

      if (g_str_equal (group->name, name))
        return group;
    }
  g_critical ("%s has no group \"%s\"", G_OBJECT_TYPE_NAME (self), name);
  return NULL;
}

/* The number of fields in all groups added before @until (all: NULL). */
static guint
n_group_fields (SccFormVm *self,
                SccFormGroup *until)
{
  GPtrArray *groups = _scc_form_vm_get_groups (self);
  guint n = 0;

  for (guint i = 0; i < groups->len && g_ptr_array_index (groups, i) != until; i++)
    {
      SccFormGroup *group = g_ptr_array_index (groups, i);

      n += group->n_items * group->n_members;
    }
  return n;
}

static SccFormField *
group_field (SccFormVm *self,
             SccFormGroup *group,
             guint      index,
             guint      member)
{
  g_autofree char *name = scc_form_vm_dup_group_field_name (group->name, index, group->members[member]);

  return scc_form_vm_lookup_field (self, name);
}

static void
append_item (SccFormVm *self,
             SccFormGroup *group)
{
  guint position = group->n_plain_before + n_group_fields (self, group) + group->n_items * group->n_members;

  for (guint m = 0; m < group->n_members; m++)
    {
      g_autofree char *name = scc_form_vm_dup_group_field_name (group->name, group->n_items, group->members[m]);
      g_autoptr(SccFormField) field = scc_form_field_new (name, group->flags);

      _scc_form_vm_insert_field (self, field, position + m);
    }
  group->n_items++;
}

static void
drop_last_item (SccFormVm    *self,
                SccFormGroup *group)
{
  g_assert (group->n_items > 0);

  group->n_items--;
  for (guint m = 0; m < group->n_members; m++)
    _scc_form_vm_remove_field (self, group_field (self, group, group->n_items, m));
}

/* Element @from's values and errors into element @to's fields. */
static void
copy_item (SccFormVm *self,
           SccFormGroup *group,
           guint      from,
           guint      to)
{
  for (guint m = 0; m < group->n_members; m++)
    {
      SccFormField *source = group_field (self, group, from, m);
      SccFormField *target = group_field (self, group, to, m);
      g_autofree char *error = g_strdup (scc_form_field_get_error (source));

      scc_form_field_set_value (target, scc_form_field_get_value (source));
      scc_form_field_set_error (target, error);
    }
}

static void
group_changed (SccFormVm *self,
               SccFormGroup *group)
{
  _scc_form_vm_input_changed (self);
  _scc_form_vm_emit_group_changed (self, group->name);
}

/**
 * scc_form_vm_add_group:
 * @group: the array's API name ("contacts")
 * @members: the element's members' names, NULL-terminated
 * @flags: of every field of the group; not a secret (values are handed
 *   back for an undo)
 */
void
scc_form_vm_add_group (SccFormVm          *self,
                       const char         *group,
                       const char * const *members,
                       SccFormFieldFlags   flags,
                       guint               max_items)
{
  GPtrArray *groups = _scc_form_vm_get_groups (self);
  SccFormGroup *added;

  g_return_if_fail (SCC_IS_FORM_VM (self));
  g_return_if_fail (group != NULL && members != NULL && members[0] != NULL);
  g_return_if_fail ((flags & SCC_FORM_FIELD_SECRET) == 0);
  g_return_if_fail (max_items > 0);

  added = g_new0 (SccFormGroup, 1);
  added->name = g_strdup (group);
  added->members = g_strdupv ((char **)members);
  added->n_members = g_strv_length (added->members);
  added->flags = flags;
  added->max_items = max_items;
  added->n_plain_before = g_list_model_get_n_items (scc_form_vm_get_fields (self)) - n_group_fields (self, NULL);
  g_ptr_array_add (groups, added);
}

guint
scc_form_vm_get_group_size (SccFormVm  *self,
                            const char *group)
{
  SccFormGroup *found;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), 0);
  g_return_val_if_fail (group != NULL, 0);

  found = find_group (self, group);
  return found != NULL ? found->n_items : 0;
}

guint
scc_form_vm_get_group_max (SccFormVm  *self,
                           const char *group)
{
  SccFormGroup *found;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), 0);
  g_return_val_if_fail (group != NULL, 0);

  found = find_group (self, group);
  return found != NULL ? found->max_items : 0;
}

void
scc_form_vm_set_group_size (SccFormVm  *self,
                            const char *group,
                            guint       n_items)
{
  SccFormGroup *found;

  g_return_if_fail (SCC_IS_FORM_VM (self));
  g_return_if_fail (group != NULL);

  if ((found = find_group (self, group)) == NULL || found->n_items == n_items)
    return;
  g_return_if_fail (n_items <= found->max_items);

  while (found->n_items < n_items)
    append_item (self, found);
  while (found->n_items > n_items)
    drop_last_item (self, found);
  group_changed (self, found);
}

gboolean
scc_form_vm_insert_group_item (SccFormVm          *self,
                               const char         *group,
                               guint               index,
                               const char * const *values)
{
  SccFormGroup *found;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);

  if ((found = find_group (self, group)) == NULL || found->n_items >= found->max_items)
    return FALSE;
  g_return_val_if_fail (index <= found->n_items, FALSE);
  g_return_val_if_fail (values == NULL || g_strv_length ((char **)values) == found->n_members, FALSE);

  append_item (self, found);
  for (guint k = found->n_items - 1; k > index; k--)
    copy_item (self, found, k - 1, k);
  for (guint m = 0; m < found->n_members; m++)
    {
      SccFormField *field = group_field (self, found, index, m);

      scc_form_field_set_value (field, values != NULL ? values[m] : "");
      scc_form_field_set_error (field, NULL);
    }
  group_changed (self, found);
  return TRUE;
}

GStrv
scc_form_vm_remove_group_item (SccFormVm  *self,
                               const char *group,
                               guint       index)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  SccFormGroup *found;

  g_return_val_if_fail (SCC_IS_FORM_VM (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);

  if ((found = find_group (self, group)) == NULL)
    return NULL;
  g_return_val_if_fail (index < found->n_items, NULL);

  for (guint m = 0; m < found->n_members; m++)
    g_strv_builder_add (values, scc_form_field_get_value (group_field (self, found, index, m)));
  for (guint k = index; k + 1 < found->n_items; k++)
    copy_item (self, found, k + 1, k);
  drop_last_item (self, found);
  group_changed (self, found);
  return g_strv_builder_end (values);
}

char *
scc_form_vm_dup_group_field_name (const char *group,
                                  guint       index,
                                  const char *member)
{
  g_return_val_if_fail (group != NULL && member != NULL, NULL);
  return g_strdup_printf ("%s[%u].%s", group, index, member);
}

void
_scc_form_vm_clear_groups (SccFormVm *self)
{
  GPtrArray *groups = _scc_form_vm_get_groups (self);

  for (guint i = 0; i < groups->len; i++)
    scc_form_vm_set_group_size (self, ((SccFormGroup *)g_ptr_array_index (groups, i))->name, 0);
}
