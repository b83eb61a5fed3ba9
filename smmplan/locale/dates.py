"""Dates as people read them, in the current language.

English is written with the standard library (``Dec 7``, ``Mon, Dec 7``,
``December 7, 2026``, ``Dec 7–13``). Other languages follow CLDR, as Babel
formats them (``7 дек.``, ``пн, 7 дек.``, ``7 декабря 2026 г.``, ``7–13 дек.``),
from their patterns and names, which ``python -m smmplan.locale compile``
takes from Babel once and writes to ``<language>/dates.json``: a run reads a
small file instead of loading Babel's locale data (some 20 ms). Both paths
are held by tests/test_locale.py to Babel's own output, day by day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from smmplan.locale import DEFAULT, HERE, current

# A range of numbers takes the short dash in Russian typography (7–13), not CLDR's long one.
_RANGE_DASH = re.compile(r"(?<=\d)\s*—\s*(?=\d)")


@functools.lru_cache(maxsize=4)
def forms(language: str) -> dict:
    import json

    with open(HERE / language / "dates.json", encoding="utf-8") as fh:
        return json.load(fh)


def _fields(language: str, value: dt.date) -> dict[str, object]:
    names = forms(language)["names"]
    month, weekday = value.month - 1, value.weekday()
    return {"d": value.day, "y": value.year, "MMM": names["MMM"][month], "MMMM": names["MMMM"][month],
            "LLL": names["LLL"][month], "E": names["E"][weekday], "ccc": names["ccc"][weekday]}


def _skeleton(skeleton: str, value: dt.date, language: str) -> str:
    return forms(language)["skeletons"][skeleton] % _fields(language, value)


# The English forms of the CLDR skeletons smmplan writes (held to Babel's English by the tests).
_ENGLISH = {"MMMd": "{0:%b} {0.day}", "MMMEd": "{0:%a}, {0:%b} {0.day}", "E": "{0:%a}", "yMMMd": "{0:%b} {0.day}, {0.year}"}


def _form(skeleton: str, value: dt.date) -> str:
    language = current()
    if language == DEFAULT:
        return _ENGLISH[skeleton].format(value)
    return _skeleton(skeleton, value, language)


def day(value: dt.date) -> str:
    """``Dec 7`` / ``7 дек.``"""
    return _form("MMMd", value)


def weekday_day(value: dt.date) -> str:
    """``Mon, Dec 7`` / ``пн, 7 дек.``"""
    return _form("MMMEd", value)


def weekday(value: dt.date) -> str:
    """``Mon`` / ``пн``"""
    return _form("E", value)


def day_year(value: dt.date) -> str:
    """``Dec 7, 2026`` / ``7 дек. 2026 г.``"""
    return _form("yMMMd", value)


def long(value: dt.date) -> str:
    """``December 7, 2026`` / ``7 декабря 2026 г.``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%B} {value.day}, {value.year}"
    return forms(language)["long"] % _fields(language, value)


def span(start: dt.date, end: dt.date) -> str:
    """``Dec 7–13``, ``Nov 30 – Dec 6``, ``Dec 28, 2026 – Jan 3, 2027`` / ``7–13 дек.``,
    ``30 нояб. — 6 дек.``: the shortest form that names both days."""
    language = current()
    if language == DEFAULT:
        if start == end:
            return day(start)
        if start.year != end.year:
            return f"{day_year(start)} – {day_year(end)}"
        if start.month != end.month:
            return f"{day(start)} – {day(end)}"
        return f"{start:%b} {start.day}–{end.day}"
    if start == end:
        return day(start)
    skeleton = "MMMd" if start.year == end.year else "yMMMd"
    parts = forms(language)["intervals"][skeleton]
    diff = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    if diff not in parts:
        return forms(language)["fallback"] % {"start": _skeleton(skeleton, start, language),
                                              "end": _skeleton(skeleton, end, language)}
    first, second = parts[diff]
    text = first % _fields(language, start) + second % _fields(language, end)
    return _RANGE_DASH.sub("–", text)
