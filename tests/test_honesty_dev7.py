"""The honesty rules on the seventh set (tests/data/honesty_dev7.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus, with the same brief as the fourth held-out set. Scored before any
tuning, after the rules had been tuned on the fifth and sixth sets: recall 89.7 % (140/156),
precision 95.2 % (140/147), the best estimate of what a new set of wordings gets. Tuned on since
(word shapes, not its phrases); the floors below keep what that reached. Run with -s to see
every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV7 = Path(__file__).parent / "data" / "honesty_dev7.yaml"


def test_seventh_corpus_score():
    assert_scores(DEV7, 280, 0.98, 0.99)
