"""smmplan/text and the honesty rules' reading of it: normalising (ignorable
characters, look-alikes, dotted spellings), negation scopes, roles and the
project's own words (role-words, allowed phrases from the plan or the config,
refused catch-all phrases), and hostile input under resource limits."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import textwrap

import pytest

from smmplan.config import Settings, parse_config
from smmplan.rules import honesty
from smmplan.text import glob_match, normalise, read
from smmplan.text.roles import WordMatcher
from tests.conftest import check_text, run_cli, smmplan_command

CODES = {c.id: c.code for c in honesty.lexicon().categories.values()}


def detected(text: str, **extra) -> list[str]:
    return [CODES.get(h.category, "BAN007") for h in honesty.detect(text, **extra)]


# --- reading -------------------------------------------------------------------------


@pytest.mark.parametrize("hidden", [
    "\u2063", "\u2061", "\u180e", "\u034f", "\ufe0f", "\u200e", "\u202e", "\u061c", "\U000e0041", "\u00ad", "\u2066",
])
def test_invisible_characters_inside_a_word_do_not_hide_it(hidden):
    assert detected(f"b{hidden}uy followers") == ["BAN001"]
    assert detected(f"нак{hidden}рутка подписчиков") == ["BAN001"]
    [hit] = honesty.detect(f"Then b{hidden}uy followers")
    assert hit.matched == f"b{hidden}uy followers"  # the original characters, invisible one and all


@pytest.mark.parametrize("text", ["bυy followers", "Bυy fοllοwers", "купить пoдписчикoв", "ВUY FOLLOWERS"])
def test_look_alike_letters_of_greek_latin_and_cyrillic(text):
    assert detected(text) == ["BAN001"]


@pytest.mark.parametrize("text", ["B.u.y followers", "b-u-y f.o.l.l.o.w.e.r.s", "к.у.п.и.т.ь подписчиков"])
def test_dotted_spellings_read_as_the_word(text):
    assert detected(text) == ["BAN001"]


def test_dots_of_ordinary_text_are_not_spellings():
    assert [t.word for t in read("e.g. U.S. menu, 0,5 ₽").tokens] == ["e", "g", "u", "s", "menu", "0,5", "₽"]


@pytest.mark.parametrize(("text", "clauses"), [
    ("leave 'Great shot! 🔥' under 500 posts a day", 1),  # a quoted exclamation ends no clause
    ("ставим «Класс!» под чужими постами", 1),
    ("Title: \"Your go-to order?\" Tell us in the comments", 2),  # a quoted question ends its sentence
    ("Great shot! Then leave it under 500 posts", 2),  # an unquoted one does
    ("'Great shot!'. Then leave it. Bye", 3),  # a quote's own end and another after it do
])
def test_an_end_mark_inside_quotes_ends_no_clause(text, clauses):
    assert len({t.clause for t in read(text).tokens}) == clauses


@pytest.mark.parametrize(("text", "clauses"), [
    ("Негативные отзывы на hh.ru надо убрать", 1),  # a web address's dot ends no clause
    ("post it on vk.com today", 1),
    ("Отзывы на 2gis.ru и otzovik.com. Потом в чат", 2),  # the dot after the address does
    ("Bought them. Then we posted", 2),  # a dot and a space do
])
def test_a_dot_inside_a_web_address_ends_no_clause(text, clauses):
    assert len({t.clause for t in read(text).tokens}) == clauses
    assert [h.category for h in honesty.detect("Негативные отзывы на hh.ru надо убрать")] == ["review_manipulation"]


def test_normalise_maps_back_through_dropped_characters():
    raw = "b\u2063uy fol\u202elowers"
    norm, where = normalise(raw)
    assert norm == "buy followers" and where is not None
    assert raw[where.start(4) : where.end(12)] == "fol\u202elowers"


def test_confusables_data_names_its_source():
    head = (honesty.Path(honesty.__file__).parent.parent / "data" / "confusables.tsv").read_text(encoding="utf-8")
    assert "UTS #39" in head and "confusables.txt" in head and "15.1.0" in head


# --- negation and context -------------------------------------------------------------------


@pytest.mark.parametrize("text, codes", [
    ("Не забудьте купить подписчиков", ["BAN001"]),  # the negation governs "забудьте" only
    ("Don't forget to buy followers", ["BAN001"]),
    ("Without doubt buy followers", ["BAN001"]),
    ("We never buy followers", []),
    ("Без ботов и накрутки подписчиков", []),  # a list after the negated word
    ("Рост без бюджета, подключаем массфоловинг и масслайкинг", ["BAN006"]),  # ... ends at a verb said of us
    ("бот-комменты с криптоссылками удалить, авторов в бан", []),  # the object first, its clean-up verb last
    ("комменты ботов с казино чистим", []),
    ("Buy bot comments then check the stats", ["BAN003"]),  # (a verb that does not end the part defends nothing)
    ("Buy TripAdvisor reviews for the flagship", ["BAN004"]),  # (a flagship is not a flag: no glob `flag*`)
    ("Рост без рекламы, ботов и накруток", []),  # (a noun of an act is an item of the list)
    ("Нельзя не накрутить пару тысяч подписчиков на старте", ["BAN001"]),  # a double negation is a need
    ("Почему бы не докупить лайков на розыгрышный пост?", ["BAN002"]),  # ... and so is a suggestion
    ("Запрещено: боты, накрутка, фейковые отзывы", []),
    ("Check the blogger's audience for fake followers", []),
    ("Чистим подписчиков от ботов", []),
    ("Покупку подписчиков не используем", []),  # a negation with nothing after it
    ("No ads this month. Buy followers instead.", ["BAN001"]),
])
def test_negation_governs_only_what_it_stands_before(text, codes):
    assert detected(text) == codes


@pytest.mark.parametrize("text, code", [
    ("Подписчиков для канала закупаем", "BAN001"),  # object first
    ("Отзывы на картах пишут сотрудники", "BAN004"),  # passive-like word order
    ("get 10k followers from a growth service", "BAN001"),
    ("buy a pack of 300 comments", "BAN002"),
    ("Дарим маску для волос за положительный отзыв", "BAN005"),
    ("раскрутка ботами", "BAN003"),
])
def test_roles_combine_in_any_order(text, code):
    assert detected(text) == [code]


def test_a_finding_names_roles_and_words(write_plan):
    path = write_plan("tactics:\n  - Закупаем подписчиков для канала\n")
    data = json.loads(run_cli("check", str(path), "--format", "json").stdout)
    [f] = [f for f in data["findings"] if f["code"] == "BAN001"]
    assert "acquire: `Закупаем` + audience: `подписчиков`" in f["message"]
    assert f["data"]["roles"] == [["acquire", "Закупаем"], ["audience", "подписчиков"]]


# --- the project's own words ------------------------------------------------------------------


def test_config_adds_words_to_a_role(tmp_path):
    assert detected("Отжать подписчиков") == []  # not a word of the lexicon's
    plan = "tactics:\n  - Отжать подписчиков у конкурента через розыгрыш\n"
    assert [f.code for f in check_text(plan).findings if f.code.startswith("BAN")] == []
    settings = Settings(role_words=(("acquire", "отжать"),))
    assert [f.code for f in check_text(plan, settings).findings if f.code.startswith("BAN")] == ["BAN001"]
    config = parse_config({"role-words": {"acquire": ["отжать"]}}, "pyproject.toml")
    assert config.values["role_words"] == (("acquire", "отжать"),)
    with pytest.raises(Exception, match="unknown role `acqire`; did you mean `acquire`"):
        parse_config({"role-words": {"acqire": ["x"]}}, "pyproject.toml")
    (tmp_path / ".smmplan.yaml").write_text("role-words:\n  acquire: [отжать]\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    assert "BAN001" in run_cli("check", "plan.yaml", cwd=tmp_path).stdout.decode()


def test_excused_hits_name_the_phrase_and_where_it_came_from():
    plan = textwrap.dedent("""\
        allowed_phrases: [mass following of our own staff]
        tactics: [Mass following of our own staff accounts, Buy followers]
        """)
    settings = Settings(allowed_phrases=("buy followers",))
    result = check_text(plan, settings)
    assert [f.code for f in result.findings if f.code.startswith("BAN")] == []
    from smmplan import engine

    ctx = engine._context("plan.yaml", result.doc, result.plan, settings, [])
    found = [(p.code, p.line, x.phrase, x.origin) for p, x in honesty.excused_problems(ctx)]
    assert found == [("BAN006", 2, "mass following of our own staff", "plan"),
                     ("BAN001", 2, "buy followers", "config")]


@pytest.mark.parametrize("phrase", ["* * * * * * * *", "*", "** **"])
def test_an_allowed_phrase_of_wildcards_only_is_refused(phrase):
    plan = f"allowed_phrases: ['{phrase}']\ntactics: [Buy followers, Боты для накрутки]\n"
    result = check_text(plan)
    codes = sorted(f.code for f in result.findings if f.code.startswith("BAN"))
    assert codes == ["BAN001", "BAN003", "BAN007"]
    [refused] = [f for f in result.findings if f.code == "BAN007"]
    assert "refused" in refused.message and refused.line == 1


def test_an_allowed_phrase_excusing_every_kind_of_tactic_is_refused():
    ex = honesty.extra((), (), ("*",))
    assert ex.refused and not ex.allowed


# --- linear matching ----------------------------------------------------------------------------


def test_glob_matching_is_exact():
    assert glob_match("сер*", "серый") and not glob_match("сер*", "ясерый")
    assert glob_match("a*a*b", "aaab") and not glob_match("a*a*b", "ab") and glob_match("*бот*", "ботоферма")
    assert WordMatcher.parse("a|b*")("bx") and not WordMatcher.parse("a|b*")("ab")


LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space
GUARD = 60  # seconds: a guard against a hang, not a benchmark


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (GUARD, GUARD))


def run_limited(path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run([*smmplan_command(), "check", str(path), "--format", "json"], capture_output=True,
                          env=env, timeout=GUARD, preexec_fn=_limit)


def _codes(proc: subprocess.CompletedProcess) -> list[str]:
    assert b"Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    return [f["code"] for f in json.loads(proc.stdout)["findings"] if f["code"].startswith("BAN")]


def test_hostile_wildcard_phrase_matches_in_linear_time(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text('banned_phrases: ["a*a*a*a*a*a*a*b"]\ntactics:\n  - ' + "a" * 3000 + "\n", encoding="utf-8")
    assert _codes(run_limited(path)) == []
    path.write_text('banned_phrases: ["a*a*a*a*a*a*a*b"]\ntactics:\n  - ' + "a" * 3000 + "b\n", encoding="utf-8")
    assert _codes(run_limited(path)) == ["BAN007"]


def test_a_long_repeated_text_is_scanned_in_linear_time(tmp_path):
    path = tmp_path / "plan.yaml"
    text = "buy followers, mass following of staff; " * 2500  # 100 KB in one text
    path.write_text("allowed_phrases: [mass following of staff]\ntactics:\n  - " + json.dumps(text) + "\n",
                    encoding="utf-8")
    codes = _codes(run_limited(path))
    assert codes == ["BAN001"] * 2500


@pytest.mark.parametrize("unit", ["check bots grow bots remove bots ", "нaкрyткa лайков без ботов и накрутки подписчиков ",
                                  "no bots, no bought likes, ", "none of the bought followers ",
                                  "подписчиков не покупаем лайки ", "отзывы ниже 4 звёзд не публикуем, "])
def test_a_long_clause_full_of_roles_is_read_in_linear_time(tmp_path, unit):
    """One clause of 100 KB where every word plays a role: each match is cleared
    by looking up arrays made once, not by scanning every word before it."""
    path = tmp_path / "plan.yaml"
    path.write_text("tactics:\n  - " + json.dumps(unit * (100_000 // len(unit))) + "\n", encoding="utf-8")
    assert len(_codes(run_limited(path))) <= 1


def test_a_very_long_word_does_not_turn_the_rules_off(tmp_path):
    path = tmp_path / "plan.yaml"
    for word in ("накру" + "т" * 600, "b" * 600 + "uy", "подписчик" * 70):
        path.write_text(f"tactics:\n  - {word} подписчиков\n  - Buy followers\n", encoding="utf-8")
        assert "BAN001" in _codes(run_limited(path)), word
