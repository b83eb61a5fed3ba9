"""Content formulas (presets and custom mixes) and the whole-number mix arithmetic.

Shares are kept as exact fractions so that a third is a third and the
"closest whole-number split" question has an exact answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from functools import lru_cache
from itertools import combinations
from math import comb, gcd

from smmplan.findings import nearest
from smmplan.locale import N_, _
from smmplan.records import ReadOnly

F = Fraction


class Formula(ReadOnly):
    """A named mix: category -> target share (fractions summing to 1). Read-only, and equal to
    another of the same name, shares and text (:class:`~smmplan.records.ReadOnly`)."""

    __slots__ = ("name", "shares", "about", "categories")
    _compared = __slots__[:-1]  # (`categories` is derived from `shares`)

    def __init__(self, name: str, shares: tuple[tuple[str, Fraction], ...], about: str = "") -> None:
        # `about`: what it is, in English (marked for the catalogue), see `description`;
        # `categories` derived once: rules ask for it per post
        self._fill((name, shares, about, tuple(c for c, _ in shares)))

    def __reduce__(self):  # copies and pickles are built by __init__, as the formula was
        return (Formula, (self.name, self.shares, self.about))

    def __repr__(self) -> str:
        return f"Formula(name={self.name!r}, shares={self.shares!r}, about={self.about!r})"

    @property
    def description(self) -> str:
        """What the formula is, in the current language (`smmplan formulas`)."""
        return _(self.about) if self.about else ""

    def share(self, category: str) -> Fraction:
        for c, s in self.shares:
            if c == category:
                return s
        return F(0)

    def percents(self) -> dict[str, float]:
        return {c: float(s * 100) for c, s in self.shares}


def _preset(name: str, about: str, **shares: Fraction) -> Formula:
    return Formula(name, tuple(shares.items()), about)


PRESETS: dict[str, Formula] = {
    f.name: f
    for f in (
        _preset(
            "golden",
            N_("The agency's golden formula: mostly engaging and user content, some teaching, "
               "a little advertising."),
            engaging=F(40, 100), user_generated=F(30, 100), educational=F(25, 100), advertising=F(5, 100),
        ),
        _preset("80-20", N_("Pareto: 80 % value for the audience, 20 % promotion."),
                value=F(80, 100), promotional=F(20, 100)),
        _preset("thirds", N_("Rule of thirds: promotion, curated content and personal stories."),
                promotional=F(1, 3), curated=F(1, 3), personal=F(1, 3)),
        _preset("5-3-2", N_("5 curated, 3 original, 2 personal out of every 10."),
                curated=F(50, 100), original=F(30, 100), personal=F(20, 100)),
        _preset("4-1-1", N_("4 curated, 1 original, 1 promotional out of every 6."),
                curated=F(4, 6), original=F(1, 6), promotional=F(1, 6)),
        _preset("70-20-10", N_("70 % original, 20 % curated, 10 % promotional."),
                original=F(70, 100), curated=F(20, 100), promotional=F(10, 100)),
        _preset("50-30-20", N_("50 % engaging, 30 % educational, 20 % promotional."),
                engaging=F(50, 100), educational=F(30, 100), promotional=F(20, 100)),
    )
}

DEFAULT_FORMULA = "golden"


# Categories a custom formula may have: the mix arithmetic and the planner's flow grow with
# the square of it, and no content mix a person can follow has more.
MAX_CATEGORIES = 40
# Closest splits listed one by one up to this many; past it (equal shares over many categories
# tie: C(125, 4) splits of 4 posts) only their box is kept, see _Arith.closest_box.
MAX_LISTED_SPLITS = 64


class FormulaError(ValueError):
    """A formula that cannot be used; the message says why and what to write."""


_GAPS = re.compile(r"[\s\-]+")


@lru_cache(maxsize=4096)  # the same few types, channels and kinds, once per post
def normalise_word(word: str) -> str:
    """Lower case, ё -> е, spaces and hyphens -> underscores."""
    return _GAPS.sub("_", word.strip().lower().replace("ё", "е"))


def resolve(spec: str | dict | None) -> Formula:
    """A preset name or a mapping category -> percent (summing to 100)."""
    if spec is None:
        return PRESETS[DEFAULT_FORMULA]
    if isinstance(spec, str):
        key = spec.strip().lower()
        if key in PRESETS:
            return PRESETS[key]
        near = nearest(key, PRESETS, cutoff=0.5)
        names = {"formula": spec, "near": near, "presets": ", ".join(PRESETS)}
        if near:
            raise FormulaError(_("Unknown formula `{formula}`. Did you mean `{near}`? Presets: {presets}; "
                                 "or write a mapping of categories to percents summing to 100.").format(**names))
        raise FormulaError(_("Unknown formula `{formula}`. Presets: {presets}; "
                             "or write a mapping of categories to percents summing to 100.").format(**names))
    shares: dict[str, Fraction] = {}
    written: dict[object, str] = {}  # what a key means (its synonym group, else itself) -> the key as written
    for raw, value in spec.items():
        name = normalise_word(str(raw))
        meaning = _group(name) or name
        try:
            share = Fraction(str(value).strip().rstrip("%").strip())
        except (ValueError, ZeroDivisionError):
            raise FormulaError(_("The share of `{category}` is `{value}`, not a number of percent.").format(
                category=raw, value=value)) from None
        if share < 0:
            raise FormulaError(_("The share of `{category}` is negative ({value}).").format(category=raw, value=value))
        if meaning in written:
            other = written[meaning]
            if other != str(raw):
                raise FormulaError(_("A category appears twice in the formula: `{other}` and `{category}` name the "
                                     "same category; give it one share.").format(other=other, category=raw))
            raise FormulaError(_("A category appears twice in the formula: `{category}` appears twice; "
                                 "give it one share.").format(category=raw))
        shares[name] = share
        written[meaning] = str(raw)
    if not shares:
        raise FormulaError(_("The formula mapping is empty; name a preset or list categories with percents."))
    if len(shares) > MAX_CATEGORIES:
        raise FormulaError(
            _("The formula has {n} categories; smmplan plans a mix of at most {max}. "
              "Merge the small ones into broader categories.").format(n=len(shares), max=MAX_CATEGORIES)
        )
    total = sum(shares.values())
    if total != 100:
        if total == 1 or (total < 1 and all(s <= 1 for s in shares.values())):
            first = next(iter(written.values()))
            share = shares[normalise_word(first)]
            raise FormulaError(
                _("The formula's percents add up to {total}, not 100. They look like fractions of 1: the shares "
                  "are percents, so write `{category}: {percent}`, not `{category}: {fraction}`. Adjust them so "
                  "they sum to 100.").format(total=f"{float(total):g}", category=first,
                                             percent=f"{float(share * 100):g}", fraction=f"{float(share):g}"))
        raise FormulaError(
            _("The formula's percents add up to {total}, not 100. Adjust them so they sum to 100.").format(
                total=f"{float(total):g}")
        )
    return Formula("custom", tuple((c, s / 100) for c, s in shares.items()), N_("A custom mix."))


# --- type names -----------------------------------------------------------

# Each group names one idea; a post's type is read as the group's member that
# the plan's formula has. So `promo` means `advertising` under golden and
# `promotional` under 80-20.
_SYNONYMS: tuple[frozenset[str], ...] = tuple(
    frozenset(g)
    for g in (
        {"engaging", "engagement", "engage", "entertaining", "entertainment", "interactive"},
        {"user_generated", "ugc", "usergenerated", "user_content", "customer_content"},
        {"educational", "education", "educate", "teaching", "tutorial", "useful"},
        {"advertising", "promotional", "promo", "promotion", "ad", "ads", "advert", "adverts",
         "advertisement", "sales", "selling"},
        {"curated", "curation", "shared"},
        {"original", "own"},
        {"personal", "personality", "behind_the_scenes"},
        {"value", "valuable"},
    )
)

# Russian word stems: any word form that starts with the stem.
_RU_STEMS: tuple[tuple[str, frozenset[str]], ...] = (
    ("вовлека", _SYNONYMS[0]),
    ("вовлечен", _SYNONYMS[0]),
    ("развлека", _SYNONYMS[0]),
    ("пользовательск", _SYNONYMS[1]),
    ("ugc", _SYNONYMS[1]),
    ("обучающ", _SYNONYMS[2]),
    ("обучени", _SYNONYMS[2]),
    ("образовательн", _SYNONYMS[2]),
    ("полезн", _SYNONYMS[2]),
    ("рекламн", _SYNONYMS[3]),
    ("реклам", _SYNONYMS[3]),
    ("продающ", _SYNONYMS[3]),
    ("промо", _SYNONYMS[3]),
    ("курируем", _SYNONYMS[4]),
    ("чуж", _SYNONYMS[4]),
    ("авторск", _SYNONYMS[5]),
    ("оригинальн", _SYNONYMS[5]),
    ("собствен", _SYNONYMS[5]),
    ("личн", _SYNONYMS[6]),
    ("ценн", _SYNONYMS[7]),
)


def _group(word: str) -> frozenset[str] | None:
    """The synonym group a normalised word belongs to: as written, or by a Russian stem."""
    group = next((g for g in _SYNONYMS if word in g), None)
    if group is None:
        for stem, g in _RU_STEMS:
            if word.startswith(stem):
                return g
    return group


def canonical_type(raw: str, formula: Formula) -> str | None:
    """The formula category a post's `type` means, or None if it means none."""
    return _category(raw, formula.categories)


def category_among(raw: str, categories: tuple[str, ...]) -> str | None:
    """The one of `categories` that the word `raw` (a type or a custom formula's category) means."""
    return _category(raw, tuple(categories))


@lru_cache(maxsize=4096)  # a plan has a handful of distinct types over thousands of posts
def _category(raw: str, cats: tuple[str, ...]) -> str | None:
    word = normalise_word(raw)
    if word in cats:
        return word
    group = _group(word)
    if group is not None:
        for c in cats:  # a category of the group, as the presets or a custom formula name it
            if c in group or _group(c) is group:  # (`вовлекающие: 40` is read as `engaging` is)
                return c
    return None


def suggest_type(raw: str, formula: Formula) -> str | None:
    """The nearest category name, for a "did you mean" hint."""
    word = normalise_word(raw)
    # remembered for type-sized words only (a hostile plan's 10 MB "type" is not kept)
    return (_suggest if len(word) <= 64 else _suggest.__wrapped__)(word, formula.categories)


@lru_cache(maxsize=1024)  # the same misspelt types turn up plan after plan; difflib is slow
def _suggest(word: str, cats: tuple[str, ...]) -> str | None:
    pool = {c: c for c in cats}
    for g in _SYNONYMS:
        for c in cats:
            if c in g:
                pool.update({w: c for w in g})
    near = nearest(word, pool)
    return pool[near] if near else None


# --- whole-number arithmetic -------------------------------------------------


# The mix rules and the planner ask these questions for thousands of weeks and
# candidate splits, mostly the same few. `_Arith` answers them for one
# (shares, tolerance) and remembers the answers; distances are compared as
# integers (shares scaled by their common denominator), not summed as Fractions.


class _Arith:
    __slots__ = ("shares", "tolerance", "tol", "scale", "scaled", "splits", "week", "overall", "boxes",
                 "ranges")

    def __init__(self, shares: tuple[Fraction, ...], tolerance: Fraction | None):
        self.shares, self.tolerance = shares, tolerance
        t = F(tolerance or 0)
        self.tol = (t.numerator, t.denominator)
        self.scale = 1
        for s in shares:
            self.scale = self.scale * s.denominator // gcd(self.scale, s.denominator)
        self.scaled = tuple(s.numerator * (self.scale // s.denominator) for s in shares)
        self.splits: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}  # n -> closest box
        self.week: dict[tuple[int, ...], tuple[bool, ...]] = {}
        self.overall: dict[tuple[int, ...], tuple[bool, ...]] = {}
        self.boxes: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self.ranges: dict[int, tuple[tuple[int, int], ...]] = {}

    def distance(self, counts: tuple[int, ...], n: int) -> int:
        """The L1 distance times ``scale``: an exact integer."""
        d = self.scale
        return sum(abs(c * d - n * s) for c, s in zip(counts, self.scaled))

    def closest_box(self, n: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(lo, hi): the closest splits of n are exactly the splits of n with lo <= c <= hi."""
        found = self.splits.get(n)
        if found is None:
            found = _room(self.splits)[n] = _closest_box(n, self.shares)
        return found

    def closest(self, n: int) -> tuple[tuple[int, ...], ...] | None:
        """Every closest split of n, or None when there are more than MAX_LISTED_SPLITS
        (then ask :meth:`closest_box`)."""
        return _splits_in(*self.closest_box(n), n)

    def answer(self, table: dict, counts: tuple[int, ...], compute) -> list[bool]:
        found = table.get(counts)
        if found is None:
            found = _room(table)[counts] = compute(self, counts)
        return list(found)

    def is_closest(self, counts: tuple[int, ...]) -> bool:
        n = sum(counts)
        return self.distance(counts, n) == self.distance(_first_in(*self.closest_box(n), n), n)

    def allowed(self, n: int) -> tuple[tuple[int, int], ...]:
        """``allowed_range(n, share, tolerance)`` of every share, in integers: with
        share = S/D and tolerance = t_num/t_den, n * (share -+ tolerance) is
        n * (S * t_den -+ t_num * D) / (D * t_den), floored and ceiled exactly."""
        found = self.ranges.get(n)
        if found is None:
            (t_num, t_den), d = self.tol, self.scale
            den = d * t_den
            found = _room(self.ranges)[n] = tuple(
                (max(0, -((-n * (s * t_den - t_num * d)) // den)), min(n, n * (s * t_den + t_num * d) // den))
                for s in self.scaled
            )
        return found

    def week_box(self, n: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(lo, hi): per category, the whole counts within ``week_slack(n)`` of n * share,
        clipped to 0..n. Over D * t_den, slack = max(1, n * tolerance) is
        max(D * t_den, n * t_num * D), so ceil(n * share - slack) and floor(n * share + slack)
        are floor divisions of integers (no Fractions)."""
        found = self.boxes.get(n)
        if found is None:
            (t_num, t_den), d = self.tol, self.scale
            den = d * t_den
            slack = max(den, n * t_num * d)
            found = _room(self.boxes)[n] = (
                tuple(max(0, -((slack - n * s * t_den) // den)) for s in self.scaled),
                tuple(min(n, (n * s * t_den + slack) // den) for s in self.scaled),
            )
        return found


_ARITH_MEMO = 64  # formulas remembered; answers kept per formula (cleared past _ANSWERS)
_ANSWERS = 65_536


def _room(table: dict) -> dict:
    """`table`, emptied first when it holds _ANSWERS answers: every memo here is bounded."""
    if len(table) >= _ANSWERS:
        table.clear()
    return table

_last: list = [None, None]  # (shares, tolerance) of the last call, its _Arith
_ariths: dict[tuple, _Arith] = {}


def _arith(shares: tuple[Fraction, ...], tolerance: Fraction | None = None) -> _Arith:
    shares = tuple(shares)
    key = (shares, tolerance)
    # Callers pass the same formula's objects again and again: tuple equality
    # short-cuts on identical items, so this costs no Fraction arithmetic.
    if key != _last[0]:
        plain = tuple((s.numerator, s.denominator) for s in shares), tolerance
        found = _ariths.get(plain)
        if found is None:
            if len(_ariths) >= _ARITH_MEMO:
                _ariths.clear()
            found = _ariths[plain] = _Arith(shares, tolerance)
        _last[0], _last[1] = key, found
    return _last[1]


def distance(counts: tuple[int, ...], n: int, shares: tuple[Fraction, ...]) -> Fraction:
    """L1 distance between a split of n posts and the formula's ideal n*share."""
    a = _arith(shares)
    return F(a.distance(tuple(counts), n), a.scale)


def closest_splits(n: int, shares: tuple[Fraction, ...]) -> list[tuple[int, ...]]:
    """Every split of n posts that no other split lies nearer the formula (L1).
    Only for formulas with few ties: ValueError past MAX_LISTED_SPLITS of them."""
    found = _arith(shares).closest(n)
    if found is None:
        raise ValueError(f"more than {MAX_LISTED_SPLITS} closest splits; use closest_box")
    return list(found)


def closest_box(n: int, shares: tuple[Fraction, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(lo, hi) such that the closest splits of n are the splits of n inside the box."""
    return _arith(shares).closest_box(n)


def _closest_box(n: int, shares: tuple[Fraction, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Floor each ideal count, then hand the leftover posts to the largest
    remainders (Hamilton's method, which minimises the L1 distance); ties
    between equal remainders give several equally close splits: the tied
    categories may each take one more (hi) while the others are fixed (lo),
    and a split of n in that box hands out exactly the leftover. Linear in the
    categories (and in whole numbers: each share scaled by the common
    denominator); the splits themselves (C(tied, left) of them) are never listed.
    """
    a = _arith(shares)
    d = a.scale
    lo = [n * s // d for s in a.scaled]  # floors of the ideal counts
    rema = [n * s % d for s in a.scaled]  # their remainders, times d
    hi = list(lo)
    left = n - sum(lo)
    if left:
        for r in sorted(set(rema), reverse=True):
            tied = [i for i, x in enumerate(rema) if x == r]
            for i in tied:
                hi[i] += 1
            if len(tied) <= left:
                for i in tied:
                    lo[i] += 1
                left -= len(tied)
            else:
                left = 0
            if not left:
                break
    return tuple(lo), tuple(hi)


def _first_in(lo: tuple[int, ...], hi: tuple[int, ...], n: int) -> tuple[int, ...]:
    """The first split of n in the box (lo, hi) that combinations() would list: the
    spare posts go to the earliest categories with room."""
    out, left = list(lo), n - sum(lo)
    for i, (a, b) in enumerate(zip(lo, hi)):
        if not left:
            break
        step = min(b - a, left)
        out[i] += step
        left -= step
    return tuple(out)


def _splits_in(lo: tuple[int, ...], hi: tuple[int, ...], n: int) -> tuple[tuple[int, ...], ...] | None:
    """Every split of n in a closest box (each category at lo or lo + 1), in the order
    combinations() lists them; None when there are more than MAX_LISTED_SPLITS."""
    free = [i for i, (a, b) in enumerate(zip(lo, hi)) if b > a]
    need = n - sum(lo)
    if comb(len(free), need) > MAX_LISTED_SPLITS:
        return None
    out = []
    for pick in combinations(free, need):
        split = list(lo)
        for i in pick:
            split[i] += 1
        out.append(tuple(split))
    return tuple(out)


def is_closest_split(counts: tuple[int, ...], shares: tuple[Fraction, ...]) -> bool:
    return _arith(shares).is_closest(tuple(counts))


def arithmetic(shares: tuple[Fraction, ...], tolerance: Fraction) -> _Arith:
    """The remembered whole-number answers for one formula's shares and tolerance
    (``allowed``, ``week_box``...): callers that ask many questions keep it."""
    return _arith(shares, tolerance)


def allowed_ranges(n: int, shares: tuple[Fraction, ...], tolerance: Fraction) -> tuple[tuple[int, int], ...]:
    """``allowed_range`` of each share, remembered per n."""
    return _arith(shares, tolerance).allowed(n)


@lru_cache(maxsize=256, typed=True)  # every plan states its tolerance; a folder of plans uses a few values
def parse_tolerance(raw: float | None) -> Fraction:
    """The tolerance in percentage points (``5``, ``2.5``; None: 5) as a fraction of 1.
    One object per value, so the arithmetic memo recognises it without comparing Fractions."""
    return Fraction(str(raw if raw is not None else 5)) / 100


def allowed_range(n: int, share: Fraction, tolerance: Fraction) -> tuple[int, int]:
    """Whole counts c with |c/n - share| <= tolerance (tolerance as a fraction)."""
    lo = max(0, _ceil(n * (share - tolerance)))
    hi = min(n, _floor(n * (share + tolerance)))
    return lo, hi


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def overall_ok(counts: tuple[int, ...], shares: tuple[Fraction, ...], tolerance: Fraction) -> list[bool]:
    """Per category: within tolerance, or the whole split is a closest one."""
    arith = _arith(shares, tolerance)
    return arith.answer(arith.overall, tuple(counts), _overall_ok)


def _overall_ok(arith: _Arith, counts: tuple[int, ...]) -> tuple[bool, ...]:
    n = sum(counts)
    if n == 0 or arith.is_closest(counts):
        return (True,) * len(counts)
    # |c/n - share| <= tolerance, in integers: |c*D - n*S| * t_den <= n * D * t_num
    d, (t_num, t_den) = arith.scale, arith.tol
    limit = n * d * t_num
    return tuple(abs(c * d - n * s) * t_den <= limit for c, s in zip(counts, arith.scaled))


def in_week_box(arith: _Arith, counts: Sequence[int]) -> bool:
    """MIX002 for one week: each count inside its box (the closest splits the rule also
    accepts always lie inside)."""
    lo, hi = arith.week_box(sum(counts))
    return all(a <= c <= b for c, a, b in zip(counts, lo, hi))


def weeks_pass(shares: tuple[Fraction, ...], tolerance: Fraction, weeks: Iterable[Sequence[int]]) -> bool:
    """MIX001 and MIX002 for per-week counts: the weeks' totals pass overall and, with two or
    more non-empty weeks, each week passes (each distinct week once: whether it passes
    depends on its counts alone)."""
    weeks = [tuple(w) for w in weeks if sum(w)]  # the non-empty weeks
    totals = tuple(map(sum, zip(*weeks))) if weeks else (0,) * len(shares)
    if sum(totals) and not all(overall_ok(totals, shares, tolerance)):
        return False
    arith = _arith(shares, tolerance)
    return len(weeks) < 2 or all(in_week_box(arith, w) for w in set(weeks))


def plan_passes(formula: Formula, tolerance: Fraction, weeks: Mapping[int, Sequence[int]]) -> bool:
    """Whether per-week counts (week -> counts) pass MIX001 and MIX002 as the checker judges
    them: when they do, there is nothing to rebalance (and the planner is not loaded)."""
    return weeks_pass(tuple(s for _, s in formula.shares), tolerance, weeks.values())


def week_slack(n: int, tolerance: Fraction) -> Fraction:
    """Posts a category may stray from n*share inside one week: at least one
    whole post (a 5-post week cannot hit 5 % exactly), more in big weeks."""
    return max(F(1), n * tolerance)


def week_ok(counts: tuple[int, ...], shares: tuple[Fraction, ...], tolerance: Fraction) -> list[bool]:
    """Per category: within the week's slack, or the week's split is a closest one."""
    arith = _arith(shares, tolerance)
    return arith.answer(arith.week, tuple(counts), _week_ok)


def _week_ok(arith: _Arith, counts: tuple[int, ...]) -> tuple[bool, ...]:
    if arith.is_closest(counts):
        return (True,) * len(counts)
    n = sum(counts)
    slack = week_slack(n, arith.tolerance)
    return tuple(abs(c - n * s) <= slack for c, s in zip(counts, arith.shares))
