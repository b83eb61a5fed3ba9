"""Writing plans: a whole new plan, or small edits to the text of an existing one.

Edits work on the source text, not on a re-dumped tree, so that every
comment, blank line, quote style and key order the author chose survives: a
retype replaces one scalar in place (located by the parser's marks), and new
posts are appended as text after the last post, indented like the posts
before them. PyYAML writes the scalars, so quoting is always right.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import yaml
from yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceStartEvent,
)

from smmplan.locale import _
from smmplan.visible import BIDI, visible

SCHEMA_URL = "https://smmplan.dev/schema/plan.json"
MODELINE = f"# yaml-language-server: $schema={SCHEMA_URL}\n"


class EditError(ValueError):
    """The plan's text cannot be edited as asked; the message says why."""


def scalar(value: Any) -> str:
    """One YAML scalar, quoted only when it has to be (via PyYAML's emitter)."""
    if hasattr(value, "isoformat") and not isinstance(value, str):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return repr(value)
    return _text_scalar(str(value))


_BIDI = re.compile(f"[{BIDI}]")  # (YAML writes them as they are: a plan line could read in another order)


@lru_cache(maxsize=4096)
def _text_scalar(text: str) -> str:
    if re.fullmatch(r"\d{1,2}:\d{2}", text):
        return text  # a time: the plan model reads unquoted HH:MM as a time
    if _BIDI.search(text):  # double-quoted, the bidi controls written as escapes (`\u202E`), read back the same
        out = yaml.safe_dump(text, allow_unicode=True, width=10**6, default_style='"').rstrip("\n")
        return _BIDI.sub(lambda m: f"\\u{ord(m.group()):04X}", out)
    out = yaml.safe_dump(text, allow_unicode=True, width=10**6, default_style=None)
    out = out.rstrip("\n")
    if out.endswith("\n..."):
        out = out[: -len("\n...")]
    return out.rstrip("\n")


def block(data: dict, indent: int = 0) -> str:
    """A mapping as block YAML: nested mappings and lists indented two spaces,
    lists of plain values and small mappings of plain values written inline."""
    pad = " " * indent
    lines = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:\n" + block(value, indent + 2))
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{key}:\n" + "".join(
                _item(v, indent + 2) if isinstance(v, dict) else f"{pad}  - {scalar(v)}\n" for v in value))
        elif isinstance(value, list):
            lines.append(f"{pad}{key}: [" + ", ".join(_flow_scalar(v) for v in value) + "]\n")
        elif isinstance(value, str) and _literal_ok(value):
            body = value[:-1] if value.endswith("\n") else value
            indented = "".join(f"{pad}  {line}\n" if line else "\n" for line in body.split("\n"))
            lines.append(f"{pad}{key}: {'|' if value.endswith(chr(10)) else '|-'}\n{indented}")
        else:
            lines.append(f"{pad}{key}: {scalar(value)}\n")
    return "".join(lines)


def _literal_ok(text: str) -> bool:
    """A multi-line text that a `|` block keeps byte for byte (a caption with line breaks)."""
    if "\n" not in text.rstrip("\n") or text.endswith("\n\n") or text[:1] in (" ", "\t", "\n"):
        return False
    return all(line == line.rstrip() and line.isprintable() for line in text.split("\n"))


def _item(data: dict, indent: int) -> str:
    text = block(data, indent + 2)
    return " " * indent + "- " + text[indent + 2 :]


def flow(data: dict) -> str:
    """A mapping in flow style; a text with a comma, a bracket or a `?` in it is quoted (in a
    flow mapping they would end the value, or confuse a YAML reader)."""
    return "{" + ", ".join(f"{k}: {_flow_scalar(v)}" for k, v in data.items()) + "}"


_FLOW_UNSAFE = re.compile(r"[,\[\]{}?:#&*!|>'\"%@`]")


def _flow_scalar(value: Any) -> str:
    """:func:`scalar` for a flow list or mapping (`[a, b]`, `{k: v}`): a plain text that holds
    a comma, a bracket or a `?` is double-quoted (a rubric idea "Share your playlist, we'll
    play the top five" stays one item)."""
    out = scalar(value)
    if isinstance(value, str) and out[:1] not in ("'", '"') and _FLOW_UNSAFE.search(out):
        out = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=10**6).rstrip("\n")
    return out


def new_plan(header: dict, posts: Sequence[dict], comments: Sequence[str] = ()) -> str:
    """A complete plan file: modeline, comments, header keys, then the posts."""
    out = [MODELINE]
    out += [f"# {visible(c, one_line=True)}\n" for c in comments]  # a newline in a file name stays in its comment
    out.append(block({k: v for k, v in header.items() if v not in (None, [], {})}))
    out.append("\nposts:\n")
    out += [_item(p, 2) for p in posts]
    return "".join(out)


# --- editing ------------------------------------------------------------------------


@dataclass(slots=True)
class _Layout:
    spans: dict[tuple[int, int], tuple[int, int, str | None]]  # value start (line, col) -> (start, end, style)
    flow_seq: bool  # `posts: [...]`
    seq_end: int  # index of `]` for a flow sequence
    last_end: int  # index just after the last post's last value
    dash_col: int  # column (0-based) of the items' dashes
    key_col: int  # column of the first key inside an item
    flow_items: bool  # items written as `- {...}`


def _layout(text: str) -> _Layout:
    spans: dict[tuple[int, int], tuple[int, int, str | None]] = {}
    depth = 0
    path: list[Any] = []  # key or index at each depth
    expect_key: list[bool] = []
    in_posts = -1
    seq: dict[str, Any] = {}
    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, ScalarEvent):
            m = event.start_mark
            spans[(m.line + 1, m.column + 1)] = (event.start_mark.index, event.end_mark.index, event.style)
            if in_posts > 0 and depth >= in_posts:
                seq["last_end"] = event.end_mark.index
            if expect_key and expect_key[-1]:
                path[-1] = event.value
                expect_key[-1] = False
                continue
            _advance(expect_key, path)
        elif isinstance(event, CollectionStartEvent):
            is_posts = depth == 1 and path[:1] == ["posts"] and isinstance(event, SequenceStartEvent)
            if in_posts > 0 and depth == in_posts and "key_col" not in seq:
                seq["key_col"] = event.start_mark.column
                seq["flow_items"] = bool(event.flow_style)
            if is_posts:
                in_posts = depth + 1
                seq["flow_seq"] = bool(event.flow_style)
                seq["dash_col"] = event.start_mark.column
            depth += 1
            path.append(None if isinstance(event, MappingStartEvent) else -1)
            expect_key.append(isinstance(event, MappingStartEvent))
            if isinstance(event, SequenceStartEvent):
                path[-1] = 0
        elif isinstance(event, CollectionEndEvent):
            depth -= 1
            path.pop()
            expect_key.pop()
            if in_posts > 0 and depth == in_posts - 1:
                seq["seq_end"] = event.start_mark.index
                in_posts = -2  # done
            _advance(expect_key, path)
    if "last_end" not in seq:
        raise EditError(_("the plan has no posts to append to"))
    if not seq.get("flow_seq"):
        seq.setdefault("seq_end", len(text))
    return _Layout(spans, seq.get("flow_seq", False), seq.get("seq_end", len(text)), seq["last_end"],
                   seq.get("dash_col", 0), seq.get("key_col", seq.get("dash_col", 0) + 2), seq.get("flow_items", False))


def _advance(expect_key: list[bool], path: list[Any]) -> None:
    """After a value: a mapping expects its next key, a sequence its next index."""
    if not expect_key:
        return
    if isinstance(path[-1], int):
        path[-1] += 1
    else:
        expect_key[-1] = True


def edit_plan(text: str, doc: Any, retypes: Sequence[tuple], new_posts: Sequence[dict],
              values: Sequence[tuple[int, str, Any]] = ()) -> str:
    """The plan's text with posts retyped ((post index, new type word) or (post index, new
    value, key), the key `type` or `rubric`), other values of posts set (post index, key,
    value: a date moved, `status: cancelled`; a key the post lacks is written after its
    `type`), and new posts appended after the last one. Everything else is left byte for byte."""
    layout = _layout(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    edits: list[tuple[int, int, str]] = []
    if doc.line_map:  # the spans are keyed by libyaml's (line, column), which counts NEL, LS and PS
        # as line breaks; locate() answers as an editor counts: key the spans the same way
        layout.spans = {doc.editor_position(*k): v for k, v in layout.spans.items()}
    changes = [(index, rest[0] if rest else "type", word) for index, word, *rest in retypes] + list(values)
    for index, key, value in changes:
        if key not in (doc.data["posts"][index] or {}):
            edits.append(_insert_after_type(text, layout, doc, index, key, value, newline))
            continue
        where = doc.locate(("posts", index, key))
        span = layout.spans.get(where)
        if span is None:
            raise EditError(_("cannot find the {key} of post {n} in the text").format(key=key, n=index + 1))
        start, end, style = span
        word = value if isinstance(value, str) else scalar(value)
        if style in ("'", '"'):
            out = scalar(word)
            if not out.startswith(("'", '"')):
                out = style + word.replace(style, style * 2 if style == "'" else '\\"') + style
        elif style in ("|", ">"):
            raise EditError(_("the {key} of post {n} is a block scalar; write it on one line first").format(
                key=key, n=index + 1))
        else:
            out = scalar(value)
        edits.append((start, end, out))
    if new_posts:
        if layout.flow_seq:
            edits.append((layout.seq_end, layout.seq_end, "".join(", " + flow(p) for p in new_posts)))
        else:
            line_end = text.find("\n", layout.last_end)
            at = len(text) if line_end == -1 else line_end + 1
            if layout.last_end > 0 and text[layout.last_end - 1] == "\n":
                at = layout.last_end  # the last value was a block scalar that ends its line
            pad = " " * layout.dash_col
            if layout.flow_items:
                chunk = "".join(f"{pad}- {flow(p)}\n" for p in new_posts)
            else:
                inner = layout.key_col - layout.dash_col
                chunk = "".join(_item_at(p, layout.dash_col, inner) for p in new_posts)
            if at == len(text) and text and not text.endswith("\n"):
                chunk = "\n" + chunk
            edits.append((at, at, chunk.replace("\n", newline)))
    out = text
    for start, end, value in sorted(edits, key=lambda e: e[0], reverse=True):
        out = out[:start] + value + out[end:]
    return out


def _insert_after_type(text: str, layout: _Layout, doc: Any, index: int, key: str, value: Any,
                       newline: str) -> tuple[int, int, str]:
    """An edit that writes `key: value` into post `index` right after its type (or its
    rubric, or its title): `, key: value` in a flow mapping, a line of its own in a block one."""
    post = doc.data["posts"][index]
    anchor = next(k for k in ("type", "rubric", "title", *post) if k in post)
    key_at = layout.spans.get(doc.locate(("posts", index, anchor), at_key=True))
    value_at = layout.spans.get(doc.locate(("posts", index, anchor)))
    if key_at is None or value_at is None:
        raise EditError(_("cannot find the {key} of post {n} in the text").format(key=anchor, n=index + 1))
    before = text[: key_at[0]].rstrip(" \t")
    end = value_at[1]
    if before.endswith((",", "{")):
        return end, end, f", {key}: {scalar(value)}"
    column = key_at[0] - (text.rfind("\n", 0, key_at[0]) + 1)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[line_end - 1 : line_end] == "\r":
        line_end -= 1
    return line_end, line_end, f"{newline}{' ' * column}{key}: {scalar(value)}"


def _item_at(data: dict, dash: int, inner: int) -> str:
    """A block mapping item: `- ` at column `dash`, its keys `inner` columns further in."""
    inner = max(inner, 2)
    lines = [f"{k}: {scalar(v)}" for k, v in data.items()]
    first = " " * dash + "-" + " " * (inner - 1) + lines[0] + "\n"
    return first + "".join(" " * (dash + inner) + line + "\n" for line in lines[1:])
