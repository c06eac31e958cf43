#!/usr/bin/env python3
"""Reads race reports (Go's -race output, or gomini --race's) on stdin and prints
one line per report: the innermost `main.` frame of the access and of the
previous access, as `FUNC FILE:LINE`, the two sorted and joined by ` | `.
Runtime and library frames are skipped; the file is reduced to its base name.
Used by tests/gen-race-goldens.sh and documented in tests/race/README.md."""
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


def main():
    text = sys.stdin.read()
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
