"""Reports in Russian (issue 18): the text and status reports, the machine formats' words and the
client page speak the chosen language, whichever way it was chosen (`--lang`, the config's `lang`,
the plan's `language:`, the locale), and `--lang en` is the English report as it always was.

Finding messages themselves belong to the rule families (their own tests); here only the words
the reports write around them are held to Russian.
"""

from __future__ import annotations

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from smmplan.config import Settings
from smmplan.locale import speaking
from smmplan.report.status import StatusTextReporter
from smmplan.report.text import TextReporter
from tests.conftest import ROOT, check_text, run_cli

AS_OF = "2026-12-08"
PLAN = """\
brand: Petal & Stem
client: {name: Petal LLC, approver: Olga}
posts:
  - {date: 2026-12-07, channel: instagram, type: advertising, status: review, title: "Winter bouquets, order now"}
  - {date: 2026-12-08, channel: instagram, type: advertising, status: draft, title: Free delivery this week}
  - {date: 2026-12-09, channel: instagram, type: engaging, status: draft, title: "Roses or peonies? Vote in the comments"}
  - {date: 2026-12-10, channel: instagram, type: educational, status: draft, title: How to keep tulips fresh}
  - {date: 2026-12-11, channel: instagram, type: user_generated, status: draft, title: Your bouquet photos}  # smmplan: ignore[FLOW002]
"""
# the words the text report writes itself, in each language
RUSSIAN = ("5 постов", "формула golden ± 5 п.п.", " тип ", " постов ", " факт ", " план ", " допуск ", "вне нормы",
           "пользовательский (UGC)", "Контент-микс", "Работа с клиентом", "Ближайшие публикации", "кто согласует",
           "черновик", "как исправить:", "Как выровнять микс", "перепишите «Winter bouquets, order now» (7 дек., строка 4)",
           "например «", "покажет посты по неделям", "1 замечание скрыто: FLOW002", "40,0 %", "+35,0")
ENGLISH = ("5 posts", "formula golden ± 5 pp", " category ", " actual ", " target ", "off", "Content mix",
           "Client workflow", "Due soon", "who must approve", "fix:", "Suggested rebalancing",
           "rewrite «Winter bouquets, order now» (Dec 7, line 4)", "lists the posts, week by week",
           "1 finding suppressed: FLOW002", "40.0 %", "+35.0")
CYRILLIC = re.compile("[а-яё]", re.I)


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "winter.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _check(path: Path, *args: str, env: dict | None = None) -> str:
    env = {"COLUMNS": "300", **(env or {})}  # the temporary folder's long path: sentences on one line
    proc = run_cli("check", str(path), "--as-of", AS_OF, *args, cwd=path.parent, env=env)
    assert proc.returncode == 1, proc.stderr.decode()
    return proc.stdout.decode()


def _russian(text: str) -> None:
    missing = [w for w in RUSSIAN if w not in text]
    assert not missing, f"not in Russian: {missing}\n{text}"
    for word in ("Suggested rebalancing", "Due soon", "who must approve", "\n    fix: ", " category ", "·  5 posts"):
        assert word not in text, word


def _english(text: str) -> None:
    missing = [w for w in ENGLISH if w not in text]
    assert not missing, f"not in English: {missing}\n{text}"
    # a plan written in English: no Russian at all, but the post ideas for a plan that says
    # `language: ru` (content for its posts, in its language)
    words = re.sub(r"«[^»]*»", "", text)
    assert not CYRILLIC.search(words), CYRILLIC.search(words)


def test_lang_ru_on_the_command_line(plan):
    _russian(_check(plan, "--lang", "ru"))


def test_the_plans_language(plan):
    plan.write_text("language: ru\n" + PLAN, encoding="utf-8")
    text = _check(plan)
    _russian(text.replace("строка 5", "строка 4"))  # the posts are a line lower
    assert "строка 5" in text


def test_the_locale(plan):
    _russian(_check(plan, env={"LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}))
    _english(_check(plan, env={"LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}))


def test_the_configs_lang(plan):
    (plan.parent / ".smmplan.yaml").write_text("lang: ru\n", encoding="utf-8")
    _russian(_check(plan))
    _english(_check(plan, "--lang", "en"))  # the command line beats the config


def test_lang_en_is_the_english_report(plan):
    english = _check(plan, "--lang", "en")
    _english(english)
    assert english == _check(plan)  # the same as with no language chosen at all (the tests' locale is C)
    plan.write_text("language: ru\n" + PLAN, encoding="utf-8")
    # --lang beats the plan and the locale (the posts are a line lower)
    _english(_check(plan, "--lang", "en", env={"LANG": "ru_RU.UTF-8"}).replace("line 5)", "line 4)"))


def test_in_process_each_plan_in_its_own_language():
    ru = check_text("language: ru\n" + PLAN, Settings(as_of=__import__("datetime").date(2026, 12, 8)))
    en = check_text(PLAN, Settings(as_of=__import__("datetime").date(2026, 12, 8)))
    assert (ru.language, en.language) == ("ru", "en")
    buf = io.StringIO()
    TextReporter(color="never", width=120).render([ru, en], buf)
    first, second = buf.getvalue().split("\n\nplan.yaml", 1)
    assert "Как выровнять микс" in first and "Suggested rebalancing" not in first
    assert "Suggested rebalancing" in second and not CYRILLIC.search(second)


@pytest.mark.parametrize(("n", "words"), [(1, "1 пост"), (2, "2 поста"), (5, "5 постов"), (11, "11 постов"),
                                          (21, "21 пост ")])
def test_the_header_counts_posts_in_russian_plural_forms(n, words):
    posts = "".join(f"  - {{date: 2026-12-{1 + i % 28:02d}, type: engaging, title: Post {i}}}\n" for i in range(n))
    result = check_text("language: ru\nposts:\n" + posts, dedent=False)
    buf = io.StringIO()
    TextReporter(color="never", width=200).render([result], buf)
    header = buf.getvalue().splitlines()[0] + " "
    assert f"  ·  {words}" in header, header


def test_status_report_in_russian(plan):
    proc = run_cli("status", str(plan), "--as-of", AS_OF, "--lang", "ru", cwd=plan.parent)
    text = proc.stdout.decode()
    for words in ("клиент Petal LLC", "согласует Olga", "на согласовании", "черновик", "всего",
                  "Ждут согласования: Olga", "Ближайшие публикации", "Требует внимания", "строка 5",
                  "предупреждение", "покажет `smmplan check"):
        assert words in text, (words, text)
    for words in ("Waiting for", "Due soon", "Needs attention", "total", "other findings"):
        assert words not in text, words
    english = run_cli("status", str(plan), "--as-of", AS_OF, "--lang", "en", cwd=plan.parent).stdout.decode()
    assert "Waiting for Olga" in english and "review" in english and not CYRILLIC.search(english)


def test_status_report_in_process():
    result = check_text(PLAN, Settings(as_of=__import__("datetime").date(2026, 12, 8), lang="ru"))
    buf = io.StringIO()
    StatusTextReporter(color="never", width=100).render([result], buf)
    assert "Ждут согласования: Olga" in buf.getvalue() and "ещё 6 замечаний" in buf.getvalue()


# --- machine formats: codes and keys the same, words in the language ----------------------------

def test_json_keys_and_codes_do_not_change(plan):
    def doc(lang):
        out = run_cli("check", str(plan), "--as-of", AS_OF, "-f", "json", "--lang", lang, cwd=plan.parent).stdout
        return json.loads(out)

    en, ru = doc("en"), doc("ru")

    def shape(value):
        if isinstance(value, dict):
            return {k: shape(v) for k, v in value.items() if k not in ("message", "fix", "how", "justification")}
        if isinstance(value, list):
            return [shape(v) for v in value]
        return value

    assert shape(en) == shape(ru)
    assert [f["code"] for f in en["findings"]] == [f["code"] for f in ru["findings"]]


def test_sarif_says_its_language_and_validates(plan):
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())
    for lang in ("ru", "en"):
        out = run_cli("check", str(plan), "--as-of", AS_OF, "-f", "sarif", "--lang", lang, "--show-suppressed",
                      cwd=plan.parent).stdout
        doc = json.loads(out)
        jsonschema.validate(doc, schema, cls=jsonschema.Draft7Validator)
        run = doc["runs"][0]
        assert run["language"] == lang
        rule = run["tool"]["driver"]["rules"][0]
        fixed = [r["message"]["text"] for r in run["results"] if r["ruleId"] == "KPI001"][0]
        if lang == "ru":
            assert "Зачем:" in rule["help"]["text"] and "**Как исправить.**" in rule["help"]["markdown"]
            assert " Как исправить: " in fixed
        else:
            assert "Why:" in rule["help"]["text"] and "**Fix.**" in rule["help"]["markdown"]
            assert " Fix: " in fixed and "Зачем" not in out.decode()


def test_github_junit_and_concise_label_the_fix_in_the_language(plan):
    def out(fmt, lang, *more):
        return run_cli("check", str(plan), "--as-of", AS_OF, "-f", fmt, "--lang", lang, *more,
                       cwd=plan.parent).stdout.decode()

    github = out("github", "ru")
    assert "%0Aкак исправить: " in github and "::error file=winter.yaml,line=1,col=1,title=KPI001::" in github
    assert "%0Afix: " in out("github", "en")
    junit = ET.fromstring(out("junit", "ru"))
    assert any("\nкак исправить: " in (f.text or "") for f in junit.iter("failure"))
    assert {c.get("name").split()[0] for c in junit.iter("testcase")} >= {"KPI001", "MIX001"}
    assert "[скрыто: `# smmplan: ignore[FLOW002]` на строке 8]" in out("concise", "ru", "--show-suppressed")
    assert "[suppressed by `# smmplan: ignore[FLOW002]` on line 8]" in out("concise", "en", "--show-suppressed")


# --- the client page -------------------------------------------------------------------------------

def _page(plan: Path, *args: str, env: dict | None = None) -> tuple[str, str]:
    out = plan.parent / "page.html"
    proc = run_cli("page", str(plan), "--as-of", AS_OF, "-o", str(out), "--force", *args, cwd=plan.parent, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    return out.read_text(encoding="utf-8"), proc.stderr.decode()


def test_the_page_follows_lang_the_config_and_the_locale(plan):
    html, said = _page(plan, "--lang", "ru")
    assert 'lang="ru"' in html and "Календарь" in html and "Ждут согласования" in html
    assert "1 пост ждёт согласования, согласует Olga." in html and "Декабрь 2026" in html
    assert "7 декабря 2026" in html and "на согласовании" in html and "Calendar" not in html
    assert "страница записана в" in said and "5 постов; 4 ошибки, 6 предупреждений" in said
    html, said = _page(plan, "--lang", "ru", "--language", "en")  # the page's own option wins
    assert 'lang="en"' in html and "Calendar" in html and "1 post waits for Olga." in html
    html, _ = _page(plan, env={"LANG": "ru_RU.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert 'lang="ru"' in html
    (plan.parent / ".smmplan.yaml").write_text("lang: ru\n", encoding="utf-8")
    html, _ = _page(plan)
    assert 'lang="ru"' in html and "Контент-микс" in html
    html, said = _page(plan, "--lang", "en")
    assert 'lang="en"' in html and "Content mix" in html and "December 7, 2026" in html
    assert "replaced" in said and "5 posts; 4 errors, 6 warnings" in said


def test_check_report_html_is_the_page_in_the_plans_language(plan):
    out = plan.parent / "report.html"
    run_cli("check", str(plan), "--as-of", AS_OF, "--lang", "ru", "--report", str(out), cwd=plan.parent)
    assert 'lang="ru"' in out.read_text(encoding="utf-8")
    svg = plan.parent / "report.svg"
    run_cli("check", str(plan), "--as-of", AS_OF, "--lang", "ru", "--report", str(svg), cwd=plan.parent)
    assert "Как" in svg.read_text(encoding="utf-8")  # the text report, recorded: Russian words in the image


def test_page_errors_speak_russian(plan):
    proc = run_cli("page", str(plan), "-o", str(plan), "--lang", "ru", cwd=plan.parent)
    assert proc.returncode == 2 and "это сам план" in proc.stderr.decode()
    with speaking("ru"):
        from smmplan.page.command import PageError, write_page

        with pytest.raises(PageError, match="папка"):
            write_page(str(plan.parent), "<html>")


def test_the_page_drops_line_references_in_both_languages():
    from smmplan.page.labels import Words
    from smmplan.page.view import plain

    assert plain("Two ads in a row (lines 4 and 7) in plans/x.yaml.", "plans/x.yaml", Words("en")) == \
        "Two ads in a row in the plan."
    assert plain("Две рекламы подряд (строки 4 и 7) в plans/x.yaml.", "plans/x.yaml", Words("ru")) == \
        "Две рекламы подряд в план."


def test_russian_reports_and_pages_need_no_babel_at_run_time(plan):
    """Babel is for maintainers (catalogues, CLDR's date forms): a Russian report or page reads the
    compiled catalogue and ru/dates.json only."""
    import subprocess
    import sys

    code = ("import io, sys; from smmplan.config import Settings; from smmplan.engine import check_path; "
            "from smmplan.page.render import render; from smmplan.report.text import TextReporter; "
            f"r = check_path({str(plan)!r}, Settings(lang='ru')); html = render(r); "
            "TextReporter(color='never').render([r], io.StringIO()); "
            "assert 'Декабрь 2026' in html and 'Понедельник' in html, 'not Russian'; "
            "print(sorted(m for m in sys.modules if m.startswith('babel')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
