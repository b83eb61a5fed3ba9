"""The language machinery (smmplan.locale): choosing the language, the catalogues, plurals, dates.

The catalogue checks are the gate of issue 18: a message of the code with no Russian translation,
a translation whose placeholders differ from its source's, a translation of a message the code no
longer has, and a compiled catalogue older than its sources all fail here, each named.
"""

from __future__ import annotations

import datetime as dt

import pytest

from smmplan import locale
from smmplan.locale import catalogues, dates, ngettext, speaking


@pytest.mark.parametrize(("option", "config", "plan", "env", "expected"), [
    ("ru", "en", "en", {"LANG": "en_US.UTF-8"}, "ru"),
    (None, "ru", "en", {"LANG": "en_US.UTF-8"}, "ru"),
    (None, None, "ru", {"LANG": "en_US.UTF-8"}, "ru"),
    (None, None, "en", {"LANG": "ru_RU.UTF-8"}, "en"),
    (None, None, None, {"LANG": "ru_RU.UTF-8"}, "ru"),
    (None, None, None, {"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, "ru"),
    (None, None, None, {"LC_ALL": "C", "LANG": "ru_RU.UTF-8"}, "en"),
    (None, None, None, {"LC_MESSAGES": "ru_RU", "LANG": "C"}, "ru"),
    (None, None, None, {"LC_ALL": "", "LANG": "ru"}, "ru"),
    (None, None, None, {}, "en"),
    (None, None, "klingon", {"LANG": "ru_RU.UTF-8"}, "ru"),  # a language smmplan does not speak is passed over
])
def test_choose_follows_the_documented_order(option, config, plan, env, expected):
    assert locale.choose(option, config, plan, environ=env) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("ru", "ru"), ("RU", "ru"), ("ru_RU.UTF-8", "ru"), ("ru-RU", "ru"), ("Russian", "ru"), ("русский", "ru"),
    ("en", "en"), ("en_GB", "en"), ("English", "en"), ("de", None), ("", None), (None, None), (7, None),
])
def test_normalise(value, expected):
    assert locale.normalise(value) == expected


def test_speaking_is_scoped():
    assert locale.current() == "en"
    with speaking("ru"):
        assert locale.current() == "ru"
        with speaking("en"):
            assert locale.current() == "en"
        assert locale.current() == "ru"
    assert locale.current() == "en"


def test_english_needs_no_catalogue():
    locale.catalogue.cache_clear()
    assert locale._("The plan has no posts.") == "The plan has no posts."
    assert ngettext("{n} post", "{n} posts", 1) == "{n} post"
    assert ngettext("{n} post", "{n} posts", 2) == "{n} posts"
    assert locale.catalogue.cache_info().currsize == 0


# --- the catalogues -----------------------------------------------------------------

@pytest.fixture(scope="module")
def messages():
    return catalogues.extract()


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_every_message_is_translated_with_its_placeholders(messages, language):
    found = list(catalogues.problems(language, messages))
    assert not found, f"{len(found)} catalogue problems (python -m smmplan.locale check):\n" + "\n".join(found)


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_the_compiled_catalogue_is_up_to_date(language):
    from babel.messages.mofile import read_mo

    with open(locale.HERE / language / "LC_MESSAGES" / f"{locale.DOMAIN}.mo", "rb") as fh:
        compiled = {_key(m.id): _key(m.string) for m in read_mo(fh) if m.id}
    sources = {_key(m.id): _key(m.string) for m in catalogues.merged(language) if m.id and "fuzzy" not in m.flags}
    stale = sorted(set(compiled.items()) ^ set(sources.items()), key=str)
    assert not stale, ("the compiled catalogue differs from the .po sources; run `python -m smmplan.locale compile`: "
                       + repr(stale[:5]))


def _key(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


def test_placeholders():
    assert catalogues.placeholders("{n} posts in {week!r} ({share:.0%})") == {"n", "week", "share"}
    assert catalogues.placeholders("{{literal}} braces") == set()
    assert "<malformed braces>" in catalogues.placeholders("a { b")


def test_a_wrong_placeholder_is_caught(tmp_path, monkeypatch, messages):
    """The check itself can fail: a translation that drops or renames a placeholder is named."""
    import shutil

    source = next(m for m in messages.values() if catalogues.placeholders(m.id) and not m.plural)
    folder = tmp_path / "ru"
    folder.mkdir()
    for path in catalogues.sources("ru"):
        shutil.copy(path, folder / path.name)
    name = next(iter(catalogues.placeholders(source.id)))
    broken = catalogues.read(folder / f"{source.area}.po")
    broken[source.id].string = "нет заполнителя {other}"
    import io

    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, broken)
    (folder / f"{source.area}.po").write_bytes(buffer.getvalue())
    monkeypatch.setattr(catalogues, "HERE", tmp_path)
    monkeypatch.setattr(catalogues, "PACKAGE", locale.HERE.parent)
    found = "\n".join(catalogues.problems("ru", messages))
    assert "placeholders ['other']" in found and name in found


# --- plurals and dates ------------------------------------------------------------------

def test_russian_plural_forms_follow_the_number():
    plural = catalogues.merged("ru").plural_expr
    assert plural  # Russian's three forms: 1 пост, 2 поста, 5 постов
    cat = locale.catalogue("ru")
    forms = [cat.plural(n) for n in (1, 2, 5, 11, 21, 22, 25, 111, 0)]
    assert forms == [0, 1, 2, 2, 0, 1, 2, 2, 2]


DAYS = [dt.date(2026, 12, 7), dt.date(2026, 1, 1), dt.date(2027, 2, 28), dt.date(2024, 2, 29), dt.date(2026, 5, 31)]


@pytest.mark.parametrize("day", DAYS)
def test_english_dates_are_babels_english(day):
    """English is written without Babel (nothing to load); it must read as Babel's CLDR English."""
    from babel.dates import format_date, format_skeleton

    def plain(text):
        return text.replace("\u2009", "").replace("\u202f", " ")

    assert dates.day(day) == plain(format_skeleton("MMMd", day, locale="en"))
    assert dates.weekday_day(day) == plain(format_skeleton("MMMEd", day, locale="en"))
    assert dates.weekday(day) == format_skeleton("E", day, locale="en")
    assert dates.day_year(day) == plain(format_skeleton("yMMMd", day, locale="en"))
    assert dates.long(day) == format_date(day, "long", locale="en")


def test_english_spans():
    assert dates.span(dt.date(2026, 12, 7), dt.date(2026, 12, 13)) == "Dec 7–13"
    assert dates.span(dt.date(2026, 12, 28), dt.date(2027, 1, 3)) == "Dec 28, 2026 – Jan 3, 2027"
    assert dates.span(dt.date(2026, 11, 30), dt.date(2026, 12, 6)) == "Nov 30 – Dec 6"


def _every_day(years=(2024, 2026, 2027)):
    for year in years:
        day = dt.date(year, 1, 1)
        while day.year == year:
            yield day
            day += dt.timedelta(days=1)


@pytest.mark.parametrize("language", catalogues.TRANSLATED)
def test_dates_without_babel_are_babels(language):
    """Run time reads the compiled date forms (dates.json), not Babel: day by day, over three
    years, they must write what Babel writes, and be what Babel's data holds today."""
    from babel.dates import format_date, format_interval, format_skeleton

    assert dates.forms(language) == catalogues.date_forms(language), "run `python -m smmplan.locale compile`"
    with speaking(language):
        for day in _every_day():
            assert dates.day(day) == format_skeleton("MMMd", day, locale=language)
            assert dates.weekday_day(day) == format_skeleton("MMMEd", day, locale=language)
            assert dates.weekday(day) == format_skeleton("E", day, locale=language)
            assert dates.day_year(day) == format_skeleton("yMMMd", day, locale=language)
            assert dates.long(day) == format_date(day, "long", locale=language)
            for later in (day + dt.timedelta(days=6), day + dt.timedelta(days=40), day + dt.timedelta(days=400)):
                skeleton = "MMMd" if later.year == day.year else "yMMMd"
                babel = format_interval(day, later, skeleton, locale=language)
                assert dates.span(day, later) == dates._RANGE_DASH.sub("–", babel), (day, later)


def test_a_russian_run_loads_no_babel():
    import subprocess
    import sys

    code = ("import sys, datetime as dt\n"
            "from smmplan.locale import speaking, dates, _\n"
            "with speaking('ru'):\n"
            "    print(dates.long(dt.date(2026, 12, 7)), dates.span(dt.date(2026, 12, 7), dt.date(2026, 12, 13)), _('x'))\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines() == ["7 декабря 2026\u202fг. 7–13 дек. x", "[]"]


def test_russian_dates():
    with speaking("ru"):
        assert dates.long(dt.date(2026, 12, 7)) == "7 декабря 2026\u202fг."
        assert dates.day(dt.date(2026, 12, 7)) == "7 дек."
        assert dates.span(dt.date(2026, 12, 7), dt.date(2026, 12, 13)) == "7–13 дек."
        assert dates.weekday_day(dt.date(2026, 12, 7)) == "пн, 7 дек."
        assert dates.span(dt.date(2026, 11, 30), dt.date(2026, 12, 6)).startswith("30 нояб.")


def test_an_in_process_run_leaves_the_language_as_it_found_it(monkeypatch, capsys, tmp_path):
    """`cli.main` speaks the run's language for that run only: a Russian run in-process (a host
    program, or a test) leaves English behind, and no --lang for the next in-process command."""
    from smmplan import cli

    plan = tmp_path / "plan.yaml"
    plan.write_text("brand: X\nlanguage: ru\nposts: []\n", encoding="utf-8")
    for argv in (["smmplan", "--lang", "ru", "formulas"], ["smmplan", "check", str(plan)],
                 ["smmplan", "--lang", "xx", "formulas"]):
        monkeypatch.setattr("sys.argv", argv)
        with pytest.raises(SystemExit):
            cli.main()
        assert locale.current() == "en"
        assert cli.LANG_OPTION is None
    out = capsys.readouterr()
    assert "Проверено: 1 план" in out.err and "--lang" in out.err


@pytest.mark.parametrize("text", [
    'brand: X\n"language": ru\nposts: []\n',
    "{brand: X, language: ru, posts: []}\n",
    "brand: X\n'language' : ru\nposts: []\n",
])
def test_the_plans_language_however_it_is_written(text):
    """The first look at the bytes misses a quoted key or a flow mapping; the parsed plan decides."""
    from smmplan.engine import check_bytes

    result = check_bytes(text.encode(), "plan.yaml")
    assert result.language == "ru"
    assert any("нет" in f.message or "пост" in f.message for f in result.findings), [f.message for f in result.findings]
