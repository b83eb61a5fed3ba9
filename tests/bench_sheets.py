"""How fast `smmplan import` reads a 2,000-row sheet, and what the other readers would cost.

Run by hand: python tests/bench_sheets.py. It writes a 2,000-row XLSX (XlsxWriter)
and, when odfpy is installed, the same sheet as ODS, into a temporary folder, then
reports the median of five reads with python-calamine (smmplan's reader) and,
when they are installed, with openpyxl (XLSX) and odfpy (ODS), plus the whole
import (reading, mapping, dates) through smmplan.sheets.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

ROWS = 2000
HEADER = ["Date", "Time", "Platform", "Content Type", "Topic", "Caption", "Status"]


def rows() -> list[list[object]]:
    day = dt.date(2027, 1, 1)
    return [[day + dt.timedelta(days=i // 3), f"{9 + i % 3 * 4}:00", "Instagram, VK",
             ("Educational", "Engagement", "UGC", "Promo")[i % 4], f"Topic {i}",
             "First line of the caption\nsecond line, with a comma", "Approved"] for i in range(ROWS)]


def write_xlsx(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Plan")
    fmt = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, HEADER)
    for r, row in enumerate(rows(), 1):
        sheet.write_datetime(r, 0, dt.datetime.combine(row[0], dt.time()), fmt)
        sheet.write_row(r, 1, row[1:])
    book.close()


def write_ods(path: Path) -> bool:
    try:
        from odf.opendocument import OpenDocumentSpreadsheet
        from odf.table import Table, TableCell, TableRow
        from odf.text import P
    except ImportError:
        return False
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Plan")
    for row in [HEADER, *rows()]:
        tr = TableRow()
        for v in row:
            cell = (TableCell(valuetype="date", datevalue=v.isoformat()) if isinstance(v, dt.date)
                    else TableCell(valuetype="string"))
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return True


def median_ms(fn, n: int = 5) -> float:
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    from smmplan.sheets.importer import import_table
    from smmplan.sheets.read import read_table

    with tempfile.TemporaryDirectory() as tmp:
        xlsx, ods = Path(tmp) / "plan.xlsx", Path(tmp) / "plan.ods"
        write_xlsx(xlsx)
        have_ods = write_ods(ods)
        print(f"{ROWS:,}-row sheet, median of 5 reads")
        print(f"  python-calamine, XLSX: {median_ms(lambda: read_table(str(xlsx))):7.1f} ms")
        try:
            import openpyxl

            def by_openpyxl():
                book = openpyxl.load_workbook(xlsx, read_only=True, data_only=True)
                return [list(r) for r in book.active.iter_rows(values_only=True)]

            print(f"  openpyxl, XLSX:        {median_ms(by_openpyxl):7.1f} ms")
        except ImportError:
            print("  openpyxl, XLSX:        not installed")
        if have_ods:
            print(f"  python-calamine, ODS:  {median_ms(lambda: read_table(str(ods))):7.1f} ms")
            from odf import teletype
            from odf.opendocument import load
            from odf.table import TableCell, TableRow

            def by_odfpy():
                doc = load(str(ods))
                return [[teletype.extractText(c) for c in r.getElementsByType(TableCell)]
                        for r in doc.spreadsheet.getElementsByType(TableRow)]

            print(f"  odfpy, ODS:            {median_ms(by_odfpy, 3):7.1f} ms")
        else:
            print("  ODS: odfpy not installed (needed to write the sample)")
        whole = median_ms(lambda: import_table(read_table(str(xlsx))))
        print(f"  whole import of the XLSX (read, map, dates, {ROWS * 2:,} posts): {whole:.1f} ms")


if __name__ == "__main__":
    main()
