"""Dates and times as people write them, read into the plan's one form.

Plans want dates as ``YYYY-MM-DD`` and times as ``HH:MM``; people write
``07.12.2026``, ``2026-12-7``, ``7 Dec 2026``, ``7pm`` or ``19.00``, in plans
and in the spreadsheets plans come from. This module reads those forms, and
only the ones that have one meaning: ``03/04/2026`` is the 3rd of April in
Europe and March 4 in the US, so it is reported as ambiguous with both
readings and never guessed (``13/04/2026`` has one meaning and is read).

Shared by the error messages of the plan check (``engine``), ``smmplan check
--fix`` (``fix``) and any reader of dates from other sources. No third-party
imports: it is cheap to import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from smmplan.locale import DEFAULT, _, current

DATE_FORM = "YYYY-MM-DD"
TIME_FORM = "HH:MM"

_MONTHS = {
    1: ("jan", "january", "янв", "январь", "января"),
    2: ("feb", "february", "фев", "февраль", "февраля"),
    3: ("mar", "march", "мар", "март", "марта"),
    4: ("apr", "april", "апр", "апрель", "апреля"),
    5: ("may", "май", "мая"),
    6: ("jun", "june", "июн", "июнь", "июня"),
    7: ("jul", "july", "июл", "июль", "июля"),
    8: ("aug", "august", "авг", "август", "августа"),
    9: ("sep", "sept", "september", "сен", "сент", "сентябрь", "сентября"),
    10: ("oct", "october", "окт", "октябрь", "октября"),
    11: ("nov", "november", "ноя", "нояб", "ноябрь", "ноября"),
    12: ("dec", "december", "дек", "декабрь", "декабря"),
}
_MONTH = {word: month for month, words in _MONTHS.items() for word in words}
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_YMD = re.compile(r"(\d{4})([-./])(\d{1,2})\2(\d{1,2})")  # 2026-12-7, 2026/12/07, 2026.12.07
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 07.12.2026, 7.12.2026: day first, as written in Europe
_SLASHED = re.compile(r"(\d{1,2})([/-])(\d{1,2})\2(\d{4})")  # 03/04/2026: day or month first
_SHORT_YEAR = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{2})")  # 07.12.26: which century is a guess
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")  # 20261207
_WORDY_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s*г\.?)?")  # 7 Dec 2026, 7 декабря 2026
_WORDY_MDY = re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")  # Dec 7, 2026

_DATETIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}:\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?(?:[:.](\d{2}))?")
_TWELVE = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?")  # 7pm, 7:30 PM, 7.30 p.m.


@dataclass(frozen=True, slots=True)
class Reading:
    """What a written date or time means.

    ``value`` is the date or time when the text has exactly one meaning;
    ``canonical`` is how the plan writes it (``2026-12-07``, ``19:00``).
    ``choices`` holds both readings of an ambiguous date (``value`` is then
    None). ``problem`` says, in words, why there is no value at all.
    """

    written: str
    value: dt.date | dt.time | None = None
    choices: tuple[dt.date, ...] = ()
    problem: str | None = None

    @property
    def canonical(self) -> str | None:
        if self.value is None:
            return None
        return format_date(self.value) if isinstance(self.value, dt.date) else format_time(self.value)

    @property
    def ambiguous(self) -> bool:
        return len(self.choices) > 1

    @property
    def fixable(self) -> bool:
        """A value with one meaning that is not yet written in the plan's form."""
        return self.canonical is not None and self.canonical != self.written.strip()


def format_date(value: dt.date) -> str:
    return value.isoformat()


def format_time(value: dt.time) -> str:
    return value.strftime("%H:%M:%S" if value.second else "%H:%M")


def _spoken(value: dt.date) -> str:
    """`3 April 2026` / `3 апреля 2026 г.`: a date no reader can take the wrong way round."""
    if current() == DEFAULT:
        return f"{value.day} {_MONTH_NAMES[value.month - 1]} {value.year}"
    from smmplan.locale import dates as spoken

    return spoken.long(value)


def _month_year(month: int, year: int) -> str:
    """`February 2026`; in Russian the month as a day's date names it, `февраля 2026`
    (the message reads «30 февраля 2026 — такого дня нет»)."""
    language = current()
    if language == DEFAULT:
        return f"{_MONTH_NAMES[month - 1]} {year}"
    from smmplan.locale.dates import forms

    return f"{forms(language)['names']['MMMM'][month - 1]} {year}"


def _make_date(year: int, month: int, day: int, written: str) -> Reading:
    """A reading of the date, or the reason there is none, in the current language
    (a reading is made where it is reported, in the report's language)."""
    try:
        return Reading(written, dt.date(year, month, day))
    except ValueError:
        if not 1 <= month <= 12:
            return Reading(written, problem=_("there is no month {month}").format(month=month))
        if not 1 <= year <= 9999:
            return Reading(written, problem=_("the year {year} is outside the calendar").format(year=year))
        return Reading(written, problem=_("{month} has no day {day}").format(month=_month_year(month, year),
                                                                           day=day))


def read_date(text: str) -> Reading:
    """Read a date written in any common form (see the module's docstring)."""
    written = text
    text = text.strip()
    if m := _ISO.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), written)
    if m := _YMD.fullmatch(text):
        return _make_date(int(m[1]), int(m[3]), int(m[4]), written)
    if m := _DOTTED.fullmatch(text):
        return _make_date(int(m[3]), int(m[2]), int(m[1]), written)
    if m := _SLASHED.fullmatch(text):
        a, b, year = int(m[1]), int(m[3]), int(m[4])
        if a > 12 or b > 12 or a == b:  # one reading only: 13/04/2026, 04/13/2026, 04/04/2026
            return _make_date(year, b, a, written) if a > 12 or a == b else _make_date(year, a, b, written)
        day_first, month_first = _make_date(year, b, a, written), _make_date(year, a, b, written)
        return Reading(written, choices=(day_first.value, month_first.value))  # both exist: months 1-12, days 1-12
    if m := _COMPACT.fullmatch(text):
        return _make_date(int(m[1]), int(m[2]), int(m[3]), written)
    if m := _WORDY_DMY.fullmatch(text):
        month = _MONTH.get(m[2].lower().replace("ё", "е"))
        if month:
            return _make_date(int(m[3]), month, int(m[1]), written)
    if m := _WORDY_MDY.fullmatch(text):
        month = _MONTH.get(m[1].lower())
        if month:
            return _make_date(int(m[3]), month, int(m[2]), written)
    if (m := _SHORT_YEAR.fullmatch(text)) and m[2] == ".":
        guess = _make_date(2000 + int(m[4]), int(m[3]), int(m[1]), written).value
        if guess:
            return Reading(written, problem=_("the year has two digits; write `{date}` if you mean {year}").format(
                date=format_date(guess), year=guess.year))
        return Reading(written, problem=_("the year has two digits"))
    if m and m[2] != ".":
        return Reading(written, problem=_("the year has two digits, and the day and month may be either way round"))
    if m := _DATETIME.fullmatch(text):  # not converted: the time of day would be lost
        day, hour = read_date(m[1]).canonical or m[1], read_time(m[2]).canonical or m[2]
        return Reading(written, problem=_("a date and a time of day in one; write `{date}` here and `{time}` "
                                          "under `time:`").format(date=day, time=hour))
    return Reading(written, problem=_("it is not a date smmplan can read"))


def read_time(text: str) -> Reading:
    """Read a time of day: `19:00`, `9:05`, `19.00`, `7pm`, `7:30 PM`, `7.30 p.m.`, `19:00:30`."""
    written = text
    text = text.strip()
    if m := _TWELVE.fullmatch(text.lower()):
        hour, minute = int(m[1]), int(m[2] or 0)
        if not 1 <= hour <= 12 or minute > 59:
            return Reading(written, problem=_("`{time}` is not a time on a 12-hour clock (1 to 12 am or pm)").format(
                time=text))
        hour = hour % 12 + (12 if m[3] == "p" else 0)
        return Reading(written, dt.time(hour, minute))
    if (m := _CLOCK.fullmatch(text)) and (m[2] is not None or m[3] is None):
        if m[2] is None:  # a bare number is a count, not a time: `19` may be 19:00 or 7 pm or the 19th
            return Reading(written, problem=_("a bare number is not a time"))
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        if hour > 23 or minute > 59 or second > 59:
            return Reading(written, problem=_("hours go from 00 to 23 and minutes from 00 to 59"))
        return Reading(written, dt.time(hour, minute, second))
    return Reading(written, problem=_("it is not a time smmplan can read"))


def advice(reading: Reading, kind: str) -> str:
    """What to write instead, in words: "`07.12.2026`: write `2026-12-07`", or
    why nothing can be converted ("`2026-02-30`: February 2026 has no day 30").
    Callers name the form expected (:data:`DATE_FORM`, :data:`TIME_FORM`).
    ``kind`` is "date" or "time".
    """
    shown = reading.written.strip()
    if reading.canonical is not None:
        return _("`{written}`: write `{value}`").format(written=shown, value=reading.canonical)
    if reading.ambiguous:
        a, b = reading.choices
        return _("`{written}` is ambiguous: {day_first} (day first) or {month_first} (month first); "
                 "write `{a}` or `{b}`").format(written=shown, day_first=_spoken(a), month_first=_spoken(b),
                                                a=format_date(a), b=format_date(b))
    return _("`{written}`: {problem}").format(written=shown, problem=reading.problem)


def read(text: str, kind: str) -> Reading:
    return read_date(text) if kind == "date" else read_time(text)
