"""Dates and times as people write them (smmplan/dates.py), and the messages the check gives."""

from __future__ import annotations

import datetime as dt

import pytest

from smmplan import dates
from tests.conftest import check_text, run_cli

D = dt.date


@pytest.mark.parametrize("written, expected", [
    ("2026-12-07", D(2026, 12, 7)),
    ("07.12.2026", D(2026, 12, 7)),  # DD.MM.YYYY: day first, as written in Europe and Russia
    ("7.12.2026", D(2026, 12, 7)),  # D.M.YYYY
    ("7.2.2027", D(2027, 2, 7)),
    ("2026-12-7", D(2026, 12, 7)),  # YYYY-M-D
    ("2026-1-5", D(2026, 1, 5)),
    ("2026/12/07", D(2026, 12, 7)),
    ("13/04/2026", D(2026, 4, 13)),  # a day over 12 leaves one reading
    ("04/13/2026", D(2026, 4, 13)),
    ("05/05/2026", D(2026, 5, 5)),  # both readings the same day
    ("20261207", D(2026, 12, 7)),
    ("7 Dec 2026", D(2026, 12, 7)),
    ("Dec 7, 2026", D(2026, 12, 7)),
    ("7 декабря 2026", D(2026, 12, 7)),
    (" 07.12.2026 ", D(2026, 12, 7)),
])
def test_dates_with_one_meaning_are_read(written, expected):
    reading = dates.read_date(written)
    assert reading.value == expected and reading.canonical == expected.isoformat()
    assert not reading.ambiguous


@pytest.mark.parametrize("written, first, second", [
    ("03/04/2026", D(2026, 4, 3), D(2026, 3, 4)),
    ("3/4/2026", D(2026, 4, 3), D(2026, 3, 4)),
    ("12-11-2026", D(2026, 11, 12), D(2026, 12, 11)),
])
def test_ambiguous_dates_are_never_guessed(written, first, second):
    reading = dates.read_date(written)
    assert reading.value is None and reading.canonical is None and not reading.fixable
    assert reading.ambiguous and reading.choices == (first, second)
    text = dates.advice(reading, "date")
    assert "ambiguous" in text and first.isoformat() in text and second.isoformat() in text


@pytest.mark.parametrize("written, problem", [
    ("2026-02-30", "February 2026 has no day 30"),
    ("31.04.2026", "April 2026 has no day 31"),
    ("2026-13-01", "no month 13"),
    ("next tuesday", "not a date"),
    ("", "not a date"),
    ("2026-12-07T10:00", "write `2026-12-07` here and `10:00` under `time:`"),
    ("07.12.26", "the year has two digits; write `2026-12-07` if you mean 2026"),  # suggested, never converted
    ("03/04/26", "the year has two digits, and the day and month may be either way round"),
])
def test_impossible_dates_say_why(written, problem):
    reading = dates.read_date(written)
    assert reading.value is None and not reading.ambiguous
    assert problem in dates.advice(reading, "date")


@pytest.mark.parametrize("written, expected", [
    ("19:00", "19:00"), ("9:05", "09:05"), ("19.00", "19:00"), ("7pm", "19:00"), ("7 PM", "19:00"),
    ("7:30 PM", "19:30"), ("7.30pm", "19:30"), ("12am", "00:00"), ("12pm", "12:00"), ("11:59 p.m.", "23:59"),
    ("6am", "06:00"), ("19:00:30", "19:00:30"),
])
def test_times_are_read(written, expected):
    assert dates.read_time(written).canonical == expected


@pytest.mark.parametrize("written", ["25:00", "19:60", "13pm", "0am", "19", "noon", "7:3"])
def test_impossible_times_are_not_read(written):
    reading = dates.read_time(written)
    assert reading.value is None and reading.problem
    assert dates.advice(reading, "time").startswith(f"`{written}`: ")


PLAN = """\
goals: [{kind: traffic, kpis: [{metric: site_clicks, target: 100}]}]
posts:
  - {date: 07.12.2026, time: 7pm, type: engaging, title: A}
  - {date: 2026-12-7, time: "7:30 PM", type: engaging, title: B}
  - {date: 03/04/2026, type: engaging, title: C}
"""


def test_date_and_time_errors_speak_the_users_language():
    result = check_text(PLAN)
    messages = [f.message for f in result.findings if f.code == "PLAN006"]
    assert any(m.startswith("`07.12.2026`: write `2026-12-07`") for m in messages), messages
    assert any(m.startswith("`7pm`: write `19:00`") for m in messages), messages
    assert any(m.startswith("`2026-12-7`: write `2026-12-07`") for m in messages), messages
    assert any(m.startswith("`7:30 PM`: write `19:30`") for m in messages), messages
    ambiguous = next(m for m in messages if "03/04/2026" in m)
    assert "ambiguous" in ambiguous and "2026-04-03" in ambiguous and "2026-03-04" in ambiguous
    assert not any("input should" in m or "too short" in m for m in messages)
    # every post is invalid: each is reported, and not also "the plan has no posts"
    assert "PLAN014" not in {f.code for f in result.findings}


def test_an_empty_plan_still_has_no_posts():
    assert "PLAN014" in {f.code for f in check_text("posts: []\n").findings}


def test_date_messages_through_the_installed_command(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    proc = run_cli("check", str(path), "--format", "concise")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "`07.12.2026`: write `2026-12-07`" in out and "`7pm`: write `19:00`" in out
    assert "PLAN014" not in out


def test_impossible_values_name_the_form_expected():
    result = check_text("posts:\n  - {date: 2026-02-30, time: '25:00', type: engaging, title: A}\n")
    messages = sorted(f.message for f in result.findings if f.code == "PLAN006")
    assert messages == [
        "`2026-02-30`: February 2026 has no day 30; `posts[0].date` takes a date as YYYY-MM-DD.",
        "`25:00`: hours go from 00 to 23 and minutes from 00 to 59; `posts[0].time` takes a time as HH:MM.",
    ]


def test_the_as_of_option_explains_a_date_it_cannot_read():
    proc = run_cli("check", "plans", "--as-of", "07.12.2026")
    assert proc.returncode == 2
    assert "--as-of takes a date as YYYY-MM-DD: `07.12.2026`: write `2026-12-07`." in proc.stderr.decode()
