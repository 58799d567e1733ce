"""Recurring schedules (工作节奏): "每月一抽查、月底一入户、季度一评比".

A :class:`Schedule` is a declared value, built on dateutil's ``rrule``; it never defaults to
the clock. Ask it for the occurrences or due dates inside a period:

>>> from fulian_core import Period, Schedule
>>> [d.isoformat() for d in Schedule.month_end().due_dates(Period.quarter(2024, 1))]
['2024-01-31', '2024-02-29', '2024-03-31']
>>> [p.code for p in Schedule.last_week_of_month().occurrences(Period.month(2024, 2))]
['2024-02-23/2024-02-29']
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs
from dateutil import rrule

from fulian_core._definitions import check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError
from fulian_core.periods import Period

__all__ = ["Cadence", "Schedule"]


class Cadence(CodedEnum):
    """How often a task recurs (频次)."""

    WEEKLY = ("weekly", "每周")
    MONTHLY = ("monthly", "每月")
    QUARTERLY = ("quarterly", "每季度")
    HALF_YEARLY = ("half_yearly", "每半年")
    YEARLY = ("yearly", "每年")


_MONTHS_IN: Final = {Cadence.QUARTERLY: 3, Cadence.HALF_YEARLY: 6, Cadence.YEARLY: 12}
_WEEKDAYS: Final = "一二三四五六日"


@attrs.frozen
class Schedule:
    """A recurring task (定期工作): its cadence, its anchor day and how many days it lasts.

    * ``day``: for a weekly cadence, the weekday (0 Monday … 6 Sunday); otherwise the day of
      the month, 1 to 28 from the start or -1 to -28 from the end (-1 is 月底). Days 29-31 would
      silently skip short months, so they are refused.
    * ``month``: for quarterly, half-yearly and yearly cadences, the month within the
      quarter/half/year (1-based; negative counts from its end; -1 is its last month).
    * ``window_days``: how many days each occurrence lasts, from the anchor (7 for a week).
    """

    cadence: Cadence
    day: int
    month: int = 1
    window_days: int = 1
    label: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.cadence, Cadence), "cadence", "a Cadence", self.cadence):
            faults.raise_if_any(DefinitionError)
        whole = {name: getattr(self, name) for name in ("day", "month", "window_days")}
        for name, value in whole.items():
            faults.check(
                isinstance(value, int) and not isinstance(value, bool),
                name,
                "a whole number",
                value,
            )
        faults.raise_if_any(DefinitionError)
        if self.cadence is Cadence.WEEKLY:
            faults.check(0 <= self.day <= 6, "day", "a weekday from 0 (Monday) to 6 (Sunday)", self.day)
            faults.check(1 <= self.window_days <= 7, "window_days", "1 to 7 days", self.window_days)
        else:
            faults.check(1 <= abs(self.day) <= 28, "day", "a day from 1 to 28 or from -1 to -28", self.day)
            faults.check(1 <= self.window_days <= 28, "window_days", "1 to 28 days", self.window_days)
            span = _MONTHS_IN.get(self.cadence)
            if span is None:
                faults.check(self.month == 1, "month", "1 (unused for a monthly cadence)", self.month)
            else:
                faults.check(
                    1 <= abs(self.month) <= span,
                    "month",
                    f"a month from 1 to {span} or -1 to -{span}",
                    self.month,
                )
        faults.check(isinstance(self.label, str), "label", "text", self.label)
        faults.raise_if_any(DefinitionError)

    # -- named constructors ------------------------------------------------------------------

    @classmethod
    def weekly(cls, weekday: int) -> Schedule:
        """Every week on *weekday* (0 Monday … 6 Sunday)."""
        return cls(Cadence.WEEKLY, weekday)

    @classmethod
    def monthly(cls, day: int = 1) -> Schedule:
        """Every month on *day* (每月一次)."""
        return cls(Cadence.MONTHLY, day)

    @classmethod
    def month_end(cls) -> Schedule:
        """On the last day of every month (月底)."""
        return cls(Cadence.MONTHLY, -1)

    @classmethod
    def last_week_of_month(cls) -> Schedule:
        """The last seven days of every month (每月最后一周)."""
        return cls(Cadence.MONTHLY, -7, window_days=7)

    @classmethod
    def quarterly(cls, *, month: int = -1, day: int = -1) -> Schedule:
        """Every quarter, by default on its last day (季度末)."""
        return cls(Cadence.QUARTERLY, day, month)

    @classmethod
    def half_yearly(cls, *, month: int = -1, day: int = -1) -> Schedule:
        """Every half year, by default on its last day (半年一评选)."""
        return cls(Cadence.HALF_YEARLY, day, month)

    @classmethod
    def yearly(cls, *, month: int = -1, day: int = -1) -> Schedule:
        """Every year, by default on 31 December."""
        return cls(Cadence.YEARLY, day, month)

    # -- reading -----------------------------------------------------------------------------

    @property
    def description(self) -> str:
        """A Chinese description (the label if one was given)."""
        if self.label:
            return self.label
        if self.cadence is Cadence.WEEKLY:
            return f"每周{_WEEKDAYS[self.day]}"
        day = "最后一天" if self.day == -1 else (f"{self.day}日" if self.day > 0 else f"倒数第{-self.day}天")
        if self.window_days > 1:
            day = f"{day}起{self.window_days}天"
        if self.cadence is Cadence.MONTHLY:
            return f"每月{day}"
        month = (
            "最后一个月"
            if self.month == -1
            else (f"第{self.month}个月" if self.month > 0 else f"倒数第{-self.month}个月")
        )
        return f"{self.cadence.label}{month}{day}"

    def _rule(self, start: dt.date, until: dt.date) -> rrule.rrule:
        begin = dt.datetime.combine(start, dt.time())
        end = dt.datetime.combine(until, dt.time())
        if self.cadence is Cadence.WEEKLY:
            return rrule.rrule(rrule.WEEKLY, dtstart=begin, until=end, byweekday=self.day)
        span = _MONTHS_IN.get(self.cadence)
        if span is None:
            return rrule.rrule(rrule.MONTHLY, dtstart=begin, until=end, bymonthday=self.day)
        offset = self.month - 1 if self.month > 0 else span + self.month
        months = tuple(first + offset for first in range(1, 13, span))
        return rrule.rrule(rrule.MONTHLY, dtstart=begin, until=end, bymonth=months, bymonthday=self.day)

    def occurrences(self, period: Period) -> tuple[Period, ...]:
        """The occurrences that end inside *period*: days, or ranges for multi-day windows."""
        check_type(period, Period, "period")
        lead = dt.timedelta(days=self.window_days - 1)
        found: list[Period] = []
        try:
            first = period.start - lead
        except OverflowError:
            first = dt.date.min
        for anchor in self._rule(first, period.end):
            start = anchor.date()
            end = start + lead
            if period.contains(end):
                found.append(Period.day(start) if self.window_days == 1 else Period.between(start, end))
        return tuple(found)

    def due_dates(self, period: Period) -> tuple[dt.date, ...]:
        """The last day of each occurrence inside *period* (when each is due)."""
        return tuple(occurrence.end for occurrence in self.occurrences(period))
