"""Quantities as reported (数量): a figure, its unit and its qualifier.

Reports write figures such as ``200余场次`` (more than 200 sessions), ``近60余人`` (nearly 60
people), ``约5万元`` (about 50,000 yuan) or ``20xx户`` (a template blank). A :class:`Quantity`
keeps the nominal value, the unit, the :class:`Qualifier` and the :class:`Bounds` the qualifier
implies, so that sums keep what is still known:

>>> from fulian_core import Quantity
>>> total = Quantity.parse("200余场次") + Quantity.parse("30场次")
>>> str(total)
'230余场次'
>>> Quantity.parse("约5万元").value
Decimal('50000')
"""

from __future__ import annotations

import decimal
import enum
import re
import unicodedata
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import ClassVar, Final

import attrs

from fulian_core import _figures
from fulian_core._definitions import check_finite, check_iterable, check_type, check_whole
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core._numbers import format_number
from fulian_core._unchecked import builder
from fulian_core.errors import UnitMismatchError, ValidationError

__all__ = [
    "MAX_TEXT",
    "MAX_VALUE",
    "Bounds",
    "Comparison",
    "FoundFigure",
    "Notation",
    "Per",
    "Qualifier",
    "Quantity",
    "Unit",
    "find_figures",
]

_ZERO = Decimal(0)
_FEN = Decimal("0.01")
_MEASURE_STEP = Decimal("0.0001")


class Unit(CodedEnum):
    """A unit in which reports count or measure (计量单位): things (户, 人, 场次 …), money (元),
    and measures of area and time (亩, 平方米, 小时, 分钟)."""

    HOUSEHOLD = ("household", "户")
    PERSON = ("person", "人")
    PERSON_TIME = ("person_time", "人次")
    SESSION = ("session", "场次")
    TIME = ("time", "次")
    ITEM = ("item", "个")
    COPY = ("copy", "份")
    YUAN = ("yuan", "元")
    TEAM = ("team", "支")
    SITE = ("site", "处")
    COHORT = ("cohort", "期")
    ARTICLE = ("article", "篇")
    INCIDENT = ("incident", "起")
    PIECE = ("piece", "件")
    FAMILY = ("family", "家")
    CASE = ("case", "宗")
    BLOCK = ("block", "块")
    BANNER = ("banner", "面")
    ENTRY = ("entry", "条")
    PICTURE = ("picture", "幅")
    PROJECT = ("project", "项")
    INSTITUTION = ("institution", "所")
    MU = ("mu", "亩")
    SQUARE_METRE = ("square_metre", "平方米")
    HOUR = ("hour", "小时")
    MINUTE = ("minute", "分钟")
    VOTE = ("vote", "票")
    KIND = ("kind", "种")
    VEHICLE = ("vehicle", "辆")
    CLASS_HOUR = ("class_hour", "学时")
    PERCENTAGE_POINT = ("percentage_point", "个百分点")

    @property
    def is_money(self) -> bool:
        """Whether the unit is money (元), exact to the fen."""
        return self is Unit.YUAN

    @property
    def is_count(self) -> bool:
        """Whether the unit counts whole things (户, 人, 场次 …), as opposed to money and
        measures of area and time (亩, 平方米, 小时, 分钟), which may have decimals."""
        return self not in _MEASURES

    @classmethod
    def from_text(cls, text: str, *, path: str = "unit") -> Unit:
        """The unit a report's word names, aliases included (名 and 位 are 人, 场 is 场次)."""
        unit = _UNIT_WORDS.get(text)
        if unit is None:
            raise ValidationError.single(path, "a unit such as 户, 人, 人次, 场次, 元", text)
        return unit


_MEASURES: frozenset[Unit] = frozenset(
    {Unit.YUAN, Unit.MU, Unit.SQUARE_METRE, Unit.HOUR, Unit.MINUTE, Unit.PERCENTAGE_POINT}
)
_ALIASES: dict[str, Unit] = {
    "名": Unit.PERSON,
    "位": Unit.PERSON,
    "场": Unit.SESSION,
    "m²": Unit.SQUARE_METRE,
    "㎡": Unit.SQUARE_METRE,
    "个小时": Unit.HOUR,
}
_UNIT_WORDS: dict[str, Unit] = {unit.label: unit for unit in Unit} | _ALIASES


class Per(CodedEnum):
    """What a rate is counted per (按…计): ``45元/人`` per person, ``3次/月`` per month."""

    PERSON = ("person", "人")
    PERSON_TIME = ("person_time", "人次")
    HOUSEHOLD = ("household", "户")
    TIME = ("time", "次")
    DAY = ("day", "天")
    WEEK = ("week", "周")
    MONTH = ("month", "月")
    QUARTER = ("quarter", "季度")
    YEAR = ("year", "年")
    MU = ("mu", "亩")


_PER_WORDS: dict[str, Per] = {per.label: per for per in Per}


class Qualifier(CodedEnum):
    """How a reported figure relates to the truth (数量限定)."""

    EXACT = ("exact", "确数")
    MORE_THAN = ("more_than", "多于")
    AT_LEAST = ("at_least", "不少于")
    NEARLY = ("nearly", "接近")
    ABOUT = ("about", "约数")
    UNKNOWN = ("unknown", "未填")
    AT_MOST = ("at_most", "不多于")
    LESS_THAN = ("less_than", "少于")
    BETWEEN = ("between", "区间")


class Comparison(CodedEnum):
    """The answer to a comparison of a qualified figure with a target (比较结果)."""

    YES = ("yes", "是")
    NO = ("no", "否")
    UNDECIDABLE = ("undecidable", "无法判定")


class _Place(enum.Enum):
    PREFIX = "prefix"
    MIDDLE = "middle"
    SUFFIX = "suffix"
    AROUND = "around"
    RANGE = "range"


# marker -> (qualifier it may spell, where it stands)
_MARKERS: dict[str, tuple[frozenset[Qualifier], _Place | None]] = {
    "": (frozenset({Qualifier.EXACT, Qualifier.UNKNOWN}), None),
    "余": (frozenset({Qualifier.MORE_THAN, Qualifier.UNKNOWN}), _Place.MIDDLE),
    "多": (frozenset({Qualifier.MORE_THAN, Qualifier.UNKNOWN}), _Place.MIDDLE),
    "超过": (frozenset({Qualifier.MORE_THAN, Qualifier.UNKNOWN}), _Place.PREFIX),
    "逾": (frozenset({Qualifier.MORE_THAN, Qualifier.UNKNOWN}), _Place.PREFIX),
    "以上": (frozenset({Qualifier.AT_LEAST, Qualifier.UNKNOWN}), _Place.SUFFIX),
    "近": (frozenset({Qualifier.NEARLY, Qualifier.UNKNOWN}), _Place.PREFIX),
    "近…余": (frozenset({Qualifier.NEARLY, Qualifier.UNKNOWN}), _Place.AROUND),
    "近…多": (frozenset({Qualifier.NEARLY, Qualifier.UNKNOWN}), _Place.AROUND),
    "约": (frozenset({Qualifier.ABOUT, Qualifier.UNKNOWN}), _Place.PREFIX),
    "左右": (frozenset({Qualifier.ABOUT, Qualifier.UNKNOWN}), _Place.SUFFIX),
    "以下": (frozenset({Qualifier.AT_MOST, Qualifier.UNKNOWN}), _Place.SUFFIX),
    "以内": (frozenset({Qualifier.AT_MOST, Qualifier.UNKNOWN}), _Place.SUFFIX),
    "最多": (frozenset({Qualifier.AT_MOST, Qualifier.UNKNOWN}), _Place.PREFIX),
    "不超过": (frozenset({Qualifier.AT_MOST, Qualifier.UNKNOWN}), _Place.PREFIX),
    "不到": (frozenset({Qualifier.LESS_THAN, Qualifier.UNKNOWN}), _Place.PREFIX),
    "不足": (frozenset({Qualifier.LESS_THAN, Qualifier.UNKNOWN}), _Place.PREFIX),
} | {dash: (frozenset({Qualifier.BETWEEN}), _Place.RANGE) for dash in _figures.RANGE_DASHES}
_CANONICAL_MARKER: dict[Qualifier, str] = {
    Qualifier.EXACT: "",
    Qualifier.MORE_THAN: "余",
    Qualifier.AT_LEAST: "以上",
    Qualifier.NEARLY: "近",
    Qualifier.ABOUT: "约",
    Qualifier.UNKNOWN: "",
    Qualifier.AT_MOST: "以下",
    Qualifier.LESS_THAN: "不到",
    Qualifier.BETWEEN: "-",
}
_MAGNITUDES: dict[str, Decimal] = {
    "": Decimal(1),
    "千": Decimal(1000),
    "万": Decimal(10_000),
    "亿": Decimal(100_000_000),
}
_DEFAULT_BLANK = "__"
# Wide enough that no reported figure is ever rounded.
_WIDE = decimal.Context(prec=60, traps=[decimal.InvalidOperation])


@_exact_methods
@attrs.frozen
class Bounds:
    """The interval a qualified figure is known to lie in (取值区间).

    ``low`` is always known (reported figures are never negative); ``high`` is ``None`` when
    there is no upper bound. ``low_open``/``high_open`` say whether the ends are excluded.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "low is at least 0",
        "high, when given, is at least low, and above it when either end is open",
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    low: Decimal = _ZERO
    high: Decimal | None = None
    low_open: bool = False
    high_open: bool = False

    def __attrs_post_init__(self) -> None:
        check_type(self.low, Decimal, "low")
        if self.high is not None:
            check_type(self.high, Decimal, "high")
        faults = Faults()
        if faults.check(self.low.is_finite() and self.low >= 0, "low", "a finite number >= 0", self.low):
            high = self.high
            if high is not None and faults.check(high.is_finite(), "high", "a finite number", high):
                empty = high < self.low or (high == self.low and (self.low_open or self.high_open))
                faults.check(not empty, "high", f"a bound above low ({self.low})", high)
        faults.raise_if_any()

    @classmethod
    def of(cls, qualifier: Qualifier, value: Decimal | None) -> Bounds:
        """The bounds a qualifier implies for a nominal value (a range, :attr:`Qualifier.BETWEEN`,
        needs its upper end as well: its bounds are given, not implied)."""
        if value is None or qualifier in (Qualifier.UNKNOWN, Qualifier.ABOUT, Qualifier.BETWEEN):
            return cls()
        if qualifier is Qualifier.AT_MOST:
            return cls(_ZERO, value)
        if qualifier is Qualifier.EXACT:
            return cls(value, value)
        if qualifier is Qualifier.MORE_THAN:
            return cls(value, None, low_open=True)
        if qualifier is Qualifier.AT_LEAST:
            return cls(value, None)
        # NEARLY: below the figure, by an unstated margin.
        return cls(_ZERO, value, high_open=value > 0)

    def __add__(self, other: Bounds) -> Bounds:
        high = None if self.high is None or other.high is None else self.high + other.high
        return Bounds(
            self.low + other.low,
            high,
            low_open=self.low_open or other.low_open,
            high_open=high is not None and (self.high_open or other.high_open),
        )

    def __str__(self) -> str:
        """Interval notation: ``[613, 613]``, ``(200, ∞)``, ``[0, 60)``."""
        high = "∞" if self.high is None else _format_decimal(self.high)
        left = "(" if self.low_open else "["
        right = ")" if self.high_open or self.high is None else "]"
        return f"{left}{_format_decimal(self.low)}, {high}{right}"

    def contains(self, value: Decimal) -> bool:
        """Whether *value* lies within the bounds."""
        if type(value) is not Decimal or not value.is_finite():
            check_finite(value, "value")
        above = value > self.low or (value == self.low and not self.low_open)
        below = self.high is None or value < self.high or (value == self.high and not self.high_open)
        return above and below


@attrs.frozen
class Notation:
    """How a figure was written, kept for rendering it back (书写形式); not part of equality.

    ``marker`` is the qualifier word as written (``余``, ``多``, ``以上``, ``近…余`` ...),
    ``magnitude`` the multiplier word (``万``, ``千``, ``亿`` or empty), ``unit_text`` the unit
    as written (``名`` for 人, ``场`` for 场次, or empty for the unit's own label), ``blank``
    the template blank of an unknown figure (``20xx``, ``__``) and ``numeral`` the number in
    words when it was so written (``两千``, ``1万5千``). ``grouped`` says the digits carry
    thousands separators (``181,913户``), ``decimals`` how many decimal places were written
    (``15645.50元``: 2; ``None`` for the shortest form) and ``marker_first`` that 余 or 多
    stands before the magnitude (``30余万元``), as reports most often write it.
    """

    marker: str = ""
    magnitude: str = ""
    unit_text: str = ""
    blank: str = ""
    numeral: str = ""
    grouped: bool = False
    decimals: int | None = attrs.field(default=None, validator=lambda _notation, _field, value: _check_places(value))
    marker_first: bool = False


_MAX_DECIMALS: Final = 4


def _check_places(decimals: object) -> None:
    if decimals is not None:
        faults = Faults()
        check_whole(decimals, "decimals", faults, high=_MAX_DECIMALS)
        faults.raise_if_any()


MAX_VALUE: Final = Decimal(10**15)
"""Figures are below 10^15 (a thousand trillion): no report counts more, and a bound keeps a
hostile '1e999999' from becoming a million-digit number."""

MAX_TEXT: Final = 200
"""The longest reported figure :meth:`Quantity.parse` reads, in characters."""


def _check_value(value: Decimal | None, unit: Unit, faults: Faults, path: str = "value") -> None:
    if value is None:
        return
    if not faults.check(isinstance(value, Decimal), path, "a Decimal (or None for a blank figure)", value):
        return
    if not faults.check(value.is_finite(), path, "a finite number", value):
        return
    if not faults.check(value >= 0, path, "a number >= 0 (reported figures are never negative)", value):
        return
    if not faults.check(value < MAX_VALUE, path, "a figure below 10^15 (no report counts more)", value):
        return
    if unit.is_money:
        faults.check(
            value == value.quantize(_FEN, context=_WIDE),
            path,
            "an amount exact to the fen (0.01 元)",
            value,
        )
    elif unit.is_count:
        faults.check(value == value.to_integral_value(), path, f"a whole number of {unit.label}", value)
    else:
        faults.check(
            value == value.quantize(_MEASURE_STEP, context=_WIDE),
            path,
            f"a measure in {unit.label} with at most 4 decimal places",
            value,
        )


def _bounds_default(self: Quantity) -> Bounds:
    value = self.value
    if (
        not isinstance(value, Decimal)
        or not value.is_finite()
        or value < 0
        or not isinstance(self.qualifier, Qualifier)
    ):
        return Bounds()  # the value itself is reported as the fault
    return Bounds.of(self.qualifier, value)


@_exact_methods
@attrs.frozen(eq=False)
class Quantity:
    """A reported figure (数量): nominal value, unit, qualifier and the bounds it implies.

    The value is ``None`` only for an unknown figure (a template blank). Money (元) is exact
    to the fen; every other unit counts whole things. Equality and hashing ignore the
    :class:`Notation` (``5万元`` equals ``50000元``).
    """

    value: Decimal | None
    unit: Unit
    qualifier: Qualifier = Qualifier.EXACT
    bounds: Bounds = attrs.field(default=attrs.Factory(_bounds_default, takes_self=True))
    notation: Notation = Notation()
    per: Per | None = None

    def __attrs_post_init__(self) -> None:
        check_type(self.qualifier, Qualifier, "qualifier")
        check_type(self.bounds, Bounds, "bounds")
        check_type(self.notation, Notation, "notation")
        if self.per is not None:
            check_type(self.per, Per, "per")
        if (
            self.notation.marker == ""
            and self.qualifier in _CANONICAL_MARKER
            and self.qualifier is not Qualifier.UNKNOWN
        ):
            # Quantity(200, Unit.SESSION, Qualifier.MORE_THAN) is written 200余场次.
            marker = _CANONICAL_MARKER[self.qualifier]
            object.__setattr__(self, "notation", attrs.evolve(self.notation, marker=marker))
        faults = Faults()
        faults.check(isinstance(self.unit, Unit), "unit", "a Unit", self.unit)
        if isinstance(self.unit, Unit):
            _check_value(self.value, self.unit, faults)
        value_ok = not faults
        known = self.value is not None
        faults.check(
            known == (self.qualifier is not Qualifier.UNKNOWN),
            "qualifier",
            "'unknown' exactly when the value is None" if known else "'unknown' for a figure without a value",
            self.qualifier.code,
        )
        allowed, _ = _MARKERS.get(self.notation.marker, (frozenset(), None))
        faults.check(
            self.qualifier in allowed,
            "notation.marker",
            f"a marker that spells {self.qualifier.code}",
            self.notation.marker,
        )
        faults.check(
            self.notation.magnitude in _MAGNITUDES,
            "notation.magnitude",
            "one of '', 千, 万, 亿",
            self.notation.magnitude,
        )
        if self.notation.numeral:
            written = _figures.written_value(self.notation.numeral)
            faults.check(
                written is not None
                and self.value is not None
                and Decimal(written) == self.value
                and not self.notation.magnitude
                and self.qualifier is not Qualifier.BETWEEN,
                "notation.numeral",
                f"a Chinese numeral for the value {self.value}",
                self.notation.numeral,
            )
        _check_written_form(self, faults)
        if self.notation.unit_text and isinstance(self.unit, Unit):
            faults.check(
                _UNIT_WORDS.get(self.notation.unit_text) is self.unit,
                "notation.unit_text",
                f"a word for {self.unit.label}",
                self.notation.unit_text,
            )
        if value_ok and self.value is not None and self.qualifier is Qualifier.BETWEEN:
            bounds = self.bounds
            high = bounds.high
            if faults.check(
                bounds.low == self.value
                and high is not None
                and high > self.value
                and not bounds.low_open
                and not bounds.high_open,
                "bounds",
                f"a closed interval from the value {self.value} up to an end above it",
                bounds,
            ):
                _check_value(high, self.unit, faults, path="bounds.high")
        elif value_ok and self.value is not None and self.qualifier is not Qualifier.UNKNOWN:
            in_bounds = self.bounds.contains(self.value) or (
                self.qualifier in (Qualifier.MORE_THAN, Qualifier.NEARLY, Qualifier.LESS_THAN)
                and self.value in (self.bounds.low, self.bounds.high)
            )
            faults.check(in_bounds, "bounds", f"an interval around the value {self.value}", self.bounds)
        faults.raise_if_any()

    # -- named constructors ------------------------------------------------------------------

    @classmethod
    def exact(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """An exact figure: ``Quantity.exact(613, Unit.HOUSEHOLD)`` is 613户."""
        return cls(_to_decimal(value), unit)

    @classmethod
    def more_than(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """More than the figure (余): ``Quantity.more_than(200, Unit.SESSION)`` is 200余场次."""
        return cls(_to_decimal(value), unit, Qualifier.MORE_THAN, notation=Notation(marker="余"))

    @classmethod
    def at_least(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """At least the figure (以上)."""
        return cls(_to_decimal(value), unit, Qualifier.AT_LEAST, notation=Notation(marker="以上"))

    @classmethod
    def nearly(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """Nearly the figure (近): below it by an unstated margin."""
        return cls(_to_decimal(value), unit, Qualifier.NEARLY, notation=Notation(marker="近"))

    @classmethod
    def at_most(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """At most the figure (以下, 以内, 最多): ``Quantity.at_most(2, Unit.PERSON)`` is 2人以下."""
        return cls(_to_decimal(value), unit, Qualifier.AT_MOST, notation=Notation(marker="以下"))

    @classmethod
    def less_than(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """Fewer than the figure (不到, 不足): ``Quantity.less_than(100, Unit.PERSON)`` is 不到100人."""
        return cls(_to_decimal(value), unit, Qualifier.LESS_THAN, notation=Notation(marker="不到"))

    @classmethod
    def between(cls, low: int | str | Decimal, high: int | str | Decimal, unit: Unit) -> Quantity:
        """A range (区间), both ends included: ``Quantity.between(2, 3, Unit.HOUSEHOLD)`` is 2-3户.

        The value is the lower end; the bounds hold both.
        """
        start, end = _to_decimal(low), _to_decimal(high)
        if not (start.is_finite() and end.is_finite() and start >= 0 and end > start):
            raise ValidationError.single("high", f"a finite number above low ({start})", str(end))
        return cls(start, unit, Qualifier.BETWEEN, Bounds(start, end), Notation(marker="-"))

    @classmethod
    def rounded_down(cls, count: int, unit: Unit, *, significant: int = 2) -> Quantity:
        """A count as reports round it (余): down to *significant* digits, and at least to tens,
        with 余 when something was cut off — 81 → ``80余``, 1134 → ``1100余``, 6600 → ``6600``.

        >>> Quantity.rounded_down(81, Unit.COPY).render()
        '80余份'
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValidationError.single("count", "a whole count >= 0", count)
        if isinstance(significant, bool) or not isinstance(significant, int) or significant < 1:
            raise ValidationError.single("significant", "a whole number of digits >= 1", significant)
        step = max(10, 10 ** (len(str(count)) - significant))
        floor = count - count % step
        if floor in {count, 0}:
            return cls.exact(count, unit)
        return cls.more_than(floor, unit)

    @classmethod
    def about(cls, value: int | str | Decimal, unit: Unit) -> Quantity:
        """About the figure (约)."""
        return cls(_to_decimal(value), unit, Qualifier.ABOUT, notation=Notation(marker="约"))

    @classmethod
    def unknown(cls, unit: Unit, blank: str = _DEFAULT_BLANK) -> Quantity:
        """A figure left blank in a template (``20xx户``, ``__元``)."""
        return cls(None, unit, Qualifier.UNKNOWN, notation=Notation(blank=blank))

    @classmethod
    def yuan(cls, amount: int | str | Decimal) -> Quantity:
        """An exact amount of money in yuan (元), exact to the fen."""
        return cls(_to_decimal(amount), Unit.YUAN)

    @classmethod
    def zero(cls, unit: Unit) -> Quantity:
        """Exactly nothing, in *unit*: the neutral element of addition."""
        return cls(_ZERO, unit)

    @classmethod
    def total(cls, quantities: Iterable[Quantity], unit: Unit) -> Quantity:
        """The sum of *quantities*, all in *unit*; exactly zero when there are none."""
        check_type(unit, Unit, "unit")
        check_iterable(quantities, "quantities", "a list of Quantity")
        result = cls.zero(unit)
        for index, quantity in enumerate(quantities):
            if type(quantity) is not Quantity:
                check_type(quantity, Quantity, f"quantities[{index}]")
            if quantity.unit is not unit:
                raise UnitMismatchError(f"total[{index}]", unit.label, quantity.unit.label)
            result = result + quantity
        return result

    @classmethod
    def parse(cls, text: str) -> Quantity:
        """Read a figure as reports write it: ``200余场次``, ``6600次以上``, ``约5万元``, ``20xx户``."""
        if not isinstance(text, str):
            raise ValidationError.single("text", "a string such as '200余场次'", text)
        if len(text) > MAX_TEXT:
            raise ValidationError.single("text", f"a reported figure of at most {MAX_TEXT} characters", text)
        normalized = _normalized(text).strip()
        parts = _GRAMMAR.match(normalized)
        if parts is None:
            raise ValidationError.single("text", "a reported figure such as '200余场次' or '约5万元'", text)
        return _from_parts(parts, text)

    # -- reading -----------------------------------------------------------------------------

    @property
    def is_exact(self) -> bool:
        """Whether the figure is exact."""
        return self.qualifier is Qualifier.EXACT

    @property
    def is_known(self) -> bool:
        """Whether the figure has a value at all (not a template blank)."""
        return self.value is not None

    def compare_at_least(self, target: int | str | Decimal) -> Comparison:
        """Whether the figure reaches *target* (达到): yes, no, or undecidable from what is known."""
        goal = _to_finite(target, "target")
        bounds = self.bounds
        if bounds.low >= goal:
            return Comparison.YES
        if bounds.high is not None and (bounds.high < goal or (bounds.high == goal and bounds.high_open)):
            return Comparison.NO
        return Comparison.UNDECIDABLE

    def compare_at_most(self, limit: int | str | Decimal) -> Comparison:
        """Whether the figure stays within *limit* (不超过): yes, no, or undecidable."""
        goal = _to_finite(limit, "limit")
        bounds = self.bounds
        if bounds.high is not None and bounds.high <= goal:
            return Comparison.YES
        if bounds.low > goal or (bounds.low == goal and bounds.low_open):
            return Comparison.NO
        return Comparison.UNDECIDABLE

    # -- arithmetic --------------------------------------------------------------------------

    def __add__(self, other: Quantity) -> Quantity:
        if not isinstance(other, Quantity):
            return NotImplemented
        if other.unit is not self.unit or other.per is not self.per:
            raise UnitMismatchError("add", self._unit_label(), other._unit_label())
        bounds = self.bounds + other.bounds
        if self.value is None or other.value is None:
            blank = self.notation.blank or other.notation.blank or _DEFAULT_BLANK
            return Quantity(None, self.unit, Qualifier.UNKNOWN, bounds, Notation(blank=blank), self.per)
        value = self.value + other.value
        qualifier = _classify(value, bounds, (self, other))
        return Quantity(value, self.unit, qualifier, bounds, _sum_notation(qualifier, self, other), self.per)

    def _unit_label(self) -> str:
        return self.unit.label if self.per is None else f"{self.unit.label}/{self.per.label}"

    def __radd__(self, other: object) -> Quantity:
        # sum() starts from the integer 0.
        if other == 0 and not isinstance(other, bool):
            return self
        return NotImplemented

    # -- equality ----------------------------------------------------------------------------

    def _key(self) -> tuple[object, ...]:
        return (self.value, self.unit, self.qualifier, self.bounds, self.per)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Quantity):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # -- rendering ---------------------------------------------------------------------------

    def render(self) -> str:
        """The figure written back as a report writes it (``230余场次``, ``近60余人``)."""
        notation = self.notation
        magnitude = notation.magnitude
        if self.value is None:
            number = notation.blank or _DEFAULT_BLANK
            magnitude = ""
        elif notation.numeral:
            number = notation.numeral
        else:
            number = _written_number(self.value, notation)
        unit = notation.unit_text or self.unit.label
        if self.per is not None:
            unit = f"{unit}/{self.per.label}"
        marker = notation.marker
        _, place = _MARKERS[marker]
        first, _, second = marker.rpartition("…") if place is _Place.AROUND else ("", "", marker)
        core = f"{number}{second}{magnitude}" if notation.marker_first else f"{number}{magnitude}"
        if place is _Place.PREFIX:
            return f"{marker}{core}{unit}"
        if place is _Place.MIDDLE or place is _Place.AROUND:
            middle = "" if notation.marker_first else second
            return f"{first}{core}{middle}{unit}"
        if place is _Place.SUFFIX:
            return f"{core}{unit}{marker}"
        if place is _Place.RANGE and self.bounds.high is not None:
            return f"{number}{marker}{_written_number(self.bounds.high, notation)}{magnitude}{unit}"
        return f"{core}{unit}"

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Quantity.parse({self.render()!r})"


_BOUNDS_UNCHECKED = builder(Bounds)
_QUANTITY_UNCHECKED = builder(Quantity)
_PLAIN = Notation()


def _exact_unchecked(value: Decimal, unit: Unit) -> Quantity:
    """``Quantity(value, unit)`` for a *value* the caller knows valid in *unit* (a Decimal from
    0 below ``MAX_VALUE``, whole for counts, to the fen for money), without checking it again:
    one a unit a rollup reaches, at national size."""
    return _QUANTITY_UNCHECKED(
        value, unit, Qualifier.EXACT, _BOUNDS_UNCHECKED(value, value, False, False), _PLAIN, None
    )


def _classify(value: Decimal, bounds: Bounds, terms: tuple[Quantity, ...]) -> Qualifier:
    high = bounds.high
    if bounds.low == value and high == value:
        return Qualifier.EXACT
    if bounds.low == value and high is None:
        return Qualifier.MORE_THAN if bounds.low_open else Qualifier.AT_LEAST
    if high == value and bounds.high_open:
        # 不到100人 + 3人 is still 不到103人; with a 近 among the terms it reads 近.
        fewer = all(term.qualifier is Qualifier.LESS_THAN or term.bounds.low == term.bounds.high for term in terms)
        return Qualifier.LESS_THAN if fewer else Qualifier.NEARLY
    if high == value:
        return Qualifier.AT_MOST
    if bounds.low == value and high is not None and not bounds.low_open and not bounds.high_open:
        return Qualifier.BETWEEN
    return Qualifier.ABOUT


def _sum_notation(qualifier: Qualifier, left: Quantity, right: Quantity) -> Notation:
    markers = {q.notation.marker for q in (left, right) if q.qualifier is not Qualifier.EXACT}
    marker = _CANONICAL_MARKER[qualifier]
    if len(markers) == 1:
        (only,) = markers
        if qualifier in _MARKERS[only][0]:
            marker = only
    ours, theirs = left.notation, right.notation
    magnitude = ours.magnitude if ours.magnitude == theirs.magnitude else ""
    unit_text = ours.unit_text if ours.unit_text == theirs.unit_text else ""
    decimals = ours.decimals if ours.decimals == theirs.decimals and magnitude == ours.magnitude else None
    marker_first = ours.marker_first and theirs.marker_first and bool(magnitude) and marker in _FIRST_MARKERS
    return Notation(
        marker=marker,
        magnitude=magnitude,
        unit_text=unit_text,
        grouped=ours.grouped and theirs.grouped,
        decimals=decimals,
        marker_first=marker_first,
    )


_FIRST_MARKERS: Final = frozenset({"余", "多", "近…余", "近…多"})


def _check_written_form(quantity: Quantity, faults: Faults) -> None:
    """The notation's written-form flags fit the value: places that hold it, 余 before a magnitude."""
    notation, value = quantity.notation, quantity.value
    decimals = notation.decimals
    if decimals is not None:
        scale = _MAGNITUDES.get(notation.magnitude, Decimal(1))
        ends = [end for end in (value, quantity.bounds.high) if isinstance(end, Decimal) and end.is_finite()]
        step = Decimal(1).scaleb(-decimals)
        faults.check(
            # Validation runs in the caller's decimal context: divide in the library's own.
            all(_WIDE.divide(end, scale).quantize(step, context=_WIDE) == _WIDE.divide(end, scale) for end in ends),
            "notation.decimals",
            f"places enough to write the value {value} exactly",
            decimals,
        )
    if notation.marker_first:
        faults.check(
            bool(notation.magnitude) and notation.marker in _FIRST_MARKERS,
            "notation.marker_first",
            "余 or 多 before a magnitude (30余万元)",
            notation.marker,
        )
    if notation.grouped:
        faults.check(
            not notation.numeral and not notation.blank,
            "notation.grouped",
            "digits to group (not a numeral or a blank)",
            notation.numeral or notation.blank,
        )


def _format_decimal(value: Decimal) -> str:
    return format_number(value)


def _written_number(value: Decimal, notation: Notation) -> str:
    """The digits of *value* in the notation's magnitude, places and grouping."""
    scaled = value / _MAGNITUDES[notation.magnitude]
    if notation.decimals is not None:
        scaled = scaled.quantize(Decimal(1).scaleb(-notation.decimals), context=_WIDE)
    elif scaled:
        scaled = scaled.normalize(_WIDE)
    else:
        return "0"
    return format(scaled, ",f" if notation.grouped else "f")


def _to_decimal(value: int | str | Decimal) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (int, str, Decimal)):
        raise ValidationError.single("value", "an int, a decimal string or a Decimal (never a float)", value)
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValidationError.single("value", "a decimal number", value) from None


def _to_finite(value: int | str | Decimal, path: str) -> Decimal:
    number = _to_decimal(value)
    if not number.is_finite():  # comparing a NaN raises decimal.InvalidOperation
        raise ValidationError.single(path, "a finite decimal number", str(number))
    return number


_GRAMMAR = _figures.FigureGrammar(_UNIT_WORDS, _PER_WORDS)
# NFKC would turn the 3～5人 of a range into 3~5人, and the ² of m² and the ㎡ into digits.
_KEPT_AS_WRITTEN: Final = re.compile("([～²㎡])")


def _normalized(text: str) -> str:
    """*text* in NFKC, but for the characters a figure keeps as written."""
    pieces = _KEPT_AS_WRITTEN.split(text)
    return "".join(piece if index % 2 else unicodedata.normalize("NFKC", piece) for index, piece in enumerate(pieces))


def _refuse(expected: str, original: str) -> ValidationError:
    return ValidationError.single("text", expected, original)


def _digits(number: str, magnitude: str) -> tuple[Decimal, int]:
    """The value of Arabic digits (thousands separators dropped) and the places written."""
    plain = number.replace(",", "")
    _, point, fraction = plain.partition(".")
    return Decimal(plain) * _MAGNITUDES[magnitude], len(fraction) if point else 0


def _from_parts(parts: _figures.FigureParts, original: str) -> Quantity:  # noqa: PLR0912 - one branch per written form
    middle, marker_first = parts.middle, False
    if parts.middle_first:
        if parts.middle:
            raise _refuse("at most one qualifier (余, 多, 以上, 近, 约 ...)", original)
        middle, marker_first = parts.middle_first, bool(parts.magnitude)
    spelling = _figures.QUALIFIER_SPELLINGS.get((parts.prefix, middle, parts.suffix))
    if spelling is None:
        raise _refuse("at most one qualifier (余, 多, 以上, 近, 约 ...)", original)
    qualifier, marker = Qualifier.from_code(spelling[0]), spelling[1]
    if parts.number2:
        if qualifier is not Qualifier.EXACT:
            raise _refuse("a range (2-3户) without another qualifier", original)
        qualifier, marker = Qualifier.BETWEEN, parts.dash
    unit = _UNIT_WORDS[parts.unit_word]
    per = _PER_WORDS[parts.per] if parts.per else None
    unit_text = "" if parts.unit_word == unit.label else parts.unit_word
    number, magnitude = parts.number, parts.magnitude
    high: Decimal | None = None
    if number[0] in _figures.CHINESE_DIGITS or "万" in number or "亿" in number:
        numeral_value = _figures.written_value(number)
        if numeral_value is None or magnitude or parts.number2:
            raise _refuse("a well-formed Chinese numeral (两千, 一万五千)", original)
        value = Decimal(numeral_value)
        notation = Notation(marker=marker, unit_text=unit_text, numeral=number, marker_first=marker_first)
    elif not number[0].isdigit() or any(ch in "xX_" for ch in number):
        if parts.number2:
            raise _refuse("a range of two numbers (2-3户)", original)
        notation = Notation(marker=marker, unit_text=unit_text, blank=number + magnitude)
        return Quantity(None, unit, Qualifier.UNKNOWN, notation=notation, per=per)
    else:
        value, places = _digits(number, magnitude)
        decimals: int | None = places
        if parts.number2:
            high, high_places = _digits(parts.number2, magnitude)
            if high <= value:
                raise _refuse("a range from a lower to a higher number (2-3户)", original)
            decimals = places if places == high_places else None
        shortest = Notation(magnitude=magnitude)
        written = (f"{number}-{parts.number2}" if parts.number2 else number).replace(",", "")
        if (
            decimals is not None
            and _written_number(value, shortest) + ("-" + _written_number(high, shortest) if high is not None else "")
            == written
        ):
            decimals = None  # the shortest form is what was written
        notation = Notation(
            marker=marker,
            magnitude=magnitude,
            unit_text=unit_text,
            grouped="," in number or "," in parts.number2,
            decimals=decimals,
            marker_first=marker_first,
        )
    faults = Faults()
    _check_value(value, unit, faults, path="text")
    if high is not None:
        _check_value(high, unit, faults, path="text")
    if faults:
        expected = "an amount exact to the fen" if unit.is_money else faults.first_expected()
        raise _refuse(expected, original)
    bounds = Bounds(value, high) if high is not None else Bounds.of(qualifier, value)
    return Quantity(value, unit, qualifier, bounds, notation, per)


@attrs.frozen
class FoundFigure:
    """A figure found in running text (文中数字): where it stands and what it says."""

    start: int
    end: int
    text: str
    quantity: Quantity


@_exact
def find_figures(text: str, *, chinese_numerals: bool = False) -> list[FoundFigure]:
    """Every figure with a unit in a paragraph, in order (``组建46支…200余场次`` …).

    Years (``2024年``) and bare numbers are not figures; a blank figure (``20xx户``) is found
    as an unknown quantity. Figures in Chinese numerals (``两千余人``) are found only with
    ``chinese_numerals=True``, since running text is full of phrases such as ``一户一档`` that
    read like figures but are not.
    """
    if not isinstance(text, str):
        raise ValidationError.single("text", "text", type(text).__name__)
    normalized = _normalized(text)
    # NFKC keeps CJK characters one-for-one, so offsets agree whenever the lengths agree.
    source = normalized if len(normalized) == len(text) else text
    found: list[FoundFigure] = []
    for parts in _GRAMMAR.scan(source, chinese_numerals=chinese_numerals):
        written = text[parts.start : parts.end]
        try:
            quantity = _from_parts(parts, written)
        except ValidationError:
            continue
        found.append(FoundFigure(parts.start, parts.end, written, quantity))
    return found
