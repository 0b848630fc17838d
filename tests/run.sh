#!/bin/sh
# Runs every test suite and ends with one line "N passed, N failed".
# Usage: tests/run.sh KINERJA_BINARY UNIT_TEST_BINARY...
# Unit tests speak TAP (cmocka), API/browser tests run under node:test with the TAP reporter.
set -u
bin=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
art="$top/tests/artifacts"
rm -rf "$art"; mkdir -p "$art"
pass=0; fail=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

count_tap() { # file -> adds to pass/fail (top-level "ok"/"not ok" lines)
  p=$(grep -c '^ok ' "$1" || true); f=$(grep -c '^not ok ' "$1" || true)
  pass=$((pass + p)); fail=$((fail + f))
}

echo "== unit tests"
for t in "$@"; do
  name=$(basename "$t")
  out="$art/$name.tap"
  CMOCKA_MESSAGE_OUTPUT=TAP "$t" > "$out" 2>&1
  rc=$?
  count_tap "$out"
  if [ $rc -ne 0 ] && ! grep -q '^not ok ' "$out"; then
    fail=$((fail + 1)); echo "  $name: crashed (exit $rc)"; tail -n 30 "$out"
  elif grep -q '^not ok ' "$out"; then
    echo "  $name: FAILED"; grep -A6 '^not ok ' "$out" | head -n 40
  else
    echo "  $name: ok ($(grep -c '^ok ' "$out"))"
  fi
done

run_node() { # label, files...
  label=$1; shift
  [ $# -gt 0 ] || return 0
  echo "== $label"
  out="$art/$label.tap"
  KINERJA_BIN="$bin" KINERJA_TOP="$top" node --test --test-reporter=tap "$@" > "$out" 2>&1
  rc=$?
  p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out" | tail -n 1); f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out" | tail -n 1)
  p=${p:-0}; f=${f:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "  $label: runner failed (exit $rc)"; tail -n 40 "$out"; fi
  pass=$((pass + p)); fail=$((fail + f))
  if [ "$f" -gt 0 ]; then
    echo "  $label: $f failed"
    grep -B2 -A25 '^ *not ok ' "$out" | head -n 150
  else
    echo "  $label: ok ($p)"
  fi
}

run_node api $(ls "$top"/tests/api/*.test.mjs 2>/dev/null)
run_node e2e $(ls "$top"/tests/e2e/*.test.mjs 2>/dev/null)

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
