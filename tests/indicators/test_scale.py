"""Mergeable aggregates: the merge laws, level-by-level rollup, pickling, and Dask."""

from __future__ import annotations

import pickle
import random
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree, Period, Quantity
from fulian_core.courtyard.catalog import TIER_CODES
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
from fulian_core.testing import household_tallies, partial_aggregates, quantities
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
