"""KPI: every goal measured by a transparent KPI, and progress against actuals.

The vocabulary (goal kinds, their metrics, how each metric is written and
judged) lives in ``smmplan/data/kpi_metrics.yaml`` and is read once, on first
use. Teams add their own metrics with ``custom-metrics`` (metric -> goal kind).

Progress: a KPI's ``actual`` is compared with what is expected by the plan's
``as_of`` date (``--as-of`` beats it; else today). The plan's period runs from its
start for ``weeks`` x 7 days (or to the last post's date, inclusive); a KPI
with its own ``period`` (``month``, ``2 weeks``...) sets its target per that
period. Metrics that add up (clicks, reach, followers) are paced linearly:
expected by now = target x elapsed days / period days. Rates and times
(engagement rate, first response time) are levels: expected is the target.
Status: ``ahead`` at 110 % of expected or more, ``behind`` under 90 %,
``on track`` between; for lower-is-better metrics the ratio is inverted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, scheme_chars, urlsplit

from smmplan.findings import Problem, nearest, number
from smmplan.formulas import normalise_word
from smmplan.networks import channel_key
from smmplan.locale import DEFAULT, N_, _, current, ngettext
from smmplan.rules import Rule

AHEAD_AT = 1.10  # actual / expected at or above this: ahead
BEHIND_BELOW = 0.90  # below this: behind
STATUSES = ("ahead", "on track", "behind")
MAX_RESPONSE_HOURS = 24.0
GROWTH_PER_MONTH = 1.0  # organic follower growth above +100 % of the baseline a month is not credible
DAYS_PER_MONTH = 30
MAX_FIGURE = 64  # characters; a longer target or period is not a figure (and regexes stay linear)
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign")

_SUPPORT_PLAN = "goals:\n  - kind: support\n    kpis:\n      - {metric: questions_resolved, target: 200, source: Helpdesk}\nposts: []\n"

RULES = (
    Rule(
        "KPI001", "no-goals", "error", N_("The plan states no goals."),
        what=N_("The plan has no `goals:` (or an empty list), so nothing says what the posts are for."),
        why=N_("Without agreed goals and KPIs neither the client nor the team can tell quickly whether the plan works "
        "or it is time to change something."),
        example="brand: Coffee Lab\nposts:\n  - {date: 2026-12-01, type: engaging, title: Poll}\n",
        fix=N_("Add `goals:` with a kind (traffic, awareness, loyalty, support) and at least one KPI each."),
    ),
    Rule(
        "KPI002", "goal-without-kpi", "error", N_("A goal has no KPI of its own kind."),
        what=N_("A goal has no KPI, or only KPIs that measure another kind of goal: a traffic goal measured only by "
        "follower growth, a support goal measured by reach."),
        why=N_("Each goal needs its own KPI: follower growth says nothing about clicks to the site, so the traffic goal "
        "could fail unnoticed."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: followers_growth, target: 500, source: VK}\n"
        "posts: []\n",
        fix=N_("Add a KPI the message names for that kind of goal (e.g. site_clicks, ctr or conversions for traffic)."),
    ),
    Rule(
        "KPI003", "missing-target", "error", N_("A KPI has no target."),
        what=N_("A KPI names a metric but no `target:` figure to reach."),
        why=N_("A KPI without a target cannot be met or missed; progress cannot be shown."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clicks, source: GA4}\nposts: []\n",
        fix=N_("Add `target:` with the figure agreed with the client for the plan's period, e.g. `target: 1200`."),
    ),
    Rule(
        "KPI004", "invalid-kpi-value", "error", N_("A KPI's target, actual, baseline, period or basis cannot be read."),
        what=N_("A figure is not a number with a unit the metric is measured in (a count like `1200`, a percent like "
        "`4%`, a duration like `2h`), a period is not a length of time, or an engagement basis is unknown."),
        why=N_("A target like `a lot` or `4%` clicks cannot be tracked; both sides must read the same figure."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clicks, target: many, source: GA4}\n"
        "posts: []\n",
        fix=N_("Write the figure as the message says: a count (`1200`), a percent (`4%`) or a duration (`2h`, `30m`, `1d`)."),
    ),
    Rule(
        "KPI005", "missing-source", "warning", N_("A KPI does not say where its figure is read."),
        what=N_("A KPI has no `source:` (GA4, VK statistics, Telegram statistics, Instagram Insights, the helpdesk...)."),
        why=N_("A transparent KPI is read from a place both sides can open; otherwise figures get argued about."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clicks, target: 1200}\nposts: []\n",
        fix=N_("Add `source:` naming the statistics the figure comes from, e.g. `source: GA4`."),
    ),
    Rule(
        "KPI006", "unknown-metric", "error", N_("A KPI's metric is not in the vocabulary."),
        what=N_("The metric is neither one smmplan knows (see docs/kpis.md) nor a custom metric from the "
        "configuration."),
        why=N_("An unknown metric is usually a typo, and a goal measured by a misspelt metric looks measured but is not."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clikcs, target: 1200, source: GA4}\n"
        "posts: []\n",
        fix=N_("Use the metric the message suggests, or declare the team's own metric under `custom-metrics` in the "
        "configuration (metric: goal kind)."),
    ),
    Rule(
        "KPI007", "unknown-goal-kind", "error", N_("A goal's kind is not traffic, awareness, loyalty or support."),
        what=N_("`kind` names none of the goal kinds nor their aliases (sales, leads, трафик, узнаваемость...)."),
        why=N_("The kind decides which KPIs fit the goal; an unknown kind cannot be checked."),
        example="goals:\n  - kind: trafic\n    kpis:\n      - {metric: site_clicks, target: 1200, source: GA4}\n"
        "posts: []\n",
        fix=N_("Use traffic (also sales, leads), awareness, loyalty or support."),
    ),
    Rule(
        "KPI008", "missing-utm", "warning", N_("A post link lacks UTM tags while the plan has a traffic goal."),
        what=N_("A post's `link` has no `utm_source`, `utm_medium` or `utm_campaign` (or an empty one), and the plan "
        "has a traffic, sales or leads goal."),
        why=N_("Without UTM tags the site's analytics cannot attribute the clicks to the post, so the traffic KPI is "
        "under-counted."),
        example="goals:\n  - kind: traffic\n    kpis:\n      - {metric: site_clicks, target: 1200, source: GA4}\n"
        "posts:\n  - date: 2026-12-01\n    type: advertising\n    title: Winter menu\n"
        "    link: https://coffeelab.example/winter\n",
        fix=N_("Add the missing tags, e.g. `?utm_source=instagram&utm_medium=social&utm_campaign=winter-menu`."),
    ),
    Rule(
        "KPI009", "utm-medium-mismatch", "warning", N_("A link's utm_medium says paid on an organic post, or the reverse."),
        what=N_("An organic post's link has a paid medium (cpc, ppc, paid..., as GA4 reads paid traffic), or a "
        "`sponsored: yes` post's link has an organic one (social...)."),
        why=N_("Analytics then books organic clicks as paid (or paid as organic), and the report to the client is wrong."),
        example="posts:\n  - date: 2026-12-01\n    type: engaging\n    title: Poll\n"
        "    link: https://x.example/?utm_source=vk&utm_medium=cpc&utm_campaign=poll\n",
        fix=N_("Use `utm_medium=social` on organic posts and `cpc` (or `paid_social`) on sponsored ones."),
    ),
    Rule(
        "KPI010", "missing-response-time", "error", N_("A support goal does not state its response time."),
        what=N_("A support goal has no `response_time:`, or it is not a duration such as `2h`, `30m` or `1d`."),
        why=N_("Fast, qualified answers are the point of support in social networks; the client needs to know how fast."),
        example=_SUPPORT_PLAN,
        fix=N_("Add `response_time:` to the goal, e.g. `response_time: 2h`."),
    ),
    Rule(
        "KPI011", "slow-response-time", "warning", N_("A support goal promises answers later than within 24 hours."),
        what=N_("A support goal's `response_time` is longer than 24 hours."),
        why=N_("A customer who waits more than a day for an answer in public is a reputation risk for the client."),
        example=_SUPPORT_PLAN.replace("  - kind: support\n", "  - kind: support\n    response_time: 3d\n"),
        fix=N_("Promise an answer within a working day (`response_time: 8h` or less) and staff the community for it."),
    ),
    Rule(
        "KPI012", "implausible-follower-growth", "warning", N_("A follower-growth target organic work cannot reach."),
        what=N_("`followers_growth` asks for more than doubling the community (the KPI's `baseline`) per month, "
        "scaled to the plan's length (or a percent target above +100 % a month)."),
        why=N_("Such targets are met by bought followers and bots, which the honesty rules (BAN001, BAN003) forbid; they "
        "also inflate the reach while engagement falls."),
        example="weeks: 4\ngoals:\n  - kind: awareness\n    kpis:\n"
        "      - {metric: followers_growth, target: 5000, baseline: 1000, source: VK}\nposts: []\n",
        fix=N_("Agree a target organic work can reach (at most the baseline per month), or count paid reach "
        "separately; never buy followers (BAN001)."),
    ),
)


# --- the vocabulary -----------------------------------------------------------
# Metrics, the vocabulary, quantities and a KPI's reading are plain values, never changed once
# made: named tuples (a dataclass is generated anew at every start, some 0.6 ms each).


class Metric(NamedTuple):
    name: str
    units: tuple[str, ...]  # number, percent, duration
    pacing: str | None  # total, level; None: decided by the target's unit (custom metrics)
    better: str  # higher, lower
    kinds: frozenset[str]  # goal kinds it measures
    description: str = ""

    def pacing_for(self, unit: str) -> str:
        return self.pacing or ("total" if unit == "number" else "level")

    def better_for(self, unit: str) -> str:
        return "lower" if self.pacing is None and unit == "duration" else self.better


class Vocabulary(NamedTuple):
    kinds: dict[str, tuple[str, ...]]  # goal kind -> its metrics
    kind_aliases: dict[str, str]  # any accepted spelling -> goal kind
    metrics: dict[str, Metric]
    metric_aliases: dict[str, str]  # any accepted spelling -> metric
    bases: dict[str, str]  # engagement basis spelling -> basis
    paid_medium: re.Pattern

    def goal_kind(self, raw: str | None) -> str | None:
        return self.kind_aliases.get(normalise_word(raw)) if raw else None

    def metric(self, raw: str, custom: dict[str, Metric]) -> Metric | None:
        word = normalise_word(raw)
        name = self.metric_aliases.get(word, word)
        if name in custom:  # declared in the configuration (a known metric under any spelling)
            return custom[name]
        return self.metrics.get(name)

    def custom(self, declared: tuple[tuple[str, str], ...]) -> dict[str, Metric]:
        """Metrics from the configuration (metric -> goal kind); a known metric gains the kind."""
        out = {}
        for raw, kind_raw in declared:
            word = normalise_word(str(raw))
            kind = self.goal_kind(str(kind_raw)) or normalise_word(str(kind_raw))
            known = self.metric(word, {})
            if known is not None:
                out[known.name] = Metric(known.name, known.units, known.pacing, known.better, known.kinds | {kind},
                                   known.description)
            else:
                out[word] = Metric(word, ("number", "percent", "duration"), None, "higher", frozenset({kind}))
        return out


@cache
def vocabulary() -> Vocabulary:
    """Read smmplan/data/kpi_metrics.yaml once, with smmplan's own loader (every scalar a
    string, which is all the file holds): no PyYAML import on a normal check run."""
    from smmplan import loader

    raw = loader.load((Path(__file__).parent.parent / "data" / "kpi_metrics.yaml").read_bytes()).data
    kinds = {k: tuple(v["metrics"]) for k, v in raw["goal_kinds"].items()}
    kind_aliases = {}
    for kind, spec in raw["goal_kinds"].items():
        for word in (kind, *spec.get("aliases", ())):
            kind_aliases[normalise_word(word)] = kind
    metrics, metric_aliases = {}, {}
    for name, spec in raw["metrics"].items():
        fits = frozenset(k for k, ms in kinds.items() if name in ms)
        metrics[name] = Metric(name, tuple(spec["units"]), spec["pacing"], spec["better"], fits,
                               spec.get("description", ""))
        for word in (name, *spec.get("aliases", ())):
            metric_aliases[normalise_word(word)] = name
    bases = {normalise_word(w): basis for basis, words in raw["engagement_bases"].items() for w in (basis, *words)}
    return Vocabulary(kinds, kind_aliases, metrics, metric_aliases, bases, re.compile(raw["paid_medium_pattern"], re.I))


def custom_metrics(settings) -> dict[str, Metric]:
    return _custom(tuple(sorted((str(k), str(v)) for k, v in (settings.custom_metrics or {}).items())))


@lru_cache(maxsize=64)  # per config's custom-metrics: a run has one or a few
def _custom(declared: tuple[tuple[str, str], ...]) -> dict[str, Metric]:
    return vocabulary().custom(declared)


def _nearest(word: str, pool: dict[str, str]) -> str | None:
    near = nearest(normalise_word(word), pool)  # bounded: a hostile plan can hold a 10 MB metric
    return pool[near] if near else None


def _or_list(words: list[str] | tuple[str, ...]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else _("{items} or {last}").format(items=", ".join(words[:-1]),
                                                                         last=words[-1])


def _amount(value: float) -> str:
    """A whole number with its thousands marked as the current language does: 1,200 / 1 200."""
    return number(value, ",.0f")


# --- figures --------------------------------------------------------------------


class Quantity(NamedTuple):
    value: float  # durations in hours, percents as written (4 for 4 %)
    unit: str  # number, percent, duration


_NUM = r"([1-9]\d{0,2}(?:[ \u00a0_,]\d{3})+|\d+(?:[.,]\d+)?)"
_HOURS = {  # duration word -> hours
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "мин", "минут", "минуты", "минута"), 1 / 60),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "ч", "час", "часа", "часов"), 1.0),
    **dict.fromkeys(("d", "day", "days", "д", "дн", "день", "дня", "дней", "сутки", "суток"), 24.0),
    **dict.fromkeys(("w", "wk", "week", "weeks", "нед", "неделя", "недели", "недель"), 168.0),
}
_DURATION_PART = re.compile(_NUM + r"\s*([a-zа-я]+)")
_DURATIONS = re.compile(r"(?:\s*" + _DURATION_PART.pattern + r")+\s*")
_PLAIN = re.compile(_NUM + r"\s*(%|k|к|тыс\.?)?")


def _number(text: str) -> float:
    if re.fullmatch(r"[1-9]\d{0,2}(?:[ \u00a0_,]\d{3})+", text):
        return float(re.sub(r"[ \u00a0_,]", "", text))
    return float(text.replace(",", "."))


def parse_quantity(text: str | None) -> Quantity | None:
    """`1200`, `1 200`, `12k`, `4%`, `4,5 %`, `2h`, `30m`, `1d`, `1h 30m` -> Quantity; None if unreadable."""
    if text is None or len(text) > MAX_FIGURE:
        return None
    s = text.strip().lower()
    sign = -1 if s.startswith("-") else 1
    if s[:1] in ("+", "-"):
        s = s[1:].lstrip()
    m = _PLAIN.fullmatch(s)
    if m:
        value = sign * _number(m[1])
        suffix = m[2] or ""
        if suffix == "%":
            return Quantity(value, "percent")
        return Quantity(value * (1000 if suffix else 1), "number")
    if sign < 0 or not _DURATIONS.fullmatch(s):
        return None
    parts = _DURATION_PART.findall(s)
    if all(unit in _HOURS for _, unit in parts):
        return Quantity(sum(_number(n) * _HOURS[unit] for n, unit in parts), "duration")
    return None


_PERIOD_DAYS = {
    **dict.fromkeys(("day", "days", "день", "дня", "дней", "сутки", "daily"), 1),
    **dict.fromkeys(("week", "weeks", "неделя", "недели", "недель", "неделю", "weekly"), 7),
    **dict.fromkeys(("month", "months", "месяц", "месяца", "месяцев", "monthly"), DAYS_PER_MONTH),
    **dict.fromkeys(("quarter", "quarters", "квартал", "квартала", "кварталов", "quarterly"), 91),
    **dict.fromkeys(("year", "years", "год", "года", "лет", "yearly", "annual"), 365),
}


def parse_period(text: str) -> int | None:
    """`month`, `a month`, `2 weeks`, `30 days`, `квартал` -> days; None if unreadable."""
    if len(text) > MAX_FIGURE:
        return None
    m = re.fullmatch(r"(?:(?:a|an|per|one|1|в|за)\s+)?(\d+)?\s*([a-zа-яё]+)", text.strip().lower())
    if not m or m[2] not in _PERIOD_DAYS:
        return None
    return int(m[1] or 1) * _PERIOD_DAYS[m[2]]


# --- walking the plan ------------------------------------------------------------


class KpiInfo(NamedTuple):
    goal_index: int  # in the file's goals list
    kpi_index: int
    goal: Any
    kind: str | None
    kpi: Any
    metric: Metric | None
    target: Quantity | None  # None if missing or unusable
    actual: Quantity | None
    baseline: Quantity | None
    period_days: int | None  # the KPI's own period, if it names one

    @property
    def where(self) -> tuple:
        return ("goals", self.goal_index, "kpis", self.kpi_index)


_UNIT_EXAMPLES = {"number": N_("a count like `1200`"), "percent": N_("a percent like `4%`"),
                  "duration": N_("a duration like `2h`, `30m` or `1d`")}
_UNITS = {"number": N_("a count"), "percent": N_("a percent"), "duration": N_("a duration")}


def _unit_example(unit: str) -> str:
    return _(_UNIT_EXAMPLES[unit])


def _figure(info_metric: Metric | None, kpi: Any, field: str, where: tuple, problems: list[Problem],
            units: tuple[str, ...] | None = None) -> Quantity | None:
    """Read one KPI figure; report KPI004 when it is unreadable or in a unit the metric is not measured in."""
    raw = getattr(kpi, field)
    if raw is None:
        return None
    q = parse_quantity(raw)
    allowed = units or (info_metric.units if info_metric else ("number", "percent", "duration"))
    name = f"`{info_metric.name}`" if info_metric else _("this KPI")
    units_said = _or_list([_unit_example(u) for u in allowed])
    if q is None:
        problems.append(Problem(
            "KPI004",
            _("The {field} of {name} is `{raw}`: not a figure. It must be {units}.").format(
                field=field, name=name, raw=raw, units=units_said),
            where + (field,),
            fix=_("Write `{field}:` as {example}.").format(field=field, example=_unit_example(allowed[0])),
        ))
        return None
    floor_ok = q.value > 0 if field == "target" else q.value >= 0 if field == "baseline" else True
    if q.unit not in allowed or not floor_ok:
        if q.unit not in allowed:
            message = _("The {field} of {name} is `{raw}`, {unit}; {name} is measured as {units}.")
        elif field == "target":
            message = _("The {field} of {name} is `{raw}`, not above zero; {name} is measured as {units}.")
        else:
            message = _("The {field} of {name} is `{raw}`, below zero; {name} is measured as {units}.")
        alike = _other_metrics(info_metric, q.unit) if q.unit not in allowed else None
        if alike is None:
            fix = _("Write `{field}:` as {example}.")
        elif alike:
            fix = _("Write `{field}:` as {example}, or measure it by {metrics}.")
        else:
            fix = _("Write `{field}:` as {example}, or use a metric measured that way.")
        problems.append(Problem(
            "KPI004",
            message.format(field=field, name=name, raw=raw, unit=_(_UNITS[q.unit]), units=units_said),
            where + (field,),
            fix=fix.format(field=field, example=_unit_example(allowed[0]), metrics=_or_list(alike[:3]) if alike else ""),
        ))
        return None
    return q


def _other_metrics(metric: Metric | None, unit: str) -> list[str] | None:
    """The metrics of the same goal measured in `unit` (`resolution_rate` when a count metric
    got a percent target); None when the KPI names no known metric."""
    if metric is None:
        return None
    voc = vocabulary()
    alike = [m for k in sorted(metric.kinds) for m in voc.kinds.get(k, ()) if unit in voc.metrics[m].units]
    return list(dict.fromkeys(alike))


def collect(ctx, problems: list[Problem], positions: list[int] | None = None) -> list[KpiInfo]:
    """Every KPI of every valid goal, with its figures read; problems with them go to `problems`."""
    voc = vocabulary()
    custom = custom_metrics(ctx.settings)
    out = []
    for goal, gi in zip(ctx.plan.goals, positions if positions is not None else ctx.positions("goals")):
        kind = voc.goal_kind(goal.kind)
        for ki, kpi in enumerate(goal.kpis):
            where = ("goals", gi, "kpis", ki)
            metric = voc.metric(kpi.metric, custom)
            target = _figure(metric, kpi, "target", where, problems)
            unit = target.unit if target else None
            actual = _figure(metric, kpi, "actual", where, problems, (unit,) if unit else None)
            baseline = _figure(metric, kpi, "baseline", where, problems, ("number",))
            period = None
            if kpi.period is not None:
                period = parse_period(kpi.period)
                if period is None:
                    problems.append(Problem(
                        "KPI004",
                        _("The period of `{metric}` is `{period}`: not a length of time. Allowed: day, week, "
                          "month, quarter, year, or a number of them such as `2 weeks`.").format(
                            metric=kpi.metric, period=kpi.period),
                        where + ("period",),
                        fix=_("Write `period: month` (or week, quarter, `2 weeks`...), or drop it to use the plan's "
                              "period."),
                    ))
            if kpi.basis is not None and normalise_word(kpi.basis) not in voc.bases:
                problems.append(Problem(
                    "KPI004",
                    _("The basis of `{metric}` is `{basis}`; engagement rate is counted by reach, followers "
                      "or impressions.").format(metric=kpi.metric, basis=kpi.basis),
                    where + ("basis",),
                    fix=_("Write `basis: reach` (the default), `followers` or `impressions`."),
                ))
            out.append(KpiInfo(gi, ki, goal, kind, kpi, metric, target, actual, baseline, period))
    return out


def plan_days(ctx) -> int | None:
    """Length of the plan's period in days: weeks x 7, else start to the last post inclusive."""
    if ctx.plan.weeks:
        return ctx.plan.weeks * 7
    if ctx.start is None:
        return None
    dates = [p.post.date for p in ctx.posts]
    return max((max(dates) - ctx.start).days + 1, 1) if dates else None


# --- rules ------------------------------------------------------------------------


def _collected(ctx) -> tuple[list[KpiInfo], list[Problem], list[int]]:
    """collect() of this plan (its KPIs, their problems, the goals' file positions), worked out
    once in the plan's context: check() and summarize() both ask (the context lives for one plan)."""
    memo = ctx._memo.get("kpi.collect")
    if memo is None:
        problems: list[Problem] = []
        positions = ctx.positions("goals")
        memo = ctx._memo["kpi.collect"] = (collect(ctx, problems, positions), problems, positions)
    return memo


def check(ctx) -> Iterator[Problem]:
    infos, problems, positions = _collected(ctx)
    yield from problems
    voc = vocabulary()
    if not ctx.plan.goals:
        yield Problem(
            "KPI001",
            _("The plan states no goals: nobody can tell whether it works. Allowed goal kinds: traffic (also sales, "
              "leads), awareness, loyalty, support."),
            ("goals",) if "goals" in (ctx.doc.data or {}) else (), at_key=True,
            fix=_("Add `goals:` with a `kind` and at least one KPI each, e.g. "
                  "`goals: [{{kind: traffic, kpis: [{{metric: site_clicks, target: 1200, source: GA4}}]}}]`."
                  ).format(),
        )
    by_goal: dict[int, list[KpiInfo]] = {}
    for info in infos:
        by_goal.setdefault(info.goal_index, []).append(info)
    for goal, gi in zip(ctx.plan.goals, positions):
        yield from _goal(ctx, voc, goal, gi, by_goal.get(gi, []))
    for info in infos:
        yield from _kpi(ctx, voc, info)
    yield from _links(ctx, voc)


def _goal(ctx, voc: Vocabulary, goal: Any, gi: int, kpis: list[KpiInfo]) -> Iterator[Problem]:
    kind = voc.goal_kind(goal.kind)
    if kind is None:
        near = _nearest(goal.kind, voc.kind_aliases)
        yield Problem(
            "KPI007",
            (_("Goal kind `{kind}` is unknown. Did you mean `{near}`? Allowed: traffic (also sales, leads), awareness, "
               "loyalty, support.") if near else
             _("Goal kind `{kind}` is unknown. Allowed: traffic (also sales, leads), awareness, loyalty, support.")
             ).format(kind=goal.kind, near=near),
            ("goals", gi, "kind"),
            fix=_("Write `kind: {near}`.").format(near=near) if near else _("Use traffic, awareness, loyalty or support."),
        )
        return
    said = kind if current() == DEFAULT else _goal_word(kind)
    label = (goal.kind if current() == DEFAULT else said) if normalise_word(goal.kind) == kind else f"{goal.kind} ({said})"
    fitting = voc.kinds[kind]
    if not any(k.metric is None for k in kpis) and not any(k.metric and kind in k.metric.kinds for k in kpis):
        suggest = _or_list(fitting[:3])
        if kpis:
            measured = _or_list([f"`{k.kpi.metric}`" for k in kpis])
            msg = ngettext("The {label} goal is measured only by {measured}, which measures other goals: use {suggest}.",
                           "The {label} goal is measured only by {measured}, which measure other goals: use {suggest}.",
                           len(kpis))
        else:
            msg = _("The {label} goal has no KPI, so nobody can tell whether it is reached: use {suggest}.")
        yield Problem(
            "KPI002", msg.format(label=label, measured=measured if kpis else "", suggest=suggest),
            ("goals", gi, "kpis"), at_key=True,
            fix=_("Add a KPI such as `- {{metric: {metric}, target: ..., source: ...}}`; {kind} metrics: {metrics}.").format(
                metric=fitting[0], kind=said, metrics=", ".join(fitting)),
        )
    if kind == "support":
        yield from _response_time(goal, gi)


def _response_time(goal: Any, gi: int) -> Iterator[Problem]:
    raw = goal.response_time
    q = parse_quantity(raw) if raw is not None else None
    if q is None or q.unit != "duration" or q.value <= 0:
        message = (_("A support goal must promise a first-response time; none is given. Write a duration such as "
                     "`2h`, `30m` or `1d`.") if raw is None else
                   _("A support goal must promise a first-response time; it is `{raw}`, not a duration. Write a "
                     "duration such as `2h`, `30m` or `1d`."))
        yield Problem(
            "KPI010",
            message.format(raw=raw),
            ("goals", gi, "response_time") if raw is not None else ("goals", gi, "kind"),
            at_key=raw is None,
            fix=_("Add `response_time: 2h` (or what the team can keep) to the goal."),
        )
    elif q.value > MAX_RESPONSE_HOURS:
        yield Problem(
            "KPI011",
            _("The support goal promises answers within `{raw}` ({hours} hours); customers expect an answer "
              "within {most} hours at most.").format(raw=raw, hours=number(q.value), most=number(MAX_RESPONSE_HOURS)),
            ("goals", gi, "response_time"),
            fix=_("Promise a response within a working day, e.g. `response_time: 8h`, and staff the community for it."),
        )


def _kpi(ctx, voc: Vocabulary, info: KpiInfo) -> Iterator[Problem]:
    kpi = info.kpi
    if info.metric is None:
        pool = dict(voc.metric_aliases)
        pool.update({w: w for w in custom_metrics(ctx.settings)})
        near = _nearest(kpi.metric, pool)
        fitting = voc.kinds.get(info.kind, ())
        yield Problem(
            "KPI006",
            _unknown_metric(bool(near), bool(fitting)).format(
                metric=kpi.metric, near=near, metrics=", ".join(fitting),
                kind=(info.kind or "").capitalize() if current() == DEFAULT else _goal_word(info.kind or "")),
            info.where + ("metric",),
            fix=(_("Write `metric: {near}`, or declare it under `custom-metrics` in the configuration.") if near else
                 _("Use a metric from docs/kpis.md (Goals and KPIs), or declare it under `custom-metrics` in the "
                   "configuration.")).format(near=near),
        )
    if kpi.target is None:
        name = info.metric.name if info.metric else kpi.metric
        unit = info.metric.units[0] if info.metric else "number"
        yield Problem(
            "KPI003",
            _("The KPI `{metric}` has no target; it needs {example} to reach over the plan's period.").format(
                metric=kpi.metric, example=_unit_example(unit)),
            info.where, at_key=False,
            fix=_("Add `target:` under `metric: {name}`, the figure agreed with the client.").format(name=name),
        )
    if kpi.source is None:
        yield Problem(
            "KPI005",
            _("The KPI `{metric}` does not say where its figure is read (no `source`); expected the statistics "
              "both sides can open: GA4, VK statistics, Telegram statistics, Instagram Insights, the helpdesk..."
              ).format(metric=kpi.metric),
            info.where,
            fix=_("Add `source:`, e.g. `source: GA4`."),
        )
    if info.metric is not None and info.metric.name == "followers_growth" and info.target is not None:
        yield from _growth(ctx, info)


def _growth(ctx, info: KpiInfo) -> Iterator[Problem]:
    days = info.period_days or plan_days(ctx) or DAYS_PER_MONTH
    limit = GROWTH_PER_MONTH * days / DAYS_PER_MONTH  # growth as a fraction of the baseline
    t = info.target
    if t.unit == "percent":
        growth = t.value / 100
        percent = True
    elif info.baseline is not None and info.baseline.value > 0:
        growth = t.value / info.baseline.value
        percent = False
    else:
        return
    if growth > limit:
        if percent:
            message = ngettext(
                "The follower-growth target is `{target}` in {days} day; organic work rarely more than doubles a "
                "community in a month, so at most +{limit} % is credible here. Targets like this are how bought "
                "followers hide: see the honesty rules BAN001 (bought audience) and BAN003 (bots).",
                "The follower-growth target is `{target}` in {days} days; organic work rarely more than doubles a "
                "community in a month, so at most +{limit} % is credible here. Targets like this are how bought "
                "followers hide: see the honesty rules BAN001 (bought audience) and BAN003 (bots).", days)
            fix = _("Lower the target to +{limit} % or less, or add the paid tactic that brings the rest to "
                    "`tactics`; never buy followers.")
        else:
            message = ngettext(
                "The follower-growth target is {new} new followers on a community of {baseline} (+{growth} %) in "
                "{days} day; organic work rarely more than doubles a community in a month, so at most +{limit} % "
                "({most} followers) is credible here. Targets like this are how bought followers hide: see the "
                "honesty rules BAN001 (bought audience) and BAN003 (bots).",
                "The follower-growth target is {new} new followers on a community of {baseline} (+{growth} %) in "
                "{days} days; organic work rarely more than doubles a community in a month, so at most +{limit} % "
                "({most} followers) is credible here. Targets like this are how bought followers hide: see the "
                "honesty rules BAN001 (bought audience) and BAN003 (bots).", days)
            fix = _("Lower the target to +{limit} % ({most} followers) or less, or add the paid tactic that brings "
                    "the rest to `tactics`; never buy followers.")
        figures = {"target": info.kpi.target, "days": days, "limit": f"{limit * 100:.0f}",
                   "new": _amount(t.value), "growth": f"{growth * 100:.0f}",
                   "baseline": _amount(info.baseline.value) if info.baseline is not None else "",
                   "most": _amount(info.baseline.value * limit) if info.baseline is not None else ""}
        yield Problem(
            "KPI012",
            message.format(**figures),
            info.where + ("target",),
            fix=fix.format(**figures),
            data={"growth": round(growth, 4), "limit": round(limit, 4)},
        )


def _goal_word(kind: str) -> str:
    """A goal kind as Russian SMM people say it (the locale's words are loaded only then)."""
    from smmplan.locale import terms

    return terms.goal(kind)


def _unknown_metric(near: bool, fitting: bool) -> str:
    """KPI006's sentence: with a "did you mean" or not, with the goal's metrics or not."""
    if near and fitting:
        return _("Metric `{metric}` is unknown. Did you mean `{near}`? {kind} metrics: {metrics}.")
    if near:
        return _("Metric `{metric}` is unknown. Did you mean `{near}`?")
    if fitting:
        return _("Metric `{metric}` is unknown. {kind} metrics: {metrics}.")
    return _("Metric `{metric}` is unknown.")


def _utm_tags(query: str) -> dict[str, str]:
    """The UTM tags of a query string as parse_qsl reads them (keys lower-cased, the
    last of a repeated key wins). Without escapes (`%`, `+`) decoding changes nothing,
    so a plain split gives the same pairs at a fraction of the cost."""
    if "%" in query or "+" in query:
        pairs = [(k, "=", v) for k, v in parse_qsl(query, keep_blank_values=True)]
    else:
        pairs = [pair.partition("=") for pair in query.split("&")]  # an empty pair has no UTM key
    tags: dict[str, str] = {}
    for k, _eq, v in pairs:  # one plain loop: half the cost of nested comprehensions, 8,000 links a plan
        k = k.lower()
        if k in UTM_KEYS:
            tags[k] = v
    return tags


_SCHEME_CHARS = frozenset(scheme_chars)


def _scheme_and_query(link: str) -> tuple[str, str]:
    """urlsplit(link)'s scheme and query (ValueError as it raises). For a printable ASCII
    link without brackets urlsplit removes nothing and checks nothing that can fail, and
    neither a scheme nor a host holds `?` or `#`: the query is what follows the first `?`
    before the first `#`. Anything else goes to urlsplit itself."""
    if link.isascii() and link.isprintable() and "[" not in link and "]" not in link:
        i = link.find(":")
        scheme = link[:i].lower() if i > 0 and link[0].isalpha() and _SCHEME_CHARS.issuperset(link[:i]) else ""
        return scheme, link.partition("#")[0].partition("?")[2]
    parts = urlsplit(link)
    return parts.scheme, parts.query


def _printable_ascii_but(excluded: str) -> str:
    """A regex class: printable ASCII but space and `excluded` (a negated class reaching
    U+10FFFF would compile 50 times slower, 9 ms at every start-up)."""
    return "[" + "".join(re.escape(chr(c)) for c in range(0x21, 0x7F) if chr(c) not in excluded) + "]"


# The usual post link, `http(s)://host/path?utm_source=..&utm_medium=..&utm_campaign=..`, all
# printable ASCII without spaces; no `?`, `#` or bracket before the query, and tag values
# without `#`, `%`, `&`, `+`, `=`, `?` or brackets. For it _scheme_and_query takes its plain
# branch (the query is everything after the `?`), _utm_tags its split branch (the three
# pairs as written), and no value is blank once stripped: all three tags, none missing.
_LINK_CHAR = _printable_ascii_but("?#[]")
_TAG_VALUE = f"({_printable_ascii_but('?#[]%&+=')}+)"
# A scheduler's export often tags each post's own link further (`&utm_content=post-12`): tags
# of no UTM key this rule reads may follow, values as plain (possibly empty).
_COMMON_LINK = re.compile(
    rf"https?://{_LINK_CHAR}*\?utm_source={_TAG_VALUE}&utm_medium={_TAG_VALUE}&utm_campaign={_TAG_VALUE}"
    rf"(?:&utm_(?:content|term)={_printable_ascii_but('?#[]%&+=')}*)*"
)


def _read_link(link: str, voc: Vocabulary) -> tuple[dict[str, str], list[str], str, bool] | None:
    """(UTM tags, the missing ones, utm_medium, whether it is paid) of a web link; None for
    a link that is not one (mailto:, tel:, tg: links carry no UTM tags) or cannot be read."""
    common = _COMMON_LINK.fullmatch(link)
    if common is not None:  # a fifth of the cost of the general reading below, 8,000 links a big plan
        source, medium, campaign = common.groups()
        tags = {"utm_source": source, "utm_medium": medium, "utm_campaign": campaign}
        return tags, [], medium, voc.paid_medium.match(medium) is not None
    return _read_any_link(link, voc)


def _read_any_link(link: str, voc: Vocabulary) -> tuple[dict[str, str], list[str], str, bool] | None:
    """_read_link of any link, read in general."""
    try:
        scheme, query = _scheme_and_query(link.strip())
    except ValueError:
        return None
    if scheme not in ("http", "https", ""):
        return None
    tags = _utm_tags(query)
    missing = [k for k in UTM_KEYS if not tags.get(k, "").strip()]
    medium = tags.get("utm_medium", "").strip()
    return tags, missing, medium, bool(medium and voc.paid_medium.match(medium))


# link -> _read_link(link): a function of the link's text alone (the vocabulary is fixed), so
# every plan of a run shares it: a repository's plans link the same pages (the 300-plan
# benchmark folder: 88 distinct links, 4,146 per plan). At most _LINKS_KEPT links are kept:
# past that the memo starts afresh (a plan whose every post links a page of its own would
# otherwise keep 20,000 readings it never asks for again). Shared, so read-only: nothing
# here modifies a reading's tags or list.
_LINKS_READ: dict[str, tuple | None] = {}
_LINKS_KEPT = 1024


def _links(ctx, voc: Vocabulary) -> Iterator[Problem]:
    traffic = any(voc.goal_kind(g.kind) == "traffic" for g in ctx.plan.goals)
    read = _LINKS_READ  # per link: posts often share one
    for p in ctx.posts:
        link = p.post.link
        if not link or p.status == "cancelled":
            continue
        got = read.get(link, read)  # `read` itself: not read yet
        if got is read:
            if len(read) >= _LINKS_KEPT:
                read.clear()
            got = read[link] = _read_link(link, voc)
        if got is None:
            continue
        tags, missing, medium, paid = got
        post = p.post
        # KPI009 below fires only when the medium is paid on an organic post or organic on a
        # sponsored one; the usual post (all tags, a medium that fits) stops here
        if not (traffic and missing) and (not medium or paid == post.sponsored):
            continue
        where = ("posts", p.index, "link")
        if traffic and missing:
            found = ", ".join(f"{k}={tags[k]}" for k in UTM_KEYS if tags.get(k, "").strip())
            message = (_("The link of `{title}` lacks {missing} (found: {found}); the plan has a traffic goal, so "
                         "every post link needs utm_source, utm_medium and utm_campaign for clicks to be attributed.")
                       if found else
                       _("The link of `{title}` lacks {missing} (found: no UTM tags); the plan has a traffic goal, so "
                         "every post link needs utm_source, utm_medium and utm_campaign for clicks to be attributed."))
            yield Problem(
                "KPI008",
                message.format(title=post.title, missing=", ".join(missing), found=found),
                where,
                fix=_("Tag the link: `{link}` (name the campaign as in the site's analytics).").format(
                    link=_with_tags(post, tags, missing)),
            )
        if not medium:
            continue
        if paid and not post.sponsored:
            yield Problem(
                "KPI009",
                _("The link of `{title}` has utm_medium={medium}, a paid medium, but the post is organic (not "
                  "`sponsored`); analytics will book its clicks as paid traffic.").format(title=post.title, medium=medium),
                where,
                fix=_("Use utm_medium=social for an organic post, or mark the post `sponsored: yes` if it is paid."),
            )
        elif post.sponsored and not paid:
            yield Problem(
                "KPI009",
                _("The link of sponsored post `{title}` has utm_medium={medium}, an organic medium; paid clicks "
                  "need a paid medium (cpc, ppc, paid_social) to be told apart from organic ones.").format(
                    title=post.title, medium=medium),
                where,
                fix=_("Use utm_medium=cpc (or paid_social) on sponsored posts."),
            )


def _with_tags(post: Any, tags: dict[str, str], missing: list[str]) -> str:
    """The post's link with example values for the missing UTM tags."""
    example = {
        "utm_source": channel_key(post.channel) or "<network>",  # `ВК` is tagged vk
        "utm_medium": "cpc" if post.sponsored else "social",
        "utm_campaign": "<campaign>",
    }
    link = post.link.strip()
    for key in missing:
        if key in tags:  # present but empty: fill it in place
            link = re.sub(rf"([?&]){key}=(?=&|#|$)", rf"\g<1>{key}={example[key]}", link, flags=re.I)
        else:
            base, hash_, frag = link.partition("#")
            link = base + ("&" if "?" in base else "?") + f"{key}={example[key]}" + hash_ + frag
    return link


# --- progress -------------------------------------------------------------------


def pace(target: float, actual: float | None, pacing: str, better: str,
         elapsed: float | None) -> tuple[float | None, float | None, str | None]:
    """(percent done, expected by now, status) for one KPI over the plan.

    `elapsed` is the share of the plan's period gone by (None if the plan has
    no dates). Totals are expected at target x elapsed; levels at the target.
    """
    lower = better == "lower"
    if pacing == "level":
        expected = target
    else:
        expected = None if elapsed is None else target * elapsed
    done = None
    if actual is not None:
        if not lower:
            done = actual / target * 100
        elif actual > 0:
            done = target / actual * 100
    status = None
    if actual is not None and expected is not None:
        if lower:
            score = expected / actual if actual > 0 else float("inf")
        else:
            score = actual / expected if expected > 0 else (float("inf") if actual > 0 else 1.0)
        status = "ahead" if score >= AHEAD_AT else "behind" if score < BEHIND_BELOW else "on track"
    return done, expected, status


def _basis(info: KpiInfo) -> str | None:
    """What engagement_rate is divided by: the KPI's `basis`, by reach unless it says otherwise."""
    if info.metric is None or info.metric.name != "engagement_rate":
        return None
    return vocabulary().bases.get(normalise_word(info.kpi.basis or "reach"))


def _round(x: float | None, places: int) -> float | None:
    return None if x is None else round(x, places)


def summarize(ctx) -> dict[str, Any]:
    """{"kpis": [...]}: one row per KPI with its target, actual and progress."""
    day = ctx.as_of  # --as-of, else the plan's `as_of`, else today
    total_days = plan_days(ctx)
    elapsed = None
    if total_days is not None and ctx.start is not None:
        elapsed = min(max((day - ctx.start).days, 0), total_days) / total_days
    rows = []
    for info in _collected(ctx)[0]:
        t = info.target
        unit = t.unit if t else (info.metric.units[0] if info.metric else "number")
        row: dict[str, Any] = {
            "goal": info.kind or info.goal.kind,
            "description": info.goal.description,
            "metric": info.metric.name if info.metric else info.kpi.metric,
            "source": info.kpi.source,
            "basis": _basis(info),
            "unit": "hours" if unit == "duration" else unit,
            "target": t.value if t else None,
            "period_days": info.period_days,
            "plan_target": None,
            "actual": info.actual.value if info.actual else None,
            "better": None,
            "as_of": day.isoformat(),
            "elapsed": _round(elapsed, 4),
            "done": None,
            "expected": None,
            "status": None,
        }
        if t is not None:
            pacing = info.metric.pacing_for(unit) if info.metric else "level"
            better = info.metric.better_for(unit) if info.metric else "higher"
            plan_target = t.value
            if pacing == "total" and info.period_days and total_days:
                plan_target = t.value * total_days / info.period_days  # a target per period adds up
            done, expected, status = pace(plan_target, row["actual"], pacing, better, elapsed)
            row.update(plan_target=_round(plan_target, 2), better=better, done=_round(done, 1),
                       expected=_round(expected, 2), status=status)
        rows.append(row)
    return {"kpis": rows}
