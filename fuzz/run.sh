#!/bin/sh
# `make fuzz`: runs each libFuzzer harness for FUZZ_SECONDS (default 60) on a scratch copy of its
# seed corpus under build/fuzz/work/<target>/ and writes the table fuzz/results/latest.md.
# Usage: fuzz/run.sh build/fuzz/bin/fuzz_<target>...   (FUZZ_SECONDS, FUZZ_JOBS: harnesses at once)
# Exit status 1 when any harness found something (crash, leak, timeout, out of memory).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${FUZZ_SECONDS:-60}
jobs=${FUZZ_JOBS:-1}
work="$top/build/fuzz/work"
res="$top/fuzz/results"
mkdir -p "$work" "$res"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

dict_for() { # target -> "-dict=FILE" or nothing
  case $1 in
    json_*) echo "-dict=$top/fuzz/dict/json.dict" ;;
    csv_*) echo "-dict=$top/fuzz/dict/csv.dict" ;;
    router) echo "-dict=$top/fuzz/dict/router.dict" ;;
  esac
}

one() { # binary
  name=$(basename "$1"); name=${name#fuzz_}
  d="$work/$name"
  rm -rf "$d"; mkdir -p "$d/corpus" "$d/artifacts"
  cp "$top/fuzz/corpus/$name/"* "$d/corpus/" 2>/dev/null
  # shellcheck disable=SC2046
  "$1" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$d/artifacts/" $(dict_for "$name") "$d/corpus" > "$d/log" 2>&1
  echo $? > "$d/rc"
}

echo "fuzz: $# harnesses, ${secs}s each, $jobs at a time"
set -- "$@"
while [ $# -gt 0 ]; do
  n=0
  while [ $# -gt 0 ] && [ $n -lt "$jobs" ]; do one "$1" & n=$((n + 1)); shift; done
  wait
done

found=0
{
  echo "# Fuzzing results"
  echo
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), ${secs} s per harness, $(nproc) cores, clang $(clang -dumpversion 2>/dev/null),"
  echo "libFuzzer with ASAN+UBSAN (\`make fuzz FUZZ_SECONDS=$secs\`).  Coverage is libFuzzer's edge count (cov) and"
  echo "feature count (ft) at the end of the run; corpus is seeds in fuzz/corpus/ → inputs kept by the run."
  echo
  echo "| target | executions | exec/s | cov | ft | corpus | peak RSS MB | findings |"
  echo "|---|---:|---:|---:|---:|---|---:|---|"
  for d in "$work"/*/; do
    name=$(basename "$d")
    [ -f "$d/log" ] || continue
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$d/log" | tail -n 1)
    rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$d/log" | tail -n 1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$d/log" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    seeds=$(ls "$top/fuzz/corpus/$name" | wc -l)
    kept=$(ls "$d/corpus" | wc -l)
    eps=$(( ${execs:-0} / (secs > 0 ? secs : 1) ))
    arts=$(ls "$d/artifacts" 2>/dev/null | tr '\n' ' ')
    if [ -n "$arts" ] || [ "$(cat "$d/rc")" != 0 ]; then found=1; f="**$(cat "$d/rc" | sed 's/^/exit /') $arts**"; else f="none"; fi
    echo "| $name | ${execs:-?} | $eps | ${cov:-?} | ${ft:-?} | $seeds → $kept | ${rss:-?} | $f |"
  done
  echo
  echo "Findings of earlier runs and how they were fixed: fuzz/README.md."
} > "$res/latest.md.tmp"
mv "$res/latest.md.tmp" "$res/latest.md"
cat "$res/latest.md"
if [ $found -ne 0 ]; then
  echo "fuzz: findings; reproduce with build/fuzz/bin/fuzz_<target> <artifact> (logs in $work/<target>/log)"
  exit 1
fi
