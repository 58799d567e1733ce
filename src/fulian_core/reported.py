"""Percentages as reported (报告中的百分比): rounded figures, their intervals, percentage points.

A percentage written in a report is rounded: ``12.5%`` means the truth lies in
``[12.45%, 12.55%)``. A :class:`Percentage` keeps the written number, the grain of its last
place, its :class:`~fulian_core.quantities.Qualifier` (``90%以上``, ``近三成``) and its unit (percent,
or percentage points for a change, ``提高3.2个百分点``), and gives the exact :class:`~fulian_core.Interval` the
truth lies in. The arithmetic keeps the intervals exact (rational numbers):

>>> from fulian_core.reported import Percentage, implied_base
>>> str(Percentage.parse("12.5%").interval)
'[12.45, 12.55)'
>>> str(implied_base(55, Percentage.parse("67.9%")))
'(110000/1359, 110000/1357]'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Final

import attrs

from fulian_core._definitions import check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._figures import chinese_numeral_value as _numeral_value
from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.errors import ValidationError
from fulian_core.intervals import Interval
from fulian_core.quantities import Qualifier, Quantity

__all__ = [
    "FoundPercentage",
    "PercentUnit",
    "Percentage",
    "find_percentages",
    "implied_base",
    "implied_count",
    "points_change",
]

_HUNDRED: Final = Fraction(100)
_MAX_MAGNITUDE: Final = Decimal(10**9)
_MAX_TEXT: Final = 100


# -- reported percentages ---------------------------------------------------------------------


class PercentUnit(CodedEnum):
    """What a reported percentage counts in (百分比单位): percent of a whole, or percentage
    points of a change between two percentages."""

    PERCENT = ("percent", "%")
    POINT = ("point", "个百分点")


_RISE: Final = ("提高", "增加", "上升", "增长", "提升")
_FALL: Final = ("下降", "降低", "减少")
_PREFIXES: Final = {"": Qualifier.EXACT, "近": Qualifier.NEARLY, "约": Qualifier.ABOUT, "大约": Qualifier.ABOUT}
_PREFIXES_MORE: Final = {
    "超过": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "不足": Qualifier.LESS_THAN,
    "不到": Qualifier.LESS_THAN,
    "最多": Qualifier.AT_MOST,
}
_SUFFIXES: Final = {
    "以上": Qualifier.AT_LEAST,
    "左右": Qualifier.ABOUT,
    "以下": Qualifier.AT_MOST,
    "以内": Qualifier.AT_MOST,
}
_CANONICAL_PREFIX: Final = {
    Qualifier.NEARLY: "近",
    Qualifier.ABOUT: "约",
    Qualifier.MORE_THAN: "超过",
    Qualifier.LESS_THAN: "不足",
}
_CANONICAL_SUFFIX: Final = {Qualifier.AT_LEAST: "以上", Qualifier.AT_MOST: "以下"}
_TENTH_DIGITS: Final = "一二两三四五六七八九十"


def _check_percentage(self: Percentage) -> None:
    faults = Faults()
    value_ok = faults.check(
        isinstance(self.value, Decimal) and self.value.is_finite() and abs(self.value) < _MAX_MAGNITUDE,
        "value",
        "a finite Decimal below 10^9",
        self.value,
    )
    step_ok = faults.check(
        isinstance(self.step, Decimal) and self.step.is_finite() and self.step > 0 and self.step.normalize() in _STEPS,
        "step",
        "the grain of the last written place: a power of ten from 0.000001 to 10",
        self.step,
    )
    faults.check(
        isinstance(self.qualifier, Qualifier) and self.qualifier not in (Qualifier.UNKNOWN, Qualifier.BETWEEN),
        "qualifier",
        "a Qualifier other than unknown or between (a range of percentages is two percentages)",
        self.qualifier,
    )
    unit_ok = faults.check(isinstance(self.unit, PercentUnit), "unit", "a PercentUnit", self.unit)
    text_ok = faults.check(
        isinstance(self.text, str) and len(self.text) <= _MAX_TEXT, "text", "the text as written", self.text
    )
    if text_ok and self.text and not faults:
        faults.check(
            _read_text(self.text) == (self.value, self.step, self.qualifier, self.unit),
            "text",
            f"a writing of {attrs.evolve(self, text='').render()}",
            self.text,
        )
    if value_ok and step_ok:
        faults.check(
            _WIDE.remainder(self.value, self.step) == 0, "value", f"a multiple of the step {self.step}", self.value
        )
    if value_ok and unit_ok and self.unit is PercentUnit.PERCENT:
        faults.check(self.value >= 0, "value", "a percentage >= 0 (a change is in points)", self.value)
    faults.raise_if_any()


_STEPS: Final = frozenset(Decimal(1).scaleb(exponent).normalize() for exponent in range(-6, 2))


@_exact_methods
@attrs.frozen
class Percentage:
    """A percentage as a report writes it (报告百分比): ``28.07%``, ``90%以上``, ``近三成``, or a
    change in percentage points (``提高3.2个百分点``, value ``3.2``; ``下降1.5个百分点``, ``-1.5``).

    ``value`` is the written number in percent (``八成`` is 80) or in points; ``step`` the grain
    of its last written place (0.01 for ``28.07%``, 1 for ``90%``, 10 for ``八成``, one 成 being
    ten percent); ``text`` the figure as written, for rendering (not part of equality). Its
    :attr:`interval` is what the truth may be:

    - exact: rounded half up to the written place, ``[value - step/2, value + step/2)``, never
      below 0 for a percentage;
    - ``以上`` (at least): ``[value, ∞)``; ``超过``/``逾`` (more than): ``(value, ∞)``;
    - ``近`` (nearly): below the figure, ``[0, value)``;
    - ``约``/``左右`` (about): unbounded, as for a :class:`~fulian_core.quantities.Quantity`, so
      nothing can be found against it.

    For points the qualifier bounds the size of the change and the sign gives its direction.
    """

    value: Decimal
    step: Decimal
    qualifier: Qualifier = Qualifier.EXACT
    unit: PercentUnit = PercentUnit.PERCENT
    text: str = attrs.field(default="", eq=False)

    def __attrs_post_init__(self) -> None:
        _check_percentage(self)

    @classmethod
    def of(
        cls,
        value: str | int | Decimal,
        *,
        qualifier: Qualifier = Qualifier.EXACT,
        unit: PercentUnit = PercentUnit.PERCENT,
    ) -> Percentage:
        """A percentage from its number as written (``"28.07"``), the step read from its decimals."""
        if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
            raise ValidationError.single("value", "a decimal string, an int or a Decimal (never a float)", value)
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise ValidationError.single("value", "a decimal number", value) from None
        if not number.is_finite():
            raise ValidationError.single("value", "a finite decimal number", str(number))
        exponent = number.as_tuple().exponent
        assert isinstance(exponent, int)  # noqa: S101 - finite
        step = Decimal(1).scaleb(min(exponent, 0))
        return cls(number, step, qualifier, unit)

    @classmethod
    def parse(cls, text: str) -> Percentage:
        """Read a percentage as reports write it: ``12.5%``, ``90%以上``, ``近三成``, ``八成``,
        ``超过60%``, ``提高3.2个百分点``, ``下降1.5个百分点``."""
        if not isinstance(text, str):
            raise ValidationError.single("text", "a string such as '12.5%'", type(text).__name__)
        if len(text) > _MAX_TEXT:
            raise ValidationError.single("text", f"a percentage of at most {_MAX_TEXT} characters", text)
        read = _read_text(text)
        if read is None:
            raise ValidationError.single("text", "a percentage such as '12.5%', '90%以上', '八成', '3.2个百分点'", text)
        return cls(*read, text.strip())

    @property
    def half_step(self) -> Fraction:
        """The rounding tolerance of an exact figure: half its last place (0.005 for ``28.07%``)."""
        return Fraction(self.step) / 2

    @property
    def interval(self) -> Interval:
        """The values the truth may take, in percent (or points); see the class for the rules."""
        size = abs(Fraction(self.value))
        half = self.half_step
        quality = self.qualifier
        if quality is Qualifier.EXACT:
            low = size - half
            magnitude = Interval(max(low, Fraction(0)), size + half, high_open=True)
            if low < 0 and self.unit is PercentUnit.POINT:
                # A change that rounds to 0 may go either way.
                return Interval(low, size + half, high_open=True)
        elif quality is Qualifier.AT_LEAST:
            magnitude = Interval(size, None)
        elif quality is Qualifier.MORE_THAN:
            magnitude = Interval(size, None, low_open=True)
        elif quality is Qualifier.NEARLY:
            magnitude = Interval(Fraction(0), size, high_open=size > 0)
        elif quality is Qualifier.AT_MOST:
            magnitude = Interval(Fraction(0), size)
        elif quality is Qualifier.LESS_THAN:
            magnitude = Interval(Fraction(0), size, high_open=size > 0)
        else:
            magnitude = Interval(Fraction(0), None)
        return -magnitude if self.value < 0 else magnitude

    @property
    def share(self) -> Interval:
        """The :attr:`interval` as a fraction of the whole (``28.07%`` → ``[0.28065, 0.28075)``)."""
        return _scaled(self.interval, 1 / _HUNDRED)

    def render(self) -> str:
        """The figure as written, or a canonical writing (``28.07%``, ``90%以上``, ``提高3.2个百分点``)."""
        if self.text:
            return self.text
        places = max(0, -self.step.adjusted())
        number = format(abs(self.value).quantize(Decimal(1).scaleb(-places)), "f")
        prefix = _CANONICAL_PREFIX.get(self.qualifier, "")
        suffix = _CANONICAL_SUFFIX.get(self.qualifier, "")
        verb = ""
        if self.unit is PercentUnit.POINT:
            verb = "下降" if self.value < 0 else "提高"
        return f"{verb}{prefix}{number}{self.unit.label}{suffix}"

    def __str__(self) -> str:
        return self.render()


def _scaled(interval: Interval, factor: Fraction) -> Interval:
    low = None if interval.low is None else interval.low * factor
    high = None if interval.high is None else interval.high * factor
    return Interval(low, high, interval.low_open, interval.high_open)


_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_PATTERN_TEXT = (
    rf"(?P<verb>{'|'.join(_RISE + _FALL)})?了?"
    r"(?P<prefix>近|约|大约|超过|逾|不足|不到|最多)?"
    rf"(?:(?P<number>{_NUMBER})(?P<unit>%|个百分点)"
    rf"|(?P<tenths>[{_TENTH_DIGITS}]|10|[1-9])成(?![不员立为功果效绩长熟本家人分])"
    r")(?P<suffix>以上|左右|以下|以内)?"
)
_PATTERN: Final = re.compile(_PATTERN_TEXT)
_IN_TEXT: Final = re.compile(r"(?<![0-9.])" + _PATTERN_TEXT)


_Reading = tuple[Decimal, Decimal, Qualifier, PercentUnit]


def _reading(found: re.Match[str]) -> _Reading | None:
    """The value, step, qualifier and unit a matched writing states, or ``None`` if it states
    none (two qualifiers, a rise written in percent)."""
    prefix, suffix = found["prefix"] or "", found["suffix"] or ""
    if prefix and suffix:
        return None  # one qualifier at most (近…以上 says nothing)
    qualifier = _SUFFIXES[suffix] if suffix else _PREFIXES.get(prefix) or _PREFIXES_MORE[prefix]
    verb = found["verb"] or ""
    if found["tenths"] is not None:
        digits = found["tenths"]
        tenths = int(digits) if digits.isdigit() else _numeral_value(digits)
        if tenths is None or verb:
            return None
        return Decimal(tenths * 10), Decimal(10), qualifier, PercentUnit.PERCENT
    unit = PercentUnit.POINT if found["unit"] == "个百分点" else PercentUnit.PERCENT
    if verb and unit is PercentUnit.PERCENT:
        return None  # 提高5% is a relative change, not a share: not read as one
    number = Decimal(found["number"])
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # noqa: S101 - digits read by the pattern are finite
    value = number.copy_negate() if verb in _FALL else number
    return value, Decimal(1).scaleb(min(exponent, 0)), qualifier, unit


def _read_text(text: str) -> _Reading | None:
    found = _PATTERN.fullmatch(unicodedata.normalize("NFKC", text).strip())
    return None if found is None else _reading(found)


def _from_match(found: re.Match[str], written: str) -> Percentage | None:
    read = _reading(found)
    return None if read is None else Percentage(*read, written)


@attrs.frozen
class FoundPercentage:
    """A percentage found in running text (文中百分比): where it stands and what it says."""

    start: int
    end: int
    text: str
    percentage: Percentage


@_exact
def find_percentages(text: str) -> list[FoundPercentage]:
    """Every percentage in a paragraph, in order: ``28.07%``, ``90%以上``, ``近三成``, ``八成``,
    ``提高3.2个百分点``. A rise or fall in percent (``增长5%``) is a relative change, not read."""
    if not isinstance(text, str):
        raise ValidationError.single("text", "text", type(text).__name__)
    normalized = unicodedata.normalize("NFKC", text)
    source = normalized if len(normalized) == len(text) else text
    found: list[FoundPercentage] = []
    for match in _IN_TEXT.finditer(source):
        written = text[match.start() : match.end()]
        percentage = _from_match(match, written)
        if percentage is not None:
            found.append(FoundPercentage(match.start(), match.end(), written, percentage))
    return found


# -- arithmetic that respects the intervals ---------------------------------------------------


def _check_share(share: object, path: str) -> Percentage:
    check_type(share, Percentage, path)
    assert isinstance(share, Percentage)  # noqa: S101 - narrowed by the check
    if share.unit is not PercentUnit.PERCENT:
        raise ValidationError.single(f"{path}.unit", "a percentage of a whole (%), not points", share.unit.code)
    return share


@_exact
def implied_base(count: Quantity | int, share: Percentage) -> Interval:
    """The whole a count is *share* of (``2,346人，占12.5%`` → the whole lies in
    ``(18694.8…, 18844.1…]``): the count's interval over the share's."""
    part = Interval.of(count)
    rate = _check_share(share, "share").share
    return part / Interval(max(rate.low or Fraction(0), Fraction(0)), rate.high, rate.low_open, rate.high_open)


@_exact
def implied_count(share: Percentage, base: Quantity | int) -> Interval:
    """The count *share* of *base* stands for (``按4%的比例`` of 200 → ``[7, 9)``)."""
    rate = _check_share(share, "share").share
    whole = Interval.of(base)
    return Interval(max(rate.low or Fraction(0), Fraction(0)), rate.high, rate.low_open, rate.high_open) * whole


@_exact
def points_change(before: Percentage, after: Percentage) -> Interval:
    """The change from *before* to *after* in percentage points, from both intervals
    (``45.2%`` → ``48.4%`` is ``(3.1, 3.3)``)."""
    first = _check_share(before, "before").interval
    second = _check_share(after, "after").interval
    return second - first
