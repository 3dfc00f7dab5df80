/* sc-clock-input.c
 *
 * The clock's input: the event types and their names, ScClockInput, and the
 * checks every event passes whether it was built in C or read from JSON, so
 * the daemon and sendcasectl refuse the same histories with the same words.
 * A structural error names the event's index (its position in the input,
 * counting from 0) and the problem, and carries a field error such as
 * events[3].date for the daemon's problem document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-clock"

#include "config.h"

#include <string.h>

#include "sc-clock-private.h"
#include "sc-error.h"
#include "sc-problem.h"

/* Event types and the enumerations of their members. */

static const struct
{
  const char *name;
  guint       fields;
} event_info[SC_N_EVENT_TYPES] = {
  [SC_EVENT_REQUEST_RECEIVED] = { "request_received", 0 },
  [SC_EVENT_DECIDED_TO_ASSESS] = { "decided_to_assess", 0 },
  [SC_EVENT_DECIDED_NOT_TO_ASSESS] = { "decided_not_to_assess", 0 },
  [SC_EVENT_ADVICE_REQUESTED] = { "advice_requested", SC_FIELD_KEY },
  [SC_EVENT_ADVICE_RECEIVED] = { "advice_received", SC_FIELD_KEY },
  [SC_EVENT_DECIDED_NOT_TO_ISSUE] = { "decided_not_to_issue", 0 },
  [SC_EVENT_DRAFT_PLAN_ISSUED] = { "draft_plan_issued", 0 },
  [SC_EVENT_CONSULTATION_SENT] = { "consultation_sent", SC_FIELD_KEY | SC_FIELD_CONSULTATION },
  [SC_EVENT_CONSULTATION_RESPONSE] = { "consultation_response", SC_FIELD_KEY },
  [SC_EVENT_FINAL_PLAN_ISSUED] = { "final_plan_issued", 0 },
  [SC_EVENT_EXCEPTION_APPLIED] = { "exception_applied", SC_FIELD_REASON },
  [SC_EVENT_REVIEW_MEETING] = { "review_meeting", 0 },
  [SC_EVENT_REVIEW_REPORT_RECEIVED] = { "review_report_received", 0 },
  [SC_EVENT_REVIEW_DECISION] = { "review_decision", SC_FIELD_OUTCOME },
  [SC_EVENT_AMENDMENT_NOTICE_ISSUED] = { "amendment_notice_issued", 0 },
  [SC_EVENT_AMENDED_PLAN_ISSUED] = { "amended_plan_issued", SC_FIELD_PHASE_TRANSFER },
  [SC_EVENT_PHASE_TRANSFER_DUE] = { "phase_transfer_due", SC_FIELD_TRANSFER },
  [SC_EVENT_CEASE_DECIDED] = { "cease_decided", 0 },
  [SC_EVENT_PLAN_CEASED] = { "plan_ceased", 0 },
  [SC_EVENT_REASSESSMENT_REQUESTED] = { "reassessment_requested", 0 },
  [SC_EVENT_DECIDED_TO_REASSESS] = { "decided_to_reassess", 0 },
  [SC_EVENT_DECIDED_NOT_TO_REASSESS] = { "decided_not_to_reassess", 0 },
  [SC_EVENT_TRANSFER_IN] = { "transfer_in", SC_FIELD_LAST_REVIEW },
  [SC_EVENT_TRANSFER_NOTICE_SENT] = { "transfer_notice_sent", 0 },
  [SC_EVENT_MEDIATION_CERTIFICATE_ISSUED] = { "mediation_certificate_issued", 0 },
  [SC_EVENT_APPEAL_REGISTERED] = { "appeal_registered", SC_FIELD_KEY },
  [SC_EVENT_APPEAL_RESPONSE_SENT] = { "appeal_response_sent", SC_FIELD_KEY },
  [SC_EVENT_TRIBUNAL_ORDER] = { "tribunal_order", SC_FIELD_KEY | SC_FIELD_ORDER },
  [SC_EVENT_COMPLAINT_RECEIVED] = { "complaint_received", SC_FIELD_KEY | SC_FIELD_STAGE },
  [SC_EVENT_COMPLAINT_ACKNOWLEDGED] = { "complaint_acknowledged", SC_FIELD_KEY },
  [SC_EVENT_COMPLAINT_RESPONDED] = { "complaint_responded", SC_FIELD_KEY },
  [SC_EVENT_COMPLAINT_EXTENDED] = { "complaint_extended", SC_FIELD_KEY },
  [SC_EVENT_TRANSFER_OUT] = { "transfer_out", 0 },
  [SC_EVENT_CONSULTATION_WITHDRAWN] = { "consultation_withdrawn", SC_FIELD_KEY },
  [SC_EVENT_APPEAL_DECIDED] = { "appeal_decided", SC_FIELD_KEY },
};

static const char * const reason_names[] = {
  NULL, "setting_closure", "early_years_closure", "personal_circumstances", "absent_from_area",
};
static const char * const outcome_names[] = { NULL, "maintain", "amend", "cease" };
static const char * const route_names[] = { NULL, "school", "post16" };
static const char * const order_names[] = {
  NULL, "assess", "reassess", "make_plan", "amend_provision", "amend_placement",
  "continue_plan", "cease_plan",
};
G_STATIC_ASSERT (G_N_ELEMENTS (reason_names) == SC_EXCEPTION_ABSENT_FROM_AREA + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (outcome_names) == SC_OUTCOME_CEASE + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (route_names) == SC_ROUTE_POST16 + 1);
G_STATIC_ASSERT (G_N_ELEMENTS (order_names) == SC_ORDER_CEASE_PLAN + 1);

const char *
sc_event_type_to_string (ScEventType type)
{
  g_return_val_if_fail ((guint) type < SC_N_EVENT_TYPES, NULL);
  return event_info[type].name;
}

gboolean
sc_event_type_from_string (const char  *text,
                           ScEventType *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < SC_N_EVENT_TYPES; i++)
    {
      if (strcmp (event_info[i].name, text) == 0)
        {
          *out = (ScEventType) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * sc_event_type_dup_members:
 *
 * The members an event of @type reads beyond `type` and `date`, in the
 * order the documentation gives them, optional ones in brackets: "key",
 * "key, order", "transfer_year, route", "[last_review]"; "" for none.
 *
 * Returns: (transfer full): the list, or %NULL for an invalid @type
 */
char *
sc_event_type_dup_members (ScEventType type)
{
  static const struct { guint field; const char *text; } members[] = {
    { SC_FIELD_KEY, "key" }, { SC_FIELD_REASON, "reason" }, { SC_FIELD_OUTCOME, "outcome" },
    { SC_FIELD_ORDER, "order" }, { SC_FIELD_TRANSFER, "transfer_year, route" },
    { SC_FIELD_STAGE, "stage" }, { SC_FIELD_LAST_REVIEW, "[last_review]" },
    { SC_FIELD_PHASE_TRANSFER, "[phase_transfer]" },
    { SC_FIELD_CONSULTATION, "[preference_rank, plan_version]" },
  };
  GString *out;

  g_return_val_if_fail ((guint) type < SC_N_EVENT_TYPES, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (event_info[type].fields & members[i].field)
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", members[i].text);
  return g_string_free (out, FALSE);
}

/* Longer text is no typo of an event type: it is not worth comparing. */
#define SUGGEST_MAX_LEN 48

/* The optimal string alignment distance (insertions, deletions,
 * substitutions and swaps of neighbours, each 1) of two short strings. */
static guint
edit_distance (const char *a,
               gsize       la,
               const char *b,
               gsize       lb)
{
  guint rows[3][SUGGEST_MAX_LEN + 1];
  guint *before = rows[0], *previous = rows[1], *current = rows[2];

  g_assert (la <= SUGGEST_MAX_LEN && lb <= SUGGEST_MAX_LEN);

  for (gsize j = 0; j <= lb; j++)
    previous[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint *spare;

      current[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;
          guint best = MIN (previous[j] + 1, current[j - 1] + 1);

          best = MIN (best, previous[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
            best = MIN (best, before[j - 2] + 1);
          current[j] = best;
        }
      spare = before, before = previous, previous = current, current = spare;
    }
  return previous[lb];
}

const char *
_sc_event_type_suggest (const char *text)
{
  char normal[SUGGEST_MAX_LEN + 1];
  const char *best = NULL;
  guint best_distance = G_MAXUINT;
  gsize len;

  if (text == NULL || (len = strlen (text)) == 0 || len > SUGGEST_MAX_LEN)
    return NULL;
  /* "Request-Received" is request_received */
  for (gsize i = 0; i < len; i++)
    normal[i] = text[i] == '-' || text[i] == ' ' ? '_' : g_ascii_tolower (text[i]);
  normal[len] = '\0';

  for (guint i = 0; i < SC_N_EVENT_TYPES; i++)
    {
      const char *name = event_info[i].name;
      gsize name_len = strlen (name);
      /* about one slip in five letters, at least two */
      guint limit = MAX (2, (guint) name_len / 5);
      guint distance;

      if ((len > name_len ? len - name_len : name_len - len) > limit)
        continue;
      distance = edit_distance (normal, len, name, name_len);
      if (distance <= limit && distance < best_distance)
        {
          best = name;
          best_distance = distance;
        }
    }
  return best;
}

guint
_sc_clock_enum_parse (const char *member,
                      const char *text)
{
  const char * const *names;
  guint n;

  if (strcmp (member, "reason") == 0)
    names = reason_names, n = G_N_ELEMENTS (reason_names);
  else if (strcmp (member, "outcome") == 0)
    names = outcome_names, n = G_N_ELEMENTS (outcome_names);
  else if (strcmp (member, "order") == 0)
    names = order_names, n = G_N_ELEMENTS (order_names);
  else
    {
      g_assert (strcmp (member, "route") == 0);
      names = route_names, n = G_N_ELEMENTS (route_names);
    }
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (names[i], text) == 0)
      return i;
  return n;
}

guint
_sc_event_type_get_fields (ScEventType type)
{
  g_assert ((guint) type < SC_N_EVENT_TYPES);
  return event_info[type].fields;
}

const char *
sc_exception_reason_to_string (ScExceptionReason reason)
{
  return (guint) reason < G_N_ELEMENTS (reason_names) ? reason_names[reason] : NULL;
}

const char *
sc_review_outcome_to_string (ScReviewOutcome outcome)
{
  return (guint) outcome < G_N_ELEMENTS (outcome_names) ? outcome_names[outcome] : NULL;
}

const char *
sc_transfer_route_to_string (ScTransferRoute route)
{
  return (guint) route < G_N_ELEMENTS (route_names) ? route_names[route] : NULL;
}

const char *
sc_tribunal_order_to_string (ScTribunalOrder order)
{
  return (guint) order < G_N_ELEMENTS (order_names) ? order_names[order] : NULL;
}
/* The input. */

G_DEFINE_BOXED_TYPE (ScClockInput, sc_clock_input, sc_clock_input_ref, sc_clock_input_unref)

/**
 * sc_clock_input_new:
 *
 * Returns: (transfer full): an input with no events and no date of birth
 */
ScClockInput *
sc_clock_input_new (void)
{
  ScClockInput *input = g_new0 (ScClockInput, 1);

  g_atomic_ref_count_init (&input->ref_count);
  input->events = g_array_sized_new (FALSE, FALSE, sizeof (ScClockEvent), 32);
  input->ignored = g_array_new (FALSE, FALSE, sizeof (ScIgnoredMember));
  input->strings = g_string_chunk_new (512);
  return input;
}

ScClockInput *
sc_clock_input_ref (ScClockInput *input)
{
  g_return_val_if_fail (input != NULL, NULL);

  g_atomic_ref_count_inc (&input->ref_count);
  return input;
}

void
sc_clock_input_unref (ScClockInput *input)
{
  g_return_if_fail (input != NULL);

  if (g_atomic_ref_count_dec (&input->ref_count))
    {
      g_clear_pointer (&input->events, g_array_unref);
      g_clear_pointer (&input->ignored, g_array_unref);
      g_clear_pointer (&input->strings, g_string_chunk_free);
      g_free (input);
    }
}

/**
 * sc_clock_input_set_date_of_birth:
 * @date_of_birth: the child's date of birth, or %SC_DAY_NONE if unknown
 */
void
sc_clock_input_set_date_of_birth (ScClockInput *input,
                                  ScDay         date_of_birth)
{
  g_return_if_fail (input != NULL);
  input->date_of_birth = date_of_birth;
}

ScDay
sc_clock_input_get_date_of_birth (const ScClockInput *input)
{
  g_return_val_if_fail (input != NULL, SC_DAY_NONE);
  return input->date_of_birth;
}

char *
_sc_clock_quote (const char *text)
{
  g_autofree char *shortened = NULL;
  const char *end;

  if (text == NULL)
    return g_strdup ("");
  /* cut at a character boundary when the text is valid UTF-8 */
  if (!g_utf8_validate (text, MIN (strlen (text), (gsize) SC_CLOCK_QUOTE_MAX), &end))
    end = text + MIN (strlen (text), (gsize) SC_CLOCK_QUOTE_MAX);
  shortened = g_strndup (text, end - text);
  if (text[end - text] != '\0')
    {
      g_autofree char *escaped = g_strescape (shortened, NULL);
      return g_strconcat (escaped, "...", NULL);
    }
  return g_strescape (shortened, NULL);
}

void
_sc_clock_input_error (GError     **error,
                       int          index,
                       const char  *field,
                       const char  *format,
                       ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (index < 0)
    path = g_strdup (field);
  else if (field == NULL)
    path = g_strdup_printf ("events[%d]", index);
  else
    path = g_strdup_printf ("events[%d].%s", index, field);
  if (*error == NULL)
    {
      if (index >= 0)
        g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT, "event %d: %s", index, message);
      else
        g_set_error_literal (error, SC_ERROR, SC_ERROR_INVALID_INPUT, message);
    }
  sc_set_field_error (error, path, "%s", message);
}

static gboolean
check_date (ScDay        date,
            guint        index,
            const char  *field,
            GError     **error)
{
  char text[SC_DAY_STRING_SIZE];

  if (date == SC_DAY_NONE)
    {
      _sc_clock_input_error (error, index, field, "missing required field \"%s\"", field);
      return FALSE;
    }
  if (!sc_day_is_in_range (date))
    {
      _sc_clock_input_error (error, index, field,
                             "field \"%s\" is outside the years %d-%d: \"%s\"", field,
                             SC_DAY_FIRST_YEAR, SC_DAY_LAST_YEAR, sc_day_format (date, text));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_enum (guint        value,
            guint        n_values,
            const char * const *names,
            guint        index,
            const char  *field,
            GError     **error)
{
  g_autoptr(GString) allowed = NULL;

  if (value >= 1 && value < n_values)
    return TRUE;
  if (value == 0)
    {
      _sc_clock_input_error (error, index, field, "missing required field \"%s\"", field);
      return FALSE;
    }
  allowed = g_string_new (NULL);
  for (guint i = 1; i < n_values; i++)
    g_string_append_printf (allowed, "%s%s", i > 1 ? ", " : "", names[i]);
  _sc_clock_input_error (error, index, field, "field \"%s\" must be one of %s",
                         field, allowed->str);
  return FALSE;
}

/* An optional count: 0 for none, or 1 .. SC_CLOCK_MAX_COUNT */
static gboolean
check_count (int          value,
             guint        index,
             const char  *field,
             GError     **error)
{
  if (value >= 0 && value <= SC_CLOCK_MAX_COUNT)
    return TRUE;
  _sc_clock_input_error (error, index, field, "field \"%s\" must be a whole number from 1 to %d",
                         field, SC_CLOCK_MAX_COUNT);
  return FALSE;
}

gboolean
_sc_clock_event_check (const ScClockEvent  *event,
                       guint                index,
                       GError             **error)
{
  guint fields;
  gboolean ok = TRUE;

  if ((guint) event->type >= SC_N_EVENT_TYPES)
    {
      _sc_clock_input_error (error, index, "type", "unknown event type %d", (int) event->type);
      return FALSE;
    }
  fields = event_info[event->type].fields;

  ok &= check_date (event->date, index, "date", error);
  if (fields & SC_FIELD_KEY)
    {
      if (event->key == NULL)
        {
          _sc_clock_input_error (error, index, "key", "missing required field \"key\"");
          ok = FALSE;
        }
      else if (*event->key == '\0')
        {
          _sc_clock_input_error (error, index, "key", "field \"key\" must not be empty");
          ok = FALSE;
        }
      else if (!g_utf8_validate (event->key, -1, NULL))
        {
          _sc_clock_input_error (error, index, "key", "field \"key\" must be UTF-8 text");
          ok = FALSE;
        }
    }
  if (fields & SC_FIELD_REASON)
    ok &= check_enum (event->reason, G_N_ELEMENTS (reason_names), reason_names,
                      index, "reason", error);
  if (fields & SC_FIELD_OUTCOME)
    ok &= check_enum (event->outcome, G_N_ELEMENTS (outcome_names), outcome_names,
                      index, "outcome", error);
  if (fields & SC_FIELD_ORDER)
    ok &= check_enum (event->order, G_N_ELEMENTS (order_names), order_names, index, "order", error);
  if (fields & SC_FIELD_TRANSFER)
    {
      if (event->transfer_year == 0)
        {
          _sc_clock_input_error (error, index, "transfer_year",
                                 "missing required field \"transfer_year\"");
          ok = FALSE;
        }
      else if (event->transfer_year < SC_DAY_FIRST_YEAR || event->transfer_year > SC_DAY_LAST_YEAR)
        {
          _sc_clock_input_error (error, index, "transfer_year",
                                 "field \"transfer_year\" must be a year from %d to %d",
                                 SC_DAY_FIRST_YEAR, SC_DAY_LAST_YEAR);
          ok = FALSE;
        }
      ok &= check_enum (event->route, G_N_ELEMENTS (route_names), route_names,
                        index, "route", error);
    }
  if (fields & SC_FIELD_STAGE)
    {
      if (event->stage == 0)
        {
          _sc_clock_input_error (error, index, "stage", "missing required field \"stage\"");
          ok = FALSE;
        }
      else if (event->stage != 1 && event->stage != 2)
        {
          _sc_clock_input_error (error, index, "stage", "field \"stage\" must be 1 or 2");
          ok = FALSE;
        }
    }
  if ((fields & SC_FIELD_LAST_REVIEW) && event->last_review != SC_DAY_NONE)
    ok &= check_date (event->last_review, index, "last_review", error);
  if (fields & SC_FIELD_CONSULTATION)
    {
      ok &= check_count (event->preference_rank, index, "preference_rank", error);
      ok &= check_count (event->plan_version, index, "plan_version", error);
    }
  return ok;
}

void
_sc_clock_input_append (ScClockInput       *input,
                        const ScClockEvent *event)
{
  guint fields = event_info[event->type].fields;
  ScClockEvent copy = { .type = event->type, .date = event->date };

  /* Keep only what the type reads, so the engine never sees a stray key. */
  if (fields & SC_FIELD_KEY)
    copy.key = g_string_chunk_insert_const (input->strings, event->key);
  if (fields & SC_FIELD_REASON)
    copy.reason = event->reason;
  if (fields & SC_FIELD_OUTCOME)
    copy.outcome = event->outcome;
  if (fields & SC_FIELD_ORDER)
    copy.order = event->order;
  if (fields & SC_FIELD_TRANSFER)
    {
      copy.transfer_year = event->transfer_year;
      copy.route = event->route;
    }
  if (fields & SC_FIELD_STAGE)
    copy.stage = event->stage;
  if (fields & SC_FIELD_LAST_REVIEW)
    copy.last_review = event->last_review;
  if (fields & SC_FIELD_PHASE_TRANSFER)
    copy.phase_transfer = event->phase_transfer != FALSE;
  if (fields & SC_FIELD_CONSULTATION)
    {
      copy.preference_rank = event->preference_rank;
      copy.plan_version = event->plan_version;
    }
  g_array_append_val (input->events, copy);
}

void
_sc_clock_input_add_ignored (ScClockInput *input,
                             int           event_index,
                             const char   *member)
{
  g_autofree char *quoted = _sc_clock_quote (member);
  ScIgnoredMember ignored = { event_index, g_string_chunk_insert_const (input->strings, quoted) };

  g_array_append_val (input->ignored, ignored);
}

/**
 * sc_clock_input_add_event:
 * @event: the event; its key is copied
 *
 * Appends an event after checking what its type requires (a real date in
 * the clock's years, a key, a reason ...). Members the type does not use
 * are dropped.
 *
 * Returns: %FALSE with an SC_ERROR_INVALID_INPUT error naming the event's
 *   index and the problem
 */
gboolean
sc_clock_input_add_event (ScClockInput        *input,
                          const ScClockEvent  *event,
                          GError             **error)
{
  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (input->events->len >= SC_CLOCK_MAX_EVENTS)
    {
      g_set_error (error, SC_ERROR, SC_ERROR_INVALID_INPUT,
                   "event %u: too many events (at most %d)",
                   input->events->len, SC_CLOCK_MAX_EVENTS);
      return FALSE;
    }
  if (!_sc_clock_event_check (event, input->events->len, error))
    return FALSE;
  _sc_clock_input_append (input, event);
  return TRUE;
}

guint
sc_clock_input_get_n_events (const ScClockInput *input)
{
  g_return_val_if_fail (input != NULL, 0);
  return input->events->len;
}

/**
 * sc_clock_input_get_event:
 *
 * Returns: (transfer none): the event at @index, in input order
 */
const ScClockEvent *
sc_clock_input_get_event (const ScClockInput *input,
                          guint               index)
{
  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (index < input->events->len, NULL);
  return &g_array_index (input->events, ScClockEvent, index);
}
