"""Property: every calendar `smmplan suggest` writes passes `smmplan check` with no error,
and suggest never replaces an input plan unless asked (--in-place), atomically then."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from smmplan import cli, io
from smmplan.formulas import PRESETS
from tests.conftest import PLANS, typed_plan
from tests.test_fuzz import FUZZ

GOALS = ["traffic", "awareness", "loyalty", "support"]


@FUZZ
@given(
    weeks=st.integers(1, 52),
    per_week=st.integers(1, 21),
    formula=st.sampled_from(sorted(PRESETS)),
    goals=st.lists(st.sampled_from(GOALS), min_size=1, max_size=3, unique=True),
    language=st.sampled_from(["en", "ru"]),
    channels=st.sampled_from([None, "instagram", "instagram,telegram,vk"]),
)
def test_every_suggested_calendar_passes_check(tmp_path_factory, weeks, per_week, formula, goals, language, channels):
    out = tmp_path_factory.mktemp("suggest") / "calendar.yaml"
    args = ["suggest", "--weeks", str(weeks), "-n", str(per_week), "--formula", formula, "--language", language,
            "--start", "2026-12-07", "-o", str(out)]
    for goal in goals:
        args += ["--goal", goal]
    if channels:
        args += ["--channels", channels]
    made = CliRunner().invoke(cli.app, args)
    assert made.exit_code == 0, made.stderr
    checked = CliRunner().invoke(cli.app, ["check", "--format", "json", "--as-of", "2026-12-01", str(out)])
    findings = json.loads(checked.stdout)["findings"]
    errors = [f"{f['code']} {f['message']}" for f in findings if f["severity"] == "error"]
    assert not errors and checked.exit_code == 0, errors
    mix_or_plan = [f"{f['code']} {f['message']}" for f in findings if f["code"].startswith(("PLAN", "MIX"))]
    assert not mix_or_plan, mix_or_plan  # not even a warning: no back-to-back ads, no repeated titles


def test_suggest_never_replaces_the_plan_unless_asked(tmp_path, monkeypatch):
    plan = tmp_path / "plan.yaml"
    head, posts = typed_plan("coffee-lab-december.yaml").split("\nposts:\n", 1)
    text = head + "\nposts:\n" + posts.replace("type: user_generated", "type: advertising", 3)
    plan.write_text(text)
    for args in (["-o", str(plan)], ["-o", str(plan), "--force"]):
        result = CliRunner().invoke(cli.app, ["suggest", str(plan), *args])
        assert result.exit_code == 2 and plan.read_text() == text, result.stderr

    def interrupt(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "fsync", interrupt)
    result = CliRunner().invoke(cli.app, ["suggest", str(plan), "--in-place"])
    assert result.exit_code not in (0, 1)
    assert plan.read_text() == text
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".smmplan-")]
    monkeypatch.undo()
    result = CliRunner().invoke(cli.app, ["suggest", str(plan), "--in-place"])
    assert result.exit_code == 0 and plan.read_text() != text
