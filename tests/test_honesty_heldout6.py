"""The honesty rules on the SIXTH held-out set (tests/data/honesty_heldout6.yaml).

Written on December 2 2026, after the fifth held-out set had been scored, with the same brief, by
an engineer who never opened the rules, their lexicon, smmplan/text/ or any other honesty corpus;
nobody working on the rules read it until it was scored, once, with the rules tuned on everything
before it (the fourth and fifth held-out sets included). Its first and only unread score:

    recall 94.5 % (138/146), precision 98.6 % (138/140), 3 code mix-ups

Issue 14's targets are recall >= 95 % and precision >= 97 %: precision is met on this set, recall
is not. The floors keep the measured figures; its misses have been read since, so it is
development data now, and a new independent set is needed to judge the rules anew. Run with -s to
see every miss."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

HELDOUT6 = Path(__file__).parent / "data" / "honesty_heldout6.yaml"

RECALL_FLOOR = 0.94
PRECISION_FLOOR = 0.98


def test_sixth_heldout_corpus_score():
    assert_scores(HELDOUT6, 270, RECALL_FLOOR, PRECISION_FLOOR)
