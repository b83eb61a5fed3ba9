"""`smmplan channels`: the networks smmplan knows, their aliases and limits.

Glue for the command; the data and its reading live in :mod:`smmplan.networks`.
"""

from __future__ import annotations

import sys
from typing import Any

from smmplan import networks

_LIMITS = (("text", "text {:,}"), ("caption", "caption {:,}"), ("title", "title {:,}"),
           ("hashtags", "{} hashtags"), ("posts_per_day", "{} posts a day"))


def as_data() -> dict[str, Any]:
    """Every network as JSON-ready data, limits left out where no source was found."""
    out: dict[str, Any] = {}
    for key, net in networks.catalogue().networks.items():
        out[key] = {
            "name": net.name,
            "aliases": list(net.aliases),
            "limits": {field: getattr(net, field) for field, _ in _LIMITS if getattr(net, field) is not None},
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
    table.add_column("network", no_wrap=True)
    table.add_column("also written", overflow="fold", ratio=3)
    table.add_column("limits", overflow="fold", ratio=3)
    table.add_column("kinds", overflow="fold", ratio=2)
    for key, net in networks.catalogue().networks.items():
        limits = [label.format(getattr(net, field)) for field, label in _LIMITS if getattr(net, field) is not None]
        limits.append("links clickable" if net.links else "links not clickable")
        if net.unsourced:
            limits.append(f"no source for: {', '.join(net.unsourced)}")
        table.add_row(key, ", ".join(net.aliases), "; ".join(limits), ", ".join(net.kinds))
    console = make_console(out or sys.stdout, color, width)
    console.print(table)
    console.print("Sources and dates: `smmplan channels --format json`, or docs/platforms.md.")
