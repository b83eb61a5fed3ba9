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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

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


@dataclass(frozen=True, slots=True)
class WordMatcher:
    """One word of an entry: alternatives, each exact, a prefix, a glob, or `#`."""

    exact: frozenset[str]
    prefixes: tuple[str, ...]
    globs: tuple[str, ...]
    number: bool
    literal: bool = field(default=False, compare=False)  # has characters of its own: not `*`, `**` or `#` alone

    @classmethod
    def parse(cls, spec: str) -> "WordMatcher":
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


@dataclass(frozen=True, slots=True)
class Entry:
    role: str
    source: str  # as written
    words: tuple[WordMatcher, ...]


@dataclass(frozen=True, slots=True)
class RoleHit:
    role: str
    first: int  # token indexes, inclusive
    last: int
    entry: Entry


def parse_entry(role: str, source: str) -> Entry | None:
    """An entry as the text is read (normalised, hyphens as spaces); None when empty."""
    source = source.strip()
    plain = source.lower().replace("ё", "е")  # how normalising reads the usual entry, without its cost
    norm = plain if plain.isascii() or not needs_mapping(source) and _PLAIN.fullmatch(plain) else normalise(source)[0]
    words = [w for w in norm.replace("-", " ").split() if w]
    if not words:
        return None
    return Entry(role, source, tuple(WordMatcher.parse(w if "*" in w else word_of(w)) for w in words))


class Vocabulary:
    """Roles and their entries, indexed by what an entry's first word can be."""

    def __init__(self, entries: Iterable[Entry]):
        self.entries = tuple(entries)
        self._exact: dict[str, list[Entry]] = {}
        self._prefix: dict[str, list[Entry]] = {}
        self._other: list[Entry] = []  # first word a glob or a number
        for e in self.entries:
            head = e.words[0]
            for w in head.exact:
                self._exact.setdefault(w, []).append(e)
            for p in head.prefixes:
                self._prefix.setdefault(p, []).append(e)
            if head.globs or head.number:
                self._other.append(e)
        self._lengths = sorted({len(p) for p in self._prefix})
        self._memo: dict[str, tuple[Entry, ...]] = {}

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
        out += [e for e in self._other if e.words[0](word)]
        found = tuple(dict.fromkeys(out))
        if len(self._memo) > _MEMO_MAX:
            self._memo.clear()
        self._memo[word] = found
        return found

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
                elif i + k <= n and all(m(words[i + j]) for j, m in enumerate(e.words[1:], 1)):
                    yield RoleHit(e.role, i, i + k - 1, e)


def trie_regex(words: Iterable[str]) -> str:
    """A regex matching exactly these words, longest first, factored by common
    prefixes (Python's `re` tries alternatives one by one; a prefix tree it
    walks). Built without recursion, so a word of any length is safe."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    # emit children before parents: an explicit post-order walk
    out: dict[int, str] = {}
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        kids = [(ch, child) for ch, child in sorted(node.items()) if ch]
        if not done:
            stack.append((node, True))
            stack += [(child, False) for _, child in kids]
            continue
        alts = [re.escape(ch) + out.pop(id(child)) for ch, child in kids]
        if not alts:
            out[id(node)] = ""
            continue
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?" if len(alts) > 1 or len(body) > 1 else body + "?"
        out[id(node)] = body
    return out[id(root)]
