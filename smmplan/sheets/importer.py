"""`smmplan import`: a spreadsheet's rows as plan posts.

The sheet's header row is found (title rows above it are skipped), each header
is mapped to a post field through the vocabulary in
`smmplan/data/sheet_headers.yaml` (or `--map`), and every row becomes one
post per channel named in it. Column-wide questions are answered once per
column: whether `03/04/2026` is day-first or month-first (from the dates that
tell, such as `13/04`; dots mean day-first; or `--date-format`), and which year
a `7 декабря` falls in. A row that cannot be read is kept as a
:class:`RowProblem` naming its row, column and value: rows are never dropped
in silence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from smmplan.locale import _, ngettext
from smmplan.sheets import dates
from smmplan.sheets.read import Table
from smmplan.sheets.safe import neutralise
from smmplan.sheets.vocab import normalise, vocabulary

HEADER_SCAN = 20  # rows searched for the header row
DATE_FIELDS = ("date", "approved_on")
TEXT_FIELDS = ("rubric", "title", "text", "link", "media", "permalink", "author", "source", "owner", "notes",
               "disclosure", "approved_by", "status", "type")
# The order keys take in each post of the written plan.
POST_KEYS = ("date", "time", "channel", "type", "rubric", "title", "text", "link", "media", "permalink", "author",
             "source", "owner", "notes", "status", "approved_by", "approved_on", "sponsored", "disclosure")
FIELDS = POST_KEYS + ("approved",)
# Plan settings smmplan's XLSX export keeps in its `Plan` sheet, read back on import.
PLAN_SETTINGS = ("brand", "start", "weeks", "language", "formula", "tolerance", "timezone", "as_of")
TITLE_FROM_TEXT = 80
_CHANNEL_SPLIT = re.compile(r"\s*(?:[,;/+&\n|]|\s(?:and|и)\s)\s*")
DATE_FORMATS = {"DD.MM.YYYY": dates.DMY, "DD/MM/YYYY": dates.DMY, "DD-MM-YYYY": dates.DMY,
                "MM/DD/YYYY": dates.MDY, "MM.DD.YYYY": dates.MDY, "MM-DD-YYYY": dates.MDY,
                "DMY": dates.DMY, "MDY": dates.MDY}


class ImportError_(ValueError):
    """The sheet as a whole cannot be imported (no header row, a column question with no answer)."""


class NoHeader(ImportError_):
    """No row of the sheet names the plan's columns (a workbook's cover or instructions sheet)."""


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str  # header as written, with its letter: `Date (A)`
    value: str
    message: str

    def __str__(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "..."
        return _("row {row}, column {column}: `{value}`: {problem}").format(
            row=self.row, column=self.column, value=shown, problem=self.message)


@dataclass
class Imported:
    table: Table
    header_row: int
    mapping: dict[str, int]  # field -> column index
    headers: list[str]
    unmapped: list[str]
    posts: list[dict[str, Any]] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    rows_read: int = 0
    decisions: list[str] = field(default_factory=list)  # how column-wide questions were answered
    skipped: list[int] = field(default_factory=list)  # rows with no post field filled (section headings)

    @property
    def channels(self) -> list[str]:
        seen: list[str] = []
        for p in self.posts:
            if p.get("channel") and p["channel"] not in seen:
                seen.append(p["channel"])
        return seen


def column_letter(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def parse_map(items: list[str]) -> dict[str, str]:
    """`--map "Колонка=field"` options as normalised header -> field (`-` ignores the column)."""
    out = {}
    for item in items:
        header, sep, name = item.rpartition("=")
        name = name.strip().lower()
        if not sep or not header.strip():
            raise ImportError_(_("--map takes `Column=field`, not `{value}`").format(value=item))
        if name not in FIELDS and name != "-":
            raise ImportError_(_("--map: unknown field `{field}`; choose one of: {fields} (or - to skip)").format(
                field=name, fields=", ".join(FIELDS)))
        out[normalise(header)] = name
    return out


def date_order(fmt: str | None) -> str | None:
    if fmt is None:
        return None
    key = fmt.strip().upper()
    if key not in DATE_FORMATS:
        raise ImportError_(_("--date-format takes {formats}, not `{value}`").format(
            formats=", ".join(DATE_FORMATS), value=fmt))
    return DATE_FORMATS[key]


def text_of(cell: Any) -> str:
    """A cell as text: whole numbers without `.0`; a formula-neutralised cell as its author wrote it."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    text = str(cell)
    if text.startswith("'") and neutralise(text[1:]) == text:
        return text[1:]  # smmplan's own export wrote `'=...` so no spreadsheet runs it
    return text


def find_header(table: Table, overrides: dict[str, str]) -> tuple[int, list[str]] | None:
    """(index into table.rows, headers) of the first row naming two or more known fields."""
    voc = vocabulary()
    for i, (_, cells) in enumerate(table.rows[:HEADER_SCAN]):
        known = {(overrides.get(normalise(text_of(c))) or (voc.field_of(text_of(c)) or ("",))[0])
                 for c in cells if text_of(c).strip()}
        known.discard("")
        known.discard("-")
        if len(known) >= 2 and known & {"date", "title", "text", "type"}:
            return i, [text_of(c).strip() for c in cells]
    return None


def map_columns(headers: list[str], overrides: dict[str, str]) -> tuple[dict[str, int], list[int]]:
    """field -> column index (best-ranked header wins), and the columns left unmapped."""
    voc = vocabulary()
    best: dict[str, tuple[int, int]] = {}
    unmapped = []
    for col, header in enumerate(headers):
        if not header:
            continue
        forced = overrides.get(normalise(header))
        if forced == "-":
            continue
        found = (forced, -1) if forced else voc.field_of(header)
        if found is None:
            unmapped.append(col)
            continue
        name, rank = found
        if name in best and best[name][0] <= rank:
            unmapped.append(col)
            continue
        if name in best:
            unmapped.append(best[name][1])
        best[name] = (rank, col)
    for col in sorted(unmapped):  # a column another one outranked fills the next field its header names
        later = [(name, rank) for name, rank in voc.fields_of(headers[col])[1:] if name not in best]
        if later and normalise(headers[col]) not in overrides:
            best[later[0][0]] = (later[0][1], col)
            unmapped.remove(col)
    return {name: col for name, (_, col) in best.items()}, sorted(unmapped)


def import_table(table: Table, *, overrides: dict[str, str] | None = None, date_format: str | None = None,
                 year: int | None = None, keep_unmapped: bool = False, today: dt.date | None = None) -> Imported:
    overrides = overrides or {}
    forced_order = date_order(date_format)
    found = find_header(table, overrides)
    if found is None:
        raise NoHeader(_("no header row found in the first 20 rows: name the columns (Date, Platform, Type, Title, "
                         "Text...) or map them with --map \"Column=field\""))
    at, headers = found
    mapping, unmapped_cols = map_columns(headers, overrides)
    missing = [f for f in ("date",) if f not in mapping]
    if "type" not in mapping and "rubric" not in mapping:
        missing.append("type")
    if "title" not in mapping and "text" not in mapping:
        missing.append("title")
    if missing:
        raise ImportError_(_("no column for {fields} among the headers ({headers}); map one with "
                             "--map \"Column={field}\"").format(
            fields=", ".join(missing), headers=", ".join(h for h in headers if h) or _("none"), field=missing[0]))
    result = Imported(table, table.rows[at][0], mapping, headers, [headers[i] for i in unmapped_cols])
    body = [(n, cells) for n, cells in table.rows[at + 1:] if any(text_of(c).strip() for c in cells)]
    result.rows_read = len(body)

    def cell(cells: list[Any], name: str) -> Any:
        col = mapping.get(name)
        return cells[col] if col is not None and col < len(cells) else None

    def where(name: str) -> str:
        col = mapping[name]
        return f"{headers[col]} ({column_letter(col)})"

    orders = {name: _column_order(name, [cell(c, name) for _, c in body], forced_order, result, where)
              for name in DATE_FIELDS if name in mapping}
    years = _years([(n, cell(c, "date")) for n, c in body], orders.get("date"), year, today, result)
    voc = vocabulary()
    mapped_cols = sorted(mapping.values())
    for number, cells in body:
        if not any(text_of(cells[c]).strip() for c in mapped_cols if c < len(cells)):
            result.skipped.append(number)  # `Week 2` alone in an unmapped column: a heading, not a post
            continue
        problems: list[RowProblem] = []

        def fail(name: str, raw: Any, message: str) -> None:
            problems.append(RowProblem(number, where(name), text_of(raw), message))

        post: dict[str, Any] = {}
        raw_date = cell(cells, "date")
        parsed = dates.read_date(raw_date, orders.get("date")) if text_of(raw_date).strip() else None
        if not text_of(raw_date).strip():
            fail("date", raw_date, _("no date; every post needs one (write it, or leave the row out of the sheet)"))
        elif parsed is None:
            fail("date", raw_date, _("not a date smmplan can read (2026-12-07, 07.12.2026, 7 декабря, Dec 7)"))
        else:
            y, m, d, when = parsed
            try:
                post["date"] = dt.date(y if y is not None else years[number], m, d)
            except ValueError:
                fail("date", raw_date, _("there is no such day in {year}").format(year=years[number]))
            if when is not None:
                post["time"] = when
        if "time" in mapping and text_of(cell(cells, "time")).strip():
            raw = cell(cells, "time")
            when = dates.read_time(raw)
            if when is None:
                fail("time", raw, _("not a time smmplan can read (19:00, 19.00, 7pm, 7:30 PM)"))
            else:
                post["time"] = when
        if "time" in post:
            t = post["time"]
            post["time"] = t.strftime("%H:%M:%S" if t.second else "%H:%M")
        for name in TEXT_FIELDS:
            value = text_of(cell(cells, name)).strip() if name in mapping else ""
            if value:
                post[name] = value
        if "title" not in post:
            if post.get("text"):
                post["title"] = _title_from(post["text"])
            else:
                col = "title" if "title" in mapping else "text"
                fail(col, cell(cells, col), _("no title or text; write what the post is about"))
        if "type" not in post and "rubric" not in post:
            col = "type" if "type" in mapping else "rubric"
            fail(col, cell(cells, col), _("no content type (engaging, educational, ugc, ad...) or rubric")
                 if "rubric" in mapping else _("no content type (engaging, educational, ugc, ad...)"))
        _approval(post, cell(cells, "approved") if "approved" in mapping else None, fail, voc)
        if "approved_on" in mapping and text_of(cell(cells, "approved_on")).strip():
            raw = cell(cells, "approved_on")
            got = dates.read_date(raw, orders.get("approved_on"))
            if got is None or got[0] is None:
                fail("approved_on", raw, _("not a date with a year"))
            else:
                post["approved_on"] = dt.date(got[0], got[1], got[2])
        if "sponsored" in mapping and text_of(cell(cells, "sponsored")).strip():
            raw = text_of(cell(cells, "sponsored")).strip().lower()
            if raw in voc.yes:
                post["sponsored"] = True
            elif raw not in voc.no:
                fail("sponsored", raw, _("write yes or no"))
        if keep_unmapped:
            extra = [f"{headers[i]}: {text_of(cells[i]).strip()}" for i in unmapped_cols
                     if i < len(cells) and text_of(cells[i]).strip()]
            if extra:
                post["notes"] = "\n".join(([post["notes"]] if post.get("notes") else []) + extra)
        if problems:
            result.problems.extend(problems)
            continue
        channels = _channels(text_of(cell(cells, "channel")), voc) if "channel" in mapping else []
        for channel in channels or [None]:
            one = dict(post, channel=channel) if channel else dict(post)
            result.posts.append({k: one[k] for k in POST_KEYS if k in one})
    return result


def settings_of(table: Table) -> dict[str, Any]:
    """The plan settings a workbook's `Plan` sheet holds, in plan order, as text."""
    return {key: text_of(table.settings[key]) for key in PLAN_SETTINGS if text_of(table.settings.get(key)).strip()}


def _title_from(text: str) -> str:
    line = text.strip().splitlines()[0].strip()
    return line if len(line) <= TITLE_FROM_TEXT else line[: TITLE_FROM_TEXT - 1].rstrip() + "…"


def _channels(raw: str, voc) -> list[str]:
    out: list[str] = []
    for part in _CHANNEL_SPLIT.split(raw.strip()):
        if part.strip():
            name = voc.channel(part)
            if name not in out:
                out.append(name)
    return out


def _approval(post: dict, raw: Any, fail, voc) -> None:
    """The Approved column: yes marks the post approved (unless its status is further on), a name says who
    approved it, a date when; no leaves the status as it is."""
    from smmplan.model import canonical_status

    text = text_of(raw).strip()
    if not text or text.lower() in voc.no:
        return
    if text.lower() not in voc.yes:
        when = dates.read_date(raw, dates.DMY)
        if when is not None and when[0] is not None:
            post.setdefault("approved_on", dt.date(when[0], when[1], when[2]))
        else:
            post.setdefault("approved_by", text)
    if canonical_status(post.get("status")) in ("idea", "draft", "review", None):
        post["status"] = "approved"


def _column_order(name: str, values: list[Any], forced: str | None, result: Imported, where) -> str | None:
    """DMY or MDY for the column's `NN/NN/NNNN` dates, decided from all of them at once."""
    parts = [p for p in (dates.numeric_order(v) for v in values) if p]
    if not parts:
        return forced
    if forced:
        result.decisions.append(_("{column}: dates read as {order} (--date-format)").format(
            column=where(name), order="DD/MM" if forced == dates.DMY else "MM/DD"))
        return forced
    day_first = [p for p in parts if 12 < p[0] <= 31 and p[1] <= 12]  # 32.13 tells nothing: no reading works
    month_first = [p for p in parts if 12 < p[1] <= 31 and p[0] <= 12]
    if day_first and month_first:
        raise ImportError_(_("column {column} mixes day-first dates ({day_first}...) and month-first ones "
                             "({month_first}...); fix the sheet or give --date-format").format(
            column=where(name), day_first=f"{day_first[0][0]}{day_first[0][2]}{day_first[0][1]}",
            month_first=f"{month_first[0][0]}{month_first[0][2]}{month_first[0][1]}"))
    if day_first or month_first:
        order = dates.DMY if day_first else dates.MDY
        sample = (day_first or month_first)[0]
        result.decisions.append(_("{column}: dates read as {order}, since `{sample}` can only be read that way").format(
            column=where(name), order="DD/MM" if order == dates.DMY else "MM/DD",
            sample=f"{sample[0]}{sample[2]}{sample[1]}"))
        return order
    if all(p[2] == "." for p in parts):
        result.decisions.append(_("{column}: dates with dots read as DD.MM").format(column=where(name)))
        return dates.DMY
    raise ImportError_(_("column {column}: every date could be DD/MM or MM/DD (no day is over 12); say which with "
                         "--date-format DD/MM/YYYY or --date-format MM/DD/YYYY").format(column=where(name)))


def _years(cells: list[tuple[int, Any]], order: str | None, year: int | None, today: dt.date | None,
           result: Imported) -> dict[int, int]:
    """The year of each row's date: its own, else that of the dates around it in the column
    (a month smaller than the one before by more than six starts the next year)."""
    parsed = [(n, dates.read_date(v, order)) for n, v in cells if text_of(v).strip()]
    explicit = Counter(p[0] for _, p in parsed if p and p[0] is not None)
    if year is not None:
        base, why = year, "option"
    elif explicit:
        base, why = explicit.most_common(1)[0][0], "column"
    else:
        base, why = (today or dt.date.today()).year, "today"
    out: dict[int, int] = {}
    current, previous, yearless = base, None, 0
    for n, p in parsed:
        if p is None:
            out[n] = current
            continue
        if p[0] is not None and year is None:
            current = p[0]
        elif previous is not None and p[1] < previous - 6:
            current += 1
        if p[0] is None:
            yearless += 1
        out[n] = current
        previous = p[1]
    if yearless:
        if why == "option":
            said = ngettext("{n} date without a year: year from --year", "{n} dates without a year: year from --year",
                            yearless)
        elif why == "column":
            said = ngettext("{n} date without a year: year from the other dates in the column ({year})",
                            "{n} dates without a year: year from the other dates in the column ({year})", yearless)
        else:
            said = ngettext("{n} date without a year: year from this year; give --year to choose another ({year})",
                            "{n} dates without a year: year from this year; give --year to choose another ({year})",
                            yearless)
        result.decisions.append(said.format(n=yearless, year=base))
    return out
