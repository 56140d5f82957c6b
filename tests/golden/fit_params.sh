#!/usr/bin/env bash
# End to end: `credence fit` writes a parameter file that analyze and eval read (--params), with
# --param overriding it; the fit is deterministic; a rejected input leaves no output file; the
# eval plots (--plot, --folds with --plot-learning) are well-formed, deterministic SVG whose
# numbers match the tables.
# usage: fit_params.sh CREDENCE SCRATCH SOURCE_DIR
set -euo pipefail
credence=$1 dir=$2 src=$3
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
export OMP_WAIT_POLICY=passive
data=$src/tests/data/eval/tiny.csv
head -n 7 "$src/tests/data/eval/tiny.gold.csv" > gold.csv  # c1..c6: every claim in the data
fail() { echo "FAIL: $*" >&2; exit 1; }

"$credence" fit "$data" --gold gold.csv -o p.json 2> fit.err
grep -q '"format":"credence-params"' p.json || fail "p.json has no format marker"
grep -q 'log-likelihood of the labels' fit.err || fail "no summary on stderr"
"$credence" fit "$data" --gold gold.csv -o p2.json 2> /dev/null
cmp -s p.json p2.json || fail "fit is not deterministic"

# --params is the same as every parameter given with --param.
mapfile -t settings < <(sed -n '/^"parameters"/,$p' p.json |
  sed -n 's/^"\([a-z_]*\)":\([-+0-9.e]*\),\{0,1\}$/--param=\1=\2/p')
[ "${#settings[@]}" -gt 20 ] || fail "parameters not found in p.json"
"$credence" analyze "$data" --format json --params p.json > a.json
"$credence" analyze "$data" --format json "${settings[@]}" > b.json
cmp -s a.json b.json || fail "--params differs from the same values given with --param"
# Command-line flags win over the file.
"$credence" analyze "$data" --format json --params p.json --param echo_factor=1 \
  --base-rate 0.3 > c.json
"$credence" analyze "$data" --format json "${settings[@]}" --param echo_factor=1 \
  --base-rate 0.3 > d.json
cmp -s c.json d.json || fail "--param/--base-rate do not override --params"
"$credence" eval "$data" --gold gold.csv --algorithm credence --params p.json --no-time > e.txt

# Rejected inputs: exit 2 and no output file.
printf '{"format":"credence-params","version":2,"parameters":{}}\n' > v2.json
set +e
"$credence" fit "$data" --gold gold.csv --params v2.json -o out.json 2> /dev/null
code=$?
"$credence" fit "$data" --gold "$src/tests/data/eval/tiny.gold.csv" -o out.json 2> unknown.err
code2=$?
set -e
[ "$code" = 2 ] || fail "fit --params v2.json: exit $code, expected 2"
[ "$code2" = 2 ] || fail "fit with a gold claim not in the data: exit $code2, expected 2"
grep -q "field 'claim': no claim 'c9'" unknown.err || fail "unknown gold claim not named"
[ ! -e out.json ] || fail "a rejected fit wrote its output"

# Reliability diagram: its ECE is the eval table's (JSON, 6 decimals) to 3 decimals.
"$credence" eval "$data" --gold gold.csv --algorithm credence --format json --no-time \
  --plot cal.svg > eval.json
"$credence" eval "$data" --gold gold.csv --algorithm credence --no-time --plot cal2.svg > /dev/null
cmp -s cal.svg cal2.svg || fail "--plot is not deterministic"
ece=$(sed -n 's/.*"ece":\([0-9.]*\).*/\1/p' eval.json | head -n 1)
want=$(awk -v e="$ece" 'BEGIN { printf "ECE %.3f", e }')
grep -q "$want" cal.svg || fail "cal.svg lacks '$want'"
head -c 4 cal.svg | grep -q '<svg' || fail "cal.svg does not start with <svg"
[ "$(tail -n 1 cal.svg)" = "</svg>" ] || fail "cal.svg does not end with </svg>"

# Learning curve: same seed, same table and SVG.
"$credence" eval "$data" --gold gold.csv --folds 2 --seed 3 --plot-learning l1.svg > l1.txt
"$credence" eval "$data" --gold gold.csv --folds 2 --seed 3 --plot-learning l2.svg > l2.txt
cmp -s l1.txt l2.txt || fail "--folds table is not deterministic"
cmp -s l1.svg l2.svg || fail "--plot-learning is not deterministic"
grep -q 'data-route="labels"' l1.svg || fail "l1.svg lacks the labels route"
[ "$(tail -n 1 l1.svg)" = "</svg>" ] || fail "l1.svg does not end with </svg>"
echo "fit_params: ok"
