"""Bytes -> data tree with a line and column for every node.

The tree is built straight from libyaml's event stream, so PyYAML's YAML 1.1
resolver never runs: every scalar stays the text the author typed (``10:30``
is not 630, ``NO`` is not ``False``, ``0123`` is not 83) and the plan model's
field types decide what it means. Plain ``null``/``~``/empty scalars become
``None``.

Guards run before and while building, never after: file size, encoding,
binary content, nesting depth, alias count and expanded size, tags, duplicate
keys, several documents. Each becomes a :class:`LoadProblem`; the loader never
raises on bad input.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

try:  # libyaml's parser: fast, and the event stream is all we need
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _Parser = None

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 1_000
MAX_EXPANDED_NODES = 1_000_000

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# Tags that only restate a core type are harmless; any other tag is refused.
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary")
) | {"!"}


@dataclass(slots=True)
class LoadProblem:
    """Something wrong with the file itself, found while reading it."""

    code: str
    message: str
    line: int | None = None
    column: int | None = None
    fix: str | None = None


class Marks:
    """Where a container and each of its children start (1-based)."""

    __slots__ = ("line", "column", "keys", "children")

    def __init__(self, line: int, column: int, is_map: bool):
        self.line = line
        self.column = column
        # For a mapping: key -> (line, column) of the key itself.
        self.keys: dict[Any, tuple[int, int]] | None = {} if is_map else None
        # key or index -> (line, column) for scalars, or a child Marks.
        self.children: dict[Any, Any] | list[Any] = {} if is_map else []


@dataclass(slots=True)
class Document:
    """A loaded plan file: its data, where each node is, and what went wrong."""

    data: Any = None
    marks: Marks | tuple[int, int] | None = None
    problems: list[LoadProblem] = field(default_factory=list)
    text: str = ""
    fatal: bool = False

    def locate(self, path: tuple = (), at_key: bool = False) -> tuple[int | None, int | None]:
        """Resolve a path into the document (keys and indexes) to (line, column).

        A path that runs past the tree (a missing field) resolves to the
        deepest node that exists, which is where the author has to add it.
        ``at_key`` points at the key rather than its value.
        """
        node = self.marks
        if node is None:
            return (None, None)
        for i, step in enumerate(path):
            if not isinstance(node, Marks):
                break
            last = i == len(path) - 1
            if node.keys is not None:
                if step not in node.children:
                    break
                if last and at_key:
                    return node.keys[step]
                node = node.children[step]
            else:
                if not isinstance(step, int) or not 0 <= step < len(node.children):
                    break
                node = node.children[step]
        if isinstance(node, Marks):
            return (node.line, node.column)
        return node

    def line_text(self, line: int | None) -> str | None:
        """The source line (1-based) for excerpts under a finding."""
        if not line or not self.text:
            return None
        start = 0
        for _ in range(line - 1):
            start = self.text.find("\n", start) + 1
            if start == 0:
                return None
        end = self.text.find("\n", start)
        return self.text[start : end if end != -1 else None].rstrip("\r")


class _Abort(Exception):
    """Stop building: the problem is already recorded."""


def decode(data: bytes) -> tuple[str | None, LoadProblem | None]:
    """Bytes to text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read;
    anything else is a problem with the line and column of the first bad byte."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, LoadProblem(
                "PLAN002", "The file starts like UTF-16 but is not valid UTF-16.", 1, 1,
                "Save the plan as UTF-8.",
            )
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        return None, LoadProblem(
            "PLAN002", "The file contains NUL bytes: it is binary, not a YAML plan.", line, column,
            "Check that the right file was given; a plan is a UTF-8 text file.",
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, LoadProblem(
            "PLAN002",
            f"The file is not UTF-8: byte 0x{data[exc.start]:02x} at line {line} cannot be read.",
            line, column,
            "Save the plan as UTF-8 (in most editors: File > Save with encoding > UTF-8).",
        )


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[bytes, int]:
    """The bytes of a plan file and its size, reading at most ``max_bytes + 1``.

    Never blocks on a FIFO and never reads a device: the file is opened
    non-blocking and anything but a regular file raises :class:`OSError`
    (exit 2 in the CLI), as does a path that cannot be opened. A file over
    the limit is not read at all: ``(b"", size)``, which :func:`load` reports.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb", buffering=0) as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket is not read)", path)
        if info.st_size > max_bytes:
            return b"", info.st_size
        chunks, left = [], max_bytes + 1  # the file may grow while it is read
        while left > 0:
            chunk = fh.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    data = b"".join(chunks)
    return data, len(data)


def load(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, size: int | None = None) -> Document:
    """Read one plan file. Never raises for bad input: see ``Document.problems``.

    ``size`` is the file's real size when ``data`` was not read in full
    (:func:`read_file` skips files over the limit).
    """
    doc = Document()
    size = max(len(data), size or 0)
    if size > max_bytes:
        doc.problems.append(
            LoadProblem(
                "PLAN011",
                # a stream read only up to the limit (stdin) has no known size
                f"The file is {f'{size / 1048576:.1f} MiB, ' if size > max_bytes + 1 else ''}over the "
                f"{max_bytes / 1048576:.1f} MiB limit (max-file-size).",
                None, None,
                "Split the plan into smaller files, or raise `max-file-size` in the config or "
                "with --max-file-size.",
            )
        )
        doc.fatal = True
        return doc
    text, problem = decode(data)
    if problem is not None:
        doc.problems.append(problem)
        doc.fatal = True
        return doc
    doc.text = text
    try:
        _build(text, doc)
    except _Abort:
        doc.fatal = True
        doc.data = None
        doc.marks = None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _inside(text, mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or "unreadable YAML"
        if "maximum nesting depth" in what:  # libyaml's own limit, hit before ours in `[[[[...`
            doc.problems.append(_too_deep(line, column))
            doc.fatal, doc.data, doc.marks = True, None, None
            return doc
        context = f" {exc.context}" if exc.context else ""
        doc.problems.append(
            LoadProblem(
                "PLAN001",
                f"This is not valid YAML: {what}{context}.",
                line, column,
                _syntax_fix(what),
            )
        )
        doc.fatal = True
        doc.data = None
        doc.marks = None
    except yaml.YAMLError as exc:  # reader errors without a mark
        doc.problems.append(
            LoadProblem("PLAN001", f"This is not valid YAML: {exc}.", None, None,
                        "Check the file in a YAML-aware editor.")
        )
        doc.fatal = True
    if not doc.fatal:
        if doc.marks is None:
            doc.problems.append(
                LoadProblem("PLAN012", "The file is empty: there is no plan in it.", 1, 1,
                            "Add at least `posts:` with a list of posts.")
            )
            doc.fatal = True
        elif not isinstance(doc.data, dict):
            kind = "a list" if isinstance(doc.data, list) else "a single value"
            line, column = doc.locate()
            doc.problems.append(
                LoadProblem(
                    "PLAN003",
                    f"The top level of the file is {kind}; a plan is a mapping of keys "
                    "such as `brand`, `formula` and `posts`.",
                    line, column,
                    "Start the file with `brand: ...` and put the posts under `posts:`.",
                )
            )
            doc.fatal = True
    return doc


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # line breaks as libyaml counts them


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """libyaml puts an error at the end of a file without a final newline on the
    line after the last; point at the end of the last line instead."""
    breaks = len(_BREAKS.findall(text))
    if line > breaks + 1:
        return breaks + 1, len(_BREAKS.split(text)[-1]) + 1
    return line, column


def _syntax_fix(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "Put text that contains ': ' in quotes, or fix the indentation of this line."
    if "found character '\\t'" in what or "tab" in what:
        return "Indent with spaces, not tabs."
    if "could not find expected ':'" in what:
        return "Each line under a post needs `key: value`; check for a missing colon."
    return "Check the indentation and quoting around this line."


def _build(text: str, doc: Document) -> None:
    if _Parser is not None:
        parser = _Parser(text)
        get_event = parser.get_event
    else:  # pragma: no cover
        events = yaml.parse(text, Loader=yaml.SafeLoader)
        get_event = lambda: next(events, None)  # noqa: E731

    problems = doc.problems
    anchors: dict[str, tuple[Any, Any, int]] = {}
    # The stack holds one frame per open container:
    # [data, marks, pending key, key mark, size, anchor, merge keys seen]
    stack: list[list[Any]] = []
    aliases = 0
    expanded = 0
    documents = 0
    root_set = False

    def attach(value: Any, mark: Any, size: int) -> None:
        nonlocal root_set
        if not stack:
            doc.data, doc.marks = value, mark
            root_set = True
            return
        frame = stack[-1]
        frame[4] += size
        container = frame[0]
        if frame[1].keys is None:
            container.append(value)
            frame[1].children.append(mark)
            return
        key = frame[2]
        if key is _NO_KEY:
            # This node is a key.
            if isinstance(value, (dict, list)):
                problems.append(
                    LoadProblem("PLAN001", "A key here is itself a list or mapping; keys must be plain words.",
                                mark.line if isinstance(mark, Marks) else mark[0],
                                mark.column if isinstance(mark, Marks) else mark[1],
                                "Write the key as a single word followed by a colon.")
                )
                raise _Abort
            frame[2] = value
            frame[3] = mark
            return
        frame[2] = _NO_KEY
        kmarks = frame[1].keys
        if key == "<<" and key not in kmarks:
            _merge(frame, value, mark, problems)
            return
        merged = frame[6]
        if merged is not None and key in merged:
            merged.discard(key)  # an explicit key overrides one merged from `<<`
        elif key in kmarks:
            first = kmarks[key]
            at = f"line {first[0]}" if first[0] != frame[3][0] else f"column {first[1]} of this line"
            problems.append(
                LoadProblem(
                    "PLAN004",
                    f"Duplicate key `{key}`: it is already set at {at}, and YAML readers "
                    "silently keep only one of the two.",
                    frame[3][0], frame[3][1],
                    f"Remove one of the two `{key}:` entries (the first is at {at}).",
                )
            )
            return  # keep the first; the error makes the run fail anyway
        container[key] = value
        kmarks[key] = frame[3]
        frame[1].children[key] = mark

    while True:
        event = get_event()
        if event is None:
            break
        cls = event.__class__
        if cls is ScalarEvent:
            m = event.start_mark
            value = event.value
            tag = event.tag
            if tag is not None and tag not in _CORE_TAGS:
                _refuse_tag(tag, m, problems)
            if not event.style and value in _NULLS and event.implicit[0]:
                if not stack and not value:  # `---` and nothing else: an empty document
                    continue
                value = None
            if event.anchor is not None:
                anchors[event.anchor] = (value, (m.line + 1, m.column + 1), 1)
            expanded += 1
            attach(value, (m.line + 1, m.column + 1), 1)
        elif cls is MappingStartEvent or cls is SequenceStartEvent:
            m = event.start_mark
            if event.tag is not None and event.tag not in _CORE_TAGS:
                _refuse_tag(event.tag, m, problems)
            if len(stack) >= MAX_DEPTH:
                problems.append(_too_deep(m.line + 1, m.column + 1))
                raise _Abort
            is_map = cls is MappingStartEvent
            expanded += 1
            stack.append([{} if is_map else [], Marks(m.line + 1, m.column + 1, is_map),
                          _NO_KEY, None, 1, event.anchor, None])
        elif cls is MappingEndEvent or cls is SequenceEndEvent:
            frame = stack.pop()
            if frame[5] is not None:
                anchors[frame[5]] = (frame[0], frame[1], frame[4])
            attach(frame[0], frame[1], frame[4])
        elif cls is AliasEvent:
            m = event.start_mark
            aliases += 1
            target = anchors.get(event.anchor)
            if target is None:  # libyaml reports undefined aliases itself; be safe
                problems.append(LoadProblem("PLAN001", f"Alias `*{event.anchor}` has no anchor.",
                                            m.line + 1, m.column + 1, "Define `&name` before using `*name`."))
                raise _Abort
            expanded += target[2]
            if aliases > MAX_ALIASES or expanded > MAX_EXPANDED_NODES:
                problems.append(
                    LoadProblem(
                        "PLAN010",
                        f"Too many aliases: expanding them would make more than "
                        f"{MAX_EXPANDED_NODES:,} nodes or use more than {MAX_ALIASES:,} aliases "
                        "(an alias bomb?).",
                        m.line + 1, m.column + 1,
                        "Write the values out instead of repeating `*anchor` references.",
                    )
                )
                raise _Abort
            attach(target[0], target[1], target[2])
        elif cls is DocumentStartEvent:
            documents += 1
            if documents == 2:
                m = event.start_mark
                problems.append(
                    LoadProblem(
                        "PLAN013",
                        "The file holds more than one YAML document (a `---` line); smmplan reads "
                        "one plan per file and ignored the rest.",
                        m.line + 1, m.column + 1,
                        "Move each plan into a file of its own.",
                    )
                )
                break
        elif cls is StreamEndEvent:
            break


_NO_KEY = object()


def _too_deep(line: int | None, column: int | None) -> LoadProblem:
    return LoadProblem(
        "PLAN010",
        f"The file nests lists and mappings more than {MAX_DEPTH} levels deep; a plan needs four.",
        line, column,
        "Check the indentation and brackets: a plan is keys, a list of posts, and their fields.",
    )


def _refuse_tag(tag: str, mark: Any, problems: list[LoadProblem]) -> None:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    problems.append(
        LoadProblem(
            "PLAN009",
            f"The tag `{shown}` is not allowed: a plan holds plain text, numbers and dates, and "
            "smmplan never builds objects from tags.",
            mark.line + 1, mark.column + 1,
            f"Remove `{shown}` and write the value as plain text.",
        )
    )


def _merge(frame: list[Any], value: Any, mark: Any, problems: list[LoadProblem]) -> None:
    """`<<: *defaults` (or a list of them): copy keys the mapping lacks."""
    sources = value if isinstance(value, list) else [value]
    marks_list = mark.children if isinstance(value, list) else [mark]
    for src, src_marks in zip(sources, marks_list):
        if not isinstance(src, dict) or not isinstance(src_marks, Marks):
            line, column = frame[3]
            problems.append(LoadProblem("PLAN001", "`<<` must name a mapping (for example `<<: *defaults`).",
                                        line, column, "Point `<<` at an anchored mapping."))
            return
        for key, item in src.items():
            if key not in frame[0]:
                if frame[6] is None:
                    frame[6] = set()
                frame[6].add(key)
                frame[0][key] = item
                frame[1].keys[key] = src_marks.keys[key]
                frame[1].children[key] = src_marks.children[key]
