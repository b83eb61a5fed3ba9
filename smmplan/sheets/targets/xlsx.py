"""A workbook for the client: one row per post, coloured by content type, frozen header, filters.

Written with XlsxWriter (in the `sheets` extra). Every text cell is written as
text (never a formula) and neutralised as in CSV, so a copy saved as CSV stays
safe. The columns are those of the plain CSV, so `smmplan import` reads the
workbook back to the same posts; a second sheet, `Plan`, keeps the plan's
settings (brand, time zone...) and is read back too.
"""

from __future__ import annotations

import datetime as dt
import io

from smmplan.locale import N_, _
from smmplan.sheets.importer import PLAN_SETTINGS
from smmplan.sheets.read import SETTINGS_SHEET
from smmplan.sheets.safe import neutralise
from smmplan.sheets.targets import Item, Options, Target
from smmplan.sheets.targets.plain_csv import COLUMNS, cell

MISSING = N_("writing XLSX needs XlsxWriter: pip install 'smmplan[sheets]'")
# Soft fills by formula category, in the order a plan's formula lists them; others cycle through the rest.
FILLS = {"engaging": "#DCEBFA", "user_generated": "#E3F4E1", "educational": "#FFF3CD", "advertising": "#F8DCDC"}
SPARE = ("#EADFF5", "#DFF3F3", "#F5E6D8", "#E8E8E8")
WIDTHS = {"date": 11, "time": 7, "channel": 12, "type": 14, "title": 40, "text": 60, "link": 30, "notes": 30}


def render(items: list[Item], options: Options) -> bytes:
    try:
        import xlsxwriter
    except ImportError:
        raise RuntimeError(_(MISSING)) from None
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    sheet = book.add_worksheet("Posts")
    head = book.add_format({"bold": True, "bg_color": "#404040", "font_color": "#FFFFFF", "valign": "top"})
    colours: dict[str, str] = {}
    formats: dict[tuple[str, bool], object] = {}

    def style(category: str | None, date: bool = False):
        key = category or ""
        if key not in colours:
            spare = sum(c not in FILLS for c in colours)
            colours[key] = FILLS.get(key) or SPARE[spare % len(SPARE)]
        if (colours[key], date) not in formats:
            fmt = {"bg_color": colours[key], "valign": "top", "text_wrap": True, "border": 1,
                   "border_color": "#D0D0D0"}
            if date:
                fmt["num_format"] = "yyyy-mm-dd"
            formats[colours[key], date] = book.add_format(fmt)
        return formats[colours[key], date]

    for col, (name, header) in enumerate(COLUMNS):
        sheet.write_string(0, col, _(header), head)
        sheet.set_column(col, col, WIDTHS.get(name, 14))
    for row, i in enumerate(items, 1):
        for col, (name, _header) in enumerate(COLUMNS):
            if name == "date":
                sheet.write_datetime(row, col, dt.datetime.combine(i.post.date, dt.time()), style(i.category, True))
            else:
                sheet.write_string(row, col, neutralise(cell(i.post, name)), style(i.category))
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(len(items), 1), len(COLUMNS) - 1)
    plan = options.plan
    if plan is not None:
        about = book.add_worksheet(SETTINGS_SHEET)
        about.write_string(0, 0, _("Setting"), head)
        about.write_string(0, 1, _("Value"), head)
        about.set_column(0, 0, 14)
        about.set_column(1, 1, 40)
        row = 1
        for key in PLAN_SETTINGS:
            value = getattr(plan, key, None)
            if value is None or isinstance(value, dict):
                continue
            about.write_string(row, 0, key)
            about.write_string(row, 1, neutralise(value.isoformat() if hasattr(value, "isoformat") else str(value)))
            row += 1
    book.close()
    return buf.getvalue()


TARGET = Target("xlsx", N_("Excel workbook"), "ECMA-376 (written by XlsxWriter)", ".xlsx", render)
