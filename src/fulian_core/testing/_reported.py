"""Strategies for :mod:`fulian_core.reported`: reported percentages and exact intervals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from fulian_core.intervals import Interval
from fulian_core.quantities import Qualifier
from fulian_core.reported import Percentage, PercentUnit

__all__ = ["intervals", "percentages"]

_QUALIFIERS = [qualifier for qualifier in Qualifier if qualifier not in (Qualifier.UNKNOWN, Qualifier.BETWEEN)]


@st.composite
def percentages(
    draw: st.DrawFn,
    *,
    units: st.SearchStrategy[PercentUnit] | None = None,
    qualifiers: st.SearchStrategy[Qualifier] | None = None,
    places: st.SearchStrategy[int] | None = None,
) -> Percentage:
    """Percentages as reports write them: 0 to 3 decimals (or whole 成, tenths), every qualifier
    but a blank; a percentage from 0 to 100, a change in points from -100 to 100."""
    unit = draw(units if units is not None else st.sampled_from(list(PercentUnit)))
    qualifier = draw(qualifiers if qualifiers is not None else st.sampled_from(_QUALIFIERS))
    written = draw(places if places is not None else st.integers(-1, 3))
    step = Decimal(1).scaleb(-written)
    top = 100 * 10**written if written >= 0 else 10
    low = 0 if unit is PercentUnit.PERCENT else -top
    value = Decimal(draw(st.integers(low, top))) * step
    if qualifier in (Qualifier.NEARLY, Qualifier.LESS_THAN) and value == 0:
        value = step
    return Percentage(value, step, qualifier, unit)


@st.composite
def intervals(draw: st.DrawFn, *, bounded: bool = False, non_negative: bool = False) -> Interval:
    """Exact intervals of fractions, open or closed at either end, unbounded on a side unless
    *bounded*, never below 0 with *non_negative*."""
    numbers = st.builds(
        Fraction, st.integers(0 if non_negative else -10_000_000, 10_000_000), st.sampled_from([1, 2, 3, 7, 100, 1_000])
    )
    first, second = sorted((draw(numbers), draw(numbers)))
    low: Fraction | None = first
    high: Fraction | None = second
    if not bounded and draw(st.booleans()):
        high = None
    if not bounded and not non_negative and draw(st.booleans()):
        low = None
    low_open = draw(st.booleans()) and first != second
    high_open = draw(st.booleans()) and first != second
    return Interval(low, high, low_open, high_open)
