/* scc-window-test.h
 *
 * Helpers for the tests that drive the real SccApplication and SccWindow
 * under Xvfb: start the application on a server, find a page and its
 * template children, fill in and submit forms as the pages' own actions
 * would, wait for pages and requests, and press real keys.
 *
 * Keys are typed from outside the process, with XTEST (xdotool), into the
 * window that has the X input focus, so they go through GDK and GTK the
 * way a person's do; GTK 4 has no in-process key synthesis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "scc-application.h"
#include "scc-field-row.h"
#include "scc-pages.h"
#include "scc-window.h"

G_BEGIN_DECLS

extern SccApplication *scc_test_app;
extern SccWindow      *scc_test_window;

/* Keeps @server_url in (memory) GSettings, makes a non-unique application
 * and its window, and waits for the first server check. */
void          scc_window_test_start        (const char  *server_url);
void          scc_window_test_stop         (void);

SccPage      *scc_test_page                (const char  *name);
SccFormVm    *scc_test_form                (const char  *page);
/* A template child of a page, by id. */
GtkWidget    *scc_test_child               (const char  *page,
                                            const char  *id);
/* The entry of a page's SccFieldRow, by the row's id. */
GtkEditable  *scc_test_entry               (const char  *page,
                                            const char  *row);
void          scc_test_type_into           (const char  *page,
                                            const char  *row,
                                            const char  *text);
/* The keyboard focus is on @widget or inside it. */
gboolean      scc_test_has_focus           (GtkWidget   *widget);
/* Presses Tab (at most ten times) until @page's template child @name has
 * the focus; fails the test, naming where the focus is, if it never does */
void          scc_test_tab_to              (const char  *page,
                                            const char  *name);
const char   *scc_test_describe_focus      (void);

void          scc_test_wait_page           (const char  *name);
void          scc_test_wait_form           (SccFormVm   *form);
void          scc_test_wait_connection     (void);
/* Fills in the sign-in form and signs in with the page's action; waits
 * for the answer. */
void          scc_test_sign_in_as          (const char  *username,
                                            const char  *password);

void          scc_test_assert_field_error  (const char  *page,
                                            const char  *row,
                                            const char  *message);
void          scc_test_assert_no_field_error (const char *page,
                                            const char  *row);
/* Waits for a toast saying @title, shown or waiting to be shown: a toast
 * goes after some seconds, so call it as soon as the toast is due. */
void          scc_test_assert_toast        (const char  *title);

/* Gives @window the X input focus, as a window manager would (Xvfb has
 * none): once before pressing keys, and again after a dialog closes. */
void          scc_test_focus_window        (GtkWindow   *window);
void          scc_window_test_focus        (void);
/* Presses keys in xdotool's words ("Tab", "ctrl+shift+q", "F10") in the
 * main window, one after the other, and lets GTK handle them. */
void          scc_test_press_keys          (const char  *first_key,
                                            ...) G_GNUC_NULL_TERMINATED;
/* Types @text into whatever has the focus. */
void          scc_test_type_text           (const char  *text);

G_END_DECLS
