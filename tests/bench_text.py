"""What the text report costs on top of the JSON one, against rich's import after typer's.

Run by hand: python tests/bench_text.py [--rounds N] [TREE ...]. Each TREE is a checkout of
smmplan (default: this one), put first on PYTHONPATH, so that two trees (main's and a branch's)
are measured in the same minute by the same interpreter. Everything runs in tests/benchmark.py's
environment (bytecode cached in its PYCACHEPREFIX, NO_COLOR, COLUMNS=120) on its 40-post plan,
one run of every command per round:

- in process, a fresh process per tree and round: the JSON check run first (as the command runs
  it), then the text path's own parts in CPU time: rich's import, smmplan.report.text's, the
  console, the report rendered (first and second time); and the yardstick's import in a process
  of its own (`import typer`, then rich's four modules);
- whole processes: `check --format json` and `check` of every tree, `import typer` and `import
  typer; import rich.console, rich.padding, rich.table, rich.text`; wall and CPU medians, and
  the median of each round's difference (the benchmark's target: text - json <= rich's import).

On a machine other jobs load, the CPU figures are the ones to read: wall-clock medians of
processes that differ by a few milliseconds move by tens.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from benchmark import PYCACHE, SMALL_POSTS, _env, _tool, plan_text  # noqa: E402

RICH = "import rich.console, rich.padding, rich.table, rich.text"

# the text path's parts after the check, in one fresh process (the tree first on sys.path)
PIECES = f"""
import contextlib, gc, io, sys, time
from smmplan import cli, report
gc.disable()  # as the command runs
results = []
build = report.get
def get(*args, **kwargs):  # the JSON reporter, keeping the checked plans instead of writing them
    reporter = build(*args, **kwargs)
    reporter.render = lambda plans, out: results.extend(plans)
    return reporter
report.get = get
sys.argv = ["smmplan", "check", "--format", "json", sys.argv[1]]
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    cli.main()
from smmplan.locale import speaking
clock = time.process_time
t0 = clock()
{RICH}
t1 = clock()
from smmplan.report import text
t2 = clock()
console = text.make_console(io.StringIO())
t3 = clock()
times = []
for _ in range(2):
    t = clock()
    with speaking("en"):
        text.TextReporter().render(results, io.StringIO())
    times.append(clock() - t)
print(*(1000 * x for x in (t1 - t0, t2 - t1, t3 - t2, *times)))
"""
YARDSTICK = f"import time, typer\nt = time.process_time()\n{RICH}\nprint(1000 * (time.process_time() - t))"
PARTS = ("rich's import", "report.text", "console", "first render", "second render")


def run(argv: list[str], env: dict[str, str], cwd: str) -> tuple[float, float, str]:
    """Wall and CPU time of one process (ms), and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"bench_text: {' '.join(argv[:3])}... exited {proc.returncode}:\n{proc.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return 1000 * wall, 1000 * cpu, proc.stdout


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("trees", nargs="*", default=[str(Path(__file__).resolve().parent.parent)])
    args = ap.parse_args(argv)
    py = sys.executable
    smmplan = [_tool("smmplan")]  # this interpreter's; each tree comes first on PYTHONPATH
    base = _env()
    envs = {tree: {**base, "PYTHONPATH": tree} for tree in args.trees}
    median = statistics.median
    with tempfile.TemporaryDirectory(prefix="smmplan-bench-text-") as tmp:
        Path(tmp, "small.yaml").write_text(plan_text(SMALL_POSTS, seed=2, defects=1), encoding="utf-8")
        whole = {}
        for tree, env in envs.items():
            whole[(tree, "json")] = ([*smmplan, "check", "--format", "json", "small.yaml"], env)
            whole[(tree, "text")] = ([*smmplan, "check", "small.yaml"], env)
        whole[("typer", "")] = ([py, "-c", "import typer"], base)
        whole[("typer+rich", "")] = ([py, "-c", f"import typer; {RICH}"], base)
        for cmd, env in whole.values():  # bytecode into PYCACHE, files into the cache; not timed
            run(cmd, env, tmp)
        pieces = {tree: [] for tree in envs}
        yardstick, wall, cpu = [], {k: [] for k in whole}, {k: [] for k in whole}
        for _ in range(args.rounds):
            yardstick.append(float(run([py, "-c", YARDSTICK], base, tmp)[2]))
            for tree, env in envs.items():
                pieces[tree].append([float(x) for x in run([py, "-c", PIECES, "small.yaml"], env, tmp)[2].split()])
            for key, (cmd, env) in whole.items():
                w, c, _ = run(cmd, env, tmp)
                wall[key].append(w)
                cpu[key].append(c)
    print(f"{args.rounds} rounds; bytecode cached in {PYCACHE}\n")
    y = median(yardstick)
    print(f"in process (CPU ms, medians): rich's import after typer's alone {y:.2f}")
    for tree, rows in pieces.items():
        parts = [median(col) for col in zip(*rows)]
        own = [sum(r[1:4]) for r in rows]
        print(f"  {tree}: " + ", ".join(f"{n} {v:.2f}" for n, v in zip(PARTS, parts)))
        print(f"    the text path's own (module, console, first render) {median(own):.2f}; with rich's import "
              f"{median([sum(r[:4]) for r in rows]):.2f} = {median([sum(r[:4]) for r in rows]) / y:.2f}x the yardstick")
    print("\nwhole processes (ms): wall median / CPU median")
    for key in whole:
        print(f"  {' '.join(key).strip():<40} {median(wall[key]):7.1f} / {median(cpu[key]):7.1f}")
    rounds = range(args.rounds)
    for clock, times in (("wall", wall), ("CPU", cpu)):
        rich = median([times[("typer+rich", "")][i] - times[("typer", "")][i] for i in rounds])
        for tree in envs:
            extra = median([times[(tree, "text")][i] - times[(tree, "json")][i] for i in rounds])
            print(f"  {clock}, each round's text - json, median: {tree} {extra:.1f} against rich's import {rich:.1f} "
                  f"= {extra / rich:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
