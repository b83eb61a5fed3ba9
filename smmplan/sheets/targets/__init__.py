"""Export targets: one module per scheduler or file format.

Each module defines ``TARGET``, a :class:`Target` holding the target's rules
(the channels it posts to, rows per file, lead time, minute steps, text
limits) and its ``render`` function; :mod:`smmplan.sheets.export` checks the
rules before anything is written. Every target cites the page its format was
taken from (`docs/sheets.md` lists them).
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from smmplan.sheets.safe import neutralise

# Target name -> module in this package.
MODULES = {
    "buffer": "buffer", "hootsuite": "hootsuite", "sprout": "sprout", "metricool": "metricool",
    "publer": "publer", "postiz": "postiz", "xlsx": "xlsx", "csv": "plain_csv", "ics": "ics",
}

@dataclass
class Item:
    """One post as an export sees it."""

    index: int  # in the plan's posts
    line: int | None
    post: Any  # model.Post
    category: str | None
    status: str | None
    channel: str | None
    zone: str  # IANA name
    when: dt.datetime | None  # aware; None without a time of day

    @property
    def network(self) -> str:
        """The channel as the networks catalogue names it (`ВК` -> vk), else folded."""
        from smmplan.networks import channel_key

        return channel_key(self.channel)

    @property
    def message(self) -> str:
        return (self.post.text or "").strip()

    def local(self, fmt: str) -> str:
        return self.when.strftime(fmt) if self.when else ""


@dataclass
class Options:
    date_order: str = "DMY"  # hootsuite and sprout dates: DMY or MDY
    integrations: dict[str, str] = field(default_factory=dict)  # postiz: channel -> integration id
    brand: str | None = None
    plan: Any = None  # model.Plan, for targets that carry the plan's settings (xlsx)


@dataclass(frozen=True)
class Target:
    name: str
    title: str
    doc: str  # where the format was taken from
    suffix: str
    render: Callable[[list[Item], Options], str | bytes]
    per_channel: bool = False  # one file per channel (the scheduler applies a file to the profiles picked on upload)
    channels: frozenset[str] | None = None  # None: any channel, or none
    max_rows: int | None = None
    lead_minutes: int | None = None  # how long before publishing the file must be uploaded
    minute_step: int | None = None
    min_gap_minutes: int | None = None  # between two posts of one file
    needs_time: bool = False
    needs_text: bool = False
    needs_channel: bool = False
    text_limit: int | None = None  # the target's own limit; the network's (data/networks.yaml) applies as well
    verified: bool = True  # False: the format could not be checked against the target's own documentation


def get(name: str) -> Target:
    module = importlib.import_module(f"{__name__}.{MODULES[name]}")
    return module.TARGET


def csv_text(header: Iterable[str] | None, rows: Iterable[Iterable[Any]], bom: bool = False) -> str:
    """CSV with every text cell neutralised against formula injection."""
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    out = csv.writer(buf, lineterminator="\r\n")
    if header is not None:
        out.writerow([neutralise(h) for h in header])
    for row in rows:
        out.writerow([neutralise(c) if isinstance(c, str) else ("" if c is None else c) for c in row])
    return buf.getvalue()
