/* scd-ctl-case.c
 *
 * Moving a case between authorities from the command line, through the
 * daemon's case store (docs/transfer-format.md), so the reads and writes
 * are those of GET /api/v1/cases/{id}/export and POST /api/v1/transfers,
 * audited the same way ("sendcasectl" from "local"):
 *
 *   sendcasectl authority CODE NAME
 *   sendcasectl case export CASE [--output FILE]
 *   sendcasectl case import FILE --owner ID [--transferred-on DATE]
 *                           [--person ID | --different-person]
 *
 * An import is recorded by its owner, who holds the case. A file with
 * problems is refused whole, each problem on a line of its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sc-json.h"
#include "sc-problem.h"
#include "sc-transfer.h"
#include "scd-ctl.h"
#include "scd-ctl-commands.h"

static const char authority_usage[] =
  "usage: sendcasectl authority CODE NAME\n"
  "\n"
  "Names this authority: CODE is its three-digit DfE code (\"812\") and NAME\n"
  "its name. Every transfer file exported names its sender so.";

static const char case_usage[] =
  "usage: sendcasectl case export CASE [--output FILE]\n"
  "       sendcasectl case import FILE --owner ID [--transferred-on YYYY-MM-DD]\n"
  "                               [--person ID | --different-person]\n"
  "\n"
  "export writes case CASE as a transfer file (JSON; docs/transfer-format.md)\n"
  "to FILE (\"-\" for standard output; by default transfer-case-CASE.json).\n"
  "Only a case with a plan in force can be exported.\n"
  "\n"
  "import opens the case of the plan in FILE, transferred in on the day given\n"
  "(today by default), held by user ID: the child is found by their UPN, ULN\n"
  "or NHS number, or created; a child with the same names and date of birth\n"
  "stops the import until --person ID (that record) or --different-person is\n"
  "given. The plan becomes a draft, and the sending authority's band is\n"
  "mapped onto ours by a team manager's decision or listed for one. A file\n"
  "with problems is refused whole, every problem listed; nothing is written.";

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

static gboolean
wants_help (int    argc,
            char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      return TRUE;
  return FALSE;
}

/* Prints @error and each of its field errors; returns @status */
static int
fail_with_problems (int           status,
                    const char   *what,
                    const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;

  scd_ctl_fail (status, "%s: %s", what, error->message);
  for (guint i = 0; i < n; i++)
    fprintf (stderr, "  %s: %s\n", sc_problem_get_field_error (problem, i)->field,
             sc_problem_get_field_error (problem, i)->message);
  return status;
}

/* A transfer in whose child may be on record already: the daemon's words
 * name the API's members; these name the command's options */
static gboolean
fail_with_match (const GError *error)
{
  const ScProblem *problem = sc_error_get_problem (error);
  guint n = problem != NULL ? sc_problem_get_n_field_errors (problem) : 0;
  g_autoptr(GString) fields = g_string_new (NULL);
  gboolean unique = FALSE;
  gint64 id = 0;

  if (!g_error_matches (error, SC_ERROR, SC_ERROR_CONFLICT))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const ScFieldError *e = sc_problem_get_field_error (problem, i);
      const char *field;

      if (!g_str_has_prefix (e->field, "file.person.") ||
          sscanf (e->message, "matches person %" G_GINT64_FORMAT, &id) != 1)
        return FALSE;
      field = e->field + strlen ("file.person.");
      unique |= g_str_equal (field, "upn") || g_str_equal (field, "uln") || g_str_equal (field, "nhs_number");
      g_string_append_printf (fields, "%s%s", i > 0 ? ", " : "", field);
    }
  if (id <= 0)
    return FALSE;
  scd_ctl_fail (2, "case import: person %" G_GINT64_FORMAT " has the same %s%s: nothing was imported; run it again "
                "with --person %" G_GINT64_FORMAT " to move the plan onto that record%s", id, fields->str,
                unique ? "" : " and may be this child", id,
                unique ? "" : ", or with --different-person to record someone else");
  return TRUE;
}

/* --- authority ------------------------------------------------------------------ */

int
scd_ctl_authority_main (const char  *data_dir,
                        const char  *database,
                        int          argc,
                        char       **argv)
{
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcasectl", "authority.update", "authority", FALSE);
  g_autoptr(GError) error = NULL;
  ScdSync *sync;
  ScdCtlDb db;
  int status = 0;

  if (wants_help (argc, argv))
    {
      printf ("%s\n", authority_usage);
      return 0;
    }
  if (argc != 3)
    return scd_ctl_fail (2, "authority: give the authority's code and name\n%s", authority_usage);
  if (!sc_authority_code_is_valid (argv[1]))
    return scd_ctl_fail (2, "authority: the code must be three digits, such as 812, not \"%s\"", argv[1]);
  if (!g_utf8_validate (argv[2], -1, NULL) || argv[2][0] == '\0' ||
      g_utf8_strlen (argv[2], -1) > SC_AUTHORITY_NAME_MAX_CHARS)
    return scd_ctl_fail (2, "authority: the name must be 1 to %d characters", SC_AUTHORITY_NAME_MAX_CHARS);

  sync = scd_ctl_open_stores (&db, data_dir, database, &error);
  if (sync != NULL)
    {
      ScdStores *stores = scd_sync_get_stores (sync);

      scd_case_store_set_authority_async (stores->cases, actor, argv[1], argv[2], NULL, scd_sync_cb, sync);
      if (scd_case_store_set_authority_finish (stores->cases, scd_sync_wait (sync), &error))
        printf ("this authority is %s (%s)\n", argv[2], argv[1]);
      scd_sync_free (sync);
    }
  if (error != NULL)
    status = scd_ctl_fail (1, "authority: %s", error->message);
  scd_ctl_db_close (&db);
  return status;
}

/* --- case export ------------------------------------------------------------------ */

static int
export (ScdSync    *sync,
        gint64      id,
        const char *output)
{
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcasectl", "case.export", "case", TRUE);
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  ScdStores *stores = scd_sync_get_stores (sync);

  scd_case_store_export_async (stores->cases, actor, id, NULL, scd_sync_cb, sync);
  file = scd_case_store_export_finish (stores->cases, scd_sync_wait (sync), &error);
  if (file == NULL)
    return scd_ctl_fail (1, "case export: %s", error->message);
  if (g_strcmp0 (output, "-") == 0)
    return printf ("%s\n", file) >= 0 && fflush (stdout) == 0 ? 0
           : scd_ctl_fail (1, "case export: could not write to standard output");
  path = output != NULL ? g_strdup (output) : g_strdup_printf ("transfer-case-%" G_GINT64_FORMAT ".json", id);
  if (!g_file_set_contents (path, file, -1, &error))
    return scd_ctl_fail (1, "case export: %s", error->message);
  printf ("wrote %s\n", path);
  return 0;
}

/* --- case import ------------------------------------------------------------------ */

typedef struct
{
  gint64   owner_id;
  gint64   person_id;
  gboolean different;
  char    *transferred_on;
} ImportOptions;

static int
import (ScdSync             *sync,
        const char          *path,
        const ImportOptions *options)
{
  g_autoptr(ScdActor) local = scd_actor_new_local ("sendcasectl", "transfer.import", "case", FALSE);
  g_autoptr(ScdActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(ScTransferFile) file = NULL;
  g_autoptr(ScdCreated) created = NULL;
  g_autofree char *text = NULL;
  g_autofree char *file_text = NULL;
  ScdStores *stores = scd_sync_get_stores (sync);
  ScdTransferRequest ask = { 0 };
  gsize length;

  if (!g_file_get_contents (path, &text, &length, &error))
    return scd_ctl_fail (2, "case import: %s", error->message);
  if (!sc_json_check_object_text (text, length, 64, &error) || !json_parser_load_from_data (parser, text, -1, &error))
    return scd_ctl_fail (2, "case import: %s is not a transfer file: %s", path, error->message);
  file = sc_transfer_file_read (json_parser_get_root (parser), NULL, &error);
  if (file == NULL)
    return fail_with_problems (2, "case import", error);
  file_text = json_to_string (json_parser_get_root (parser), FALSE);

  ask.file = file;
  ask.file_text = file_text;
  ask.owner_id = options->owner_id;
  ask.person_id = options->person_id;
  ask.confirm_different_person = options->different;
  {
    GDate today;

    g_date_clear (&today, 1);
    g_date_set_time_t (&today, time (NULL));
    ask.transferred_on = g_date_get_julian (&today);
    if (options->transferred_on != NULL && !sc_day_parse (options->transferred_on, &ask.transferred_on))
      return scd_ctl_fail (2, "case import: --transferred-on must be a date YYYY-MM-DD, not \"%s\"",
                           options->transferred_on);
    if (ask.transferred_on > g_date_get_julian (&today))
      return scd_ctl_fail (2, "case import: --transferred-on must not be after today: record the transfer when "
                           "it happens");
  }
  /* recorded by the owner, who holds the case from now */
  actor = scd_actor_new_as (local, options->owner_id, NULL, "caseworker");
  scd_case_store_transfer_in_async (stores->cases, actor, &ask, NULL, NULL, scd_sync_cb, sync);
  created = scd_case_store_transfer_in_finish (stores->cases, scd_sync_wait (sync), &error);
  if (created == NULL && fail_with_match (error))
    return 2;
  if (created == NULL)
    return fail_with_problems (g_error_matches (error, SC_ERROR, SC_ERROR_INTERNAL) ? 1 : 2, "case import", error);
  {
    const ScTransferIn *in = scd_case_store_transfer_in_of (created->model);

    printf ("case %" G_GINT64_FORMAT " opened for person %" G_GINT64_FORMAT "%s, transferred in from %s (%s)\n",
            in->case_id, in->person_id, in->person_created ? " (new)" : "", file->authority_name,
            file->authority_code);
    if (in->band_status == SC_TRANSFER_BAND_MAPPED)
      printf ("band %s mapped onto our band %s\n", in->band->their_code, in->band->our_code);
    else if (in->band_status == SC_TRANSFER_BAND_UNMAPPED)
      printf ("band %s (%s) is not mapped: a team manager maps it under Funding Bands%s%s\n",
              in->band->their_code, in->band->their_description,
              in->band->suggested_code != NULL ? "; suggested: " : "",
              in->band->suggested_code != NULL ? in->band->suggested_code : "");
  }
  return 0;
}

int
scd_ctl_case_main (const char  *data_dir,
                   const char  *database,
                   int          argc,
                   char       **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *person = NULL;
  ImportOptions options = { 0 };
  ScdSync *sync;
  ScdCtlDb db;
  int status;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, NULL, NULL },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner, NULL, NULL },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person, NULL, NULL },
    { "different-person", 0, 0, G_OPTION_ARG_NONE, &options.different, NULL, NULL },
    { "transferred-on", 0, 0, G_OPTION_ARG_STRING, &options.transferred_on, NULL, NULL },
    { NULL }
  };
  gboolean exporting;
  gint64 id = 0;

  if (wants_help (argc, argv))
    {
      printf ("%s\n", case_usage);
      return 0;
    }
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return scd_ctl_fail (2, "case: %s\n%s", error->message, case_usage);
  if (argc != 3 || (!g_str_equal (argv[1], "export") && !g_str_equal (argv[1], "import")))
    return scd_ctl_fail (2, "case: give export and a case, or import and a file\n%s", case_usage);
  exporting = g_str_equal (argv[1], "export");
  if (exporting && !parse_id (argv[2], &id))
    return scd_ctl_fail (2, "case export: the case must be a case's number, not \"%s\"", argv[2]);
  if (!exporting)
    {
      if (!parse_id (owner, &options.owner_id))
        return scd_ctl_fail (2, "case import: give --owner ID, the user who will hold the case "
                                "(sendcasectl user list)");
      if (person != NULL && !parse_id (person, &options.person_id))
        return scd_ctl_fail (2, "case import: --person must be a person's id, not \"%s\"", person);
      if (person != NULL && options.different)
        return scd_ctl_fail (2, "case import: give --person or --different-person, not both");
      if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
        return scd_ctl_fail (2, "case import: %s is not a file", argv[2]);
    }

  sync = scd_ctl_open_stores (&db, data_dir, database, &error);
  if (sync == NULL)
    {
      g_free (options.transferred_on);
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "case %s: %s", argv[1], error->message);
    }
  status = exporting ? export (sync, id, output) : import (sync, argv[2], &options);
  g_free (options.transferred_on);
  scd_sync_free (sync);
  scd_ctl_db_close (&db);
  return status;
}
