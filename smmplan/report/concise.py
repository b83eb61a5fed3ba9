"""`--format concise`: one `path:line:col: CODE message` line per finding.

The shape editors, `grep` and problem matchers understand. A finding about the
whole file (no line) points at 1:1. Never coloured.
"""

from __future__ import annotations

from typing import Any, TextIO

from smmplan.locale import _, speaking
from smmplan.report import plan_language, position
from smmplan.visible import visible_path


class ConciseReporter:
    def __init__(self, show_suppressed: bool = False, **_: Any):
        self.show_suppressed = show_suppressed

    def render(self, results: list, out: TextIO) -> None:
        for result in results:
            with speaking(plan_language(result)):
                self.render_plan(result, out)

    def render_plan(self, result: Any, out: TextIO) -> None:
        every = [(f, "") for f in result.findings]
        if self.show_suppressed:  # in file order, each marked
            every += [(s.finding, " " + _("[suppressed by {how}]").format(how=s.by.how))
                      for s in getattr(result, "suppressed", ())]
            every.sort(key=lambda x: (x[0].line or 0, x[0].column or 0, x[0].code))
        for f, mark in every:
            line, column = position(f)
            message = " ".join((f.message + mark).split())  # one line per finding, always
            out.write(f"{visible_path(f.path)}:{line}:{column}: {f.code} {message}\n")
