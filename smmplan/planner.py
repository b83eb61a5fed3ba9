"""Rebalancing: the cheapest changes that make a plan pass the mix rules.

Works on counts (posts of each formula category, week by week, and, with
content, what they read as); ``steps`` maps the changes onto real posts.
Each kind alone, the fewest of its kind, then mixes of kinds (``_mixed``); the
cheapest by ``COSTS`` wins, a mix only when it costs less than every kind alone:

* retyping a post (its week keeps its size), minimised exactly by a
  min-cost flow: each week must land inside its weekly box (MIX002, when the
  plan has two or more weeks) and the column totals inside the overall box or
  on a closest whole-number split (MIX001);
* adding posts to the plan's weeks (which also moves every box, as the
  allowed ranges grow with the number of posts), minimised exactly by a search
  over the number added and a dynamic programme over the weeks, with a greedy
  fallback for huge plans that would take too long (``Rebalance.exact``);
* with content, retyping becomes retyping where the content allows it and
  replacing (a new post; the old one cancelled) where it does not, minimised
  by a min-cost flow over (category, reads as) groups (``_changes_for``);
* moving posts between weeks when the totals pass but a week does not,
  breadth-first on small plans, greedy on long ones (``_shift``);
* mixes: moves breadth-first, on each arrangement additions spread over the
  weeks, then retypes and replacements by the change flow, within a budget
  (``Rebalance.mixed_exact`` says whether it finished).

"Smallest" is literal: tests compare them with brute force on small plans
(tests/test_suggest.py, tests/test_rebalance_content.py, mixes included).
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import combinations, compress
from typing import Any
from operator import add, itemgetter, ne

from smmplan.formulas import Formula, arithmetic, in_week_box, overall_ok, weeks_pass

Counts = tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Move:
    """Retype (or replace) `count` posts from one category to another (in one week,
    if `week` is set); with content, the posts are those that read as `reads`
    (None: posts whose content reads as no type for sure)."""

    source: str
    target: str
    count: int
    week: int | None = None
    reads: str | None = None


ANY = "*"  # a Shift of posts whatever they read as


@dataclass(frozen=True, slots=True)
class Shift:
    """Move `count` posts of a category from one week of the plan to another (in a
    mixed plan, posts that read as `reads`; None: as no type for sure)."""

    category: str
    source: int
    target: int
    count: int
    reads: str | None = ANY


# What each kind of change costs: the fewest-cost solution wins, kinds mixed or
# not. Retyping a post whose content fits (or reads as nothing for sure) and
# moving a post to another week are small edits; adding a post means writing
# one; replacing means writing one and cancelling (or postponing) a post already
# written. docs/suggest.md states them.
COSTS = {"retype": 1, "move": 1, "add": 2, "replace": 3}


def cost_words() -> str:
    """What each kind of change costs, in words, as `suggest` and the check report say it."""
    from smmplan.locale import _

    c = COSTS
    if c["move"] == c["retype"]:
        return _("where a move or a retype costs {move}, an addition {add} and a replacement {replace}").format(**c)
    return _("where a move costs {move}, a retype {retype}, an addition {add} and a replacement {replace}").format(**c)


@dataclass(slots=True)
class Combo:
    """The cheapest plan that mixes kinds of change: posts moved between weeks,
    then retyped or replaced in the week they end in, and posts added."""

    shifts: list[Shift] = field(default_factory=list)  # with `reads`
    retypes: list[Move] = field(default_factory=list)  # week: the week the posts end in
    replaces: list[Move] = field(default_factory=list)
    week_adds: dict[int, dict[str, int]] = field(default_factory=dict)  # week -> category -> posts
    cost: int = 0

    @property
    def kinds(self) -> dict[str, int]:
        """Posts changed by each kind, in COSTS' order, the kinds used only."""
        n = {"retype": sum(m.count for m in self.retypes), "move": sum(s.count for s in self.shifts),
             "add": sum(sum(a.values()) for a in self.week_adds.values()),
             "replace": sum(m.count for m in self.replaces)}
        return {k: v for k, v in n.items() if v}


@dataclass(slots=True)
class Rebalance:
    moves: list[Move] = field(default_factory=list)  # the fewest retypes, per (from, to)
    adds: dict[str, int] = field(default_factory=dict)  # or the fewest posts to add, per category
    retype_possible: bool = True  # retyping alone can make the plan pass
    week_moves: list[Move] = field(default_factory=list)  # the same retypes, week by week
    week_adds: dict[int, dict[str, int]] = field(default_factory=dict)  # week -> category -> posts to add
    exact: bool = True  # False when the additions come from the greedy fallback (huge plans)
    add_possible: bool = True  # some additions were found (when they were searched for)
    # posts whose content forbids the retype: replaced by a new post of the target type, week by week
    replaces: list[Move] = field(default_factory=list)
    shifts: list[Shift] = field(default_factory=list)  # or the fewest posts to move between weeks
    shifts_exact: bool = True  # False when the moves come from the greedy fallback
    changes_exact: bool = True  # False when retypes and replacements come from the fast path on a huge plan
    mode: str | None = None  # the cheapest: "change" (retype/replace), "move", "add" or "mixed"; None: impossible
    combo: Combo | None = None  # the cheapest mix of kinds, when it costs less than any one kind alone
    mixed_exact: bool = True  # False when the search for mixes stopped at its budget (or was skipped: a huge plan)

    @property
    def replaced(self) -> int:
        return sum(m.count for m in self.replaces)

    @property
    def moved(self) -> int:
        return sum(m.count for m in self.shifts)

    def cost(self, mode: str) -> int | None:
        """What the `mode` solution costs (COSTS), None when there is none."""
        if mode == "change":
            ok = self.retype_possible and (self.moves or self.replaces)
            return self.retypes * COSTS["retype"] + self.replaced * COSTS["replace"] if ok else None
        if mode == "move":
            return self.moved * COSTS["move"] if self.shifts else None
        if mode == "mixed":
            return self.combo.cost if self.combo is not None else None
        return self.added * COSTS["add"] if self.adds else None

    @property
    def retypes(self) -> int:
        return sum(m.count for m in self.moves)

    @property
    def added(self) -> int:
        return sum(self.adds.values())

    @property
    def needed(self) -> bool:
        return bool(self.moves or self.replaces or self.shifts or self.adds or self.combo
                    or not self.retype_possible or not self.add_possible)


# --- the rules, as boxes of whole counts -------------------------------------------


def _shares(formula: Formula) -> tuple[Fraction, ...]:
    return tuple(s for _, s in formula.shares)


def passes(counts: Counts, formula: Formula, tolerance: Fraction) -> bool:
    """The overall rule (MIX001) for these counts."""
    return all(overall_ok(counts, _shares(formula), tolerance))


PLANNER_SPLITS = 8  # closest splits tried one by one (the presets have at most 6)
SEARCH_STEPS = 400_000  # category steps of the searches for posts to add (a golden plan: 100,000 totals)


class _Rules:
    """MIX001 and MIX002 for one formula and tolerance. A week passes MIX002
    exactly when each count lies in its box (the closest splits the rule also
    accepts always lie inside). The boxes, allowed ranges and closest splits by
    number of posts come from ``formulas.arithmetic``, which remembers them per
    (shares, tolerance) in whole numbers, across plans."""

    def __init__(self, formula: Formula, tolerance: Fraction):
        self.formula = formula
        self.cats = formula.categories
        self.shares = _shares(formula)
        self.tol = tolerance
        self.arith = arithmetic(self.shares, tolerance)
        self.week_box = self.arith.week_box  # (lo, hi) of a week of n posts
        # (week, posts added) -> (least, most to add by category, a first fill) or None
        self.rooms: dict[tuple[Counts, int], tuple[Counts, Counts, Counts] | None] = {}

    def week_ok(self, counts: Sequence[int]) -> bool:
        return in_week_box(self.arith, counts)

    def overall_ok(self, counts: Sequence[int]) -> bool:
        return sum(counts) == 0 or all(overall_ok(tuple(counts), self.shares, self.tol))

    def plan_ok(self, weeks: Sequence[Sequence[int]]) -> bool:
        return weeks_pass(self.shares, self.tol, weeks)

    def overall_targets(self, n: int) -> tuple[tuple[Counts, Counts] | None, list[tuple[Counts, Counts]]]:
        """The overall box (lo, hi), if any split of n fits it, and the closest splits as
        targets: each one as (split, split), or, when they are too many to list (a formula
        of many equal shares), their box (lo, hi), whose splits of n are exactly them."""
        ranges = self.arith.allowed(n)
        lo = tuple(a for a, _ in ranges)
        hi = tuple(b for _, b in ranges)
        box = (lo, hi) if all(a <= b for a, b in ranges) and sum(lo) <= n <= sum(hi) else None
        splits = self.arith.closest(n)  # a flow per split: past a few, one flow over their box
        few = splits is not None and len(splits) <= PLANNER_SPLITS
        return box, [(t, t) for t in splits] if few else [self.arith.closest_box(n)]


def _column_sums(weeks: Sequence[Sequence[int]], k: int) -> Counts:
    return tuple(map(sum, zip(*weeks))) if weeks else (0,) * k  # every week holds k counts


# --- retyping: a min-cost flow ------------------------------------------------------
#
# Week w holds C[w] posts by category and ends with X[w] (same size, inside its
# box). Retyping costs sum_c max(0, C[w][c] - X[w][c]) posts. A unit of flow
# a -> b through week w retypes one of its posts from a to b. Successive
# shortest paths over a graph of the K categories plus a slack node Z (which
# lets a category end anywhere inside the overall box), where the arc a -> b
# is the cheapest week offering that retype now: a heap per (a, b, cost),
# weeks ordered by how dense they are in a (the tie rule: retype where the
# surplus type is densest).


def _layout(C: Sequence[Counts], lo: Sequence[Counts], hi: Sequence[Counts]) -> tuple[list, dict]:
    """Each week's (counts, box), and the weeks of each distinct one, in time order."""
    keys = list(zip(map(tuple, C), map(tuple, lo), map(tuple, hi)))
    weeks_of: dict[tuple, list[int]] = {}
    for w, key in enumerate(keys):
        members = weeks_of.get(key)
        if members is None:
            weeks_of[key] = [w]
        else:
            members.append(w)
    return keys, weeks_of


class _Flow:
    """The retype flow. Weeks with the same counts and box are interchangeable
    until one of them is changed, so they share heap entries as a group, and
    their start counts: X[w] is the group's one list until ``apply`` first
    changes week w and gives it its own copy."""

    def __init__(self, C: Sequence[Counts], lo: Sequence[Counts], hi: Sequence[Counts],
                 shares: Sequence[Fraction] | None = None, layout: tuple | None = None):
        self.shares = [float(s) for s in shares] if shares else [0.0] * (len(C[0]) if C else 0)
        self.C = C
        self.lo = lo
        self.hi = hi
        k = self.k = len(C[0]) if C else 0
        keys, weeks_of = layout or _layout(C, lo, hi)  # flows over the same weeks share it
        self.key = keys
        # untouched weeks by (counts, box), last = first in time
        groups = self.groups = {key: list(members) for key, members in weeks_of.items()}
        starts = {key: self._start(*key, self.shares) for key in groups}
        self.X: list[list[int]] = list(map(starts.__getitem__, keys))
        # the column sums of X now: each group's start, once per week in the group
        self.start_sums: Counts = tuple(
            sum(x[c] * len(groups[key]) for key, x in starts.items()) for c in range(k))
        self.untouched = [True] * len(C)
        self.touched: list[int] = []
        self.heaps: dict[tuple[int, int, int], list] = {}
        for key, members in groups.items():
            members.reverse()
            self._push(members[-1], range(k), group=key)

    @staticmethod
    def _start(c: Sequence[int], lo: Counts, hi: Counts, shares: Sequence[float]) -> list[int]:
        """The cheapest counts inside the week's box (each unit moved costs one);
        what must move leaves the type furthest over its ideal for the week and
        goes to the one furthest under."""
        n = sum(c)
        x = [min(max(v, a), b) for v, a, b in zip(c, lo, hi)]
        diff = sum(x) - n
        while diff > 0:
            i = max((i for i in range(len(x)) if x[i] > lo[i]), key=lambda i: (x[i] - n * shares[i], -i))
            x[i] -= 1
            diff -= 1
        while diff < 0:
            i = max((i for i in range(len(x)) if x[i] < hi[i]), key=lambda i: (n * shares[i] - x[i], -i))
            x[i] += 1
            diff += 1
        return x

    def _out(self, w: int, a: int) -> tuple[int, int] | None:
        x, c, lo = self.X[w][a], self.C[w][a], self.lo[w][a]
        if x > c:
            cap = x - max(c, lo)
            return (0, cap) if cap > 0 else None
        return (1, x - lo) if x > lo else None

    def _in(self, w: int, b: int) -> tuple[int, int] | None:
        x, c, hi = self.X[w][b], self.C[w][b], self.hi[w][b]
        if x < c:
            cap = min(c, hi) - x
            return (-1, cap) if cap > 0 else None
        return (0, hi - x) if x < hi else None

    def hop(self, w: int, a: int, b: int) -> tuple[int, int] | None:
        out, inn = self._out(w, a), self._in(w, b)
        if out is None or inn is None:
            return None
        return out[0] + inn[0], min(out[1], inn[1])

    def _density(self, w: int, a: int) -> float:
        n = sum(self.C[w])
        return self.C[w][a] / n if n else 0.0

    def _push(self, w: int, cats, group: tuple | None = None) -> None:
        cats = set(cats)
        for a in range(self.k):
            for b in range(self.k):
                if a != b and (a in cats or b in cats):
                    h = self.hop(w, a, b)
                    if h is not None:
                        entry = (-self._density(w, a), w, 0, group) if group else (-self._density(w, a), w, 1, ())
                        heapq.heappush(self.heaps.setdefault((a, b, h[0]), []), entry)

    def best(self, a: int, b: int) -> tuple[int, int, int] | None:
        """(cost, week, capacity) of the cheapest retype a -> b available now;
        among equals, in the week where a is densest, then the earliest."""
        for cost in (-1, 0, 1):
            heap = self.heaps.get((a, b, cost))
            while heap:
                _, w, kind, group = heap[0]
                if kind == 0:
                    members = self.groups[group]
                    w = members[-1] if members else -1
                if w >= 0 and (kind == 0) == self.untouched[w]:
                    h = self.hop(w, a, b)
                    if h is not None and h[0] == cost:
                        return cost, w, h[1]
                heapq.heappop(heap)
        return None

    def apply(self, w: int, a: int, b: int, amount: int) -> None:
        x = self.X[w]
        if self.untouched[w]:
            x = self.X[w] = list(x)  # no longer the group's shared start
        x[a] -= amount
        x[b] += amount
        if self.untouched[w]:
            self.untouched[w] = False
            self.touched.append(w)
            self.groups[self.key[w]].remove(w)
            self._push(w, range(self.k))
        else:
            self._push(w, (a, b))

    def solve(self, supply: list[int], z_range: list[tuple[int, int]] | None) -> bool:
        """Route the column supplies (+ must lose, - must gain). With `z_range`
        each column may also lose up to z_range[c][1] or gain up to
        z_range[c][0] through the slack node. False when no retyping works."""
        k = self.k
        Z = k
        excess = list(supply) + [-sum(supply)]
        znet = [0] * k  # flow Z -> c (negative: c -> Z)
        for _ in range(10 * sum(abs(s) for s in supply) + 10 * k * len(self.X) + 10):
            sources = [v for v in range(k + 1) if excess[v] > 0]
            if not sources:
                return True
            s = sources[0]
            dist: list[float] = [float("inf")] * (k + 1)
            via: list[tuple | None] = [None] * (k + 1)
            dist[s] = 0
            arcs = self._arcs(z_range, znet)
            for _ in range(k + 1):  # Bellman-Ford over k + 1 nodes: hop costs may be negative
                changed = False
                for u, v, cost, info in arcs:
                    if dist[u] + cost < dist[v]:
                        dist[v] = dist[u] + cost
                        via[v] = (u, info)
                        changed = True
                if not changed:
                    break
            sinks = [v for v in range(k + 1) if excess[v] < 0 and dist[v] < float("inf")]
            if not sinks:
                return False
            t = min(sinks, key=lambda v: (dist[v], v))
            path = []
            v = t
            while v != s:
                u, info = via[v]
                path.append((u, v, info))
                v = u
                if len(path) > k + 1:
                    raise RuntimeError("rebalance: negative cycle in the retype graph")
            path.reverse()
            amount = min(excess[s], -excess[t])
            for u, v, info in path:
                amount = min(amount, info[-1])
            for u, v, info in path:
                if u == Z:
                    znet[v] += amount
                elif v == Z:
                    znet[u] -= amount
                else:
                    self.apply(info[0], u, v, amount)
            excess[s] -= amount
            excess[t] += amount
        raise RuntimeError("rebalance: the retype search did not finish")

    def _arcs(self, z_range, znet) -> list[tuple[int, int, int, tuple]]:
        k = self.k
        arcs = []
        for a in range(k):
            for b in range(k):
                if a != b:
                    found = self.best(a, b)
                    if found is not None:
                        cost, w, cap = found
                        arcs.append((a, b, cost, (w, cap)))
        if z_range is not None:
            for c, (gain, lose) in enumerate(z_range):
                if lose - znet[c] > 0:
                    arcs.append((k, c, 0, (lose - znet[c],)))
                if gain + znet[c] > 0:
                    arcs.append((c, k, 0, (gain + znet[c],)))
        return arcs

    def cost(self) -> int:
        """Posts retyped: sum over weeks and categories of max(0, C - X). The weeks
        still untouched hold their group's start, so a group's cost is its start's
        cost times the number of weeks left in it."""
        total = 0
        for (c, _, _), members in self.groups.items():  # the untouched weeks of each group
            if members:
                total += len(members) * sum(v - x for v, x in zip(c, self.X[members[0]]) if v > x)
        for w in self.touched:
            total += sum(v - x for v, x in zip(self.C[w], self.X[w]) if v > x)
        return total


def _retype(rules: _Rules, weeks: list[Counts], weekly: bool) -> list[list[int]] | None:
    """Per-week counts after the fewest retypes, or None if retyping cannot pass."""
    k = len(rules.cats)
    sizes = list(map(sum, weeks))
    n = sum(sizes)
    if weekly:
        box_of = {m: rules.week_box(m) for m in set(sizes)}  # weeks of the same size share a box
        boxes = list(map(box_of.__getitem__, sizes))
    else:
        boxes = [((0,) * k, (m,) * k) for m in sizes]
    lows, highs = list(map(itemgetter(0), boxes)), list(map(itemgetter(1), boxes))
    layout = _layout(weeks, lows, highs)
    box, closest = rules.overall_targets(n)
    best: tuple[int, _Flow] | None = None
    targets: list[tuple[Counts, Counts]] = list(closest)
    if box is not None:
        targets.insert(0, box)
    for lo, hi in targets:
        flow = _Flow(weeks, lows, highs, rules.shares, layout)
        s = flow.start_sums
        if flow.solve(_supply(s, lo, hi), _z_range(s, lo, hi)):
            cost = flow.cost()
            if best is None or cost < best[0]:
                best = (cost, flow)
    return None if best is None else [list(x) for x in best[1].X]


def _supply(s: Counts, lo: Counts, hi: Counts) -> list[int]:
    """Per category: + posts it must lose, - posts it must gain to land in [lo, hi]."""
    return [max(0, x - b) - max(0, a - x) for x, a, b in zip(s, lo, hi)]


def _z_range(s: Counts, lo: Counts, hi: Counts) -> list[tuple[int, int]] | None:
    """Per category: how much more it may (gain, lose) and stay in [lo, hi]; None for a fixed target."""
    if lo == hi:
        return None
    out = []
    for x, a, b in zip(s, lo, hi):
        if x > b:
            out.append((0, b - a))
        elif x < a:
            out.append((b - a, 0))
        else:
            out.append((b - x, x - a))
    return out


def _moves(cats: Sequence[str], counts: Sequence[int], target: Sequence[int], week: int | None = None) -> list[Move]:
    surplus = [[cats[i], c - t] for i, (c, t) in enumerate(zip(counts, target)) if c > t]
    deficit = [[cats[i], t - c] for i, (c, t) in enumerate(zip(counts, target)) if t > c]
    out: list[Move] = []
    si = di = 0
    while si < len(surplus) and di < len(deficit):
        k = min(surplus[si][1], deficit[di][1])
        out.append(Move(surplus[si][0], deficit[di][0], k, week))
        surplus[si][1] -= k
        deficit[di][1] -= k
        if surplus[si][1] == 0:
            si += 1
        if deficit[di][1] == 0:
            di += 1
    return out


# --- adding posts -------------------------------------------------------------------


def compositions(total: int, parts: int) -> Iterator[Counts]:
    """Every way to write `total` as `parts` non-negative whole numbers."""
    for bars in combinations(range(total + parts - 1), parts - 1):
        prev = -1
        out = []
        for b in (*bars, total + parts - 1):
            out.append(b - prev - 1)
            prev = b
        yield tuple(out)


def _overall_additions(rules: _Rules, counts: Counts, limit: int | None = None) -> Counts | None:
    """Counts after the fewest additions that pass MIX001 (the overall rule alone)."""
    n = sum(counts)
    # each total tried costs some k steps: a bound on the whole search, not only on the posts added
    limit = limit if limit is not None else min(200 * max(n, 1) + 200, SEARCH_STEPS // len(rules.cats))
    for extra in range(limit + 1):
        total = n + extra
        box, closest = rules.overall_targets(total)
        for c_lo, c_hi in closest:
            split = _lowest_above(counts, c_lo, c_hi, total)
            if split is not None:
                return split
        if box is None:
            continue
        lo, hi = box
        t = [max(c, a) for c, a in zip(counts, lo)]
        if any(x > b for x, b in zip(t, hi)) or sum(t) > total:
            continue
        room = total - sum(t)
        while room:
            i = max((i for i in range(len(t)) if t[i] < hi[i]),
                    key=lambda i: total * rules.shares[i] - t[i], default=None)
            if i is None:
                break
            t[i] += 1
            room -= 1
        if room == 0 and rules.overall_ok(t):
            return tuple(t)
    return None


def _lowest_above(counts: Counts, lo: Counts, hi: Counts, total: int) -> Counts | None:
    """The first split of `total` in the box (lo, hi) with no category below `counts`
    (spare posts to the earliest categories with room), or None."""
    t = [max(c, a) for c, a in zip(counts, lo)]
    left = total - sum(t)
    if left < 0 or any(x > b for x, b in zip(t, hi)):
        return None
    for i, b in enumerate(hi):
        step = min(b - t[i], left)
        t[i] += step
        left -= step
    return tuple(t) if not left else None


class _Budget(Exception):
    """The exact search for additions grew too large: use the greedy fallback."""


def _week_room(rules: _Rules, week: Counts, e: int) -> tuple[Counts, Counts, Counts] | None:
    """Bounds on the posts to add, by category, when `e` are added to this week
    and it must pass MIX002, and the first fill of `e` between them (``_fill``);
    None when no such addition exists."""
    key = (week, e)
    if key not in rules.rooms:
        rules.rooms[key] = _room(rules, week, e)
    return rules.rooms[key]


def _room(rules: _Rules, week: Counts, e: int) -> tuple[Counts, Counts, Counts] | None:
    lo, hi = rules.week_box(sum(week) + e)
    need = tuple(max(0, a - c) for c, a in zip(week, lo))
    room = tuple(b - c for c, b in zip(week, hi))
    if any(r < 0 for r in room) or sum(need) > e or sum(room) < e:
        return None
    return need, room, tuple(_fill(need, room, e))


def _fill(lo: Sequence[int], hi: Sequence[int], total: int) -> list[int]:
    x = list(lo)
    filled = sum(x)
    for i in range(len(x)):
        step = min(hi[i] - x[i], total - filled)
        x[i] += step
        filled += step
    return x


def _spread(spare: int, sizes: list[int], limit: int) -> Iterator[Counts]:
    """Ways to share `spare` extra posts among weeks of these sizes, fullest
    weeks last (the emptiest take them first) when there are few enough to sort."""
    from math import comb

    ways = compositions(spare, len(sizes))
    if comb(spare + len(sizes) - 1, len(sizes) - 1) > min(limit, 5000):
        return ways
    return iter(sorted(ways, key=lambda x: (sum((n + e) ** 2 for n, e in zip(sizes, x)), x)))


def _add_exact(rules: _Rules, weeks: list[Counts], budget: int) -> list[Counts] | None:
    """Per-week additions, fewest in total, that pass both rules (weekly judged).

    For each total E (from a lower bound up) and each way to share E among the
    weeks, each week allows a box of additions; whether some choice lands the
    plan's totals on a passing split is a flow problem (the retype flow, with
    the additions as the counts to place)."""
    k = len(rules.cats)
    S = _column_sums(weeks, k)
    n = sum(S)
    overall = _overall_additions(rules, S)
    work = 0
    # a flow over k categories costs some k * k arcs a week: with a custom formula of 30 categories
    # one step is 60 times a golden one's, and the budget must say so (else a 4 KB plan takes minutes)
    step = max(1, k * k // 16)
    fewest: dict[Counts, int] = {}  # the fewest posts a week needs to pass alone: once per distinct week
    for w in dict.fromkeys(weeks):
        e = 0
        while _week_room(rules, w, e) is None:
            e += 1
            if e > budget:
                raise _Budget
        fewest[w] = e
    least = list(map(fewest.__getitem__, weeks))
    E = max(sum(overall) - n if overall is not None else 0, sum(least))
    while True:
        box, closest = rules.overall_targets(n + E)
        targets = []
        for lo_hi in ([box] if box is not None else []) + closest:
            lo = tuple(max(0, a - s) for a, s in zip(lo_hi[0], S))
            hi = tuple(b - s for b, s in zip(lo_hi[1], S))
            if all(a <= b for a, b in zip(lo, hi)) and sum(lo) <= E <= sum(hi):
                targets.append((lo, hi))
        if targets:
            for spare in _spread(E - sum(least), list(map(add, map(sum, weeks), least)), budget - work):
                work += len(weeks) * len(targets) * step
                if work > budget:
                    raise _Budget
                # (week, posts added) of each week; most weeks repeat a few of them
                cells = list(zip(weeks, map(add, least, spare)))
                for cell in dict.fromkeys(cells):
                    _week_room(rules, *cell)
                rooms = list(map(rules.rooms.__getitem__, cells))
                if None in rooms:
                    continue
                # the flow starts from each week's first fill, inside its bounds
                start, lows, highs = (list(map(itemgetter(i), rooms)) for i in (2, 0, 1))
                layout = _layout(start, lows, highs)
                for lo, hi in targets:
                    flow = _Flow(start, lows, highs, layout=layout)
                    if flow.solve(_supply(flow.start_sums, lo, hi), _z_range(flow.start_sums, lo, hi)):
                        return [tuple(x) for x in flow.X]
        E += 1
        work += 1
        if work > budget:
            raise _Budget


def _add_greedy(rules: _Rules, weeks: list[Counts], limit: int) -> list[Counts] | None:
    """Add one post at a time where it is missing most; for plans too big for the exact search."""
    k = len(rules.cats)
    cur = [list(w) for w in weeks]
    adds = [[0] * k for _ in weeks]
    bad = {i for i, w in enumerate(cur) if not rules.week_ok(w)}
    total = [sum(w[c] for w in cur) for c in range(k)]
    for _ in range(limit):
        if not bad and rules.overall_ok(total):
            return [tuple(a) for a in adds]
        n_after = sum(total) + 1
        if bad:
            i = min(bad)
            m = sum(cur[i]) + 1
            c = max(range(k), key=lambda c: (m * rules.shares[c] - cur[i][c], n_after * rules.shares[c] - total[c]))
        else:
            c = max(range(k), key=lambda c: n_after * rules.shares[c] - total[c])
            fits = [i for i in range(len(cur)) if rules.week_ok(cur[i][:c] + [cur[i][c] + 1] + cur[i][c + 1:])]
            pool = fits or range(len(cur))
            i = max(pool, key=lambda i: ((sum(cur[i]) + 1) * rules.shares[c] - cur[i][c], -i))
        cur[i][c] += 1
        adds[i][c] += 1
        total[c] += 1
        bad.discard(i)
        if not rules.week_ok(cur[i]):
            bad.add(i)
    return None


def _add(rules: _Rules, weeks: list[Counts], weekly: bool, budget: int) -> tuple[list[Counts] | None, bool]:
    k = len(rules.cats)
    if not weekly:
        S = _column_sums(weeks, k)
        grown = _overall_additions(rules, S)
        if grown is None:
            return None, True
        # Not judged week by week: everything goes to the emptiest week.
        i = min(range(len(weeks)), key=lambda i: (sum(weeks[i]), i))
        return [tuple(g - s for g, s in zip(grown, S)) if j == i else (0,) * k for j in range(len(weeks))], True
    try:
        return _add_exact(rules, weeks, budget), True
    except _Budget:
        n = sum(sum(w) for w in weeks)
        # a post added costs a look at every week and category: bound the steps, not only the posts
        return _add_greedy(rules, weeks, min(50 * n + 1000, 25 * SEARCH_STEPS // (len(weeks) * k + 1))), False


# --- content: retype where the content allows, replace where it does not ------------
#
# With content, the posts of a week are groups (category, reads as): `reads as`
# is the category the post's text confidently reads as, or NEUTRAL. A post may
# be retyped to the category it reads as, or anywhere when it reads as nothing
# for sure; any other change of its type is a replacement (a new post of the
# target type; the old one cancelled), which costs more. With the week sizes
# fixed (retyping and replacing keep them), the cheapest set of changes is a
# min-cost flow with bounds: groups -> (week, category) cells -> categories ->
# sink, each cell inside the week's box and each category inside the overall
# box (or on a closest split).

NEUTRAL = -1
ADDED = -2  # (ADDED, ADDED): the posts added to a week in a mixed plan, of any type
Groups = Mapping[tuple[int, int], int]  # (category, reads as or NEUTRAL) -> posts


class _MinCostFlow:
    """Successive shortest paths (Dijkstra on reduced costs; every arc cost starts
    non-negative) with lower bounds turned into demands."""

    def __init__(self, n: int):
        self.n = n + 2
        self.ss, self.tt = n, n + 1
        self.graph: list[list[list[int]]] = [[] for _ in range(self.n)]
        self.need = [0] * self.n
        self.base = 0

    def arc(self, u: int, v: int, lo: int, hi: int, cost: int) -> tuple[int, int, int]:
        """An arc u -> v carrying lo..hi units at `cost` each; returns its handle."""
        if hi < lo:
            raise ValueError("empty bounds")
        self.need[v] += lo
        self.need[u] -= lo
        self.base += lo * cost
        g = self.graph
        g[u].append([v, hi - lo, cost, len(g[v])])
        g[v].append([u, 0, -cost, len(g[u]) - 1])
        return u, len(g[u]) - 1, lo

    def supply(self, v: int, amount: int) -> None:
        self.need[v] += amount

    def demand(self, v: int, amount: int) -> None:
        self.need[v] -= amount

    def carried(self, handle: tuple[int, int, int]) -> int:
        u, i, lo = handle
        v, cap, _, rev = self.graph[u][i]
        return lo + self.graph[v][rev][1]

    def solve(self) -> int | None:
        """The least cost of a flow meeting every bound, or None if there is none."""
        want = 0
        for v, x in enumerate(self.need[: self.ss]):
            if x > 0:
                self.graph[self.ss].append([v, x, 0, len(self.graph[v])])
                self.graph[v].append([self.ss, 0, 0, len(self.graph[self.ss]) - 1])
                want += x
            elif x < 0:
                self.graph[v].append([self.tt, -x, 0, len(self.graph[self.tt])])
                self.graph[self.tt].append([v, 0, 0, len(self.graph[v]) - 1])
        g, n, s, t = self.graph, self.n, self.ss, self.tt
        pot = [0] * n
        flowed = cost = 0
        inf = float("inf")
        heappop, heappush = heapq.heappop, heapq.heappush
        while flowed < want:
            dist = [inf] * n
            via: list[tuple[int, int] | None] = [None] * n
            dist[s] = 0
            heap = [(0, s)]
            while heap:
                d, u = heappop(heap)
                if d > dist[u]:
                    continue
                base = d + pot[u]  # (integers: nd is d + cost + pot[u] - pot[v], however summed)
                i = 0
                for arc in g[u]:  # [v, capacity left, cost, reverse]: only arcs with room are unpacked
                    if arc[1] > 0:
                        v = arc[0]
                        nd = base + arc[2] - pot[v]
                        if nd < dist[v]:
                            dist[v] = nd
                            via[v] = (u, i)
                            heappush(heap, (nd, v))
                    i += 1
            if dist[t] == inf:
                return None
            pot = [p + dv if dv < inf else p for p, dv in zip(pot, dist)]
            push = want - flowed
            v = t
            while v != s:
                u, i = via[v]
                push = min(push, g[u][i][1])
                v = u
            v = t
            while v != s:
                u, i = via[v]
                arc = g[u][i]
                arc[1] -= push
                g[v][arc[3]][1] += push
                cost += push * arc[2]
                v = u
            flowed += push
        return cost + self.base


def _change_cost(c: int, r: int, d: int) -> int:
    if d == c or c == ADDED:  # kept, or a post being added: its type is free to choose
        return 0
    return COSTS["retype"] if r in (NEUTRAL, d) else COSTS["replace"]


def _change_flow(k: int, groups: Sequence[Groups], cells: Sequence[Sequence[tuple[int, int]]],
                 totals: Sequence[tuple[int, int]] | None) -> tuple[int, list[list[tuple[int, int, int, int]]]] | None:
    """The cheapest changes that put each week's posts into its cells' bounds
    (cells[w][d] = (lo, hi)) and, with `totals`, each category's sum into
    (lo, hi): (cost, per week [(category, reads, target, posts)])."""
    W = len(groups)
    gnodes = [list(g.items()) for g in groups]
    first_group = W * k + k + 1  # after the cells, the categories and the sink
    size = first_group + sum(map(len, gnodes))
    mcf = _MinCostFlow(size)
    sink = W * k + k
    handles: list[list[tuple]] = []
    node = first_group
    for w in range(W):
        for d in range(k):
            lo, hi = cells[w][d]
            mcf.arc(w * k + d, W * k + d, lo, hi, 0)
        mine = []
        for (c, r), n in gnodes[w]:
            mcf.supply(node, n)
            for d in range(k):
                mine.append(((c, r, d), mcf.arc(node, w * k + d, 0, n, _change_cost(c, r, d))))
            node += 1
        handles.append(mine)
    for d in range(k):
        lo, hi = totals[d] if totals is not None else (0, sum(sum(g.values()) for g in groups))
        mcf.arc(W * k + d, sink, lo, hi, 0)
    mcf.demand(sink, sum(sum(g.values()) for g in groups))
    cost = mcf.solve()
    if cost is None:
        return None
    out = []
    for mine in handles:
        out.append([(c, r, d, x) for (c, r, d), h in mine if d != c and (x := mcf.carried(h))])
    return cost, out


def _least_changes(k: int, groups: Sequence[Groups], cells: Sequence[Sequence[tuple[int, int]]],
                   totals: Sequence[tuple[int, int]]) -> int:
    """A lower bound on the cost of ``_change_flow(k, groups, cells, totals)``, in a few
    sums: a post that ends in another category costs at least a retype, and a category
    (of a week, or overall) holding more posts than its most loses the surplus to
    changes, while one holding fewer than its least gains them from changes or from
    the posts added. The search skips a flow that could not beat the best found."""
    have = [0] * k
    added = week_changes = 0
    for g, cell in zip(groups, cells):
        mine = [0] * k
        new = 0
        for (c, _), n in g.items():
            if c == ADDED:
                new += n
            else:
                mine[c] += n
        over = under = 0
        for d, (lo, hi) in enumerate(cell):
            x = mine[d]
            have[d] += x
            over += x - hi if x > hi else 0
            under += lo - x if x < lo else 0
        week_changes += max(over, under - new, 0)
        added += new
    over = sum(x - hi for x, (_, hi) in zip(have, totals) if x > hi)
    under = sum(lo - x for x, (lo, _) in zip(have, totals) if x < lo) - added
    return max(week_changes, over, under, 0) * min(COSTS["retype"], COSTS["replace"])


def _changes_for(rules: _Rules, weeks: list[Counts], groups: list[Groups], weekly: bool,
                 after: list[list[int]] | None, limit: int) -> tuple[list | None, bool]:
    """Per week [(category, reads, target, posts)] of the cheapest retypes and
    replacements, and whether that is exactly the cheapest.

    The fewest retypes ignoring content (`after`, the retype flow) are a lower
    bound: when the content allows every one of them (each week's posts are
    matched to its new counts by a small flow) they are the answer. Otherwise
    the whole problem is solved as one flow, when it is small enough."""
    if after is None:
        return None, True
    k = len(rules.cats)
    per_week = []
    total = retypes = 0
    for w, (c, x) in enumerate(zip(weeks, after)):
        if list(c) == list(x):
            per_week.append([])
            continue
        got = _change_flow(k, [groups[w]], [[(v, v) for v in x]], None)
        if got is None:
            raise RuntimeError("rebalance: a week's new counts do not fit its posts")
        total += got[0]
        per_week.append(got[1][0])
        retypes += sum(max(0, a - b) for a, b in zip(c, x))  # (a week that keeps its counts retypes none)
    if total == retypes * COSTS["retype"]:
        return per_week, True
    if sum(map(len, groups)) * k > limit:
        return per_week, False
    sizes = list(map(sum, weeks))
    n = sum(sizes)
    cells = [tuple(zip(*rules.week_box(m))) if weekly else tuple((0, m) for _ in range(k)) for m in sizes]
    box, closest = rules.overall_targets(n)  # closest splits as targets: (split, split) or their box
    best = None
    for lo, hi in ([box] if box is not None else []) + closest:
        totals = list(zip(lo, hi))
        if best is not None and _least_changes(k, groups, cells, totals) >= best[0]:
            continue  # cannot cost less than the best
        got = _change_flow(k, groups, cells, totals)
        if got is not None and (best is None or got[0] < best[0]):
            best = got
    if best is None:
        raise RuntimeError("rebalance: the retype flow passed but the change flow did not")
    return best[1], True


# --- mixes of kinds -------------------------------------------------------------------
#
# Moves change the weeks' sizes (and so their boxes), and so do additions;
# retypes and replacements do not. A mixed plan is searched as: m posts moved
# (breadth-first over arrangements of the posts' groups among the weeks,
# m = 0, 1, ...), then on each arrangement E posts added (every way to share
# them among the plan's weeks, E = 0, 1, ...), then the cheapest retypes and
# replacements for those week sizes: one min-cost flow (``_change_flow``) in
# which the added posts are a group any type may take at no change cost.
# Moving before retyping loses nothing (a post retyped and moved costs the same
# in either order), so this covers every mix. The search stops once m moves,
# plus what the totals need whatever the weeks (the plan as one week: a lower
# bound), cost as much as the best plan found.

# The work the search for mixed plans may do before it stops proving (about half a second): a
# flow costs about its arcs times the posts it routes, some 3 us each.
MIXED_BUDGET = 150_000
MIXED_STATES = 20_000  # arrangements of the posts it may hold
MIXED_LIMIT = 400  # (groups of posts) x (categories) past which mixes are not searched (a huge plan)

State = tuple[tuple[tuple[tuple[int, int], int], ...], ...]  # per week: sorted ((category, reads), posts)


def _state(weeks: Sequence[Groups]) -> State:
    return tuple(tuple(sorted((key, x) for key, x in g.items() if x)) for g in weeks)


def _add_and_change(rules: _Rules, state: State, grow: Sequence[bool], bound: int, floors: Sequence[int | None],
                    count: list[int], spent: int = 0) -> tuple[int, int, list] | None:
    """The cheapest additions plus retypes and replacements on this arrangement of the
    posts, when `spent` plus their cost is less than `bound`: (cost, posts added, per week
    [(c, r, d, x)]), or None. `floors[E]`: the least E additions and the changes they
    leave can cost (None: they cannot pass). `count` = [work done, budget]: past the
    budget, _Budget is raised."""
    k = len(rules.cats)
    W = len(state)
    sizes = [sum(x for _, x in wk) for wk in state]
    n = sum(sizes)
    growable = [i for i in range(W) if grow[i]]
    best = None
    for E, floor in enumerate(floors):
        if floor is None or spent + floor >= bound or (E and not growable):
            continue
        box, closest = rules.overall_targets(n + E)
        targets = ([box] if box is not None else []) + closest
        for share in compositions(E, len(growable)) if E else [()]:
            extra = [0] * W
            for i, x in zip(growable, share):
                extra[i] = x
            final = list(map(add, sizes, extra))
            weekly = sum(map(bool, final)) >= 2
            cells = [tuple(zip(*rules.week_box(m))) if weekly and m else tuple((0, m) for _ in range(k))
                     for m in final]
            groups = [dict(wk) | ({(ADDED, ADDED): x} if x else {}) for wk, x in zip(state, extra)]
            work = (sum(map(len, groups)) + W + 1) * k * (n + E)
            for lo, hi in targets:
                count[0] += work  # (counted whether or not the flow is solved: the same search either way)
                if count[0] > count[1]:
                    raise _Budget
                totals = list(zip(lo, hi))
                if spent + _least_changes(k, groups, cells, totals) + E * COSTS["add"] >= bound:
                    continue  # cannot beat the best found
                got = _change_flow(k, groups, cells, totals)
                if got is not None and spent + got[0] + E * COSTS["add"] < bound:
                    bound = spent + got[0] + E * COSTS["add"]
                    best = (got[0] + E * COSTS["add"], E, got[1])
                    if bound <= spent + floor:
                        return best  # as cheap as E additions can be
    return best


def _floors(rules: _Rules, merged: State, upper: int, adds: bool, count: list[int]) -> list[int | None]:
    """For E = 0, 1, ... while E additions cost less than `upper`: the least E additions and
    the retypes and replacements they leave cost with every week as one (no weekly rule, no
    move needed): a lower bound for any arrangement of the posts."""
    out: list[int | None] = []
    E = 0
    while E * COSTS["add"] < upper and (E == 0 or adds):
        exact = [None] * E + [E * COSTS["add"]]
        got = _add_and_change(rules, merged, [True], upper, exact, count)
        out.append(got[0] if got is not None else None)
        E += 1
    return out


def _mixed(rules: _Rules, weeks: Sequence[Groups], grow: Sequence[bool], upper: int, *, moves: bool, adds: bool,
           budget: int | None = None) -> tuple[tuple[int, list, list] | None, bool]:
    """The cheapest plan mixing kinds of change that costs less than `upper`:
    (cost, moves [(from week, (category, reads), to week, posts)], per week the
    posts end in [(category, reads or ADDED, target, posts)]), or None; and whether
    the search was complete. `weeks`: the plan's weeks in order (empty ones too),
    their posts as groups; `grow`: the weeks posts may be added to."""
    k = len(rules.cats)
    if sum(map(len, weeks)) * k > MIXED_LIMIT:
        return None, False
    count = [0, MIXED_BUDGET if budget is None else budget]
    merged: dict = {}
    for g in weeks:
        for key, x in g.items():
            merged[key] = merged.get(key, 0) + x
    try:
        floors = _floors(rules, _state([merged]), upper, adds and any(grow), count)
    except _Budget:
        return None, False
    if all(f is None for f in floors):
        return None, True  # nothing mixed beats the best single kind
    least = min(f for f in floors if f is not None)
    start = _state(weeks)
    W = len(start)
    seen: dict[State, tuple | None] = {start: None}
    frontier = [start]
    best: tuple | None = None
    bound = upper
    m = 0
    while frontier and m * COSTS["move"] + least < bound:
        for state in frontier:
            try:
                got = _add_and_change(rules, state, grow, bound, floors, count, m * COSTS["move"])
            except _Budget:
                return _mixed_answer(best, seen), False
            if got is not None:
                bound = m * COSTS["move"] + got[0]
                best = (bound, state, got[2])
        m += 1
        if not moves or m * COSTS["move"] + least >= bound:
            break
        nxt = []
        for state in frontier:
            for w in range(W):
                for i, (key, x) in enumerate(state[w]):
                    for v in range(W):
                        if v == w:
                            continue
                        new = list(state)
                        new[w] = state[w][:i] + (((key, x - 1),) if x > 1 else ()) + state[w][i + 1:]
                        moved = dict(state[v])
                        moved[key] = moved.get(key, 0) + 1
                        new[v] = tuple(sorted(moved.items()))
                        new = tuple(new)
                        if new not in seen:
                            seen[new] = (state, (w, key, v))
                            nxt.append(new)
            if len(seen) > MIXED_STATES:
                return _mixed_answer(best, seen), False
        frontier = nxt
    return _mixed_answer(best, seen), True


def _mixed_answer(best: tuple | None, seen: dict) -> tuple[int, list, list] | None:
    if best is None:
        return None
    cost, state, changes = best
    moved: dict[tuple, int] = {}
    while seen[state] is not None:
        state, (w, key, v) = seen[state]
        moved[w, key, v] = moved.get((w, key, v), 0) + 1
    return cost, [(w, key, v, x) for (w, key, v), x in moved.items()], changes


# --- moving posts between weeks -----------------------------------------------------


def _violation(rules: _Rules, week: Sequence[int]) -> int:
    if not sum(week):
        return 0
    lo, hi = rules.week_box(sum(week))
    return sum(max(0, a - c, c - b) for c, a, b in zip(week, lo, hi))


def _shift(rules: _Rules, weeks: list[Counts], budget: int) -> tuple[list[tuple[int, int, int]] | None, bool]:
    """The fewest posts to move between the plan's weeks (index 0 .. len-1, empty
    ones included) so that every week passes MIX002; the totals, and so MIX001,
    do not change. Breadth-first over single moves (exact) within `budget`
    states, else greedy. Returns [(category, from, to)] and whether exact."""
    start = tuple(map(tuple, weeks))
    W, k = len(start), len(rules.cats)

    def ok(state) -> bool:
        return rules.plan_ok(state)

    def steps(state):
        for w in range(W):
            for c in range(k):
                if state[w][c]:
                    for v in range(W):
                        if v != w:
                            new = list(state)
                            new[w] = state[w][:c] + (state[w][c] - 1,) + state[w][c + 1:]
                            new[v] = state[v][:c] + (state[v][c] + 1,) + state[v][c + 1:]
                            yield (c, w, v), tuple(new)

    if W * k * W <= 400:  # few enough moves from each arrangement to search them all
        seen = {start: None}
        frontier = [start]
        while frontier and len(seen) < budget:
            nxt = []
            for state in frontier:
                for move, new in steps(state):
                    if new in seen:
                        continue
                    seen[new] = (state, move)
                    if ok(new):
                        path = []
                        while seen[new] is not None:
                            new, move = seen[new]
                            path.append(move)
                        return _net(path[::-1]), True
                    nxt.append(new)
            frontier = nxt
        if not frontier:
            return None, True  # every arrangement was tried
    return _shift_greedy(rules, start)


_NEAR = 8  # weeks on each side the greedy search looks at first


def _shift_greedy(rules: _Rules, start: tuple[Counts, ...]) -> tuple[list[tuple[int, int, int]] | None, bool]:
    """Move one post at a time into or out of the first failing week: the move that
    most lowers the two weeks' distance from their boxes, among the nearest weeks
    first (a post moves as little as it can), then among all."""
    state = [list(w) for w in start]
    W, k = len(state), len(rules.cats)
    distinct = {w: _violation(rules, w) for w in dict.fromkeys(start)}  # a plan's weeks repeat a few mixes
    viol = list(map(distinct.__getitem__, start))
    failing = {w for w in range(W) if viol[w]}
    path = []

    def best_move(w: int, weeks) -> tuple | None:
        best = None
        for v in weeks:
            if v == w:
                continue
            for a, b in ((w, v), (v, w)):  # out of the failing week, or into it
                for c in range(k):
                    if not state[a][c]:
                        continue
                    state[a][c] -= 1
                    state[b][c] += 1
                    delta = _violation(rules, state[a]) + _violation(rules, state[b]) - viol[a] - viol[b]
                    state[a][c] += 1
                    state[b][c] -= 1
                    if delta < 0 and (best is None or (delta, abs(v - w)) < best[:2]):
                        best = (delta, abs(v - w), c, a, b)
        return best

    for _ in range(sum(map(sum, start)) + 1):
        if not failing:
            return (_net(path), False) if rules.plan_ok(state) else (None, False)
        w = min(failing)
        best = best_move(w, range(max(0, w - _NEAR), min(W, w + _NEAR + 1))) or best_move(w, range(W))
        if best is None:
            return None, False
        _, _, c, a, b = best
        state[a][c] -= 1
        state[b][c] += 1
        for x in (a, b):
            viol[x] = _violation(rules, state[x])
            (failing.add if viol[x] else failing.discard)(x)
        path.append((c, a, b))
    return None, False


def _net(path: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """A post moved twice is moved once (a -> b -> c is a -> c)."""
    out = list(path)
    changed = True
    while changed:
        changed = False
        for i, (c, a, b) in enumerate(out):
            j = next((j for j, (c2, a2, _) in enumerate(out) if j != i and c2 == c and a2 == b), None)
            if j is not None:
                c2, _, b2 = out[j]
                rest = [m for n, m in enumerate(out) if n not in (i, j)]
                out = rest + ([(c, a, b2)] if a != b2 else [])
                changed = True
                break
    return out


# --- the entry point ----------------------------------------------------------------

EXACT_BUDGET = 20_000  # steps of the exact search for additions before the greedy fallback


def rebalance(
    counts: Counts,
    formula: Formula,
    tolerance: Fraction,
    weeks: Mapping[int, Counts] | None = None,
    *,
    retype: bool = True,
    add: bool = True,
    budget: int = EXACT_BUDGET,
    content: Mapping[int, Groups] | None = None,
    move: bool = True,
) -> Rebalance:
    """The cheapest changes that pass MIX001 and (with two or more non-empty
    `weeks`, week -> counts) MIX002, three ways: retyping posts (and replacing
    those whose content forbids the retype), moving posts between weeks, or
    adding posts, each the fewest of its kind; then mixes of the kinds
    (``combo``), kept when they cost less than each kind alone. ``mode`` names
    the cheapest (``COSTS``; on a tie, changing before moving before adding
    before mixing).

    `content` (week -> {(category, reads as or NEUTRAL): posts}, categories as
    indexes of the formula's) says what each week's posts read as; without it
    every post may be retyped. Without `weeks` the plan is judged overall only.
    `retype` / `add` switch searches off (``--add-only`` / ``--retype-only``).
    """
    rules = _Rules(formula, tolerance)
    cats = formula.categories
    keys = list(compress(weeks, map(sum, weeks.values()))) if weeks else []  # the non-empty weeks
    week_counts = list(map(tuple, map(weeks.__getitem__, keys))) if weeks else []
    if not week_counts:
        keys, week_counts = [0], [tuple(counts)]
    weekly = len(week_counts) >= 2
    if sum(counts) == 0 or rules.plan_ok(week_counts if weekly else [counts]):
        return Rebalance()
    out = Rebalance()
    if retype:
        after = _retype(rules, week_counts, weekly)
        out.retype_possible = after is not None
        if after is not None and content is None:
            # most weeks keep their counts: no moves to work out
            for i in compress(range(len(after)), map(ne, map(list, week_counts), after)):
                out.week_moves += _moves(cats, week_counts[i], after[i], keys[i] if weekly else None)
        elif after is not None:
            groups = [content.get(key, {}) if weekly or key in content else _merged(content) for key in keys]
            per_week, out.changes_exact = _changes_for(rules, week_counts, groups, weekly, after, budget)
            for key, changes in zip(keys, per_week):
                for c, r, d, x in changes:
                    m = Move(cats[c], cats[d], x, key if weekly else None, cats[r] if r != NEUTRAL else None)
                    (out.week_moves if _change_cost(c, r, d) == COSTS["retype"] else out.replaces).append(m)
        totals: dict[tuple[str, str], int] = {}
        for m in out.week_moves:
            totals[m.source, m.target] = totals.get((m.source, m.target), 0) + m.count
        out.moves = [Move(s, t, c) for (s, t), c in totals.items()]
    if retype and move and weekly and rules.overall_ok(_column_sums(week_counts, len(cats))):
        span = list(range(min(keys), max(keys) + 1))
        full = [tuple(weeks.get(w, (0,) * len(cats))) if sum(weeks.get(w, ())) else (0,) * len(cats) for w in span]
        shifts, out.shifts_exact = _shift(rules, full, budget)
        merged: dict[tuple[int, int, int], int] = {}
        for c, a, b in shifts or ():
            merged[c, a, b] = merged.get((c, a, b), 0) + 1
        out.shifts = [Shift(cats[c], span[a], span[b], x) for (c, a, b), x in merged.items()]
    if add:
        plus, out.exact = _add(rules, week_counts, weekly, budget)
        out.add_possible = plus is not None
        if plus is not None:
            for key, a in compress(zip(keys, plus), map(any, plus)):  # the weeks that grow
                out.week_adds[key] = {cats[c]: x for c, x in enumerate(a) if x}
                for cat, x in out.week_adds[key].items():
                    out.adds[cat] = out.adds.get(cat, 0) + x
    if retype:
        _mix_kinds(out, rules, keys, weeks, week_counts, weekly, content, move, add)
    costs = [(cost, i, mode) for i, mode in enumerate(("change", "move", "add", "mixed"))
             if (cost := out.cost(mode)) is not None]
    out.mode = min(costs)[2] if costs else None
    return out


def _mix_kinds(out: Rebalance, rules: _Rules, keys: list[int], weeks: Mapping[int, Counts] | None,
               week_counts: list[Counts], weekly: bool, content: Mapping[int, Groups] | None,
               move: bool, add: bool) -> None:
    """``out.combo``: the cheapest plan mixing kinds, when it costs less than each kind alone."""
    cats = rules.cats
    groups_in = sum(map(len, content.values())) if content is not None else sum(x > 0 for w in week_counts for x in w)
    if groups_in * len(cats) > MIXED_LIMIT:  # a huge plan: not searched (``_mixed`` says the same, later)
        out.mixed_exact = False
        return
    pure = [c for mode in ("change", "move", "add") if (c := out.cost(mode)) is not None]
    # with no single kind to beat: at most every post moved and replaced
    upper = min(pure) if pure else sum(map(sum, week_counts)) * (COSTS["replace"] + COSTS["move"]) + 1

    def groups_of(i: int, key: int) -> Groups:
        if content is None:
            return {(c, NEUTRAL): x for c, x in enumerate(week_counts[i]) if x}
        return content.get(key, {}) if weekly or key in content else _merged(content)

    if weekly:
        span = list(range(min(keys), max(keys) + 1))
        at = dict(zip(keys, range(len(keys))))
        groups = [groups_of(at[w], w) if w in at else {} for w in span]
        grow = [w in at for w in span]
    else:
        span, groups, grow = keys[:1], [groups_of(0, keys[0])], [True]
    got, out.mixed_exact = _mixed(rules, groups, grow, upper, moves=move and weekly, adds=add)
    if got is None:
        return
    cost, shifted, changes = got
    combo = Combo(cost=cost)
    name = lambda r: cats[r] if r != NEUTRAL else None  # noqa: E731
    combo.shifts = [Shift(cats[c], span[w], span[v], x, name(r)) for w, (c, r), v, x in shifted]
    for i, week in enumerate(changes):
        for c, r, d, x in week:
            if c == ADDED:
                adds = combo.week_adds.setdefault(span[i], {})
                adds[cats[d]] = adds.get(cats[d], 0) + x
            else:
                m = Move(cats[c], cats[d], x, span[i] if weekly else None, name(r))
                (combo.retypes if _change_cost(c, r, d) == COSTS["retype"] else combo.replaces).append(m)
    out.combo = combo


def _merged(content: Mapping[int, Groups]) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for groups in content.values():
        for key, n in groups.items():
            out[key] = out.get(key, 0) + n
    return out


# --- from counts to posts -----------------------------------------------------------

# Retype posts nobody has signed off yet first; published posts last.
STATUS_ORDER = {"idea": 0, "draft": 1, None: 1, "review": 2, "approved": 3, "scheduled": 4, "published": 5}


def pick_posts(rb: Rebalance, posts: Sequence,
               by_week: Mapping[int, Sequence] | None = None,
               eligible: Callable[[Any, str], bool] | None = None, *,
               moves: Sequence[Move] | None = None,
               reads: Mapping[int, str | None] | None = None) -> list[tuple[object, Move]]:
    """The posts to retype for each move: (post, move-of-one) in the order of
    ``rb.moves`` (or, given `moves`, such as ``rb.replaces``, in their order).
    `posts` are the counted posts, with ``week``, ``category``, ``status``,
    ``index`` and ``post.date``; `by_week`, if the caller has it, the same posts
    by week, in their order (``Context.weeks()``); `eligible(post, target)`, if
    given, says whether a post may take the move; `reads`, post index -> what
    its content reads as (a move takes posts that read as its ``reads``).
    Overall-only moves take posts in the weeks where the surplus type is
    densest; within a week, posts not yet approved or published go first."""
    todo = rb.week_moves if moves is None else moves
    if not todo:
        return []
    if by_week is None:
        by_week = {}
        for p in posts:
            by_week.setdefault(p.week, []).append(p)
    density: dict[tuple[int, str], float] = {}  # (week, category) -> its share of the week, when asked

    def order(p) -> tuple:
        key = (p.week, p.category)
        if key not in density:
            ps = by_week[p.week]
            density[key] = sum(q.category == p.category for q in ps) / len(ps)
        return (-density[key], STATUS_ORDER.get(p.status, 1), p.post.date, p.index)

    taken: set[int] = set()
    chosen: dict[tuple[str, str], list] = {}
    in_order = []
    for m in todo:
        pool = sorted((p for p in (posts if m.week is None else by_week.get(m.week, ()))
                       if p.category == m.source and p.index not in taken
                       and (reads is None or reads.get(p.index) == m.reads)
                       and (eligible is None or eligible(p, m.target))), key=order)
        for p in pool[: m.count]:
            taken.add(p.index)
            pair = (p, Move(m.source, m.target, 1, p.week, m.reads))
            chosen.setdefault((m.source, m.target), []).append(pair)
            in_order.append(pair)
    if moves is not None:
        return in_order
    return [pair for m in rb.moves for pair in chosen.get((m.source, m.target), [])]


@dataclass(slots=True)
class Step:
    """One change to one post, in the cheapest solution (``Rebalance.mode``)."""

    kind: str  # "retype", "replace" or "move"
    post: Any  # the post (PostInfo)
    source: str  # its category
    target: str  # the category it becomes (move: its own)
    week: int  # the week it ends in
    date: dt.date  # the date it ends on (replace: the new post's)
    idea: str | None = None  # retype and replace: an idea for the post of the new type
    line: int | None = None  # the post's line in the file (the caller sets it)
    later: dt.date | None = None  # replace: where the old post goes past the plan's end (None: cancelled)


def _by_week(posts: Sequence) -> dict[int, list]:
    out: dict[int, list] = {}
    for p in posts:
        out.setdefault(p.week, []).append(p)
    return out


def _move_steps(shifts: Sequence[Shift], by_week: Mapping[int, Sequence], reads: Mapping[int, str | None] | None,
                first: dt.date | None) -> list[Step]:
    out: list[Step] = []
    taken: set[int] = set()
    for sh in shifts:
        # move what is least settled, latest in the week first: it is nearest the week it goes to
        pool = sorted((p for p in by_week.get(sh.source, ()) if p.category == sh.category
                       and p.index not in taken and p.post.date != first
                       and (sh.reads == ANY or reads is None or reads.get(p.index) == sh.reads)),
                      key=lambda p: (STATUS_ORDER.get(p.status, 1), -p.post.date.toordinal(), -p.index))
        for p in pool[: sh.count]:
            taken.add(p.index)
            date = p.post.date + dt.timedelta(days=7 * (sh.target - sh.source))
            out.append(Step("move", p, sh.category, sh.category, sh.target, date))
    return out


def steps(rb: Rebalance, posts: Sequence, by_week: Mapping[int, Sequence] | None,
          reads: Mapping[int, str | None] | None, idea: Callable[[str, dt.date], str] | None = None,
          first: dt.date | None = None) -> list[Step]:
    """The cheapest solution's changes, post by post (additions are ``rb.week_adds``,
    or ``rb.combo.week_adds`` in a mixed plan). Posts dated `first` (the day a plan
    without `start:` counts its weeks from) stay put."""
    out: list[Step] = []
    if rb.mode == "change":
        for kind, moves in (("retype", None), ("replace", rb.replaces)):
            for p, m in pick_posts(rb, posts, by_week, moves=moves, reads=reads):
                out.append(Step(kind, p, m.source, m.target, p.week, p.post.date,
                                idea(m.target, p.post.date) if idea else None))
    elif rb.mode == "move":
        out = _move_steps(rb.shifts, by_week if by_week is not None else _by_week(posts), reads, first)
    elif rb.mode == "mixed":
        got = _mixed_steps(rb.combo, posts, by_week if by_week is not None else _by_week(posts), reads, idea, first)
        if got is None:  # a post to move is the one the plan's weeks count from: the best single kind instead
            single = [(c, i, m) for i, m in enumerate(("change", "move", "add")) if (c := rb.cost(m)) is not None]
            rb.mode = min(single)[2] if single else None
            return steps(rb, posts, by_week, reads, idea, first)
        out = got
    out.sort(key=lambda st: (st.post.post.date, st.post.index))
    return out


def _mixed_steps(combo: Combo, posts: Sequence, by_week: Mapping[int, Sequence],
                 reads: Mapping[int, str | None] | None, idea: Callable[[str, dt.date], str] | None,
                 first: dt.date | None) -> list[Step] | None:
    """A mixed plan post by post: the moves first, then the retypes and replacements
    among the posts of the week each ends in (posts not moved first). A moved post
    that is replaced is not moved: its new post takes the date it would have moved to.
    None when the posts to move are not there to move (posts dated `first` stay put)."""
    moves = _move_steps(combo.shifts, by_week, reads, first)
    if len(moves) < sum(sh.count for sh in combo.shifts):
        return None
    moved = {st.post.index: st for st in moves}
    final: dict[int, list] = {}
    for p in posts:
        st = moved.get(p.index)
        final.setdefault(st.week if st else p.week, []).append(p)
    for ps in final.values():
        ps.sort(key=lambda p: (p.index in moved, STATUS_ORDER.get(p.status, 1), p.post.date, p.index))
    out: list[Step] = []
    taken: set[int] = set()
    for kind, todo in (("retype", combo.retypes), ("replace", combo.replaces)):
        for m in todo:
            pool = [p for p in (final.get(m.week, ()) if m.week is not None else
                                sorted(posts, key=lambda p: (STATUS_ORDER.get(p.status, 1), p.post.date, p.index)))
                    if p.category == m.source and p.index not in taken
                    and (reads is None or reads.get(p.index) == m.reads)]
            for p in pool[: m.count]:
                taken.add(p.index)
                st = moved.get(p.index)
                week, date = (st.week, st.date) if st else (p.week, p.post.date)
                if kind == "replace" and st is not None:
                    moves.remove(st)
                out.append(Step(kind, p, m.source, m.target, week, date, idea(m.target, date) if idea else None))
    return moves + out
