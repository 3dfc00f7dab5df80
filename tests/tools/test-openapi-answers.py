#!/usr/bin/python3
# tests/tools/test-openapi-answers.py: the answer checker itself.
#
# tools/check-openapi-answers.py holds every answer the server tests receive
# to docs/openapi.yaml. Here it is given answers that match the document and
# answers that do not (a renamed member, a wrong type, an extra member, an
# undocumented status or content type, a body where none is documented), and
# must tell them apart. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import importlib.util
import json
import os
import sys

root = os.environ.get("SC_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..", "..")
spec = importlib.util.spec_from_file_location("checker", os.path.join(root, "tools", "check-openapi-answers.py"))
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
document = checker.Document(os.path.join(root, "docs", "openapi.yaml"))

USER = {"id": 3, "username": "officer", "full_name": "Grace Okafor", "role": "admin_officer", "active": True,
        "version": 1, "created_at": "2026-01-05T09:00:00Z", "updated_at": "2026-01-05T09:00:00Z",
        "locked_until": None}
HEALTH = {"status": "ok", "database": "ok", "schema_version": 2, "version": "0.1.0"}
PROBLEM = {"type": "/problems/not-found", "title": "Not found", "status": 404, "code": "not-found",
           "detail": "no such user", "request_id": "0123456789abcdef"}


def changed(base, **members):
    out = dict(base)
    for key, value in members.items():
        if value is KeyError:
            out.pop(key)
        else:
            out[key] = value
    return out


def renamed(base, old, new):
    out = dict(base)
    out[new] = out.pop(old)
    return out


def exchange(method, path, status, body, content_type="application/json"):
    return {"method": method, "path": path, "status": status, "content_type": content_type,
            "body": body if isinstance(body, str) else json.dumps(body)}


PROBLEM_TYPE = "application/problem+json"
cases = [
    # (name, exchange, matches the document)
    ("health as documented", exchange("GET", "/api/v1/health", 200, HEALTH), True),
    ("health unavailable, null version", exchange("GET", "/api/v1/health", 503,
                                                  changed(HEALTH, status="unavailable", database="unavailable",
                                                          schema_version=None)), True),
    ("health member renamed", exchange("GET", "/api/v1/health", 200, renamed(HEALTH, "status", "state")), False),
    ("health member of the wrong type", exchange("GET", "/api/v1/health", 200,
                                                 changed(HEALTH, schema_version="2")), False),
    ("health with a member the document lacks", exchange("GET", "/api/v1/health", 200,
                                                         changed(HEALTH, uptime=3)), False),
    ("health value outside its enum", exchange("GET", "/api/v1/health", 200, changed(HEALTH, status="fine")), False),
    ("user as documented", exchange("GET", "/api/v1/users/3?x=1", 200, USER), True),
    ("user full_name renamed", exchange("GET", "/api/v1/users/3", 200, renamed(USER, "full_name", "fullname")),
     False),
    ("user optional member renamed", exchange("GET", "/api/v1/users/3", 200,
                                              renamed(USER, "locked_until", "lock_until")), False),
    ("user active as a string", exchange("GET", "/api/v1/users/3", 200, changed(USER, active="yes")), False),
    ("user id null", exchange("GET", "/api/v1/users/3", 200, changed(USER, id=None)), False),
    ("user time without a zone", exchange("GET", "/api/v1/users/3", 200,
                                          changed(USER, created_at="2026-01-05 09:00:00")), False),
    ("user without a required member", exchange("GET", "/api/v1/users/3", 200, changed(USER, version=KeyError)),
     False),
    ("user list as documented", exchange("GET", "/api/v1/users", 200, {"items": [USER], "next_cursor": None}),
     True),
    ("user list with a wrong item", exchange("GET", "/api/v1/users", 200,
                                             {"items": [changed(USER, role="boss")], "next_cursor": None}), False),
    ("problem as documented", exchange("GET", "/api/v1/users/99", 404, PROBLEM, PROBLEM_TYPE), True),
    ("problem with an unknown code", exchange("GET", "/api/v1/users/99", 404, changed(PROBLEM, code="gone"),
                                              PROBLEM_TYPE), False),
    ("problem sent as application/json", exchange("GET", "/api/v1/users/99", 404, PROBLEM), False),
    ("undocumented status", exchange("GET", "/api/v1/users/3", 418, PROBLEM, PROBLEM_TYPE), False),
    ("204 without a body", exchange("DELETE", "/api/v1/sessions/current", 204, ""), True),
    ("204 with a body", exchange("DELETE", "/api/v1/sessions/current", 204, "{}"), False),
    ("not JSON", exchange("GET", "/api/v1/health", 200, "status=ok"), False),
    ("unknown path, 404 problem", exchange("GET", "/api/v1/nothing", 404, PROBLEM, PROBLEM_TYPE), True),
    ("unknown path, 200", exchange("GET", "/api/v1/nothing", 200, HEALTH), False),
    ("undocumented method, 405 problem", exchange("PUT", "/api/v1/health", 405,
                                                  changed(PROBLEM, status=405, code="method-not-allowed"),
                                                  PROBLEM_TYPE), True),
    ("undocumented method answering 200", exchange("PUT", "/api/v1/health", 200, HEALTH), False),
]

print(f"1..{len(cases) + 1}")
failures = 0
for number, (name, ex, expected) in enumerate(cases, 1):
    problem = checker.check_safely(document, ex)
    if (problem is None) == expected:
        print(f"ok {number} {name}")
    else:
        failures += 1
        print(f"not ok {number} {name}")
        print(f"# expected {'a match' if expected else 'an error'}, got: {problem or 'a match'}")

operations = set(f"{m} {p}" for m, p in document.operations())
wanted = {"GET /api/v1/health", "PATCH /api/v1/users/{id}", "DELETE /api/v1/sessions/current"}
if wanted <= operations:
    print(f"ok {len(cases) + 1} operations listed")
else:
    failures += 1
    print(f"not ok {len(cases) + 1} operations listed: missing {sorted(wanted - operations)}")
sys.exit(1 if failures else 0)
