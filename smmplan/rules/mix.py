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

from smmplan import formulas
from smmplan.findings import Problem, with_article
from smmplan.networks import channel_key
from smmplan.rules import Rule

_GOLDEN_PLAN = "posts:\n" + "".join(
    f"  - {{date: 2026-12-0{d}, type: {t}, title: Post {d}}}\n"
    for d, t in enumerate(["advertising", "advertising", "advertising", "engaging", "educational"], start=1)
)

RULES = (
    Rule(
        "MIX001", "formula-share", "error", "A content type's share is off the formula.",
        what="Across the whole plan, a category's share of posts is further from its target than the tolerance "
        "allows, and the counts are not the closest whole-number split either.",
        why="Leaning on one type always costs something: too much advertising loses the audience, too little "
        "leaves the business goal unmet.",
        example=_GOLDEN_PLAN,
        fix="Retype or add posts as the suggested rebalancing says (`smmplan suggest PLAN` lists them).",
    ),
    Rule(
        "MIX002", "weekly-mix", "error", "One week's mix strays far from the formula.",
        what="Inside one week a category has more than one post (or the tolerance, in big weeks) above or "
        "below its ideal count: all the advertising in one week, or a week of a single type.",
        why="Followers live the plan week by week; a month that averages out still loses them in the week "
        "that is all sales.",
        example="posts:\n" + "".join(
            f"  - {{date: 2026-12-{d:02d}, type: {t}, title: Post {d}}}\n"
            for d, t in enumerate(["advertising"] * 3 + ["engaging"] * 8 + ["user_generated"] * 6
                                  + ["educational"] * 5, start=1)
        ),
        fix="Move posts between weeks or retype them so each week carries a bit of every type.",
    ),
    Rule(
        "MIX003", "back-to-back-ads", "warning", "Two advertising posts in a row on one channel.",
        what="On the same channel, an advertising post directly follows another advertising post.",
        why="Back-to-back ads read as a sales feed; subscribers mute or leave.",
        example="posts:\n  - {date: 2026-12-01, channel: vk, type: ad, title: Sale}\n"
        "  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}\n",
        fix="Put an engaging or educational post between them, or move one to another channel.",
    ),
    Rule(
        "MIX005", "type-contradicts-content", "warning", "A post's declared type contradicts what its text says.",
        what="The title and text confidently read as another type than the post declares: an offer with a price "
        "or a discount labelled educational, a poll labelled advertising. Only confident readings count; a post "
        "with cues of two kinds is left alone (docs/content-types.md).",
        why="The formula is about what the audience sees. Six sales posts relabelled as engaging still read as six "
        "sales posts, and a plan that passes only on its labels misleads the client.",
        example="posts:\n  - {date: 2026-12-07, type: educational, title: Групповые занятия — первое бесплатно, "
        "text: \"Скидка 20% на абонемент до воскресенья.\"}\n"
        "  - {date: 2026-12-08, type: engaging, title: \"Poll: morning or evening workouts?\"}\n",
        fix="Declare the type the post really is, or rewrite it so it is what it declares; `smmplan suggest` "
        "replaces such posts instead of relabelling them.",
    ),
    Rule(
        "MIX004", "duplicate-content", "warning", "The same title or text appears twice.",
        what="Two posts in the plan share a title or a text (ignoring case and spacing).",
        why="Content must be unique: repeats bore the community and platforms rank them down.",
        example="posts:\n  - {date: 2026-12-01, type: engaging, title: Poll of the week}\n"
        "  - {date: 2026-12-08, type: engaging, title: Poll of the week}\n",
        fix="Give each post its own idea, or at least its own title and text.",
    ),
)


def _pct(x) -> str:
    return f"{float(x) * 100:.1f} %".replace(".0 %", " %")


def _posts(k: int) -> str:
    return f"{k} post" if k == 1 else f"{k} posts"


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
                f"Declared {p.category}, reads as {inf.category}: " + ", ".join(f"`{w}`" for w in words)
                + f" (confidence {inf.confidence:.0%}).",
                ("posts", p.index, "type"),
                fix=f"If the post is {with_article(inf.category)} post, declare `type: {inf.category}`; otherwise rewrite it "
                f"as {with_article(p.category)} post.",
                data={"declared": p.category, "inferred": inf.category, "confidence": inf.confidence,
                      "words": list(words)},
            )



def summarize(ctx) -> dict:
    """What each post reads as, for the JSON report: its type and the inferred one, with the confidence."""
    if ctx.formula is None or not ctx.posts:
        return {}
    lines = ctx.post_lines()
    return {"content": [
        {"line": line, "type": p.category, "inferred": inf.category, "confidence": inf.confidence,
         "confident": inf.confident}
        for p, inf, line in zip(ctx.posts, ctx.inferences(), lines)
    ]}


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
        if lo > hi:
            want = f"no whole number of posts is that close; the nearest split has {round(float(ideal))}"
        elif lo == hi:
            want = f"that is {_posts(lo)}"
        else:
            want = f"that is {lo}–{hi} posts"
        direction = "too many" if c > ideal else "too few"
        yield Problem(
            "MIX001",
            f"Too {direction.split()[1]} {cat}: {c} of {n} posts ({_pct(c / n)}); the {ctx.formula.name} "
            f"formula wants {_pct(share)} ± {tol_pp:g} pp, {want}.",
            ("posts",), at_key=True,
            fix=(f"Retype {_posts(c - hi)} of type {cat} to an under-represented type."
                 if c > hi else f"Add {cat} posts or retype {_posts(max(lo - c, 1))} to {cat}.")
            + " `smmplan suggest` gives the fewest changes.",
            data={"category": cat, "count": c, "posts": n, "share": c / n, "target": float(share)},
        )


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
        parts = [f"{_posts(c)} {cat} (ideal {float(ideal):.2g})" for cat, c, ideal in bad]
        over = [cat for cat, c, ideal in bad if c > ideal]
        anchor = next((p for p in posts if p.category in over), posts[0])
        begin = ctx.week_start(week)
        label = f"week {week + 1}"
        if begin:
            label += f" ({begin:%b %d}–{begin + dt.timedelta(days=6):%b %d})"
        yield Problem(
            "MIX002",
            f"In {label}, {n} posts: " + "; ".join(parts)
            + f". A week may stray by {float(slack):g} post(s) per type.",
            ("posts", anchor.index, "type"),
            fix="Spread these posts over other weeks or retype some of them.",
            data={"week": week + 1, "posts": n},
        )


def _back_to_back(ctx) -> Iterator[Problem]:
    ad = _ad_category(ctx.formula)
    if ad is None:
        return
    by_channel: dict[str, list] = {}
    for p in ctx.counted:  # one list per channel, whatever the plan calls it: `ВК` is `vk`
        by_channel.setdefault(channel_key(p.post.channel), []).append(p)
    for channel, posts in by_channel.items():
        posts.sort(key=lambda p: (p.post.date, p.post.time or _MIDNIGHT, p.index))
        for prev, cur in zip(posts, posts[1:]):
            if prev.category == ad and cur.category == ad:
                where = f" on {cur.post.channel}" if cur.post.channel else ""
                yield Problem(
                    "MIX003",
                    f"Two {ad} posts in a row{where}: `{prev.post.title}` (line "
                    f"{ctx.line(('posts', prev.index))}) and `{cur.post.title}`.",
                    ("posts", cur.index, "type"),
                    fix="Put a post of another type between them or move one to another channel.",
                )


_MIDNIGHT = dt.time(0)


def _ad_category(formula) -> str | None:
    for cat in ("advertising", "promotional"):
        if cat in formula.categories:
            return cat
    return None


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _duplicates(ctx) -> Iterator[Problem]:
    for field in ("title", "text"):
        seen: dict[str, int] = {}
        for p in ctx.posts:
            value = getattr(p.post, field)
            if not value:
                continue
            first = seen.setdefault(_norm(value), p.index)  # indexes are distinct: a hit is a repeat
            if first != p.index:
                yield Problem(
                    "MIX004",
                    f"The same {field} as the post at line {ctx.line(('posts', first, field))}: `{value[:60]}`.",
                    ("posts", p.index, field),
                    fix="Content must be unique: give this post its own idea.",
                )
