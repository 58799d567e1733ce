"""Shares of a total: the seed's 171 committee members, and the laws of largest remainder."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    Ratio,
    ValidationError,
    labelled_percentage_shares,
    largest_remainder,
    percentage_shares,
)
from fulian_core.testing import ratios, share_counts
from fulian_core.testing.laws import assert_shares_exact


def d(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(value) for value in values)


# Seed 003: 23 communities elected 171 executive committee members (执委).
@pytest.mark.parametrize(
    ("counts", "shares"),
    [
        ([48, 76, 47], d("28.07", "44.44", "27.49")),  # 妇女工作者 / 基层妇女代表 / 各界妇女代表
        ([86, 85], d("50.29", "49.71")),  # 中共党员 / 非中共党员
        ([79, 54, 38], d("46.20", "31.58", "22.22")),  # 本科及以上 / 大专 / 高中及以下
        (
            [31, 88, 47, 5],
            d("18.13", "51.46", "27.49", "2.92"),
        ),  # 30岁及以下 / 31-40 / 41-50 / 51以上
    ],
)
def test_seed_committee_breakdown_reproduces(counts: list[int], shares: tuple[Decimal, ...]) -> None:
    assert sum(counts) == 171
    assert percentage_shares(counts) == shares


def test_labelled_shares_keep_labels() -> None:
    assert labelled_percentage_shares({"妇女工作者": 48, "基层妇女代表": 76, "各界妇女代表": 47}) == {
        "妇女工作者": Decimal("28.07"),
        "基层妇女代表": Decimal("44.44"),
        "各界妇女代表": Decimal("27.49"),
    }


def test_ties_go_to_the_earlier_count() -> None:
    assert percentage_shares([1, 1, 1]) == d("33.34", "33.33", "33.33")
    assert largest_remainder([1, 1, 1], total=1, places=0) == d("1", "0", "0")
    assert largest_remainder([1, 3], total=Decimal("10.5"), places=1) == d("2.6", "7.9")


@pytest.mark.parametrize(
    ("counts", "kwargs", "message"),
    [
        ([0, 0], {}, "counts: expected counts with a positive total, got [0, 0]"),
        ([], {}, "counts: expected counts with a positive total, got []"),
        (
            [3, -1, 2.5],
            {},
            "counts[1]: expected a whole count >= 0, got -1\ncounts[2]: expected a whole count >= 0, got 2.5",
        ),
        ([1], {"places": 11}, "places: expected a whole number of decimals from 0 to 10, got 11"),
        ([1], {"total": 0}, "total: expected a positive finite number, got 0"),
        (
            [1],
            {"total": Decimal("1.005")},
            "total: expected a number with at most 2 decimals, got Decimal('1.005')",
        ),
    ],
)
def test_bad_counts_are_refused(counts: list[int], kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        largest_remainder(counts, **kwargs)  # type: ignore[arg-type]
    assert str(raised.value) == message


@given(share_counts(), st.integers(0, 4))
def test_shares_add_up_exactly_and_stay_close(counts: list[int], places: int) -> None:
    assert_shares_exact(counts, places=places)


def test_ratio_aggregates_by_summing_counts() -> None:
    # 平安家庭 181,913 households, 90% of the district (seed 002 style figure).
    district = Ratio(181_913, 202_126)
    assert district.percent(0) == Decimal(90)
    villages = [Ratio(9, 10), Ratio(1, 10), Ratio(50, 80)]
    total = villages[0] + villages[1] + villages[2]
    assert total == Ratio(60, 100)
    assert total.percent() == Decimal("60.00")
    average_of_percentages = sum(v.percent() for v in villages) / 3
    assert average_of_percentages != total.percent()
    assert Ratio(1, 3).value() == Decimal(1) / Decimal(3)
    assert not Ratio(0, 0).is_defined
    with pytest.raises(ValidationError, match="^denominator: expected a positive count, got 0$"):
        Ratio(0, 0).percent()
    with pytest.raises(ValidationError, match="^numerator: expected a whole count >= 0, got -1$"):
        Ratio(-1, 3)
    assert Ratio(1, 2).__add__(3) is NotImplemented  # type: ignore[operator]


@given(ratios(), ratios(), ratios())
def test_ratio_addition_is_associative(first: Ratio, second: Ratio, third: Ratio) -> None:
    assert (first + second) + third == first + (second + third)
