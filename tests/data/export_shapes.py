"""Export the phrases of tests/test_honesty_shapes*.py as a labelled set: tests/data/honesty_shapes.yaml.

    python tests/data/export_shapes.py

The shapes tests hold the honesty rounds' own phrasings, each with its side: the module-level lists
(`BOUGHT_AUDIENCE` ... `EXCHANGE_AUTOMATION`, `BANNED`, `LEGITIMATE`, `PAIRS` of a banned phrase and
its legitimate neighbour), every phrase a test hands to `assert_flagged` or `assert_passes`,
written in the call or in the test's `parametrize` list, and the tactics of the plans a test checks
through the installed command (`cli_ban_findings`), each by the findings its assertion expects. The learned model (smmplan/text/learn.py)
learns from them like any labelled set; tests/test_honesty_model.py checks that this file is what
this script writes. A banned phrase whose kind its list does not say carries the code the rules
give it (and is left out if they give none).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
OUT = HERE / "honesty_shapes.yaml"
KINDS = {"BOUGHT_AUDIENCE": "BAN001", "BOUGHT_ENGAGEMENT": "BAN002", "BOTS": "BAN003", "FAKE_REVIEWS": "BAN004",
         "REVIEW_MANIPULATION": "BAN005", "EXCHANGE_AUTOMATION": "BAN006"}
BANNED = "banned"  # a banned phrase of no stated kind


def _strings(node: ast.AST) -> list[str]:
    """The string constants a list literal holds (an item that is a tuple gives its last string)."""
    out = []
    if isinstance(node, (ast.List, ast.Tuple)):
        for item in node.elts:
            if isinstance(item, ast.Constant) and isinstance(item.value, str):
                out.append(item.value)
            elif isinstance(item, ast.Tuple):
                texts = [e.value for e in item.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
                if texts:
                    out.append(texts[-1])
    return out


def labelled(path: Path) -> list[tuple[str, str]]:
    """(phrase, its code or `ok` or BANNED) of one shapes test module, in the order written."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: list[tuple[str, str]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in KINDS:
                out += [(t, KINDS[name]) for t in _strings(node.value)]
            elif name == "BANNED":
                for item in getattr(node.value, "elts", ()):
                    if isinstance(item, ast.Tuple) and len(item.elts) == 2 and all(isinstance(e, ast.Constant) for e in item.elts):
                        code, text = (e.value for e in item.elts)
                        out.append((text, code if str(code).startswith("BAN") else BANNED))
                    else:
                        out += [(t, BANNED) for t in _strings(ast.List(elts=[item]))]
            elif name == "LEGITIMATE":
                out += [(t, "ok") for t in _strings(ast.List(elts=[e.elts[0] if isinstance(e, ast.Tuple) else e
                                                                    for e in getattr(node.value, "elts", ())]))]
            elif name == "PAIRS":
                for item in getattr(node.value, "elts", ()):
                    if isinstance(item, ast.Tuple) and len(item.elts) == 2:
                        a, b = item.elts
                        if isinstance(a, ast.Constant) and isinstance(b, ast.Constant):
                            out += [(a.value, BANNED), (b.value, "ok")]
        elif isinstance(node, ast.FunctionDef):
            out += _in_test(node)
    return out


def _in_test(fn: ast.FunctionDef) -> list[tuple[str, str]]:
    params: dict[str, list[str]] = {}
    for d in fn.decorator_list:
        if isinstance(d, ast.Call) and getattr(d.func, "attr", "") == "parametrize" and len(d.args) == 2 \
                and isinstance(d.args[0], ast.Constant) and d.args[0].value == "text":
            params["text"] = _strings(d.args[1])
    out = _through_the_command(fn)
    for call in ast.walk(fn):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) \
                and call.func.id in ("assert_flagged", "assert_passes") and call.args:
            side = BANNED if call.func.id == "assert_flagged" else "ok"
            arg = call.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                out.append((arg.value, side))
            elif isinstance(arg, ast.Name) and arg.id in params:
                out += [(t, side) for t in params[arg.id]]
    return out


def _through_the_command(fn: ast.FunctionDef) -> list[tuple[str, str]]:
    """The tactics of a plan a test checks through the installed command (`cli_ban_findings`),
    each of the code the test's assertion expects on its line, or `ok` (line 1 is `tactics:`)."""
    out: list[tuple[str, str]] = []
    tactics: list[str] = []
    for node in fn.body:
        value = getattr(node, "value", None)
        if isinstance(node, ast.Assign) and isinstance(value, ast.Call) \
                and getattr(value.func, "id", "") == "cli_ban_findings" and len(value.args) == 2:
            tactics = [t[1:-1].replace("''", "'") if t[:1] == "'" == t[-1:] else t for t in _strings(value.args[1])]
        elif isinstance(node, ast.Assert) and tactics and isinstance(node.test, ast.Compare) \
                and isinstance(node.test.comparators[0], ast.List):
            lines = {}
            for item in node.test.comparators[0].elts:
                if isinstance(item, ast.Tuple) and all(isinstance(e, ast.Constant) for e in item.elts):
                    code, line = (e.value for e in item.elts)
                    lines[line] = code
            out += [(t, lines.get(k + 2, "ok")) for k, t in enumerate(tactics)]
            tactics = []
    return out


def phrases() -> list[tuple[str, str]]:
    """Every shapes test's labelled phrases, each once (its first side), banned ones coded."""
    from smmplan.rules import honesty

    codes = {c.id: c.code for c in honesty.lexicon().categories.values()}
    ex = honesty.extra()
    seen: dict[str, str] = {}
    for path in sorted(TESTS.glob("test_honesty_shapes*.py")):
        for text, side in labelled(path):
            if side == BANNED:
                found = sorted({codes[h.category] for h, x in honesty._rules_scan([text], ex)
                                if x is None and h.category in codes})
                side = found[0] if found and found[0] in KINDS.values() else ""
            if side:
                seen.setdefault(text, side)
    return list(seen.items())


def text() -> str:
    lines = ["# The phrases of tests/test_honesty_shapes*.py as a labelled set, written by tests/data/export_shapes.py",
             "# (run it after changing those tests): the learned model learns from them (smmplan/text/learn.py).",
             "phrases:"]
    for phrase, code in phrases():
        lang = "ru" if re.search("[а-яё]", phrase, re.IGNORECASE) else "en"
        lines.append(f"  - {{expect: {code}, lang: {lang}, text: {json.dumps(phrase, ensure_ascii=False)}}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(TESTS.parent))
    OUT.write_text(text(), encoding="utf-8")
    print(f"wrote {OUT}")
