/* scd-ctl-commands.h
 *
 * The database subcommands of sendcasectl. Each takes the global options and
 * the arguments from its own name on, and returns the exit status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* scd-ctl-schema.c */
int scd_ctl_init_main    (const char *data_dir, const char *database, int argc, char **argv);
int scd_ctl_migrate_main (const char *data_dir, const char *database, int argc, char **argv);
int scd_ctl_status_main  (const char *data_dir, const char *database, int argc, char **argv);
/* scd-ctl-plan.c */
int scd_ctl_plan_pdf_main (const char *data_dir, const char *database, int argc, char **argv);
/* scd-ctl-institutions.c */
int scd_ctl_institutions_main (const char *data_dir, const char *database, int argc, char **argv);
/* scd-ctl-case.c */
int scd_ctl_authority_main (const char *data_dir, const char *database, int argc, char **argv);
int scd_ctl_case_main      (const char *data_dir, const char *database, int argc, char **argv);
/* scd-ctl-user.c */
int scd_ctl_user_main    (const char *data_dir, const char *database, int argc, char **argv);

G_END_DECLS
