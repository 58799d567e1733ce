"""The one place that builds the library's own values without checking them again: what it
builds equals, and passes the checks of, what the checked constructors build."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree
from fulian_core._unchecked import builder, evolve
from fulian_core.indicators import Coverage, Partial, UnitTotals
from fulian_core.indicators.rollup import _coverage_unchecked, _partial_unchecked
from fulian_core.indicators.scale import _unit_totals_unchecked
from fulian_core.quantities import MAX_VALUE, Quantity, Unit, _exact_unchecked

WHOLE = st.integers(0, 10**12)


@given(WHOLE, WHOLE, st.booleans())
def test_coverage(reported: int, expected: int, approved: bool) -> None:
    made = _coverage_unchecked(reported, expected, approved)
    assert made == Coverage(reported, expected, approved)
    assert str(made) == str(Coverage(reported, expected, approved))
    attrs.validate(made)


@given(
    st.decimals(0, MAX_VALUE - 1, places=2).map(Decimal),
    st.sampled_from([Unit.YUAN, Unit.HOUSEHOLD, Unit.SESSION]),
)
def test_exact_quantity(value: Decimal, unit: Unit) -> None:
    if not unit.is_money:
        value = value.to_integral_value()
    made = _exact_unchecked(value, unit)
    checked = Quantity(value, unit)
    assert (made, repr(made), made.render(), made.bounds, made.notation) == (
        checked,
        repr(checked),
        checked.render(),
        checked.bounds,
        checked.notation,
    )
    attrs.validate(made)


@given(WHOLE, WHOLE, WHOLE)
def test_unit_totals_and_partials(households: int, sessions: int, villages: int) -> None:
    args = ("371082", households, Decimal("12.50"), sessions, (("clean", households),), villages)
    assert _unit_totals_unchecked(*args) == UnitTotals(*args)
    total = Quantity(Decimal(households), Unit.HOUSEHOLD)
    partial = _partial_unchecked(Unit.HOUSEHOLD, total, 1, total, frozenset({"a"}), "households")
    assert partial == Partial(Unit.HOUSEHOLD, total, 1, total, frozenset({"a"}), "households")


def test_units_of_a_tree_are_the_checked_units() -> None:
    tree = OrgTree.from_division_codes({"370000000000": "山东省", "371000000000": "威海市", "371082000000": "荣成市"})
    (county,) = tree.units_at(Level.COUNTY)
    assert county == type(county)(county.code, county.name, county.level, county.parent, county.kind)


def test_fields_named_like_the_builders_own_names_and_classes_without_slots() -> None:
    @attrs.frozen(slots=False)
    class Loose:
        made: int
        cls: str

    @attrs.frozen
    class Tight:
        new: int
        _fc_made: int = attrs.field(alias="fc_made")

    assert builder(Loose)(1, "x") == Loose(1, "x")
    assert builder(Tight)(2, 3) == Tight(2, 3)


def test_evolve_is_attrs_evolve_without_the_checks() -> None:
    coverage = Coverage(3, 5)
    assert evolve(coverage, reported=5) == attrs.evolve(coverage, reported=5)
    # It does not check: what the callers promise is theirs to keep.
    assert evolve(coverage, reported=-1).reported == -1


def test_what_cannot_be_built_around_is_refused() -> None:
    @attrs.frozen(cache_hash=True)
    class Hashed:
        value: int

    with pytest.raises(TypeError, match="caches its hash"):
        builder(Hashed)
    with pytest.raises(TypeError, match="Coverage has no field 'reportd'"):
        evolve(Coverage(1, 2), reportd=5)
