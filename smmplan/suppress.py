"""Inline suppressions: `# smmplan: ignore[CODE, ...]` comments in plan files.

- ``# smmplan: ignore[BAN001]`` at the end of a line silences those rules'
  findings on that line; on a line of its own, on the next line that is not a
  comment or blank.
- ``# smmplan: ignore-file[MIX]`` among the comments at the top of the file
  (before the first content) silences them in the whole file.

Each entry may be a code (``MIX003``), a prefix (``BAN``, ``MIX0``) or a rule
name (``back-to-back-ads``). An entry that silences nothing, names no rule, or
a suppression with no entries is reported as SMM002 (unused-suppression), so
stale suppressions do not pile up. The engine calls :func:`apply` only when the
text contains ``smmplan:``; nothing here costs anything for other files.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from smmplan.findings import SUPPRESSION_MARK as MARK, Finding, Problem, Suppressed, SuppressedBy
from smmplan.locale import _

UNUSED = "SMM002"
IN_PLAN = "SMM003"  # an honesty finding silenced by the plan itself
# A YAML comment starts with `#` at the start of a line or after white space.
_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*smmplan:\s*(?P<kind>ignore-file|ignore)\b\s*(?:\[(?P<codes>[^\]]*)\])?")
_ENTRY = re.compile(r"[^,\s]+")


@dataclass
class Suppression:
    line: int  # where the comment is
    column: int  # 1-based column of the `#`
    file_level: bool
    target: int | None  # the line it silences (None: the whole file)
    entries: list[tuple[str, int]] = field(default_factory=list)  # (entry, 1-based column)
    used: set[str] = field(default_factory=set)
    misplaced: bool = False  # an ignore-file below the first content: it silences nothing


def scan(text: str) -> list[Suppression]:
    """Find the suppression comments. `ignore-file` counts only in the header
    (comment and blank lines before the first content)."""
    out: list[Suppression] = []
    in_header = True
    pending: list[Suppression] = []  # own-line comments waiting for their line
    spans: list[tuple[int, int]] | None = None
    offset = 0
    for number, line in enumerate(text.split("\n"), start=1):
        line_start, offset = offset, offset + len(line) + 1
        stripped = line.strip()
        # comments, blank lines and a document start marker do not end the header
        own_line = stripped.startswith("#") or not stripped or stripped == "---"
        if not own_line:
            for s in pending:
                s.target = number
            pending = []
        if MARK in line:
            for m in _COMMENT.finditer(line):
                if spans is None:
                    spans = _scalar_spans(text)
                if _inside(spans, line_start + m.start()):
                    continue  # `# smmplan:` inside a quoted or block text is not a comment
                file_level = m["kind"] == "ignore-file"
                entries = []
                if m["codes"] is not None:
                    base = m.start("codes")
                    entries = [(e.group(), base + e.start() + 1) for e in _ENTRY.finditer(m["codes"])]
                sup = Suppression(number, m.start() + 1, file_level, None if file_level else number, entries,
                                  misplaced=file_level and not in_header)
                out.append(sup)
                if not file_level and stripped.startswith("#"):
                    pending.append(sup)
        if not own_line:
            in_header = False
    for s in pending:  # a trailing comment with no line after it silences nothing
        s.target = -1
    return out


def _scalar_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of every scalar, from the YAML scanner."""
    import yaml

    spans = []
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
            if isinstance(token, yaml.ScalarToken):
                spans.append((token.start_mark.index, token.end_mark.index))
    except yaml.YAMLError:
        pass  # invalid YAML: the spans read so far are all there is
    return spans


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    at = bisect.bisect_right(spans, (index, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def _matches(entry: str, finding: Finding) -> bool:
    up = entry.upper()
    return entry.lower() == finding.name or (up == "ALL") or finding.code.startswith(up)


def _known(entry: str) -> bool:
    from smmplan.config import normalize_selector

    try:
        normalize_selector(entry)
    except ValueError:
        return False
    return True


def _names_unused(entry: str) -> bool:
    return entry.lower() == "unused-suppression" or UNUSED.startswith(entry.upper())


def apply(findings: list[Finding], text: str, may_suppress=None) -> tuple[list[Finding], list[Problem], list[Suppressed]]:
    """Set suppressed findings aside; return the rest, an SMM002 problem for each
    suppression entry that silenced nothing, and the findings silenced (each with
    the comment that did it). ``may_suppress(finding)`` False keeps a finding
    whatever the comments say (the config's `no-suppress`)."""
    sups = scan(text)
    if not sups:
        return findings, [], []
    file_level = [s for s in sups if s.file_level and not s.misplaced]
    by_line: dict[int, list[Suppression]] = {}
    for s in sups:
        if not s.file_level and s.target is not None:
            by_line.setdefault(s.target, []).append(s)
    kept: list[Finding] = []
    silenced: list[Suppressed] = []
    for f in findings:
        by = None
        for s in (*by_line.get(f.line, ()), *file_level) if f.line is not None else file_level:
            for entry, _column in s.entries:
                if _matches(entry, f):
                    s.used.add(entry)
                    if by is None:
                        kind = "ignore-file" if s.file_level else "ignore"
                        by = SuppressedBy(_("`# smmplan: {kind}[{entry}]` on line {line}").format(
                            kind=kind, entry=entry, line=s.line), True, s.line, "comment")
        if by is None or (may_suppress is not None and not may_suppress(f)):
            kept.append(f)
        else:
            silenced.append(Suppressed(f, by))
    problems = []
    for s in sups:
        # `ignore[SMM002]` next to the others keeps their unused entries quiet
        quiet = any(_names_unused(e) for e, _column in s.entries) or any(
            _names_unused(e) for fs in file_level for e, _column in fs.entries
        )
        kind = "ignore-file" if s.file_level else "ignore"
        if s.misplaced:
            problems.append(Problem(
                UNUSED, _("`# smmplan: ignore-file[...]` below the plan's first content silences nothing."),
                line=s.line, column=s.column,
                fix=_("Move it to the comments at the top of the file, before the first key."),
            ))
            continue
        if not s.entries:
            problems.append(Problem(
                UNUSED, _("`# smmplan: {kind}` names no rule, so it silences nothing.").format(kind=kind),
                line=s.line, column=s.column,
                fix=_("Name the rules to silence, e.g. `# smmplan: {kind}[MIX003]` (`smmplan rules` lists them).").format(
                    kind=kind),
            ))
            continue
        if quiet:
            continue
        for entry, column in s.entries:
            if entry in s.used:
                continue
            if not _known(entry):
                msg = _("`{entry}` in this suppression names no rule, so it silences nothing.").format(entry=entry)
                fix = _("Use a rule code, prefix or name from `smmplan rules`, or delete the entry.")
            else:
                if s.file_level:
                    msg = _("`{entry}` is suppressed here but no `{entry}` finding is in this file.")
                elif s.target == s.line:
                    msg = _("`{entry}` is suppressed here but no `{entry}` finding is on this line.")
                elif s.target and s.target > 0:
                    msg = _("`{entry}` is suppressed here but no `{entry}` finding is on line {line}.")
                else:
                    msg = _("`{entry}` is suppressed here but no `{entry}` finding is after it.")
                msg = msg.format(entry=entry, line=s.target)
                fix = (_("Delete the stale suppression entry.") if len(s.entries) > 1
                       else _("Delete the stale suppression."))
            problems.append(Problem(UNUSED, msg, line=s.line, column=column, fix=fix))
    return kept, problems, silenced


__all__ = ["MARK", "Suppression", "apply", "scan"]
