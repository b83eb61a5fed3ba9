"""Records: plain classes of named fields, with their methods written once.

A ``@dataclass`` writes the source of its ``__init__``, ``__eq__``, ``__hash__``,
``__repr__`` (and, frozen, ``__setattr__`` and ``__delattr__``) and compiles it at
every start: 0.3 to 1 ms a class, some 10 ms of a small plan's check for the
records the check makes. A record class writes its ``__init__`` out (compiled into
the module's bytecode like any other code, as fast per instance as a dataclass's)
and names its fields; :class:`Record` gives the rest, as a dataclass would:

- ``FIELDS``: the ``__init__`` arguments in order (repr, :meth:`replace`, pickling);
- ``COMPARED``: the fields equality and the hash look at (default: ``FIELDS``);
- ``FROZEN``: assigning a field raises :class:`dataclasses.FrozenInstanceError`
  (``__init__`` sets them with ``object.__setattr__``), and records hash by value;
  a record that is not frozen is unhashable, as a dataclass with ``eq=True``.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from operator import attrgetter
from typing import Any


class Record:
    __slots__ = ()
    FIELDS: tuple[str, ...] = ()
    COMPARED: tuple[str, ...] | None = None
    FROZEN = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        compared = cls.FIELDS if cls.COMPARED is None else cls.COMPARED
        get = attrgetter(*compared)
        # a tuple of the compared values, as a dataclass compares and hashes them
        cls._values = staticmethod(get if len(compared) > 1 else lambda record: (get(record),))
        cls._slots = tuple(name for c in cls.__mro__ for name in c.__dict__.get("__slots__", ())
                           if name not in ("__dict__", "__weakref__"))
        if cls.FROZEN:
            cls.__setattr__, cls.__delattr__ = _frozen_setattr, _frozen_delattr  # type: ignore[method-assign]
        else:
            cls.__hash__ = None  # type: ignore[assignment]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._values(self) == self._values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{f}={getattr(self, f)!r}' for f in self.FIELDS)})"

    def __reduce__(self) -> tuple:
        """Copies and pickles hold every attribute and are made without ``__init__``, as a
        dataclass's are."""
        state = {name: getattr(self, name) for name in self._slots if hasattr(self, name)}
        state.update(getattr(self, "__dict__", ()))
        return (_restore, (self.__class__, state))

    def replace(self, **changes: Any) -> Any:
        """A copy with some fields changed (``dataclasses.replace``)."""
        return self.__class__(**{f: changes.pop(f) if f in changes else getattr(self, f) for f in self.FIELDS},
                              **changes)


def _frozen_setattr(self: Record, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Record, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _restore(cls: type, state: dict[str, Any]) -> Record:
    record = object.__new__(cls)
    for name, value in state.items():
        object.__setattr__(record, name, value)
    return record
