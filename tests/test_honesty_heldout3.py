"""The honesty rules on the THIRD held-out corpus (tests/data/honesty_heldout3.yaml).

The second held-out set has been scored twice; this third set was written afterwards, by hand,
by a third engineer ("corpus3") who never opened the rules, their lexicon, smmplan/text/ or any
other honesty corpus; nobody writing rules reads it. It prints every miss (text, expected, got,
roles matched) and every code mix-up; run with -s to see them.

Issue 14's targets: recall >= 95 % and precision >= 97 % (banned vs ok). The floors below are
set by the lead when the set is scored once, so that a later regression fails."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

HELDOUT3 = Path(__file__).parent / "data" / "honesty_heldout3.yaml"


def test_third_heldout_corpus_score():
    assert_scores(HELDOUT3, 230, RECALL_FLOOR, PRECISION_FLOOR)


# Scored once, on December 2 2026, with the rules of the honesty14c round, whose writer never read
# this set: recall 85.1 % (114/134), precision 97.4 % (114/117), 2 code mix-ups. Issue 14's targets
# are recall >= 95 % and precision >= 97 %: precision is met, recall is not. The floors guard the
# measured figures; from now on the set is development data and a fourth set is needed to judge anew.
RECALL_FLOOR = 0.85
PRECISION_FLOOR = 0.97
