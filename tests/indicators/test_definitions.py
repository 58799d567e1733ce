"""Indicator definitions: validated whole, as data."""

from __future__ import annotations

import pytest

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.indicators import Indicator, IndicatorSet, RatioIndicator
from fulian_core.quantities import Unit


def test_bad_sets_name_every_fault() -> None:
    with pytest.raises(DefinitionError) as raised:
        IndicatorSet(
            [
                Indicator("households", "总户数", Unit.HOUSEHOLD),
                Indicator("households", "重复", Unit.HOUSEHOLD),
                RatioIndicator("share", "占比", "safe", "households"),
                "x",  # type: ignore[list-item]
            ]
        )
    assert str(raised.value).splitlines() == [
        "definitions[1].code: expected a code not used before, got 'households'",
        "definitions[3]: expected an Indicator or a RatioIndicator, got 'x'",
        "definitions[2].numerator: expected the code of an indicator of the set, got 'safe'",
    ]


def test_cycles_among_derived_indicators_are_refused() -> None:
    with pytest.raises(DefinitionError) as raised:
        IndicatorSet(
            [
                Indicator("base", "基数", Unit.PERSON),
                RatioIndicator("a", "甲", "b", "base"),
                RatioIndicator("b", "乙", "a", "base"),
            ]
        )
    assert str(raised.value) == "definitions[1]: expected no cycle among derived indicators (a → b → a), got 'a'"


def test_bad_indicators() -> None:
    with pytest.raises(DefinitionError) as raised:
        Indicator("Bad Code", "", "户")  # type: ignore[arg-type]
    assert len(raised.value.faults) == 3
    with pytest.raises(
        DefinitionError,
        match="^factor: expected a whole number >= 1, got 0\ndenominator: expected an indicator other than the numerator, got 'a'$",
    ):
        RatioIndicator("r", "比", "a", "a", factor=0)


def test_sets_round_trip_and_look_up(indicators: IndicatorSet) -> None:
    assert structure(unstructure(indicators), IndicatorSet) == indicators
    assert indicators.get("safe_family_share").name == "平安家庭占比"
    assert indicators.indicator("teams").unit is Unit.TEAM
    with pytest.raises(
        ValidationError, match="^indicator: expected a counted indicator, not a ratio, got 'safe_family_share'$"
    ):
        indicators.indicator("safe_family_share")
    with pytest.raises(ValidationError, match="^indicator: expected an indicator of the set"):
        indicators.get("nope")
    assert hash(indicators) == hash(structure(unstructure(indicators), IndicatorSet))


def test_ratio_sides_share_a_unit_unless_declared_mixed() -> None:
    base = [Indicator("money", "善款", Unit.YUAN), Indicator("households", "户数", Unit.HOUSEHOLD)]
    with pytest.raises(DefinitionError) as raised:
        IndicatorSet([*base, RatioIndicator("per_household", "户均善款", "money", "households", factor=1)])
    assert (
        str(raised.value)
        == "definitions[2].denominator: expected an indicator in 元 like the numerator (or mixed_units=True), got 'households in 户'"
    )
    mixed = IndicatorSet(
        [*base, RatioIndicator("per_household", "户均善款", "money", "households", factor=1, mixed_units=True)]
    )
    assert mixed.get("per_household").name == "户均善款"
