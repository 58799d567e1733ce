"""The State Council's official holiday schedules (国务院办公厅部分节假日安排), as data.

Each :class:`HolidaySchedule` names the notice it comes from. Only years whose notice has
been published and checked are shipped; a year that is not here is not guessed. Build a
calendar from them with :func:`china_calendar`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

import attrs

from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.errors import DefinitionError, ValidationError

__all__ = [
    "CN_2024",
    "CN_2025",
    "CN_2026",
    "OFFICIAL_SCHEDULES",
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
        if self.last < self.first:
            raise DefinitionError.single("last", f"a date on or after {self.first.isoformat()}", self.last.isoformat())

    @property
    def dates(self) -> tuple[dt.date, ...]:
        """Every day off of the break."""
        days = (self.last - self.first).days + 1
        return tuple(self.first + dt.timedelta(days=offset) for offset in range(days))


@attrs.frozen
class HolidaySchedule:
    """A year's holidays and make-up working days (放假调休安排) as one notice published them.

    ``notice`` is the title of the State Council General Office notice, ``document`` its
    document number where known, ``issued`` the day it was issued.
    """

    year: int
    notice: str
    issued: dt.date
    holidays: tuple[Holiday, ...]
    workdays: tuple[dt.date, ...]
    document: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for index, holiday in enumerate(self.holidays):
            for day in holiday.dates:
                faults.check(
                    day.year == self.year,
                    f"holidays[{index}]",
                    f"days in {self.year}",
                    day.isoformat(),
                )
        for index, day in enumerate(self.workdays):
            faults.check(day.year == self.year, f"workdays[{index}]", f"days in {self.year}", day.isoformat())
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

OFFICIAL_SCHEDULES: Final[Mapping[int, HolidaySchedule]] = MappingProxyType(
    {schedule.year: schedule for schedule in (CN_2024, CN_2025, CN_2026)}
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
            year in OFFICIAL_SCHEDULES,
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
