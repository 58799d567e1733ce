"""Period labels as reports write them (issue 20, section 4): month ranges, months in Chinese
numerals, ranges across a year end, and refusals that say a year is needed."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Period, PeriodKind, ValidationError
from fulian_core._figures import chinese_numeral


@pytest.mark.parametrize(
    ("label", "year", "start", "end", "rendered"),
    [
        ("2023年1-6月", None, dt.date(2023, 1, 1), dt.date(2023, 6, 30), "2023年1-6月"),
        ("2024年3月—5月", None, dt.date(2024, 3, 1), dt.date(2024, 5, 31), "2024年3-5月"),
        ("1至9月", 2024, dt.date(2024, 1, 1), dt.date(2024, 9, 30), "2024年1-9月"),
        ("三月至5月", 2024, dt.date(2024, 3, 1), dt.date(2024, 5, 31), "2024年3-5月"),  # seed 004
        ("2024年11月—2025年2月", None, dt.date(2024, 11, 1), dt.date(2025, 2, 28), "2024年11月—2025年2月"),
        ("12月—2月", 2024, dt.date(2024, 12, 1), dt.date(2025, 2, 28), "2024年12月—2025年2月"),
        ("12月25日—1月5日", 2024, dt.date(2024, 12, 25), dt.date(2025, 1, 5), "2024年12月25日—2025年1月5日"),
        ("2024年7月4日至7日", None, dt.date(2024, 7, 4), dt.date(2024, 7, 7), "2024年7月4日—7月7日"),  # seed 001
    ],
)
def test_ranges(label: str, year: int | None, start: dt.date, end: dt.date, rendered: str) -> None:
    period = Period.from_label(label, year=year)
    assert (period.kind, period.start, period.end) == (PeriodKind.RANGE, start, end)
    assert period.label == rendered
    assert Period.from_label(rendered) == period


@pytest.mark.parametrize(
    ("label", "year", "month"),
    [
        ("三月", 2024, 3),
        ("三月份", 2024, 3),
        ("十二月", 2023, 12),
        ("十一月份", 2023, 11),
        ("2024年四月", None, 4),
        ("2024年4月份", None, 4),
    ],
)
def test_months_in_chinese_numerals(label: str, year: int | None, month: int) -> None:
    period = Period.from_label(label, year=year)
    assert period == Period.month(year or 2024, month)
    assert period.label == f"{year or 2024}年{month}月"


@pytest.mark.parametrize("label", ["三月", "十二月份", "1至9月", "3月—5月", "12月25日—1月5日", "下半年"])
def test_labels_without_a_year_say_they_need_one(label: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Period.from_label(label)
    assert str(raised.value) == f"label: expected a label with its year, or the year= argument, got {label!r}"


@pytest.mark.parametrize("label", ["2024年6-6月", "2024年十三月", "2024年0-3月", "2024年3-13月"])
def test_month_ranges_that_name_no_real_months_are_refused(label: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Period.from_label(label)
    assert raised.value.path == "label"


def test_one_whole_month_as_a_range_keeps_its_days() -> None:
    # Written 2024年5-5月 it would read back as a range that no report writes; its days say it.
    period = Period.between(dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert period.label == "2024年5月1日—5月31日"
    assert Period.from_label(period.label) == period


@given(st.integers(1990, 2060), st.integers(1, 12), st.integers(0, 30))
def test_month_ranges_round_trip(year: int, first: int, length: int) -> None:
    start = Period.month(year, first)
    end = start.shift(length)
    period = Period.between(start.start, end.end)
    assert Period.from_label(period.label) == period


@given(st.integers(1990, 2060), st.integers(1, 12))
def test_chinese_numeral_months_round_trip(year: int, month: int) -> None:
    assert Period.from_label(f"{chinese_numeral(month)}月", year=year) == Period.month(year, month)
