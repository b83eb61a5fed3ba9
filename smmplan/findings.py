"""Findings are plain, frozen data: what is wrong, where, and what to do."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from smmplan.records import ReadOnly
from smmplan.visible import visible

# What every suppression comment holds (`# smmplan: ignore[...]`): smmplan.suppress is
# loaded only for a plan that mentions it.
SUPPRESSION_MARK = "smmplan:"
LEARNED = "learned model"  # the `source` of a finding the learned honesty model doubts (SuppressedBy)


class Problem(NamedTuple):
    """What a rule reports: a path into the document, not a line number.

    One resolver (``Document.locate``) turns ``where`` into line and column,
    so rules never count lines. ``line``/``column`` may be given directly by
    checks that already know them (the loader, suppressions).
    """

    code: str
    message: str
    where: tuple = ()
    at_key: bool = False
    fix: str | None = None
    line: int | None = None
    column: int | None = None
    data: dict[str, Any] | None = None
    # Set by a rule that found the problem but was told to let it pass (an allowed
    # phrase excused it): the engine keeps it as a suppressed finding, not a finding.
    suppressed: SuppressedBy | None = None


class SuppressedBy(NamedTuple):
    """What silenced a finding, as SARIF's `suppressions` entry says it.

    ``in_plan``: the plan silenced it (a comment, its own `allowed_phrases`;
    SARIF kind ``inSource``), else the project's configuration or the command
    line (``external``). ``how`` says it in words, ``line`` where in the plan.
    """

    how: str
    in_plan: bool
    line: int | None = None
    source: str = ""  # "comment", "config", "allowed phrase"
    # SARIF's review status: "underReview" when the plan silenced a finding only the
    # project's configuration may (the SMM003 warning says so), else "accepted"
    status: str = "accepted"

    @property
    def kind(self) -> str:
        return "inSource" if self.in_plan else "external"

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "status": self.status, "justification": self.how, "source": self.source,
                "line": self.line}


class Suppressed(NamedTuple):
    """A finding that was found and silenced: counted, listed and carried in every report.
    (This and SuppressedBy are named tuples: a dataclass is generated anew at every start.)"""

    finding: Finding
    by: SuppressedBy

    def to_dict(self) -> dict[str, Any]:
        return {**self.finding.to_dict(), "suppression": self.by.to_dict()}


class Finding(ReadOnly):
    """What a rule found, where, and what to do: the record every report writes. Read-only;
    equal to (and hashed as) another of the same code, name, severity, message, path, line,
    column, fix and place, whatever its `data` and `ordinal` (:class:`~smmplan.records.ReadOnly`)."""

    __slots__ = ("code", "name", "severity", "message", "path", "line", "column", "fix", "where", "data", "ordinal")
    _compared = __slots__[:-2]  # not `data` nor `ordinal`

    def __init__(self, code: str, name: str, severity: str, message: str, path: str, line: int | None,
                 column: int | None, fix: str | None = None, where: str = "", data: dict[str, Any] | None = None,
                 ordinal: int = 0) -> None:
        # A hostile file can put megabytes into one value; reports quote values, not files.
        # Its control characters are quoted as escapes (`\x1b`), never sent to a terminal, and
        # a finding is one line: a title's newline is `\x0a` (no rule's words hold one), so no
        # report can start a line with what a plan wrote (`::error::` under GitHub Actions).
        # `ordinal`: among the findings of one rule at one place (`where`), which one this is:
        # with the code, path and place it makes the fingerprint, which must not change with
        # the language the message is written in.
        self._fill((code, name, severity, visible(clip(message), one_line=True), path, line, column,
                    None if fix is None else visible(clip(fix), one_line=True), where, data, ordinal))

    def replaced(self, **changes: Any) -> Finding:
        """This finding with `changes` (fields by name), as dataclasses.replace made it."""
        return Finding(**{**dict(zip(Finding.__slots__, self._fields())), **changes})

    def __reduce__(self):  # copies and pickles hold the fields as they are (clipped already)
        return (_restored, self._fields())

    def __repr__(self) -> str:
        return "Finding(" + ", ".join(f"{k}={v!r}" for k, v in zip(Finding.__slots__, self._fields())) + ")"

    @property
    def fingerprint(self) -> str:
        """Stable id from what was found and where in the plan's structure, not from the line
        (survives lines moving above it) nor the message (the same in every language)."""
        import hashlib  # here: loading OpenSSL costs a clean run ~3 ms

        raw = "\x1f".join((self.code, self.path, self.where, str(self.ordinal)))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]

    def to_dict(self) -> dict[str, Any]:
        out = {
            "code": self.code,
            "name": self.name,
            "severity": self.severity,
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "fix": self.fix,
            "where": self.where,
            "fingerprint": self.fingerprint,
        }
        if self.data:
            out["data"] = self.data
        return out


def _restored(*values: Any) -> Finding:
    """A finding unpickled or copied: its fields as they were."""
    finding = object.__new__(Finding)
    finding._fill(values)
    return finding


def format_where(where: tuple) -> str:
    """('posts', 3, 'type') -> 'posts[3].type'"""
    out = ""
    for step in where:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


MAX_QUOTED = 120  # characters of one `quoted` value shown in a message
MAX_MESSAGE = 2000

_QUOTED = re.compile(r"`([^`\n]{%d,})`" % (MAX_QUOTED + 1))


MAX_URL = 1000  # a URL is shown whole up to this length: a cut one cannot be copied
_URL = r"[a-z][a-z0-9+.-]*://\S+"  # compiled by `re` when a long quoted value is met


def _clip_quoted(m: re.Match) -> str:
    if len(m[1]) <= MAX_URL and re.fullmatch(_URL, m[1], re.I):
        return m[0]
    from smmplan.locale import ngettext

    n = len(m[1])
    return ngettext("`{start}…` ({n} character)", "`{start}…` ({n} characters)", n).format(
        start=m[1][:MAX_QUOTED - 20], n=number(n, ","))


def clip(text: str) -> str:
    """Shorten `quoted` values (and the whole text) that are too long to show."""
    if len(text) <= MAX_QUOTED:
        return text
    text = _QUOTED.sub(_clip_quoted, text)
    if len(text) > MAX_MESSAGE:
        text = text[: MAX_MESSAGE - 1] + "…"
    return text


def squeeze(text: str) -> str:
    """A text as two texts are compared for sameness: lower case, every run of whitespace one space."""
    return " ".join(text.lower().split())


_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # the ASCII whitespace str.split() parts at, besides the space


def squeezed(texts: list[str]) -> list[str]:
    """:func:`squeeze` of each text, in bulk. ASCII texts already spaced by single spaces (a
    plan's titles, mostly) are only lowered, all joined in one string; any other list, each
    text as squeeze() does it (at C speed still: ``map``, no call of a Python function)."""
    joined = "\x00".join(texts)
    if (texts and joined.isascii() and joined.count("\x00") == len(texts) - 1 and "  " not in joined
            and " \x00" not in joined and "\x00 " not in joined and joined[:1] != " " and joined[-1:] != " "
            and not any(map(joined.__contains__, _SPACES))):
        return joined.lower().split("\x00")
    return list(map(" ".join, map(str.split, map(str.lower, texts))))


def nearest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The choice a typo most likely meant (difflib), or None.

    A word several times longer than every choice cannot reach the cutoff, so
    it is not compared at all: difflib's cost grows with the word's length,
    and a hostile plan can hold a 10 MB "type".
    """
    choices = list(choices)
    longest = max((len(c) for c in choices), default=0)
    if not choices or len(word) > longest * (2 / cutoff - 1) + 1:
        return None
    import difflib  # only when there is a typo to place

    near = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return near[0] if near else None


def number(value: float, spec: str = "g") -> str:
    """A number in a message, as the current language writes it: ``format(value, spec)`` in
    English (1,200.5); in Russian with a decimal comma and spaced thousands (1 200,5)."""
    from smmplan.locale import DEFAULT, current

    text = format(value, spec)
    if current() == DEFAULT:
        return text
    return text.replace(",", "\u00a0").replace(".", ",")


def with_article(category: str) -> str:
    """A category as a noun's attribute with its article: "an engaging", "a user-generated"."""
    word = category.replace("_", "-")
    return ("an " if word[:1] in ("a", "e", "i", "o") else "a ") + word
