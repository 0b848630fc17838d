#!/bin/sh
# The node:test files of the API and browser suites for one backend, as symbolic links in DIR
# named so that they sort in the order to run them (node --test sorts the paths it is given):
# the browser journeys first (they are long: started first, the short API files fill the end of
# a concurrent run), then the API files.  Prints the links, one a line; node follows them, so a
# test's location and its relative imports are the real file's.  postgres leaves out what
# tests/pg/skip lists: a bare file name there skips it in both folders, api/NAME or e2e/NAME in one.
# Usage: tests/files.sh sqlite|postgres DIR
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${2:?usage: tests/files.sh sqlite|postgres DIR}
mkdir -p "$dir"
skip=""
[ "$1" = postgres ] && skip=$(sed -n 's/^\([a-z0-9_/]*\.test\.mjs\).*/\1/p' "$top/tests/pg/skip" 2>/dev/null)
i=100
for d in e2e api; do
  for f in "$top"/tests/$d/*.test.mjs; do
    [ -f "$f" ] || continue
    n=$(basename "$f")
    case " $(echo $skip) " in *" $n "*|*" $d/$n "*) continue ;; esac
    i=$((i + 1))
    ln -sf "$f" "$dir/$i-$d-$n"
    echo "$dir/$i-$d-$n"
  done
done
