/* scd-ctl-institutions.c
 *
 * `sendcasectl institutions import FILE`: the DfE's "Get Information About
 * Schools" establishment CSV into the institution directory, through the
 * daemon's institution store. The file is read whole (UTF-8 or
 * Windows-1252, sc-csv.h), its columns found by name (sc-institution.h);
 * a bad row is reported with its line and reason and skipped, a URN given
 * twice keeps its first row. The rows go in batches, each one statement
 * and so all or nothing: an import stopped half-way leaves whole batches
 * only, and importing the same file again changes nothing. Progress goes
 * to a terminal; the counts end the output.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "scd-ctl"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "sc-csv.h"
#include "sc-institution.h"
#include "scd-ctl.h"
#include "scd-ctl-commands.h"
#include "scd-migrate.h"
#include "scd-sync.h"

#define BATCH_ROWS 1000
/* the rejections listed one by one; the rest counted */
#define REJECTIONS_SHOWN 50

static const char usage[] =
  "usage: sendcasectl institutions import FILE\n"
  "\n"
  "Loads FILE, a GIAS establishment CSV (the all-establishments file as\n"
  "published: UTF-8 or Windows-1252, its columns found by name), into the\n"
  "institution directory by URN, in batches of " G_STRINGIFY (BATCH_ROWS) " rows, and ends\n"
  "with the counts: added, updated, unchanged, closed and rejected (each\n"
  "with its line and reason). Importing the same file again changes nothing.";

typedef struct
{
  guint                rows;
  guint                rejected;
  ScdInstitutionCounts counts;
} Totals;

static gboolean
send_batch (ScdSync    *sync,
            GPtrArray  *batch,
            Totals     *totals,
            GError    **error)
{
  g_autoptr(ScdActor) actor = scd_actor_new_local ("sendcasectl", "institution.import", "institution", TRUE);
  ScdStores *stores = scd_sync_get_stores (sync);
  ScdInstitutionCounts counts;

  if (batch->len == 0)
    return TRUE;
  scd_institution_store_import_async (stores->institutions, actor, batch, NULL, scd_sync_cb, sync);
  if (!scd_institution_store_import_finish (stores->institutions, scd_sync_wait (sync), &counts, error))
    return FALSE;
  totals->counts.added += counts.added;
  totals->counts.updated += counts.updated;
  totals->counts.unchanged += counts.unchanged;
  totals->counts.closed += counts.closed;
  g_ptr_array_set_size (batch, 0);
  return TRUE;
}

static void
reject (Totals     *totals,
        guint       line,
        const char *reason)
{
  if (totals->rejected++ < REJECTIONS_SHOWN)
    printf ("rejected line %u: %s\n", line, reason);
}

static int
import (ScdSync    *sync,
        const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(ScCsvReader) reader = NULL;
  g_autoptr(GPtrArray) batch = g_ptr_array_new_with_free_func ((GDestroyNotify) sc_institution_free);
  /* the URNs read so far (each fits an int: sc_gias_row_read) */
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  gboolean terminal = isatty (STDERR_FILENO);
  ScGiasColumns columns;
  GPtrArray *fields;
  Totals totals = { 0 };
  guint line;

  if (file == NULL)
    return scd_ctl_fail (2, "institutions import: %s", error->message);
  bytes = g_mapped_file_get_bytes (file);
  reader = sc_csv_reader_new (bytes);
  if (!sc_csv_reader_next (reader, &fields, &line, &error))
    return scd_ctl_fail (2, "institutions import: %s: %s", path, error != NULL ? error->message : "the file is empty");
  if (!sc_gias_columns_read (fields, &columns, &error))
    return scd_ctl_fail (2, "institutions import: %s: %s", path, error->message);
  if (sc_csv_reader_was_converted (reader))
    printf ("%s is not UTF-8: read as Windows-1252\n", path);
  while (sc_csv_reader_next (reader, &fields, &line, &error))
    {
      g_autoptr(GError) bad = NULL;
      ScInstitution *institution;

      totals.rows++;
      institution = sc_gias_row_read (&columns, fields, &bad);
      if (institution == NULL)
        {
          reject (&totals, line, bad->message);
          continue;
        }
      if (g_hash_table_contains (seen, GINT_TO_POINTER ((int) institution->urn)))
        {
          g_autofree char *reason = g_strdup_printf ("URN %" G_GINT64_FORMAT " is on an earlier line too",
                                                     institution->urn);

          reject (&totals, line, reason);
          sc_institution_free (institution);
          continue;
        }
      g_hash_table_add (seen, GINT_TO_POINTER ((int) institution->urn));
      g_ptr_array_add (batch, institution);
      if (batch->len == BATCH_ROWS)
        {
          if (!send_batch (sync, batch, &totals, &error))
            break;
          if (terminal)
            fprintf (stderr, "\r%u rows read (%.0f%%)", totals.rows, 100 * sc_csv_reader_get_fraction (reader));
        }
    }
  if (error == NULL)
    send_batch (sync, batch, &totals, &error);
  if (terminal)
    fprintf (stderr, "\r\033[K");
  if (totals.rejected > REJECTIONS_SHOWN)
    printf ("... and %u more rejected lines\n", totals.rejected - REJECTIONS_SHOWN);
  printf ("%u rows: %u added, %u updated, %u unchanged, %u closed, %u rejected\n", totals.rows,
          totals.counts.added, totals.counts.updated, totals.counts.unchanged, totals.counts.closed,
          totals.rejected);
  if (error != NULL)
    return scd_ctl_fail (1, "institutions import: stopped at line %u: %s (the batches before it are in)", line,
                         error->message);
  return 0;
}

int
scd_ctl_institutions_main (const char  *data_dir,
                           const char  *database,
                           int          argc,
                           char       **argv)
{
  g_autoptr(GError) error = NULL;
  ScdSync *sync = NULL;
  ScdCtlDb db;
  int status;

  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        printf ("%s\n", usage);
        return 0;
      }
  if (argc != 3 || !g_str_equal (argv[1], "import"))
    return scd_ctl_fail (2, "institutions: give import and a file\n%s", usage);
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    return scd_ctl_fail (2, "institutions import: %s is not a file", argv[2]);
  sync = scd_ctl_open_stores (&db, data_dir, database, &error);
  if (sync == NULL)
    {
      scd_ctl_db_close (&db);
      return scd_ctl_fail (1, "institutions import: %s", error->message);
    }
  status = import (sync, argv[2]);
  scd_sync_free (sync);
  scd_ctl_db_close (&db);
  return status;
}
