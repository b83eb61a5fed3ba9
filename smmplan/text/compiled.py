"""Vocabularies compiled ahead of time: the lexicons in ``smmplan/data`` as a run reads them.

A lexicon's YAML is what people edit; reading it costs a run its parsing, the
normalising of every entry and the building of indexes (some 50 ms for the honesty
lexicon's thousands of entries). ``python -m smmplan.rules.compile`` writes what
that work makes to a JSON file beside the YAML (``*.compiled.json``), stamped with
the YAML it was made from. A run reads the JSON while the stamp matches the YAML
beside it, else compiles the YAML itself (the same lexicon, only slower); the
tests rebuild every compiled file and fail, naming the command, when one is stale.
"""

from __future__ import annotations

import binascii
import bisect
import json
import sys
import zlib
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

FORMAT = 6  # the compiled files' layout: a file of another layout is stale
COMMAND = "python -m smmplan.rules.compile"


def stamp(source: bytes) -> str:
    """What a compiled file records of the YAML it was made from."""
    return f"{FORMAT}:{len(source)}:{zlib.crc32(source):08x}"


def read(path: Path, source: bytes) -> Mapping[str, Any] | None:
    """The compiled file's data, if it was compiled from `source` in this layout: each
    top-level part parsed when first asked for (:class:`Parts`)."""
    try:
        data = Parts(path.read_bytes())
        return data if data.get("source") == stamp(source) else None
    except (OSError, ValueError):
        return None


class Parts(Mapping[str, Any]):
    """A compiled file's top-level parts, each parsed from its own line (:func:`dumps` writes
    one a line) the first time it is asked for: a run that needs a lexicon's index and not its
    every entry (a plan none of whose texts is read in full) parses only the index. A file of
    another shape is parsed whole (ValueError when it is no JSON object)."""

    def __init__(self, raw: bytes):
        self._bytes = raw
        self._raw: dict[str, tuple[int, int]] = {}  # part -> where its value stands in the file
        self._done: dict[str, Any] = {}
        if raw.startswith(b"{\n") and raw.endswith(b"\n}\n"):
            start, end = 2, len(raw) - 3
            while start < end:  # (offsets, not slices: the big parts are copied only when asked for)
                stop = raw.find(b"\n", start, end)
                stop = end if stop < 0 else stop
                colon = raw.find(b'": ', start, stop)
                if raw[start : start + 1] != b'"' or colon < 0:
                    break
                value_end = stop - 1 if raw[stop - 1 : stop] == b"," else stop
                self._raw[raw[start + 1 : colon].decode("utf-8")] = (colon + 3, value_end)
                start = stop + 1
            else:
                return
        whole = json.loads(raw)
        if not isinstance(whole, dict):
            raise ValueError("a compiled file holds one JSON object")
        self._raw, self._done = {}, whole

    def __getitem__(self, key: str) -> Any:
        try:
            return self._done[key]
        except KeyError:
            start, end = self._raw[key]
            found = self._done[key] = json.loads(self._bytes[start:end])
            return found

    def strings(self, key: str) -> Sequence[str]:
        """A part that is a list of strings, each string parsed when first asked for
        (:class:`Strings`): a run that needs a few of a lexicon's thousands of entries parses
        those. The part parsed whole when it was already, or is not written on its own line."""
        if key in self._done or key not in self._raw:
            return self[key]
        start, end = self._raw[key]
        places = f"{key}_at"  # where each item starts, when the file says (see places())
        starts = numbers("I", self.ascii(places)) if places in self._raw else None
        return Strings(self._bytes, start, end, starts)

    def index(self, key: str) -> Mapping[str, str]:
        """A part of keys and values in turn written by :func:`tables`, each key found by
        bisection when asked for (:class:`Index`)."""
        if key in self._done or key not in self._raw:
            return _pairs(self[key])
        return Index(self._bytes, *self._raw[key])

    def ascii(self, key: str) -> bytes:
        """A part that is a string of plain ASCII (hexadecimal numbers), as bytes, read without
        the JSON decoder when it holds no escape."""
        if key not in self._done and key in self._raw:
            start, end = self._raw[key]
            if self._bytes[start : start + 1] == b'"' == self._bytes[end - 1 : end] and end - start >= 2 \
                    and self._bytes.find(b"\\", start, end) < 0:
                return self._bytes[start + 1 : end - 1]
        return self[key].encode("ascii")

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw or self._done)

    def __len__(self) -> int:
        return len(self._raw or self._done)


class Strings(Sequence[str]):
    """A JSON list of strings as :func:`dumps` writes it (no space between items), each item
    decoded when first asked for, until :data:`ONE_BY_ONE` have been: then the whole list at
    once (a run that goes through every entry pays one parse, not thousands). The items are
    found by splitting at `","`, which stands only between two items: a quote inside a JSON
    string is always escaped (`\\"`), so no item holds a quote, a comma and a quote in a row.
    ValueError when the bytes are no such list. `raw[start:end]` is the list: a part of a
    compiled file is read from the file's bytes, copied once (the items), not twice. With
    `starts` (where each item starts, :func:`places`), an item is sliced out of those bytes
    when asked for, and none is split apart that the run does not read."""

    def __init__(self, raw: bytes, start: int = 0, end: int | None = None, starts: Sequence[int] | None = None):
        end = len(raw) if end is None else end
        self._raw, self._span = raw, (start, end)
        self._items: Sequence[bytes] = _members(raw, start, end) if starts is None else _Placed(raw, start, end, starts)
        self._made: dict[int, str] = {}
        self._all: list[str] | None = None

    def __len__(self) -> int:
        return len(self._items) if self._all is None else len(self._all)

    def __getitem__(self, n):  # type: ignore[override]
        if self._all is not None:
            return self._all[n]
        if isinstance(n, slice) or len(self._made) >= ONE_BY_ONE:
            self._all = json.loads(self._raw[slice(*self._span)])
            self._raw, self._items, self._made = b"", [], {}  # (done with: the bytes, the items' places)
            return self._all[n]
        if n < 0:
            n += len(self._items)
        found = self._made.get(n)
        if found is None:
            if not 0 <= n < len(self._items):
                raise IndexError(n)
            found = self._made[n] = _decoded(self._items[n])
        return found


class _Placed(Sequence[bytes]):
    """The items of a list of strings found by where each starts (:func:`places`), each sliced
    out of the file's bytes when asked for: none split apart that the run does not read. An
    item must stand between quotes where the places say (ValueError otherwise)."""

    def __init__(self, raw: bytes, start: int, end: int, starts: Sequence[int]):
        self._raw, self._start, self._end, self._starts = raw, start, end, starts

    def __len__(self) -> int:
        return len(self._starts)

    def __getitem__(self, n: int) -> bytes:  # type: ignore[override]
        """Item `n`, from 0 (Strings asks for no other)."""
        starts = self._starts
        begin = self._start + starts[n]
        stop = self._start + starts[n + 1] - 3 if n + 1 < len(starts) else self._end - 2
        raw = self._raw
        if raw[begin - 1 : begin] != b'"' or raw[stop : stop + 1] != b'"' or stop < begin:
            raise ValueError(f"item {n} is not where the compiled file says")
        return raw[begin:stop]


def places(items: Sequence[str]) -> str:
    """Where each item of a list of strings starts in its part as :func:`dumps` writes it (a
    part `<name>_at` beside `<name>`): a run that reads a few of 8,000 entry rows slices those
    out of the file rather than splitting the whole list. Offsets from the part's `[`, as
    32-bit numbers in hexadecimal."""
    at, out = 2, []
    for item in items:
        out.append(at)
        at += len(json.dumps(item, ensure_ascii=False).encode("utf-8")) + 1  # (its quotes, less one: `","`)
    return numbers_text("I", out)


def numbers(kind: str, encoded: str | bytes) -> array:
    """Numbers as a compiled file keeps them: an array of `kind` (`I` 32-bit, `Q` 64-bit
    unsigned, `f` 32-bit floats), little-endian, in hexadecimal (read four times as fast as
    base64, for a text a third longer)."""
    out = array(kind, binascii.unhexlify(encoded))
    if sys.byteorder == "big":
        out.byteswap()
    return out


def numbers_text(kind: str, values: Iterable[Any]) -> str:
    """:func:`numbers`, the other way."""
    out = array(kind, values)
    if sys.byteorder == "big":
        out.byteswap()
    return out.tobytes().hex()


class Index(Mapping[str, str]):
    """A mapping of strings as :func:`tables` writes it, a JSON list of its keys and values in
    turn, the keys in the order of their bytes: each key found by bisection among the keys'
    bytes and its value decoded when asked for, so a run that looks up a few dozen of a
    vocabulary's thousands of words neither parses nor holds the rest. (A list, not an object:
    a list's items are found by splitting at `","` alone, as :class:`Strings` finds them, while
    an object's `":"` gives quotes of its own, and `{"":","}` holds `","` inside a member.)
    ValueError when `raw[start:end]` is no such list."""

    def __init__(self, raw: bytes, start: int = 0, end: int | None = None):
        items = _members(raw, start, len(raw) if end is None else end)
        if len(items) % 2:
            raise ValueError("not a list of keys and values")
        self._keys, self._values = items[0::2], items[1::2]

    def __getitem__(self, key: str) -> str:
        probe, keys = _encoded(key), self._keys
        i = bisect.bisect_left(keys, probe)
        if i < len(keys) and keys[i] == probe:
            return _decoded(self._values[i])
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return map(_decoded, self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _members(raw: bytes, start: int, end: int) -> list[bytes]:
    """The items of the JSON list of strings `raw[start:end]` as written, split at `","` (which
    stands only between two items: a quote inside a string is escaped)."""
    if raw[start:end] == b"[]":
        return []
    if raw.startswith(b'["', start, end) and raw.endswith(b'"]', start, end) and end - start >= 4:
        return raw[start + 2 : end - 2].split(b'","')
    raise ValueError("not a list of strings")


def _encoded(text: str) -> bytes:
    """A string's bytes as :func:`dumps` writes them inside its quotes."""
    if '"' in text or "\\" in text or not text.isprintable():
        return json.dumps(text, ensure_ascii=False)[1:-1].encode("utf-8")
    return text.encode("utf-8")


def _decoded(raw: bytes) -> str:
    """:func:`_encoded`, the other way. A string whose only escapes are tabs (an entry row's:
    every backslash followed by a `t`; an escaped backslash, `\\\\`, is one that is not) is
    read without the JSON decoder."""
    if raw.count(b"\\") == raw.count(b"\\t"):
        return raw.decode("utf-8").replace("\\t", "\t")
    return json.loads(b'"' + raw + b'"')


def tables(name: str, table: Mapping[str, Any]) -> dict[str, Any]:
    """A vocabulary's index (:meth:`~smmplan.text.roles.Vocabulary.table`) as a compiled file keeps
    it: its words and their entry numbers in turn as a part of their own, `<name>_words`, the
    words in the order of their bytes as :class:`Index` finds them; the rest (prefixes, others)
    as `name`."""
    words = sorted(table["exact"].items(), key=lambda kv: _encoded(kv[0]))
    return {name: {k: v for k, v in table.items() if k != "exact"}, f"{name}_words": [x for kv in words for x in kv]}


def table(data: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The vocabulary's index :func:`tables` wrote as `name`; of a compiled file (:class:`Parts`),
    its words looked up in the file's bytes (:class:`Index`)."""
    key = f"{name}_words"
    words = data.index(key) if isinstance(data, Parts) else _pairs(data[key])
    return {"exact": words, **data[name]}


def _pairs(flat: Sequence[str]) -> dict[str, str]:
    """Keys and values in turn (:func:`tables`) as a dict."""
    return dict(zip(flat[0::2], flat[1::2]))


# Items of a Strings decoded one at a time before it decodes them all at once (about what
# decoding them all costs, at some 2 us an item against 0.4 us in one parse, on 8,000 entries).
ONE_BY_ONE = 512


def strings(data: Mapping[str, Any], key: str) -> Sequence[str]:
    """``data[key]``, a list of strings; of a compiled file (:class:`Parts`), its items decoded
    when asked for."""
    return data.strings(key) if isinstance(data, Parts) else data[key]


def ascii(data: Mapping[str, Any], key: str) -> bytes:
    """``data[key]``, a string of plain ASCII, as bytes; of a compiled file (:class:`Parts`), without
    the JSON decoder."""
    return data.ascii(key) if isinstance(data, Parts) else data[key].encode("ascii")


def dumps(data: dict) -> str:
    """A compiled file's text: one top-level key a line (a rebuild's diff says which part changed)."""
    return "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                              for k, v in data.items()) + "\n}\n"
