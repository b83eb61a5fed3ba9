"""Roles: small vocabularies of words and phrases, found in a text's tokens.

An entry is a phrase of one or more words, read like the text (normalised),
each word one of:

- ``buy``        that word exactly;
- ``закуп*``     any word starting so (`*` is any ending, or any letters
                 wherever it stands: ``*бот*``);
- ``#``          any number (``от # ₽``);
- ``a|b|c*``     any of these.

Words of a phrase are consecutive tokens (spaces or hyphens between them).
Matching is linear: a word with `*` is matched by finding its literal parts in
order (never a backtracking regex), and every token is looked up once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cached_property, lru_cache
from typing import NamedTuple

from smmplan.text.normalise import needs_mapping, normalise

_PLAIN = re.compile(r"[a-z0-9а-я ' *|#%$₽.,/-]*")  # entries normalising leaves as lower() does
from smmplan.text.tokens import word_of

_MEMO_MAX = 50_000  # words remembered per vocabulary (a bound on memory)


def glob_match(glob: str, word: str) -> bool:
    """`glob` (literal parts parted by `*`) matches the whole of `word`: the first
    part a prefix, the last a suffix, the middle ones found in order, leftmost.
    Greedy leftmost search is exact for `*` alone and takes time linear in the word
    for each part."""
    parts = glob.split("*")
    if len(parts) == 1:
        return glob == word
    first, last = parts[0], parts[-1]
    if not word.startswith(first) or len(word) < len(first) + len(last):
        return False
    at, stop = len(first), len(word) - len(last)
    for part in parts[1:-1]:
        found = word.find(part, at, stop)
        if found < 0:
            return False
        at = found + len(part)
    return word.endswith(last)


class WordMatcher(NamedTuple):
    """One word of an entry: alternatives, each exact, a prefix, a glob, or `#`."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    globs: tuple[str, ...]
    number: bool
    literal: bool = False  # has characters of its own: not `*`, `**` or `#` alone (follows from the others)

    @classmethod
    def parse(cls, spec: str) -> "WordMatcher":
        return _parse_word(spec) if cls is WordMatcher else cls._parse(spec)

    @classmethod
    def _parse(cls, spec: str) -> "WordMatcher":
        if "|" not in spec and "*" not in spec and spec != "#":  # one plain word (most entries' words)
            return cls(frozenset((spec,)), (), (), False, True)
        exact, prefixes, globs, number = set(), [], [], False
        for alt in spec.split("|"):
            if alt == "#":
                number = True
            elif "*" not in alt:
                exact.add(alt)
            elif alt.endswith("*") and "*" not in alt[:-1]:
                prefixes.append(alt[:-1])
            else:
                globs.append(alt)
        literal = any(alt.strip("*") for alt in (*exact, *prefixes, *globs))
        return cls(frozenset(exact), tuple(prefixes), tuple(globs), number, literal)

    def __call__(self, word: str) -> bool:
        return (word in self.exact or (self.number and word[:1].isdigit())
                or (bool(self.prefixes) and word.startswith(self.prefixes))
                or any(glob_match(g, word) for g in self.globs))


@lru_cache(maxsize=8192)
def _parse_word(spec: str) -> WordMatcher:
    """WordMatcher.parse, kept by value: vocabularies repeat their words (`the|our`, `#`)."""
    return WordMatcher._parse(spec)


class Entry(NamedTuple):
    role: str
    source: str  # as written
    words: tuple[WordMatcher, ...]


class RoleHit(NamedTuple):
    role: str
    first: int  # token indexes, inclusive
    last: int
    entry: Entry


def parse_entry(role: str, source: str) -> Entry | None:
    """An entry as the text is read (normalised, hyphens as spaces); None when empty."""
    source = source.strip()
    specs = word_specs(source)
    return Entry(role, source, tuple(map(WordMatcher.parse, specs))) if specs else None


def word_specs(source: str) -> list[str]:
    """An entry's words as :class:`WordMatcher` reads them (normalised, hyphens as spaces,
    word forms as stems): what a compiled vocabulary keeps of an entry (see :class:`Entries`)."""
    source = source.strip()
    plain = source.lower().replace("ё", "е")  # how normalising reads the usual entry, without its cost
    norm = plain if plain.isascii() or not needs_mapping(source) and _PLAIN.fullmatch(plain) else normalise(source)[0]
    return [w if "*" in w else word_of(w) for w in norm.replace("-", " ").split() if w]


class Vocabulary:
    """Roles and their entries, indexed by what an entry's first word can be."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries = tuple(entries)
        exact, prefix, other = _index(self.entries)
        at = self.entries.__getitem__
        self._exact: dict[str, list[Entry]] = {w: list(map(at, ns)) for w, ns in exact.items()}
        self._prefix: dict[str, list[Entry]] = {p: list(map(at, ns)) for p, ns in prefix.items()}
        self._other: list[Entry] = list(map(at, other))  # first word a glob or a number
        self._lengths = sorted({len(p) for p in self._prefix})
        self._memo: dict[str, tuple[Entry, ...]] = {}

    def table(self) -> dict:
        """The index by entry numbers, as :class:`CompiledVocabulary` reads it back: each
        word's numbers in one string (``"3 17 40"``: a JSON file of thousands of short
        strings reads faster than one of thousands of lists), the words sorted (a first
        word's alternatives are a set, in no lasting order)."""
        exact, prefix, other = _index(self.entries)
        return {"exact": {w: _numbers(ns) for w, ns in sorted(exact.items())},
                "prefix": {p: _numbers(ns) for p, ns in sorted(prefix.items())}, "other": other}

    def starting(self, word: str) -> tuple[Entry, ...]:
        """The entries whose first word matches `word`."""
        found = self._memo.get(word)
        if found is not None:
            return found
        out = list(self._exact.get(word, ()))
        for n in self._lengths:
            if n > len(word):
                break
            out += self._prefix.get(word[:n], ())
        # a word that is no number can start an entry of _other only by a glob (by an exact
        # word or a prefix of the same first word it is in `out` already)
        others = self._other if word[:1].isdigit() else self._globbed.candidates(word)
        out += [e for e in others if e.words[0](word)]
        found = tuple(dict.fromkeys(out))
        if len(self._memo) > _MEMO_MAX:
            self._memo.clear()
        self._memo[word] = found
        return found

    @cached_property
    def _globbed(self) -> _Globbed:
        """The entries of _other whose first word has a glob (most have only `#`)."""
        return _Globbed([e for e in self._other if e.words[0].globs])

    def roles_of(self, word: str) -> set[str]:
        return {e.role for e in self.starting(word)}

    def tag(self, words: list[str]) -> Iterator[RoleHit]:
        """Every entry found in a text's words, by position."""
        n = len(words)
        for i, w in enumerate(words):
            for e in self.starting(w):
                k = len(e.words)
                if k == 1:
                    yield RoleHit(e.role, i, i, e)
                elif i + k <= n and e.words[1](words[i + 1]) and (
                        k == 2 or all(m(words[i + j]) for j, m in enumerate(e.words[2:], 2))):
                    yield RoleHit(e.role, i, i + k - 1, e)  # (the second word tried first: most entries fail there)


class _Globbed:
    """Entries whose first word has a glob (`*boost`, `favo*rable`), and those a word may start:
    a glob matches only words that end with its last literal part and start with its first, so
    each entry is indexed by its globs' last parts (or first, for a glob ending in `*`), as
    prefixes are; a glob with neither (`*`, `*x*`) is tried on every word. The entries a word
    may start, in their order, are then tried in full (a superset of those it starts)."""

    def __init__(self, entries: list[Entry]):
        self.entries = entries
        self._ends: dict[str, set[int]] = {}
        self._starts: dict[str, set[int]] = {}
        self._always: set[int] = set()
        for n, e in enumerate(entries):
            for glob in e.words[0].globs:
                first, last = glob.partition("*")[0], glob.rpartition("*")[2]
                if last:
                    self._ends.setdefault(last, set()).add(n)
                elif first:
                    self._starts.setdefault(first, set()).add(n)
                else:
                    self._always.add(n)
        self._end_lengths = sorted({len(k) for k in self._ends})
        self._start_lengths = sorted({len(k) for k in self._starts})

    def candidates(self, word: str) -> list[Entry]:
        found = set(self._always)
        for n in self._end_lengths:
            if n > len(word):
                break
            found.update(self._ends.get(word[-n:], ()))
        for n in self._start_lengths:
            if n > len(word):
                break
            found.update(self._starts.get(word[:n], ()))
        return [self.entries[n] for n in sorted(found)]


def _index(entries: Sequence[Entry]) -> tuple[dict[str, list[int]], dict[str, list[int]], list[int]]:
    """Entry numbers by what an entry's first word can be: an exact word, a prefix, or
    anything else (a glob, a number), each list in the entries' order."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[int]] = {}
    other: list[int] = []
    for n, e in enumerate(entries):
        head = e.words[0]
        for w in head.exact:
            exact.setdefault(w, []).append(n)
        for p in head.prefixes:
            prefix.setdefault(p, []).append(n)
        if head.globs or head.number:
            other.append(n)
    return exact, prefix, other


def _numbers(ns: list[int]) -> str:
    return " ".join(map(str, ns))


def _given(source):
    """What a compiled vocabulary was given: the data, or a function that gives it (called at
    first use: a part of a compiled file a run may never need, text.compiled.Parts)."""
    return source() if callable(source) else source


class Entries(Sequence[Entry]):
    """Entries as a compiled vocabulary keeps them, one string each (:meth:`row`: role,
    source and word specs), each made into an :class:`Entry` the first time it is asked
    for: a plan's words need a few of a lexicon's thousands. `rows` may be a function that
    gives them, called when the first entry is asked for (`count` then says how many)."""

    def __init__(self, rows: list[str] | Callable[[], list[str]], count: int | None = None):
        self._source = rows
        self._count = count if count is not None else len(rows)  # type: ignore[arg-type]
        self._made: list[Entry | None] = [None] * self._count

    @cached_property
    def _rows(self) -> list[str]:
        rows = _given(self._source)
        if len(rows) != self._count:
            raise ValueError(f"{self._count} entries expected, {len(rows)} found")
        return rows

    @staticmethod
    def row(role: str, source: str, specs: list[str]) -> str:
        """An entry as a compiled file keeps it: ``role<TAB>source<TAB>spec spec``
        (no spec holds a space; the role no tab; the source is what is left)."""
        return f"{role}\t{source}\t{' '.join(specs)}"

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, n: int) -> Entry:  # type: ignore[override]
        e = self._made[n]
        if e is None:
            role, rest = self._rows[n].split("\t", 1)
            source, specs = rest.rsplit("\t", 1)
            e = self._made[n] = Entry(role, source, tuple(map(WordMatcher.parse, specs.split())))
        return e


class CompiledVocabulary(Vocabulary):
    """A :class:`Vocabulary` read back from its :meth:`~Vocabulary.table`: the same
    entries found in the same order, but an entry is made (``entry(n)``) and indexed
    only when a word first looks it up."""

    def __init__(self, table: dict | Callable[[], dict], count: int, entry: Callable[[int], Entry]):
        self._source = table  # (or a function that gives it, called when a word is first looked up)
        self._count, self._entry = count, entry
        self._exact, self._prefix = {}, {}
        self._memo = {}

    @cached_property
    def _table(self) -> dict:
        return _given(self._source)

    @cached_property
    def _numbers(self) -> tuple[Mapping[str, str], dict[str, str]]:
        return self._table["exact"], self._table["prefix"]

    @cached_property
    def _other_numbers(self) -> list[int]:
        return self._table["other"]

    @cached_property
    def _lengths(self) -> list[int]:  # type: ignore[override]
        return sorted({len(p) for p in self._numbers[1]})

    @cached_property
    def entries(self) -> tuple[Entry, ...]:  # type: ignore[override]
        return tuple(map(self._entry, range(self._count)))

    @cached_property
    def _other(self) -> list[Entry]:  # type: ignore[override]
        return list(map(self._entry, self._other_numbers))

    def table(self) -> dict:
        exact, prefix = self._numbers
        return {"exact": exact, "prefix": prefix, "other": self._other_numbers}

    def starting(self, word: str) -> tuple[Entry, ...]:
        found = self._memo.get(word)
        if found is None:
            self._load(word)
            found = Vocabulary.starting(self, word)
        return found

    def _load(self, word: str) -> None:
        """The entries `word` may start, made and indexed as :class:`Vocabulary` indexes them."""
        exact, prefix = self._numbers
        if word not in self._exact:
            numbers = exact.get(word)  # (a dict, or a compiled file's words found as asked: compiled.Index)
            if numbers is not None:
                self._exact[word] = list(map(self._entry, map(int, numbers.split())))
        for n in self._lengths:
            if n > len(word):
                break
            p = word[:n]
            if p not in self._prefix and p in prefix:
                self._prefix[p] = list(map(self._entry, map(int, prefix[p].split())))
