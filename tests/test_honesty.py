"""BAN: honesty rules. The labelled corpus, the lexicon's own examples, where
findings point, the project's phrases, tactic kinds, the post warnings, the CLI."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
import yaml

from smmplan.config import Settings
from smmplan.rules import honesty
from tests.conftest import PLANS, check_text, codes, run_cli

CORPUS = Path(__file__).parent / "data" / "honesty_corpus.yaml"
CODES = {c.id: c.code for c in honesty.lexicon().categories.values()}


def detected(text: str, **extra) -> list[str]:
    """Codes flagged in one text, in order (BAN007 for the project's phrases)."""
    return [CODES.get(h.category, "BAN007") for h in honesty.detect(text, **extra)]


def ban(result) -> list[tuple[str, int | None, int | None]]:
    return [c for c in codes(result) if c[0].startswith("BAN")]


def at(plan: str, line: int, words: str) -> tuple[int, int]:
    """(line, column) of `words` on that line of the (dedented) plan text."""
    return line, textwrap.dedent(plan).splitlines()[line - 1].index(words) + 1


def assert_points_at_the_words(result) -> None:
    """Every text finding's column is where its matched words (or their first
    word, when a folded scalar splits them over lines) stand in the source."""
    for f in result.findings:
        if f.code.startswith("BAN") and f.data and "matched" in f.data:
            src = result.doc.line_text(f.line)[f.column - 1 :]
            first = f.data["matched"].split()[0]
            assert src.startswith(f.data["matched"]) or src.startswith(first), (f, src)


# --- the labelled corpus ----------------------------------------------------------


def test_corpus_is_balanced_and_bilingual():
    phrases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["phrases"]
    assert len(phrases) >= 80
    banned = [p for p in phrases if p["expect"] != "ok"]
    legit = [p for p in phrases if p["expect"] == "ok"]
    assert 0.4 <= len(banned) / len(phrases) <= 0.6, (len(banned), len(legit))
    assert {p["expect"] for p in banned} == set(CODES.values()), "every category has banned examples"
    for group in (banned, legit):
        cyrillic = sum(bool(re.search("[а-яё]", p["text"], re.I)) for p in group)
        assert 0.25 <= cyrillic / len(group) <= 0.75, "both languages in both halves"


def test_corpus_every_phrase_is_judged_right():
    phrases = yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["phrases"]
    misses = []
    for p in phrases:
        hits = honesty.detect(p["text"])
        got = sorted({CODES[h.category] for h in hits}) or ["ok"]
        if got != [p["expect"]]:
            misses.append(f"  expected {p['expect']:6} got {','.join(got):14} {p['text']!r}  "
                          f"matched {[h.matched for h in hits]}")
    right = len(phrases) - len(misses)
    print(f"honesty corpus: {right}/{len(phrases)} right")
    for line in misses:
        print(line)
    assert not misses, "misses:\n" + "\n".join(misses)


# --- the lexicon ----------------------------------------------------------------------


def test_every_rule_flags_its_own_example_as_its_category():
    lex = honesty.lexicon()
    wrong = []
    for r in lex.rules:
        cats = [h.category for h in honesty.detect(r.example)]
        if r.category not in cats:
            wrong.append(f"{r.category}: {r.example!r} -> {cats} ({r.source})")
    assert not wrong, "\n".join(wrong)


def test_every_rule_cites_a_policy_and_every_category_has_a_rule():
    lex = honesty.lexicon()
    rules = {r.code: r for r in honesty.RULES}
    for r in lex.rules:
        assert r.policies and all(text in lex.policies.values() for text in r.policies)
        assert r.roles and all(role in lex.docs and lex.docs[role] for role in (*r.roles, *r.unless))
    for cat in lex.categories.values():
        assert rules[cat.code].severity == "error"
        assert any(r.category == cat.id for r in lex.rules)
    assert set(lex.banned_kinds.values()) <= set(lex.categories)
    assert not set(lex.banned_kinds) & set(lex.legitimate_kinds)


def test_every_role_has_words_and_every_role_word_is_read():
    """Each role's entries parse into words as the text is read (no entry lost
    to normalising), and each role is used by a rule, a mask or the reading."""
    lex = honesty.lexicon()
    roles = {e.role for e in lex.entries}
    assert roles == set(lex.docs) - set(honesty.READER_ROLES)  # (those the reader gives have no words)
    assert not roles & set(honesty.READER_ROLES)
    used = {role for r in lex.rules for role in (*r.roles, *r.unless)} | set(honesty.STRUCTURE)
    assert roles <= used, roles - used
    for e in lex.entries:  # a bare `*` (any one word) only between words of its own
        assert all(w.literal or w.number for w in (e.words[0], e.words[-1])), e.source
        assert all(w.literal or w.number or w.prefixes == ("",) for w in e.words), e.source


def test_clean_texts_are_not_read_further():
    """Texts with no word a rule is looked for by are dropped after one look at
    their distinct words; the rest are read in full."""
    texts = ["A poll about the winter menu", "Grow followers with content", "Buy followers for the launch"]
    assert honesty._candidates(texts, honesty.extra()) == [2]
    assert [h.index for h in honesty.scan(texts)] == [2]


def test_the_vocabularys_memo_never_changes_what_is_found():
    """The word -> entries memo: scanning the corpus in one process, in any order,
    finds what a vocabulary with an empty memo finds."""
    phrases = [p["text"] for p in yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["phrases"]]
    vocab = honesty.extra().vocabulary
    fresh = []
    for text in phrases:
        vocab._memo.clear()
        fresh.append(honesty.detect(text))
    vocab._memo.clear()
    warm = [honesty.detect(text) for text in phrases]
    backwards = [honesty.detect(text) for text in reversed(phrases)][::-1]
    assert warm == fresh == backwards


def test_findings_name_the_roles_and_words_that_matched():
    [hit] = honesty.detect("Подписчиков для канала закупаем")
    assert hit.roles == (("audience", "Подписчиков"), ("acquire", "закупаем"))
    assert hit.matched == "Подписчиков для канала закупаем"


def test_every_role_a_finding_can_name_has_words_in_other_languages(tmp_path):
    """A finding names the roles that matched; in Russian it names them in words ("ложные жалобы:
    `накидаем жалоб`"), never by the lexicon's identifier. Forty roles had none until the sixteenth
    round (`false_report`, `pressure`, `covert`, ...)."""
    lex = honesty.lexicon()
    named = {role for r in lex.rules for role in r.roles} - set(honesty.STRUCTURE)
    assert not named - set(honesty.ROLE_WORDS), sorted(named - set(honesty.ROLE_WORDS))
    plan = tmp_path / "plan.yaml"
    plan.write_text("brand: Test\ntactics:\n  - Давайте все накидаем жалоб на честные отзывы у конкурента\n",
                    encoding="utf-8")
    out = run_cli("check", str(plan), "--lang", "ru", "--format", "concise").stdout.decode()
    assert "ложные жалобы: `накидаем жалоб` + отзыв: `отзывы`" in out and "false_report" not in out


# --- normalisation ------------------------------------------------------------------


@pytest.mark.parametrize("raw, norm", [
    ("нaкрyткa", "накрутка"),  # Latin a, y inside a Cyrillic word
    ("НАКРУТКА ПОДПИСЧИКОВ", "накрутка подписчиков"),
    ("Bедь", "ведь"),  # Latin capital B
    ("bоts", "bots"),  # Cyrillic о inside a Latin word
    ("ёлка", "елка"),
    ("mass—following", "mass-following"),
    ("«адвокатов»", "'адвокатов'"),  # quotation marks an apostrophe: where a quote closes stays seen
    ("SMM-продвижение", "smm-продвижение"),  # two words: nothing to fix
])
def test_normalize(raw, norm):
    out, where = honesty.normalize(raw)
    assert out == norm and where is None


def test_normalize_maps_back_when_lengths_change():
    raw = "ﬁne: ｂｕｙ fol\u200blowers, Пост №1 İstanbul"  # ligature, full-width, zero-width space, №, İ
    out, where = honesty.normalize(raw)
    assert out == "fine: buy followers, пост no1 istanbul"
    assert len(out) != len(raw)
    # every character maps back to the one it came from
    for n, ch in enumerate(out):
        assert honesty.normalize(raw[where.start(n) : where.end(n)])[0].find(ch) >= 0, (n, ch)
    b = out.index("buy")
    assert raw[where.start(b) : where.end(b + 2)] == "ｂｕｙ"
    [hit] = honesty.detect(raw)
    assert hit.matched == "ｂｕｙ fol\u200blowers" and CODES[hit.category] == "BAN001"


def test_one_odd_character_does_not_shift_the_other_texts():
    texts = ["Пост №1: опрос", "Итоги… и планы", "Купить 1000 подписчиков", "buy followers"]
    hits = honesty.scan(texts)
    assert [(h.index, h.matched) for h in hits] == [(2, "Купить 1000 подписчиков"), (3, "buy followers")]


@pytest.mark.parametrize("text", [
    "mass-following", "mass following", "massfollowing", "Mass_Following",
    "масс-фолловинг", "массфолловинг", "масс фолловинг", "мaссфoлловинг",
])
def test_hyphen_space_joined_and_look_alike_spellings(text):
    assert detected(text) == ["BAN006"]


@pytest.mark.parametrize("text", [
    "накрутка подписчиков", "накрутить подписчиков", "накрутим подписчиков", "накручивать подписчиков",
    "накрученные подписчики", "НАКРУТКУ ПОДПИСЧИКОВ", "buy followers", "buying followers", "bought followers",
    "purchased followers", "купить подписчиков", "купили подписчиков", "покупка подписчиков",
])
def test_word_forms(text):
    assert detected(text) == ["BAN001"]


@pytest.mark.parametrize("text", [
    "No bots, no bought likes", "We never buy followers", "Без накрутки и ботов", "Никаких липовых отзывов",
    "instead of buying followers we run a contest", "remove fake accounts from the group",
    "Не покупаем лайки", "защита от накрутки",
])
def test_negated_and_clean_up_mentions_are_not_findings(text):
    assert detected(text) == []


def test_a_negation_in_another_sentence_does_not_excuse():
    assert detected("No ads this month. Buy followers instead.") == ["BAN001"]
    assert detected("Контент без рекламы, но накрутим подписчиков") == ["BAN001"]


# --- where findings point -------------------------------------------------------------


def test_plain_scalar_points_at_the_words():
    plan = """\
        tactics:
          - Targeted ads, then buy 500 followers for the launch
        """
    result = check_text(plan)
    assert ban(result) == [("BAN001", *at(plan, 2, "buy 500"))]
    assert_points_at_the_words(result)
    [f] = [f for f in result.findings if f.code == "BAN001"]
    assert f.data["matched"] == "buy 500 followers"
    assert f.data["category"] == "bought_audience"
    assert any("465.8" in p for p in f.data["policies"])
    assert "FTC 16 CFR 465.8" in f.message and "`buy 500 followers`" in f.message
    assert f.where == "tactics[0]"


def test_quoted_scalars_point_at_the_words():
    plan = """\
        posts:
          - {date: 2026-12-01, type: engaging, title: "Poll \\"today\\": join an engagement pod"}
          - date: 2026-12-02
            type: engaging
            title: 'Don''t forget: sub4sub with @bakery'
        """
    result = check_text(plan)
    assert ban(result) == [("BAN006", *at(plan, 2, "engagement pod")), ("BAN006", *at(plan, 5, "sub4sub"))]
    assert_points_at_the_words(result)


def test_block_scalars_point_at_the_line_of_the_words():
    plan = """\
        tactics:
          - name: Launch
            description: |
              Week 1: targeted ads in Ads Manager.
              Week 2: нaкрyткa лайков on every post.
          - name: Later
            description: >
              A long folded text that keeps going and then
              says buy
              followers, which is split over two lines.
        """
    result = check_text(plan)
    assert ban(result) == [("BAN002", *at(plan, 5, "нaкрyткa")), ("BAN001", *at(plan, 9, "buy"))]
    assert_points_at_the_words(result)
    [f] = [f for f in result.findings if f.code == "BAN002"]
    assert f.data["matched"] == "нaкрyткa лайков"  # as written, look-alike letters and all


def test_cyrillic_columns_count_characters():
    plan = """\
        goals:
          - kind: awareness
            description: Узнаваемость через накрутку подписчиков и рекламу
            kpis: [{metric: reach, target: 1000}]
        """
    result = check_text(plan)
    assert ban(result) == [("BAN001", *at(plan, 3, "накрутку"))]


def test_every_text_field_is_read():
    result = check_text("""\
        brand: Test
        client: {name: Test LLC, approver: Anna}
        goals:
          - kind: loyalty
            description: Engagement through bought likes
            kpis: [{metric: comments, target: 100, source: a click farm}]
        tactics:
          - {name: sub4sub, description: Buy reviews, kind: content}
        posts:
          - date: 2026-12-01
            type: engaging
            title: Poll
            text: Then массфолловинг
            notes: Staff write reviews
        """)
    fields = sorted((f.code, f.where) for f in result.findings if f.code.startswith("BAN"))
    assert fields == [
        ("BAN002", "goals[0].description"), ("BAN002", "goals[0].kpis[0].source"),
        ("BAN004", "posts[0].notes"), ("BAN004", "tactics[0].description"),
        ("BAN006", "posts[0].text"), ("BAN006", "tactics[0].name"),
    ]


# --- the project's phrases ---------------------------------------------------------------


def test_banned_phrases_from_settings_and_plan():
    plan = """\
        banned_phrases: ['сер* пиар*']
        tactics:
          - Серый пиар в пабликах района
          - Чёрный SEO для сайта
        """
    result = check_text(plan, Settings(banned_phrases=("черн* seo",)))
    assert ban(result) == [("BAN007", *at(plan, 3, "Серый")), ("BAN007", *at(plan, 4, "Чёрный"))]
    f = next(f for f in result.findings if f.code == "BAN007")
    assert f.data["phrase"] == "сер* пиар*" and f.data["matched"] == "Серый пиар"
    # a phrase can name its category
    result = check_text("tactics: [Накрутка голосов в опросе, Голоса в опросе с бирж]\n",
                        Settings(banned_phrases=("bought_engagement: голоса в опросе с бирж",)))
    assert [c for c, *_ in ban(result)] == ["BAN002", "BAN002"]


def test_allowed_phrases_cover_a_match():
    text = "tactics: [Mass following of our own staff accounts, Mass following of strangers]\n"
    assert [c for c, *_ in ban(check_text(text))] == ["BAN006", "BAN006"]
    result = check_text(text, Settings(allowed_phrases=("mass following of our own staff",)))
    assert ban(result) == [("BAN006", *at(text, 1, "Mass following of strangers"))]
    result = check_text("allowed_phrases: [mass following of our own staff]\n" + text)
    assert ban(result) == [("BAN006", 2, at(text, 1, "Mass following of strangers")[1])]
    # an allowed phrase that only touches the match does not cover it
    assert detected("mass following of strangers", allowed=("following of strangers",)) == ["BAN006"]


def test_phrase_lists_are_not_read_as_text():
    result = check_text("banned_phrases: [buy followers]\nallowed_phrases: [массфолловинг]\n")
    assert ban(result) == []


# --- tactic kinds ---------------------------------------------------------------------------


def test_banned_kind_is_a_finding_of_its_category():
    plan = """\
        tactics:
          - {name: Growth, kind: bought-followers}
          - name: Reviews
            kind: Fake Reviews
          - {name: Pods, kind: engagement_pod}
        """
    result = check_text(plan)
    assert ban(result) == [("BAN001", *at(plan, 2, "bought")), ("BAN004", *at(plan, 4, "Fake")),
                           ("BAN006", *at(plan, 5, "engagement_pod"))]
    assert all("tactic kind" in f.message for f in result.findings if f.code.startswith("BAN"))


def test_legitimate_kinds_pass_and_their_text_is_still_read():
    plan = """\
        tactics:
          - {name: Ads, kind: paid_ads, description: Boost the post in Ads Manager}
          - {name: Bot, kind: chatbot, description: Bots that like every post in the hashtag}
        """
    result = check_text(plan)
    assert ban(result) == [("BAN003", *at(plan, 3, "Bots that"))]


def test_unknown_kind_gets_did_you_mean():
    plan = "tactics:\n  - {name: Ads, kind: paid_adds}\n  - {name: X, kind: telepathy}\n"
    result = check_text(plan)
    found = [f for f in result.findings if f.code == "BAN008"]
    assert [(f.line, f.column) for f in found] == [at(plan, 2, "paid_adds"), at(plan, 3, "telepathy")]
    assert "Did you mean `paid_ads`?" in found[0].message and found[0].data["suggestion"] == "paid_ads"
    assert "Did you mean" not in found[1].message and "chatbot" in found[1].fix


def test_unknown_kind_that_says_what_it_does_is_judged_by_its_words():
    plan = "tactics:\n  - {name: Growth, kind: buy_followers}\n"
    assert ban(check_text(plan)) == [("BAN001", *at(plan, 2, "buy_followers"))]


# --- post warnings -------------------------------------------------------------------------------


def test_user_generated_post_needs_author_or_source():
    plan = """\
        formula: 80-20
        posts:
          - {date: 2026-12-01, type: ugc, title: Guest photo}
          - {date: 2026-12-02, type: пользовательский, title: Фото гостя, author: Мария}
          - {date: 2026-12-03, type: user_generated, title: Repost, source: "#coffeelabart, with consent"}
          - {date: 2026-12-04, type: value, title: Tips}
        """
    result = check_text(plan)
    # 80-20 has no UGC category: the type still says whose content it should be
    assert ban(result) == [("BAN009", *at(plan, 3, "ugc"))]
    assert [f.severity for f in result.findings if f.code == "BAN009"] == ["warning"]


def test_sponsored_post_needs_a_disclosure():
    plan = """\
        formula: {engaging: 50, sponsored: 50}
        posts:
          - {date: 2026-12-01, type: engaging, sponsored: yes, title: Partner menu}
          - {date: 2026-12-02, type: engaging, sponsored: yes, title: Partner menu 2, disclosure: "#ad"}
          - {date: 2026-12-03, type: sponsored, title: Blogger visit}
          - {date: 2026-12-04, type: sponsored, title: "Реклама. Блогер у нас в гостях"}
          - {date: 2026-12-05, type: engaging, title: Our own poll}
        """
    result = check_text(plan)
    assert ban(result) == [("BAN010", *at(plan, 3, "yes")), ("BAN010", *at(plan, 5, "sponsored"))]
    assert {f.severity for f in result.findings if f.code == "BAN010"} == {"warning"}


# --- the shipped plans, the report, the command line ---------------------------------------------


def test_shipped_plans_have_no_honesty_findings():
    from smmplan.engine import check_path

    for path in sorted(PLANS.glob("*.yaml")):
        result = check_path(str(path))
        assert ban(result) == [], path.name


BAD = """\
brand: Test
tactics:
  - Купить 1000 живых подписчиков в группу
  - name: Reviews
    description: "Staff write reviews; never delete negative reviews"
posts:
  - date: 2026-12-01
    type: user_generated
    title: Guest photo of the week
"""


def test_cli_text_report_has_an_honesty_section_with_the_words(write_plan):
    path = write_plan(BAD)
    proc = run_cli("check", "plan.yaml", "--color", "never", cwd=path.parent)
    out = proc.stdout.decode()
    assert proc.returncode == 1, proc.stderr.decode()
    section = out[out.index("\nHonesty\n"):]
    assert re.search(r"error +plan\.yaml:%d:%d +BAN001 bought-audience" % at(BAD, 3, "Купить"), section)
    assert "`Купить 1000 живых подписчиков`" in section
    assert re.search(r"error +plan\.yaml:%d:%d +BAN004 fake-reviews" % at(BAD, 5, "Staff"), section)
    assert "BAN005" not in out  # "never delete negative reviews" is the honest way
    assert re.search(r"warning +plan\.yaml:%d:%d +BAN009" % at(BAD, 8, "user_generated"), section)
    caret = section.splitlines()[section.splitlines().index("       3 │   - Купить 1000 живых подписчиков в группу") + 1]
    column = at(BAD, 3, "Купить")[1]
    assert caret.strip() == "│ " + " " * (column - 1) + "^" * len("Купить 1000 живых подписчиков")


def test_cli_colour_highlights_the_matched_words(write_plan):
    path = write_plan(BAD)
    out = run_cli("check", str(path), "--color", "always").stdout.decode()
    assert "\x1b[1;7mКупить 1000 живых подписчиков\x1b[0m" in out


def test_cli_json_carries_the_match(write_plan):
    path = write_plan(BAD)
    proc = run_cli("check", str(path), "--format", "json")
    data = json.loads(proc.stdout)
    found = {f["code"]: f for f in data["findings"] if f["code"].startswith("BAN")}
    assert found["BAN001"]["data"]["matched"] == "Купить 1000 живых подписчиков"
    assert found["BAN001"]["data"]["category"] == "bought_audience"
    assert (found["BAN001"]["line"], found["BAN001"]["column"]) == at(BAD, 3, "Купить")


def test_cli_select_and_ignore_honesty(write_plan):
    path = write_plan(BAD)
    out = run_cli("check", str(path), "--color", "never", "--select", "BAN00", "--ignore", "BAN009").stdout.decode()
    assert "BAN001" in out and "BAN009" not in out and "MIX" not in out


def test_no_entry_holds_two_entries():
    """A mask written as a block list item with commas ("- a, b") is one entry of both phrases in
    a row, which matches nothing: this round found three such, one of them voiding a mask of the
    ad role. Every entry is one phrase."""
    lex = honesty.lexicon()
    assert not [e.source for e in (*lex.entries, *lex.masks) if "," in e.source and " " in e.source.split(",", 1)[1][:1]]


def _slot_slips(source: str) -> list[str]:
    """The slots of an entry that read as a phrase of two words cut by a space ("nobody|no one
    will know" is `nobody|no` + `one` + `will` + `know`): an alternative written twice in one slot,
    or standing in a slot and in the next (`не говоря|не указывая`, `so|so that`)."""
    slots = [s.split("|") for s in source.split()]
    out = []
    for k, alts in enumerate(slots):
        again = len(set(alts)) < len(alts) or k + 1 < len(slots) and any(
            _long_form(x) in {(a, b) for a in alts for b in slots[k + 1]} for x in alts)
        if k + 1 < len(slots) and max(len(alts), len(slots[k + 1])) > 1 and set(alts) & set(slots[k + 1]) - {"*", "#"}:
            again = True
        if again:
            out.append(" ".join("|".join(s) for s in slots[k:k + 2]))
    return out


_SHORT = {"n't": "not", "'re": "are", "'ll": "will", "'ve": "have", "'d": "would", "'m": "am"}


def _long_form(word: str) -> tuple[str, str] | None:
    """A contraction's long form: don't -> (do, not), we're -> (we, are), won't -> (will, not)."""
    for tail, second in _SHORT.items():
        if word.endswith(tail) and len(word) > len(tail):
            return {"won't": "will", "can't": "can", "shan't": "shall"}.get(word, word[:-len(tail)]), second
    return None


def test_slot_slips_are_told():
    # a contraction beside its long form: "we're|we are not" reads "we're are not" or "we are not",
    # and "don't|do not sell" never reads "don't sell" (found in the fifteenth round: nine entries)
    assert _slot_slips("we're|we are not doing that") == ["we're|we are"]
    assert _slot_slips("don't|do not sell") == ["don't|do not"]
    assert _slot_slips("don't|dont sell") == []
    assert _slot_slips("they|they'll review ours") == []
    assert _slot_slips("не говоря|не указывая что работают") == ["не говоря|не"]
    assert _slot_slips("so|so that they look") == ["so|so that"]
    assert _slot_slips("buy|order # followers") == []
    assert _slot_slips("pay|paid * * for") == []


def test_no_alternative_is_half_a_phrase():
    """A space always parts words, so `не говоря|не указывая что ...` never reads "не указывая
    что": the tenth session found 45 such entries, some of them years old
    (`как будто|будто ты`, `ask for|asks for`), by the shape `_slot_slips` tells. An entry
    of two words per alternative is written as two entries."""
    lex = honesty.lexicon()
    assert not [(e.role, e.source) for e in (*lex.entries, *lex.masks) if _slot_slips(e.source)]


def test_no_alternative_holds_a_hyphen():
    """Hyphens part words as spaces do, so an alternative written with one (`кто-то` in
    `кто то|кто-то|someone накрутил*`, `drip-feed` in `drip|drip-feed the`) is two words in one
    slot and never reads anything: the fourteenth round found three such entries, and wrote
    ten of its own before this test. A single entry may hold a hyphen (`mass-following`): it is
    read as two words."""
    lex = honesty.lexicon()
    assert not [(e.role, e.source) for e in (*lex.entries, *lex.masks)
                if any("|" in slot and "-" in slot for slot in e.source.split(" "))]


def test_a_broken_lexicon_says_where():
    """An edit that breaks the lexicon's YAML is named with its line and column when the lexicon is
    compiled (`python -m smmplan.rules.compile`), not a TypeError from inside the compiler."""
    with pytest.raises(honesty.LexiconError, match=r"line 2, column \d+"):
        honesty.compile_lexicon(b"roles:\n  a: [x, - y]\n")


def test_no_role_holds_an_entry_twice():
    """Two entries of one role that read the same words (`spot` twice, `off limits` and
    `off-limits`) are one entry written twice: the compiled lexicon and its index carry both.
    This round found 46, added over several rounds."""
    lex = honesty.lexicon()
    seen: dict[tuple, str] = {}
    twice = []
    for e in lex.entries:
        key = (e.role, tuple((w.exact, w.prefixes, w.globs, w.number) for w in e.words))
        if key in seen:
            twice.append((e.role, seen[key], e.source))
        seen.setdefault(key, e.source)
    assert not twice


@pytest.mark.parametrize("text, banned", [
    ("Подписчиков накручивать не будем — растём на контенте", False),
    ("Накручивать подписчиков не будем, растём на контенте", False),
    ("Покупать голоса не будем, сделаем пост с просьбой к подписчикам", False),
    ("Ждать органики не будем — купим 5к подписчиков", True),  # (what the dash says is still read)
    ("Бесплатно не будем: купим подписчиков у сервиса", True),
])
def test_a_negation_with_its_auxiliary_before_a_mark_denies_what_comes_before(text, banned):
    """"Подписчиков накручивать не будем — ...": the negation stands after its verb, and the
    auxiliary ("будем") ends the phrase at the dash or comma: it denies the verb and its object,
    and nothing after the mark."""
    assert bool(honesty.detect(text)) is banned, honesty.detect(text)


@pytest.mark.parametrize("text, banned", [
    ("Накрутку подписчиков не заказываем", False),
    ("Закупку лайков не делаем, растём органически", False),
    ("Раскрутку ботами не используем и клиентам не советуем", False),
    ("Накрутку подписчиков закажем, если охваты не вырастут", True),  # (the negation is the condition's)
    ("Покупка подписчиков не помешает перед запуском", True),  # (no denial of the purchase)
    ("Не забудьте заказать накрутку подписчиков", True),
])
def test_a_negated_verb_denies_the_noun_of_an_act_before_it(text, banned):
    """Russian puts the object first: in "Накрутку подписчиков не заказываем" the noun of the
    act ("накрутку", read by the roles of verbs) is what the verb after it denies, not a verb
    whose own phrase ends the denial."""
    assert bool(honesty.detect(text)) is banned, honesty.detect(text)
