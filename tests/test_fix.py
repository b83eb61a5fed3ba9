"""`smmplan check --fix`, `--diff` and `--fix-aliases`: values rewritten in place, nothing else touched."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan import dates, loader
from smmplan.fix import fix_text
from tests.conftest import run_cli

PLAN = """\
# Coffee Lab, December  (a comment that must survive)
brand: "Coffee Lab"   # quoted on purpose
start: 2026-12-7
goals: [{kind: traffic, kpis: [{metric: site_clicks, target: 100}]}]

posts:
  - date: 07.12.2026      # the Monday
    time: 7pm
    type: ugc
    author: '@anna'
    status: согласовано
    title: 'Guest story: "Anna''s cup"'
  - date: "2026-12-8"
    time: '19.00'
    type: Engaging
    title: Poll
  - {date: 03/04/2026, time: 9:05, type: educational, title: "Ambiguous, left alone"}
  - date: 2026-12-10
    time: 7:30 PM
    type: engaging
    title: Already fine date
"""

# the lines --fix changes, as they must read after it; every other byte stays
CHANGED_LINES = {
    "start: 2026-12-7\n": "start: 2026-12-07\n",
    "  - date: 07.12.2026      # the Monday\n": "  - date: 2026-12-07      # the Monday\n",
    "    time: 7pm\n": "    time: 19:00\n",
    '  - date: "2026-12-8"\n': '  - date: "2026-12-08"\n',
    "    time: '19.00'\n": "    time: '19:00'\n",
    "    time: 7:30 PM\n": "    time: 19:30\n",
}
FIXED = "".join(CHANGED_LINES.get(line, line) for line in PLAN.splitlines(keepends=True))
assert FIXED.count("\n") == PLAN.count("\n") and all(line in PLAN for line in CHANGED_LINES)


def test_fix_rewrites_dates_and_times_only_where_they_stand():
    fixed, changes = fix_text(PLAN)
    assert fixed == FIXED
    assert [(c.line, c.column, c.old, c.new, c.what) for c in changes] == [
        (3, 8, "2026-12-7", "2026-12-07", "date"),
        (7, 11, "07.12.2026", "2026-12-07", "date"),
        (8, 11, "7pm", "19:00", "time"),
        (13, 11, "2026-12-8", "2026-12-08", "date"),
        (14, 11, "19.00", "19:00", "time"),
        (19, 11, "7:30 PM", "19:30", "time"),
    ]


def test_fix_is_idempotent():
    once, _ = fix_text(PLAN, aliases=True)
    twice, changes = fix_text(once, aliases=True)
    assert twice == once and changes == []


def test_fix_aliases_rewrites_types_and_statuses_to_canonical_words():
    fixed, changes = fix_text(PLAN, aliases=True)
    assert {(c.old, c.new, c.what) for c in changes} >= {
        ("ugc", "user_generated", "type"), ("Engaging", "engaging", "type"), ("согласовано", "approved", "status")}
    assert "    type: user_generated\n" in fixed and "    status: approved\n" in fixed
    # by the plan's own formula: `ugc` means nothing to 50-30-20, so it is left
    other, _ = fix_text("formula: 50-30-20\nposts:\n  - {date: 2026-12-07, type: ugc, title: A}\n", aliases=True)
    assert "type: ugc" in other


def test_fix_aliases_rewrites_channels():
    fixed, changes = fix_text("channels: [Insta]\nposts:\n  - {date: 2026-12-07, channel: ВК, type: engaging, "
                              "title: A}\n", aliases=True)
    assert "channels: [instagram]" in fixed and "channel: vk" in fixed


def test_fix_leaves_what_it_cannot_read_alone():
    text = "posts:\n  - date: soon\n    time: |\n      7pm\n    type: engaging\n    title: A\n"
    assert fix_text(text) == (text, [])
    broken = "posts:\n  - date: 07.12.2026\n    title: 'unclosed\n"
    assert fix_text(broken) == (broken, [])


def test_fix_keeps_crlf_and_odd_layout():
    text = "posts:\r\n  -   date:   07.12.2026   # x\r\n      type: engaging\r\n      title: A\r\n"
    fixed, _ = fix_text(text)
    assert fixed == text.replace("07.12.2026", "2026-12-07")


# --- the installed command ----------------------------------------------------------


def test_check_fix_writes_the_file_and_reports_the_fixed_plan(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    mode = os.stat(path).st_mode
    proc = run_cli("check", str(path), "--fix", "--format", "concise")
    err, out = proc.stderr.decode(), proc.stdout.decode()
    assert path.read_text(encoding="utf-8") == FIXED
    assert os.stat(path).st_mode == mode
    assert f"{path}:7:11: `07.12.2026` → `2026-12-07` (date)" in err
    assert f"{path}:8:11: `7pm` → `19:00` (time)" in err
    assert "fixed 6 values in 1 file" in err
    # the report is of the fixed file: only the ambiguous date is left
    assert "07.12.2026" not in out and "03/04/2026" in out and "ambiguous" in out
    assert proc.returncode == 1
    again = run_cli("check", str(path), "--fix", "--format", "concise")
    assert path.read_text(encoding="utf-8") == FIXED and "fixed" not in again.stderr.decode()


def test_check_fix_aliases_through_the_command(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.replace("03/04/2026", "2026-12-09"), encoding="utf-8")
    proc = run_cli("check", str(path), "--fix-aliases", "--format", "concise")
    text = path.read_text(encoding="utf-8")
    assert "type: user_generated" in text and "status: approved" in text and "date: 2026-12-07" in text
    assert "`ugc` → `user_generated` (type)" in proc.stderr.decode()
    assert "PLAN006" not in proc.stdout.decode()


def test_check_diff_shows_the_change_and_writes_nothing(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    proc = run_cli("check", str(path), "--diff")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert path.read_text(encoding="utf-8") == PLAN
    assert out.startswith(f"--- {path}\n+++ {path}\n@@ ")
    removed = [line[1:] for line in out.splitlines(keepends=True)[2:] if line.startswith("-")]
    added = [line[1:] for line in out.splitlines(keepends=True)[2:] if line.startswith("+")]
    assert removed == [line for line in PLAN.splitlines(keepends=True) if line not in FIXED.splitlines(keepends=True)]
    assert added == [line for line in FIXED.splitlines(keepends=True) if line not in PLAN.splitlines(keepends=True)]
    assert "  - date: 2026-12-07      # the Monday\n" in added and "    time: '19:00'\n" in added
    assert "would fix 6 values in 1 file" in proc.stderr.decode()
    # a file with nothing to fix: no diff, exit 0
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(FIXED, encoding="utf-8")
    clean = run_cli("check", str(fixed), "--diff")
    assert clean.returncode == 0 and clean.stdout == b"" and "nothing to fix" in clean.stderr.decode()


def test_fix_refuses_standard_input():
    proc = run_cli("check", "-", "--fix", input=PLAN.encode())
    assert proc.returncode == 2
    assert "standard input" in proc.stderr.decode() and proc.stdout == b""


def test_fix_in_process(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from smmplan.cli import app

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    res = CliRunner().invoke(app, ["check", str(path), "--fix", "--color", "never"])
    assert path.read_text(encoding="utf-8") == FIXED
    assert res.exit_code == 1 and "03/04/2026" in res.stdout


def test_fix_keeps_a_byte_order_mark(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + PLAN.encode())
    run_cli("check", str(path), "--fix")
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.encode()


# --- any plan: only the values change, each into what dates.py reads it as ----------

DAYS = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
DATE_FORMS = [
    lambda d: d.isoformat(), lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}", lambda d: f"{d.day}.{d.month}.{d.year}",
    lambda d: f"{d.year}-{d.month}-{d.day}", lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.month}/{d.day}/{d.year}", lambda d: f"{d.day} {d:%b} {d.year}",
]
TIMES = st.times().map(lambda t: t.replace(second=0, microsecond=0))
TIME_FORMS = [
    lambda t: f"{t:%H:%M}", lambda t: f"{t.hour}.{t.minute:02d}", lambda t: f"{(t.hour - 1) % 12 + 1}:{t.minute:02d} "
    f"{'PM' if t.hour >= 12 else 'AM'}", lambda t: f"{(t.hour - 1) % 12 + 1}{'pm' if t.hour >= 12 else 'am'}"
    if not t.minute else f"{t:%H:%M}",
]
QUOTES = st.sampled_from(["", "'", '"'])


@st.composite
def plans(draw):
    lines, expected = ["# generated", "posts:"], []
    for i in range(draw(st.integers(1, 6))):
        day, form, q = draw(DAYS), draw(st.sampled_from(DATE_FORMS)), draw(QUOTES)
        when, tform, tq = draw(TIMES), draw(st.sampled_from(TIME_FORMS)), draw(QUOTES)
        written = form(day)
        lines += [f"  - date: {q}{written}{q}   # post {i}", f"    time: {tq}{tform(when)}{tq}",
                  "    type: engaging", f"    title: 'Post {i}: \"x\"'"]
        expected.append((written, day, when))
    return "\n".join(lines) + "\n", expected


@settings(max_examples=60, deadline=None)
@given(plans())
def test_fix_changes_values_only_into_what_they_mean(case):
    text, expected = case
    fixed, changes = fix_text(text)
    assert fix_text(fixed) == (fixed, [])
    before, after = loader.load(text.encode()).data, loader.load(fixed.encode()).data
    assert len(after["posts"]) == len(expected)
    for post, old, (written, day, when) in zip(after["posts"], before["posts"], expected):
        reading = dates.read_date(written)
        if reading.ambiguous:  # never guessed
            assert post["date"] == old["date"] == written
        else:
            assert post["date"] == day.isoformat()
        assert dates.read_time(post["time"]).value == when
        assert {k: v for k, v in post.items() if k not in ("date", "time")} == \
            {k: v for k, v in old.items() if k not in ("date", "time")}
    # every line without a change is byte for byte the same
    changed = {c.line for c in changes}
    for n, (a, b) in enumerate(zip(text.splitlines(), fixed.splitlines()), 1):
        assert (a == b) != (n in changed)


def test_fix_never_overwrites_an_edit_made_after_the_read(tmp_path):
    import pytest

    from smmplan.fix import fix_file, write
    from smmplan.io import ChangedError

    path = tmp_path / "plan.yaml"
    path.write_text("posts:\n  - {date: 07.12.2026, type: engaging, title: Poll}\n", encoding="utf-8")
    fix = fix_file(str(path))
    assert fix is not None and fix.changes
    path.write_text("posts:\n  - {date: 07.12.2026, type: engaging, title: Poll edited meanwhile}\n",
                    encoding="utf-8")
    with pytest.raises(ChangedError):
        write(fix)
    assert "edited meanwhile" in path.read_text(encoding="utf-8")
