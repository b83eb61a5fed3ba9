"""Figures as people read them, for every report (the KPI table, the client's page...).

Units are the KPI family's (``number``, ``percent``, ``duration`` in hours;
reports name durations ``hours``). Figures follow the current language:
``1,200 · 4.5 % · 2 h · 30 min`` in English, ``1 200 · 4,5 % · 2 ч · 30 мин``
in Russian (the decimal comma, a no-break space between thousands, CLDR's units).
"""

from __future__ import annotations

import re

from smmplan.locale import DEFAULT, N_, _, current

# the KPI family's pace of a KPI (smmplan.rules.kpi.STATUSES), as people read it
KPI_STATUSES = {"ahead": N_("ahead"), "on track": N_("on track"), "behind": N_("behind")}
NO_FIGURE = N_("no figure yet")

# (patterns, compiled by `re` on first use: an English report never needs them)
_THOUSANDS = r"(?<=\d),(?=\d{3}(?!\d))"
_DECIMAL = r"(?<=\d)\.(?=\d)"
GROUP = "\u00a0"  # CLDR's Russian group separator (a no-break space: 40 000 stays on one line)


def localise(text: str) -> str:
    """A figure written the English way (`1,200`, `37.5 %`, `+2.5`) in the current language."""
    if current() == DEFAULT:
        return text
    return re.sub(_DECIMAL, ",", re.sub(_THOUSANDS, GROUP, text))


def kpi_status(status: str | None) -> str:
    """A KPI's pace in words (`ahead`, `on track`, `behind`); `no figure yet` for none."""
    if not status:
        return _(NO_FIGURE)
    return _(KPI_STATUSES[status]) if status in KPI_STATUSES else status


def format_quantity(value: float | None, unit: str) -> str:
    """A figure for people: 1,200 · 4 % · 2 h · 30 min; a dash for none."""
    if value is None:
        return "—"
    if unit == "percent":
        text = f"{value:.3g} %" if value < 100 else f"{value:,.0f} %"
    elif unit in ("duration", "hours"):
        text = (_("{n} min") if value < 1 else _("{n} h")).format(n=f"{value * 60:.3g}" if value < 1 else f"{value:.3g}")
    else:
        text = f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.3g}"
    return localise(text)
