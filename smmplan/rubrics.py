"""The plan's rubrics (рубрикатор): content pillars, each with its type and bank of ideas.

Shared by the model (a post that names its rubric takes the rubric's type), the
rubric rules (``rules/rubric.py``), `suggest` (ideas drawn from the banks) and the
`smmplan rubrics` command. Rubric names match in their word forms in either
language: a post's `rubric: Мастера месяца` is the rubric `Мастер месяца`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from smmplan.findings import nearest

_WORD = re.compile(r"\w+", re.UNICODE)
DAYS_PER_MONTH = 365.25 / 12


@lru_cache(maxsize=1024)  # a plan has a handful of rubric names on many posts; bounded
def words(name: str) -> tuple[str, ...]:
    """`«Мастер месяца»` -> ('мастер', 'месяца')."""
    return tuple(_WORD.findall(name.casefold().replace("ё", "е")))


# Letters inflectional endings are made of (Russian case and number endings, English -s/-es/-ies):
# `мастер`/`мастера` differ in an ending, `мастр`/`мастер` in a letter of the stem.
_ENDING = frozenset("аяоеуюыийьмхвseiy")


def _same_word(a: str, b: str) -> bool:
    """Word forms of one word: equal, or a stem of four letters or more with endings of up to
    three letters that inflection makes (отзыв/отзывы, клиента/клиентов, tip/tips, story/stories)."""
    if a == b:
        return True
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    rest_a, rest_b = a[common:], b[common:]
    if len(rest_a) > 3 or len(rest_b) > 3:
        return False
    if common >= 3 and set(rest_a + rest_b) <= {"s", "e"}:
        return True  # tip/tips, box/boxes
    return common >= 4 and set(rest_a) <= _ENDING and set(rest_b) <= _ENDING


@lru_cache(maxsize=4096)
def same_name(a: str, b: str) -> bool:
    wa, wb = words(a), words(b)
    return len(wa) == len(wb) and bool(wa) and all(_same_word(x, y) for x, y in zip(wa, wb))


def find_index(rubrics: Sequence[Any], name: str) -> int | None:
    """Where the rubric called `name` (in any of its word forms) stands; None when there is none."""
    for j, r in enumerate(rubrics):
        if same_name(r.name, name):
            return j
    return None


def find(rubrics: Sequence[Any], name: str) -> Any | None:
    """The rubric called `name`, in any of its word forms; None when there is none."""
    j = find_index(rubrics, name)
    return None if j is None else rubrics[j]


def suggest(rubrics: Sequence[Any], name: str) -> str | None:
    """The rubric name a mistyped one most likely means."""
    pool = {" ".join(words(r.name)): r.name for r in rubrics}
    near = nearest(" ".join(words(name)), pool)
    return pool[near] if near else None


def period_end(start: dt.date | None, weeks: int | None, last_post: dt.date | None) -> dt.date | None:
    """The plan's last day: `weeks` weeks from its start (the calendar's last day at most),
    else its last post's date; None for a plan without dates."""
    from smmplan.days import shift

    if start is None:
        return None
    if weeks:
        return shift(start, 7 * weeks - 1) or dt.date.max
    return last_post


def period_months(start: dt.date, end: dt.date) -> float:
    return max(1, (end - start).days + 1) / DAYS_PER_MONTH


def target(rubric: Any, total_posts: int, months: float) -> float | None:
    """How many posts the rubric should have over the period: its share of the plan's
    posts, or its posts a month times the months; None when it states neither."""
    if rubric.share is not None:
        return rubric.share / 100 * total_posts
    if rubric.per_month is not None:
        return rubric.per_month * months
    return None


def used_titles(posts: Sequence[Any]) -> set[str]:
    """Titles already in the plan, folded as ideas are compared."""
    return {fold(p.title) for p in posts if p.title}


def fold(title: str) -> str:
    return " ".join(words(title))


def ideas_left(rubric: Any, used: set[str]) -> list[Any]:
    """The rubric's ideas no post of the plan has used yet, in bank order."""
    return [idea for idea in rubric.ideas if fold(idea.title) not in used]


class Row(NamedTuple):
    """One line of `smmplan rubrics` (a named tuple: no class to generate at every start)."""

    name: str
    type: str
    planned: int
    target: float | None
    ideas: int
    ideas_left: int
    next_post: dt.date | None
    last_post: dt.date | None


def rows(plan: Any, posts: Sequence[Any], today: dt.date, start: dt.date | None, end: dt.date | None) -> list[Row]:
    """Each rubric's planned and target counts, ideas left and the next post's date.
    `posts` are the plan's posts as the engine reads them (with `.post` and `.status`)."""
    live = [p for p in posts if p.status != "cancelled"]
    total = len([p for p in live if p.counted]) if live and hasattr(live[0], "counted") else len(live)
    months = period_months(start, end) if start and end else 1
    used = used_titles([p.post for p in live])
    out = []
    for r in plan.rubrics:
        mine = sorted((p.post.date for p in live if p.post.rubric and same_name(r.name, p.post.rubric)))
        upcoming = [d for d in mine if d >= today]
        out.append(Row(r.name, r.type, len(mine), target(r, total, months), len(r.ideas),
                       len(ideas_left(r, used)), upcoming[0] if upcoming else None, mine[-1] if mine else None))
    return out
