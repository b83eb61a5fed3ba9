"""Cells that a spreadsheet would run as a formula, made plain text.

Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`,
`-` or `@` as a formula (and a leading tab or carriage return can hide one),
so a caption such as `=HYPERLINK("http://evil","click")` in a CSV or XLSX file
would run when the client opens it (OWASP "CSV injection"). Every text cell
smmplan writes to CSV or XLSX goes through :func:`neutralise`.
"""

from __future__ import annotations

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`cell` as text a spreadsheet shows but never evaluates: a single quote
    before a leading `=`, `+`, `-`, `@`, tab or carriage return; anything else unchanged.

    A cell that already starts with quotes before one of those (`'=x`) gets one
    more, so that removing one quote always gives back what was written
    (`smmplan import` does: ``neutralise(cell[1:]) == cell`` means `cell` was neutralised).
    """
    if cell and cell.lstrip("'").startswith(TRIGGERS):
        return "'" + cell
    return cell
