"""The engine: a crashing rule becomes a finding; invalid parts are set aside, the rest is checked."""

from __future__ import annotations

import types

from smmplan import engine
from smmplan.config import Settings
from tests.conftest import check_text, codes


def test_a_crashing_family_becomes_smm001_and_the_others_still_run(monkeypatch):
    def boom(ctx):
        raise ZeroDivisionError("oops")
        yield  # pragma: no cover

    broken = types.SimpleNamespace(__name__="smmplan.rules.broken", check=boom)
    real = engine.family_modules()
    monkeypatch.setattr(engine, "family_modules", lambda: (broken, *real))
    result = check_text("""\
        posts:
          - {date: 2026-12-01, type: ad, title: A}
          - {date: 2026-12-02, type: ad, title: B}
        """)
    crash = [f for f in result.findings if f.code == "SMM001"]
    assert len(crash) == 1 and "ZeroDivisionError" in crash[0].message and "broken" in crash[0].message
    assert any(f.code == "MIX001" for f in result.findings)  # the mix rules still ran


def test_invalid_posts_are_reported_and_the_rest_is_checked():
    result = check_text("""\
        posts:
          - {date: 2026-13-45, type: engaging, title: Bad date}
          - {date: 2026-12-02, type: engaging}
          - {date: 2026-12-03, type: engaging, title: Fine, tittle: typo}
          - {date: 2026-12-04, type: educational, title: Fine too}
        """)
    found = codes(result)
    assert ("PLAN006", 2, 12) in found  # the bad date, at the value
    assert ("PLAN006", 3, 5) in found  # missing title, at the post
    assert ("PLAN005", 4, 53) in found  # unknown key, at the key
    f = next(f for f in result.findings if f.code == "PLAN005")
    assert "Did you mean `title`?" in f.message
    # the valid posts were still counted in the mix
    assert result.post_count == 2


def test_unknown_top_level_key_suggests_the_known_one():
    result = check_text("brand: X\nformla: golden\nposts:\n  - {date: 2026-12-01, type: engaging, title: A}\n")
    assert codes(result, "PLAN") == [("PLAN005", 2, 1)]
    assert "`formula`" in next(f for f in result.findings if f.code == "PLAN005").message


def test_selection_filters_findings():
    text = "posts:\n  - {date: 2026-12-01, type: ad, title: A}\n  - {date: 2026-12-02, type: ad, title: A}\n"
    everything = {c for c, *_ in codes(check_text(text))}
    assert {"MIX001", "MIX003", "MIX004"} <= everything
    only_mix3 = {c for c, *_ in codes(check_text(text, Settings(select=("MIX003",))))}
    assert only_mix3 == {"MIX003"}
    no_mix = {c for c, *_ in codes(check_text(text, Settings(ignore=("MIX",))))}
    assert not any(c.startswith("MIX") for c in no_mix)
