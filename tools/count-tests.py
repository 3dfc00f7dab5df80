#!/usr/bin/python3
"""count-tests.py TESTLOG MESON_STATUS [FAILURE...]

Reads meson's testlog.json and prints one line "N passed, N failed[, N skipped]".

Counts GTest subtests from each test's TAP output (ok / not ok lines), so the
line says how many checks ran, not only how many binaries. A binary that failed
without reporting a failing subtest (a crash, a timeout) counts as one failure.
Exits 1 when anything failed or meson itself reported failure; a failure of
meson that no test accounts for counts as one failure, so the line never
says "0 failed" while the run failed.
"""
import json
import re
import sys

path = sys.argv[1]
meson_status = int(sys.argv[2]) if len(sys.argv) > 2 else 0
# further arguments: failures found outside meson, one each
failed_names = list(sys.argv[3:])
passed = skipped = 0
failed = len(failed_names)

with open(path, encoding="utf-8") as log:
    for line in log:
        line = line.strip()
        if not line:
            continue
        test = json.loads(line)
        result = test.get("result", "")
        out = test.get("stdout") or ""
        ok = nok = skip = 0
        for tap in out.splitlines():
            if re.match(r"^ok \d+.*# SKIP", tap):
                skip += 1
            elif re.match(r"^ok \d+", tap):
                ok += 1
            elif re.match(r"^not ok \d+", tap):
                nok += 1
        if result in ("OK", "EXPECTEDFAIL"):
            passed += max(ok, 1 if skip == 0 else 0)
            skipped += skip
        elif result == "SKIP":
            skipped += max(skip, 1)
        else:
            passed += ok
            skipped += skip
            failed += max(nok, 1)
            failed_names.append(test.get("name", "?"))

if meson_status and failed == len(sys.argv[3:]):
    failed = 1
    failed_names.append(f"meson test exited with status {meson_status} without a failing test")

for name in failed_names:
    print(f"failed: {name}")
summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed or meson_status else 0)
