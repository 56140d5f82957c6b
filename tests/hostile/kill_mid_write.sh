#!/usr/bin/env bash
# Interrupted writes: a run killed while it writes its output leaves the old file or the complete
# new one, never a fragment under the destination's name.
#   1. `generate` (which streams its output for seconds) killed with SIGKILL once its temporary
#      file holds data: the destination keeps its old bytes; the only other file left is the
#      documented temporary `.NAME.credence-tmp-XXXXXX`.
#   2. The same with SIGTERM and SIGINT: the destination keeps its old bytes and the temporary file
#      is removed as well.
#   3. The same run left to finish: the destination is complete (identical to a run writing
#      elsewhere) and valid (`credence validate`).
#   4. `analyze --format json -o` killed with SIGKILL at the moment its temporary file appears:
#      the destination is the old report or the complete new one.
# usage: kill_mid_write.sh CREDENCE SCRATCH SOURCE_DIR [SANITIZE]
set -euo pipefail
credence=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
big=(--stances 2000000 --sources 20000 --claims 200000 --seed 3 --format jsonl)

fail() { echo "FAIL: $*" >&2; exit 1; }
# Waits until a temporary file for $1 holds at least $2 bytes; fails after 60 s.
wait_for_tmp() {
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    for t in .$1.credence-tmp-*; do
      if [ -f "$t" ] && [ "$(stat -c %s "$t")" -ge "$2" ]; then return 0; fi
    done
    sleep 0.01
  done
  return 1
}

"$credence" generate --stances 50 --sources 5 --claims 5 --seed 1 --format jsonl \
  -o out.jsonl --gold out.gold.csv -q
old=$(md5sum < out.jsonl)
old_gold=$(md5sum < out.gold.csv)

for sig in KILL TERM INT; do
  "$credence" generate "${big[@]}" -o out.jsonl --gold out.gold.csv -q &
  pid=$!
  wait_for_tmp out.jsonl 1000000 || { kill -KILL $pid; fail "no temporary file appeared"; }
  kill -$sig $pid
  wait $pid && fail "generate finished before SIG$sig" || true
  [ "$(md5sum < out.jsonl)" = "$old" ] || fail "SIG$sig: out.jsonl is not its old content"
  [ "$(md5sum < out.gold.csv)" = "$old_gold" ] || fail "SIG$sig: out.gold.csv changed"
  leftovers=$(ls -A | grep -v -x -e out.jsonl -e out.gold.csv || true)
  if [ $sig = KILL ]; then
    # SIGKILL cannot be caught: only the documented temporary names may remain.
    echo "$leftovers" | grep -v -E '^\.out\.(jsonl|gold\.csv)\.credence-tmp-......$' | grep . &&
      fail "SIGKILL left unexpected files: $leftovers"
    rm -f .out.*.credence-tmp-*
  else
    [ -z "$leftovers" ] || fail "SIG$sig left files behind: $leftovers"
  fi
  echo "SIG$sig during generate: old content kept"
done

"$credence" generate "${big[@]}" -o out.jsonl --gold out.gold.csv -q
"$credence" generate "${big[@]}" -o ref.jsonl --gold ref.gold.csv -q
cmp -s out.jsonl ref.jsonl || fail "the finished output differs from a run writing elsewhere"
"$credence" validate out.jsonl > /dev/null || fail "the finished output does not validate"
rm -f ref.jsonl ref.gold.csv
[ -z "$(ls -A | grep credence-tmp || true)" ] || fail "a finished run left a temporary file"
echo "finished generate: complete and valid"

# analyze: the old report or the new complete one.
"$credence" generate --stances 200000 --sources 2000 --claims 20000 --seed 4 --format jsonl \
  -o out.jsonl --gold out.gold.csv -q
"$credence" analyze out.jsonl --format json --top 1 -o report.json
small=$(md5sum < report.json)
"$credence" analyze out.jsonl --format json --threads 1 -o full.json
full=$(md5sum < full.json)
[ "$small" != "$full" ] || fail "the two reports should differ"
"$credence" analyze out.jsonl --format json --threads 1 -o report.json &
pid=$!
wait_for_tmp report.json 0 || true
kill -KILL $pid 2>/dev/null || true
wait $pid || true
now=$(md5sum < report.json)
[ "$now" = "$small" ] || [ "$now" = "$full" ] || fail "report.json is neither the old nor the new report"
echo "SIGKILL during analyze -o: $([ "$now" = "$small" ] && echo old || echo new) report, complete"
