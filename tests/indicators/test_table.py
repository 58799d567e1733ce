"""The rollup table (汇总表): every cell is the rollup's own result, rendered as a report writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree, Quantity, ValidationError, structure, unstructure
from fulian_core.indicators import (
    Dataset,
    DataValue,
    IndicatorSet,
    RatioResult,
    RollupStatus,
    RollupTable,
    rollup,
    rollup_ratio,
    rollup_table,
)
from tests.indicators.conftest import CODES, YEAR, make_indicators

VILLAGES = [code for code in CODES if len(code) == 12]
TOWNSHIPS = [code for code in CODES if len(code) == 9]


def v(indicator: str, unit: str, text: str) -> DataValue:
    return DataValue(indicator, unit, YEAR, Quantity.parse(text))


@pytest.fixture
def data(tree: OrgTree, indicators: IndicatorSet) -> Dataset:
    return Dataset(
        indicators,
        tree,
        [
            v("volunteer_sessions", "371082103201", "200余场次"),
            v("volunteer_sessions", "371082103202", "30场次"),
            v("volunteer_sessions", "371082103203", "12场次"),
            v("money_raised", "371082103201", "56745元"),
            v("safe_families", "371082103201", "90户"),
            v("households", "371082103201", "100户"),
            v("safe_families", "371082104201", "181913户"),
            v("households", "371082104201", "202126户"),
            v("safe_families", "371082104202", "10户"),
            v("households", "371082104202", "40户"),
        ],
    )


def test_renders_as_a_report_table(data: Dataset) -> None:
    table = rollup_table(
        data,
        ["volunteer_sessions", "money_raised", "safe_family_share"],
        ["371082", *TOWNSHIPS],
        YEAR,
        level=Level.VILLAGE,
    )
    assert table.render().splitlines() == [
        "单位    志愿服务场次      募集善款         平安家庭占比",
        "荣成市  242余场次（3/6）  5.67万元（1/6）  89.99%（3/6）",
        "人和镇  242余场次         5.67万元（1/3）  90%（1/3）",
        "俚岛镇  —                 —                89.99%",
        "成山镇  —                 —                —",
    ]
    assert table.markdown().splitlines()[:3] == [
        "| 单位 | 志愿服务场次 | 募集善款 | 平安家庭占比 |",
        "| --- | ---: | ---: | ---: |",
        "| 荣成市 | 242余场次（3/6） | 5.67万元（1/6） | 89.99%（3/6） |",
    ]
    assert table.rows()[2] == {
        "unit": "371082104",
        "name": "俚岛镇",
        "volunteer_sessions": "—",
        "money_raised": "—",
        "safe_family_share": "89.99%",
    }
    assert table.value("371082104", "safe_family_share") == Decimal("89.99")
    missing = table.cell("371082105", "volunteer_sessions")
    assert not isinstance(missing, RatioResult)
    assert missing.status is RollupStatus.NO_DATA
    assert missing.reason == "无上报数据"


def test_a_ratio_of_inexact_parts_is_marked_about(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(
        indicators, tree, [v("safe_families", "371082105201", "90余户"), v("households", "371082105201", "100户")]
    )
    table = rollup_table(data, ["safe_family_share"], ["371082105"], YEAR, level=Level.VILLAGE)
    assert table.text("371082105", "safe_family_share") == "约90%"


def test_bad_requests_are_refused_with_every_path(data: Dataset) -> None:
    with pytest.raises(ValidationError) as raised:
        rollup_table(
            data, ["nope", "teams", "teams"], ["371082103201", "999", "371082", "371082"], YEAR, level=Level.TOWNSHIP
        )
    assert str(raised.value).splitlines() == [
        "indicators[0]: expected an indicator of the dataset's set, got 'nope'",
        "indicators[2]: expected an indicator not listed before, got 'teams'",
        "units[0]: expected a unit at or above the level rolled up from (乡镇), got '371082103201 (村)'",
        "units[1]: expected a unit of the dataset's hierarchy, got '999'",
        "units[3]: expected a unit not listed before, got '371082'",
    ]
    with pytest.raises(
        ValidationError,
        match=r"^indicators: expected at least one indicator code, got \[\]\nunits: expected at least one unit code, got \[\]$",
    ):
        rollup_table(data, [], [], YEAR, level=Level.VILLAGE)
    table = rollup_table(data, ["teams"], ["371082"], YEAR, level=Level.VILLAGE)
    with pytest.raises(
        ValidationError, match=r"^unit: expected one of the table's units \['371082'\], got '371082103'$"
    ):
        table.cell("371082103", "teams")
    with pytest.raises(
        ValidationError, match=r"^indicator: expected one of the table's indicators \['teams'\], got 'money_raised'$"
    ):
        table.cell("371082", "money_raised")


counts = st.integers(min_value=0, max_value=10_000)


@given(
    sessions=st.dictionaries(st.sampled_from(VILLAGES), counts),
    homes=st.dictionaries(st.sampled_from(VILLAGES), st.tuples(counts, counts)),
    level=st.sampled_from([Level.VILLAGE, Level.TOWNSHIP]),
)
def test_every_cell_is_the_rollup_itself(
    sessions: dict[str, int], homes: dict[str, tuple[int, int]], level: Level
) -> None:
    tree = OrgTree.from_division_codes(CODES)
    values = [v("volunteer_sessions", code, f"{n}场次") for code, n in sessions.items()]
    for code, (safe, extra) in homes.items():
        values += [v("safe_families", code, f"{safe}户"), v("households", code, f"{safe + extra}户")]
    data = Dataset(make_indicators(), tree, values)
    units = ["371082", *TOWNSHIPS]
    table = rollup_table(data, ["volunteer_sessions", "safe_family_share"], units, YEAR, level=level)
    assert len(table.render().splitlines()) == len(units) + 1
    assert structure(unstructure(table), RollupTable) == table
    for unit in units:
        assert table.cell(unit, "volunteer_sessions") == rollup(data, "volunteer_sessions", unit, YEAR, level=level)
        assert table.cell(unit, "safe_family_share") == rollup_ratio(data, "safe_family_share", unit, YEAR, level=level)
        text = table.text(unit, "volunteer_sessions")
        assert (text == "—") == (table.value(unit, "volunteer_sessions") is None)
