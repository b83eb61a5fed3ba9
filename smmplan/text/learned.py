"""A second reading of free text: a linear model learned from a labelled corpus.

The honesty rules read a text by roles (acquire + audience, a fake actor writing
reviews...), and find what their words and combinations foresee. On sets of
phrasings nobody tuned them on they found some nine in ten banned tactics, round
after round (docs/honesty.md). A model learned from the whole labelled corpus
(some 55,000 phrases, both languages) reads the other way round: which words, and
which pairs of neighbouring words, tell a banned tactic from a legitimate one,
weighed together. It is a second opinion beside the rules, never instead of them.

What the model reads of a text (:func:`stems`): the text normalised
(:mod:`smmplan.text.normalise`) and read into words as the rules read it
(:mod:`smmplan.text.tokens`: `B.u.y` is `buy`, `₽` a word), digits as `0`, its words cut to their first
:attr:`Model.prefix` letters (one stem for `накрутка`, `накрутку`, `накрутки`;
`followers`, `follower`), each stem and each pair of neighbouring stems; every
distinct feature counts once, and their number evens out long and short texts
(each weighs 1/sqrt(n)). The verdict is the logistic of the bias plus the
features' weights.

The model is data: ``smmplan/data/<name>.model.json`` (the weights of the
features that matter most, rounded; the corpus it was learned from, by digest;
its thresholds). ``python -m smmplan.text.learn`` learns it again (the `learn`
extra: scikit-learn); the tests fail, naming that command, when the corpus changed
since. Reading costs no dependency: a dictionary lookup per feature.
"""

from __future__ import annotations

import bisect
import math
import re
import zlib
from array import array
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

from smmplan.text import compiled
from smmplan.text.normalise import normalise
from smmplan.text.tokens import TOKEN, word_of, words_of

DATA = Path(__file__).parent.parent / "data"
FORMAT = 2  # the model files' layout
COMMAND = "python -m smmplan.text.learn"

_DIGITS = str.maketrans("123456789", "000000000")


class Model(NamedTuple):
    """A model as a run reads it (see the module's docstring). A feature is looked up by its
    :func:`key` among `keys` (sorted; `weights` beside them): a file read costs no parsing
    of its thirty thousand features, and a lookup a search."""

    name: str
    prefix: int  # letters of a word kept as its stem
    bias: float
    keys: array  # the features' keys, sorted (features the file leaves out weigh 0)
    weights: array  # ... and their weights
    flag_above: float  # a text is read as a banned tactic at this probability or above ...
    min_words: int  # ... when it has at least this many words (a few words are too little to weigh)
    doubt_below: float  # a rule's finding in a text of min_words or more read below this is doubted
    corpus: str  # the labelled corpus it was learned from (see learn.digest)
    held_out: tuple[str, ...]  # the labelled sets it was not learned from: its held-out part
    codes: tuple[str, ...]  # the kinds a flagged text may be of (e.g. BAN001..BAN006)
    code_bias: tuple[float, ...]
    code_data: Mapping[str, Any]  # the file's parts: the kinds' weights are parsed when a text is flagged
    seen: _Weights  # the weights of the features looked up so far (by value; bounded)
    chunks: _Stems  # the stems of the chunks of text read so far (by value; bounded)

    def weight(self, feature: str) -> float:
        """A feature's weight, by search (the plain reference :meth:`table` is checked against)."""
        return _search(self.keys, self.weights, key(feature))

    def table(self) -> dict[int, float]:
        """Key -> weight, for a plan of many texts (building it costs what some 6,000 searches do)."""
        return _table(self.name)


def _search(keys: array, weights: array, h: int) -> float:
    """The weight of the feature of key `h` (0 for a feature the model leaves out)."""
    i = bisect.bisect_left(keys, h)
    return weights[i] if i < len(keys) and keys[i] == h else 0.0


def key(feature: str) -> int:
    """A feature's key: CRC-32 and Adler-32 of its UTF-8, as one 64-bit number."""
    b = feature.encode()
    return (zlib.crc32(b) << 32) | zlib.adler32(b)


def path_of(name: str) -> Path:
    return DATA / f"{name}.model.json"


@lru_cache(maxsize=4)  # (a model per name: the package's own, one today)
def model(name: str) -> Model:
    """The model ``smmplan/data/<name>.model.json`` (read once a run; names are the package's own)."""
    data = compiled.Parts(path_of(name).read_bytes())  # (each part parsed when asked for)
    if data.get("format") != FORMAT:
        raise ValueError(f"{path_of(name)} is of another layout: run `{COMMAND}`")
    keys, weights = compiled.numbers("Q", data.ascii("keys")), compiled.numbers("f", data.ascii("weights"))
    return Model(name, data["prefix"], data["bias"], keys, weights, data["flag_above"], data["min_words"],
                 data["doubt_below"],
                 data["corpus"], tuple(data["held_out"]), tuple(data["codes"]), tuple(data["code_bias"]),
                 data, _Weights(keys, weights), _Stems(data["prefix"]))


@lru_cache(maxsize=4)
def _table(name: str) -> dict[int, float]:
    m = model(name)
    return dict(zip(m.keys, m.weights))


@lru_cache(maxsize=4)
def _code_table(name: str) -> dict[int, tuple[float, ...]]:
    m = model(name)
    data = m.code_data
    keys = compiled.numbers("Q", compiled.ascii(data, "code_keys"))
    weights = compiled.numbers("f", compiled.ascii(data, "code_weights"))
    k = len(m.codes)
    return {h: tuple(weights[i * k : i * k + k]) for i, h in enumerate(keys)}


def _features(s: Sequence[str]) -> set[str]:
    """The features of a text whose words' stems are `s`: each stem, and each pair of neighbouring stems."""
    out = set(s)
    out.update(map(" ".join, zip(s, s[1:])))
    return out


def stems(norm: str, prefix: int) -> set[str]:
    """A normalised text's features: each word's stem (its first `prefix` letters, digits read as
    `0`; the words are the reader's tokens, :mod:`smmplan.text.tokens`: `B.u.y` is `buy`, `₽` a
    word), and each pair of neighbouring stems."""
    return _features([w[:prefix] for w in words_of(norm.translate(_DIGITS))])


def _logit(m: Model, feats: set[str] | dict, weight=None) -> float:
    if not feats:
        return m.bias
    return m.bias + sum(map(weight or m.weight, feats)) / math.sqrt(len(feats))


class _Weights(dict):
    """Feature -> weight, each feature looked up once a run (by search, or in the table once a
    plan of many texts has made it), for as long as it stays under _SEEN_KEPT features: the
    plans of a folder share most of their words."""

    def __init__(self, keys: array, weights: array):
        super().__init__()
        self.keys, self.weights = keys, weights
        self.table: dict[int, float] | None = None

    def __missing__(self, feature: str) -> float:
        if len(self) >= _SEEN_KEPT:
            self.clear()
        h = key(feature)
        w = self[feature] = self.table.get(h, 0.0) if self.table is not None else _search(self.keys, self.weights, h)
        return w


_SEEN_KEPT = 200_000  # features a model remembers the weight of (a bound on memory)


def flags(m: Model, norm: str, probability: float) -> bool:
    """Whether the model alone reads a normalised text as of the kind it was learned to find."""
    return probability >= m.flag_above and len(words_of(norm)) >= m.min_words


def doubts(m: Model, norm: str, probability: float) -> bool:
    """Whether the model reads a normalised part of a text (:func:`part_of`), in which a rule
    found a banned tactic, as legitimate enough to doubt the rule (the finding is kept, under
    review: see smmplan/rules/honesty.py)."""
    return probability < m.doubt_below and len(words_of(norm)) >= m.min_words


# Where a doubt looks: the sentence around a rule's finding, cut at a `but`, `instead` or `then`
# (a text of two statements is two readings: "No ads this month. Buy followers instead." is
# not one legitimate text, nor is "Контент без рекламы, но накрутим подписчиков").
_PARTS = re.compile(r"(?<=[.!?;…])\s+|\n+|,?\s+(?=(?:but|instead|then|но|однако|а|зато|затем|потом)\s)", re.I)


def part_of(text: str, start: int, end: int) -> str:
    """The part of `text` a doubt of its span `start`..`end` reads (see _PARTS)."""
    begin = 0
    for cut in _PARTS.finditer(text):
        if cut.end() <= start:
            begin = cut.end()
        elif cut.start() >= end:
            return text[begin : cut.start()]
    return text[begin:]


def probability(m: Model, text: str) -> float:
    """How likely the model reads `text` as of the kind it was learned to find (0..1)."""
    return _sigmoid(_logit(m, stems(normalise(text)[0], m.prefix)))


_MANY = 200  # texts: from a plan of this many on, features are looked up in a table made once (Model.table)


class _Stems(dict):
    """A chunk of text (no space in it) -> the stems of its words, each chunk read once a run
    while it stays under _SEEN_KEPT chunks: plans share most of their words. (A word never spans a space, and a
    space is no word's neighbour that matters, so a text's words are its chunks' words in order.)"""

    def __init__(self, prefix: int):
        super().__init__()
        self.prefix = prefix

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if len(self) >= _SEEN_KEPT:
            self.clear()
        digitless = chunk.translate(_DIGITS)  # (a post's number, `#124`, reads as `#000`: once)
        if digitless != chunk:
            out = self[chunk] = self[digitless]
        else:
            out = self[chunk] = tuple(w[: self.prefix] for w in words_of(chunk))
        return out


def probabilities(m: Model, norm_texts: list[str], least_words: int = 0) -> list[float | None]:
    """:func:`probability` of each of some texts already normalised, None for a text of fewer
    than `least_words` words (not read: a caller that flags only longer texts, :func:`flags`,
    need not weigh the rest). The features of :func:`stems`, found chunk by chunk: each
    chunk's stems and each feature's weight remembered (Model.chunks and Model.seen), and
    texts whose words read the same (`#12` and `#13` both read `#00`) weighed once."""
    if len(norm_texts) >= _MANY and m.seen.table is None:
        m.seen.table = m.table()
    weight = m.seen.__getitem__
    stems_of = m.chunks.__getitem__
    out: list[float | None] = []
    done: dict[tuple[str, ...], float] = {}  # (a call's texts: bounded by them)
    # A text's stems are its head's and its last chunk's, digits read as 0 (_Stems): texts that
    # differ only in their last chunk's digits (the posts of a plan, `Poll: mocha or latte? (12)`)
    # are read once
    read: dict[tuple[str, str], float | None] = {}
    for text in norm_texts:
        head, _, last = text.rpartition(" ")
        key = (head, last.translate(_DIGITS))
        p = read.get(key, _UNREAD)
        if p is _UNREAD:
            s = tuple(chain.from_iterable(map(stems_of, text.split())))
            if len(s) < least_words:
                p = None
            else:
                p = done.get(s)
                if p is None:
                    p = done[s] = _sigmoid(_logit(m, _features(s), weight))
            read[key] = p
        out.append(p)
    return out


_UNREAD = object()


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


class Reason(NamedTuple):
    """Why the model flags a text: the kind it reads, and the words that weigh most for it."""

    code: str
    probability: float
    start: int  # span of `text` from the first to the last of those words
    end: int
    words: tuple[str, ...]  # the words of `text` that weigh most, in reading order


def explain(m: Model, text: str, most: int = 3) -> Reason:
    """The kind the model reads `text` as, and the (at most `most`) words that weigh most for
    flagging it, as written in `text`."""
    norm, offsets = normalise(text)
    found = list(TOKEN.finditer(norm))
    stemmed = [word_of(t.group()).translate(_DIGITS)[: m.prefix] for t in found]
    feats = _features(stemmed)
    p = _sigmoid(_logit(m, feats))
    scores = list(m.code_bias)
    each = 1 / math.sqrt(len(feats)) if feats else 0.0
    by_code = _code_table(m.name)
    for f in feats:
        for k, w in enumerate(by_code.get(key(f), ())):
            scores[k] += w * each
    code = m.codes[max(range(len(scores)), key=scores.__getitem__)] if scores else ""
    # each word's part in the verdict: its stem's weight, and half the weight of each pair it is in
    part = [m.weight(x) for x in stemmed]
    for k in range(1, len(stemmed)):
        w = m.weight(stemmed[k - 1] + " " + stemmed[k]) / 2
        part[k - 1] += w
        part[k] += w
    words = {found[k].span(): w for k, w in enumerate(part) if w > 0}
    spans = sorted(sorted(words, key=words.__getitem__)[-most:])
    if not spans:
        return Reason(code, p, 0, len(text), ())
    shown = [(s, e) if offsets is None else (offsets.start(s), offsets.end(e - 1)) for s, e in spans]
    start, end = shown[0][0], shown[-1][1]
    return Reason(code, p, start, end, tuple(text[s:e] for s, e in shown))
