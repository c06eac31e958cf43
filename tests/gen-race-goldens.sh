#!/usr/bin/env bash
# Regenerates the goldens of the race corpus (tests/race/*.go) from the REAL
# Go toolchain's race detector (`go build -race`; needs cgo, so gcc).
#
# Usage: tests/gen-race-goldens.sh [FILE.go ...]   (default: every tests/race/*.go)
#
# For each NAME.go it writes, beside the source:
#   NAME.code   the exit code (66 when Go found a race)
#   NAME.races  one line per pair of racing places Go reported, over all runs:
#               `FUNC FILE:LINE | FUNC FILE:LINE` (innermost `main.` frame of
#               each access, sorted; see tests/race-pairs.py); empty: no race
#   NAME.out    stdout, when it is the same in every run
#   NAME.stderr the race reports, normalised (tests/race-pairs.py --normalise:
#               only `main.` frames, file base names, no addresses, pc offsets
#               or goroutine ids), when the same in every run
# The binary runs RUNS times; the exit code and, for a race-free program, the
# stdout must agree across runs, otherwise the program is reported VARIES.
set -u
cd "$(dirname "$0")/.."

export GOTOOLCHAIN=local
export GOCACHE="${GOCACHE:-/tmp/gocache-race}"
RUNS=5

if [ $# -eq 0 ]; then
    set -- tests/race/*.go
fi

for src in "$@"; do
    name="${src%.go}"
    dir="$(mktemp -d /tmp/gomini-race.XXXXXX)"
    cp "$src" "$dir/"
    base="$(basename "$src")"
    if ! (cd "$dir" && go mod init prog >/dev/null 2>&1 && go build -race -o prog "$base" 2>"$dir/build.err"); then
        echo "BUILD FAILED $src"; cat "$dir/build.err"; rm -rf "$dir"; continue
    fi
    codes=""; outs=""; : >"$dir/pairs"
    for i in $(seq $RUNS); do
        (cd "$dir" && ./prog >"out$i" 2>"err$i"; echo $? >"code$i")
        codes="$codes $(cat "$dir/code$i")"
        tests/race-pairs.py <"$dir/err$i" >>"$dir/pairs"
        tests/race-pairs.py --normalise <"$dir/err$i" >"$dir/norm$i"
    done
    code="$(cat "$dir/code1")"
    same_out=1; same_err=1
    for i in $(seq 2 $RUNS); do
        cmp -s "$dir/out1" "$dir/out$i" || same_out=0
        cmp -s "$dir/norm1" "$dir/norm$i" || same_err=0
    done
    if [ $same_err = 1 ]; then cp "$dir/norm1" "$name.stderr"; else rm -f "$name.stderr"; fi
    if [ "$(echo $codes | tr ' ' '\n' | sort -u | wc -l)" != 1 ]; then
        echo "VARIES (exit codes:$codes) $src"; rm -rf "$dir"; continue
    fi
    echo "$code" >"$name.code"
    sort -u "$dir/pairs" >"$name.races"
    if [ $same_out = 1 ]; then
        cp "$dir/out1" "$name.out"
    else
        rm -f "$name.out"
        [ "$code" = 66 ] || echo "VARIES (stdout of a race-free program) $src"
    fi
    echo "ok $src: exit $code, $(wc -l <"$name.races") racing pair(s)"
    rm -rf "$dir"
done
