"""Recurring schedules: 每月一抽查、月底一入户、季度一评比、半年一评选."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given

from fulian_core import Cadence, DefinitionError, Period, Schedule
from fulian_core.testing import periods, schedules


def iso(dates: tuple[dt.date, ...]) -> list[str]:
    return [day.isoformat() for day in dates]


def test_the_seed_cadences() -> None:
    quarter = Period.quarter(2024, 1)
    # 每月一抽查 (a spot check every month, here on the 10th)
    assert iso(Schedule.monthly(10).due_dates(quarter)) == [
        "2024-01-10",
        "2024-02-10",
        "2024-03-10",
    ]
    # 月底一入户 (a home visit at month end)
    assert iso(Schedule.month_end().due_dates(quarter)) == [
        "2024-01-31",
        "2024-02-29",
        "2024-03-31",
    ]
    # 季度一评比 (a ranking every quarter)
    assert iso(Schedule.quarterly().due_dates(Period.year(2024))) == [
        "2024-03-31",
        "2024-06-30",
        "2024-09-30",
        "2024-12-31",
    ]
    # 半年一评选
    assert iso(Schedule.half_yearly().due_dates(Period.year(2025))) == ["2025-06-30", "2025-12-31"]
    assert iso(Schedule.yearly(month=3, day=8).due_dates(Period.year(2025))) == ["2025-03-08"]
    assert iso(Schedule.quarterly(month=1, day=15).due_dates(Period.half(2024, 2))) == [
        "2024-07-15",
        "2024-10-15",
    ]


def test_windows_end_inside_the_period() -> None:
    weeks = Schedule.last_week_of_month().occurrences(Period.quarter(2024, 1))
    assert [p.code for p in weeks] == [
        "2024-01-25/2024-01-31",
        "2024-02-23/2024-02-29",
        "2024-03-25/2024-03-31",
    ]
    # Anchored two days before month end and five days long: February's window ends in March,
    # March's own ends in April.
    late = Schedule(Cadence.MONTHLY, -2, window_days=5)
    assert [p.code for p in late.occurrences(Period.month(2024, 3))] == ["2024-02-28/2024-03-03"]
    # A window that starts in February and ends in March belongs to March.
    straddle = Schedule(Cadence.MONTHLY, -1, window_days=3)
    assert [p.code for p in straddle.occurrences(Period.month(2024, 3))] == ["2024-02-29/2024-03-02"]


def test_weekly() -> None:
    assert iso(Schedule.weekly(0).due_dates(Period.month(2024, 7))) == [
        "2024-07-01",
        "2024-07-08",
        "2024-07-15",
        "2024-07-22",
        "2024-07-29",
    ]


@pytest.mark.parametrize(
    ("schedule", "text"),
    [
        (Schedule.month_end(), "每月最后一天"),
        (Schedule.monthly(10), "每月10日"),
        (Schedule.last_week_of_month(), "每月倒数第7天起7天"),
        (Schedule.quarterly(), "每季度最后一个月最后一天"),
        (Schedule.yearly(month=3, day=8), "每年第3个月8日"),
        (Schedule.half_yearly(month=-2, day=1), "每半年倒数第2个月1日"),
        (Schedule.weekly(4), "每周五"),
        (Schedule(Cadence.MONTHLY, 1, label="每月一抽查"), "每月一抽查"),
    ],
)
def test_descriptions(schedule: Schedule, text: str) -> None:
    assert schedule.description == text


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"cadence": Cadence.MONTHLY, "day": 31},
            "day: expected a day from 1 to 28 or from -1 to -28, got 31",
        ),
        (
            {"cadence": Cadence.MONTHLY, "day": 0},
            "day: expected a day from 1 to 28 or from -1 to -28, got 0",
        ),
        (
            {"cadence": Cadence.MONTHLY, "day": 1, "month": 2},
            "month: expected 1 (unused for a monthly cadence), got 2",
        ),
        (
            {"cadence": Cadence.QUARTERLY, "day": 1, "month": 4},
            "month: expected a month from 1 to 3 or -1 to -3, got 4",
        ),
        (
            {"cadence": Cadence.WEEKLY, "day": 7, "window_days": 8},
            "day: expected a weekday from 0 (Monday) to 6 (Sunday), got 7\nwindow_days: expected 1 to 7 days, got 8",
        ),
        (
            {"cadence": Cadence.MONTHLY, "day": 1, "window_days": 0},
            "window_days: expected 1 to 28 days, got 0",
        ),
        ({"cadence": Cadence.MONTHLY, "day": "1"}, "day: expected a whole number, got '1'"),
        ({"cadence": "monthly", "day": 1}, "cadence: expected a Cadence, got 'monthly'"),
        ({"cadence": Cadence.MONTHLY, "day": 1, "label": 3}, "label: expected text, got 3"),
    ],
)
def test_bad_schedules(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(DefinitionError) as raised:
        Schedule(**kwargs)  # type: ignore[arg-type]
    assert str(raised.value) == message


@given(schedules(), periods())
def test_occurrences_end_inside_the_period_in_order(schedule: Schedule, period: Period) -> None:
    found = schedule.occurrences(period)
    assert all(period.contains(occurrence.end) for occurrence in found)
    assert all(occurrence.days == schedule.window_days for occurrence in found)
    assert list(found) == sorted(found)
    assert schedule.due_dates(period) == tuple(occurrence.end for occurrence in found)
