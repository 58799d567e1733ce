"""Mergeable aggregates: the merge laws, level-by-level rollup, pickling, and Dask."""

from __future__ import annotations

import pickle
import random
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree, Period, Quantity
from fulian_core.courtyard.catalog import TIER_CODES
from fulian_core.errors import UnknownUnitError, ValidationError
from fulian_core.indicators import (
    Dataset,
    DataValue,
    HouseholdRecord,
    HouseholdTally,
    Partial,
    partials,
    rollup,
    rollup_ratio,
    tally,
)
from fulian_core.quantities import Unit
from fulian_core.testing import household_records, household_tallies, partial_aggregates, quantities
from tests.indicators.conftest import CODES, YEAR, make_indicators

TREE = OrgTree.from_division_codes(CODES)
VILLAGES = [code for code in CODES if len(code) == 12]
TOWNSHIPS = [code for code in CODES if len(code) == 9]


def _in(prefix: str) -> st.SearchStrategy[str]:
    return st.from_regex(rf"{prefix}[0-9]{{3}}", fullmatch=True)


@given(
    partial_aggregates(units=_in("371082103")),
    partial_aggregates(units=_in("371082104")),
    partial_aggregates(units=_in("371082105")),
)
def test_partial_merge_laws(a: Partial, b: Partial, c: Partial) -> None:
    empty = Partial.empty(Unit.SESSION)
    assert a.merge(empty) == a == empty.merge(a)
    assert a.merge(b) == b.merge(a)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))
    assert pickle.loads(pickle.dumps(a)) == a  # noqa: S301 - our own object


@given(household_tallies(), household_tallies(), household_tallies())
def test_tally_merge_laws(a: HouseholdTally, b: HouseholdTally, c: HouseholdTally) -> None:
    assert a.merge(HouseholdTally()) == a
    assert a.merge(b) == b.merge(a)
    assert a.merge(b).merge(c) == a.merge(b.merge(c))
    assert pickle.loads(pickle.dumps(a)) == a  # noqa: S301 - our own object
    assert a.__eq__(3) is NotImplemented


village_values = st.lists(
    st.tuples(st.sampled_from(VILLAGES), quantities(units=st.just(Unit.HOUSEHOLD), max_value=100_000)),
    unique_by=lambda pair: pair[0],
)


@given(village_values, village_values)
def test_rolling_up_to_the_top_equals_rolling_up_level_by_level(
    safe: list[tuple[str, Quantity]], total: list[tuple[str, Quantity]]
) -> None:
    indicators = make_indicators()
    values = [DataValue("safe_families", code, YEAR, q) for code, q in safe] + [
        DataValue("households", code, YEAR, q) for code, q in total
    ]
    data = Dataset(indicators, TREE, values)
    direct, coverage, _ = partials(data, "households", "371082", YEAR, level=Level.VILLAGE)
    by_township = Partial.empty(Unit.HOUSEHOLD)
    reported = expected = 0
    for township in TOWNSHIPS:
        part, part_coverage, _ = partials(data, "households", township, YEAR, level=Level.VILLAGE)
        by_township = by_township.merge(part)
        reported += part_coverage.reported
        expected += part_coverage.expected
    assert by_township == direct
    assert (reported, expected) == (coverage.reported, coverage.expected)
    ratio = rollup_ratio(data, "safe_family_share", "371082", YEAR, level=Level.VILLAGE)
    top = rollup(data, "safe_families", "371082", YEAR, level=Level.VILLAGE).value
    bottom = rollup(data, "households", "371082", YEAR, level=Level.VILLAGE).value
    if ratio.value is not None:
        assert top is not None
        assert bottom is not None
        assert top.value is not None
        assert bottom.value
        assert ratio.value == (top.value * 100 / bottom.value).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")


def _records(seed: int, count: int = 250_000) -> list[HouseholdRecord]:
    rng = random.Random(seed)
    tiers = list(TIER_CODES)
    return [
        HouseholdRecord(
            f"h{seed}-{n}",
            VILLAGES[n % len(VILLAGES)],
            tiers[rng.randrange(4)],
            Decimal(rng.randrange(0, 100_00)) / 100,
            rng.randrange(12),
        )
        for n in range(count)
    ]


def test_dask_gets_exactly_the_single_process_result() -> None:
    """1,000,000 generated household records in 4 partitions, on a local multi-process scheduler."""
    import dask.bag as db

    from fulian_core.indicators import dask_tally

    seeds = [11, 12, 13, 14]
    single = HouseholdTally()
    for seed in seeds:
        single = single.merge(tally(_records(seed)))
    bag = db.from_sequence(seeds, npartitions=len(seeds)).map(_records).flatten()  # type: ignore[no-untyped-call]
    distributed = dask_tally(bag, scheduler="processes")
    assert distributed == single
    assert sum(single.households.values()) == 1_000_000
    county = single.totals(TREE, Level.COUNTY)["371082"]
    assert county.households == 1_000_000
    assert county.villages == len(VILLAGES)
    assert sum(count for _, count in county.by_tier) == 1_000_000
    towns = single.totals(TREE, Level.TOWNSHIP)
    assert sum(total.money for total in towns.values()) == county.money
    assert isinstance(Period.year(2024), Period)


@given(village_values)
def test_indicator_results_round_trip(values: list[tuple[str, Quantity]]) -> None:
    from fulian_core import structure, unstructure
    from fulian_core.indicators import RatioResult, RollupResult
    from fulian_core.testing.laws import assert_round_trip

    data = Dataset(make_indicators(), TREE, [DataValue("households", code, YEAR, q) for code, q in values])
    for value in data:
        assert_round_trip(value, DataValue)
    assert structure(unstructure(data), Dataset) == data
    assert data.__eq__(3) is NotImplemented
    result = rollup(data, "households", "371082", YEAR, level=Level.VILLAGE)
    assert_round_trip(result, RollupResult)
    assert_round_trip(rollup_ratio(data, "safe_family_share", "371082", YEAR, level=Level.VILLAGE), RatioResult)
    assert_round_trip(partials(data, "households", "371082", YEAR, level=Level.VILLAGE)[0], Partial)


def test_totals_by_level_are_summed_by_hand() -> None:
    boutique, model = TIER_CODES[0], TIER_CODES[1]
    records = [
        HouseholdRecord("h1", "371082103201", boutique, Decimal("120.50"), 3),
        HouseholdRecord("h2", "371082103201", model, Decimal(80), 1),
        HouseholdRecord("h3", "371082103202", boutique, Decimal(0), 2),
        HouseholdRecord("h4", "371082104201", model, Decimal("9.50"), 5),
    ]
    towns = tally(records).totals(TREE, Level.TOWNSHIP)
    assert list(towns) == ["371082103", "371082104"]
    renhe = towns["371082103"]
    tiers = tuple(sorted({boutique: 2, model: 1}.items()))
    assert (renhe.households, renhe.money, renhe.sessions, renhe.by_tier, renhe.villages) == (
        3,
        Decimal("200.50"),
        6,
        tiers,
        2,
    )
    lidao = towns["371082104"]
    assert (lidao.households, lidao.money, lidao.villages) == (1, Decimal("9.50"), 1)
    assert dict(lidao.by_tier) == {boutique: 0, model: 1}
    county = tally(records).totals(TREE, Level.COUNTY)["371082"]
    assert (county.households, county.money, county.sessions, county.villages) == (4, Decimal("210.00"), 11, 3)


RECORDS = st.lists(household_records(villages=st.sampled_from(VILLAGES)), max_size=15)


@given(RECORDS)
def test_the_tally_rolls_up_through_partials(records: list[HouseholdRecord]) -> None:
    """Every unit's partials are its villages' figures, summed as Partial.of_many sums them;
    the totals are read from them, and level by level they merge into the level above."""
    tallied = tally(records)
    by_county = tallied.partials(TREE, Level.COUNTY)
    by_town = tallied.partials(TREE, Level.TOWNSHIP)
    tiers = sorted({record.tier for record in records})
    for county, figures in by_county.items():
        assert list(figures) == ["households", "money", "sessions", *(f"households.{tier}" for tier in tiers)]
        for name, partial in figures.items():
            villages = sorted(partial.reporters)
            assert villages == sorted({r.village for r in records if r.village.startswith(county)})
            unit = Unit.YUAN if name == "money" else Unit.SESSION if name == "sessions" else Unit.HOUSEHOLD
            values = [Quantity(Decimal(_village_figure(records, village, name)), unit) for village in villages]
            assert partial == Partial.of_many(unit, villages, values, name)
            # The county's partial is its townships' partials merged.
            towns = [by_town[town][name] for town in by_town if town.startswith(county)]
            merged = Partial.empty(unit, name)
            for town in towns:
                merged = merged.merge(town)
            assert merged == partial
        totals = tallied.totals(TREE, Level.COUNTY)[county]
        assert totals.households == sum(r.village.startswith(county) for r in records)
        assert totals.villages == figures["households"].count


def _village_figure(records: list[HouseholdRecord], village: str, name: str) -> int | Decimal:
    mine = [r for r in records if r.village == village]
    if name == "money":
        return sum((r.money for r in mine), Decimal(0))
    if name == "sessions":
        return sum(r.sessions for r in mine)
    if name == "households":
        return len(mine)
    return sum(r.tier == name.removeprefix("households.") for r in mine)


def test_a_village_counted_twice_is_refused_when_units_partials_merge() -> None:
    """Partials keep coverage honest: a village's records from two partitions add up in the
    tally (merge), while two partials holding the same village do not merge."""
    first = tally([HouseholdRecord("h1", VILLAGES[0], "clean", Decimal(1), 1)])
    second = tally([HouseholdRecord("h2", VILLAGES[0], "clean", Decimal(2), 1)])
    both = first.merge(second).partials(TREE, Level.COUNTY)["371082"]["households"]
    assert (both.count, both.total) == (1, Quantity.exact(2, Unit.HOUSEHOLD))
    one = first.partials(TREE, Level.COUNTY)["371082"]["households"]
    other = second.partials(TREE, Level.COUNTY)["371082"]["households"]
    with pytest.raises(ValidationError, match=r"^other.reporters: expected reporters not already counted"):
        one.merge(other)


def test_rollup_coverage_counts_the_expected_villages() -> None:
    records = [
        HouseholdRecord("h1", "371082103201", "clean", Decimal(1), 1),
        HouseholdRecord("h2", "371082104201", "clean", Decimal(1), 1),
    ]
    found = tally(records).rollup(TREE, villages=VILLAGES, levels=[Level.TOWNSHIP, Level.COUNTY])
    expected = {town: sum(v.startswith(town) for v in VILLAGES) for town in {v[:9] for v in VILLAGES}}
    towns = found[Level.TOWNSHIP]
    assert {town: c.expected for town, c in towns.coverage.items()} == expected
    assert towns.coverage["371082103"].reported == 1
    assert set(towns.totals) == {"371082103", "371082104"}
    county = found[Level.COUNTY].coverage["371082"]
    assert (county.reported, county.expected) == (2, sum(v.startswith("371082") for v in VILLAGES))


def test_a_tally_that_is_not_one_is_refused_where_it_is_wrong() -> None:
    """A tally is built from codes and counts from 0, money to the fen, and every village's
    tiers adding up to its households: anything else is refused at ``field[village]``, and no
    tally that compares equal to another can give another answer."""
    village, other = VILLAGES[0], VILLAGES[1]

    def built(tiers: object, money: object, sessions: object, households: object) -> HouseholdTally:
        return HouseholdTally(tiers, money, sessions, households)  # type: ignore[arg-type]

    one_tier = Counter({(village, "clean"): 1})
    for arguments, message in (
        (
            (one_tier, {village: Decimal("1.234")}, {village: 1}, {village: 1}),
            r"^money\[3710\d+\]: expected an amount exact",
        ),
        ((one_tier, {village: Decimal("NaN")}, {village: 1}, {village: 1}), r"^money\[3710\d+\]: expected a finite"),
        ((one_tier, {village: 1.5}, {village: 1}, {village: 1}), r"^money\[3710\d+\]: expected an int or a Decimal"),
        ((one_tier, {village: 1}, {village: -2}, {village: 1}), r"^sessions\[3710\d+\]: expected a whole number >= 0"),
        ((one_tier, {}, {}, {village: True}), r"^households\[3710\d+\]: expected a whole number >= 0, got True"),
        (({(village, 5): 1}, {}, {}, {village: 1}), r"^tiers: expected keys that are \(village, tier\) pairs of codes"),
        (({village: 1}, {}, {}, {village: 1}), r"^tiers: expected keys that are \(village, tier\) pairs"),
        ((one_tier, {}, {}, {5: 1}), r"^households: expected keys that are village codes"),
        ((Counter({(village, "clean"): 5}), {}, {}, {village: 1}), r"households \(1\), got 5$"),
        (
            (one_tier, {other: Decimal(7)}, {}, {village: 1}),
            r"^households\[3710\d+\]: expected households for a village",
        ),
        ((one_tier, {}, {}, {village: 1, other: -1}), r"^households\[3710\d+\]: expected a whole number >= 0"),
    ):
        with pytest.raises(ValidationError, match=message):
            built(*arguments)
    # Zero entries are nothing: equal tallies, equal answers.
    zeros = built(Counter({(village, "clean"): 1, (other, "zz"): 0}), {village: Decimal(5)}, {village: 3}, {village: 1})
    plain = built(one_tier, {village: Decimal(5)}, {village: 3}, {village: 1})
    assert zeros == plain
    assert zeros.totals(TREE, Level.TOWNSHIP) == plain.totals(TREE, Level.TOWNSHIP)


def test_rollup_arguments_are_refused_where_they_are_wrong() -> None:
    village = VILLAGES[0]
    tallied = tally([HouseholdRecord("h1", village, "clean", Decimal(1), 1)])
    with pytest.raises(
        ValidationError, match=r"^villages: expected every village the tally has records of, got \['3710"
    ):
        tallied.rollup(TREE, villages=[v for v in VILLAGES if v != village], levels=[Level.COUNTY])
    with pytest.raises(ValidationError, match=r"^villages: expected each unit once, got \['3710"):
        tallied.rollup(TREE, villages=[*VILLAGES, village], levels=[Level.COUNTY])
    with pytest.raises(ValidationError, match=r"^villages\[\d+\]: expected a str"):
        tallied.rollup(TREE, villages=[*VILLAGES, ["x"]], levels=[Level.COUNTY])  # type: ignore[list-item]
    with pytest.raises(UnknownUnitError, match=r"^code: expected a unit of this hierarchy, got .999.$"):
        tallied.rollup(TREE, villages=[*VILLAGES, "999"], levels=[])
    with pytest.raises(ValidationError, match=r"^levels\[0\]: expected a Level"):
        tallied.rollup(TREE, villages=VILLAGES, levels=["county"])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"^levels: expected a level above 3710"):
        tallied.rollup(TREE, villages=VILLAGES, levels=[Level.COUNTY, Level.GRID])
    with pytest.raises(ValidationError, match=r"^level: expected a level above 3710"):
        tallied.partials(TREE, Level.GRID)
    # Coverage lists its units in code order, whatever the order of the villages given.
    found = tallied.rollup(TREE, villages=VILLAGES[::-1], levels=[Level.TOWNSHIP])
    assert list(found[Level.TOWNSHIP].coverage) == sorted(found[Level.TOWNSHIP].coverage)


@given(
    st.lists(st.from_regex(r"v[0-9]{3}", fullmatch=True), unique=True, max_size=6).flatmap(
        lambda names: st.tuples(
            st.just(names),
            st.lists(
                st.one_of(st.integers(0, 10**9), st.decimals(0, 10**9, places=2)),
                min_size=len(names),
                max_size=len(names),
            ),
        )
    )
)
def test_of_numbers_is_of_many_of_exact_figures(drawn: tuple[list[str], list[int | Decimal]]) -> None:
    names, numbers = drawn
    found = Partial.of_numbers(Unit.YUAN, names, numbers, "money")
    assert found == Partial.of_many(Unit.YUAN, names, [Quantity(Decimal(n), Unit.YUAN) for n in numbers], "money")
    attrs.validate(found)
    if found.total is not None:
        assert found.total.render() == Quantity(Decimal(sum(numbers)), Unit.YUAN).render()


def test_of_numbers_refuses_what_a_figure_refuses() -> None:
    for numbers, message in (
        ([1, -2], r"^numbers\[1\]: expected a number >= 0"),
        ([1, Decimal("0.5")], r"^numbers\[1\]: expected a whole number of 户"),
        ([True, 1], r"^numbers\[0\]: expected an int or a Decimal, got True"),
        ([Decimal("NaN"), 1], r"^numbers\[0\]: expected a finite number"),
        ([10**15, 0], r"^numbers\[0\]: expected a figure below 10\^15"),
        ([6 * 10**14, 6 * 10**14], r"^numbers: expected a sum of figures below 10\^15"),
        ([Decimal("1E+1000000"), 1], r"^numbers\[0\]: expected a figure below 10\^15"),
        ([Decimal("9E+999999"), Decimal("9E+999999")], r"^numbers\[0\]: expected a figure below 10\^15"),
        ([1], r"^numbers: expected one number per reporter \(2\), got 1"),
        (["1", 2], r"^numbers\[0\]: expected an int or a Decimal"),
    ):
        with pytest.raises(ValidationError, match=message):
            Partial.of_numbers(Unit.HOUSEHOLD, ["a", "b"], numbers)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^reporters: expected each unit once, got \['a'\]"):
        Partial.of_numbers(Unit.HOUSEHOLD, ["a", "a"], [1, 2])
    assert Partial.of_numbers(Unit.HOUSEHOLD, [], []) == Partial.empty(Unit.HOUSEHOLD)
    with pytest.raises(ValidationError, match=r"^indicator: expected an indicator code, or nothing, got 'int'"):
        Partial.of_numbers(Unit.HOUSEHOLD, ["a"], [1], indicator=5)  # type: ignore[arg-type]
    # Written as Partial.of_many writes its total: Decimal('1E+2') stays 1E+2, -0 stays -0.
    for number in (Decimal("1E+2"), Decimal("-0"), Decimal("0E+5")):
        found = Partial.of_numbers(Unit.YUAN, ["a"], [number]).total
        assert found is not None
        assert str(found.value) == str(number)
