"""Collect every fault of a value before raising, so callers see them all at once."""

from __future__ import annotations

from fulian_core.errors import MAX_FAULTS, Fault, ValidationError, join_path


class Faults:
    """An accumulator of :class:`Fault` records: it keeps the first :data:`MAX_FAULTS` and
    counts the rest, so a payload with a million bad parts costs a count, not a million faults."""

    __slots__ = ("_faults", "_more")

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._more = 0

    def add(self, path: str, expected: str, got: object, *, code: str = "", **params: object) -> None:
        """Record a fault; *code* and *params* as :class:`Fault` takes them (read from the
        wording of *expected* when not given)."""
        if len(self._faults) < MAX_FAULTS:
            self._faults.append(Fault(path, expected, got, code=code, params=params))
        else:
            self._more += 1

    def check(self, ok: bool, path: str, expected: str, got: object, *, code: str = "", **params: object) -> bool:
        if not ok:
            self.add(path, expected, got, code=code, **params)
        return ok

    def absorb(self, prefix: str, error: ValidationError) -> None:
        self.extend([fault.under(prefix) for fault in error.faults])
        self._more += error.more

    def extend(self, faults: list[Fault]) -> None:
        room = MAX_FAULTS - len(self._faults)
        self._faults.extend(faults[: max(room, 0)])
        self._more += max(len(faults) - max(room, 0), 0)

    def first_expected(self) -> str:
        """What the first fault expected (for a refusal that reports one fault in its own words)."""
        return self._faults[0].expected

    def __bool__(self) -> bool:
        return bool(self._faults)

    def raise_if_any(self, error: type[ValidationError] = ValidationError) -> None:
        if self._faults:
            raise error(self._faults, self._more)


__all__ = ["Faults", "join_path"]
