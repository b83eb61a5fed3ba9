"""Russian for the plan file itself (issue 18): the loader's problems with the file (syntax, encoding,
limits), dates and times, the plan model's and the config's errors, `check --fix`/`--diff`, the formulas.

Each language is asked for the way users ask: `--lang ru`, the plan's `language: ru`, `LANG=ru_RU.UTF-8`
in the environment; `--lang en` (or nothing) keeps the English word for word.
"""

from __future__ import annotations

import datetime as dt

import pytest

from smmplan import config, dates, formulas, loader
from smmplan.locale import speaking
from tests.conftest import check_text, run_cli

BROKEN = 'brand: Кофейня\nposts:\n  - date: 2026-12-07\n    type: engaging\n    title: "Открытие\n'
DATED = """\
brand: Кофейня
{language}posts:
  - date: 07.12.2026
    type: engaging
    title: Открытие
  - date: 2026-02-30
    type: engaging
    title: Конкурс
  - date: 03/04/2026
    time: 7pm
    type: engaging
    title: Опрос
"""
# an environment that names no language: the locale decides only where a test sets it
NEUTRAL = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}


def _messages(result) -> str:
    return "\n".join(f"{f.message} | {f.fix}" for f in result.findings)


# --- in-process -----------------------------------------------------------------------


def test_the_loaders_problems_speak_russian():
    with speaking("ru"):
        doc = loader.load(BROKEN.encode())
    (problem,) = doc.problems
    assert problem.code == "PLAN001" and (problem.line, problem.column) == (5, 12)
    assert "кавычка `\"`, открытая здесь, не закрыта" in problem.message
    assert "Закройте кавычку" in problem.fix
    assert "quote" not in problem.message + problem.fix
    with speaking("en"):
        (english,) = loader.load(BROKEN.encode()).problems
    assert english.message == ('This is not valid YAML: the quote `"` opened here is never closed: '
                               "the file ends at line 6, column 1 inside it.")


def test_the_parsers_own_words_stay_quoted_in_russian():
    with speaking("ru"):
        (problem,) = loader.load(b"posts:\n  - date: 2026-12-07\n    title: a: b\n").problems
    assert problem.message.startswith("Ошибка в синтаксисе YAML, парсер сообщает: «mapping values are not allowed")
    assert problem.message.endswith("».")
    assert "в кавычки" in problem.fix


@pytest.mark.parametrize(("data", "russian"), [
    (b"\xff\xfea", "не корректный UTF-16"),
    (b"brand: a\x00", "NUL-байты"),
    (b"brand: \xe9t\xe9\n", "байт 0xe9 в строке 1 не читается"),
    (b"", "Файл пуст"),
    (b"- a\n- b\n", "На верхнем уровне файла — список"),
    (b"brand: !!python/object x\n", "Тег `!!python/object` не допускается"),
    (b"brand: a\n---\nbrand: b\n", "несколько YAML-документов"),
    (b"brand: a\nbrand: b\n", "Ключ `brand` повторяется: он уже задан в строке 1"),
    (b"a: &x [1]\nb: *y\n", "нет якоря"),
    (b"[" * 70 + b"]" * 70, "вложены глубже 64 уровней"),
])
def test_every_kind_of_file_problem_speaks_russian(data, russian):
    with speaking("ru"):
        doc = loader.load(data)
    text = " ".join(f"{p.message} {p.fix}" for p in doc.problems)
    assert russian in text, text
    assert not any(word in text for word in (" the ", "The file", "Remove", "Save"))


def test_the_size_limit_in_russian():
    with speaking("ru"):
        (problem,) = loader.load(b"x" * 10, max_bytes=1048576, size=7 * 524288).problems
    assert problem.code == "PLAN011"
    assert problem.message == "Файл весит 3,5 МБ — больше предела в 1,0 МБ (max-file-size)."
    (english,) = loader.load(b"x" * 10, max_bytes=1048576, size=7 * 524288).problems
    assert english.message == "The file is 3.5 MiB, over the 1.0 MiB limit (max-file-size)."
    with speaking("ru"):
        assert loader.thousands(1_000_000) == "1\u00a0000\u00a0000"
    assert loader.thousands(1_000_000) == "1,000,000"


def test_dates_advice_in_russian_and_english():
    wrong = dates.read_date("2026-02-30")
    assert dates.advice(wrong, "date") == "`2026-02-30`: February 2026 has no day 30"
    with speaking("ru"):
        assert dates.advice(dates.read_date("2026-02-30"), "date") == "`2026-02-30`: 30 февраля 2026 — такого дня нет"
        assert dates.advice(dates.read_date("07.12.2026"), "date") == "`07.12.2026`: напишите `2026-12-07`"
        ambiguous = dates.advice(dates.read_date("03/04/2026"), "date")
        assert "3 апреля 2026" in ambiguous and "4 марта 2026" in ambiguous and "(сначала день)" in ambiguous
        assert "smmplan не может прочитать это как время" in dates.advice(dates.read_time("полдень"), "time")
        assert "год записан двумя цифрами" in dates.advice(dates.read_date("07.12.26"), "date")
    assert "3 April 2026 (day first)" in dates.advice(dates.read_date("03/04/2026"), "date")


def test_config_errors_in_russian():
    with speaking("ru"), pytest.raises(config.ConfigError) as caught:
        config.parse_config({"tolerance": 500}, ".smmplan.yaml")
    assert str(caught.value) == ".smmplan.yaml: `tolerance`: нужно число процентных пунктов от 0 до 100, а не 500"
    with speaking("ru"), pytest.raises(config.ConfigError) as caught:
        config.parse_config({"tolerence": 5}, ".smmplan.yaml")
    assert "такой настройки нет; может быть, `tolerance`?" in str(caught.value)
    with pytest.raises(config.ConfigError) as caught:
        config.parse_config({"tolerance": 500}, ".smmplan.yaml")
    assert str(caught.value) == ".smmplan.yaml: `tolerance` must be a number of percentage points from 0 to 100, not 500"


def test_formula_errors_and_descriptions_in_russian():
    with speaking("ru"), pytest.raises(formulas.FormulaError) as caught:
        formulas.resolve({"engaging": "0.5", "educational": "0.5"})
    assert "Похоже, это доли единицы" in str(caught.value) and "`engaging: 50`" in str(caught.value)
    with speaking("ru"), pytest.raises(formulas.FormulaError) as caught:
        formulas.resolve("goldn")
    assert str(caught.value).startswith("Неизвестная формула `goldn`. Может быть, `golden`?")
    golden = formulas.PRESETS["golden"]
    assert golden.description.startswith("The agency's golden formula")
    with speaking("ru"):
        assert golden.description.startswith("Золотая формула агентства")
        assert all(not f.description.isascii() for f in formulas.PRESETS.values())


def test_plan_model_errors_follow_the_plans_language():
    text = "language: ru\ntimezone: Moscow\nposts:\n  - date: 2026-12-07\n    title: без типа\n"
    found = _messages(check_text(text, dedent=False))
    assert "не часовой пояс IANA" in found and "у поста должен быть `type`" in found
    english = _messages(check_text(text.replace("language: ru", "language: en"), dedent=False))
    assert "is not an IANA time zone" in english and "a post needs a `type`" in english


def test_a_russian_date_reads_the_months_in_russian():
    with speaking("ru"):
        assert dates._spoken(dt.date(2026, 4, 3)) == "3 апреля 2026\u202fг."
    assert dates._spoken(dt.date(2026, 4, 3)) == "3 April 2026"


# --- the installed command ------------------------------------------------------------


@pytest.mark.parametrize(("how", "env"), [
    ("--lang", NEUTRAL),
    ("language", NEUTRAL),
    ("LANG", {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}),
])
def test_the_installed_command_speaks_russian(tmp_path, how, env):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DATED.format(language="language: ru\n" if how == "language" else ""), encoding="utf-8")
    args = ["check", str(plan), "--format", "concise"] + (["--lang", "ru"] if how == "--lang" else [])
    out = run_cli(*args, env=env).stdout.decode()
    assert "`07.12.2026`: напишите `2026-12-07`" in out
    assert "30 февраля 2026 — такого дня нет" in out
    assert "можно прочитать двояко: 3 апреля 2026" in out
    assert "`7pm`: напишите `19:00`" in out
    assert "has no day" not in out and "is ambiguous" not in out and ": write `" not in out


def test_lang_en_beats_the_plan_and_the_locale(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DATED.format(language="language: ru\n"), encoding="utf-8")
    env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}
    out = run_cli("check", str(plan), "--format", "concise", "--lang", "en", env=env).stdout.decode()
    assert "`07.12.2026`: write `2026-12-07`" in out
    assert "`2026-02-30`: February 2026 has no day 30" in out
    assert "`03/04/2026` is ambiguous: 3 April 2026 (day first) or 4 March 2026 (month first)" in out
    assert "напишите" not in out and "февраля" not in out


@pytest.mark.parametrize(("args", "env"), [
    (["--lang", "ru"], NEUTRAL),
    ([], {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"}),
])
def test_a_broken_file_in_russian_from_the_command(tmp_path, args, env):
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(BROKEN.encode())
    done = run_cli("check", str(plan), "--format", "json", *args, env=env)
    assert done.returncode == 1
    import json

    (finding,) = json.loads(done.stdout)["findings"]
    assert finding["code"] == "PLAN001"  # codes and keys stay as they are
    assert "кавычка `\"`, открытая здесь, не закрыта" in finding["message"]
    assert "Закройте кавычку" in finding["fix"]


def test_fix_and_diff_speak_the_plans_language(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DATED.format(language="language: ru\n"), encoding="utf-8")
    diff = run_cli("check", "--diff", str(plan), env=NEUTRAL)
    assert "smmplan: будет исправлено 2 значения в 1 файле." in diff.stderr.decode()
    fixed = run_cli("check", "--fix", str(plan), "--format", "concise", env=NEUTRAL).stderr.decode()
    assert "исправлено: " in fixed and "`07.12.2026` → `2026-12-07` (дата)" in fixed
    assert "`7pm` → `19:00` (время)" in fixed
    assert "smmplan: исправлено 2 значения в 1 файле." in fixed
    assert "fixed" not in fixed
    again = run_cli("check", "--diff", str(plan), "--lang", "en", env=NEUTRAL).stderr.decode()
    assert "smmplan: nothing to fix." in again


def test_fix_in_english_with_lang_en(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(DATED.format(language="language: ru\n"), encoding="utf-8")
    fixed = run_cli("check", "--fix", str(plan), "--lang", "en", env=NEUTRAL).stderr.decode()
    assert "`07.12.2026` → `2026-12-07` (date)" in fixed and "smmplan: fixed 2 values in 1 file." in fixed
    assert "исправлено" not in fixed


def test_config_errors_and_formulas_from_the_command(tmp_path):
    (tmp_path / ".smmplan.yaml").write_text("tolerance: 500\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(DATED.format(language=""), encoding="utf-8")
    ru = run_cli("check", "plan.yaml", cwd=tmp_path, env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "ru_RU.UTF-8"})
    assert ru.returncode == 2
    assert "`tolerance`: нужно число процентных пунктов от 0 до 100, а не 500" in ru.stderr.decode()
    en = run_cli("check", "plan.yaml", "--lang", "en", cwd=tmp_path, env=NEUTRAL)
    assert "`tolerance` must be a number of percentage points from 0 to 100, not 500" in en.stderr.decode()
    listed = run_cli("formulas", "--lang", "ru", env=NEUTRAL).stdout.decode()
    assert "Золотая формула агентства" in listed and "Парето: 80 % пользы" in listed
    assert "The agency's golden formula" in run_cli("formulas", "--lang", "en", env=NEUTRAL).stdout.decode()


def test_a_broken_plan_that_says_language_ru_is_told_in_russian():
    """The plan's `language:` is read before the file is parsed, so a file that does not parse
    is still told in its own language."""
    text = "language: ru\n" + BROKEN
    found = _messages(check_text(text, dedent=False))
    assert "Ошибка в синтаксисе YAML: кавычка" in found and "not valid YAML" not in found
    english = _messages(check_text(text.replace("language: ru", "language: en"), dedent=False))
    assert "This is not valid YAML: the quote" in english and "кавычка" not in english


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_the_declared_language_is_read_in_every_encoding_a_plan_may_have(codec):
    data = "brand: x\nlanguage: ru\nposts: []\n".encode(codec)
    assert loader.declared_language(data) == "ru"
    assert loader.declared_language("brand: x\nposts: []\n".encode(codec)) is None
