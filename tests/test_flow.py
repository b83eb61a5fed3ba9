"""FLOW rules: post statuses, client approval, posts due; the status command."""

from __future__ import annotations

import datetime as dt
import itertools
import json

import textwrap

import jsonschema
import pytest
from typer.testing import CliRunner

from smmplan.cli import app
from smmplan.config import Settings
from smmplan.model import STATUS_ALIASES, STATUSES, canonical_status
from smmplan.rules import registry
from smmplan.rules.flow import READY, RULES
from tests.conftest import PLANS, check_text, codes, run_cli

AS_OF = dt.date(2026, 12, 1)
NOT_READY = ("idea", "draft", "review", "changes_requested", "on_hold")


def flow(result) -> list[tuple[str, int | None, int | None]]:
    return [c for c in codes(result) if c[0].startswith("FLOW")]


def one_post(status: str | None, date: dt.date, extra: str = "", client: bool = True) -> str:
    lines = ["client:", "  approver: Maria Ivanova"] if client else []
    lines += ["posts:", f"  - date: {date}", "    type: engaging", "    title: Poll"]
    if status is not None:
        lines.append(f"    status: {status}")
    return "\n".join(lines) + "\n" + extra


# --- each rule: code, line, column ----------------------------------------------------

PLAN = """\
client:
  name: Coffee Lab LLC
  approver: Maria Ivanova
posts:
  - date: 2026-11-28
    type: engaging
    title: Missed poll
    status: scheduled
  - date: 2026-12-02
    type: educational
    title: How to brew
    status: на согласовании
  - date: 2026-12-03
    type: user_generated
    title: Guest photo
  - date: 2026-11-29
    type: engaging
    title: Signed by nobody
    status: approved
  - date: 2026-11-30
    type: educational
    title: Out already
    status: published
  - date: 2026-12-20
    type: engaging
    title: Typo
    status: aproved
"""


def test_each_rule_points_at_the_status_or_the_date():
    result = check_text(PLAN, Settings(as_of=AS_OF))
    assert flow(result) == [
        ("FLOW003", 8, 13),  # scheduled on Nov 28, not published by Dec 1
        ("FLOW002", 12, 13),  # review, due tomorrow
        ("FLOW002", 13, 11),  # no status (draft): points at the date
        ("FLOW003", 19, 13),  # approved, never published ...
        ("FLOW004", 19, 13),  # ... and nobody signed it
        ("FLOW005", 23, 13),  # published without permalink
        ("FLOW001", 27, 13),  # unknown word
    ]
    sev = {f.code: f.severity for f in result.findings}
    assert (sev["FLOW001"], sev["FLOW002"], sev["FLOW003"], sev["FLOW004"], sev["FLOW005"]) == (
        "error", "warning", "warning", "warning", "info")


def test_messages_name_the_post_the_status_the_approver_and_the_fix():
    result = check_text(PLAN, Settings(as_of=AS_OF))
    by_line = {(f.code, f.line): f for f in result.findings}
    due = by_line["FLOW002", 12]
    assert '2026-12-02 "How to brew"' in due.message
    assert "`на согласовании` (review)" in due.message and "tomorrow" in due.message
    assert "Maria Ivanova must approve" in due.message
    assert "`status: approved`" in due.fix and "approved_by: Maria Ivanova" in due.fix
    draft = by_line["FLOW002", 13]
    assert "`draft` (no status written)" in draft.message and "in 2 days" in draft.message
    assert "`status: review`" in draft.fix
    missed = by_line["FLOW003", 8]
    assert "missed or not recorded" in missed.message and "3 days ago" in missed.message
    assert "`scheduled`" in missed.message and "`status: published`" in missed.fix
    assert "cancelled" in missed.fix
    assert "approved_by: Maria Ivanova" in by_line["FLOW004", 19].fix
    assert "permalink" in by_line["FLOW005", 23].fix
    assert "Did you mean `approved`?" in by_line["FLOW001", 27].message


def test_without_an_approver_the_fix_asks_to_name_one():
    result = check_text(one_post("draft", AS_OF), Settings(as_of=AS_OF))
    assert flow(result) == [("FLOW002", 7, 13)]
    result = check_text(one_post("draft", AS_OF, client=False), Settings(as_of=AS_OF))
    (f,) = [f for f in result.findings if f.code == "FLOW002"]
    assert "the client's approver must approve" in f.message and "today" in f.message
    assert "`approver:`" in f.fix


def test_rule_examples_trigger_their_rules():
    assert [r.code for r in RULES] == [f"FLOW00{i}" for i in range(1, 6)]
    for rule in RULES:
        assert rule.example and rule.what.endswith(".") and rule.why.endswith(".") and rule.fix.endswith(".")
        assert registry()[rule.code] is rule
        # (checked on the day each example is documented for, as `smmplan rule CODE` shows it:
        # on any other day the same plan's posts may be due, missed or in the future)
        as_of = dt.date.fromisoformat(rule.example_as_of) if rule.example_as_of else None
        result = check_text(rule.example, Settings(as_of=as_of), dedent=False)
        assert rule.code in [f.code for f in result.findings], rule.code


# --- dates: every status at every distance, against the rules as stated ------------


@pytest.mark.parametrize("due_days", [0, 1, 3, 5])
def test_due_and_missed_follow_the_date_for_every_status(due_days):
    for status, offset in itertools.product(STATUSES, range(-4, due_days + 4)):
        text = one_post(status, AS_OF + dt.timedelta(days=offset),
                        extra="    approved_by: Maria Ivanova\n    permalink: https://t.me/c/1\n")
        found = {c for c, _, _ in flow(check_text(text, Settings(as_of=AS_OF, due_days=due_days)))}
        due = 0 <= offset <= due_days and status in NOT_READY
        missed = offset < 0 and status not in ("published", "cancelled")
        assert found == {code for code, fires in (("FLOW002", due), ("FLOW003", missed)) if fires}, (status, offset)


def test_due_and_missed_are_judged_by_as_of_or_today_never_by_the_plans_as_of():
    today = dt.date.today()
    for plan_as_of in (today - dt.timedelta(days=400), today + dt.timedelta(days=400)):
        # the plan's as_of is the day its KPI figures were taken: it freezes no clock
        due = f"as_of: {plan_as_of}\n" + one_post("idea", today + dt.timedelta(days=1))
        assert [c for c, _, _ in flow(check_text(due))] == ["FLOW002"]
        missed = f"as_of: {plan_as_of}\n" + one_post("scheduled", today - dt.timedelta(days=1))
        assert [c for c, _, _ in flow(check_text(missed))] == ["FLOW003"]
    # --as-of is the day judged by
    text = "as_of: 2026-12-10\n" + one_post("draft", dt.date(2026, 12, 11))
    assert [c for c, _, _ in flow(check_text(text, Settings(as_of=dt.date(2026, 12, 10))))] == ["FLOW002"]
    assert flow(check_text(text, Settings(as_of=dt.date(2026, 12, 1)))) == []
    assert [c for c, _, _ in flow(check_text(text, Settings(as_of=dt.date(2026, 12, 20))))] == ["FLOW003"]


def test_kpi_progress_still_reads_the_plans_as_of():
    text = ("start: 2026-12-01\nweeks: 4\nas_of: 2026-12-15\ngoals:\n  - kind: traffic\n    kpis:\n"
            "      - {metric: site_clicks, target: 280, actual: 140, source: GA4}\n"
            + one_post("published", dt.date(2026, 12, 1), "    permalink: https://t.me/c/1\n").split("\n", 2)[2])
    (row,) = check_text(text).sections["kpis"]
    assert row["as_of"] == "2026-12-15" and row["elapsed"] == 0.5
    (row,) = check_text(text, Settings(as_of=dt.date(2026, 12, 8))).sections["kpis"]
    assert row["as_of"] == "2026-12-08"  # --as-of beats the plan's


def test_as_of_through_the_command_line(tmp_path):
    plan = tmp_path / "plan.yaml"
    yesterday = dt.date.today() - dt.timedelta(days=1)
    plan.write_text(f"as_of: {dt.date.today() - dt.timedelta(days=30)}\n" + one_post("scheduled", yesterday),
                    encoding="utf-8")
    doc = json.loads(run_cli("check", str(plan), "--format", "json").stdout)
    assert [f["code"] for f in doc["findings"] if f["code"].startswith("FLOW")] == ["FLOW003"]
    assert doc["plans"][0]["due_window"]["from"] == dt.date.today().isoformat()
    doc = json.loads(run_cli("check", str(plan), "--format", "json", "--as-of", str(yesterday)).stdout)
    assert not [f for f in doc["findings"] if f["code"] == "FLOW003"]


# --- statuses in Russian, unknown words, cancelled posts -------------------------------


@pytest.mark.parametrize("word, status", [
    ("идея", "idea"), ("Черновик", "draft"), ("на согласовании", "review"), ("На согласовании", "review"),
    ("согласовано", "approved"), ("согласован", "approved"), ("согласована", "approved"),
    ("утверждён", "approved"), ("запланировано", "scheduled"), ("опубликовано", "published"),
    ("опубликован", "published"), ("отменено", "cancelled"), ("отменён", "cancelled"),
    ("canceled", "cancelled"), ("in review", "review"), ("IN-REVIEW", "review"), (None, "draft"),
])
def test_status_words(word, status):
    assert canonical_status(word) == status


def test_every_alias_is_understood_in_a_plan():
    for word, status in STATUS_ALIASES.items():
        text = one_post(word.replace("_", " "), AS_OF + dt.timedelta(days=30),
                        extra="    approved_by: Анна Смирнова\n    permalink: https://vk.com/wall-1_1\n")
        result = check_text(text, Settings(as_of=AS_OF))
        assert flow(result) == [], word
        assert result.sections["post_statuses"][0]["status"] == status


def test_russian_plan_flags_in_russian_words():
    text = """\
    client: {approver: Анна Смирнова}
    posts:
      - {date: 2026-12-01, type: вовлекающий, title: Опрос, status: черновик}
      - {date: 2026-12-02, type: обучающий, title: Рецепт, status: Согласовано}
      - {date: 2026-11-20, type: пользовательский, title: Фото, status: опубликовано}
      - {date: 2026-11-21, type: рекламный, title: Скидка, status: отменено}
    """
    result = check_text(text, Settings(as_of=AS_OF))
    lines = textwrap.dedent(text).splitlines()
    at = [(n, lines[n - 1].index(word) + 1) for n, word in ((3, "черновик"), (4, "Согласовано"), (5, "опубликовано"))]
    assert flow(result) == [(code, *where) for code, where in zip(("FLOW002", "FLOW004", "FLOW005"), at)]
    assert "`черновик` (draft)" in next(f for f in result.findings if f.code == "FLOW002").message
    assert result.sections["statuses"] == {"idea": 0, "draft": 1, "review": 0, "changes_requested": 0,
                                           "approved": 1, "scheduled": 0, "published": 1, "on_hold": 0,
                                           "cancelled": 1, "unknown": 0}


@pytest.mark.parametrize("typo, hint", [
    ("aproved", "`approved`"), ("publised", "`published`"), ("согласованно", "`согласовано` (approved)"),
    ("на согласовани", "`на согласовании` (review)"),
])
def test_unknown_status_is_an_error_with_a_suggestion_and_no_date_noise(typo, hint):
    result = check_text(one_post(typo, AS_OF), Settings(as_of=AS_OF))
    assert flow(result) == [("FLOW001", 7, 13)]
    assert f"Did you mean {hint}?" in result.findings[-1].message
    assert result.post_count == 1  # still counted in the mix
    assert result.sections["statuses"]["unknown"] == 1
    assert result.sections["post_statuses"][0]["status"] is None


def test_no_suggestion_for_a_word_far_from_every_status():
    result = check_text(one_post("banana", AS_OF + dt.timedelta(days=9)), Settings(as_of=AS_OF))
    (f,) = [f for f in result.findings if f.code == "FLOW001"]
    assert "Did you mean" not in f.message and "idea, draft, review" in f.fix


def test_cancelled_posts_stay_out_of_the_mix_and_out_of_the_flow_rules():
    base = "posts:\n" + "".join(
        f"  - {{date: 2026-11-{d:02d}, channel: vk, type: {t}, title: Post {d}}}\n"
        for d, t in enumerate(["engaging", "educational", "advertising"], start=10))
    extra = "  - {date: 2026-11-13, channel: vk, type: advertising, title: Sale, status: %s}\n"
    with_ad = check_text(base + extra % "draft", Settings(as_of=AS_OF))
    for word in ("cancelled", "canceled", "отменено", "Отменён"):
        cancelled = check_text(base + extra % word, Settings(as_of=AS_OF))
        assert cancelled.post_count == with_ad.post_count - 1 == 3
        mix = {r.category: r.count for r in cancelled.mix}
        assert mix["advertising"] == {r.category: r.count for r in with_ad.mix}["advertising"] - 1
        # the cancelled ad neither sits back to back with the other ad nor counts as missed
        assert "MIX003" in [f.code for f in with_ad.findings]
        assert "MIX003" not in [f.code for f in cancelled.findings]
        assert ("FLOW003", 5) in [c[:2] for c in flow(with_ad)]
        assert not any(line == 5 for _, line, _ in flow(cancelled))


def test_idea_is_a_valid_status_for_generated_posts():
    result = check_text(one_post("idea", AS_OF + dt.timedelta(days=20)), Settings(as_of=AS_OF))
    assert result.findings == [] or all(not f.code.startswith(("FLOW", "PLAN")) for f in result.findings)
    assert result.sections["statuses"]["idea"] == 1


# --- JSON: every post's status ------------------------------------------------------------

ROW = {
    "type": "object",
    "required": ["line", "date", "time", "channel", "title", "status", "status_written", "approved_by",
                 "approved_on", "ready"],
    "properties": {
        "line": {"type": "integer", "minimum": 1},
        "status": {"enum": [*STATUSES, None]},
        "ready": {"type": "boolean"},
    },
}
PLAN_FLOW_SCHEMA = {
    "type": "object",
    "required": ["statuses", "post_statuses", "due", "waiting", "due_window"],
    "properties": {
        "statuses": {"type": "object", "required": [*STATUSES, "unknown"],
                     "additionalProperties": {"type": "integer", "minimum": 0}},
        "post_statuses": {"type": "array", "items": ROW},
        "due": {"type": "array", "items": {**ROW, "required": [*ROW["required"], "approver"]}},
        "waiting": {"type": "array", "items": {**ROW, "properties": {**ROW["properties"], "status": {"const": "review"}}}},
        "due_window": {"type": "object", "required": ["from", "to", "days"]},
    },
}


def test_check_json_carries_each_posts_status(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    proc = run_cli("check", str(path), "--as-of", "2026-12-01", "--format", "json")
    assert proc.returncode == 1  # FLOW001 is an error
    doc = json.loads(proc.stdout)
    (plan,) = doc["plans"]
    jsonschema.validate(plan, PLAN_FLOW_SCHEMA)
    rows = plan["post_statuses"]
    assert [r["status"] for r in rows] == ["scheduled", "review", "draft", "approved", "published", None]
    assert [r["status_written"] for r in rows] == ["scheduled", "на согласовании", None, "approved",
                                                   "published", "aproved"]
    assert [r["line"] for r in rows] == [5, 9, 13, 16, 20, 24]
    assert sum(plan["statuses"].values()) == len(rows)
    for status, n in plan["statuses"].items():
        assert n == sum((r["status"] or "unknown") == status for r in rows)
    assert plan["due_window"] == {"from": "2026-12-01", "to": "2026-12-04", "days": 3}
    assert [r["title"] for r in plan["due"]] == ["How to brew", "Guest photo"]
    assert all(r["approver"] == "Maria Ivanova" and not r["ready"] for r in plan["due"])
    assert [r["title"] for r in plan["waiting"]] == ["How to brew"]
    assert {r["status"] for r in rows if r["ready"]} <= set(READY)


def test_due_list_is_every_post_in_the_window_ready_or_not():
    text = "posts:\n" + "".join(
        f"  - {{date: {AS_OF + dt.timedelta(days=d)}, type: engaging, title: P{d}, status: {s}}}\n"
        for d, s in [(5, "draft"), (0, "scheduled"), (2, "cancelled"), (1, "review"), (-1, "published")])
    for days in range(0, 7):
        result = check_text(text, Settings(as_of=AS_OF, due_days=days))
        want = sorted((d, f"P{d}") for d, s in [(5, "draft"), (0, "scheduled"), (1, "review")] if d <= days)
        assert [r["title"] for r in result.sections["due"]] == [t for _, t in want]


# --- the text report and the status command -------------------------------------------------

STATUS_PLAN = """\
brand: Coffee Lab
goals:
  - kind: loyalty
    kpis: [{metric: engagement_rate, target: 4%, basis: reach, source: Instagram Insights}]
client: {name: Coffee Lab LLC, approver: Maria Ivanova}
posts:
  - {date: 2026-12-01, channel: instagram, type: engaging, title: Winter poll, status: scheduled, approved_by: Maria Ivanova}
  - {date: 2026-12-02, channel: telegram, type: educational, title: Brew a V60, status: review}
  - {date: 2026-12-09, channel: telegram, type: user_generated, title: Guest story, author: Oleg (with consent), status: на согласовании}
  - {date: 2026-12-10, channel: instagram, type: engaging, title: Playlist, status: idea}
  - {date: 2026-12-11, channel: instagram, type: advertising, title: Old sale, status: cancelled}
"""


def test_check_text_shows_due_soon_under_the_mix(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(STATUS_PLAN, encoding="utf-8")
    out = run_cli("check", str(path), "--as-of", "2026-12-01").stdout.decode()
    assert out.index("category") < out.index("Due soon") < out.index("Client workflow")
    due = out[out.index("Due soon"):out.index("\n\n", out.index("Due soon"))]
    assert "2026-12-01 → 2026-12-04" in due
    assert "who must approve" in due and "Maria Ivanova" in due
    assert "Winter poll" in due and "Brew a V60" in due and "Guest story" not in due
    wider = run_cli("check", str(path), "--as-of", "2026-12-01", "--due-days", "8").stdout.decode()
    assert "Guest story" in wider[wider.index("Due soon"):] and "Old sale" not in wider
    far = run_cli("check", str(path), "--as-of", "2026-11-01").stdout.decode()
    assert "Due soon" not in far


def test_status_command_in_process(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(STATUS_PLAN, encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["status", str(path), "--as-of", "2026-12-01", "--color", "never"])
    assert res.exit_code == 0, res.output
    out = res.stdout
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.split()[:1] == [STATUSES[0]])  # below the plan's header
    header, counts = lines[at:at + 2]
    # the statuses a plan seldom uses show when a post has them
    assert header.split() == [s for s in STATUSES if s not in ("changes_requested", "on_hold")] + ["total"]
    assert counts.split() == ["1", "0", "2", "0", "1", "0", "1", "5"]
    waiting = out[out.index("Waiting for Maria Ivanova"):out.index("Due soon")]
    assert "Brew a V60" in waiting and "Guest story" in waiting and "Winter poll" not in waiting
    assert "Needs attention" in out and "FLOW002" in out
    same = runner.invoke(app, ["check", "--status", str(path), "--as-of", "2026-12-01", "--color", "never"])
    assert same.stdout == out and same.exit_code == 0
    path.write_text(STATUS_PLAN.replace("status: review", "status: на паузе", 1), encoding="utf-8")
    res = runner.invoke(app, ["status", str(path), "--as-of", "2026-12-01", "--color", "never"])
    lines = res.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.split()[:1] == [STATUSES[0]])
    header, counts = lines[at:at + 2]
    assert header.split() == [s for s in STATUSES if s != "changes_requested"] + ["total"]
    assert counts.split() == ["1", "0", "1", "0", "1", "0", "1", "1", "5"]


def test_status_command_subprocess_json(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(STATUS_PLAN, encoding="utf-8")
    proc = run_cli("status", str(path), "--as-of", "2026-12-01", "--due-days", "9", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    (plan,) = doc["plans"]
    assert plan["client"]["approver"] == "Maria Ivanova"
    assert plan["statuses"]["review"] == 2 and plan["statuses"]["cancelled"] == 1
    assert [p["title"] for p in plan["waiting"]] == ["Brew a V60", "Guest story"]
    assert [p["title"] for p in plan["due"]] == ["Winter poll", "Brew a V60", "Guest story", "Playlist"]
    assert [f["code"] for f in plan["workflow_findings"]] == ["FLOW002"] * 3
    assert doc["summary"]["statuses"] == plan["statuses"] and doc["summary"]["waiting"] == 2
    again = run_cli("check", "--status", str(path), "--as-of", "2026-12-01", "--due-days", "9", "-f", "json")
    assert json.loads(again.stdout) == doc


def test_status_command_usage_errors(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(STATUS_PLAN, encoding="utf-8")
    for args in (["status", str(path), "--due-days", "-1"], ["check", str(path), "--due-days", "-2"],
                 ["status", str(path), "--as-of", "1 Dec"], ["check", "--status", str(path), "-f", "sarif"],
                 ["status", str(tmp_path / "missing.yaml")]):
        proc = run_cli(*args)
        assert proc.returncode == 2, args
        assert proc.stderr.startswith(b"smmplan: ") and b"Traceback" not in proc.stderr


def test_status_of_a_broken_plan_says_so_without_a_traceback(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("posts: [\n", encoding="utf-8")
    proc = run_cli("status", str(path))
    assert proc.returncode == 1
    assert b"cannot be read" in proc.stdout and b"Traceback" not in proc.stderr


# --- the shipped plans -------------------------------------------------------------------------------


def _shipped(*args: str) -> dict:
    proc = run_cli("check", str(PLANS), "--format", "json", *args)
    assert proc.returncode == 0, proc.stderr.decode()
    return json.loads(proc.stdout)


@pytest.mark.parametrize("when", ["today", "a year ahead"])
def test_shipped_plans_are_clean_by_what_they_hold(when):
    """Every post of the shipped plans is published (with its permalink) or cancelled, so they stay
    clean whatever the day: no date is frozen in them or in this test."""
    day = dt.date.today() + dt.timedelta(days=365 if when == "a year ahead" else 0)
    doc = _shipped(*(["--as-of", day.isoformat()] if when != "today" else []))
    assert doc["findings"] == []
    assert len(doc["plans"]) == len(list(PLANS.glob("*.yaml"))) >= 3
    for plan in doc["plans"]:
        assert {row["status"] for row in plan["post_statuses"]} <= {"published", "cancelled"}


def test_due_days_from_the_config_file_and_the_command_line_beats_it(tmp_path):
    (tmp_path / ".smmplan.yaml").write_text("due-days: 10\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(one_post("review", AS_OF + dt.timedelta(days=8)), encoding="utf-8")

    def due(*args):
        doc = json.loads(run_cli("check", "plan.yaml", "--as-of", str(AS_OF), "-f", "json", *args, cwd=tmp_path).stdout)
        return [f["code"] for f in doc["findings"] if f["code"].startswith("FLOW")], doc["plans"][0]["due_window"]

    assert due() == (["FLOW002"], {"from": "2026-12-01", "to": "2026-12-11", "days": 10})
    assert due("--due-days", "3") == ([], {"from": "2026-12-01", "to": "2026-12-04", "days": 3})


# --- changes requested and on hold ----------------------------------------------------------


@pytest.mark.parametrize("word, status", [
    ("changes_requested", "changes_requested"), ("На доработке", "changes_requested"),
    ("на доработку", "changes_requested"), ("needs changes", "changes_requested"),
    ("on_hold", "on_hold"), ("On hold", "on_hold"), ("на паузе", "on_hold"), ("приостановлено", "on_hold"),
    ("paused", "on_hold"),
])
def test_sent_back_and_paused_statuses_are_read_in_both_languages(word, status):
    assert canonical_status(word) == status


def test_sent_back_and_paused_posts_are_due_missed_and_still_in_the_mix():
    sent_back = check_text(one_post("на доработке", AS_OF + dt.timedelta(days=1)), Settings(as_of=AS_OF))
    (f,) = [f for f in sent_back.findings if f.code == "FLOW002"]
    assert "`на доработке` (changes_requested)" in f.message and "Make the changes Maria Ivanova asked for" in f.fix
    paused = check_text(one_post("on_hold", AS_OF + dt.timedelta(days=2)), Settings(as_of=AS_OF))
    (f,) = [f for f in paused.findings if f.code == "FLOW002"]
    assert "on hold" in f.fix and "`status: cancelled`" in f.fix
    missed = check_text(one_post("на паузе", AS_OF - dt.timedelta(days=2)), Settings(as_of=AS_OF))
    (f,) = [f for f in missed.findings if f.code == "FLOW003"]
    assert "2 days ago" in f.message and "take it off hold" in f.fix
    # paused is not dropped: the post still counts in the mix, unlike a cancelled one
    assert [p.counted for p in paused.posts] == [True]
    assert [p.counted for p in check_text(one_post("cancelled", AS_OF)).posts] == [False]
    assert paused.sections["statuses"]["on_hold"] == 1


def test_new_statuses_through_the_command_and_the_schema(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(one_post("на доработке", AS_OF), encoding="utf-8")
    doc = json.loads(run_cli("check", str(path), "--as-of", str(AS_OF), "--format", "json").stdout)
    assert doc["plans"][0]["statuses"]["changes_requested"] == 1
    assert [f["code"] for f in doc["findings"] if f["code"].startswith("FLOW")] == ["FLOW002"]
    schema = json.loads(run_cli("schema").stdout)
    status = schema["$defs"]["Post"]["properties"]["status"]
    assert status["examples"] == list(STATUSES) and "на доработке" in status["description"]
    assert {"changes_requested", "on_hold"} <= set(STATUSES)
