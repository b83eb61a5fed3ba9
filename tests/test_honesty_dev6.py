"""The honesty rules on the sixth set (tests/data/honesty_dev6.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus, asked for the hardest kind of wording: long task-list and chat texts,
the tactic said by its effect ("the counter", "нужна массовка"), euphemisms and mixed slang. Scored
before any tuning: recall 67.9 % (114/168), precision 91.9 % (114/124). Tuned on since (word
shapes, not its phrases): the floors below keep what that reached; the misses it still has are
printed with -s and named in docs/honesty.md."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV6 = Path(__file__).parent / "data" / "honesty_dev6.yaml"


def test_sixth_corpus_score():
    assert_scores(DEV6, 300, 0.92, 0.99)
