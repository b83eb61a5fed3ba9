"""docs/ru/rules.md stays true: every rule of the registry is listed with its code, name and severity,
and its Russian title is the catalogue's translation of the rule's title (``Rule.summary``), the text
`smmplan rules --lang ru` shows.

When a title's translation changes in the catalogue, this test names the rows to change; print the
whole table as the catalogue has it with ``python tests/test_ru_docs.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from smmplan.locale import _, speaking, terms
from smmplan.rules import registry

PAGE = Path(__file__).resolve().parent.parent / "docs" / "ru" / "rules.md"
ROW = re.compile(r"^\| `([A-Z]+\d{3})` \| `([a-z0-9-]+)` \| ([^|]+?) \| (.+?) \|$", re.M)


def listed() -> dict[str, tuple[str, str, str]]:
    """code -> (name, severity, Russian title), as docs/ru/rules.md lists them."""
    return {code: (name, severity, title) for code, name, severity, title in ROW.findall(PAGE.read_text("utf-8"))}


def russian_title(rule) -> str | None:
    """The catalogue's Russian for the rule's title; None while it has none."""
    with speaking("ru"):
        title = _(rule.summary)
    return title if title != rule.summary else None


def row(rule, title: str) -> str:
    with speaking("ru"):
        severity = terms.severity(rule.severity)
    return f"| `{rule.code}` | `{rule.name}` | {severity} | {title} |"


def test_every_rule_is_listed_once():
    codes = [code for code, *_ in ROW.findall(PAGE.read_text("utf-8"))]
    assert len(codes) == len(set(codes)), "a rule is listed twice"
    assert set(codes) == set(registry()), (
        f"missing: {sorted(set(registry()) - set(codes))}; stale: {sorted(set(codes) - set(registry()))}")


@pytest.mark.parametrize("code", sorted(registry()))
def test_name_and_severity(code):
    rule = registry()[code]
    name, severity, _title = listed()[code]
    assert name == rule.name
    with speaking("ru"):
        assert severity == terms.severity(rule.severity)


def differences(title_of=None) -> list[str]:
    """The rows whose title differs from the catalogue's translation, as they should read."""
    title_of = title_of or russian_title
    page = listed()
    wrong = []
    for code, rule in registry().items():
        title = title_of(rule)
        if title is not None and page[code][2] != title:
            wrong.append(row(rule, title))
    return wrong


def test_the_russian_titles_are_the_catalogues():
    wrong = differences()
    assert not wrong, "docs/ru/rules.md differs from the catalogue; these rows should read:\n" + "\n".join(wrong)


def test_a_title_that_differs_from_the_catalogue_is_named():
    page = listed()
    wrong = differences(lambda rule: page[rule.code][2] + " (другой перевод)" if rule.code == "MIX003" else None)
    assert wrong == [row(registry()["MIX003"], page["MIX003"][2] + " (другой перевод)")]


def test_every_rule_title_has_a_russian_translation():
    untranslated = [code for code, rule in registry().items() if russian_title(rule) is None]
    assert not untranslated, f"no Russian title in the catalogue for {untranslated}"


if __name__ == "__main__":  # the table as the catalogue has it (the page's own title where it has none)
    page = listed()
    for code, rule in registry().items():
        print(row(rule, russian_title(rule) or page.get(code, ("", "", rule.summary))[2]))
