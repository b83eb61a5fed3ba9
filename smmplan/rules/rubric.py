"""RUB: the plan's rubrics (content pillars) and occasions.

A plan built on a рубрикатор names its rubrics under `rubrics:`, each with a
formula category, a share or a monthly count and a bank of ideas; posts name
their rubric. These rules keep posts and rubrics consistent, notice a rubric
that starves or runs out of ideas, and list occasions (public holidays of the
plan's `country`, the brand's own `occasions:`) that no post marks.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from smmplan import formulas, rubrics
from smmplan.findings import Problem
from smmplan.locale import DEFAULT, N_, _, current, dates, ngettext, terms
from smmplan.rules import Rule

DEFAULT_STARVED_WEEKS = 3

_RUBRICS = """rubrics:
  - name: Master of the month
    type: educational
    ideas: [Anna on winter hair care]
"""

RULES = (
    Rule(
        "RUB001", "unknown-rubric", "error", N_("A post names a rubric the plan does not have."),
        what=N_("A post's `rubric:` matches no rubric under `rubrics:`, in any of its word forms."),
        why=N_("The post's type and its place in the rubric's schedule come from the rubric; a typo loses both."),
        example=_RUBRICS + "posts:\n  - {date: 2026-12-01, rubric: Mastr of the month, title: Anna}\n",
        fix=N_("Write the rubric's name as `rubrics:` has it, or add the rubric."),
    ),
    Rule(
        "RUB002", "rubric-type-conflict", "error", N_("A post's type contradicts its rubric's."),
        what=N_("A post names both a `type` and a `rubric`, and the two are different categories of the formula."),
        why=N_("A rubric serves one goal with one kind of content; a post that counts as another type skews the mix "
        "the rubricator was built for."),
        example=_RUBRICS + "posts:\n  - {date: 2026-12-01, rubric: Master of the month, type: advertising, "
        "title: Anna}\n",
        fix=N_("Drop the post's `type` (it comes from the rubric), or move the post to a rubric of that type."),
    ),
    Rule(
        "RUB003", "rubric-bad-type", "error", N_("A rubric's type is not a category of the formula."),
        what=N_("A rubric's `type` is not a category of the plan's formula (or one of its aliases)."),
        why=N_("Every post of the rubric would count as nothing in the mix."),
        example="rubrics:\n  - {name: Tips, type: tutorials}\nposts:\n"
        "  - {date: 2026-12-01, type: engaging, title: Poll}\n",
        fix=N_("Use one of the formula's categories (`smmplan formulas` lists them)."),
    ),
    Rule(
        "RUB004", "rubric-shares-over", "warning", N_("Rubrics of one type claim more than the type's share."),
        what=N_("The `share`s of the rubrics of one category add up to more than the formula gives that category."),
        why=N_("The rubricator and the formula disagree: following the rubrics breaks the mix."),
        example="rubrics:\n  - {name: Polls, type: engaging, share: 30}\n  - {name: Quizzes, type: engaging, "
        "share: 20}\nposts:\n  - {date: 2026-12-01, rubric: Polls, title: Poll}\n",
        fix=N_("Lower the rubrics' shares so that together they fit the category's share."),
    ),
    Rule(
        "RUB005", "starved-rubric", "info", N_("A rubric has no post for weeks."),
        what=N_("Within the plan's period, a rubric goes `starved-weeks` weeks (config, default 3) or more without a "
        "post, or longer than its own pace (`share`, `per_month`) allows."),
        why=N_("A rubric lives by its rhythm: followers who come for it stop waiting."),
        example="start: 2026-12-01\nweeks: 6\nrubrics:\n  - {name: Polls, type: engaging}\nposts:\n"
        "  - {date: 2026-12-01, rubric: Polls, title: Poll}\n  - {date: 2027-01-10, type: engaging, title: Quiz}\n",
        fix=N_("Plan a post of the rubric in the gap, or drop the rubric."),
    ),
    Rule(
        "RUB006", "idea-bank-too-small", "warning", N_("A rubric has fewer ideas than the period needs."),
        what=N_("The rubric's share or monthly count asks for more posts over the plan's period than it has planned "
        "posts and unused ideas together."),
        why=N_("When the bank runs dry the team writes filler at the last minute, and content stops being unique."),
        example="weeks: 4\nrubrics:\n  - {name: Polls, type: engaging, per_month: 8, ideas: [Coffee or tea?]}\n"
        "posts:\n  - {date: 2026-12-01, rubric: Polls, title: Poll}\n",
        fix=N_("Add ideas to the rubric's bank (`ideas:`), or lower its share."),
    ),
    Rule(
        "RUB007", "occasion-without-post", "info", N_("An occasion in the period with no post near it."),
        what=N_("A public holiday or observance of the plan's `country`, or one of the brand's `occasions:`, falls in "
        "the plan's period with no post within a day of it."),
        why=N_("Occasions (инфоповоды) are when the audience is already talking; a brand that is silent then looks "
        "absent."),
        example="country: US\nposts:\n  - {date: 2026-12-20, type: engaging, title: Poll}\n"
        "  - {date: 2026-12-28, type: engaging, title: Quiz}\n",
        fix=N_("Plan a themed post on the day or the day before (`smmplan suggest` places one), or let it pass."),
    ),
    Rule(
        "RUB008", "bad-occasion", "error", N_("An occasion or a country that cannot be used."),
        what=N_("An entry of `occasions:` has a date that is not YYYY-MM-DD or MM-DD, or names an unknown rubric, "
        "or `country:` is not a country the holidays calendar knows."),
        why=N_("The occasion cannot be placed, so no post marks it."),
        example="occasions:\n  - {date: 15.12, name: Shop birthday}\nposts:\n"
        "  - {date: 2026-12-01, type: engaging, title: Poll}\n",
        fix=N_("Write dates as 2026-12-15 (or 12-15 for every year) and countries as ISO codes (RU, US, DE)."),
    ),
    Rule(
        "RUB009", "unknown-business", "warning", N_("The plan's kind of business has no ideas of its own."),
        what=N_("The plan's `business:` is none of the kinds smmplan has ideas for (cafe, beauty, fitness, "
        "b2b_software, retail, education, services, events, and their aliases in both languages)."),
        why=N_("`suggest` then falls back to general ideas that may not suit the brand."),
        example="business: cofee shop\nposts:\n  - {date: 2026-12-01, type: engaging, title: Poll}\n",
        fix=N_("Write one of the kinds (or an alias such as кафе, салон красоты or фитнес), or give the plan rubrics with "
        "ideas of its own."),
    ),
)


def check(ctx) -> Iterator[Problem]:
    plan = ctx.plan
    rub_list = plan.rubrics
    cats = _rubric_categories(ctx)
    yield from _posts(ctx, cats)
    if rub_list and ctx.formula is not None:
        yield from _shares(ctx, cats)
    if rub_list and ctx.posts:
        yield from _starved_and_banks(ctx)
    yield from _occasions(ctx)
    if plan.business is None:
        return
    from smmplan import ideas  # (read only for a plan that names its business)

    if ideas.business_kind(plan.business) is None:
        near = ideas.suggest_business(plan.business)
        said = (_("`business: {business}` is no kind smmplan has ideas for. Did you mean `{near}`?") if near
                else _("`business: {business}` is no kind smmplan has ideas for."))
        yield Problem(
            "RUB009",
            said.format(business=plan.business, near=near),
            ("business",),
            fix=_("Write one of: {kinds} (or an alias such as кафе, салон красоты, фитнес).").format(
                kinds=", ".join(ideas.BUSINESS_KINDS)),
        )


def _rubric_categories(ctx) -> dict[int, str | None]:
    out: dict[int, str | None] = {}
    for j, r in enumerate(ctx.plan.rubrics):
        out[j] = formulas.canonical_type(r.type, ctx.formula) if ctx.formula is not None else None
    return out


def _posts(ctx, cats: dict[int, str | None]) -> Iterator[Problem]:
    plan, formula = ctx.plan, ctx.formula
    for j, r in enumerate(plan.rubrics):
        if formula is not None and cats[j] is None:
            near = formulas.suggest_type(r.type, formula)
            said = (_("Rubric «{rubric}» has type `{type}`, not a category of the {formula} formula. "
                      "Did you mean `{near}`?") if near else
                    _("Rubric «{rubric}» has type `{type}`, not a category of the {formula} formula."))
            yield Problem(
                "RUB003",
                said.format(rubric=r.name, type=r.type, formula=formula.name, near=near),
                ("rubrics", j, "type"),
                fix=_("Use one of: {categories}.").format(categories=", ".join(formula.categories)),
            )
    for p in ctx.posts:
        post = p.post
        if post.rubric is None:
            continue
        j = rubrics.find_index(plan.rubrics, post.rubric)
        if j is None:
            near = rubrics.suggest(plan.rubrics, post.rubric)
            names = ", ".join(f"«{r.name}»" for r in plan.rubrics[:8]) or _("none yet")
            said = (_("Rubric «{rubric}» is not one of the plan's rubrics ({rubrics}). Did you mean «{near}»?") if near
                    else _("Rubric «{rubric}» is not one of the plan's rubrics ({rubrics})."))
            fix = _("Write the rubric's name as `rubrics:` has it, or add it there with its type.")
            if not post.type:
                fix += " " + _("Until then the post has no type and does not count in the mix.")
            yield Problem(
                "RUB001",
                said.format(rubric=post.rubric, rubrics=names, near=near),
                ("posts", p.index, "rubric"),
                fix=fix,
            )
            continue
        rubric, cat = plan.rubrics[j], cats[j]
        if not post.type_from_rubric and cat is not None and p.category is not None and p.category != cat:
            yield Problem(
                "RUB002",
                _("The post is `{type}` ({category}), but its rubric «{rubric}» is {rubric_category}.").format(
                    type=post.type, category=terms.category(p.category), rubric=rubric.name,
                    rubric_category=terms.category(cat)),
                ("posts", p.index, "type"),
                fix=_("Drop `type:` (the rubric gives {rubric_category}), or move the post to a rubric of type "
                      "{category}.").format(rubric_category=terms.category(cat), category=terms.category(p.category)),
            )


def _shares(ctx, cats: dict[int, str | None]) -> Iterator[Problem]:
    by_cat: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, r in enumerate(ctx.plan.rubrics):
        if r.share is not None and cats[j] is not None:
            by_cat[cats[j]].append((j, r.share))
    wanted = dict(ctx.formula.shares)
    tol = float(ctx.tolerance * 100)
    for cat, items in by_cat.items():
        total = sum(s for _, s in items)
        target = float(wanted[cat] * 100)
        if total > target + tol + 1e-9:
            names = ", ".join(f"«{ctx.plan.rubrics[j].name}» {s:g} %" for j, s in items)
            yield Problem(
                "RUB004",
                _("The {category} rubrics claim {total} % of the posts ({rubrics}); the {formula} formula gives "
                  "{category} {target} % ± {tolerance} pp.").format(
                    category=terms.category(cat), total=f"{total:g}", rubrics=names, formula=ctx.formula.name,
                    target=f"{target:g}", tolerance=f"{tol:g}"),
                ("rubrics", items[-1][0], "share"),
                fix=_("Lower their shares to {target} % together, or move a rubric to another type.").format(
                    target=f"{target:g}"),
            )


def _starved_and_banks(ctx) -> Iterator[Problem]:
    plan, settings = ctx.plan, ctx.settings
    starved_weeks = getattr(settings, "starved_weeks", DEFAULT_STARVED_WEEKS)
    live = [p for p in ctx.posts if p.status != "cancelled"]
    start = ctx.start
    end = _period_end(ctx)
    if start is None or end is None:
        return
    months = rubrics.period_months(start, end)
    total = sum(1 for p in live if p.counted)
    used = rubrics.used_titles([p.post for p in live])
    for j, r in enumerate(plan.rubrics):
        dates = sorted(p.post.date for p in live if p.post.rubric and rubrics.same_name(r.name, p.post.rubric))
        target = rubrics.target(r, total, months)
        pace_days = (end - start).days / target * 1.5 if target else 0
        limit = max(starved_weeks * 7, pace_days)
        if starved_weeks > 0 and (end - start).days >= limit:
            edges = [start - dt.timedelta(days=1), *dates, end + dt.timedelta(days=1)]
            gap = max(((b - a).days - 1, a) for a, b in zip(edges, edges[1:]))
            if gap[0] >= limit:
                weeks = gap[0] // 7
                said = (ngettext("Rubric «{rubric}» has no post for {weeks} week (from the start); a rubric starves "
                                 "after {limit}.",
                                 "Rubric «{rubric}» has no post for {weeks} weeks (from the start); a rubric starves "
                                 "after {limit}.", weeks) if gap[1] < start else
                        ngettext("Rubric «{rubric}» has no post for {weeks} week (from {day}); a rubric starves "
                                 "after {limit}.",
                                 "Rubric «{rubric}» has no post for {weeks} weeks (from {day}); a rubric starves "
                                 "after {limit}.", weeks))
                yield Problem(
                    "RUB005",
                    said.format(rubric=r.name, weeks=weeks, day=_day(gap[1]), limit=math.ceil(limit / 7)),
                    ("rubrics", j, "name"),
                    fix=_("Plan a post of the rubric in the gap (`smmplan suggest` draws one from its ideas)."),
                    data={"rubric": r.name, "days": gap[0]},
                )
        if target is not None:
            left = len(rubrics.ideas_left(r, used))
            need = math.ceil(target - 1e-9) - len(dates)
            if need > left:
                yield Problem(
                    "RUB006",
                    ngettext("Rubric «{rubric}» needs {needed} posts over the plan's period; it has {planned} planned "
                             "and {left} unused idea: {short} short.",
                             "Rubric «{rubric}» needs {needed} posts over the plan's period; it has {planned} planned "
                             "and {left} unused ideas: {short} short.", left).format(
                        rubric=r.name, needed=math.ceil(target - 1e-9), planned=len(dates), left=left,
                        short=need - left),
                    ("rubrics", j, "ideas") if r.ideas else ("rubrics", j, "name"),
                    fix=ngettext("Add at least {n} idea to its `ideas:`, or lower its share.",
                                 "Add at least {n} ideas to its `ideas:`, or lower its share.",
                                 need - left).format(n=need - left),
                    data={"rubric": r.name, "needed": math.ceil(target - 1e-9), "planned": len(dates), "ideas_left": left},
                )


def _period_end(ctx) -> dt.date | None:
    return rubrics.period_end(ctx.start, ctx.plan.weeks, max(p.post.date for p in ctx.posts) if ctx.posts else None)


def _occasions(ctx) -> Iterator[Problem]:
    plan = ctx.plan
    if not (plan.occasions or plan.country):
        return
    from smmplan import occasions  # the calendars, read only for a plan with occasions or a country

    start, end = ctx.start, _period_end(ctx)
    for j, occ in enumerate(plan.occasions):
        if occ.rubric is not None and rubrics.find(plan.rubrics, occ.rubric) is None:
            yield Problem("RUB008", _("Occasion «{occasion}» names rubric «{rubric}», which the plan does not "
                                      "have.").format(occasion=occ.name, rubric=occ.rubric),
                          ("occasions", j, "rubric"), fix=_("Name one of the plan's rubrics."))
        try:
            occasions.own_date(occ.date, start or dt.date.min, end or dt.date.min)
        except occasions.OccasionError as exc:
            yield Problem("RUB008", _("Occasion «{occasion}»: {problem}.").format(occasion=occ.name, problem=exc),
                          ("occasions", j, "date"),
                          fix=_("Write 2026-12-15, or 12-15 for a date that comes back every year."))
    if start is None or end is None or not (plan.country or plan.occasions):
        return
    found, problems = occasions.in_period(plan, start, end, _language(ctx))
    for where, message in problems:
        if where == ("country",):  # unreadable dates were reported above, whatever the period
            yield Problem("RUB008", f"{message}.", where,
                          fix=_("Write the country as an ISO code, such as RU, US, DE, KZ or BY."))
    days = {p.post.date for p in ctx.posts if p.status != "cancelled"}
    for occ in sorted(found, key=lambda o: o.date):
        if any(occ.date + dt.timedelta(days=k) in days for k in (-1, 0, 1) if _safe(occ.date, k)):
            continue
        where = ("occasions", occ.index, "date") if occ.index is not None else ("country",)
        said = (_("{day}: {occasion} (your occasion) has no post within a day of it.") if occ.source == "plan" else
                _("{day}: {occasion} ({country}) has no post within a day of it."))
        yield Problem(
            "RUB007",
            said.format(day=_day_year(occ.date), occasion=occ.name, country=occ.source),
            where,
            fix=_("Plan a themed post on the day or the day before; `smmplan suggest` places one from the rubric "
                  "that suits it."),
            data={"date": occ.date.isoformat(), "occasion": occ.name, "source": occ.source},
        )


def _safe(day: dt.date, k: int) -> bool:
    return dt.date.min + dt.timedelta(days=1) <= day <= dt.date.max - dt.timedelta(days=1) or k == 0


def _language(ctx) -> str:
    """The language holidays are named in: the report's."""
    return current()


def _day(day: dt.date) -> str:
    """`07 Dec` in English (as the report has always written it), `7 дек.` in Russian."""
    return f"{day:%d %b}" if current() == DEFAULT else dates.day(day)


def _day_year(day: dt.date) -> str:
    """`Mon 07 Dec 2026` in English (as the report has always written it), `пн, 7 дек. 2026 г.` in Russian."""
    return f"{day:%a %d %b %Y}" if current() == DEFAULT else f"{dates.weekday(day)}, {dates.day_year(day)}"


def summarize(ctx) -> dict[str, Any]:
    """`rubrics`: each rubric's planned and target counts and ideas left (when the plan has rubrics)."""
    plan = ctx.plan
    if not plan.rubrics:
        return {}
    end = _period_end(ctx)
    rows = rubrics.rows(plan, ctx.posts, ctx.settings.today(), ctx.start, end)
    return {"rubrics": [
        {"name": r.name, "type": r.type, "planned": r.planned,
         "target": round(r.target, 1) if r.target is not None else None, "ideas": r.ideas,
         "ideas_left": r.ideas_left, "next_post": r.next_post.isoformat() if r.next_post else None}
        for r in rows
    ]}
