"""CI output: concise, github, sarif, junit, colour, -o and --report pages."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.findings import Finding
from smmplan.report.github import escape_data, escape_property
from smmplan.rules import registry
from tests.conftest import ROOT, run_cli

runner = CliRunner()
# The official schema, vendored (tests/data/README.md says where it comes from).
SARIF_SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Errors (MIX001: all ads), a warning (MIX003: ads back to back) and a
# percent sign in messages ("100 %"), which the github format must escape.
ADS = """\
brand: Test
posts:
  - {date: 2026-12-01, channel: vk, type: ad, title: Sale}
  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}
  - {date: 2026-12-03, channel: vk, type: ad, title: Gift cards}
"""
ONLY_MIX = ("--select", "MIX,SMM,PLAN", "--isolated")


@pytest.fixture
def repo(tmp_path):
    """A git checkout (a `.git` directory is all smmplan looks for) with a plan in a subfolder."""
    (tmp_path / ".git").mkdir()
    plan = tmp_path / "content" / "ads plan.yaml"
    plan.parent.mkdir()
    plan.write_text(ADS, encoding="utf-8")
    return tmp_path


def _json_findings(cwd: Path, *args: str) -> list[dict]:
    proc = run_cli("check", *args, "-f", "json", *ONLY_MIX, cwd=cwd)
    return json.loads(proc.stdout)["findings"]


def test_concise_is_one_line_per_finding_same_as_json(repo):
    proc = run_cli("check", "content", "-f", "concise", *ONLY_MIX, cwd=repo)
    assert proc.returncode == 1
    lines = proc.stdout.decode().splitlines()
    found = _json_findings(repo, "content")
    assert len(lines) == len(found) > 0
    for line, f in zip(lines, found):
        assert line == f"{f['path']}:{f['line']}:{f['column']}: {f['code']} {' '.join(f['message'].split())}"
    assert {f["code"] for f in found} >= {"MIX001", "MIX003"}


def test_output_format_alias_and_summary_on_stderr(repo):
    proc = run_cli("check", "content", "--output-format", "concise", *ONLY_MIX, cwd=repo)
    assert "MIX003" in proc.stdout.decode()
    assert "Checked 1 plan" in proc.stderr.decode() and "Checked" not in proc.stdout.decode()


def _unescape(text: str) -> str:
    return re.sub(r"%(25|0D|0A|3A|2C)", lambda m: {"25": "%", "0D": "\r", "0A": "\n", "3A": ":", "2C": ","}[m[1]],
                  text)


@given(st.text())
def test_github_escaping_round_trips(text):
    data, prop = escape_data(text), escape_property(text)
    assert "\n" not in data and "\r" not in data
    assert not set(":,\r\n") & set(prop)
    assert _unescape(data) == text and _unescape(prop) == text
    # every % left is the start of an escape
    assert all(m[1] in {"25", "0D", "0A", "3A", "2C"} for m in re.finditer(r"%(..)?", prop + "  "))


def test_github_commands_relative_paths_levels_and_escaping(repo):
    proc = run_cli("check", ".", "-f", "github", *ONLY_MIX, cwd=repo / "content")
    out = proc.stdout.decode().splitlines()
    found = _json_findings(repo, "content")
    assert len(out) == len(found)
    pattern = re.compile(r"^::(error|warning|notice) file=([^,]*),line=(\d+),col=(\d+),title=([A-Z]+\d{3})::(.*)$")
    for line, f in zip(out, found):
        m = pattern.match(line)
        assert m, line
        level = {"error": "error", "warning": "warning", "info": "notice"}[f["severity"]]
        assert m[1] == level and m[5] == f["code"]
        assert _unescape(m[2]) == "content/ads plan.yaml"  # relative to the repository root, not the cwd
        assert (int(m[3]), int(m[4])) == (f["line"], f["column"])
        assert _unescape(m[6]).startswith(f["message"])
        assert "%" not in re.sub(r"%(25|0D|0A)", "", m[6])
    assert any("%25" in line for line in out)  # "100 %" was escaped


def test_github_is_the_default_under_github_actions(repo):
    proc = run_cli("check", "content", *ONLY_MIX, cwd=repo, env={"GITHUB_ACTIONS": "true"})
    assert proc.stdout.decode().startswith("::")
    proc = run_cli("check", "content", *ONLY_MIX, cwd=repo)
    assert not proc.stdout.decode().startswith("::")


def _sarif(cwd: Path, *args: str) -> dict:
    proc = run_cli("check", *args, "-f", "sarif", *ONLY_MIX, cwd=cwd)
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout)


def test_sarif_validates_and_carries_what_code_scanning_needs(repo):
    doc = _sarif(repo / "content", ".")
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text()), cls=jsonschema.Draft7Validator)
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "smmplan" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(registry())  # every rule, not only those that fired
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["name"]
        assert r["help"]["text"] and "**Fix.**" in r["help"]["markdown"]
        assert r["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    found = _json_findings(repo / "content", ".")
    assert len(run["results"]) == len(found)
    for res, f in zip(run["results"], found):
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"] == f["code"]
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "content/ads%20plan.yaml", "uriBaseId": "%SRCROOT%"}
        assert loc["region"] == {"startLine": f["line"], "startColumn": f["column"]}
        assert res["partialFingerprints"] == {"smmplan/v2": f["fingerprint"]}
        assert res["message"]["text"].startswith(f["message"])
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"


def test_sarif_without_git_is_relative_to_cwd_and_outside_is_absolute(tmp_path):
    inner = tmp_path / "work"
    inner.mkdir()
    (inner / "p.yaml").write_text(ADS)
    (tmp_path / "outside.yaml").write_text(ADS)
    doc = _sarif(inner, "p.yaml", "../outside.yaml")
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text()), cls=jsonschema.Draft7Validator)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in doc["runs"][0]["results"]}
    assert uris == {"p.yaml", (tmp_path / "outside.yaml").resolve().as_uri()}


def test_sarif_of_a_clean_run_validates(tmp_path):
    (tmp_path / "ok.yaml").write_text("posts: []\n")
    proc = run_cli("check", "ok.yaml", "-f", "sarif", "--select", "MIX", "--isolated", cwd=tmp_path)
    assert proc.returncode == 0
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text()), cls=jsonschema.Draft7Validator)
    assert doc["runs"][0]["results"] == []


def test_junit_parses_one_suite_per_file_failures_for_errors(tmp_path):
    (tmp_path / "a.yaml").write_text(ADS)
    (tmp_path / "b.yaml").write_text("posts: []\n")
    proc = run_cli("check", "a.yaml", "b.yaml", "-f", "junit", *ONLY_MIX, cwd=tmp_path)
    root = ET.fromstring(proc.stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.yaml", "b.yaml"]
    found = _json_findings(tmp_path, "a.yaml", "b.yaml")
    for suite in suites:
        mine = [f for f in found if f["path"] == suite.get("name")]
        errors = sum(f["severity"] == "error" for f in mine)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure")) == errors
        assert int(suite.get("tests")) == len(suite.findall("testcase")) == max(1, len(mine))
    assert int(root.get("failures")) == sum(f["severity"] == "error" for f in found)
    strict = ET.fromstring(run_cli("check", "a.yaml", "-f", "junit", "--strict", *ONLY_MIX, cwd=tmp_path).stdout)
    assert int(strict.get("failures")) == sum(f["severity"] in ("error", "warning") for f in found
                                              if f["path"] == "a.yaml")


def test_junit_stays_well_formed_with_characters_xml_cannot_hold():
    from smmplan.report.junit import JunitReporter

    class Result:
        path = "we<ird>&\x1b.yaml"
        findings = [Finding("MIX003", "back-to-back-ads", "error", "quote \" and \x07 bell & <tag>", path, 1, 2)]

    import io

    buf = io.StringIO()
    JunitReporter().render([Result()], buf)
    root = ET.fromstring(buf.getvalue())
    assert root.find("testsuite/testcase/failure").get("message") == "quote \" and \\x07 bell & <tag>"  # a plan's control characters are shown as escapes


@pytest.mark.parametrize("fmt", ["json", "concise", "github", "sarif", "junit"])
def test_machine_formats_are_never_coloured(repo, fmt):
    proc = run_cli("check", "content", "-f", fmt, "--color", "always", *ONLY_MIX, cwd=repo,
                   env={"FORCE_COLOR": "1"})
    assert not ANSI.search(proc.stdout.decode())


def test_color_always_works_when_piped_and_beats_no_color(repo):
    always = run_cli("check", "content", "--color", "always", *ONLY_MIX, cwd=repo, env={"TERM": "dumb"})
    assert ANSI.search(always.stdout.decode())  # NO_COLOR=1 is set by run_cli
    never = run_cli("check", "content", "--color", "never", *ONLY_MIX, cwd=repo, env={"FORCE_COLOR": "1"})
    assert not ANSI.search(never.stdout.decode())
    auto = run_cli("check", "content", *ONLY_MIX, cwd=repo)
    assert not ANSI.search(auto.stdout.decode())  # a pipe, and NO_COLOR
    forced = run_cli("check", "content", *ONLY_MIX, cwd=repo, env={"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert ANSI.search(forced.stdout.decode())
    bad = run_cli("check", "content", "--color", "sometimes", cwd=repo)
    assert bad.returncode == 2


def test_output_file_for_machine_format(repo):
    out = repo / "report.sarif"
    proc = run_cli("check", "content", "-f", "sarif", "-o", str(out), *ONLY_MIX, cwd=repo)
    assert proc.returncode == 1 and proc.stdout == b""
    assert json.loads(out.read_text())["version"] == "2.1.0"


@pytest.mark.parametrize("suffix,marker", [(".html", "<html"), (".svg", "<svg")])
def test_report_page_is_self_contained(repo, suffix, marker):
    page = repo / f"report{suffix}"
    proc = run_cli("check", "content", "--report", str(page), "-f", "concise", *ONLY_MIX, cwd=repo)
    assert proc.returncode == 1
    text = page.read_text(encoding="utf-8")
    assert marker in text and "MIX003" in text and "back-to-back-ads" in text
    assert not re.search(r"""(src|href)=["']https?://""", text)  # nothing fetched from elsewhere
    assert "MIX003" in proc.stdout.decode()  # the chosen format still goes to stdout


def test_report_page_never_over_a_plan_and_needs_a_page_suffix(repo):
    plan = repo / "content" / "ads plan.yaml"
    before = plan.read_bytes()
    res = runner.invoke(app, ["check", str(plan), "--report", str(plan.with_suffix(".pdf"))])
    assert res.exit_code == 2 and ".html or .svg" in res.stderr
    target = repo / "content" / "ads plan.html"
    target.write_text("x")  # not a page smmplan made: left alone
    res = runner.invoke(app, ["check", str(plan), "--isolated", "--report", str(target)])
    assert res.exit_code == 2 and target.read_text() == "x" and "not a page smmplan made" in res.stderr
    target.unlink()
    runner.invoke(app, ["check", str(plan), "--isolated", "--report", str(target)])
    res = runner.invoke(app, ["check", str(plan), "--isolated", "--report", str(target)])  # its own page: replaced
    assert target.read_text().startswith("<!DOCTYPE html>") and "replaced" in res.stderr
    html_plan = repo / "plan.html"
    html_plan.write_text(ADS)
    res = runner.invoke(app, ["check", str(html_plan), "--isolated", "--report", str(html_plan)])
    assert res.exit_code == 2 and html_plan.read_text() == ADS
    assert plan.read_bytes() == before
