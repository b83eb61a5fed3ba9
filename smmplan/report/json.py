"""`--format json`: one object with every finding, every plan's mix, and a summary."""

from __future__ import annotations

import json
from typing import Any, TextIO

from smmplan import __version__
from smmplan.report import summary


class JsonReporter:
    def __init__(self, **_: Any):
        pass

    def render(self, results: list, out: TextIO) -> None:
        doc = {
            "version": __version__,
            "findings": [f.to_dict() for r in results for f in r.findings],
            "plans": [r.to_dict() for r in results],
            "summary": summary(results),
        }
        json.dump(doc, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
