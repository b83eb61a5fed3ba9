"""The fast paths give the answers the plain ones would.

The loader builds its tree straight from libyaml's events with parser marks
kept lazily, and the mix arithmetic caches answers and compares distances as
integers. Both are checked here against straightforward references: the
tree and positions that ``yaml.compose`` (PyYAML's pure-Python composer)
gives, and the whole-number arithmetic written with plain Fractions. Plus
the start-up contract: ``smmplan --version`` and the JSON report load
neither pydantic nor rich where they need not. (Timings live in
tests/benchmark.py, not here.)
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from fractions import Fraction as F
from itertools import product

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan import formulas, loader
from tests.benchmark import plan_text
from tests.conftest import PLANS

# --- loader against yaml.compose -------------------------------------------------

MERGE_TAG = "tag:yaml.org,2002:merge"


def reference(text: str):
    """(data, {path: (line, column)}, {path: key (line, column)}) from yaml.compose."""
    positions: dict[tuple, tuple[int, int]] = {}
    key_positions: dict[tuple, tuple[int, int]] = {}

    def at(node) -> tuple[int, int]:
        return (node.start_mark.line + 1, node.start_mark.column + 1)

    def build(node, path: tuple):
        positions[path] = at(node)
        if isinstance(node, yaml.ScalarNode):
            plain_null = node.style is None and node.tag == "tag:yaml.org,2002:null"
            return None if plain_null else node.value
        if isinstance(node, yaml.SequenceNode):
            return [build(item, path + (i,)) for i, item in enumerate(node.value)]
        data: dict = {}
        merges = []
        for knode, vnode in node.value:
            if knode.tag == MERGE_TAG:
                merges.append(vnode)
                continue
            key = build(knode, ("<key>",))
            data[key] = build(vnode, path + (key,))
            key_positions[path + (key,)] = at(knode)
        for vnode in merges:  # explicit keys win, then earlier sources
            for src in vnode.value if isinstance(vnode, yaml.SequenceNode) else [vnode]:
                for knode, item in src.value:
                    key = knode.value
                    if key not in data:
                        data[key] = build(item, path + (key,))
                        key_positions[path + (key,)] = at(knode)
        return data

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    data = build(root, ()) if root is not None else None
    positions.pop(("<key>",), None)
    return data, positions, key_positions


TRICKY = {
    "flow and block mixed": """\
        brand: Coffee Lab   # a comment
        channels: [instagram, telegram]
        posts:
          - {date: 2026-12-01, type: ugc, title: "Photo: latte", tags: [a, [b, c]]}
          - date: 2026-12-02

            type: engaging
            title: 'It''s a poll'
        """,
    "scalars of every style": """\
        plain: a plain
          scalar over two lines
        folded: >
          folded text
          on lines
        literal: |-
          line one
            indented
        quoted: "tab\\t, unicode \\u00e9, emoji 🎉"
        single: 'single ''quoted'''
        nulls: [~, null, Null, NULL, '', "~", 'null']
        empty:
        traps: [10:30, NO, 0123, 1e3, yes, 2026-12-01]
        кириллица: Пекарня «Колосок»
        """,
    "anchors, aliases, merges": """\
        defaults: &d {channel: vk, type: engaging}
        extra: &e
          status: draft
          channel: telegram
        list: &l [one, two]
        posts:
          - <<: *d
            date: 2026-12-01
            title: One
          - <<: [*e, *d]
            type: educational
            title: Two
          - {title: *l, <<: *d, channel: ok}
        """,
    "one anchor under several keys": """\
        base: &b {type: engaging, channel: vk}
        copy: *b
        nested:
          again:   *b
          seq: [*b, *b]
          list: &l
            - x
        scalar: &s text
        other:
          *s
        more: *l
        """,
    "nesting and top-level keys": """\
        ---
        goals:
          - kind: traffic
            kpis:
              - metric: site_clicks
                target: 10
              -
                metric: reach
        matrix:
        - - 1
          - - 2
            - 3
        - []
        - {}
        ? explicit key
        : explicit value
        ...
        """,
}


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, prefix + (i,))


def assert_same_as_reference(text: str) -> None:
    doc = loader.load(text.encode("utf-8"))
    assert not doc.problems, doc.problems
    data, positions, key_positions = reference(text)
    assert doc.data == data
    for path in _paths(data):
        assert doc.locate(path) == positions[path], path
        if path in key_positions:
            assert doc.locate(path, at_key=True) == key_positions[path], path
        # past the tree: the deepest node there is, as before
        assert doc.locate(path + ("missing",)) == positions[path], path


@pytest.mark.parametrize("name", TRICKY)
def test_loader_matches_yaml_compose(name):
    assert_same_as_reference(textwrap.dedent(TRICKY[name]))


@pytest.mark.parametrize("name", TRICKY)
def test_loader_matches_yaml_compose_with_crlf(name):
    assert_same_as_reference(textwrap.dedent(TRICKY[name]).replace("\n", "\r\n"))


def test_loader_matches_yaml_compose_on_shipped_and_generated_plans():
    for path in sorted(PLANS.glob("*.yaml")):
        assert_same_as_reference(path.read_text(encoding="utf-8"))
    for seed in (1, 4):  # golden and 50-30-20, with mistakes in them
        assert_same_as_reference(plan_text(120, seed=seed, defects=6))


def test_loader_leaves_no_garbage_for_the_collector():
    """The builder's closures must not keep a reference cycle (and with it the
    parser and a copy of the text) alive after the load."""
    import gc

    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        for text in (*TRICKY.values(), "a: [1\n", "a: 1\na: 2\n", "- &x [1]\n- *x\n"):
            loader.load(textwrap.dedent(text).encode())
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()


def test_a_chain_of_aliases_is_counted_expanded():
    # each level holds 10 of the previous one: 10**6 nodes at the last level
    levels = ["a: &a [" + ", ".join(["x"] * 10) + "]"]
    for prev, cur in zip("abcde", "bcdef"):
        levels.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 10) + "]")
    doc = loader.load(("\n".join(levels[:-1]) + "\n").encode())
    assert not doc.problems  # 111,111 nodes at level e: fine
    doc = loader.load(("\n".join(levels) + "\ng: [*f, *f]\n").encode())
    assert [p.code for p in doc.problems] == ["PLAN010"]


# --- mix arithmetic against plain Fractions -----------------------------------------


def ref_distance(counts, n, shares):
    return sum((abs(c - n * s) for c, s in zip(counts, shares)), F(0))


def ref_closest_splits(n, shares):
    """Brute force: every split of n at the least distance."""
    k = len(shares)
    splits = [c for c in product(range(n + 1), repeat=k) if sum(c) == n] if n <= 12 or k <= 3 else None
    if splits is None:
        return None
    best = min(ref_distance(c, n, shares) for c in splits)
    return sorted(c for c in splits if ref_distance(c, n, shares) == best)


def ref_overall_ok(counts, shares, tol):
    n = sum(counts)
    if n == 0:
        return [True] * len(counts)
    best = min(ref_distance(c, n, shares) for c in product(range(n + 1), repeat=len(counts)) if sum(c) == n)
    if ref_distance(counts, n, shares) == best:
        return [True] * len(counts)
    return [abs(F(c, n) - s) <= tol for c, s in zip(counts, shares)]


def ref_week_ok(counts, shares, tol):
    n = sum(counts)
    slack = max(F(1), n * tol)
    best = min(ref_distance(c, n, shares) for c in product(range(n + 1), repeat=len(counts)) if sum(c) == n)
    if ref_distance(counts, n, shares) == best:
        return [True] * len(counts)
    return [abs(c - n * s) <= slack for c, s in zip(counts, shares)]


SHARES = [tuple(s for _, s in f.shares) for f in formulas.PRESETS.values()] + [
    (F(1, 7), F(2, 7), F(4, 7)),
    (F(33, 100), F(33, 100), F(34, 100)),
]
TOLERANCES = [F(0), F(1, 100), F(5, 100), F(1, 10), F(1, 3)]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SHARES), st.sampled_from(TOLERANCES), st.data())
def test_cached_integer_arithmetic_agrees_with_fractions(shares, tol, data):
    counts = tuple(data.draw(st.lists(st.integers(0, 4 if len(shares) > 3 else 7),
                                      min_size=len(shares), max_size=len(shares))))
    n = sum(counts)
    assert formulas.distance(counts, n, shares) == ref_distance(counts, n, shares)
    assert formulas.overall_ok(counts, shares, tol) == ref_overall_ok(counts, shares, tol)
    if n:
        assert formulas.week_ok(counts, shares, tol) == ref_week_ok(counts, shares, tol)
    expected = ref_closest_splits(n, shares)
    if expected is not None:
        assert sorted(formulas.closest_splits(n, shares)) == expected
    # asked again (now from the cache), with equal but distinct objects: same answers
    copies = tuple(F(s.numerator, s.denominator) for s in shares)
    assert formulas.overall_ok(list(counts), copies, F(tol)) == ref_overall_ok(counts, shares, tol)


def test_cached_answers_are_copies():
    shares = SHARES[0]
    first = formulas.overall_ok((1, 1, 1, 1), shares, F(5, 100))
    first[0] = "changed"
    assert formulas.overall_ok((1, 1, 1, 1), shares, F(5, 100))[0] != "changed"
    splits = formulas.closest_splits(10, shares)
    splits.clear()
    assert formulas.closest_splits(10, shares)


# --- start-up: what the light commands import -----------------------------------------

_IMPORTED = """
import sys
from smmplan.cli import run

sys.argv = ["smmplan", *sys.argv[1:]]
try:
    run()
except SystemExit:
    pass
finally:
    sys.stdout.flush()
    print("\\nMODULES", " ".join(sorted(sys.modules)), file=sys.stderr, flush=True)
"""


def modules_imported_by(*args: str, cwd=None) -> set[str]:
    proc = subprocess.run([sys.executable, "-c", _IMPORTED, *args], capture_output=True, text=True,
                          cwd=cwd, timeout=60)
    line = next(x for x in proc.stderr.splitlines() if x.startswith("MODULES "))
    return set(line.split()[1:])


def test_version_imports_neither_pydantic_nor_rich():
    mods = modules_imported_by("--version")
    assert "typer" in mods  # the probe works
    assert not mods & {"pydantic", "pydantic_core", "rich", "yaml"}


def test_version_through_importtime_loads_no_heavy_package():
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "smmplan", "--version"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.startswith("smmplan ")
    loaded = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "typer" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("pydantic", "rich")}


def test_json_report_loads_neither_rich_nor_pyyaml(tmp_path):
    mods = modules_imported_by("check", "--format", "json", str(PLANS), cwd=tmp_path)
    assert "pydantic" in mods and "smmplan.rules.honesty" in mods  # it did check the plans
    # rich: only the text report; PyYAML: only the Python builder, for unusual YAML
    assert not mods & {"rich", "yaml"}


def test_unusual_yaml_still_reads_through_pyyaml(tmp_path):
    plan = tmp_path / "anchors.yaml"
    plan.write_text("d: &d 2026-01-05\nposts:\n  - {date: *d, type: engaging, title: Poll}\n", encoding="utf-8")
    mods = modules_imported_by("check", "--format", "json", str(plan), cwd=tmp_path)
    assert "yaml" in mods


# --- the entry point leaves other libraries and the process as they are -------------

_PLAIN_RUN = """
import atexit, os, sys
import pydantic.plugin._loader as loader_before
from smmplan.cli import run

atexit.register(lambda: print("atexit ran", flush=True))
seen = []
real_check = None


def spy():
    seen.append(os.environ.get("PYDANTIC_DISABLE_PLUGINS"))
    seen.append(sys.modules["pydantic.plugin._loader"] is loader_before)


import smmplan.engine as engine

real_check = engine.check_document


def check_document(*args, **kwargs):
    spy()
    return real_check(*args, **kwargs)


engine.check_document = check_document
sys.argv = ["smmplan", *sys.argv[1:]]
try:
    run()
finally:
    print("seen", seen, flush=True)
"""


def test_run_sets_no_environment_replaces_no_module_and_runs_exit_handlers():
    proc = subprocess.run([sys.executable, "-c", _PLAIN_RUN, "check", "--format", "json", str(PLANS)],
                          capture_output=True, text=True, timeout=60, env={
                              k: v for k, v in __import__("os").environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"})
    lines = proc.stdout.splitlines()
    seen = next(line for line in lines if line.startswith("seen "))
    # every plan was checked with the environment as the user set it, and pydantic's own plugin loader
    assert seen.startswith("seen [None, True") and set(eval(seen[5:])) == {None, True}, proc.stderr
    assert lines[-1] == "atexit ran"  # the process ends as Python ends it: exit handlers run
    assert proc.returncode in (0, 1)


def test_cli_source_patches_nothing():
    """The start-up code uses public APIs only: no stand-ins in sys.modules, no
    environment variables set, no os._exit, no typer internals."""
    import inspect

    from smmplan import cli, model

    for mod in (cli, model):
        source = inspect.getsource(mod)
        for banned in ("sys.modules[", "os.environ[", "os._exit", "registered_commands", "registered_callback",
                       "PYDANTIC_DISABLE_PLUGINS"):
            assert banned not in source, (mod.__name__, banned)


def test_version_fast_path_says_what_typer_says():
    from typer.testing import CliRunner

    from smmplan.cli import app
    from tests.conftest import run_cli

    via_typer = CliRunner().invoke(app, ["--version"])
    for flag in ("--version", "-V"):
        proc = run_cli(flag)
        assert proc.returncode == 0 and proc.stdout.decode() == via_typer.output
    # anything more on the line goes through typer as before
    proc = run_cli("--version", "check")
    assert proc.returncode == 0 and proc.stdout.decode() == via_typer.output
