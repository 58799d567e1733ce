"""Thresholds as rules state them: parsing, the canonical text, and three-valued judging."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given

from fulian_core import DefinitionError, Quantity
from fulian_core.quantities import Bounds, Comparison
from fulian_core.rules import Boundary, Side, Threshold
from fulian_core.testing import thresholds

YES, NO, UNDECIDABLE = Comparison.YES, Comparison.NO, Comparison.UNDECIDABLE


@pytest.mark.parametrize(
    ("text", "side", "value", "boundary", "canonical"),
    [
        ("≥85", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        (">=85", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("不低于85", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("不少于60%", Side.ABOVE, Fraction(3, 5), Boundary.INCLUSIVE, "≥60%"),
        ("满3", Side.ABOVE, 3, Boundary.INCLUSIVE, "≥3"),
        ("超过2/3", Side.ABOVE, Fraction(2, 3), Boundary.EXCLUSIVE, ">2/3"),
        ("高于 12.5", Side.ABOVE, Fraction(25, 2), Boundary.EXCLUSIVE, ">12.5"),
        ("85以上", Side.ABOVE, 85, Boundary.UNSTATED, "85以上"),
        ("85以上（含）", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("85以上(不含本数)", Side.ABOVE, 85, Boundary.EXCLUSIVE, ">85"),
        ("三分之二以上", Side.ABOVE, Fraction(2, 3), Boundary.UNSTATED, "2/3以上"),
        ("过半数", Side.ABOVE, Fraction(1, 2), Boundary.EXCLUSIVE, ">50%"),
        ("超过半数", Side.ABOVE, Fraction(1, 2), Boundary.EXCLUSIVE, ">50%"),
        ("半数以上", Side.ABOVE, Fraction(1, 2), Boundary.UNSTATED, "50%以上"),
        ("不少于半数", Side.ABOVE, Fraction(1, 2), Boundary.INCLUSIVE, "≥50%"),
        ("百分之五十以上（含）", Side.ABOVE, Fraction(1, 2), Boundary.INCLUSIVE, "≥50%"),
        ("85%及以上", Side.ABOVE, Fraction(17, 20), Boundary.INCLUSIVE, "≥85%"),
        ("85分以上", Side.ABOVE, 85, Boundary.UNSTATED, "85以上"),
        ("85分及以上", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("60分及以下", Side.BELOW, 60, Boundary.INCLUSIVE, "≤60"),
        ("八十五分以上", Side.ABOVE, 85, Boundary.UNSTATED, "85以上"),
        ("≥八十五", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("大于等于90", Side.ABOVE, 90, Boundary.INCLUSIVE, "≥90"),
        ("不小于60", Side.ABOVE, 60, Boundary.INCLUSIVE, "≥60"),
        ("达到80分", Side.ABOVE, 80, Boundary.INCLUSIVE, "≥80"),
        ("大于90", Side.ABOVE, 90, Boundary.EXCLUSIVE, ">90"),
        ("小于等于3", Side.BELOW, 3, Boundary.INCLUSIVE, "≤3"),
        ("不大于3", Side.BELOW, 3, Boundary.INCLUSIVE, "≤3"),
        ("小于3", Side.BELOW, 3, Boundary.EXCLUSIVE, "<3"),
        ("＞８５", Side.ABOVE, 85, Boundary.EXCLUSIVE, ">85"),
        ("≧85", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("⩽85", Side.BELOW, 85, Boundary.INCLUSIVE, "≤85"),
        ("85分以上（含85分）", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("85以上（含85）", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("60分（含）以上", Side.ABOVE, 60, Boundary.INCLUSIVE, "≥60"),
        ("达到85分以上", Side.ABOVE, 85, Boundary.UNSTATED, "85以上"),
        ("在60分以上", Side.ABOVE, 60, Boundary.UNSTATED, "60以上"),
        ("满一百分", Side.ABOVE, 100, Boundary.INCLUSIVE, "≥100"),
        ("八十五点五分以上", Side.ABOVE, Fraction(171, 2), Boundary.UNSTATED, "85.5以上"),
        ("百分之八十五点五以上", Side.ABOVE, Fraction(171, 200), Boundary.UNSTATED, "85.5%以上"),
        ("不到60", Side.BELOW, 60, Boundary.EXCLUSIVE, "<60"),
        ("不满18", Side.BELOW, 18, Boundary.EXCLUSIVE, "<18"),
        ("十分之八及以上", Side.ABOVE, Fraction(4, 5), Boundary.INCLUSIVE, "≥80%"),
        ("85以上（含本数）", Side.ABOVE, 85, Boundary.INCLUSIVE, "≥85"),
        ("不超过2", Side.BELOW, 2, Boundary.INCLUSIVE, "≤2"),
        ("最多5", Side.BELOW, 5, Boundary.INCLUSIVE, "≤5"),
        ("2以内", Side.BELOW, 2, Boundary.INCLUSIVE, "≤2"),
        ("不足5", Side.BELOW, 5, Boundary.EXCLUSIVE, "<5"),
        ("未满18", Side.BELOW, 18, Boundary.EXCLUSIVE, "<18"),
        ("60以下", Side.BELOW, 60, Boundary.UNSTATED, "60以下"),
        ("<5", Side.BELOW, 5, Boundary.EXCLUSIVE, "<5"),
        ("未公布的下限", Side.ABOVE, None, Boundary.UNSTATED, "未公布的下限"),
        ("未公布的上限", Side.BELOW, None, Boundary.UNSTATED, "未公布的上限"),
    ],
)
def test_rules_written_in_every_way(
    text: str, side: Side, value: int | Fraction | None, boundary: Boundary, canonical: str
) -> None:
    threshold = Threshold.parse(text)
    assert (threshold.side, threshold.value, threshold.boundary) == (side, value, boundary)
    assert str(threshold) == canonical
    assert Threshold.parse(canonical) == threshold


@pytest.mark.parametrize(
    "text", ["", "85", "以上85", "≥八五", "超过", "≥1/0", "≥1e999", "≥" + "9" * 50, "85万元以上", "3年以上", 85.0]
)
def test_what_is_not_a_threshold(text: object) -> None:
    with pytest.raises(DefinitionError, match="^threshold: expected a threshold such as"):
        Threshold.parse(text)  # type: ignore[arg-type]


def test_named_constructors_and_values() -> None:
    assert Threshold.at_least("2/3") == Threshold(Side.ABOVE, Fraction(2, 3), Boundary.INCLUSIVE)
    assert Threshold.at_least("2/3").share  # a fraction is a proportion
    assert not Threshold.at_least("0.5").share
    assert Threshold.more_than(Decimal("12.5")).value == Fraction(25, 2)
    assert Threshold.at_most(2).boundary is Boundary.INCLUSIVE
    assert Threshold.less_than(5).side is Side.BELOW
    assert Threshold.above(85).boundary is Boundary.UNSTATED
    assert Threshold.below(60).side is Side.BELOW
    assert not Threshold.unpublished().published
    with pytest.raises(DefinitionError, match=r"^value: expected a number .* never a float, got 0.5$"):
        Threshold.at_least(0.5)  # type: ignore[arg-type]
    with pytest.raises(DefinitionError) as raised:
        Threshold("above", 1, "inclusive")  # type: ignore[arg-type]
    assert len(raised.value.faults) == 2


@pytest.mark.parametrize(
    ("threshold", "value", "answer"),
    [
        (Threshold.at_least(85), 85, YES),
        (Threshold.more_than(85), 85, NO),
        (Threshold.above(85), 85, UNDECIDABLE),
        (Threshold.above(85), Decimal("85.01"), YES),
        (Threshold.above(85), 84, NO),
        (Threshold.at_most(2), 2, YES),
        (Threshold.less_than(2), 2, NO),
        (Threshold.below(2), 2, UNDECIDABLE),
        (Threshold.below(2), 1, YES),
        (Threshold.unpublished(), 100, UNDECIDABLE),
    ],
)
def test_judging_an_exact_value(threshold: Threshold, value: int | Decimal, answer: Comparison) -> None:
    assert threshold.judge(value) is answer


@pytest.mark.parametrize(
    ("threshold", "figure", "answer"),
    [
        (Threshold.at_least(60), "60余人", YES),
        (Threshold.more_than(60), "60余人", YES),
        (Threshold.at_least(61), "60余人", UNDECIDABLE),
        (Threshold.at_least(60), "近60人", NO),
        (Threshold.at_most(60), "近60人", YES),
        (Threshold.at_least(50), "约60人", UNDECIDABLE),
        (Threshold.at_least(60), "60人以上", YES),
        (Threshold.less_than(60), "60人以上", NO),
    ],
)
def test_judging_a_qualified_figure(threshold: Threshold, figure: str, answer: Comparison) -> None:
    assert threshold.judge_bounds(Quantity.parse(figure).bounds) is answer
    assert Threshold.unpublished().judge_bounds(Bounds()) is UNDECIDABLE


def test_descriptions_read_as_rules_write_them() -> None:
    assert Threshold.at_least(85).describe("分") == "不低于85分"
    assert Threshold.more_than("2/3").describe() == "超过三分之二"
    assert Threshold.at_least("0.6").describe(percent=True) == "不低于60%"
    assert Threshold.above(50).describe("亩") == "50亩以上（未说明是否含本数）"
    assert Threshold.less_than(5).describe("年") == "不足5年"
    assert Threshold.unpublished().describe("分") == "门槛未公布"


@given(thresholds(unpublished=True))
def test_the_canonical_text_reads_back(threshold: Threshold) -> None:
    assert Threshold.parse(str(threshold)) == threshold


@given(thresholds(unstated=False))
def test_a_stated_threshold_always_decides_an_exact_value(threshold: Threshold) -> None:
    for value in (0, 1, 50, 99, 100):
        assert threshold.judge(value) is not UNDECIDABLE


def test_a_percentage_is_a_share_and_stays_one() -> None:
    """ "85%以上" in a band is a share of the maximum (得分率), not 0.85 points: the threshold
    remembers that it was written as a percentage, in its text form too."""
    share = Threshold.parse("85%以上（含）")
    assert share.share
    assert share.value == Fraction(17, 20)
    assert share != Threshold.at_least("0.85")
    assert not Threshold.at_least("0.85").share
    assert Threshold.at_least("85%") == share
    assert Threshold.more_than("百分之六十").share
    assert str(Threshold(Side.ABOVE, Fraction(2, 3), Boundary.INCLUSIVE)) == "≥2/3"  # a share, as no decimal writes it
    assert Threshold.parse("≥200/3%").value == Fraction(2, 3)
    assert share.describe("分") == "不低于85%"
    assert share.judge(Fraction(17, 20)) is YES  # as a ratio, the share is the ratio
    with pytest.raises(DefinitionError, match="^value: expected a share of at least 0%, got '-10%'$"):
        Threshold(Side.ABOVE, Fraction(-1, 10), share=True)
    with pytest.raises(DefinitionError, match="^share: expected true or false, got 'yes'$"):
        Threshold(Side.ABOVE, 1, share="yes")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError, match="^share: expected false for a limit that is not published, got True$"):
        Threshold(Side.ABOVE, None, share=True)


@given(thresholds())
def test_the_text_form_reads_back_as_a_share_too(threshold: Threshold) -> None:
    share = Threshold(threshold.side, threshold.value, threshold.boundary, share=True)
    assert Threshold.parse(str(share)) == share


@pytest.mark.parametrize(
    "text", ["85以内（不含）", "60及以下（不含）", "85%及以上（不含）", "85以上（含86分）", "60分（含）以上（不含）"]
)
def test_a_boundary_stated_twice_differently_is_refused(text: str) -> None:
    with pytest.raises(
        DefinitionError, match="^threshold: expected a threshold that states its boundary once, of its own number"
    ):
        Threshold.parse(text)
