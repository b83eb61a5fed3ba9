"""Issue 18 for the command line: help, usage errors, messages and `suggest` in Russian.

The language is `--lang` (anywhere on the line), else the config's `lang`, else the plan's
`language:`, else the locale (`LANG=ru_RU.UTF-8`), else English; English is typer's own
help and errors, unchanged. Each Russian check also asserts the English it replaces is gone.
"""

from __future__ import annotations

import contextvars
import json
import sys

import pytest
import typer
from typer.testing import CliRunner

from smmplan import cli
from smmplan.locale import speaking
from tests.conftest import PLANS, run_cli

RU_ENV = {"LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
EN_ENV = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
COMMANDS = [info.name or info.callback.__name__ for info in cli.app.registered_commands]


def flat(text: str | bytes) -> str:
    """Output with its line wrapping undone: a sentence is found whatever the width."""
    if isinstance(text, bytes):
        text = text.decode()
    return " ".join(text.split())


def english_help(command: str | None) -> list[str]:
    """Every English help text a command's help page shows: its own, its parameters', click's words."""
    group = typer.main.get_command(cli.app)
    cmd = group.commands[command] if command else group
    texts = [cmd.help, *(p.help for p in cmd.params if p.help)]
    if command is None:
        texts += [c.help.split("\n")[0] for c in group.commands.values()]
    return [flat(t) for t in texts] + ["Show this message and exit.", "Usage:", "Options:", "Arguments:",
                                       "Commands:", "[default:", "[OPTIONS]"]


def assert_russian_help(output: str | bytes, command: str | None) -> None:
    text = flat(output)
    for word in ("Использование: smmplan", "Параметры:", "Показать эту справку и выйти."):
        assert word in text, (word, text[:300])
    # a text is left in English if it is there whole, or its first 30 characters are (wrapping
    # undone); the export targets' list starts with names the user types, the same in Russian
    left = [t for t in english_help(command) if t in text or (t[:30] in text and not t.startswith("buffer, "))]
    assert not left, f"English left in the Russian help of {command or 'smmplan'}: {left}"


# --- help -------------------------------------------------------------------------------


def test_help_in_russian_through_the_installed_command():
    for args, env in ((["--lang", "ru", "--help"], EN_ENV), (["check", "-h", "--lang", "ru"], EN_ENV),
                      (["suggest", "--help"], RU_ENV), (["--lang=ru", "rule", "-h"], EN_ENV)):
        proc = run_cli(*args, env=env)
        assert proc.returncode == 0, proc.stderr
        command = next((a for a in args if a in COMMANDS), None)
        assert_russian_help(proc.stdout, command)
    root = flat(run_cli("--lang", "ru", "-h", env=EN_ENV).stdout)
    assert "Команды:" in root and "КОМАНДА [АРГУМЕНТЫ]..." in root
    assert "Проверить контент-планы по контентной формуле" in root  # a command's short help
    check = flat(run_cli("check", "-h", "--lang", "ru", env=EN_ENV).stdout)
    assert "Аргументы:" in check and "[по умолчанию: auto]" in check and "Код выхода: 0" in check


def test_help_in_english_is_typers_own():
    for env in (EN_ENV, RU_ENV):
        text = flat(run_cli("check", "--help", "--lang", "en", env=env).stdout)
        assert text.startswith("Usage: smmplan check [OPTIONS] [PATH]...")
        assert "Show this message and exit." in text and "[default: auto]" in text
        assert "Check plans against the content formula and report what to change." in text
        assert "Использование" not in text and "Параметры" not in text


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_page_in_russian_in_process(command):
    args = [command, "--help"] if command else ["--help"]
    with speaking("ru"):
        result = CliRunner().invoke(cli.app, args, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert_russian_help(result.stdout, command)
    # the command objects keep their English: the next English help is as ever
    english = CliRunner().invoke(cli.app, args, env={"COLUMNS": "120"})
    assert "Show this message and exit." in english.stdout and "Использование" not in english.stdout


# --- usage errors -----------------------------------------------------------------------

USAGE_ERRORS = [
    (["check", "--foo"], "Нет такого параметра: --foo", "No such option: --foo"),
    (["check", "--formt", "x"], "(похожие: --format", "(Possible options: --format"),
    (["check", "--format"], "Параметру `--format` нужно значение.", "Option '--format' requires an argument."),
    (["check", "--strict=3"], "Параметр `--strict` не принимает значения.", "does not take a value"),
    (["suggest", "--weeks", "abc"], "Недопустимое значение `--weeks` / `-w`: нужно целое число",
     "Invalid value for '--weeks'"),
    (["suggest", "-n", "1.5", "--weeks", "2"], "нужно целое число", "Input should be"),
    (["check", "--max-file-size", "big"], "Недопустимое значение `--max-file-size`: нужно число", "Invalid value"),
    (["rule"], "Не указан аргумент `CODE|NAME`.", "Missing argument"),
    (["export", "plan.yaml"], "Не указан параметр `--to` / `-t`.", "Missing option"),
    (["chek"], "Нет команды `chek`. Может быть, `check`", "No such command"),
    (["rule", "a", "b"], "Лишние аргументы: b.", "Got unexpected extra argument"),
]


@pytest.mark.parametrize(("args", "russian", "english"), USAGE_ERRORS)
def test_usage_errors_in_russian(args, russian, english):
    proc = run_cli("--lang", "ru", *args, env=EN_ENV)
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Ошибка: " in err and russian in err and english not in err
    if args[-1] not in ("--format", "--strict=3"):  # typer's parser says these without the usage line
        assert "Использование: smmplan" in err and "Справка: `smmplan" in err
    assert "Usage:" not in err and "Error:" not in err and "Try '" not in err


def test_usage_errors_in_english_are_typers_own():
    proc = run_cli("check", "--foo", env=RU_ENV | {"LANG": "en_US.UTF-8"})
    assert proc.returncode == 2
    assert proc.stderr.decode() == ("Usage: smmplan check [OPTIONS] [PATH]...\nTry 'smmplan check -h' for help.\n\n"
                                    "Error: No such option: --foo (Possible options: --color, --fix, --format)\n")


def test_no_command_shows_the_russian_help_and_exits_2():
    proc = run_cli(env=RU_ENV)
    assert proc.returncode == 2
    assert_russian_help(proc.stderr, None)


# --- messages of the command line and of suggest ------------------------------------------


def test_cli_messages_in_russian(tmp_path):
    missing = run_cli("--lang", "ru", "check", str(tmp_path / "nope.yaml"), env=EN_ENV)
    assert missing.returncode == 2
    assert "нет такого файла или папки" in missing.stderr.decode()
    assert "no such file" not in missing.stderr.decode()
    fmt = run_cli("check", "--format", "xml", env=RU_ENV)
    assert "smmplan: неизвестный формат `xml`; выберите один из: text, json, concise" in fmt.stderr.decode()
    color = run_cli("rules", "--color", "pink", "--lang", "ru", env=EN_ENV)
    assert color.stderr.decode() == "smmplan: --color принимает auto, always или never, а не `pink`.\n"
    lang = run_cli("--lang", "de", "check", env=RU_ENV)
    assert lang.returncode == 2 and "--lang принимает en или ru, а не `de`." in lang.stderr.decode()
    unwritable = run_cli("--lang", "ru", "schema", "-o", str(tmp_path / "no" / "dir" / "s.json"), env=EN_ENV)
    assert unwritable.returncode == 2
    assert "не удаётся записать" in unwritable.stderr.decode() and "нет такого файла или папки" in unwritable.stderr.decode()
    page = tmp_path / "page.html"
    made = run_cli("--lang", "ru", "page", str(PLANS / "coffee-lab-december.yaml"), "-o", str(page), env=EN_ENV)
    assert made.stderr.decode() == f"smmplan: страница записана в {page} (20 постов; 0 ошибок, 0 предупреждений)\n"
    again = run_cli("page", str(PLANS / "coffee-lab-december.yaml"), "-o", str(page), env=EN_ENV)
    assert again.stderr.decode() == f"smmplan: replaced {page} (20 posts; 0 errors, 0 warnings)\n"
    english = run_cli("--lang", "en", "check", "--format", "xml", env=RU_ENV)
    assert "smmplan: unknown format `xml`; choose one of: text, json, concise" in english.stderr.decode()


def test_rule_docs_commands_in_russian():
    rule = flat(run_cli("--lang", "ru", "rule", "MIX001", env=EN_ENV).stdout)
    for words in ("(по умолчанию: ошибка)", "Что проверяет", "Зачем", "План, на котором правило срабатывает",
                  "Как исправить", "Заглушить на одной строке: `# smmplan: ignore[MIX001]`"):
        assert words in rule, words
    for words in ("by default", "What it checks", "A plan that triggers it", "Silence it"):
        assert words not in rule, words
    rules = run_cli("rules", env=RU_ENV).stdout.decode()
    assert rules.split()[:4] == ["код", "имя", "уровень", "что"] and "ошибка" in rules
    formulas = flat(run_cli("--lang", "ru", "formulas", env=EN_ENV).stdout)
    assert "формула доли что это" in formulas and "golden (по умолчанию)" in formulas
    assert "вовлекающий 40 %" in formulas and "engaging 40" not in formulas
    missing = run_cli("--lang", "ru", "rule", "MIX01", env=EN_ENV).stderr.decode()
    assert "правила `MIX01` нет. Может быть, `MIX001`?" in missing
    english = flat(run_cli("--lang", "en", "rule", "MIX001", env=RU_ENV).stdout)
    assert "(error by default)" in english and "What it checks" in english


def test_suggest_speaks_the_plans_language_and_the_lang_option(tmp_path):
    ru_plan = PLANS / "kolosok-bakery-ru.yaml"  # `language: ru`, already balanced
    assert run_cli("suggest", str(ru_plan), env=EN_ENV).stdout.decode().endswith(
        "баланс контента уже в норме; менять нечего.\n")
    assert run_cli("suggest", str(ru_plan), "--lang", "en", env=RU_ENV).stdout.decode().endswith(
        "the mix already passes; nothing to change.\n")
    en_plan = PLANS / "coffee-lab-december.yaml"  # `language: en`: beats the locale, not --lang
    assert "the mix already passes" in run_cli("suggest", str(en_plan), env=RU_ENV).stdout.decode()
    assert "баланс контента уже в норме" in run_cli("--lang", "ru", "suggest", str(en_plan), env=EN_ENV).stdout.decode()
    clash = run_cli("suggest", str(ru_plan), "--weeks", "2", "--retype-only", env=EN_ENV)
    assert clash.returncode == 2
    assert "--retype-only и --add-only относятся к выравниванию плана PLAN" in clash.stderr.decode()


def test_suggest_rebalancing_lines_in_russian(tmp_path):
    from tests.conftest import typed_plan

    head, posts = typed_plan("kolosok-bakery-ru.yaml").split("\nposts:\n", 1)
    path = tmp_path / "ru.yaml"
    path.write_text(head + "\nposts:\n" + posts.replace("type: вовлекающий", "type: рекламный", 3), encoding="utf-8")
    proc = run_cli("suggest", str(path), env=EN_ENV)
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert ": сменить тип: 3 поста (самые малые правки" in out
    assert "  строка " in out and "рекламный -> вовлекающий  (уже опубликован)" in out
    assert "retype" not in out and "line " not in out and "already published" not in out
    added = run_cli("suggest", str(path), "--add-only", "-o", str(tmp_path / "new.yaml"), env=EN_ENV)
    assert "добавить " in added.stdout.decode() and "(минимум, при котором баланс в норме" in added.stdout.decode()
    assert added.stderr.decode() == f"smmplan: записан файл {tmp_path / 'new.yaml'}\n"


@pytest.mark.parametrize(("args", "env", "russian"), [
    (["--lang", "ru"], EN_ENV, True),
    ([], RU_ENV, True),
    (["--language", "ru"], EN_ENV, True),  # --language: the written plan's language, and so the one spoken
    (["--lang", "en"], RU_ENV, False),
    ([], EN_ENV, False),
])
def test_suggest_writes_and_says_in_the_chosen_language(args, env, russian):
    proc = run_cli("suggest", "--weeks", "1", "-n", "3", "--start", "2026-12-07", *args, env=env)
    assert proc.returncode == 0, proc.stderr
    plan, said = proc.stdout.decode(), proc.stderr.decode()
    if russian:
        assert "# Составлено smmplan suggest: 1 неделя с 2026-12-07, 3 поста в неделю." in plan
        assert "# ЗАПОЛНИТЬ: `brand` и `goals` (ищите ЗАПОЛНИТЬ)" in plan and "language: ru" in plan
        assert "description: 'ЗАПОЛНИТЬ: цель своими словами клиента" in plan
        assert said == ("smmplan: не указаны --brand и --goal: в бренде и целях плана стоит ЗАПОЛНИТЬ; впишите то, "
                        "что согласовали с клиентом.\n")
    else:
        assert "# Generated by smmplan suggest: 1 week from 2026-12-07, 3 posts a week." in plan
        assert "language: en" in plan and "FILL IN: brand name" in plan
        assert said == ("smmplan: no --brand or --goal given: the plan's brand and goals say FILL IN; put in what the "
                        "client agreed.\n")


def test_written_plan_language_and_spoken_language_apart():
    """--language sets the written plan; --lang what smmplan says about it."""
    proc = run_cli("suggest", "--weeks", "1", "--language", "ru", "--lang", "en", "--brand", "Колосок",
                   "--goal", "traffic", env=EN_ENV)
    assert proc.returncode == 0, proc.stderr
    assert "# Составлено smmplan suggest" in proc.stdout.decode()
    assert "description: Переходы на сайт из постов" in proc.stdout.decode()
    bad = run_cli("suggest", "--weeks", "0", "--language", "ru", "--lang", "en", env=EN_ENV)
    assert bad.stderr.decode() == "smmplan: --weeks takes 1 to 520 weeks, not 0.\n"


def test_suggest_in_process_in_russian(tmp_path):
    from smmplan.commands.suggest import change_lines, rebalance_file

    sug = rebalance_file((PLANS / "kolosok-bakery-ru.yaml").read_bytes(), "ru.yaml")
    with speaking("ru"):
        assert change_lines(sug) == ["ru.yaml: баланс контента уже в норме; менять нечего."]
    assert change_lines(sug) == ["ru.yaml: the mix already passes; nothing to change."]


def test_internal_error_line_in_russian(monkeypatch, capsys):
    """The last line of defence speaks the user's language too (cli.main, in-process)."""

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_app_for", lambda args: broken)  # the app a run is given
    for argv, expected in ((["smmplan", "--lang", "ru", "check"],
                            "smmplan: внутренняя ошибка: RuntimeError: boom. Это ошибка в smmplan; запустите с "
                            "--debug, чтобы увидеть трассировку.\n"),
                           (["smmplan", "--lang", "en", "check"],
                            "smmplan: internal error: RuntimeError: boom. This is a bug in smmplan; rerun with "
                            "--debug for the traceback.\n")):
        monkeypatch.setattr(sys, "argv", argv)
        with pytest.raises(SystemExit) as stop:
            contextvars.copy_context().run(cli.main)  # main makes the language current: kept inside
        assert stop.value.code == 2
        assert capsys.readouterr().err == expected


def test_rules_json_keeps_codes_and_keys():
    en = json.loads(run_cli("rules", "--format", "json", "--lang", "en").stdout)
    ru = json.loads(run_cli("rules", "--format", "json", "--lang", "ru").stdout)
    assert [(r["code"], r["name"], r["severity"], sorted(r)) for r in en] == \
           [(r["code"], r["name"], r["severity"], sorted(r)) for r in ru]
