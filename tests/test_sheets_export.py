"""`smmplan export`: what goes out, each target's rules before writing, formats, round trips."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile

import pytest

from smmplan.engine import check_bytes, check_path
from smmplan.sheets import export, targets
from smmplan.sheets.importer import import_table
from smmplan.sheets.read import read_table
from tests.conftest import PLANS, run_cli

NOW = "2026-12-01T09:00"  # lead times are judged from here (--now)
MOMENT = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)

PLAN = """\
brand: Coffee Lab
timezone: Europe/Moscow
channel_timezones: {telegram: Asia/Yekaterinburg}
posts:
  - {date: 2026-12-07, time: "19:00", channel: instagram, type: engaging, title: Poll, text: Oat or almond?,
     status: approved, approved_by: Maria}
  - {date: 2026-12-08, time: "10:30", channel: telegram, type: educational, title: V60, text: Four minutes.,
     status: scheduled, approved_by: Maria}
  - {date: 2026-12-09, time: "12:00", channel: instagram, type: user_generated, title: Guest photo, text: By Anna,
     source: "@anna", status: draft}
  - {date: 2026-12-10, time: "12:00", channel: vk, type: advertising, title: Sale, text: "-10% today", status: review}
  - {date: 2026-12-11, time: "12:00", channel: instagram, type: engaging, title: Old, text: x, status: cancelled}
"""


def result_of(text: str, tmp_path=None):
    return check_bytes(text.encode("utf-8"), "plan.yaml")


def build(text: str, target: str, **kw):
    kw.setdefault("now", MOMENT)
    return export.build(result_of(text), targets.get(target), **kw)


def test_only_approved_and_scheduled_posts_by_default_and_the_summary_says_why(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    r = run_cli("export", str(plan), "--to", "csv", "--now", NOW, "--no-check")  # a slice of a plan: its mix fails
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert "Left out 3 posts (not approved or scheduled: cancelled 1, draft 1, review 1); --all exports" in out
    rows = list(csv.DictReader(io.StringIO((tmp_path / "plan.csv").read_text(encoding="utf-8-sig"))))
    assert [r["Title"] for r in rows] == ["Poll", "V60"]
    r = run_cli("export", str(plan), "--to", "csv", "--all", "-o", str(tmp_path / "all.csv"), "--no-check")
    assert "Left out 1 cancelled post." in r.stdout.decode()
    assert len(list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text(encoding="utf-8-sig"))))) == 4
    piped = run_cli("export", str(plan), "--to", "csv", "-o", "-", "--no-check")
    assert piped.stdout.startswith(b"Date,Time,Channel") and b"Left out" in piped.stderr  # no mark, no summary


def test_buffer_writes_one_file_per_channel_with_its_exact_header(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.replace("channel: telegram", "channel: x"), encoding="utf-8")
    r = run_cli("export", str(plan), "--to", "buffer", "--now", NOW, "-o", str(tmp_path / "buffer"), "--no-check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert sorted(p.name for p in (tmp_path / "buffer").iterdir()) == ["instagram.csv", "x.csv"]
    lines = (tmp_path / "buffer" / "instagram.csv").read_text(encoding="utf-8").splitlines()
    assert lines == ["Text,Image URL,Tags,Posting Time", "Oat or almond?,,engaging,2026-12-07 19:00"]


def test_target_rules_block_the_export_and_every_problem_is_listed(tmp_path):
    plan = tmp_path / "plan.yaml"
    long = "word " * 70
    plan.write_text(PLAN + f"""\
  - {{date: 2026-12-12, time: "19:03", channel: x, type: engaging, title: Long, text: "{long}", status: approved,
     approved_by: Maria}}
  - {{date: 2026-12-13, time: "19:00", channel: instagram, type: engaging, title: No text, status: approved,
     approved_by: Maria}}
  - {{date: 2026-11-30, time: "19:00", channel: instagram, type: educational, title: Past, text: t, status: approved,
     approved_by: Maria}}
""", encoding="utf-8")
    r = run_cli("export", str(plan), "--to", "hootsuite", "--now", NOW, "-o", str(tmp_path / "h"), "--no-check")
    out = r.stdout.decode()
    assert r.returncode == 1 and not (tmp_path / "h").exists()
    assert "Nothing exported: Hootsuite would refuse these 5:" in out
    assert 'Hootsuite cannot post to `telegram`' in out
    assert "the text is 349 characters; x takes at most 280" in out
    assert "19:03 is not on Hootsuite's 5-minute steps; move it to 19:00" in out
    assert '"No text": no text; Hootsuite publishes the post\'s text' in out
    assert '"Past": the time has passed' in out
    assert f"{plan}:" in out  # each problem points at the post's line


def test_lead_time_and_gaps_are_judged_in_the_posts_time_zone():
    near = PLAN.replace('2026-12-07, time: "19:00"', '2026-12-01, time: "12:05"')  # 09:05 UTC in Moscow
    blocked = build(near, "sprout")
    assert any("less than 10 minutes from now" in b.message for b in blocked.blockers)
    later = build(near.replace("12:05", "12:15"), "sprout").blockers
    assert not any("from now" in b.message for b in later), later
    close = PLAN.replace('time: "10:30", channel: telegram', 'time: "19:05", channel: instagram').replace(
        "2026-12-08", "2026-12-07")
    gaps = [b.message for b in build(close, "sprout", include_all=False).blockers]
    assert any("less than 10 minutes after" in m for m in gaps), gaps


def test_row_caps_need_split_which_writes_several_files(tmp_path):
    posts = "".join(f'  - {{date: 2027-01-{1 + i // 40:02d}, time: "{8 + i % 40 // 4:02d}:{i % 4 * 15:02d}", '
                    f"channel: instagram, type: engaging, title: Post {i}, text: Text {i}, status: approved, "
                    "approved_by: M}\n" for i in range(360))
    plan = tmp_path / "big.yaml"
    plan.write_text("posts:\n" + posts, encoding="utf-8")
    r = run_cli("export", str(plan), "--to", "sprout", "--now", NOW, "--no-check", "-o", str(tmp_path / "s"))
    assert r.returncode == 1 and b"360 posts for instagram; Sprout Social takes at most 350 a file" in r.stdout
    r = run_cli("export", str(plan), "--to", "sprout", "--now", NOW, "--no-check", "-o", str(tmp_path / "s"),
                "--split")
    assert r.returncode == 0, r.stdout
    files = sorted((tmp_path / "s").iterdir())
    assert [f.name for f in files] == ["instagram-1.csv", "instagram-2.csv"]
    assert [len(f.read_text().splitlines()) - 1 for f in files] == [350, 10]


@pytest.mark.parametrize("order, first", [("DD/MM/YYYY", "07/12/2026 19:00"), ("MM/DD/YYYY", "12/07/2026 19:00")])
def test_hootsuite_dates_in_either_order_without_a_header(order, first):
    plan = PLAN.replace("channel: telegram", "channel: x")
    done = export.build(result_of(plan), targets.get("hootsuite"), now=MOMENT,
                        options=targets.Options(date_order="DMY" if order.startswith("DD") else "MDY"))
    rows = list(csv.reader(io.StringIO(done.files["instagram.csv"])))
    assert rows == [[first, "Oat or almond?", ""]]


def test_postiz_json_follows_the_public_api_with_utc_dates_and_integration_ids():
    done = export.build(result_of(PLAN), targets.get("postiz"), now=MOMENT,
                        options=targets.Options(integrations={"instagram": "ig-123"}))
    bodies = json.loads(done.files["plan.json"])
    assert bodies[0] == {
        "type": "schedule", "date": "2026-12-07T16:00:00.000Z", "shortLink": False,
        "tags": [{"value": "engaging", "label": "engaging"}],
        "posts": [{"integration": {"id": "ig-123"}, "value": [{"content": "Oat or almond?", "image": []}],
                   "settings": {"__type": "instagram", "post_type": "post"}}]}
    assert bodies[1]["date"] == "2026-12-08T05:30:00.000Z"  # telegram posts in Asia/Yekaterinburg (UTC+5)
    assert bodies[1]["posts"][0]["integration"] == {"id": "telegram"}


def test_ics_events_carry_the_plans_time_zone_with_per_channel_overrides():
    import icalendar

    done = build(PLAN, "ics")
    text = done.files["plan.ics"]
    assert "DTSTART;TZID=Europe/Moscow:20261207T190000" in text
    assert "DTSTART;TZID=Asia/Yekaterinburg:20261208T103000" in text
    cal = icalendar.Calendar.from_ical(text)
    assert {str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")} == {"Europe/Moscow", "Asia/Yekaterinburg"}
    start = cal.walk("VEVENT")[0].decoded("DTSTART")
    assert start.astimezone(dt.timezone.utc) == dt.datetime(2026, 12, 7, 16, 0, tzinfo=dt.timezone.utc)


def test_a_bad_time_zone_is_a_finding_and_the_schema_knows_the_keys():
    from smmplan.schema import plan_schema

    found = check_bytes(b"timezone: Moscow/Kremlin\nposts: []\n", "p.yaml").findings
    assert any("`Moscow/Kremlin` is not an IANA time zone" in f.message for f in found)
    props = plan_schema()["properties"]
    assert "timezone" in props and "channel_timezones" in props


def test_formula_injection_is_neutralised_in_csv_and_xlsx_and_read_back_as_written():
    hostile = PLAN.replace("title: Poll", "title: '=HYPERLINK(\"http://x\",\"y\")'").replace(
        "text: Oat or almond?", "text: '@SUM(1)'")
    done = build(hostile, "csv", include_all=True)
    rows = list(csv.DictReader(io.StringIO(done.files["plan.csv"].lstrip("\ufeff"))))
    assert rows[0]["Title"] == "'=HYPERLINK(\"http://x\",\"y\")" and rows[0]["Text"] == "'@SUM(1)"
    assert rows[3]["Text"] == "'-10% today"
    book = build(hostile, "xlsx", include_all=True, options=targets.Options()).files["plan.xlsx"]
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode()
    assert "<f>" not in sheet and "'=HYPERLINK" in strings


def test_client_workbook_has_a_frozen_header_filters_and_a_colour_per_type():
    book = build(PLAN, "xlsx", include_all=True, options=targets.Options()).files["plan.xlsx"]
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
        styles = z.read("xl/styles.xml").decode()
    assert 'state="frozen"' in sheet and "<autoFilter" in sheet
    fills = {c for c in ("DCEBFA", "E3F4E1", "FFF3CD", "F8DCDC") if c in styles}
    assert len(fills) == 4  # engaging, user_generated, educational, advertising


@pytest.mark.parametrize("target", ["xlsx", "csv"])
@pytest.mark.parametrize("name", ["coffee-lab-december.yaml", "kolosok-bakery-ru.yaml", "taskwise-b2b-q1.yaml"])
def test_round_trip_import_of_our_own_export_gives_back_the_same_plan(tmp_path, target, name):
    source = check_path(str(PLANS / name))
    done = export.build(source, targets.get(target), include_all=True, now=MOMENT,
                        options=targets.Options(plan=source.plan, brand=source.plan.brand))
    path = tmp_path / f"plan.{target}"
    data = next(iter(done.files.values()))
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    back = import_table(read_table(str(path)))
    assert not back.problems
    from smmplan.sheets.commands import plan_text

    again = check_bytes(plan_text(back, str(path), None).encode("utf-8"), "back.yaml").plan
    expected = [info.post.model_dump() for info in source.posts if info.status != "cancelled"]
    assert [p.model_dump() for p in again.posts] == expected
    if target == "xlsx":  # the workbook keeps the plan's settings too
        assert (again.brand, again.language, again.formula) == (source.plan.brand, source.plan.language,
                                                               source.plan.formula)


def test_round_trip_through_the_installed_commands(tmp_path):
    out = tmp_path / "coffee.xlsx"
    r = run_cli("export", str(PLANS / "coffee-lab-december.yaml"), "--to", "xlsx", "--all", "-o", str(out))
    assert r.returncode == 0, r.stdout + r.stderr
    r = run_cli("import", str(out), "-o", str(tmp_path / "back.yaml"))
    assert r.returncode == 0, r.stdout + r.stderr
    a, b = check_path(str(PLANS / "coffee-lab-december.yaml")).plan, check_path(str(tmp_path / "back.yaml")).plan
    assert [p.model_dump() for p in a.posts if p.status != "cancelled"] == [p.model_dump() for p in b.posts]


def test_exports_never_overwrite_and_refuse_plans_with_errors(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    (tmp_path / "plan.ics").write_text("mine", encoding="utf-8")
    r = run_cli("export", str(plan), "--to", "ics", "--no-check")
    assert r.returncode == 2 and b"exists; give --force" in r.stderr
    assert (tmp_path / "plan.ics").read_text(encoding="utf-8") == "mine"
    assert run_cli("export", str(plan), "--to", "ics", "--force", "--no-check").returncode == 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(PLAN + "tactics: [Buy 1000 followers for the launch]\n", encoding="utf-8")
    r = run_cli("export", str(bad), "--to", "csv")
    assert r.returncode == 1 and b"Nothing exported: " in r.stdout and not (tmp_path / "bad.csv").exists()
    assert run_cli("export", str(bad), "--to", "csv", "--no-check").returncode == 0
    assert run_cli("export", str(plan), "--to", "pdf").returncode == 2


def test_posts_without_a_time_are_all_day_events_and_the_default_zone_is_the_machines(monkeypatch):
    import icalendar

    from smmplan.sheets import zones

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    zones.machine_zone.cache_clear()
    try:
        plan = "posts:\n  - {date: 2026-12-07, type: engaging, title: A, status: approved}\n" \
               "  - {date: 2026-12-08, time: '09:00', type: engaging, title: B, status: approved}\n"
        events = icalendar.Calendar.from_ical(build(plan, "ics").files["plan.ics"]).walk("VEVENT")
        assert events[0].decoded("DTSTART") == dt.date(2026, 12, 7)
        assert "TZID=Asia/Tokyo" in events[1].to_ical().decode()
    finally:
        zones.machine_zone.cache_clear()


def test_channels_are_matched_whatever_the_plan_calls_them():
    plan = PLAN.replace("channel: instagram", "channel: Инстаграм").replace("channel: telegram",
                                                                           "channel: Google Business")
    done = build(plan, "metricool")
    assert not done.blockers, done.blockers
    rows = list(csv.DictReader(io.StringIO(done.files["plan.csv"])))
    assert [(r["Instagram"], r["GMB"]) for r in rows] == [("TRUE", "FALSE"), ("FALSE", "TRUE")]
    tg = build(PLAN.replace("channel: telegram", "channel: тг"), "postiz",
               options=targets.Options(integrations={"Telegram": "tg-1"}))
    assert json.loads(tg.files["plan.json"])[1]["posts"][0]["integration"] == {"id": "tg-1"}
