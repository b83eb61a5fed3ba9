"""Property tests: the mix arithmetic against brute force for every plan of up to 12 posts,
under every preset and several tolerances; and a plan written back means the same.

The rule (MIX001) as defined: a split passes when every category is within the
tolerance of its share, or when no other split of the same number of posts lies
nearer the formula (L1 distance to n x share).
"""

from __future__ import annotations

import itertools
import re
from fractions import Fraction as F
from functools import cache

import pytest
import yaml
from hypothesis import given

from smmplan import formulas, loader, planner
from smmplan.engine import check_bytes
from smmplan.formulas import PRESETS
from tests.conftest import PLANS
from tests.test_fuzz import FUZZ, dump, plans

MAX_POSTS = 12
TOLERANCES = (F(0), F(5, 100), F(10, 100))
FORMULAS = {**PRESETS, "custom": formulas.resolve({"a": "12.5", "b": "37.5", "c": "50"})}


def shares_of(name: str) -> tuple[F, ...]:
    return tuple(s for _, s in FORMULAS[name].shares)


def splits(n: int, k: int):
    """Every way to share n posts among k categories."""
    return (s for s in itertools.product(range(n + 1), repeat=k) if sum(s) == n)


def dist(split, n, shares) -> F:
    return sum((abs(c - n * s) for c, s in zip(split, shares)), F(0))


@cache
def closest(name: str, n: int) -> tuple[F, frozenset]:
    shares = shares_of(name)
    best = min(dist(s, n, shares) for s in splits(n, len(shares)))
    return best, frozenset(s for s in splits(n, len(shares)) if dist(s, n, shares) == best)


def within(split, shares, tol) -> list[bool]:
    n = sum(split)
    return [abs(F(c, n) - s) <= tol for c, s in zip(split, shares)]


def rule(name: str, split, tol) -> list[bool]:
    """MIX001 per category, straight from its definition."""
    n = sum(split)
    if n == 0 or split in closest(name, n)[1]:
        return [True] * len(split)
    return within(split, shares_of(name), tol)


@pytest.mark.parametrize("name", FORMULAS)
def test_closest_splits_and_is_closest_split_against_brute_force(name):
    shares = shares_of(name)
    for n in range(MAX_POSTS + 1):
        best, every = closest(name, n)
        assert set(formulas.closest_splits(n, shares)) == every
        for split in splits(n, len(shares)):
            assert formulas.is_closest_split(split, shares) == (split in every), split


@pytest.mark.parametrize("tol", TOLERANCES, ids=str)
@pytest.mark.parametrize("name", FORMULAS)
def test_overall_ok_against_the_definition(name, tol):
    shares = shares_of(name)
    for n in range(1, MAX_POSTS + 1):
        for split in splits(n, len(shares)):
            assert formulas.overall_ok(split, shares, tol) == rule(name, split, tol), split
            assert planner.passes(split, FORMULAS[name], tol) == all(rule(name, split, tol))


@cache
def passing(name: str, n: int, tol: F) -> tuple:
    return tuple(s for s in splits(n, len(shares_of(name))) if all(rule(name, s, tol)))


def brute_retypes(name, counts, tol) -> int:
    return min(sum(max(0, c - t) for c, t in zip(counts, target)) for target in passing(name, sum(counts), tol))


def _ceil(x: F) -> int:
    return -((-x.numerator) // x.denominator)


def brute_additions(name, counts, tol, limit: int) -> int | None:
    """Fewest posts to add. A passing split of T posts is a closest split, whose counts are
    each n x share rounded down or up, or lies in the tolerance box; both are searched
    exhaustively for every T in turn."""
    shares = shares_of(name)
    n = sum(counts)
    for total in range(n, n + limit + 1):
        near, (low, high) = bounds(name, total, tol)
        rounding = [sorted(x for x in pair if x >= c) for c, pair in zip(counts, near)]
        box = [range(max(c, lo), hi + 1) for c, lo, hi in zip(counts, low, high)]
        for ranges in (rounding, box):
            for head in itertools.product(*ranges[:-1]):
                last = total - sum(head)
                if last in ranges[-1] and all(formulas.overall_ok((*head, last), shares, tol)):
                    return total - n
    return None


@cache
def bounds(name: str, total: int, tol: F):
    """Per category: total x share rounded down and up, and the counts within the tolerance."""
    shares = shares_of(name)
    near = [{int(total * s), _ceil(total * s)} for s in shares]
    return near, ([_ceil(total * (s - tol)) for s in shares], [int(total * (s + tol)) for s in shares])


def apply_moves(formula, counts, moves) -> tuple[int, ...]:
    idx = {c: i for i, c in enumerate(formula.categories)}
    after = list(counts)
    for m in moves:
        assert m.count > 0 and m.source != m.target
        after[idx[m.source]] -= m.count
        after[idx[m.target]] += m.count
    assert min(after) >= 0
    return tuple(after)


@pytest.mark.parametrize("tol", TOLERANCES, ids=str)
@pytest.mark.parametrize("name", FORMULAS)
def test_rebalance_is_minimal_against_brute_force(name, tol):
    formula = FORMULAS[name]
    k = len(formula.categories)
    checked = 0
    for n in range(1, MAX_POSTS + 1):
        for counts in splits(n, k):
            rb = planner.rebalance(counts, formula, tol)
            if all(rule(name, counts, tol)):
                assert not rb.needed, counts
                continue
            checked += 1
            # retyping: a closest split always passes, so it is always possible
            assert rb.retype_possible
            assert rb.retypes == brute_retypes(name, counts, tol), counts
            assert all(rule(name, apply_moves(formula, counts, rb.moves), tol)), counts
            # adding posts
            want = brute_additions(name, counts, tol, limit=200 * n + 200)
            assert want is not None
            assert rb.added == want, (counts, rb.adds, want)
            assert all(v > 0 for v in rb.adds.values())
            grown = tuple(c + rb.adds.get(cat, 0) for c, cat in zip(counts, formula.categories))
            assert all(rule(name, grown, tol)) if sum(grown) <= MAX_POSTS else \
                all(formulas.overall_ok(grown, shares_of(name), tol)), (counts, grown)
    assert checked  # plans that fail exist for every formula and tolerance


# --- a plan written back means the same ----------------------------------------------------------


def written_back(data) -> bytes:
    """The loaded data dumped again; every scalar is already text (or None)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9).encode("utf-8")


def meaning(result) -> list:
    """Findings and mix, without line numbers: writing back moves lines, not meaning."""
    return [(f.code, f.where, re.sub(r"\bстрок[аеиу]? \d+(?:(?:, | и )\d+)*", "строка N",
                                     re.sub(r"\blines? \d+(?:(?:, | and )\d+)*", "line N", f.message)))
            for f in result.findings], result.to_dict()["mix"]


def assert_round_trip(data: bytes) -> None:
    first = loader.load(data)
    assert not first.fatal
    again = written_back(first.data)
    second = loader.load(again)
    assert second.data == first.data
    a, b = check_bytes(data, "p.yaml"), check_bytes(again, "p.yaml")
    assert meaning(a) == meaning(b)


@pytest.mark.parametrize("plan", sorted(p.name for p in PLANS.glob("*.yaml")))
def test_shipped_plans_written_back_mean_the_same(plan):
    assert_round_trip((PLANS / plan).read_bytes())


def test_yaml_11_traps_survive_the_round_trip():
    """Text that PyYAML would read as a number, a boolean or a time stays text when written back."""
    data = b"brand: NO\nposts:\n  - {date: 2026-12-01, time: 10:30, type: engaging, title: 0123}\n"
    assert_round_trip(data)
    dumped = written_back(loader.load(data).data)
    assert b"'NO'" in dumped and b"'10:30'" in dumped and b"'0123'" in dumped


@FUZZ
@given(plans())
def test_random_plans_written_back_mean_the_same(plan):
    assert_round_trip(dump(plan))
