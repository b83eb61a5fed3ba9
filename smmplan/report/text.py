"""`--format text`: the rich report for people.

Per plan: a header, the mix table with bars, the findings grouped by family
(each with the source line and a caret under the culprit), the suggested
rebalancing, and any extra sections rule families supply (goals and KPIs,
posts due). Colour only on a terminal, or when asked; NO_COLOR is honoured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TextIO

from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from smmplan.visible import visible, visible_path

FAMILY_TITLES = {
    "PLAN": "Plan file",
    "MIX": "Content mix",
    "BAN": "Honesty",
    "KPI": "Goals and KPIs",
    "FLOW": "Client workflow",
    "SMM": "smmplan",
}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
BAR_WIDTH = 24


def make_console(out: TextIO, color: str = "auto", width: int | None = None) -> Console:
    """A console on `out`. color: auto (terminal only; NO_COLOR/FORCE_COLOR apply), always, never."""
    # markup and emoji off: a plan's words are printed as written (`[red]` and `:fire:` in a
    # title are text, not style and 🔥), and rich's emoji table is never loaded
    kwargs: dict[str, Any] = {"file": out, "highlight": False, "soft_wrap": False, "markup": False, "emoji": False}
    if color == "always":  # the command line beats NO_COLOR, and a pipe or TERM=dumb
        import os

        kwargs["force_terminal"] = True
        kwargs["no_color"] = False
        if os.environ.get("TERM", "") in ("dumb", "unknown"):
            kwargs["color_system"] = "standard"
    elif color == "never":
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    if width:
        kwargs["width"] = width
    elif not out.isatty() if hasattr(out, "isatty") else True:
        kwargs["width"] = 100
    return Console(**kwargs)


class TextReporter:
    def __init__(self, color: str = "auto", width: int | None = None, show_suppressed: bool = False, **_: Any):
        self.color = color
        self.width = width
        self.show_suppressed = show_suppressed

    def render(self, results: list, out: TextIO) -> None:
        console = make_console(out, self.color, self.width)
        for i, result in enumerate(results):
            if i:
                console.print()
            self.render_one(console, result)

    def render_one(self, console: Console, result: Any) -> None:
        render_plan(console, result, self.show_suppressed)


def _suppressed(console: Console, result: Any, show: bool) -> None:
    """"2 findings suppressed: BAN001, BAN003", and with --show-suppressed each of them in full."""
    from smmplan.report import suppressed_line

    line = suppressed_line([result])
    if line is None:
        return
    console.print()
    console.print(Text(f"  {line}" + ("" if show else " (--show-suppressed lists them)"), style="yellow"))
    if show:
        for s in result.suppressed:
            f = s.finding
            where = visible_path(f.path) + (f":{f.line}:{f.column}" if f.line else "")
            console.print(Text.assemble("    ", (where, "bold"), ("  " + f.code + " ", "magenta"), (f.name, "dim")))
            console.print(Padding(Text(f.message), (0, 0, 0, 6), expand=False))
            console.print(Padding(Text(f"suppressed ({s.by.kind}) by {s.by.how}", style="yellow"), (0, 0, 0, 6),
                                  expand=False))


def render_plan(console: Console, result: Any, show_suppressed: bool = False) -> None:
    console.print(_header(result), soft_wrap=True)
    if result.mix:
        console.print(mix_table(result))
    for name, render in SECTIONS.items():
        if result.sections.get(name):
            render(console, result.sections[name], result)
    if result.findings:
        _findings(console, result)
    if result.rebalance is not None and result.rebalance.needed:
        _rebalance(console, result)
    if not result.findings:
        console.print(Text("  ✓ no findings", style="green"))
    _suppressed(console, result, show_suppressed)


def _header(result: Any) -> Text:
    text = Text()
    text.append(visible_path(result.path), style="bold")
    plan = result.plan
    bits = []
    if plan is not None and plan.brand:
        bits.append(visible(plan.brand, one_line=True))
    if result.plan is not None:
        bits.append(f"{result.post_count} posts")
    if result.start and result.end:
        bits.append(f"{result.start:%Y-%m-%d} → {result.end:%Y-%m-%d}")
    if result.formula is not None:
        bits.append(f"formula {result.formula.name} ± {float(result.tolerance * 100):g} pp")
    if bits:
        text.append("  ·  " + "  ·  ".join(bits), style="dim")
    return text


def _bar(share: float, target: float, scale: float, ok: bool) -> Text:
    filled = share / scale * BAR_WIDTH if scale else 0
    mark = min(BAR_WIDTH - 1, int(round(target / scale * BAR_WIDTH))) if scale else 0
    full = int(filled)
    half = filled - full >= 0.5
    cells = []
    for i in range(BAR_WIDTH):
        if i < full:
            ch = "█"
        elif i == full and half:
            ch = "▌"
        else:
            ch = " "
        if i == mark and ch == " ":
            ch = "│"
        cells.append(ch)
    return Text("".join(cells), style="green" if ok else "red")


def mix_table(result: Any) -> Table:
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    for name, justify in (("category", "left"), ("posts", "right"), ("actual", "right"), ("target", "right"),
                          ("allowed", "right"), ("delta", "right"), ("status", "left"), ("", "left")):
        table.add_column(name, justify=justify, no_wrap=True)
    scale = max([r.share for r in result.mix] + [r.target for r in result.mix] + [0.01])
    for r in result.mix:
        delta = (r.share - r.target) * 100
        status = Text("ok", style="green") if r.ok else Text("off", style="bold red")
        allowed = f"{r.low}–{r.high}" if r.low < r.high else (str(r.low) if r.low == r.high else "—")
        table.add_row(
            visible(r.category, one_line=True), str(r.count), f"{r.share * 100:.1f} %", f"{r.target * 100:.4g} %", allowed,
            Text(f"{delta:+.1f}", style="green" if r.ok else "red"), status, _bar(r.share, r.target, scale, r.ok),
        )
    return table


def _family(code: str) -> str:
    return code.rstrip("0123456789")


def caret_span(line: str, column: int) -> int:
    """How many characters to underline from `column` (1-based): the value there."""
    rest = line[column - 1 :]
    if not rest:
        return 1
    if rest[0] in "\"'":
        end = rest.find(rest[0], 1)
        return end + 1 if end > 0 else len(rest.rstrip())
    cut = re.search(r"\s+#|,\s|[}\]]|$", rest)
    return max(1, len(rest[: cut.start()].rstrip()))


def _highlight(text: Text, phrases: list[str]) -> None:
    for phrase in phrases:
        if phrase:
            text.highlight_regex(re.compile(re.escape(phrase), re.IGNORECASE), style="bold reverse")


def _findings(console: Console, result: Any) -> None:
    groups: dict[str, list] = {}
    for f in result.findings:
        groups.setdefault(_family(f.code), []).append(f)
    order = list(FAMILY_TITLES)
    quoted = result.doc.quote(f.line for f in result.findings) if result.doc is not None else {}
    for fam in sorted(groups, key=lambda x: order.index(x) if x in order else len(order)):
        console.print()
        console.print(Text(FAMILY_TITLES.get(fam, fam), style="bold underline"))
        for f in groups[fam]:
            where = visible_path(f.path) + (f":{f.line}:{f.column}" if f.line else "")
            head = Text("  ")
            head.append(f"{f.severity:<7}", style=SEVERITY_STYLE.get(f.severity, ""))
            head.append(" ")
            head.append(where, style="bold")
            head.append(f"  {f.code} ", style="magenta")
            head.append(f.name, style="dim")
            console.print(head)
            message = Text(f.message)
            matched = (f.data or {}).get("matched")
            phrases = [matched] if isinstance(matched, str) else list(matched or [])
            _highlight(message, phrases)
            console.print(Padding(message, (0, 0, 0, 4), expand=False))
            src = quoted.get(f.line)
            if src is not None and not src.isprintable():  # an escape sequence is shown, not obeyed
                src = visible(src, one_line=True)
            if src is not None and len(src) < 300:
                gutter = f"    {f.line:>4} │ "
                line = Text(gutter, style="dim")
                body = Text(src)
                _highlight(body, phrases)
                line.append_text(body)
                console.print(line, soft_wrap=True)
                if f.column:
                    width = caret_span(src, f.column)
                    if phrases and src[f.column - 1 :].lower().startswith(phrases[0].lower()):
                        width = len(phrases[0])  # just the matched words (honesty findings)
                    console.print(Text(" " * (len(gutter) - 2) + "│ " + " " * (f.column - 1) + "^" * width,
                                       style=SEVERITY_STYLE.get(f.severity, "")), soft_wrap=True)
            if f.fix:
                console.print(Padding(Text("fix: ", style="green").append(f.fix, style=""), (0, 0, 0, 4), expand=False))


def rebalance_lines(result: Any) -> list[str]:
    """The suggested rebalancing in words."""
    rb = result.rebalance
    lines = []
    for m, picked in zip(rb.moves, result.move_lines()):
        examples = [str(x) for x in picked if x]
        eg = ""
        if examples:
            eg = ", e.g. line " + examples[0] if len(examples) == 1 else (
                ", e.g. lines " + ", ".join(examples[:-1]) + " and " + examples[-1])
        noun = "post" if m.count == 1 else "posts"
        lines.append(f"retype {m.count} {m.source} {noun} to {m.target}{eg}")
    if rb.adds:
        parts = [f"{k} {cat} post{'s' if k != 1 else ''}" for cat, k in rb.adds.items()]
        lines.append(("or " if lines else "") + "add " + ", ".join(parts))
    return lines


def _rebalance(console: Console, result: Any) -> None:
    console.print()
    console.print(Text("Suggested rebalancing", style="bold underline"))
    for line in rebalance_lines(result):
        console.print(Text("  • " + line))
    console.print(Text(f"  `smmplan suggest {visible_path(result.path)}` lists the posts, week by week.", style="dim"))


# Extra sections supplied by rule families' summarize(): key -> renderer.
SECTIONS: dict[str, Callable[[Console, Any, Any], None]] = {}


def section(name: str) -> Callable:
    def register(fn: Callable[[Console, Any, Any], None]) -> Callable:
        SECTIONS[name] = fn
        return fn

    return register


STATUS_STYLE = {"ahead": "green", "on track": "cyan", "behind": "bold red"}


def kpi_table(rows: list[dict]) -> Table:
    """The kpi family's summary: each goal's KPIs with target, actual and progress."""
    from smmplan.rules.kpi import format_quantity

    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    for name, justify in (("goal", "left"), ("metric", "left"), ("target", "right"), ("actual", "right"),
                          ("done", "right"), ("expected", "right"), ("status", "left")):
        table.add_column(name, justify=justify, no_wrap=True)
    shown_goal = None
    for r in rows:
        per = {7: " / week", 30: " / month", 91: " / quarter", 365: " / year"}.get(r["period_days"], "")
        if r["period_days"] and not per:
            per = f" / {r['period_days']} d"
        goal = visible(str(r["goal"]), one_line=True) if r["goal"] != shown_goal else ""
        shown_goal = r["goal"]
        status = Text(r["status"], style=STATUS_STYLE[r["status"]]) if r["status"] else Text("—", style="dim")
        table.add_row(
            goal, visible(str(r["metric"]), one_line=True), format_quantity(r["target"], r["unit"]) + per, format_quantity(r["actual"], r["unit"]),
            "—" if r["done"] is None else f"{r['done']:.0f} %", format_quantity(r["expected"], r["unit"]), status,
        )
    return table


@section("kpis")
def _kpis(console: Console, rows: list[dict], result: Any) -> None:
    first = rows[0]
    note = f"  as of {first['as_of']}"
    if first["elapsed"] is not None:
        note += f", {first['elapsed'] * 100:.0f} % of the plan's period gone"
    console.print()
    console.print(Text.assemble(("Goals and KPIs", "bold underline"), (note, "dim")))
    console.print(kpi_table(rows))


def _short(text: Any, width: int) -> Any:
    """Text (str or rich Text) cut to `width` characters with an ellipsis."""
    if len(text) <= width:
        return text
    if isinstance(text, Text):
        text.truncate(width, overflow="ellipsis")
        return text
    return text[: width - 1] + "…"


def posts_table(rows: list[dict]) -> Table:
    """Posts from the flow family's summary (due soon, waiting for the client) as a table."""
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    for name in ("date", "channel", "title", "status", "who must approve"):
        table.add_column(name, no_wrap=name != "title", overflow="fold")
    for r in rows:
        status = Text(r["status"] or f"{_short(visible(str(r['status_written']), one_line=True), 20)}?",
                      style="green" if r["ready"] else "yellow")
        if r["ready"]:
            who = Text("✓ " + visible(r["approved_by"] or "", one_line=True), style="dim")
        else:
            who = Text(visible(r["approver"], one_line=True) if r["approver"] else "not named (client: approver:)",
                       style="" if r["approver"] else "red")
        when = r["date"] + (f" {r['time']}" if r["time"] else "")
        table.add_row(when, _short(visible(r["channel"] or "—", one_line=True), 20),
                      _short(visible(r["title"], one_line=True), 100), status, _short(who, 40))
    return table


@section("due")
def _due(console: Console, rows: list[dict], result: Any) -> None:
    window = result.sections.get("due_window") or {}
    console.print()
    title = Text("Due soon", style="bold underline")
    title.append(f"  {window.get('from')} → {window.get('to')}", style="dim")
    console.print(title)
    console.print(posts_table(rows))


# --- `smmplan suggest --weeks`: the calendar as a week x weekday grid ------------------

TYPE_STYLES = ("green", "cyan", "blue", "magenta", "yellow", "bright_red", "white")


def calendar_grid(console: Console, made: Any) -> None:
    """One row per week, one column per day of the plan's week, each post a
    coloured mark of its type; then the resulting mix against the formula."""
    import datetime as dt

    cal = made.calendar
    cats = cal.formula.categories
    style = {c: TYPE_STYLES[i % len(TYPE_STYLES)] for i, c in enumerate(cats)}
    short = {c: c[:3].upper() for c in cats}
    table = Table(box=None, padding=(0, 1), header_style="bold", show_edge=False)
    table.add_column("week", justify="right")
    for d in range(7):
        table.add_column((cal.start + dt.timedelta(days=d)).strftime("%a"), no_wrap=True)
    by_day: dict[Any, list] = {}
    for p in cal.posts:
        by_day.setdefault(p.date, []).append(p)
    for w in range(cal.weeks):
        first = cal.start + dt.timedelta(days=7 * w)
        cells = []
        for d in range(7):
            cell = Text()
            for i, p in enumerate(by_day.get(first + dt.timedelta(days=d), [])):
                cell.append(("·" if i else "") + short[p.category], style=style[p.category])
            cells.append(cell)
        table.add_row(f"{w + 1} {first:%d.%m}", *cells)
    console.print(table)
    counts = cal.counts()
    total = sum(counts) or 1
    legend = Text("mix: ")
    for (cat, share), n in zip(cal.formula.shares, counts):
        legend.append(f"{short[cat]}", style=style[cat])
        legend.append(f" {cat} {n} ({n / total:.0%}, target {float(share):.0%})  ")
    console.print(legend)


__all__ = ["TextReporter", "kpi_table", "make_console", "mix_table", "posts_table", "rebalance_lines", "section", "Group", "calendar_grid"]
