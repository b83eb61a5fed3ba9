"""`--format json`: one object with every finding, every plan's mix, and a summary."""

from __future__ import annotations

import json
from typing import Any, TextIO

from smmplan import __version__
from smmplan.report import summary


class JsonReporter:
    def __init__(self, **_: Any):
        pass

    def render(self, results: list, out: TextIO) -> None:
        """One JSON object, written one finding and one plan per line.

        Each item is encoded by the json module's C encoder (``indent``
        would switch to its pure-Python encoder, some five times slower on
        a 20,000-post plan), and a finding per line still reads and diffs
        well; ``jq .`` pretty-prints it all.
        """
        # check_circular off: the results are trees built fresh from a file, never cyclic, and
        # the C encoder would otherwise note and drop every one of some 20,000 dicts per plan.
        encode = json.JSONEncoder(ensure_ascii=False, default=str, check_circular=False).encode
        out.write('{"version": ' + encode(__version__) + ",\n")
        out.write(' "findings": ')
        _write_list(out, [f.to_dict() for r in results for f in r.findings], encode)
        out.write(',\n "suppressed": ')
        _write_list(out, [s.to_dict() for r in results for s in getattr(r, "suppressed", ())], encode)
        out.write(',\n "plans": ')
        _write_list(out, [r.to_dict() for r in results], encode)
        out.write(',\n "summary": ' + encode(summary(results)) + "}\n")


def _write_list(out: TextIO, items: list, encode) -> None:
    """A JSON array, one item per line; items are written one by one, so a
    plan with a 10 MB value is never copied into one giant string."""
    sep = "[\n  "
    for item in items:
        out.write(sep)
        write_value(out, item, encode)
        sep = ",\n  "
    out.write("\n ]" if items else "[]")


CHUNK = 1_000  # list items encoded at a time


def write_value(out: TextIO, value: Any, encode) -> None:
    """``out.write(encode(value))``, byte for byte, in pieces: a mapping that
    holds a long list key by key, and a long list a thousand items at a time,
    so that a 20,000-post plan's `post_statuses` is never one 4 MB string (and
    4 MB more of bytes). Anything smaller is one call of the C encoder."""
    if (value.__class__ is dict and any(v.__class__ is list and len(v) > CHUNK for v in value.values())
            and all(k.__class__ is str for k in value)):
        sep = "{"
        for key, item in value.items():
            out.write(sep + encode(key) + ": ")
            write_value(out, item, encode)
            sep = ", "
        out.write("}")
    elif value.__class__ is list and len(value) > CHUNK:
        for start in range(0, len(value), CHUNK):
            out.write(("[" if not start else ", ") + encode(value[start : start + CHUNK])[1:-1])
        out.write("]")
    else:
        out.write(encode(value))
