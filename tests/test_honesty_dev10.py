"""The honesty rules on the tenth set (tests/data/honesty_dev10.yaml), a DEVELOPMENT set.

Written on December 2 2026 by an engineer who never opened the rules, their lexicon, smmplan/text/
or any other honesty corpus; written in the voices of a US growth hacker, a UK agency executive, a marketplace seller, an app marketer, a local business owner, a Telegram channel owner and a VK admin (60 % English).
Scored before any tuning, after the rules had been tuned on the fifth to ninth sets: recall
90.4 % (122/135), precision 96.1 % (122/127). Tuned on since (word shapes, not its phrases); the
floors below keep what that reached. Run with -s to see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

DEV10 = Path(__file__).parent / "data" / "honesty_dev10.yaml"


def test_tenth_corpus_score():
    assert_scores(DEV10, 260, 0.97, 0.99)
