"""The import vocabulary (`smmplan/data/sheet_headers.yaml`), read once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib.resources import files

import yaml

_BRACKETS = re.compile(r"[(\[{][^)\]}]*[)\]}]")
_NON_WORD = re.compile(r"[^\w]+|_")


def normalise(header: str) -> str:
    """`Publish Time (HH:MM AM/PM)` -> `publish time`; `Hook/Title` -> `hook title`; ё -> е."""
    text = _BRACKETS.sub(" ", str(header).lower().replace("ё", "е"))
    return " ".join(_NON_WORD.sub(" ", text).split())


@dataclass(frozen=True)
class Vocabulary:
    fields: dict[str, tuple[str, ...]]  # field -> normalised headers, best first
    yes: frozenset[str]
    no: frozenset[str]
    months: dict[str, int]  # word -> month number

    def field_of(self, header: str) -> tuple[str, int] | None:
        """(field, rank) a header fills, rank 0 being the field's first header; None if unknown."""
        found = self.fields_of(header)
        return found[0] if found else None

    def fields_of(self, header: str) -> list[tuple[str, int]]:
        """Every (field, rank) that lists the header, in the vocabulary's order of fields."""
        key = normalise(header)
        return [(name, headers.index(key)) for name, headers in self.fields.items() if key in headers]

    def channel(self, word: str) -> str:
        """The plan's name for a channel as a sheet writes it (`ВКонтакте` -> `vk`, through the networks
        catalogue); a channel it does not know lower-cased (`Google Business` -> `google_business`)."""
        from smmplan import networks

        key = normalise(word)
        return networks.canonical(word) or (key.replace(" ", "_") if key else word.strip())


@functools.lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    raw = yaml.safe_load(files("smmplan").joinpath("data/sheet_headers.yaml").read_text(encoding="utf-8"))
    fields = {name: tuple(normalise(h) for h in headers) for name, headers in raw["fields"].items()}
    months = {str(w).lower().replace("ё", "е"): int(n) for n, words in raw["months"].items() for w in words}
    return Vocabulary(fields, frozenset(str(w).lower() for w in raw["yes_words"]),
                      frozenset(str(w).lower() for w in raw["no_words"]), months)
