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
        out.write(',\n "plans": ')
        _write_list(out, [r.to_dict() for r in results], encode)
        out.write(',\n "summary": ' + encode(summary(results)) + "}\n")


def _write_list(out: TextIO, items: list, encode) -> None:
    """A JSON array, one item per line; items are written one by one, so a
    plan with a 10 MB value is never copied into one giant string."""
    sep = "[\n  "
    for item in items:
        out.write(sep)
        out.write(encode(item))
        sep = ",\n  "
    out.write("\n ]" if items else "[]")
