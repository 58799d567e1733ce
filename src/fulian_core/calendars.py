"""Working-day calendars (工作日历): weekends, public holidays and make-up working days (调休).

Public notices often run for N working days (公示5个工作日). Working days in China follow
the State Council's yearly schedule, so a :class:`WorkingDayCalendar` is built from data the
caller supplies (or the official schedules in :mod:`fulian_core.holidays`) and refuses any
date outside the years it covers instead of guessing:

>>> import datetime as dt
>>> from fulian_core import china_calendar
>>> calendar = china_calendar(2024)
>>> calendar.add_working_days(dt.date(2024, 9, 30), 1)   # National Day week, then 10月8日
datetime.date(2024, 10, 8)
>>> calendar.count_working_days(dt.date(2024, 9, 30), dt.date(2024, 10, 8))
1
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from fulian_core._definitions import check_type, listed_set
from fulian_core._faults import Faults
from fulian_core.errors import CalendarRangeError, DefinitionError, ValidationError
from fulian_core.periods import Period

__all__ = ["CHINA_STANDARD_TIME", "WorkingDayCalendar", "china_date"]

_ONE_DAY = dt.timedelta(days=1)

CHINA_STANDARD_TIME: Final = dt.timezone(dt.timedelta(hours=8), "CST")
"""UTC+8, the one time zone of the mainland (北京时间); the date of an act is its date here."""


def china_date(moment: dt.datetime) -> dt.date:
    """The calendar date of an aware timestamp in China Standard Time (北京时间)."""
    check_type(moment, dt.datetime, "moment")
    try:
        return moment.astimezone(CHINA_STANDARD_TIME).date()
    except OverflowError:  # datetime.max at UTC-14 is past the last day Python can hold
        raise ValidationError.single("moment", "a time with a date in China time", moment.isoformat()) from None


def _years(value: Iterable[int]) -> frozenset[int]:
    return listed_set(value, "years", "a collection of years")


def _holidays(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return listed_set(value, "holidays", "a collection of dates")


def _workdays(value: Iterable[dt.date]) -> frozenset[dt.date]:
    return listed_set(value, "workdays", "a collection of dates")


@attrs.frozen
class WorkingDayCalendar:
    """Which days are working days (工作日历) in the years it covers.

    A day is a working day when it is a make-up working day (调休上班), or else when it is a
    weekday that is not a holiday. Every date asked about must lie in a covered year.
    """

    years: frozenset[int] = attrs.field(converter=_years)
    holidays: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_holidays)
    workdays: frozenset[dt.date] = attrs.field(default=frozenset(), converter=_workdays)
    name: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.years), "years", "at least one covered year", sorted(self.years))
        for year in sorted(self.years, key=repr):
            faults.check(
                isinstance(year, int) and not isinstance(year, bool) and 1 <= year <= 9998,
                "years",
                "whole years",
                year,
            )
        for name in ("holidays", "workdays"):
            for day in sorted(getattr(self, name), key=repr):
                if not faults.check(
                    isinstance(day, dt.date) and not isinstance(day, dt.datetime),
                    name,
                    "dates",
                    day,
                ):
                    continue
                faults.check(day.year in self.years, name, "dates in a covered year", day.isoformat())
        faults.raise_if_any(DefinitionError)
        for day in sorted(self.holidays & self.workdays):
            faults.add("workdays", "no day that is also a holiday", day.isoformat())
        for day in sorted(self.workdays):
            faults.check(
                day.weekday() >= 5,
                "workdays",
                "make-up working days on a Saturday or Sunday",
                day.isoformat(),
            )
        faults.raise_if_any(DefinitionError)

    @classmethod
    def weekends_only(cls, years: Iterable[int], *, name: str = "") -> WorkingDayCalendar:
        """A calendar whose only days off are weekends, declared so for *years* (never guessed)."""
        years = listed_set(years, "years", "a collection of years")
        return cls(frozenset(years), name=name or "weekends only")

    def merge(self, other: WorkingDayCalendar) -> WorkingDayCalendar:
        """One calendar covering the years of both; they must not both cover a year."""
        shared = self.years & other.years
        if shared:
            raise ValidationError.single("other.years", "years not covered by this calendar", sorted(shared))
        name = " + ".join(part for part in (self.name, other.name) if part)
        return WorkingDayCalendar(
            self.years | other.years,
            self.holidays | other.holidays,
            self.workdays | other.workdays,
            name,
        )

    # -- questions ---------------------------------------------------------------------------

    def covers(self, day: dt.date) -> bool:
        """Whether the calendar knows *day*'s year."""
        check_type(day, dt.date, "day")
        return day.year in self.years

    def _require(self, day: dt.date) -> None:
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            raise ValidationError.single("date", "a date (not a datetime)", day)
        if day.year not in self.years:
            raise CalendarRangeError(day, self.years)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether *day* is a working day (工作日)."""
        self._require(day)
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, day: dt.date, count: int) -> dt.date:
        """The *count*-th working day after *day* (before it when negative); *day* itself when 0.

        ``count_working_days(day, add_working_days(day, n)) == n`` for every n >= 0.
        """
        if isinstance(count, bool) or not isinstance(count, int):
            raise ValidationError.single("count", "a whole number of working days", count)
        self._require(day)
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        remaining = abs(count)
        current = day
        while remaining:
            current = current + step
            if self.is_working_day(current):
                remaining -= 1
        return current

    def count_working_days(self, start: dt.date, end: dt.date) -> int:
        """How many working days lie after *start* up to and including *end* (0 if end <= start)."""
        self._require(start)
        self._require(end)
        count = 0
        current = start + _ONE_DAY
        while current <= end:
            if self.is_working_day(current):
                count += 1
            current += _ONE_DAY
        return count

    def working_days_in(self, period: Period) -> int:
        """How many working days *period* contains, both ends included."""
        return sum(1 for day in period.dates() if self.is_working_day(day))

    def next_working_day(self, day: dt.date) -> dt.date:
        """*day* itself if it is a working day, else the first working day after it."""
        return day if self.is_working_day(day) else self.add_working_days(day, 1)
