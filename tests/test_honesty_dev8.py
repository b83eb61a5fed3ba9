"""The honesty rules on the eighth set (tests/data/honesty_dev8.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus; half of its legitimate phrases share a keyword with a banned tactic.
Scored before any tuning, after the rules had been tuned on the fifth to seventh sets: recall
92.0 % (127/138), precision 96.9 % (127/131). Tuned on since (word shapes, not its phrases); the
floors below keep what that reached. Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV8 = Path(__file__).parent / "data" / "honesty_dev8.yaml"


def test_eighth_corpus_score():
    assert_scores(DEV8, 280, 0.99, 0.99)
