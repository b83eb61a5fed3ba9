"""`smmplan import`: readers, header mapping, column-wide date decisions, rows never dropped."""

from __future__ import annotations

import datetime as dt
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.sheets import dates
from smmplan.sheets.importer import ImportError_, import_table
from smmplan.sheets.read import SheetError, read_csv_bytes, read_table
from smmplan.sheets.safe import neutralise
from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "sheets"


def table(text: str, encoding: str = "utf-8"):
    return read_csv_bytes(text.encode(encoding), "sheet.csv")


@pytest.mark.parametrize("value, order, expected", [
    ("2026-12-07", None, (2026, 12, 7, None)),
    ("07.12.2026", dates.DMY, (2026, 12, 7, None)),
    ("12/07/2026", dates.MDY, (2026, 12, 7, None)),
    ("12/07/2026", dates.DMY, (2026, 7, 12, None)),
    ("7.12.26", dates.DMY, (2026, 12, 7, None)),
    ("7 декабря", None, (None, 12, 7, None)),
    ("7 декабря 2026 г.", None, (2026, 12, 7, None)),
    ("пн, 7 декабря", None, (None, 12, 7, None)),
    ("Dec 7", None, (None, 12, 7, None)),
    ("Mon, Dec 7th", None, (None, 12, 7, None)),
    ("December 7, 2026", None, (2026, 12, 7, None)),
    ("7-Dec-2026", None, (2026, 12, 7, None)),
    ("46363", None, (2026, 12, 7, None)),  # an Excel serial number
    (46363.75, None, (2026, 12, 7, dt.time(18, 0))),
    ("07.12.2026 19:00", dates.DMY, (2026, 12, 7, dt.time(19, 0))),
    (dt.date(2026, 12, 7), None, (2026, 12, 7, None)),
    ("31.02.2026", dates.DMY, None), ("hello", None, None), ("1234", None, None), ("7 smarch", None, None),
])
def test_read_date_forms(value, order, expected):
    assert dates.read_date(value, order) == expected


@pytest.mark.parametrize("value, expected", [
    ("19:00", dt.time(19)), ("19.00", dt.time(19)), ("7pm", dt.time(19)), ("7:30 PM", dt.time(19, 30)),
    ("7 p.m.", dt.time(19)), ("12am", dt.time(0)), ("12 PM", dt.time(12)), (0.75, dt.time(18)),
    (dt.time(9, 5), dt.time(9, 5)), (dt.timedelta(hours=19, minutes=30), dt.time(19, 30)), ("7", None), ("25:00", None), ("13pm", None), ("soon", None),
])
def test_read_time_forms(value, expected):
    assert dates.read_time(value) == expected


def test_day_or_month_first_is_decided_by_the_whole_column_never_per_cell():
    rows = "Date,Type,Title\n03/04/2026,engaging,A\n04/13/2026,educational,B\n"
    got = import_table(table(rows))
    assert [p["date"] for p in got.posts] == [dt.date(2026, 3, 4), dt.date(2026, 4, 13)]  # 13 decides: MM/DD
    assert any("MM/DD" in d for d in got.decisions)
    rows = "Date,Type,Title\n03/04/2026,engaging,A\n13/04/2026,educational,B\n"
    assert [p["date"] for p in import_table(table(rows)).posts] == [dt.date(2026, 4, 3), dt.date(2026, 4, 13)]
    ambiguous = "Date,Type,Title\n03/04/2026,engaging,A\n04/05/2026,educational,B\n"
    with pytest.raises(ImportError_, match="--date-format"):
        import_table(table(ambiguous))
    assert import_table(table(ambiguous), date_format="MM/DD/YYYY").posts[0]["date"] == dt.date(2026, 3, 4)
    assert import_table(table(ambiguous.replace("/", "."))).posts[0]["date"] == dt.date(2026, 4, 3)  # dots: DD.MM
    with pytest.raises(ImportError_, match="mixes"):
        import_table(table("Date,Type,Title\n13/04/2026,engaging,A\n04/13/2026,educational,B\n"))


def test_dates_without_a_year_take_the_columns_year_and_roll_over_new_year():
    rows = "Дата,Тип,Тема\n28 декабря 2026,engaging,A\n30 декабря,educational,B\n3 января,ugc,C\nJan 5,ad,D\n"
    got = import_table(table(rows))
    assert [p["date"] for p in got.posts] == [dt.date(2026, 12, 28), dt.date(2026, 12, 30), dt.date(2027, 1, 3),
                                             dt.date(2027, 1, 5)]
    lone = import_table(table("Date,Type,Title\nDec 7,engaging,A\n"), today=dt.date(2031, 5, 1))
    assert lone.posts[0]["date"] == dt.date(2031, 12, 7) and "this year" in lone.decisions[0]
    assert import_table(table("Date,Type,Title\nDec 7,engaging,A\n"), year=2027).posts[0]["date"].year == 2027


def test_english_template_columns_header_below_a_title_row_and_multiline_captions():
    got = import_table(read_table(str(DATA / "studio-weekly-plan.csv")))
    assert got.header_row == 2
    assert {k: got.headers[v] for k, v in got.mapping.items()} == {
        "date": "Date", "channel": "Platform", "type": "Content Type", "status": "Status", "title": "Hook/Title",
        "text": "Full Caption", "link": "Link", "time": "Publish Time (HH:MM AM/PM)", "notes": "Notes",
        "approved_by": "Review By", "approved": "Approved (Yes/No)", "media": "Media Type"}
    assert got.unmapped == ["Week", "Day", "Theme", "Hashtags", "CTA"]
    first = got.posts[0]
    assert first["date"] == dt.date(2026, 12, 7) and first["time"] == "07:30" and first["channel"] == "instagram"
    assert first["text"] == "Knees track over toes.\nChest up.\nBrace before you go down."
    assert first["status"] == "approved" and first["approved_by"] == "Kate"  # Approved: Yes, Review By: Kate
    offer = next(p for p in got.posts if p["title"].startswith("December trial"))
    assert offer["status"] == "In review"  # Approved: No leaves the status as written
    kept = import_table(read_table(str(DATA / "studio-weekly-plan.csv")), keep_unmapped=True)
    assert "Hashtags: #squat #form" in kept.posts[0]["notes"] and "CTA: Save for later" in kept.posts[0]["notes"]
    assert first["media"] == "Reel"


def test_russian_sheets_in_cp1251_with_semicolons_and_utf8_bom_with_tabs():
    cp = read_table(str(DATA / "pekarnya-plan-cp1251.csv"))
    bom = read_table(str(DATA / "pekarnya-plan-utf8-bom.csv"))
    assert (cp.encoding, cp.delimiter, bom.encoding, bom.delimiter) == ("cp1251", ";", "utf-8-sig", "\t")
    a, b = import_table(cp), import_table(bom)
    assert [p["title"] for p in a.posts] == [p["title"] for p in b.posts]
    # `ВК, Телеграм` is one post on each channel
    assert [(p["date"], p["channel"]) for p in a.posts[:3]] == [
        (dt.date(2026, 12, 7), "vk"), (dt.date(2026, 12, 7), "telegram"), (dt.date(2026, 12, 8), "vk")]
    assert a.posts[0]["owner"] == "Ирина" and a.posts[0]["type"] == "Вовлечение"
    assert [p.get("time") for p in b.posts[:3]] == ["19:00", "19:00", "10:00"]  # `19.00`
    assert [(p.row, p.column) for p in a.problems] == [(7, "Дата публикации (A)")]  # the idea without a date


def test_workbooks_xlsx_and_ods_give_dates_and_times_from_their_cells():
    x = import_table(read_table(str(DATA / "studio-weekly-plan.xlsx")))
    assert x.table.sheet == "December" and x.header_row == 3
    assert [(p["date"], p["time"]) for p in x.posts[:2]] == [(dt.date(2026, 12, 7), "07:30"),
                                                            (dt.date(2026, 12, 8), "12:00")]
    assert x.posts == import_table(read_table(str(DATA / "studio-weekly-plan.csv"))).posts
    o = import_table(read_table(str(DATA / "pekarnya-plan.ods")))
    assert o.posts == import_table(read_table(str(DATA / "pekarnya-plan-cp1251.csv"))).posts
    assert o.posts[0]["text"] == "Что испечь к выходным?\nГолосуйте в комментариях!"


def test_map_overrides_and_unknown_fields():
    rows = "Когда,Куда,Что,Заголовок\n07.12.2026,VK,engaging,A\n"
    got = import_table(table(rows), overrides={"когда": "date", "куда": "channel", "что": "type"})
    assert got.posts == [{"date": dt.date(2026, 12, 7), "channel": "vk", "type": "engaging", "title": "A"}]
    r = run_cli("import", str(DATA / "bad-rows.csv"), "--map", "Date=when", "-o", "-")
    assert r.returncode == 2 and b"unknown field `when`" in r.stderr


def test_a_missing_reader_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "python_calamine", None)
    with pytest.raises(SheetError, match=r"pip install 'smmplan\[sheets\]'"):
        read_table(str(DATA / "pekarnya-plan.ods"))


def test_rows_that_cannot_be_read_are_named_and_nothing_is_written_without_partial(tmp_path):
    out = tmp_path / "plan.yaml"
    r = run_cli("import", str(DATA / "bad-rows.csv"), "-o", str(out))
    text = r.stdout.decode()
    assert r.returncode == 1 and not out.exists()
    assert "row 3, column Date (A): `32.13.2026`: not a date" in text
    assert "row 4, column Time (B): `25:99`: not a time" in text
    assert "row 5, column Type (D): ``: no content type" in text
    assert "Nothing written: 3 rows would be lost" in text
    r = run_cli("import", str(DATA / "bad-rows.csv"), "-o", str(out), "--partial")
    assert r.returncode == 1 and "3 rows left out (--partial)" in r.stdout.decode()
    plan = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert [p["title"] for p in plan["posts"]] == ["A good row", "Another good row"]
    assert "Checked " in r.stdout.decode()  # the new plan is checked like any plan


def test_import_writes_a_checked_plan_and_never_overwrites(tmp_path):
    out = tmp_path / "studio.yaml"
    r = run_cli("import", str(DATA / "studio-weekly-plan.xlsx"), "-o", str(out), "--brand", "Studio")
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode().splitlines()
    assert lines[-1].startswith(f"Checked {out}: ") and "Wrote" in r.stdout.decode()
    check = run_cli("check", str(out), "--format", "json")
    assert check.returncode in (0, 1) and b'"brand": "Studio"' in check.stdout
    before = out.read_bytes()
    again = run_cli("import", str(DATA / "studio-weekly-plan.xlsx"), "-o", str(out))
    assert again.returncode == 2 and b"exists; give --force" in again.stderr and out.read_bytes() == before
    assert run_cli("import", str(DATA / "studio-weekly-plan.xlsx"), "-o", str(out), "--force").returncode == 0


def test_neutralise():
    written = ("=1+1", "+7 900", "-5", "@a", "\tx", "\rx", "ok", "", "'=x", "'plain", "a=b")
    assert [neutralise(c) for c in written] == [
        "'=1+1", "'+7 900", "'-5", "'@a", "'\tx", "'\rx", "ok", "", "''=x", "'plain", "a=b"]
    from smmplan.sheets.importer import text_of

    assert [text_of(neutralise(c)) for c in written] == list(written)  # removing one quote gives it back
    # a neutralised cell reads back as its author wrote it
    got = import_table(table("Date,Type,Title\n2026-12-07,engaging,'=HYPERLINK(1)\n2026-12-08,ad,'plain\n"))
    assert [p["title"] for p in got.posts] == ["=HYPERLINK(1)", "'plain"]


CELLS = st.one_of(st.sampled_from(["", "2026-12-07", "07.12.2026", "Dec 7", "7 декабря", "46363", "19:00", "7pm",
                                   "VK, Telegram", "engaging", "ugc", "Approved", "да", "нет", "=1+1", "'-x"]),
                  st.text(max_size=12))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(CELLS, min_size=6, max_size=6), min_size=1, max_size=8))
def test_every_row_becomes_posts_or_named_problems_never_nothing(rows):
    header = ["Date", "Time", "Platform", "Type", "Title", "Approved"]
    t = read_csv_bytes("\n".join(",".join(f'"{c}"' for c in r) for r in [header, *[
        [c.replace('"', "'") for c in row] for row in rows]]).encode("utf-8"), "fuzz.csv")
    try:
        got = import_table(t, date_format="DD/MM/YYYY", year=2026)
    except ImportError_:
        return  # a sheet-wide refusal (no header row found) names its reason
    body = [n for n, cells in got.table.rows if n > got.header_row and any(str(c).strip() for c in cells)]
    named = {p.row for p in got.problems}
    assert named <= set(body)
    assert not named & set(got.skipped)
    assert len(body) - len(named) - len(got.skipped) <= len(got.posts)  # every other row gave a post or more


def test_a_workbook_whose_first_sheet_is_instructions_is_read_from_the_sheet_with_the_plan(tmp_path):
    import xlsxwriter

    path = tmp_path / "template.xlsx"
    book = xlsxwriter.Workbook(str(path))
    book.add_worksheet("How to use").write_string(0, 0, "Fill in one row per post. Statuses: Draft, Approved.")
    plan = book.add_worksheet("Calendar")
    for r, row in enumerate([["Date", "Platform", "Type", "Topic"], ["2026-12-07", "VK", "engaging", "Poll"]]):
        plan.write_row(r, 0, row)
    book.close()
    r = run_cli("import", str(path), "-o", "-")
    assert r.returncode == 0, r.stderr
    assert b"sheet `Calendar`" in r.stderr and yaml.safe_load(r.stdout)["posts"][0]["title"] == "Poll"
    r = run_cli("import", str(path), "--sheet", "How to use", "-o", "-")
    assert r.returncode == 2 and b"no header row" in r.stderr


def test_heading_rows_are_skipped_by_name_not_in_silence():
    rows = "Week,Date,Type,Title\nWeek 1,,,\n1,07.12.2026,engaging,A\nWeek 2,,,\n2,14.12.2026,ugc,B\n"
    got = import_table(table(rows))
    assert [p["title"] for p in got.posts] == ["A", "B"] and not got.problems
    assert got.skipped == [2, 4]


def test_a_second_column_with_the_same_header_is_listed_and_kept_once():
    rows = "Date,Type,Title,Notes,Notes\n07.12.2026,engaging,A,first,second\n"
    got = import_table(table(rows), keep_unmapped=True)
    assert got.unmapped == ["Notes"] and got.posts[0]["notes"] == "first\nNotes: second"


def test_rubrika_is_the_type_unless_a_type_column_is_there_then_it_is_the_rubric():
    only = import_table(table("Дата;Рубрика;Тема\n07.12.2026;Полезное;A\n"))
    assert only.posts[0]["type"] == "Полезное" and "rubric" not in only.posts[0]
    both = import_table(table("Дата;Тип;Рубрика;Тема\n07.12.2026;обучающий;Хлеб и наука;A\n"))
    assert (both.posts[0]["type"], both.posts[0]["rubric"]) == ("обучающий", "Хлеб и наука")
    assert both.unmapped == []
    pillar = import_table(table("Date,Content Pillar,Title\n2026-12-07,Behind the scenes,A\n"))
    assert pillar.posts[0] == {"date": dt.date(2026, 12, 7), "rubric": "Behind the scenes", "title": "A"}
