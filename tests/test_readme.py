"""The README stays true: its marked examples are re-run, and every rule is listed."""

from __future__ import annotations

import re
import shlex

import pytest

from smmplan.rules import registry
from tests.conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
MARK = "<!-- output checked by tests/test_readme.py -->"
BLOCK = re.compile(re.escape(MARK) + r"\n```console\n\$ (smmplan [^\n]*)\n(.*?)\n```", re.S)
EXAMPLES = BLOCK.findall(README)


def test_readme_has_checked_examples():
    assert len(EXAMPLES) >= 3


def example_output(command: str) -> str:
    """What a documented `$ smmplan ...` line prints now, as the docs show it (docs/*.md pages use this too)."""
    proc = run_cli(*shlex.split(command)[1:], cwd=ROOT, env={"COLUMNS": "100", "NO_COLOR": "1"})
    return "\n".join(line.rstrip() for line in proc.stdout.decode().rstrip("\n").splitlines())


@pytest.mark.parametrize("command, expected", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output_is_real(command, expected):
    got = example_output(command)
    assert got == expected, f"README example `{command}` is out of date:\n{got}"


def test_quick_start_has_exactly_two_setup_commands():
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```bash\n(.*?)\n```", quick, re.S).group(1)
    assert block.splitlines() == ["pip install -e . && smmplan check plans/", "pip install -e '.[test]' && pytest"]


def test_every_rule_is_in_the_readme_rule_list():
    listed = set(re.findall(r"^\| `([A-Z]+\d{3})` \|", README, re.M))
    assert listed == set(registry()), f"missing: {set(registry()) - listed}; stale: {listed - set(registry())}"
