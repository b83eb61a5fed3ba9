"""Render the page: Jinja2 templates with autoescape, one self-contained HTML file.

Everything from the plan reaches the templates as plain strings and is
escaped by Jinja2's autoescape; the only markup made here is the `code`
filter, which escapes first and then marks `backticked` words. Links come
only from :func:`smmplan.page.view.safe_url` (http and https). A
Content-Security-Policy in the page forbids scripts and every network load,
so even a bug in escaping could not run a script or fetch a thing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache
from typing import Any

GENERATOR = "smmplan page"  # <meta name="generator">: how `page -o` knows a file it may replace
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")
_BACKTICKS = re.compile(r"`([^`\n]+)`")


@lru_cache(maxsize=1)
def environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup, escape

    def code(text: Any) -> Markup:
        escaped = str(escape("" if text is None else text))
        return Markup(_BACKTICKS.sub(lambda m: f"<code>{m[1]}</code>", escaped))

    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      undefined=StrictUndefined, auto_reload=False)
    env.filters["code"] = code
    return env


def render(result: Any, language: str | None = None, made: dt.date | None = None, source: str | None = None) -> str:
    """The page for one checked plan (a PlanResult), as HTML text.

    `language` (en or ru, `page --language`) defaults to the plan's report language
    (``--lang``, the config's ``lang``, the plan's ``language:``, the locale: as
    `smmplan check` chose it); `made` (the date printed in the header) to today;
    `source` is the file name shown in the footer.
    """
    from smmplan import __version__
    from smmplan.locale import LANGUAGES, speaking
    from smmplan.page import theme
    from smmplan.page.labels import language_of
    from smmplan.page.view import build

    lang = language if language in LANGUAGES else (
        getattr(result, "language", None) or language_of(getattr(result.plan, "language", None)))
    with speaking(lang):
        data = build(result, lang, made or dt.date.today(), __version__,
                     os.path.basename(source if source is not None else result.path))
        return environment().get_template("page.html.j2").render(**data, theme=theme, generator=GENERATOR)
