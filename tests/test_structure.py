"""The shape of the code: what the package ships and which module may import which.

The guide: data flows one way (file -> loader -> model -> rules -> findings ->
reporter), the planner computes and the command line does the glue. These
tests read the modules' import statements, so a new arrow back fails here.
"""

from __future__ import annotations

import ast
import re
import importlib.resources
from pathlib import Path

import smmplan

PACKAGE = Path(smmplan.__file__).parent


def test_package_is_marked_typed():
    # pyproject.toml ships smmplan/py.typed (PEP 561): type checkers read smmplan's annotations
    assert importlib.resources.files("smmplan").joinpath("py.typed").is_file()
    assert "py.typed" in (PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8")


def _modules():
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages([str(PACKAGE)], "smmplan."):
        if info.name.endswith(("__main__", "_fastyaml")):
            continue
        yield importlib.import_module(info.name)


# Modules that use id() for something other than a memo (reviewed; a new use fails the test below)
NOT_MEMOS = {
    "smmplan.rules.honesty": "_role_words_of: which entries are the lexicon's own, an identity test",
}


def test_memos_are_bounded_and_keyed_on_values():
    """Every functools cache with arguments has a maxsize (a run may check thousands of
    plans, each naming its own types, statuses, links); none is keyed on id()."""
    import inspect

    unbounded = []
    for mod in _modules():
        for name, obj in vars(mod).items():
            info = getattr(obj, "cache_info", None)
            if info is None or getattr(obj, "__module__", None) != mod.__name__:
                continue
            takes_args = bool(inspect.signature(obj.__wrapped__).parameters)
            if takes_args and info().maxsize is None:
                unbounded.append(f"{mod.__name__}.{name}")
        source = Path(mod.__file__).read_text(encoding="utf-8") if mod.__file__ else ""
        if mod.__name__ not in NOT_MEMOS:
            assert not re.search(r"(?<![\w.])id\(", source), f"{mod.__name__} keys something on id()"
    assert unbounded == []


def test_link_memo_stays_bounded_on_a_plan_of_distinct_links():
    from smmplan.engine import check_bytes
    from smmplan.rules import kpi
    from tests.benchmark import plan_text

    check_bytes(plan_text(3 * kpi._LINKS_KEPT, seed=5, linked=True).encode(), "linked.yaml")
    assert 0 < len(kpi._LINKS_READ) <= kpi._LINKS_KEPT


def _runtime_imports(path: Path) -> set[str]:
    """The smmplan modules a module imports when it runs (not those under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                   and getattr(node.test, "id", None) == "TYPE_CHECKING" for n in ast.walk(node)}
    out = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("smmplan"):
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("smmplan"))
    return out


def _imports_of(module: str) -> set[str]:
    return _runtime_imports(PACKAGE.parent / (module.replace(".", "/") + ".py"))


def test_the_core_imports_no_command_glue_and_the_planner_no_engine():
    for module in ("smmplan.engine", "smmplan.suggest", "smmplan.planner", "smmplan.calendar"):
        imported = _imports_of(module)
        assert not {m for m in imported if m.startswith(("smmplan.cli", "smmplan.commands"))}, module
    # the planner computes on the engine's results: it does not call the engine
    assert not {m for m in _imports_of("smmplan.suggest") if m.startswith("smmplan.engine")}
    assert "smmplan.suggest" not in _imports_of("smmplan.engine")
    # the reports format a figure with a shared helper, not a rule family's
    for module in ("smmplan.report.text", "smmplan.page.view"):
        assert "smmplan.figures.format_quantity" in _imports_of(module), module
        assert not {m for m in _imports_of(module) if m.startswith("smmplan.rules.kpi")}, module


def test_the_command_line_parses_and_the_glue_does_the_work():
    imported = _imports_of("smmplan.cli")
    assert "smmplan.commands.check.run" in imported
    # the checking itself (files, settings, processes, fixes) is the glue's, not cli.py's
    assert not {m for m in imported if m.startswith(("smmplan.engine", "smmplan.parallel", "smmplan.fix",
                                                     "smmplan.paths"))}, imported


def test_every_note_on_stderr_goes_through_the_one_say():
    """`smmplan: ...` lines are written by smmplan.visible.say alone, which escapes what a file
    name or a plan's words hold (tests/test_hostile_21.py runs every command on such a name): no
    other string in the package starts so, translated or not."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "visible.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(node.body[0].value) for node in ast.walk(tree)
                if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and ast.get_docstring(node)}
        for node in ast.walk(tree):
            first = node.values[0] if isinstance(node, ast.JoinedStr) and node.values else node
            if (isinstance(first, ast.Constant) and isinstance(first.value, str) and id(first) not in docs
                    and first.value.startswith("smmplan: ")):
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not found, found


def test_the_command_turns_the_collector_off_before_its_imports_and_main_leaves_it_alone():
    import subprocess
    import sys
    import tomllib

    scripts = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["smmplan"] == "smmplan.__main__:run"
    probe = ("import gc, sys\n"
             "from smmplan.__main__ import run\n"
             "assert 'typer' not in sys.modules  # nothing heavy before the collector is off\n"
             "sys.argv = ['smmplan', '--version']\n"
             "run()\n"
             "print(gc.isenabled())\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["smmplan", __import__("smmplan").__version__, "False"], proc.stderr
    probe = ("import gc, sys\nfrom smmplan.cli import main\nsys.argv = ['smmplan', 'formulas', '-f', 'json']\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\nprint(gc.isenabled())\n")
    proc = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split()[-1] == "True", proc.stderr
