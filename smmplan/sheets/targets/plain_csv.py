"""A plain CSV of the plan: one row per post, every post field, UTF-8 with a byte-order mark
(so Excel shows Cyrillic). `smmplan import` reads it back to the same posts."""

from __future__ import annotations

from typing import Any

from smmplan.locale import N_
from smmplan.sheets.targets import Item, Options, Target, csv_text

# (post field, column header): headers `smmplan import` maps back to the same field. The CSV keeps
# them in English in every language; the client's workbook (xlsx) shows them translated, and the
# Russian ones are words `smmplan import` reads back as the same fields (tests/test_sheets_export.py).
COLUMNS = (
    ("date", N_("Date")), ("time", N_("Time")), ("channel", N_("Channel")), ("type", N_("Type")),
    ("rubric", N_("Rubric")), ("title", N_("Title")), ("text", N_("Text")), ("link", N_("Link")),
    ("media", N_("Media")), ("status", N_("Status")), ("owner", N_("Owner")), ("approved_by", N_("Approved by")),
    ("approved_on", N_("Approved on")), ("author", N_("Author")), ("source", N_("Source")),
    ("sponsored", N_("Sponsored")), ("disclosure", N_("Disclosure")), ("permalink", N_("Permalink")),
    ("notes", N_("Notes")),
)


def cell(post: Any, name: str) -> str:
    value = getattr(post, name)
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if name == "time":
        return value.strftime("%H:%M:%S" if value.second else "%H:%M")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def render(items: list[Item], options: Options) -> str:
    return csv_text([h for _, h in COLUMNS], ([cell(i.post, name) for name, _ in COLUMNS] for i in items), bom=True)


TARGET = Target("csv", "CSV", "RFC 4180", ".csv", render)
