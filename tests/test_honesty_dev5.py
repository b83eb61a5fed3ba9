"""The honesty rules on the fifth set (tests/data/honesty_dev5.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus, then scored before any tuning: recall 86.3 % (145/168), precision
96.7 % (145/150), the figure that says how the rules did on wordings they had never seen. The
rules were then tuned on it (word shapes, not its phrases), so it is development data now; the
floors below keep what that tuning reached. Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV5 = Path(__file__).parent / "data" / "honesty_dev5.yaml"


def test_fifth_corpus_score():
    assert_scores(DEV5, 300, 0.97, 0.99)
