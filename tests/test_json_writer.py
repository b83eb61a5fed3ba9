"""The JSON report writes big values in pieces; the pieces must be exactly the whole."""

from __future__ import annotations

import datetime as dt
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from smmplan.report import json as json_report

ENCODE = json.JSONEncoder(ensure_ascii=False, default=str, check_circular=False).encode

leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8) | \
    st.dates().map(lambda d: d)  # not JSON: written through default=str
values = st.recursive(
    leaves,
    lambda inner: st.lists(inner, max_size=6)
    | st.dictionaries(st.text(max_size=5), inner, max_size=5)
    | st.dictionaries(st.integers(0, 3), inner, max_size=3),  # non-str keys: encoded whole
    max_leaves=60,
)


def pieces(value) -> str:
    out = io.StringIO()
    json_report.write_value(out, value, ENCODE)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(values, st.integers(1, 4))
def test_pieces_are_the_whole_encoding(value, chunk):
    old = json_report.CHUNK
    json_report.CHUNK = chunk  # small chunks: every list is split
    try:
        assert pieces(value) == ENCODE(value)
    finally:
        json_report.CHUNK = old


def test_a_long_list_is_written_in_chunks():
    rows = [{"line": i, "date": dt.date(2027, 1, 1), "title": f"post {i}"} for i in range(2_500)]
    value = {"post_statuses": rows, "statuses": {"draft": 2_500}}
    out = io.StringIO()
    writes = []
    out.write = lambda s: writes.append(s) or len(s)  # type: ignore[method-assign]
    json_report.write_value(out, value, ENCODE)
    assert "".join(writes) == ENCODE(value)
    assert max(map(len, writes)) < len(ENCODE(rows)) / 2
