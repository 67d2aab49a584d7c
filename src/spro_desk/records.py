"""Value classes for the way to the window's first paint, without `dataclasses`.

`@dataclass` writes and compiles each class's methods as its module is imported: ~4 M
instructions a class, ~4 M more for `dataclasses` itself, some 2 % of a start of ~1,000 M
(bench/start_instructions.py). The few classes a locked desk's first paint needs take these:
equality, representation and (frozen) hash and immutability from their fields, as a
dataclass's would be.
"""

from __future__ import annotations

from typing import Any, ClassVar


class Record:
    """Fields named by `_fields`, compared and shown in that order; unhashable, as mutable."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{self.__class__.__qualname__}({shown})"


class FrozenRecord(Record):
    """A record whose fields are set once, by `_set` in `__init__`; hashable by its values."""

    __slots__ = ()

    def _set(self, **values: Any) -> None:
        for name, value in values.items():
            object.__setattr__(self, name, value)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]  # hashable again, as frozen
        return hash(self._values())
