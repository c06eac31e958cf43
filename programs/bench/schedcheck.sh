#!/bin/bash
# schedcheck.sh BEFORE_BIN AFTER_BIN: a speed-up must not change any seeded schedule.
#
# For the concurrency programs of the test corpus (tests/go, programs, tests/race: those that
# start goroutines, use sync or channels) plus 3000-goroutine copies of goroutines.go and
# channels.go, and seeds 1-3, compares the two binaries' output byte for byte:
#   - `run --max-steps --record`: the schedule file, stdout, exit code, stderr;
#   - a plain `run` (no --max-steps, no --record: the path that switches turns inside Vm::run);
#   - `trace --format json` and `run --race` reports.
# Prints a DIFF line per difference and exits 1 if there is any. About 40 s.
set -u
A=$1; B=$2
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
sed 's/200000/3000/' "$ROOT/programs/bench/goroutines.go" > "$W/goroutines3000.go"
sed 's/500000/3000/' "$ROOT/programs/bench/channels.go" > "$W/channels3000.go"
progs="$W/goroutines3000.go $W/channels3000.go $(grep -l 'go func\|sync\.\|<-' "$ROOT"/tests/go/*.go "$ROOT"/programs/*.go "$ROOT"/tests/race/*.go)"
bad=0; n=0
for p in $progs; do
  for s in 1 2 3; do
    for bin in A B; do
      X=${!bin}
      timeout 20 "$X" run --seed $s --max-steps 20000000 --record "$W/$bin.sched" "$p" > "$W/$bin.out" 2> "$W/$bin.err"; echo $? >> "$W/$bin.out"
      timeout 20 "$X" run --seed $s "$p" > "$W/$bin.plain" 2> "$W/$bin.perr"; echo $? >> "$W/$bin.plain"
      timeout 20 "$X" trace --seed $s --format json --max-steps 2000000 --max-events 20000 "$p" > "$W/$bin.trace" 2> /dev/null
      timeout 20 "$X" run --race --seed $s --max-steps 2000000 "$p" > /dev/null 2> "$W/$bin.race"
    done
    for f in sched out err plain perr trace race; do
      if ! cmp -s "$W/A.$f" "$W/B.$f"; then echo "DIFF $f $p seed $s"; bad=1; fi
    done
    n=$((n+1))
  done
done
echo "schedcheck: $n program-seed pairs compared, $([ $bad = 0 ] && echo identical || echo DIFFERENCES)"
exit $bad
