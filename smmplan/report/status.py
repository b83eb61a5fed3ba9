"""The status view (`smmplan status`, `smmplan check --status`), for the weekly call with the client.

Per plan: how many posts stand at each status, the posts waiting for the
client's approval, what is due soon, and the workflow findings (posts due
without approval, missed posts...). Everything comes from the flow family's
summary and findings.

JSON (`--format json`): ``{"version", "plans": [...], "summary"}`` where each
plan has ``path``, ``brand``, ``client`` ({name, contact, approver} or null),
``due_window`` ({from, to, days}), ``statuses`` (posts per status, every
status and ``unknown``), ``waiting`` and ``due`` (posts as in ``smmplan check``'s
JSON), ``workflow_findings`` (the FLOW findings) and ``other_findings`` (how
many findings of other families ``smmplan check`` would show). ``summary``
adds ``statuses`` and ``waiting`` summed over the plans.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.table import Table
from rich.text import Text

from smmplan import __version__
from smmplan.locale import N_, _, ngettext, terms
from smmplan.report import summary
from smmplan.report.text import (SEVERITY_STYLE, TextReporter, fitting_widths, posts_table, print_header, print_wrapped,
                                 severity_width)
from smmplan.visible import visible, visible_path

FAMILY = "FLOW"
# Counted in every report's data, shown in the text table only when a post has them.
SHOWN_WHEN_USED = ("changes_requested", "on_hold", "unknown")
# words for the columns that are not statuses of the model (smmplan.locale.terms has those)
COLUMNS = {"unknown": N_("unknown"), "total": N_("total")}


def column(name: str) -> str:
    """A status count's column: the status as a word, `unknown` or `total`."""
    return _(COLUMNS[name]) if name in COLUMNS else terms.status(name)


def _flow(findings: list) -> list:
    return [f for f in findings if f.code.startswith(FAMILY)]


def plan_status(result: Any) -> dict[str, Any]:
    s = result.sections
    client = getattr(result.plan, "client", None)
    flow = _flow(result.findings)
    return {
        "path": result.path,
        "brand": getattr(result.plan, "brand", None),
        "client": client.model_dump() if client is not None else None,
        "due_window": s.get("due_window"),
        "statuses": s.get("statuses", {}),
        "waiting": s.get("waiting", []),
        "due": s.get("due", []),
        "workflow_findings": [f.to_dict() for f in flow],
        "other_findings": len(result.findings) - len(flow),
    }


class StatusJsonReporter:
    def __init__(self, **_: Any):
        pass

    def render(self, results: list, out: TextIO) -> None:
        plans = [plan_status(r) for r in results]
        totals: dict[str, int] = {}
        for p in plans:
            for status, n in p["statuses"].items():
                totals[status] = totals.get(status, 0) + n
        doc = {
            "version": __version__,
            "plans": plans,
            "summary": {**summary(results), "statuses": totals, "waiting": sum(len(p["waiting"]) for p in plans)},
        }
        json.dump(doc, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")


class StatusTextReporter(TextReporter):
    def render_one(self, console: Any, result: Any) -> None:
        render_status(console, result)


def status_counts(statuses: dict[str, int], width: int) -> Table:
    """Posts per status: a column each, or a row each where the columns would not fit."""
    counts = {k: n for k, n in statuses.items() if k not in SHOWN_WHEN_USED or n}
    counts["total"] = sum(counts.values())
    table = Table(box=None, padding=(0, 1), pad_edge=True, show_edge=False, header_style="bold")
    cells = [Text(str(n), style="dim" if not n else "") for n in counts.values()]
    names = [column(name) for name in counts]
    widths = fitting_widths(tuple(names), [tuple(str(n) for n in counts.values())], width)
    if widths is not None:
        for name, cells_wide in zip(names, widths):
            table.add_column(name, justify="right", no_wrap=True, width=cells_wide)
        table.add_row(*cells)
        return table
    table.add_column(_("status"), no_wrap=True)
    table.add_column(_("posts"), justify="right", no_wrap=True)
    for name, cell in zip(names, cells):
        table.add_row(name, cell)
    return table


def render_status(console: Any, result: Any) -> None:
    data = plan_status(result)
    client = data["client"] or {}
    bits = [b for b in (data["brand"], client.get("name") and _("client {name}").format(name=client["name"]),
                        client.get("approver") and _("approver {name}").format(name=client["approver"])) if b]
    print_header(console, result.path, bits)
    if result.plan is None:
        n = data["other_findings"]
        print_wrapped(console, Text("  " + ngettext("the plan cannot be read ({n} finding): run `smmplan check {path}`",
                                                    "the plan cannot be read ({n} findings): run `smmplan check {path}`",
                                                    n).format(n=n, path=visible_path(result.path)), style="red"), hang=2)
        return

    console.print(status_counts(data["statuses"], console.width))

    approver = client.get("approver")
    waiting = (_("Waiting for {who}").format(who=visible(approver, one_line=True)) if approver
               else _("Waiting for the client"))
    console.print()
    console.print(Text(waiting, style="bold underline"))
    if data["waiting"]:
        console.print(posts_table(data["waiting"], console.width))
    else:
        console.print(Text("  " + _("nothing waiting for approval"), style="dim"))

    window = data["due_window"] or {}
    console.print()
    console.print(Text(_("Due soon"), style="bold underline").append(f"  {window.get('from')} → {window.get('to')}",
                                                                  style="dim"))
    if data["due"]:
        console.print(posts_table(data["due"], console.width))
    else:
        console.print(Text("  " + _("nothing due"), style="dim"))

    flow = _flow(result.findings)
    if flow:
        console.print()
        console.print(Text(_("Needs attention"), style="bold underline"))
        pad = severity_width()
        for f in flow:
            line = Text("  ")
            line.append(f"{terms.severity(f.severity):<{pad}}", style=SEVERITY_STYLE.get(f.severity, ""))
            line.append(" " + _("line {n}").format(n=f.line) + "  " if f.line else " ", style="bold")
            line.append(f"{f.code}  ", style="magenta")
            line.append(f.message)
            print_wrapped(console, line, hang=pad + 3)
    if data["other_findings"]:
        n = data["other_findings"]
        console.print()
        print_wrapped(console, Text("  " + ngettext("{n} other finding: `smmplan check {path}` shows it.",
                                                    "{n} other findings: `smmplan check {path}` shows them.",
                                                    n).format(n=n, path=visible_path(result.path)), style="dim"), hang=2)
