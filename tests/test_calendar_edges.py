"""Dates at the calendar's edges are input, not bugs: 0001-01-01 and 9999-12-31 as `--as-of`,
as post dates and as `--start`, and look-aheads longer than the calendar, give findings or
usage errors, never an internal error (SMM001 or a traceback)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smmplan import days
from smmplan.config import Settings
from smmplan.engine import check_bytes
from tests.conftest import PLANS, run_cli

EDGE_PLANS = {
    "last-days": ("start: 9999-12-20\nweeks: 2\n"
                  "goals: [{kind: loyalty, kpis: [{metric: engagement_rate, target: 4%, actual: 3%}]}]\n"
                  "posts:\n  - {date: 9999-12-20, type: engaging, title: A, channel: vk, status: review}\n"
                  "  - {date: 9999-12-25, type: advertising, title: B, channel: vk}\n"
                  "  - {date: 9999-12-26, type: advertising, title: C, channel: vk}\n"
                  "  - {date: 9999-12-31, type: advertising, title: D, channel: vk, status: on_hold}\n"),
    "first-days": ("weeks: 520\ngoals: [{kind: loyalty, kpis: [{metric: engagement_rate, target: 4%}]}]\n"
                   "posts:\n  - {date: 0001-01-01, type: engaging, title: A, channel: vk}\n"
                   "  - {date: 0001-01-02, type: advertising, title: B, channel: vk}\n"
                   "  - {date: 0001-01-03, type: advertising, title: C, channel: vk}\n"),
    "both-ends": ("start: 0001-01-01\ngoals: [{kind: traffic, kpis: [{metric: site_clicks, target: 100, "
                  "period: year}]}]\nposts:\n  - {date: 0001-01-01, type: engaging, title: A, channel: vk}\n"
                  "  - {date: 9999-12-31, type: advertising, title: B, channel: vk}\n"),
}
EDGE_DAYS = [dt.date.min, dt.date.min + dt.timedelta(days=1), dt.date.max - dt.timedelta(days=1), dt.date.max]


def test_shift_stops_at_the_edges():
    assert days.shift(dt.date.max, 1) is None and days.shift(dt.date.min, -1) is None
    assert days.shift(dt.date(2026, 12, 1), 10**12) is None  # more days than a timedelta holds
    assert days.shift_within(dt.date.max - dt.timedelta(days=2), 5) == dt.date.max
    assert days.shift_within(dt.date.min, -5) == dt.date.min
    assert days.shift(dt.date(2026, 12, 1), 30) == dt.date(2026, 12, 31)


@pytest.mark.parametrize("as_of", EDGE_DAYS, ids=str)
@pytest.mark.parametrize("due_days", [0, 3, 10**6, 10**20])
def test_no_rule_crashes_at_the_edges(as_of, due_days):
    texts = [p.read_bytes() for p in sorted(PLANS.glob("*.yaml"))] + [t.encode() for t in EDGE_PLANS.values()]
    for data in texts:
        result = check_bytes(data, "plan.yaml", Settings(as_of=as_of, due_days=due_days))
        assert "SMM001" not in [f.code for f in result.findings], [f.message for f in result.findings]
        window = result.sections["due_window"]
        assert window["from"] == as_of.isoformat() and window["to"] >= window["from"]


def test_the_issues_command_lines(tmp_path):
    coffee = PLANS / "coffee-lab-december.yaml"
    for args in (["--as-of", "9999-12-30"], ["--as-of", "9999-12-31"], ["--as-of", "0001-01-01"],
                 ["--due-days", "99999999999999999999"]):
        proc = run_cli("check", str(coffee), "--format", "json", *args)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["findings"] == []
    proc = run_cli("status", str(coffee), "--as-of", "9999-12-31", "--due-days", "100")
    assert proc.returncode == 0 and b"9999-12-31 \xe2\x86\x92 9999-12-31" in proc.stdout


@pytest.mark.parametrize("args, says", [
    (["--weeks", "520", "--start", "9999-01-01"], "start on 9990-01-13 or earlier"),
    (["--weeks", "1", "--start", "9999-12-27"], "runs past 9999-12-31"),
    (["--weeks", "1", "--start", "9999-12-31"], "runs past 9999-12-31"),
])
def test_suggest_past_the_last_day_is_a_usage_error(args, says, tmp_path):
    proc = run_cli("suggest", *args, cwd=tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and says in err and "internal error" not in err


def test_suggest_at_the_edges_plans_what_fits(tmp_path):
    proc = run_cli("suggest", "--weeks", "1", "--start", "9999-12-25", "-o", "last.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert run_cli("check", "last.yaml", "--format", "json", cwd=tmp_path).returncode in (0, 1)
    plan = tmp_path / "edge.yaml"
    plan.write_text(EDGE_PLANS["last-days"], encoding="utf-8")
    proc = run_cli("suggest", str(plan), "--weeks", "2", cwd=tmp_path)
    assert proc.returncode == 2 and b"no week after it" in proc.stderr
    proc = run_cli("suggest", str(plan), cwd=tmp_path)  # rebalancing: additions only on days that exist
    assert proc.returncode in (0, 1) and b"internal error" not in proc.stderr
    for line in proc.stdout.decode().splitlines():
        assert "10000-" not in line
