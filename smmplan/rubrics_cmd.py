"""`smmplan rubrics PLAN`: the plan's rubrics with planned and target counts, ideas left and
the next post's date. Glue for the command; the reading lives in :mod:`smmplan.rubrics`."""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

from smmplan import rubrics
from smmplan.locale import DEFAULT, N_, _, current, dates, speaking, terms
from smmplan.visible import visible, visible_path

_HEADERS = (N_("rubric"), N_("type"), N_("posts"), N_("target"), N_("ideas"), N_("next"))


class RubricsError(Exception):
    """The plan cannot be read or has no rubrics: the message says why (exit 2)."""


def collect(path: str, as_of: dt.date | None = None, lang: str | None = None) -> dict[str, Any]:
    """The plan's rubric rows, and `language`: the plan's report language (`lang` is `--lang`, None when
    not given)."""
    from smmplan.config import ConfigError, ConfigFinder, settings_for
    from smmplan.engine import check_path

    try:
        settings = settings_for(ConfigFinder().for_path(path), as_of=as_of, lang=lang)
    except ConfigError as exc:
        raise RubricsError(_("config error: {error}").format(error=exc)) from None
    try:
        result = check_path(path, settings)
    except OSError as exc:
        raise RubricsError(_("{path}: cannot read: {error}").format(path=path, error=exc.strerror or exc)) from None
    if result.plan is None:
        raise RubricsError(_("{path}: the plan cannot be read; `smmplan check {path}` says why").format(path=path))
    if not result.plan.rubrics:
        raise RubricsError(_("{path}: the plan has no `rubrics:`; docs/rubrics.md shows how to write them").format(
            path=path))
    end = rubrics.period_end(result.start, result.plan.weeks, result.end)
    rows = rubrics.rows(result.plan, result.posts, settings.today(), result.start, end)
    starved = {f.data["rubric"] for f in result.findings if f.code == "RUB005" and f.data}
    short = {f.data["rubric"] for f in result.findings if f.code == "RUB006" and f.data}
    return {"path": path, "start": result.start, "end": end, "rows": rows, "starved": starved, "short": short,
            "language": result.language}


def print_json(data: dict[str, Any]) -> None:
    import json

    out = [{"name": r.name, "type": r.type, "planned": r.planned,
            "target": round(r.target, 1) if r.target is not None else None, "ideas": r.ideas,
            "ideas_left": r.ideas_left, "next_post": r.next_post.isoformat() if r.next_post else None,
            "starved": r.name in data["starved"], "ideas_short": r.name in data["short"]} for r in data["rows"]]
    sys.stdout.write(json.dumps({"path": data["path"], "rubrics": out}, indent=2, ensure_ascii=False) + "\n")


def print_table(data: dict[str, Any], color: str = "auto", out=None, width: int | None = None) -> None:
    """The rubrics as a table, in the plan's report language."""
    with speaking(data.get("language", current())):
        _table(data, color, out, width)


def _table(data: dict[str, Any], color: str, out, width: int | None) -> None:
    from rich.table import Table
    from rich.text import Text

    from smmplan.report.text import make_console

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0))
    rubric, type_, *counts, next_ = (_(h) for h in _HEADERS)
    table.add_column(rubric, overflow="fold", ratio=3)
    table.add_column(type_, overflow="fold", ratio=2)
    for name in counts:
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(next_, no_wrap=True)
    english = current() == DEFAULT
    for r in data["rows"]:
        target = f"{r.target:.0f}" if r.target is not None else "—"
        ideas = Text(f"{r.ideas_left}/{r.ideas}", style="yellow" if r.name in data["short"] else "")
        posts = Text(str(r.planned), style="yellow" if r.name in data["starved"] else "")
        when = (f"{r.next_post:%d %b}" if english else dates.day(r.next_post)) if r.next_post else "—"
        table.add_row(visible(r.name, one_line=True), terms.category(r.type), posts, target, ideas, when)
    console = make_console(out or sys.stdout, color, width)
    start, end = data["start"], data["end"]
    if not (start and end):
        period = _("no dates")
    else:
        period = f"{start:%Y-%m-%d} → {end:%Y-%m-%d}" if english else dates.span(start, end)
    console.print(Text(f"{visible_path(data['path'])}  ·  {period}", style="bold"))
    console.print(table)
    console.print(_("posts: planned (not cancelled); target: the rubric's share or monthly count over the period; "
                    "ideas: unused / in the bank."))
