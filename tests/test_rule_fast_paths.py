"""The rules' shortcuts give the answers of the plain code they replace.

A 20,000-post plan made the rules trade a few general calls for cheaper
equivalents: UTM tags split by hand when the query has no escapes, post
lines read off the `posts` list's marks in one pass. Each is compared here
with the general call it stands in for. (Timings live in tests/benchmark.py.)
"""

from __future__ import annotations

import functools
import io
import json
import pickle
import textwrap
from urllib.parse import parse_qsl

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from smmplan import engine, loader
from smmplan import rows as rows_module
from smmplan.report import json as json_report
from smmplan.rows import Rows
from smmplan.rules.flow import StatusRows
from smmplan.rules.mix import ContentRows
from smmplan.config import Settings
from smmplan.locale import _
from smmplan.rules.kpi import UTM_KEYS, _utm_tags
from tests.conftest import PLANS

_PIECES = st.sampled_from(["utm_source", "UTM_Medium", "utm_campaign", "utm%5Fsource", "utm_medium+", "a", "=",
                           "&", "&&", "+", "%", "%20", "%zz", ";", "#", "é", "x=1", "utm_source="])


@given(st.lists(_PIECES, max_size=10).map("".join))
def test_utm_tags_read_a_query_as_parse_qsl_does(query):
    everything = {k.lower(): v for k, v in parse_qsl(query, keep_blank_values=True)}
    assert _utm_tags(query) == {k: v for k, v in everything.items() if k in UTM_KEYS}


def _context(text: str) -> engine.Context:
    doc = loader.load(text.encode())
    plan, _ = engine._validate(doc)
    assert plan is not None
    return engine._context("plan.yaml", doc, plan, Settings(), [])


def _post_lines_match(ctx: engine.Context) -> None:
    assert ctx.post_lines() == [ctx.line(("posts", p.index)) for p in ctx.posts]


def test_post_lines_match_the_path_lookup_on_the_shipped_plans():
    for path in sorted(PLANS.glob("*.yaml")):
        ctx = _context(path.read_text(encoding="utf-8"))
        assert ctx.posts
        _post_lines_match(ctx)


def test_post_lines_follow_the_file_when_invalid_posts_are_set_aside():
    ctx = _context(textwrap.dedent("""\
        brand: Test
        posts:
          - {date: 2026-12-01, type: engaging, title: One}
          - date: not a date
            type: engaging
            title: Broken
          - date: 2026-12-02
            type: educational
            title: Two
          - {date: 2026-12-03, type: engaging, title: Three, time: "25:00"}
          - date: 2026-12-04

            type: user_generated
            title: Four
        """))
    assert [p.index for p in ctx.posts] == [0, 2, 4]
    assert ctx.post_lines() == [3, 7, 11]
    _post_lines_match(ctx)


def test_post_lines_of_a_plan_without_posts():
    ctx = _context("brand: Test\nposts: []\n")
    assert ctx.post_lines() == []


_PHRASES = ["Buy 5k followers", "накрутка подписчиков", "B.u.y likes", "bυy followers", "Пост №1…", "no bots",
            "отзывы пишут сотрудники", "for the client", "от 0,5 ₽ подписчики", "ﬁne", "a poll", "İstanbul"]


@given(st.lists(st.one_of(st.sampled_from(_PHRASES), st.text(max_size=12)), max_size=8))
def test_honesty_skipping_clean_texts_finds_what_reading_every_text_finds(texts):
    """The fast path (one look at the plan's distinct words, then only the texts
    holding a word a rule is looked for by) against the plain reference: every
    text read in full."""
    from smmplan.rules import honesty

    ex = honesty.extra()
    reference = _reference(texts, ex)
    assert honesty.scan(texts, ex) == reference


_ASKED = ["Happy? -> Google. Not happy? -> private form", "Happy -> Google. Not happy -> private form", "Happy",
          "-> Google. Not happy -> private form", "any questions?"]


@given(st.lists(st.lists(st.one_of(st.sampled_from(_PHRASES + _ASKED), st.text(max_size=12)), max_size=6), max_size=4))
def test_honesty_keys_kept_from_plan_to_plan_find_what_a_fresh_reading_finds(plans):
    """The chunks' key words, the verdicts on sets of keys and the texts read in full are kept
    from plan to plan (`Extra.reader`): plans read one after another find what each read afresh
    finds, and what reading every text in full finds."""
    from smmplan.rules import honesty

    for ex in (honesty.extra(), honesty.extra((), ("buy 5k followers", "no bots"))):
        for texts in plans:
            fresh = ex.replaced()  # the same words, nothing remembered
            assert honesty._candidates(texts, ex) == honesty._candidates(texts, fresh)
            # texts read once and remembered (Extra.reader.read): the same hits and excused hits, numbered anew
            reference = _reference(texts, ex, pairs=True)
            assert honesty._scan(texts, ex) == reference


def test_honesty_shipped_plans_find_what_reading_every_text_finds():
    from smmplan.rules import honesty

    for path in sorted([*PLANS.glob("*.yaml"), *(PLANS.parent / "docs" / "examples").glob("*.yaml")]):
        ctx = _context(path.read_text(encoding="utf-8"))
        texts, ex = honesty._plan_texts(ctx)[1].texts, honesty._words(ctx)
        assert honesty._scan(texts, ex) == _reference(texts, ex, pairs=True), path.name


def test_honesty_reader_memos_stay_bounded(monkeypatch):
    from smmplan.rules import honesty

    monkeypatch.setattr(honesty, "_KEPT", 5)
    ex = honesty.extra().replaced()
    texts = [f"poll{n}: word{n} or vote{n}?" for n in range(40)] + ["buy followers"]
    assert honesty._candidates(texts, ex) == [40]
    reader = ex.reader
    assert 0 < len(reader.chunks) <= 5 and 0 < len(reader._words) <= 5 and 0 < len(reader._verdicts) <= 5
    for n in range(8):
        honesty._scan([f"buy {n}k followers", f"plan{n} of bots"], ex)
    assert 0 < len(reader._readings) <= 5 and 0 < len(reader._texts) <= 5


_NUMBERED = st.lists(st.sampled_from(["(12)", "[3]", "#5", "1,5", "5*", "$5", "100%", "(1)buy", "buy(1)", "10k",
                                      "followers", " ", "\n", "buy", "1000", "per", "(", ")", "@", "0.5", "₽",
                                      "подписчиков", "накрутка", "1-2", "x"]), max_size=10).map("".join)


@given(st.lists(st.one_of(st.sampled_from(_PHRASES), _NUMBERED), max_size=8),
       st.sampled_from([(), ("per 1000 followers",), ("buy 10k",)]))
def test_honesty_skipping_number_chunks_finds_what_reading_every_text_finds(texts, banned):
    """Chunks of digits and brackets alone are not tokenised (no key word stands in them),
    unless some key word is a number: the plain reference reads every text in full."""
    from smmplan.rules import honesty

    ex = honesty.extra(banned)
    reference = _reference(texts, ex)
    assert honesty.scan(texts, ex) == reference


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a'1_- \u00e9\u0436\n?", max_size=12))
def test_honesty_quote_mark_finds_what_the_plain_pattern_finds(text):
    """READER_MARKS' `quoted`, written to start with its quotation mark, matches where
    `(?<!\\w)'\\w` (a quotation mark opening a word) does."""
    import re

    from smmplan.rules.honesty import READER_MARKS

    plain = re.compile(r"(?<!\w)'\w")
    assert [m.span() for m in READER_MARKS["quoted"].finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_honesty_reads_nested_post_values_as_before():
    from smmplan.rules import honesty

    texts = honesty._Texts()
    texts.posts([{"title": "a", "notes": ["buy followers", {"x": "y"}]}, "not a post", {"title": "b", "text": "c"}])
    # by column (title, notes, text), a nested value walked right after its column
    assert texts.texts == ["a", "", "b", "", "", "", "buy followers", "y", "", "", "c"]
    assert [texts.path(i) for i in (0, 2, 6, 7, 10)] == [
        ("posts", 0, "title"), ("posts", 2, "title"), ("posts", 0, "notes", 0), ("posts", 0, "notes", 1, "x"),
        ("posts", 2, "text")]


_LINK_PIECES = st.sampled_from(["https", "http", "HTTP", "mailto", "tg", "x+y.z-1", "1a", ":", "//", "/", "?", "#",
                                "&", "=", "utm_source=vk", "[", "]", "[::1]", "@", "%41", " ", "\\t", "\\x01", "é",
                                "example.com", ":80", "a"])


@given(st.lists(_LINK_PIECES, max_size=12).map("".join))
def test_a_link_skipped_as_a_web_address_has_a_web_scheme(link):
    from smmplan.rules.plan import LINK_SCHEMES, WEB_PREFIXES, link_scheme

    link = link.replace("\\t", "\t").replace("\\x01", "\x01")
    if link.startswith(WEB_PREFIXES):
        assert link_scheme(link) in LINK_SCHEMES


@given(st.lists(_LINK_PIECES, max_size=12).map("".join))
def test_link_scheme_and_query_as_urlsplit_reads_them(link):
    from urllib.parse import urlsplit

    from smmplan.rules.kpi import _scheme_and_query

    link = link.replace("\\t", "\t").replace("\\x01", "\x01").strip()
    try:
        parts = urlsplit(link)
    except ValueError:
        with pytest.raises(ValueError):
            _scheme_and_query(link)
        return
    assert _scheme_and_query(link) == (parts.scheme, parts.query)


@given(st.text(st.sampled_from("aBуkК ё\u2063\u00ad\ufe0fİß\u0308.-«_\n№ﬁ"), max_size=16))
@example("ККB\u0308")  # (found by CI: the slow path folded "B̈" to "b̈", which reads as a Cyrillic "ь", not "В")
def test_normalise_fast_path_reads_as_the_character_by_character_path(text):
    """Text that needs no offset map takes the fast path (str methods on the
    whole); the reference normalises character by character every time."""
    import importlib

    n = importlib.import_module("smmplan.text.normalise")

    norm, _ = n.normalise(text)
    slow, _ = n._nfkc(text)
    assert norm == n._fix_mixed(n._replace(slow), set(n._replace(slow).split()))[0].lower()


def test_honesty_reads_texts_joined_as_each_alone():
    """The texts are joined by a separator and normalised at once: a text holding the separator's
    own character, an empty one, and the same texts repeated find what each read in full finds."""
    from smmplan.rules import honesty

    texts = [*_PHRASES, "", "\x00 buy followers", *_PHRASES[::-1], "Накрутка подписчиков"] * 3
    ex = honesty.extra()
    assert honesty.scan(texts, ex) == _reference(texts, ex)


# --- content-type inference in bulk -----------------------------------------------

_TEXT_PIECES = st.sampled_from(["Poll", ": ", "mocha", " or ", "gingerbread", "?", " (12)", " 1,000", "20%", "$5",
                                "b.u.y", "f-o-l-l-o-w", " 5*", "★", "скидка", " 20 %", "\n", "\x00", "١٢", "Ⅻ",
                                "первое бесплатно", "how to", "vote", "free", "шаг 2", "guest photo", ""])


def _reference_signals(title: str, text: str):
    """types._signals as first written: each text read whole (tokens, clauses), every hit tagged."""
    from smmplan.text import read
    from smmplan.text import types

    lex = types.lexicon()
    weights = lex.weights
    found: dict = {}
    for part, (value, bonus) in enumerate(((title, lex.title_bonus), (text, 0))):
        if not value:
            continue
        for hit in lex.vocabulary.tag(read(value).words()):
            cues = found.setdefault(hit.role, {})
            source = hit.entry.source
            points = weights[f"{hit.role}\0{source}"] + bonus
            if source not in cues or cues[source][0] < points:
                cues[source] = (points, part, hit.first, hit.last)
    out = []
    for signal, cues in found.items():
        hits = sorted(cues.values(), key=lambda h: (-h[0], h[1], h[2]))
        kept = [h for h in hits if not any(o is not h and o[1] == h[1] and o[2] <= h[2] and h[3] <= o[3]
                                           and o[3] - o[2] > h[3] - h[2] for o in hits)]
        strong = any(weights[f"{signal}\0{src}"] == types.STRONG for src in cues)
        out.append((signal, sum(h[0] for h in kept), tuple(h[1:] for h in kept), strong))
    out.sort(key=lambda s: -s[1])
    return tuple(out)


@given(st.lists(_TEXT_PIECES, max_size=8).map("".join))
def test_words_alone_are_the_words_of_a_whole_reading(text):
    from smmplan.text import read
    from smmplan.text.tokens import words

    assert words(text) == read(text).words()


@given(st.lists(_TEXT_PIECES, max_size=8).map("".join), st.lists(_TEXT_PIECES, max_size=8).map("".join))
def test_signals_from_cached_cues_are_those_of_a_whole_reading(title, text):
    from smmplan.text import types

    assert types._signals(title, text) == _reference_signals(title, text)


def test_bulk_inference_reads_every_post_as_inferring_it_alone():
    """infer_posts (shapes made over all texts joined, each distinct pair read once)
    against infer() post by post, on generated plans and the shipped ones."""
    from tests.benchmark import plan_text
    from smmplan.text import types

    texts = [plan_text(400, seed=seed, defects=8, linked=seed == 3) for seed in (1, 3, 4)]
    texts += [path.read_text(encoding="utf-8") for path in sorted(PLANS.glob("*.yaml"))]
    for text in texts:
        ctx = _context(text)
        if ctx.formula is None or not ctx.posts:
            continue
        posts, cats = [p.post for p in ctx.posts], ctx.formula.categories
        bulk = types.infer_posts(posts, cats)
        types._signals.cache_clear()
        types._infer.cache_clear()
        types._cues.cache_clear()
        assert bulk == [types.infer(p.title, types.body(p), cats) for p in posts]


@given(st.lists(st.text(st.sampled_from("0123a9 \x00١٢x"), max_size=6), max_size=6))
def test_shapes_made_in_bulk_are_each_texts_shape(texts):
    from smmplan.text import types

    assert types._shapes(texts) == [types._shape(t) for t in texts]


@given(st.lists(st.tuples(st.lists(_TEXT_PIECES, max_size=5).map("".join),
                          st.none() | st.lists(_TEXT_PIECES, max_size=5).map("".join),
                          st.none() | st.sampled_from(["@anna, shared with permission", "", "@oleg 2"]),
                          st.none() | st.sampled_from(["reposted with consent", ""])), max_size=6))
def test_bulk_inference_of_any_posts_is_inference_post_by_post(rows):
    from types import SimpleNamespace

    from smmplan import formulas
    from smmplan.text import types

    posts = [SimpleNamespace(title=t, text=x, author=a, source=s) for t, x, a, s in rows]
    cats = formulas.PRESETS["golden"].categories
    assert types.infer_posts(posts, cats) == [types.infer(p.title, types.body(p), cats) for p in posts]


# --- ideas: the plan's titles read only when an idea may be one of them ----------------

_BANK = [t for bank in ("en", "ru") for titles in __import__("smmplan.ideas").ideas.IDEAS[bank].values()
         for t in titles[:6]]


@given(st.lists(st.one_of(st.sampled_from(_BANK), st.sampled_from(_BANK).map(str.upper),
                          st.sampled_from(_BANK).map(lambda t: f"  {t.replace(' ', chr(10))} "),
                          st.text(st.sampled_from("ab ΣσςİI\n"), max_size=6)), max_size=12),
       st.lists(st.sampled_from(["engaging", "educational", "advertising", "user_generated"]), max_size=12),
       st.sampled_from(["en", "ru"]))
def test_ideas_skip_reading_the_plans_titles_only_when_no_title_can_match(planned, asked, language):
    """Titles reads the plan's titles (squeezed) only when every word of an idea is in some
    title; the reference reads them all up front. Both give the same ideas."""
    from smmplan import ideas
    from smmplan.findings import squeeze

    fast = ideas.Titles(language, set(planned))
    reference = ideas.Titles(language)
    reference.taken.update(map(squeeze, planned))
    assert [fast.next(c) for c in asked] == [reference.next(c) for c in asked]


_TAGGED = st.lists(st.sampled_from(["https://", "http://", "HTTPS://", "shop.example", "/p/1", "?", "&", "#", "=",
                                    "utm_source=vk", "utm_medium=social", "utm_medium=cpc", "UTM_CAMPAIGN=w1",
                                    "utm_campaign=w1", "utm_campaign=", "utm_content=post-1", "utm_content=",
                                    "utm_term=a b", "utm_term=x", "utm_source=%41", "+", " ", "[", "é", "x"]),
                   max_size=9).map("".join)


@given(st.one_of(_TAGGED, st.builds(lambda tail: "https://cl.example/p/1?utm_source=ig&utm_medium=social"
                                                 "&utm_campaign=w1" + tail, _TAGGED)))
def test_the_usual_tagged_link_reads_as_any_link(link):
    """The usual post link (the three tags, perhaps utm_content or utm_term after them),
    matched by one regex, against the general reading of a link."""
    from smmplan.rules.kpi import _read_any_link, _read_link, vocabulary

    assert _read_link(link, vocabulary()) == _read_any_link(link, vocabulary())


# --- the JSON text of the per-post sections (smmplan.rows) -----------------------------------

_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str, check_circular=False).encode
_WORDS = st.one_of(st.none(), st.sampled_from(["engaging", "educational", "draft", "review", "vk", "10:30"]),
                   st.text(max_size=6))
_NUMBERS = st.one_of(st.booleans(), st.integers(-2, 2), st.floats(allow_nan=False), st.sampled_from([0.0, 1.0, 0.5]))
_CONTENT_ROW = st.fixed_dictionaries({
    "line": st.one_of(st.none(), st.integers(0, 10**6), st.booleans()), "type": _WORDS, "inferred": _WORDS,
    "confidence": _NUMBERS, "confident": _NUMBERS}).map(lambda row: _in_order(row, ContentRows))
_STATUS_ROW = st.fixed_dictionaries({
    "line": st.one_of(st.none(), st.integers(0, 10**6)), "date": st.one_of(_WORDS, st.dates().map(str)),
    "time": _WORDS, "channel": _WORDS, "title": st.one_of(st.text(max_size=12), st.sampled_from(['"q" \\ é\n'])),
    "status": _WORDS, "status_written": _WORDS, "approved_by": _WORDS, "approved_on": _WORDS, "ready": _NUMBERS}).map(
    lambda row: _in_order(row, StatusRows))


def _in_order(row: dict, kind: type) -> dict:
    """A row with its keys in the order the section's summary writes them."""
    return {k: row[k] for k in kind.KEYS}


def _chunks_are_the_encoding(rows: Rows) -> None:
    """A section's rows, put together chunk by chunk, read as the encoder writes them: the whole
    list (a JSON report writes '[' + the chunks joined by ', ' + ']'), and chunk by chunk."""
    chunks = list(rows.chunks(_ENCODE))
    assert "[" + ", ".join(chunks) + "]" == _ENCODE(list(rows))
    assert chunks == [", ".join(map(_ENCODE, rows[i : i + rows_module.CHUNK]))
                      for i in range(0, len(rows), rows_module.CHUNK)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_CONTENT_ROW, st.sampled_from([
    {"line": 1, "type": "engaging", "inferred": "engaging", "confidence": 1.0, "confident": True},
    {"line": 2, "type": "engaging", "inferred": "engaging", "confidence": 1, "confident": 1},
    {"line": 3, "type": "engaging", "inferred": "engaging", "confidence": True, "confident": 1.0}])), max_size=12),
    st.integers(1, 4))
def test_content_rows_put_together_read_as_each_row_encoded(rows, chunk):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rows_module, "CHUNK", chunk)  # rows in several chunks: the memos are kept across them
        _chunks_are_the_encoding(ContentRows(rows))


@settings(max_examples=200, deadline=None)
@given(st.lists(_STATUS_ROW, max_size=12), st.integers(1, 4))
def test_status_rows_put_together_read_as_each_row_encoded(rows, chunk):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(rows_module, "CHUNK", chunk)
        _chunks_are_the_encoding(StatusRows(rows))


def test_the_sections_of_the_shipped_plans_read_as_each_row_encoded(monkeypatch):
    monkeypatch.setattr(rows_module, "CHUNK", 3)
    seen = 0
    for path in sorted(PLANS.glob("*.yaml")):
        result = engine.check_bytes(path.read_bytes(), str(path), Settings())
        for key, kind in (("content", ContentRows), ("post_statuses", StatusRows)):
            rows = result.sections.get(key)
            if rows:
                assert isinstance(rows, kind)
                _chunks_are_the_encoding(rows)
                seen += 1
    assert seen >= 6


def test_a_long_section_is_written_from_its_chunks_as_the_encoder_writes_it():
    """The JSON report asks a long section for its chunks: the same text as the encoder's."""
    rows = StatusRows({"line": i, "date": f"2027-01-{i % 28 + 1:02d}", "time": ("10:30", None)[i % 2],
                       "channel": "vk", "title": f"Пост «{i}»", "status": "draft", "status_written": None,
                       "approved_by": None, "approved_on": None, "ready": False} for i in range(2_345))
    value = {"post_statuses": rows, "content": ContentRows(
        {"line": i, "type": "engaging", "inferred": None, "confidence": 0.0, "confident": False} for i in range(1_500))}
    out = io.StringIO()
    json_report.write_value(out, value, _ENCODE)
    assert out.getvalue() == _ENCODE(value)
    assert pickle.loads(pickle.dumps(rows)) == rows  # a worker's results come back pickled


def _reference_duplicates(ctx) -> list:
    """MIX004 post by post, as it was written before the columns (smmplan.rules.mix._duplicates)."""
    from smmplan.findings import squeeze
    from smmplan.rules.mix import _SAME

    out = []
    for field in ("title", "text"):
        seen: dict[str, int] = {}
        for p in ctx.posts:
            value = getattr(p.post, field)
            if not value:
                continue
            first = seen.setdefault(squeeze(value), p.index)
            if first != p.index:
                out.append((_SAME[field], ctx.line(("posts", first, field)), value[:60], ("posts", p.index, field)))
    return out


_SAMEISH = st.sampled_from(["Poll", "poll", " Poll ", "POLL\n", "Σ ΑΣ", "σ ας", "İstanbul", "i̇stanbul", "a  b",
                            "a b", "", "ß", "SS"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.one_of(_SAMEISH, st.text(max_size=4)),
                          st.one_of(st.none(), _SAMEISH, st.text(max_size=4))), max_size=10))
def test_duplicates_found_by_columns_are_those_found_post_by_post(posts):
    from smmplan.rules.mix import _SAME, _duplicates

    dumps = functools.partial(json.dumps, ensure_ascii=False)
    lines = "".join(f"  - date: 2027-01-{i % 28 + 1:02d}\n    type: engaging\n    title: {dumps(title)}\n"
                    + (f"    text: {dumps(text)}\n" if text is not None else "")
                    for i, (title, text) in enumerate(posts))
    doc = loader.load(("posts:\n" + lines if posts else "posts: []\n").encode("utf-8", "surrogatepass"))
    if doc.fatal or not isinstance(doc.data, dict):
        return
    plan, _problems = engine._validate(doc)
    if plan is None:
        return
    ctx = engine._context("plan.yaml", doc, plan, Settings(), [])
    got = [(p.message, p.where) for p in _duplicates(ctx)]
    assert got == [(_(template).format(line=line, value=value), where)
                   for template, line, value, where in _reference_duplicates(ctx)]


@given(st.lists(st.one_of(_SAMEISH, st.text(st.sampled_from("aB \t\n\r\x0b\x0c\x1c\x1f\x00\x85\xa0Σé"), max_size=6)),
                max_size=8))
def test_texts_squeezed_in_bulk_are_each_squeezed(texts):
    from smmplan.findings import squeeze, squeezed

    assert squeezed(texts) == list(map(squeeze, texts))


def _reference(texts, ex, pairs=False):
    """The plain reference of the honesty scan: every text read in full by the rules, then the
    learned model's second opinion (itself checked against reading each text alone in
    tests/test_honesty_model.py)."""
    from smmplan.rules import honesty

    read = [pair for i, t in enumerate(texts) for pair in honesty._read_text(i, t, ex)]
    out = honesty._second_opinion(texts, read, ex)
    return out if pairs else [h for h, x in out if x is None]
