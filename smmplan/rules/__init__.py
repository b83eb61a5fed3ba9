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
from functools import cache
from types import ModuleType

from smmplan.locale import _
from smmplan.records import ReadOnly

# Families in the order their findings are reported. `plan` holds the file and
# format rules the loader and the model raise; it has no walker of its own.
FAMILIES = ("plan", "mix", "honesty", "kpi", "flow", "platform", "rubric")


class Rule(ReadOnly):
    """A rule's identity and documentation.

    ``summary`` (the rule's title) says in a line what goes wrong, ``what``
    what the rule checks, ``why`` why it matters, ``example`` is a plan that
    triggers the rule (re-checked by the tests), ``fix`` what to do instead.
    ``example_as_of`` is the day the example is checked on (`--as-of`), for
    rules that judge dates against today.

    The texts are written in English and marked with ``N_`` where each rule
    is defined; reading ``summary``, ``title``, ``what``, ``why`` or ``fix``
    gives them in the current language (``smmplan.locale``), so every place
    that shows a rule's docs speaks the user's language. ``english(field)``
    gives the text as written. Code, name, severity and example never change.
    """

    __slots__ = ("code", "name", "severity", "_summary", "_what", "_why", "example", "_fix", "example_as_of")

    def __init__(self, code: str, name: str, severity: str, summary: str, what: str, why: str, example: str,
                 fix: str, example_as_of: str | None = None) -> None:
        self._fill((code, name, severity, summary, what, why, example, fix, example_as_of))

    def __reduce__(self):  # copies and pickles are built by __init__, as the rule was
        return (Rule, self._fields())

    def __repr__(self) -> str:
        return f"Rule({self.code!r}, {self.name!r}, {self.severity!r})"

    @property
    def family(self) -> str:
        return self.code.rstrip("0123456789")

    @property
    def summary(self) -> str:
        """The rule's title in a line, in the current language."""
        return _(self._summary) if self._summary else ""

    title = summary

    @property
    def what(self) -> str:
        return _(self._what) if self._what else ""

    @property
    def why(self) -> str:
        return _(self._why) if self._why else ""

    @property
    def fix(self) -> str:
        return _(self._fix) if self._fix else ""

    def english(self, field: str) -> str:
        """A doc field as written in the code (``summary``, ``what``, ``why``, ``fix``): the catalogue's msgid."""
        return object.__getattribute__(self, "_" + field if field in _TRANSLATED else field)


_TRANSLATED = ("summary", "what", "why", "fix")


@cache
def family_modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"smmplan.rules.{name}") for name in FAMILIES)


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
