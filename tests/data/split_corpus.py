"""Split a labelled corpus ONCE into a development part and a held-out part.

Run once, before anyone tunes rules, then delete the *_all.yaml input (git keeps it):

    python tests/data/split_corpus.py honesty   # honesty_all.yaml -> honesty_dev.yaml + honesty_heldout.yaml
    python tests/data/split_corpus.py types     # types_all.yaml   -> types_dev.yaml   + types_heldout.yaml

The split is stratified by (label, language): within each stratum the items are
shuffled with a fixed seed and the first ceil(n * HELDOUT_SHARE) go to held-out.
Items keep their original order inside each output file. Rerunning on the same
input gives the same split.
"""

from __future__ import annotations

import math
import random
import sys
from collections import defaultdict
from pathlib import Path

import yaml

SEED = 20261202
HELDOUT_SHARE = 0.36
HERE = Path(__file__).resolve().parent

CORPORA = {
    # name: (top-level key, label field)
    "honesty": ("phrases", "expect"),
    "types": ("posts", "expect"),
}

HEADERS = {
    ("honesty", "dev"): "Honesty corpus, DEVELOPMENT part: tune rules against this file.",
    ("honesty", "heldout"): "Honesty corpus, HELD-OUT part: rule writers never read this file; its test prints every miss.",
    ("types", "dev"): "Post-type corpus, DEVELOPMENT part: tune type inference against this file.",
    ("types", "heldout"): "Post-type corpus, HELD-OUT part: rule writers never read this file; its test prints every miss.",
}


def _dump_item(item: dict) -> str:
    # One flow mapping per line, keys in a fixed order, strings double-quoted.
    parts = []
    for key, value in item.items():
        if key in ("expect", "lang", "business"):
            parts.append(f"{key}: {value}")
        else:
            parts.append(f"{key}: " + yaml.safe_dump(value, allow_unicode=True, default_style='"', width=10**6).strip())
    return "  - {" + ", ".join(parts) + "}\n"


def split(name: str) -> dict[str, list[dict]]:
    key, label = CORPORA[name]
    items = yaml.safe_load((HERE / f"{name}_all.yaml").read_text(encoding="utf-8"))[key]
    strata: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(items):
        strata[(item[label], item["lang"])].append(index)
    rng = random.Random(SEED)
    held: set[int] = set()
    for stratum in sorted(strata):
        indices = strata[stratum][:]
        rng.shuffle(indices)
        held.update(indices[: math.ceil(len(indices) * HELDOUT_SHARE)])
    parts = {"dev": [], "heldout": []}
    for index, item in enumerate(items):
        parts["heldout" if index in held else "dev"].append(item)
    for part, chosen in parts.items():
        out = HERE / f"{name}_{part}.yaml"
        text = f"# {HEADERS[(name, part)]}\n# Made by tests/data/split_corpus.py (seed {SEED}) from {name}_all.yaml; see tests/data/README.md.\n{key}:\n"
        text += "".join(_dump_item(item) for item in chosen)
        assert yaml.safe_load(text)[key] == chosen
        out.write_text(text, encoding="utf-8")
        print(f"{out.name}: {len(chosen)}")
    return parts


if __name__ == "__main__":
    for arg in sys.argv[1:] or list(CORPORA):
        split(arg)
