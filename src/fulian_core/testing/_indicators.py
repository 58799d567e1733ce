"""Strategies for :mod:`fulian_core.indicators`."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import strategies as st

from fulian_core.indicators import HouseholdRecord, HouseholdTally, Partial, tally
from fulian_core.quantities import Qualifier, Unit
from fulian_core.testing._strategies import quantities

__all__ = ["household_records", "household_tallies", "partial_aggregates"]

_VILLAGES = ["371082103201", "371082103202", "371082104201", "371082104202", "371083101201"]


@st.composite
def partial_aggregates(
    draw: st.DrawFn,
    *,
    unit: Unit = Unit.SESSION,
    max_units: int = 4,
    units: st.SearchStrategy[str] | None = None,
) -> Partial:
    """Partial aggregates of a few units' values (qualifiers included), in *unit*, reported by
    units drawn from *units* (by default five village codes; give disjoint strategies for
    partials that are to be merged, since a unit counts once)."""
    result = Partial.empty(unit)
    codes = draw(st.lists(units if units is not None else st.sampled_from(_VILLAGES), max_size=max_units, unique=True))
    for code in codes:
        value = draw(quantities(units=st.just(unit), qualifiers=st.sampled_from(list(Qualifier)), max_value=100_000))
        result = result.merge(Partial.of(code, value))
    return result


def household_records(*, villages: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[HouseholdRecord]:
    """Household records in generated villages."""
    return st.builds(
        HouseholdRecord,
        household=st.from_regex(r"h-[0-9]{1,6}", fullmatch=True),
        village=villages if villages is not None else st.sampled_from(_VILLAGES),
        tier=st.sampled_from(["boutique", "demonstration", "clean", "none"]),
        money=st.decimals(0, 10_000, places=2).map(Decimal),
        sessions=st.integers(0, 50),
    )


def household_tallies(*, max_records: int = 20) -> st.SearchStrategy[HouseholdTally]:
    """Tallies of a few generated household records."""
    return st.lists(household_records(), max_size=max_records).map(tally)
