"""`smmplan suggest`: read the plan, ask the planner, check its answer, print and write.

:mod:`smmplan.suggest` computes a rebalanced plan or a calendar from a plan
the engine has checked; this module does the rest of the command: reading
the file and checking it (:mod:`smmplan.engine`, the same check as
`smmplan check`), checking a rebalanced plan again before anything is
written, printing the changes and writing files atomically, never over an
existing one unless asked.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import typer

from smmplan import engine, formulas, loader, locale, planner
from smmplan.commands import EXIT_FINDINGS, write_output
from smmplan.config import Settings
from smmplan.io import reason, regular_file_exists
from smmplan.locale import N_, _, ngettext, terms
from smmplan.visible import say, visible, visible_path
from smmplan.suggest import CalendarPlan, Suggestion, SuggestError, make_calendar, rebalance_plan, week_counts

FORMATS = ("yaml", "csv", "ics")
COLORS = ("auto", "always", "never")


def load(data: bytes, path: str, settings: Settings) -> engine.PlanResult:
    """The plan checked as `smmplan check` checks it; SuggestError when it cannot be planned on."""
    result = engine.check_bytes(data, path, settings)
    if result.plan is None:
        first = next((f for f in result.findings if f.severity == "error"), None)
        if first:
            raise SuggestError(_("{path}: the plan cannot be read ({code} at line {line}: {message}). Run "
                                 "`smmplan check {path}` and fix it first.").format(
                path=path, code=first.code, line=first.line, message=first.message))
        raise SuggestError(_("{path}: the plan cannot be read. Run `smmplan check {path}` and fix it first.").format(
            path=path))
    if result.formula is None:
        raise SuggestError(_("{path}: the plan's formula is invalid; fix it first (`smmplan check {path}`).").format(
            path=path))
    return result


def rebalance_file(data: bytes, path: str, settings: Settings | None = None, *, retype: bool = True,
                   add: bool = True, force: bool = False) -> Suggestion:
    """The cheapest changes that make the plan pass MIX001 and MIX002, applied to its text and
    checked again. A plan with posts that could not be read is not rebalanced unless `force`d."""
    settings = settings or Settings()
    result = load(data, path, settings)
    ctx = engine.Context(path, result.doc, result.plan, result.formula, result.tolerance, settings, result.posts,
                         result.start)
    rb, steps = engine.plan_rebalance(ctx, retype=retype, add=add)
    sug = rebalance_plan(result, data, rb, steps, settings, add=add, force=force)
    if sug.data is not None:
        verify(sug, settings)
    return sug


def verify(sug: Suggestion, settings: Settings) -> None:
    """Re-read the new text: untouched posts and keys unchanged, and the mix passes."""
    before = sug.result.doc.data
    after_doc = loader.load(sug.data, max_bytes=max(settings.max_file_size, len(sug.data) + 1))
    if after_doc.fatal or not isinstance(after_doc.data, dict):
        raise RuntimeError("the rebalanced plan does not read back; this is a bug in smmplan")
    after = after_doc.data
    changed: dict[int, dict[str, object]] = {}
    for r in sug.retypes:
        changed.setdefault(r.index, {})[r.key] = r.word
    for index, key, value in sug.values:  # as the loader reads them back: dates are text
        changed.setdefault(index, {})[key] = value.isoformat() if isinstance(value, dt.date) else value
    old_posts, new_posts = before.get("posts") or [], after.get("posts") or []
    if {k: v for k, v in before.items() if k != "posts"} != {k: v for k, v in after.items() if k != "posts"}:
        raise RuntimeError("the rebalanced plan changed more than its posts; this is a bug in smmplan")
    if len(new_posts) != len(old_posts) + len(sug.additions) + len(sug.replacements):
        raise RuntimeError("the rebalanced plan lost or gained posts; this is a bug in smmplan")
    for i, old in enumerate(old_posts):
        want = dict(old, **changed[i]) if i in changed else old
        if new_posts[i] != want:
            raise RuntimeError(f"post {i + 1} changed beyond what the rebalancing says; this is a bug in smmplan")
    check = engine.check_bytes(sug.data, sug.path, settings)
    totals, weeks = week_counts(check)
    if not sug.unread and not formulas.plan_passes(check.formula, check.tolerance, weeks):
        raise RuntimeError("the rebalanced plan still fails the mix rules; this is a bug in smmplan")
    sug.after = check


def calendar_file(data: bytes | None, path: str | None, settings: Settings | None = None, **options) -> CalendarPlan:
    """`make_calendar(**options)`, continuing the plan of `data` when there is one."""
    settings = settings or Settings()
    source = load(data, path, settings) if data is not None else None
    return make_calendar(source=source, settings=settings, **options)


# --- the command ----------------------------------------------------------------------


def run(plan: str | None, *, weeks: int | None, start: dt.date | None, per_week: int | None, channels: str | None,
        formula: str | None, brand: str | None, goals: list[str], language: str | None, retype_only: bool,
        add_only: bool, output: str | None, in_place: bool, force: bool, fmt: str, color: str,
        business: str | None = None, lang: str | None = None) -> int:
    """The whole command once its options are parsed: the exit status; SuggestError for a usage error.

    It speaks as `check` does: `lang` (--lang), else the config's `lang`, else the plan's
    `language:` (or --language, the language of the plan it writes), else the locale. The plan
    it writes is in --language, else the plan's language, else the language it speaks."""
    from smmplan.config import ConfigError, ConfigFinder, settings_for

    _check_options(plan, weeks, retype_only, add_only, output, in_place, force, fmt, color)
    try:  # the same config as `check` would use for this plan (its formula and tolerance defaults)
        settings = settings_for(ConfigFinder().for_path(plan or os.path.join(os.getcwd(), "plan.yaml")), lang=lang)
    except ConfigError as exc:
        raise SuggestError(_("config error: {problem}").format(problem=exc)) from None
    data = None
    if plan is not None:
        try:  # as `check` reads: a FIFO or a device is refused, never waited on
            data, size = loader.read_file(plan, settings.max_file_size)
        except OSError as exc:
            raise SuggestError(_("{path}: cannot read: {reason}").format(path=visible_path(plan),
                                                                         reason=reason(exc))) from None
    spoken = locale.choose(settings.lang, plan=language or (loader.declared_language(data) if data else None))
    with locale.speaking(spoken):
        if data is not None and size > settings.max_file_size:
            raise SuggestError(_("{path}: the file is {size} bytes, over the max-file-size limit ({limit} bytes); "
                                 "raise `max-file-size` in the config to read it.").format(
                path=visible_path(plan), size=f"{size:,}", limit=f"{settings.max_file_size:,}"))
        return _run(plan, data, settings, weeks=weeks, start=start, per_week=per_week, channels=channels,
                    formula=formula, brand=brand, goals=goals, language=language, retype_only=retype_only,
                    add_only=add_only, output=output, in_place=in_place, force=force, fmt=fmt, color=color,
                    business=business)


def _run(plan: str | None, data: bytes | None, settings: Settings, *, weeks, start, per_week, channels, formula,
         brand, goals, language, retype_only, add_only, output, in_place, force, fmt, color, business) -> int:
    if weeks is None:
        if fmt != "yaml" or any(v is not None for v in (start, per_week, channels, formula, brand, language,
                                                         business)) or goals:
            raise SuggestError(_("--format, --start, --posts-per-week, --channels, --formula, --brand, --goal, "
                                 "--language and --business shape a calendar: add --weeks N."))
        return _rebalance(plan, data, retype_only, add_only, output, in_place, settings, force)
    if retype_only or add_only:
        raise SuggestError(_("--retype-only and --add-only apply to rebalancing a PLAN, not to --weeks."))
    chans = [c.strip() for c in channels.split(",") if c.strip()] if channels else None
    if language is not None and language not in ("en", "ru"):
        raise SuggestError(_("--language takes en or ru, not `{value}`.").format(value=language))
    if business is not None:
        from smmplan.ideas import BUSINESS_KINDS, business_kind, suggest_business

        if business_kind(business) is None:
            near = suggest_business(business)
            if near:
                raise SuggestError(_("--business: `{value}` is no kind smmplan has ideas for; did you mean "
                                     "`{near}`?").format(value=business, near=near))
            raise SuggestError(_("--business: `{value}` is no kind smmplan has ideas for; choose one of: "
                                 "{kinds}.").format(value=business, kinds=", ".join(BUSINESS_KINDS)))
    if data is None and language is None:
        language = locale.current()  # a new plan is written in the language smmplan speaks
    made = calendar_file(data, plan, settings, weeks=weeks, per_week=per_week, start=start, channels=chans,
                         formula=formula, brand=brand, goals=goals, language=language, business=business)
    _write_calendar(made, output, fmt, color)
    if made.placeholders and fmt == "yaml":
        mark = made.fill_in
        if made.placeholders == ["brand"]:
            said = _("no --brand given: the plan's brand says {mark}; put in what the client agreed.")
        elif made.placeholders == ["goals"]:
            said = _("no --goal given: the plan's goals say {mark}; put in what the client agreed.")
        else:
            said = _("no --brand or --goal given: the plan's brand and goals say {mark}; put in what the client "
                     "agreed.")
        say(said.format(mark=mark))
    return 0


def _check_options(plan, weeks, retype_only, add_only, output, in_place, force, fmt, color) -> None:
    if fmt not in FORMATS:
        raise SuggestError(_("unknown format `{format}`; choose one of: {formats}.").format(
            format=fmt, formats=", ".join(FORMATS)))
    if color not in COLORS:
        raise SuggestError(_("--color takes auto, always or never, not `{color}`.").format(color=color))
    if retype_only and add_only:
        raise SuggestError(_("--retype-only and --add-only exclude each other; give one of them."))
    if in_place and (plan is None or weeks is not None):
        raise SuggestError(_("--in-place rewrites the PLAN being rebalanced; it does not go with --weeks or "
                             "without PLAN."))
    if in_place and output:
        raise SuggestError(_("give either --in-place or --output, not both."))
    if plan is None and weeks is None:
        raise SuggestError(_("give a PLAN to rebalance, or --weeks N to write a calendar (see `smmplan suggest "
                             "--help`)."))
    if output and not force and regular_file_exists(output):  # devices and FIFOs are written into
        raise SuggestError(_("{path} exists; give --force to overwrite it, or choose another file.").format(
            path=output))
    if output and plan and os.path.exists(output) and os.path.realpath(output) == os.path.realpath(plan):
        raise SuggestError(_("{path} is the input plan; use --in-place to rewrite it.").format(path=output))


def _rebalance(plan: str, data: bytes, retype_only: bool, add_only: bool, output: str | None,
               in_place: bool, settings: Settings, force: bool = False) -> int:
    sug = rebalance_file(data, plan, settings, retype=not add_only, add=not retype_only, force=force)
    for line in unread_lines(sug, force):
        typer.echo(line, err=True)
    if sug.mode == "unread":
        return EXIT_FINDINGS
    for line in change_lines(sug):
        typer.echo(line)
    if sug.mode == "impossible":
        return EXIT_FINDINGS
    if sug.text is None:  # nothing to change: -o still gets the plan, as it is
        if output:
            write_output(output, data, said=_("wrote {path} (unchanged)").format(path=output))  # its bytes, as they are
        return 0
    target = plan if in_place else output
    if target:
        said = _("wrote {path} (comments and layout kept)") if in_place else _("wrote {path}")
        # the plan's own encoding and BOM; --in-place only over what was read (no concurrent edit lost)
        write_output(target, sug.data, expect=data if in_place else None, said=said.format(path=target))
    return 0


def unread_lines(sug: Suggestion, force: bool) -> list[str]:
    """The posts the check could not read, and what the command does about them."""
    if not sug.unread:
        return []
    n = len(sug.unread)
    out = [ngettext("{path}: {n} post could not be read, so the mix is counted without it:",
                    "{path}: {n} posts could not be read, so the mix is counted without them:", n).format(
        path=visible_path(sug.path), n=n)]
    out += ["  " + _("line {line}: {message}").format(line=line, message=message) for line, message in sug.unread]
    out.append("  " + (_("a rebalance of part of a plan is wrong: nothing is written. Fix these posts, or give "
                         "--force to rebalance the posts that were read.") if not force else
                       _("--force: rebalancing the posts that were read.")))
    return out


def change_lines(sug: Suggestion) -> list[str]:
    """What the rebalancing changes, line by line, as the command prints it."""
    rb = sug.rebalance
    path = visible_path(sug.path)
    if sug.mode == "none":
        return [_("{path}: the mix already passes; nothing to change.").format(path=path)]
    if sug.mode == "impossible":
        return [_("{path}: retyping alone cannot make this plan pass the mix rules (its weeks are too lopsided); "
                  "run without --retype-only to see the posts to add.").format(path=path)]
    if sug.mode in ("retype", "move", "mixed"):
        out = _step_lines(sug)
        if rb.adds:
            out.append("  " + ngettext("(or add {n} post: --add-only)", "(or add {n} posts: --add-only)",
                                       rb.added).format(n=rb.added))
        return out
    n = len(sug.additions)
    if rb.exact:
        head = ngettext("{path}: add {n} post (the fewest that make the mix pass, overall and week by week):",
                        "{path}: add {n} posts (the fewest that make the mix pass, overall and week by week):", n)
    else:
        head = ngettext("{path}: add {n} post (a small number that make the mix pass, overall and week by week):",
                        "{path}: add {n} posts (a small number that make the mix pass, overall and week by week):", n)
    return [head.format(path=path, n=n)] + _addition_lines(sug.additions)


def _step_lines(sug: Suggestion) -> list[str]:
    """What `suggest` retypes, replaces, moves or adds, post by post, for the terminal."""
    rb = sug.rebalance
    path = visible_path(sug.path)
    unproven = [_(_MIXES_UNPROVEN)] if not rb.mixed_exact else []
    if sug.mode == "move":
        n = len(sug.steps)
        if rb.shifts_exact:
            head = ngettext("{path}: move {n} post to other weeks (the fewest that make every week pass):",
                            "{path}: move {n} posts to other weeks (the fewest that make every week pass):", n)
        else:
            head = ngettext("{path}: move {n} post to other weeks (the fewest that make every week pass; a small "
                            "number, not proven the fewest):",
                            "{path}: move {n} posts to other weeks (the fewest that make every week pass; a small "
                            "number, not proven the fewest):", n)
        return [head.format(path=path, n=n)] + _move_lines(sug) + unproven
    if sug.mode == "mixed":
        kinds = rb.combo.kinds
        parts = [part(x).format(n=x) for kind, part in MIXED_PARTS.items() if (x := kinds.get(kind))]
        if rb.mixed_exact:
            head = _("{path}: {changes} (the cheapest mix of changes that makes the mix pass, overall and week "
                     "by week: it costs {cost}, {costs}; any one kind of change alone costs more):")
        else:
            head = _("{path}: {changes} (a cheap mix of changes, not proven the cheapest, that makes the mix "
                     "pass, overall and week by week: it costs {cost}, {costs}; any one kind of change alone "
                     "costs more):")
        out = [head.format(path=path, changes=_and(parts), cost=rb.combo.cost, costs=planner.cost_words())]
        return out + _move_lines(sug) + _change_lines(sug) + _addition_lines(sug.additions)
    n, m = len(sug.retypes), len(sug.replacements)
    retyped = ngettext("{n} post", "{n} posts", n).format(n=n)
    replaced = ngettext("{n} post", "{n} posts", m).format(n=m)
    if n and m:
        what = _("retype {retyped} and replace {replaced}").format(retyped=retyped, replaced=replaced)
    elif m:
        what = _("replace {posts}").format(posts=replaced)
    else:
        what = _("retype {posts}").format(posts=retyped)
    if rb.changes_exact:
        head = _("{path}: {what} (the cheapest changes that make the mix pass, overall and week by week; a post is "
                 "retyped only where its content fits the new type or reads as no type for sure):")
    else:
        head = _("{path}: {what} (cheap (a plan too big to prove it the cheapest) changes that make the mix pass, "
                 "overall and week by week; a post is retyped only where its content fits the new type or reads as "
                 "no type for sure):")
    return [head.format(path=path, what=what)] + _change_lines(sug) + unproven


# When the search for mixes of kinds stopped at its budget (or a huge plan skipped it)
_MIXES_UNPROVEN = N_("  (the cheapest of one kind of change; a plan this big was not searched to the end for "
                     "cheaper mixes of kinds)")

# A mixed plan's kinds, in the order the header names them: kind -> its words for n posts
MIXED_PARTS = {
    "move": lambda n: ngettext("move {n} post to another week", "move {n} posts to other weeks", n),
    "retype": lambda n: ngettext("retype {n} post", "retype {n} posts", n),
    "replace": lambda n: ngettext("replace {n} post", "replace {n} posts", n),
    "add": lambda n: ngettext("add {n} post", "add {n} posts", n),
}


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])


def _move_lines(sug: Suggestion) -> list[str]:
    out = []
    for st in sug.steps:
        if st.kind == "move":
            line = sug.result.doc.locate(("posts", st.post.index, "date"))[0]
            out.append("  " + _("line {line}: {date} -> {new_date}  {title}  ({category}, to week {week})").format(
                line=line, date=f"{st.post.post.date:%Y-%m-%d}", new_date=f"{st.date:%Y-%m-%d}",
                title=repr(st.post.post.title[:60]), category=terms.category(st.source), week=st.week + 1))
    return out


def _change_lines(sug: Suggestion) -> list[str]:
    out = []
    for r in sug.retypes:
        warn = "  " + _("(already published)") if r.status == "published" else ""
        if r.target == "user_generated" and not _credited(sug, r.index):
            warn += "  " + _("(say whose content it is: author: or source:)")
        was = visible(r.was, one_line=True)  # as written in the plan: control characters shown, not obeyed
        change = _("rubric «{was}» -> «{word}»").format(was=was, word=r.word) if r.key == "rubric" else f"{was} -> {r.word}"
        out.append("  " + _("line {line}: {date}  {title}  {change}").format(
            line=r.line, date=f"{r.date:%Y-%m-%d}", title=repr(r.title[:60]), change=change) + warn)
    reads = sug.result.reads
    for st, new in zip((st for st in sug.steps if st.kind == "replace"), sug.replacements):
        line = sug.result.doc.locate(("posts", st.post.index, "type"))[0]
        values = dict(line=line, date=f"{st.post.post.date:%Y-%m-%d}", title=repr(st.post.post.title[:60]),
                      category=terms.category(reads.get(st.post.index) or st.source), type=new.type,
                      new_title=repr(new.title))
        if st.later:  # the plan continues: the old post waits past its end
            text = _("line {line}: {date}  {title} reads as {category}: moved to {later}, after the plan's end, "
                     "replaced by {type} {new_title}").format(later=f"{st.later:%Y-%m-%d}", **values)
        else:
            text = _("line {line}: {date}  {title} reads as {category}: cancelled, replaced by {type} "
                     "{new_title}").format(**values)
        if new.date != st.post.post.date:  # a mix moved its slot to another week
            text += " " + _("(the new post goes on {day})").format(day=f"{new.date:%Y-%m-%d}")
        out.append("  " + text)
    return out


def _credited(sug: Suggestion, index: int) -> bool:
    """Whether the post says whose content it is (`author:` or `source:`)."""
    post = next((p.post for p in sug.result.posts if p.index == index), None)
    return post is not None and bool(getattr(post, "author", None) or getattr(post, "source", None))


def _addition_lines(additions: list) -> list[str]:
    return [f"  + {p.date:%Y-%m-%d} {p.time} {p.channel or '-'}  {p.type}  {p.title!r}" for p in additions]


def _write_calendar(made: CalendarPlan, output: str | None, fmt: str, color: str) -> None:
    posts = made.calendar.posts
    text = made.text
    if fmt != "yaml":
        say(_("`suggest --format {format}` is deprecated: write the plan (`suggest -o plan.yaml`), then "
              "`smmplan export plan.yaml --to {format} --all`.").format(format=fmt))
        text = export_calendar(made, fmt)
    if output:
        counted = ngettext("{n} post", "{n} posts", len(posts)).format(n=len(posts))
        write_output(output, text, said=_("wrote {path} ({posts})").format(path=output, posts=counted))
        grid_out = sys.stdout
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
        grid_out = sys.stderr
    if color == "always" or (color == "auto" and grid_out.isatty()):
        from smmplan.report.text import calendar_grid, make_console

        calendar_grid(make_console(grid_out, color), made)


def export_calendar(made: CalendarPlan, fmt: str) -> str:
    """The calendar as `smmplan export --to csv|ics --all` writes it (`suggest --format csv|ics`, deprecated:
    exports live in smmplan.sheets)."""
    from smmplan.sheets import export, targets

    result = engine.check_bytes(made.text.encode("utf-8"), "calendar.yaml")
    items, _ = export.items_of(result, include_all=True)
    return targets.get(fmt).render(items, targets.Options(brand=made.header.get("brand"), plan=result.plan))
