"""Vocabularies compiled ahead of time: the lexicons in ``smmplan/data`` as a run reads them.

A lexicon's YAML is what people edit; reading it costs a run its parsing, the
normalising of every entry and the building of indexes (some 50 ms for the honesty
lexicon's thousands of entries). ``python -m smmplan.rules.compile`` writes what
that work makes to a JSON file beside the YAML (``*.compiled.json``), stamped with
the YAML it was made from. A run reads the JSON while the stamp matches the YAML
beside it, else compiles the YAML itself (the same lexicon, only slower); the
tests rebuild every compiled file and fail, naming the command, when one is stale.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

FORMAT = 1  # the compiled files' layout: a file of another layout is stale
COMMAND = "python -m smmplan.rules.compile"


def stamp(source: bytes) -> str:
    """What a compiled file records of the YAML it was made from."""
    return f"{FORMAT}:{len(source)}:{zlib.crc32(source):08x}"


def read(path: Path, source: bytes) -> dict | None:
    """The compiled file's data, if it was compiled from `source` in this layout."""
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("source") == stamp(source) else None


def dumps(data: dict) -> str:
    """A compiled file's text: one top-level key a line (a rebuild's diff says which part changed)."""
    return "{\n" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                              for k, v in data.items()) + "\n}\n"
