#!/usr/bin/env bash
# End to end: `credence timeline` on the dated worked example. The JSON parses and has the
# documented fields; the CSV has the same 9 columns on every row and one row an event of the
# JSON; the times ascend; -o writes the file (and a rejected claim id leaves none); --as-of hides
# later events; --max-events keeps the latest ones.
# usage: timeline_cli.sh CREDENCE SCRATCH SOURCE_DIR PYTHON3
set -euo pipefail
credence=$1 dir=$2 src=$3 python=$4
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
export OMP_WAIT_POLICY=passive
data=$src/datasets/arms-race-2018.jsonl
fail() { echo "FAIL: $*" >&2; exit 1; }

"$credence" timeline "$data" arms-race-quote --format json -o t.json
"$credence" timeline "$data" arms-race-quote --format csv -o t.csv
"$credence" timeline "$data" arms-race-quote --format json --as-of 2018-03-29 > early.json
"$credence" timeline "$data" arms-race-quote --format json --max-events 1 > last.json
if "$credence" timeline "$data" no-such-claim -o bad.json 2> bad.err; then
  fail "an unknown claim id succeeded"
fi
[ ! -e bad.json ] || fail "a rejected claim id left an output file"
grep -q "no claim with id 'no-such-claim'" bad.err || fail "no clear message: $(cat bad.err)"

"$python" - <<'PY' || fail "the JSON or CSV output is not as documented"
import csv, json
t = json.load(open("t.json"))
assert t["claim"] == "arms-race-quote", t["claim"]
assert t["as_of"] is None and t["omitted_events"] == 0
events = t["events"]
assert len(events) >= 2, events
keys = {"time", "undated", "what", "belief", "belief_low", "belief_high", "verdict",
        "units_for", "units_against"}
for e in events:
    assert set(e) == keys, set(e)
    assert 0 <= e["belief"] <= 1
    if e["belief_low"] is not None:
        assert e["belief_low"] <= e["belief"] <= e["belief_high"]
    assert e["what"], e
dated = [e["time"] for e in events if not e["undated"]]
assert dated == sorted(dated) and len(set(dated)) == len(dated), dated
rows = list(csv.reader(open("t.csv", newline="")))
assert rows[0] == ["time", "undated", "belief", "belief_low", "belief_high", "verdict",
                   "units_for", "units_against", "what"], rows[0]
assert all(len(r) == 9 for r in rows), [len(r) for r in rows]
assert len(rows) == len(events) + 1
assert [r[0] for r in rows[1:]] == [e["time"] or "" for e in events]
early = json.load(open("early.json"))
assert early["as_of"] == "2018-03-29"
assert all(e["undated"] or e["time"] <= "2018-03-29" for e in early["events"]), early
assert len(early["events"]) < len(events)
last = json.load(open("last.json"))
lastdated = [e for e in last["events"] if not e["undated"]]
assert len(lastdated) == 1 and lastdated[0]["time"] == dated[-1]
assert last["omitted_events"] == len(dated) - 1
assert lastdated[0]["belief"] == [e for e in events if e["time"] == dated[-1]][0]["belief"]
PY
echo "timeline_cli: ok"
