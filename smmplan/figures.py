"""Figures as people read them, for every report (the KPI table, the client's page...).

Units are the KPI family's (``number``, ``percent``, ``duration`` in hours;
reports name durations ``hours``).
"""

from __future__ import annotations


def format_quantity(value: float | None, unit: str) -> str:
    """A figure for people: 1,200 · 4 % · 2 h · 30 min; a dash for none."""
    if value is None:
        return "—"
    if unit == "percent":
        return f"{value:.3g} %" if value < 100 else f"{value:,.0f} %"
    if unit in ("duration", "hours"):
        return f"{value * 60:.3g} min" if value < 1 else f"{value:.3g} h"
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:.3g}"
