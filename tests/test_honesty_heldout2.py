"""The honesty rules on the SECOND held-out corpus (tests/data/honesty_heldout2.yaml).

The first held-out set was scored once (recall 75.0 %, precision 89.3 %) and then became
development data. This second set was written afterwards, independently, by someone who never
read the rules, their lexicon or the other corpora; nobody writing rules reads it. It prints
every miss (text, expected, got, roles matched) and every code mix-up; run with -s to see them.

Issue 14's targets: recall >= 95 % and precision >= 97 % (banned vs ok). The assertions stand
at the figures measured when this set was scored, so that a regression fails; the scores and
the gap to the targets are in docs/honesty.md."""

from __future__ import annotations

from pathlib import Path

from tests.honesty_score import score

HELDOUT2 = Path(__file__).parent / "data" / "honesty_heldout2.yaml"


def test_second_heldout_corpus_score():
    s = score(HELDOUT2)
    print(s.report())
    assert s.total >= 220
    assert s.recall >= RECALL_FLOOR, s.report()
    assert s.precision >= PRECISION_FLOOR, s.report()


# Scored with the rules of the honesty14 merge, before any further change:
# recall 75.8 % (91/120), precision 91.0 % (91/100), 4 code mix-ups.
RECALL_FLOOR = 0.75
PRECISION_FLOOR = 0.90
