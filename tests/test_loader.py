"""The loader: YAML 1.1 traps, line marks, duplicate keys, aliases, tags."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st
import yaml

from smmplan import loader
from tests.conftest import check_text, codes, run_cli


def load(text: str) -> loader.Document:
    return loader.load(textwrap.dedent(text).encode("utf-8"))


def test_scalars_stay_text_for_the_model_to_read():
    doc = load("""\
        a: 10:30
        b: NO
        c: yes
        d: on
        e: 0123
        f: 1e3
        g: ~
        h:
        i: ''
        j: 2026-12-01
        """)
    assert doc.data == {"a": "10:30", "b": "NO", "c": "yes", "d": "on", "e": "0123", "f": "1e3",
                        "g": None, "h": None, "i": "", "j": "2026-12-01"}
    # PyYAML's default resolver would have corrupted most of these:
    assert yaml.safe_load("a: 10:30\nb: NO\ne: 0123\n") == {"a": 630, "b": False, "e": 83}


def test_time_10_30_is_half_past_ten_and_no_stays_a_title():
    result = check_text("""\
        posts:
          - date: 2026-12-01
            time: 10:30
            type: engaging
            title: NO
          - date: 2026-12-02
            time: 9:05
            type: engaging
            title: 0123
        """)
    posts = result.plan.posts
    assert posts[0].time == dt.time(10, 30)
    assert posts[0].title == "NO"
    assert posts[1].time == dt.time(9, 5)
    assert posts[1].title == "0123"


def test_every_node_has_a_line_and_column():
    doc = load("""\
        brand: Coffee Lab
        posts:
          - date: 2026-12-01
            type: engaging
            title: "Poll: light or dark?"
          - {date: 2026-12-02, type: ugc, title: Photo}
        """)
    assert doc.locate(("brand",)) == (1, 8)
    assert doc.locate(("brand",), at_key=True) == (1, 1)
    assert doc.locate(("posts",)) == (3, 3)
    assert doc.locate(("posts", 0)) == (3, 5)
    assert doc.locate(("posts", 0, "title")) == (5, 12)
    assert doc.locate(("posts", 1, "type")) == (6, 30)
    assert doc.locate(("posts", 1, "type"), at_key=True) == (6, 24)
    # a path past the tree resolves to the deepest node there is
    assert doc.locate(("posts", 1, "link")) == (6, 5)
    assert doc.locate(("posts", 7, "type")) == (3, 3)


def test_duplicate_key_is_an_error_at_the_second_key():
    result = check_text("""\
        posts:
          - date: 2026-12-01
            type: engaging
            title: Poll
            type: advertising
        """)
    assert ("PLAN004", 5, 5) in codes(result)
    f = next(f for f in result.findings if f.code == "PLAN004")
    assert "line 3" in f.message
    # the first value is kept, the run fails, nothing is silently retyped
    assert result.plan.posts[0].type == "engaging"
    assert result.errors >= 1


def test_duplicate_top_level_key():
    result = check_text("brand: A\nbrand: B\nposts: []\n")
    assert ("PLAN004", 2, 1) in codes(result)


def test_aliases_and_merge_keys_are_read():
    doc = load("""\
        defaults: &d {channel: vk, type: engaging}
        posts:
          - <<: *d
            date: 2026-12-01
            title: One
          - <<: *d
            type: educational
            date: 2026-12-02
            title: Two
        """)
    posts = doc.data["posts"]
    assert posts[0] == {"channel": "vk", "type": "engaging", "date": "2026-12-01", "title": "One"}
    assert posts[1]["type"] == "educational"
    assert not doc.problems
    # merged keys point at where they were defined
    assert doc.locate(("posts", 0, "channel")) == (1, 24)


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/name:os.system", "!custom"])
def test_tags_are_refused_never_constructed(tag):
    result = check_text(f"brand: {tag} [echo hi]\nposts: []\n")
    assert ("PLAN009", 1, 8) in codes(result)
    f = next(f for f in result.findings if f.code == "PLAN009")
    assert tag in f.message and f.severity == "error"


def test_core_tags_are_harmless():
    doc = load("brand: !!str 123\n")
    assert doc.data == {"brand": "123"} and not doc.problems


def test_syntax_error_has_line_and_plain_words():
    result = check_text("""\
        posts:
          - date: 2026-12-01
            title: Coffee: how to brew
        """)
    (f,) = result.findings
    assert (f.code, f.line) == ("PLAN001", 3)
    assert "quote" in f.fix.lower()


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "PLAN012"),
        ("# only a comment\n", "PLAN012"),
        ("- a\n- b\n", "PLAN003"),
        ("just a string\n", "PLAN003"),
        ("posts: []\n---\nposts: []\n", "PLAN013"),
    ],
)
def test_files_that_are_not_a_plan(text, code):
    result = check_text(text, dedent=False)
    assert [f.severity for f in result.findings if f.code == code] == ["error"]


def test_not_utf8_names_the_line():
    data = "brand: Кофе\nposts: []\n".encode("cp1251")
    from smmplan.engine import check_bytes

    result = check_bytes(data, "p.yaml")
    (f,) = result.findings
    assert (f.code, f.line, f.column) == ("PLAN002", 1, 8)


def test_crlf_and_bom_read_like_lf():
    text = "brand: A\nposts:\n  - {date: 2026-12-01, type: ad, title: X}\n  - {date: 2026-12-01, type: ad, title: X}\n"
    from smmplan.engine import check_bytes

    plain = check_bytes(text.encode(), "p.yaml")
    crlf = check_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "p.yaml")
    assert codes(plain) == codes(crlf)
    assert plain.doc.data == crlf.doc.data


@pytest.mark.parametrize("brk", ["\x85", "\u2028", "\u2029"])
def test_lines_are_counted_as_editors_count_them(brk):
    """libyaml (YAML 1.1) also breaks lines at NEL, LS and PS; editors, GitHub and
    SARIF viewers do not, so positions are given in the editor's lines."""
    text = f"brand: a{brk}b: c\nposts:\n  - {{date: 2026-13-01, type: engaging, title: y}}\n"
    result = check_text(text, dedent=False)
    assert ("PLAN005", 1, 10) in codes(result)  # `b` starts at column 10 of the first line
    assert ("PLAN006", 3, 12) in codes(result)
    assert codes(check_text(f"{brk}!", dedent=False), "PLAN") == [("PLAN003", 1, 2)]


def _line_by_walking(text: str, line: int) -> str | None:
    """The reference: walk to the line one newline at a time."""
    start = 0
    for _ in range(line - 1):
        start = text.find("\n", start) + 1
        if start == 0:
            return None
    end = text.find("\n", start)
    return text[start : end if end != -1 else None].rstrip("\r")


@given(st.text(st.sampled_from("ab \r\n\u2028"), max_size=40), st.lists(st.integers(1, 12), max_size=5))
def test_quoted_lines_are_the_lines_an_editor_shows(text, lines):
    doc = loader.Document(text=text)
    expected = {n: _line_by_walking(text, n) if text else None for n in lines}
    assert doc.quote(lines) == expected
    assert all(doc.line_text(n) == expected[n] for n in lines)
    detached = loader.Document(excerpts=doc.quote(lines))
    assert all(detached.line_text(n) == expected[n] for n in lines)


# --- an unclosed quote or bracket is reported where it opened ------------------------

UNCLOSED = [
    ('brand: Test\nposts:\n  - date: 2026-12-07\n    type: engaging\n    title: "Unclosed title\n'
     '    channel: vk\n  - date: 2026-12-08\n    title: ok\n', (5, 12), '`"`', "line 9"),
    ("brand: 'Test\nposts: []\n", (1, 8), "`'`", "line 3"),
    ("brand: Test\nposts:\n  - {date: 2026-12-07, title: 'x}\n", (3, 31), "`'`", "line 4"),
]


@pytest.mark.parametrize("text, opened, quote, end", UNCLOSED)
@pytest.mark.parametrize("fast", [True, False], ids=["C loader", "Python builder"])
def test_an_unclosed_quote_is_reported_where_it_opened(text, opened, quote, end, fast, monkeypatch):
    if not fast:
        monkeypatch.setattr(loader, "_fastyaml", None)
    elif loader._fastyaml is None:
        pytest.skip("built without the C loader")
    doc = loader.load(text.encode())
    (problem,) = doc.problems
    assert problem.code == "PLAN001" and (problem.line, problem.column) == opened
    assert f"the quote {quote} opened here is never closed" in problem.message
    assert f"the file ends at {end}" in problem.message


def test_an_unclosed_bracket_is_reported_where_it_opened():
    doc = loader.load(b"brand: Test\nchannels: [vk, tg\nposts: []\n")
    (problem,) = doc.problems
    assert (problem.line, problem.column) == (2, 11) and "the `[` opened here" in problem.message
    assert "line 3" in problem.message


def test_an_unclosed_quote_through_the_command(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text(UNCLOSED[0][0], encoding="utf-8")
    proc = run_cli("check", str(path), "--format", "concise")
    assert proc.returncode == 1
    assert f"{path}:5:12: PLAN001" in proc.stdout.decode()
