"""`smmplan channels`: the networks smmplan knows, their aliases and limits.

Glue for the command; the data and its reading live in :mod:`smmplan.networks`.
"""

from __future__ import annotations

import sys
from typing import Any

from smmplan import networks
from smmplan.locale import N_, _, ngettext

LIMITS = ("text", "caption", "title", "hashtags", "posts_per_day")
# the limits by name, as `no source for:` lists them (English: the data file's own names)
_NAMES = {"text": N_("text"), "caption": N_("caption"), "title": N_("title"), "hashtags": N_("hashtags"),
          "posts_per_day": N_("posts_per_day")}
_HEADERS = (N_("network"), N_("also written"), N_("limits"), N_("kinds"))


def _limit(field: str, n: int) -> str:
    """One limit of a network as the table shows it: `text 4,096`, `5 hashtags`, `50 posts a day`."""
    figure = networks.count(n)
    if field == "text":
        return _("text {n}").format(n=figure)
    if field == "caption":
        return _("caption {n}").format(n=figure)
    if field == "title":
        return _("title {n}").format(n=figure)
    if field == "hashtags":
        return ngettext("{n} hashtag", "{n} hashtags", n).format(n=figure)
    return ngettext("{n} post a day", "{n} posts a day", n).format(n=figure)


def as_data() -> dict[str, Any]:
    """Every network as JSON-ready data, limits left out where no source was found."""
    out: dict[str, Any] = {}
    for key, net in networks.catalogue().networks.items():
        out[key] = {
            "name": net.name,
            "aliases": list(net.aliases),
            "limits": {field: getattr(net, field) for field in LIMITS if getattr(net, field) is not None},
            "links_clickable": net.links,
            "kinds": list(net.kinds),
            "sources": list(net.sources),
            "checked": net.checked,
            "unsourced": list(net.unsourced),
        }
    return out


def print_json() -> None:
    import json

    sys.stdout.write(json.dumps(as_data(), indent=2, ensure_ascii=False) + "\n")


def print_table(color: str = "auto", out=None, width: int | None = None) -> None:
    from rich.table import Table

    from smmplan.report.text import make_console

    table = Table(box=None, header_style="bold", padding=(0, 2, 0, 0))
    network, written, limits_, kinds = (_(h) for h in _HEADERS)
    table.add_column(network, no_wrap=True)
    table.add_column(written, overflow="fold", ratio=3)
    table.add_column(limits_, overflow="fold", ratio=3)
    table.add_column(kinds, overflow="fold", ratio=2)
    for key, net in networks.catalogue().networks.items():
        limits = [_limit(field, getattr(net, field)) for field in LIMITS if getattr(net, field) is not None]
        limits.append(_("links clickable") if net.links else _("links not clickable"))
        if net.unsourced:
            missing = ", ".join(_(_NAMES[name]) if name in _NAMES else name for name in net.unsourced)
            limits.append(_("no source for: {limits}").format(limits=missing))
        table.add_row(key, ", ".join(net.aliases), "; ".join(limits), ", ".join(net.kinds))
    console = make_console(out or sys.stdout, color, width)
    console.print(table)
    console.print(_("Sources and dates: `smmplan channels --format json`, or docs/platforms.md."))
