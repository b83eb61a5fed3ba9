"""The shape of the code: what the package ships and which module may import which.

The guide: data flows one way (file -> loader -> model -> rules -> findings ->
reporter), the planner computes and the command line does the glue. These
tests read the modules' import statements, so a new arrow back fails here.
"""

from __future__ import annotations

import ast
import importlib.resources
from pathlib import Path

import smmplan

PACKAGE = Path(smmplan.__file__).parent


def test_package_is_marked_typed():
    # pyproject.toml ships smmplan/py.typed (PEP 561): type checkers read smmplan's annotations
    assert importlib.resources.files("smmplan").joinpath("py.typed").is_file()
    assert "py.typed" in (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")
