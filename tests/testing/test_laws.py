"""The shipped laws catch violations: each is shown failing on a broken implementation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import Level, OrgKind, Period, PeriodKind, Quantity, Unit, WorkingDayCalendar
from fulian_core.testing import laws


def test_round_trip_law_catches_a_lossy_converter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(laws, "structure", lambda data, cls: Period.year(1999))
    with pytest.raises(AssertionError, match="round trip changed the value"):
        laws.assert_round_trip(Period.year(2024), Period)
    monkeypatch.setattr(laws, "structure", lambda data, cls: Period.year(2024))
    plain = iter([{"a": 1}, {"a": 2}])
    monkeypatch.setattr(laws, "unstructure", lambda value: next(plain))
    with pytest.raises(AssertionError, match="round trip changed the plain data"):
        laws.assert_round_trip(Period.year(2024), Period)


class _Skewed(Quantity):
    def __add__(self, other: Quantity) -> Quantity:
        return Quantity.exact(int(self.value or 0) * 2 + int(other.value or 0), self.unit)


def test_addition_laws_catch_a_skewed_sum() -> None:
    a, b, c = (_Skewed(Decimal(n), Unit.HOUSEHOLD) for n in (1, 2, 3))
    with pytest.raises(AssertionError, match="differs from"):
        laws.assert_addition_commutative(a, b)
    with pytest.raises(AssertionError, match=r"^\(1户 \+ 2户\) \+ 3户"):
        laws.assert_addition_associative(a, b, _Skewed(Decimal(3), Unit.HOUSEHOLD))
    assert c.value == 3


def test_share_law_catches_bad_rounding(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(laws, "percentage_shares", lambda counts, places: (Decimal("33.33"),) * 3)
    with pytest.raises(AssertionError, match=r"add up to 99.99, not 100"):
        laws.assert_shares_exact([1, 1, 1])
    monkeypatch.setattr(laws, "percentage_shares", lambda counts, places: (Decimal("50.00"), Decimal("50.00")))
    with pytest.raises(AssertionError, match="is not within 0.01"):
        laws.assert_shares_exact([1, 3])


class _Gappy(Period):
    def subdivide(self, kind: PeriodKind) -> tuple[Period, ...]:
        return (Period.month(2024, 1), Period.month(2024, 3))


class _Short(Period):
    def subdivide(self, kind: PeriodKind) -> tuple[Period, ...]:
        return (Period.month(2024, 2),)


class _Overlapping(Period):
    def subdivide(self, kind: PeriodKind) -> tuple[Period, ...]:
        return (
            Period.between(dt.date(2024, 1, 1), dt.date(2024, 1, 20)),
            Period.between(dt.date(2024, 1, 21), dt.date(2024, 1, 31)),
        )

    @property
    def days(self) -> int:
        return 30


def test_tiling_law_catches_gaps_and_miscounts() -> None:
    with pytest.raises(AssertionError, match="gap or overlap between 2024-01 and 2024-03"):
        laws.assert_subdivision_tiles(
            _Gappy(PeriodKind.QUARTER, dt.date(2024, 1, 1), dt.date(2024, 3, 31)), PeriodKind.MONTH
        )
    with pytest.raises(AssertionError, match="does not start and end with it"):
        laws.assert_subdivision_tiles(
            _Short(PeriodKind.QUARTER, dt.date(2024, 1, 1), dt.date(2024, 3, 31)), PeriodKind.MONTH
        )
    with pytest.raises(AssertionError, match="do not add up"):
        laws.assert_subdivision_tiles(
            _Overlapping(PeriodKind.MONTH, dt.date(2024, 1, 1), dt.date(2024, 1, 31)), PeriodKind.DAY
        )


class _Broken(WorkingDayCalendar):
    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        return day + dt.timedelta(days=count)


def test_working_day_law_catches_a_calendar_that_ignores_weekends() -> None:
    calendar = _Broken(frozenset({2024}))
    with pytest.raises(AssertionError, match="landed on a day off"):
        laws.assert_working_days_consistent(calendar, dt.date(2024, 1, 5), 1)  # Friday + 1 = Saturday
    with pytest.raises(AssertionError, match="counting finds"):
        laws.assert_working_days_consistent(calendar, dt.date(2024, 1, 5), 3)  # lands on Monday
    with pytest.raises(AssertionError, match="counting finds"):
        laws.assert_working_days_consistent(calendar, dt.date(2024, 1, 8), -3)  # lands on Friday


class _Moving(WorkingDayCalendar):
    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        return day + dt.timedelta(days=1)


def test_working_day_law_catches_a_moving_zero() -> None:
    with pytest.raises(AssertionError, match="adding 0 working days"):
        laws.assert_working_days_consistent(_Moving(frozenset({2024})), dt.date(2024, 1, 5), 0)


def test_coded_enums_read_both_ways() -> None:
    assert Level.from_label("乡镇") is Level.TOWNSHIP
    assert Level.from_code("village") is Level.VILLAGE
    assert repr(OrgKind.NEW_ORGANISATION) == "<OrgKind.NEW_ORGANISATION: 两新组织妇联>"
    with pytest.raises(
        ValueError, match="^label: expected one of 全国、省、市、县、乡镇、村、网格/妇女小组, got '州'$"
    ):
        Level.from_label("州")
