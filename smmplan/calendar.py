"""Calendar generation: N weeks of posts that follow the content formula.

1. How many posts of each type, week by week: every week inside the weekly
   box (MIX002), the whole calendar on a passing split (MIX001), and the
   running totals as near the formula as whole posts allow. When the calendar
   continues a plan, the running totals of the *combined* plan are steered
   back to the formula (after an advertising-heavy month, no advertising
   until the totals are back in line), as far as the new plan's own mix
   still passes.
2. In which order: types interleaved (the type with most posts left goes
   next, never the same type twice running when another is left, and never
   advertising after advertising on the same channel).
3. When and where: days spread over the week, times spread over the day,
   channels in rotation; a placeholder idea for every post.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from smmplan import networks
from smmplan.formulas import Formula, allowed_range
from smmplan.ideas import DRY_NOTE, RU_TYPES, UGC_CATEGORIES, UGC_SOURCE, Titles
from smmplan.locale import _
from smmplan.planner import _Rules, compositions

AD_CATEGORIES = ("advertising", "promotional")
# Times by how many posts share a day; one-post days vary with the weekday.
SINGLE_TIMES = ("10:00", "18:30", "12:00", "19:00", "11:00", "13:00", "17:00")
DAY_TIMES = {2: ("10:00", "18:30"), 3: ("09:00", "13:00", "19:00")}


@dataclass(slots=True)
class NewPost:
    date: dt.date
    time: str
    channel: str | None
    category: str
    type: str  # as written in the plan
    title: str
    source: str | None = None
    status: str = "idea"
    week: int = 0
    rubric: str | None = None  # written instead of `type`: the post takes the rubric's
    text: str | None = None
    link: str | None = None
    notes: str | None = None

    def fields(self) -> dict:
        out = {"date": self.date, "time": self.time}
        if self.channel:
            out["channel"] = self.channel
        if self.rubric:
            out["rubric"] = self.rubric
        else:
            out["type"] = self.type
        out["title"] = self.title
        for key in ("text", "link", "source", "notes"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        out["status"] = self.status
        return out


@dataclass(slots=True)
class Calendar:
    start: dt.date
    weeks: int
    per_week: int
    formula: Formula
    posts: list[NewPost] = field(default_factory=list)

    def counts(self) -> tuple[int, ...]:
        cats = self.formula.categories
        return tuple(sum(p.category == c for p in self.posts) for c in cats)


def next_monday(today: dt.date) -> dt.date:
    return today + dt.timedelta(days=7 - today.weekday())


@lru_cache(maxsize=64)  # per formula, tolerance and posts a week: a run asks for one or two
def _week_candidates(formula: Formula, tolerance: Fraction, n: int) -> tuple[tuple[int, ...], ...]:
    lo, hi = _Rules(formula, tolerance).week_box(n)
    return tuple(x for x in compositions(n, len(lo)) if all(a <= v <= b for v, a, b in zip(x, lo, hi)))


def week_counts(
    formula: Formula, tolerance: Fraction, weeks: int, per_week: int, past: tuple[int, ...] | None = None
) -> list[tuple[int, ...]]:
    """Posts of each category for each week (see the module docstring)."""
    rules = _Rules(formula, tolerance)
    k = len(formula.categories)
    shares = rules.shares
    past = past or (0,) * k
    base = sum(past)
    total = weeks * per_week
    cands = _week_candidates(formula, tolerance, per_week)
    budget = [20_000]

    ranges = [allowed_range(total, s, tolerance) for s in shares]
    fshares = [float(s) for s in shares]

    def steer(done: int) -> list[float]:
        """Where this calendar's running totals should be after `done` posts
        (a heuristic aim: the final split is checked exactly)."""
        out = []
        for c, s in enumerate(fshares):
            want = (base + done) * s - past[c]
            lo, hi = ranges[c]
            # Keep the calendar's own mix passable: within its allowed range
            # for the whole calendar, scaled to the posts placed so far.
            out.append(min(max(want, lo * done / total), hi * done / total) if lo <= hi else done * s)
        return out

    def search(week: int, y: tuple[int, ...]) -> list[tuple[int, ...]] | None:
        budget[0] -= 1
        if budget[0] < 0:
            return None
        if week == weeks:
            return [] if rules.overall_ok(y) else None
        done = (week + 1) * per_week
        aim = steer(done)
        order = sorted(
            cands,
            key=lambda x: (
                max(abs(y[c] + x[c] - aim[c]) for c in range(k)),
                sum(abs(y[c] + x[c] - aim[c]) for c in range(k)),
                x,
            ),
        )
        # Greedy first; backtrack only over the few best candidates near the end.
        tries = order if weeks - week <= 2 else order[:3]
        for x in tries:
            nxt = tuple(a + b for a, b in zip(y, x))
            rest = search(week + 1, nxt)
            if rest is not None:
                return [x] + rest
        return None

    found = search(0, (0,) * k)
    if found is None:  # pragma: no cover - the property test covers every size in range
        raise RuntimeError(f"no calendar of {weeks} weeks x {per_week} posts passes the {formula.name} formula")
    return found


def sequence(counts: list[tuple[int, ...]], formula: Formula, channels: list[str]) -> list[int]:
    """Category of each slot, week after week: interleaved, no back-to-back ads on a channel.

    Slot i goes out on channel i % len(channels), so the post before it on its
    channel is slot i - lanes. Each week is ordered greedily (fewest repeats,
    the type with most posts left first), backtracking where the greedy order
    would put advertising after advertising on one channel.
    """
    cats = formula.categories
    ads = {i for i, c in enumerate(cats) if c in AD_CATEGORIES}
    lanes = max(1, len(channels))
    out: list[int] = []
    for x in counts:
        week = _order_week(list(x), out, ads, lanes, len(cats))
        out.extend(week)
    return out


def _order_week(left: list[int], before: list[int], ads: set[int], lanes: int, ncats: int,
                budget: int = 20_000) -> list[int]:
    """One week's slots: a depth-first search in greedy order with ad-after-ad on a
    channel as a hard constraint; the plain greedy order if none is found in budget."""
    total = sum(left)
    seq = list(before)
    start = len(before)
    steps = 0

    def options() -> list[int]:
        prev = seq[-1] if seq else None
        lane_prev = seq[-lanes] if len(seq) >= lanes else None

        def score(c: int) -> tuple:
            return (c in ads and lane_prev in ads, c == prev, -left[c], c)

        return sorted((c for c in range(ncats) if left[c]), key=score)

    def clash(c: int) -> bool:
        return c in ads and len(seq) >= lanes and seq[-lanes] in ads

    def dfs() -> bool:
        nonlocal steps
        if len(seq) - start == total:
            return True
        for c in options():
            steps += 1
            if steps > budget or clash(c):
                continue
            left[c] -= 1
            seq.append(c)
            if dfs():
                return True
            seq.pop()
            left[c] += 1
        return False

    saved = list(left)
    if dfs():
        return seq[start:]
    left[:] = saved
    del seq[start:]
    for _step in range(total):  # no clean order exists (or it is too costly to find): greedy
        c = options()[0]
        left[c] -= 1
        seq.append(c)
    return seq[start:]


def _channel_of_each(slots: list[int], cats: tuple[str, ...], channels: list[str]) -> list[str | None]:
    """Channels in rotation, except that an advertising post whose turn falls on a
    channel that just had one goes to the next channel that did not (weekly counts can
    leave, say, two one-post weeks of ads exactly a rotation apart)."""
    if not channels:
        return [None] * len(slots)
    last: dict[str, str | None] = {}
    out: list[str | None] = []
    for i, c in enumerate(slots):
        turn = i % len(channels)
        order = channels[turn:] + channels[:turn]
        chosen = order[0]
        if cats[c] in AD_CATEGORIES:
            chosen = next((ch for ch in order if last.get(ch) not in AD_CATEGORIES), chosen)
        last[chosen] = cats[c]
        out.append(chosen)
    return out


def schedule(start: dt.date, weeks: int, per_week: int) -> list[tuple[dt.date, str]]:
    """(date, time) of each slot: days spread over each week, times over each day."""
    out = []
    for w in range(weeks):
        days = [(j * 7) // per_week for j in range(per_week)]
        for j, d in enumerate(days):
            same = days.count(d)
            nth = days[:j].count(d)
            time = SINGLE_TIMES[d % len(SINGLE_TIMES)] if same == 1 else DAY_TIMES[same][nth]
            out.append((start + dt.timedelta(days=7 * w + d), time))
    return out


# Categories a generated calendar can lay out (its week patterns are searched exhaustively).
MAX_CATEGORIES = 6


def generate(
    formula: Formula,
    tolerance: Fraction,
    start: dt.date,
    weeks: int,
    per_week: int,
    channels: list[str],
    language: str = "en",
    past: tuple[int, ...] | None = None,
    type_words: dict[str, str] | None = None,
    taken_titles: set[str] | None = None,
    slots: dict | None = None,
    *,
    business: str | None = None,
    rubrics: list | None = None,
    planned: dict[str, int] | None = None,
    occasions: list | None = None,
) -> Calendar:
    """A calendar of `weeks` x `per_week` posts; `past` counts steer a continuation.

    Ideas come from `rubrics` ((name, category, weight, ideas) each) where a category has
    them, else from the `business`'s bank; each of `occasions` (dated, within the period)
    gets the post of its week that suits it best, moved onto its day."""
    if per_week > 21 or per_week < 1:
        raise ValueError(_("posts per week must be between 1 and 21"))
    if len(formula.categories) > MAX_CATEGORIES:
        raise ValueError(_("a formula for calendars has at most {n} categories").format(n=MAX_CATEGORIES))
    counts = week_counts(formula, tolerance, weeks, per_week, past)
    order = sequence(counts, formula, channels)  # category of each post, in date order
    when = schedule(start, weeks, per_week)
    titles = Titles(language, taken_titles, business=business, rubrics=rubrics, planned=planned)
    cats = formula.categories
    words = dict(type_words or {})
    cal = Calendar(start, weeks, per_week, formula)
    lanes = _channel_of_each(order, cats, channels)
    for i, (c, (date, time)) in enumerate(zip(order, when)):
        cat = cats[c]
        if slots and lanes[i] is not None and (fit := slots.get(networks.channel_key(lanes[i]))):
            date, time = networks.fit_slot(fit, date, time, start + dt.timedelta(days=7 * (i // per_week)))
        word = words.get(cat) or (RU_TYPES.get(cat, cat) if language == "ru" else cat)
        idea = titles.pick(cat, date)
        cal.posts.append(NewPost(
            date=date, time=time, channel=lanes[i],
            category=cat, type=word, title=idea.title,
            source=UGC_SOURCE[language if language in UGC_SOURCE else "en"] if cat in UGC_CATEGORIES else None,
            week=i // per_week, rubric=idea.rubric, text=idea.text, link=idea.link,
            notes=DRY_NOTE[titles.language] if idea.placeholder else None,
        ))
    if slots:
        cal.posts.sort(key=lambda p: (p.date, p.time))  # a post moved into its slot keeps its week
    if occasions:
        _mark_occasions(cal, occasions, titles, start)
    return cal


_OCCASION_TITLE = {"en": "{name}: greetings, and a question to followers about their plans for the day",
                   "ru": "{name}: поздравляем подписчиков и спрашиваем о планах на этот день"}
_OCCASION_NOTE = {"en": "occasion: {name}", "ru": "инфоповод: {name}"}


def _mark_occasions(cal: Calendar, occasions: list, titles: Titles, start: dt.date) -> None:
    """Move, for each occasion, the post of its week that suits it best onto its day: one of
    the occasion's rubric (or type), else a non-advertising post; titled for the occasion."""
    lang = titles.language
    marked: set[int] = set()
    for occ in occasions:
        week = (occ.date - start).days // 7
        wanted = occ.category
        pool = [i for i, p in enumerate(cal.posts) if p.week == week and i not in marked]
        if not pool:
            continue
        # the occasion's own category first, then an engaging post (a greeting and a question
        # suit any holiday), then anything but advertising
        best = min(pool, key=lambda i: (cal.posts[i].category != wanted,
                                        cal.posts[i].category != "engaging",
                                        cal.posts[i].category in AD_CATEGORIES,
                                        abs((cal.posts[i].date - occ.date).days), i))
        post = cal.posts[best]
        if occ.rubric and post.category == wanted:
            idea = titles.pick(post.category, occ.date)
            post.rubric, post.text, post.link = idea.rubric, idea.text, idea.link
            title = f"{occ.name}: {idea.title}"
        else:
            title = _OCCASION_TITLE[lang].format(name=occ.name)
        post.title = title if titles.take(title) else f"{title} ({occ.date.isoformat()})"
        post.date = occ.date
        post.notes = _OCCASION_NOTE[lang].format(name=occ.name)
        marked.add(best)
    cal.posts.sort(key=lambda p: (p.date, p.time))
