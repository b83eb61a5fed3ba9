"""The honesty rules on the FOURTH held-out set (tests/data/honesty_heldout4.yaml).

Written on December 2 2026, before this round's tuning began, by an engineer who never opened the
rules, their lexicon, smmplan/text/ or any other honesty corpus; nobody working on the rules read
it until it was scored, once, when the round's rules were final (after the seven independent
development sets of tests/test_honesty_rounds.py and the merge of the speed work). Its first and
only unread score:

    recall 93.8 % (135/144), precision 95.1 % (135/142), 1 code mix-up

Issue 14's targets are recall >= 95 % and precision >= 97 %: neither is met on this set. The floors
keep the measured figures; from now on the set is development data (its misses were read), and a
fifth held-out set (tests/test_honesty_heldout5.py) judges the rules anew. Run with -s to see
every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

HELDOUT4 = Path(__file__).parent / "data" / "honesty_heldout4.yaml"

RECALL_FLOOR = 0.93
PRECISION_FLOOR = 0.95


def test_fourth_heldout_corpus_score():
    assert_scores(HELDOUT4, 270, RECALL_FLOOR, PRECISION_FLOOR)
