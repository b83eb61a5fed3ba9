"""What a post reads as: its likely content type, from its title and text.

The cues of each kind of content (offers and prices read as advertising, polls
and questions to the audience as engaging, how-tos and myths as educational,
customers' photos and reviews as user-generated...) are data, in
``smmplan/data/content_types.yaml``; the text is read the way the honesty rules
read it (:mod:`smmplan.text`: normalised, in words, with word forms as stems).

Each signal scores the cues found (strong 2, weak 1, one more when found in the
title); a formula category scores as the best of the signals it reads as. The
best category is *confident* when it scores at least ``least`` and leaves the
runner-up far enough behind: ``1 - (second + 1) / (best + 1) >= threshold``.
A post with cues of two kinds (a customer's story that ends in a discount)
gets no confident type, and so no finding: only confident contradictions count.

Everything is read once per distinct text (a bounded cache keyed on the text)
and the vocabulary once per process, when the first post is read.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from smmplan.text import Vocabulary, compiled, read
from smmplan.text.roles import CompiledVocabulary, Entries, word_specs
from smmplan.text.tokens import words

STRONG, WEAK = 2, 1


class Inference(NamedTuple):
    """What a post reads as under one formula."""

    category: str | None  # the best-scoring category; None when no cue was found
    confidence: float  # 0..1
    confident: bool
    scores: tuple[tuple[str, int], ...] = ()  # category -> score, best first
    cues: tuple[tuple[int, int, int], ...] = ()  # behind `category`: (0 title / 1 text, first, last token)

    def contradicts(self, declared: str | None) -> bool:
        """The post confidently reads as another category than `declared`."""
        return self.confident and declared is not None and self.category != declared

    def allows(self, category: str) -> bool:
        """Whether the post may be labelled `category`: it reads as that, or as nothing for sure."""
        return not self.confident or self.category == category


NEUTRAL = Inference(None, 0.0, False)


class _Lexicon(NamedTuple):
    vocabulary: Vocabulary
    weights: dict[str, int]  # entry source -> weight, per signal (keyed "signal\0source")
    categories: dict[str, tuple[str, ...]]  # formula category -> signals
    least: int
    threshold: float
    title_bonus: int


DATA = Path(__file__).resolve().parent.parent / "data"
SOURCE, COMPILED = DATA / "content_types.yaml", DATA / "content_types.compiled.json"


@cache
def lexicon() -> _Lexicon:
    """The cues, once: from their compiled form (smmplan/data/content_types.compiled.json,
    ``python -m smmplan.rules.compile``) while it was made from this YAML, else from the YAML."""
    source = SOURCE.read_bytes()
    data = compiled.read(COMPILED, source) or compile_lexicon(source)
    entries = Entries(data["entries"])
    conf = data["confidence"]
    return _Lexicon(CompiledVocabulary(compiled.table(data, "vocabulary"), len(entries), entries.__getitem__),
                    data["weights"],
                    {k: tuple(v) for k, v in data["categories"].items()},
                    int(conf["least"]), float(conf["threshold"]), int(conf["title_bonus"]))


def compile_lexicon(source: bytes) -> dict:
    """content_types.yaml as the compiled form keeps it: each cue's words as read
    (normalised, stems), their weights, and the index of the words cues start with."""
    from smmplan import loader  # the plans' own fast reader: a JSON report imports no PyYAML

    data = loader.load(source).data
    rows = []
    weights: dict[str, int] = {}
    for signal, kinds in data["signals"].items():
        for kind, weight in (("weak", WEAK), ("strong", STRONG)):  # a cue listed twice counts as strong
            for raw in kinds.get(kind) or ():
                cue = str(raw).strip()
                specs = word_specs(cue)
                if specs:
                    rows.append(Entries.row(signal, cue, specs))
                    weights[f"{signal}\0{cue}"] = weight
    conf = data["confidence"]
    return {"source": compiled.stamp(source), "entries": rows, "weights": weights,
            "categories": {k: list(v) for k, v in data["categories"].items()},
            "confidence": {k: conf[k] for k in ("least", "threshold", "title_bonus")},
            **compiled.tables("vocabulary", Vocabulary(Entries(rows)).table())}


def readable_categories(categories: tuple[str, ...]) -> bool:
    """Whether any of a formula's categories can be inferred at all."""
    return any(map(_signals_of, categories))


@lru_cache(maxsize=1024)  # a formula's few category names
def _signals_of(category: str) -> tuple[str, ...]:
    """The signals a formula category reads as: its own, or those of the known
    category it is a synonym of (a custom formula's `ads` reads as `advertising`)."""
    from smmplan.formulas import category_among

    known = lexicon().categories
    if category not in known:
        category = category_among(category, tuple(known))
    return known.get(category, ()) if category else ()


_DIGITS = re.compile(r"\d+")


def _shape(text: str) -> str:
    """The text with every number written 0: cues ask only whether a word is a
    number, so posts that differ in their numbers alone are read once."""
    return _DIGITS.sub("0", text) if text else ""


@lru_cache(maxsize=8192)  # keyed on the texts' shapes: a plan's posts, and the same posts plan after plan
def _signals(title: str, text: str) -> tuple[tuple[str, int, tuple[tuple[int, int, int], ...], bool], ...]:
    """Per signal found: its score, its cues (part, first, last token) and whether
    one of them is strong (weak cues alone never make a confident reading), best first."""
    lex = lexicon()
    found: dict[str, dict[str, tuple[int, int, int, int]]] = {}  # signal -> entry -> (points, part, first, last)
    strong: set[str] = set()  # the signals with a strong cue
    for part, (value, bonus) in enumerate(((title, lex.title_bonus), (text, 0))):
        if not value:
            continue
        for role, source, weight, first, last in _cues(value):
            cues = found.get(role)
            if cues is None:
                cues = found[role] = {}
            points = weight + bonus
            if source not in cues or cues[source][0] < points:
                cues[source] = (points, part, first, last)
            if weight == STRONG:
                strong.add(role)
    out = []
    for signal, cues in found.items():
        hits = sorted(cues.values(), key=lambda h: (-h[0], h[1], h[2]))
        # a cue inside a longer one counts once ("first one free" is not also "free")
        kept = [h for h in hits if not any(o is not h and o[1] == h[1] and o[2] <= h[2] and h[3] <= o[3]
                                           and o[3] - o[2] > h[3] - h[2] for o in hits)] if len(hits) > 1 else hits
        out.append((signal, sum(h[0] for h in kept), tuple(h[1:] for h in kept), signal in strong))
    out.sort(key=lambda s: -s[1])
    return tuple(out)


@lru_cache(maxsize=8192)  # keyed on one text's shape: a title, or a body many posts share (an author's line)
def _cues(value: str) -> tuple[tuple[str, str, int, int, int], ...]:
    """The cues in one text, in the vocabulary's order: (signal, entry, weight, first, last token)."""
    lex = lexicon()
    weights = lex.weights
    return tuple((hit.role, hit.entry.source, weights[f"{hit.role}\0{hit.entry.source}"], hit.first, hit.last)
                 for hit in lex.vocabulary.tag(words(value)))


def body(post) -> str:
    """What a plan's post says besides its title: its text, and whose content it shows
    (``author``: "@anna, shared with permission") and where it comes from
    (``source``: "reposted with the author's consent")."""
    return body_of(post.text, post.author, post.source)


def body_of(text: str | None, author: str | None, source: str | None) -> str:
    return "\n".join(filter(None, (text, author, source)))  # the parts written (not None, not empty)


def infer(title: str | None, text: str | None, categories: tuple[str, ...]) -> Inference:
    """What a post with this title and text reads as, among a formula's categories
    (its canonical names: ``Formula.categories``)."""
    return _infer(_shape(title or ""), _shape(text or ""), tuple(categories))


_TITLE, _BODY = attrgetter("title"), attrgetter("text", "author", "source")


def infer_posts(posts: list, categories: tuple[str, ...]) -> list[Inference]:
    """``infer(post.title, body(post), categories)`` of each post, in bulk: the texts'
    shapes are made in one pass over them all joined, and each distinct pair of
    shapes is read once (a 20,000-post plan holds some 1,400)."""
    cats = tuple(categories)
    titles = [title or "" for title in map(_TITLE, posts)]
    bodies = [text or "" if author is None and source is None else body_of(text, author, source)
              for text, author, source in map(_BODY, posts)]
    keys = list(zip(_shapes(titles), _shapes(bodies)))
    found = {key: _infer(*key, cats) for key in dict.fromkeys(keys)}
    return list(map(found.__getitem__, keys))


def _shapes(texts: list[str]) -> list[str]:
    """``_shape`` of each text, worked on them all joined: str methods for ASCII text, else
    one substitution (a text holding the separator itself is shaped on its own)."""
    joined = "\x00".join(texts)
    if joined.count("\x00") != max(len(texts) - 1, 0):
        return list(map(_shape, texts))
    if not texts:
        return []
    if not joined.isascii():  # (a digit of another script may stand in it)
        return _DIGITS.sub("0", joined).split("\x00")
    # only ASCII digits: each made 0 at C speed, then each run of 0s one 0 (split at the 0s, the
    # pieces between joined again by one 0, and one 0 for a run at either end)
    zeroed = joined.translate(_ZERO)
    inner = "0".join(filter(None, zeroed.split("0")))
    if not inner:  # nothing but 0s (or nothing at all): one text
        return ["0" if zeroed else ""]
    return ("0"[: zeroed[0] == "0"] + inner + "0"[: zeroed[-1] == "0"]).split("\x00")


_ZERO = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=8192)
def _infer(title: str, text: str, categories: tuple[str, ...]) -> Inference:
    found = _signals(title, text)
    if not found:
        return NEUTRAL
    lex = lexicon()
    scored = []
    for cat in categories:
        signals = _signals_of(cat)
        best = next((f for f in found if f[0] in signals), None)  # found is best first
        if best is not None:
            scored.append((cat, best[1], best[2], best[3]))
    if not scored:
        return NEUTRAL
    scored.sort(key=lambda c: -c[1])
    cat, best, cues, strong = scored[0]
    second = scored[1][1] if len(scored) > 1 else 0
    confidence = round(1 - (second + 1) / (best + 1), 3)
    confident = strong and best >= lex.least and confidence >= lex.threshold
    return Inference(cat, confidence, confident, tuple((c, s) for c, s, _, _ in scored), cues)


def cue_words(title: str | None, text: str | None, inference: Inference, most: int = 4) -> tuple[str, ...]:
    """The words behind an inference, as the post writes them (title first)."""
    parts = (title or "", text or "")
    readings: dict[int, object] = {}
    out = []
    for part, first, last in inference.cues[:most]:
        reading = readings.get(part)
        if reading is None:
            reading = readings[part] = read(parts[part])
        s, e = reading.span(first, last)
        out.append(parts[part][s:e])
    return tuple(dict.fromkeys(out))
