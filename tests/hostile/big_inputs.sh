#!/usr/bin/env bash
# Huge hostile inputs, generated here (never committed), each with its exact expected error,
# exit code 2, a time bound (timeout) and, outside sanitizer builds, a memory bound (prlimit):
#   - a 100 MB single line of JSON (a claim whose text never ends);
#   - a 100 MB single CSV line (a quoted field that is never closed);
#   - a million distinct claim ids, then one of them again;
#   - a million stances, each on its own undefined claim (the report stops at 1,000 problems);
#   - an object with 5,000 values (quadratic implied evidence) and a 200,000-deep organisation
#     chain, both rejected by bounds instead of taking gigabytes or minutes.
# usage: big_inputs.sh CREDENCE SCRATCH SOURCE_DIR [SANITIZE]
set -euo pipefail
credence=$1 dir=$2 sanitize=${4:-}
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
limit=()
if [ -z "$sanitize" ] && command -v prlimit > /dev/null; then
  limit=(prlimit --as=$((1536 * 1024 * 1024)))  # 1.5 GiB of address space
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
# check FILE EXPECTED_STDERR_FILE: validate and analyze must both exit 2 with exactly that stderr.
check() {
  for command in validate analyze; do
    local code=0
    "${limit[@]}" timeout 120 "$credence" $command "$1" > out.txt 2> err.txt || code=$?
    [ "$code" = 2 ] || fail "$command $1: exit code $code, expected 2; stderr: $(head -c 500 err.txt)"
    [ ! -s out.txt ] || fail "$command $1: unexpected standard output"
    cmp -s err.txt "$2" || { diff "$2" err.txt | head -n 5 >&2; fail "$command $1: stderr differs"; }
  done
  echo "ok: $1"
}

# 100 MB single line: {"type":"claim","id":"c","text":"xxxx... (no closing quote, no newline)
{ printf '{"type":"claim","id":"c","text":"'; head -c 100000000 /dev/zero | tr '\0' x; } > long-line.jsonl
printf 'error: long-line.jsonl:1: line too long: 100000033 bytes (a record may have at most 16777216)\n' > expected.txt
check long-line.jsonl expected.txt
rm -f long-line.jsonl

{ printf 'source,claim,stance\na,c,"'; head -c 100000000 /dev/zero | tr '\0' x; } > long-line.csv
printf 'error: long-line.csv:2: unterminated quoted field\n' > expected.txt
check long-line.csv expected.txt
rm -f long-line.csv

# A million distinct ids (claims c0 .. c999999 on lines 2 .. 1000001), then c0 again.
awk 'BEGIN { print "{\"type\":\"outlet\",\"id\":\"a\"}";
             for (i = 0; i < 1000000; i++) printf "{\"type\":\"claim\",\"id\":\"c%d\",\"text\":\"t\"}\n", i;
             print "{\"type\":\"claim\",\"id\":\"c0\",\"text\":\"again\"}" }' > million-ids.jsonl
printf "error: million-ids.jsonl:1000002: field 'id': duplicate id 'c0', first defined at line 2\n" > expected.txt
check million-ids.jsonl expected.txt
rm -f million-ids.jsonl

# A million stances on a million distinct undefined claims: the first 1,000 are reported.
awk 'BEGIN { print "{\"type\":\"outlet\",\"id\":\"a\"}";
             for (i = 0; i < 1000000; i++)
               printf "{\"type\":\"stance\",\"holder\":\"a\",\"claim\":\"m%d\",\"polarity\":\"supports\"}\n", i }' \
  > million-missing.jsonl
awk 'BEGIN { for (i = 0; i < 1000; i++)
               printf "error: million-missing.jsonl:%d: field '"'"'claim'"'"': stance names claim '"'"'m%d'"'"', which is not defined\n", i + 2, i;
             print "error: stopped after 1000 problems" }' > expected.txt
check million-missing.jsonl expected.txt
rm -f million-missing.jsonl

# One object with 5,000 values, each asserted once: every assertion denies the 4,999 others,
# 5000 * 4999 = 24,995,000 implied denials, over the limit of 10,000,000 (quadratic evidence).
awk 'BEGIN { print "source,object,value"; for (i = 0; i < 5000; i++) printf "s%d,o,%d\n", i, i }' \
  > wide-group.triples.csv
printf "error: wide-group.triples.csv:2: field 'object': the groups of alternatives imply 24995000 denials in all (at most 10000000): group 'o' alone has 5000 claims and 5000 supporting stances, each stance denying every other claim of its group\n" > expected.txt
check wide-group.triples.csv expected.txt
rm -f wide-group.triples.csv

# A chain of 200,000 organisations, each the parent of the next: rejected at depth 101 (line 102)
# instead of following the chain for every stance.
awk 'BEGIN { print "{\"type\":\"organisation\",\"id\":\"g0\"}";
             for (i = 1; i < 200000; i++) printf "{\"type\":\"organisation\",\"id\":\"g%d\",\"parent\":\"g%d\"}\n", i, i - 1 }' \
  > org-chain.jsonl
printf "error: org-chain.jsonl:102: field 'parent': organisation 'g101' is nested 101 levels deep (at most 100)\n" > expected.txt
check org-chain.jsonl expected.txt
rm -f org-chain.jsonl
