"""Reporters: one module per output format, one class per format, chosen by name.

Every reporter takes the list of :class:`~smmplan.engine.PlanResult` and a
text stream. Only ``text`` touches rich; machine formats never colour.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, TextIO

# name -> "module:Class"; imported only when chosen
FORMATS: dict[str, str] = {
    "text": "smmplan.report.text:TextReporter",
    "json": "smmplan.report.json:JsonReporter",
}


class Reporter(Protocol):
    def render(self, results: list, out: TextIO) -> None: ...


def get(name: str, **options: Any) -> Reporter:
    return _build(FORMATS[name], options)


def _build(spec: str, options: dict[str, Any]) -> Reporter:
    module, cls = spec.split(":")
    return getattr(importlib.import_module(module), cls)(**options)


# The status view (`smmplan status`, `smmplan check --status`): posts per status,
# what waits for the client and what is due, instead of the full report.
STATUS_FORMATS: dict[str, str] = {
    "text": "smmplan.report.status:StatusTextReporter",
    "json": "smmplan.report.status:StatusJsonReporter",
}


def get_status(name: str, **options: Any) -> Reporter:
    return _build(STATUS_FORMATS[name], options)


def summary(results: list) -> dict[str, int]:
    findings = [f for r in results for f in r.findings]
    return {
        "plans": len(results),
        "findings": len(findings),
        "errors": sum(f.severity == "error" for f in findings),
        "warnings": sum(f.severity == "warning" for f in findings),
        "info": sum(f.severity == "info" for f in findings),
    }
