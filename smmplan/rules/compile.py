"""``python -m smmplan.rules.compile [--check]``: rebuild the compiled lexicons.

Each lexicon in ``smmplan/data`` that people edit as YAML (the honesty rules'
``honesty.yaml``, the content types' ``content_types.yaml``) is read by a run
from its compiled form beside it (``*.compiled.json``, see
:mod:`smmplan.text.compiled`). Run this after editing one; ``--check`` only says
which are stale (exit 1), as the tests do.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from smmplan.rules import honesty
from smmplan.text import compiled, types

LEXICONS: tuple[tuple[Path, Path, Callable[[bytes], dict]], ...] = (
    (honesty.SOURCE, honesty.COMPILED, honesty.compile_lexicon),
    (types.SOURCE, types.COMPILED, types.compile_lexicon),
)


def build(source: Path, build: Callable[[bytes], dict]) -> str:
    """The compiled file's text for the YAML at `source`, as it is now."""
    return compiled.dumps(build(source.read_bytes()))


def stale() -> list[Path]:
    """The compiled files that differ from what their YAML compiles to now."""
    return [target for source, target, make in LEXICONS
            if not target.is_file() or target.read_text(encoding="utf-8") != build(source, make)]


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        out = stale()
        for target in out:
            print(f"{target.name} is stale: run `{compiled.COMMAND}`")
        return 1 if out else 0
    if argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    for source, target, make in LEXICONS:
        text = build(source, make)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
