"""The labelled corpora for honesty (issue 14) and type inference (issue 15) keep their shape.

Loads the development and held-out parts (never scores them: that is the rule tests' job),
and checks fields, labels, languages, minimum sizes, label spread and that no item is
shared between the two parts, so a rule writer cannot see held-out items through dev.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

DATA = Path(__file__).parent / "data"

HONESTY_LABELS = {"ok", "BAN001", "BAN002", "BAN003", "BAN004", "BAN005", "BAN006"}
TYPE_LABELS = {"engaging", "user_generated", "educational", "advertising", "unclear"}
BUSINESSES = {"cafe", "beauty_salon", "gym", "b2b_software", "retail", "education", "services", "events"}
LANGS = {"en", "ru"}


def _load(name: str, key: str) -> list[dict]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and list(data) == [key], f"{name}: one top-level key {key!r}"
    items = data[key]
    assert isinstance(items, list) and items, f"{name}: {key} is a non-empty list"
    return items


def _norm(text: str) -> str:
    """Lower case, letters and digits only: catches duplicates that differ in punctuation or case."""
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def _honesty(part: str) -> list[dict]:
    return _load(f"honesty_{part}.yaml", "phrases")


def _types(part: str) -> list[dict]:
    return _load(f"types_{part}.yaml", "posts")


def _type_key(post: dict) -> str:
    return _norm(post["title"] + " " + post.get("text", ""))


# words of Russian written in Latin letters (the 55th set's transliterated items: "podpischiki v tg kanal")
_TRANSLIT = re.compile(r"\b(v|na|za|bez|ne|pishite|pishem|shtuk[a]?|lichku|otzyv\w*|podpis\w*|nakrut\w*|vzaim\w*|lajk\w*)\b")


def _assert_honesty_shape(items: list[dict], latin_russian: bool = False) -> None:
    for item in items:
        assert set(item) == {"expect", "lang", "text"}, item
        assert item["expect"] in HONESTY_LABELS, item
        assert item["lang"] in LANGS, item
        assert isinstance(item["text"], str) and len(item["text"].strip()) >= 3, item
        cyrillic = len(re.findall("[а-яё]", item["text"], re.IGNORECASE))
        if latin_russian and item["lang"] == "ru" and not cyrillic:
            assert _TRANSLIT.search(item["text"].lower()), f"neither Cyrillic nor transliterated Russian: {item}"
            continue
        # (a Russian phrase often names Latin brands, "TikTok Ads, тест 50 000 ₽"; an English one may
        # name a Russian site or label, "20 anonymous accounts on Хабр", but is mostly Latin)
        if item["lang"] == "ru":
            assert cyrillic, f"lang does not match the script: {item}"
        else:
            assert cyrillic < len(re.findall("[a-z]", item["text"], re.IGNORECASE)), f"lang does not match the script: {item}"


@pytest.mark.parametrize("part", ["dev", "heldout", "heldout2", "heldout3"])
def test_honesty_items_have_the_documented_shape(part):
    items = _honesty(part)
    _assert_honesty_shape(items)
    assert all(len(i["text"].strip()) >= 8 for i in items)


@pytest.mark.parametrize("part", ["dev", "heldout"])
def test_type_items_have_the_documented_shape(part):
    for item in _types(part):
        assert set(item) in ({"expect", "lang", "business", "title"}, {"expect", "lang", "business", "title", "text"}), item
        assert item["expect"] in TYPE_LABELS, item
        assert item["lang"] in LANGS, item
        assert item["business"] in BUSINESSES, item
        assert isinstance(item["title"], str) and item["title"].strip(), item
        assert isinstance(item.get("text", "x"), str), item
        is_cyrillic = bool(re.search("[а-яё]", item["title"] + item.get("text", ""), re.IGNORECASE))
        assert is_cyrillic == (item["lang"] == "ru"), f"lang does not match the script: {item}"


def _honesty_balance(part):
    banned = sum(1 for i in part if i["expect"] != "ok")
    assert 0.4 <= banned / len(part) <= 0.6, "about half banned, half ok"


def _types_balance(part):
    unclear = sum(1 for i in part if i["expect"] == "unclear")
    assert unclear / len(part) <= 0.15, "unclear is used sparingly"
    assert {i["business"] for i in part} == BUSINESSES


@pytest.mark.parametrize(
    "load, labels, total, held_min, per_stratum, balance",
    [
        (_honesty, HONESTY_LABELS, 460, 170, 5, _honesty_balance),
        (_types, TYPE_LABELS, 340, 115, 3, _types_balance),
    ],
    ids=["honesty", "types"],
)
def test_sizes_and_spread(load, labels, total, held_min, per_stratum, balance):
    dev, held = load("dev"), load("heldout")
    assert len(dev) + len(held) >= total
    assert len(held) >= held_min
    for part in (dev, held):
        counts = Counter((i["expect"], i["lang"]) for i in part)
        # every label appears in both languages in both parts
        for label in labels:
            for lang in LANGS:
                assert counts[(label, lang)] >= per_stratum, (label, lang, counts)
        balance(part)


@pytest.mark.parametrize(
    "load, key",
    [(_honesty, lambda item: _norm(item["text"])), (_types, _type_key)],
    ids=["honesty", "types"],
)
def test_no_duplicates_within_or_across_parts(load, key):
    dev = [key(i) for i in load("dev")]
    held = [key(i) for i in load("heldout")]
    repeated = [k for k, n in Counter(dev + held).items() if n > 1]
    assert not repeated, f"items repeated within or across dev/held-out: {repeated}"


def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", text.lower()))


def _older_tuned_corpus() -> list[dict]:
    older = DATA / "honesty_corpus.yaml"
    return yaml.safe_load(older.read_text(encoding="utf-8"))["phrases"] if older.exists() else []


@pytest.mark.parametrize(
    "part, size, per_stratum, earlier_parts, with_older",
    [
        # honesty_heldout2.yaml was written later, by another hand, for a second unseen scoring (see README).
        ("heldout2", 220, 5, ("dev", "heldout"), False),
        # honesty_heldout3.yaml was written later still, by a third hand, for a third unseen scoring.
        ("heldout3", 240, 8, ("dev", "heldout", "heldout2"), True),
    ],
)
def test_later_honesty_heldout_size_spread_and_independence(part, size, per_stratum, earlier_parts, with_older):
    held = _honesty(part)
    assert len(held) >= size
    counts = Counter((i["expect"], i["lang"]) for i in held)
    for label in HONESTY_LABELS:
        for lang in LANGS:
            assert counts[(label, lang)] >= per_stratum, (label, lang, counts)
    _honesty_balance(held)
    keys = [_norm(i["text"]) for i in held]
    assert not [k for k, n in Counter(keys).items() if n > 1], f"items repeated within {part}"
    # neither a copy nor a near-copy (word overlap >= 0.6) of an item of an earlier corpus;
    # the message names only this part's items, so running it shows nobody the earlier sets
    earlier = [_words(i["text"]) for p in earlier_parts for i in _honesty(p)]
    if with_older:
        earlier += [_words(i["text"]) for i in _older_tuned_corpus()]
    close = [
        i["text"]
        for i in held
        if any(len(_words(i["text"]) & b) / len(_words(i["text"]) | b) >= 0.6 for b in earlier)
    ]
    assert not close, close


def test_the_whole_files_are_gone_after_the_split():
    # Split once: only the dev and held-out parts may exist (the whole files live in git history).
    assert not (DATA / "honesty_all.yaml").exists()
    assert not (DATA / "types_all.yaml").exists()


@pytest.mark.parametrize(
    "load, text",
    [(_honesty, lambda item: item["text"]), (_types, lambda item: item["title"] + " " + item.get("text", ""))],
    ids=["honesty", "types"],
)
def test_no_near_duplicates_across_parts(load, text):
    # A held-out item that is a reworded dev item would leak: word overlap (Jaccard) stays below 0.6.
    def words(item):
        return frozenset(re.findall(r"\w+", text(item).lower()))

    held = [words(i) for i in load("heldout")]
    close = []
    for item in load("dev"):
        a = words(item)
        close += [(text(item), sorted(b)) for b in held if len(a & b) / len(a | b) >= 0.6]
    assert not close, close


def test_heldout_phrases_are_not_in_the_older_tuned_corpus():
    # honesty_corpus.yaml was written together with the lexicon; a held-out phrase found there is not unseen.
    older = DATA / "honesty_corpus.yaml"
    if not older.exists():
        pytest.skip("the older corpus has been retired")
    seen = {_norm(i["text"]) for i in yaml.safe_load(older.read_text(encoding="utf-8"))["phrases"]}
    shared = [i["text"] for part in ("heldout", "heldout2") for i in _honesty(part) if _norm(i["text"]) in seen]
    assert not shared, shared


ROUND_SETS = [f"dev{n}" for n in (*range(5, 111), *range(115, 119))] + [
    f"heldout{n}" for n in (*range(4, 107), *range(111, 115))]


@pytest.mark.parametrize("part", ROUND_SETS)
def test_round_sets_have_the_documented_shape_and_no_repeats(part):
    """The independent sets of the fourth to seventh rounds (each written by its own hand, see
    tests/data/README.md): fields, labels, language and script, at least 130 items, both languages
    in every label, no item repeated within the set."""
    items = _honesty(part)
    _assert_honesty_shape(items, latin_russian=part in ("dev55", "heldout58"))  # (their briefs asked for transliteration)
    assert len(items) >= 130
    counts = Counter((i["expect"], i["lang"]) for i in items)
    assert all(counts[(label, lang)] for label in HONESTY_LABELS for lang in LANGS), counts
    keys = [_norm(i["text"]) for i in items]
    assert not [k for k, n in Counter(keys).items() if n > 1], f"items repeated within {part}"


@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_everyday_sets_are_legitimate_lines_in_both_languages(n):
    """The everyday sets the learned honesty model learns ordinary text from (tests/data/README.md):
    400 lines each, all legitimate, half English and half Russian, none repeated."""
    items = _honesty(f"everyday{n}")
    _assert_honesty_shape(items)
    assert len(items) == 400 and {i["expect"] for i in items} == {"ok"}
    assert Counter(i["lang"] for i in items) == {"en": 200, "ru": 200}
    keys = [_norm(i["text"]) for i in items]
    assert not [k for k, c in Counter(keys).items() if c > 1]
