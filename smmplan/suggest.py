"""What `smmplan suggest` proposes: a rebalanced plan, or an N-week calendar.

The counting is done by :mod:`smmplan.planner` (cheapest changes) and
:mod:`smmplan.calendar` (type counts, order, days); this module maps them
onto real posts and dates and writes the YAML through :mod:`smmplan.writer`.
It computes only: it works on a plan the engine has checked (a
:class:`~smmplan.engine.PlanResult`) and the rebalancing the engine planned
for it, and imports neither the engine nor the command line. Reading the
file, checking it, checking the result again before anything is written,
printing and writing are the command's: :mod:`smmplan.commands.suggest`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from smmplan import calendar, formulas, ideas, loader, networks, planner, writer
from smmplan.config import Settings
from smmplan.days import shift
from smmplan.locale import N_, _, ngettext, speaking

if TYPE_CHECKING:  # for annotations only: the engine hands its results in
    from smmplan.engine import PlanResult

DEFAULT_CHANNELS = ("instagram", "telegram")
GOAL_KINDS = ("traffic", "awareness", "loyalty", "support")
_GOAL_ALIASES = {"sales": "traffic", "leads": "traffic", "community": "loyalty", "engagement": "loyalty",
                 "brand_awareness": "awareness", "service": "support", "customer_support": "support"}


class SuggestError(ValueError):
    """Input `suggest` cannot work with; the message says what to do (exit 2)."""


# --- rebalancing --------------------------------------------------------------------


@dataclass(slots=True)
class Retype:
    index: int  # in the file's posts list
    line: int | None
    date: dt.date
    title: str
    was: str  # the type as written
    source: str  # category
    target: str  # category
    word: str  # what the new type is written as (or the new rubric's name, when `key` is rubric)
    status: str | None = None
    key: str = "type"  # the key rewritten: `type`, or `rubric` for a post that takes its type from a rubric


@dataclass(slots=True)
class Suggestion:
    path: str
    result: PlanResult
    rebalance: planner.Rebalance
    mode: str  # "none" (passes already), "retype" (retype and replace), "move", "add", "mixed", "impossible", "unread"
    retypes: list[Retype] = field(default_factory=list)
    additions: list[calendar.NewPost] = field(default_factory=list)
    steps: list[planner.Step] = field(default_factory=list)  # retype, replace and move, post by post
    replacements: list[calendar.NewPost] = field(default_factory=list)  # the new posts of the replaced ones
    unread: list[tuple[int | None, str]] = field(default_factory=list)  # (line, message) of posts not read
    values: list[tuple[int, str, Any]] = field(default_factory=list)  # (post, key, new value) rewritten
    text: str | None = None  # the rebalanced plan
    data: bytes | None = None
    after: PlanResult | None = None  # the check of the rebalanced plan


def type_words(result: PlanResult) -> dict[str, str]:
    """How the plan writes each category: its most common spelling, else the
    canonical name (in Russian for Russian plans)."""
    seen: dict[str, Counter] = {}
    for p in result.posts:
        if p.category:
            seen.setdefault(p.category, Counter())[p.post.type] += 1
    russian = language_of(result) == "ru"
    out = {}
    for cat in result.formula.categories:
        if cat in seen:
            out[cat] = seen[cat].most_common(1)[0][0]
        else:
            out[cat] = ideas.RU_TYPES.get(cat, cat) if russian else cat
    return out


def language_of(result: PlanResult) -> str:
    plan = result.plan
    titles = [p.title for p in plan.posts]
    return "ru" if ideas.is_russian(plan.language, titles) else "en"


def week_counts(result: PlanResult) -> tuple[tuple[int, ...], dict[int, tuple[int, ...]]]:
    """The plan's counted posts per category, overall and week by week."""
    cats = result.formula.categories
    weeks: dict[int, list[int]] = {}
    for p in result.posts:
        if p.counted:
            weeks.setdefault(p.week, [0] * len(cats))[cats.index(p.category)] += 1
    totals = tuple(sum(w[c] for w in weeks.values()) for c in range(len(cats)))
    return totals, {w: tuple(c) for w, c in sorted(weeks.items())}


UNREAD_CODES = ("PLAN006", "PLAN007")  # a post's value that cannot be read (a bad date), an unknown type


def unread_posts(result: PlanResult) -> list[tuple[int | None, str]]:
    """(line, message) of every post the check could not read or count."""
    return [(f.line, f.message) for f in result.findings
            if f.code in UNREAD_CODES and f.where.startswith("posts[")]


def rebalance_plan(result: PlanResult, data: bytes, rb: planner.Rebalance, steps: list[planner.Step],
                   settings: Settings | None = None, *, add: bool = True, force: bool = False) -> Suggestion:
    """The cheapest changes that make the checked plan (``result``, of the file's ``data``) pass
    MIX001 and MIX002, as the engine planned them (``rb``, ``steps``), applied to its text; the
    caller checks the new text before writing it. A plan with posts that could not be read is not
    rebalanced unless `force`d (mode "unread"): a rebalance computed on part of a plan is wrong."""
    settings = settings or Settings()
    path = result.path
    unread = unread_posts(result)
    sug = Suggestion(path, result, rb, "none", unread=unread)
    if unread and not force:
        sug.mode = "unread"
        return sug
    if not rb.needed:
        return sug
    values: list[tuple[int, str, Any]] = []
    if rb.mode in ("change", "move", "mixed"):
        sug.mode = {"change": "retype", "move": "move", "mixed": "mixed"}[rb.mode]
        words = type_words(result)
        targets = _rubric_targets(result)
        sug.steps = steps
        for st in steps:
            p = st.post
            if st.kind == "retype":
                if p.post.rubric and st.target not in targets:
                    # a rubric post with no rubric of the new type to move to: adding posts is the way
                    sug.retypes.clear()
                    sug.replacements.clear()
                    sug.steps, values, sug.mode = [], [], "none"
                    break
                key, word = ("rubric", targets[st.target]) if p.post.rubric else ("type", words[st.target])
                sug.retypes.append(Retype(
                    p.index, result.doc.locate(("posts", p.index, key))[0], p.post.date, p.post.title,
                    p.post.rubric if key == "rubric" else p.post.type, st.source, st.target, word, p.status, key,
                ))
            elif st.kind == "replace":  # the old post waits past the plan's end, or is cancelled
                values.append((p.index, "date", st.later) if st.later else (p.index, "status", "cancelled"))
                sug.replacements.append(_replacement(result, st, words))
            else:
                values.append((p.index, "date", st.date))
        if sug.mode == "mixed":
            sug.additions = _place_additions(result, rb.combo.week_adds, settings)
    if sug.mode == "none" and add and rb.adds:
        sug.mode = "add"
        sug.additions = _place_additions(result, rb.week_adds, settings)
    elif sug.mode == "none":
        sug.mode = "impossible"
        return sug
    sug.text = writer.edit_plan(result.doc.text, result.doc, [(r.index, r.word, r.key) for r in sug.retypes],
                                [p.fields() for p in sug.replacements + sug.additions], values)
    sug.data = loader.encode_like(sug.text, data)  # the plan's own encoding, BOM and all
    sug.values = values
    return sug


def _replacement(result: PlanResult, st: planner.Step, words: dict[str, str]) -> calendar.NewPost:
    """The new post that takes a replaced post's slot: its day (or the day it would have moved to),
    time and channel, the idea as its title."""
    post = st.post.post
    language = language_of(result)
    return calendar.NewPost(
        date=st.date, time=post.time.strftime("%H:%M") if post.time else calendar.SINGLE_TIMES[0],
        channel=post.channel, category=st.target, type=words[st.target], title=st.idea or st.target,
        source=ideas.UGC_SOURCE[language] if st.target in ideas.UGC_CATEGORIES else None, week=st.week,
    )


def _place_additions(result: PlanResult, week_adds: dict[int, dict[str, int]],
                     settings: Settings) -> list[calendar.NewPost]:
    """Dates (emptiest days of the week first), channels and times for the posts to add
    (week -> category -> posts)."""
    plan = result.plan
    words = type_words(result)
    language = language_of(result)
    banks, planned, _ = _rubric_banks(plan, result.formula, result.start, 1, language, result)
    titles = ideas.Titles(language, {p.title for p in plan.posts}, business=plan.business, rubrics=banks,
                          planned=planned)
    per_day = Counter(p.post.date for p in result.posts)
    times = Counter(p.post.time.strftime("%H:%M") for p in result.posts if p.post.time)
    usual = [t for t, _ in times.most_common()] + [t for t in calendar.SINGLE_TIMES if t not in times]
    taken_times: dict[dt.date, set[str]] = {}
    for p in result.posts:
        if p.post.time:
            taken_times.setdefault(p.post.date, set()).add(p.post.time.strftime("%H:%M"))
    channels = list(plan.channels) or _channels_used(result)
    slots = networks.merged_slots(settings, plan)
    by_channel: dict[str, list[tuple[dt.date, str, str | None]]] = {}
    for p in result.posts:
        if p.counted:
            by_channel.setdefault((p.post.channel or "").lower(), []).append(
                (p.post.date, p.post.time.strftime("%H:%M") if p.post.time else "00:00", p.category))
    ad = next((c for c in calendar.AD_CATEGORIES if c in result.formula.categories), None)
    out = []
    for week, cats in sorted(week_adds.items()):
        first = result.start + dt.timedelta(days=7 * week)
        days = [d for d in (shift(first, n) for n in range(7)) if d is not None]  # none past 9999-12-31
        plan_cats = [c for c, k in cats.items() for _ in range(k)]
        plan_cats.sort(key=lambda c: c == ad)  # place advertising last, between the others
        for cat in plan_cats:
            day = min(days, key=lambda d: (per_day[d], d))
            per_day[day] += 1
            used = taken_times.setdefault(day, set())
            usual_time = next((t for t in usual if t not in used), usual[0])
            used.add(usual_time)

            def clash(ch: str) -> tuple:
                posts = sorted(by_channel.get(ch.lower(), []) + [(day, usual_time, "\0new")])
                i = posts.index((day, usual_time, "\0new"))
                near = [posts[j][2] for j in (i - 1, i + 1) if 0 <= j < len(posts)]
                week_load = sum(first <= d < first + dt.timedelta(days=7) for d, _, _ in by_channel.get(ch.lower(), []))
                return (cat == ad and ad in near, week_load, channels.index(ch))

            channel = min(channels, key=clash) if channels else None
            fit = slots.get(networks.channel_key(channel)) if channel else None
            if fit:  # inside the channel's posting slots, in the same week
                day, usual_time = networks.fit_slot(fit, day, usual_time, first)
            if channel:
                by_channel.setdefault(channel.lower(), []).append((day, usual_time, cat))
            idea = titles.pick(cat, day)
            out.append(calendar.NewPost(
                date=day, time=usual_time, channel=channel, category=cat, type=words[cat], title=idea.title,
                source=ideas.UGC_SOURCE[language] if cat in ideas.UGC_CATEGORIES else None, week=week,
                rubric=idea.rubric, text=idea.text, link=idea.link,
                notes=ideas.DRY_NOTE[titles.language] if idea.placeholder else None,
            ))
    out.sort(key=lambda p: (p.date, p.time))
    return out


def _channels_used(result: PlanResult) -> list[str]:
    seen: list[str] = []
    for p in result.posts:
        if p.post.channel and p.post.channel not in seen:
            seen.append(p.post.channel)
    return seen


# --- calendars ----------------------------------------------------------------------


@dataclass(slots=True)
class CalendarPlan:
    header: dict[str, Any]
    calendar: calendar.Calendar
    comments: list[str]
    text: str = ""
    placeholders: list[str] = field(default_factory=list)  # header keys written as FILL_IN values
    fill_in: str = "FILL IN"  # how those values are marked (in the plan's language)


# What a generated plan needs and was not told (no --brand, no --goal): written as values that say
# so, which `smmplan check` accepts and a person cannot miss (search the file for them).
FILL_IN = {"en": "FILL IN", "ru": "ЗАПОЛНИТЬ"}
DEFAULT_GOAL = "loyalty"  # a community that comes back: what every formula's engaging share is for


def goal(kind: str, posts: int, language: str) -> dict[str, Any]:
    """A goal of this kind with a KPI that measures it (targets are placeholders to agree with the client)."""
    key = formulas.normalise_word(kind)
    key = _GOAL_ALIASES.get(key, key)
    if key not in GOAL_KINDS:
        raise SuggestError(_("unknown goal `{kind}`; choose from: {kinds}.").format(kind=kind,
                                                                                     kinds=", ".join(GOAL_KINDS)))
    with speaking(language):  # written into the plan: in the plan's language
        stats = _("platform statistics")
        if key == "traffic":
            return {"kind": "traffic", "description": _("Visits to the site from the posts"),
                    "kpis": [{"metric": "site_clicks", "target": max(100, 30 * posts), "source": "GA4"}]}
        if key == "awareness":
            return {"kind": "awareness", "description": _("More people know the brand"),
                    "kpis": [{"metric": "reach", "target": max(5000, 1500 * posts), "source": stats}]}
        if key == "loyalty":
            return {"kind": "loyalty", "description": _("A community that comes back"),
                    "kpis": [{"metric": "engagement_rate", "target": "4%", "basis": "reach", "source": stats}]}
        return {"kind": "support", "description": _("Fast answers to questions"),
                "response_time": "2h",
                "kpis": [{"metric": "first_response_time", "target": "2h", "source": "Helpdesk"},
                         {"metric": "questions_resolved", "target": max(50, 10 * posts), "source": "Helpdesk"}]}


def _rubric_targets(result: PlanResult) -> dict[str, str]:
    """For each formula category, the rubric a post retyped to it moves to: the first of that type."""
    out: dict[str, str] = {}
    for r in result.plan.rubrics if result.plan is not None else ():
        cat = formulas.canonical_type(r.type, result.formula)
        if cat is not None:
            out.setdefault(cat, r.name)
    return out


def _rubric_fields(rubric: Any) -> dict[str, Any]:
    """A rubric as the plan writes it: ideas with only a title as plain text."""
    out = rubric.model_dump(exclude_none=True, exclude={"ideas"})
    if isinstance(out.get("share"), float) and out["share"].is_integer():
        out["share"] = int(out["share"])
    if rubric.ideas:
        out["ideas"] = [i.title if i.text is None and i.link is None else i.model_dump(exclude_none=True)
                        for i in rubric.ideas]
    return out


def _rubric_banks(plan: Any, formula: Any, start: dt.date, weeks: int, language: str,
                  result: PlanResult | None) -> tuple[list, dict[str, int], list]:
    """The rubrics' idea banks by formula category, the posts each already has, and the
    occasions of the new period (public holidays of the plan's country, its own dates)."""
    if plan is None:
        return [], {}, []
    from smmplan import occasions, rubrics

    banks = []
    for r in plan.rubrics:
        cat = formulas.canonical_type(r.type, formula)
        if cat is None:
            continue
        weight = r.share if r.share is not None else (r.per_month if r.per_month is not None else 1.0)
        banks.append((r.name, cat, max(float(weight), 1e-6), tuple((i.title, i.text, i.link) for i in r.ideas)))
    planned: dict[str, int] = {}
    for p in (result.posts if result is not None else ()):
        if p.post.rubric and p.status != "cancelled":
            found = rubrics.find(plan.rubrics, p.post.rubric)
            if found is not None:
                planned[found.name] = planned.get(found.name, 0) + 1
    end = start + dt.timedelta(days=7 * weeks - 1)
    found_occ, _ = occasions.in_period(plan, start, end, "ru" if language == "ru" else "en")
    themed = []
    for occ in found_occ:
        rubric = rubrics.find(plan.rubrics, occ.rubric) if occ.rubric else None
        cat = (formulas.canonical_type(rubric.type, formula) if rubric is not None
               else formulas.canonical_type(occ.type, formula) if occ.type else None)
        themed.append(occasions.Themed(occ.date, occ.name, rubric.name if rubric is not None else None, cat))
    return banks, planned, themed


def make_calendar(
    *,
    weeks: int,
    per_week: int | None = None,
    start: dt.date | None = None,
    channels: list[str] | None = None,
    formula: str | None = None,
    brand: str | None = None,
    goals: list[str] = (),
    language: str | None = None,
    source: PlanResult | None = None,
    settings: Settings | None = None,
    today: dt.date | None = None,
    business: str | None = None,
) -> CalendarPlan:
    """A new plan of `weeks` weeks; with `source` (a checked plan) it continues that plan, or,
    when that plan has rubrics and no posts yet, writes its first calendar from the rubrics."""
    settings = settings or Settings()
    header: dict[str, Any] = {}
    past = None
    plan = None
    first = False  # the source plan's first calendar: the whole plan is written out
    words: dict[str, str] = {}
    taken: set[str] = set()
    comments = []
    tolerance = None
    spec: Any = formula
    if source is not None:
        result = source
        plan = result.plan
        if result.end is None and not plan.rubrics:
            raise SuggestError(_("{path}: the plan has no posts to continue from and no rubrics to start from; "
                                 "drop the PLAN argument, or add `rubrics:` (docs/rubrics.md).").format(path=result.path))
        first = result.end is None
        totals, by_week = week_counts(result)
        if first:
            start = start or plan.start or calendar.next_monday(today or dt.date.today())
        else:
            last_week = (result.end - result.start).days // 7
            start = start or shift(result.start, 7 * (last_week + 1))
            if start is None:
                raise SuggestError(_("{path} runs to the calendar's last week (dates end on 9999-12-31): there is "
                                     "no week after it to plan; give --start.").format(path=result.path))
        if spec is None:
            spec = plan.formula if plan.formula is not None else settings.formula
        if per_week is None and not first:
            active = max(1, len(by_week))
            per_week = max(1, min(21, round(sum(totals) / active)))
        channels = channels or list(plan.channels) or _channels_used(result)
        brand = brand or plan.brand
        language = language or language_of(result)
        tolerance = plan.tolerance
        if formulas.resolve(spec) == result.formula and not first:
            past = totals
            words = type_words(result)
        taken = {p.title for p in plan.posts}
        if plan.client is not None:
            header["client"] = plan.client.model_dump(exclude_none=True)
        if plan.slots:
            header["slots"] = dict(plan.slots)
        for key in ("business", "country"):
            if getattr(plan, key):
                header[key] = getattr(plan, key)
        if plan.rubrics:
            header["rubrics"] = [_rubric_fields(r) for r in plan.rubrics]
        if plan.occasions:
            header["occasions"] = [o.model_dump(exclude_none=True) for o in plan.occasions]
        business = business or plan.business
        inherited = [_strip_actuals(g.model_dump(exclude_none=True)) for g in plan.goals]
        if first:
            comments.append((N_("First calendar of {path}, drawn from its rubrics' ideas."), {"path": result.path}))
        else:
            comments.append((N_("Continues {path} ({start} to {end}); types chosen to bring the combined mix back "
                                "to the formula."),
                             {"path": result.path, "start": f"{result.start:%Y-%m-%d}", "end": f"{result.end:%Y-%m-%d}"}))
    else:
        inherited = []
    if spec is None:
        spec = settings.formula
    try:
        resolved = formulas.resolve(spec)
    except formulas.FormulaError as exc:
        raise SuggestError(str(exc)) from None
    if len(resolved.categories) > calendar.MAX_CATEGORIES:
        raise SuggestError(_("the formula has {n} categories; a calendar can be laid out for at most {most}. Use a "
                             "preset (--formula) or merge categories.").format(n=len(resolved.categories),
                                                                              most=calendar.MAX_CATEGORIES))
    per_week = per_week or 5
    if not 1 <= per_week <= 21:
        raise SuggestError(_("--posts-per-week takes 1 to 21 posts, not {n}.").format(n=per_week))
    if not 1 <= weeks <= 520:
        raise SuggestError(_("--weeks takes 1 to 520 weeks, not {n}.").format(n=weeks))
    language = language or "en"
    start = start or calendar.next_monday(today or dt.date.today())
    if shift(start, 7 * weeks - 1) is None:
        latest = shift(dt.date.max, -(7 * weeks - 1))
        raise SuggestError(ngettext(
            "{n} week from {start} runs past 9999-12-31, the last day a date can have: start on {latest} or "
            "earlier, or ask for fewer weeks.",
            "{n} weeks from {start} run past 9999-12-31, the last day a date can have: start on {latest} or "
            "earlier, or ask for fewer weeks.", weeks).format(n=weeks, start=f"{start:%Y-%m-%d}",
                                                               latest=f"{latest:%Y-%m-%d}"))
    channels = channels or list(DEFAULT_CHANNELS)
    if tolerance is None:
        tolerance = settings.tolerance  # the config's, written into the plan so it passes anywhere
    tol = formulas.parse_tolerance(tolerance)
    banks, planned, themed = _rubric_banks(plan, resolved, start, weeks, language, result if plan else None)
    slots = networks.merged_slots(settings, plan if source is not None else None)
    cal = calendar.generate(resolved, tol, start, weeks, per_week, channels, language, past, words, taken, slots,
                            business=business, rubrics=banks, planned=planned, occasions=themed)
    new_goals = [goal(g, len(cal.posts), language) for g in goals]
    kinds = {g["kind"] for g in new_goals}
    all_goals = [g for g in inherited if g.get("kind") not in kinds] + new_goals
    placeholders = []
    mark = FILL_IN["ru" if language == "ru" else "en"]
    written = speaking(language)  # what goes into the plan is in the plan's language
    if not brand:
        with written:
            brand = _("{mark}: brand name").format(mark=mark)
        placeholders.append("brand")
    if not all_goals:  # a plan states its goals (KPI001): one to agree with the client, marked as such
        placeholder = goal(DEFAULT_GOAL, len(cal.posts), language)
        with written:
            placeholder["description"] = _("{mark}: the goal as the client puts it; agree the KPI figures with "
                                           "them").format(mark=mark)
        all_goals = [placeholder]
        placeholders.append("goals")
    if placeholders == ["brand"]:
        comments.append((N_("{mark}: `brand` (search for {mark}): put in what the client agreed, or run with "
                            "--brand and --goal."), {"mark": mark}))
    elif placeholders == ["goals"]:
        comments.append((N_("{mark}: `goals` (search for {mark}): put in what the client agreed, or run with "
                            "--brand and --goal."), {"mark": mark}))
    elif placeholders:
        comments.append((N_("{mark}: `brand` and `goals` (search for {mark}): put in what the client agreed, or "
                            "run with --brand and --goal."), {"mark": mark}))
    header = {
        "brand": brand, "start": start, "weeks": weeks, "language": language, "channels": channels,
        "formula": spec if spec is not None else resolved.name,
        "tolerance": _number(tolerance) if tolerance is not None else None,
        **header, "goals": all_goals,
    }
    with written:
        span = ngettext("{n} week", "{n} weeks", weeks).format(n=weeks)
        cadence = ngettext("{n} post a week", "{n} posts a week", per_week).format(n=per_week)
        if banks:
            top = _("Generated by smmplan suggest: {weeks} from {start}, {cadence}. Ideas come from the rubrics' "
                    "banks; titles marked «add ideas» need one.")
        else:
            top = _("Generated by smmplan suggest: {weeks} from {start}, {cadence}. Titles are placeholder ideas.")
        said = [top.format(weeks=span, start=f"{start:%Y-%m-%d}", cadence=cadence)]
        said += [_(text).format(**names) for text, names in comments]
    if first:  # the plan's own keys stay as they were, with the posts added
        header = {**{k: v for k, v in plan.model_dump(exclude_none=True, exclude={"posts", "rubrics", "goals", "occasions"}).items()
                     if v not in ([], {})}, **header}
    out = CalendarPlan(header, cal, said, placeholders=placeholders, fill_in=mark)
    out.text = writer.new_plan(header, [p.fields() for p in cal.posts], said)
    return out


def _strip_actuals(goal: dict) -> dict:
    """A goal carried into the next period: its progress figures belong to the old one."""
    goal = dict(goal)
    if "kpis" in goal:
        goal["kpis"] = [{k: v for k, v in kpi.items() if k != "actual"} for kpi in goal["kpis"]]
    return goal


def _number(value: float) -> Any:
    return int(value) if float(value).is_integer() else value
