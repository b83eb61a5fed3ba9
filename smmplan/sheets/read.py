"""Reading a spreadsheet into rows of cells: CSV, XLSX and ODS.

CSV is read with the standard library: the encoding is UTF-8 (with or without
a byte-order mark), UTF-16 with its mark, else cp1251 (Excel in Russia saves
"CSV" in the Windows code page); the delimiter is sniffed among `,` `;` tab and
`|`. Quoted cells may hold line breaks (multi-line captions).

XLSX and ODS are read with python-calamine (a Rust reader, in the `sheets`
extra): on a 2,000-row sheet it is 8-10 times as fast as openpyxl on the XLSX
and 30-60 times as fast as odfpy on the ODS (15-30 ms against 120-270 ms and
0.4-1.9 s; `python tests/bench_sheets.py`), and one library reads both formats
and gives date and time cells as Python values.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from dataclasses import dataclass, field
from typing import Any

from smmplan.locale import N_, _

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
BOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
DELIMITERS = ",;\t|"
SETTINGS_SHEET = "Plan"  # smmplan's own XLSX export keeps the plan's settings there
MISSING_READER = N_("reading {kind} files needs python-calamine: pip install 'smmplan[sheets]' "
                    "(or save the sheet as CSV)")


class SheetError(Exception):
    """A sheet that cannot be read at all; the message says why and what to do."""


@dataclass
class Table:
    """The cells of one sheet: rows as (row number in the sheet, cells), cells as text or sheet values."""

    source: str
    sheet: str | None
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)  # a workbook's `Plan` sheet: setting -> value
    other_sheets: list[str] = field(default_factory=list)  # a workbook's other visible sheets, in order


def read_table(path: str, sheet: str | None = None, encoding: str | None = None) -> Table:
    suffix = os.path.splitext(path)[1].lower()
    if suffix in BOOK_SUFFIXES:
        if encoding:
            raise SheetError(_("--encoding applies to CSV files; XLSX and ODS say their own"))
        return _read_book(path, sheet)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise SheetError(_("cannot read: {error}").format(error=exc.strerror or exc)) from None
    if data[:4] == b"PK\x03\x04":
        raise SheetError(_("this is a zipped workbook, not CSV; give it an .xlsx or .ods name"))
    if sheet:
        raise SheetError(_("--sheet picks a sheet of an XLSX or ODS workbook; a CSV file has one"))
    return read_csv_bytes(data, path, encoding)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used): the given encoding, else UTF-8 / UTF-16 by their marks, UTF-8, cp1251."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise SheetError(_("unknown encoding `{encoding}`").format(encoding=encoding)) from None
        except UnicodeDecodeError as exc:
            raise SheetError(_("the file is not {encoding} (byte {byte}); try --encoding cp1251 or utf-8").format(
                encoding=encoding, byte=exc.start)) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace"), "cp1251"


def sniff_delimiter(text: str) -> str:
    sample = text[:65536]
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first.count) if any(d in first for d in DELIMITERS) else ","


def read_csv_bytes(data: bytes, source: str, encoding: str | None = None) -> Table:
    try:
        text, used = decode(data, encoding)
    except UnicodeDecodeError as exc:
        raise SheetError(_("cannot decode the file: {error}").format(error=exc)) from None
    delimiter = sniff_delimiter(text)
    table = Table(source, None, encoding=used, delimiter=delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            # reader.line_num is the line the row ends on; a quoted caption spans several
            table.rows.append((len(table.rows) + 1, [c.strip() if "\n" not in c else c.strip("\r\n ") for c in cells]))
    except csv.Error as exc:
        raise SheetError(_("line {line}: {error}").format(line=reader.line_num, error=exc)) from None
    return table


def _read_book(path: str, sheet: str | None) -> Table:
    kind = "ODS" if path.lower().endswith(".ods") else "Excel"
    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        raise SheetError(_(MISSING_READER).format(kind=kind)) from None
    try:
        book = CalamineWorkbook.from_path(path)
    except FileNotFoundError:
        raise SheetError(_("no such file")) from None
    except Exception as exc:  # noqa: BLE001 - calamine's own errors: a damaged or foreign file
        raise SheetError(_("cannot read it as {kind}: {error}").format(kind=kind, error=exc)) from None
    names = list(book.sheet_names)
    if sheet is not None and sheet not in names:
        raise SheetError(_("no sheet `{sheet}`; the sheets are: {sheets}").format(sheet=sheet, sheets=", ".join(names)))
    visible = _visible(book, names)
    chosen = sheet or visible[0]
    rows = book.get_sheet_by_name(chosen).to_python(skip_empty_area=False)
    table = Table(path, chosen, other_sheets=[n for n in visible if n not in (chosen, SETTINGS_SHEET)])
    for number, cells in enumerate(rows, 1):
        table.rows.append((number, [c.strip() if isinstance(c, str) else c for c in cells]))
    if SETTINGS_SHEET in names and chosen != SETTINGS_SHEET:
        for cells in book.get_sheet_by_name(SETTINGS_SHEET).to_python()[1:]:
            if len(cells) >= 2 and isinstance(cells[0], str) and cells[0].strip():
                table.settings[cells[0].strip()] = cells[1]
    return table


def _visible(book: Any, names: list[str]) -> list[str]:
    try:
        hidden = {m.name for m in book.sheets_metadata if str(m.visible).lower().endswith("hidden")}
    except AttributeError:
        hidden = set()
    return [n for n in names if n not in hidden] or names[:1]
