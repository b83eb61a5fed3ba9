"""The honesty rules on the development corpus (tests/data/honesty_dev.yaml),
the part of the labelled corpus the rules were tuned on. The held-out part has
its own test (tests/test_honesty_heldout.py). Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import score

DEV = Path(__file__).parent / "data" / "honesty_dev.yaml"


def test_dev_corpus_score():
    s = score(DEV)
    print(s.report())
    assert s.total >= 300
    # Tuned on: it must stay at least at the targets for the held-out part.
    assert s.recall >= 0.95 and s.precision >= 0.97, s.report()
    assert s.mixups <= 0.05 * s.tp, s.report()
