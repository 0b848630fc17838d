#!/bin/sh
# `make fuzz-merge`: folds the inputs a `make fuzz` run kept (build/fuzz/work/<target>/corpus)
# into the committed seeds fuzz/corpus/<target>/, adding only those that reach new coverage
# (libFuzzer -merge=1), so the repository corpus stays small.
# Usage: fuzz/merge.sh build/fuzz/bin/fuzz_<target>...
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
for bin in "$@"; do
  name=$(basename "$bin"); name=${name#fuzz_}
  from="$top/build/fuzz/work/$name/corpus"
  [ -d "$from" ] || { echo "fuzz-merge: $name: no run to merge (make fuzz first)"; continue; }
  before=$(ls "$top/fuzz/corpus/$name" | wc -l)
  "$bin" -merge=1 "$top/fuzz/corpus/$name" "$from" > "$top/build/fuzz/work/$name/merge.log" 2>&1 ||
    { echo "fuzz-merge: $name failed, see build/fuzz/work/$name/merge.log"; continue; }
  echo "fuzz-merge: $name: $before → $(ls "$top/fuzz/corpus/$name" | wc -l) seeds"
done
