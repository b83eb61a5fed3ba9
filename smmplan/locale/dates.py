"""Dates as people read them, in the current language.

English is written with the standard library (``Dec 7``, ``Mon, Dec 7``,
``December 7, 2026``, ``Dec 7–13``): an English report imports nothing more.
Russian comes from Babel's CLDR data (``7 дек.``, ``пн, 7 дек.``,
``7 декабря 2026 г.``, ``7–13 дек.``), loaded at the first Russian date.
A test holds the English forms to Babel's own English output.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from smmplan.locale import DEFAULT, current

_RANGE_DASH = re.compile(r"(?<=\d)\s*—\s*(?=\d)")


@functools.lru_cache(maxsize=4)
def _locale(language: str):
    from babel import Locale

    return Locale.parse(language)


def _skeleton(skeleton: str, day: dt.date, language: str) -> str:
    from babel.dates import format_skeleton

    return format_skeleton(skeleton, day, locale=_locale(language))


def _tidy(text: str) -> str:
    """A range of numbers takes the short dash in Russian typography (7–13), not CLDR's long one."""
    return _RANGE_DASH.sub("–", text)


def day(value: dt.date) -> str:
    """``Dec 7`` / ``7 дек.``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%b} {value.day}"
    return _skeleton("MMMd", value, language)


def weekday_day(value: dt.date) -> str:
    """``Mon, Dec 7`` / ``пн, 7 дек.``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%a}, {value:%b} {value.day}"
    return _skeleton("MMMEd", value, language)


def weekday(value: dt.date) -> str:
    """``Mon`` / ``пн``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%a}"
    return _skeleton("E", value, language)


def day_year(value: dt.date) -> str:
    """``Dec 7, 2026`` / ``7 дек. 2026 г.``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%b} {value.day}, {value.year}"
    return _skeleton("yMMMd", value, language)


def long(value: dt.date) -> str:
    """``December 7, 2026`` / ``7 декабря 2026 г.``"""
    language = current()
    if language == DEFAULT:
        return f"{value:%B} {value.day}, {value.year}"
    from babel.dates import format_date

    return format_date(value, "long", locale=_locale(language))


def span(start: dt.date, end: dt.date) -> str:
    """``Dec 7–13``, ``Dec 28 – Jan 3``, ``Dec 28, 2026 – Jan 3, 2027`` / ``7–13 дек.``,
    ``28 дек. – 3 янв.``: the shortest form that names both days."""
    language = current()
    if language == DEFAULT:
        if start == end:
            return day(start)
        if start.year != end.year:
            return f"{day_year(start)} – {day_year(end)}"
        if start.month != end.month:
            return f"{day(start)} – {day(end)}"
        return f"{start:%b} {start.day}–{end.day}"
    from babel.dates import format_interval

    skeleton = "MMMd" if start.year == end.year else "yMMMd"
    return _tidy(format_interval(start, end, skeleton, locale=_locale(language)))
