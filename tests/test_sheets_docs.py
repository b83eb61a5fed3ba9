"""docs/sheets.md stays true: its marked console examples are re-run, and its vocabulary table is the data's."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT
from tests.test_readme import BLOCK, example_output

DOC = (ROOT / "docs" / "sheets.md").read_text(encoding="utf-8")
EXAMPLES = BLOCK.findall(DOC)


def test_the_page_has_examples():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_example_output_is_real(command, expected):
    got = example_output(command)
    assert got == expected, f"docs/sheets.md example `{command}` is out of date:\n{got}"


def test_every_header_of_the_vocabulary_is_documented():
    raw = yaml.safe_load((ROOT / "smmplan" / "data" / "sheet_headers.yaml").read_text(encoding="utf-8"))
    for name, headers in raw["fields"].items():
        assert f"| `{name}` | {', '.join(headers)} |" in DOC, name
