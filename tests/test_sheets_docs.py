"""docs/sheets.md stays true to the data: its header table is the import vocabulary.

(Its console examples are re-run by tests/test_readme.py, with every page under docs/.)
"""

from __future__ import annotations

import yaml

from tests.conftest import ROOT

DOC = (ROOT / "docs" / "sheets.md").read_text(encoding="utf-8")


def test_every_header_of_the_vocabulary_is_documented():
    raw = yaml.safe_load((ROOT / "smmplan" / "data" / "sheet_headers.yaml").read_text(encoding="utf-8"))
    for name, headers in raw["fields"].items():
        assert f"| `{name}` | {', '.join(headers)} |" in DOC, name
