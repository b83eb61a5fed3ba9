"""Read-only value records as plain slotted classes.

A dataclass is generated anew at every start (its methods are compiled from source
each time: some 0.6-0.9 ms a class), so the records a check makes at every run
(:class:`~smmplan.rules.Rule`, :class:`~smmplan.formulas.Formula`,
:class:`~smmplan.findings.Finding`) are slotted classes that fill their fields once
through :meth:`ReadOnly._fill` and refuse any change after.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any


class ReadOnly:
    """A slotted record whose fields (its ``__slots__``, in order) are set once by
    :meth:`_fill` and never changed: setting or deleting one raises AttributeError.
    Two records of the same class are equal, and hash alike, when the fields named in
    ``_compared`` (a class attribute: all of them unless a class says otherwise) are."""

    __slots__ = ()
    _compared: tuple[str, ...] = ()  # (empty: every field)

    def _fill(self, values: tuple) -> None:
        for key, value in zip(self.__slots__, values):
            object.__setattr__(self, key, value)

    def _fields(self) -> tuple:
        """The fields' values, in the order of ``__slots__``."""
        return tuple(object.__getattribute__(self, k) for k in self.__slots__)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # the compared fields' values as a tuple, `cls._compared_values(record)` (no method: no binding)
        cls._compared_values = attrgetter(*(cls._compared or cls.__slots__))

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = self._compared_values
        return values(self) == values(other)

    def __hash__(self) -> int:
        return hash(self._compared_values(self))

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot set {key!r}")

    def __delattr__(self, key: str) -> None:
        raise AttributeError(f"{type(self).__name__} is read-only: cannot delete {key!r}")
