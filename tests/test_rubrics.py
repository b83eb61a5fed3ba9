"""RUB: rubrics (content pillars) with their idea banks, occasions, built-in ideas by business,
`smmplan rubrics`, and `suggest` drawing from the banks."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from smmplan import ideas, occasions, rubrics
from smmplan.commands.suggest import calendar_file
from smmplan.config import Settings
from smmplan.findings import squeeze
from tests.conftest import check_text, codes, run_cli

RUBRICS = """\
brand: Petal
start: 2026-12-07
weeks: 2
rubrics:
  - name: Master of the month
    type: educational
    ideas: [Anna on winter hair care, How Olga picks a colour]
  - name: Мастер месяца
    type: educational
  - name: Poll of the week
    type: engaging
    ideas:
      - title: Which cut for the holidays?
        text: Four photos, vote in the comments
"""


def rub(result) -> list:
    return [f for f in result.findings if f.code.startswith("RUB")]


# --- posts and their rubrics ---------------------------------------------------------------


def test_a_post_takes_its_type_from_its_rubric_in_any_word_form():
    result = check_text(RUBRICS + "posts:\n"
                        "  - {date: 2026-12-07, rubric: Masters of the month, title: Anna}\n"
                        "  - {date: 2026-12-08, rubric: Мастера месяца, title: Ольга}\n"
                        "  - {date: 2026-12-09, rubric: polls of the week, title: Cut}\n", dedent=False)
    assert [p.category for p in result.posts] == ["educational", "educational", "engaging"]
    assert [f.code for f in result.findings if f.code.startswith(("RUB001", "RUB002", "PLAN"))] == []


def test_an_unknown_rubric_is_an_error_with_did_you_mean_and_the_post_counts_nowhere():
    result = check_text(RUBRICS + "posts:\n  - {date: 2026-12-07, rubric: Mastr of the month, title: Anna}\n",
                        dedent=False)
    assert codes(result, "RUB001") == [("RUB001", 16, 32)]
    assert "Did you mean «Master of the month»?" in rub(result)[0].message
    assert result.posts[0].category is None


def test_a_type_that_contradicts_the_rubric_is_an_error_but_an_alias_of_the_same_is_not():
    result = check_text(RUBRICS + "posts:\n"
                        "  - {date: 2026-12-07, rubric: Poll of the week, type: ad, title: Sale}\n"
                        "  - {date: 2026-12-08, rubric: Poll of the week, type: вовлекающий, title: Poll}\n",
                        dedent=False)
    assert codes(result, "RUB002") == [("RUB002", 16, 56)]
    assert "its rubric «Poll of the week» is engaging" in rub(result)[0].message


def test_a_post_with_neither_type_nor_rubric_says_what_it_needs():
    result = check_text("posts:\n  - {date: 2026-12-07, title: Anna}\n")
    found = [f for f in result.findings if f.code == "PLAN006"]
    assert [(f.code, f.line) for f in found] == [("PLAN006", 2)]
    assert "`type`" in found[0].message and "`rubric`" in found[0].message


def test_a_rubric_type_outside_the_formula_and_shares_over_the_category():
    result = check_text("""\
        rubrics:
          - {name: Tips, type: tutorials}
          - {name: Polls, type: engaging, share: 30}
          - {name: Quizzes, type: engaging, share: 20}
        posts:
          - {date: 2026-12-07, rubric: Polls, title: Poll}
        """)
    assert [(c, line) for c, line, _ in codes(result, "RUB003", "RUB004")] == [("RUB003", 2), ("RUB004", 4)]
    over = next(f for f in rub(result) if f.code == "RUB004")
    assert "claim 50 %" in over.message and "40 % ± 5 pp" in over.message


def test_a_starved_rubric_and_the_configured_weeks():
    plan = """\
        start: 2026-12-01
        weeks: 6
        rubrics:
          - {name: Polls, type: engaging}
        posts:
          - {date: 2026-12-01, rubric: Polls, title: Poll}
          - {date: 2026-12-20, rubric: Polls, title: Quiz}
          - {date: 2027-01-10, type: engaging, title: Other}
        """
    assert codes(check_text(plan), "RUB005") == [("RUB005", 4, 12)]  # 20 Dec -> 11 Jan: 3 weeks
    assert codes(check_text(plan, Settings(starved_weeks=4)), "RUB005") == []


def test_an_idea_bank_smaller_than_the_period_needs():
    result = check_text("""\
        start: 2026-12-01
        weeks: 4
        rubrics:
          - {name: Polls, type: engaging, per_month: 8, ideas: [Coffee or tea?, Sea or mountains?]}
        posts:
          - {date: 2026-12-01, rubric: Polls, title: Coffee or tea?}
        """)
    found = rub(result)
    assert [f.code for f in found if f.code == "RUB006"] == ["RUB006"]
    f = next(f for f in found if f.code == "RUB006")
    assert f.data == {"rubric": "Polls", "needed": 8, "planned": 1, "ideas_left": 1}
    assert "6 short" in f.message


# --- occasions -----------------------------------------------------------------------------


def test_public_holidays_of_the_country_skip_substitute_days_and_merge_runs():
    found = occasions.public(("RU",), dt.date(2026, 12, 25), dt.date(2027, 1, 15), "ru")
    names = [(o.date.isoformat(), o.name) for o in found]
    assert ("2027-01-01", "Новогодние каникулы") in names
    assert ("2027-01-07", "Рождество Христово") in names
    assert not any("перенес" in n.lower() or "выходной" in n.lower() for _, n in names)
    assert sum(n == "Новогодние каникулы" for _, n in names) == 1


def test_occasions_with_no_post_within_a_day_are_listed():
    result = check_text("""\
        country: US
        start: 2026-12-20
        weeks: 2
        occasions:
          - {date: 12-29, name: Shop birthday}
        posts:
          - {date: 2026-12-24, type: engaging, title: Poll}
          - {date: 2026-12-30, type: engaging, title: Quiz}
        """)
    found = [(f.code, f.line, f.data["occasion"]) for f in rub(result) if f.code == "RUB007"]
    # Christmas Eve has the post of the 24th, Christmas Day the post the day before; the shop's
    # birthday the post the day after; New Year's Eve the post of the 30th; New Year's Day none.
    assert found == [("RUB007", 1, "New Year's Day")]
    bare = check_text("""\
        country: US
        start: 2026-12-20
        weeks: 2
        occasions:
          - {date: 12-29, name: Shop birthday}
        posts:
          - {date: 2026-12-20, type: engaging, title: Poll}
        """)
    names = sorted((f.data["date"], f.data["occasion"]) for f in rub(bare) if f.code == "RUB007")
    assert [n for _, n in names] == ["Christmas Eve", "Christmas Day", "Shop birthday", "New Year's Eve",
                                     "New Year's Day"]
    assert [f.line for f in rub(bare) if f.data.get("occasion") == "Shop birthday"] == [5]


def test_bad_occasions_and_unknown_countries():
    result = check_text("""\
        country: XX
        occasions:
          - {date: 15.12, name: Shop birthday}
          - {date: 2026-12-20, name: Launch, rubric: Nowhere}
        posts:
          - {date: 2026-12-07, type: engaging, title: Poll}
        """)
    assert [(c, line) for c, line, _ in codes(result, "RUB008")] == [("RUB008", 1), ("RUB008", 3), ("RUB008", 4)]


def test_unknown_business_is_a_warning_with_did_you_mean():
    result = check_text("business: fitnes\nposts:\n  - {date: 2026-12-07, type: engaging, title: Poll}\n")
    assert codes(result, "RUB009") == [("RUB009", 1, 11)]
    assert "`fitness`" in rub(result)[0].message


# --- built-in ideas ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ideas.BUSINESS_KINDS)
def test_every_business_has_twelve_unique_ideas_per_type_in_both_languages(kind):
    bank = ideas._business_banks()[1][kind]
    for lang in ("en", "ru"):
        for cat in ("engaging", "user_generated", "educational", "advertising"):
            titles = bank[lang][cat]
            assert len(titles) >= 12, (kind, lang, cat)
            assert len({squeeze(t) for t in titles}) == len(titles), (kind, lang, cat)
        if lang == "ru":
            assert all(re.search("[а-я]", t) for c in bank[lang].values() for t in c)


def test_business_words_in_both_languages():
    assert ideas.business_kind("Салон красоты") == "beauty"
    assert ideas.business_kind("кофейня") == "cafe"
    assert ideas.business_kind("SaaS") == "b2b_software"
    assert ideas.business_kind("spaceship") is None


def test_built_in_ideas_pass_the_honesty_rules():
    posts = []
    for kind in ideas.BUSINESS_KINDS:
        for lang in ("en", "ru"):
            for cat, titles in ideas._business_banks()[1][kind][lang].items():
                posts += [(cat, t) for t in titles]
    body = "".join(f"  - {{date: 2026-12-07, type: {cat}, author: a customer, title: {json.dumps(t, ensure_ascii=False)}}}\n"
                   for cat, t in posts)
    result = check_text("posts:\n" + body, dedent=False)
    assert [(f.code, f.message) for f in result.findings if f.code.startswith("BAN")] == []


def test_ideas_run_dry_into_dated_placeholders_never_numbered_repeats():
    titles = ideas.Titles("en", business="cafe")
    picks = [titles.pick("engaging", dt.date(2027, 1, 1) + dt.timedelta(days=i)) for i in range(14)]
    assert len({p.title for p in picks}) == 14
    assert not any(re.search(r"\(round \d+\)", p.title) for p in picks)
    assert [p.placeholder for p in picks] == [False] * 12 + [True] * 2
    assert picks[12].title == "Engaging post: add an idea (post of Jan 13)"


# --- smmplan rubrics ---------------------------------------------------------------------


PLAN_FILE = """\
brand: Petal
start: 2026-12-07
weeks: 4
rubrics:
  - name: Master of the month
    type: educational
    per_month: 2
    ideas: [Anna on winter hair care, How Olga picks a colour, Kate's tools]
  - name: Polls
    type: engaging
    share: 40
    ideas: [Which cut for the holidays?]
posts:
  - {date: 2026-12-07, rubric: Polls, title: Which cut for the holidays?}
  - {date: 2026-12-09, rubric: Master of the month, title: Anna on winter hair care}
  - {date: 2026-12-21, rubric: Master of the month, title: Something else}
"""


def test_rubrics_command_table_and_json(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(PLAN_FILE, encoding="utf-8")
    text = run_cli("rubrics", str(path), "--as-of", "2026-12-10")
    assert text.returncode == 0, text.stderr
    out = text.stdout.decode()
    assert "Master of the month" in out and "21 Dec" in out
    data = json.loads(run_cli("rubrics", str(path), "--format", "json", "--as-of", "2026-12-10").stdout)
    rows = {r["name"]: r for r in data["rubrics"]}
    assert rows["Master of the month"] == {
        "name": "Master of the month", "type": "educational", "planned": 2, "target": 1.8, "ideas": 3,
        "ideas_left": 2, "next_post": "2026-12-21", "starved": False, "ideas_short": False}
    assert rows["Polls"]["ideas_left"] == 0


def test_rubrics_command_on_a_plan_without_rubrics_is_a_usage_error(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("posts:\n  - {date: 2026-12-07, type: engaging, title: Poll}\n", encoding="utf-8")
    run = run_cli("rubrics", str(path))
    assert run.returncode == 2 and "no `rubrics:`" in run.stderr.decode()


# --- suggest draws from the rubrics ----------------------------------------------------------


def test_first_calendar_from_rubrics_through_the_cli(tmp_path):
    src = tmp_path / "plan.yaml"
    src.write_text("""\
brand: Petal
language: en
business: beauty
channels: [instagram, vk]
goals:
  - kind: loyalty
    kpis: [{metric: engagement_rate, target: 4%, source: platform statistics}]
rubrics:
  - name: Master of the month
    type: educational
    ideas: [Anna on winter hair care, How Olga picks a colour]
  - name: Poll of the week
    type: engaging
    ideas: [Which cut for the holidays?, Coffee or tea after a treatment?, Nude or red?]
posts: []
""", encoding="utf-8")
    out = tmp_path / "december.yaml"
    run = run_cli("suggest", str(src), "--weeks", "3", "--start", "2027-01-04", "-o", str(out))
    assert run.returncode == 0, run.stderr
    text = out.read_text(encoding="utf-8")
    assert "rubrics:" in text and "business: beauty" in text
    checked = json.loads(run_cli("check", str(out), "--format", "json", "--as-of", "2027-01-01").stdout)
    assert [f["code"] for f in checked["findings"] if f["code"].startswith(("MIX001", "MIX002", "MIX004", "RUB00",
                                                                            "PLAN", "KPI", "BAN"))] == []
    titles = re.findall(r"^    title: (.*)$", text, re.M)
    assert titles.index("Anna on winter hair care") < titles.index("How Olga picks a colour")  # bank order
    assert "'Rubric «Master of the month»: add ideas (post of Jan 14)'" in titles or any(
        t.startswith("'Rubric «Master of the month»: add ideas") for t in titles)
    assert len(set(titles)) == len(titles)
    assert not any("(round" in t for t in titles)
    # the user-generated posts have no rubric: they come from the beauty bank
    assert any(t in titles for t in ideas._business_banks()[1]["beauty"]["en"]["user_generated"])


def test_a_continued_plan_never_reuses_an_idea_of_its_look_back(tmp_path):
    plan = PLAN_FILE.replace("weeks: 4", "weeks: 3")
    made = calendar_file(plan.encode(), "p.yaml", Settings(), weeks=2)
    titles = [p.title for p in made.calendar.posts]
    assert "Which cut for the holidays?" not in titles and "Anna on winter hair care" not in titles
    assert "How Olga picks a colour" in titles


def test_suggest_places_a_themed_post_on_each_occasion():
    plan = ("brand: Petal\nlanguage: en\noccasions:\n  - {date: 01-13, name: Salon birthday, rubric: Polls}\n"
            "rubrics:\n  - {name: Polls, type: engaging, ideas: [Nude or red?, Sea or mountains?]}\n"
            "posts: []\n")
    made = calendar_file(plan.encode(), "p.yaml", Settings(), weeks=2, start=dt.date(2027, 1, 11))
    themed = [p for p in made.calendar.posts if p.notes == "occasion: Salon birthday"]
    assert len(themed) == 1
    assert themed[0].date == dt.date(2027, 1, 13) and themed[0].rubric == "Polls"
    assert themed[0].title.startswith("Salon birthday: ")


def test_rubric_names_word_forms():
    assert rubrics.same_name("Мастер месяца", "мастера месяца")
    assert rubrics.same_name("Отзывы клиентов", "Отзыв клиента")
    assert rubrics.same_name("Story of the week", "Stories of the week")
    assert not rubrics.same_name("Мастер месяца", "Мастр месяца")
    assert not rubrics.same_name("Tips", "Tops")


def test_rubrics_command_at_the_calendars_end_is_no_internal_error(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text("start: 9999-12-20\nweeks: 4\nrubrics:\n  - {name: Polls, type: engaging, share: 40}\n"
                    "posts:\n  - {date: 9999-12-21, rubric: Polls, title: Poll}\n", encoding="utf-8")
    run = run_cli("rubrics", str(path), "--format", "json", "--as-of", "9999-12-01")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["rubrics"][0]["planned"] == 1
