"""Reading one date or one time as sheets hold them.

Per-value parsing of sheet cells lives here and only here (:func:`read_date`,
:func:`read_time`). Times written as text are read by smmplan's shared reader
(:mod:`smmplan.dates`, the one the plan check and `--fix` use); dates need more
than it gives a plan, since a sheet's column decides what a plan's single value
cannot: `03/04/2026` in a column whose other dates are month-first, `7 декабря`
without a year, Excel serial numbers.
What needs the whole column (is `03/04` the 3rd of April or March the 4th? which
year does `7 декабря` fall in?) is decided in :mod:`smmplan.sheets.columns`,
never cell by cell.
"""

from __future__ import annotations

import datetime as dt
import re

from smmplan.sheets.vocab import vocabulary

DMY, MDY = "DMY", "MDY"
EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 counting Excel's phantom 1900-02-29
SERIALS = (20_000, 80_000)  # 1954 to 2119: a number in a date column in this range is a serial

_ISO = re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T\s]+(.*))?$")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?\.?(?:[\s,]+(.*))?$")
_DAY_MONTH = re.compile(r"^(?:[^\W\d]+[.,]?\s+)?(\d{1,2})(?:st|nd|rd|th)?[\s\-./]+([^\W\d]+)\.?(?:[\s\-,./]+(\d{4}))?(?:[\s,]+(.*))?$")
_YEAR_WORD = re.compile(r"(\d{4})\s*(?:г\.?|года?)(?=\s|,|$)")
_MONTH_DAY = re.compile(r"^(?:[^\W\d]+[.,]?\s+)?([^\W\d]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?(?:[\s,]+(.*))?$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def numeric_order(value: object) -> tuple[int, int, str] | None:
    """(first, second, separator) of a `NN?NN?YYYY` date text, for the column's DD/MM or MM/DD decision."""
    if not isinstance(value, str):
        return None
    m = _NUMERIC.match(value.strip())
    return (int(m[1]), int(m[3]), m[2]) if m else None


def read_date(value: object, order: str | None = DMY) -> tuple[int | None, int, int, dt.time | None] | None:
    """(year or None, month, day, time of day or None) of one cell; None if it is not a date.

    `order` says how `NN/NN` texts read (DMY or MDY), as the column decided.
    Dates without a year (`7 декабря`, `Dec 7`, `07.12`) give year None. Sheets'
    own date cells, Excel serial numbers, ISO dates, `DD.MM.YYYY`, `7 декабря 2026`
    and `Dec 7, 2026` are read, with a time after the date if there is one.
    """
    if isinstance(value, dt.datetime):
        return value.year, value.month, value.day, (value.time() if value.time() != dt.time(0) else None)
    if isinstance(value, dt.date):
        return value.year, value.month, value.day, None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value))
    text = " ".join(str(value).replace("\u00a0", " ").split()).lower().replace("ё", "е")
    if not text:
        return None
    if _NUMBER.match(text):
        serial = _serial(float(text.replace(",", ".")))
        if serial is not None or "." not in text:
            return serial
    text = _YEAR_WORD.sub(r"\1", text)  # `7 декабря 2026 г.`
    m = _ISO.match(text)
    if m:
        return _checked(int(m[1]), int(m[2]), int(m[3]), m[4])
    m = _NUMERIC.match(text)
    if m:
        a, b = int(m[1]), int(m[3])
        day, month = (a, b) if (order or DMY) == DMY else (b, a)
        year = None if m[4] is None else int(m[4]) + (2000 if len(m[4]) == 2 else 0)
        return _checked(year, month, day, m[5])
    months = vocabulary().months
    m = _DAY_MONTH.match(text)
    if m and _month(m[2], months):
        return _checked(int(m[3]) if m[3] else None, _month(m[2], months), int(m[1]), m[4])
    m = _MONTH_DAY.match(text)
    if m and _month(m[1], months):
        return _checked(int(m[3]) if m[3] else None, _month(m[1], months), int(m[2]), m[4])
    return None


def read_time(value: object) -> dt.time | None:
    """One time of day: `19:00`, `19.00`, `7pm`, `7:30 PM`, `7 p.m.`, a sheet's time cell or a fraction of a day."""
    if isinstance(value, dt.datetime):
        return value.time().replace(microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(microsecond=0)
    if isinstance(value, dt.timedelta):  # ODS keeps a time of day as a duration (PT19H00M00S)
        seconds = round(value.total_seconds())
        return dt.time(seconds // 3600, seconds // 60 % 60) if 0 <= seconds < 86400 else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 0 <= value < 1:  # Excel keeps times as fractions of a day
            minutes = round(float(value) * 24 * 60)
            return dt.time(minutes // 60 % 24, minutes % 60)
        value = str(value)
    from smmplan import dates as shared

    return shared.read_time(str(value)).value


def _serial(number: float) -> tuple[int, int, int, dt.time | None] | None:
    if not SERIALS[0] <= number < SERIALS[1]:
        return None
    day = EXCEL_EPOCH + dt.timedelta(days=int(number))
    fraction = number - int(number)
    return day.year, day.month, day.day, (read_time(fraction) if fraction else None)


def _month(word: str, months: dict[str, int]) -> int | None:
    if word in months:
        return months[word]
    if len(word) >= 3:  # `sept.`, `дек`, `декабрь` spelt in full
        found = {n for w, n in months.items() if word.startswith(w) or (len(word) >= 4 and w.startswith(word))}
        if len(found) == 1:
            return found.pop()
    return None


def _checked(year: int | None, month: int, day: int, rest: str | None):
    """The parts if they make a date (29 February needs its year to tell) and what follows is a time."""
    try:
        dt.date(year or 2000, month, day)
    except ValueError:
        return None
    when = None
    if rest:
        when = read_time(rest)
        if when is None:
            return None
    return year, month, day, when
