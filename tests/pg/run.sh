#!/bin/sh
# The API suite on PostgreSQL: starts a throwaway PostgreSQL 15 (tests/pg/start.sh), runs
# tests/api/*.test.mjs with KINERJA_TEST_DB=postgres (each server on a fresh database), stops
# the cluster and ends with one line "N passed, N failed".  Files in tests/pg/skip (one name a
# line, with the reason) are SQLite-only and not run here.
# Usage: tests/pg/run.sh KINERJA_BINARY [TEST_FILE...]
set -u
bin=$1; shift
top=$(cd "$(dirname "$0")/../.." && pwd)
art="$top/tests/artifacts"
mkdir -p "$art"
out=$(tests/pg/start.sh) || { echo "tests/pg/run.sh: PostgreSQL did not start"; echo "0 passed, 1 failed"; exit 1; }
eval "$out"
export KINERJA_PG KINERJA_PG_DIR KINERJA_TEST_DB=postgres
# the server log is kept: SQL that PostgreSQL rejected (other than constraint violations, which
# tests provoke) is a dialect bug even when no test notices it
trap 'cp "$KINERJA_PG_DIR/server.log" "$art/pg-server.log" 2>/dev/null; tests/pg/stop.sh "$KINERJA_PG_DIR"' EXIT INT TERM
if [ $# -eq 0 ]; then
  skip=$(sed -n 's/^\([a-z0-9_]*\.test\.mjs\).*/\1/p' "$top/tests/pg/skip" 2>/dev/null)
  for f in "$top"/tests/api/*.test.mjs; do
    case " $(echo $skip) " in *" $(basename "$f") "*) continue ;; esac
    set -- "$@" "$f"
  done
fi
echo "== api on PostgreSQL ($(echo "$KINERJA_PG" | sed 's|.*@||'))"
tap="$art/api-pg.tap"
KINERJA_BIN="$bin" KINERJA_TOP="$top" node --test --test-reporter=tap "$@" > "$tap" 2>&1
rc=$?
p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$tap" | tail -n 1); f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$tap" | tail -n 1)
p=${p:-0}; f=${f:-0}
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "  runner failed (exit $rc)"; tail -n 40 "$tap"; fi
if [ "$f" -gt 0 ]; then echo "  api-pg: $f failed"; grep -B2 -A25 '^ *not ok ' "$tap" | head -n 150; else echo "  api-pg: ok ($p)"; fi
# errors of the typing attempts of src/db/db_pg.c (SQL tagged "/* kinerja: typing */") are expected
errs=$(awk '/ [0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z] ERROR: / { if (e != "") n++; e = $0; next }
            / STATEMENT: / { if (e != "" && (e ~ / 23[0-9A-Z][0-9A-Z][0-9A-Z] ERROR/ || (e ~ / (42P18|42P08|42725|42883|42804) ERROR/ && $0 ~ /STATEMENT: +\/\* kinerja: typing \*\//))) e = ""; next }
            /^[0-9-]+ [0-9:.]+ UTC / && !/ (DETAIL|HINT|CONTEXT|QUERY|LOCATION): / { if (e != "") { n++; e = "" } }
            END { if (e != "") n++; print n + 0 }' "$KINERJA_PG_DIR/server.log")
echo "  PostgreSQL errors other than constraint violations: $errs (tests/artifacts/pg-server.log)"
echo "$p passed, $f failed"
[ "$f" -eq 0 ]
