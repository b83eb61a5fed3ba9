"""The honesty rules on the ninth set (tests/data/honesty_dev9.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus; written as five different people would (a junior manager, an account director, a seller, a client, a channel admin).
Scored before any tuning, after the rules had been tuned on the fifth to eighth sets: recall
90.7 % (127/140), precision 93.4 % (127/136). Tuned on since (word shapes, not its phrases); the
floors below keep what that reached. Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV9 = Path(__file__).parent / "data" / "honesty_dev9.yaml"


def test_ninth_corpus_score():
    assert_scores(DEV9, 270, 0.99, 0.99)
