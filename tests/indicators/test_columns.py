"""Tallies and rollups from columns (indicators/columns.py) equal the per-record tally, and on Dask."""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from fulian_core import Level, OrgTree
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, TIER_CODES
from fulian_core.errors import UnknownUnitError, ValidationError
from fulian_core.indicators import (
    HouseholdRecord,
    HouseholdTally,
    LevelTotals,
    dask_tally_columns,
    rollup_columns,
    scored_tiers,
    tally,
    tally_columns,
)
from fulian_core.indicators.rollup import Coverage
from fulian_core.rules import compile_sheet, row_facts
from fulian_core.testing import household_records
from tests.indicators.conftest import CODES

TREE = OrgTree.from_division_codes(CODES)
VILLAGES = [code for code in CODES if len(code) == 12]
TIERS = list(TIER_CODES)


def _columns(records: list[HouseholdRecord]) -> dict[str, NDArray[Any]]:
    return {
        "villages": np.array([VILLAGES.index(r.village) for r in records], dtype=np.int32),
        "tiers": np.array([TIERS.index(r.tier) for r in records], dtype=np.int8),
        "money": np.array([int(r.money * 100) for r in records], dtype=np.int64),
        "sessions": np.array([r.sessions for r in records], dtype=np.int32),
    }


def _tally(records: list[HouseholdRecord]) -> HouseholdTally:
    c = _columns(records)
    return tally_columns(
        VILLAGES, c["villages"], c["tiers"], tier_codes=TIERS, money=c["money"], sessions=c["sessions"]
    )


def _rollup(records: list[HouseholdRecord], levels: list[Level]) -> dict[Level, LevelTotals]:
    """The records' columns rolled up to *levels* by the batch path."""
    return _rollup_of(_columns(records), levels)


def _rollup_of(c: dict[str, NDArray[Any]], levels: list[Level]) -> dict[Level, LevelTotals]:
    return rollup_columns(
        TREE,
        VILLAGES,
        c["villages"],
        c["tiers"],
        tier_codes=TIERS,
        money=c["money"],
        sessions=c["sessions"],
        levels=levels,
    )


RECORDS = st.lists(household_records(villages=st.sampled_from(VILLAGES)), max_size=12)


@given(RECORDS)
def test_a_tally_of_columns_is_the_tally_of_the_records(records: list[HouseholdRecord]) -> None:
    assert _tally(records) == tally(records)


@given(RECORDS, RECORDS)
def test_tallies_of_columns_merge_like_tallies(first: list[HouseholdRecord], second: list[HouseholdRecord]) -> None:
    assert _tally(first).merge(_tally(second)) == tally(first + second)


@given(RECORDS)
def test_a_rollup_of_columns_is_the_rollup_of_the_tally(records: list[HouseholdRecord]) -> None:
    levels = [Level.VILLAGE, Level.TOWNSHIP, Level.COUNTY]
    found = _rollup(records, levels)
    reference = tally(records)
    per_object = reference.rollup(TREE, villages=VILLAGES, levels=levels)
    for level in levels:
        assert found[level].totals == reference.totals(TREE, level)
        # The per-object path (through Partial) gives the same totals and coverage.
        assert found[level] == per_object[level]
        # Built without re-running the validators, they still pass them.
        for totals in found[level].totals.values():
            attrs.validate(totals)
        for coverage in found[level].coverage.values():
            attrs.validate(coverage)


def test_seed_township_by_hand() -> None:
    """人和镇's three villages (seed 001 篇1) and 俚岛镇's two: 南柳村 two households, 烟墩角村 one."""
    records = [
        HouseholdRecord("a", "371082103201", "boutique", Decimal("30.50"), 2),
        HouseholdRecord("b", "371082103201", "clean", Decimal("0"), 1),
        HouseholdRecord("c", "371082104201", "clean", Decimal("5.25"), 4),
    ]
    found = _rollup(records, [Level.TOWNSHIP, Level.COUNTY])
    town = found[Level.TOWNSHIP].totals["371082103"]
    assert (town.households, town.money, town.sessions, town.by_tier, town.villages) == (
        2,
        Decimal("30.50"),
        3,
        (("boutique", 1), ("clean", 1)),
        1,
    )
    assert found[Level.TOWNSHIP].coverage == {
        "371082103": Coverage(1, 3),
        "371082104": Coverage(1, 2),
        "371082105": Coverage(0, 1),
    }
    assert "371082105" not in found[Level.TOWNSHIP].totals
    county = found[Level.COUNTY].totals["371082"]
    assert (county.households, county.money, county.sessions) == (3, Decimal("35.75"), 7)
    assert found[Level.COUNTY].coverage["371082"] == Coverage(2, 6)


def test_bad_columns_are_refused_with_the_row() -> None:
    c = _columns([HouseholdRecord("a", "371082103201", "clean", Decimal(1), 1)] * 3)
    with pytest.raises(ValidationError, match=r"^villages\[0\]: expected an index into units from 0 to 5, got 9$"):
        tally_columns(
            VILLAGES, np.array([9, 0, 0]), c["tiers"], tier_codes=TIERS, money=c["money"], sessions=c["sessions"]
        )
    with pytest.raises(ValidationError, match=r"^money: expected 3 rows, as villages, got 2$"):
        tally_columns(
            VILLAGES, c["villages"], c["tiers"], tier_codes=TIERS, money=c["money"][:2], sessions=c["sessions"]
        )
    with pytest.raises(ValidationError, match=r"^tiers: expected a one-dimensional column of whole numbers"):
        tally_columns(
            VILLAGES, c["villages"], c["tiers"] * 1.0, tier_codes=TIERS, money=c["money"], sessions=c["sessions"]
        )


def test_a_rollup_refuses_what_the_per_object_rollup_refuses() -> None:
    """Figures no report counts (below 0, or 10^15 or more in a village or a unit) go to the
    per-object path, which refuses them in its words; the two rollups always agree."""
    rows = np.zeros(3, dtype=np.int8)
    spread = np.arange(3, dtype=np.int8)
    for villages, money, sessions, message in (
        (rows, [0, 0, 0], np.full(3, 4 * 10**14), r"^sessions\[371082103201\]: expected a whole number at most 10\^15"),
        (rows, [0, 0, 0], np.array([1, -3, 0]), r"^sessions\[371082103201\]: expected a whole number >= 0, got -2$"),
        (spread, [-500, 700, 0], [1, 1, 1], r"^money\[371082103201\]: expected a number >= 0"),
        (spread, [0, 0, 0], [5 * 10**14, 5 * 10**14, 0], r"^sessions: expected a sum of figures below 10\^15"),
    ):
        with pytest.raises(ValidationError, match=message):
            rollup_columns(
                TREE,
                VILLAGES,
                villages,
                rows,
                tier_codes=TIERS,
                money=np.array(money, dtype=np.int64),
                sessions=sessions,
                levels=[Level.COUNTY],
            )


def test_a_rollup_to_no_level_still_refuses_an_unknown_unit() -> None:
    with pytest.raises(UnknownUnitError, match=r"^code: expected a unit of this hierarchy, got .999.$"):
        rollup_columns(
            TREE,
            ["999"],
            np.zeros(1, np.int8),
            np.zeros(1, np.int8),
            tier_codes=TIERS,
            money=[0],
            sessions=[0],
            levels=[],
        )


def test_both_rollups_refuse_money_no_report_counts() -> None:
    """10^15 yuan or more in a unit: refused by the columns as by the partials, in one wording."""
    records = [HouseholdRecord("a", village, "clean", Decimal(6 * 10**14), 1) for village in VILLAGES[:2]]
    message = r"^money: expected a sum of figures below 10\^15 \(no report counts more\), got .*1200000000000000"
    with pytest.raises(ValidationError, match=message):
        _rollup(records, [Level.COUNTY])
    with pytest.raises(ValidationError, match=message):
        tally(records).totals(TREE, Level.COUNTY)


def test_money_is_exact_whatever_the_callers_decimal_context() -> None:
    """A notebook's ``prec=4`` does not round the yuan (分 become yuan by a shift of two places)."""
    records = [HouseholdRecord("a", "371082103201", "clean", Decimal("1234567.89"), 1)]
    c = _columns(records)
    with decimal.localcontext() as context:
        context.prec = 4
        # The columns are built above, in the default context: only the library runs in prec=4.
        found = _rollup_of(c, [Level.COUNTY])
        tallied = tally_columns(
            VILLAGES, c["villages"], c["tiers"], tier_codes=TIERS, money=c["money"], sessions=c["sessions"]
        )
    assert found[Level.COUNTY].totals["371082"].money == Decimal("1234567.89")
    assert tallied.money["371082103201"] == Decimal("1234567.89")


def test_huge_money_is_summed_exactly_and_refused() -> None:
    """Fen summed past 64-bit whole numbers stay exact (Python's whole numbers), so the refusal
    of a village's money no report counts shows the very sum."""
    money = np.array([2**62 // 4, 2**62 // 4, 1], dtype=np.int64)
    message = r"^money\[371082103201\]: expected a figure below 10\^15 .*, got Decimal\('23058430092136939.53'\)$"
    with pytest.raises(ValidationError, match=message):
        tally_columns(
            VILLAGES,
            np.zeros(3, dtype=np.int8),
            np.zeros(3, dtype=np.int8),
            tier_codes=TIERS,
            money=money,
            sessions=np.ones(3, dtype=np.int8),
        )


def test_columns_that_could_pass_64_bits_are_summed_exactly() -> None:
    """A thousand rows, one of them 10^14 yuan: the sums could pass 64-bit whole numbers, so
    they are made in Python's; the answer is the per-object rollup's."""
    records = [HouseholdRecord(f"h{n}", VILLAGES[n % 2], "clean", Decimal(0), 1) for n in range(999)]
    records.append(HouseholdRecord("rich", VILLAGES[2], "boutique", Decimal(10**14), 2))
    levels = [Level.TOWNSHIP, Level.COUNTY]
    found = _rollup(records, levels)
    assert found == tally(records).rollup(TREE, villages=VILLAGES, levels=levels)
    assert found[Level.COUNTY].totals["371082"].money == Decimal(10**14)


def test_scored_tiers_on_dask_equal_the_single_process_answer() -> None:
    da = pytest.importorskip("dask.array")
    plan = compile_sheet(FOUR_GOALS_RUBRIC)
    rng = np.random.default_rng(3)
    rows = 2000
    items: dict[str, NDArray[Any]] = {}
    for item in FOUR_GOALS_RUBRIC.items:
        if item.ratings:
            items[item.code] = rng.integers(-2, len(item.ratings), rows).astype(np.int8)  # some unknown (−2)
        elif item.kind.code == "deduction":
            items[item.code] = rng.integers(0, 4, rows).astype(np.int16)
        elif item.kind.code == "override":
            items[item.code] = (rng.random(rows) < 0.03).astype(np.int8)
        else:
            items[item.code] = rng.integers(0, int(item.points) + 1, rows).astype(np.int8)
    day = dt.date(2024, 6, 1)
    base = {
        "villages": rng.integers(0, len(VILLAGES), rows),
        "money": rng.integers(0, 100_00, rows),
        "sessions": rng.integers(0, 12, rows),
    }
    tiers = scored_tiers(FOUR_GOALS_RUBRIC, items, on=day)
    # Row by row, the per-object path gives the same bands.
    for row in range(0, rows, 53):
        facts = row_facts(plan, items, row)
        assert plan.standing(facts, on=day).band.code == TIER_CODES[int(tiers[row])]
    single = tally_columns(
        VILLAGES, base["villages"], tiers, tier_codes=TIERS, money=base["money"], sessions=base["sessions"]
    )
    chunks = 500
    columns = {name: da.from_array(value, chunks=chunks) for name, value in (base | items).items()}
    on_dask = dask_tally_columns(columns, units=VILLAGES, sheet=FOUR_GOALS_RUBRIC, on=day, scheduler="threads")
    assert on_dask == single
    assert sum(single.households.values()) == rows


@pytest.mark.slow
def test_a_million_scored_records_on_processes_equal_one_process() -> None:
    """1,000,000 generated rows in 4 partitions, scored and tallied on a local multi-process
    scheduler: exactly the single-process answer (scripts/dev.py scale runs it in CI)."""
    da = pytest.importorskip("dask.array")
    import dask

    rows, chunk = 1_000_000, 250_000
    rng = da.random.default_rng(20241231)
    data = {
        "villages": rng.integers(0, len(VILLAGES), rows, chunks=chunk, dtype=np.int32),
        "money": rng.integers(0, 500_00, rows, chunks=chunk, dtype=np.int64),
        "sessions": rng.integers(0, 12, rows, chunks=chunk, dtype=np.int16),
    }
    for item in FOUR_GOALS_RUBRIC.items:
        if item.ratings:  # one row in 4,000 with the item not yet looked at (−2)
            levels = rng.integers(0, len(item.ratings), rows, chunks=chunk, dtype=np.int8)
            data[item.code] = da.where(rng.random(rows, chunks=chunk) < 0.00025, np.int8(-2), levels)
        elif item.kind.code == "deduction":
            data[item.code] = rng.integers(0, 4, rows, chunks=chunk, dtype=np.int8)
        elif item.kind.code == "override":
            data[item.code] = (rng.random(rows, chunks=chunk) < 0.02).astype(np.int8)
        else:
            data[item.code] = rng.integers(0, int(item.points) + 1, rows, chunks=chunk, dtype=np.int8)
    day = dt.date(2024, 6, 1)
    on_processes = dask_tally_columns(data, units=VILLAGES, sheet=FOUR_GOALS_RUBRIC, on=day, scheduler="processes")
    computed = dask.compute(data, scheduler="threads")[0]  # type: ignore[attr-defined, no-untyped-call]
    tiers = scored_tiers(FOUR_GOALS_RUBRIC, computed, on=day)
    single = tally_columns(
        VILLAGES, computed["villages"], tiers, tier_codes=TIERS, money=computed["money"], sessions=computed["sessions"]
    )
    assert on_processes == single
    assert sum(single.households.values()) == rows
    # Some rows had an item not yet looked at and went through the per-object path.
    assert (computed["greenery"] == -2).sum() > 100


def test_wrong_types_meet_the_librarys_error() -> None:
    c = _columns([HouseholdRecord("a", "371082103201", "clean", Decimal(1), 1)])
    good: dict[str, object] = {"tier_codes": TIERS, "money": c["money"], "sessions": c["sessions"]}
    calls: list[Callable[[], object]] = [
        lambda: tally_columns(None, c["villages"], c["tiers"], **good),  # type: ignore[arg-type]
        lambda: tally_columns("371082103201", c["villages"], c["tiers"], **good),  # type: ignore[arg-type]
        lambda: tally_columns(VILLAGES, None, c["tiers"], **good),  # type: ignore[arg-type]
        lambda: tally_columns(VILLAGES, c["villages"], None, **good),  # type: ignore[arg-type]
        lambda: tally_columns(VILLAGES, c["villages"], c["tiers"], **(good | {"tier_codes": None})),  # type: ignore[arg-type]
        lambda: tally_columns(VILLAGES, c["villages"], c["tiers"], **(good | {"money": "1"})),  # type: ignore[arg-type]
        lambda: rollup_columns(None, VILLAGES, c["villages"], c["tiers"], levels=[Level.COUNTY], **good),  # type: ignore[arg-type]
        lambda: rollup_columns(TREE, VILLAGES, c["villages"], c["tiers"], levels=None, **good),  # type: ignore[arg-type]
        lambda: rollup_columns(TREE, VILLAGES, c["villages"], c["tiers"], levels=["county"], **good),  # type: ignore[arg-type, list-item]
        lambda: scored_tiers(None, {}, on=dt.date(2024, 6, 1)),  # type: ignore[arg-type]
        lambda: dask_tally_columns(None, units=VILLAGES, tier_codes=TIERS),  # type: ignore[arg-type]
        lambda: dask_tally_columns({}, units=VILLAGES, tier_codes=TIERS),
        lambda: dask_tally_columns({}, units=VILLAGES, sheet=FOUR_GOALS_RUBRIC),
        lambda: dask_tally_columns({}, units=None, tier_codes=TIERS),  # type: ignore[arg-type]
    ]
    for call in calls:
        with pytest.raises(ValidationError):
            call()


def test_the_coverage_built_without_its_validators_is_the_coverage_built_with_them() -> None:
    from fulian_core.indicators.rollup import _coverage_unchecked

    made = _coverage_unchecked(3, 5, False)
    assert made == Coverage(3, 5)
    assert (str(made), made.approved_only, made.complete) == ("3/5", False, False)
    attrs.validate(made)
