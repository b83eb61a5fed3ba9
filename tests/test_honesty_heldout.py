"""The honesty rules on the SECOND DEVELOPMENT set (tests/data/honesty_heldout.yaml).

These phrases were split off as a held-out part before the rules were written
and scored once, unread: recall 75.0 % (75/100), precision 89.3 % (75/84).
Having been scored, they are no longer held out: their misses were then read
and generalised from (as shapes: vocabularies and composition, never a rule for
one phrase), so this file is development data now, like honesty_dev.yaml. The
held-out score that counts is measured by the lead on a new independent set
nobody working on the rules has seen. Prints every miss (text, expected, got,
roles matched) and every code mix-up; run with -s to see them."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import score

SECOND_DEV = Path(__file__).parent / "data" / "honesty_heldout.yaml"


def test_second_development_set_score():
    s = score(SECOND_DEV)
    print(s.report())
    assert s.total >= 150
    # Measured after the generalising round: recall 100 % (100/100), precision 100 % (100/100).
    # Tuned on now, so it is held at least to issue 14's targets, and close to what it scores.
    assert s.recall >= 0.98, s.report()
    assert s.precision >= 0.98, s.report()
    assert s.mixups <= 0.05 * s.tp, s.report()
