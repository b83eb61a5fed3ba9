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
import gc
import os
import re
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from smmplan.locale import DEFAULT, _, current

try:  # the common case in C (setup.py builds it where libyaml's header is found)
    from smmplan import _fastyaml
except ImportError:  # pragma: no cover - built without libyaml-dev: same results, slower
    _fastyaml = None

# PyYAML (its parser's event objects, its errors) is imported by the Python
# builder below, which reads what the C one gives up on: a plain plan never
# needs it, and importing it costs a small plan's run some 14 ms.

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_ALIASES = 1_000
MAX_EXPANDED_NODES = 1_000_000
# A list or mapping of more items, or a file of more nodes in all, is refused (PLAN010): an
# 8-million-item `tactics:` list (16 MB) would otherwise take gigabytes to build and validate.
# 20,000 posts are some 200,000 nodes.
MAX_ITEMS = 100_000
MAX_NODES = 2_000_000

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
# Tags that only restate a core type are harmless; any other tag is refused.
_CORE_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp", "binary")
) | {"!"}


class LoadProblem:
    """Something wrong with the file itself, found while reading it. (A plain class: a
    dataclass is generated anew at every start.)"""

    __slots__ = ("code", "message", "line", "column", "fix")

    def __init__(self, code: str, message: str, line: int | None = None, column: int | None = None,
                 fix: str | None = None) -> None:
        self.code, self.message, self.line, self.column, self.fix = code, message, line, column, fix

    def __repr__(self) -> str:
        return f"LoadProblem({self.code!r}, {self.message!r}, line={self.line}, column={self.column})"


class Marks:
    """Where a container and each of its children start.

    A position is one int, the parser's 0-based line and column packed as
    ``line << 32 | column`` (:func:`_pack`); a mapping's child also carries
    where its key starts, as ``(key + 1) << 64 | position``. A 20,000-post
    plan has some 270,000 of them, and the parser's mark objects and a
    second dict per mapping for the keys cost several times the memory.
    They become 1-based (line, column) pairs only when a finding asks
    (:meth:`Document.locate`): most nodes are never asked about.
    """

    __slots__ = ("mark", "children")

    def __init__(self, mark: int, children: dict[Any, Any] | list[Any]):
        self.mark = mark  # where the container starts (and, in a mapping, its key)
        # key or index -> position of a scalar child, or the child's Marks.
        self.children = children

    @property
    def keys(self) -> bool | None:
        """True for a mapping, None for a sequence."""
        return True if self.children.__class__ is dict else None


def _pack(mark: Any) -> int:
    """A parser mark as one int (see :class:`Marks`)."""
    return mark.line << 32 | mark.column


def _position(mark: int | Marks) -> tuple[int, int]:
    """A packed position (or Marks) as a 1-based (line, column)."""
    if mark.__class__ is Marks:
        mark = mark.mark
    return ((mark >> 32 & 0xFFFFFFFF) + 1, (mark & 0xFFFFFFFF) + 1)


def _key_of(child: int | Marks) -> int:
    """The packed position of the key a mapping's child is under."""
    if child.__class__ is Marks:
        child = child.mark
    return (child >> 64) - 1


def _keyed(kmark: int, child: int | Marks, shared: bool) -> int | Marks:
    """`child` (a position or Marks) with the position of its key packed in;
    a `shared` Marks (an alias's) is copied, not changed."""
    if child.__class__ is not Marks:
        return (kmark + 1) << 64 | child
    if shared:
        return Marks((kmark + 1) << 64 | (child.mark & _LOW), child.children)
    child.mark = (kmark + 1) << 64 | child.mark
    return child


_LOW = (1 << 64) - 1


class Document:
    """A loaded plan file: its data, where each node is, and what went wrong. (A plain class:
    a dataclass is generated anew at every start.)"""

    __slots__ = ("data", "marks", "problems", "text", "fatal", "line_map", "excerpts")

    def __init__(self, data: Any = None, marks: Marks | int | None = None, problems: list[LoadProblem] | None = None,
                 text: str = "", fatal: bool = False, line_map: list[tuple[int, int]] | None = None,
                 excerpts: dict[int, str | None] | None = None) -> None:
        self.data = data
        self.marks = marks
        self.problems = [] if problems is None else problems
        self.text = text
        self.fatal = fatal
        # Where each of libyaml's lines starts as an editor counts lines: libyaml also
        # breaks lines at NEL, LS and PS (YAML 1.1), editors and CI annotations don't.
        # None when the text has none of those (nearly always).
        self.line_map = line_map
        # A detached document (engine.PlanResult.detached) keeps only the lines its
        # findings point at, by editor line, instead of the text.
        self.excerpts = excerpts

    def editor_position(self, line: int | None, column: int | None) -> tuple[int | None, int | None]:
        """A 1-based libyaml (line, column) as an editor shows it."""
        if self.line_map is None or line is None or not 0 < line <= len(self.line_map):
            return (line, column)
        start_line, offset = self.line_map[line - 1]
        return (start_line + 1, offset + column if column is not None else None)

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
            if node.__class__ is not Marks:
                break
            children = node.children
            if children.__class__ is dict:
                if step not in children:
                    break
                node = children[step]
                if at_key and i == len(path) - 1:
                    return self.editor_position(*_position(_key_of(node)))
            else:
                if not isinstance(step, int) or not 0 <= step < len(children):
                    break
                node = children[step]
        return self.editor_position(*_position(node))

    def line_text(self, line: int | None) -> str | None:
        """The source line (1-based, as editors count) for an excerpt under a finding."""
        return self.quote((line,)).get(line) if line else None

    def quote(self, lines: Iterable[int | None]) -> dict[int, str | None]:
        """Several source lines at once: one pass over the text, up to the last
        of them (a 20,000-post plan has 140,000 lines). None for a line past the end."""
        wanted = {n for n in lines if n}
        if self.excerpts is not None:
            return {n: self.excerpts.get(n) for n in wanted}
        if not wanted or not self.text:
            return dict.fromkeys(wanted)
        split = self.text.split("\n", max(wanted))  # lines up to the last wanted, then the rest
        return {n: split[n - 1].rstrip("\r") if n <= len(split) else None for n in wanted}


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
                "PLAN002", _("The file starts like UTF-16 but is not valid UTF-16."), 1, 1,
                _("Save the plan as UTF-8."),
            )
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        column = nul - (data.rfind(b"\n", 0, nul) + 1) + 1
        return None, LoadProblem(
            "PLAN002", _("The file contains NUL bytes: it is binary, not a YAML plan."), line, column,
            _("Check that the right file was given; a plan is a UTF-8 text file."),
        )
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, LoadProblem(
            "PLAN002",
            _("The file is not UTF-8: byte 0x{byte} at line {line} cannot be read.").format(
                byte=f"{data[exc.start]:02x}", line=line),
            line, column,
            _("Save the plan as UTF-8 (in most editors: File > Save with encoding > UTF-8)."),
        )


def encode_like(text: str, original: bytes) -> bytes:
    """`text` encoded as `original` was (what :func:`decode` read): UTF-8 with its BOM if it
    had one, UTF-16 (LE or BE, with the BOM) if it was UTF-16."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode("utf-8")


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
            raise OSError(errno.EINVAL, _("not a regular file (a FIFO, device or socket is not read)"), path)
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


_LANGUAGE = re.compile(rb"^(?:\xef\xbb\xbf)?language[ \t]*:[ \t]*[\"']?([A-Za-z_.\-\xd0-\xd1\x80-\xbf]{2,20})", re.M)


def declared_language(data: bytes) -> str | None:
    """The plan's top-level ``language:`` as written, read before the file is parsed, so
    that the parser's own messages are in the plan's language too (None when absent).
    The model reads the same key when the plan is loaded; this is only a first look."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # read as decode() reads it
        text, _problem = decode(data)
        data = text.encode("utf-8") if text is not None else b""
    m = _LANGUAGE.search(data)
    if m is None:
        return None
    try:
        return m[1].decode("utf-8")
    except UnicodeDecodeError:
        return None


def load(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES, size: int | None = None) -> Document:
    """Read one plan file. Never raises for bad input: see ``Document.problems``.

    ``size`` is the file's real size when ``data`` was not read in full
    (:func:`read_file` skips files over the limit).
    """
    doc = Document()
    size = max(len(data), size or 0)
    if size > max_bytes:
        limit = _mib(max_bytes)
        if size > max_bytes + 1:
            message = _("The file is {size} MiB, over the {limit} MiB limit (max-file-size).").format(
                size=_mib(size), limit=limit)
        else:  # a stream read only up to the limit (stdin) has no known size
            message = _("The file is over the {limit} MiB limit (max-file-size).").format(limit=limit)
        doc.problems.append(
            LoadProblem(
                "PLAN011", message, None, None,
                _("Split the plan into smaller files, or raise `max-file-size` in the config or "
                  "with --max-file-size."),
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
    if any(ch in text for ch in _ODD_BREAKS):  # str `in`: a 3.7 MB text in microseconds, not a regex's 15 ms
        doc.line_map = _editor_lines(text)
    built = None
    if _fastyaml is not None:
        with gc_paused():
            built = _fastyaml.build(text, Marks, MAX_DEPTH, MAX_ITEMS, MAX_NODES)
    if built is not None:
        doc.data, doc.marks = built
    else:  # anything unusual, or no C loader: the Python builder words every problem
        _read(text, doc)
    if doc.line_map is not None:  # positions so far are libyaml's
        for p in doc.problems:
            p.line, p.column = doc.editor_position(p.line, p.column)
    if not doc.fatal:
        if doc.marks is None:
            doc.problems.append(
                LoadProblem("PLAN012", _("The file is empty: there is no plan in it."), 1, 1,
                            _("Add at least `posts:` with a list of posts."))
            )
            doc.fatal = True
        elif not isinstance(doc.data, dict):
            if isinstance(doc.data, list):
                message = _("The top level of the file is a list; a plan is a mapping of keys "
                            "such as `brand`, `formula` and `posts`.")
            else:
                message = _("The top level of the file is a single value; a plan is a mapping of keys "
                            "such as `brand`, `formula` and `posts`.")
            line, column = doc.locate()
            doc.problems.append(
                LoadProblem(
                    "PLAN003", message, line, column,
                    _("Start the file with `brand: ...` and put the posts under `posts:`."),
                )
            )
            doc.fatal = True
    return doc


_BREAKS = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # line breaks as libyaml counts them
_ODD_BREAKS = ("\x85", "\u2028", "\u2029")  # ... which editors do not


def _editor_lines(text: str) -> list[tuple[int, int]]:
    """For each line as libyaml counts them, the 0-based editor line it starts on
    and the column offset there (non-zero after a NEL, LS or PS)."""
    out = [(0, 0)]
    line = 0
    for m in _BREAKS.finditer(text):
        if m.group() in "\x85\u2028\u2029":
            start = text.rfind("\n", 0, m.start())
            start = max(start, text.rfind("\r", 0, m.start()))
            out.append((line, m.end() - (start + 1)))
        else:
            line += 1
            out.append((line, 0))
    return out


def _inside(text: str, line: int, column: int) -> tuple[int, int]:
    """libyaml puts an error at the end of a file without a final newline on the
    line after the last; point at the end of the last line instead."""
    breaks = len(_BREAKS.findall(text))
    if line > breaks + 1:
        return breaks + 1, len(_BREAKS.split(text)[-1]) + 1
    return line, column


def _syntax_fix(what: str) -> str:
    if "mapping values are not allowed" in what:
        return _("Put text that contains ': ' in quotes, or fix the indentation of this line.")
    if "found character '\\t'" in what or "tab" in what:
        return _("Indent with spaces, not tabs.")
    if "could not find expected ':'" in what:
        return _("Each line under a post needs `key: value`; check for a missing colon.")
    return _("Check the indentation and quoting around this line.")


def _read(text: str, doc: Document) -> None:
    """The Python builder, with libyaml's errors turned into problems."""
    import yaml

    try:
        _build(text, doc)
    except _Abort:
        doc.fatal, doc.data, doc.marks = True, None, None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = _inside(text, mark.line + 1, mark.column + 1) if mark else (None, None)
        what = exc.problem or _("unreadable YAML")
        opened = _unclosed(exc, text)
        if "maximum nesting depth" in what:  # libyaml's own limit, hit before ours in `[[[[...`
            problem = _too_deep(line, column)
        elif opened is not None and line is not None:
            problem = _unclosed_problem(opened, line, column, what)
        else:  # the parser's own words, quoted as they are
            context = f" {exc.context}" if exc.context else ""
            problem = LoadProblem("PLAN001", _("This is not valid YAML: {problem}{context}.").format(
                problem=what, context=context), line, column, _syntax_fix(what))
        doc.problems.append(problem)
        doc.fatal, doc.data, doc.marks = True, None, None
    except yaml.YAMLError as exc:  # reader errors without a mark
        doc.problems.append(
            LoadProblem("PLAN001", _("This is not valid YAML: {problem}.").format(problem=exc), None, None,
                        _("Check the file in a YAML-aware editor."))
        )
        doc.fatal = True


_OPENERS = {"while scanning a quoted scalar": "quote", "while parsing a flow sequence": "[",
            "while parsing a flow mapping": "{"}


def _unclosed(exc, text: str) -> tuple[str, int, int] | None:
    """For an error inside a quote, `[...]` or `{...}`: what was opened (`"`, `'`, `[`
    or `{`) and the line and column where it was, else None."""
    opener = _OPENERS.get(exc.context or "")
    mark = exc.context_mark
    if opener is None or mark is None:
        return None
    if opener == "quote":
        opener = '"' if text[mark.index:mark.index + 1] == '"' else "'"
    line, column = _inside(text, mark.line + 1, mark.column + 1)
    return opener, line, column


def _unclosed_problem(opened: tuple[str, int, int], end_line: int, end_column: int | None,
                      what: str) -> LoadProblem:
    """Point at where the unclosed quote or bracket opened (where the fix goes), and
    name where the parser gave up (in its own words, unless the file simply ends)."""
    opener, line, column = opened
    at = {"line": end_line, "column": end_column, "problem": what}
    ends = "end of stream" in what
    if opener in "\"'":
        message = (_("This is not valid YAML: the quote `{quote}` opened here is never closed: the file ends "
                     "at line {line}, column {column} inside it.") if ends else
                   _("This is not valid YAML: the quote `{quote}` opened here is never closed: {problem} "
                     "at line {line}, column {column} inside it.")).format(quote=opener, **at)
        fix = _("Close the quote at the end of the value, or drop it (and quote a value that has `: ` or `#`).")
    else:
        message = (_("This is not valid YAML: the `{bracket}` opened here is not closed properly: the file ends "
                     "at line {line}, column {column}.") if ends else
                   _("This is not valid YAML: the `{bracket}` opened here is not closed properly: {problem} "
                     "at line {line}, column {column}.")).format(bracket=opener, **at)
        fix = _("Close the list or mapping, and check for a missing comma between its items.")
    return LoadProblem("PLAN001", message, line, column, fix)


def _build(text: str, doc: Document) -> None:
    """Build ``doc.data`` and ``doc.marks`` from the event stream.

    This is the hot loop of a run (a 20,000-post plan is some 270,000 events),
    so it is written for speed: one function per open container, the common
    case (an untagged, unanchored scalar) handled inline, parser marks kept
    as they come, and the cyclic garbage collector paused while the
    (acyclic) tree grows, since it would otherwise rescan the tree again
    and again. Everything unusual (tags, anchors, aliases, merge keys,
    duplicates, complex keys) goes through :func:`node` and the checks after
    the loop.
    """
    import yaml
    from yaml.events import (
        AliasEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
    )

    try:  # libyaml's parser: fast, and the event stream is all we need
        from yaml._yaml import CParser

        get = CParser(text).get_event
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        events = yaml.parse(text, Loader=yaml.SafeLoader)
        get = lambda: next(events, None)  # noqa: E731

    problems = doc.problems
    # name -> (value, marks, nodes in the value with every alias in it expanded)
    anchors: dict[str, tuple[Any, Any, int]] = {}
    aliases = expanded = 0
    # Nodes in the value the last call of mapping(), sequence(), alias() or node() made,
    # aliases expanded: a mapping counts itself, its keys and its values, a sequence
    # itself and its items. Containers add up their children's as they close, so a chain
    # of aliases costs what the file holds, not what it expands to.
    made = 1
    nodes = [0]  # items of the lists and mappings closed so far
    known: dict[str, str] = {}  # the keys met so far
    Scalar, MapStart, MapEnd, SeqStart, SeqEnd = (
        ScalarEvent, MappingStartEvent, MappingEndEvent, SequenceStartEvent, SequenceEndEvent,
    )
    nulls = _NULLS

    def node(ev: Any, depth: int) -> tuple[Any, Any]:
        """Any node, given the event that starts it: (value, marks)."""
        nonlocal made
        cls = ev.__class__
        if cls is Scalar:
            made = 1
            mark = ev.start_mark
            if ev.tag is not None and ev.tag not in _CORE_TAGS:
                _refuse_tag(ev.tag, mark, problems)
            value = ev.value
            if not ev.style and value in nulls and ev.implicit[0]:
                value = None
            mark = _pack(mark)
            if ev.anchor is not None:
                anchors[ev.anchor] = (value, mark, 1)
            return value, mark
        if cls is MapStart:
            return mapping(ev, depth)
        if cls is SeqStart:
            return sequence(ev, depth)
        if cls is AliasEvent:
            return alias(ev)
        raise yaml.YAMLError(f"unexpected {cls.__name__}")  # pragma: no cover - libyaml orders events

    def start(ev: Any, depth: int) -> Any:
        mark = ev.start_mark
        if ev.tag is not None and ev.tag not in _CORE_TAGS:
            _refuse_tag(ev.tag, mark, problems)
        if depth >= MAX_DEPTH:
            problems.append(_too_deep(mark.line + 1, mark.column + 1))
            raise _Abort
        return _pack(mark)

    def mapping(first: Any, depth: int) -> tuple[dict, Marks]:
        nonlocal made
        mark = start(first, depth)
        depth += 1
        data: dict[Any, Any] = {}
        children: dict[Any, Any] = {}
        merges = None
        nested = 0  # nodes under the values that are not plain scalars, beyond the one each counts for
        while True:
            ev = get()
            cls = ev.__class__
            if cls is Scalar and ev.tag is None and ev.anchor is None:
                key = ev.value
                if not ev.style and key in nulls and ev.implicit[0]:
                    key = None
                else:  # one string per distinct key, not one per post
                    key = known.setdefault(key, key)
                kmark = ev.start_mark
                kmark = kmark.line << 32 | kmark.column
            elif cls is MapEnd:
                break
            else:
                key, kmark = node(ev, depth)
                if isinstance(key, (dict, list)):
                    line, column = _position(kmark)
                    problems.append(LoadProblem(
                        "PLAN001", _("A key here is itself a list or mapping; keys must be plain words."),
                        line, column, _("Write the key as a single word followed by a colon.")))
                    raise _Abort
            ev = get()
            cls = ev.__class__
            # The value: the same few lines as in sequence(), inlined in both
            # on purpose (a call per scalar would cost more than the rest).
            if cls is Scalar and ev.tag is None and ev.anchor is None:
                value = ev.value
                if value in nulls and not ev.style and ev.implicit[0]:
                    value = None
                vmark = ev.start_mark
                vmark = (kmark + 1) << 64 | vmark.line << 32 | vmark.column
            elif cls is MapStart:
                value, vmark = mapping(ev, depth)
                vmark.mark |= (kmark + 1) << 64  # a new Marks, not an alias's
                nested += made - 1
            else:
                value, vmark = node(ev, depth)
                nested += made - 1
                if key != "<<":
                    vmark = _keyed(kmark, vmark, cls is AliasEvent)
            if key in data or key == "<<":
                if key == "<<":  # applied after the explicit keys, which win
                    merges = merges or []
                    merges.append((value, vmark, kmark))
                else:
                    _duplicate(key, _key_of(children[key]), kmark, problems)  # the first is kept
                continue
            data[key] = value
            children[key] = vmark
            if len(children) > MAX_ITEMS:
                _too_many(kmark, "mapping", problems)
        _count(len(children), nodes, mark, problems)
        if merges:
            _merge(data, children, merges, problems)
        marks = Marks(mark, children)
        made = 1 + 2 * len(data) + nested
        if first.anchor is not None:
            anchors[first.anchor] = (data, marks, made)
        return data, marks

    def sequence(first: Any, depth: int) -> tuple[list, Marks]:
        nonlocal made
        mark = start(first, depth)
        depth += 1
        data: list[Any] = []
        children: list[Any] = []
        nested = 0  # as in mapping()
        while True:
            ev = get()
            cls = ev.__class__
            if cls is Scalar and ev.tag is None and ev.anchor is None:
                value = ev.value
                if value in nulls and not ev.style and ev.implicit[0]:
                    value = None
                vmark = ev.start_mark
                vmark = vmark.line << 32 | vmark.column
            elif cls is MapStart:
                value, vmark = mapping(ev, depth)
                nested += made - 1
            elif cls is SeqEnd:
                break
            else:
                value, vmark = node(ev, depth)
                nested += made - 1
            data.append(value)
            children.append(vmark)
            if len(children) > MAX_ITEMS:
                _too_many(mark, "list", problems)
        _count(len(children), nodes, mark, problems)
        marks = Marks(mark, children)
        made = 1 + len(data) + nested
        if first.anchor is not None:
            anchors[first.anchor] = (data, marks, made)
        return data, marks

    def alias(ev: Any) -> tuple[Any, Any]:
        nonlocal aliases, expanded, made
        mark = ev.start_mark
        aliases += 1
        target = anchors.get(ev.anchor)
        if target is None:  # libyaml reports undefined aliases itself; be safe
            problems.append(LoadProblem("PLAN001", _("Alias `*{anchor}` has no anchor.").format(anchor=ev.anchor),
                                        mark.line + 1, mark.column + 1, _("Define `&name` before using `*name`.")))
            raise _Abort
        made = target[2]
        expanded += made
        if aliases > MAX_ALIASES or expanded > MAX_EXPANDED_NODES:
            problems.append(
                LoadProblem(
                    "PLAN010",
                    _("Too many aliases: expanding them would make more than {nodes} nodes or use more than "
                      "{aliases} aliases (an alias bomb?).").format(nodes=thousands(MAX_EXPANDED_NODES),
                                                                   aliases=thousands(MAX_ALIASES)),
                    mark.line + 1, mark.column + 1,
                    _("Write the values out instead of repeating `*anchor` references."),
                )
            )
            raise _Abort
        return target[0], target[1]

    try:
        with gc_paused():
            _documents(doc, get, node, problems)
    finally:
        # The nested functions refer to each other through their closures: a
        # reference cycle that would keep the parser (and a copy of the text)
        # alive until the next collection. Break it.
        node = mapping = sequence = alias = None  # noqa: F841


def _documents(doc: Document, get: Any, node: Any, problems: list[LoadProblem]) -> None:
    """The stream's first document becomes the plan; a second one is a problem."""
    from yaml.events import DocumentStartEvent, ScalarEvent, StreamEndEvent

    documents = 0
    while True:
        ev = get()
        if ev is None:
            break
        cls = ev.__class__
        if cls is DocumentStartEvent:
            documents += 1
            if documents == 2:
                m = ev.start_mark
                problems.append(
                    LoadProblem(
                        "PLAN013",
                        _("The file holds more than one YAML document (a `---` line); smmplan reads "
                          "one plan per file and ignored the rest."),
                        m.line + 1, m.column + 1,
                        _("Move each plan into a file of its own."),
                    )
                )
                break
            ev = get()
            if ev.__class__ is ScalarEvent and not ev.value and not ev.style and ev.implicit[0]:
                node(ev, 0)  # `---` and nothing else: an empty document (its tag is still checked)
                continue
            doc.data, doc.marks = node(ev, 0)
        elif cls is StreamEndEvent:
            break


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large acyclic trees.

    Reference counting still frees everything; but each collection the
    collector would start scans every young object, and a tree of a few
    hundred thousand nodes stays young for many collections. On the way out
    the objects made meanwhile are moved to the oldest generation
    (``freeze``/``unfreeze``) so they are not all rescanned at the next
    allocation either."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if was_enabled:
            gc.enable()


def thousands(n: int) -> str:
    """A large number as the language groups its digits: 1,000,000 / 1 000 000."""
    return f"{n:,}" if current() == DEFAULT else f"{n:,}".replace(",", "\u00a0")


def _mib(size: int) -> str:
    """A size in MiB with one decimal, as the language writes it: 3.5 / 3,5."""
    return f"{size / 1048576:.1f}" if current() == DEFAULT else f"{size / 1048576:.1f}".replace(".", ",")


def _duplicate(key: Any, first: Any, mark: Any, problems: list[LoadProblem]) -> None:
    (first_line, first_column), (line, column) = _position(first), _position(mark)
    where = {"key": key, "first_line": first_line, "first_column": first_column}
    if first_line != line:
        message = _("Duplicate key `{key}`: it is already set at line {first_line}, and YAML readers "
                    "silently keep only one of the two.")
        fix = _("Remove one of the two `{key}:` entries (the first is at line {first_line}).")
    else:
        message = _("Duplicate key `{key}`: it is already set at column {first_column} of this line, and YAML "
                    "readers silently keep only one of the two.")
        fix = _("Remove one of the two `{key}:` entries (the first is at column {first_column} of this line).")
    problems.append(LoadProblem("PLAN004", message.format(**where), line, column, fix.format(**where)))


def _too_many(mark: int, kind: str, problems: list[LoadProblem]) -> None:
    line, column = _position(mark)
    if kind == "mapping":
        message = _("This mapping has more than {n} items; smmplan reads at most that many in one mapping "
                    "(no content plan needs more, and building them would exhaust memory).")
    else:
        message = _("This list has more than {n} items; smmplan reads at most that many in one list "
                    "(no content plan needs more, and building them would exhaust memory).")
    problems.append(LoadProblem(
        "PLAN010", message.format(n=thousands(MAX_ITEMS)),
        line, column, _("Split the plan into several files, or remove the repeated items.")))
    raise _Abort


def _count(items: int, nodes: list[int], mark: int, problems: list[LoadProblem]) -> None:
    """Add a closed container's items to the file's count; PLAN010 past MAX_NODES."""
    nodes[0] += items
    if nodes[0] > MAX_NODES:
        line, column = _position(mark)
        problems.append(LoadProblem(
            "PLAN010", _("The file holds more than {n} values in all; smmplan reads at most that many.").format(
                n=thousands(MAX_NODES)),
            line, column, _("Split the plan into several files.")))
        raise _Abort


def _too_deep(line: int | None, column: int | None) -> LoadProblem:
    return LoadProblem(
        "PLAN010",
        _("The file nests lists and mappings more than {depth} levels deep; a plan needs four.").format(
            depth=MAX_DEPTH),
        line, column,
        _("Check the indentation and brackets: a plan is keys, a list of posts, and their fields."),
    )


def _refuse_tag(tag: str, mark: Any, problems: list[LoadProblem]) -> None:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    problems.append(
        LoadProblem(
            "PLAN009",
            _("The tag `{tag}` is not allowed: a plan holds plain text, numbers and dates, and "
              "smmplan never builds objects from tags.").format(tag=shown),
            mark.line + 1, mark.column + 1,
            _("Remove `{tag}` and write the value as plain text.").format(tag=shown),
        )
    )


def _merge(data: dict, children: dict, merges: list, problems: list[LoadProblem]) -> None:
    """`<<: *defaults` (or a list of them): copy the keys the mapping lacks,
    earlier sources first; explicit keys always win."""
    for value, vmark, kmark in merges:
        sources = value if isinstance(value, list) else [value]
        marks_list = vmark.children if isinstance(value, list) else [vmark]
        for src, src_marks in zip(sources, marks_list):
            if not isinstance(src, dict) or not isinstance(src_marks, Marks):
                line, column = _position(kmark)
                problems.append(LoadProblem("PLAN001", _("`<<` must name a mapping (for example `<<: *defaults`)."),
                                            line, column, _("Point `<<` at an anchored mapping.")))
                break
            for key, item in src.items():
                if key not in data:  # the source's key and value positions, as they are
                    data[key] = item
                    children[key] = src_marks.children[key]
