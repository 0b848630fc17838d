#!/bin/sh
# make valgrind: the API suite (tests/api/*.test.mjs, or the files given) against a release
# server run under valgrind memcheck, one log per server process; then every log must show
# zero errors and zero definitely-lost bytes.  Valgrind is 20-50x slower: expect tens of minutes.
# Usage: scripts/valgrind.sh [tests/api/X.test.mjs ...]
# Env: VG_DIR (log directory, default a temp dir), KINERJA_BIN (default ./kinerja),
#      VALGRIND_RECORD (record file; written after a run of the whole suite, default
#      docs/security/valgrind.md).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bin=${KINERJA_BIN:-./kinerja}
dir=${VG_DIR:-$(mktemp -d /tmp/kinerja-valgrind.XXXXXX)}
mkdir -p "$dir"
rm -f "$dir"/vg.*.log
record=
if [ $# -eq 0 ]; then set -- tests/api/*.test.mjs; record=${VALGRIND_RECORD:-docs/security/valgrind.md}; fi
vg="valgrind --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite"
vg="$vg --show-leak-kinds=definite --num-callers=30 --suppressions=$top/scripts/valgrind.supp"
vg="$vg --log-file=$dir/vg.%p.log"
start=$(date +%s)
echo "valgrind: $# test files, logs in $dir"
KINERJA_WRAP="$vg" KINERJA_BIN="$bin" KINERJA_TOP="$top" \
  node --test --test-concurrency=1 --test-reporter=tap "$@" > "$dir/tests.tap" 2>&1
rc=$?
secs=$(( $(date +%s) - start ))
pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$dir/tests.tap" | tail -n 1)
fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$dir/tests.tap" | tail -n 1)
logs=0; bad=0; errs=0; lost=0
for f in "$dir"/vg.*.log; do
  [ -e "$f" ] || continue
  logs=$((logs + 1))
  e=$(sed -n 's/.*ERROR SUMMARY: \([0-9,]*\) errors.*/\1/p' "$f" | tail -n 1 | tr -d ,)
  d=$(sed -n 's/.*definitely lost: \([0-9,]*\) bytes.*/\1/p' "$f" | tail -n 1 | tr -d ,)
  e=${e:-0}; d=${d:-0}
  if [ -z "$(sed -n '/ERROR SUMMARY/p' "$f")" ]; then
    echo "  $f: no ERROR SUMMARY (process did not finish under valgrind)"; bad=$((bad + 1)); continue
  fi
  errs=$((errs + e)); lost=$((lost + d))
  if [ "$e" -ne 0 ] || [ "$d" -ne 0 ]; then
    bad=$((bad + 1)); echo "  $f: $e errors, $d bytes definitely lost"
  fi
done
allocs=$(cat "$dir"/vg.*.log 2>/dev/null | sed -n 's/.*total heap usage: \([0-9,]*\) allocs.*/\1/p' | tr -d , | awk '{s+=$1} END {print s+0}')
possibly=$(cat "$dir"/vg.*.log 2>/dev/null | sed -n 's/.*possibly lost: \([0-9,]*\) bytes.*/\1/p' | tr -d , | awk '{s+=$1} END {print s+0}')
supp=$(cat "$dir"/vg.*.log 2>/dev/null | sed -n 's/.*(suppressed: \([0-9,]*\) from.*/\1/p' | tr -d , | awk '{s+=$1} END {print s+0}')
if [ -n "$record" ]; then
  verdict="LULUS"
  { [ "$bad" -ne 0 ] || [ "$logs" -eq 0 ] || [ "$rc" -ne 0 ]; } && verdict="GAGAL"
  mkdir -p "$(dirname "$record")"
  cat > "$record" <<REC
# valgrind run (\`make valgrind\`)

Written by \`scripts/valgrind.sh\`; the last full run replaces this file.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')
- $(valgrind --version) memcheck: \`--leak-check=full --errors-for-leak-kinds=definite\`, suppressions
  \`scripts/valgrind.supp\` ($(grep -c '^{' scripts/valgrind.supp) entries; $supp errors suppressed in this run)
- What ran: the API suite (\`tests/api/*.test.mjs\`, $# files) against the release build (\`-O2 -g\`),
  every \`kinerja serve\` it starts wrapped in valgrind (\`KINERJA_WRAP\` in tests/api/lib.mjs)
- Duration: ${secs} s; tests: ${pass:-0} passed, ${fail:-0} failed
- Server processes under valgrind: $logs; heap allocations in all of them: $allocs
- Errors: **$errs**; definitely lost: **$lost bytes**; possibly lost: $possibly bytes; logs with problems: $bad
- Result: **$verdict**

The CLI commands the tests run (\`kinerja demo\`, \`token create\`, \`backup\`, ...) are not wrapped;
\`make check\` runs them under ASAN+UBSAN with leak detection.
REC
  echo "valgrind: record in $record"
fi
echo "valgrind: ${secs}s, tests ${pass:-0} passed ${fail:-0} failed (node exit $rc);" \
     "$logs server processes, $errs errors, $lost bytes definitely lost, $bad bad logs"
if [ "$bad" -ne 0 ] || [ "$logs" -eq 0 ]; then
  for f in "$dir"/vg.*.log; do
    grep -q 'ERROR SUMMARY: [1-9]' "$f" 2>/dev/null && sed -n '/^==[0-9]*== [A-Z]/,/^==[0-9]*== $/p' "$f" | head -n 80
  done
  exit 1
fi
[ "$rc" -eq 0 ]
