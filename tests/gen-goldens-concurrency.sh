#!/usr/bin/env bash
# Regenerates the goldens of the defer/panic/runtime-error/concurrency corpus
# (tests/go/{defer,panic,recover,rt,go,chan,select,sync,atomic,time,ctx,
# deadlock,log}_*.go) and of programs/*.go from the REAL Go toolchain.
#
# Usage: tests/gen-goldens-concurrency.sh [FILE.go ...]
#   With no arguments, every file of the corpus above and every programs/*.go.
#
# For each NAME.go it writes, beside the source:
#   NAME.out     exact stdout
#   NAME.code    exit code and a newline
#   NAME.err     first line of stderr       (only when the exit code is not 0)
#   NAME.stderr  whole stderr, normalised   (when the exit code is not 0, and
#                when it is 0 but stderr is non-empty, the same in every run
#                and free of log timestamps, which are wall-clock time in Go
#                but virtual time in gomini)
# Normalisation of NAME.stderr: the temporary build directory prefix is
# removed (frames read `NAME.go:12`), the Go installation prefix becomes
# `$GOROOT`, ` +0x..` pc offsets are removed, any parenthesised argument list
# holding a `0x` word becomes `(...)`, and any other `0x...` word becomes `0x?`.
#
# Each binary runs 3 times with GOMAXPROCS=1 (the first run is the one
# recorded), 10 times as is and 3 times with GOMAXPROCS=4. Stdout, exit code
# and the first stderr line must agree across all runs, otherwise the program
# is reported VARIES and no golden is written: a golden must hold for every
# schedule, since gomini's scheduler picks other interleavings than Go's.
# Goroutine ids in NAME.stderr are Go's (its runtime's own goroutines take
# ids 2..6 or more), so a comparison should mask them.
#
# A source containing the line `// golden: none` is skipped (the race demo).
# A source containing `// golden: loopvar-shared` is also built in a module
# whose go.mod says `go 1.21` (one shared loop variable) and gets
# NAME.shared.out and NAME.shared.code.
set -u
cd "$(dirname "$0")/.."

export GOTOOLCHAIN=local
export GOCACHE="${GOCACHE:-/tmp/gocache2}"
GOROOT_DIR="$(go env GOROOT)"
RUNS=10

if [ $# -eq 0 ]; then
    set -- $(ls tests/go/{defer,panic,recover,rt,go,chan,select,sync,atomic,time,ctx,deadlock,log}_*.go 2>/dev/null) \
        $(ls programs/*.go 2>/dev/null)
fi

normalise() { # $1 = build dir
    sed -E \
        -e "s#$1/##g" \
        -e "s#$GOROOT_DIR#\$GOROOT#g" \
        -e 's/ \+0x[0-9a-f]+//g' \
        -e 's/\([^()]*0x[^()]*\)/(...)/g' \
        -e 's/0x[0-9a-f]+/0x?/g'
}

# build SRC GOVERSION -> prints the build dir, or nothing on failure
build() {
    local dir
    dir="$(mktemp -d /tmp/gomini-golden.XXXXXX)"
    cp "$1" "$dir/"
    printf 'module prog\n\ngo %s\n' "$2" >"$dir/go.mod"
    if (cd "$dir" && go build -o prog . 2>"$dir/build.log"); then
        echo "$dir"
    else
        cat "$dir/build.log" >&2
        rm -rf "$dir"
    fi
}

# run_once DIR ENV... -> DIR/out DIR/errfull DIR/code
run_once() {
    local dir="$1"; shift
    (cd "$dir" && env "$@" timeout 30 ./prog >"$dir/out" 2>"$dir/errfull" </dev/null)
    echo $? >"$dir/code"
}

fail=0
for src in "$@"; do
    name="${src%.go}"
    base="$(basename "$name")"
    if grep -q '^// golden: none' "$src"; then
        rm -f "$name.out" "$name.code" "$name.err" "$name.stderr"
        echo "SKIP   $src (golden: none)"
        continue
    fi
    dir="$(build "$src" 1.27)"
    if [ -z "$dir" ]; then echo "BUILD-FAILED $src"; fail=1; continue; fi

    ref_out="" ref_code="" ref_first="" ref_stderr="" varies="" stderr_varies=""
    # The first run, the reference, uses GOMAXPROCS=1 like gomini.
    envs=(GOMAXPROCS=1 GOMAXPROCS=1 GOMAXPROCS=1)
    for _ in $(seq $RUNS); do envs+=("X=1"); done
    envs+=(GOMAXPROCS=4 GOMAXPROCS=4 GOMAXPROCS=4)
    i=0
    for e in "${envs[@]}"; do
        run_once "$dir" "$e"
        out="$(cat "$dir/out"; echo x)"
        code="$(cat "$dir/code")"
        first="$(head -n1 "$dir/errfull")"
        full="$(normalise "$dir" <"$dir/errfull"; echo x)"
        if [ $i -eq 0 ]; then
            ref_out="$out" ref_code="$code" ref_first="$first" ref_stderr="$full"
            cp "$dir/out" "$dir/out.ref"; cp "$dir/errfull" "$dir/errfull.ref"
        else
            [ "$out" != "$ref_out" ] && varies="$varies stdout($e)"
            [ "$code" != "$ref_code" ] && varies="$varies code($e:$code)"
            if [ "$ref_code" != 0 ] && [ "$first" != "$ref_first" ]; then varies="$varies stderr1($e)"; fi
            [ "$full" != "$ref_stderr" ] && stderr_varies=1
        fi
        i=$((i + 1))
    done
    if [ -n "$varies" ]; then
        echo "VARIES $src:$varies"
        fail=1
        rm -rf "$dir"
        continue
    fi
    cp "$dir/out.ref" "$name.out"
    echo "$ref_code" >"$name.code"
    rm -f "$name.err" "$name.stderr"
    if [ "$ref_code" != 0 ]; then
        head -n1 "$dir/errfull.ref" >"$name.err"
        normalise "$dir" <"$dir/errfull.ref" >"$name.stderr"
    elif [ -s "$dir/errfull.ref" ] && [ -z "$stderr_varies" ] \
        && ! grep -qE '[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}' "$dir/errfull.ref"; then
        normalise "$dir" <"$dir/errfull.ref" >"$name.stderr"
    fi
    note=""
    [ -n "$stderr_varies" ] && note=" (full stderr differs between runs, e.g. goroutine ids; recorded the GOMAXPROCS=1 run)"
    echo "OK     $src code=$ref_code$note"
    rm -rf "$dir"

    if grep -q '^// golden: loopvar-shared' "$src"; then
        dir="$(build "$src" 1.21)"
        if [ -z "$dir" ]; then echo "BUILD-FAILED $src (go 1.21)"; fail=1; continue; fi
        run_once "$dir" GOMAXPROCS=1
        cp "$dir/out" "$name.shared.out"
        cp "$dir/code" "$name.shared.code"
        echo "OK     $src (go 1.21, shared loop variable) code=$(cat "$dir/code")"
        rm -rf "$dir"
    fi
done
exit $fail
