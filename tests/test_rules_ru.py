"""Issue 18 for the rule families PLAN, SMM, MIX, BAN, KPI: their docs, findings and fixes in Russian.

The language comes from `--lang`, the plan's `language:` or the locale (LANG); `--lang en` keeps the
English. Each test names Russian words that must appear and the English ones that must not, so a
message that falls back to English fails here.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from smmplan import locale
from smmplan.config import Settings
from smmplan.locale import speaking
from smmplan.rules import registry

from .conftest import check_text, run_cli

# One plan that trips a rule of each family this test covers.
PLAN = """\
brand: Coffee Lab
{language}goals:
  - kind: traffic
    kpis:
      - {{metric: followers_growth, target: 500}}
  - kind: support
posts:
  - {{date: 2026-12-01, channel: vk, type: advertising, title: Sale, link: "https://x.ru/a?utm_source=vk"}}
  - {{date: 2026-12-02, channel: vk, type: advertising, title: New menu}}
  - {{date: 2026-12-03, type: advertising, title: Buy 5000 followers for the launch}}
  - {{date: 2026-12-04, type: user_generated, title: Guest photo}}  # smmplan: ignore[BAN009]
  - {{date: 2026-12-05, type: educatonal, title: How to brew}}  # smmplan: ignore[MIX004]
  - {{date: 2026-12-09, type: engaging, title: Guest photo}}
  - {{date: 2026-12-10, type: educational, title: "Скидка 20% на абонемент, цена 990 руб", tittle: x}}
"""

# (Russian that must be there, the English it replaces) for each family
EXPECTED = [
    ("MIX001", "Слишком много постов типа «рекламный»: 3 из 6 (50 %)", "Too many advertising"),
    ("MIX002", "Неделя 1 (1–7 дек.), 4 поста", "In week 1"),
    ("MIX003", "Два поста типа «рекламный» подряд в канале vk", "Two advertising posts in a row"),
    ("MIX004", "Такой же заголовок, как у поста на строке", "The same title as"),
    ("MIX005", "Заявлен тип «обучающий», а читается как «рекламный»", "Declared educational"),
    ("BAN001", "Купленная аудитория: `Buy 5000 followers` (покупка: `Buy` + аудитория: `followers`)",
     "Bought audience:"),
    ("SMM003", "План сам скрывает здесь своё замечание BAN009 ugc-without-author, чем: "
     "`# smmplan: ignore[BAN009]` на строке", "The plan silences its own"),
    ("KPI002", "Цель «трафик» измеряется только метрикой `followers_growth`", "goal is measured only by"),
    ("KPI005", "не указано, откуда берётся цифра", "does not say where its figure is read"),
    ("KPI008", "В ссылке поста `Sale` нет utm_medium, utm_campaign", "The link of `Sale` lacks"),
    ("KPI010", "Цель по поддержке должна обещать время первого ответа", "A support goal must promise"),
    ("PLAN005", "Неизвестный ключ `tittle` в посте. Может быть, `title`?", "Unknown key `tittle` in a post"),
    ("PLAN007", "Тип поста `educatonal` не входит в категории формулы «golden»", "is not a category of the"),
    ("SMM002", "`MIX004` здесь скрыто, но замечаний `MIX004` на этой строке нет", "is suppressed here but no"),
]
FIXES_RU = ["Уберите это. Растите аудиторию контентом", "Разметьте ссылку:", "Используйте `title`."]


def plan(language: str = "") -> str:
    return PLAN.format(language=f"language: {language}\n" if language else "")


def _findings(stdout: bytes) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for f in json.loads(stdout)["findings"]:
        out.setdefault(f["code"], []).append(f)
    return out


def _assert_russian(findings: dict[str, list[dict]]) -> None:
    for code, russian, english in EXPECTED:
        messages = " | ".join(f["message"] for f in findings.get(code, ()))
        assert russian in messages, (code, messages)
        assert english not in messages, (code, messages)
    fixes = " | ".join(f["fix"] or "" for fs in findings.values() for f in fs)
    for russian in FIXES_RU:
        assert russian in fixes


def _assert_english(findings: dict[str, list[dict]]) -> None:
    for code, russian, english in EXPECTED:
        messages = " | ".join(f["message"] for f in findings.get(code, ()))
        assert english in messages, (code, messages)
        assert russian not in messages


@pytest.fixture
def plan_file(write_plan):
    return write_plan(plan())


def test_lang_ru_option_speaks_russian(plan_file):
    r = run_cli("check", str(plan_file), "--format", "json", "--lang", "ru", "--as-of", "2026-12-02")
    assert r.returncode == 1, r.stderr
    found = _findings(r.stdout)
    _assert_russian(found)
    # codes, names and severities stay as they are in a machine format
    assert found["BAN001"][0]["name"] == "bought-audience" and found["BAN001"][0]["severity"] == "error"


def test_lang_en_option_keeps_english(write_plan):
    path = write_plan(plan("ru"))  # the option beats the plan's language
    r = run_cli("check", str(path), "--format", "json", "--lang", "en", "--as-of", "2026-12-02")
    _assert_english(_findings(r.stdout))


def test_plans_language_ru(write_plan):
    path = write_plan(plan("ru"))
    r = run_cli("check", str(path), "--format", "json", "--as-of", "2026-12-02", env={"LANG": "en_US.UTF-8",
                                                                                      "LC_ALL": "", "LC_MESSAGES": ""})
    _assert_russian(_findings(r.stdout))


def test_locale_ru(plan_file):
    r = run_cli("check", str(plan_file), "--format", "json", "--as-of", "2026-12-02",
                env={"LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    _assert_russian(_findings(r.stdout))
    r = run_cli("check", str(plan_file), "--format", "json", "--as-of", "2026-12-02",
                env={"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""})
    _assert_english(_findings(r.stdout))


def test_text_report_russian(plan_file):
    r = run_cli("check", str(plan_file), "--lang", "ru", "--as-of", "2026-12-02")
    out = r.stdout.decode()
    assert "Купленная аудитория" in out and "Слишком много постов типа «рекламный»" in out
    assert "Bought audience" not in out and "Too many advertising" not in out


def test_rule_docs_in_russian_from_the_command():
    r = run_cli("rule", "BAN004", "--lang", "ru")
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr
    assert "Фейковые отзывы." in out and "просите отзывы у настоящих клиентов" in out
    assert "Fake reviews or testimonials." not in out
    assert "tactics:\n  - Write reviews for the client on Yandex Maps" in out  # the example is plan YAML, as written
    r = run_cli("rules", "--lang", "ru")
    out = r.stdout.decode()
    assert "Два рекламных поста подряд в одном канале." in out and "В плане нет целей." in out
    assert "Two advertising posts in a row on one channel." not in out
    r = run_cli("rule", "MIX003", "--lang", "en")
    assert "Two advertising posts in a row on one channel." in r.stdout.decode()


def test_sarif_rule_descriptions_follow_the_language(plan_file):
    r = run_cli("check", str(plan_file), "--format", "sarif", "--lang", "ru", "--as-of", "2026-12-02")
    rules = {d["id"]: d for d in json.loads(r.stdout)["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["MIX003"]["shortDescription"]["text"] == "Два рекламных поста подряд в одном канале."
    assert rules["MIX003"]["name"] == "back-to-back-ads"


# --- in-process ---------------------------------------------------------------------------

FAMILIES = ("PLAN", "SMM", "MIX", "BAN", "KPI")


@pytest.mark.parametrize("code", [c for c in registry() if c.startswith(FAMILIES)])
def test_every_rule_doc_has_its_russian(code):
    rule = registry()[code]
    for field in ("summary", "what", "why", "fix"):
        english = rule.english(field)
        assert getattr(rule, field) == english  # English: the text as written
        with speaking("ru"):
            russian = getattr(rule, field)
        assert russian != english and any("а" <= ch <= "я" for ch in russian.lower()), (code, field, russian)
    with speaking("ru"):
        assert rule.title == rule.summary and rule.code == code and rule.example == rule.english("example")


def test_rule_cache_keeps_no_language():
    """The registry is cached; its rules translate when read, so a later language is not stuck."""
    rule = registry()["MIX004"]
    with speaking("ru"):
        assert rule.summary.startswith("Один и тот же заголовок")
    assert rule.summary == "The same title or text appears twice."
    with speaking("ru"):
        assert registry()["MIX004"].summary.startswith("Один и тот же заголовок")


def test_in_process_check_speaks_the_plans_language():
    ru = check_text(plan("ru"), Settings(as_of=dt.date(2026, 12, 2)))
    assert ru.language == "ru"
    messages = " ".join(f.message for f in ru.findings)
    assert "Купленная аудитория" in messages and "Bought audience" not in messages
    en = check_text(plan(), Settings(as_of=dt.date(2026, 12, 2)))
    assert "Bought audience" in " ".join(f.message for f in en.findings)
    assert not any(f.code == "SMM001" for f in ru.findings)
    assert [f.code for f in ru.findings] == [f.code for f in en.findings]  # the same findings, said in Russian
    # what silenced a finding is said in the plan's language too
    assert [s.finding.code for s in ru.suppressed] == ["BAN009"]
    assert ru.suppressed[0].by.how == "`# smmplan: ignore[BAN009]` на строке 12"
    assert "не указано, чей это контент" in ru.suppressed[0].finding.message


def test_russian_plural_forms_in_messages():
    """1 пост, 2 поста, 5 постов: the week's counts and the allowed split agree with their number."""
    text = "language: ru\nposts:\n" + "".join(
        f"  - {{date: 2026-12-{d:02d}, type: {t}, title: Post {d}}}\n"
        for d, t in enumerate(["advertising"] * 5 + ["engaging"] * 2 + ["educational"] * 1
                              + ["engaging"] * 6 + ["user_generated"] * 5 + ["educational"] * 1, start=1))
    result = check_text(text, dedent=False)
    weekly = " ".join(f.message for f in result.findings if f.code == "MIX002")
    assert "«рекламный»: 5 постов" in weekly and "Неделя 1 (1–7 дек.), 7 постов" in weekly, weekly
    from smmplan.locale import ngettext

    with speaking("ru"):
        said = [ngettext("{n} post {category} (ideal {ideal})", "{n} posts {category} (ideal {ideal})", n).format(
            n=n, category="x", ideal=1) for n in (1, 2, 5, 21)]
    assert said == ["«x»: 1 пост (в идеале 1)", "«x»: 2 поста (в идеале 1)", "«x»: 5 постов (в идеале 1)",
                    "«x»: 21 пост (в идеале 1)"]


def test_honesty_data_texts_have_russian():
    """The lexicon's categories and policies (smmplan/data/honesty.yaml) come through the catalogue."""
    from smmplan.rules.honesty import lexicon

    lex = lexicon()
    texts = [t for c in lex.categories.values() for t in (c.title, c.why, c.fix)] + list(lex.policies.values())
    assert len(texts) >= 20
    with speaking("ru"):
        missing = [t for t in texts if locale._(t) == t]
    assert not missing, missing


def test_datafiles_extractor_finds_the_shown_texts():
    from smmplan.locale import catalogues

    messages = catalogues.extract()
    data = [m for m in messages.values() if m.places and m.places[0][0] == "data/honesty.yaml"]
    assert "Bought audience" in {m.id for m in data}
    assert all(m.area == "data.honesty.yaml" for m in data)
    # vocabulary is never extracted: role words and kinds are matched, not shown
    assert "paid_ads" not in messages and "накрутка" not in messages


def test_english_numbers_unchanged_russian_numbers_local():
    from smmplan.findings import number

    assert number(1200.5, ",.1f") == "1,200.5"
    with speaking("ru"):
        assert number(1200.5, ",.1f") == "1\u00a0200,5"
        assert number(0.5) == "0,5"


def test_plan_format_messages_in_russian():
    """PLAN005/PLAN006 as the engine words them: pydantic's English is replaced by ours in Russian."""
    text = ("language: ru\nweeks: many\ngoals:\n  - kind: traffic\n    kpis: 5\n"
            "posts:\n  - {date: 2026-12-01, type: engaging, title: [a, b], sponsored: maybe, chanel: vk}\n")
    said = {(f.code, f.message, f.fix) for f in check_text(text, dedent=False).findings if f.code.startswith("PLAN")}
    assert ("PLAN006", "`weeks` — `many`: нужно целое число.", "Напишите целое число недель, например 4.") in said
    assert ("PLAN006", "`goals[0].kpis` — `5`: нужен список.", "Исправьте значение, как сказано в сообщении.") in said
    assert ("PLAN006", "`posts[0].sponsored` — `maybe`: нужно yes или no.", "Напишите yes или no.") in said
    assert ("PLAN005", "Неизвестный ключ `chanel` в посте. Может быть, `channel`?", "Используйте `channel`.") in said
    english = {(f.code, f.message) for f in check_text(text.replace("language: ru", "language: en"),
                                                        dedent=False).findings}
    assert ("PLAN006", "`weeks` is `many`: input should be a valid integer, unable to parse string as an integer."
            ) in english


def test_a_utf16_plans_language_is_read_too():
    """`language: ru` in a UTF-16 file (with its BOM) chooses Russian as it does in UTF-8."""
    from smmplan.engine import check_bytes

    text = "language: ru\nposts: []\n"
    for data in (text.encode("utf-8"), text.encode("utf-16"), text.encode("utf-16-be").join([b"\xfe\xff", b""])):
        result = check_bytes(data, "plan.yaml")
        assert result.language == "ru"
        assert [f.message for f in result.findings if f.code == "PLAN014"] == [
            "В плане нет постов: контент-микс проверять не на чем."]


def test_a_rule_copies_and_pickles_as_itself():
    import copy
    import pickle

    rule = registry()["BAN003"]
    for clone in (pickle.loads(pickle.dumps(rule)), copy.deepcopy(rule), copy.copy(rule)):
        assert clone == rule and hash(clone) == hash(rule)
        with speaking("ru"):
            assert clone.summary == rule.summary != rule.english("summary")
    with pytest.raises(AttributeError):
        rule.severity = "info"
