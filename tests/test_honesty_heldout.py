"""The honesty rules on the HELD-OUT corpus (tests/data/honesty_heldout.yaml):
phrases written and split off before the rules were tuned, never read while
writing them. Prints every miss (text, expected, got, roles matched) and every
code mix-up on a line of its own; run with -s to see them.

Issue 14's targets on this part: recall >= 95 % and precision >= 97 %
(banned vs ok). The figures measured when the rules were final are in
docs/honesty.md."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import score

HELDOUT = Path(__file__).parent / "data" / "honesty_heldout.yaml"


def test_heldout_corpus_score():
    s = score(HELDOUT)
    print(s.report())
    assert s.total >= 150
    # Issue 14's targets are recall >= 95 % and precision >= 97 %. Measured once,
    # when the rules were final (and not tuned on these misses afterwards):
    # recall 75.0 % (75/100), precision 89.3 % (75/84), 1 code mix-up. The dev
    # part scores 98.8 % / 100 %, so no general improvement guided by it was left
    # to make; the assertions stand at the measured floor so that a regression
    # fails, and the gap to the targets is reported to the lead.
    assert s.recall >= 0.75, s.report()
    assert s.precision >= 0.89, s.report()
