"""`smmplan check --fix` and `--diff`: rewrite what is mechanical and unambiguous.

Fixes edit the plan's text where each value stands (the parser's marks give
its start and end), never a re-dumped tree, so comments, blank lines, key
order and quoting survive byte for byte; a quoted value stays quoted with the
same quotes. What is fixed:

- dates into ``YYYY-MM-DD`` (``07.12.2026``, ``2026-12-7``, ``7 Dec 2026``):
  ``date`` and ``approved_on`` of posts, the plan's ``start`` and ``as_of``;
- times into ``HH:MM`` (``7pm``, ``7:30 PM``, ``19.00``);
- with ``aliases=True``: post types to the formula's category (``ugc`` ->
  ``user_generated``), statuses to their canonical word (``согласовано`` ->
  ``approved``) and channels to the network's name (``инста`` -> ``instagram``).

Ambiguous dates (``03/04/2026``) are never guessed: they stay, and the check
reports them with both readings. The readers live in :mod:`smmplan.dates`.
"""

from __future__ import annotations

import codecs
import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from smmplan import dates
from smmplan.locale import N_, _, ngettext
from smmplan.visible import say, visible_path

BOM = "\ufeff"
_COLON_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
# where each kind of value stands: a path pattern ("*" is any list index) -> kind
DATE_PATHS = {("posts", "*", "date"), ("posts", "*", "approved_on"), ("start",), ("as_of",)}
TIME_PATHS = {("posts", "*", "time")}
ALIAS_PATHS = {("posts", "*", "type"): "type", ("posts", "*", "status"): "status",
               ("posts", "*", "channel"): "channel", ("channels", "*"): "channel"}


@dataclass(frozen=True, slots=True)
class Change:
    line: int  # 1-based, as editors count
    column: int
    old: str  # the value as written (without quotes)
    new: str
    what: str  # date, time, type, status, channel


@dataclass(slots=True)
class FileFix:
    path: str
    text: str  # the file's text as read (without a BOM)
    fixed: str  # the text with every change made
    changes: list[Change] = field(default_factory=list)
    bom: bool = False
    original: bytes | None = None  # the file's bytes as read: written over only if it still holds them

    def diff(self) -> str:
        """A unified diff of the change, as `git diff` and `ruff --diff` print it."""
        return "".join(difflib.unified_diff(
            self.text.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=visible_path(self.path), tofile=visible_path(self.path)))  # (a name's newline would end the header)

    def lines(self) -> list[str]:
        """What changed, one line each: `plan.yaml:3:11: 07.12.2026 -> 2026-12-07 (date)`."""
        path = visible_path(self.path)
        return [_(CHANGE_LINES[c.what]).format(path=path, line=c.line, column=c.column, old=c.old, new=c.new)
                for c in self.changes]


# A change as `check --fix` reports it, by the kind of value changed.
CHANGE_LINES = {
    "date": N_("{path}:{line}:{column}: `{old}` → `{new}` (date)"),
    "time": N_("{path}:{line}:{column}: `{old}` → `{new}` (time)"),
    "type": N_("{path}:{line}:{column}: `{old}` → `{new}` (type)"),
    "status": N_("{path}:{line}:{column}: `{old}` → `{new}` (status)"),
    "channel": N_("{path}:{line}:{column}: `{old}` → `{new}` (channel)"),
}


def fix_text(text: str, aliases: bool = False, formula_spec: object = None) -> tuple[str, list[Change]]:
    """`text` with every mechanical fix made, and the changes (in file order).

    ``formula_spec`` is the formula to read post types by when the plan names
    none (the config's default). Text that is not valid YAML is returned as is.
    """
    import yaml

    try:
        scalars = list(_scalars(text))
    except yaml.YAMLError:
        return text, []
    resolvers = _alias_resolvers(scalars, formula_spec) if aliases else {}
    pieces: list[str] = []
    changes: list[Change] = []
    done = line = line_start = 0  # text up to `done` is in `pieces`; `line` breaks before `line_start`
    for path, value, start, end, style in scalars:
        if style in ("|", ">"):
            continue
        kind = _kind(path, resolvers)
        if kind is None:
            continue
        new = resolvers[kind](value) if kind in resolvers else _canonical(value, kind)
        if new is None or new == value:
            continue
        line += text.count("\n", line_start, start)  # scalars come in file order: count each break once
        line_start = max(line_start, text.rfind("\n", 0, start) + 1)
        changes.append(Change(line + 1, start - line_start + 1, value, new, kind))
        pieces += (text[done:start], _quoted(new, style))
        done = end
    pieces.append(text[done:])
    return "".join(pieces), changes


def _canonical(value: str, kind: str) -> str | None:
    if kind == "time" and _COLON_TIME.fullmatch(value.strip()):
        return None  # `9:05` is a time as the plan writes them; only other forms are rewritten
    reading = dates.read(value, kind)
    return reading.canonical if reading.fixable else None


def _kind(path: tuple, resolvers: dict) -> str | None:
    pattern = tuple("*" if isinstance(step, int) else step for step in path)
    if pattern in DATE_PATHS:
        return "date"
    if pattern in TIME_PATHS:
        return "time"
    kind = ALIAS_PATHS.get(pattern)
    return kind if kind in resolvers else None


def _alias_resolvers(scalars: list, formula_spec: object) -> dict[str, Callable[[str], str | None]]:
    """Canonical spelling of a type, status and channel word, or None to leave it."""
    from smmplan import formulas
    from smmplan.model import canonical_status
    from smmplan.networks import canonical as canonical_channel

    resolvers: dict[str, Callable[[str], str | None]] = {
        "status": lambda word: canonical_status(word) if word.strip() else None,
    }
    spec = _written_formula(scalars)
    try:
        formula = formulas.resolve(spec if spec is not None else formula_spec)
    except formulas.FormulaError:
        formula = None  # the check reports the formula; types are left as written
    if formula is not None:
        resolvers["type"] = lambda word: formulas.canonical_type(word, formula)
    resolvers["channel"] = canonical_channel  # a channel of the plan's own (`blog`) is None: left as written
    return resolvers


def _written_formula(scalars: list) -> object:
    """The plan's own `formula:`, a preset name or a mapping, from the scalars read."""
    mapping = {path[1]: value for path, value, *_ in scalars if len(path) == 2 and path[0] == "formula"}
    if mapping:
        return mapping
    return next((value for path, value, *_ in scalars if path == ("formula",)), None)


def _quoted(new: str, style: str | None) -> str:
    """The new value in the quotes the old one had (canonical values hold no quotes)."""
    return f"{style}{new}{style}" if style in ("'", '"') else new


def _scalars(text: str) -> Iterator[tuple[tuple, str, int, int, str | None]]:
    """Every untagged scalar value with its path from the top, its text and its span."""
    import yaml
    from yaml.events import AliasEvent, CollectionEndEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent

    path: list = []  # key or index at each open container
    want_key: list[bool] = []  # is the next node of each open mapping a key?

    def advance() -> None:
        if want_key:
            if isinstance(path[-1], int):
                path[-1] += 1
            else:
                want_key[-1] = True

    for event in yaml.parse(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        if isinstance(event, ScalarEvent):
            if want_key and want_key[-1]:
                path[-1] = event.value
                want_key[-1] = False
                continue
            if event.tag is None:
                yield tuple(path), event.value, event.start_mark.index, event.end_mark.index, event.style
            advance()
        elif isinstance(event, AliasEvent):
            if want_key and want_key[-1]:  # an alias as a key: keys are plain words; no fix below it
                path[-1] = None
                want_key[-1] = False
                continue
            advance()
        elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            if want_key and want_key[-1]:  # a complex key: nothing below it is a plan value
                path[-1] = None
                want_key[-1] = False
            path.append(0 if isinstance(event, SequenceStartEvent) else None)
            want_key.append(isinstance(event, MappingStartEvent))
        elif isinstance(event, CollectionEndEvent):
            path.pop()
            want_key.pop()
            advance()


# --- files --------------------------------------------------------------------------


def fix_file(path: str, aliases: bool = False, formula_spec: object = None,
             max_bytes: int | None = None) -> FileFix | None:
    """Read `path` and work out its fixes (nothing is written). None for a file that
    cannot be read as UTF-8 text (the check reports why)."""
    from smmplan import loader

    data, _size = loader.read_file(path, max_bytes or loader.DEFAULT_MAX_BYTES)
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data[len(codecs.BOM_UTF8):].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text or "\x00" in text:
        return None
    fixed, changes = fix_text(text, aliases, formula_spec)
    return FileFix(path, text, fixed, changes, bom, data)


def write(fix: FileFix) -> None:
    """Write the fixed text over the file with the one writer (atomic, through a symlink to its
    target, its permissions kept), and only if the file still holds what was read: an edit
    made meanwhile is never overwritten (smmplan.io.ChangedError, an OSError)."""
    from smmplan.io import write_file

    write_file(fix.path, (BOM if fix.bom else "") + fix.fixed, expect=fix.original)


def run(files: list[str], settings: dict, aliases: bool, diff: bool, out, err) -> tuple[int, list[str]]:
    """`check --fix` (write each file's fixes, say what changed) or `--diff` (print
    them as a unified diff, write nothing). Returns how many values changed (or
    would change) and the files that could not be written; files that cannot be
    read are left to the check to report. Each file's changes are told in that plan's
    report language; the totals in the one language of all their reports, else the run's."""
    from smmplan.engine import report_language
    from smmplan.locale import current, speaking

    total = files_changed = 0
    unwritten: list[str] = []
    languages: set[str] = set()
    for path in files:
        s = settings[path]
        try:
            fix = fix_file(path, aliases, s.formula, s.max_file_size)
        except OSError:
            continue
        if fix is None:
            continue
        language = report_language(s, fix.original or b"")
        languages.add(language)
        if not fix.changes:
            continue
        total += len(fix.changes)
        files_changed += 1
        if diff:
            out.write(fix.diff())
            continue
        try:
            write(fix)
        except OSError as exc:
            say(_("cannot write {path}: {error}").format(path=path, error=exc.strerror) if exc.strerror else str(exc))
            unwritten.append(path)
            total -= len(fix.changes)
            files_changed -= 1
            continue
        with speaking(language):  # a file's changes in its report's language
            for line in fix.lines():
                err.write(_("fixed {change}").format(change=line) + "\n")
    # the totals in the language of every plan's report when they share one (as the check's summary)
    with speaking(languages.pop() if len(languages) == 1 else current()):
        counted = {"values": ngettext("{n} value", "{n} values", total).format(n=total),
                   "in_files": ngettext("in {n} file", "in {n} files", files_changed).format(n=files_changed)}
        if diff:
            say(_("would fix {values} {in_files}.").format(**counted) if total else _("nothing to fix."))
        elif total:
            say(_("fixed {values} {in_files}.").format(**counted))
    out.flush()
    return total, unwritten
