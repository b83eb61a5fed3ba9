"""The honesty rules on the SECOND held-out corpus (tests/data/honesty_heldout2.yaml), now DEVELOPMENT data.

The first held-out set was scored once (recall 75.0 %, precision 89.3 %) and then became
development data. This second set was written afterwards, independently, by someone who never
read the rules, their lexicon or the other corpora, and scored twice unread (figures below).
After that it became development data as well: its misses were read and generalised from as
shapes (honesty14c; the phrasings written for each shape are in tests/test_honesty_shapes3.py),
so its score is a tuned figure now. The honest figure comes from the third held-out set, which
nobody working on the rules reads. It prints every miss (text, expected, got, roles matched) and
every code mix-up; run with -s to see them.

Issue 14's targets: recall >= 95 % and precision >= 97 % (banned vs ok). The assertions stand
at the figures measured after the round that tuned on this set, so that a regression fails."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import assert_scores

HELDOUT2 = Path(__file__).parent / "data" / "honesty_heldout2.yaml"


def test_second_heldout_corpus_score():
    assert_scores(HELDOUT2, 220, RECALL_FLOOR, PRECISION_FLOOR)


# Scored with the rules of the honesty14 merge, before any further change:
#   recall 75.8 % (91/120), precision 91.0 % (91/100), 4 code mix-ups.
# Scored once more after the generalising round (honesty14b), whose writer never read this set:
#   recall 84.2 % (101/120), precision 93.5 % (101/108), 7 code mix-ups.
# Then read and generalised from (honesty14c), as development data:
#   recall 99.2 % (119/120), precision 100 % (119/119), 6 code mix-ups.
RECALL_FLOOR = 0.99
PRECISION_FLOOR = 1.0
