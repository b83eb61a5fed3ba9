"""INTERIM: the few calls of the shared text reading (smmplan.text, built for the
honesty rules) that type inference uses, until that package lands on this
branch; then this module goes and types.py imports from smmplan.text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[^\W_]*|[^\W_]+(?:'[^\W_]+)*|[₽$€£%]")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return text.replace("’", "'").replace("_", " ")


@dataclass(frozen=True, slots=True)
class Reading:
    original: str
    spans: tuple[tuple[int, int], ...]
    tokens: tuple[str, ...]

    def words(self) -> list[str]:
        return list(self.tokens)

    def span(self, first: int, last: int) -> tuple[int, int]:
        return self.spans[first][0], self.spans[last][1]


def read(text: str) -> Reading:
    norm = normalise(text)
    if len(norm) != len(text):  # offsets would not map back: read the text word by word
        norm = "".join(normalise(c)[:1] or " " for c in text)
    ms = list(_TOKEN.finditer(norm))
    return Reading(text, tuple(m.span() for m in ms), tuple(m[0] for m in ms))


@dataclass(frozen=True, slots=True)
class WordMatcher:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    number: bool

    def __call__(self, word: str) -> bool:
        return word in self.exact or (self.number and word[:1].isdigit()) or word.startswith(self.prefixes or ("\0",))


@dataclass(frozen=True, slots=True)
class Entry:
    role: str
    source: str
    words: tuple[WordMatcher, ...]


@dataclass(frozen=True, slots=True)
class RoleHit:
    role: str
    first: int
    last: int
    entry: Entry


def parse_entry(role: str, source: str) -> Entry | None:
    words = normalise(source.strip()).replace("-", " ").split()
    if not words:
        return None
    out = []
    for w in words:
        exact, prefixes, number = set(), [], False
        for alt in w.split("|"):
            if alt == "#":
                number = True
            elif alt.endswith("*"):
                prefixes.append(alt[:-1])
            else:
                exact.add(alt)
        out.append(WordMatcher(frozenset(exact), tuple(prefixes), number))
    return Entry(role, source, tuple(out))


class Vocabulary:
    """Entries indexed by what their first word can be; each word looked up once."""

    def __init__(self, entries):
        self.entries = tuple(entries)
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: dict[str, list[Entry]] = {}
        self._number: list[Entry] = []
        for e in self.entries:
            head = e.words[0]
            for w in head.exact:
                self._exact.setdefault(w, []).append(e)
            for p in head.prefixes:
                self._prefix.setdefault(p, []).append(e)
            if head.number:
                self._number.append(e)
        self._lengths = sorted({len(p) for p in self._prefix})
        self._memo: dict[str, tuple[Entry, ...]] = {}

    def starting(self, word: str) -> tuple[Entry, ...]:
        found = self._memo.get(word)
        if found is None:
            out = list(self._exact.get(word, ()))
            for n in self._lengths:
                if n > len(word):
                    break
                out += self._prefix.get(word[:n], ())
            if word[:1].isdigit():
                out += self._number
            found = tuple(dict.fromkeys(out))
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[word] = found
        return found

    def tag(self, words: list[str]):
        n = len(words)
        for i, w in enumerate(words):
            for e in self.starting(w):
                k = len(e.words)
                if k == 1:
                    yield RoleHit(e.role, i, i, e)
                elif i + k <= n and all(m(words[i + j]) for j, m in enumerate(e.words[1:], 1)):
                    yield RoleHit(e.role, i, i + k - 1, e)
