"""Russian for the platform, rubric and workflow rules, `channels`, `rubrics`, `import` and `export` (issue 18).

Each area is shown in Russian by `--lang ru`, by a plan's `language: ru` and by a Russian locale
(LANG=ru_RU.UTF-8), and in English by `--lang en` (which beats the other two). Findings of the
FLOW, PLT and RUB families are checked one by one: a Russian phrase present, the English one absent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

import pytest

from smmplan import networks, rules
from smmplan.config import Settings
from smmplan.locale import _, speaking
from smmplan.sheets import export
from smmplan.sheets.importer import RowProblem
from smmplan.engine import check_bytes
from tests.conftest import check_text, run_cli

PLAN = """\
brand: Coffee Lab
start: 2026-12-01
weeks: 4
channels: [vk, telegram, instagram]
slots:
  vk: Tue–Fri 10:00–12:00
rubrics:
  - {name: Polls, type: engaging, per_month: 8, ideas: [Coffee or tea?]}
occasions:
  - {date: 12-15, name: Shop birthday}
posts:
  - {date: 2026-12-01, channel: vk, type: engaging, title: Poll, status: aproved}
  - {date: 2026-12-02, time: '19:00', channel: vk, rubric: Polls, title: Anna, status: review}
  - {date: 2026-12-04, channel: telegram, media: reel, type: engaging, title: Behind the bar}
  - {date: 2026-12-05, channel: instagram, media: image, type: educational, title: Tags, text: '#a #b #c #d #e #f', status: published}
  - {date: 2026-12-06, channel: vk, rubric: Pols, title: Typo}
"""

# code -> (a phrase of its Russian message, the English message's phrase in the same place)
EXPECTED = {
    "FLOW001": ("У поста 2026-12-01 «Poll» статус `aproved`, такого статуса нет. Возможно, имелось в виду `approved`?",
                'Post 2026-12-01 "Poll" has status `aproved`, which is not a status. Did you mean `approved`?'),
    "FLOW002": ("Пост 2026-12-02 «Anna» выходит сегодня, а его статус — `review` (на согласовании), он не согласован.",
                'Post 2026-12-02 "Anna" goes out today and its status is `review`, not approved'),
    "FLOW005": ("в статусе `published` (опубликован), но нет `permalink`", "is `published` but has no `permalink`"),
    "PLT009": ("ср, 2 дек., 19:00 — вне слотов канала vk: вт–пт 10:00–12:00.",
               "Wed 02 Dec at 19:00 is outside the slots of vk: Tue–Fri 10:00–12:00."),
    "PLT007": ("В Telegram нет постов формата `reel`", "Telegram has no reel posts"),
    "PLT005": ("6 хештегов, а Instagram принимает в посте не больше 5.", "6 hashtags; Instagram takes at most 5 in a post."),
    "RUB001": ("Рубрики «Pols» нет в плане (рубрики: «Polls»). Может быть, «Polls»?",
               "Rubric «Pols» is not one of the plan's rubrics («Polls»). Did you mean «Polls»?"),
    "RUB006": ("Рубрике «Polls» нужно постов за период плана: 8; запланировано: 1, неиспользованных идей: 1. "
               "Не хватает: 6.", "Rubric «Polls» needs 8 posts over the plan's period; it has 1 planned and 1 unused "
               "idea: 6 short."),
    "RUB007": ("вт, 15 дек. 2026 г.: «Shop birthday» (ваш инфоповод)", "Tue 15 Dec 2026: Shop birthday (your occasion)"),
}
FAMILIES = ("FLOW", "PLT", "RUB")
CYRILLIC = re.compile("[а-яё]", re.I)
# the environment of a run whose locale says nothing of the language, and of one that says Russian
NEUTRAL = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
RUSSIAN = {"LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}


def _messages(out: str) -> dict[str, list[str]]:
    """code -> messages, from `--format concise` lines (`path:line:col: CODE message`)."""
    found: dict[str, list[str]] = {}
    for line in out.splitlines():
        m = re.match(r"^.+?:\d+:\d+: ([A-Z]+\d+) (.*)$", line)
        if m:
            found.setdefault(m[1], []).append(m[2])
    return found


def _assert_said(found: dict[str, list[str]], russian: bool) -> None:
    """Each expected finding says its phrase in the language, never the other language's; every
    FLOW, PLT and RUB message is in Cyrillic in Russian and has none in English."""
    for code, phrases in EXPECTED.items():
        said = "\n".join(found.get(code, []))
        wanted, other = phrases if russian else reversed(phrases)
        assert wanted in said, f"{code}: {said!r}"
        assert other not in said
    mine = [m for code, ms in found.items() if code.startswith(FAMILIES) for m in ms]
    assert mine and all(bool(CYRILLIC.search(m)) == russian for m in mine), mine


def _assert_russian(found: dict[str, list[str]]) -> None:
    _assert_said(found, russian=True)


def _assert_english(found: dict[str, list[str]]) -> None:
    _assert_said(found, russian=False)


# --- the installed command ------------------------------------------------------------------


@pytest.mark.parametrize(("how", "plan", "args", "env"), [
    ("--lang ru", PLAN, ["--lang", "ru"], NEUTRAL),
    ("language: ru", "language: ru\n" + PLAN, [], NEUTRAL),
    ("LANG=ru_RU.UTF-8", PLAN, [], RUSSIAN),
])
def test_check_speaks_russian(tmp_path, how, plan, args, env):
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    run = run_cli("check", str(path), "--format", "concise", "--as-of", "2026-12-02", *args, env=env)
    assert run.returncode == 1, run.stderr
    _assert_russian(_messages(run.stdout.decode()))


@pytest.mark.parametrize(("plan", "env"), [(PLAN, NEUTRAL), ("language: ru\n" + PLAN, RUSSIAN)])
def test_check_in_english_with_lang_en(tmp_path, plan, env):
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    run = run_cli("check", str(path), "--format", "concise", "--as-of", "2026-12-02", "--lang", "en", env=env)
    _assert_english(_messages(run.stdout.decode()))


def test_machine_formats_keep_codes_with_russian_messages(tmp_path):
    import json

    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    run = run_cli("check", str(path), "--format", "json", "--as-of", "2026-12-02", "--lang", "ru", env=NEUTRAL)
    findings = json.loads(run.stdout)["findings"]
    plt = next(f for f in findings if f["code"] == "PLT007")
    assert (plt["name"], plt["severity"], plt["where"]) == ("post-kind", "error", "posts[2].media")
    assert "формата `reel`" in plt["message"] and CYRILLIC.search(plt["fix"])
    flow = next(f for f in findings if f["code"] == "FLOW002")
    assert flow["data"]["status"] == "review"  # data stays as codes


def _rubrics_run(tmp_path, plan, args, env):
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    return run_cli("rubrics", str(path), "--as-of", "2026-12-01", *args, env=env)


@pytest.mark.parametrize(("plan", "args", "env"), [
    (PLAN, ["--lang", "ru"], NEUTRAL), ("language: ru\n" + PLAN, [], NEUTRAL), (PLAN, [], RUSSIAN),
])
def test_rubrics_table_in_russian(tmp_path, plan, args, env):
    run = _rubrics_run(tmp_path, plan, args, env)
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert re.search(r"рубрика\s+тип\s+постов\s+план\s+идеи\s+следующий", out), out
    assert "1–28 дек." in out and "2 дек." in out and "вовлекающий" in out
    assert "идеи: не использовано / всего в банке" in out
    assert "ideas: unused" not in out and "next" not in out


def test_rubrics_table_in_english_with_lang_en(tmp_path):
    run = _rubrics_run(tmp_path, "language: ru\n" + PLAN, ["--lang", "en"], RUSSIAN)
    out = run.stdout.decode()
    assert re.search(r"rubric\s+type\s+posts\s+target\s+ideas\s+next", out), out
    assert "2026-12-01 → 2026-12-28" in out and "02 Dec" in out and "engaging" in out
    assert not CYRILLIC.search(out)


@pytest.mark.parametrize(("args", "env"), [(["--lang", "ru"], NEUTRAL), ([], RUSSIAN)])
def test_channels_table_in_russian(args, env):
    out = run_cli("channels", *args, env=env).stdout.decode()
    assert re.search(r"соцсеть\s+как ещё пишут\s+ограничения\s+форматы", out), out
    assert "текст 2\u00a0200" in out and "5 хештегов" in out and "50 постов в день" in out
    assert "ссылки не кликабельны" in out and "links" not in out
    assert "Источники и даты проверки" in out


def test_channels_table_in_english_with_lang_en():
    out = run_cli("channels", "--lang", "en", env=RUSSIAN).stdout.decode()
    assert "text 2,200" in out and "5 hashtags" in out and "50 posts a day" in out and "links not clickable" in out
    assert "Sources and dates" in out and "соцсеть" not in out


SHEET = "Дата;Площадка;Тип;Заголовок\n07.12.2026;ВК;вовлекающий;Опрос\n32.12.2026;ВК;обучающий;Гайд\n"


@pytest.mark.parametrize(("args", "env"), [(["--lang", "ru"], NEUTRAL), ([], RUSSIAN)])
def test_import_names_unreadable_rows_in_russian(tmp_path, args, env):
    sheet = tmp_path / "plan.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    run = run_cli("import", str(sheet), *args, env=env, cwd=tmp_path)
    out = run.stdout.decode()
    assert run.returncode == 1
    assert "Прочитан файл" in out and "под ним 2 строки" in out
    assert "Не удаётся прочитать 1 строку:" in out
    assert "строка 3, столбец Дата (A): `32.12.2026`: smmplan не может прочитать это как дату" in out
    assert "Ничего не записано: потерялась бы 1 строка." in out and "(1 пост)" in out
    assert "cannot be read" not in out and not (tmp_path / "plan.yaml").exists()
    run = run_cli("import", str(sheet), "--partial", *args, env=env, cwd=tmp_path)
    assert "Записан файл" in run.stdout.decode() and "1 пост из 2 строк; 1 строка пропущена (--partial)." in \
        run.stdout.decode()


def test_import_in_english_with_lang_en(tmp_path):
    sheet = tmp_path / "plan.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    out = run_cli("import", str(sheet), "--lang", "en", env=RUSSIAN, cwd=tmp_path).stdout.decode()
    assert "1 row cannot be read:" in out and "row 3, column Дата (A): `32.12.2026`: not a date smmplan can read" in out
    assert "Nothing written: 1 row would be lost. Fix it in the sheet" in out
    assert "строка" not in out


EXPORT_PLAN = """\
brand: Coffee Lab
posts:
  - {date: 2030-12-01, channel: instagram, type: engaging, title: Poll, text: Coffee or tea?, status: approved, approved_by: Maria}
  - {date: 2030-12-02, channel: vk, type: engaging, title: Quiz, status: draft}
"""


@pytest.mark.parametrize(("plan", "args", "env"), [
    (EXPORT_PLAN, ["--lang", "ru"], NEUTRAL), ("language: ru\n" + EXPORT_PLAN, [], NEUTRAL), (EXPORT_PLAN, [], RUSSIAN),
])
def test_export_refusal_in_russian(tmp_path, plan, args, env):
    path = tmp_path / "plan.yaml"
    path.write_text(plan, encoding="utf-8")
    run = run_cli("export", str(path), "--to", "buffer", "--now", "2030-11-01T10:00", "--no-check", *args, env=env)
    out = run.stdout.decode()
    assert run.returncode == 1
    assert "Не выгружен 1 пост (не согласован и не запланирован: черновик 1)" in out
    assert "Ничего не выгружено: Buffer откажет из-за 1 проблемы:" in out
    assert "2030-12-01 instagram «Poll»: нет времени; Buffer ставит посты на конкретное время" in out
    assert "Nothing exported" not in out and not list(tmp_path.glob("plan-buffer*"))


def test_export_in_english_with_lang_en(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("language: ru\n" + EXPORT_PLAN, encoding="utf-8")
    out = run_cli("export", str(path), "--to", "buffer", "--now", "2030-11-01T10:00", "--no-check", "--lang", "en",
                  env=RUSSIAN).stdout.decode()
    assert "Left out 1 post (not approved or scheduled: draft 1)" in out
    assert "Nothing exported: Buffer would refuse this:" in out
    assert '2030-12-01 instagram "Poll": no time; Buffer schedules posts at a time of day' in out
    assert not CYRILLIC.search(out)


def test_export_done_in_russian(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(EXPORT_PLAN, encoding="utf-8")
    run = run_cli("export", str(path), "--to", "csv", "--no-check", "--lang", "ru", env=NEUTRAL)
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert f"Выгружен 1 пост для CSV: {tmp_path / 'plan.csv'}" in out
    header = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("Date,Time,Channel,Type")  # the file's columns are the format's, in every language


# --- in-process -------------------------------------------------------------------------------


def _by_code(result) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in result.findings:
        found.setdefault(f.code, []).append(f.message.replace("\u202f", " "))  # as the reports print it
    return found


def test_in_process_the_plan_language_and_the_setting():
    settings = Settings(as_of=dt.date(2026, 12, 2))
    _assert_russian(_by_code(check_text("language: ru\n" + PLAN, settings, dedent=False)))
    _assert_english(_by_code(check_text("language: ru\n" + PLAN, Settings(as_of=dt.date(2026, 12, 2), lang="en"),
                                        dedent=False)))
    _assert_russian(_by_code(check_text(PLAN, Settings(as_of=dt.date(2026, 12, 2), lang="ru"), dedent=False)))


def test_every_rule_doc_of_these_families_has_its_russian():
    mine = [r for r in rules.registry().values() if r.family in FAMILIES]
    assert len(mine) == 26
    with speaking("en"):
        english = [(r.code, text) for r in mine for text in (r.summary, r.what, r.why, r.fix)]
    with speaking("ru"):
        for code, text in english:
            said = _(text)
            assert said != text and CYRILLIC.search(said), (code, text)


def test_russian_plurals_and_numbers():
    long_text = "x" * 4200
    plan = ("language: ru\nposts:\n"
            f"  - {{date: 2026-12-01, channel: telegram, type: engaging, title: Long, text: {long_text}}}\n"
            "  - {date: 2026-12-01, channel: vk, type: engaging, title: A, text: 'Sale! #sale'}\n"
            "  - {date: 2026-12-02, channel: vk, type: engaging, title: B, text: 'sale #winter'}\n"
            "  - {date: 2026-12-06, channel: vk, type: engaging, title: C, text: 'SALE'}\n")
    found = _by_code(check_text(plan, Settings(), dedent=False))
    assert "В тексте 4\u00a0200 символов, а Telegram принимает не больше 4\u00a0096." in found["PLT003"]
    assert any("за 1 день до этого" in m for m in found["PLT008"])
    assert any("за 4 дня до этого" in m for m in found["PLT008"])


def test_slot_errors_and_slots_in_russian():
    with speaking("ru"):
        with pytest.raises(networks.SlotError, match="`Tuesday at ten` — не слот публикации"):
            networks.parse_slot("Tuesday at ten")
        assert str(networks.parse_slot("daily 18:00-20:00")) == "ежедневно 18:00–20:00"
        assert str(networks.parse_slot("Mon-Fri 10-12")) == "пн–пт 10:00–12:00"
    assert str(networks.parse_slot("ежедневно 18:00-20:00")) == "daily 18:00–20:00"
    assert str(networks.parse_slot("пн-пт 10-12")) == "Mon–Fri 10:00–12:00"


def test_left_out_and_row_problems_in_russian():
    left = Counter({"draft": 2, "review": 3, "`aproved`": 1})
    with speaking("ru"):
        text = export.left_out_text(left, include_all=False)
        assert text.startswith("Не выгружено 6 постов (не согласованы и не запланированы: на согласовании 3, черновик 2, "
                               "`aproved` 1)")
        assert export.left_out_text(Counter({"cancelled": 21}), include_all=True) == "Не выгружен 21 отменённый пост."
        assert str(RowProblem(4, "Date (A)", "x", "y")) == "строка 4, столбец Date (A): `x`: y"
    assert export.left_out_text(Counter({"cancelled": 2}), include_all=True) == "Left out 2 cancelled posts."
    assert str(RowProblem(4, "Date (A)", "x", "y")) == "row 4, column Date (A): `x`: y"


def test_the_clients_workbook_in_russian_reads_back_to_the_same_posts(tmp_path):
    """The workbook's headers are Russian in Russian; `smmplan import` maps them back to the same fields."""
    import zipfile

    from smmplan.engine import check_path
    from smmplan.model import post_dict
    from smmplan.sheets import targets
    from smmplan.sheets.commands import plan_text
    from smmplan.sheets.importer import import_table
    from smmplan.sheets.read import read_table
    from tests.conftest import PLANS

    source = check_path(str(PLANS / "kolosok-bakery-ru.yaml"))
    with speaking("ru"):
        done = export.build(source, targets.get("xlsx"), include_all=True,
                            options=targets.Options(plan=source.plan, brand=source.plan.brand))
    path = tmp_path / "plan.xlsx"
    path.write_bytes(next(iter(done.files.values())))
    with zipfile.ZipFile(path) as z:
        strings = z.read("xl/sharedStrings.xml").decode()
        book = z.read("xl/workbook.xml").decode()
    assert all(f"<t>{h}</t>" in strings for h in ("Дата", "Рубрика", "Кто согласовал", "Дата согласования", "Параметр"))
    assert "<t>Date</t>" not in strings and "<t>Rubric</t>" not in strings and 'name="Posts"' in book
    back = import_table(read_table(str(path)))
    assert not back.problems and not back.unmapped
    again = check_bytes(plan_text(back, str(path), None).encode("utf-8"), "back.yaml").plan
    assert [post_dict(p) for p in again.posts] == [post_dict(i.post) for i in source.posts if i.status != "cancelled"]
    assert (again.brand, again.language) == (source.plan.brand, source.plan.language)


def test_the_calendar_in_russian():
    from smmplan.sheets import targets

    source = check_bytes(EXPORT_PLAN.encode(), "plan.yaml")

    def calendar() -> str:
        done = export.build(source, targets.get("ics"), options=targets.Options(brand="Coffee Lab"))
        return next(iter(done.files.values())).replace("\r\n ", "")

    with speaking("ru"):
        russian = calendar()
    english = calendar()
    assert "X-WR-CALNAME:Контент-план Coffee Lab" in russian
    assert "Канал: instagram\\nТип: вовлекающий\\nСтатус: согласован" in russian
    assert "X-WR-CALNAME:Coffee Lab content plan" in english
    assert "Channel: instagram\\nType: engaging\\nStatus: approved" in english
