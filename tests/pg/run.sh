#!/bin/sh
# The API and browser suites on PostgreSQL: starts a throwaway PostgreSQL 15 (tests/pg/start.sh),
# runs tests/e2e/*.test.mjs and tests/api/*.test.mjs with KINERJA_TEST_DB=postgres (each server
# on a fresh database), stops the cluster and ends with one line "N passed, N failed".  Files
# that tests/pg/skip lists (one a line with the reason: a bare name skips it in both folders,
# api/NAME or e2e/NAME in one) are SQLite-only and not run here.  tests/run.sh (`make check`)
# runs this next to the SQLite suites; `make check-pg` runs it alone.
# Usage: tests/pg/run.sh KINERJA_BINARY [TEST_FILE...]
# KINERJA_TEST_JOBS: test files at a time (default 2; see tests/run.sh).
set -u
bin=$1; shift
s0=$(date +%s)
top=$(cd "$(dirname "$0")/../.." && pwd)
art="$top/tests/artifacts"
mkdir -p "$art"
out=$("$top/tests/pg/start.sh") || { echo "tests/pg/run.sh: PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
eval "$out"
export KINERJA_PG KINERJA_PG_DIR KINERJA_TEST_DB=postgres
# the server log is kept: SQL that PostgreSQL rejected (other than constraint violations, which
# tests provoke) is a dialect bug even when no test notices it
trap 'cp "$KINERJA_PG_DIR/server.log" "$art/pg-server.log" 2>/dev/null; "$top/tests/pg/stop.sh" "$KINERJA_PG_DIR"' EXIT INT TERM
if [ $# -eq 0 ]; then
  # e2e first (tests/files.sh): the long files start first, the short API files fill the end;
  # the links live in the cluster's directory and go with it
  set -- $("$top/tests/files.sh" postgres "$KINERJA_PG_DIR/files")
fi
echo "== api + e2e on PostgreSQL ($(echo "$KINERJA_PG" | sed 's|.*@||'), $# files, ${KINERJA_TEST_JOBS:-2} at a time)"
tap="$art/pg.tap"
KINERJA_BIN="$bin" KINERJA_TOP="$top" node --test --test-concurrency="${KINERJA_TEST_JOBS:-2}" \
  --test-reporter=tap "$@" > "$tap" 2>&1
rc=$?
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1); f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
p=${p:-0}; f=${f:-0}
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "  runner failed (exit $rc)"; tail -n 40 "$tap"; fi
if [ "$f" -gt 0 ]; then echo "  postgres: $f failed"; grep -B2 -A25 '^ *not ok ' "$tap" | head -n 150; else echo "  postgres: ok ($p)"; fi
# errors of the typing attempts of src/db/db_pg.c (SQL tagged "/* kinerja: typing */") are expected,
# and so is "prepared statement kN does not exist" (tests/api/pg_sambung_ulang.test.mjs switches server sessions)
errs=$(awk '/ 26000 ERROR: +prepared statement "k[0-9]+" does not exist/ { if (e != "") n++; e = ""; next }
            / [0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z] ERROR: / { if (e != "") n++; e = $0; next }
            / STATEMENT: / { if (e != "" && (e ~ / 23[0-9A-Z][0-9A-Z][0-9A-Z] ERROR/ || (e ~ / (42P18|42P08|42725|42883|42804) ERROR/ && $0 ~ /STATEMENT: +\/\* kinerja: typing \*\//))) e = ""; next }
            /^[0-9-]+ [0-9:.]+ UTC / && !/ (DETAIL|HINT|CONTEXT|QUERY|LOCATION): / { if (e != "") { n++; e = "" } }
            END { if (e != "") n++; print n + 0 }' "$KINERJA_PG_DIR/server.log")
echo "  PostgreSQL errors other than constraint violations: $errs (tests/artifacts/pg-server.log)"
# the cluster's CPU seconds (its processes are not the test runner's children: time(1) misses them)
pm=$(head -n 1 "$KINERJA_PG_DIR/data/postmaster.pid" 2>/dev/null)
[ -n "$pm" ] && [ -r "/proc/$pm/stat" ] && awk -v t="$(getconf CLK_TCK)" '{ printf "  PostgreSQL server CPU: %.0f s\n", ($14 + $15 + $16 + $17) / t }' "/proc/$pm/stat"
echo "  postgres: $(($(date +%s) - s0)) s"
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
