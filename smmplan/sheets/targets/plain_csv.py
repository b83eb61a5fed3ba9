"""A plain CSV of the plan: one row per post, every post field, UTF-8 with a byte-order mark
(so Excel shows Cyrillic). `smmplan import` reads it back to the same posts."""

from __future__ import annotations

from typing import Any

from smmplan.sheets.targets import Item, Options, Target, csv_text

# (post field, column header): headers `smmplan import` maps back to the same field.
COLUMNS = (
    ("date", "Date"), ("time", "Time"), ("channel", "Channel"), ("type", "Type"), ("rubric", "Rubric"), ("title", "Title"),
    ("text", "Text"), ("link", "Link"), ("media", "Media"), ("status", "Status"), ("owner", "Owner"), ("approved_by", "Approved by"),
    ("approved_on", "Approved on"), ("author", "Author"), ("source", "Source"), ("sponsored", "Sponsored"),
    ("disclosure", "Disclosure"), ("permalink", "Permalink"), ("notes", "Notes"),
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
