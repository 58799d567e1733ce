"""The exceptions of fulian_core (错误), all rooted in :class:`FulianError`.

Every validation fault names *where* (a field path such as ``households[3].code``), *what was
expected* and *what came*, in one grammar::

    households[3].code: expected 12 digits, got '3710'

A :class:`ValidationError` carries every fault found at once (:attr:`ValidationError.faults`),
not only the first.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

__all__ = [
    "MAX_FAULTS",
    "CalendarRangeError",
    "DefinitionError",
    "Fault",
    "FulianError",
    "HierarchyError",
    "InsufficientCreditError",
    "TransitionRefused",
    "UnitMismatchError",
    "UnknownCommandError",
    "UnknownUnitError",
    "ValidationError",
    "join_path",
]

_MAX_GOT = 60
MAX_FAULTS = 100
"""The most faults an error keeps and shows; it counts the rest (``… and 99,900 more faults``),
so a hostile payload with a million bad elements is refused as fast as it is read."""


_MAX_DIGITS = 60


def _show(value: object) -> str:
    """A short, safe rendering of a bad value: never raises, never shows an ID or a mobile."""
    from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_DIGITS * 3.33:
        return f"<an integer of about {int(value.bit_length() * 0.30103)} digits>"
    try:
        text = redact_text(repr(value))
    except Exception:  # a value whose repr fails (too deep, too big) must not break error reporting
        text = f"<a {type(value).__name__} that cannot be shown>"
    if len(text) > _MAX_GOT:
        text = text[: _MAX_GOT - 3] + "..."
    return text


@attrs.frozen
class Fault:
    """One fault found in a value (错误项): where, what was expected, what came."""

    path: str
    expected: str
    got: object = attrs.field(default=None, eq=False, repr=False)

    @property
    def got_text(self) -> str:
        """What came, as the message shows it: short, never failing, IDs and mobiles masked."""
        return _show(self.got)

    def under(self, prefix: str) -> Fault:
        """The same fault seen from an enclosing value whose field *prefix* holds it."""
        return Fault(join_path(prefix, self.path), self.expected, self.got)

    def __str__(self) -> str:
        from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

        where = f"{self.path}: " if self.path else ""
        # The path and the expectation may quote a value that came in (a key, a bound): mask
        # IDs and mobiles there too.
        return redact_text(f"{where}expected {self.expected}, got {self.got_text}")


def join_path(prefix: str, path: str) -> str:
    """Join two field paths: ``join_path("units[3]", "code") == "units[3].code"``."""
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class FulianError(Exception):
    """The root of every error fulian_core raises (库错误)."""


class ValidationError(FulianError, ValueError):
    """A value or payload was not valid (校验错误); carries every :class:`Fault` found."""

    faults: tuple[Fault, ...]
    more: int
    """How many further faults were found beyond the first :data:`MAX_FAULTS` (not kept)."""

    def __init__(self, faults: Sequence[Fault], more: int = 0) -> None:
        if not faults:
            raise ValueError("a ValidationError needs at least one fault")
        kept = tuple(faults[:MAX_FAULTS])
        self.faults = kept
        self.more = more + len(faults) - len(kept)
        super().__init__()

    def __str__(self) -> str:
        lines = [str(fault) for fault in self.faults]
        if self.more:
            lines.append(f"… and {self.more:,} more faults")
        return "\n".join(lines)

    @classmethod
    def single(cls, path: str, expected: str, got: object) -> ValidationError:
        """An error with one fault."""
        return cls([Fault(path, expected, got)])

    @property
    def path(self) -> str:
        """The path of the first fault."""
        return self.faults[0].path

    @property
    def expected(self) -> str:
        """What the first fault expected."""
        return self.faults[0].expected

    @property
    def got(self) -> object:
        """What the first fault got."""
        return self.faults[0].got

    def under(self, prefix: str) -> ValidationError:
        """The same error, every path prefixed by *prefix* (same class)."""
        return type(self)([fault.under(prefix) for fault in self.faults], self.more)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.faults, self.more))


class DefinitionError(ValidationError):
    """A definition (hierarchy, calendar, schedule, later rubrics and criteria) is inconsistent
    (定义错误)."""


class HierarchyError(DefinitionError):
    """The organisation tree is inconsistent: duplicate codes, cycles, a second parent, a parent
    at the same or a lower level, a missing parent (组织层级错误)."""


class UnitMismatchError(FulianError, ValueError):
    """Two figures with different units were combined (单位不一致), e.g. 户 + 人次."""

    def __init__(self, operation: str, left: str, right: str) -> None:
        self.operation = operation
        self.left = left
        self.right = right
        super().__init__(f"{operation}: expected the same unit on both sides, got {left} and {right}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.operation, self.left, self.right))


class UnknownUnitError(FulianError, LookupError):
    """An organisation code that the hierarchy does not hold (未知单位)."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(f"code: expected a unit of this hierarchy, got {code!r}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.code,))


class CalendarRangeError(FulianError, ValueError):
    """A working-day calendar was asked about a date outside the years it covers (日历范围外)."""

    def __init__(self, day: object, covered: Iterable[int]) -> None:
        self.day = day
        self.covered = tuple(sorted(covered))
        span = ", ".join(str(year) for year in self.covered) or "no year"
        super().__init__(f"date: expected a day in a covered year ({span}), got {day!s}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.day, self.covered))


class InsufficientCreditError(FulianError, ValueError):
    """A spend above the balance of a points account (积分不足); the account is unchanged."""

    def __init__(self, holder: str, wanted: int, balance: int) -> None:
        self.holder = holder
        self.wanted = wanted
        self.balance = balance
        super().__init__(f"points: expected at most the balance of {holder} ({balance}), got {wanted}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.holder, self.wanted, self.balance))


class TransitionRefused(FulianError):  # noqa: N818 - STYLE.md's name: a refusal, not a fault
    """A workflow refused a command (操作被拒绝): it names the command, the subject, the state
    the subject was in and the guard that refused; nothing was changed.

    ``guard`` is ``"state"`` when no transition of the current state accepts the command;
    otherwise the name of the guard (``"quota"``, ``"recusal"``, ``"dossier"`` …).
    """

    def __init__(self, command: str, subject: str, state: str, guard: str, detail: str) -> None:
        self.command = command
        self.subject = subject
        self.state = state
        self.guard = guard
        self.detail = detail
        where = f"{command} {subject}" if subject else command
        super().__init__(f"{where} [{state}]: refused by guard '{guard}': {detail}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.command, self.subject, self.state, self.guard, self.detail))


class UnknownCommandError(FulianError, LookupError):
    """A command that the workflow does not declare at all (未知操作), as opposed to one that
    the current state does not accept (:class:`TransitionRefused`)."""

    def __init__(self, workflow: str, command: str, known: Iterable[str]) -> None:
        self.workflow = workflow
        self.command = command
        self.known = tuple(known)
        super().__init__(
            f"command: expected a command of the {workflow} workflow ({', '.join(self.known)}), got {command!r}"
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.workflow, self.command, self.known))
