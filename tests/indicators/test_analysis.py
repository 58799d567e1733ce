"""Findings, analysis, rendering and derived values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import Comparison, DefinitionError, Level, OrgTree, Period, Quantity, ValidationError
from fulian_core.courtyard import Household, Inspection, InspectionKind, score
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.indicators import (
    Dataset,
    DataValue,
    FindingKind,
    Indicator,
    IndicatorSet,
    Operator,
    Origin,
    ValidationRule,
    attainment,
    change,
    check_rules,
    check_totals,
    rank_units,
    render_percent,
    render_value,
    share_breakdown,
    tier_values,
)
from fulian_core.quantities import Unit
from fulian_core.rules import Fact, compile_sheet
from tests.indicators.conftest import YEAR


def v(indicator: str, unit: str, text: str) -> DataValue:
    return DataValue(indicator, unit, YEAR, Quantity.parse(text))


def test_a_townships_own_total_against_its_villages(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(
        indicators,
        tree,
        [
            v("teams", "371082103", "46支"),
            v("teams", "371082103201", "20支"),
            v("teams", "371082103202", "20支"),
            v("teams", "371082103203", "5支"),
            v("teams", "371082104", "10支"),
            v("teams", "371082104201", "10支"),
            v("teams", "371082105", "8余支"),
            v("teams", "371082105201", "8支"),
        ],
    )
    findings = check_totals(data, "teams", YEAR, level=Level.TOWNSHIP, children=Level.VILLAGE)
    assert [(f.unit, f.kind) for f in findings] == [
        ("371082103", FindingKind.VIOLATED),
        ("371082105", FindingKind.VIOLATED),
    ]
    assert findings[0].detail == "人和镇巾帼队伍自报46支，下级合计45支（3/3报送）"
    assert str(findings[1].right) == "8支"


def test_rules_between_indicators(tree: OrgTree, indicators: IndicatorSet) -> None:
    data = Dataset(
        indicators,
        tree,
        [
            v("screened", "371082103201", "785人"),
            v("eligible", "371082103201", "700人"),
            v("screened", "371082103202", "80人"),
            v("eligible", "371082103202", "近100人"),
            v("screened", "371082104201", "60余人"),
            v("eligible", "371082104201", "70人"),
            v("screened", "371082104202", "10人"),
        ],
    )
    rule = ValidationRule(
        "screening_le_eligible", "两癌筛查人数不超过适龄妇女人数", "screened", Operator.AT_MOST, "eligible"
    )
    units = ["371082103201", "371082103202", "371082104201", "371082104202"]
    findings = check_rules(data, [rule], units, YEAR)
    assert [(f.unit, f.kind) for f in findings] == [
        ("371082103201", FindingKind.VIOLATED),
        ("371082103202", FindingKind.UNDECIDABLE),
        ("371082104201", FindingKind.UNDECIDABLE),
    ]
    assert findings[0].detail == "两癌筛查人数不超过适龄妇女人数：785人 ≤ 700人 不成立"
    reverse = ValidationRule("r", "反向", "eligible", Operator.AT_LEAST, "screened")
    assert [f.unit for f in check_rules(data, [reverse], units, YEAR)] == [
        "371082103201",
        "371082103202",
        "371082104201",
    ]
    equal = ValidationRule("e", "相等", "screened", Operator.EQUAL, "eligible")
    assert [f.kind for f in check_rules(data, [equal], units, YEAR)] == [
        FindingKind.VIOLATED,
        FindingKind.UNDECIDABLE,
        FindingKind.UNDECIDABLE,
    ]
    with pytest.raises(DefinitionError):
        ValidationRule("", "x", "a", Operator.EQUAL, "a")


def test_attainment_change_ranking_and_shares() -> None:
    # 和谐文明家庭要达到总户数30%
    assert attainment(Decimal("31.5"), 30) is Comparison.YES
    assert attainment(Decimal("29.9"), 30) is Comparison.NO
    assert attainment(Quantity.parse("200余场次"), 250) is Comparison.UNDECIDABLE
    assert attainment(None, 1) is Comparison.UNDECIDABLE
    grown = change(Quantity.parse("1100余场次"), Quantity.parse("1000场次"))
    assert (grown.absolute, grown.percent, grown.exact) == (Decimal(100), Decimal("10.00"), False)
    assert change(Quantity.parse("3处"), Quantity.parse("0处")).percent is None
    assert change(Quantity.parse("3处"), Quantity.parse("__处")).absolute is None
    ranks = rank_units(
        {
            "c": Quantity.parse("80户"),
            "a": Quantity.parse("90户"),
            "b": Quantity.parse("80户"),
            "d": None,
            "e": Quantity.parse("70户"),
        }
    )
    assert [(r.place, r.unit) for r in ranks] == [(1, "a"), (2, "b"), (2, "c"), (4, "e"), (5, "d")]
    assert [r.unit for r in rank_units({"x": Decimal(1), "y": Decimal(2)}, descending=False)] == ["x", "y"]
    assert share_breakdown({"示范户": Quantity.parse("613户"), "精品户": Quantity.parse("307户")}) == {
        "示范户": Decimal("66.63"),
        "精品户": Decimal("33.37"),
    }
    with pytest.raises(ValidationError, match=r"^counts\['精品户'\]: expected an exact whole count, got '300余户'$"):
        share_breakdown({"精品户": Quantity.parse("300余户")})


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        ("1100余场次", "1100余场次"),
        ("56745元", "5.67万元"),
        ("181913户", "181,913户"),
        ("50000元", "5万元"),
        ("1万余元", "1万余元"),
        ("两千余人", "两千余人"),
        ("613户", "613户"),
        ("__元", "__元"),
    ],
)
def test_rendering(text: str, rendered: str) -> None:
    assert render_value(Quantity.parse(text)) == rendered


def test_rendering_percentages() -> None:
    assert render_percent(Decimal("90.00")) == "90%"
    assert render_percent(Decimal("28.07")) == "28.07%"
    assert render_percent(Decimal("67.90")) == "67.9%"
    assert render_percent(Decimal("67.9"), places=2) == "67.90%"
    assert render_percent(None) == "—"
    assert render_value(Quantity.parse("181913户"), group_digits=False) == "181913户"


def test_tier_values_come_from_score_cards() -> None:
    plan = compile_sheet(FOUR_GOALS_RUBRIC)
    good = {
        "yard_litter": Fact.found(0), "kitchen_grease": Fact.found(0), "door_window_dust": Fact.found(0),
        "toilet_clean": Fact.met(), "yard_clutter": Fact.found(0), "indoor_storage": Fact.rated("好"),
        "walls_tidy": Fact.rated("好"), "greenery": Fact.rated("好"),
        "illegal_building": Fact.not_met(), "unlawful": Fact.not_met(),
    }  # fmt: skip
    poor = good | {
        "toilet_clean": Fact.not_met(),
        "greenery": Fact.rated("差"),
        "yard_clutter": Fact.found(5),
    }
    cards = [
        score(plan, Inspection("i1", Household("h1", "v1"), dt.date(2024, 3, 1), InspectionKind.ACCEPTANCE, poor)),
        score(plan, Inspection("i2", Household("h1", "v1"), dt.date(2024, 9, 1), InspectionKind.RECHECK, good)),
        score(
            plan,
            Inspection(
                "i3",
                Household("h2", "v1"),
                dt.date(2024, 9, 1),
                InspectionKind.RECHECK,
                poor | {"walls_tidy": Fact.rated("差")},
            ),
        ),
        score(plan, Inspection("i4", Household("h3", "v2"), dt.date(2025, 1, 1), InspectionKind.RECHECK, good)),
    ]
    values = {(value.indicator, value.unit): value for value in tier_values(cards, YEAR, households={"v1": 3, "v3": 5})}
    assert values[("boutique_households", "v1")].value == Quantity.parse("1户")
    assert values[("clean_or_better_households", "v1")].value == Quantity.parse("1户")
    assert values[("households", "v1")].value == Quantity.parse("3户")
    assert values[("boutique_households", "v3")].value == Quantity.parse("0户")
    assert ("boutique_households", "v2") not in values  # its card falls in 2025
    assert {value.origin for value in values.values()} == {Origin.DERIVED}
    assert values[("demonstration_households", "v1")].value == Quantity.parse("0户")


def test_targets(tree: OrgTree, indicators: IndicatorSet) -> None:
    from fulian_core.indicators import Target, meets_target

    data = Dataset(
        indicators,
        tree,
        [
            v("safe_families", "371082103201", "35户"),
            v("households", "371082103201", "100户"),
            v("safe_families", "371082103202", "20户"),
            v("households", "371082103202", "100户"),
            v("safe_families", "371082104201", "40余户"),
            v("households", "371082104201", "100户"),
            v("safe_families", "371082104202", "近40户"),
            v("households", "371082104202", "100户"),
            v("teams", "371082103201", "3支"),
        ],
    )
    # 和谐文明家庭要达到总户数30%
    assert (
        meets_target(data, Target("safe_family_share", "371082103201", YEAR, 30), level=Level.VILLAGE) is Comparison.YES
    )
    assert (
        meets_target(data, Target("safe_family_share", "371082103202", YEAR, "30"), level=Level.VILLAGE)
        is Comparison.NO
    )
    assert (
        meets_target(data, Target("safe_family_share", "371082104201", YEAR, 30), level=Level.VILLAGE) is Comparison.YES
    )  # above 40%
    assert (
        meets_target(data, Target("safe_family_share", "371082104202", YEAR, 30), level=Level.VILLAGE)
        is Comparison.UNDECIDABLE
    )  # below 40%
    assert (
        meets_target(data, Target("safe_family_share", "371082104202", YEAR, 45), level=Level.VILLAGE) is Comparison.NO
    )
    assert (
        meets_target(data, Target("safe_family_share", "371082105201", YEAR, 30), level=Level.VILLAGE)
        is Comparison.UNDECIDABLE
    )  # no data
    assert meets_target(data, Target("teams", "371082103201", YEAR, 2), level=Level.VILLAGE) is Comparison.YES
    assert (
        meets_target(data, Target("teams", "371082103", YEAR, 5), level=Level.VILLAGE) is Comparison.UNDECIDABLE
    )  # two villages missing
    assert meets_target(data, Target("teams", "371082103201", YEAR, 5), level=Level.VILLAGE) is Comparison.NO


def test_change_against_the_previous_period_and_last_year(tree: OrgTree, indicators: IndicatorSet) -> None:
    from fulian_core.indicators import change_since_last_year, change_since_previous

    def month(year: int, number: int, text: str) -> DataValue:
        return DataValue("monthly_sessions", "371082103201", Period.month(year, number), Quantity.parse(text))

    data = Dataset(indicators, tree, [month(2023, 5, "80场次"), month(2024, 4, "90场次"), month(2024, 5, "100场次")])
    may = Period.month(2024, 5)
    previous = change_since_previous(data, "monthly_sessions", "371082103201", may, level=Level.VILLAGE)
    assert previous is not None
    assert (previous.absolute, previous.percent) == (Decimal(10), Decimal("11.11"))
    last_year = change_since_last_year(data, "monthly_sessions", "371082103201", may, level=Level.VILLAGE)
    assert last_year is not None
    assert (last_year.absolute, last_year.percent, last_year.exact) == (Decimal(20), Decimal("25.00"), True)
    assert (
        change_since_previous(data, "monthly_sessions", "371082103201", Period.month(2024, 4), level=Level.VILLAGE)
        is None
    )
    quarter = change_since_last_year(
        data, "monthly_sessions", "371082103201", Period.quarter(2024, 2), level=Level.VILLAGE
    )
    assert quarter is not None
    assert quarter.absolute == Decimal(110)  # 90 + 100 against 80 (partial quarters: check coverage before quoting)
    day_values = IndicatorSet([Indicator("visits", "走访", Unit.TIME)])
    days = Dataset(
        day_values,
        tree,
        [
            DataValue("visits", "371082103201", Period.day(dt.date(2024, 2, 29)), Quantity.parse("3次")),
            DataValue("visits", "371082103201", Period.day(dt.date(2023, 2, 28)), Quantity.parse("2次")),
            DataValue(
                "visits",
                "371082103201",
                Period.between(dt.date(2023, 3, 1), dt.date(2023, 3, 10)),
                Quantity.parse("5次"),
            ),
            DataValue(
                "visits",
                "371082103201",
                Period.between(dt.date(2024, 3, 1), dt.date(2024, 3, 10)),
                Quantity.parse("6次"),
            ),
        ],
    )
    leap = change_since_last_year(days, "visits", "371082103201", Period.day(dt.date(2024, 2, 29)), level=Level.VILLAGE)
    assert leap is not None
    assert leap.absolute == 1
    phase = change_since_last_year(
        days, "visits", "371082103201", Period.between(dt.date(2024, 3, 1), dt.date(2024, 3, 10)), level=Level.VILLAGE
    )
    assert phase is not None
    assert phase.absolute == 1
