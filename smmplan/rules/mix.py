"""MIX: the content mix, overall and week by week, and unique content.

Overall, a category passes when its share is within the tolerance of the
formula's target, or when the plan's counts are a closest whole-number split
of its posts (no other split of the same number of posts lies nearer the
formula): 4/3/2/1 of 10 posts passes golden even though 10 % advertising is
5 points over.

Week by week (weeks counted from the plan's start), a category may stray from
its ideal count (posts that week x share) by one whole post, or by the
tolerance when that is more: a 5-post week cannot hold 5 % advertising
exactly, but a week that is all advertising, or all one type, is flagged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import compress
from operator import attrgetter, ne

from smmplan import formulas
from smmplan.days import shift_within
from smmplan.findings import Problem, number, squeezed, with_article
from smmplan.locale import DEFAULT, N_, _, current, ngettext
from smmplan.networks import channel_key
from smmplan.rows import Columns, Rows, chunked
from smmplan.rules import Rule

_GOLDEN_PLAN = "posts:\n" + "".join(
    f"  - {{date: 2026-12-0{d}, type: {t}, title: Post {d}}}\n"
    for d, t in enumerate(["advertising", "advertising", "advertising", "engaging", "educational"], start=1)
)

RULES = (
    Rule(
        "MIX001", "formula-share", "error", N_("A content type's share is off the formula."),
        what=N_("Across the whole plan, a category's share of posts is further from its target than the tolerance "
        "allows, and the counts are not the closest whole-number split either."),
        why=N_("Leaning on one type always costs something: too much advertising loses the audience, too little "
        "leaves the business goal unmet."),
        example=_GOLDEN_PLAN,
        fix=N_("Retype or add posts as the suggested rebalancing says (`smmplan suggest PLAN` lists them)."),
    ),
    Rule(
        "MIX002", "weekly-mix", "error", N_("One week's mix strays far from the formula."),
        what=N_("Inside one week a category has more than one post (or the tolerance, in big weeks) above or "
        "below its ideal count: all the advertising in one week, or a week of a single type."),
        why=N_("Followers live the plan week by week; a month that averages out still loses them in the week "
        "that is all sales."),
        example="posts:\n" + "".join(
            f"  - {{date: 2026-12-{d:02d}, type: {t}, title: Post {d}}}\n"
            for d, t in enumerate(["advertising"] * 3 + ["engaging"] * 8 + ["user_generated"] * 6
                                  + ["educational"] * 5, start=1)
        ),
        fix=N_("Move posts between weeks or retype them so each week carries a bit of every type."),
    ),
    Rule(
        "MIX003", "back-to-back-ads", "warning", N_("Two advertising posts in a row on one channel."),
        what=N_("On the same channel, an advertising post directly follows another advertising post."),
        why=N_("Back-to-back ads read as a sales feed; subscribers mute or leave."),
        example="posts:\n  - {date: 2026-12-01, channel: vk, type: ad, title: Sale}\n"
        "  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}\n",
        fix=N_("Put an engaging or educational post between them, or move one to another channel."),
    ),
    Rule(
        "MIX005", "type-contradicts-content", "warning", N_("A post's declared type contradicts what its text says."),
        what=N_("The title and text confidently read as another type than the post declares: an offer with a price "
        "or a discount labelled educational, a poll labelled advertising. Only confident readings count; a post "
        "with cues of two kinds is left alone (docs/content-types.md)."),
        why=N_("The formula is about what the audience sees. Six sales posts relabelled as engaging still read as six "
        "sales posts, and a plan that passes only on its labels misleads the client."),
        example="posts:\n  - {date: 2026-12-07, type: educational, title: Групповые занятия — первое бесплатно, "
        "text: \"Скидка 20% на абонемент до воскресенья.\"}\n"
        "  - {date: 2026-12-08, type: engaging, title: \"Poll: morning or evening workouts?\"}\n",
        fix=N_("Declare the type the post really is, or rewrite it so it is what it declares; `smmplan suggest` "
        "replaces such posts instead of relabelling them."),
    ),
    Rule(
        "MIX004", "duplicate-content", "warning", N_("The same title or text appears twice."),
        what=N_("Two posts in the plan share a title or a text (ignoring case and spacing)."),
        why=N_("Content must be unique: repeats bore the community and platforms rank them down."),
        example="posts:\n  - {date: 2026-12-01, type: engaging, title: Poll of the week}\n"
        "  - {date: 2026-12-08, type: engaging, title: Poll of the week}\n",
        fix=N_("Give each post its own idea, or at least its own title and text."),
    ),
)


def _pct(x) -> str:
    text = number(float(x) * 100, ".1f")  # 12.5 %, 40 % (12,5 % in Russian)
    return (text[:-2] if text.endswith((".0", ",0")) else text) + " %"


def check(ctx) -> Iterator[Problem]:
    if ctx.formula is None:
        return
    yield from _overall(ctx)
    yield from _weekly(ctx)
    yield from _back_to_back(ctx)
    yield from _duplicates(ctx)
    yield from _contradictions(ctx)


def _contradictions(ctx) -> Iterator[Problem]:
    from smmplan.text.types import body, cue_words

    for p, inf in zip(ctx.posts, ctx.inferences()):
        if p.counted and inf.contradicts(p.category):
            words = cue_words(p.post.title, body(p.post), inf)
            yield Problem(
                "MIX005",
                _("Declared {declared}, reads as {inferred}: {words} (confidence {confidence}).").format(
                    declared=_word(p.category), inferred=_word(inf.category),
                    words=", ".join(f"`{w}`" for w in words), confidence=number(inf.confidence, ".0%")),
                ("posts", p.index, "type"),
                fix=_("If the post is {inferred_kind} post, declare `type: {inferred}`; otherwise rewrite it "
                      "as {declared_kind} post.").format(inferred_kind=_kind(inf.category), inferred=inf.category,
                                                         declared_kind=_kind(p.category)),
                data={"declared": p.category, "inferred": inf.category, "confidence": inf.confidence,
                      "words": list(words)},
            )



def _word(category: str) -> str:
    """A category as people read it: the code in English, the word in Russian (`рекламный`).
    The locale's helpers are loaded only for a language other than English."""
    if current() == DEFAULT:
        return category
    from smmplan.locale import terms

    return terms.category(category)


def _kind(category: str) -> str:
    """A category as a post's attribute: "an engaging" in English, the category's word in Russian."""
    return with_article(category) if current() == DEFAULT else _word(category)


def _span(begin: dt.date, end: dt.date) -> str:
    from smmplan.locale import dates

    return dates.span(begin, end)


def summarize(ctx) -> dict:
    """What each post reads as, for the JSON report: its type and the inferred one, with the confidence."""
    if ctx.formula is None or not ctx.posts:
        return {}
    lines = ctx.post_lines()
    return {"content": ContentRows(
        {"line": line, "type": p.category, "inferred": inf.category, "confidence": inf.confidence,
         "confident": inf.confident}
        for p, inf, line in zip(ctx.posts, ctx.inferences(), lines)
    )}


class ContentRows(Rows):
    """`content`'s rows: all but the line repeat in a few combinations (a type, and what the
    post reads as with what confidence), each encoded once (:mod:`smmplan.rows`)."""

    __slots__ = ()
    KEYS = ("line", "type", "inferred", "confidence", "confident")  # each row's, in this order (as summarize() writes)

    def chunks(self, encode):
        return chunked(self, encode, _content_pieces)


def _content_pieces(columns: Columns, rows: list[dict]) -> list | None:
    rest = columns.repeated(rows, ("type", "inferred", "confidence", "confident"), ("confidence", "confident"))
    return None if rest is None else ['{"line": ', columns.numbers(rows, "line"), ", ", rest, "}"]


def _overall(ctx) -> Iterator[Problem]:
    counts = ctx.counts()
    n = sum(counts)
    if n == 0:
        return
    shares = tuple(s for _, s in ctx.formula.shares)
    ok = formulas.overall_ok(counts, shares, ctx.tolerance)
    tol_pp = float(ctx.tolerance * 100)
    for (cat, share), c, good in zip(ctx.formula.shares, counts, ok):
        if good:
            continue
        lo, hi = formulas.allowed_range(n, share, ctx.tolerance)
        ideal = n * share
        template = _overall_message(c > ideal, lo, hi)
        if c > hi:
            fix = ngettext("Retype {n} post of type {category} to an under-represented type. "
                           "`smmplan suggest` gives the fewest changes.",
                           "Retype {n} posts of type {category} to an under-represented type. "
                           "`smmplan suggest` gives the fewest changes.", c - hi).format(n=c - hi, category=cat)
        else:
            k = max(lo - c, 1)
            fix = ngettext("Add {category} posts or retype {n} post to {category}. "
                           "`smmplan suggest` gives the fewest changes.",
                           "Add {category} posts or retype {n} posts to {category}. "
                           "`smmplan suggest` gives the fewest changes.", k).format(n=k, category=cat)
        yield Problem(
            "MIX001",
            template.format(category=_word(cat), count=c, total=n, share=_pct(c / n),
                            formula=ctx.formula.name, target=_pct(share), tolerance=number(tol_pp, "g"),
                            nearest=round(float(ideal)), low=lo, high=hi),
            ("posts",), at_key=True,
            fix=fix,
            data={"category": cat, "count": c, "posts": n, "share": c / n, "target": float(share)},
        )


def _overall_message(many: bool, lo: int, hi: int) -> str:
    """MIX001's sentence: too many or too few, and the allowed counts said as they can be
    (none is close enough; exactly `lo`; `lo`–`hi`), each a whole sentence in the catalogue."""
    if lo > hi:
        return (_("Too many {category}: {count} of {total} posts ({share}); the {formula} formula wants {target} ± "
                  "{tolerance} pp, no whole number of posts is that close; the nearest split has {nearest}.")
                if many else
                _("Too few {category}: {count} of {total} posts ({share}); the {formula} formula wants {target} ± "
                  "{tolerance} pp, no whole number of posts is that close; the nearest split has {nearest}."))
    if lo == hi:
        return (ngettext("Too many {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                         "{target} ± {tolerance} pp, that is {low} post.",
                         "Too many {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                         "{target} ± {tolerance} pp, that is {low} posts.", lo)
                if many else
                ngettext("Too few {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                         "{target} ± {tolerance} pp, that is {low} post.",
                         "Too few {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                         "{target} ± {tolerance} pp, that is {low} posts.", lo))
    return (ngettext("Too many {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                     "{target} ± {tolerance} pp, that is {low}–{high} posts.",
                     "Too many {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                     "{target} ± {tolerance} pp, that is {low}–{high} posts.", hi)
            if many else
            ngettext("Too few {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                     "{target} ± {tolerance} pp, that is {low}–{high} posts.",
                     "Too few {category}: {count} of {total} posts ({share}); the {formula} formula wants "
                     "{target} ± {tolerance} pp, that is {low}–{high} posts.", hi))


def _weekly(ctx) -> Iterator[Problem]:
    shares = tuple(s for _, s in ctx.formula.shares)
    weeks, week_counts = ctx.weeks(), ctx.week_counts()
    if len(weeks) < 2:
        return  # a one-week plan is judged by the overall rule alone
    # A week's verdict depends on its counts alone, and a plan's weeks repeat a few
    # mixes: the categories that fail are worked out once per distinct counts.
    failing: dict[tuple[int, ...], list] = {}
    for week, counts in week_counts.items():
        fails = failing.get(counts)
        if fails is None:
            ok = formulas.week_ok(counts, shares, ctx.tolerance)
            fails = failing[counts] = [(cat, s, c) for (cat, s), c, good in zip(ctx.formula.shares, counts, ok)
                                       if not good]
        if not fails:
            continue
        posts = weeks[week]
        n = len(posts)
        bad = [(cat, c, n * s) for cat, s, c in fails]
        slack = formulas.week_slack(n, ctx.tolerance)
        parts = [ngettext("{n} post {category} (ideal {ideal})", "{n} posts {category} (ideal {ideal})", c).format(
            n=c, category=_word(cat), ideal=number(float(ideal), ".2g")) for cat, c, ideal in bad]
        over = [cat for cat, c, ideal in bad if c > ideal]
        anchor = next((p for p in posts if p.category in over), posts[0])
        begin = ctx.week_start(week)
        if begin:
            end = shift_within(begin, 6)
            span = f"{begin:%b %d}–{end:%b %d}" if current() == DEFAULT else _span(begin, end)
            template = ngettext("In week {week} ({span}), {n} posts: {parts}. A week may stray by {slack} post(s) "
                                "per type.",
                                "In week {week} ({span}), {n} posts: {parts}. A week may stray by {slack} post(s) "
                                "per type.", n)
        else:
            span = ""
            template = ngettext("In week {week}, {n} posts: {parts}. A week may stray by {slack} post(s) per type.",
                                "In week {week}, {n} posts: {parts}. A week may stray by {slack} post(s) per type.",
                                n)
        yield Problem(
            "MIX002",
            template.format(week=week + 1, span=span, n=n, parts="; ".join(parts),
                            slack=number(float(slack), "g")),
            ("posts", anchor.index, "type"),
            fix=_("Spread these posts over other weeks or retype some of them."),
            data={"week": week + 1, "posts": n},
        )


def _back_to_back(ctx) -> Iterator[Problem]:
    ad = _ad_category(ctx.formula)
    if ad is None:
        return
    by_channel: dict[str, list] = {}
    keys: dict[str | None, str] = {}  # channel as written -> its key: a plan writes a few on every post
    for p in ctx.counted:  # one list per channel, whatever the plan calls it: `ВК` is `vk`
        written = p.post.channel
        key = keys.get(written)
        if key is None:
            key = keys[written] = channel_key(written)
        by_channel.setdefault(key, []).append(p)
    for channel, posts in by_channel.items():
        posts.sort(key=lambda p: (p.post.date, p.post.time or _MIDNIGHT, p.index))
        for prev, cur in zip(posts, posts[1:]):
            if prev.category == ad and cur.category == ad:
                template = (_("Two {category} posts in a row on {channel}: `{first}` (line {line}) and `{second}`.")
                            if cur.post.channel else
                            _("Two {category} posts in a row: `{first}` (line {line}) and `{second}`."))
                yield Problem(
                    "MIX003",
                    template.format(category=_word(ad), channel=cur.post.channel, first=prev.post.title,
                                    line=ctx.line(("posts", prev.index)), second=cur.post.title),
                    ("posts", cur.index, "type"),
                    fix=_("Put a post of another type between them or move one to another channel."),
                )


_MIDNIGHT = dt.time(0)


def _ad_category(formula) -> str | None:
    for cat in ("advertising", "promotional"):
        if cat in formula.categories:
            return cat
    return None


_SAME = {"title": N_("The same title as the post at line {line}: `{value}`."),
         "text": N_("The same text as the post at line {line}: `{value}`.")}


def _duplicates(ctx) -> Iterator[Problem]:
    """MIX004: each post whose title (then text) is, as compared (``squeeze``), one an earlier
    post has. Worked column by column at C speed (the values squeezed in bulk, a dict of the
    first post of each value), not post by post."""
    posts = ctx.posts
    indexes = list(map(attrgetter("index"), posts))
    for field in ("title", "text"):
        values = list(map(attrgetter("post." + field), posts))
        given = list(compress(posts, values))  # (an empty or missing value is never a repeat)
        if len(given) < len(posts):
            values, mine = list(filter(None, values)), list(map(attrgetter("index"), given))
        else:
            mine = indexes
        keys = squeezed(values)
        first = dict(zip(reversed(keys), reversed(mine)))  # value -> the first post's index (the last one set)
        firsts = list(map(first.__getitem__, keys))
        for p, value, at in compress(zip(given, values, firsts), map(ne, firsts, mine)):
            yield Problem(
                "MIX004",
                _(_SAME[field]).format(line=ctx.line(("posts", at, field)), value=value[:60]),
                ("posts", p.index, field),
                fix=_("Content must be unique: give this post its own idea."),
            )
