"""The State Council's official holiday schedules (国务院办公厅部分节假日安排), as data.

Each :class:`HolidaySchedule` names the notice it comes from, and any later notice that
changed it (:class:`Amendment`). Only years whose notice has been published and checked are
shipped; a year that is not here is not guessed. Build a calendar from them with
:func:`china_calendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_day, listed
from fulian_core._definitions import check_whole as _check_whole
from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.errors import DefinitionError, ValidationError

__all__ = [
    "CN_2019",
    "CN_2020",
    "CN_2021",
    "CN_2022",
    "CN_2023",
    "CN_2024",
    "CN_2025",
    "CN_2026",
    "OFFICIAL_SCHEDULES",
    "Amendment",
    "Holiday",
    "HolidaySchedule",
    "china_calendar",
]


@attrs.frozen
class Holiday:
    """One public holiday break (节假日): its name and its days off, both ends included."""

    name: str
    first: dt.date
    last: dt.date

    def __attrs_post_init__(self) -> None:
        check_day(self.first, "first")
        check_day(self.last, "last")
        if self.last < self.first:
            raise DefinitionError.single("last", f"a date on or after {self.first.isoformat()}", self.last.isoformat())

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every day off of the break."""
        days = (self.last - self.first).days + 1
        return tuple(self.first + dt.timedelta(days=offset) for offset in range(days))


@attrs.frozen
class Amendment:
    """A later notice that changed a published schedule (调整通知), such as 2019's Labour Day.

    ``notice`` is its title, ``document`` its document number, ``issued`` the day it was issued
    and ``change`` what it changed, in the notice's words.
    """

    notice: str
    document: str
    issued: dt.date
    change: str


def _holidays(value: Iterable[Holiday]) -> tuple[Holiday, ...]:
    return listed(value, "holidays", "a list of holidays")


def _workdays(value: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return listed(value, "workdays", "a list of make-up working days")


def _amendments(value: Iterable[Amendment]) -> tuple[Amendment, ...]:
    return listed(value, "amendments", "a list of amendments")


@attrs.frozen
class HolidaySchedule:
    """A year's holidays and make-up working days (放假调休安排) as in force.

    ``notice`` is the title of the State Council General Office notice, ``document`` its
    document number where known, ``issued`` the day it was issued. ``amendments`` lists the
    later notices that changed it, oldest first; ``holidays`` and ``workdays`` are the days as
    finally in force, every amendment applied, so a calendar never needs to replay them.

    A break that the notice starts in December of the year before (元旦 of 2019 and 2023) is
    recorded from 1 January: the schedule holds the days of its own year only.
    """

    year: int
    notice: str
    issued: dt.date
    holidays: tuple[Holiday, ...] = attrs.field(converter=_holidays)
    workdays: tuple[dt.date, ...] = attrs.field(converter=_workdays)
    document: str = ""
    amendments: tuple[Amendment, ...] = attrs.field(default=(), converter=_amendments)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not _check_whole(self.year, "year", faults, low=1900, high=2999):
            faults.raise_if_any()
        for index, holiday in enumerate(self.holidays):
            if not faults.check(isinstance(holiday, Holiday), f"holidays[{index}]", "a Holiday", holiday):
                continue
            for day in holiday.dates:
                faults.check(
                    day.year == self.year,
                    f"holidays[{index}]",
                    f"days in {self.year}",
                    day.isoformat(),
                )
        for index, day in enumerate(self.workdays):
            if faults.check(isinstance(day, dt.date), f"workdays[{index}]", "a date", day):
                faults.check(day.year == self.year, f"workdays[{index}]", f"days in {self.year}", day.isoformat())
        for index, amendment in enumerate(self.amendments):
            if not faults.check(isinstance(amendment, Amendment), f"amendments[{index}]", "an Amendment", amendment):
                continue
            faults.check(
                amendment.issued >= self.issued,
                f"amendments[{index}].issued",
                f"a date on or after {self.issued.isoformat()}",
                amendment.issued.isoformat(),
            )
        faults.raise_if_any(DefinitionError)

    @property
    def days_off(self) -> frozenset[dt.date]:
        """Every holiday day off in the year."""
        return frozenset(day for holiday in self.holidays for day in holiday.dates)

    def calendar(self) -> WorkingDayCalendar:
        """The working-day calendar of this year."""
        return WorkingDayCalendar(frozenset({self.year}), self.days_off, frozenset(self.workdays), self.notice)


def _d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


CN_2019: Final = HolidaySchedule(
    year=2019,
    notice="国务院办公厅关于2019年部分节假日安排的通知",
    document="国办发明电〔2018〕15号",
    issued=_d(2018, 12, 4),
    holidays=(
        # 元旦 ran 2018-12-30 to 2019-01-01 (2018-12-29, a Saturday, worked): 2018's days are not ours.
        Holiday("元旦", _d(2019, 1, 1), _d(2019, 1, 1)),
        Holiday("春节", _d(2019, 2, 4), _d(2019, 2, 10)),
        Holiday("清明节", _d(2019, 4, 5), _d(2019, 4, 5)),
        Holiday("劳动节", _d(2019, 5, 1), _d(2019, 5, 4)),
        Holiday("端午节", _d(2019, 6, 7), _d(2019, 6, 7)),
        Holiday("中秋节", _d(2019, 9, 13), _d(2019, 9, 13)),
        Holiday("国庆节", _d(2019, 10, 1), _d(2019, 10, 7)),
    ),
    workdays=(
        _d(2019, 2, 2),
        _d(2019, 2, 3),
        _d(2019, 4, 28),
        _d(2019, 5, 5),
        _d(2019, 9, 29),
        _d(2019, 10, 12),
    ),
    amendments=(
        Amendment(
            notice="国务院办公厅关于调整2019年劳动节假期安排的通知",
            document="国办发明电〔2019〕3号",
            issued=_d(2019, 3, 22),
            change="2019年5月1日至4日放假调休，共4天。4月28日（星期日）、5月5日（星期日）上班。",
        ),
    ),
)
"""2019: 国务院办公厅关于2019年部分节假日安排的通知 (国办发明电〔2018〕15号, 2018年12月4日), Labour Day as
changed by 国办发明电〔2019〕3号 (2019年3月22日; the first notice gave 5月1日 alone).

Checked against both notices' texts as republished by government sites (the first by 甘南州财政局,
the amendment by 首都之窗, whose 发文字号 field reads 国办发明电〔2019〕3号), and against
``chinesecalendar`` 1.11.0.
"""

CN_2020: Final = HolidaySchedule(
    year=2020,
    notice="国务院办公厅关于2020年部分节假日安排的通知",
    document="国办发明电〔2019〕16号",
    issued=_d(2019, 11, 21),
    holidays=(
        Holiday("元旦", _d(2020, 1, 1), _d(2020, 1, 1)),
        Holiday("春节", _d(2020, 1, 24), _d(2020, 2, 2)),
        Holiday("清明节", _d(2020, 4, 4), _d(2020, 4, 6)),
        Holiday("劳动节", _d(2020, 5, 1), _d(2020, 5, 5)),
        Holiday("端午节", _d(2020, 6, 25), _d(2020, 6, 27)),
        Holiday("国庆节、中秋节", _d(2020, 10, 1), _d(2020, 10, 8)),
    ),
    workdays=(
        _d(2020, 1, 19),
        _d(2020, 4, 26),
        _d(2020, 5, 9),
        _d(2020, 6, 28),
        _d(2020, 9, 27),
        _d(2020, 10, 10),
    ),
    amendments=(
        Amendment(
            notice="国务院办公厅关于延长2020年春节假期的通知",
            document="国办发明电〔2020〕1号",
            issued=_d(2020, 1, 26),
            change="延长2020年春节假期至2月2日（农历正月初九，星期日），2月3日（星期一）起正常上班。",
        ),
    ),
)
"""2020: 国务院办公厅关于2020年部分节假日安排的通知 (国办发明电〔2019〕16号, 2019年11月21日), the Spring
Festival break as extended for COVID-19 by 国办发明电〔2020〕1号 (2020年1月26日): 1月24日 to 2月2日, so
the make-up working Saturday of 2月1日 was not worked.

Checked against both notices' texts as published by Xinhua, their document numbers as cited by
later republications, and against ``chinesecalendar`` 1.11.0.
"""

CN_2021: Final = HolidaySchedule(
    year=2021,
    notice="国务院办公厅关于2021年部分节假日安排的通知",
    document="国办发明电〔2020〕27号",
    issued=_d(2020, 11, 25),
    holidays=(
        Holiday("元旦", _d(2021, 1, 1), _d(2021, 1, 3)),
        Holiday("春节", _d(2021, 2, 11), _d(2021, 2, 17)),
        Holiday("清明节", _d(2021, 4, 3), _d(2021, 4, 5)),
        Holiday("劳动节", _d(2021, 5, 1), _d(2021, 5, 5)),
        Holiday("端午节", _d(2021, 6, 12), _d(2021, 6, 14)),
        Holiday("中秋节", _d(2021, 9, 19), _d(2021, 9, 21)),
        Holiday("国庆节", _d(2021, 10, 1), _d(2021, 10, 7)),
    ),
    workdays=(
        _d(2021, 2, 7),
        _d(2021, 2, 20),
        _d(2021, 4, 25),
        _d(2021, 5, 8),
        _d(2021, 9, 18),
        _d(2021, 9, 26),
        _d(2021, 10, 9),
    ),
)
"""2021: 国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号, 2020年11月25日).

Checked against the notice's text and number as republished from the central government portal
(中国老龄协会), and against ``chinesecalendar`` 1.11.0.
"""

CN_2022: Final = HolidaySchedule(
    year=2022,
    notice="国务院办公厅关于2022年部分节假日安排的通知",
    document="国办发明电〔2021〕11号",
    issued=_d(2021, 10, 25),
    holidays=(
        Holiday("元旦", _d(2022, 1, 1), _d(2022, 1, 3)),
        Holiday("春节", _d(2022, 1, 31), _d(2022, 2, 6)),
        Holiday("清明节", _d(2022, 4, 3), _d(2022, 4, 5)),
        Holiday("劳动节", _d(2022, 4, 30), _d(2022, 5, 4)),
        Holiday("端午节", _d(2022, 6, 3), _d(2022, 6, 5)),
        Holiday("中秋节", _d(2022, 9, 10), _d(2022, 9, 12)),
        Holiday("国庆节", _d(2022, 10, 1), _d(2022, 10, 7)),
    ),
    workdays=(
        _d(2022, 1, 29),
        _d(2022, 1, 30),
        _d(2022, 4, 2),
        _d(2022, 4, 24),
        _d(2022, 5, 7),
        _d(2022, 10, 8),
        _d(2022, 10, 9),
    ),
)
"""2022: 国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号, 2021年10月25日).

Checked against the notice's text and number on the Beijing municipal government portal (首都之窗),
and against ``chinesecalendar`` 1.11.0.
"""

CN_2023: Final = HolidaySchedule(
    year=2023,
    notice="国务院办公厅关于2023年部分节假日安排的通知",
    document="国办发明电〔2022〕16号",
    issued=_d(2022, 12, 8),
    holidays=(
        # 元旦 ran 2022-12-31 (a Saturday, off in any case) to 2023-01-02.
        Holiday("元旦", _d(2023, 1, 1), _d(2023, 1, 2)),
        Holiday("春节", _d(2023, 1, 21), _d(2023, 1, 27)),
        Holiday("清明节", _d(2023, 4, 5), _d(2023, 4, 5)),
        Holiday("劳动节", _d(2023, 4, 29), _d(2023, 5, 3)),
        Holiday("端午节", _d(2023, 6, 22), _d(2023, 6, 24)),
        Holiday("中秋节、国庆节", _d(2023, 9, 29), _d(2023, 10, 6)),
    ),
    workdays=(
        _d(2023, 1, 28),
        _d(2023, 1, 29),
        _d(2023, 4, 23),
        _d(2023, 5, 6),
        _d(2023, 6, 25),
        _d(2023, 10, 7),
        _d(2023, 10, 8),
    ),
)
"""2023: 国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号, 2022年12月8日).

Checked against the notice's text and number as collected from the State Council Gazette (国务院公报
2023年第1号) and as published by Xinhua, and against ``chinesecalendar`` 1.11.0.
"""

CN_2024: Final = HolidaySchedule(
    year=2024,
    notice="国务院办公厅关于2024年部分节假日安排的通知",
    document="国办发明电〔2023〕7号",
    issued=_d(2023, 10, 25),
    holidays=(
        Holiday("元旦", _d(2024, 1, 1), _d(2024, 1, 1)),
        Holiday("春节", _d(2024, 2, 10), _d(2024, 2, 17)),
        Holiday("清明节", _d(2024, 4, 4), _d(2024, 4, 6)),
        Holiday("劳动节", _d(2024, 5, 1), _d(2024, 5, 5)),
        Holiday("端午节", _d(2024, 6, 10), _d(2024, 6, 10)),
        Holiday("中秋节", _d(2024, 9, 15), _d(2024, 9, 17)),
        Holiday("国庆节", _d(2024, 10, 1), _d(2024, 10, 7)),
    ),
    workdays=(
        _d(2024, 2, 4),
        _d(2024, 2, 18),
        _d(2024, 4, 7),
        _d(2024, 4, 28),
        _d(2024, 5, 11),
        _d(2024, 9, 14),
        _d(2024, 9, 29),
        _d(2024, 10, 12),
    ),
)
"""2024: 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023年10月25日)."""

CN_2025: Final = HolidaySchedule(
    year=2025,
    notice="国务院办公厅关于2025年部分节假日安排的通知",
    document="国办发明电〔2024〕12号",
    issued=_d(2024, 11, 12),
    holidays=(
        Holiday("元旦", _d(2025, 1, 1), _d(2025, 1, 1)),
        Holiday("春节", _d(2025, 1, 28), _d(2025, 2, 4)),
        Holiday("清明节", _d(2025, 4, 4), _d(2025, 4, 6)),
        Holiday("劳动节", _d(2025, 5, 1), _d(2025, 5, 5)),
        Holiday("端午节", _d(2025, 5, 31), _d(2025, 6, 2)),
        Holiday("国庆节、中秋节", _d(2025, 10, 1), _d(2025, 10, 8)),
    ),
    workdays=(
        _d(2025, 1, 26),
        _d(2025, 2, 8),
        _d(2025, 4, 27),
        _d(2025, 9, 28),
        _d(2025, 10, 11),
    ),
)
"""2025: 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024年11月12日)."""

CN_2026: Final = HolidaySchedule(
    year=2026,
    notice="国务院办公厅关于2026年部分节假日安排的通知",
    issued=_d(2025, 11, 4),
    holidays=(
        Holiday("元旦", _d(2026, 1, 1), _d(2026, 1, 3)),
        Holiday("春节", _d(2026, 2, 15), _d(2026, 2, 23)),
        Holiday("清明节", _d(2026, 4, 4), _d(2026, 4, 6)),
        Holiday("劳动节", _d(2026, 5, 1), _d(2026, 5, 5)),
        Holiday("端午节", _d(2026, 6, 19), _d(2026, 6, 21)),
        Holiday("中秋节", _d(2026, 9, 25), _d(2026, 9, 27)),
        Holiday("国庆节", _d(2026, 10, 1), _d(2026, 10, 7)),
    ),
    workdays=(
        _d(2026, 1, 4),
        _d(2026, 2, 14),
        _d(2026, 2, 28),
        _d(2026, 5, 9),
        _d(2026, 9, 20),
        _d(2026, 10, 10),
    ),
)
"""2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日, published by Xinhua)."""

OFFICIAL_SCHEDULES: Final[Mapping[int, HolidaySchedule]] = _ReadOnlyDict(
    {schedule.year: schedule for schedule in (CN_2019, CN_2020, CN_2021, CN_2022, CN_2023, CN_2024, CN_2025, CN_2026)}
)
"""The shipped schedules by year."""


def china_calendar(*years: int) -> WorkingDayCalendar:
    """The working-day calendar of mainland China for *years* (all shipped years if none given).

    A year without a shipped schedule is refused; for other years build a
    :class:`~fulian_core.calendars.WorkingDayCalendar` from the notice yourself.
    """
    wanted = years or tuple(OFFICIAL_SCHEDULES)
    faults = Faults()
    for index, year in enumerate(wanted):
        faults.check(
            isinstance(year, int) and year in OFFICIAL_SCHEDULES,
            f"years[{index}]",
            f"a year with a shipped schedule ({', '.join(map(str, OFFICIAL_SCHEDULES))})",
            year,
        )
    faults.raise_if_any(ValidationError)
    calendar = OFFICIAL_SCHEDULES[wanted[0]].calendar()
    for year in dict.fromkeys(wanted[1:]):
        if year != wanted[0]:
            calendar = calendar.merge(OFFICIAL_SCHEDULES[year].calendar())
    name = "中国法定节假日 " + "、".join(str(year) for year in sorted(set(wanted)))
    return attrs.evolve(calendar, name=name)
