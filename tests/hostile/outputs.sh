#!/usr/bin/env bash
# Outputs and streams (issue 14): -o replaces only regular files, write failures are reported.
#   1. -o over a character device (a null device made here with mknod, as root) writes through:
#      the node stays a device. Over a FIFO: the reader gets the report, the FIFO stays.
#   2. -o over a symbolic link replaces its target and keeps the link; a dangling link creates
#      its target. A replaced file keeps its permission bits (600 stays 600).
#   3. A full disk (/dev/full) on standard output or on -o, and a closed standard output: exit 3,
#      "No space left on device" / "Bad file descriptor", never exit 0.
#   4. A failed write to standard error (2>/dev/full) does not abort: the exit code is the
#      command's own (2 for a missing file), not 134.
#   5. -o naming the input file, under another spelling or through a link: refused (exit 1), the
#      input untouched.
# usage: outputs.sh CREDENCE SCRATCH SOURCE_DIR [SANITIZE]
set -uo pipefail
credence=$1 dir=$2 src=$3
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir" || exit 1
data="$src/datasets/arms-race-2018.jsonl"
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_code() {  # expect_code CODE WHAT COMMAND...
  local want=$1 what=$2; shift 2
  "$@"; local got=$?
  [ "$got" -eq "$want" ] || fail "$what: exit $got, expected $want"
}

# 1. Devices and FIFOs are written through.
if [ "$(id -u)" -eq 0 ]; then
  mknod null c 1 3 || fail "mknod"
  expect_code 0 "-o over a device" "$credence" analyze "$data" -o null
  [ -c null ] || fail "-o replaced the device node with a $(stat -c %F null)"
fi
mkfifo pipe
cat pipe > from-pipe & reader=$!
expect_code 0 "-o over a FIFO" "$credence" analyze "$data" -o pipe
wait "$reader"
[ -p pipe ] || fail "-o replaced the FIFO with a $(stat -c %F pipe)"
grep -q "Credence conflict report" from-pipe || fail "the FIFO's reader got no report"

# 2. Symbolic links are followed; permissions are kept.
echo old > target.txt
ln -s target.txt link.txt
expect_code 0 "-o over a link" "$credence" analyze "$data" -o link.txt
[ -L link.txt ] || fail "-o replaced the symbolic link"
grep -q "Credence conflict report" target.txt || fail "the link's target was not written"
ln -s missing.txt dangling.txt
expect_code 0 "-o over a dangling link" "$credence" analyze "$data" -o dangling.txt
[ -L dangling.txt ] && grep -q "Credence" missing.txt || fail "a dangling link's target was not created"
echo secret > private.csv && chmod 600 private.csv
expect_code 0 "-o over a 600 file" "$credence" analyze "$data" --format csv -o private.csv
[ "$(stat -c %a private.csv)" = 600 ] || fail "permissions became $(stat -c %a private.csv)"
head -1 private.csv | grep -q "^rank,id" || fail "the 600 file was not replaced"

# 3. Failed writes of the result.
"$credence" analyze "$data" > /dev/full 2> err.txt; code=$?
[ "$code" -eq 3 ] && grep -q "standard output: No space left on device" err.txt ||
  fail "stdout on a full disk: exit $code, $(cat err.txt)"
"$credence" analyze "$data" -o /dev/full 2> err.txt; code=$?
[ "$code" -eq 3 ] && grep -q "'/dev/full': No space left on device" err.txt ||
  fail "-o on a full disk: exit $code, $(cat err.txt)"
"$credence" analyze "$data" >&- 2> err.txt; code=$?
[ "$code" -eq 3 ] || fail "closed stdout: exit $code, $(cat err.txt)"

# 4. A diagnostic that cannot be written does not abort.
"$credence" analyze no-such.jsonl 2> /dev/full; code=$?
[ "$code" -eq 2 ] || fail "stderr on a full disk: exit $code, expected 2"

# 5. -o naming the input.
cp "$data" in.jsonl && ln -s in.jsonl alias.jsonl
before=$(md5sum < in.jsonl)
expect_code 1 "-o ./input" "$credence" analyze in.jsonl -o ./in.jsonl 2> /dev/null
expect_code 1 "-o input through a link" "$credence" analyze alias.jsonl -o in.jsonl 2> /dev/null
[ "$(md5sum < in.jsonl)" = "$before" ] || fail "the input was overwritten"
echo "outputs: devices, FIFOs, links, permissions, full disks and the input all handled"
