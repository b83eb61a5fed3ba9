"""The learned model's second opinion beside the honesty rules (smmplan/text/learned.py).

The model is learned (``python -m smmplan.text.learn``) from every labelled set of tests/data
except its held-out part (the sets its file names in `held_out`: honesty_heldout99-106 and 111-114), from the
lexicon's rules' examples, and from the package's own everyday texts (idea banks, shipped plans).
Its held-out part, never read (scores looked at, never a phrase):

- 99-102, written while the sixteenth round's sets were scored, scored once with the rules of
  5bde51f alone (90.8 % recall, 97.6 % precision); the model's configuration was chosen on their
  scores and on everyday texts (tests/data/honesty_everyday*.yaml, the idea banks, the content-type
  corpora): stems of six letters and pairs of stems, logistic regression, flag at 0.95 on a text of
  six words or more that no rule found anything in;
- 103-106, written for this round (103 marketplace sellers, 104 Telegram and VK channel admins,
  105 English-speaking startup and creator growth people, 106 local businesses and their freelance
  SMM managers), scored with the rules of 82e9f76 alone (91.0 %, 97.4 %) and then, unread, with
  each version of the model (docs/honesty.md lists every scoring);
- 111-114, written for the eighteenth round (111 the usual brief, 112 music, podcasts, streaming and
  games, 113 beauty, fashion and fitness brands and their influencer managers, 114 questions,
  requests and refusals in chats and forums, two thirds Russian), scored with the rules and the
  model of 20179b2 before anything learned from the development sets 115-118 written beside them,
  then with each configuration after (the doubt's threshold was chosen on 99-106). 114's misses
  were shown once, by this file's floor test failing, after every scoring listed; nothing was
  changed after that.

The floors keep the scores of the model as shipped; issue 14's targets (recall >= 95 %, precision
>= 97 %) are asserted on the pooled held-out part. Run with -s to see every miss.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.rules import honesty
from smmplan.text import learned
from tests.conftest import run_cli
from tests.honesty_score import assert_scores, score

DATA = Path(__file__).parent / "data"
MODEL = learned.model(honesty.MODEL)

# (set, floors: recall, precision) of the rules with the model, as shipped
SETS = [
    (99, 0.97, 0.97), (100, 0.94, 0.97), (101, 0.97, 0.99), (102, 0.93, 0.95),
    (103, 0.95, 0.98), (104, 0.90, 0.96), (105, 0.97, 0.98), (106, 0.96, 0.97),
    (111, 0.98, 0.99), (112, 0.97, 0.99), (113, 0.97, 0.99), (114, 0.96, 0.93),
]


def test_the_held_out_part_is_the_model_s_own():
    assert MODEL.held_out == tuple(f"honesty_heldout{n}.yaml" for n, *_ in SETS)
    for name in MODEL.held_out:
        assert (DATA / name).is_file(), name


@pytest.mark.parametrize("n,recall,precision", SETS, ids=[f"heldout{n}" for n, *_ in SETS])
def test_held_out_set(n, recall, precision):
    assert_scores(DATA / f"honesty_heldout{n}.yaml", 280, recall, precision)


def test_held_out_part_meets_the_targets():
    scores = [score(DATA / name) for name in MODEL.held_out]
    tp, fn, fp = (sum(getattr(s, k) for s in scores) for k in ("tp", "fn", "fp"))
    for s in scores:
        print(s.report())
    print(f"pooled: recall {tp / (tp + fn):.1%} ({tp}/{tp + fn}), precision {tp / (tp + fp):.1%} ({tp}/{tp + fp})")
    assert tp / (tp + fn) >= 0.95 and tp / (tp + fp) >= 0.97


def test_the_model_was_learned_from_the_corpus_as_it_is():
    """A changed set or lexicon example means learning again (`python -m smmplan.text.learn`)."""
    done = subprocess.run([sys.executable, "-m", "smmplan.text.learn", "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_search_and_table_agree():
    """The table a plan of many texts reads by is the search a few texts read by (the reference)."""
    table = MODEL.table()
    assert len(table) == len(MODEL.keys) == len(MODEL.weights)
    assert list(MODEL.keys) == sorted(MODEL.keys)
    texts = [p["text"] for name in MODEL.held_out[:2] for p in _phrases(DATA / name)]
    feats = {f for t in texts for f in learned.stems(honesty.normalise(t)[0], MODEL.prefix)}
    assert {f: MODEL.weight(f) for f in feats} == {f: table.get(learned.key(f), 0.0) for f in feats}
    assert sum(1 for f in feats if MODEL.weight(f)) > len(feats) / 3  # (most features are known)
    many = learned.probabilities(MODEL, [honesty.normalise(t)[0] for t in texts])
    assert len(texts) >= learned._MANY
    assert many == pytest.approx([learned.probability(MODEL, t) for t in texts], abs=1e-9)
    texts += ["Buy 5k followers", "Отзывы пользователей", "Buy 7k followers"]
    some = learned.probabilities(MODEL, [honesty.normalise(t)[0] for t in texts], MODEL.min_words)
    assert some == pytest.approx(_alone(texts), abs=1e-9)
    assert 0 < sum(p is None for p in some) < len(texts)


def _alone(texts: list[str]) -> list[float | None]:
    """The reference: each text read alone, None where it has too few words for the model alone."""
    out = []
    for t in texts:
        t = t.replace("\x00", " ")
        few = len(learned.words_of(honesty.normalise(t)[0])) < MODEL.min_words
        out.append(None if few else learned.probability(MODEL, t))
    return out


def test_a_plan_s_texts_read_at_once_read_as_each_alone():
    texts = ["Накрутка подписчиков от 0,5 ₽", "Buy 5k followers", "Buy 5k followers", "", "нaкрyткa лайков",
             "Order 300 printed flyers", "a\x00b", "Ｂｕｙ followers",
             "Ищем исполнителя: 2000 подписчиков в телеграм-канал до пятницы, бюджет 3к",
             "Ищем исполнителя: 5000 подписчиков в телеграм-канал до пятницы, бюджет 9к",  # (read as the one above)
             "Order 300 printed flyers for the shop's opening on Friday", "one two three four five six"]
    alone = _alone(texts)
    assert sum(p is None for p in alone) == 8
    assert honesty.extra().reader.probabilities(texts) == pytest.approx(alone, abs=1e-9)
    # ... and given the plan's texts as the rules normalised them (each distinct text once, remembered)
    norms = honesty.normalise(honesty._joined(texts))[0].split("\x00")
    fresh = honesty._build_extra(honesty.lexicon(), [*honesty.lexicon().entries], (), (), (), ())
    assert fresh.reader.probabilities(texts, norms) == pytest.approx(alone, abs=1e-9)
    assert fresh.reader.probabilities(texts[::-1]) == pytest.approx(alone[::-1], abs=1e-9)
    # what is flagged is what the model alone flags (learned.flags, the reference)
    flagged = [p is not None and p >= MODEL.flag_above for p in fresh.reader.probabilities(texts)]
    assert flagged == [learned.flags(MODEL, honesty.normalise(t.replace("\x00", " "))[0],
                                     learned.probability(MODEL, t.replace("\x00", " "))) for t in texts]
    assert flagged[8] and flagged[9]


_HEADS = ["Buy 5k followers for the launch", "Накрутка подписчиков в канал до пятницы, бюджет",
          "Poll: mocha or gingerbread for the winter menu?", "Отзывы гостей о новом меню",
          "Order 300 printed flyers for the shop's", ""]
_TAILS = ["(12)", "(3)", "#5", "#50", "9к", "3к", "10k", "1-2", "(1)\n", "2027", "x", "followers", "(1) (2)", ""]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_HEADS), st.sampled_from([" ", "\n", " \n"]), st.sampled_from(_TAILS))
                .map("".join), min_size=1, max_size=12))
def test_texts_that_differ_in_their_last_chunk_s_digits_read_as_each_alone(texts):
    """learned.probabilities reads once the texts that differ only in the digits of their last
    chunk (a plan's numbered posts): what it gives is still what each text read alone gives,
    the texts' first reading or not (the model's chunk memo filled or emptied)."""
    norms = [honesty.normalise(t)[0] for t in texts]
    expected = _alone(texts)
    assert learned.probabilities(MODEL, norms, MODEL.min_words) == pytest.approx(expected, abs=1e-9)
    MODEL.chunks.clear()
    assert learned.probabilities(MODEL, norms[::-1], MODEL.min_words) == pytest.approx(expected[::-1], abs=1e-9)


def test_features_are_stems_and_pairs():
    assert learned.stems("накрутку подписчиков за 500", 6) == {"накрут", "подпис", "за", "000", "накрут подпис",
                                                                 "подпис за", "за 000"}
    assert set(learned.stems("накрутку подписчиков", 6)) == {"накрут", "подпис", "накрут подпис"}


def test_the_model_flags_what_no_rule_foresees_and_names_its_words():
    text = "Ищем исполнителя: 2000 подписчиков в телеграм-канал до пятницы, бюджет 3к"
    ex = honesty.extra()
    assert not [h for h, x in honesty._rules_scan([text], ex) if x is None]  # no rule reads it
    hits = honesty.detect(text)
    assert [h.category for h in hits] == ["bought_audience"]
    (role, words), = hits[0].roles
    assert role == "learned" and "2000" in words.split(", ")
    assert all(w in hits[0].matched for w in words.split(", "))
    assert hits[0].matched == text[hits[0].start : hits[0].end]


def test_a_few_words_are_too_little_for_the_model_alone():
    m = MODEL
    short = "Отзывы пользователей"
    assert learned.flags(m, honesty.normalise(short)[0], 1.0) is False
    assert learned.flags(m, honesty.normalise("one two three four five six")[0], 1.0) is True
    assert learned.flags(m, honesty.normalise("one two three four five six")[0], m.flag_above - 0.01) is False


# a false alarm of the rules (buying a post is buying an ad: development set 116)
DOUBTED = ("Ask the Telegram channel admin for stats before buying a post: views per post, ERR, "
           "and where subscribers came from")


def test_the_model_doubts_a_rule_s_finding_but_never_takes_it_away():
    """A rule's finding whose sentence the model reads as legitimate is doubted: kept, under review
    (the plain reference: learned.part_of, learned.probability and learned.doubts)."""
    ex = honesty.extra()
    (hit,) = [h for h, x in honesty._rules_scan([DOUBTED], ex) if x is None]
    part = learned.part_of(DOUBTED, hit.start, hit.end)
    assert part == DOUBTED  # (one sentence)
    assert learned.doubts(MODEL, honesty.normalise(part)[0], learned.probability(MODEL, part))
    assert honesty.detect(DOUBTED) == []
    assert [h.category for h in honesty.detect(DOUBTED, doubted=True)] == ["bought_engagement"]
    (x,) = honesty.excused([DOUBTED], ex)
    assert (x.origin, x.role, x.hit) == (honesty.DOUBTED, "learned", hit)
    assert x.probability == pytest.approx(learned.probability(MODEL, part), abs=1e-9)
    # a project's own banned phrase is never doubted
    assert [h.category for h in honesty.detect(DOUBTED, banned=("buying a post",))] == [honesty.PROJECT]


@pytest.mark.parametrize("text", [
    "No ads this month. Buy followers instead.",  # another sentence: the model reads it as legitimate
    "Контент без рекламы, но накрутим подписчиков",  # past a `but`: too few words to doubt
    "Buy bot comments then check the stats",
])
def test_a_doubt_reads_the_sentence_of_the_finding_not_the_whole_text(text):
    """The model reads words, not a negation's scope: a text of two statements is two readings."""
    assert honesty.detect(text), learned.probability(MODEL, text)


def test_part_of_cuts_at_sentences_and_contrasts():
    text = "No ads this month. Buy followers instead, but only from the panel"
    at = text.index("Buy")
    assert learned.part_of(text, at, at + 13) == "Buy followers instead"
    assert learned.part_of("Рост без рекламы, но накрутим подписчиков", 22, 30) == "но накрутим подписчиков"
    assert learned.part_of("one two", 0, 3) == "one two"


def test_a_doubt_is_kept_under_review_through_the_installed_command(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(title=DOUBTED), encoding="utf-8")
    out = json.loads(run_cli("check", str(plan), "--format", "json").stdout)
    assert [f["code"] for f in out["findings"] if f["code"].startswith("BAN")] == []
    (kept,) = out["suppressed"]
    assert (kept["code"], kept["line"], kept["column"]) == ("BAN002", 3, 6 + DOUBTED.index("buying"))
    assert (kept["suppression"]["source"], kept["suppression"]["status"]) == ("learned model", "underReview")
    assert "reads this text as legitimate" in kept["suppression"]["justification"]
    text = run_cli("check", str(plan)).stdout.decode()
    assert "suppressed: BAN002" in " ".join(text.split()), text
    shown = run_cli("check", str(plan), "--show-suppressed").stdout.decode()
    assert "learned model" in " ".join(shown.split()), shown
    ru = run_cli("check", str(plan), "--show-suppressed", "--lang", "ru").stdout.decode()
    assert "модель" in ru and "learned model" not in " ".join(ru.split()), ru
    sarif = json.loads(run_cli("check", str(plan), "--format", "sarif").stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "BAN002"]
    assert result["suppressions"][0]["status"] == "underReview"


def test_the_own_phrasings_set_is_what_the_shapes_tests_hold():
    """tests/data/honesty_shapes.yaml (which the model learns from) is what tests/data/export_shapes.py
    makes of the shapes tests now: a phrase added to one of them is added there too (run the script)."""
    from tests.data import export_shapes

    assert (DATA / "honesty_shapes.yaml").read_text(encoding="utf-8") == export_shapes.text()
    assert len(_phrases(DATA / "honesty_shapes.yaml")) > 1000


def _phrases(path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))["phrases"]


PLAN = 'brand: Test\ntactics:\n  - "{title}"\n'
TITLE = "Ищем исполнителя: 2000 подписчиков в телеграм-канал до пятницы, бюджет 3к"


def test_through_the_installed_command(tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN.format(title=TITLE), encoding="utf-8")
    done = run_cli("check", str(plan), "--format", "json")
    assert done.returncode == 1, done.stderr.decode()
    found = [f for f in json.loads(done.stdout)["findings"] if f["code"].startswith("BAN")]
    assert [f["code"] for f in found] == ["BAN001"]
    assert found[0]["data"]["roles"][0][0] == "learned"
    assert (found[0]["line"], found[0]["column"]) == (3, 6 + TITLE.index("2000"))
    ru = run_cli("check", str(plan), "--lang", "ru", "--format", "concise")
    assert "модель по корпусу: `" in ru.stdout.decode(), ru.stdout.decode()
    # an allowed phrase excuses the model's finding as it does a rule's
    plan.write_text(PLAN.format(title=TITLE) + "allowed_phrases: [Ищем исполнителя]\n", encoding="utf-8")
    out = json.loads(run_cli("check", str(plan), "--format", "json").stdout)
    assert [f["code"] for f in out["findings"] if f["code"].startswith("BAN")] == []
    assert [(f["code"], f["suppression"]["source"], f["data"]["roles"][0][0]) for f in out["suppressed"]] == [
        ("BAN001", "allowed phrase", "learned")]


def test_learning_says_where_the_corpus_must_be(monkeypatch, tmp_path, capsys):
    from smmplan.text import learn

    monkeypatch.setattr(learn, "CORPUS", tmp_path / "nowhere")
    assert learn.main(["--check"]) == 2
    assert "run this in a clone" in capsys.readouterr().err


def test_a_comment_on_a_doubted_finding_is_the_person_s_word(tmp_path):
    """A `# smmplan: ignore[...]` comment on the line of a finding the model doubts is used (not
    reported unused, SMM002): it silences the finding as the plan's own word, which for an honesty
    finding brings SMM003 as always. A comment elsewhere leaves the doubt as it is."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(f'brand: Test\ntactics:\n  - "{DOUBTED}"  # smmplan: ignore[BAN002]\n', encoding="utf-8")
    out = json.loads(run_cli("check", str(plan), "--format", "json").stdout)
    assert [f["code"] for f in out["findings"] if f["code"].startswith("SMM")] == ["SMM003"]
    (kept,) = out["suppressed"]
    assert (kept["code"], kept["suppression"]["source"]) == ("BAN002", "comment")
    plan.write_text(f'brand: Test  # smmplan: ignore[KPI001]\ntactics:\n  - "{DOUBTED}"\n', encoding="utf-8")
    out = json.loads(run_cli("check", str(plan), "--format", "json").stdout)
    assert not [f["code"] for f in out["findings"] if f["code"].startswith(("SMM", "BAN"))]
    assert sorted((f["code"], f["suppression"]["source"]) for f in out["suppressed"]) == [
        ("BAN002", "learned model"), ("KPI001", "comment")]
