"""A report section's per-post rows, and their JSON text.

A 20,000-post plan's `content` and `post_statuses` sections hold a row (a dict)
per post; the JSON report's C encoder takes some 1-2 us a row, 50 ms for the
two. Most of a row's values repeat from post to post in a few combinations (a
post's type and what it reads as; its time of day and channel; its status), so
a section that knows its rows' shape encodes each distinct combination once and
puts the rows' text together column by column, a thousand rows at a time, at C
speed (``map`` over the rows, one ``str.join``).

Every other report reads the rows as the list of dicts they are. The text is
byte for byte what the encoder gives for the rows (tests/test_rule_fast_paths.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import chain, repeat
from json.encoder import JSONEncoder, encode_basestring
from operator import itemgetter
from typing import Any

Encode = Callable[[Any], str]
CHUNK = 1_000  # rows put together at a time


class Rows(list):
    """A section's rows: a list of dicts, each with the same keys in the same order."""

    __slots__ = ()

    def chunks(self, encode: Encode) -> Iterator[str]:
        """The rows' JSON texts as ``encode`` writes them (the JSON report's encoder), a
        thousand rows at a time, joined by ``, `` as in a JSON list: the plain way. A
        subclass knowing its rows' shape gives the same text faster."""
        for start in range(0, len(self), CHUNK):
            yield ", ".join(map(encode, self[start : start + CHUNK]))


class Columns:
    """The JSON texts of a section's columns, for rows whose keys are known: each column's
    values read at C speed, each distinct combination of values encoded once."""

    def __init__(self, encode: Encode):
        self.encode = encode
        # the json module's own string encoder, when `encode` is the report's encoder (what the
        # encoder calls for every string, without encode()'s checks on each call)
        plain = getattr(encode, "__self__", None)
        self.strings = encode_basestring if plain.__class__ is JSONEncoder and not plain.ensure_ascii else encode
        self.memos: dict[tuple, dict[Any, str]] = {}

    def numbers(self, rows: list[dict], key: str) -> list[str]:
        """The texts of a column of whole numbers (or None: a line)."""
        values = list(map(itemgetter(key), rows))
        if set(map(type, values)) == {int}:
            return list(map(str, values))
        return [str(v) if v.__class__ is int else self.encode(v) for v in values]

    def strings_of(self, rows: list[dict], key: str) -> list:
        """The pieces (:func:`put_together`) of a column of strings seldom repeated (a title, a
        date): the strings as they are between quotes when none holds a character JSON escapes
        (the encoder escapes only ``"``, ``\\`` and control characters, not writing ASCII only),
        else each encoded."""
        values = list(map(itemgetter(key), rows))
        if set(map(type, values)) != {str}:
            return [list(map(self.encode, values))]
        joined = "".join(values)
        if self.strings is encode_basestring and joined.isprintable() and '"' not in joined and "\\" not in joined:
            return ['"', values, '"']  # (printable: no control character; some others are not, and are encoded)
        return [list(map(self.strings, values))]

    def repeated(self, rows: list[dict], keys: tuple[str, ...], numeric: tuple[str, ...] = ()) -> list[str] | None:
        """Each row's ``"key": value, ...`` of `keys`, as the encoder writes them inside a mapping,
        worked out once per distinct values (kept from chunk to chunk). None when a column that
        may hold numbers (`numeric`) holds values of different types: 1, 1.0 and True are equal,
        and JSON writes them apart."""
        kinds = tuple(set(map(type, map(itemgetter(key), rows))) for key in numeric)
        if any(len(k) > 1 for k in kinds):
            return None
        values = list(map(itemgetter(*keys), rows))
        # (the types of the numbers are part of the key: a chunk of 1.0 and one of 1 do not share a text)
        memo = self.memos.setdefault((keys, *map(frozenset, kinds)), {})
        try:
            return list(map(memo.__getitem__, values))
        except KeyError:
            for new in set(values).difference(memo):
                memo[new] = self.encode(dict(zip(keys, new)))[1:-1]
            return list(map(memo.__getitem__, values))


def put_together(pieces: list[str | list[str]]) -> str:
    """The rows' texts joined by ``, ``: `pieces` are, in a row's order, the same text for every
    row (a str) or a column of texts, one per row (a list)."""
    merged: list = []
    for p in pieces:  # texts side by side as one
        if p.__class__ is str and merged and merged[-1].__class__ is str:
            merged[-1] += p
        else:
            merged.append(p)
    pieces = merged
    columns = [repeat(p) if p.__class__ is str else p for p in pieces]
    columns[-1:] = [repeat(pieces[-1] + ", ")] if pieces[-1].__class__ is str else [columns[-1], repeat(", ")]
    return "".join(chain.from_iterable(zip(*columns)))[:-2]


def chunked(rows: list[dict], encode: Encode, pieces: Callable[[Columns, list[dict]], list | None]) -> Iterator[str]:
    """The rows' texts (:meth:`Rows.chunks`), put together from ``pieces(columns, part)`` of each
    thousand rows, or each row encoded where that gives None."""
    columns = Columns(encode)
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        found = pieces(columns, part)
        yield ", ".join(map(encode, part)) if found is None else put_together(found)
