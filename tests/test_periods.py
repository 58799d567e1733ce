"""Periods: codes and labels both ways, relations, subdivision."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Period, PeriodKind, ValidationError
from fulian_core.testing import periods
from fulian_core.testing.laws import assert_subdivision_tiles

CASES = [
    ("2024", "2024年", PeriodKind.YEAR, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ("2024H1", "2024年上半年", PeriodKind.HALF, dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ("2024H2", "2024年下半年", PeriodKind.HALF, dt.date(2024, 7, 1), dt.date(2024, 12, 31)),
    ("2024Q3", "2024年第三季度", PeriodKind.QUARTER, dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ("2024-05", "2024年5月", PeriodKind.MONTH, dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
    ("2024-02", "2024年2月", PeriodKind.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2024-05-01", "2024年5月1日", PeriodKind.DAY, dt.date(2024, 5, 1), dt.date(2024, 5, 1)),
    (
        "2024-03-01/2024-03-10",
        "2024年3月1日—3月10日",
        PeriodKind.RANGE,
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 10),
    ),
    (
        "2024-12-25/2025-01-05",
        "2024年12月25日—2025年1月5日",
        PeriodKind.RANGE,
        dt.date(2024, 12, 25),
        dt.date(2025, 1, 5),
    ),
]


@pytest.mark.parametrize(("code", "label", "kind", "start", "end"), CASES)
def test_codes_and_labels_both_ways(code: str, label: str, kind: PeriodKind, start: dt.date, end: dt.date) -> None:
    period = Period.from_code(code)
    assert (period.kind, period.start, period.end) == (kind, start, end)
    assert period.code == code
    assert period.label == label
    assert Period.from_label(label) == period
    assert str(period) == label
    assert repr(period) == f"Period.from_code({code!r})"


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("2024年度", "2024"),
        ("2024年三季度", "2024Q3"),
        ("2024年第3季度", "2024Q3"),
        ("2024年05月份", "2024-05"),
        ("2024年3月1日至3月10日", "2024-03-01/2024-03-10"),
        ("2024年3月1日-10日", "2024-03-01/2024-03-10"),
        (" ２０２４年上半年 ", "2024H1"),
    ],
)
def test_label_variants(label: str, code: str) -> None:
    assert Period.from_label(label).code == code


def test_labels_without_a_year_take_one() -> None:
    # 第一阶段(3月1日—10日)制定方案
    assert Period.from_label("3月1日—10日", year=2024).code == "2024-03-01/2024-03-10"
    assert Period.from_label("上半年", year=2025).code == "2025H1"
    with pytest.raises(
        ValidationError,
        match="^label: expected a label with its year, or the year= argument, got '上半年'$",
    ):
        Period.from_label("上半年")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (
            "2024Q5",
            "code: expected a period code such as '2024', '2024H1', '2024Q3', '2024-05', '2024-05-01' or '2024-03-01/2024-03-10', got '2024Q5'",
        ),
        ("2024-13", "code: expected a whole number from 1 to 12, got '2024-13'"),
        ("2024-02-30", "code: expected real calendar dates, got '2024-02-30'"),
        (
            "2024-03-10/2024-03-01",
            "code: expected a date on or after start (2024-03-10), got '2024-03-10/2024-03-01'",
        ),
        ("0999", "code: expected a whole year from 1000 to 9998, got '0999'"),
    ],
)
def test_bad_codes(code: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Period.from_code(code)
    assert str(raised.value) == message
    with pytest.raises(ValidationError, match="^code: expected a period code such as '2024Q3', got 2024$"):
        Period.from_code(2024)  # type: ignore[arg-type]


@pytest.mark.parametrize("label", ["2024年第五季度", "2024年13月", "去年", "2024年2月30日"])
def test_bad_labels(label: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Period.from_label(label)
    assert raised.value.path == "label"
    with pytest.raises(ValidationError, match="^label: expected a Chinese period label"):
        Period.from_label(None)  # type: ignore[arg-type]


def test_constructor_checks_the_dates_fit_the_kind() -> None:
    with pytest.raises(ValidationError) as raised:
        Period(PeriodKind.QUARTER, dt.date(2024, 2, 1), dt.date(2024, 4, 30))
    assert str(raised.value) == "start: expected the first day of a 季度, got '2024-02-01'"
    with pytest.raises(ValidationError) as raised:
        Period(PeriodKind.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 28))
    assert str(raised.value) == "end: expected 2024-02-29 (the end of that 月), got '2024-02-28'"
    with pytest.raises(ValidationError, match="^end: expected the same date as start for a day"):
        Period(PeriodKind.DAY, dt.date(2024, 2, 1), dt.date(2024, 2, 2))
    with pytest.raises(ValidationError) as raised:
        Period(PeriodKind.RANGE, dt.datetime(2024, 2, 1, tzinfo=dt.timezone.utc), "x")  # type: ignore[arg-type]
    assert len(raised.value.faults) == 2
    with pytest.raises(ValidationError, match="^kind: expected a PeriodKind"):
        Period("year", dt.date(2024, 1, 1), dt.date(2024, 12, 31))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^quarter: expected a whole number from 1 to 4, got 0$"):
        Period.quarter(2024, 0)
    with pytest.raises(ValidationError, match="^year: expected a whole year"):
        Period.year(True)


def test_relations() -> None:
    q3 = Period.quarter(2024, 3)
    assert q3.contains(dt.date(2024, 8, 15))
    assert dt.date(2024, 8, 15) in q3
    assert Period.month(2024, 8) in q3
    assert "2024-08" not in q3
    assert not q3.contains(Period.month(2024, 10))
    assert q3.overlaps(Period.between(dt.date(2024, 9, 30), dt.date(2024, 10, 3)))
    assert not q3.overlaps(Period.quarter(2024, 4))
    assert q3.days == 92
    assert q3.next() == Period.quarter(2024, 4)
    assert q3.shift(2) == Period.quarter(2025, 1)
    assert Period.quarter(2024, 1).previous() == Period.quarter(2023, 4)
    assert Period.containing(PeriodKind.HALF, dt.date(2024, 7, 1)).code == "2024H2"
    assert Period.containing(PeriodKind.DAY, dt.date(2024, 7, 1)).code == "2024-07-01"
    assert Period.containing(PeriodKind.YEAR, dt.date(2024, 7, 1)).code == "2024"
    with pytest.raises(ValidationError, match="^kind: expected a calendar kind"):
        Period.containing(PeriodKind.RANGE, dt.date(2024, 7, 1))
    assert Period.month(2024, 3).index == 3
    with pytest.raises(ValidationError, match="^kind: expected a year, half, quarter or month"):
        _ = Period.day(dt.date(2024, 1, 1)).index
    with pytest.raises(ValidationError, match="^year: expected a whole year from 1000 to 9998, got 9999$"):
        Period.year(9998).next()
    with pytest.raises(ValidationError, match="^year: expected a whole year"):
        Period.day(dt.date(9998, 12, 31)).next()


def test_ordering() -> None:
    items = [
        Period.month(2024, 2),
        Period.year(2024),
        Period.quarter(2024, 1),
        Period.day(dt.date(2023, 12, 31)),
    ]
    assert [p.code for p in sorted(items)] == ["2023-12-31", "2024Q1", "2024", "2024-02"]
    assert sorted(items)[0].code == "2023-12-31"
    assert Period.quarter(2024, 1) < Period.year(2024)
    assert Period.year(2024) > Period.quarter(2024, 1)
    assert Period.year(2024) >= Period.year(2024)
    assert Period.year(2024) <= Period.year(2024)
    assert Period.year(2024).__lt__(3) is NotImplemented  # type: ignore[operator]
    assert Period.year(2024).__le__(3) is NotImplemented  # type: ignore[operator]
    assert Period.year(2024).__gt__(3) is NotImplemented  # type: ignore[operator]
    assert Period.year(2024).__ge__(3) is NotImplemented  # type: ignore[operator]


def test_subdivide() -> None:
    assert [p.code for p in Period.year(2024).subdivide(PeriodKind.HALF)] == ["2024H1", "2024H2"]
    assert [p.code for p in Period.half(2024, 2).subdivide(PeriodKind.MONTH)] == [f"2024-{m:02d}" for m in range(7, 13)]
    assert len(Period.between(dt.date(2024, 3, 1), dt.date(2024, 3, 10)).subdivide(PeriodKind.DAY)) == 10
    with pytest.raises(ValidationError, match="^kind: expected a kind that tiles a 季度, got 'half'$"):
        Period.quarter(2024, 1).subdivide(PeriodKind.HALF)
    with pytest.raises(ValidationError, match="^kind: expected a kind that tiles a 时段, got 'month'$"):
        Period.between(dt.date(2024, 3, 1), dt.date(2024, 3, 10)).subdivide(PeriodKind.MONTH)


_FINER = {
    PeriodKind.YEAR: [
        PeriodKind.YEAR,
        PeriodKind.HALF,
        PeriodKind.QUARTER,
        PeriodKind.MONTH,
        PeriodKind.DAY,
    ],
    PeriodKind.HALF: [PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.DAY],
    PeriodKind.QUARTER: [PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.DAY],
    PeriodKind.MONTH: [PeriodKind.MONTH, PeriodKind.DAY],
    PeriodKind.DAY: [PeriodKind.DAY],
    PeriodKind.RANGE: [PeriodKind.DAY],
}


@given(periods(), st.data())
def test_subdivisions_tile_their_parent(period: Period, data: st.DataObject) -> None:
    kind = data.draw(st.sampled_from(_FINER[period.kind]))
    assert_subdivision_tiles(period, kind)


@given(periods())
def test_codes_and_labels_round_trip(period: Period) -> None:
    assert Period.from_code(period.code) == period
    assert Period.from_label(period.label) == period


@given(periods(), st.integers(-50, 50))
def test_shift_is_invertible_and_contiguous(period: Period, steps: int) -> None:
    assert period.shift(steps).shift(-steps) == period
    assert period.next().start == period.end + dt.timedelta(days=1)
    assert period.previous().end == period.start - dt.timedelta(days=1)
