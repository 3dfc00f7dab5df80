#!/usr/bin/python3
# tools/check-openapi-answers.py: holds the daemon's answers to docs/openapi.yaml.
#
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks HTTP answers of sendcased against docs/openapi.yaml.

An exchange is one JSON object per line:
  {"method": "GET", "path": "/api/v1/users/3?x=1", "status": 200,
   "content_type": "application/json", "body": "<the body as text>"}

For each one the path is matched to a path template of the document, the
method to its operation and the status to one of its responses (any path may
also answer 404, 405, 413 and 503 with a problem document, as the document's
description says). The content type must be one the response lists, an
answer without content in the document must have no body, and a JSON body
must satisfy the response's schema (a body of another type, such as a PDF,
is held to its content type only). OpenAPI 3.0's `nullable` and its
`$ref`s to components are translated to JSON Schema first; `date-time` is
checked as RFC 3339 with a zone.

  check-openapi-answers.py [--document FILE] --serve
      read exchanges on standard input; answer one line for each, "ok" or
      "error: WHAT" (the test harness, tests/support/sc-test-daemon.c)
  check-openapi-answers.py [--document FILE] FILE...
      check every exchange of these files (JSON lines); exit 1 on any error
  check-openapi-answers.py [--document FILE] --operations
      print every documented "METHOD PATH", one a line
"""
import argparse
import copy
import json
import os
import re
import sys

import jsonschema
import yaml

# Answers every path may give (the description of the document says so).
ANY_PATH_STATUSES = {"404", "405", "413", "503"}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")

DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def default_document():
    root = os.environ.get("SC_SOURCE_ROOT") or os.path.join(os.path.dirname(__file__), "..")
    return os.path.join(root, "docs", "openapi.yaml")


class Document:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            self.doc = yaml.safe_load(f)
        self.components = self.doc.get("components", {})
        self.templates = []
        for template, item in self.doc.get("paths", {}).items():
            pattern = "^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(template)) + "$"
            literal = len(re.sub(r"\{[^/]+?\}", "", template))
            self.templates.append((template, re.compile(pattern), literal, item))
        # literal paths before templated ones: /sessions/current before /sessions/{id}
        self.templates.sort(key=lambda t: -t[2])
        checker = jsonschema.FormatChecker(formats=())

        @checker.checks("date-time")
        def is_date_time(value):
            return not isinstance(value, str) or DATE_TIME.match(value) is not None

        self.format_checker = checker
        self.validators = {}

    def operations(self):
        for template, _pattern, _literal, item in sorted(self.templates, key=lambda t: t[0]):
            for method in METHODS:
                if method in item:
                    yield method.upper(), template

    def resolve(self, node):
        """Follows a "$ref" to a component (responses, schemas...)."""
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not ref.startswith("#/components/"):
                raise ValueError(f"unsupported $ref {ref}")
            kind, name = ref[len("#/components/"):].split("/", 1)
            node = self.components[kind][name]
        return node

    def json_schema(self, schema, seen=()):
        """OpenAPI 3.0 schema -> JSON Schema (draft 7), refs inlined."""
        if isinstance(schema, list):
            return [self.json_schema(s, seen) for s in schema]
        if not isinstance(schema, dict):
            return schema
        if "$ref" in schema:
            ref = schema["$ref"]
            if ref in seen:
                raise ValueError(f"recursive schema {ref}")
            return self.json_schema(self.resolve(schema), seen + (ref,))
        out = {}
        for key, value in schema.items():
            if key in ("example", "examples", "description", "nullable", "deprecated", "readOnly",
                       "writeOnly", "xml", "externalDocs", "discriminator"):
                continue
            if key == "properties":
                out[key] = {name: self.json_schema(s, seen) for name, s in value.items()}
            elif key in ("items", "additionalProperties", "not"):
                out[key] = self.json_schema(value, seen)
            elif key in ("allOf", "anyOf", "oneOf"):
                out[key] = [self.json_schema(s, seen) for s in value]
            elif key == "format" and value in ("int64", "int32", "password"):
                continue
            else:
                out[key] = copy.deepcopy(value)
        if schema.get("nullable"):
            if "type" in out:
                out["type"] = [out["type"], "null"]
                if "enum" in out:
                    out["enum"] = list(out["enum"]) + [None]
            else:
                out = {"anyOf": [out, {"type": "null"}]}
        return out

    def validator(self, key, schema):
        if key not in self.validators:
            translated = self.json_schema(schema)
            jsonschema.Draft7Validator.check_schema(translated)
            self.validators[key] = jsonschema.Draft7Validator(translated, format_checker=self.format_checker)
        return self.validators[key]

    def check(self, exchange):
        """Returns None when the answer matches the document, else what is wrong."""
        method = exchange["method"].upper()
        path = exchange["path"].split("?", 1)[0]
        status = str(exchange["status"])
        content_type = (exchange.get("content_type") or "").split(";", 1)[0].strip().lower()
        body = exchange.get("body") or ""
        where = f"{method} {path} -> {status}"

        template = item = None
        for candidate, pattern, _literal, candidate_item in self.templates:
            if pattern.match(path):
                template, item = candidate, candidate_item
                break
        response = None
        if template is not None:
            where = f"{method} {template} -> {status}"
            operation = item.get(method.lower())
            if operation is not None:
                responses = operation.get("responses", {})
                response = responses.get(status) or responses.get(status[0] + "XX") or responses.get("default")
            elif status not in ANY_PATH_STATUSES:
                return f"{where}: the document has no {method} for {template}"
        if response is None:
            if status not in ANY_PATH_STATUSES:
                return f"{where}: status {status} is not documented for this operation"
            response = {"content": {"application/problem+json":
                                    {"schema": {"$ref": "#/components/schemas/Problem"}}}}
            where += " (any path)"
        response = self.resolve(response)
        content = response.get("content") or {}
        if not content:
            if body:
                return f"{where}: the document gives no content, but the answer has a body ({len(body)} bytes)"
            return None
        if content_type not in content:
            return f"{where}: content type '{content_type}' is not one of {sorted(content)}"
        schema = content[content_type].get("schema")
        if schema is None or not content_type.endswith("json"):
            return None  # a document of another kind (a PDF) is held to its type only
        try:
            value = json.loads(body)
        except ValueError as e:
            return f"{where}: the body is not JSON ({e})"
        key = (template, method, status, content_type)
        errors = sorted(self.validator(key, schema).iter_errors(value), key=lambda e: list(e.absolute_path))
        if errors:
            # session tokens stay out of test logs
            body = re.sub(r'"token"\s*:\s*"[^"]*"', '"token":"(not shown)"', body)
            described = "; ".join(
                f"at {'/'.join(str(p) for p in e.absolute_path) or '(top)'}: {e.message}" for e in errors[:5])
            return f"{where}: the body does not match the document: {described}; body: {body[:500]}"
        return None


def check_safely(document, exchange):
    try:
        return document.check(exchange)
    except Exception as e:  # a broken exchange or document is an error, never a pass
        return f"could not check the exchange: {type(e).__name__}: {e}"


def main():
    parser = argparse.ArgumentParser(description="check sendcased answers against docs/openapi.yaml")
    parser.add_argument("--document", default=default_document())
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--operations", action="store_true")
    parser.add_argument("files", nargs="*")
    args = parser.parse_args()
    document = Document(args.document)

    if args.operations:
        for method, template in document.operations():
            print(method, template)
        return 0
    if args.serve:
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                problem = check_safely(document, json.loads(line))
            except ValueError as e:
                problem = f"not an exchange: {e}"
            print("ok" if problem is None else "error: " + problem.replace("\n", " "), flush=True)
        return 0

    failures = checked = 0
    for name in args.files:
        with open(name, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                checked += 1
                problem = check_safely(document, json.loads(line))
                if problem is not None:
                    failures += 1
                    print(f"{name}:{number}: {problem}")
    print(f"{checked} answers checked, {failures} do not match docs/openapi.yaml")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
