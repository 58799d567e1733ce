"""Working-day calendars and the official holiday schedules."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    OFFICIAL_SCHEDULES,
    CalendarRangeError,
    DefinitionError,
    Holiday,
    HolidaySchedule,
    Period,
    ValidationError,
    WorkingDayCalendar,
    china_calendar,
)
from fulian_core.holidays import CN_2019, CN_2020, CN_2021, CN_2022, CN_2023, CN_2024, CN_2025, CN_2026
from fulian_core.testing import working_day_calendars
from fulian_core.testing.laws import assert_working_days_consistent

D = dt.date


def test_shipped_years_and_their_notices() -> None:
    assert sorted(OFFICIAL_SCHEDULES) == list(range(2019, 2027))
    assert CN_2024.document == "国办发明电〔2023〕7号"
    assert CN_2025.document == "国办发明电〔2024〕12号"
    assert CN_2026.issued == D(2025, 11, 4)
    for schedule in OFFICIAL_SCHEDULES.values():
        assert schedule.notice == f"国务院办公厅关于{schedule.year}年部分节假日安排的通知"
        assert all(day.weekday() >= 5 for day in schedule.workdays)


@pytest.mark.parametrize(
    ("schedule", "spring_festival", "days_off", "working_days"),
    [
        (CN_2019, (D(2019, 2, 4), D(2019, 2, 10)), 7, 250),
        (CN_2020, (D(2020, 1, 24), D(2020, 2, 2)), 10, 249),
        (CN_2021, (D(2021, 2, 11), D(2021, 2, 17)), 7, 250),
        (CN_2022, (D(2022, 1, 31), D(2022, 2, 6)), 7, 249),
        (CN_2023, (D(2023, 1, 21), D(2023, 1, 27)), 7, 249),
        (CN_2024, (D(2024, 2, 10), D(2024, 2, 17)), 8, 251),
        (CN_2025, (D(2025, 1, 28), D(2025, 2, 4)), 8, 248),
        (CN_2026, (D(2026, 2, 15), D(2026, 2, 23)), 9, 248),
    ],
)
# Working days by hand: days - weekend days - holidays on weekdays + make-up days.
# 2019: 365 - 104 - 17 + 6 = 250; 2020: 366 - 104 - 19 + 6 = 249; 2021: 365 - 104 - 18 + 7 = 250;
# 2022: 365 - 105 - 18 + 7 = 249; 2023: 365 - 105 - 18 + 7 = 249.
# 2024: 366 - 104 - 19 + 8 = 251; 2025: 365 - 104 - 18 + 5 = 248; 2026: 365 - 104 - 19 + 6 = 248.
def test_schedules_match_their_notices(
    schedule: HolidaySchedule, spring_festival: tuple[D, D], days_off: int, working_days: int
) -> None:
    festival = next(holiday for holiday in schedule.holidays if holiday.name == "春节")
    assert (festival.first, festival.last) == spring_festival
    assert len(festival.dates) == days_off
    assert china_calendar(schedule.year).working_days_in(Period.year(schedule.year)) == working_days


def test_make_up_days_and_holidays() -> None:
    calendar = china_calendar()
    assert calendar.is_working_day(D(2024, 2, 4))  # Sunday, 调休上班
    assert not calendar.is_working_day(D(2024, 2, 12))  # Monday in the Spring Festival break
    assert not calendar.is_working_day(D(2025, 5, 3))  # Saturday
    assert calendar.is_working_day(D(2026, 1, 4))  # Sunday, 调休上班
    # 公示5个工作日 from Friday 2024-09-27: 9-29 (Sunday, 调休) and 9-30 work, 10-1..10-7 are off,
    # then 10-8, 10-9, 10-10.
    assert calendar.add_working_days(D(2024, 9, 27), 5) == D(2024, 10, 10)
    assert calendar.count_working_days(D(2024, 9, 27), D(2024, 10, 10)) == 5
    assert calendar.add_working_days(D(2024, 10, 8), -1) == D(2024, 9, 30)
    assert calendar.add_working_days(D(2024, 10, 8), 0) == D(2024, 10, 8)
    assert calendar.next_working_day(D(2024, 10, 1)) == D(2024, 10, 8)
    assert calendar.next_working_day(D(2024, 10, 8)) == D(2024, 10, 8)
    assert calendar.count_working_days(D(2024, 10, 8), D(2024, 10, 1)) == 0
    assert calendar.name == "中国法定节假日 2019、2020、2021、2022、2023、2024、2025、2026"


def test_a_calendar_refuses_years_it_does_not_cover() -> None:
    calendar = china_calendar(2025)
    with pytest.raises(CalendarRangeError) as raised:
        calendar.is_working_day(D(2027, 1, 4))
    assert str(raised.value) == "date: expected a day in a covered year (2025), got 2027-01-04"
    with pytest.raises(CalendarRangeError):
        calendar.add_working_days(D(2025, 12, 30), 5)
    with pytest.raises(ValidationError) as refused:
        china_calendar(2018, 2027)
    assert str(refused.value).splitlines() == [
        "years[0]: expected a year with a shipped schedule (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026), got 2018",
        "years[1]: expected a year with a shipped schedule (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026), got 2027",
    ]
    with pytest.raises(ValidationError, match="^date: expected a date"):
        calendar.is_working_day(dt.datetime(2025, 1, 2, tzinfo=dt.timezone.utc))
    with pytest.raises(ValidationError, match="^count: expected a whole number of working days, got 1.5$"):
        calendar.add_working_days(D(2025, 1, 2), 1.5)  # type: ignore[arg-type]


def test_weekends_only_must_be_declared_and_merge_refuses_overlap() -> None:
    plain = WorkingDayCalendar.weekends_only([2030])
    assert plain.covers(D(2030, 5, 1))
    assert plain.is_working_day(D(2030, 5, 1))
    merged = china_calendar(2026).merge(plain)
    assert merged.years == frozenset({2026, 2030})
    with pytest.raises(
        ValidationError,
        match=r"^other.years: expected years not covered by this calendar, got \[2026\]$",
    ):
        merged.merge(china_calendar(2026))
    assert china_calendar(2024, 2024).years == frozenset({2024})


def test_bad_calendars_report_every_fault() -> None:
    with pytest.raises(DefinitionError) as raised:
        WorkingDayCalendar(frozenset({2024}), frozenset({D(2025, 1, 1)}), frozenset({D(2023, 12, 30)}))
    assert str(raised.value).splitlines() == [
        "holidays: expected dates in a covered year, got '2025-01-01'",
        "workdays: expected dates in a covered year, got '2023-12-30'",
    ]
    with pytest.raises(DefinitionError) as raised:
        WorkingDayCalendar(frozenset({2024}), frozenset({D(2024, 2, 4)}), frozenset({D(2024, 2, 4), D(2024, 2, 5)}))
    assert str(raised.value).splitlines() == [
        "workdays: expected no day that is also a holiday, got '2024-02-04'",
        "workdays: expected make-up working days on a Saturday or Sunday, got '2024-02-05'",
    ]
    with pytest.raises(DefinitionError, match="^years: expected at least one covered year, got \\[\\]$"):
        WorkingDayCalendar(frozenset())
    with pytest.raises(DefinitionError) as raised:
        WorkingDayCalendar(frozenset({"2024"}), frozenset({"2024-01-01"}))  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "years: expected whole years, got '2024'",
        "holidays: expected dates, got '2024-01-01'",
    ]
    with pytest.raises(DefinitionError, match="^last: expected a date on or after 2024-01-02, got '2024-01-01'$"):
        Holiday("元旦", D(2024, 1, 2), D(2024, 1, 1))
    with pytest.raises(DefinitionError) as raised:
        HolidaySchedule(
            2024,
            "x",
            D(2023, 1, 1),
            (Holiday("元旦", D(2023, 12, 31), D(2024, 1, 1)),),
            (D(2025, 1, 4),),
        )
    assert str(raised.value).splitlines() == [
        "holidays[0]: expected days in 2024, got '2023-12-31'",
        "workdays[0]: expected days in 2024, got '2025-01-04'",
    ]


@given(
    working_day_calendars(years=st.just([2024, 2025, 2026])),
    st.dates(D(2024, 1, 1), D(2026, 12, 31)),
    st.integers(-60, 60),
)
def test_adding_is_consistent_with_counting(calendar: WorkingDayCalendar, day: D, count: int) -> None:
    landed_ok = True
    try:
        calendar.add_working_days(day, count)
    except CalendarRangeError:
        landed_ok = False
    if landed_ok:
        assert_working_days_consistent(calendar, day, count)


@given(st.dates(D(2024, 1, 1), D(2026, 11, 30)), st.integers(0, 20))
def test_official_calendar_laws(day: D, count: int) -> None:
    assert_working_days_consistent(china_calendar(), day, count)
