"""Words and clauses of a normalised text.

A token is a run of letters and digits (an inner apostrophe kept: `don't`), a
currency sign, a star (`★`; `⭐` and the `*` of `5*` read so), or a spelling with its letters parted by dots or the like
(`b.u.y`, `f-o-l-l-o-w`), which reads as the word its letters make. Hyphens and
spaces both part words; vocabularies match phrases across either.

Clauses end at `. ! ? ; …` and line breaks (a dot inside a number or a dotted
spelling is no end, nor one after an abbreviation such as `тыс.` or `approx.`, nor one inside a web
address such as `hh.ru`). Between two tokens, a comma, `/`, `&` or `+` marks them as
coordinated (a list), which negation scopes use.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from smmplan.text.normalise import OffsetMap, normalise

_L = r"[^\W\d_]"
TOKEN = re.compile(
    rf"(?<![^\W_])(?:{_L}[.\-·•*]){{2,}}{_L}(?![^\W_])"  # b.u.y, f-o-l-l-o-w
    r"|\d+(?:[.,]\d+)*[^\W_]*"  # 0,5  1,000  $1.20  10k
    r"|[^\W_]+(?:'[^\W_]+)*"
    r"|[₽$€£%★]"
    r"|(?<=\d)\*"  # 5* (a star after a number)
)
_DOTTED_SEP = re.compile(r"[.\-·•*]")
_END = re.compile(r"[.!?;…\n]")
# "!" that a closing quote follows ends a quoted phrase, not the clause around it ("leave 'Great
# shot! 🔥' under 500 posts a day"); a quoted question still ends its sentence ("'Your go-to
# order?' Tell us in the comments")
_QUOTED_END = re.compile(r"!+[^\w.;\n']*'")
_COORD = re.compile(r"[,/&+]")
# A dot with a word right after it, no space between, parts a web address ("hh.ru", "vk.com"), not clauses
_DOMAIN_PART = re.compile(r"[a-z]{2,}|ру|рф")  # (Профи.ру, Отзовик.рф)


_DOTTED_CHARS = frozenset(".-·•*")
# Words written with a dot that ends no clause ("до 5 тыс. участников", "approx. 300 followers")
_ABBREVIATIONS = frozenset("тыс млн млрд руб шт коп мин макс напр ср см др пр подп чел след approx est incl vs etc".split())
_GLUED = frozenset({"я"})  # a letter glued to a name by a full stop: "Я.Карты", "Я.Маркет" (Яндекс)


# Contractions typed without their apostrophe ("dont buy followers") read as written with it.
_CONTRACTIONS = {w.replace("'", ""): w for w in (
    "don't doesn't didn't won't can't isn't aren't wasn't weren't shouldn't wouldn't couldn't haven't hasn't "
    "hadn't mustn't they've they'd we've they'll").split()}  # (not its, well: words of their own)


def word_of(surface: str) -> str:
    """The word a token spells (`b.u.y` -> `buy`; the `*` of `5*` a star, `★`; `dont` -> `don't`)."""
    if len(surface) > 2 and surface[1] in _DOTTED_CHARS:
        return _DOTTED_SEP.sub("", surface)
    return "★" if surface == "*" else _CONTRACTIONS.get(surface, surface)


class Token(NamedTuple):
    word: str  # as the vocabularies read it
    start: int  # span in the normalised text
    end: int
    clause: int  # clauses counted from 0
    listed: bool  # a comma or the like stands between this token and the one before


class Reading(NamedTuple):
    """One text read once: normalised, in tokens and clauses, with the way back."""

    original: str
    norm: str
    cmap: OffsetMap | None
    tokens: tuple[Token, ...]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """The original text's span of tokens first..last (inclusive)."""
        s, e = self.tokens[first].start, self.tokens[last].end
        if self.cmap is None:
            return s, e
        return self.cmap.start(s), self.cmap.end(e - 1)

    def words(self) -> list[str]:
        return [t.word for t in self.tokens]


def tokenise(norm: str) -> tuple[Token, ...]:
    out: list[Token] = []
    clause = 0
    last = 0
    for m in TOKEN.finditer(norm):
        s, e = m.span()
        listed = False
        if out and (s - last != 1 or norm[last] != " "):  # (one space between words: nothing to look for)
            gap = norm[last:s]
            if _END.search(gap) and not (gap.replace(" ", "") in (".", ".,") and out[-1].word in _ABBREVIATIONS) \
                    and not (gap == "." and out[-1].word in _GLUED) \
                    and not (gap == "." and _DOMAIN_PART.fullmatch(m[0])) \
                    and not ((q := _QUOTED_END.match(gap)) and not _END.search(gap, q.end())):
                clause += 1
            else:
                listed = _COORD.search(gap) is not None
        if out and norm[e:e + 1] == ")" and m[0].isdigit() and len(m[0]) <= 2 and not _END.search(norm[last:s]):
            clause += 1  # a list's item marker ("1) пост про скидки 2) сторис 3) ...") starts a clause
        out.append(Token(word_of(m[0]), s, e, clause, listed))
        last = e
    return tuple(out)


def words(text: str) -> list[str]:
    """``read(text).words()``, without the tokens' spans and clauses (for readers that
    need the words alone)."""
    return words_of(normalise(text)[0])


def words_of(norm: str) -> list[str]:
    """:func:`words` of a text already normalised."""
    return [word_of(w) if w[1:2] in _DOTTED_CHARS or w == "*" or w in _CONTRACTIONS else w
            for w in TOKEN.findall(norm)]


def read(text: str) -> Reading:
    norm, cmap = normalise(text)
    return Reading(text, norm, cmap, tokenise(norm))
