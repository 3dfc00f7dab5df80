/* scd-ctl-plan.c
 *
 * `sendcasectl plan-pdf CASE VERSION [--output FILE]`: an issued plan
 * version (or an amendment notice) as the same PDF the daemon serves at
 * GET /api/v1/cases/{id}/plan/versions/{n}/pdf, read through the daemon's
 * plan store, so the read is audited ("sendcasectl" from "local", action
 * plan.version.pdf) and a restricted case is not found, as for anyone
 * who is not its owner, an assignee or a team manager.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>

#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-migrate.h"
#include "scd-plan-pdf.h"
#include "scd-sync.h"

static const char usage[] =
  "usage: sendcasectl plan-pdf CASE VERSION [--output FILE]\n"
  "\n"
  "Writes version VERSION of case CASE's plan as PDF to FILE (\"-\" for\n"
  "standard output; by default plan-CASE-vVERSION.pdf, or\n"
  "amendment-notice-CASE-vVERSION.pdf for proposed amendments, in the\n"
  "current directory). The read is recorded in the audit trail.";

static gboolean
parse_number (const char *text,
              gint64     *number)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT32, &value, NULL))
    return FALSE;
  *number = (gint64) value;
  return TRUE;
}

static int
write_pdf (ScdSync    *sync,
           gint64      case_id,
           gint64      number,
           const char *output)
{
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcasectl", "plan.version.pdf", "case", TRUE);
  g_autoptr(ScPlanDocument) document = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  ScdStores *stores = scd_sync_get_stores (sync);
  gsize size;
  const char *data;

  scd_plan_store_get_document_async (stores->plans, actor, case_id, number, NULL, scd_sync_cb, sync);
  document = scd_plan_store_get_document_finish (stores->plans, scd_sync_wait (sync), &error);
  if (document == NULL)
    return scd_ctl_fail (1, "plan-pdf: %s", error->message);
  pdf = scd_plan_pdf_render (document, &error);
  if (pdf == NULL)
    return scd_ctl_fail (1, "plan-pdf: %s", error->message);
  data = g_bytes_get_data (pdf, &size);
  if (g_strcmp0 (output, "-") == 0)
    return fwrite (data, 1, size, stdout) == size && fflush (stdout) == 0 ? 0 :
           scd_ctl_fail (1, "plan-pdf: could not write to standard output");
  file = output != NULL ? g_strdup (output) : scd_plan_pdf_dup_file_name (document);
  if (!g_file_set_contents (file, data, (gssize) size, &error))
    return scd_ctl_fail (1, "plan-pdf: %s", error->message);
  printf ("wrote %s (%" G_GSIZE_FORMAT " bytes)\n", file, size);
  return 0;
}

int
scd_ctl_plan_pdf_main (const char  *data_dir,
                       const char  *database,
                       int          argc,
                       char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  ScdSync *sync = NULL;
  ScdCtlDb db;
  gint64 case_id, number;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { NULL }
  };

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        printf ("%s\n", usage);
        return 0;
      }
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return scd_ctl_fail (2, "plan-pdf: %s\n%s", error->message, usage);
  if (argc != 3)
    return scd_ctl_fail (2, "plan-pdf: give a case and a version number\n%s", usage);
  if (!parse_number (argv[1], &case_id))
    return scd_ctl_fail (2, "plan-pdf: the case must be a case's number, not \"%s\"", argv[1]);
  if (!parse_number (argv[2], &number))
    return scd_ctl_fail (2, "plan-pdf: the version must be a number from 1, not \"%s\"", argv[2]);

  sync = scd_ctl_open_stores (&db, data_dir, database, &error);
  if (sync == NULL)
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "plan-pdf: %s", error->message);
    }
  status = write_pdf (sync, case_id, number, output);
  scd_sync_free (sync);
  scd_ctl_db_close (&db);
  return status;
}
