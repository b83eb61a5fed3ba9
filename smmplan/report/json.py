"""`--format json`: one object with every finding, every plan's mix, and a summary."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any, TextIO

from smmplan import __version__
from smmplan.report import summary
from smmplan.rows import Rows


class JsonReporter:
    def __init__(self, **_: Any):
        pass

    def render(self, results: list, out: TextIO) -> None:
        """One JSON object, written one finding and one plan per line.

        Each item is encoded by the json module's C encoder (``indent``
        would switch to its pure-Python encoder, some five times slower on
        a 20,000-post plan), and a finding per line still reads and diffs
        well; ``jq .`` pretty-prints it all. A result may come encoded
        already (:class:`Encoded`, from a worker of a folder's run).
        """
        encode = _encoder()
        out.write('{"version": ' + encode(__version__) + ",\n")
        out.write(' "findings": ')
        _write_list(out, [x for r in results for x in _items(r, 0)], encode)
        out.write(',\n "suppressed": ')
        _write_list(out, [x for r in results for x in _items(r, 1)], encode)
        out.write(',\n "plans": ')
        _write_list(out, [x for r in results for x in _items(r, 2)], encode)
        out.write(',\n "summary": ' + encode(summary(results)) + "}\n")


def _encoder() -> Callable[[Any], str]:
    # check_circular off: the results are trees built fresh from a file, never cyclic, and
    # the C encoder would otherwise note and drop every one of some 20,000 dicts per plan.
    return json.JSONEncoder(ensure_ascii=False, default=str, check_circular=False).encode


def _items(result: Any, part: int) -> list:
    """A result's items of the report's findings (0), suppressed findings (1) and plans (2):
    their texts when it came encoded, else the values to encode."""
    if isinstance(result, Encoded):
        return result.parts[part]
    if part == 2:
        return [result.to_dict()]
    return [f.to_dict() for f in (result.findings if part == 0 else getattr(result, "suppressed", ()))]


class Encoded:
    """A plan's result as the JSON report needs it, its items encoded where the plan was
    checked: in a folder's run, each worker encodes its own plans, and sends back these
    texts rather than the results (a text pickles and unpickles at the speed of a copy; a
    result's sections, models and posts do not). Keeps what the rest of the run reads of a
    result: its findings and suppressed findings (the summary, the exit status) and its
    language. The report writes the texts as they are: the same bytes as encoding the result."""

    __slots__ = ("findings", "suppressed", "language", "parts")

    def __init__(self, result: Any):
        encode = _encoder()
        self.findings, self.suppressed = result.findings, list(getattr(result, "suppressed", ()))
        self.language = result.language
        self.parts = tuple([_text(item, encode) for item in _items(result, k)] for k in range(3))

    def detached(self, excerpts: bool = False) -> Encoded:
        return self  # (nothing left to detach)

    def __getstate__(self):
        return (self.findings, self.suppressed, self.language, self.parts)

    def __setstate__(self, state) -> None:
        self.findings, self.suppressed, self.language, self.parts = state


def _text(item: Any, encode: Callable[[Any], str]) -> str:
    buf = io.StringIO()
    write_value(buf, item, encode)
    return buf.getvalue()


def _write_list(out: TextIO, items: list, encode) -> None:
    """A JSON array, one item per line; items are written one by one, so a
    plan with a 10 MB value is never copied into one giant string. An item
    that is a string is one encoded already (:class:`Encoded`: every item of
    this report is a mapping); in a run of several files a plan's item is one
    text, held in place of the result's sections until the report is written."""
    sep = "[\n  "
    for item in items:
        out.write(sep)
        if item.__class__ is str:
            out.write(item)
        else:
            write_value(out, item, encode)
        sep = ",\n  "
    out.write("\n ]" if items else "[]")


CHUNK = 1_000  # list items encoded at a time


def write_value(out: TextIO, value: Any, encode) -> None:
    """``out.write(encode(value))``, byte for byte, in pieces: a mapping that
    holds a long list key by key, and a long list a thousand items at a time,
    so that a 20,000-post plan's `post_statuses` is never one 4 MB string (and
    4 MB more of bytes). A long section of per-post rows (:class:`smmplan.rows.Rows`)
    gives its rows' texts itself. Anything smaller is one call of the C encoder."""
    if (value.__class__ is dict and any(isinstance(v, list) and len(v) > CHUNK for v in value.values())
            and all(k.__class__ is str for k in value)):
        sep = "{"
        for key, item in value.items():
            out.write(sep + encode(key) + ": ")
            write_value(out, item, encode)
            sep = ", "
        out.write("}")
    elif isinstance(value, Rows) and len(value) > CHUNK:
        sep = "["
        for chunk in value.chunks(encode):
            out.write(sep + chunk)
            sep = ", "
        out.write("]")
    elif value.__class__ is list and len(value) > CHUNK:
        for start in range(0, len(value), CHUNK):
            out.write(("[" if not start else ", ") + encode(value[start : start + CHUNK])[1:-1])
        out.write("]")
    else:
        out.write(encode(value))
