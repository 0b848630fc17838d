#!/bin/sh
# The node:test files of the API and browser suites for one backend, one path a line: the
# browser journeys first (they are long: started first, the short API files fill the end of a
# concurrent run), then the API files.  postgres leaves out what tests/pg/skip lists: a bare
# file name there skips it in both folders, api/NAME or e2e/NAME in one.
# Usage: tests/files.sh sqlite|postgres
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
skip=""
[ "${1:-sqlite}" = postgres ] && skip=$(sed -n 's/^\([a-z0-9_/]*\.test\.mjs\).*/\1/p' "$top/tests/pg/skip" 2>/dev/null)
for d in e2e api; do
  for f in "$top"/tests/$d/*.test.mjs; do
    [ -f "$f" ] || continue
    n=$(basename "$f")
    case " $(echo $skip) " in *" $n "*|*" $d/$n "*) continue ;; esac
    echo "$f"
  done
done
