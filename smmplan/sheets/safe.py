"""Cells a spreadsheet will not run: the one neutraliser every CSV and XLSX export uses.

Excel, LibreOffice and Google Sheets read a cell that starts with `=`, `+`, `-`
or `@` as a formula (and a leading tab or carriage return can hide one), so a
post titled `=HYPERLINK("http://evil.example","Click")` or `=cmd|' /C calc'!A0`
would run when the client opens the export (CSV injection, OWASP). A text cell
that starts with one of them is written with a leading apostrophe, which every
spreadsheet shows as plain text. Numbers, dates and other values are left as
they are: only text from a plan can carry a formula.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """`value` as safe to put in a spreadsheet cell: text that would start a formula gets a
    leading `'`; anything else is returned as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def row(values: list[Any]) -> list[Any]:
    """:func:`cell` of each value of a row."""
    return [cell(v) for v in values]


__all__ = ["FORMULA_STARTS", "cell", "row"]
