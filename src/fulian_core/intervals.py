"""Exact intervals of rational numbers (取值区间): what a rounded or qualified figure allows.

The values a reported figure may take, with ends that may be open, unbounded, negative (a change
in percentage points) or not decimals at all (a count over a rounded share), in exact fractions:

>>> from fractions import Fraction
>>> from fulian_core import Interval
>>> str(Interval.point(55) / Interval(Fraction("0.6785"), Fraction("0.6795"), high_open=True))
'(110000/1359, 110000/1357]'
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core._numbers import fraction_text as _fraction_text
from fulian_core.errors import ValidationError
from fulian_core.quantities import Quantity

__all__ = ["Interval"]

_MAX_MAGNITUDE: Final = Decimal(10**27)


def _check_end(value: object, path: str, faults: Faults) -> None:
    faults.check(
        value is None or (isinstance(value, Fraction) and abs(value) < 10**30),
        path,
        "a Fraction (or None for no bound)",
        value,
    )


@attrs.frozen
class Interval:
    """An exact interval of rational numbers (取值区间): what a rounded or qualified figure allows.

    ``low``/``high`` are :class:`~fractions.Fraction` values, ``None`` for no bound;
    ``low_open``/``high_open`` say whether an end is excluded (an unbounded end is always open).
    Unlike :class:`~fulian_core.quantities.Bounds` (a count's decimal bounds, never negative), its
    ends may be negative (a change in percentage points) and need not be decimals (``55/0.679``).
    """

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        _check_end(self.low, "low", faults)
        _check_end(self.high, "high", faults)
        for name in ("low_open", "high_open"):
            faults.check(isinstance(getattr(self, name), bool), name, "a bool", getattr(self, name))
        if not faults and self.low is not None and self.high is not None:
            empty = self.high < self.low or (self.high == self.low and (self.low_open or self.high_open))
            faults.check(not empty, "high", f"a bound above low ({_fraction_text(self.low)})", self.high)
        faults.raise_if_any()
        if self.low is None and not self.low_open:
            object.__setattr__(self, "low_open", True)
        if self.high is None and not self.high_open:
            object.__setattr__(self, "high_open", True)

    @classmethod
    def point(cls, value: int | Fraction | Decimal) -> Interval:
        """The interval holding one exact value."""
        number = _fraction(value, "value")
        return cls(number, number)

    @classmethod
    def of(cls, figure: Quantity | int) -> Interval:
        """What a reported count allows: its :class:`~fulian_core.quantities.Bounds` (``200余户``
        is ``(200, ∞)``, ``613户`` is ``[613, 613]``), or a whole number as itself."""
        if isinstance(figure, int) and not isinstance(figure, bool):
            return cls.point(figure)
        if not isinstance(figure, Quantity):
            raise ValidationError.single("figure", "a Quantity or a whole number", type(figure).__name__)
        bounds = figure.bounds
        high = None if bounds.high is None else Fraction(bounds.high)
        return cls(Fraction(bounds.low), high, bounds.low_open, bounds.high_open)

    def contains(self, value: int | Fraction | Decimal) -> bool:
        """Whether *value* lies in the interval."""
        number = _fraction(value, "value")
        above = self.low is None or number > self.low or (number == self.low and not self.low_open)
        below = self.high is None or number < self.high or (number == self.high and not self.high_open)
        return above and below

    def intersection(self, other: Interval) -> Interval | None:
        """The values both intervals allow, or ``None`` when they share none."""
        check_type(other, Interval, "other")
        low, low_open = _tighter(self.low, self.low_open, other.low, other.low_open, lower=True)
        high, high_open = _tighter(self.high, self.high_open, other.high, other.high_open, lower=False)
        if low is not None and high is not None and (high < low or (high == low and (low_open or high_open))):
            return None
        return Interval(low, high, low_open, high_open)

    @property
    def is_point(self) -> bool:
        """Whether the interval holds exactly one value."""
        return self.low is not None and self.low == self.high

    @property
    def is_unbounded(self) -> bool:
        """Whether the interval has no bound on either side (nothing can be checked against it)."""
        return self.high is None and (self.low is None or self.low == 0)

    def __add__(self, other: Interval) -> Interval:
        if not isinstance(other, Interval):
            return NotImplemented
        low = None if self.low is None or other.low is None else self.low + other.low
        high = None if self.high is None or other.high is None else self.high + other.high
        return Interval(low, high, self.low_open or other.low_open, self.high_open or other.high_open)

    def __neg__(self) -> Interval:
        low = None if self.high is None else -self.high
        high = None if self.low is None else -self.low
        return Interval(low, high, self.high_open, self.low_open)

    def __sub__(self, other: Interval) -> Interval:
        if not isinstance(other, Interval):
            return NotImplemented
        return self + (-other)

    def __mul__(self, other: Interval) -> Interval:
        """The product of two intervals of values >= 0 (a rate times a base)."""
        if not isinstance(other, Interval):
            return NotImplemented
        _check_non_negative(self, "left")
        _check_non_negative(other, "right")
        low, low_open = _times(self.low, self.low_open, other.low, other.low_open)
        if self.high is None or other.high is None:
            zero = (self.high == 0 and not self.high_open) or (other.high == 0 and not other.high_open)
            high, high_open = (Fraction(0), False) if zero else (None, True)
        else:
            high, high_open = _times(self.high, self.high_open, other.high, other.high_open)
        return Interval(low, high, low_open, high_open)

    def __truediv__(self, other: Interval) -> Interval:
        """The quotient of two intervals of values >= 0 (a count over a share); unbounded above
        when the divisor may be 0 (nothing bounds the whole of 0 households at 0%)."""
        if not isinstance(other, Interval):
            return NotImplemented
        _check_non_negative(self, "left")
        _check_non_negative(other, "right")
        assert self.low is not None  # noqa: S101 - checked non-negative
        assert other.low is not None  # noqa: S101 - checked non-negative
        if other.high == 0:
            return Interval(Fraction(0), None)  # a divisor of exactly 0: nothing is known
        if self.low == 0 and not self.low_open:
            low, low_open = Fraction(0), False
        elif other.high is None:
            low, low_open = Fraction(0), True
        else:
            low, low_open = self.low / other.high, self.low_open or other.high_open
        if self.high is None or other.low == 0:
            high, high_open = None, True  # a divisor near 0 (a count of 0 at 0%): no upper bound
        elif self.high == 0 and not self.high_open:
            high, high_open = Fraction(0), False
        else:
            high, high_open = self.high / other.low, self.high_open or other.low_open
        return Interval(low, high, low_open, high_open)

    def render(self, places: int = 2) -> str:
        """Interval notation with decimals rounded outward to *places* (so the written interval
        still holds every value): ``(201008.84, 203254.75]``."""
        check_type(places, int, "places")
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        low = "-∞" if self.low is None else _decimal_text(self.low, places, up=False)
        high = "∞" if self.high is None else _decimal_text(self.high, places, up=True)
        return f"{left}{low}, {high}{right}"

    def __str__(self) -> str:
        """Exact interval notation: ``[12.45, 12.55)``, ``(22000/271, 11000/1357]``."""
        left = "(" if self.low_open else "["
        right = ")" if self.high_open else "]"
        low = "-∞" if self.low is None else _fraction_text(self.low)
        high = "∞" if self.high is None else _fraction_text(self.high)
        return f"{left}{low}, {high}{right}"


def _fraction(value: object, path: str) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, (int, Fraction, Decimal)):
        raise ValidationError.single(path, "an int, a Fraction or a Decimal (never a float)", type(value).__name__)
    if isinstance(value, Decimal):
        if not value.is_finite() or abs(value) >= _MAX_MAGNITUDE:
            raise ValidationError.single(path, "a finite Decimal", str(value))
        return Fraction(value)
    return Fraction(value)


def _tighter(
    first: Fraction | None, first_open: bool, second: Fraction | None, second_open: bool, *, lower: bool
) -> tuple[Fraction | None, bool]:
    if first is None:
        return second, second_open
    if second is None or first == second:
        return first, first_open or (second_open and first == second)
    if (first > second) == lower:
        return first, first_open
    return second, second_open


def _times(
    first: Fraction | None, first_open: bool, second: Fraction | None, second_open: bool
) -> tuple[Fraction, bool]:
    assert first is not None  # noqa: S101 - callers pass bounded ends
    assert second is not None  # noqa: S101 - callers pass bounded ends
    if (first == 0 and not first_open) or (second == 0 and not second_open):
        return Fraction(0), False
    return first * second, first_open or second_open


def _check_non_negative(interval: Interval, path: str) -> None:
    if interval.low is None or interval.low < 0:
        raise ValidationError.single(path, "an interval of values >= 0", str(interval))


def _decimal_text(value: Fraction, places: int, *, up: bool) -> str:
    scale = 10**places
    scaled = value * scale
    whole = -((-scaled.numerator) // scaled.denominator) if up else scaled.numerator // scaled.denominator
    number = Decimal(whole).scaleb(-places)
    text = format(number, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
