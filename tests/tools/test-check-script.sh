#!/usr/bin/env bash
# tests/tools/test-check-script.sh: ./check's last line counts this run only.
#
# Runs a copy of ./check in a scratch directory with stand-ins for the
# package installer, ninja, meson, xvfb-run and dbus-run-session, and checks
# its last line and exit status: when xvfb-run fails before meson starts (with
# an earlier run's testlog.json left behind), when meson fails without a
# failing test, when a test changes a tracked file, and when all is well.
# Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail
source_root=${SC_SOURCE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

make_tree () {
  local tree=$1
  rm -rf "$tree"
  mkdir -p "$tree/tools" "$tree/build/meson-logs" "$tree/bin"
  cp "$source_root/check" "$tree/check"
  cp "$source_root/tools/count-tests.py" "$tree/tools/"
  echo 'sc_install_missing () { :; }' > "$tree/tools/packages.sh"
  touch "$tree/build/build.ninja"
  echo "tracked" > "$tree/tracked.txt"
  printf "/build/\n/bin/\n/out\n" > "$tree/.gitignore"
  printf '#!/bin/sh\nexit 0\n' > "$tree/bin/ninja"
  # dbus-run-session -- CMD...: runs CMD
  printf '#!/bin/sh\nwhile [ "$1" != "--" ]; do shift; done; shift; exec "$@"\n' > "$tree/bin/dbus-run-session"
  chmod +x "$tree/check" "$tree/bin/"*
  (cd "$tree" && git init -q && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm t)
}

# xvfb-run that either fails at once or runs its command
fake_xvfb () {
  if [ "$2" = fails ]; then
    printf '#!/bin/sh\necho "xvfb-run: error: Xvfb failed to start" >&2\nexit 1\n' > "$1/bin/xvfb-run"
  else
    printf '#!/bin/sh\nwhile [ "${1#-}" != "$1" ]; do case "$1" in -s) shift 2;; *) shift;; esac; done; exec "$@"\n' \
      > "$1/bin/xvfb-run"
  fi
  chmod +x "$1/bin/xvfb-run"
}

# meson test that writes a log of two passing tests (3 subtests), then
# optionally touches the tracked file, then exits with $3
fake_meson () {
  cat > "$1/bin/meson" <<MESON
#!/bin/sh
log=build/meson-logs/testlog.json
echo '{"name": "a", "result": "OK", "stdout": "ok 1 /a/x\\\\nok 2 /a/y\\\\n"}' > \$log
echo '{"name": "b", "result": "OK", "stdout": "ok 1 /b/x\\\\n"}' >> \$log
[ "$2" = dirty ] && echo changed > tracked.txt
exit $3
MESON
  chmod +x "$1/bin/meson"
}

run_check () {
  local tree=$1
  (cd "$tree" && PATH="$tree/bin:$PATH" ./check > "$tree/out" 2>&1)
  echo $?
}

n=0
failures=0
expect () {
  local name=$1 tree=$2 status=$3 want_status=$4 want_line=$5 line
  n=$((n + 1))
  line=$(tail -n 1 "$tree/out")
  if [ "$status" = "$want_status" ] && [ "$line" = "$want_line" ]; then
    echo "ok $n $name"
  else
    failures=$((failures + 1))
    echo "not ok $n $name"
    echo "# wanted status $want_status and '$want_line'; got status $status and '$line'"
    sed 's/^/#   /' "$tree/out"
  fi
}

echo "1..4"

tree=$scratch/xvfb-fails
make_tree "$tree"
fake_xvfb "$tree" fails
fake_meson "$tree" clean 0
# an earlier run's log, all passing
for i in $(seq 1 227); do echo '{"name": "old", "result": "OK", "stdout": "ok 1 /old\n"}'; done \
  > "$tree/build/meson-logs/testlog.json"
expect "xvfb-run failing before meson: this run's count, not the last one's" "$tree" \
  "$(run_check "$tree")" 1 "0 passed, 1 failed"

tree=$scratch/meson-fails
make_tree "$tree"
fake_xvfb "$tree" runs
fake_meson "$tree" clean 1
expect "meson failing without a failing test counts one failure" "$tree" "$(run_check "$tree")" 1 \
  "3 passed, 1 failed"

tree=$scratch/dirty
make_tree "$tree"
fake_xvfb "$tree" runs
fake_meson "$tree" dirty 0
expect "a test changing a tracked file fails the run" "$tree" "$(run_check "$tree")" 1 "3 passed, 1 failed"

tree=$scratch/passes
make_tree "$tree"
fake_xvfb "$tree" runs
fake_meson "$tree" clean 0
expect "a clean passing run" "$tree" "$(run_check "$tree")" 0 "3 passed, 0 failed"

exit $((failures > 0))
