"""Every rule is documented in fixed sections, and its example triggers it."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from smmplan.config import Settings
from smmplan.rules import registry
from tests.conftest import check_text

# Examples that cannot be written as plan text: covered by their own tests.
NOT_TEXT = {
    "PLAN002": "tests/test_loader.py::test_not_utf8_names_the_line",
    "PLAN011": "size limit, tests of --max-file-size",
    "SMM001": "a crashing rule; tests/test_engine.py",
}

RULES = list(registry().values())


def test_codes_and_names_are_unique_and_well_formed():
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert re.fullmatch(r"[A-Z]+\d{3}", r.code), r.code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", r.name), r.name
        assert r.severity in {"error", "warning", "info"}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_documentation_has_every_section(rule):
    for section in ("summary", "what", "why", "fix"):
        text = getattr(rule, section)
        assert len(text.split()) >= 4, f"{rule.code}.{section} is too thin: {text!r}"
        assert text.rstrip()[-1] in ".?!)`", f"{rule.code}.{section} should be a sentence"
    if rule.code not in NOT_TEXT:
        assert rule.example.strip(), f"{rule.code} needs an example plan"


@pytest.mark.parametrize("rule", [r for r in RULES if r.code not in NOT_TEXT], ids=lambda r: r.code)
def test_rule_example_triggers_the_rule(rule):
    as_of = dt.date.fromisoformat(rule.example_as_of) if rule.example_as_of else None
    result = check_text(rule.example, Settings(as_of=as_of), dedent=False)
    found = [f for f in result.findings if f.code == rule.code]
    assert found, f"{rule.code}'s documented example does not trigger it: {[f.code for f in result.findings]}"
    for f in found:
        assert f.severity == rule.severity
        assert f.line is not None or rule.code in {"SMM001"}, f"{rule.code} finding without a line"
