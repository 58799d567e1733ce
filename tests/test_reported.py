"""Reported percentages: exact intervals from the seeds' figures, the arithmetic that respects
them, and the laws that hold for every generated count and base."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    DefinitionError,
    Interval,
    Percentage,
    PercentUnit,
    Qualifier,
    Quantity,
    ValidationError,
    find_percentages,
    implied_base,
    implied_count,
    points_change,
)
from fulian_core.testing import intervals, percentages

# (as written, value, step, qualifier, unit, the interval the truth lies in)
READINGS = [
    ("12.5%", "12.5", "0.1", Qualifier.EXACT, PercentUnit.PERCENT, "[12.45, 12.55)"),
    ("28.07%", "28.07", "0.01", Qualifier.EXACT, PercentUnit.PERCENT, "[28.065, 28.075)"),
    ("46.20%", "46.20", "0.01", Qualifier.EXACT, PercentUnit.PERCENT, "[46.195, 46.205)"),
    ("90%", "90", "1", Qualifier.EXACT, PercentUnit.PERCENT, "[89.5, 90.5)"),
    ("4%", "4", "1", Qualifier.EXACT, PercentUnit.PERCENT, "[3.5, 4.5)"),
    ("0%", "0", "1", Qualifier.EXACT, PercentUnit.PERCENT, "[0, 0.5)"),
    ("70%以上", "70", "1", Qualifier.AT_LEAST, PercentUnit.PERCENT, "[70, ∞)"),
    ("超过60%", "60", "1", Qualifier.MORE_THAN, PercentUnit.PERCENT, "(60, ∞)"),
    ("逾60%", "60", "1", Qualifier.MORE_THAN, PercentUnit.PERCENT, "(60, ∞)"),
    ("近90%", "90", "1", Qualifier.NEARLY, PercentUnit.PERCENT, "[0, 90)"),
    ("约30%", "30", "1", Qualifier.ABOUT, PercentUnit.PERCENT, "[0, ∞)"),
    ("30%左右", "30", "1", Qualifier.ABOUT, PercentUnit.PERCENT, "[0, ∞)"),
    ("八成", "80", "10", Qualifier.EXACT, PercentUnit.PERCENT, "[75, 85)"),
    ("近三成", "30", "10", Qualifier.NEARLY, PercentUnit.PERCENT, "[0, 30)"),
    ("八成以上", "80", "10", Qualifier.AT_LEAST, PercentUnit.PERCENT, "[80, ∞)"),
    ("3个百分点", "3", "1", Qualifier.EXACT, PercentUnit.POINT, "[2.5, 3.5)"),
    ("提高3.2个百分点", "3.2", "0.1", Qualifier.EXACT, PercentUnit.POINT, "[3.15, 3.25)"),
    ("下降1.5个百分点", "-1.5", "0.1", Qualifier.EXACT, PercentUnit.POINT, "(-1.55, -1.45]"),
    ("降低近2个百分点", "-2", "1", Qualifier.NEARLY, PercentUnit.POINT, "(-2, 0]"),
    ("提高0.0个百分点", "0.0", "0.1", Qualifier.EXACT, PercentUnit.POINT, "[-0.05, 0.05)"),
]


@pytest.mark.parametrize("reading", READINGS, ids=[reading[0] for reading in READINGS])
def test_each_written_form_has_its_exact_interval(
    reading: tuple[str, str, str, Qualifier, PercentUnit, str],
) -> None:
    text, value, step, qualifier, unit, interval = reading
    percentage = Percentage.parse(text)
    assert (percentage.value, percentage.step) == (Decimal(value), Decimal(step))
    assert (percentage.qualifier, percentage.unit) == (qualifier, unit)
    assert str(percentage.interval) == interval
    assert percentage.render() == text


def test_the_written_precision_is_the_rounding() -> None:
    # 46.20% keeps its two decimals: [46.195, 46.205), not 46.2%'s [46.15, 46.25).
    assert Percentage.parse("46.20%") != Percentage.parse("46.2%")
    assert Percentage.of("46.2").interval == Interval(Fraction("46.15"), Fraction("46.25"), high_open=True)
    assert Percentage.parse("12.5%").share == Interval(Fraction("0.1245"), Fraction("0.1255"), high_open=True)
    assert Percentage.parse("28.07%").half_step == Fraction(1, 200)


def test_canonical_writing_without_the_text() -> None:
    rendered = [
        Percentage(Decimal(90), Decimal(1), Qualifier.AT_LEAST).render(),
        Percentage(Decimal("28.07"), Decimal("0.01")).render(),
        Percentage(Decimal("-1.5"), Decimal("0.1"), unit=PercentUnit.POINT).render(),
        Percentage(Decimal(30), Decimal(10), Qualifier.NEARLY).render(),
    ]
    assert rendered == ["90%以上", "28.07%", "下降1.5个百分点", "近30%"]


def test_seed_000_the_forwarded_share_implies_81_received() -> None:
    # 向自治区上报事迹材料共计55份，占总推荐材料的67.9% (of 80余份 received).
    base = implied_base(55, Percentage.parse("67.9%"))
    assert str(base) == "(110000/1359, 110000/1357]"
    assert [received for received in range(60, 100) if base.contains(received)] == [81]
    assert base.intersection(Interval.of(Quantity.parse("80余份"))) == base


def test_seed_003_both_peaceful_family_shares_imply_one_district() -> None:
    # 平安家庭181,913户，占全区总户数的90%；其中区级平安家庭51,529户，占全区总户数的25%。
    town = implied_base(181_913, Percentage.parse("90%"))
    district = implied_base(51_529, Percentage.parse("25%"))
    assert str(town) == "(36382600/181, 36382600/179]"
    assert str(district) == "(10305800/51, 10305800/49]"
    assert town.render() == "(201008.83, 203254.75]"
    assert town.intersection(district) == Interval(Fraction(10305800, 51), Fraction(36382600, 179), low_open=True)


def test_seed_003_a_four_percent_sample_of_eight_villages() -> None:
    # 按4%的比例抽取8个村: between 178 and 228 villages.
    villages = implied_base(8, Percentage.parse("4%"))
    assert str(villages) == "(1600/9, 1600/7]"
    assert (villages.contains(177), villages.contains(178), villages.contains(228), villages.contains(229)) == (
        False,
        True,
        True,
        False,
    )
    assert str(implied_count(Percentage.parse("4%"), 200)) == "[7, 9)"


def test_qualifiers_bound_the_implied_base() -> None:
    assert str(implied_base(90, Percentage.parse("90%以上"))) == "(0, 100]"
    assert str(implied_base(90, Percentage.parse("超过90%"))) == "(0, 100)"
    assert str(implied_base(27, Percentage.parse("近三成"))) == "(90, ∞)"
    assert str(implied_base(27, Percentage.parse("约30%"))) == "(0, ∞)"
    assert str(implied_base(Quantity.parse("200余户"), Percentage.parse("50%"))) == "(40000/101, ∞)"
    assert str(implied_count(Percentage.parse("八成"), Quantity.parse("近100人"))) == "[0, 85)"


def test_points_change_between_two_reported_percentages() -> None:
    assert str(points_change(Percentage.parse("45.2%"), Percentage.parse("48.4%"))) == "(3.1, 3.3)"
    assert str(points_change(Percentage.parse("50.29%"), Percentage.parse("49.71%"))) == "(-0.59, -0.57)"
    assert str(points_change(Percentage.parse("90%以上"), Percentage.parse("95%"))) == "(-∞, 5.5)"


def test_interval_arithmetic_at_its_edges() -> None:
    zero = Interval.point(0)
    unbounded = Interval(Fraction(1), None)
    assert zero * unbounded == zero
    assert str(Interval.point(5) / Interval(Fraction(0), Fraction(1))) == "[5, ∞)"
    assert str(Interval.point(0) / Interval.point(0)) == "[0, ∞)"
    assert str(Interval.point(0) / Interval.point(2)) == "[0, 0]"
    assert str(Interval.point(5) / Interval.point(0)) == "[0, ∞)"
    assert str(Interval(Fraction(1), Fraction(2), high_open=True) - Interval.point(1)) == "[0, 1)"
    assert str(-Interval(None, Fraction(2))) == "[-2, ∞)"
    assert Interval(Fraction(1), Fraction(2)).intersection(Interval(Fraction(2), Fraction(3), low_open=True)) is None
    assert Interval(Fraction(1), Fraction(10, 3)).render(places=2) == "[1, 3.34]"
    assert Interval(Fraction(-10, 3), None).render(places=2) == "[-3.34, ∞)"


REFUSALS = [
    (
        lambda: Percentage.parse("百分之十二"),
        "text: expected a percentage such as '12.5%', '90%以上', '八成', '3.2个百分点', got '百分之十二'",
    ),
    (
        lambda: Percentage.parse("近90%以上"),
        "text: expected a percentage such as '12.5%', '90%以上', '八成', '3.2个百分点', got '近90%以上'",
    ),
    (
        lambda: Percentage.parse("提高5%"),
        "text: expected a percentage such as '12.5%', '90%以上', '八成', '3.2个百分点', got '提高5%'",
    ),
    (
        lambda: Percentage.parse(12),  # type: ignore[arg-type]
        "text: expected a string such as '12.5%', got 'int'",
    ),
    (
        lambda: Percentage(Decimal("12.55"), Decimal("0.1")),
        "value: expected a multiple of the step 0.1, got Decimal('12.55')",
    ),
    (
        lambda: Percentage(Decimal(-1), Decimal(1)),
        "value: expected a percentage >= 0 (a change is in points), got Decimal('-1')",
    ),
    (
        lambda: Percentage(Decimal(5), Decimal(1), text="90%"),
        "text: expected a writing of 5%, got '90%'",
    ),
    (
        lambda: Percentage(Decimal(1), Decimal(3)),
        "step: expected the grain of the last written place: a power of ten from 0.000001 to 10, got Decimal('3')",
    ),
    (
        lambda: Percentage.of(0.5),  # type: ignore[arg-type]
        "value: expected a decimal string, an int or a Decimal (never a float), got 0.5",
    ),
    (lambda: Interval(Fraction(2), Fraction(1)), "high: expected a bound above low (2), got Fraction(1, 1)"),
    (
        lambda: Interval(1, None),  # type: ignore[arg-type]
        "low: expected a Fraction (or None for no bound), got 1",
    ),
    (
        lambda: implied_base(10, Percentage.parse("3个百分点")),
        "share.unit: expected a percentage of a whole (%), not points, got 'point'",
    ),
    (
        lambda: implied_count(Percentage.parse("4%"), 2.5),  # type: ignore[arg-type]
        "figure: expected a Quantity or a whole number, got 'float'",
    ),
    (lambda: Interval.point(-1) * Interval.point(1), "left: expected an interval of values >= 0, got '[-1, -1]'"),
]


@pytest.mark.parametrize(("call", "message"), REFUSALS)
def test_refusals_say_where_what_and_what_came(call: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()  # type: ignore[operator]
    assert str(caught.value) == message
    assert not isinstance(caught.value, DefinitionError)


def test_percentages_found_in_a_seed_passage() -> None:
    # Seed 003 (社区妇联执委) and phrases that are not percentages (一成不变, 增长5%, 成立).
    text = "其中妇女工作者48人,占总数的28.07%;完成八成以上,比去年提高了3.2个百分点,近三成;一成不变,增长5%,成立3个"
    found = [(figure.start, figure.text, str(figure.percentage.interval)) for figure in find_percentages(text)]
    assert found == [
        (15, "28.07%", "[28.065, 28.075)"),
        (24, "八成以上", "[80, ∞)"),
        (32, "提高了3.2个百分点", "[3.15, 3.25)"),
        (43, "近三成", "[0, 30)"),
    ]


def _as_reported(count: int, base: int, places: int, rounding: str = decimal.ROUND_HALF_UP) -> str:
    exact = Decimal(count * 100) / Decimal(base)
    return str(exact.quantize(Decimal(1).scaleb(-places), rounding=rounding))


cases = st.integers(1, 10**7).flatmap(lambda base: st.tuples(st.integers(0, base), st.just(base), st.integers(0, 3)))


@given(cases)
def test_the_implied_base_and_count_contain_the_truth(case: tuple[int, int, int]) -> None:
    count, base, places = case
    share = Percentage.of(_as_reported(count, base, places))
    assert share.interval.contains(Fraction(count * 100, base))
    assert implied_base(count, share).contains(base)
    assert implied_count(share, base).contains(count)


@given(cases)
def test_a_bound_written_by_rounding_down_holds(case: tuple[int, int, int]) -> None:
    count, base, places = case
    floor = _as_reported(count, base, places, decimal.ROUND_FLOOR)
    share = Percentage.of(floor, qualifier=Qualifier.AT_LEAST)
    assert implied_base(count, share).contains(base)
    assert implied_count(share, base).contains(count)


@given(cases, cases)
def test_the_points_change_contains_the_exact_change(first: tuple[int, int, int], second: tuple[int, int, int]) -> None:
    before = Percentage.of(_as_reported(*first))
    after = Percentage.of(_as_reported(*second))
    exact = Fraction(second[0] * 100, second[1]) - Fraction(first[0] * 100, first[1])
    assert points_change(before, after).contains(exact)


@given(intervals(), intervals(), st.fractions(min_value=-20_000, max_value=20_000))
def test_an_intersection_holds_what_both_hold(first: Interval, second: Interval, value: Fraction) -> None:
    both = first.intersection(second)
    inside = first.contains(value) and second.contains(value)
    assert inside == (both is not None and both.contains(value))


@given(intervals(non_negative=True), intervals(non_negative=True), st.data())
def test_products_and_quotients_contain_the_products_of_members(
    first: Interval, second: Interval, data: st.DataObject
) -> None:
    x = data.draw(_member(first))
    y = data.draw(_member(second))
    assert (first * second).contains(x * y)
    assert (first + second).contains(x + y)
    assert (first - second).contains(x - y)
    if y:
        assert (first / second).contains(x / y)


def _member(interval: Interval) -> st.SearchStrategy[Fraction]:
    low = interval.low if interval.low is not None else Fraction(-(10**5))
    high = interval.high if interval.high is not None else low + 10**5
    if interval.is_point:
        return st.just(low)
    # Points strictly inside (the ends are checked by the unit tests), never rejected.
    return st.integers(1, 999).map(lambda step: low + (high - low) * step / 1000)


@given(percentages())
def test_every_generated_percentage_holds_its_own_value_or_bounds_it(percentage: Percentage) -> None:
    interval = percentage.interval
    value = Fraction(percentage.value)
    if percentage.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.ABOUT, Qualifier.AT_MOST):
        assert interval.contains(value)
    else:
        assert not interval.contains(value)
    assert Percentage.parse(percentage.render()) == percentage or percentage.step == 10


@pytest.mark.parametrize(
    ("text", "qualifier", "interval"),
    [
        ("不足5%", Qualifier.LESS_THAN, Interval(Fraction(0), Fraction(5), high_open=True)),
        ("不到5%", Qualifier.LESS_THAN, Interval(Fraction(0), Fraction(5), high_open=True)),
        ("90%以下", Qualifier.AT_MOST, Interval(Fraction(0), Fraction(90))),
        ("20%以内", Qualifier.AT_MOST, Interval(Fraction(0), Fraction(20))),
        ("最多30%", Qualifier.AT_MOST, Interval(Fraction(0), Fraction(30))),
    ],
)
def test_upper_bounds_are_read_as_upper_bounds(text: str, qualifier: Qualifier, interval: Interval) -> None:
    percentage = Percentage.parse(text)
    assert (percentage.qualifier, percentage.interval, percentage.render()) == (qualifier, interval, text)
