/* sc-advice-request.h
 *
 * ScAdviceRequest: advice the authority has asked for in an EHC needs
 * assessment and is still waiting for (SEND Regulations 2014, reg 8: six
 * weeks), with its case, its child and the case's owner, for the chase
 * list. Its one JSON codec:
 *
 *   {"case_id": 12, "person": {"id": 3, "given_name": "Ivo", "family_name": "Lang"},
 *    "owner": {"id": 1, "username": "caseworker", "full_name": "Asha Patel"},
 *    "adviser": "educational_psychology", "requested_on": "2026-02-02", "due": "2026-03-16"}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-calendar.h"
#include "sc-case-event.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      case_id;
  gint64      person_id;
  char       *given_name;     /* owned */
  char       *family_name;    /* owned */
  ScCaseUser *owner;          /* owned */
  char       *adviser;        /* owned: the key of the advice_requested event */
  ScDay       requested_on;
  ScDay       due;
} ScAdviceRequest;

ScAdviceRequest *sc_advice_request_new           (void);
void             sc_advice_request_free          (ScAdviceRequest       *request);
void             sc_advice_request_write_json    (const ScAdviceRequest *request,
                                                  ScJsonWriter          *writer);
/* NULL with SC_ERROR_MALFORMED naming what is wrong. */
ScAdviceRequest *sc_advice_request_new_from_json (JsonNode              *node,
                                                  GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScAdviceRequest, sc_advice_request_free)

G_END_DECLS
