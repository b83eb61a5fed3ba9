"""Settings for a run: what the command line and config files decide.

Discovery of `[tool.smmplan]` in pyproject.toml and `.smmplan.yaml` lives
here too; the engine only ever sees a :class:`Settings`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from smmplan.loader import DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    formula: str | dict | None = None  # default when a plan names none
    tolerance: float | None = None  # default when a plan names none
    banned_phrases: tuple[str, ...] = ()
    allowed_phrases: tuple[str, ...] = ()
    custom_metrics: dict[str, str] = field(default_factory=dict)  # metric -> goal kind
    exclude: tuple[str, ...] = ()
    as_of: dt.date | None = None
    due_days: int = 3
    max_file_size: int = DEFAULT_MAX_BYTES

    def enabled(self, code: str) -> bool:
        """ruff-style selection: the longest matching prefix decides."""
        best_sel = max((len(p) for p in (*self.select, *self.extend_select) if code.startswith(p)), default=-1)
        if not self.select and best_sel < 0:
            best_sel = 0  # everything is selected by default
        best_ign = max((len(p) for p in self.ignore if code.startswith(p)), default=-1)
        return best_sel >= 0 and best_sel > best_ign

    def today(self) -> dt.date:
        return self.as_of or dt.date.today()

    def merged(self, **changes) -> "Settings":
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
