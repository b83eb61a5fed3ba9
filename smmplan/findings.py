"""Findings are plain, frozen data: what is wrong, where, and what to do."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Problem:
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
    data: dict[str, Any] | None = field(default=None, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: str
    message: str
    path: str
    line: int | None
    column: int | None
    fix: str | None = None
    where: str = ""
    data: dict[str, Any] | None = field(default=None, compare=False, hash=False)

    @property
    def fingerprint(self) -> str:
        """Stable id from content, not position: survives lines moving above it."""
        raw = "\x1f".join((self.code, self.path, self.where, self.message))
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


def format_where(where: tuple) -> str:
    """('posts', 3, 'type') -> 'posts[3].type'"""
    out = ""
    for step in where:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out
