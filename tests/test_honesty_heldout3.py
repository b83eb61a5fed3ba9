"""The honesty rules on the THIRD held-out corpus (tests/data/honesty_heldout3.yaml).

The second held-out set has been scored twice; this third set was written afterwards, by hand,
by a third engineer ("corpus3") who never opened the rules, their lexicon, smmplan/text/ or any
other honesty corpus; nobody writing rules reads it. It prints every miss (text, expected, got,
roles matched) and every code mix-up; run with -s to see them.

Issue 14's targets: recall >= 95 % and precision >= 97 % (banned vs ok). The floors below are
set by the lead when the set is scored once, so that a later regression fails."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import score

HELDOUT3 = Path(__file__).parent / "data" / "honesty_heldout3.yaml"


def test_third_heldout_corpus_score():
    s = score(HELDOUT3)
    print(s.report())
    assert s.total >= 230
    assert s.recall >= RECALL_FLOOR, s.report()
    assert s.precision >= PRECISION_FLOOR, s.report()


# Not scored yet: set by the lead when scored once (then these guard the measured figures).
RECALL_FLOOR = 0.0
PRECISION_FLOOR = 0.0
