"""Rules: one module per family, each rule plain data with its documentation.

A family module defines ``RULES`` (a tuple of :class:`Rule`) and
``check(ctx)``, a generator of :class:`~smmplan.findings.Problem` that walks
the plan once. It may also define ``summarize(ctx)``, returning JSON-ready
data that the reports show for the plan (KPI progress, posts due...).

Rules know nothing of output formats. The engine turns problems into
findings, locating each one in the file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from types import ModuleType

# Families in the order their findings are reported. `plan` holds the file and
# format rules the loader and the model raise; it has no walker of its own.
FAMILIES = ("plan", "mix", "honesty", "kpi", "flow", "platform", "rubric")


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule's identity and documentation.

    ``what`` says what goes wrong, ``why`` why it matters, ``example`` is a
    plan that triggers the rule (re-checked by the tests), ``fix`` what to do
    instead.
    """

    code: str
    name: str
    severity: str
    summary: str
    what: str
    why: str
    example: str
    fix: str

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")


@cache
def family_modules() -> tuple[ModuleType, ...]:
    mods = []
    for name in FAMILIES:
        try:
            mods.append(importlib.import_module(f"smmplan.rules.{name}"))
        except ModuleNotFoundError as exc:  # a family not written yet
            if exc.name != f"smmplan.rules.{name}":
                raise
    return tuple(mods)


@cache
def registry() -> dict[str, Rule]:
    """Every rule by code, in report order."""
    out: dict[str, Rule] = {}
    for mod in family_modules():
        for rule in mod.RULES:
            if rule.code in out:
                raise RuntimeError(f"rule code {rule.code} defined twice")
            out[rule.code] = rule
    return out


def by_name_or_code(key: str) -> Rule | None:
    key = key.strip()
    rules = registry()
    if key.upper() in rules:
        return rules[key.upper()]
    for rule in rules.values():
        if rule.name == key.lower():
            return rule
    return None
