"""Shares of a total (占比) and ratios built from counts (比率).

Reports show composition with two decimals that add up to exactly 100.00. Shares come from
counts by the largest-remainder method, never by rounding each share alone:

>>> from fulian_core import percentage_shares
>>> percentage_shares([48, 76, 47])
(Decimal('28.07'), Decimal('44.44'), Decimal('27.49'))

A :class:`Ratio` keeps its numerator and denominator, so ratios over a region are computed from
summed counts, never by averaging the villages' percentages:

>>> from fulian_core import Ratio
>>> (Ratio(9, 10) + Ratio(1, 10)).percent()
Decimal('50.00')
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final, TypeVar

import attrs

from fulian_core._definitions import check_items, check_type
from fulian_core._faults import Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.errors import ValidationError

__all__ = ["Ratio", "labelled_percentage_shares", "largest_remainder", "percentage_shares"]

_K = TypeVar("_K")
_CONTEXT = decimal.Context(prec=60)


def _check_counts(counts: Sequence[int], path: str) -> None:
    faults = Faults()
    for index, count in enumerate(counts):
        faults.check(
            isinstance(count, int) and not isinstance(count, bool) and count >= 0,
            f"{path}[{index}]",
            "a whole count >= 0",
            count,
        )
    faults.raise_if_any()
    if sum(counts) == 0:
        raise ValidationError.single(path, "counts with a positive total", list(counts))


@_exact
def largest_remainder(counts: Sequence[int], *, total: Decimal | int = 100, places: int = 2) -> tuple[Decimal, ...]:
    """Split *total* in proportion to *counts*, rounded to *places* decimals, summing exactly.

    Each share is first rounded down; the units of the last place still missing go to the
    largest remainders, ties to the earlier count (最大余额法). Every share is within one unit of
    the last place of its exact value.
    """
    counts = list(check_items(counts, object, "counts", "a list of whole counts"))  # type: ignore[arg-type]
    counts = list(counts)
    _check_counts(counts, "counts")
    if not isinstance(places, int) or isinstance(places, bool) or not 0 <= places <= 10:
        raise ValidationError.single("places", "a whole number of decimals from 0 to 10", places)
    check_type(total, (int, Decimal), "total", "a positive finite number")
    whole = Decimal(total)
    if not whole.is_finite() or whole <= 0:
        raise ValidationError.single("total", "a positive finite number", total)
    step = Decimal(1).scaleb(-places)
    if whole.quantize(step, context=_CONTEXT) != whole:
        raise ValidationError.single("total", f"a number with at most {places} decimals", total)
    grand = sum(counts)
    exact = [_CONTEXT.divide(whole * count, grand) for count in counts]
    floors = [value.quantize(step, rounding=decimal.ROUND_FLOOR, context=_CONTEXT) for value in exact]
    missing = int(_CONTEXT.divide(whole - sum(floors), step))
    order = sorted(range(len(counts)), key=lambda index: (-(exact[index] - floors[index]), index))
    for index in order[:missing]:
        floors[index] += step
    return tuple(floors)


@_exact
def percentage_shares(counts: Sequence[int], *, places: int = 2) -> tuple[Decimal, ...]:
    """Percentage shares of *counts* with *places* decimals, adding up to exactly 100."""
    return largest_remainder(counts, total=100, places=places)


@_exact
def labelled_percentage_shares(counts: Mapping[_K, int], *, places: int = 2) -> dict[_K, Decimal]:
    """Percentage shares of labelled counts (``{"妇女工作者": 48, ...}``), keeping the labels."""
    check_type(counts, Mapping, "counts", "a mapping of labels to whole counts")
    labels = list(counts)
    shares = percentage_shares([counts[label] for label in labels], places=places)
    return dict(zip(labels, shares, strict=True))


_QUOTIENT: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)


@_exact_methods
@attrs.frozen
class Ratio:
    """A ratio kept as its counts (比率): numerator over denominator.

    Ratios add by summing numerators and denominators, which is how coverage and rates
    aggregate over units; the percentage is computed only when asked.
    """

    numerator: int
    denominator: int

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for name in ("numerator", "denominator"):
            value = getattr(self, name)
            faults.check(
                isinstance(value, int) and not isinstance(value, bool) and value >= 0,
                name,
                "a whole count >= 0",
                value,
            )
        faults.raise_if_any()

    def __add__(self, other: Ratio) -> Ratio:
        if not isinstance(other, Ratio):
            return NotImplemented
        return Ratio(self.numerator + other.numerator, self.denominator + other.denominator)

    @property
    def is_defined(self) -> bool:
        """Whether the denominator is positive, so the ratio has a value."""
        return self.denominator > 0

    def value(self) -> Decimal:
        """The exact quotient (to 28 significant digits)."""
        if not self.is_defined:
            raise ValidationError.single("denominator", "a positive count", self.denominator)
        return _QUOTIENT.divide(Decimal(self.numerator), Decimal(self.denominator))

    def percent(self, places: int = 2) -> Decimal:
        """The ratio as a percentage rounded half up to *places* decimals (``90.00``)."""
        step = Decimal(1).scaleb(-places)
        if not self.is_defined:
            raise ValidationError.single("denominator", "a positive count", self.denominator)
        exact = Decimal(self.numerator * 100) / Decimal(self.denominator)  # in the wide context: 60 digits
        return exact.quantize(step, rounding=decimal.ROUND_HALF_UP)
