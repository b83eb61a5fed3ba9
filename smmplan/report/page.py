"""`check --report FILE.html|.svg`: the text report as a self-contained page.

The same rich rendering as the terminal report, recorded and exported with
inline styles, so the file can be mailed to the client or attached to a
ticket and opened anywhere.
"""

from __future__ import annotations

import io
from typing import Any

def render_page(results: list, kind: str, title: str = "smmplan report", width: int = 110) -> str:
    """The report as an HTML page (kind "html") or an SVG image (kind "svg")."""
    from rich.console import Console

    from smmplan.report.text import render_plan

    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True,
                      color_system="truecolor", no_color=False, highlight=False, soft_wrap=False,
                      markup=False, emoji=False)  # a plan's words as written, as in report/text.py
    for i, result in enumerate(results):
        if i:
            console.print()
        render_plan(console, result)
    if kind == "svg":
        return console.export_svg(title=title)
    return console.export_html(inline_styles=True)


def page_kind(path: str) -> str | None:
    low = path.lower()
    if low.endswith(".svg"):
        return "svg"
    if low.endswith((".html", ".htm")):
        return "html"
    return None


__all__: Any = ["page_kind", "render_page"]
