"""Collect every fault of a value before raising, so callers see them all at once."""

from __future__ import annotations

from collections.abc import Callable

from fulian_core.errors import Fault, ValidationError, join_path


class Faults:
    """An accumulator of :class:`Fault` records with a path prefix."""

    __slots__ = ("_faults",)

    def __init__(self) -> None:
        self._faults: list[Fault] = []

    def add(self, path: str, expected: str, got: object) -> None:
        self._faults.append(Fault(path, expected, got))

    def check(self, ok: bool, path: str, expected: str, got: object) -> bool:
        if not ok:
            self.add(path, expected, got)
        return ok

    def absorb(self, prefix: str, error: ValidationError) -> None:
        self._faults.extend(fault.under(prefix) for fault in error.faults)

    def extend(self, faults: list[Fault]) -> None:
        self._faults.extend(faults)

    def first_expected(self) -> str:
        """What the first fault expected (for a refusal that reports one fault in its own words)."""
        return self._faults[0].expected

    def __bool__(self) -> bool:
        return bool(self._faults)

    def raise_if_any(self, error: Callable[[list[Fault]], ValidationError] = ValidationError) -> None:
        if self._faults:
            raise error(self._faults)


__all__ = ["Faults", "join_path"]
