"""The installed command and the typer app: exit codes, formats, defaults."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from typer.testing import CliRunner

from smmplan import __version__
from smmplan.cli import app
from tests.conftest import PLANS, ROOT, run_cli

runner = CliRunner()

BAD = """\
posts:
  - {date: 2026-12-01, type: ad, title: Sale}
  - {date: 2026-12-02, type: ad, title: Sale again}
  - {date: 2026-12-03, type: engaging, title: Poll}
"""


def test_version_both_ways():
    assert runner.invoke(app, ["--version"]).stdout.strip() == f"smmplan {__version__}"
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.decode().strip() == f"smmplan {__version__}"
    mod = subprocess.run([sys.executable, "-m", "smmplan", "--version"], capture_output=True, text=True)
    assert mod.returncode == 0 and mod.stdout.strip() == f"smmplan {__version__}"


def test_shipped_plans_pass_from_their_directory():
    # no path: checks plans/; dated so the posts due and missed (FLOW rules) do not follow the calendar
    proc = run_cli("check", "--as-of", "2026-11-28", cwd=ROOT)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    out = proc.stdout.decode()
    for plan in PLANS.glob("*.yaml"):
        assert f"plans/{plan.name}" in out
    assert "Checked 3 plans: 0 errors, 0 warnings." in proc.stderr.decode()


def test_findings_exit_1_with_file_line_and_fix(write_plan):
    path = write_plan(BAD)
    proc = run_cli("check", str(path), "--color", "never")
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert f"{path}:1:1" in out  # MIX001 points at `posts:`, line 1
    assert "MIX003" in out and "back-to-back-ads" in out
    assert "fix:" in out
    assert "Suggested rebalancing" in out and "retype" in out
    assert "\x1b[" not in out  # no colour when piped


def test_json_report_shape(write_plan):
    path = write_plan(BAD)
    result = runner.invoke(app, ["check", str(path), "--format", "json"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert set(doc) >= {"findings", "plans", "summary"}
    f = doc["findings"][0]
    assert set(f) >= {"code", "severity", "message", "path", "line", "column"}
    assert f["severity"] in {"error", "warning", "info"}
    (plan,) = doc["plans"]
    assert plan["path"] == str(path) and plan["posts"] == 3
    assert plan["mix"]["advertising"] == {"count": 2, "share": round(2 / 3, 4), "target": 0.05, "ok": False}
    assert doc["summary"]["errors"] == sum(x["severity"] == "error" for x in doc["findings"])


def test_json_via_subprocess_parses(write_plan):
    proc = run_cli("check", "--format", "json", str(write_plan(BAD)))
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["summary"]["plans"] == 1
    assert proc.stderr.decode().startswith("Checked 1 plan:")


def test_broken_file_is_a_finding_not_a_crash(write_plan):
    proc = run_cli("check", str(write_plan("posts: [\n")))
    assert proc.returncode == 1
    assert "PLAN001" in proc.stdout.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_missing_path_is_usage_error(tmp_path):
    proc = run_cli("check", str(tmp_path / "nope.yaml"))
    assert proc.returncode == 2
    assert "no such file" in proc.stderr.decode()


def test_unknown_format_is_usage_error(write_plan):
    result = runner.invoke(app, ["check", str(write_plan(BAD)), "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_directory_is_searched_recursively(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(PLANS / "coffee-lab-december.yaml", tmp_path / "a" / "b" / "one.yml")
    shutil.copy(PLANS / "taskwise-b2b-q1.yaml", tmp_path / "two.yaml")
    (tmp_path / "notes.txt").write_text("not a plan")
    result = runner.invoke(app, ["check", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    paths = sorted(p["path"] for p in json.loads(result.stdout)["plans"])
    assert [p.rsplit("/", 1)[-1] for p in paths] == ["one.yml", "two.yaml"]


def test_output_file_written_and_inputs_protected(write_plan, tmp_path):
    path = write_plan(BAD)
    out = tmp_path / "report.json"
    result = runner.invoke(app, ["check", str(path), "-f", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert json.loads(out.read_text())["summary"]["plans"] == 1
    before = path.read_text()
    result = runner.invoke(app, ["check", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert path.read_text() == before


def test_formulas_lists_presets():
    result = runner.invoke(app, ["formulas"])
    assert result.exit_code == 0
    for name in ("golden", "80-20", "thirds", "5-3-2", "4-1-1", "70-20-10", "50-30-20"):
        assert name in result.stdout
    shares = json.loads(runner.invoke(app, ["formulas", "--format", "json"]).stdout)
    assert shares["golden"]["shares"] == {"engaging": 40.0, "user_generated": 30.0, "educational": 25.0,
                                          "advertising": 5.0}


def test_internal_error_is_one_line_with_debug_hint(write_plan, monkeypatch):
    path = write_plan(BAD)
    code = (
        "import sys, smmplan.engine as e\n"
        "def boom(*a, **k): raise RuntimeError('kaboom')\n"
        "e.check_path = boom\n"
        "from smmplan.cli import main\n"
        f"sys.argv = ['smmplan', 'check', {str(path)!r}] + sys.argv[1:]\n"
        "main()\n"
    )
    plain = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert plain.returncode == 2
    assert "Traceback" not in plain.stderr
    assert "internal error" in plain.stderr and "--debug" in plain.stderr
    debug = subprocess.run([sys.executable, "-c", code, "--debug"], capture_output=True, text=True)
    assert "Traceback" in debug.stderr and "kaboom" in debug.stderr


def test_a_plans_words_are_printed_as_written_not_as_markup_or_emoji(write_plan, tmp_path):
    path = write_plan(
        """
        as_of: 2026-11-26
        posts:
          - {date: 2026-11-27, type: engaging, title: "Poll :fire: [red]now[/red]", channel: vk, status: review}
          - {date: 2026-11-28, type: educational, title: "How to brew", channel: vk}
        """
    )
    page = tmp_path / "report.html"
    proc = run_cli("check", "--color", "always", "--report", str(page), str(path))
    out = proc.stdout.decode()
    # the "Due soon" table and the finding both show the title as typed
    assert out.count(":fire:") >= 2 and "🔥" not in out
    assert "[red]now[/red]" in out.replace("\x1b", "")  # brackets kept, not read as a style
    html = page.read_text(encoding="utf-8")
    assert ":fire:" in html and "🔥" not in html and "[red]now[/red]" in html
