"""Benchmark of the honesty scan (not part of the test run).

    /work/venv/bin/python tests/bench_honesty.py [POSTS]

Times, in one fresh process: reading the lexicon (roles and rules), the
scan of POSTS post titles (default 20,000) in two mixes, and the whole honesty
family on a plan of that many posts, already loaded. Mixes:

- realistic: the titles of the shipped plans, 1 % banned phrases from the corpus;
- near-miss: only the corpus's legitimate phrases (every one a hard neighbour of
  a banned phrase, full of words such as bot, reviews, followers), 1 % banned:
  the worst case for the word index, which then reads most titles in full;
- odd characters: the realistic titles numbered "Пост №N…", characters NFKC
  changes ("№" becomes "No", "…" three dots), so the offset-mapping path runs.

Medians of 5 runs (the first run pays for looking up the words it meets; it
is shown on its own). Times are CPU time of this process (time.process_time),
which other load on the machine disturbs less than the wall clock.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def titles(n: int, mix: str = "realistic") -> list[str]:
    corpus = yaml.safe_load((ROOT / "tests/data/honesty_corpus.yaml").read_text(encoding="utf-8"))
    legit = [c["text"] for c in corpus["phrases"] if c["expect"] == "ok"]
    banned = [c["text"] for c in corpus["phrases"] if c["expect"] != "ok"]
    shipped = []
    for plan in sorted((ROOT / "plans").glob("*.yaml")):
        shipped += [p["title"] for p in yaml.safe_load(plan.read_text(encoding="utf-8"))["posts"]]
    rnd = random.Random(7)
    pool = legit if mix == "near-miss" else shipped
    if mix == "odd characters":
        return [rnd.choice(banned) if rnd.random() < 0.01 else f"Пост №{i}… {rnd.choice(pool)}" for i in range(n)]
    return [rnd.choice(banned) if rnd.random() < 0.01 else f"{rnd.choice(pool)} {i}" for i in range(n)]


def plan_text(items: list[str]) -> str:
    lines = ["brand: Bench", "formula: golden", "posts:"]
    for i, title in enumerate(items):
        day = 1 + i % 28
        lines.append(f"  - date: 2026-12-{day:02d}\n    type: engaging\n    title: {yaml.safe_dump(title, allow_unicode=True, width=10**6).strip().removesuffix('...').strip()}")
    return "\n".join(lines) + "\n"


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    items = titles(n)
    t0 = time.process_time()
    from smmplan.rules import honesty

    honesty.lexicon()
    t1 = time.process_time()
    print(f"import + read lexicon: {(t1 - t0) * 1000:.1f} ms ({len(honesty.lexicon().rules)} rules)")

    for mix in ("realistic", "near-miss", "odd characters"):
        batch = titles(n, mix)
        runs = []
        for _ in range(6):
            t = time.process_time()
            hits = honesty.scan(batch)
            runs.append(time.process_time() - t)
        print(f"scan {n:,} titles, {mix}: first {runs[0] * 1000:.1f} ms, then median "
              f"{statistics.median(runs[1:]) * 1000:.1f} ms, {len(hits)} hits")

    from smmplan import engine
    from smmplan.config import Settings

    data = plan_text(items).encode("utf-8")
    result = engine.check_bytes(data, "bench.yaml", Settings())
    doc, plan = result.doc, result.plan
    ctx = engine._context("bench.yaml", doc, plan, Settings(), [])
    family = []
    for _ in range(5):
        t = time.process_time()
        problems = list(honesty.check(ctx))
        family.append(time.process_time() - t)
    print(f"honesty family on a {n:,}-post plan (loaded): median {statistics.median(family) * 1000:.1f} ms, "
          f"{len(problems)} findings")


if __name__ == "__main__":
    main()
