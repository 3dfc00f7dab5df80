/* scd-ctl-usage.h
 *
 * The usage text of sendcasectl's database commands, kept in one place so
 * that `sendcasectl --help`, `sendcasectl COMMAND --help` and the commands'
 * own error messages say the same thing. The `user` verbs are listed once,
 * in scd_ctl_user_verbs[]; scd-ctl-main.c answers `user --help` and
 * `user VERB --help` from it, and the user commands can print it too.
 * Header only: the text is compiled into whichever file includes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SCD_CTL_GLOBAL_SYNOPSIS "sendcasectl [--data-dir DIR | --database CONNINFO]"

/* The `user` verbs: synopsis (after "sendcasectl") and what the verb does. */
typedef struct
{
  const char *verb;
  const char *synopsis;
  const char *text;
} ScdCtlUserVerb;

static const ScdCtlUserVerb scd_ctl_user_verbs[] = {
  { "add", "user add NAME --role ROLE [--full-name TEXT] --password-stdin",
    "Creates a user. ROLE is caseworker, team_manager, admin_officer or\n"
    "system_admin. The password is the first line of standard input.\n" },
  { "list", "user list",
    "Lists the users with their id, role, state (active or disabled), until\n"
    "when a lockout after failed sign-ins lasts (LOCKED), and full name.\n" },
  { "disable", "user disable NAME",
    "Disables a user and ends their sessions.\n" },
  { "unlock", "user unlock NAME",
    "Lifts the lock that failed sign-ins put on a user.\n" },
  { "passwd", "user passwd NAME --password-stdin",
    "Sets a user's password from the first line of standard input, ends\n"
    "their sessions and lifts a lockout.\n" },
};

/* The verb named @verb, or NULL. */
static inline const ScdCtlUserVerb *
scd_ctl_user_verb_lookup (const char *verb)
{
  for (gsize i = 0; verb != NULL && i < G_N_ELEMENTS (scd_ctl_user_verbs); i++)
    if (g_str_equal (scd_ctl_user_verbs[i].verb, verb))
      return &scd_ctl_user_verbs[i];
  return NULL;
}

/* The usage of `user` (@verb NULL) or of one of its verbs; free it. */
static inline char *
scd_ctl_user_dup_usage (const ScdCtlUserVerb *verb)
{
  GString *out = g_string_new (NULL);

  if (verb != NULL)
    {
      g_string_append_printf (out, "Usage: " SCD_CTL_GLOBAL_SYNOPSIS "\n         %s\n\n%s",
                              verb->synopsis, verb->text);
      g_string_append (out,
                       "\nThe user commands need an existing data directory (or --database); they\n"
                       "work whether or not sendcased is running on it and record each change in\n"
                       "the audit trail as made by \"sendcasectl\".\n");
      return g_string_free (out, FALSE);
    }
  g_string_append (out, "Usage: " SCD_CTL_GLOBAL_SYNOPSIS " user COMMAND\n\nCommands:\n");
  for (gsize i = 0; i < G_N_ELEMENTS (scd_ctl_user_verbs); i++)
    g_string_append_printf (out, "  %s\n", scd_ctl_user_verbs[i].synopsis);
  g_string_append (out, "\n\"sendcasectl user COMMAND --help\" describes one command.\n");
  return g_string_free (out, FALSE);
}

G_END_DECLS
