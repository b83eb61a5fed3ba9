"""Inline `# smmplan: ignore[...]` suppressions and SMM002 unused-suppression."""

from __future__ import annotations

import json

import pytest

from smmplan.config import Settings
from smmplan.suppress import scan
from tests.conftest import check_text, run_cli

MIX = Settings(select=("MIX001", "MIX003", "SMM"))

# Lines: 1 posts, 2 Sale, 3 New menu (MIX003), 4 Gift cards (MIX003)
ADS = """\
posts:
  - {date: 2026-12-01, channel: vk, type: ad, title: Sale}
  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}{c3}
  - {date: 2026-12-03, channel: vk, type: ad, title: Gift cards}{c4}
"""


def found(text: str, settings: Settings = MIX) -> list[tuple[str, int, int]]:
    return [(f.code, f.line, f.column) for f in check_text(text, settings, dedent=False).findings]


def ads(c3: str = "", c4: str = "", head: str = "") -> str:
    return head + ADS.replace("{c3}", c3).replace("{c4}", c4)


def test_baseline_has_two_back_to_back_findings():
    assert [c[:2] for c in found(ads()) if c[0] == "MIX003"] == [("MIX003", 3), ("MIX003", 4)]


@pytest.mark.parametrize("entry", ["MIX003", "MIX", "MIX0", "back-to-back-ads", "mix003", "MIX003, MIX001"])
def test_trailing_comment_silences_its_line(entry):
    out = found(ads(c3=f"  # smmplan: ignore[{entry}]"))
    assert [c[:2] for c in out if c[0] == "MIX003"] == [("MIX003", 4)]
    unused = [c for c in out if c[0] == "SMM002"]
    # MIX001 is reported on line 1, so listing it on line 3 is unused; a prefix is used by MIX003 alone
    assert len(unused) == (1 if "MIX001" in entry else 0)


def test_comment_on_the_line_above_silences_the_next_line():
    text = ads().replace("  - {date: 2026-12-03", "  # smmplan: ignore[MIX003]\n  # other comment\n\n"
                                                  "  - {date: 2026-12-03")
    out = found(text)
    assert [c[:2] for c in out if c[0] == "MIX003"] == [("MIX003", 3)]
    assert not [c for c in out if c[0] == "SMM002"]


def test_ignore_file_in_the_header():
    out = found(ads(head="# yaml-language-server: $schema=x\n\n# smmplan: ignore-file[MIX003]\n"))
    assert not [c for c in out if c[0] in ("MIX003", "SMM002")]
    assert [c[0] for c in out if c[0] == "MIX001"]  # other rules untouched


def test_ignore_file_below_content_silences_nothing_and_says_so():
    out = found(ads() + "# smmplan: ignore-file[MIX003]\n")
    assert len([c for c in out if c[0] == "MIX003"]) == 2
    assert ("SMM002", 5, 1) in out


def test_unused_and_unknown_entries_are_reported_where_they_stand():
    text = ads(c4="  # smmplan: ignore[MIX003, MIX004, NOPE123]")
    result = check_text(text, MIX, dedent=False)
    unused = [f for f in result.findings if f.code == "SMM002"]
    line4 = text.splitlines()[3]
    assert [(f.line, f.column) for f in unused] == [(4, line4.index("MIX004") + 1), (4, line4.index("NOPE123") + 1)]
    assert "MIX004" in unused[0].message and "names no rule" in unused[1].message
    assert all(f.severity == "warning" and f.fix for f in unused)
    bare = found(ads(c3="  # smmplan: ignore"))
    assert ("SMM002", 3, ads(c3="  # smmplan: ignore").splitlines()[2].index("#") + 1) in bare


def test_suppressing_a_deselected_rule_is_not_unused():
    text = ads(c3="  # smmplan: ignore[MIX003]")
    assert not [c for c in found(text, Settings(select=("MIX001", "SMM"))) if c[0] == "SMM002"]


def test_unused_suppressions_can_themselves_be_silenced_or_deselected():
    text = ads(c3="  # smmplan: ignore[MIX004, SMM002]")
    assert not [c for c in found(text) if c[0] == "SMM002"]
    text = ads(c3="  # smmplan: ignore[MIX004]")
    assert [c for c in found(text) if c[0] == "SMM002"]
    assert not [c for c in found(text, Settings(select=("MIX",))) if c[0] == "SMM002"]


def test_text_that_only_looks_like_a_suppression_is_not_one():
    text = ('brand: "Cafe # smmplan: ignore[MIX003]"\n'
            "client:\n  name: |\n    # smmplan: ignore-file[MIX]\n" + ads())
    out = found(text)
    assert len([c for c in out if c[0] == "MIX003"]) == 2 and not [c for c in out if c[0] == "SMM002"]
    assert scan("title: a#smmplan: ignore[MIX003]\n") == []  # `#` glued to text is not a comment


def test_plans_without_the_marker_are_not_scanned(monkeypatch):
    import smmplan.suppress as suppress

    monkeypatch.setattr(suppress, "scan", lambda text: pytest.fail("scanned a plan without `smmplan:`"))
    found(ads())


def test_suppressions_through_the_command(tmp_path):
    (tmp_path / "p.yaml").write_text(ads(c3="  # smmplan: ignore[MIX003]", c4="  # smmplan: ignore[MIX004]"))
    proc = run_cli("check", "p.yaml", "-f", "json", "--isolated", "--select", "MIX003,SMM", cwd=tmp_path)
    codes = [(f["code"], f["line"]) for f in json.loads(proc.stdout)["findings"]]
    assert codes == [("MIX003", 4), ("SMM002", 4)] and proc.returncode == 0
    strict = run_cli("check", "p.yaml", "--strict", "--isolated", "--select", "SMM", cwd=tmp_path)
    assert strict.returncode == 1
