#!/usr/bin/env python3
"""Counts instructions (valgrind's callgrind) of gomini and Lua 5.4 on the CPU programs.

Wall time on a shared, loaded machine is noise; instruction counts repeat to
a fraction of a percent. Each program runs at a reduced size (the same size
for both implementations, by substituting its constants, see SCALED), because
callgrind slows a program down fifty-fold. Start-up is included in both
counts (gomini's is listed on its own line: `hello.go` against an empty Lua
script).

Usage: programs/bench/count.py [--only NAME,NAME] [--gomini PATH]
  --gomini  the gomini binary (default: $CARGO_TARGET_DIR or target/, release)
"""

import argparse
import math
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# name -> [(text in NAME.go, replacement), ...], [(text in NAME.lua, replacement), ...]
SCALED = {
    "fib": ([("fib(32)", "fib(27)")], [("fib(32)", "fib(27)")]),
    "loop": ([("100000000", "10000000")], [("100000000", "10000000")]),
    "sieve": ([("5000000", "500000")], [("5000000", "500000")]),
    "maps": ([("1000000", "100000")], [("1000000", "100000")]),
    "methods": ([("5000000", "500000")], [("5000000", "500000")]),
    "closures": ([("5000000", "500000")], [("5000000", "500000")]),
    "strings": ([("round < 10", "round < 1")], [("for round = 0, 9", "for round = 0, 0")]),
    "defers": ([("2000000", "200000")], [("2000000", "200000")]),
}

HELLO_GO = 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n'
HELLO_LUA = 'print("hello")\n'


def scaled_copy(src, subs, out_dir):
    with open(src) as f:
        text = f.read()
    for old, new in subs:
        if old not in text:
            sys.exit(f"{src}: cannot scale, {old!r} not found")
        text = text.replace(old, new)
    dst = os.path.join(out_dir, os.path.basename(src))
    with open(dst, "w") as f:
        f.write(text)
    return dst


def count(cmd, out_dir):
    """Runs cmd under callgrind; returns (instructions, stdout)."""
    out_file = os.path.join(out_dir, "callgrind.out")
    proc = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out_file}", *cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr}")
    found = re.search(r"Collected : (\d+)", proc.stderr)
    return int(found.group(1)), proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="")
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    parser.add_argument("--gomini", default=os.path.join(target, "release", "gomini"))
    args = parser.parse_args()
    names = list(SCALED)
    if args.only:
        names = [n for n in names if n in args.only.split(",")]

    print("| program | gomini instr | lua5.4 instr | gomini / lua |")
    print("|---|---|---|---|")
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        hello_go = os.path.join(tmp, "hello.go")
        hello_lua = os.path.join(tmp, "hello.lua")
        with open(hello_go, "w") as f:
            f.write(HELLO_GO)
        with open(hello_lua, "w") as f:
            f.write(HELLO_LUA)
        g, _ = count([args.gomini, "run", hello_go], tmp)
        lu, _ = count(["lua5.4", hello_lua], tmp)
        print(f"| (start-up: hello) | {g / 1e6:.1f}M | {lu / 1e6:.1f}M | {g / lu:.2f} |")
        for name in names:
            go_subs, lua_subs = SCALED[name]
            go_src = scaled_copy(os.path.join(HERE, name + ".go"), go_subs, tmp)
            lua_src = scaled_copy(os.path.join(HERE, name + ".lua"), lua_subs, tmp)
            g, g_out = count([args.gomini, "run", go_src], tmp)
            lu, lua_out = count(["lua5.4", lua_src], tmp)
            ratio = g / lu
            ratios.append(ratio)
            flag = "" if g_out.split() == lua_out.split() else " (outputs differ!)"
            print(f"| {name} | {g / 1e6:.1f}M | {lu / 1e6:.1f}M | {ratio:.2f}{flag} |", flush=True)
    geomean = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"| geometric mean | | | {geomean:.2f} |")


if __name__ == "__main__":
    main()
