"""Occasions (инфоповоды): public holidays and observances of the plan's countries,
and the brand's own dates.

Public holidays come from the `holidays` package (imported only for plans that
name a `country`). Its substitute days off and "observed" days are left out, and
a holiday spread over several days (the Russian New Year holidays) is one
occasion on its first day.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from smmplan.locale import _

_NOT_AN_OCCASION = re.compile(r"observed|substituted|day off|выходной|перенес", re.I)
_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


class OccasionError(ValueError):
    """An occasion or a country that cannot be used; the message says what to write."""


@dataclass(frozen=True, slots=True)
class Occasion:
    date: dt.date
    name: str
    source: str  # a country code, or "plan" for the brand's own dates
    rubric: str | None = None
    type: str | None = None
    index: int | None = None  # position in the plan's `occasions` list


def _categories(codes: tuple[str, ...]) -> tuple[str, ...]:
    # public holidays, and observances ("unofficial": Valentine's Day, Halloween) where the
    # package knows them for the country
    return tuple(c for c in ("public", "unofficial") if c in codes)


@lru_cache(maxsize=64)  # (country, year, language): a run checks a handful; bounded
def _holidays(country: str, year: int, language: str) -> tuple[tuple[dt.date, str], ...]:
    try:
        import holidays
    except ImportError:  # pragma: no cover - a dependency; kept for a clear message
        raise OccasionError(_("the `holidays` package is not installed: pip install holidays")) from None
    try:
        probe = holidays.country_holidays(country)
    except NotImplementedError:
        raise OccasionError(_("`{country}` is not a country the holidays calendar knows; write an ISO code such "
                              "as RU, US, DE, KZ").format(country=country)) from None
    cats = _categories(tuple(probe.supported_categories))
    english = holidays.country_holidays(country, years=year, categories=cats, language="en_US")
    langs = probe.supported_languages
    local = language if language in langs else next((lang for lang in langs if lang.startswith(language)), None)
    named = holidays.country_holidays(country, years=year, categories=cats, language=local) if local else english
    out: list[tuple[dt.date, str]] = []
    previous: tuple[dt.date, str] | None = None
    for day in sorted(english):
        if any(_NOT_AN_OCCASION.search(part) for part in english.get_list(day)):
            if all(_NOT_AN_OCCASION.search(part) for part in english.get_list(day)):
                continue
        name = "; ".join(n for n in named.get_list(day) if not _NOT_AN_OCCASION.search(n)) or named[day]
        if previous and previous[1] == name and (day - previous[0]).days <= 7:
            previous = (day, name)  # one occasion for a run of days (a day of another holiday may break it)
            continue
        last = next((d for d, n in reversed(out) if n == name), None)
        if last is not None and (day - last).days <= 7:
            continue
        out.append((day, name))
        previous = (day, name)
    return tuple(out)


def public(countries: tuple[str, ...], start: dt.date, end: dt.date, language: str = "en") -> list[Occasion]:
    """Public holidays and observances between start and end (inclusive)."""
    out = []
    for country in countries:
        code = country.strip().upper()
        for year in range(start.year, end.year + 1):
            for day, name in _holidays(code, year, language):
                if start <= day <= end:
                    out.append(Occasion(day, name, code))
    return sorted(out, key=lambda o: (o.date, o.name))


def own_date(text: str, start: dt.date, end: dt.date) -> list[dt.date]:
    """`2026-12-15` -> that day; `12-15` -> that day in every year of the period."""
    text = text.strip()
    m = _MONTH_DAY.match(text)
    try:
        if m:
            month, day = int(m[1]), int(m[2])
            dt.date(2024, month, day)  # a leap year: 02-29 is a date
            out = []
            for year in range(start.year, end.year + 1):
                try:
                    d = dt.date(year, month, day)
                except ValueError:
                    continue
                if start <= d <= end:
                    out.append(d)
            return out
        d = dt.date.fromisoformat(text)
    except ValueError:
        raise OccasionError(_("`{date}` is not a date: write YYYY-MM-DD, or MM-DD for a yearly date").format(
            date=text)) from None
    return [d] if start <= d <= end else []


def countries_of(plan) -> tuple[str, ...]:
    value = plan.country
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def in_period(plan, start: dt.date, end: dt.date, language: str = "en") -> tuple[list[Occasion], list[tuple[tuple, str]]]:
    """Every occasion of the plan between start and end, and the problems met (an unknown
    country, an unreadable date) as (where in the plan, message)."""
    found: list[Occasion] = []
    problems: list[tuple[tuple, str]] = []
    try:
        found += public(countries_of(plan), start, end, language)
    except OccasionError as exc:
        problems.append((("country",), str(exc)))
    for i, occ in enumerate(plan.occasions):
        try:
            days = own_date(occ.date, start, end)
        except OccasionError as exc:
            problems.append((("occasions", i, "date"), str(exc)))
            continue
        found += [Occasion(d, occ.name, "plan", occ.rubric, occ.type, i) for d in days]
    return sorted(found, key=lambda o: (o.date, o.source != "plan", o.name)), problems


@dataclass(frozen=True, slots=True)
class Themed:
    """An occasion as `suggest` places it: its day, name, and the rubric and category of the
    post it wants (None: any post but advertising)."""

    date: dt.date
    name: str
    rubric: str | None
    category: str | None
