"""The C loader (smmplan/_fastyaml.c) against the pure-Python builder in loader.py.

The C module builds the common case (one plain document whose top level is a
mapping) and gives up on everything else, so that the Python builder reads the
file again and words the problem. Both must give the same tree, the same
positions and the same problems on every input; these tests hold them to it on
the shipped plans, on every kind of YAML the C side refuses, and on the fuzz
inputs of tests/test_fuzz.py.

`.ci/run` fails when the module was not built, so CI always tests it; on a
machine without libyaml's header these tests are skipped and smmplan runs on
the Python builder alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given

from smmplan import loader
from tests.conftest import PLANS
from tests.test_fuzz import FUZZ, any_input, dump, plans

fast = pytest.importorskip("smmplan._fastyaml", reason="built without libyaml's header (libyaml-dev)")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(PLANS.glob("*.yaml")) + sorted((ROOT / "docs" / "examples").glob("*.yaml"))


def tree(marks):
    """A Marks tree as plain data, to compare two of them."""
    if isinstance(marks, loader.Marks):
        children = marks.children
        inner = ({k: tree(v) for k, v in children.items()} if isinstance(children, dict)
                 else [tree(v) for v in children])
        return ("marks", marks.mark, inner)
    return marks


def snapshot(doc: loader.Document):
    return (doc.data, tree(doc.marks), [(p.code, p.message, p.line, p.column, p.fix) for p in doc.problems],
            doc.fatal, doc.line_map)


def load_both(data: bytes, monkeypatch) -> tuple:
    with monkeypatch.context() as m:
        m.setattr(loader, "_fastyaml", None)
        slow = snapshot(loader.load(data))
    return snapshot(loader.load(data)), slow


def test_the_loader_uses_the_c_module():
    assert loader._fastyaml is fast


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_shipped_plans_are_built_in_c_and_read_the_same(path, monkeypatch):
    data = path.read_bytes()
    text, _ = loader.decode(data)
    assert fast.build(text, loader.Marks, loader.MAX_DEPTH) is not None  # the C side did build it
    got, expected = load_both(data, monkeypatch)
    assert got == expected


PLAIN = [
    "posts:\n  - date: 2026-01-05\n    type: engaging\n    title: Poll\n",
    "a: 1\nb: [x, 'y', \"z\", {c: d}]\nc:\n  d:\n    - e\n    -\n    - ~\n",
    "a: null\nb: Null\nc: NULL\nd: ''\ne: \"~\"\nf: ~\ng:\n",  # plain nulls only become None
    "a: |\n  two\n  lines\nb: >\n  folded\n  text\n",
    "заголовок: Опрос — кофе или чай?\nb: 'ёжик'\n",  # columns count characters, not bytes
    "a:   spaced   \n\n\n# comment\nb:\n  - 1 # tail\n",
    "a: 1\r\nb: 2\r\n",
    "a: 1\n...\n",  # an explicit document end
    "--- \na: 1\n",
    "{a: 1, b: [2, 3]}",
    "a: \"tab\\there\"\nb: 'it''s'\n",
    "a: x\u2028b: y\n",  # an LS: libyaml's line, mapped to the editor's
]


@pytest.mark.parametrize("text", PLAIN)
def test_plain_documents_are_built_in_c_and_read_the_same(text, monkeypatch):
    assert fast.build(text, loader.Marks, loader.MAX_DEPTH) is not None
    got, expected = load_both(text.encode(), monkeypatch)
    assert got == expected


UNUSUAL = {
    "tag": "a: !!str 1\n",
    "local tag": "a: !x 1\n",
    "unsafe tag": "a: !!python/object/apply:os.system ['true']\n",
    "anchor and alias": "a: &x 1\nb: *x\n",
    "anchored mapping": "a: &x {b: 1}\nc: *x\n",
    "merge key": "d: &d {x: 1}\ne:\n  <<: *d\n  y: 2\n",
    "duplicate key": "a: 1\na: 2\n",
    "duplicate nested key": "a:\n  b: 1\n  b: 2\n",
    "null key": "~: 1\n",
    "empty key": ": 1\n",
    "complex key": "? [a, b]\n: c\n",
    "syntax error": "a: [1, 2\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "tab": "a:\n\tb: 1\n",
    "second document": "a: 1\n---\nb: 2\n",
    "empty": "",
    "comment only": "# nothing\n",
    "empty document": "---\n",
    "top-level list": "- a\n- b\n",
    "top-level scalar": "hello\n",
    "too deep": "a: " + "[" * 70 + "]" * 70 + "\n",
    "deep block": "".join("  " * i + f"k{i}:\n" for i in range(70)) + "  " * 70 + "v\n",
    "error after the document": "a: 1\n...\n]\n",
}


@pytest.mark.parametrize("text", list(UNUSUAL.values()), ids=list(UNUSUAL))
def test_the_c_side_gives_up_on_anything_unusual_and_python_words_it(text, monkeypatch):
    assert fast.build(text, loader.Marks, loader.MAX_DEPTH) is None
    got, expected = load_both(text.encode(), monkeypatch)
    assert got == expected


def test_depth_limit_is_the_loaders():
    at_limit = "a: " + "[" * (loader.MAX_DEPTH - 1) + "]" * (loader.MAX_DEPTH - 1) + "\n"
    assert fast.build(at_limit, loader.Marks, loader.MAX_DEPTH) is not None
    assert fast.build(at_limit, loader.Marks, loader.MAX_DEPTH - 1) is None


def test_keys_are_one_string_per_distinct_key():
    data, _ = fast.build("posts:\n  - title: a\n  - title: b\n", loader.Marks, 64)
    first, second = (next(iter(p)) for p in data["posts"])
    assert first is second


def test_keys_past_the_key_cache_are_still_one_string_each(monkeypatch):
    # more distinct keys than the C side keeps by their bytes, and keys too long for it
    keys = [f"key{i}" for i in range(150)] + ["k" * 100, "ключ" * 20]
    text = "items:\n" + "".join("  - {" + ", ".join(f"{k}: {n}" for k in keys) + "}\n" for n in range(3))
    data, _ = fast.build(text, loader.Marks, 64)
    first, second = data["items"][0], data["items"][2]
    assert list(first) == keys
    assert all(a is b for a, b in zip(first, second))
    got, expected = load_both(text.encode(), monkeypatch)
    assert got == expected


def test_build_refuses_a_marks_type_without_slots():
    class NoSlots:
        pass

    with pytest.raises(AttributeError):
        fast.build("a: 1\n", NoSlots, 64)


@FUZZ
@given(any_input)
@example(dump({"posts": [{"date": "2026-01-05", "type": "ad", "title": "x"}]}))
def test_fuzz_inputs_read_the_same_either_way(data):
    with pytest.MonkeyPatch.context() as m:
        got, expected = load_both(data, m)
    assert got == expected


@FUZZ
@given(plans())
def test_random_valid_plans_are_built_in_c(plan):
    text = dump(plan).decode()
    built = fast.build(text, loader.Marks, loader.MAX_DEPTH)
    assert built is not None
    with pytest.MonkeyPatch.context() as m:
        got, expected = load_both(text.encode(), m)
    assert got == expected
