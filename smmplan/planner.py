"""Rebalancing: the fewest changes of post types (or added posts) that make a
plan's mix pass. Works on counts; the caller maps moves onto real posts."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from smmplan.formulas import Formula, allowed_range, closest_splits, overall_ok


@dataclass(frozen=True, slots=True)
class Move:
    """Retype `count` posts from one category to another."""

    source: str
    target: str
    count: int


@dataclass(slots=True)
class Rebalance:
    moves: list[Move] = field(default_factory=list)  # the fewest retypes
    adds: dict[str, int] = field(default_factory=dict)  # or the fewest posts to add
    retype_possible: bool = True

    @property
    def retypes(self) -> int:
        return sum(m.count for m in self.moves)

    @property
    def added(self) -> int:
        return sum(self.adds.values())

    @property
    def needed(self) -> bool:
        return bool(self.moves or self.adds)


def passes(counts: tuple[int, ...], formula: Formula, tolerance: Fraction) -> bool:
    shares = tuple(s for _, s in formula.shares)
    return all(overall_ok(counts, shares, tolerance))


def _targets_by_retyping(counts: tuple[int, ...], shares: tuple[Fraction, ...], tol: Fraction) -> list[tuple[int, ...]]:
    """Passing splits of the same total that need the fewest retypes.

    Candidates: the closest whole-number splits, and the split inside the
    tolerance box nearest the current counts.
    """
    n = sum(counts)
    cands = list(closest_splits(n, shares))
    ranges = [allowed_range(n, s, tol) for s in shares]
    if sum(lo for lo, _ in ranges) <= n <= sum(hi for _, hi in ranges):
        t = [min(max(c, lo), hi) for c, (lo, hi) in zip(counts, ranges)]
        diff = sum(t) - n
        # Too many: lower categories that were raised above their count first
        # (that undoes a deficit, costing no retype), then any above their floor.
        while diff > 0:
            i = max(
                (i for i in range(len(t)) if t[i] > ranges[i][0]),
                key=lambda i: (t[i] > counts[i], t[i] - n * shares[i]),
            )
            t[i] -= 1
            diff -= 1
        while diff < 0:
            i = max(
                (i for i in range(len(t)) if t[i] < ranges[i][1]),
                key=lambda i: (t[i] < counts[i], n * shares[i] - t[i]),
            )
            t[i] += 1
            diff += 1
        cands.append(tuple(t))
    best = min(_cost(counts, c) for c in cands)
    return [c for c in cands if _cost(counts, c) == best]


def _cost(counts: tuple[int, ...], target: tuple[int, ...]) -> int:
    return sum(max(0, c - t) for c, t in zip(counts, target))


def _moves(cats: tuple[str, ...], counts: tuple[int, ...], target: tuple[int, ...]) -> list[Move]:
    surplus = [[cats[i], c - t] for i, (c, t) in enumerate(zip(counts, target)) if c > t]
    deficit = [[cats[i], t - c] for i, (c, t) in enumerate(zip(counts, target)) if t > c]
    out: list[Move] = []
    si = di = 0
    while si < len(surplus) and di < len(deficit):
        k = min(surplus[si][1], deficit[di][1])
        out.append(Move(surplus[si][0], deficit[di][0], k))
        surplus[si][1] -= k
        deficit[di][1] -= k
        if surplus[si][1] == 0:
            si += 1
        if deficit[di][1] == 0:
            di += 1
    return out


def additions(counts: tuple[int, ...], formula: Formula, tolerance: Fraction, limit: int | None = None) -> dict[str, int]:
    """The fewest posts to add (by category) so that the mix passes."""
    shares = tuple(s for _, s in formula.shares)
    n = sum(counts)
    limit = limit if limit is not None else 200 * max(n, 1) + 200
    for extra in range(limit + 1):
        total = n + extra
        for split in closest_splits(total, shares):
            if all(s >= c for s, c in zip(split, counts)):
                return _diff(formula.categories, counts, split)
        ranges = [allowed_range(total, s, tolerance) for s in shares]
        t = [max(c, lo) for c, (lo, _) in zip(counts, ranges)]
        if any(x > hi for x, (_, hi) in zip(t, ranges)) or sum(t) > total:
            continue
        room = total - sum(t)
        while room:
            i = max((i for i in range(len(t)) if t[i] < ranges[i][1]),
                    key=lambda i: total * shares[i] - t[i], default=None)
            if i is None:
                break
            t[i] += 1
            room -= 1
        if room == 0 and all(overall_ok(tuple(t), shares, tolerance)):
            return _diff(formula.categories, counts, tuple(t))
    return {}


def _diff(cats: tuple[str, ...], counts: tuple[int, ...], target: tuple[int, ...]) -> dict[str, int]:
    return {cats[i]: t - c for i, (c, t) in enumerate(zip(counts, target)) if t > c}


def rebalance(counts: tuple[int, ...], formula: Formula, tolerance: Fraction) -> Rebalance:
    """Fewest retypes, and separately the fewest additions, for the overall mix."""
    if sum(counts) == 0 or passes(counts, formula, tolerance):
        return Rebalance()
    shares = tuple(s for _, s in formula.shares)
    targets = _targets_by_retyping(counts, shares, tolerance)
    return Rebalance(
        moves=_moves(formula.categories, counts, targets[0]),
        adds=additions(counts, formula, tolerance),
    )
