#!/bin/sh
# bench/merge_only.sh LETTERS ONLY_MD LATEST_MD: puts the rows of the scenarios LETTERS (e.g.
# "adg") from a BENCH_ONLY run's table (results/only.md) into the full run's table
# (results/latest.md), each scenario's rows where its old rows were (new rows of a scenario
# without old ones go after the table's last row), and its notes ("- d: ...") in place of the
# old ones.  A line under the table says which rows came from which run; an earlier such line
# for the same letters is dropped.  run.sh calls it when BENCH_MERGE=1.
set -eu
letters=$1 only=$2 latest=$3
[ -f "$only" ] && [ -f "$latest" ] || { echo "merge_only: $only or $latest missing" >&2; exit 1; }
stamp=$(sed -n '3p' "$only")
load=$(sed -n 's/^Load average (1, 5, 15 min) at the start: \(.*\)$/\1/p' "$only")
tmp=$latest.tmp.$$
awk -v L="$letters" -v stamp="$stamp" -v load="$load" '
  function letter(line,   x) { x = substr(line, 3, 1); return x ~ /[a-l]/ && index(L, x) ? x : "" }
  function is_row(line) { return line ~ /^\| [a-l]'"'"'?\. / }
  function is_note(line) { return line ~ /^- [a-l]: / }
  FNR == NR {
    if (is_row($0) && (x = letter($0)) != "") { rows[x] = rows[x] $0 "\n"; next }
    if (is_note($0) && (x = substr($0, 3, 1)) != "" && index(L, x)) { notes[x] = notes[x] $0 "\n"; next }
    next
  }
  /^## / { zone = 2 }
  zone == 2 { print; next }
  zone == 1 && /^_Merged: rows / && $3 == L { skipblank = 1; next }
  skipblank && /^$/ { skipblank = 0; next }
  { skipblank = 0 }
  zone == 0 && is_row($0) {
    intable = 1
    if ((x = letter($0)) != "") { if (!done[x]++) printf "%s", rows[x]; next }
    print; next
  }
  zone == 0 && intable {
    for (i = 1; i <= length(L); i++) { x = substr(L, i, 1); if (!done[x]++) printf "%s", rows[x] }
    zone = 1
    print
    printf "_Merged: rows %s and their notes from a BENCH_ONLY run (%s; load average at its start %s); the other rows from the full run above._\n\n", L, stamp, load
    next
  }
  zone == 1 && is_note($0) && index(L, substr($0, 3, 1)) { x = substr($0, 3, 1); if (!ndone[x]++) printf "%s", notes[x]; next }
  { print }
' "$only" "$latest" >"$tmp"
mv "$tmp" "$latest"
