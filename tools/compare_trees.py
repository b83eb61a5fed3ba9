"""Two source trees of smmplan, the same commands, run alternately: before and after in the same minute.

    git archive main | tar -x -C /tmp/main-tree     # then build its C loader, or copy the built one in:
    cp smmplan/_fastyaml*.so /tmp/main-tree/smmplan/
    python tools/compare_trees.py main=/tmp/main-tree branch=. --rounds 9 big folder

On a machine other jobs share, wall times move by more than the differences looked for; the CPU
time (user + system) of each run, and the fastest of the rounds, move least. Each round runs every
command once in each tree, the trees' order alternating from round to round. The commands are
those of tests/benchmark.py, on its inputs (generated once, or kept with --inputs), in its
environment (bytecode cached, a cache of each tree's own), each tree first on PYTHONPATH and the
command entered through ``smmplan.__main__.run`` as the installed `smmplan` is.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import benchmark  # noqa: E402

COMMANDS = {  # name -> the check's arguments (input names as make_inputs() gives them)
    "big": ["check", "--format", "json", "big.yaml"],
    "linked": ["check", "--format", "json", "linked.yaml"],
    "small": ["check", "--format", "json", "small.yaml"],
    "folder": ["check", "--format", "json", "plans"],
}
ENTRY = "import sys; sys.argv = ['smmplan', *sys.argv[1:]]; from smmplan.__main__ import run; run()"


def run(tree: Path, args: list[str], cwd: Path, cache: str) -> tuple[float, float]:
    """One run of the command in `tree`: its wall and CPU time, in seconds."""
    env = dict(benchmark._env(), PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=cache)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", ENTRY, *args], cwd=cwd, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("trees", nargs=2, metavar="NAME=PATH", help="the two trees, e.g. main=/tmp/main-tree branch=.")
    ap.add_argument("commands", nargs="*", default=[], choices=[[], *COMMANDS], metavar="COMMAND",
                    help=f"of {', '.join(COMMANDS)} (default: big folder)")
    ap.add_argument("--rounds", type=int, default=9)
    ap.add_argument("--inputs", metavar="DIR", help="generate the inputs into DIR and keep them (or reuse them)")
    args = ap.parse_intermixed_args(argv)
    trees = {name: Path(path).resolve() for name, path in (t.split("=", 1) for t in args.trees)}
    commands = args.commands or ["big", "folder"]
    with tempfile.TemporaryDirectory(prefix="smmplan-trees-") as tmp:
        root = Path(args.inputs or tmp)
        if not (root / "big.yaml").exists():
            benchmark.make_inputs(root)
        caches = {name: os.path.join(tmp, f"pycache-{name}") for name in trees}
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for c in commands:  # warm the file cache and each tree's bytecode: not counted
            for name, tree in trees.items():
                run(tree, COMMANDS[c], root, caches[name])
        for r in range(args.rounds):
            order = list(trees) if r % 2 == 0 else list(trees)[::-1]
            for c in commands:
                for name in order:
                    times.setdefault((c, name), []).append(run(trees[name], COMMANDS[c], root, caches[name]))
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {args.rounds} rounds, load average "
          f"{os.getloadavg()[0]:.1f}; {benchmark.machine()}")
    print(f"{'command':<8} {'tree':<10} {'wall min':>9} {'median':>7} {'CPU min':>8} {'median':>7}  (ms)")
    for c in commands:
        for name in trees:
            wall = [w * 1000 for w, _ in times[c, name]]
            cpu = [u * 1000 for _, u in times[c, name]]
            print(f"{c:<8} {name:<10} {min(wall):>9.0f} {statistics.median(wall):>7.0f} {min(cpu):>8.0f} "
                  f"{statistics.median(cpu):>7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
