"""Check one plan: file -> loader -> model -> rules -> findings.

The core of smmplan. It imports neither the CLI nor any reporter.
"""

from __future__ import annotations

import copy
import datetime as dt
import traceback
from collections import defaultdict
from fractions import Fraction
from typing import TYPE_CHECKING, Any, NamedTuple

from smmplan import formulas, loader, locale, rubrics
from smmplan.config import Settings
from smmplan.findings import LEARNED, SUPPRESSION_MARK, Finding, Problem, Suppressed, format_where, nearest
from smmplan.formulas import Formula
from smmplan.locale import N_, _, ngettext, speaking
from smmplan.rules import family_modules, registry

if TYPE_CHECKING:
    from smmplan.planner import Rebalance


class PostInfo(NamedTuple):
    """A valid post as the rules see it. (A named tuple: a dataclass is generated anew at every start.)"""

    index: int  # position in the file's `posts` list
    post: Any  # model.Post
    category: str | None  # formula category, None when the type is unknown
    counted: bool  # counts in the mix (known type, not cancelled)
    week: int  # 0-based week of the plan
    status: str | None = "draft"  # canonical status; None when the word is not a status


class MixRow(NamedTuple):  # a named tuple: a dataclass is generated anew at every start
    category: str
    count: int
    share: float
    target: float
    low: int
    high: int
    ok: bool


class Context:
    """What every rule family reads. (A plain class: one is made per plan and never compared,
    and a dataclass is generated anew at every start.)"""

    def __init__(self, path: str, doc: loader.Document, plan: Any, formula: Formula | None, tolerance: Fraction,
                 settings: Settings, posts: list[PostInfo], start: dt.date | None) -> None:
        self.path = path
        self.doc = doc
        self.plan = plan  # model.Plan
        self.formula = formula
        self.tolerance = tolerance
        self.settings = settings
        self.posts = posts
        self.start = start
        # counted, weeks(), week_counts(), counts() and whether the weeks pass, worked out once: the
        # mix rules, the summary and the rebalancing ask.
        self._memo: dict[str, Any] = {}

    @property
    def counted(self) -> list[PostInfo]:
        """The posts that count in the mix (shared: do not modify)."""
        found = self._memo.get("counted")
        if found is None:
            found = self._memo["counted"] = [p for p in self.posts if p.counted]
        return found

    def counts(self, posts: list[PostInfo] | None = None) -> tuple[int, ...]:
        """Counted posts per formula category, in the formula's order."""
        if self.formula is None:
            return ()
        if posts is None:
            if "counts" not in self._memo:
                self._tally()
            return self._memo["counts"]
        slot = self._slot()
        tally = [0] * len(slot)
        for p in posts:
            if p.counted and p.category in slot:
                tally[slot[p.category]] += 1
        return tuple(tally)

    def _slot(self) -> dict[str, int]:
        slot = self._memo.get("slot")
        if slot is None:
            cats = self.formula.categories if self.formula is not None else ()
            slot = self._memo["slot"] = {c: i for i, c in enumerate(cats)}
        return slot

    def weeks(self) -> dict[int, list[PostInfo]]:
        """Counted posts by week, weeks in order (shared: do not modify)."""
        if "weeks" not in self._memo:
            self._tally()
        return self._memo["weeks"]

    def week_counts(self) -> dict[int, tuple[int, ...]]:
        """``counts()`` of each week of ``weeks()``."""
        if "week_counts" not in self._memo:
            self._tally()
        return self._memo["week_counts"]

    def _tally(self) -> None:
        """weeks(), week_counts() and counts() in one pass over the counted posts,
        instead of a pass to group them and a counts() call per week: each post
        joins its week's list and adds one to its category in that week's tally
        (what counts() of the week would count), and the plan's counts are the sums
        of the weeks' (every post counts() counts is in some week)."""
        slot = self._slot()
        k = len(slot)
        by_week: dict[int, list[PostInfo]] = {}
        tallies: dict[int, list[int]] = {}
        last = bucket = tally = None
        for p in self.counted:
            w = p.week
            if w != last:  # posts mostly come week by week: look the week up when it changes
                bucket = by_week.get(w)
                if bucket is None:
                    bucket = by_week[w] = []
                    tally = tallies[w] = [0] * k
                else:
                    tally = tallies[w]
                last = w
            bucket.append(p)
            i = slot.get(p.category)
            if i is not None:
                tally[i] += 1
        order = sorted(by_week)
        self._memo["weeks"] = {w: by_week[w] for w in order}
        self._memo["week_counts"] = {w: tuple(tallies[w]) for w in order}
        self._memo["counts"] = tuple(map(sum, zip(*tallies.values()))) if tallies else (0,) * k

    def inferences(self) -> list:
        """What each of ``posts`` reads as under the formula (``smmplan.text.types.Inference``),
        read once: the content-type rule, the rebalancing and the JSON report ask."""
        found = self._memo.get("inferences")
        if found is None:
            from smmplan.text import types as content

            cats = self.formula.categories if self.formula is not None else ()
            if cats and content.readable_categories(cats):
                found = content.infer_posts([p.post for p in self.posts], cats)
            else:
                found = [content.NEUTRAL] * len(self.posts)
            self._memo["inferences"] = found
        return found

    def reads(self) -> dict[int, str | None]:
        """Post index -> the category its content confidently reads as (None: no type for sure)."""
        found = self._memo.get("reads")
        if found is None:
            found = self._memo["reads"] = {p.index: (i.category if i.confident else None)
                                           for p, i in zip(self.posts, self.inferences())}
        return found

    @property
    def today(self) -> dt.date:
        """The day due and missed posts are judged by: --as-of, else today. The plan's
        `as_of` is when its KPI figures were taken: it moves no post's deadline."""
        return self.settings.today()

    @property
    def as_of(self) -> dt.date:
        """The day KPI progress is judged by: --as-of (the command line beats the file),
        else the plan's `as_of` (when its actual figures were taken), else today."""
        return self.settings.as_of or self.plan.as_of or self.settings.today()

    def period_end(self) -> dt.date | None:
        """The last day of a plan that states its length (`weeks:`), None otherwise. Posts
        dated after it belong to the next period: they do not count in this one's mix."""
        return rubrics.period_end(self.start, self.plan.weeks, None)

    def week_start(self, week: int) -> dt.date | None:
        return self.start + dt.timedelta(days=7 * week) if self.start else None

    def line(self, where: tuple) -> int | None:
        return self.doc.locate(where)[0]

    def post_lines(self) -> list[int | None]:
        """The line of each post (``line(("posts", p.index))``), read off the `posts` list's
        marks in one pass instead of a path lookup per post (a 20,000-post plan asks for all),
        once: the mix and flow summaries both ask (shared: do not modify)."""
        found = self._memo.get("post_lines")
        if found is None:
            found = self._memo["post_lines"] = self._post_lines()
        return found

    def _post_lines(self) -> list[int | None]:
        marks = self.doc.marks
        seq = marks.children.get("posts") if isinstance(marks, loader.Marks) and marks.keys is not None else None
        if not isinstance(seq, loader.Marks) or seq.keys is not None or self.doc.line_map is not None:
            return [self.line(("posts", p.index)) for p in self.posts]
        items, Marks, n = seq.children, loader.Marks, len(seq.children)
        # the line of loader._position, inlined: one call fewer per post
        return [((m.mark if (m := items[p.index]).__class__ is Marks else m) >> 32 & 0xFFFFFFFF) + 1
                if 0 <= p.index < n else self.line(("posts", p.index)) for p in self.posts]

    def positions(self, key: str) -> list[int]:
        """File positions of the plan's valid `posts`, `goals` or `tactics`, in order."""
        return file_positions(self.doc, key, len(getattr(self.plan, key)))


class PlanResult:
    """What checking one plan found, and what its reports show. (A plain class: one is made per
    plan and never compared, and a dataclass is generated anew at every start.)"""

    def __init__(self, path: str, doc: loader.Document | None = None, language: str = "en") -> None:
        self.path = path
        self.findings: list[Finding] = []
        self.doc = doc
        self.plan: Any = None
        self.formula: Formula | None = None
        self.tolerance = Fraction(5, 100)
        self.mix: list[MixRow] = []
        self.rebalance: Rebalance | None = None  # None: no formula, or the mix passes (nothing to rebalance)
        self.examples: dict[str, list[int]] = {}  # category -> lines to retype
        self.steps: list = []  # planner.Step of the cheapest rebalancing, post by post
        self.reads: dict[int, str | None] = {}  # post index -> what its content reads as
        self.sections: dict[str, Any] = {}
        self.post_count = 0
        self.next_period = 0  # posts dated after the plan's stated end: the next period's, not counted
        self.posts: list[PostInfo] = []  # every valid post, as the rules saw it
        self.start: dt.date | None = None
        self.end: dt.date | None = None
        # findings found and silenced (comments, configuration, allowed phrases): never dropped
        self.suppressed: list[Suppressed] = []
        self.language = language  # the language its messages are written in, and its report

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    def detached(self, excerpts: bool = False) -> PlanResult:
        """This result as the reports need it: the file's text (for excerpts)
        without its data tree, and the plan's settings without its posts
        (reports read the posts from `mix`, `sections` and the findings).
        With ``excerpts``, only the source lines its findings point at instead
        of the text: cheap to send from a worker process. Every report renders
        it byte for byte as it renders the whole result (tests/test_parallel.py)."""
        doc = self.doc and (
            loader.Document(fatal=self.doc.fatal, excerpts=self.doc.quote(f.line for f in self.findings))
            if excerpts else loader.Document(text=self.doc.text, fatal=self.doc.fatal, line_map=self.doc.line_map))
        out = copy.copy(self)
        out.doc, out.posts = doc, []
        out.plan = self.plan.model_copy(update={"posts": []}) if self.plan is not None else None
        return out

    def move_lines(self) -> list[list[int]]:
        """For each retype move, the lines of the posts to retype (distinct)."""
        used: dict[str, int] = {}
        out = []
        for m in self.rebalance.moves if self.rebalance else ():
            start = used.get(m.source, 0)
            used[m.source] = start + m.count
            out.append(self.examples.get(m.source, [])[start : start + m.count])
        return out

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "brand": getattr(self.plan, "brand", None),
            "posts": self.post_count,
            "next_period_posts": self.next_period,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "formula": self.formula.name if self.formula else None,
            "tolerance": float(self.tolerance * 100),
            "mix": {
                r.category: {"count": r.count, "share": round(r.share, 4), "target": round(r.target, 4), "ok": r.ok}
                for r in self.mix
            },
            "errors": self.errors,
            "warnings": self.warnings,
            "suppressed": len(self.suppressed),
        }
        if self.rebalance is not None and self.rebalance.needed:
            rb = self.rebalance
            out["rebalance"] = {
                "mode": rb.mode,
                "retype": [
                    {"from": m.source, "to": m.target, "count": m.count, "lines": lines}
                    for m, lines in zip(rb.moves, self.move_lines())
                ],
                "add": dict(rb.adds),
                "steps": list(map(step_dict, self.steps)) + add_steps(rb),
                "mixes_searched": rb.mixed_exact,  # False: the search for mixes of kinds stopped at its budget
            }
            if rb.mode == "mixed":
                out["rebalance"]["cost"] = rb.combo.cost
                out["rebalance"]["kinds"] = rb.combo.kinds
        out.update(self.sections)
        return out


def add_steps(rb: Rebalance) -> list[dict[str, Any]]:
    """The posts to add of the cheapest rebalancing, as steps: week (1-based), type, how many."""
    adds = rb.combo.week_adds if rb.mode == "mixed" else rb.week_adds if rb.mode == "add" else {}
    return [{"kind": "add", "action": "add", "week": w + 1, "to": cat, "count": x}
            for w, cats in sorted(adds.items()) for cat, x in cats.items()]


def step_dict(st: Any) -> dict[str, Any]:
    """One rebalancing step as the JSON report writes it."""
    out = {"kind": st.kind, "action": st.kind, "line": st.line, "title": st.post.post.title,
           "date": st.post.post.date.isoformat(), "from": st.source, "to": st.target}
    if st.kind == "move" or st.date != st.post.post.date:  # moved (replace: the new post's day)
        out["new_date"] = st.date.isoformat()
    if st.kind == "replace":
        out["old_post"] = "moved" if st.later else "cancelled"
        if st.later:
            out["old_post_date"] = st.later.isoformat()
    if st.idea:
        out["idea"] = st.idea
    return out


# --- validation ---------------------------------------------------------------

_LIST_FIELDS = ("posts", "goals", "tactics", "rubrics", "occasions")
# How pydantic words an unknown key: in a model, and in a dataclass (a post).
UNKNOWN_KEY = ("extra_forbidden", "unexpected_keyword_argument")


def _validate(doc: loader.Document) -> tuple[Any, list[Problem]]:
    """Validate with pydantic, collecting every problem; invalid posts, goals
    and settings are set aside so the rest of the plan is still checked."""
    from pydantic import ValidationError

    from smmplan.model import Plan

    data = doc.data
    problems: list[Problem] = []
    seen: set[tuple] = set()
    for _attempt in range(4):
        try:
            return Plan.model_validate(data), problems
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
        for err in errors:
            loc = tuple(err["loc"])
            if loc + (err["type"],) not in seen:
                seen.add(loc + (err["type"],))
                problems.append(_problem_from_error(err, loc, doc))
        data = _prune(data, errors)
    return None, problems


def file_positions(doc: loader.Document, key: str, kept: int) -> list[int]:
    """Where in the file's `key` list each of the `kept` valid items stands.

    Validation sets invalid posts, goals and tactics aside, so the n-th valid
    item is not always the file's n-th; findings must point at the file's.
    """
    raw = doc.data.get(key) if isinstance(doc.data, dict) else None
    if not isinstance(raw, list) or len(raw) == kept:
        return list(range(kept))
    from pydantic import ValidationError

    from smmplan import model

    validator = model.item_validator(key)
    out = []
    for i, item in enumerate(raw):
        try:
            validator.validate_python({"name": item} if isinstance(item, str) and key == "tactics" else item)
        except ValidationError as exc:  # unknown keys are dropped, not the item
            if any(e["type"] not in UNKNOWN_KEY for e in exc.errors()):
                continue
        out.append(i)
    return out if len(out) == kept else list(range(kept))


def _prune(data: dict, errors: list[dict]) -> dict:
    data = dict(data)
    drop: dict[str, set[int]] = defaultdict(set)
    for err in errors:
        loc = err["loc"]
        if not loc:
            continue
        top = loc[0]
        if err["type"] in UNKNOWN_KEY:
            _drop_key(data, loc)
        elif top in _LIST_FIELDS and len(loc) > 1 and isinstance(loc[1], int):
            drop[top].add(loc[1])
        else:
            data.pop(top, None)
    for key, idx in drop.items():
        if isinstance(data.get(key), list):
            data[key] = [x for i, x in enumerate(data[key]) if i not in idx]
    return data


def _drop_key(data: dict, loc: tuple) -> None:
    """Remove an unknown key, copying the containers along its path."""
    node: Any = data
    for step in loc[:-1]:
        try:
            child = node[step]
        except (KeyError, IndexError, TypeError):
            return
        copy = dict(child) if isinstance(child, dict) else list(child) if isinstance(child, list) else child
        node[step] = copy
        node = copy
    if isinstance(node, dict):
        node.pop(loc[-1], None)


def _problem_from_error(err: dict, loc: tuple, doc: loader.Document) -> Problem:
    from smmplan.model import known_keys

    where = format_where(loc)
    kind = err["type"]
    if kind in UNKNOWN_KEY:
        key = loc[-1]
        keys = known_keys(loc)
        near = nearest(str(key), keys)
        owner = _owner(loc)
        if near:
            message = (_("Unknown key `{key}` in the plan's top level. Did you mean `{near}`?") if owner == "plan" else
                       _(_UNKNOWN_KEY_NEAR[owner]))
        else:
            message = (_("Unknown key `{key}` in the plan's top level.") if owner == "plan" else
                       _(_UNKNOWN_KEY[owner]))
        return Problem(
            "PLAN005",
            message.format(key=key, near=near),
            loc, at_key=True,
            fix=_("Use `{near}`.").format(near=near) if near else _("Known keys here: {keys}.").format(
                keys=", ".join(keys)),
        )
    if kind == "missing":
        return Problem(
            "PLAN006",
            _(_MISSING[_owner(loc)]).format(where=where, key=loc[-1]),
            loc,
            fix=_("Add `{key}:` here.").format(key=loc[-1]),
        )
    value = err.get("input")
    kind_of = "date" if kind.startswith("date") else "time" if kind.startswith("time") else None
    if kind_of is not None and isinstance(value, str):
        return _date_problem(value, kind_of, where, loc)
    shown = value if isinstance(value, str) else None
    msg = err["msg"]
    hint = _value_hint(loc[-1] if loc else "")
    # In English, pydantic's own words for what is wrong; in another language, ours for the
    # kinds of error a plan meets (pydantic is not translated), else pydantic's.
    said = msg[0].lower() + msg[1:]
    if kind in _VALUE_ERRORS and locale.current() != locale.DEFAULT:
        said = _(_VALUE_ERRORS[kind])
    return Problem(
        "PLAN006",
        (_("`{where}` is `{value}`: {error}.") if shown is not None else _("`{where}`: {error}.")).format(
            where=where, value=shown, error=said),
        loc,
        fix=hint,
    )


def _date_problem(value: str, kind: str, where: str, loc: tuple) -> Problem:
    """A date or time pydantic refused, in the user's words: what was written, the form
    expected and, when the text has one meaning, the value converted."""
    from smmplan import dates

    reading = dates.read(value, kind)
    form = dates.DATE_FORM if kind == "date" else dates.TIME_FORM
    time = kind == "time"
    if reading.canonical is not None:
        fix = (_("Write `{value}`, or run `smmplan check --fix` to rewrite every such time.") if time else
               _("Write `{value}`, or run `smmplan check --fix` to rewrite every such date.")).format(
            value=reading.canonical)
    elif reading.ambiguous:
        fix = _("Write the date you mean as YYYY-MM-DD; smmplan never guesses which comes first.")
    else:
        fix = _value_hint(loc[-1] if loc else "")
    message = (_("{advice}; `{where}` takes a time as {form}.") if time else
               _("{advice}; `{where}` takes a date as {form}."))
    return Problem("PLAN006", message.format(advice=dates.advice(reading, kind), where=where, form=form), loc,
                   fix=fix)


# PLAN005 and PLAN006 by what the key belongs to (the plan's top level is said on its own)
_UNKNOWN_KEY = {"post": N_("Unknown key `{key}` in a post."), "goal": N_("Unknown key `{key}` in a goal."),
                "KPI": N_("Unknown key `{key}` in a KPI."), "tactic": N_("Unknown key `{key}` in a tactic."),
                "client": N_("Unknown key `{key}` in a client.")}
_UNKNOWN_KEY_NEAR = {
    "post": N_("Unknown key `{key}` in a post. Did you mean `{near}`?"),
    "goal": N_("Unknown key `{key}` in a goal. Did you mean `{near}`?"),
    "KPI": N_("Unknown key `{key}` in a KPI. Did you mean `{near}`?"),
    "tactic": N_("Unknown key `{key}` in a tactic. Did you mean `{near}`?"),
    "client": N_("Unknown key `{key}` in a client. Did you mean `{near}`?"),
}
_MISSING = {"plan": N_("`{where}` is missing: every plan needs `{key}`."),
            "post": N_("`{where}` is missing: every post needs `{key}`."),
            "goal": N_("`{where}` is missing: every goal needs `{key}`."),
            "KPI": N_("`{where}` is missing: every KPI needs `{key}`."),
            "tactic": N_("`{where}` is missing: every tactic needs `{key}`."),
            "client": N_("`{where}` is missing: every client needs `{key}`.")}


def _owner(loc: tuple) -> str:
    names = [s for s in loc[:-1] if isinstance(s, str)]
    return {"posts": "post", "goals": "goal", "kpis": "KPI", "tactics": "tactic", "client": "client"}.get(
        names[-1] if names else "", "plan"
    )


def _value_hint(key: Any) -> str | None:
    return _(_VALUE_HINTS.get(key, _ANY_VALUE))


_ANY_VALUE = N_("Fix the value as the message says.")
_WHOLE, _NUMBER, _YES_NO = N_("a whole number is expected"), N_("a number is expected"), N_("yes or no is expected")
_MAPPING = N_("keys with values are expected here")
_VALUE_ERRORS = {  # pydantic's error types -> what a plan's author is told
    "int_parsing": _WHOLE, "int_type": _WHOLE, "int_from_float": _WHOLE,
    "float_parsing": _NUMBER, "float_type": _NUMBER,
    "bool_parsing": _YES_NO, "bool_type": _YES_NO,
    "string_type": N_("text is expected"), "list_type": N_("a list is expected"),
    "dict_type": _MAPPING, "model_type": _MAPPING, "model_attributes_type": _MAPPING, "dataclass_type": _MAPPING,
}
_VALUE_HINTS = {
    "date": N_("Write the date as YYYY-MM-DD, e.g. 2026-12-01."),
    "start": N_("Write the date as YYYY-MM-DD, e.g. 2026-12-01."),
    "approved_on": N_("Write the date as YYYY-MM-DD."),
    "as_of": N_("Write the date as YYYY-MM-DD."),
    "time": N_("Write the time as HH:MM, e.g. 10:30."),
    "weeks": N_("Write a whole number of weeks, e.g. 4."),
    "tolerance": N_("Write a number of percentage points, e.g. 5."),
    "sponsored": N_("Write yes or no."),
}


# --- the run ------------------------------------------------------------------


def check_bytes(data: bytes, path: str, settings: Settings | None = None, size: int | None = None,
                workers: int = 1) -> PlanResult:
    """Check one plan file's bytes (``size``: the file's size if not read in full). Never raises for bad input.

    Every message is written in the plan's report language (:func:`report_language`)."""
    settings = settings or Settings()
    doc, language = _load(data, settings, size)
    with speaking(language):
        return check_document(doc, path, settings, language, workers)


def report_language(settings: Settings, data: bytes) -> str:
    """The language of one plan's report: ``--lang``, else the config's ``lang`` (both in
    ``settings.lang``), else the plan's own ``language:``, else the locale, else English.
    This is the first look, before the file is parsed (see :func:`_load`)."""
    if settings.lang is not None:
        return locale.choose(settings.lang)
    return locale.choose(plan=loader.declared_language(data))


def _load(data: bytes, settings: Settings, size: int | None) -> tuple[loader.Document, str]:
    """The parsed file, and the language of its report. The parser's own messages are made
    in the language the first look at the bytes found; when the parsed plan says otherwise
    (`language:` written in a way the first look cannot see: quoted, in a flow mapping), the
    file is parsed again so that every message of the report is in the plan's language."""
    language = report_language(settings, data)
    with speaking(language):
        doc = loader.load(data, max_bytes=settings.max_file_size, size=size)
    if settings.lang is None and isinstance(doc.data, dict):
        declared = doc.data.get("language")
        parsed = locale.choose(plan=declared if isinstance(declared, str) else None)
        if parsed != language:
            language = parsed
            with speaking(language):
                doc = loader.load(data, max_bytes=settings.max_file_size, size=size)
    return doc, language


def check_document(doc: loader.Document, path: str, settings: Settings, language: str | None = None,
                   workers: int = 1) -> PlanResult:
    """Check one loaded plan file (its messages in the current language, ``language`` as recorded).
    ``workers``: the processes this check may use (a big plan's slowest family goes to a second one)."""
    result = PlanResult(path=path, doc=doc, language=language or locale.current())
    problems: list[Problem] = [
        Problem(p.code, p.message, line=p.line, column=p.column, fix=p.fix) for p in doc.problems
    ]
    if not doc.fatal:
        plan, more = _validate(doc)
        problems += more
        if plan is not None:
            ctx = _context(path, doc, plan, settings, problems)
            result.plan, result.formula, result.tolerance = plan, ctx.formula, ctx.tolerance
            _run_families(ctx, problems, result, workers)
    result.findings, result.suppressed = _to_findings(problems, doc, path, settings)
    return result


def _context(path: str, doc: loader.Document, plan: Any, settings: Settings, problems: list[Problem]) -> Context:
    from smmplan.model import canonical_status

    spec = plan.formula if plan.formula is not None else settings.formula
    try:
        formula: Formula | None = formulas.resolve(spec)
    except formulas.FormulaError as exc:
        formula = None
        problems.append(Problem("PLAN008", str(exc), ("formula",), fix=_("Use a preset from `smmplan formulas`, "
                                "or percents that add up to 100.")))
    tol_raw = plan.tolerance if plan.tolerance is not None else settings.tolerance
    tolerance = formulas.parse_tolerance(tol_raw)
    posts = plan.posts
    start = plan.start or (min(p.date for p in posts) if posts else None)
    end = rubrics.period_end(start, plan.weeks, None) or dt.date.max  # posts past a stated end: the next period's
    infos: list[PostInfo] = []
    append = infos.append
    # type as written -> category, status word -> status, unknown type -> hint: a plan
    # has a handful of each over thousands of posts, so each is worked out once.
    categories: dict[str, str | None] = {}
    statuses: dict[str | None, str | None] = {}
    hints: dict[str, str] = {}
    for i, post in zip(file_positions(doc, "posts", len(posts)), posts):
        category = None
        if formula is not None and post.type is not None:  # None: an unknown rubric (RUB001 says so)
            try:
                category = categories[post.type]
            except KeyError:
                category = categories[post.type] = formulas.canonical_type(post.type, formula)
            if category is None:
                if post.type not in hints:
                    near = formulas.suggest_type(post.type, formula)
                    hints[post.type] = (_("Post type `{type}` is not a category of the {formula} formula. Did you mean "
                                          "`{near}`?") if near else
                                        _("Post type `{type}` is not a category of the {formula} formula.")).format(
                        type=post.type, formula=formula.name, near=near)
                problems.append(Problem(
                    "PLAN007",
                    hints[post.type],
                    ("posts", i, "type"),
                    fix=_("Use one of: {categories}.").format(categories=", ".join(formula.categories)),
                ))
        try:
            status = statuses[post.status]
        except KeyError:
            status = statuses[post.status] = canonical_status(post.status)
        week = (post.date - start).days // 7 if start else 0
        append(PostInfo(i, post, category, category is not None and status != "cancelled" and post.date <= end,
                        week, status))
    return Context(path, doc, plan, formula, tolerance, settings, infos, start)


# A plan of this many valid posts has some rule families (ASIDE) read in a second process
# while this one runs the others and the mix summary, when the run may use two cores
# (``workers``): on the 20,000-post plan, the first time, the honesty family takes some 110 ms
# there, KPI 15 and platform 10, against some 200 ms here for the mix, flow and plan families and
# the mix summary (with the rebalancing). With the honesty family alone aside the run took 4-6 %
# longer, with flow aside too 8-19 % longer (the mix family, flow and the summary share the post
# lines and the content reads; measured December 4). KPI and platform share nothing this process
# works out, and their problems and summaries are small to send back.
# The fork, a few ms, and copying the pages both processes then write are worth it from some
# thousands of posts; a folder's plans are shared among the cores instead (smmplan.parallel).
ASIDE_POSTS = 5_000
ASIDE = ("honesty", "kpi", "platform")


def _run_families(ctx: Context, problems: list[Problem], result: PlanResult, workers: int = 1) -> None:
    """Every family's problems, in the families' order, their summaries in ``result.sections``,
    and the mix summary (:func:`_mix_summary`), made while the families aside are read."""
    mods = family_modules()
    aside = None
    if workers > 1 and len(ctx.posts) >= ASIDE_POSTS:
        from smmplan import parallel

        slow = [i for i, m in enumerate(mods) if m.__name__.rsplit(".", 1)[-1] in ASIDE]
        aside = parallel.aside(lambda: [_family(mods[i], ctx) for i in slow])
    try:  # (by position: a family need not be hashable)
        done = {i: _family(mod, ctx) for i, mod in enumerate(mods) if aside is None or i not in slow}
        _mix_summary(ctx, result)
        if aside is not None:
            done.update(zip(slow, aside.result()))
    except BaseException:
        if aside is not None:
            aside.cancel()
        raise
    for more, data in (done[i] for i in range(len(mods))):
        problems.extend(more)
        if data:
            result.sections.update(data)


def _family(mod: Any, ctx: Context) -> tuple[list[Problem], dict[str, Any] | None]:
    """One family's problems and summary (None: it has none). A crashing rule must not hide
    the others: its crash is an SMM001 problem after what it found before it crashed."""
    name = mod.__name__.rsplit(".", 1)[-1]
    check = getattr(mod, "check", None)
    out: list[Problem] = []
    data = None
    try:
        if check is not None:
            out.extend(check(ctx))
        summarize = getattr(mod, "summarize", None)
        if summarize is not None:
            data = summarize(ctx)
    except Exception as exc:
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        out.append(Problem(
            "SMM001",
            _("The {family} rules crashed on this plan ({error} at {place}); their findings are missing.").format(
                family=name, error=f"{type(exc).__name__}: {exc}", place=f"{tb.filename.rsplit('/', 1)[-1]}:{tb.lineno}"),
            fix=_("This is a bug in smmplan: please report it with the plan attached."),
        ))
    return out, data


def _mix_summary(ctx: Context, result: PlanResult) -> None:
    counted = ctx.counted
    result.post_count = len(counted)
    result.posts = ctx.posts
    if ctx.posts:
        from operator import attrgetter

        result.start, result.end = ctx.start, max(map(attrgetter("post.date"), ctx.posts))
        end = ctx.period_end()
        if end is not None and result.end > end:
            result.next_period = sum(p.post.date > end for p in ctx.posts)
    if ctx.formula is None:
        return
    counts = ctx.counts()
    n = sum(counts)
    shares = tuple(s for _, s in ctx.formula.shares)
    ok = formulas.overall_ok(counts, shares, ctx.tolerance) if n else [True] * len(counts)
    ranges = formulas.allowed_ranges(n, shares, ctx.tolerance)  # allowed_range of each share
    for (cat, share), c, good, (lo, hi) in zip(ctx.formula.shares, counts, ok, ranges):
        result.mix.append(MixRow(cat, c, c / n if n else 0.0, float(share), lo, hi, good))
    if _passes(ctx):  # nothing to rebalance: the planner is not even loaded
        return
    result.rebalance, result.steps = plan_rebalance(ctx)
    if result.rebalance.needed:
        from smmplan.planner import pick_posts

        result.reads = ctx.reads()
        for p, m in pick_posts(result.rebalance, counted, ctx.weeks(), reads=result.reads):
            result.examples.setdefault(m.source, []).append(ctx.line(("posts", p.index, "type")))


def plan_rebalance(ctx: Context, *, retype: bool = True, add: bool = True) -> tuple[Rebalance, list]:
    """The cheapest rebalancing of the plan that keeps every post's content true
    to its type, and its steps post by post: the check report and `suggest` both ask."""
    from smmplan.planner import rebalance, steps

    counts = ctx.counts()
    rb = rebalance(counts, ctx.formula, ctx.tolerance, dict(ctx.week_counts()), retype=retype, add=add,
                   content=_content_groups(ctx) if sum(counts) and not _passes(ctx) else None)
    if not rb.needed:
        return rb, []
    titles: list = []

    def idea(category: str, day: dt.date | None = None) -> str:  # the plan's titles are read only when asked
        if not titles:
            from smmplan import ideas

            posts = ctx.plan.posts
            russian = ideas.is_russian(ctx.plan.language, [p.title for p in posts])
            titles.append(ideas.Titles("ru" if russian else "en", {p.title for p in posts},
                                       business=ctx.plan.business))
        return titles[0].next(category, day)

    first = ctx.start if ctx.plan.start is None else None
    out = steps(rb, ctx.counted, ctx.weeks(), ctx.reads(), idea, first)
    end = continues(ctx)
    for st in out:
        st.line = ctx.line(("posts", st.post.index))
        if st.kind == "replace" and end is not None:  # the old post waits for the next period
            st.later = postponed(st.post.post.date, end)
    return rb, out


def continues(ctx: Context) -> dt.date | None:
    """The plan's end when the plan continues past it: it states its length (`weeks:`) and
    already holds posts of the next period (dated after the end). None otherwise."""
    end = ctx.period_end()
    return end if end is not None and any(p.post.date > end for p in ctx.posts) else None


def postponed(day: dt.date, end: dt.date) -> dt.date | None:
    """The same weekday in the first week after the plan's `end` (None past 9999-12-31)."""
    from smmplan.days import shift

    return shift(day, 7 * ((end - day).days // 7 + 1))


def _passes(ctx: Context) -> bool:
    """Whether the plan's weeks pass MIX001 and MIX002 (asked by the summary and the rebalancing: once)."""
    found = ctx._memo.get("passes")
    if found is None:
        found = ctx._memo["passes"] = formulas.plan_passes(ctx.formula, ctx.tolerance, ctx.week_counts())
    return found


def _content_groups(ctx: Context) -> dict[int, dict[tuple[int, int], int]]:
    """Week -> {(category, reads as or NEUTRAL): posts}, categories as the formula's indexes."""
    from smmplan.planner import NEUTRAL

    slot = ctx._slot()
    reads = ctx.reads()
    out: dict[int, dict[tuple[int, int], int]] = {}
    for p in ctx.counted:
        r = reads.get(p.index)
        key = (slot[p.category], slot.get(r, NEUTRAL) if r is not None else NEUTRAL)
        week = out.setdefault(p.week, {})
        week[key] = week.get(key, 0) + 1
    return out


def _to_findings(problems: list[Problem], doc: loader.Document, path: str,
                 settings: Settings) -> tuple[list[Finding], list[Suppressed]]:
    """The findings to report, and those silenced (each with what silenced it).

    Nothing is dropped: a finding a comment, the configuration's selection or an
    allowed phrase silences is kept as suppressed, unless `no-suppress` names its
    rule (then it is reported as usual). An honesty finding the plan silences
    itself brings an SMM003 warning unless the configuration allows it."""
    rules = registry()

    def locate(batch: list[Problem]) -> list[Finding]:
        out = []
        for p in batch:
            rule = rules[p.code]
            line, column = (p.line, p.column) if p.line is not None else doc.locate(p.where, p.at_key)
            out.append(Finding(p.code, rule.name, rule.severity, p.message, path, line, column, p.fix,
                               format_where(p.where), p.data))
        return out

    may = lambda f: settings.may_suppress(f.code, f.name)  # noqa: E731
    excused = [p for p in problems if p.suppressed is not None]
    out = locate([p for p in problems if p.suppressed is None] if excused else problems)
    silenced: list[Suppressed] = []
    doubted: list[Suppressed] = []  # (the learned model's doubts: a comment on the line is the person's word)
    for p, f in zip(excused, locate(excused)):  # found, and let pass by the rule (an allowed phrase)
        if not may(f):
            out.append(f)
        elif p.suppressed.source == LEARNED:
            doubted.append(Suppressed(f, p.suppressed))
        else:
            silenced.append(Suppressed(f, p.suppressed))
    # Hook: inline `# smmplan: ignore[...]` comments, matched before selection so a
    # suppression of a deselected rule is not "unused". Only files that mention them pay.
    if SUPPRESSION_MARK in doc.text:
        from smmplan import suppress

        out, unused, by_comment = suppress.apply(out + [s.finding for s in doubted], doc.text, may)
        # a doubted finding no comment silenced comes back in `out`, and stays the model's doubt
        doubted = [s for s in doubted if s.finding in out]
        kept_doubts = [s.finding for s in doubted]
        out = [f for f in out if f not in kept_doubts] + locate(unused)
        silenced += by_comment
    silenced += doubted
    warned: dict[str, list[Suppressed]] = {}  # one SMM003 per suppression (comment or phrase) of the plan
    for i, s in enumerate(silenced):
        if s.by.in_plan and s.finding.code.startswith(PLAN_MAY_NOT) and not settings.plan_may(s.finding.code,
                                                                                                 s.finding.name):
            warned.setdefault(s.by.how, []).append(s)
            silenced[i] = Suppressed(s.finding, s.by._replace(status="underReview"))
    out += locate([_in_plan_warning(group) for group in warned.values()])
    kept = []
    for f in out:
        if settings.enabled(f.code, f.name) or not may(f):
            kept.append(f)
        elif not settings.selected_by_config(f.code, f.name):
            # the configuration turned the rule off: kept as suppressed. A rule only the command
            # line deselects (`--select MIX`) is this run's own choice, and simply not reported.
            silenced.append(Suppressed(f, settings.deselected_by(f.code, f.name)))
    kept.sort(key=lambda f: (f.line or 0, f.column or 0, f.code))
    silenced.sort(key=lambda s: (s.finding.line or 0, s.finding.column or 0, s.finding.code))
    return _numbered(kept, silenced)


def _numbered(kept: list[Finding], silenced: list[Suppressed]) -> tuple[list[Finding], list[Suppressed]]:
    """Number the findings of one rule at one place in the order the rules made them (the
    sorts above are stable), so that their fingerprints differ without reading messages."""
    seen: dict[tuple[str, str], int] = {}

    def number(f: Finding) -> Finding:
        key = (f.code, f.where)
        n = seen[key] = seen.get(key, -1) + 1
        return f.replaced(ordinal=n) if n else f

    kept = [number(f) for f in kept]
    return kept, [Suppressed(number(s.finding), s.by) for s in silenced]


# Rule families a plan may not silence by itself without a warning: the ban on bought engagement.
PLAN_MAY_NOT = ("BAN",)


def _in_plan_warning(group: list[Suppressed]) -> Problem:
    """The SMM003 warning for the honesty findings one comment or allowed phrase of the plan
    silences, at the first of them."""
    f, by = group[0].finding, group[0].by
    codes = sorted({s.finding.code for s in group})
    matched = (f.data or {}).get("matched")
    quoted = isinstance(matched, str)
    if len(group) > 1:
        more = ngettext("{n} more honesty finding", "{n} more honesty findings", len(group) - 1).format(
            n=len(group) - 1)
        message = (_("The plan silences its own {code} {name} finding here (`{matched}`), and {more} ({codes}) with "
                     "{how}; honesty findings are lifted by the project's configuration, not by the plan. They stay "
                     "listed as suppressed.") if quoted else
                   _("The plan silences its own {code} {name} finding here, and {more} ({codes}) with {how}; honesty "
                     "findings are lifted by the project's configuration, not by the plan. They stay listed as "
                     "suppressed."))
    else:
        more = ""
        message = (_("The plan silences its own {code} {name} finding here (`{matched}`) with {how}; honesty findings "
                     "are lifted by the project's configuration, not by the plan. They stay listed as suppressed.")
                   if quoted else
                   _("The plan silences its own {code} {name} finding here with {how}; honesty findings are lifted by "
                     "the project's configuration, not by the plan. They stay listed as suppressed."))
    from smmplan.suppress import IN_PLAN

    return Problem(
        IN_PLAN,
        message.format(code=f.code, name=f.name, matched=matched, more=more, codes=", ".join(codes), how=by.how),
        line=f.line, column=f.column, data={"suppressed": codes, "count": len(group), "by": by.how},
        fix=_("Fix the plan, or let the project allow it: `plan-may-suppress: [{codes}]` in .smmplan.yaml "
              "(or move the allowed phrase there).").format(codes=", ".join(codes)),
    )


def check_path(path: str, settings: Settings | None = None, display: str | None = None,
               workers: int = 1) -> PlanResult:
    """Read and check one file; unreadable files, FIFOs and devices raise OSError (the caller's business: exit 2).
    ``workers``: the processes the check may use (see :data:`ASIDE_POSTS`)."""
    settings = settings or Settings()
    data, size = loader.read_file(path, settings.max_file_size)
    doc, language = _load(data, settings, size)
    del data  # the text is in `doc`: the bytes (3.7 MB for 20,000 posts) need not live through the check
    with speaking(language):
        return check_document(doc, display or path, settings, language, workers)
