"""Periods of work and reporting (时期): years, halves, quarters, months, days and date ranges.

Every period has a stable code and a Chinese label, both ways:

>>> from fulian_core import Period
>>> Period.from_code("2024Q3").label
'2024年第三季度'
>>> Period.from_label("2024年上半年").code
'2024H1'
>>> [p.code for p in Period.from_code("2024H2").subdivide(PeriodKind.QUARTER)]
['2024Q3', '2024Q4']
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from fulian_core import _figures
from fulian_core._definitions import check_day, check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError

__all__ = ["MAX_YEAR", "MIN_YEAR", "Period", "PeriodKind"]

MIN_YEAR: Final = 1000
MAX_YEAR: Final = 9998
"""Years a period may lie in; the bound keeps next/previous and subdivision inside dates."""


class PeriodKind(CodedEnum):
    """The kind of a period (时期类型), coarsest first."""

    YEAR = ("year", "年度")
    HALF = ("half", "半年")
    QUARTER = ("quarter", "季度")
    MONTH = ("month", "月")
    DAY = ("day", "日")
    RANGE = ("range", "时段")

    @property
    def months(self) -> int | None:
        """How many months a period of this kind spans, for the calendar kinds of a month or more."""
        return _MONTHS.get(self)


_MONTHS: Final = {
    PeriodKind.YEAR: 12,
    PeriodKind.HALF: 6,
    PeriodKind.QUARTER: 3,
    PeriodKind.MONTH: 1,
}
_RANK: Final = {kind: index for index, kind in enumerate(PeriodKind)}
_CN_DIGITS: Final = "零一二三四"
_HALF_LABELS: Final = ("上半年", "下半年")


def _first_month(kind: PeriodKind, index: int) -> int:
    months = _MONTHS[kind]
    return (index - 1) * months + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@attrs.frozen(order=False)
class Period:
    """A span of days (时期) of one :class:`PeriodKind`, from ``start`` to ``end`` inclusive.

    Build one with :meth:`year`, :meth:`half`, :meth:`quarter`, :meth:`month`, :meth:`day`,
    :meth:`between`, :meth:`containing`, :meth:`from_code` or :meth:`from_label`; the
    constructor checks that the dates fit the kind.
    """

    kind: PeriodKind
    start: dt.date
    end: dt.date

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.kind, PeriodKind), "kind", "a PeriodKind", self.kind):
            faults.raise_if_any()
        for name in ("start", "end"):
            value = getattr(self, name)
            ok = isinstance(value, dt.date) and not isinstance(value, dt.datetime)
            if faults.check(ok, name, "a date (not a datetime)", value):
                faults.check(
                    MIN_YEAR <= value.year <= MAX_YEAR,
                    name,
                    f"a date in the years {MIN_YEAR}-{MAX_YEAR}",
                    value,
                )
        faults.raise_if_any()
        if not faults.check(
            self.start <= self.end,
            "end",
            f"a date on or after start ({self.start.isoformat()})",
            self.end.isoformat(),
        ):
            faults.raise_if_any()
        if self.kind is PeriodKind.DAY:
            faults.check(
                self.start == self.end,
                "end",
                "the same date as start for a day",
                self.end.isoformat(),
            )
        elif self.kind is not PeriodKind.RANGE:
            months = _MONTHS[self.kind]
            aligned = self.start.day == 1 and (self.start.month - 1) % months == 0
            if faults.check(aligned, "start", f"the first day of a {self.kind.label}", self.start.isoformat()):
                expected = self.start + relativedelta(months=months, days=-1)
                faults.check(
                    self.end == expected,
                    "end",
                    f"{expected.isoformat()} (the end of that {self.kind.label})",
                    self.end.isoformat(),
                )
        faults.raise_if_any()

    # -- named constructors ------------------------------------------------------------------

    @classmethod
    def year(cls, year: int) -> Period:
        """The calendar year (年度)."""
        _check_year(year)
        return cls(PeriodKind.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def half(cls, year: int, half: int) -> Period:
        """The first (上半年, 1) or second (下半年, 2) half of a year."""
        return cls._calendar(PeriodKind.HALF, year, half, 2, "half")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        """A quarter (季度), 1 to 4."""
        return cls._calendar(PeriodKind.QUARTER, year, quarter, 4, "quarter")

    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """A calendar month (月), 1 to 12."""
        return cls._calendar(PeriodKind.MONTH, year, month, 12, "month")

    @classmethod
    def day(cls, day: dt.date) -> Period:
        """A single day (日)."""
        return cls(PeriodKind.DAY, day, day)

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> Period:
        """An explicit date range, both ends included (时段), such as a campaign phase."""
        return cls(PeriodKind.RANGE, start, end)

    @classmethod
    def containing(cls, kind: PeriodKind, day: dt.date) -> Period:
        """The period of *kind* that contains *day* (a range kind is not allowed)."""
        check_type(kind, PeriodKind, "kind")
        check_type(day, dt.date, "day")
        if kind is PeriodKind.RANGE:
            raise ValidationError.single("kind", "a calendar kind (year, half, quarter, month, day)", kind.code)
        if kind is PeriodKind.DAY:
            return cls.day(day)
        months = _MONTHS[kind]
        index = (day.month - 1) // months + 1
        if kind is PeriodKind.YEAR:
            return cls.year(day.year)
        return cls._calendar(kind, day.year, index, 12 // months, kind.code)

    @classmethod
    def _calendar(cls, kind: PeriodKind, year: int, index: int, count: int, name: str) -> Period:
        _check_year(year)
        if isinstance(index, bool) or not isinstance(index, int) or not 1 <= index <= count:
            raise ValidationError.single(name, f"a whole number from 1 to {count}", index)
        first = _first_month(kind, index)
        return cls(kind, dt.date(year, first, 1), _month_end(year, first + _MONTHS[kind] - 1))

    # -- codes and labels --------------------------------------------------------------------

    @property
    def index(self) -> int:
        """The position within its year: the half, quarter or month number (1 for a year)."""
        months = _MONTHS.get(self.kind)
        if months is None:
            raise ValidationError.single("kind", "a year, half, quarter or month", self.kind.code)
        return (self.start.month - 1) // months + 1

    @property
    def code(self) -> str:
        """The stable code: ``2024``, ``2024H1``, ``2024Q3``, ``2024-05``, ``2024-05-01`` or
        ``2024-03-01/2024-03-10``."""
        kind, year = self.kind, self.start.year
        if kind is PeriodKind.YEAR:
            return f"{year:04d}"
        if kind is PeriodKind.HALF:
            return f"{year:04d}H{self.index}"
        if kind is PeriodKind.QUARTER:
            return f"{year:04d}Q{self.index}"
        if kind is PeriodKind.MONTH:
            return f"{year:04d}-{self.start.month:02d}"
        if kind is PeriodKind.DAY:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    @property
    def label(self) -> str:  # noqa: PLR0911 - one return per kind reads best
        """The Chinese label: ``2024年``, ``2024年上半年``, ``2024年第三季度``, ``2024年5月`` ..."""
        kind, start = self.kind, self.start
        if kind is PeriodKind.YEAR:
            return f"{start.year}年"
        if kind is PeriodKind.HALF:
            return f"{start.year}年{_HALF_LABELS[self.index - 1]}"
        if kind is PeriodKind.QUARTER:
            return f"{start.year}年第{_CN_DIGITS[self.index]}季度"
        if kind is PeriodKind.MONTH:
            return f"{start.year}年{start.month}月"
        first = f"{start.year}年{start.month}月{start.day}日"
        if kind is PeriodKind.DAY:
            return first
        end = self.end
        if (
            start.day == 1
            and end == _month_end(end.year, end.month)
            and (start.year, start.month) != (end.year, end.month)
        ):
            # Whole months, as report headings write them: 2023年1-6月, 2024年11月—2025年2月.
            if end.year == start.year:
                return f"{start.year}年{start.month}-{end.month}月"
            return f"{start.year}年{start.month}月—{end.year}年{end.month}月"
        if end.year != start.year:
            return f"{first}—{end.year}年{end.month}月{end.day}日"
        return f"{first}—{end.month}月{end.day}日"

    @classmethod
    def from_code(cls, code: str) -> Period:
        """The period a stable code names (see :attr:`code`)."""
        if not isinstance(code, str):
            raise ValidationError.single("code", "a period code such as '2024Q3'", code)
        match = _CODE.fullmatch(code)
        if match is None:
            raise ValidationError.single(
                "code",
                "a period code such as '2024', '2024H1', '2024Q3', '2024-05', '2024-05-01' or '2024-03-01/2024-03-10'",
                code,
            )
        try:
            dates = [dt.date.fromisoformat(text) for text in (match["single"], match["from"], match["to"]) if text]
        except ValueError:
            raise ValidationError.single("code", "real calendar dates", code) from None
        try:
            if match["single"] is not None:
                return cls.day(dates[0])
            if match["from"] is not None:
                return cls.between(dates[0], dates[1])
            year = int(match["year"])
            if match["half"]:
                return cls.half(year, int(match["half"]))
            if match["quarter"]:
                return cls.quarter(year, int(match["quarter"]))
            if match["month"]:
                return cls.month(year, int(match["month"]))
            return cls.year(year)
        except ValidationError as error:
            raise ValidationError.single("code", error.expected, code) from None

    @classmethod
    def from_label(cls, label: str, *, year: int | None = None) -> Period:
        """The period a Chinese label names: ``2024年``, ``2024年度``, ``2024年上半年``,
        ``2024年第三季度``/``2024年三季度``, ``2024年5月``/``2024年三月份``, ``2024年5月1日``,
        ``2024年3月1日—10日``, and whole months ``2023年1-6月``/``2024年3月—5月`` (a range).
        A label without a year (``3月1日—10日``, ``三月``, ``1至9月``) takes *year*; a range
        that ends in an earlier month (``12月25日—1月5日``) ends in the next year.
        """
        if not isinstance(label, str):
            raise ValidationError.single("label", "a Chinese period label such as '2024年第三季度'", label)
        text = unicodedata.normalize("NFKC", label).strip().replace(" ", "")
        for pattern, build in _LABELS:
            match = pattern.fullmatch(text)
            if match is None:
                continue
            the_year = year if match["year"] is None else int(match["year"])
            if the_year is None:
                raise ValidationError.single("label", "a label with its year, or the year= argument", label)
            try:
                return build(the_year, match)
            except (ValidationError, ValueError):
                raise ValidationError.single("label", "a label naming real dates", label) from None
        raise ValidationError.single("label", "a Chinese period label such as '2024年第三季度' or '2024年5月'", label)

    # -- relations ---------------------------------------------------------------------------

    @property
    def days(self) -> int:
        """How many days the period spans."""
        return (self.end - self.start).days + 1

    def dates(self) -> Iterator[dt.date]:
        """Every day of the period, in order."""
        day = self.start
        one = dt.timedelta(days=1)
        while day <= self.end:
            yield day
            day += one

    def contains(self, other: dt.date | Period) -> bool:
        """Whether a date or a whole period lies within this period."""
        if not isinstance(other, Period):
            check_day(other, "other")
        if isinstance(other, Period):
            return self.start <= other.start and other.end <= self.end
        return self.start <= other <= self.end

    def __contains__(self, other: object) -> bool:
        return isinstance(other, (dt.date, Period)) and self.contains(other)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        check_type(other, Period, "other")
        return self.start <= other.end and other.start <= self.end

    def next(self) -> Period:
        """The period of the same kind right after this one (a range: the same length)."""
        return self.shift(1)

    def previous(self) -> Period:
        """The period of the same kind right before this one."""
        return self.shift(-1)

    def shift(self, steps: int) -> Period:
        """The period *steps* periods of the same kind away (negative: earlier)."""
        check_type(steps, int, "steps")
        if self.kind is PeriodKind.DAY:
            return Period.day(_shift_days(self.start, steps))
        if self.kind is PeriodKind.RANGE:
            delta = self.days * steps
            return Period.between(_shift_days(self.start, delta), _shift_days(self.end, delta))
        start = self.start + relativedelta(months=_MONTHS[self.kind] * steps)
        _check_year(start.year)
        return Period.containing(self.kind, start)

    def subdivide(self, kind: PeriodKind) -> tuple[Period, ...]:
        """The periods of a finer *kind* that tile this one exactly, in order.

        A year divides into halves, quarters, months or days; a range only into days.
        """
        check_type(kind, PeriodKind, "kind")
        if kind is PeriodKind.DAY:
            return tuple(Period.day(day) for day in self.dates())
        own = _MONTHS.get(self.kind)
        finer = _MONTHS.get(kind)
        if own is None or finer is None or finer > own or own % finer:
            raise ValidationError.single("kind", f"a kind that tiles a {self.kind.label}", kind.code)
        first = Period.containing(kind, self.start)
        return tuple(first.shift(step) for step in range(own // finer))

    def __lt__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __le__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: Period) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() >= other._sort_key()

    def _sort_key(self) -> tuple[dt.date, dt.date, int]:
        return (self.start, self.end, _RANK[self.kind])

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"Period.from_code({self.code!r})"


def _check_year(year: object) -> None:
    if isinstance(year, bool) or not isinstance(year, int) or not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError.single("year", f"a whole year from {MIN_YEAR} to {MAX_YEAR}", year)


def _shift_days(day: dt.date, days: int) -> dt.date:
    try:
        shifted = day + dt.timedelta(days=days)
    except OverflowError:
        raise ValidationError.single(
            "steps", f"a shift that stays within the years {MIN_YEAR}-{MAX_YEAR}", days
        ) from None
    _check_year(shifted.year)
    return shifted


_CODE = re.compile(
    r"(?P<single>\d{4}-\d{2}-\d{2})"
    r"|(?P<from>\d{4}-\d{2}-\d{2})/(?P<to>\d{4}-\d{2}-\d{2})"
    r"|(?P<year>\d{4})(?:H(?P<half>[12])|Q(?P<quarter>[1-4])|-(?P<month>\d{2}))?"
)
_CN_QUARTER: Final = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_YEAR = r"(?:(?P<year>\d{4})年)?"
_DASH = r"(?:——|—|–|-|~|至|到)"
_MONTH = r"\d{1,2}|十[一二]?|[一二三四五六七八九]"


def _build_year(year: int, _match: re.Match[str]) -> Period:
    return Period.year(year)


def _build_half(year: int, match: re.Match[str]) -> Period:
    return Period.half(year, 1 if match["half"] == "上" else 2)


def _build_quarter(year: int, match: re.Match[str]) -> Period:
    return Period.quarter(year, _CN_QUARTER[match["quarter"]])


def _month_number(text: str) -> int:
    """A month written in digits (``3``) or Chinese numerals (``三``, ``十二``)."""
    return int(text) if text.isdigit() else _figures.chinese_numeral_value(text) or 0


def _build_month(year: int, match: re.Match[str]) -> Period:
    return Period.month(year, _month_number(match["month"]))


def _build_months(year: int, match: re.Match[str]) -> Period:
    first, last = _month_number(match["month"]), _month_number(match["month2"])
    end_year = int(match["year2"]) if match["year2"] else year
    if not match["year2"] and last < first:
        end_year += 1  # 12月—2月: the range runs into the next year
    if not 1 <= last <= 12 or (end_year, last) <= (year, first):
        raise ValidationError.single("label", "a later month at the end", match.group())
    return Period.between(Period.month(year, first).start, Period.month(end_year, last).end)


def _build_day(year: int, match: re.Match[str]) -> Period:
    return Period.day(dt.date(year, int(match["month"]), int(match["day"])))


def _build_range(year: int, match: re.Match[str]) -> Period:
    start = dt.date(year, int(match["month"]), int(match["day"]))
    end_month = int(match["month2"]) if match["month2"] else start.month
    end_year = int(match["year2"]) if match["year2"] else year
    if not match["year2"] and end_month < start.month:
        end_year += 1  # 12月25日—1月5日: the range runs into the next year
    return Period.between(start, dt.date(end_year, end_month, int(match["day2"])))


_LABELS: Final = (
    (re.compile(r"(?P<year>\d{4})年度?"), _build_year),
    (re.compile(_YEAR + r"(?P<half>上|下)半年"), _build_half),
    (re.compile(_YEAR + r"第?(?P<quarter>[一二三四1-4])季度"), _build_quarter),
    (re.compile(_YEAR + rf"(?P<month>{_MONTH})月份?"), _build_month),
    (
        re.compile(_YEAR + rf"(?P<month>{_MONTH})月?{_DASH}(?:(?P<year2>\d{{4}})年)?(?P<month2>{_MONTH})月份?"),
        _build_months,
    ),
    (re.compile(_YEAR + r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日"), _build_day),
    (
        re.compile(
            _YEAR
            + r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日"
            + _DASH
            + r"(?:(?P<year2>\d{4})年)?(?:(?P<month2>\d{1,2})月)?(?P<day2>\d{1,2})日"
        ),
        _build_range,
    ),
)
