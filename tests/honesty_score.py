"""Scoring the honesty rules on a labelled corpus (used by the dev and held-out
tests): banned-vs-ok recall and precision, code mix-ups counted apart, and a
printed line for every miss with the roles that matched."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from smmplan.rules import honesty


@dataclass
class Score:
    name: str
    total: int = 0
    tp: int = 0  # banned, flagged
    fn: int = 0  # banned, not flagged
    fp: int = 0  # ok, flagged
    tn: int = 0
    mixups: int = 0  # banned, flagged, but (also) with another code
    misses: list[str] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    def report(self) -> str:
        lines = [f"{self.name}: {self.total} phrases; recall {self.recall:.1%} ({self.tp}/{self.tp + self.fn}), "
                 f"precision {self.precision:.1%} ({self.tp}/{self.tp + self.fp}); "
                 f"{self.mixups} code mix-ups among the flagged banned phrases"]
        lines += ["  miss  " + m for m in self.misses]
        lines += ["  mixup " + m for m in self.mixed]
        return "\n".join(lines)


def score(path: Path) -> Score:
    codes = {c.id: c.code for c in honesty.lexicon().categories.values()}
    phrases = yaml.safe_load(path.read_text(encoding="utf-8"))["phrases"]
    out = Score(path.name, len(phrases))
    for p in phrases:
        hits = honesty.detect(p["text"])
        got = sorted({codes.get(h.category, "BAN007") for h in hits}) or ["ok"]
        roles = [" + ".join(f"{r}: {w}" for r, w in h.roles) for h in hits]
        line = f"expected {p['expect']:6} got {','.join(got):14} {p['text']!r}  roles {roles}"
        if p["expect"] == "ok":
            if got == ["ok"]:
                out.tn += 1
            else:
                out.fp += 1
                out.misses.append(line)
        elif got == ["ok"]:
            out.fn += 1
            out.misses.append(line)
        else:
            out.tp += 1
            if got != [p["expect"]]:
                out.mixups += 1
                out.mixed.append(line)
    return out


def assert_scores(path: Path, least: int, recall: float, precision: float) -> None:
    """A held-out set's score, printed whole (every miss, `-s` to see it), held to its floors."""
    s = score(path)
    print(s.report())
    assert s.total >= least
    assert s.recall >= recall, s.report()
    assert s.precision >= precision, s.report()
