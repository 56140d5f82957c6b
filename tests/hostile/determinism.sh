#!/usr/bin/env bash
# Determinism: the lines of a dataset shuffled (a fixed permutation) and the thread count changed
# must give byte-identical output, in every format, for the default model and a classic algorithm.
# Datasets: datasets/newsroom-sample.jsonl and two generated ones (credence generate, seed 7),
# each with more sources and claims than kParallelThreshold (include/credence/scoring/
# parallel.hpp), below which every loop runs on one thread and --threads 2 would compare one
# thread with itself; the script checks that they do.
# usage: determinism.sh CREDENCE SCRATCH SOURCE_DIR [SANITIZE]
set -euo pipefail
credence=$1 dir=$2 src=$3
rm -rf "$dir" && mkdir -p "$dir/a" "$dir/b" && cd "$dir"
# Idle OpenMP workers sleep instead of spinning: on a machine shared with other tests, spinning
# threads make each --threads 2 run ten times slower. The output does not depend on it.
export OMP_WAIT_POLICY=passive

threshold=$(sed -n 's/.*kParallelThreshold = \([0-9]*\);.*/\1/p' \
  "$src/include/credence/scoring/parallel.hpp")
[ -n "$threshold" ] || { echo "kParallelThreshold not found" >&2; exit 1; }

# A fixed permutation of lines 1..n (header lines kept in place): line i goes to position
# (i * 7919 + 13) mod 100003, which is one-to-one for n < 100003.
shuffle() {  # shuffle IN OUT HEADER_LINES
  head -n "$3" "$1" > "$2"
  awk -v h="$3" 'NR > h { printf "%06d\t%s\n", ((NR - h) * 7919 + 13) % 100003, $0 }' "$1" \
    | sort -n | cut -f2- >> "$2"
}

# About 11,000 sources and 9,700 claims (none grouped) in 40,000 stances; a flatter source
# activity (Zipf 0.5) than the default, so that most sources take part.
generate="--stances 40000 --sources 12000 --claims 10000 --zipf 0.5 --seed 7"
"$credence" generate $generate --format jsonl -o a/generated.jsonl --gold generated.gold.csv -q
"$credence" generate $generate --format csv -o a/generated.csv --gold generated-csv.gold.csv -q
for f in generated.jsonl generated.csv; do
  # "FILE: OK: 11611 sources, 9692 claims, 0 reports, 40000 stances"
  read -r sources claims < <("$credence" validate "a/$f" |
    sed -n 's/.*OK: \([0-9]*\) sources, \([0-9]*\) claims.*/\1 \2/p')
  if [ "${sources:-0}" -lt "$threshold" ] || [ "${claims:-0}" -lt "$threshold" ]; then
    echo "$f has $sources sources and $claims claims, below kParallelThreshold ($threshold):" \
      "--threads 2 would run the one-thread code" >&2
    exit 1
  fi
done
cp "$src/datasets/newsroom-sample.jsonl" a/newsroom.jsonl
shuffle a/newsroom.jsonl b/newsroom.jsonl 0
# A dated dataset with a reversal and a retraction (the time rules, issue 13).
cp "$src/datasets/orrin-spill-2025.jsonl" a/orrin.jsonl
shuffle a/orrin.jsonl b/orrin.jsonl 0
shuffle a/generated.jsonl b/generated.jsonl 0
shuffle a/generated.csv b/generated.csv 1

failures=0
for f in newsroom.jsonl orrin.jsonl generated.jsonl generated.csv; do
  if cmp -s "a/$f" "b/$f"; then echo "shuffle left $f unchanged" >&2; exit 1; fi
  if [ "$(sort "a/$f" | md5sum)" != "$(sort "b/$f" | md5sum)" ]; then
    echo "shuffle changed the lines of $f" >&2; exit 1
  fi
  dated=()
  [ "$f" = orrin.jsonl ] && dated=("--format json --as-of 2025-06-12" "--format json --half-life 2")
  for args in "--format table" "--format json" "--format csv" "--algorithm sums --format json" \
              "--algorithm truthfinder --format csv" "${dated[@]}"; do
    # Same relative path in both directories, so that the report's title line is the same.
    (cd a && "$credence" analyze "$f" $args --threads 1 > "../ref.out")
    for side in a b; do
      for threads in 1 2; do
        (cd $side && "$credence" analyze "$f" $args --threads $threads > "../run.out")
        if ! cmp -s ref.out run.out; then
          echo "DIFFERENT: analyze $f $args, $side (shuffled: $([ $side = b ] && echo yes || echo no)), --threads $threads" >&2
          diff ref.out run.out | head -n 10 >&2
          failures=$((failures + 1))
        fi
      done
    done
    [ -s ref.out ] || { echo "empty output for $f $args" >&2; exit 1; }
  done
done
[ "$failures" -eq 0 ] && echo "identical output for every order and thread count"
