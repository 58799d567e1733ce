"""The shipped holiday schedules, day by day against chinesecalendar, and the amended years."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from fulian_core import OFFICIAL_SCHEDULES, Amendment, DefinitionError, HolidaySchedule, ValidationError, china_calendar
from fulian_core.holidays import CN_2019, CN_2020

D = dt.date
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _answer(working: bool) -> str:
    return "working day" if working else "day off"


def _disagreements(year: int) -> list[str]:
    ours = china_calendar(year)
    lines = []
    day = D(year, 1, 1)
    while day.year == year:
        working = ours.is_working_day(day)
        theirs = bool(chinese_calendar.is_workday(day))
        if working != theirs:
            lines.append(
                f"{day.isoformat()} ({WEEKDAYS[day.weekday()]}): fulian_core {_answer(working)}, chinesecalendar {_answer(theirs)}"
            )
        day += dt.timedelta(days=1)
    return lines


@pytest.mark.parametrize("year", sorted(OFFICIAL_SCHEDULES))
def test_every_day_agrees_with_chinesecalendar(year: int) -> None:
    try:
        chinese_calendar.is_workday(D(year, 1, 1))
    except NotImplementedError:
        pytest.skip(f"chinesecalendar {chinese_calendar.__version__} has no data for {year}")
    disagreements = _disagreements(year)
    assert not disagreements, f"{year} differs from chinesecalendar on:\n" + "\n".join(disagreements)


def test_2019_labour_day_as_amended() -> None:
    calendar = china_calendar(2019)
    assert [amendment.document for amendment in CN_2019.amendments] == ["国办发明电〔2019〕3号"]
    assert CN_2019.document == "国办发明电〔2018〕15号"
    assert CN_2019.amendments[0].issued == D(2019, 3, 22)
    assert not any(calendar.is_working_day(D(2019, 5, day)) for day in (1, 2, 3, 4))
    assert calendar.is_working_day(D(2019, 4, 28))  # Sunday, 调休上班
    assert calendar.is_working_day(D(2019, 5, 5))  # Sunday, 调休上班
    assert not calendar.is_working_day(D(2019, 5, 4))  # Saturday, in the amended break


def test_2020_spring_festival_as_extended() -> None:
    calendar = china_calendar(2020)
    assert [amendment.document for amendment in CN_2020.amendments] == ["国办发明电〔2020〕1号"]
    assert CN_2020.document == "国办发明电〔2019〕16号"
    assert not calendar.is_working_day(D(2020, 1, 31))
    assert not calendar.is_working_day(D(2020, 2, 1))  # the Saturday first set to be worked
    assert not calendar.is_working_day(D(2020, 2, 2))
    assert calendar.is_working_day(D(2020, 2, 3))
    assert calendar.is_working_day(D(2020, 1, 19))  # Sunday, 调休上班, kept
    assert calendar.add_working_days(D(2020, 1, 23), 1) == D(2020, 2, 3)


def test_new_years_breaks_begun_the_year_before() -> None:
    # 2023's 元旦 began on Saturday 2022-12-31; 2019's on Sunday 2018-12-30 (2018 is not shipped).
    assert not china_calendar(2022).is_working_day(D(2022, 12, 31))
    assert not china_calendar(2023).is_working_day(D(2023, 1, 2))
    assert china_calendar(2019).is_working_day(D(2019, 1, 2))


def test_the_documents_of_every_shipped_year() -> None:
    assert {year: schedule.document for year, schedule in OFFICIAL_SCHEDULES.items() if year < 2024} == {
        2019: "国办发明电〔2018〕15号",
        2020: "国办发明电〔2019〕16号",
        2021: "国办发明电〔2020〕27号",
        2022: "国办发明电〔2021〕11号",
        2023: "国办发明电〔2022〕16号",
    }
    assert [year for year, schedule in OFFICIAL_SCHEDULES.items() if schedule.amendments] == [2019, 2020]


@pytest.mark.parametrize("year", [2018, 2027])
def test_years_not_shipped_are_still_refused(year: int) -> None:
    with pytest.raises(ValidationError) as refused:
        china_calendar(year)
    assert str(refused.value) == (
        f"years[0]: expected a year with a shipped schedule (2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026), got {year}"
    )


def test_an_amendment_cannot_predate_its_notice() -> None:
    early = Amendment("调整通知", "国办发明电〔2018〕1号", D(2018, 1, 2), "…")
    with pytest.raises(DefinitionError) as raised:
        HolidaySchedule(2019, "x", D(2018, 12, 4), (), (D(2020, 1, 4),), amendments=(early,))
    assert str(raised.value).splitlines() == [
        "workdays[0]: expected days in 2019, got '2020-01-04'",
        "amendments[0].issued: expected a date on or after 2018-12-04, got '2018-01-02'",
    ]
