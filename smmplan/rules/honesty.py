"""BAN: honest promotion. No bought audience or engagement, no bots, no fake reviews.

Every free-text value of a plan (tactics, post titles, texts and notes, goal
descriptions, any other text) is read in English and Russian against the
lexicon in ``smmplan/data/honesty.yaml``: categories of banned methods, each
pattern with the policy it breaks and an example. The lexicon is read and
compiled once, on the first check that needs it.

Text is normalised first (NFKC, ё -> е, Latin look-alikes inside Cyrillic
words made Cyrillic, lower case), so ``нaкрyткa`` reads as ``накрутка``. All
the plan's texts are joined and scanned by one compiled regular expression;
only the places it matches cost more (negation and allowed-phrase checks,
line and column of the words). A structured tactic's ``kind`` is judged by a
closed vocabulary. Two warnings watch posts: user content without its author,
sponsored posts without a disclosure.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from smmplan.findings import Problem, format_where, nearest
from smmplan.formulas import PRESETS, canonical_type, normalise_word
from smmplan.rules import Rule

RULES = (
    Rule(
        "BAN001", "bought-audience", "error", "Buying or inflating followers, subscribers or members.",
        what="A text in the plan describes buying followers, subscribers, members or friends, or inflating "
        "their number by a service or by hand (купить подписчиков, накрутка подписчиков).",
        why="Bought followers are fake indicators of influence (FTC 16 CFR 465.8) and break every platform's "
        "rules; they never become customers and drag down the reach of every post.",
        example="tactics:\n  - Buy 5k Instagram followers before the launch\n",
        fix="Remove the tactic; grow the audience with content, targeted ads or a giveaway under the rules.",
    ),
    Rule(
        "BAN002", "bought-engagement", "error", "Buying likes, views, comments, shares, votes or ratings.",
        what="A text describes bought engagement: likes, views, comments, shares, votes or ratings from "
        "services, click farms, SMM panels or boost services (купить лайки, накрутка просмотров).",
        why="Bought likes are fake social endorsements (FTC 16 CFR 465.8; EU Directive 2019/2161 names bought "
        "likes); platforms cut such posts' reach and the statistics stop meaning anything.",
        example="tactics:\n  - name: Launch week\n    description: Buy likes for every new post\n",
        fix="Remove it; earn engagement with polls, questions and contests, and measure what is real.",
    ),
    Rule(
        "BAN003", "bots-and-fake-accounts", "error", "Bots, fake accounts or sockpuppets used to inflate or post.",
        what="A text describes bots that inflate numbers, fake or hijacked accounts, sockpuppets or people "
        "posing as ordinary users. A chatbot that serves customers (чат-бот, бот-помощник) is not flagged.",
        why="Accounts that pretend to be people deceive the audience (FTC 16 CFR 465.8; Meta's inauthentic "
        "behaviour policy; YouTube's fake engagement policy; VK's rules) and get pages restricted.",
        example="tactics:\n  - Боты для увеличения численности группы\n",
        fix="Remove it; keep bots to serving customers, and grow the community with content and ads.",
    ),
    Rule(
        "BAN004", "fake-reviews", "error", "Fake reviews or testimonials.",
        what="A text describes reviews written by the brand, its staff, agency, \"brand advocates\" or AI, "
        "bought reviews, review farms, or reviews by people who never used the product "
        "(фейковые отзывы, заказать отзывы).",
        why="Fake reviews deceive the people who rely on them: FTC 16 CFR 465.2 (and 465.5 for insiders); "
        "EU Directive 2019/2161 bans submitting or commissioning false reviews.",
        example="tactics:\n  - Write reviews for the client on Yandex Maps\n",
        fix="Remove it; ask real customers for reviews (QR code on the receipt, a follow-up message) and answer them.",
    ),
    Rule(
        "BAN005", "review-manipulation", "error", "Rewards only for positive reviews; hiding negative ones.",
        what="A text describes rewards conditioned on a positive review, deleting or hiding negative reviews, "
        "showing only good ones, or review gating.",
        why="Reviews bought only when positive, or negative ones that disappear, misrepresent what customers "
        "think: FTC 16 CFR 465.4 and 465.7.",
        example="tactics:\n  - A 10% discount for a 5-star review\n",
        fix="Offer the same thank-you for any honest review, publish every review and answer the negative ones.",
    ),
    Rule(
        "BAN006", "engagement-exchange", "error", "Engagement pods, follow-for-follow, mass following or liking.",
        what="A text describes exchange schemes (engagement pods, sub4sub, follow-for-follow, like4like, "
        "взаимные подписки) or mass automation (mass following, liking, commenting, follow-unfollow, "
        "массфолловинг, масслайкинг, масслукинг).",
        why="Swapped and automated actions fake interest and annoy real people; Instagram, YouTube and VK "
        "restrict accounts that use them.",
        example="tactics:\n  - Mass-follow competitors' followers\n",
        fix="Reach new people with targeted ads (a competitor's audience is a fine target) and disclosed collaborations.",
    ),
    Rule(
        "BAN007", "banned-phrase", "error", "A phrase this project's config or plan bans.",
        what="A text contains one of the project's own banned phrases (`banned-phrases` in the config, or "
        "`banned_phrases:` in the plan).",
        why="Teams know the euphemisms of their market; the lexicon cannot list them all.",
        example="banned_phrases: ['сер* пиар*']\ntactics:\n  - Серый пиар в пабликах района\n",
        fix="Remove the phrase; if this use is legitimate, add the wording to `allowed-phrases`.",
    ),
    Rule(
        "BAN008", "unknown-tactic-kind", "error", "A tactic's `kind` is not in the vocabulary.",
        what="A structured tactic's `kind:` is neither a known legitimate kind (paid_ads, influencer, seeding, "
        "giveaway, chatbot, review_request...) nor a known banned one.",
        why="The kind is how a tactic is judged; a misspelt kind would slip through unjudged.",
        example="tactics:\n  - name: Winter ads\n    kind: paid_adds\n",
        fix="Use a kind from the list (the message suggests the nearest), or leave `kind` out.",
    ),
    Rule(
        "BAN009", "ugc-without-author", "warning", "A user-generated post does not say whose content it is.",
        what="A post of the user-generated type has neither `author` nor `source`.",
        why="Users' content is published with their permission and credit; a post that cannot say whose it "
        "is may be someone else's, or made up.",
        example="posts:\n  - date: 2026-12-01\n    type: user_generated\n    title: Guest photo of the week\n",
        fix="Add `author:` (e.g. `@anna.brews, with permission`) or `source:` (where the content comes from).",
    ),
    Rule(
        "BAN010", "undisclosed-sponsorship", "warning", "A sponsored or partner post has no disclosure.",
        what="A post with `sponsored: yes`, or of a sponsored, partner or influencer type, has no `disclosure:` "
        "and no ad mark (#ad, Реклама, paid partnership) in its title or text.",
        why="Readers must see that a post is paid for: the FTC's endorsement guides, the EU's unfair "
        "practices directive and Russia's advertising law (маркировка рекламы) all require it.",
        example="posts:\n  - date: 2026-12-01\n    type: advertising\n    sponsored: yes\n    title: Our partner's new menu\n",
        fix="Add `disclosure:` (e.g. `#ad`, `Реклама`, `Paid partnership`) and mark the post itself.",
    ),
)

PROJECT = "project"  # category of the project's own banned phrases (BAN007)

# --- normalisation ------------------------------------------------------------

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
# One character for another (so lengths never change); str.replace runs at C speed
# where str.translate with a mapping looks up every character.
_REPLACE = (("ё", "е"), ("Ё", "Е"), ("_", " "), ("«", " "), ("»", " "), ("“", " "), ("”", " "), ("„", " "),
            ('"', " "), ("’", "'"), ("‘", "'"), ("ʼ", "'"), *((d, "-") for d in _DASHES))


def _replace(text: str) -> str:
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    return text
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Look-alikes, case by case: Latin B is Cyrillic В, Latin b is ь.
_LAT, _CYR = "AaBCcEeHKkMmOoPpTXxYyb", "АаВСсЕеНКкМмОоРрТХхУуь"
_LAT2CYR = str.maketrans(_LAT, _CYR)
_CYR2LAT = str.maketrans("АаВЕеКкМНОоРрСсТХхУу", "AaBEeKkMHOoPpCcTXxYy")
_CYR_ONLY = frozenset(chr(c) for c in range(ord("А"), ord("я") + 1)) - set(_CYR)
_LAT_ONLY = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") - set(_LAT)
_MIXED = re.compile(r"[а-яА-Я][a-zA-Z]|[a-zA-Z][а-яА-Я]")


def _fix_word(word: str) -> str:
    """A word of mixed scripts in the script its distinctive letters say."""
    if any(c in _CYR_ONLY for c in word):
        return word.translate(_LAT2CYR)
    if any(c in _LAT_ONLY for c in word):
        return word.translate(_CYR2LAT)
    cyrillic = sum("а" <= c.lower() <= "я" for c in word)
    return word.translate(_LAT2CYR if cyrillic * 2 >= len(word) else _CYR2LAT)


_LETTERS = re.compile(r"[^\W\d_]+")


def _fix_mixed(text: str, tokens: set[str] | None = None) -> tuple[str, set[str]]:
    """Fix only the words where Latin and Cyrillic letters meet (length kept),
    and return the text's distinct whitespace-separated tokens as well.

    Found among the distinct tokens (split at C speed; only non-ASCII tokens are
    looked at), then replaced in one pass: a plan's text is scanned once.
    """
    tokens = set(text.split()) if tokens is None else tokens
    if text.isascii():  # a word of mixed scripts holds a Cyrillic letter: none here (one C pass)
        return text, tokens
    mixed = {token for token in tokens if not token.isascii() and _MIXED.search(token)}
    runs = {run for token in mixed for run in _LETTERS.findall(token) if _MIXED.search(run)}
    if not runs:
        return text, tokens
    fixes = {run: _fix_word(run) for run in runs}
    finder = re.compile("|".join(map(re.escape, sorted(runs, key=len, reverse=True))))

    def fixed(s: str) -> str:
        def fix(m: re.Match) -> str:  # a whole run of letters only, not part of a longer one
            a, b = m.span()
            whole = (a == 0 or not s[a - 1].isalpha()) and (b == len(s) or not s[b].isalpha())
            return fixes[m[0]] if whole else m[0]

        return finder.sub(fix, s)

    return fixed(text), (tokens - mixed) | {fixed(token) for token in mixed}


class OffsetMap:
    """Where each character of a normalised text came from, kept as segments:
    runs copied unchanged map one to one; a character NFKC expanded ("№" ->
    "No") maps, every piece of it, to the whole original character."""

    __slots__ = ("_norm", "_orig", "_size")

    def __init__(self) -> None:
        self._norm: list[int] = []  # where each segment starts in the normalised text
        self._orig: list[int] = []  # ... and in the original
        self._size: list[int] = []  # original length; 0 for a one-to-one run

    def add(self, norm: int, orig: int, size: int) -> None:
        self._norm.append(norm)
        self._orig.append(orig)
        self._size.append(size)

    def start(self, n: int) -> int:
        k = bisect.bisect_right(self._norm, n) - 1
        return self._orig[k] + (n - self._norm[k] if not self._size[k] else 0)

    def end(self, n: int) -> int:
        """The end of the original characters behind normalised character n."""
        k = bisect.bisect_right(self._norm, n) - 1
        return self._orig[k] + (n - self._norm[k] + 1 if not self._size[k] else self._size[k])


@cache
def _stable_run() -> re.Pattern:
    """Runs of characters NFKC leaves alone (in the ranges plans are written in),
    which the slow path can copy whole."""
    ranges = ((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x400, 0x52F), (0x2000, 0x2BFF),
              (0xFE00, 0xFE0F), (0x1F000, 0x1FAFF))
    stable = [c for lo, hi in ranges for c in range(lo, hi + 1)
              if chr(c) not in _INVISIBLE and not unicodedata.combining(chr(c))
              and unicodedata.normalize("NFKC", chr(c)) == chr(c) and len(chr(c).lower()) == 1]
    parts, first = [], stable[0]
    for prev, c in zip(stable, stable[1:] + [-1]):
        if c != prev + 1:
            parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(prev)) if prev > first else ""))
            first = c
    return re.compile("[%s]+" % "".join(parts))


def _read(text: str) -> tuple[str, set[str], OffsetMap | None]:
    """Normalised text (as the lexicon reads it), its distinct whitespace-separated
    tokens (not yet in lower case), and the offset map (None when every character
    stays in place)."""
    cmap = None
    if any(ch in text for ch in _INVISIBLE) or "İ" in text or not unicodedata.is_normalized("NFKC", text):
        text, cmap = _nfkc(text)
    fixed, tokens = _fix_mixed(_replace(text))
    return fixed.lower(), tokens, cmap


def _nfkc(text: str) -> tuple[str, OffsetMap]:
    """NFKC without the invisible characters, mapping back: stable runs are
    copied whole, only the characters between them are looked at one by one."""
    out: list[str] = []
    cmap = OffsetMap()
    size = pos = 0

    def odd(i: int, stop: int) -> None:  # characters that may change, cluster by cluster
        nonlocal size
        while i < stop:
            j = i + 1
            while j < stop and unicodedata.combining(text[j]):
                j += 1
            piece = "".join(ch for ch in unicodedata.normalize("NFKC", text[i:j]) if ch not in _INVISIBLE)
            piece = piece.replace("İ", "I")  # the one letter whose lower case is two characters
            if piece:
                cmap.add(size, i, j - i)
                out.append(piece)
                size += len(piece)
            i = j

    for m in _stable_run().finditer(text):
        s, e = m.span()
        if e < len(text) and unicodedata.combining(text[e]):
            e -= 1  # the last letter may compose with the mark after it
        if e <= s:
            continue
        odd(pos, s)
        cmap.add(size, s, 0)
        out.append(text[s:e])
        size += e - s
        pos = e
    odd(pos, len(text))
    return "".join(out), cmap


def normalize(text: str) -> tuple[str, OffsetMap | None]:
    """Text as the lexicon reads it, and where its characters came from (None
    when every character stays in place, the usual case)."""
    norm, _, cmap = _read(text)
    return norm, cmap


# --- the lexicon ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    code: str
    title: str
    summary: str
    why: str
    fix: str


@dataclass(frozen=True, slots=True)
class Pattern:
    index: int  # priority: specific patterns first, fallbacks last
    category: str
    source: str  # as written in the data file
    regex: str  # expanded
    policies: tuple[str, ...]  # policy texts
    example: str
    fallback: bool
    stems: tuple[str, ...]  # a match starts with a word starting so (or, given as `anchor`, holds one)
    anchored: bool  # the stems were given as an `anchor`: the match may start elsewhere


_CLEAN_MAX = 200_000  # tokens remembered as clean
_CLEAN_NEW_MAX = 5_000  # ... from one plan, at most: the memo serves folders of small plans
_FINDERS_MAX = 64  # finders kept, by set of words


@dataclass(frozen=True, slots=True)
class Finder:
    """A plan's candidate words as one regex, and the patterns to try at each."""

    regex: re.Pattern  # a prefix tree of the words, with no look-behind at the front: scanned far faster
    todo: dict[str, list[tuple[re.Pattern, int, Pattern]]]

    def find(self, text: str) -> Iterator[re.Match]:
        """The words in `text`, whole (a match inside a longer word is skipped)."""
        for m in self.regex.finditer(text):
            at = m.start()
            if not at or not (text[at - 1].isalnum() or text[at - 1] == "_"):
                yield m


@dataclass(frozen=True)
class Lexicon:
    policies: dict[str, str]
    categories: dict[str, Category]
    patterns: tuple[Pattern, ...]
    guards: tuple[str, ...]  # expanded regexes
    allowed: tuple[str, ...]  # expanded regexes
    legitimate_kinds: dict[str, str]
    banned_kinds: dict[str, str]  # kind -> category id
    sponsored_types: frozenset[str]
    disclosure_markers: str
    # stem index: first letter -> stems; stem -> patterns that need it; whole words
    by_letter: dict[str, tuple[str, ...]]
    by_stem: dict[str, tuple[int, ...]]
    by_word: dict[str, tuple[int, ...]]
    _compiled: dict = field(default_factory=dict, repr=False)
    # Memos of pure functions of the lexicon (never stale: the lexicon does not change).
    _clean: set = field(default_factory=set, repr=False)  # tokens holding no candidate word
    _clean_texts: set = field(default_factory=set, repr=False)  # texts no pattern matched
    _finders: dict = field(default_factory=dict, repr=False)  # frozenset of words -> Finder, an LRU

    def compiled(self, key: Any, regex: str) -> re.Pattern:
        """Compile on first use: the whole lexicon takes a quarter of a second to
        compile, and a clean plan needs almost none of it."""
        found = self._compiled.get(key)
        if found is None:
            found = self._compiled[key] = re.compile(regex)
        return found

    def regex(self, pattern: Pattern) -> re.Pattern:
        return self.compiled(pattern.index, _word(pattern.regex))

    def words(self, tokens: set[str]) -> set[str]:
        """The distinct lower-case words in whitespace-separated tokens (which may
        hold punctuation or hyphens)."""
        # One regex pass over the tokens joined by spaces: a space is neither a word
        # character nor cased, so it parts words and lower-casing (final sigma) alike.
        return set(_WORD.findall(" ".join(tokens).lower()))

    def finder(self, tokens: set[str]) -> Finder | None:
        """What to look for in a text made of these tokens: the finder of its
        candidate words, or None when it holds none (a clean text).

        Same as building a Finder of ``candidates(words(tokens))``, with two memos:
        tokens already seen to hold no candidate word are skipped (they add no
        candidate, so the result is the same), and the Finder of a set of words
        is kept (the plans of one project share their few suspect words).
        """
        new = tokens - self._clean if self._clean else tokens
        words = self.candidates(self.words(new))
        found = self._finder(words) if words else None
        if len(new) > _CLEAN_NEW_MAX:  # a big plan: the memo would only hold its memory (7 MiB
            return found               # of 20,000 posts' tokens) for plans that may never come
        dirty: set[str] = set()
        if found is not None:
            # The tokens holding a candidate word (found as _matches finds words,
            # by the finder) stay out of the memo. Newline-joined, as words() reads
            # them; lower() keeps every length (no İ is left after _read), so a
            # match's place in `low` is its place in `joined`.
            joined = "\n".join(new)
            low = joined.lower()
            if len(low) != len(joined):
                return found  # (cannot happen) remember nothing
            for m in found.find(low):
                at = m.start()
                dirty.add(joined[low.rfind("\n", 0, at) + 1 : (low.find("\n", at) + 1 or len(low) + 1) - 1])
        if len(self._clean) > _CLEAN_MAX:
            self._clean.clear()  # a bound on memory, for a process checking a great many plans
        self._clean.update(new)
        self._clean.difference_update(dirty)
        return found

    def _finder(self, words: dict[str, tuple[int, ...]]) -> Finder:
        key = frozenset(words)
        found = self._finders.pop(key, None)  # re-inserted last: least recently used first
        if found is None:
            todo = {w: [(self.regex(self.patterns[k]), k, self.patterns[k]) for k in ks] for w, ks in words.items()}
            found = Finder(re.compile(_trie(words) + r"(?!\w)"), todo)
        self._finders[key] = found
        if len(self._finders) > _FINDERS_MAX:
            del self._finders[next(iter(self._finders))]
        return found

    @property
    def guard(self) -> re.Pattern:
        return self.compiled("guard", "|".join(f"(?:{g})" for g in self.guards))

    @property
    def disclosure(self) -> re.Pattern:
        return self.compiled("disclosure", self.disclosure_markers)

    def candidates(self, words: set[str]) -> dict[str, tuple[int, ...]]:
        """Of these words, those a pattern can start with (or needs): word -> patterns."""
        out: dict[str, tuple[int, ...]] = {}
        by_letter, by_stem, by_word = self.by_letter, self.by_stem, self.by_word
        for w in words:
            stems = by_letter.get(w[0])
            if stems and w.startswith(stems):
                found = {i for s in stems if w.startswith(s) for i in by_stem[s]}
                out[w] = tuple(sorted(found.union(by_word.get(w, ()))))
            elif w in by_word:
                out[w] = by_word[w]
        return out

    def policies_of(self, category: str) -> tuple[str, ...]:
        return next(p.policies for p in self.patterns if p.category == category)


class LexiconError(ValueError):
    """The data file is malformed (a bug in smmplan, caught by the tests)."""


_MACRO = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def expand(source: str, macros: dict[str, str]) -> str:
    """Macros, then separators: ` ` is spaces or hyphens, `_` (and ` ?`) joined or not."""
    for _ in range(8):
        new = _MACRO.sub(lambda m: macros[m[1]] if m[1] in macros else m[0], source)
        if new == source:
            break
        source = new
    if _MACRO.search(source):
        raise LexiconError(f"unknown macro {_MACRO.search(source)[0]} in {source!r}")
    return _separators(source)


_SEP, _JOIN = r"[\s\-]+", r"[\s\-]*"
# Regex syntax, coarsely: escapes and character classes (kept whole), parentheses, `|`.
_CLASS = r"\\.|\[\^?\]?(?:\\.|[^\]\\])*\]"
_STRUCT = re.compile(_CLASS + r"|[()|]")
_TOKENS = re.compile(_CLASS + r"|\(\?<[!=]|[()]| \?| |_")


def _separators(source: str) -> str:
    """` ` -> spaces or hyphens, ` ?` and `_` -> joined or not; literal inside
    character classes and look-behinds (which must keep a fixed width)."""
    out: list[str] = []
    last = behind = 0  # behind: paren depth inside a look-behind
    for m in _TOKENS.finditer(source):
        tok = m[0]
        if tok[0] == "(":
            behind += 1 if behind or tok != "(" else 0
        elif tok == ")":
            behind -= 1 if behind else 0
        elif not behind and tok in (" ", " ?", "_"):
            out += [source[last : m.start()], _SEP if tok == " " else _JOIN]
            last = m.end()
    out.append(source[last:])
    return "".join(out)


def _close(regex: str, i: int) -> int:
    """Index of the `)` closing the group that opens at regex[i]."""
    depth = 0
    for m in _STRUCT.finditer(regex, i):
        if m[0] == "(":
            depth += 1
        elif m[0] == ")":
            depth -= 1
            if depth == 0:
                return m.start()
    raise LexiconError(f"unbalanced parentheses in {regex!r}")


def _alternatives(regex: str) -> list[str]:
    """Split at the top-level `|`."""
    out, depth, start = [], 0, 0
    for m in _STRUCT.finditer(regex):
        tok = m[0]
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif tok == "|" and depth == 0:
            out.append(regex[start : m.start()])
            start = m.end()
    return [*out, regex[start:]]


_META = frozenset("\\()[]{}.*+?|^$")


def stems(regex: str) -> tuple[str, ...]:
    r"""Literal beginnings, one of which every match of `regex` starts with:
    `(?:buy|purchas\w*) ...` -> buy, purchas. Raises LexiconError when a pattern
    can start with anything (then it needs an explicit `anchor`)."""
    out: list[str] = []
    for alt in _alternatives(regex):
        out += _starts(alt, regex)
    return tuple(dict.fromkeys(out))


def _starts(alt: str, whole: str) -> list[str]:
    while alt.startswith(("(?<!", "(?<=", "(?!", "(?=")):
        alt = alt[_close(alt, 0) + 1 :]
    if len(alt) > 1 and alt[1] == "?" and alt[0] not in _META:
        alt = alt[2:]  # `#?follow...`: an optional first character
    if alt.startswith("("):
        end = _close(alt, 0)
        inner = re.sub(r"^\(\?(?::|P<\w+>)", "(", alt[: end + 1])[1:-1]
        quant = alt[end + 1 : end + 2]
        if quant == "{":
            raise LexiconError(f"cannot tell how {whole!r} starts: give it an `anchor`")
        found = list(stems(inner))
        if quant in ("?", "*"):
            found += _starts(alt[end + 2 :], whole)
        return found
    prefix = []
    for k, ch in enumerate(alt):
        if ch in _META:
            if ch in "?*{" and prefix:
                prefix.pop()  # the character before is optional
            break
        prefix.append(ch)
    stem = "".join(prefix)
    if not stem or stem[0].isdigit() or not stem[0].isalpha() and len(stem) < 2:
        raise LexiconError(f"cannot tell how {whole!r} starts: give it an `anchor`")
    return [stem]


def _word(regex: str) -> str:
    return rf"(?<!\w)(?:{regex})(?!\w)"


@cache
def lexicon() -> Lexicon:
    """Read smmplan/data/honesty.yaml and index its patterns by stem, once.
    The patterns themselves are compiled when a text first needs them."""
    from smmplan import loader

    # smmplan's own loader (every scalar a string; `fallback: true` arrives as "true"):
    # no PyYAML import, and a path beside this module rather than importlib.resources.
    raw = loader.load((Path(__file__).parent.parent / "data" / "honesty.yaml").read_bytes()).data
    policies = {str(k): str(v) for k, v in raw["policies"].items()}
    macros = {str(k): str(v) for k, v in raw["macros"].items()}
    categories: dict[str, Category] = {}
    specs: list[tuple[str, dict]] = []
    for cat in raw["categories"]:
        categories[cat["id"]] = Category(cat["id"], cat["code"], cat["title"], cat["summary"], cat["why"], cat["fix"])
        specs += [(cat["id"], p) for p in cat["patterns"]]
    for _, p in specs:
        if p.get("fallback", "false") not in ("true", "false"):
            raise LexiconError(f"pattern {p['match']!r}: fallback is true or false, not {p['fallback']!r}")
    specs.sort(key=lambda s: s[1].get("fallback") == "true")  # stable: fallbacks last
    patterns: list[Pattern] = []
    for index, (category, p) in enumerate(specs):
        cited = p["policy"] if isinstance(p["policy"], list) else [p["policy"]]
        unknown = [c for c in cited if c not in policies]
        if unknown or not p.get("example"):
            raise LexiconError(f"pattern {p['match']!r}: unknown policy {unknown} or no example")
        regex = expand(p["match"], macros)
        anchor = tuple(str(a) for a in p.get("anchor") or ())
        if any(a != normalize(a)[0] or not a.rstrip("$").isalnum() for a in anchor):
            raise LexiconError(f"pattern {p['match']!r}: anchors are lower-case words, not {anchor}")
        patterns.append(Pattern(index, category, p["match"], regex, tuple(policies[c] for c in cited),
                                str(p["example"]), p.get("fallback") == "true", anchor or stems(regex), bool(anchor)))
    by_stem: dict[str, list[int]] = {}
    by_word: dict[str, list[int]] = {}
    for pat in patterns:
        for stem in pat.stems:
            if stem.endswith("$"):
                by_word.setdefault(stem[:-1], []).append(pat.index)
            else:
                by_stem.setdefault(stem, []).append(pat.index)
    by_letter: dict[str, list[str]] = {}
    for stem in by_stem:
        by_letter.setdefault(stem[0], []).append(stem)
    kinds = raw["kinds"]
    return Lexicon(
        policies=policies,
        categories=categories,
        patterns=tuple(patterns),
        guards=tuple(expand(g, macros) for g in raw["guards"]),
        allowed=tuple(expand(a, macros) for a in raw["allowed"]),
        legitimate_kinds={normalise_word(k): str(v) for k, v in kinds["legitimate"].items()},
        banned_kinds={normalise_word(k): str(v) for k, v in kinds["banned"].items()},
        sponsored_types=frozenset(normalise_word(t) for t in raw["sponsored_types"]),
        disclosure_markers=raw["disclosure_markers"],
        by_letter={k: tuple(v) for k, v in by_letter.items()},
        by_stem={k: tuple(v) for k, v in by_stem.items()},
        by_word={k: tuple(v) for k, v in by_word.items()},
    )


def phrase_regex(phrase: str) -> str:
    """A project phrase as a regex: words in order, separated by spaces or hyphens
    (or joined), `*` standing for any word ending; read like the plan's text."""
    words = [w for w in re.split(r"[\s\-]+", normalize(phrase.strip())[0]) if w]
    return r"[\s\-]*".join(r"\w*".join(re.escape(part) for part in w.split("*")) for w in words)


@dataclass(frozen=True)
class Extra:
    """The project's own phrases, compiled: banned ones by category, allowed ones."""

    banned: re.Pattern | None
    banned_phrases: tuple[tuple[str, str], ...]  # (category id, phrase as written), group bN
    allowed: tuple[str, ...]  # regexes, the lexicon's and the project's


@lru_cache(maxsize=32)
def extra(banned: tuple[str, ...] = (), allowed: tuple[str, ...] = ()) -> Extra:
    lex = lexicon()
    phrases: list[tuple[str, str]] = []
    regexes: list[str] = []
    for raw in banned:
        head, sep, rest = raw.partition(":")
        category = head.strip() if sep and head.strip() in lex.categories else PROJECT
        rx = phrase_regex(rest if category != PROJECT else raw)
        if rx:
            phrases.append((category, raw))
            regexes.append(f"(?P<b{len(regexes)}>{_word(rx)})")
    allow = [*lex.allowed, *filter(None, (phrase_regex(a) for a in allowed))]
    return Extra(re.compile("|".join(regexes)) if regexes else None, tuple(phrases), tuple(allow))


# --- scanning -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Hit:
    """One banned phrase found in one text."""

    index: int  # which of the scanned texts
    start: int  # span in the original text
    end: int
    matched: str  # the original words
    category: str  # category id, or PROJECT
    policies: tuple[str, ...]
    phrase: str | None = None  # the project's banned phrase, for BAN007


_SENTENCE = re.compile(r"[.!?;:\n]|(?<!\w)(?:but|however|но|однако)(?!\w)")
_WORDS = re.compile(r"[^\W_][\w']*")
_WORD = re.compile(r"\w+")
# Between texts: no pattern matches \x00 (\w, \s and - exclude it), and the
# newlines let str.split() part the last word of a text from the next one's first.
_SEPARATOR = "\n\x00\n"
GUARD_WORDS = 4


def _guarded(text: str, start: int, guard: re.Pattern) -> bool:
    """A negation or clean-up word among the few words before `start`, same sentence."""
    before = text[max(0, start - 100) : start]
    cut = 0
    for m in _SENTENCE.finditer(before):
        cut = m.end()
    words = _WORDS.findall(before, cut)[-GUARD_WORDS:]
    return any(guard.fullmatch(w) for w in words)


def _covered(text: str, start: int, end: int, allowed: tuple[str, ...]) -> bool:
    lex = lexicon()
    for regex in allowed:
        for m in lex.compiled(("allowed", regex), _word(regex)).finditer(text):
            if m.start() <= start and m.end() >= end:
                return True
    return False


def _trie(words) -> str:
    """A regex matching exactly these words, factored by common prefixes."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            return f"(?:{body})?" if len(alts) == 1 and len(body) > 1 else body + "?"
        return body

    return emit(root)


def _matches(norm: str, tokens: set[str], starts: list[int], lengths: list[int], lex: Lexicon) -> list[tuple]:
    """(start, end, priority, pattern) of every pattern match in the joined text.

    The words of all texts are looked up in the stem index; a pattern is tried
    only where a word it can start with stands (or, for an anchored pattern,
    in the texts holding an anchor word). Clean text costs one word split.
    """
    finder = lex.finder(tokens)
    if finder is None:
        return []
    todo = finder.todo
    found: list[tuple] = []
    searched: set[tuple[int, int]] = set()
    for m in finder.find(norm):
        at = m.start()
        hashed = at > 0 and norm[at - 1] == "#"
        for regex, k, pattern in todo[m[0]]:
            if not pattern.anchored:  # the match starts at this word (or its `#`)
                hit = (hashed and regex.match(norm, at - 1)) or regex.match(norm, at)
                if hit:
                    found.append((hit.start(), hit.end(), k, pattern))
                continue
            i = bisect.bisect_right(starts, at) - 1
            if (i, k) not in searched:
                searched.add((i, k))
                found += [(h.start(), h.end(), k, pattern)
                          for h in regex.finditer(norm, starts[i], starts[i] + lengths[i])]
    return found


def scan(texts: list[str], extra_words: Extra | None = None) -> list[Hit]:
    """Every banned phrase in `texts`, in order: all texts are normalised and
    joined, a word index picks the few texts and patterns worth a regex.

    Texts in which no pattern of the lexicon matched before are left out: what
    the patterns match in a text depends on that text alone (no pattern matches
    across the separator, and the guards stop at it), and a text with no match
    has no hit whatever the allowed phrases. A project's own banned phrases are
    not in that memo, so with any of them every text is scanned. The plans of a
    folder repeat many texts (authors, tactics, goals, recurring titles)."""
    lex = lexicon()
    extra_words = extra_words or extra()
    clean = lex._clean_texts
    if extra_words.banned is None and clean:
        todo = [i for i, t in enumerate(texts) if t not in clean]
        if len(todo) < len(texts):
            hits = _scan([texts[i] for i in todo], extra_words, lex)
            return [replace(h, index=todo[h.index]) for h in hits]
    return _scan(texts, extra_words, lex)


def _scan(texts: list[str], extra_words: Extra, lex: Lexicon) -> list[Hit]:
    raw = _SEPARATOR.join(texts)
    norm, tokens, cmap = _read(raw)
    orig_starts = [0, *itertools.accumulate(map(len(_SEPARATOR).__add__, map(len, texts)))]
    if cmap is None:
        starts, lengths = orig_starts, list(map(len, texts))
    else:  # the separators survive normalisation: find the texts again
        starts = [0, *(m.end() + 1 for m in re.finditer("\x00", norm))]
        lengths = [b - a - len(_SEPARATOR) for a, b in zip(starts, [*starts[1:], len(norm) + len(_SEPARATOR)])]
    found = _matches(norm, tokens, starts, lengths, lex)
    if extra_words.banned is None and len(texts) <= _CLEAN_NEW_MAX:  # remember the texts with no match
        matched = {bisect.bisect_right(starts, f[0]) - 1 for f in found}
        if len(lex._clean_texts) > _CLEAN_MAX:
            lex._clean_texts.clear()  # a bound on memory, for a process checking a great many plans
        lex._clean_texts.update(t for i, t in enumerate(texts) if i not in matched)
    if extra_words.banned is not None:
        for m in extra_words.banned.finditer(norm):
            found.append((m.start(), m.end(), -1, extra_words.banned_phrases[int(m.lastgroup[1:])]))
    if not found:
        return []
    found.sort(key=lambda f: (f[0], f[2]))  # leftmost first, then the more specific pattern
    hits: list[Hit] = []
    last = (-1, 0)
    for gs, ge, _, what in found:
        i = bisect.bisect_right(starts, gs) - 1
        s, e = gs - starts[i], ge - starts[i]
        if (i, s) < last or e > lengths[i]:
            continue  # overlaps a match already taken (leftmost wins, then the more specific)
        last = (i, e)
        text = norm[starts[i] : starts[i] + lengths[i]]
        if _guarded(text, s, lex.guard) or _covered(text, s, e, extra_words.allowed):
            continue
        if cmap is not None:
            s, e = cmap.start(gs) - orig_starts[i], cmap.end(ge - 1) - orig_starts[i]
        if isinstance(what, Pattern):
            hits.append(Hit(i, s, e, texts[i][s:e], what.category, what.policies))
        else:
            category, phrase = what
            policies = (lex.policies["project"],) if category == PROJECT else lex.policies_of(category)
            hits.append(Hit(i, s, e, texts[i][s:e], category, policies, phrase))
    return hits


def detect(text: str, banned: tuple[str, ...] = (), allowed: tuple[str, ...] = ()) -> list[Hit]:
    """The banned phrases in one text (for tests and tools)."""
    return scan([text], extra(tuple(banned), tuple(allowed)))


# --- where the words are --------------------------------------------------------


class _Locator:
    """Line and column of words inside a scalar, from the source text."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.text: str = doc.text
        self._lines: list[int] | None = None

    def _offset(self, line: int, column: int) -> int:
        if self._lines is None:
            self._lines = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._lines[line - 1] + column - 1

    def _next_node(self, where: tuple, begin: int) -> int:
        """Where the node after `where` starts (its next sibling, or its parent's):
        the scalar's text ends before it."""
        nodes = [self.doc.data]
        for step in where[:-1]:
            nodes.append(nodes[-1][step])
        for depth in range(len(where) - 1, -1, -1):
            parent, step = nodes[depth], where[depth]
            following: list = []
            if isinstance(parent, dict):
                keys = list(parent)
                following = keys[keys.index(step) + 1 :]
            elif isinstance(parent, list):
                following = list(range(step + 1, min(step + 2, len(parent))))
            for nxt in following:
                line, column = self.doc.locate((*where[:depth], nxt), at_key=True)
                if line is not None and (at := self._offset(line, column)) > begin:
                    return at
        return len(self.text)

    def _line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def find(self, where: tuple, value: str, start: int, end: int) -> tuple[int | None, int | None]:
        """Where value[start:end] is written: the words themselves when they can be
        found between this scalar's start and the next node, else the scalar."""
        line, column = self.doc.locate(where)
        if line is None or not self.text:
            return line, column
        begin = self._offset(line, column)
        stop = self._next_node(where, begin)
        needle = value[start:end].split("\n", 1)[0]
        first = re.match(r"\w+", needle)
        for probe in (needle, first[0] if first else ""):
            if not probe:
                continue
            nth = value.count(probe, 0, start)
            at = begin - 1
            for _ in range(nth + 1):
                at = self.text.find(probe, at + 1, stop)
                if at < 0:
                    break
            if at >= 0:
                return self._line_col(at)
        return line, column


# --- the checks -----------------------------------------------------------------

# Keys whose values are not prose: dates, codes, numbers, links, vocabularies.
NOT_TEXT = frozenset({
    "date", "time", "start", "weeks", "channel", "channels", "type", "link", "permalink", "status",
    "approved_on", "formula", "tolerance", "as_of", "language", "sponsored", "target", "actual", "baseline",
    "period", "basis", "metric", "response_time", "kind", "contact", "banned_phrases", "allowed_phrases",
})


_FLAT = frozenset({str, type(None)})
_STR = {str}


class _Texts:
    """The plan's free-text values, gathered column by column for speed."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._starts: list[int] = []  # first text index of each segment
        self._segments: list[tuple] = []  # a path, or ("posts", key) for a column

    def walk(self, node: Any, path: tuple) -> None:
        if isinstance(node, str):
            self._segments.append(path)
            self._starts.append(len(self.texts))
            self.texts.append(node)
        elif isinstance(node, dict):
            for key, value in node.items():
                if key in NOT_TEXT:
                    continue
                if value.__class__ is str:  # the first branch above, without a call per string
                    self._segments.append((*path, key))
                    self._starts.append(len(self.texts))
                    self.texts.append(value)
                else:
                    self.walk(value, (*path, key))
        elif isinstance(node, list):
            for i, value in enumerate(node):
                self.walk(value, (*path, i))

    def posts(self, posts: list) -> None:
        """Posts by column: one list per key, so a 20,000-post plan costs a few list builds."""
        dicts = [p if p.__class__ is dict else {} for p in posts]
        keys: dict[str, Any] = {}
        for p in dicts:
            keys.update(p)  # only the keys are used: every key, in the order first seen
        for key in keys:
            if key in NOT_TEXT:
                continue
            column = list(map(dict.get, dicts, itertools.repeat(key)))  # p.get(key) for each, at C speed
            self._segments.append(("posts", key))
            self._starts.append(len(self.texts))
            types = set(map(type, column))
            # every value a string: the column as it is, else "" for the others
            self.texts += column if types == _STR else [v if v.__class__ is str else "" for v in column]
            if types <= _FLAT:
                continue  # no nested value to walk (the usual case)
            for i, v in enumerate(column):
                if isinstance(v, (dict, list)):
                    self.walk(v, ("posts", i, key))

    def path(self, index: int) -> tuple:
        seg = bisect.bisect_right(self._starts, index) - 1
        where = self._segments[seg]
        if len(where) == 2 and where[0] == "posts" and isinstance(where[1], str):
            return ("posts", index - self._starts[seg], where[1])
        return where


def _phrases(ctx, name: str) -> tuple[str, ...]:
    own = getattr(ctx.plan, name, None) or ()
    return tuple(getattr(ctx.settings, name, ()) or ()) + tuple(own)


def check(ctx) -> Iterator[Problem]:
    data = ctx.doc.data if isinstance(ctx.doc.data, dict) else {}
    texts = _Texts()
    for key, value in data.items():
        if key == "posts" and isinstance(value, list):
            texts.posts(value)
        elif key not in NOT_TEXT:
            texts.walk(value, (key,))
    words = extra(_phrases(ctx, "banned_phrases"), _phrases(ctx, "allowed_phrases"))
    locator = _Locator(ctx.doc)
    hits = scan(texts.texts, words)
    for hit in hits:
        where = texts.path(hit.index)
        yield _text_problem(hit, where, texts.texts[hit.index], locator)
    yield from excused_problems(ctx, texts, words, locator, hits)  # hook: see the section at the end
    yield from _kinds(ctx, data, words, locator)
    yield from _posts(ctx)


def _text_problem(hit: Hit, where: tuple, value: str, locator: _Locator, kind: bool = False) -> Problem:
    lex = lexicon()
    line, column = locator.find(where, value, hit.start, hit.end)
    data = {"matched": hit.matched, "category": hit.category, "policies": list(hit.policies),
            "field": format_where(where)}
    if hit.category == PROJECT:
        return Problem(
            "BAN007",
            f"Banned phrase `{hit.matched}`: this project bans `{hit.phrase}`.",
            where, line=line, column=column, data={**data, "phrase": hit.phrase},
            fix="Remove it; if this use is legitimate, add the wording to `allowed-phrases`.",
        )
    cat = lex.categories[hit.category]
    if hit.phrase:
        data["phrase"] = hit.phrase
    cites = "; ".join(dict.fromkeys(p.split(" (")[0] for p in hit.policies))
    return Problem(
        cat.code,
        f"{cat.title}: `{hit.matched}`{' (tactic kind)' if kind else ''}: {cat.why}. Breaks {cites}.",
        where, line=line, column=column, fix=cat.fix, data=data,
    )


def _kinds(ctx, data: dict, words: Extra, locator: _Locator) -> Iterator[Problem]:
    lex = lexicon()
    tactics = data.get("tactics")
    if not isinstance(tactics, list):
        return
    for i, tactic in enumerate(tactics):
        raw = tactic.get("kind") if isinstance(tactic, dict) else None
        if not isinstance(raw, str) or not raw.strip():
            continue
        where = ("tactics", i, "kind")
        kind = normalise_word(raw)
        if kind in lex.legitimate_kinds:
            continue
        if kind in lex.banned_kinds:
            cat = lex.categories[lex.banned_kinds[kind]]
            policies = lex.policies_of(cat.id)
            hit = Hit(0, 0, len(raw), raw, cat.id, policies)
            yield _text_problem(hit, where, raw, locator, kind=True)
            continue
        hits = scan([raw], words)  # an unknown kind may still say what it does: `buy_followers`
        if hits:
            yield _text_problem(hits[0], where, raw, locator, kind=True)
            continue
        known = [*lex.legitimate_kinds, *lex.banned_kinds]
        near = nearest(kind, known)
        hint = f" Did you mean `{near}`?" if near else ""
        yield Problem(
            "BAN008",
            f"Unknown tactic kind `{raw}`.{hint}",
            where,
            fix=(f"Use `{near}`. " if near else "") + "Known kinds: " + ", ".join(lex.legitimate_kinds)
            + " (the banned ones are findings). Or leave the kind out and describe the tactic in words.",
            data={"kind": raw, "suggestion": near},
        )


def _posts(ctx) -> Iterator[Problem]:
    lex = lexicon()
    golden = PRESETS["golden"]
    ugc: dict[str, bool] = {}  # per type word: user content under any formula
    paid: dict[str, bool] = {}  # per type word: a sponsored type
    for p in ctx.posts:
        post = p.post
        if post.type is None:  # an unknown rubric and no type: RUB001
            continue
        if p.category != "user_generated" and post.type not in ugc:
            ugc[post.type] = canonical_type(post.type, golden) == "user_generated"
        if p.category == "user_generated" or ugc[post.type]:
            if not (post.author or post.source):
                yield Problem(
                    "BAN009",
                    f"User-generated post `{post.title}` does not say whose content it is (no `author` or `source`).",
                    ("posts", p.index, "type"),
                    fix="Add `author:` (e.g. `@anna.brews, with permission`) or `source:` (where it comes from).",
                )
        if not post.sponsored and post.type not in paid:
            paid[post.type] = normalise_word(post.type) in lex.sponsored_types
        sponsored = post.sponsored or paid[post.type]
        if sponsored and not (post.disclosure and post.disclosure.strip()):
            shown = " ".join(filter(None, (post.title, post.text)))
            if lex.disclosure.search(normalize(shown)[0]) is None:
                why = "is marked `sponsored`" if post.sponsored else f"is of type `{post.type}`"
                yield Problem(
                    "BAN010",
                    f"Post `{post.title}` {why} but has no disclosure: readers cannot tell it is paid for.",
                    ("posts", p.index, "sponsored" if post.sponsored else "type"),
                    fix="Add `disclosure:` (e.g. `#ad`, `Реклама`, `Paid partnership`) and mark the post itself.",
                )


# --- hook: hits an allowed phrase excused, kept as suppressed findings -------------------
# (hostile21) The engine never drops a finding in silence: a hit that a project's or a
# plan's `allowed_phrases` excuses becomes a Problem marked `suppressed`, naming the phrase
# and where it was allowed. When the matcher is rewritten, re-wire `excused_hits` to the
# new matcher's own list of excused hits; `excused_problems` stays as it is.


def excused_hits(texts: list[str], words: Extra, phrases: tuple[tuple[str, bool], ...],
                 hits: list[Hit]) -> Iterator[tuple[Hit, str, bool]]:
    """(hit, allowed phrase, allowed by the plan) for each hit the project's own allowed
    phrases (``phrases``: (phrase, in the plan)) excused: what ``scan(texts, words)``
    (``hits``) does not have and a scan without those phrases does."""
    if not phrases:
        return
    banned = tuple(raw for _, raw in words.banned_phrases)
    every = scan(texts, extra(banned, ()))  # the lexicon's own allowed phrases still apply
    if not every:
        return
    kept = {(h.index, h.start, h.end) for h in hits}
    excused: dict[int, list[Hit]] = {}
    for hit in every:
        if (hit.index, hit.start, hit.end) not in kept:
            excused.setdefault(hit.index, []).append(hit)
    for index, hits in excused.items():  # which phrase excused each: the first that does alone,
        left = {(h.start, h.end): h for h in hits}  # one scan of the text per phrase
        for phrase, in_plan in phrases[:_PHRASES_NAMED] if len(phrases) > 1 else ():
            still = {(h.start, h.end) for h in scan([texts[index]], extra(banned, (phrase,)))}
            for span in [span for span in left if span not in still]:
                yield left.pop(span), phrase, in_plan
            if not left:
                break
        for hit in left.values():  # the only phrase, or past those tried one by one: all of them
            yield hit, ", ".join(p for p, _ in phrases), any(own for _, own in phrases)


_PHRASES_NAMED = 16  # allowed phrases tried one by one to name the one that excused a hit


def excused_problems(ctx, texts: _Texts, words: Extra, locator: _Locator, hits: list[Hit]) -> Iterator[Problem]:
    from smmplan.findings import SuppressedBy

    own = tuple(getattr(ctx.plan, "allowed_phrases", None) or ())
    config = tuple(getattr(ctx.settings, "allowed_phrases", ()) or ())
    where_config = f"the configuration ({ctx.settings.config_path})" if ctx.settings.config_path else "the configuration"
    phrases = tuple((p, True) for p in own) + tuple((p, False) for p in config)
    for hit, phrase, in_plan in excused_hits(texts.texts, words, phrases, hits):
        problem = _text_problem(hit, texts.path(hit.index), texts.texts[hit.index], locator)
        line = ctx.line(("allowed_phrases", own.index(phrase))) if in_plan and phrase in own else None
        how = f"the allowed phrase `{phrase}` in " + (f"the plan (line {line})" if in_plan else where_config)
        yield replace(problem, suppressed=SuppressedBy(how, in_plan, line, "allowed phrase"))
