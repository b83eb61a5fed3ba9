"""``python -m smmplan.text.learn [--check]``: learn the honesty model again from the corpus.

The model (:mod:`smmplan.text.learned`) is learned from the labelled phrases of
``tests/data/honesty_*.yaml`` (each `expect`: a code BAN001..BAN006, or `ok`;
the everyday sets all `ok`), the examples of the honesty lexicon's rules (each
its rule's code) and the package's own everyday texts (:func:`own_texts`: idea
banks and shipped plans, all `ok`), except the sets it is judged on (:data:`HELD_OUT`: they are its held-out part,
and tests/test_honesty_model.py keeps its score on them). Learning needs
scikit-learn (``pip install -e '.[learn]'``) and takes some half a minute;
reading the model needs nothing. ``--check`` only says whether the model was
learned from the corpus as it is now (exit 1 if not), as the tests do.

How: logistic regression (L2, C=:data:`C`) on the features of
:func:`smmplan.text.learned.stems`, each feature of a text weighing
1/sqrt(n); the :data:`KEEP` features of the largest weights kept and the model
learned again on them alone (what the file holds is exactly what was learned).
The kind of a flagged text: a multinomial regression over the banned phrases
alone, on the :data:`KEEP_CODES` features that weigh most for it.
"""

from __future__ import annotations

import math
import sys
import zlib
from pathlib import Path

from smmplan.io import atomic_write
from smmplan.text import compiled, learned
from smmplan.text.normalise import normalise

NAME = "honesty"
CORPUS = Path(__file__).resolve().parent.parent.parent / "tests" / "data"
HELD_OUT = tuple(f"honesty_heldout{n}.yaml" for n in (*range(99, 107), *range(111, 115)))  # the model's held-out sets
PREFIX = 6
C = 30.0
KEEP = 30_000
KEEP_CODES = 8_000
FLAG_ABOVE = 0.95  # chosen on the scores of sets 99-102 and on everyday texts (docs/honesty.md)
MIN_WORDS = 6
DOUBT_BELOW = 0.05  # chosen on the scores of sets 99-106 (docs/honesty.md)
MIN_COUNT = 2  # a feature standing in fewer phrases is not learned


def corpus_files(root: Path = CORPUS) -> list[Path]:
    """The labelled sets the model learns from, in a stable order."""
    return sorted(p for p in root.glob("honesty_*.yaml") if p.name not in HELD_OUT)


def examples() -> list[tuple[str, str]]:
    """The lexicon's rules' own examples, each of its rule's code: labelled phrases too."""
    from smmplan.rules import honesty

    lex = honesty.lexicon()
    return [(r.example, lex.categories[r.category].code) for r in lex.rules if r.example]


def own_texts() -> list[tuple[str, str]]:
    """The package's own everyday texts, all legitimate: the idea banks `smmplan suggest` writes
    plans from (smmplan/ideas.py, smmplan/data/ideas) and the shipped plans' posts and tactics."""
    import yaml

    from smmplan.ideas import IDEAS

    texts = [t for by_type in IDEAS.values() for ideas in by_type.values() for t in ideas]
    for path in sorted((learned.DATA / "ideas").glob("*.yaml")):
        bank = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [t for lang in ("en", "ru") for ideas in bank[lang].values() for t in ideas]
    for path in sorted((CORPUS.parent.parent / "plans").glob("*.yaml")):
        plan = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts += [str(p[k]) for p in plan.get("posts", ()) for k in ("title", "text", "notes") if p.get(k)]
        texts += [t if isinstance(t, str) else str(t.get("text", "")) for t in plan.get("tactics", ())]
    return [(t, "ok") for t in dict.fromkeys(texts) if t.strip()]


def digest(files: list[Path]) -> str:
    """What the model records of the corpus it was learned from (the sets, the lexicon's examples,
    the package's own texts)."""
    crc = zlib.crc32("\n".join(f"{t}\t{c}" for t, c in examples() + own_texts()).encode())
    for p in files:
        crc = zlib.crc32(p.name.encode() + b"\0" + p.read_bytes(), crc)
    return f"{len(files)}:{crc:08x}"


def phrases(files: list[Path]) -> list[tuple[str, str]]:
    import yaml

    out = examples() + own_texts()
    for p in files:
        for ph in yaml.safe_load(p.read_text(encoding="utf-8"))["phrases"]:
            out.append((ph["text"], ph["expect"]))
    return out


def _matrix(feats: list[set[str]], index: dict[str, int]):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for r, fs in enumerate(feats):
        if not fs:
            continue
        v = 1 / math.sqrt(len(fs))
        for f in fs:
            c = index.get(f)
            if c is not None:
                rows.append(r)
                cols.append(c)
                vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(feats), len(index)))


def _fit(x, y, c: float):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=5000).fit(x, y)


def learn(root: Path = CORPUS) -> dict:
    """The model file's data, learned from the corpus under `root`."""
    import numpy as np

    files = corpus_files(root)
    data = phrases(files)
    feats = [learned.stems(normalise(t)[0], PREFIX) for t, _ in data]
    counts: dict[str, int] = {}
    for fs in feats:
        for f in fs:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    y = np.array([e != "ok" for _, e in data])
    first = _fit(_matrix(feats, {f: i for i, f in enumerate(vocab)}), y, C)
    order = np.argsort(-np.abs(first.coef_[0]), kind="stable")[:KEEP]
    kept = sorted(vocab[i] for i in order)
    index = {f: i for i, f in enumerate(kept)}
    x = _matrix(feats, index)
    final = _fit(x, y, C)
    weights = {f: float(w) for f, w in zip(kept, final.coef_[0]) if w}
    # the kind of a flagged text
    banned = np.flatnonzero(y)
    codes = np.array([data[i][1] for i in banned])
    xb = x[banned]
    first_codes = _fit(xb, codes, C)
    strength = np.abs(first_codes.coef_).max(axis=0)
    code_kept = sorted(kept[i] for i in np.argsort(-strength, kind="stable")[:KEEP_CODES])
    xc = _matrix([feats[i] for i in banned], {f: i for i, f in enumerate(code_kept)})
    by_code = _fit(xc, codes, C)
    table = _by_key(weights)
    code_table = _by_key({f: by_code.coef_[:, i].tolist() for i, f in enumerate(code_kept)})
    return {
        "format": learned.FORMAT,
        "about": f"learned by `{learned.COMMAND}` from {len(data)} labelled phrases of tests/data "
                 f"(held out: {HELD_OUT[0]} .. {HELD_OUT[-1]}); see smmplan/text/learned.py",
        "corpus": digest(files),
        "held_out": list(HELD_OUT),
        "prefix": PREFIX,
        "flag_above": FLAG_ABOVE,
        "doubt_below": DOUBT_BELOW,
        "min_words": MIN_WORDS,
        "bias": round(float(final.intercept_[0]), 4),
        "codes": [str(c) for c in by_code.classes_],
        "code_bias": [round(float(b), 4) for b in by_code.intercept_],
        "keys": compiled.numbers_text("Q", [k for k, _ in table]),
        "weights": compiled.numbers_text("f", [w for _, w in table]),
        "code_keys": compiled.numbers_text("Q", [k for k, _ in code_table]),
        "code_weights": compiled.numbers_text("f", [w for _, ws in code_table for w in ws]),
    }


def _by_key(weights: dict) -> list:
    """(key, weight) of each feature, sorted by key; two features of one key are refused."""
    out = sorted((learned.key(f), w) for f, w in weights.items())
    if any(a[0] == b[0] for a, b in zip(out, out[1:])):
        raise SystemExit("two features share a key: change learned.key")
    return out


def stale(root: Path = CORPUS) -> bool:
    """Whether the model was learned from another corpus than the one under `root` now."""
    return learned.model(NAME).corpus != digest(corpus_files(root))


def main(argv: list[str]) -> int:
    if not CORPUS.is_dir():
        print(f"the labelled corpus is not here ({CORPUS}): run this in a clone of smmplan's repository",
              file=sys.stderr)
        return 2
    if argv == ["--check"]:
        if stale():
            print(f"{learned.path_of(NAME).name} is stale: the corpus changed; run `{learned.COMMAND}`")
            return 1
        return 0
    if argv:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("learning the model needs scikit-learn: pip install -e '.[learn]'", file=sys.stderr)
        return 2
    path = learned.path_of(NAME)
    atomic_write(str(path), compiled.dumps(learn()))
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
