"""Spreadsheets in and out: `smmplan import` and `smmplan export`.

- :mod:`.read` reads CSV, XLSX and ODS into rows of cells;
- :mod:`.columns` maps the sheet's headers to plan fields (the vocabulary is
  data, `smmplan/data/sheet_headers.yaml`) and decides each column's date order;
- :mod:`.dates` reads one date or time value;
- :mod:`.importer` turns rows into posts, naming every row it cannot read;
- :mod:`.export` selects and checks the posts for a target, and
  :mod:`.targets` holds one module per scheduler or file format;
- :mod:`.safe` neutralises cells a spreadsheet would run as formulas.
"""
