"""`check --report FILE.svg`: the text report as a self-contained SVG image.

The same rich rendering as the terminal report, recorded and exported, for a
ticket or a chat where an image is wanted. `--report FILE.html` is the plan's
client page instead (smmplan/page/, the same as `smmplan page`): one HTML
story, made for people, not the terminal report in a page.
"""

from __future__ import annotations

import io
from typing import Any


def render_svg(results: list, title: str | None = None, width: int = 110) -> str:
    """The text report as an SVG image (titled `smmplan report` in the current language)."""
    from rich.console import Console

    from smmplan.locale import _, speaking
    from smmplan.report import plan_language
    from smmplan.report.text import render_plan

    console = Console(file=io.StringIO(), record=True, width=width, force_terminal=True,
                      color_system="truecolor", no_color=False, highlight=False, soft_wrap=False,
                      markup=False, emoji=False)  # a plan's words as written, as in report/text.py
    for i, result in enumerate(results):
        if i:
            console.print()
        with speaking(plan_language(result)):
            render_plan(console, result)
    return console.export_svg(title=_("smmplan report") if title is None else title)


def page_kind(path: str) -> str | None:
    low = path.lower()
    if low.endswith(".svg"):
        return "svg"
    if low.endswith((".html", ".htm")):
        return "html"
    return None


__all__: Any = ["page_kind", "render_svg"]
