"""`smmplan page`: the client page, in-process and through the installed command (no browser here;
tests/test_page_browser.py opens the pages in Chromium)."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from smmplan.config import Settings
from smmplan.engine import check_path
from smmplan.page import labels, theme
from smmplan.page.command import default_output, made_by_smmplan
from smmplan.page.render import render
from smmplan.page.view import safe_url
from tests.conftest import PLANS, ROOT, check_text, run_cli

HOSTILE = ROOT / "tests" / "data" / "page" / "hostile.yaml"
AS_OF = dt.date(2026, 12, 1)


class Page(HTMLParser):
    """The parts of a page the tests look at: cards, links, scripts, handlers, visible text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.cards: list[str] = []
        self.hrefs: list[str] = []
        self.tags: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        a = dict(attrs)
        if "card" in (a.get("class") or "").split():
            self.cards.append(a.get("id"))
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        self.handlers += [k for k in a if k.startswith("on")]

    def handle_data(self, data):
        self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join(" ".join(self.text).split())


def page_of(path: Path, **kw) -> str:
    return render(check_path(str(path), Settings(as_of=AS_OF)), made=AS_OF, **kw)


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_post_of_a_shipped_plan_is_one_card(plan):
    result = check_path(str(plan), Settings(as_of=AS_OF))
    page = Page(render(result, made=AS_OF))
    assert sorted(page.cards) == sorted(f"post-{p.index}" for p in result.posts)
    assert len(page.cards) == len(result.posts) > 0
    assert "script" not in page.tags and not page.handlers
    for post in (p.post for p in result.posts):
        assert post.title in page.words


def test_the_page_speaks_the_plans_language():
    ru = Page(page_of(PLANS / "kolosok-bakery-ru.yaml"))
    en = Page(page_of(PLANS / "coffee-lab-december.yaml"))
    russian = {"calendar": "Календарь", "mix": "Контент-микс", "kpis": "Цели и KPI", "waiting": "Ждут согласования",
               "problems": "Что требует внимания", "legend": "Условные обозначения"}
    for key, word in russian.items():
        assert labels.Words("ru")(key) == word and word in ru.words
        assert labels.LABELS[key] in en.words and labels.LABELS[key] not in ru.words
    assert "Декабрь 2026" in ru.words and "December 2026" in en.words
    assert "37,5 %" in ru.words and "40 000" in ru.words and "1 ч" in ru.words  # Russian figures (the narrow space reads as one)
    assert "узнаваемость" in ru.words and "1,200" in en.words
    assert 'lang="ru"' in page_of(PLANS / "kolosok-bakery-ru.yaml")
    forced = Page(page_of(PLANS / "kolosok-bakery-ru.yaml", language="en"))
    assert "Calendar" in forced.words and "Пекарня «Колосок»" in forced.words


def test_every_label_has_its_russian_in_the_catalogue():
    """The page's words are the catalogue's (tests/test_locale.py holds every msgid to a translation):
    each label reads differently in Russian, and categories, goals and statuses are the shared terms."""
    en, ru = labels.Words("en"), labels.Words("ru")
    kept = {"smmplan"}  # the same in both languages
    for key, text in labels.LABELS.items():
        assert en(key) == text
        assert ru(key) != text or text in kept, key
    assert en.category("user_generated") == "user-generated" and en.category("my_own") == "my own"
    assert ru.category("engaging") == "вовлекающий" and ru.goal("awareness") == "узнаваемость"
    assert ru.status("review") == "на согласовании" and ru.status("changes_requested") == "на доработке"
    assert ru.weekdays_short()[0] == "Пн" and en.weekdays() [6] == "Sunday" and ru.weekdays()[6] == "Воскресенье"
    assert labels.language_of("ru-RU") == "ru" and labels.language_of(None) == "en"
    assert labels.language_of("fr") == "en"


@pytest.mark.parametrize(("n", "english", "russian"), [
    (1, "1 post waits for Anna.", "1 пост ждёт согласования"), (3, "3 posts wait for Anna.", "3 поста ждут"),
    (5, "5 posts wait for Anna.", "5 постов ждут"), (21, "21 posts wait for Anna.", "21 пост ждёт"),
])
def test_counts_on_the_page_take_russian_plural_forms(n, english, russian):
    assert labels.Words("en").waiting(n, "Anna") == english
    assert labels.Words("ru").waiting(n, "Anna").startswith(russian)
    assert labels.Words("ru").count(n) == {1: "1 пост", 3: "3 поста", 5: "5 постов", 21: "21 пост"}[n]


def test_page_dates_are_cldrs_in_both_languages():
    day = dt.date(2026, 12, 7)
    assert labels.Words("en").day(day) == "December 7, 2026" and labels.Words("en").day_short(day) == "Mon, Dec 7"
    assert labels.Words("ru").day(day) == "7 декабря 2026\u202fг." and labels.Words("ru").day_short(day) == "пн, 7 дек."
    assert labels.Words("ru").month(5) == "Май" and labels.Words("en").month(5) == "May"


def test_header_shows_brand_period_formula_client_approver_and_date_made():
    words = Page(page_of(PLANS / "coffee-lab-december.yaml")).words
    for expected in ("Coffee Lab", "November 30, 2026 – December 27, 2026", "golden ± 5 pp",
                     "40 % engaging", "Coffee Lab LLC", "Maria Ivanova", "Made December 1, 2026"):
        assert expected in words, expected


def test_every_colour_pair_has_contrast_of_at_least_4_5():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert theme.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    low = [(what, round(theme.contrast(fg, bg), 2)) for what, fg, bg in theme.text_pairs()
           if theme.contrast(fg, bg) < 4.5]
    assert low == []


def test_the_stylesheet_uses_only_the_theme_colours():
    html = page_of(PLANS / "coffee-lab-december.yaml")
    css = html[html.index("<style>"):html.index("</style>")]
    known = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}", Path(theme.__file__).read_text())}
    used = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", css)}
    assert used and used <= known


def test_hostile_plan_is_shown_as_text_and_nothing_can_run():
    html = page_of(HOSTILE)
    page = Page(html)
    assert "script" not in page.tags and "img" not in page.tags and "iframe" not in page.tags
    assert "marquee" not in page.tags and page.tags.count("style") == 1 and page.tags.count("svg") == 2
    assert not page.handlers
    # everything is there, as text
    for text in ("<script>window.__pwned = 'title'</script>", "\"><img src=x onerror=\"window.__pwned='img'\">",
                 "<script>window.__pwned = 'brand'</script>Evil & Co", "{{ 7*7 }} and ${7*7}"):
        assert text in page.words
    # only http(s) links, and in-page anchors
    outside = [h for h in page.hrefs if not h.startswith("#")]
    assert outside == ['https://example.com/?a=1&b=<x>"y']
    assert "javascript:window.__pwned='link'" in page.words  # shown, not linked
    assert re.search(r"Content-Security-Policy\" content=\"default-src 'none'", html)
    assert len(page.cards) == 8  # the post with an unknown key is still a card


@pytest.mark.parametrize("url,ok", [
    ("https://example.com/x?y=1", True), ("http://a.b", True), ("HTTPS://EXAMPLE.COM", True),
    ("javascript:alert(1)", False), (" JaVaScRiPt:alert(1)", False), ("java\nscript:alert(1)", False),
    ("data:text/html,x", False), ("vbscript:x", False), ("//evil.example/x", False), ("ftp://x.y", False),
    ("https://", False), ("https://a.b/ c", False), ("", False), (None, False), ("mailto:a@b.c", False),
])
def test_only_absolute_http_and_https_addresses_become_links(url, ok):
    assert (safe_url(url) is not None) is ok


def test_findings_are_told_without_paths_lines_or_carets(tmp_path):
    plan = tmp_path / "secret-folder" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(HOSTILE.read_text(encoding="utf-8"), encoding="utf-8")
    words = Page(render(check_path(str(plan), Settings(as_of=AS_OF)), made=AS_OF)).words
    assert "secret-folder" not in words and "^^^" not in words
    assert not re.search(r"plan\.yaml:\d+", words)
    assert "Honesty" in words and "Buy 5000 followers" in words  # the honesty finding, in words
    assert "What to do:" in words


def test_a_plan_that_cannot_be_read_still_gets_a_page():
    result = check_text("posts: [unclosed\n")
    page = Page(render(result, made=AS_OF))
    assert page.cards == [] and "could not be read" in page.words


def test_cards_show_their_rubric_and_the_legend_lists_the_rubrics():
    html = page_of(PLANS / "coffee-lab-december.yaml")
    page = Page(html)
    result = check_path(str(PLANS / "coffee-lab-december.yaml"), Settings(as_of=AS_OF))
    named = [p.post.rubric for p in result.posts if p.post.rubric]
    assert named and all(f"Rubric: {r}" in page.words for r in set(named))
    assert html.count('class="rubric r') == len(named) + len(set(named) | {r.name for r in result.plan.rubrics})


def test_mix_charts_are_drawn_from_the_plans_figures():
    html = page_of(PLANS / "taskwise-b2b-q1.yaml")
    whole = html[html.index('aria-labelledby="mix-whole-h'):]
    whole = whole[:whole.index("</svg>")]
    assert "engaging: 46.7 % (7), target 50 %, on target." in whole
    weekly = html[html.index('aria-labelledby="mix-weekly-h"'):]
    weekly = weekly[:weekly.index("</svg>")]
    assert weekly.count("<g>") == 1 + 5  # the target and five weeks


def test_default_output_sits_beside_the_plan():
    assert default_output("plans/a.yaml") == "plans/a.html"
    assert default_output("plans/a.YML") == "plans/a.html"
    assert default_output("notes.txt") == "notes.txt.html"


# --- the installed command --------------------------------------------------------------


def test_page_command_writes_beside_the_plan_and_replaces_only_its_own_pages(tmp_path):
    plan = tmp_path / "coffee.yaml"
    plan.write_bytes((PLANS / "coffee-lab-december.yaml").read_bytes())
    proc = run_cli("page", str(plan), "--as-of", "2026-12-01")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "coffee.html"
    assert "wrote" in proc.stderr.decode() and "20 posts" in proc.stderr.decode()
    assert made_by_smmplan(str(out)) and len(Page(out.read_text(encoding="utf-8")).cards) == 20

    again = run_cli("page", str(plan), "--as-of", "2026-12-01")
    assert again.returncode == 0 and "replaced" in again.stderr.decode()

    mine = tmp_path / "index.html"
    mine.write_text("<p>my own page</p>")
    refused = run_cli("page", str(plan), "-o", str(mine))
    assert refused.returncode == 2 and "--force" in refused.stderr.decode()
    assert mine.read_text() == "<p>my own page</p>"
    forced = run_cli("page", str(plan), "-o", str(mine), "--force")
    assert forced.returncode == 0 and made_by_smmplan(str(mine))

    before = plan.read_bytes()
    over = run_cli("page", str(plan), "-o", str(plan), "--force")
    assert over.returncode == 2 and plan.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".smmplan-")] == []


def test_page_command_stdin_stdout_and_usage_errors(tmp_path):
    proc = run_cli("page", "-", input=(PLANS / "kolosok-bakery-ru.yaml").read_bytes())
    assert proc.returncode == 0 and proc.stdout.decode().startswith("<!DOCTYPE html>")
    assert 'lang="ru"' in proc.stdout.decode()
    for args, words in ((["page", str(PLANS)], "one plan"), (["page", str(tmp_path / "none.yaml")], "cannot read"),
                        (["page", str(PLANS / "coffee-lab-december.yaml"), "--language", "de"], "en or ru"),
                        (["page", str(PLANS / "coffee-lab-december.yaml"), "--as-of", "soon"], "YYYY-MM-DD")):
        bad = run_cli(*args, cwd=tmp_path)
        assert bad.returncode == 2 and words in bad.stderr.decode(), args
        assert "Traceback" not in bad.stderr.decode()


def test_check_report_html_is_the_client_page(tmp_path):
    page = tmp_path / "report.html"
    proc = run_cli("check", "--as-of", "2026-12-01", "--report", str(page), str(PLANS / "coffee-lab-december.yaml"))
    assert proc.returncode == 0
    parsed = Page(page.read_text(encoding="utf-8"))
    assert len(parsed.cards) == 20 and "Calendar" in parsed.words
    several = run_cli("check", "--report", str(tmp_path / "all.html"), str(PLANS))
    assert several.returncode == 2 and "smmplan page" in several.stderr.decode()
    assert not (tmp_path / "all.html").exists()


def test_docs_page_examples_run(tmp_path):
    """docs/page.md stays true: its `smmplan page` commands work, and the first says what it wrote."""
    import shlex
    import shutil

    doc = (ROOT / "docs" / "page.md").read_text(encoding="utf-8")
    commands = re.findall(r"^smmplan page [^\n]+$", doc, re.M)
    assert len(commands) >= 3
    shutil.copytree(PLANS, tmp_path / "plans")
    said = re.search(r"```text\n(smmplan: wrote [^\n]+)\n```", doc)[1]
    for i, command in enumerate(commands):
        proc = run_cli(*shlex.split(command)[1:], cwd=tmp_path)
        assert proc.returncode == 0, (command, proc.stderr)
        if i == 0:
            assert proc.stderr.decode().strip() == said
    assert Page((tmp_path / "taskwise-ru.html").read_text(encoding="utf-8")).words.count("Календарь") >= 1


def test_an_interrupted_write_keeps_the_old_page(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from smmplan import cli, io

    plan = tmp_path / "plan.yaml"
    plan.write_bytes((PLANS / "taskwise-b2b-q1.yaml").read_bytes())
    runner = CliRunner()
    assert runner.invoke(cli.app, ["page", str(plan)]).exit_code == 0
    out = tmp_path / "plan.html"
    old = out.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io.os, "fsync", full)
    res = runner.invoke(cli.app, ["page", str(plan), "--language", "ru"])
    assert res.exit_code == 2 and "No space left on device" in res.stderr
    assert out.read_bytes() == old and sorted(p.name for p in tmp_path.iterdir()) == ["plan.html", "plan.yaml"]


def test_line_numbers_leave_the_messages_and_lopsided_weeks_are_marked():
    result = check_text("""
        start: 2026-11-30
        posts:
          - {date: 2026-11-30, channel: vk, type: advertising, title: Sale}
          - {date: 2026-12-01, channel: vk, type: advertising, title: Sale}
          - {date: 2026-12-02, channel: vk, type: advertising, title: New menu}
          - {date: 2026-12-07, channel: vk, type: engaging, title: Poll}
          - {date: 2026-12-08, channel: vk, type: user_generated, title: Photo, author: "@a"}
          - {date: 2026-12-09, channel: vk, type: educational, title: How to}
    """)
    assert {"MIX002", "MIX003", "MIX004"} <= {f.code for f in result.findings}
    assert any(re.search(r"\bline \d+", f.message) for f in result.findings)  # the terminal's words
    html = render(result, made=AS_OF)
    words = re.sub(r"\s+([.,:;])", r"\1", Page(html).words)  # no space where an inline tag ended
    assert not re.search(r"\blines? \d+", words)
    assert "Two advertising posts in a row on vk: Sale and New menu." in words
    assert "The same title as the post: Sale." in words
    assert "30.11 ✕" in words and "07.12 ✕" not in words and "✕ marks a week" in words


def test_rubric_colours_follow_the_plans_list_of_rubrics():
    result = check_text("""
        formula: golden
        rubrics:
          - {name: Backstage, type: educational}
          - {name: Polls, type: engaging}
        posts:
          - {date: 2026-12-01, rubric: Polls, title: A}
          - {date: 2026-12-02, rubric: Backstage, title: B}
          - {date: 2026-12-03, type: engaging, title: C}
    """)
    html = render(result, made=AS_OF)
    assert '<span class="rubric r0">Backstage</span>' in html and '<span class="rubric r1">Polls</span>' in html
    assert html.count('class="rubric r1"><span class="vh">Rubric: </span>Polls</span>') == 1  # the card


def test_every_rule_family_has_a_title_in_both_languages():
    from smmplan.page.view import FAMILIES
    from smmplan.rules import registry

    families = {code.rstrip("0123456789") for code in registry()}
    assert families <= set(FAMILIES)
    for lang in labels.LANGUAGES:
        assert all(fam in labels.FAMILIES for fam in FAMILIES)
        assert labels.Words(lang).family("BAN") == {"en": "Honesty", "ru": "Честность"}[lang]
