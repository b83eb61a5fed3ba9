"""`--format concise`: one `path:line:col: CODE message` line per finding.

The shape editors, `grep` and problem matchers understand. A finding about the
whole file (no line) points at 1:1. Never coloured.
"""

from __future__ import annotations

from typing import Any, TextIO

from smmplan.report import position


class ConciseReporter:
    def __init__(self, **_: Any):
        pass

    def render(self, results: list, out: TextIO) -> None:
        for result in results:
            for f in result.findings:
                line, column = position(f)
                message = " ".join(f.message.split())  # one line per finding, always
                out.write(f"{f.path}:{line}:{column}: {f.code} {message}\n")
