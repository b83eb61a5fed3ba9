"""Date arithmetic at the calendar's edges.

Plans, `--as-of` and `--start` may name any day from 0001-01-01 to
9999-12-31; a look-ahead, a week or a calendar may run past the last one
(or before the first). These helpers say so instead of raising
OverflowError: dates at the edges are input, not bugs.
"""

from __future__ import annotations

import datetime as dt


def shift(day: dt.date, days: int) -> dt.date | None:
    """`day` + `days` days; None when that is before 0001-01-01 or after 9999-12-31."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:  # past either end, or more days than a timedelta holds
        return None


def shift_within(day: dt.date, days: int) -> dt.date:
    """`day` + `days` days, stopped at the calendar's first or last day."""
    found = shift(day, days)
    if found is not None:
        return found
    return dt.date.max if days > 0 else dt.date.min
