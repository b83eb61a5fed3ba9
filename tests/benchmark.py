"""smmplan against yamllint and the bare YAML loader, side by side.

    python tests/benchmark.py            # full run (about three minutes)
    python tests/benchmark.py --quick    # fewer repeats, yamllint once on the big inputs
    python tests/benchmark.py --repeats 7 --start-repeats 31 --keep /tmp/smmplan-bench

Generates the inputs in a temporary directory (a 20,000-post plan of about
3.7 MB; a 20,000-post plan of the scheduler-export shape, every post linking
a page of its own, 4.8 MB; one 40-post plan; a folder of 300 small plans),
then runs every
command the same number of times, interleaved (one round runs each command
once, every other round in the reverse order), so that load from other
processes on the machine hits all of them alike; the start-up measures (the
40-post plan's checks and their yardsticks, a few milliseconds apart) run
more rounds than the rest. Prints the median wall time of each command, the ratios the
performance issues set as targets with PASS/FAIL (Russian against English on
the small plan among them), the peak memory of the
checks of both big plans, and the machine.

Not a test module (the name does not start with ``test_``, and
``collect_ignore`` in conftest.py keeps pytest away from it): timings do not
belong in the test suite. yamllint comes with ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

BIG_POSTS = 20_000
SMALL_POSTS = 40
PAGE_POSTS = 1_000  # `smmplan page`: a 1,000-post plan's page is written in under 1 s
FOLDER_PLANS = 300
START = dt.date(2027, 1, 4)  # a Monday, after the plans' creation date

# --- input generation ------------------------------------------------------------

# One four-week block of the golden formula (40/30/25/5): 8 engaging, 6 user
# content, 5 educational, 1 advertising in 20 posts, five a week.
_GOLDEN_BLOCK = (
    "engaging", "user_generated", "educational", "engaging", "user_generated",
    "engaging", "educational", "user_generated", "engaging", "advertising",
    "engaging", "user_generated", "educational", "engaging", "user_generated",
    "engaging", "educational", "user_generated", "engaging", "educational",
)
# 50-30-20 over ten posts, two weeks.
_FIFTY_BLOCK = (
    "engaging", "educational", "promotional", "engaging", "educational",
    "engaging", "engaging", "educational", "promotional", "engaging",
)
_TITLES = {
    "engaging": ("Poll: {a} or {b}?", "{a} for {season}? Vote", "Guess the origin: {a}", "Your {season} song",
                 "Quiz: {a}"),
    "user_generated": ("Guest photo: {a}", "Your {a} stories", "A regular on {a}", "Contest: {a}"),
    "educational": ("How to brew {a}", "{a} vs {b}", "Storing {a}", "Backstage: {a}"),
    "advertising": ("{season} menu: pre-order {a}", "{a} for two, weekend only"),
    "promotional": ("Try {a} free for 14 days", "Webinar: {a} for teams"),
}
_WORDS = ("V60", "cold brew", "flat white", "mocha", "espresso", "oat latte", "light roast", "dark roast",
          "Ethiopia", "Colombia", "gingerbread", "cardamom bun", "kanban", "sprints", "timesheets", "sourdough",
          "rye bread", "croissants")
_HANDLES = ("anna.brews", "oleg.k", "kitchen.mila", "dasha_reads", "coffee.ivan", "bakerlena", "pm.sergey")
_SEASONS = ("winter", "spring", "summer", "autumn")
_CHANNELS = ("instagram", "telegram", "vk")
_TIMES = ("10:30", "18:00", "12:00", "19:00", "11:00")


def plan_text(posts: int, seed: int = 0, brand: str = "Coffee Lab", defects: int = 0, linked: bool = False) -> str:
    """A realistic plan: a header like the shipped examples and `posts` posts,
    five a week, each with date, time, channel, type, title and a link with UTM tags (user
    content: its author instead).

    ``linked``: the shape of a plan made in a scheduler export: every post links
    a page of its own (user content too, beside its author), posts alternate
    between two channels, and each link carries the channel, the medium, the
    week's campaign and the post (utm_content).

    The mix is compliant block by block; ``defects`` sprinkles a few common
    mistakes (a typo in a type, a repeated title, an extra ad) so that the
    report has findings whose lines can be checked."""
    rng = random.Random(seed)
    golden = seed % 5 != 4
    block = _GOLDEN_BLOCK if golden else _FIFTY_BLOCK
    site = "".join(w[0] for w in brand.lower().split()) + ".example"
    out = [
        f"# {brand}: generated plan #{seed} for the smmplan benchmark.\n",
        f"brand: {brand}\n",
        f"start: {START.isoformat()}\n",
        "language: en\n",
        "channels: [instagram, telegram, vk]\n",
        f"formula: {'golden' if golden else '50-30-20'}\n",
        "tolerance: 5\n\n",
        "client:\n",
        f"  name: {brand} LLC\n",
        f"  contact: maria@{site}\n",
        "  approver: Maria Ivanova\n\n",
        "goals:\n",
        "  - kind: loyalty\n",
        "    description: A community that comes back every week\n",
        "    kpis:\n",
        "      - metric: engagement_rate\n",
        "        target: 4%\n",
        "        basis: reach\n",
        "        source: Instagram Insights\n",
        "  - kind: traffic\n",
        "    description: Visits to the site from the posts\n",
        "    kpis:\n",
        "      - metric: site_clicks\n",
        f"        target: {max(100, posts * 30)}\n",
        "        source: GA4\n\n",
        "tactics:\n",
        "  - Targeted ads for the season's offer, through the ads manager\n",
        "  - name: Review requests\n",
        "    kind: review_request\n",
        "    description: Ask real guests for a review on the receipt QR code\n\n",
        "posts:\n",
    ]
    broken = set(rng.sample(range(posts), min(defects, posts)))
    for i in range(posts):
        week, day = divmod(i, 5)
        date = START + dt.timedelta(days=7 * week + day)
        kind = block[i % len(block)]
        channel = _CHANNELS[i % 2] if linked else _CHANNELS[(i + week) % len(_CHANNELS)]
        a, b = rng.sample(_WORDS, 2)
        title = rng.choice(_TITLES[kind]).format(a=a, b=b, season=_SEASONS[(date.month % 12) // 3])
        title = f"{title} ({i + 1})"
        typ = kind
        if i in broken:
            flaw = rng.randrange(3)
            if flaw == 0:
                typ = kind[:-2] + kind[-1]  # educatonal, engagng...
            elif flaw == 1 and i:
                title = prev_title
            else:
                typ = "advertising" if golden else "promotional"
        if '"' not in title and ":" in title:
            title = f'"{title}"'
        author = (f"  author: \"@{_HANDLES[i % len(_HANDLES)]}, shared with permission\"\n"
                  if kind == "user_generated" else "")
        if linked:
            link = (f"  link: https://{site}/p/{i + 1}?utm_source={channel}&utm_medium=social"
                    f"&utm_campaign=w{week + 1}&utm_content=post-{i + 1}\n")
        else:
            link = "" if author else f"  link: https://{site}/?utm_source={channel}&utm_medium=social&utm_campaign=w{week + 1}\n"
        out.append(
            f"- date: {date.isoformat()}\n"
            f"  time: {_TIMES[day]}\n"
            f"  channel: {channel}\n"
            f"  type: {typ}\n"
            f"  title: {title}\n"
            + author + link
        )
        prev_title = title
    return "".join(out)


def make_inputs(root: Path, big_posts: int = BIG_POSTS) -> dict[str, Path]:
    root.mkdir(parents=True, exist_ok=True)
    big = root / "big.yaml"
    big.write_text(plan_text(big_posts, seed=1, defects=20), encoding="utf-8")
    linked = root / "linked.yaml"
    linked.write_text(plan_text(big_posts, seed=3, defects=20, linked=True), encoding="utf-8")
    small = root / "small.yaml"
    small.write_text(plan_text(SMALL_POSTS, seed=2, defects=1), encoding="utf-8")
    page = root / "page.yaml"
    page.write_text(plan_text(PAGE_POSTS, seed=3, defects=5), encoding="utf-8")
    folder = root / "plans"
    folder.mkdir(exist_ok=True)
    brands = ("Coffee Lab", "Kolosok Bakery", "Taskwise", "Green Yard", "Bike Hub")
    for k in range(FOLDER_PLANS):
        rng = random.Random(1000 + k)
        (folder / f"plan-{k:03d}.yaml").write_text(
            plan_text(rng.randrange(20, 41), seed=1000 + k, brand=brands[k % len(brands)],
                      defects=int(rng.random() < 0.2)),
            encoding="utf-8",
        )
    return {"big": big, "linked": linked, "small": small, "folder": folder, "page": page}


# --- running ------------------------------------------------------------------------


@dataclass
class Command:
    name: str
    argv: list[str]
    slow: bool = False  # yamllint on the big inputs: fewer repeats in --quick
    start: bool = False  # a start-up measure (the 40-post plan and its yardsticks): more repeats
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system time of each run

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        """The CPU time a run takes: on a machine other processes load, a steadier figure than
        the wall time for differences of a few milliseconds."""
        return statistics.median(self.cpu) if self.cpu else float("nan")


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)
    if not found:
        sys.exit(f"benchmark: `{name}` is not installed; run `pip install -e '.[bench]'`.")
    return found


# Bytecode is cached for every command, as an installed package's is: with
# PYTHONDONTWRITEBYTECODE set (as in some CI and sandbox shells) an editable
# install would recompile smmplan's own modules on every run, some 50 ms that
# no user pays. The cache goes to a directory of its own, not the source tree.
PYCACHE = os.path.join(tempfile.gettempdir(), "smmplan-bench-pycache")


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SMMPLAN", "GITHUB_")) and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(NO_COLOR="1", COLUMNS="120", PYTHONPYCACHEPREFIX=PYCACHE)
    return env


def _run(argv: list[str], cwd: Path, cpu: list[float] | None = None) -> tuple[float, subprocess.CompletedProcess]:
    """Run `argv` once: its wall time and the process; its CPU time (user + system) is added to `cpu`."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if cpu is not None:
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):  # 1: findings (smmplan) or problems (yamllint)
        sys.exit(f"benchmark: {' '.join(argv)} exited {proc.returncode}:\n{proc.stderr.decode()[-2000:]}")
    return elapsed, proc


_PEAK = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_mib(argv: list[str], cwd: Path) -> float:
    """Peak resident memory of one run of `argv`, in MiB: ru_maxrss of the
    children of a fresh interpreter whose only child is that run."""
    out = subprocess.run([sys.executable, "-c", _PEAK, *argv], cwd=cwd, env=_env(),
                         capture_output=True, text=True, check=True).stdout
    kib = int(out.strip().splitlines()[-1])
    return kib / 1024 if sys.platform != "darwin" else kib / 2**20  # macOS reports bytes


def imports_of(argv: list[str], cwd: Path) -> set[str]:
    """Top-level packages a Python command imports (`-X importtime`)."""
    proc = subprocess.run([sys.executable, "-X", "importtime", *argv], cwd=cwd, env=_env(),
                          capture_output=True, text=True)
    mods = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            mods.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return mods


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()} "
            f"({platform.python_implementation()}), {platform.system()} {platform.release()}")


def versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for pkg in ("smmplan", "yamllint", "PyYAML", "pydantic", "typer", "rich"):
        try:
            out.append(f"{pkg} {version(pkg)}")
        except PackageNotFoundError:
            out.append(f"{pkg} -")
    return ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=5, help="runs of each command (default 5; 3 with --quick)")
    ap.add_argument("--start-repeats", type=int, default=21,
                    help="runs of each start-up measure: the 40-post plan's checks and their yardsticks, "
                         "whose differences of a few milliseconds five runs do not settle (default 21; 7 with "
                         "--quick)")
    ap.add_argument("--quick", action="store_true",
                    help="3 runs of the fast commands and 1 of yamllint on the big plan and the folder")
    ap.add_argument("--keep", metavar="DIR", help="generate the inputs into DIR and keep them")
    ap.add_argument("--json", metavar="FILE", help="also write the medians and verdicts to FILE")
    args = ap.parse_args(argv)
    repeats = args.repeats if not args.quick or args.repeats != 5 else 3
    slow_repeats = 1 if args.quick else repeats
    start_repeats = max(repeats, args.start_repeats if not args.quick or args.start_repeats != 21 else 7)

    smmplan, yamllint, py = _tool("smmplan"), _tool("yamllint"), sys.executable
    with tempfile.TemporaryDirectory(prefix="smmplan-bench-") as tmp:
        root = Path(args.keep or tmp)
        print(f"Generating inputs in {root} ...", flush=True)
        inputs = make_inputs(root)
        big, linked, small, folder, page = (str(inputs[k].relative_to(root))
                                            for k in ("big", "linked", "small", "folder", "page"))
        load_big = f"import yaml; yaml.load(open({big!r}, 'rb'), Loader=yaml.CSafeLoader)"
        cmds = {c.name: c for c in (
            Command("smmplan big", [smmplan, "check", "--format", "json", big]),
            Command("smmplan linked", [smmplan, "check", "--format", "json", linked]),
            Command("yamllint big", [yamllint, "-d", "relaxed", big], slow=True),
            Command("CSafeLoader big", [py, "-c", load_big]),
            Command("smmplan small", [smmplan, "check", "--format", "json", small], start=True),
            Command("smmplan small text", [smmplan, "check", small], start=True),
            # the same check with its messages in Russian, against English named as such (not the
            # locale's): what reading the Russian catalogue and dates costs at start-up
            Command("smmplan small --lang ru", [smmplan, "check", "--format", "json", "--lang", "ru", small],
                    start=True),
            Command("smmplan small --lang en", [smmplan, "check", "--format", "json", "--lang", "en", small],
                    start=True),
            Command("yamllint small", [yamllint, "-d", "relaxed", small], start=True),
            Command("import typer+yaml+pydantic", [py, "-c", "import typer, yaml; from pydantic import BaseModel"],
                    start=True),
            Command("import typer", [py, "-c", "import typer"], start=True),
            # what report/text.py imports of rich, after typer (which the CLI has loaded anyway)
            Command("import typer+rich", [py, "-c", "import typer; import rich.console, rich.padding, rich.table, "
                                          "rich.text"], start=True),
            Command("smmplan --version", [smmplan, "--version"], start=True),
            Command("smmplan folder", [smmplan, "check", "--format", "json", folder]),
            Command("yamllint folder", [yamllint, "-d", "relaxed", folder], slow=True),
            # the client page of a 1,000-post plan (replacing its own page from the round before),
            # against checking the same plan (json): what the page adds to the check
            Command("smmplan page 1000", [smmplan, "page", page, "-o", "page.html"]),
            Command("smmplan check 1000", [smmplan, "check", "--format", "json", page]),
        )}
        size = inputs["big"].stat().st_size
        print(f"big plan: {BIG_POSTS:,} posts, {size / 1e6:.2f} MB; linked plan: {BIG_POSTS:,} posts, "
              f"{inputs['linked'].stat().st_size / 1e6:.2f} MB; small plan: {SMALL_POSTS} posts; "
              f"folder: {FOLDER_PLANS} plans", flush=True)
        for c in cmds.values():  # warm the file cache and the .pyc files (PYCACHE); not timed
            _run(c.argv, root) if not c.slow else None
        rounds = max(repeats, slow_repeats, start_repeats)
        for r in range(rounds):
            print(f"round {r + 1}/{rounds} ...", flush=True)
            # interleaved, one run of each command per round, every other round in the reverse
            # order: no command always follows the same one (a big plan's run leaves the caches
            # and the clock speed to the command after it)
            for c in (list(cmds.values()) if r % 2 == 0 else list(cmds.values())[::-1]):
                if r < (slow_repeats if c.slow else start_repeats if c.start else repeats):
                    c.times.append(_run(c.argv, root, c.cpu)[0])

        _, proc = _run(cmds["smmplan big"].argv, root)
        findings = json.loads(proc.stdout)["findings"]
        unlocated = [f for f in findings if not f.get("line")]
        peaks = [peak_mib(cmds["smmplan big"].argv, root) for _ in range(min(3, repeats))]
        linked_peaks = [peak_mib(cmds["smmplan linked"].argv, root) for _ in range(min(3, repeats))]
        version_imports = imports_of(["-m", "smmplan", "--version"], root)

    m = {name: c.median for name, c in cmds.items()}
    print(f"\nMachine: {machine()}\n{versions()}\n")
    print(f"{'command':<30} {'median':>10}   runs")
    for c in cmds.values():
        print(f"{c.name:<30} {c.median * 1000:>8.0f} ms   {len(c.times)}")
    peak, linked_peak = statistics.median(peaks), statistics.median(linked_peaks)
    checks = [
        ("big plan: yamllint / smmplan", m["yamllint big"] / m["smmplan big"], ">=", 25, "x"),
        ("big plan: CSafeLoader process / smmplan", m["CSafeLoader big"] / m["smmplan big"], ">=", 3, "x"),
        ("big plan: peak memory (MiB)", peak, "<", 120, ""),
        ("linked plan: peak memory (MiB)", linked_peak, "<", 120, ""),
        ("big plan: findings without a line", len(unlocated), "==", 0, ""),
        ("small plan: smmplan json / typer+yaml+pydantic import",
         m["smmplan small"] / m["import typer+yaml+pydantic"], "<=", 1.6, "x"),
        ("small plan: (text - json) / rich's import",
         (m["smmplan small text"] - m["smmplan small"]) / (m["import typer+rich"] - m["import typer"]), "<=", 1, "x"),
        ("small plan: Russian - English, json (ms)",
         (m["smmplan small --lang ru"] - m["smmplan small --lang en"]) * 1000, "<=", 10, " ms"),
        ("smmplan --version / import typer", m["smmplan --version"] / m["import typer"], "<=", 1.2, "x"),
        ("smmplan --version imports pydantic or rich", len(version_imports & {"pydantic", "rich"}), "==", 0, ""),
        ("folder of 300: yamllint / smmplan", m["yamllint folder"] / m["smmplan folder"], ">=", 20, "x"),
        ("1,000-post plan: page written (s)", m["smmplan page 1000"], "<", 1.0, ""),
    ]
    ops = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, "<": lambda a, b: a < b,
           "==": lambda a, b: a == b}
    print(f"\n{'target':<55} {'measured':>10} {'target':>10}  verdict")
    verdicts = []
    for name, value, op, target, unit in checks:
        ok = ops[op](value, target)
        verdicts.append({"target": name, "measured": value, "op": op, "goal": target, "pass": ok})
        shown = f"{value:.2f}{unit}" if isinstance(value, float) else str(value)
        print(f"{name:<55} {shown:>10} {op + ' ' + str(target) + unit:>10}  {'PASS' if ok else 'FAIL'}")
    print(f"\nsmall plan, text report: {m['smmplan small text'] * 1000:.0f} ms "
          f"(json {m['smmplan small'] * 1000:.0f} ms; rich's import after typer "
          f"{(m['import typer+rich'] - m['import typer']) * 1000:.0f} ms); "
          f"yamllint on it: {m['yamllint small'] * 1000:.0f} ms")
    ru, en = cmds["smmplan small --lang ru"], cmds["smmplan small --lang en"]
    print(f"small plan in Russian: {ru.median * 1000:.0f} ms, in English {en.median * 1000:.0f} ms "
          f"({ru.median / en.median:.3f}x); CPU time {ru.cpu_median * 1000:.1f} ms against "
          f"{en.cpu_median * 1000:.1f} ms ({(ru.cpu_median - en.cpu_median) * 1000:+.1f} ms, "
          f"{ru.cpu_median / en.cpu_median:.3f}x)")
    print(f"1,000-post page: {m['smmplan page 1000'] * 1000:.0f} ms, {m['smmplan page 1000'] / m['smmplan check 1000']:.2f}x "
          f"the json check of the same plan ({m['smmplan check 1000'] * 1000:.0f} ms)")
    print(f"big plan: {len(findings)} findings, peak memory of {len(peaks)} runs: "
          + ", ".join(f"{p:.0f}" for p in peaks) + " MiB; linked plan: "
          + ", ".join(f"{p:.0f}" for p in linked_peaks) + f" MiB, {m['smmplan linked'] * 1000:.0f} ms")
    if args.json:
        Path(args.json).write_text(json.dumps({"machine": machine(), "versions": versions(), "medians_s": m,
                                               "cpu_medians_s": {n: c.cpu_median for n, c in cmds.items()},
                                               "peak_mib": peak, "linked_peak_mib": linked_peak,
                                               "targets": verdicts}, indent=2))
    return 0 if all(v["pass"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
