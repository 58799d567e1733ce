"""The laws fulian_core's values obey, as assertions a downstream suite can reuse (定律).

Each function raises ``AssertionError`` with a message when the law fails.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

from fulian_core.calendars import WorkingDayCalendar
from fulian_core.periods import Period, PeriodKind
from fulian_core.quantities import Quantity
from fulian_core.serialization import structure, unstructure
from fulian_core.shares import percentage_shares

__all__ = [
    "assert_addition_associative",
    "assert_addition_commutative",
    "assert_round_trip",
    "assert_shares_exact",
    "assert_subdivision_tiles",
    "assert_working_days_consistent",
]

_T = TypeVar("_T")


def _fail(message: str) -> None:
    raise AssertionError(message)


def assert_round_trip(value: _T, cls: type[_T]) -> None:
    """Plain data and back gives an equal value and the same plain data."""
    data = unstructure(value)
    again = structure(data, cls)
    if again != value:
        _fail(f"round trip changed the value: {value!r} became {again!r}")
    if unstructure(again) != data:
        _fail(f"round trip changed the plain data of {value!r}")


def assert_addition_associative(first: Quantity, second: Quantity, third: Quantity) -> None:
    """(a + b) + c == a + (b + c), value, qualifier and bounds alike."""
    left = (first + second) + third
    right = first + (second + third)
    if left != right:
        _fail(f"({first} + {second}) + {third} = {left!r} but {first} + ({second} + {third}) = {right!r}")


def assert_addition_commutative(first: Quantity, second: Quantity) -> None:
    """a + b == b + a."""
    if first + second != second + first:
        _fail(f"{first} + {second} differs from {second} + {first}")


def assert_shares_exact(counts: Sequence[int], *, places: int = 2) -> None:
    """Shares add up to exactly 100 and each lies within one unit of the last place of its exact value."""
    shares = percentage_shares(counts, places=places)
    if sum(shares) != 100:
        _fail(f"shares of {list(counts)} add up to {sum(shares)}, not 100")
    step = Decimal(1).scaleb(-places)
    total = sum(counts)
    for count, share in zip(counts, shares, strict=True):
        exact = Decimal(count) * 100 / Decimal(total)
        if abs(share - exact) >= step:
            _fail(f"share {share} of {count}/{total} is not within {step} of {exact}")


def assert_subdivision_tiles(period: Period, kind: PeriodKind) -> None:
    """The subdivisions of a period cover it day for day, without gap or overlap, in order."""
    parts = period.subdivide(kind)
    if not parts or parts[0].start != period.start or parts[-1].end != period.end:
        _fail(f"{period.code} split into {kind.code} does not start and end with it")
    for before, after in itertools.pairwise(parts):
        if after.start != before.end + dt.timedelta(days=1):
            _fail(f"gap or overlap between {before.code} and {after.code}")
    if sum(part.days for part in parts) != period.days:
        _fail(f"the parts of {period.code} do not add up to its {period.days} days")


def assert_working_days_consistent(calendar: WorkingDayCalendar, day: dt.date, count: int) -> None:
    """Adding *count* working days lands on a working day *count* working days away.

    Forwards, ``count_working_days(day, landed) == count``; backwards, the working days from
    ``landed`` up to the day before *day* number ``-count``.
    """
    landed = calendar.add_working_days(day, count)
    if count == 0:
        if landed != day:
            _fail(f"adding 0 working days to {day} moved it to {landed}")
        return
    if not calendar.is_working_day(landed):
        _fail(f"{day} + {count} working days landed on a day off, {landed}")
    if count > 0:
        counted = calendar.count_working_days(day, landed)
    else:
        span = Period.between(landed, day - dt.timedelta(days=1))
        counted = -sum(1 for current in span.dates() if calendar.is_working_day(current))
    if counted != count:
        _fail(f"{day} + {count} working days = {landed}, but counting finds {counted}")
