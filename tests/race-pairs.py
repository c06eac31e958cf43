#!/usr/bin/env python3
"""Reads race reports (Go's -race output, or gomini --race's) on stdin and prints
one line per report: the innermost `main.` frame of the access and of the
previous access, as `FUNC FILE:LINE`, the two sorted and joined by ` | `.
Runtime and library frames are skipped; the file is reduced to its base name.
With --normalise, prints the reports themselves instead, reduced to what
gomini and Go can share: only `main.` frames (not Go's `gowrap` wrappers), file base names, addresses as
0x?, no pc offsets, goroutine ids as N.
Used by tests/gen-race-goldens.sh; repl/tests/race.rs does the same in Rust."""
import os
import re
import sys

FRAME = re.compile(r"^  (\S+)\(.*\)$")
PLACE = re.compile(r"^\s+(\S+?):(\d+)(?: \+0x[0-9a-f]+)?$")


def first_main_frame(lines):
    for i, line in enumerate(lines):
        m = FRAME.match(line)
        if m and m.group(1).startswith("main.") and i + 1 < len(lines):
            p = PLACE.match(lines[i + 1])
            if p:
                return f"{m.group(1)} {os.path.basename(p.group(1))}:{p.group(2)}"
    return "?"


def normalise(text):
    out = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FRAME.match(line)
        if m and i + 1 < len(lines) and PLACE.match(lines[i + 1]):
            # Go wraps `go f(args)` in a `main.F.gowrapN` frame; gomini calls f directly.
            if m.group(1).startswith("main.") and ".gowrap" not in m.group(1):
                p = PLACE.match(lines[i + 1])
                out.append(f"  {m.group(1)}()")
                out.append(f"      {os.path.basename(p.group(1))}:{p.group(2)}")
            i += 2
            continue
        line = re.sub(r"0x[0-9a-f]+", "0x?", line)
        line = re.sub(r"(goroutine|Goroutine) \d+", r"\1 N", line)
        out.append(line)
        i += 1
    print("\n".join(out))


def main():
    text = sys.stdin.read()
    if "--normalise" in sys.argv:
        normalise(text)
        return
    pairs = set()
    for block in text.split("WARNING: DATA RACE\n")[1:]:
        block = block.split("==================")[0]
        sections = block.split("\n\n")
        access = sections[0].splitlines()[1:]
        previous = sections[1].splitlines()[1:] if len(sections) > 1 else []
        pair = sorted([first_main_frame(access), first_main_frame(previous)])
        pairs.add(" | ".join(pair))
    for pair in sorted(pairs):
        print(pair)


main()
