"""Rule selection, config discovery and precedence, paths (globs, stdin, exclude), exit codes."""

from __future__ import annotations

import itertools
import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.config import ConfigFinder, Settings, normalize_selector, read_config, settings_for
from smmplan.rules import registry
from tests.conftest import PLANS, ROOT, run_cli

runner = CliRunner()

# MIX001 errors (all ads) and a MIX003 warning (two ads in a row on vk).
ADS = """\
posts:
  - {date: 2026-12-01, channel: vk, type: ad, title: Sale}
  - {date: 2026-12-02, channel: vk, type: ad, title: New menu}
"""
# Only a MIX003 warning: a golden mix of 20 posts with two ads in a row.
WARN_ONLY = "posts:\n" + "".join(
    f"  - {{date: 2026-12-{d:02d}, channel: vk, type: {t}, title: Post {d}}}\n"
    for d, t in enumerate(["advertising", "advertising"] + ["engaging"] * 7 + ["user_generated"] * 6
                          + ["educational"] * 5, start=1)
)


def codes_of(args: list[str], cwd: Path) -> set[str]:
    proc = run_cli("check", "-f", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return {f["code"] for f in json.loads(proc.stdout)["findings"]}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# --- selection ------------------------------------------------------------------

SELECTORS = ["ALL", "MIX", "MIX0", "MIX003", "back-to-back-ads", "PLAN", "PLAN01", "SMM", "formula-share"]


def _brute(code: str, name: str, layers) -> bool:
    """Reference semantics: per layer, the most specific selector wins, ignore wins ties."""

    def spec(sel):
        if sel == "ALL":
            return 0
        if sel in (code, name):
            return 100
        return len(sel) if code.startswith(sel) else -1

    on = True
    for select, ignore, extend in layers:
        s = max((spec(x) for x in (*select, *extend)), default=-1)
        i = max((spec(x) for x in ignore), default=-1)
        if select:
            on = s >= 0 and s > i
        elif s != i:
            on = s > i
    return on


@pytest.mark.parametrize("select,ignore,extend", [
    (sel, ign, ext)
    for sel in ((), ("MIX",), ("PLAN", "SMM"), ("ALL",), ("formula-share",))
    for ign in ((), ("MIX003",), ("back-to-back-ads",), ("MIX0",), ("ALL",))
    for ext in ((), ("MIX003",), ("PLAN01",))
])
def test_enabled_matches_reference_for_every_rule(select, ignore, extend):
    cli_layers = [None, ((), ("PLAN",), ()), (("MIX003",), (), ())]
    for cli in cli_layers:
        s = Settings(select=select, ignore=ignore, extend_select=extend, cli_selection=cli)
        layers = [(select, ignore, extend)] + ([cli] if cli else [])
        for rule in registry().values():
            expected = _brute(rule.code, rule.name, layers)
            assert s.enabled(rule.code) == expected == s.enabled(rule.code, rule.name), (rule.code, layers)


def test_selectors_normalise_and_refuse_unknowns():
    assert normalize_selector("mix") == "MIX"
    assert normalize_selector("Back-To-Back-Ads") == "back-to-back-ads"
    assert normalize_selector("all") == "ALL"
    with pytest.raises(ValueError, match="did you mean `MIX003`"):
        normalize_selector("MIX03X")


def test_select_ignore_extend_on_the_command_line(tmp_path):
    write(tmp_path / "p.yaml", ADS)
    assert codes_of(["p.yaml", "--isolated", "--select", "MIX003"], tmp_path) == {"MIX003"}
    assert codes_of(["p.yaml", "--isolated", "--select", "back-to-back-ads"], tmp_path) == {"MIX003"}
    assert codes_of(["p.yaml", "--isolated", "--select", "MIX", "--ignore", "MIX003"], tmp_path) == {"MIX001"}
    assert codes_of(["p.yaml", "--isolated", "--select", "MIX001,MIX003"], tmp_path) == {"MIX001", "MIX003"}
    assert codes_of(["p.yaml", "--isolated", "--ignore", "MIX", "--extend-select", "MIX003"],
                    tmp_path) >= {"MIX003"}
    proc = run_cli("check", "p.yaml", "--select", "MXI", cwd=tmp_path)
    assert proc.returncode == 2 and "--select" in proc.stderr.decode() and "did you mean `MIX`" in proc.stderr.decode()


def test_strict_and_exit_zero(tmp_path):
    write(tmp_path / "w.yaml", WARN_ONLY)
    write(tmp_path / "e.yaml", ADS)
    base = ["--isolated", "--select", "MIX001,MIX003"]
    assert codes_of(["w.yaml", *base], tmp_path) == {"MIX003"}
    assert run_cli("check", "w.yaml", *base, cwd=tmp_path).returncode == 0
    assert run_cli("check", "w.yaml", *base, "--strict", cwd=tmp_path).returncode == 1
    assert run_cli("check", "e.yaml", *base, cwd=tmp_path).returncode == 1
    assert run_cli("check", "e.yaml", *base, "--exit-zero", cwd=tmp_path).returncode == 0
    # --exit-zero is about findings only: a missing path is still a usage error
    assert run_cli("check", "e.yaml", "nope.yaml", *base, "--exit-zero", cwd=tmp_path).returncode == 2


# --- config ---------------------------------------------------------------------


def test_pyproject_found_walking_up_and_nearest_wins(tmp_path):
    write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.smmplan]\nselect = ["MIX003"]\n')
    write(tmp_path / "a" / "b" / "p.yaml", ADS)
    write(tmp_path / "c" / "pyproject.toml", '[project]\nname = "no smmplan table: skipped"\n')
    write(tmp_path / "c" / "p.yaml", ADS)
    write(tmp_path / "d" / ".smmplan.yaml", "select: [MIX001]\n")
    write(tmp_path / "d" / "pyproject.toml", '[tool.smmplan]\nselect = ["MIX003"]\n')
    write(tmp_path / "d" / "e" / "p.yaml", ADS)
    proc = run_cli("check", ".", "-f", "json", cwd=tmp_path)
    by_file: dict[str, set] = {}
    for f in json.loads(proc.stdout)["findings"]:
        by_file.setdefault(f["path"], set()).add(f["code"])
    assert by_file == {"./a/b/p.yaml": {"MIX003"}, "./c/p.yaml": {"MIX003"}, "./d/e/p.yaml": {"MIX001"}}


def test_command_line_beats_the_file(tmp_path):
    write(tmp_path / ".smmplan.yaml", "ignore: [MIX003]\nselect: [MIX]\n")
    write(tmp_path / "p.yaml", ADS)
    assert codes_of(["p.yaml"], tmp_path) == {"MIX001"}
    assert codes_of(["p.yaml", "--extend-select", "MIX003"], tmp_path) == {"MIX001", "MIX003"}
    assert codes_of(["p.yaml", "--select", "back-to-back-ads"], tmp_path) == {"MIX003"}
    assert codes_of(["p.yaml", "--isolated", "--select", "MIX"], tmp_path) == {"MIX001", "MIX003"}


def test_config_option_and_isolated(tmp_path):
    write(tmp_path / ".smmplan.yaml", "select: [MIX001]\n")
    write(tmp_path / "other.toml", 'select = ["MIX003"]\n')
    write(tmp_path / "p.yaml", ADS)
    assert codes_of(["p.yaml", "--config", "other.toml"], tmp_path) == {"MIX003"}
    assert "MIX003" in codes_of(["p.yaml", "--isolated"], tmp_path)
    proc = run_cli("check", "p.yaml", "--isolated", "--config", "other.toml", cwd=tmp_path)
    assert proc.returncode == 2
    proc = run_cli("check", "p.yaml", "--config", "missing.toml", cwd=tmp_path)
    assert proc.returncode == 2 and "missing.toml" in proc.stderr.decode()


def test_config_formula_and_tolerance_are_defaults_the_plan_can_override(tmp_path):
    write(tmp_path / ".smmplan.yaml", "formula: 80-20\ntolerance: 12.5\n")
    write(tmp_path / "p.yaml", ADS)
    write(tmp_path / "own.yaml", "formula: thirds\ntolerance: 3\n" + ADS)
    proc = run_cli("check", "p.yaml", "own.yaml", "-f", "json", cwd=tmp_path)
    plans = {p["path"]: p for p in json.loads(proc.stdout)["plans"]}
    assert (plans["p.yaml"]["formula"], plans["p.yaml"]["tolerance"]) == ("80-20", 12.5)
    assert (plans["own.yaml"]["formula"], plans["own.yaml"]["tolerance"]) == ("thirds", 3.0)


def test_config_values_reach_settings(tmp_path):
    cfg = write(tmp_path / "pyproject.toml", """\
        [tool.smmplan]
        banned-phrases = ["guaranteed results"]
        allowed-phrases = ["best coffee in town"]
        custom-metrics = {newsletter_signups = "leads"}
        due-days = 5
        max-file-size = 0.5
        exclude = ["drafts"]
        extend-select = ["SMM002"]
    """)
    s = settings_for(read_config(str(cfg)))
    assert s.banned_phrases == ("guaranteed results",) and s.allowed_phrases == ("best coffee in town",)
    assert s.custom_metrics == {"newsletter_signups": "leads"}
    assert (s.due_days, s.max_file_size, s.exclude, s.extend_select) == (5, 512 * 1024, ("drafts",), ("SMM002",))
    over = settings_for(read_config(str(cfg)), due_days=1, cli_selection=(("MIX",), (), ()))
    assert over.due_days == 1 and over.enabled("MIX001") and not over.enabled("SMM002")


def test_config_max_file_size_applies(tmp_path):
    write(tmp_path / ".smmplan.yaml", "max-file-size: 0.0001\n")
    write(tmp_path / "p.yaml", ADS * 3)
    assert codes_of(["p.yaml"], tmp_path) == {"PLAN011"}


@pytest.mark.parametrize("name,text,needle", [
    (".smmplan.yaml", "tolerence: 5\n", "`tolerence` is not a setting; did you mean `tolerance`?"),
    (".smmplan.yaml", "banned_phrases: [x]\n", "did you mean `banned-phrases`?"),
    (".smmplan.yaml", "tolerance: lots\n", "`tolerance` must be a number"),
    (".smmplan.yaml", "tolerance: 150\n", "`tolerance` must be a number"),
    (".smmplan.yaml", "select: [MXI003]\n", "`select` `MXI003` selects no rule; did you mean `MIX003`?"),
    (".smmplan.yaml", "formula: goldn\n", "`formula` Unknown formula `goldn`. Did you mean `golden`?"),
    (".smmplan.yaml", "formula: {engaging: 50}\n", "`formula` The formula's percents add up to 50"),
    (".smmplan.yaml", "due-days: -1\n", "`due-days` must be a whole number"),
    (".smmplan.yaml", "custom-metrics: [a, b]\n", "`custom-metrics` must map metric names"),
    (".smmplan.yaml", "exclude: 5\n", "`exclude` must be a list of glob patterns"),
    (".smmplan.yaml", "- just a list\n", "must be a mapping"),
    (".smmplan.yaml", "select: [MIX\n", "not valid YAML"),
    ("pyproject.toml", "[tool.smmplan]\nselct = ['MIX']\n", "`tool.smmplan.selct` is not a setting; did you mean `select`?"),
    ("pyproject.toml", "[tool.smmplan\n", "not valid TOML"),
])
def test_bad_config_is_exit_2_naming_file_and_key(tmp_path, name, text, needle):
    cfg = write(tmp_path / name, text)
    write(tmp_path / "plans" / "p.yaml", ADS)
    proc = run_cli("check", "plans", cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and str(cfg) in err and needle in err, err
    assert proc.stdout == b""  # no half report
    res = runner.invoke(app, ["check", str(tmp_path / "plans")])
    assert res.exit_code == 2 and needle in res.stderr


# --- paths ----------------------------------------------------------------------


def test_exclude_skips_in_directories_but_named_files_are_checked(tmp_path):
    write(tmp_path / ".smmplan.yaml", "exclude: [drafts, '*.tmpl.yaml', 'archive/2025-*']\n")
    for rel in ("plans/a.yaml", "plans/drafts/b.yaml", "plans/c.tmpl.yaml", "archive/2025-01.yaml",
                "archive/2026-01.yaml", "plans/.hidden.yaml", ".github/workflows/ci.yml"):
        write(tmp_path / rel, ADS)
    proc = run_cli("check", ".", "-f", "json", cwd=tmp_path)
    paths = sorted(p["path"] for p in json.loads(proc.stdout)["plans"])
    assert paths == ["./archive/2026-01.yaml", "./plans/a.yaml"]
    proc = run_cli("check", "plans/drafts/b.yaml", "-f", "json", cwd=tmp_path)
    assert [p["path"] for p in json.loads(proc.stdout)["plans"]] == ["plans/drafts/b.yaml"]
    proc = run_cli("check", "plans/drafts/b.yaml", "plans/a.yaml", "--force-exclude", "-f", "json", cwd=tmp_path)
    assert [p["path"] for p in json.loads(proc.stdout)["plans"]] == ["plans/a.yaml"]
    # a directory whose plans are all excluded is not an error
    write(tmp_path / "only" / "drafts" / "x.yaml", ADS)
    assert run_cli("check", "only", "--select", "SMM", cwd=tmp_path).returncode == 0


def test_globs_expand_without_a_shell(tmp_path):
    for rel in ("p/a.yaml", "p/b.yml", "p/deep/c.yaml", "p/notes.txt"):
        write(tmp_path / rel, ADS)
    proc = run_cli("check", "p/**/*.y*ml", "-f", "json", "--isolated", cwd=tmp_path)
    assert sorted(p["path"] for p in json.loads(proc.stdout)["plans"]) == ["p/a.yaml", "p/b.yml", "p/deep/c.yaml"]
    proc = run_cli("check", "p/*.json", cwd=tmp_path)
    assert proc.returncode == 2 and "no file matches" in proc.stderr.decode()


def test_stdin_with_a_name_and_its_config(tmp_path):
    write(tmp_path / "team" / ".smmplan.yaml", "select: [MIX003]\n")
    proc = run_cli("check", "-", "--stdin-filename", "team/new.yaml", "-f", "concise", cwd=tmp_path,
                   input=ADS.encode())
    assert proc.returncode == 0 and proc.stdout.decode().startswith("team/new.yaml:3:")
    assert proc.stdout.decode().count("MIX003") == 1
    proc = run_cli("check", "--stdin-filename", "x.yaml", "-f", "json", "--isolated", cwd=tmp_path,
                   input=ADS.encode())
    assert json.loads(proc.stdout)["plans"][0]["path"] == "x.yaml"
    proc = run_cli("check", "-", "-f", "json", "--isolated", cwd=tmp_path, input=b"posts: [\n")
    assert proc.returncode == 1 and json.loads(proc.stdout)["findings"][0]["path"] == "-"


def test_unreadable_paths_exit_2_but_others_are_checked(tmp_path):
    write(tmp_path / "p.yaml", ADS)
    proc = run_cli("check", "p.yaml", "missing.yaml", "-f", "json", "--isolated", cwd=tmp_path)
    assert proc.returncode == 2 and "missing.yaml" in proc.stderr.decode()
    assert [p["path"] for p in json.loads(proc.stdout)["plans"]] == ["p.yaml"]


def test_many_plans_in_one_process(tmp_path):
    text = (PLANS / "coffee-lab-december.yaml").read_text(encoding="utf-8")
    for i in range(150):
        write(tmp_path / "plans" / f"team{i % 7}" / f"plan{i:03}.yaml", text)
    proc = run_cli("check", "plans", "-f", "concise", "--select", "PLAN", cwd=tmp_path)
    assert proc.returncode == 0 and "Checked 150 plans" in proc.stderr.decode()


def test_config_lookup_is_cached_per_directory(tmp_path, monkeypatch):
    import smmplan.config as config

    write(tmp_path / "pyproject.toml", "[tool.smmplan]\nselect = ['MIX']\n")
    calls = []
    real = config.read_config
    monkeypatch.setattr(config, "read_config", lambda *a, **k: calls.append(a) or real(*a, **k))
    finder = ConfigFinder()
    for i, j in itertools.product(range(5), range(5)):
        d = tmp_path / f"a{i}" / f"b{j}"
        assert finder.for_path(str(d / "p.yaml")).path == str(tmp_path / "pyproject.toml")
    assert len(calls) == 1


def test_repository_config_is_valid():
    """The repository's own pyproject.toml, if it configures smmplan, must load."""
    assert ConfigFinder().for_path(str(ROOT / "plans" / "x.yaml")) is not None
