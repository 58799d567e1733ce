"""Values and rollup: conflicts, qualifiers carried, coverage, stocks and flows, ratios."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Level, OrgTree, Period, Quantity, ValidationError
from fulian_core.indicators import (
    Dataset,
    DataValue,
    Indicator,
    IndicatorSet,
    MissingStrategy,
    Origin,
    Partial,
    RollupStatus,
    rollup,
    rollup_ratio,
)
from fulian_core.quantities import Qualifier, Unit
from fulian_core.testing import quantities
from tests.indicators.conftest import YEAR


def v(indicator: str, unit: str, text: str, period: Period = YEAR) -> DataValue:
    return DataValue(indicator, unit, period, Quantity.parse(text))


def test_a_second_value_is_a_conflict_never_an_overwrite(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(indicators, tree, [v("teams", "371082103201", "46支")])
    with pytest.raises(ValidationError) as raised:
        data.with_values([v("teams", "371082103201", "47支")])
    assert (
        str(raised.value)
        == "values[1]: expected one value per indicator, unit and period (already 46支; use replace()), got '47支'"
    )
    corrected = data.replace(v("teams", "371082103201", "47支"))
    assert corrected.get("teams", "371082103201", YEAR).value == Quantity.parse("47支")  # type: ignore[union-attr]
    assert data.get("teams", "371082103201", YEAR).value == Quantity.parse("46支")  # type: ignore[union-attr]
    with pytest.raises(ValidationError, match="^value: expected a value whose indicator"):
        data.replace(v("teams", "371082103202", "1支"))
    assert len(corrected) == 1
    assert next(iter(corrected)).origin is Origin.REPORTED


def test_bad_values_name_every_fault(tree: OrgTree, indicators: IndicatorSet) -> None:
    with pytest.raises(ValidationError) as raised:
        Dataset(
            indicators,
            tree,
            [
                v("teams", "371082103201", "46户"),
                v("monthly_sessions", "371082103201", "12场次"),
                v("teams", "999", "3支"),
                v("safe_family_share", "371082103201", "3户"),
            ],
        )
    assert str(raised.value).splitlines() == [
        "values[0].value: expected a figure in 支 for 巾帼队伍, got '46户'",
        "values[1].period: expected a 月 period for 月度宣讲场次, got '2024'",
        "values[2].unit: expected a unit of the hierarchy, got '999'",
        "values[3].indicator: expected a counted indicator of the set, got 'safe_family_share'",
    ]


def test_flows_sum_with_qualifiers_carried_and_coverage(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(
        indicators,
        tree,
        [
            v("volunteer_sessions", "371082103201", "200余场次"),
            v("volunteer_sessions", "371082103202", "30场次"),
            v("volunteer_sessions", "371082104201", "60余场"),
            v("money_raised", "371082103201", "15645元"),
            v("money_raised", "371082103202", "56745元"),
        ],
    )
    township = rollup(data, "volunteer_sessions", "371082103", YEAR, level=Level.VILLAGE)
    assert str(township.value) == "230余场次"
    assert (str(township.coverage), township.status, township.missing) == (
        "2/3",
        RollupStatus.PARTIAL,
        ("371082103203",),
    )
    county = rollup(data, "volunteer_sessions", "371082", YEAR, level=Level.VILLAGE)
    assert str(county.value) == "290余场次"
    assert str(county.coverage) == "3/6"
    money = rollup(data, "money_raised", "371082103", YEAR, level=Level.VILLAGE)
    assert money.value == Quantity.yuan("72390")
    empty = rollup(data, "teams", "371082103", YEAR, level=Level.VILLAGE)
    assert (empty.value, empty.status) == (None, RollupStatus.NO_DATA)


def test_any_missing_makes_a_strict_indicator_undefined(tree: OrgTree, indicators: IndicatorSet) -> None:
    strict = IndicatorSet([*indicators.definitions[:1], _strict(indicators)])
    data = Dataset(strict, tree, [v("strict_sessions", "371082103201", "3场次")])
    result = rollup(data, "strict_sessions", "371082103", YEAR, level=Level.VILLAGE)
    assert (result.value, result.status, result.reason) == (None, RollupStatus.UNDEFINED, "缺报2项，按规则不汇总")


def _strict(indicators: IndicatorSet) -> Indicator:
    import attrs

    return attrs.evolve(
        indicators.indicator("volunteer_sessions"),
        code="strict_sessions",
        missing=MissingStrategy.UNDEFINED_IF_ANY_MISSING,
    )


def test_stocks_take_the_last_value_and_flows_the_months(tree: OrgTree, indicators: IndicatorSet) -> None:
    quarters = [Period.quarter(2024, q) for q in range(1, 5)]
    months = Period.year(2024).subdivide(Period.month(2024, 1).kind)
    data = Dataset(
        indicators,
        tree,
        [
            v("micro_homes", "371082103201", text, quarter)
            for text, quarter in zip(["1处", "1处", "2处", "3处"], quarters, strict=True)
        ]
        + [v("micro_homes", "371082103202", "1处", quarters[0])]
        + [v("monthly_sessions", "371082103201", "1场次", month) for month in months[:11]],
    )
    stock = rollup(data, "micro_homes", "371082103", YEAR, level=Level.VILLAGE)
    assert str(stock.value) == "4处"  # 3 at year end + 1 (its last report), never 1+1+2+3
    assert str(stock.coverage) == "5/12"
    flow = rollup(data, "monthly_sessions", "371082103201", YEAR, level=Level.VILLAGE)
    assert (str(flow.value), str(flow.coverage), flow.missing) == ("11场次", "11/12", ("371082103201",))
    half = rollup(data, "micro_homes", "371082103201", Period.half(2024, 1), level=Level.VILLAGE)
    assert str(half.value) == "1处"


def test_ratios_are_recomputed_from_their_parts(tree: OrgTree, indicators: IndicatorSet) -> None:
    # seed 003: 平安家庭 181,913户，占全区总户数的90%
    data = Dataset(
        indicators,
        tree,
        [
            v("safe_families", "371082103201", "90户"),
            v("households", "371082103201", "100户"),
            v("safe_families", "371082103202", "10户"),
            v("households", "371082103202", "100户"),
            v("safe_families", "371082104201", "181913户"),
            v("households", "371082104201", "202126户"),
        ],
    )
    township = rollup_ratio(data, "safe_family_share", "371082103", YEAR, level=Level.VILLAGE)
    assert township.value == Decimal("50.00")  # (90 + 10) / (100 + 100)
    county = rollup_ratio(data, "safe_family_share", "371082", YEAR, level=Level.VILLAGE)
    assert county.value == Decimal("89.96")  # 182,013 / 202,326; averaging the villages' 90%, 10%, 90% would say 63.33
    assert str(county.numerator.value) == "182013户"
    village = rollup_ratio(data, "safe_family_share", "371082104201", YEAR, level=Level.VILLAGE)
    assert village.value == Decimal("90.00")
    assert not township.exact  # 埠东夼村 did not report
    with pytest.raises(ValidationError, match="^indicator: expected a ratio indicator, got 'households'$"):
        rollup_ratio(data, "households", "371082", YEAR, level=Level.VILLAGE)


def test_undefined_ratios_say_why(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(
        indicators,
        tree,
        [
            v("screened", "371082103201", "0人"),
            v("eligible", "371082103201", "0人"),
            v("screened", "371082103202", "30人"),
            v("eligible", "371082103202", "__人"),
        ],
    )
    zero = rollup_ratio(data, "screening_coverage", "371082103201", YEAR, level=Level.VILLAGE)
    assert (zero.value, zero.reason) == (None, "分母为零")
    unknown = rollup_ratio(data, "screening_coverage", "371082103202", YEAR, level=Level.VILLAGE)
    assert (unknown.value, unknown.reason) == (None, "分子或分母未知")
    none = rollup_ratio(data, "screening_coverage", "371082104201", YEAR, level=Level.VILLAGE)
    assert (none.value, none.reason) == (None, "分子或分母无数据")


def test_bad_levels_and_units(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(indicators, tree, [])
    with pytest.raises(ValidationError, match="^level: expected a level at or below 南柳村's"):
        rollup(data, "teams", "371082103201", YEAR, level=Level.TOWNSHIP)
    with pytest.raises(LookupError):
        rollup(data, "teams", "999", YEAR, level=Level.VILLAGE)


def test_partials_merge_and_refuse_other_units() -> None:
    a = Partial.of("v1", Quantity.parse("200余场次"))
    b = Partial.of("v2", Quantity.parse("30场次"))
    assert str(a.merge(b).total) == "230余场次"
    assert a.merge(Partial.empty(Unit.SESSION)) == a
    with pytest.raises(ValidationError, match="^other.unit: expected a partial in 场次, got '户'$"):
        a.merge(Partial.empty(Unit.HOUSEHOLD))


def test_other_aggregations(tree: OrgTree) -> None:
    from fulian_core.indicators import TimeAggregation, UnitAggregation

    indicators = IndicatorSet(
        [
            Indicator("avg_size", "平均户规模", Unit.PERSON, across_units=UnitAggregation.AVERAGE),
            Indicator("avg_money", "户均善款", Unit.YUAN, across_units=UnitAggregation.AVERAGE),
            Indicator(
                "peak", "最大参与人数", Unit.PERSON, over_time=TimeAggregation.MAX, across_units=UnitAggregation.MAX
            ),
            Indicator("mean_month", "月均场次", Unit.SESSION, over_time=TimeAggregation.AVERAGE),
            Indicator("rank", "排名", Unit.ITEM, across_units=UnitAggregation.NONE),
        ]
    )
    q1, q2 = Period.quarter(2024, 1), Period.quarter(2024, 2)
    data = Dataset(
        indicators,
        tree,
        [
            v("avg_size", "371082103201", "3人"),
            v("avg_size", "371082103202", "4人"),
            v("avg_money", "371082103201", "10元"),
            v("avg_money", "371082103202", "15元"),
            v("avg_money", "371082103203", "__元"),
            v("peak", "371082103201", "80人", q1),
            v("peak", "371082103201", "120余人", q2),
            v("peak", "371082103202", "100人", q1),
            v("mean_month", "371082103201", "10场次", q1),
            v("mean_month", "371082103201", "20场次", q2),
            v("rank", "371082103201", "1个"),
            v("rank", "371082103202", "2个"),
        ],
    )
    town = "371082103"
    assert str(rollup(data, "avg_size", town, YEAR, level=Level.VILLAGE).value) == "约4人"  # 3.5 rounds, so it is about
    assert str(rollup(data, "avg_money", "371082103202", YEAR, level=Level.VILLAGE).value) == "15元"
    assert rollup(data, "avg_money", town, YEAR, level=Level.VILLAGE).value == Quantity.unknown(Unit.YUAN)
    assert str(rollup(data, "peak", town, YEAR, level=Level.VILLAGE).value) == "120余人"
    assert str(rollup(data, "mean_month", "371082103201", Period.half(2024, 1), level=Level.VILLAGE).value) == "15场次"
    undefined = rollup(data, "rank", town, YEAR, level=Level.VILLAGE)
    assert (undefined.value, undefined.reason) == (None, "排名不可跨单位汇总")
    assert str(rollup(data, "rank", "371082103201", YEAR, level=Level.VILLAGE).value) == "1个"


exact_figures = quantities(units=st.just(Unit.YUAN), qualifiers=st.just(Qualifier.EXACT), max_value=10**9)


@given(st.lists(st.one_of(exact_figures, quantities(units=st.just(Unit.YUAN))), min_size=1, max_size=12))
def test_a_partial_sums_as_pairwise_addition_writes(figures: list[Quantity]) -> None:
    # Exact figures are summed in one pass: the same total, qualifier, bounds and writing
    # (a magnitude kept only when every figure has it) as adding them one by one.
    reporters = [f"村{index}" for index in range(len(figures))]
    partial = Partial.of_many(Unit.YUAN, reporters, figures)
    pairwise = figures[0]
    for figure in figures[1:]:
        pairwise = pairwise + figure
    assert partial.total == pairwise
    assert partial.total is not None
    assert partial.total.bounds == pairwise.bounds
    assert partial.total.render() == pairwise.render()
    largest = max(figures, key=lambda q: (q.bounds.low, q.value if q.value is not None else Decimal(-1), q.render()))
    assert partial.largest is largest


def test_a_sum_of_plain_figures_in_ten_thousands() -> None:
    figures = [Quantity.parse("5万元"), Quantity.parse("3万元"), Quantity.parse("50000元")]
    partial = Partial.of_many(Unit.YUAN, ["a", "b"], figures[:2])
    assert partial.total is not None
    assert partial.total.render() == "8万元"
    mixed = Partial.of_many(Unit.YUAN, ["a", "b", "c"], figures)
    assert mixed.total is not None
    assert mixed.total.render() == "130000元"
    assert mixed.largest is figures[0]


def test_a_unit_figure_is_read_as_its_own_total_only_when_plainly_exact(tree: OrgTree) -> None:
    money = IndicatorSet([Indicator("raised", "筹集资金", Unit.YUAN)])
    values = [
        v("raised", "371082103201", "5万元"),
        v("raised", "371082103202", "30000元"),
        v("raised", "371082103203", "1万元"),
    ]
    data = Dataset(money, tree, values)
    # 5万元 is summed as Quantity.total sums it (its 万 not kept beside a plain figure).
    result = rollup(data, "raised", "371082103", YEAR, level=Level.VILLAGE)
    assert result.value is not None
    assert (result.value.render(), str(result.coverage), result.status) == ("90000元", "3/3", RollupStatus.COMPLETE)
    alone = rollup(data, "raised", "371082103201", YEAR, level=Level.VILLAGE)
    assert alone.value is not None
    assert alone.value.render() == Quantity.total([Quantity.parse("5万元")], Unit.YUAN).render()


@pytest.mark.parametrize(
    "texts", [["5万元", "3万元", "2万元"], ["1,000元", "2,500元", "12,000元"], ["613户", "120户", "7户"]]
)
def test_figures_written_alike_sum_as_one_by_one(texts: list[str]) -> None:
    figures = [Quantity.parse(text) for text in texts]
    pairwise = figures[0] + figures[1] + figures[2]
    partial = Partial.of_many(figures[0].unit, ["a", "b", "c"], figures)
    assert partial.total is not None
    assert (partial.total, partial.total.render()) == (pairwise, pairwise.render())
