"""Text as the vocabularies read it, and where each of its characters came from.

Normalising: Unicode NFKC; case folded; ё -> е; every default-ignorable code
point dropped (zero-width characters, soft hyphens, bidi controls, variation
selectors, tag characters, U+180E, U+034F...); dashes made `-`, `_` a space,
every quotation mark an `'` (so the reader sees where a quote closes: a quoted
"Great shot!" ends no clause), `⭐` a `★`; and in a word whose letters mix Latin,
Cyrillic and Greek, the look-alike letters (Unicode's confusables, UTS #39,
the subset in ``smmplan/data/confusables.tsv``) read in the script the word's
other letters say: ``нaкрyткa`` is ``накрутка``, ``bυy`` is ``buy``.

Most text keeps its length (the offset map is then None); where it changes, an
:class:`OffsetMap` leads every normalised character back to the original.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import cache
from pathlib import Path

# Default_Ignorable_Code_Point (Unicode DerivedCoreProperties.txt), which holds
# every bidi control (U+061C, U+200E-F, U+202A-E, U+2066-9) as well.
_IGNORABLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)
IGNORABLE = re.compile("[%s]" % "".join(
    re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in _IGNORABLE_RANGES))


def ignorable(ch: str) -> bool:
    return IGNORABLE.match(ch) is not None


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"
# One character for another (so lengths never change); str.replace runs at C speed.
_REPLACE = (("ё", "е"), ("Ё", "Е"), ("_", " "), ("«", "'"), ("»", "'"), ("“", "'"), ("”", "'"), ("„", "'"),
            ('"', "'"), ("’", "'"), ("‘", "'"), ("ʼ", "'"), ("⭐", "★"), ("🌟", "★"), *((d, "-") for d in _DASHES))


def _replace(text: str) -> str:
    for old, new in _REPLACE:
        if old in text:
            text = text.replace(old, new)
    return text


# --- look-alike letters ------------------------------------------------------------


@cache
def confusables() -> tuple[dict[str, str], dict[str, str], frozenset[str], frozenset[str]]:
    """(to Latin, to Cyrillic, Latin letters with a Cyrillic twin, Cyrillic letters
    with a Latin twin), from smmplan/data/confusables.tsv."""
    to_lat: dict[str, str] = {}
    cyr_of: dict[str, str] = {}  # Latin letter -> its Cyrillic twin
    path = Path(__file__).parent.parent / "data" / "confusables.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        ch, _, lat, cyr, _name = line.split("\t")
        if ch != lat:
            to_lat[ch] = lat
        if cyr and lat.isascii():
            cyr_of.setdefault(lat, cyr)
    to_cyr = {lat: cyr for lat, cyr in cyr_of.items()}
    for ch, lat in to_lat.items():  # a Greek or accented letter in a Cyrillic word
        if _script(ch) != "cyr" and lat in cyr_of:
            to_cyr[ch] = cyr_of[lat]
    lat_twins = frozenset(ch for ch in to_cyr if _script(ch) == "lat")
    cyr_twins = frozenset(ch for ch in to_lat if _script(ch) == "cyr")
    return to_lat, to_cyr, lat_twins, cyr_twins


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x400 <= o <= 0x52F:
        return "cyr"
    if 0x370 <= o <= 0x3FF:
        return "grk"
    if ch.isascii() or 0xC0 <= o <= 0x24F:
        return "lat"
    return ""


_LAT, _CYR, _GRK = "a-zA-Z\u00c0-\u024f", "\u0400-\u052f", "\u0370-\u03ff"
_MIXED = re.compile(f"[{_CYR}][{_LAT}{_GRK}]|[{_LAT}][{_CYR}{_GRK}]|[{_GRK}][{_LAT}{_CYR}]")
_LETTERS = re.compile(r"[^\W\d_]+")


def fix_word(word: str) -> str:
    """A word of mixed scripts in the script its distinctive letters say (Greek
    look-alikes always read as Latin or Cyrillic); length kept."""
    to_lat, to_cyr, lat_twins, cyr_twins = confusables()
    cyr = lat = 0
    for c in word:
        s = _script(c)
        if s == "cyr":
            cyr += 2 if c not in cyr_twins else 1
            if c not in cyr_twins:
                return word.translate(str.maketrans(to_cyr))
        elif s == "lat":
            if c not in lat_twins and c.lower() not in lat_twins:
                return "".join(to_lat.get(c, c) for c in word)
            lat += 1
    table = to_cyr if cyr > lat else to_lat
    return "".join(table.get(c, c) for c in word)


def _fix_mixed(text: str, chunks: set[str]) -> tuple[str, set[str]]:
    """Fix only the runs of letters where scripts meet (length kept); found among
    the distinct whitespace-separated chunks, replaced in one pass. Returns the
    chunks fixed as well."""
    if text.isascii():
        return text, chunks
    mixed = {token for token in chunks if not token.isascii() and _MIXED.search(token)}
    runs = {run for token in mixed for run in _LETTERS.findall(token) if _MIXED.search(run)}
    if not runs:
        return text, chunks
    fixes = {run: fix_word(run) for run in runs}
    finder = re.compile("|".join(map(re.escape, sorted(runs, key=len, reverse=True))))

    def fixed(s: str) -> str:
        def fix(m: re.Match) -> str:  # a whole run of letters only, not part of a longer one
            a, b = m.span()
            whole = (a == 0 or not s[a - 1].isalpha()) and (b == len(s) or not s[b].isalpha())
            return fixes[m[0]] if whole else m[0]

        return finder.sub(fix, s)

    return fixed(text), (chunks - mixed) | {fixed(c) for c in mixed}


# --- where characters came from ----------------------------------------------------


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
    """Runs of characters NFKC and case folding leave alone (in the ranges plans
    are written in), which the slow path can copy whole."""
    ranges = ((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x400, 0x52F), (0x2000, 0x2BFF), (0x1F000, 0x1FAFF))
    stable = [c for lo, hi in ranges for c in range(lo, hi + 1)
              if not ignorable(chr(c)) and not unicodedata.combining(chr(c))
              and unicodedata.normalize("NFKC", chr(c)) == chr(c) and len(chr(c).lower()) == 1
              and chr(c).casefold() == chr(c).lower()]
    parts, first = [], stable[0]
    for prev, c in zip(stable, stable[1:] + [-1]):
        if c != prev + 1:
            parts.append(re.escape(chr(first)) + ("-" + re.escape(chr(prev)) if prev > first else ""))
            first = c
    return re.compile("[%s]+" % "".join(parts))


def _nfkc(text: str) -> tuple[str, OffsetMap]:
    """NFKC and case folding without the ignorable characters, mapping back:
    stable runs are copied whole, only the characters between them are looked
    at one by one. Case is folded only where folding changes more than case; the
    caller lowers the whole text (as ``normalise`` does)."""
    out: list[str] = []
    cmap = OffsetMap()
    size = pos = 0

    def odd(i: int, stop: int) -> None:  # characters that may change, cluster by cluster
        nonlocal size
        while i < stop:
            j = i + 1
            while j < stop and unicodedata.combining(text[j]):
                j += 1
            piece = IGNORABLE.sub("", unicodedata.normalize("NFKC", IGNORABLE.sub("", text[i:j])))
            folded = piece.casefold()
            if folded != piece.lower() or len(folded) != len(piece):
                # folded here where folding is more than lower case ("ß" -> "ss", "İ" -> "i"); a letter
                # whose case alone changes keeps it, as on the fast path, so that a look-alike reads
                # the same either way ("B" is a Cyrillic "В", "b" a "ь"): the caller lowers the whole
                piece = unicodedata.normalize("NFKC", folded).replace("i\u0307", "i")
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


def needs_mapping(text: str) -> bool:
    """Whether normalising may change the text's length (the slow path)."""
    return (not text.isascii()) and (IGNORABLE.search(text) is not None or "İ" in text or "ß" in text
                                     or not unicodedata.is_normalized("NFKC", text))


def normalise(text: str) -> tuple[str, OffsetMap | None]:
    """Text as the vocabularies read it, and where its characters came from (None
    when every character stays in place, the usual case)."""
    if text.isascii():  # (no character to map or fix: the usual title)
        return _replace(text).lower(), None
    cmap = None
    replaced = _replace(text)
    chunks = set(replaced.split())  # no ignorable character is a space: each stands inside a chunk
    if not replaced.isascii() and any(needs_mapping(c) for c in chunks if not c.isascii()):
        text, cmap = _nfkc(text)
        replaced = _replace(text)
        chunks = set(replaced.split())
    fixed, _ = _fix_mixed(replaced, chunks)
    return fixed.lower(), cmap

