"""Reporters: one module per output format, one class per format, chosen by name.

Every reporter takes the list of :class:`~smmplan.engine.PlanResult` and a
text stream. Only the reports for people touch rich (``text``, and the
``status`` and page views built on it); machine formats never colour.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, TextIO

from smmplan.locale import N_

# rule families as reports for people title them (translated where shown)
FAMILY_TITLES = {
    "PLAN": N_("Plan file"),
    "MIX": N_("Content mix"),
    "BAN": N_("Honesty"),
    "KPI": N_("Goals and KPIs"),
    "FLOW": N_("Client workflow"),
    "PLT": N_("Platforms"),
    "RUB": N_("Rubrics and occasions"),
    "SMM": N_("smmplan"),
}

# name -> "module:Class"; imported only when chosen
FORMATS: dict[str, str] = {
    "text": "smmplan.report.text:TextReporter",
    "json": "smmplan.report.json:JsonReporter",
    "concise": "smmplan.report.concise:ConciseReporter",
    "github": "smmplan.report.github:GithubReporter",
    "sarif": "smmplan.report.sarif:SarifReporter",
    "junit": "smmplan.report.junit:JunitReporter",
}
# Formats for machines: never coloured, never decorated.
MACHINE_FORMATS = ("json", "concise", "github", "sarif", "junit")


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
        "suppressed": sum(len(getattr(r, "suppressed", ())) for r in results),
    }


def plan_language(result: Any) -> str:
    """The language a plan's part of a report is written in: its report language (``--lang``,
    the config's ``lang``, the plan's ``language:``, the locale), else the current one."""
    from smmplan.locale import current

    return getattr(result, "language", None) or current()


def suppressed_line(results: list) -> str | None:
    """"2 findings suppressed: BAN001, BAN003" (codes in order, each once), or None."""
    every = [s for r in results for s in getattr(r, "suppressed", ())]
    if not every:
        return None
    from smmplan.locale import ngettext

    codes = ", ".join(sorted({s.finding.code for s in every}))
    return ngettext("{n} finding suppressed: {codes}", "{n} findings suppressed: {codes}", len(every)).format(
        n=len(every), codes=codes)


def source_root(start: str | None = None) -> str:
    """The repository root (the nearest directory with `.git` above `start`,
    default the working directory), else `start` itself: what CI paths are
    relative to."""
    import os

    here = os.path.abspath(start or os.getcwd())
    d = here
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return here
        d = parent


def relative_path(path: str, root: str) -> str | None:
    """`path` relative to `root` with `/` separators, or None when it lies outside."""
    import os

    rel = os.path.relpath(os.path.abspath(path), root)
    if rel == ".." or rel.startswith(".." + os.sep) or os.path.isabs(rel):
        return None
    return rel.replace(os.sep, "/")


def position(finding: Any) -> tuple[int, int]:
    """Line and column for formats that need one: a finding about the whole
    file (no line) points at its start."""
    return (finding.line or 1, finding.column or 1)
