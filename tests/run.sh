#!/bin/sh
# Runs every test suite and ends with one line "N passed, N failed".
# Usage: tests/run.sh KINERJA_BINARY TEST_BINARY...
# Unit tests speak TAP (cmocka), API/browser tests run under node:test with the TAP reporter.
# Binaries named fuzz_<target> are libFuzzer harnesses: each runs FUZZ_CHECK_SECONDS (default 4)
# on a scratch copy of fuzz/corpus/<target>/ and counts as one test.
set -u
bin=$1; shift
top=$(cd "$(dirname "$0")/.." && pwd)
art="$top/tests/artifacts"
rm -rf "$art"; mkdir -p "$art"
pass=0; fail=0
t0=$(date +%s)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

count_tap() { # file -> adds to pass/fail (top-level "ok"/"not ok" lines)
  p=$(grep -c '^ok ' "$1" || true); f=$(grep -c '^not ok ' "$1" || true)
  pass=$((pass + p)); fail=$((fail + f))
}

fuzzers=""
echo "== unit tests"
for t in "$@"; do
  name=$(basename "$t")
  case $name in fuzz_*) fuzzers="$fuzzers $t"; continue ;; esac
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

# Short libFuzzer runs: a crash, leak, timeout or sanitizer report fails the harness and names
# the input that reproduces it (build/fuzz/bin/fuzz_<target> <that file>).
fuzz_secs=${FUZZ_CHECK_SECONDS:-4}
[ -n "$fuzzers" ] && echo "== fuzz (${fuzz_secs}s each)"
fuzz_one() { # binary: runs it in the background into $art/fuzz/<target>/
  w="$art/fuzz/${1##*/fuzz_}"
  mkdir -p "$w/corpus" "$w/crash"
  cp "$top/fuzz/corpus/${1##*/fuzz_}/"* "$w/corpus/" 2>/dev/null
  "$1" -max_total_time="$fuzz_secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$w/crash/" "$w/corpus" > "$w/log" 2>&1
  echo $? > "$w/rc"
}
n=0
for t in $fuzzers; do  # two at a time: the runs are CPU-bound and single-threaded
  fuzz_one "$t" & n=$((n + 1))
  [ $((n % 2)) -eq 0 ] && wait
done
wait
for t in $fuzzers; do
  name=$(basename "$t"); w="$art/fuzz/${name#fuzz_}"
  rc=$(cat "$w/rc" 2>/dev/null || echo 1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$w/log" | tail -n 1)
  if [ "$rc" -eq 0 ] && [ -z "$(ls "$w/crash")" ]; then
    pass=$((pass + 1)); echo "  $name: ok (${execs:-?} runs)"
  else
    fail=$((fail + 1)); echo "  $name: FAILED (exit $rc)"
    grep -E 'ERROR|SUMMARY|runtime error' "$w/log" | head -n 5
    for c in "$w/crash/"*; do [ -f "$c" ] && echo "  reproduce: $t $c"; done
    echo "  log: $w/log"
  fi
  rm -rf "$w/corpus"
done
echo "  unit + fuzz: $(($(date +%s) - t0)) s"

# The API and browser suites: the same files on SQLite and, in parallel, on a throwaway
# PostgreSQL 15 (tests/pg/run.sh, minus what tests/pg/skip lists; skipped, and said so, without
# PostgreSQL 15 binaries or with KINERJA_CHECK_PG=0).  Each runs KINERJA_TEST_JOBS files at a
# time (default 2, so four at once on the machine: most files wait on timers, sockets and the
# browser more than they compute).  Demo databases are built once per size and copied
# (KINERJA_TEST_TPL_DIR, tests/api/lib.mjs).
tpl=$(mktemp -d /tmp/kinerja-tpl.XXXXXX)
trap 'rm -rf "$tpl"' EXIT INT TERM
export KINERJA_TEST_TPL_DIR="$tpl" KINERJA_TEST_JOBS="${KINERJA_TEST_JOBS:-2}"
t1=$(date +%s)
pg=0
if [ "${KINERJA_CHECK_PG:-1}" != 0 ] && [ -x /usr/lib/postgresql/15/bin/initdb ]; then
  pg=1
  "$top/tests/pg/run.sh" "$bin" > "$art/pg.log" 2>&1 &
  pgpid=$!
fi
files=$("$top/tests/files.sh" sqlite "$tpl/files")
echo "== api + e2e on SQLite ($(echo "$files" | wc -l) files, $KINERJA_TEST_JOBS at a time)"
out="$art/sqlite.tap"
# shellcheck disable=SC2086
KINERJA_BIN="$bin" KINERJA_TOP="$top" node --test --test-concurrency="$KINERJA_TEST_JOBS" \
  --test-reporter=tap $files > "$out" 2>&1
rc=$?
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out" | tail -n 1); f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out" | tail -n 1)
p=${p:-0}; f=${f:-0}
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "  sqlite: runner failed (exit $rc)"; tail -n 40 "$out"; fi
pass=$((pass + p)); fail=$((fail + f))
if [ "$f" -gt 0 ]; then
  echo "  sqlite: $f failed"
  grep -B2 -A25 '^ *not ok ' "$out" | head -n 150
else
  echo "  sqlite: ok ($p)"
fi
echo "  sqlite: $(($(date +%s) - t1)) s"

if [ "$pg" = 1 ]; then
  wait "$pgpid"
  last=$(tail -n 1 "$art/pg.log")
  p=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p'); f=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  [ -n "$p" ] || { p=0; f=1; tail -n 60 "$art/pg.log"; }
  pass=$((pass + p)); fail=$((fail + f))
  grep -v ' passed, .* failed$' "$art/pg.log"
else
  echo "== api + e2e on PostgreSQL: skipped (no /usr/lib/postgresql/15/bin/initdb or KINERJA_CHECK_PG=0)"
fi

echo "  total: $(($(date +%s) - t0)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
