"""Thresholds as published rules state them (门槛): a limit, which side of it passes, and
whether the limit itself does.

"85分以上为优秀": whether 85 itself is 优秀 differs between published rules, and many never
say. A :class:`Threshold` records what the rule states — including that it did not say, or
that the number was not published — and a comparison with it answers yes, no or
*undecidable*, never a guess:

>>> from fulian_core.rules import Threshold
>>> Threshold.parse("85以上").judge(85).code
'undecidable'
>>> Threshold.parse("不低于85").judge(85).code, Threshold.parse("超过85").judge(85).code
('yes', 'no')
>>> str(Threshold.parse("三分之二以上（含）"))
'≥2/3'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from fulian_core._definitions import check_finite, check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import fraction_text, is_share, parse_fraction
from fulian_core.errors import DefinitionError
from fulian_core.quantities import Bounds, Comparison

__all__ = ["Boundary", "Side", "Threshold"]


class Side(CodedEnum):
    """Which side of a threshold passes (方向): the limit and above (以上), or below (以下)."""

    ABOVE = ("above", "以上")
    BELOW = ("below", "以下")


class Boundary(CodedEnum):
    """Whether the limit itself passes, as the rule states it (界限)."""

    INCLUSIVE = ("inclusive", "含本数")
    EXCLUSIVE = ("exclusive", "不含本数")
    UNSTATED = ("unstated", "未说明是否含本数")


def _value(value: object) -> Fraction | None:
    return None if value is None else parse_fraction(value, "value")


def _written_as_share(value: object) -> bool:
    return isinstance(value, str) and is_share(value)


_SYMBOLS: Final = {
    (Side.ABOVE, Boundary.INCLUSIVE): "≥",
    (Side.ABOVE, Boundary.EXCLUSIVE): ">",
    (Side.BELOW, Boundary.INCLUSIVE): "≤",
    (Side.BELOW, Boundary.EXCLUSIVE): "<",
}
_UNPUBLISHED: Final = {Side.ABOVE: "未公布的下限", Side.BELOW: "未公布的上限"}


@attrs.frozen
class Threshold:
    """A stated limit (门槛): ``value`` (exact; ``None`` when the rule does not publish it),
    the ``side`` that passes and the ``boundary`` — whether the value itself passes.

    ``share`` marks a limit written as a proportion — a percentage (``85%以上``, ``百分之六十``)
    or a fraction (``三分之二以上``, ``2/3``): where a sheet compares a score with it — a band's
    minimum, a group minimum — it is that share of the maximum that applies (得分率), not a
    number of points. ``value`` is then the share itself (``0.85``). Where a sheet compares a
    ratio with it, the share is the ratio. A value no decimal writes (2/3) is always a share.

    Build one with a named constructor (:meth:`at_least` 不低于, :meth:`more_than` 超过,
    :meth:`at_most` 不超过, :meth:`less_than` 不足, :meth:`above` 以上 and :meth:`below` 以下
    without saying whether the number counts, :meth:`unpublished`) or read the text a
    rule writes with :meth:`parse`.
    """

    side: Side
    value: Fraction | None = attrs.field(converter=_value)
    boundary: Boundary = Boundary.UNSTATED
    share: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.side, Side), "side", "a Side ('above' or 'below')", self.side)
        faults.check(isinstance(self.boundary, Boundary), "boundary", "a Boundary", self.boundary)
        faults.check(isinstance(self.share, bool), "share", "true or false", self.share)
        if self.value is not None and "/" in fraction_text(self.value) and not self.share:
            object.__setattr__(self, "share", True)  # no decimal writes 2/3: it is a proportion
        if self.share and self.value is not None:
            faults.check(self.value >= 0, "value", "a share of at least 0%", _share_text(self.value))
        elif self.share:
            faults.check(False, "share", "false for a limit that is not published", self.share)
        faults.raise_if_any(DefinitionError)

    # -- named constructors ------------------------------------------------------------------

    @classmethod
    def at_least(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """The value or more (不低于, 不少于, 满, ≥)."""
        return cls(Side.ABOVE, value, Boundary.INCLUSIVE, share=_written_as_share(value))

    @classmethod
    def more_than(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """More than the value (超过, 高于, >)."""
        return cls(Side.ABOVE, value, Boundary.EXCLUSIVE, share=_written_as_share(value))

    @classmethod
    def at_most(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """The value or less (不超过, 以内, ≤)."""
        return cls(Side.BELOW, value, Boundary.INCLUSIVE, share=_written_as_share(value))

    @classmethod
    def less_than(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """Less than the value (不足, 低于, 未满, <)."""
        return cls(Side.BELOW, value, Boundary.EXCLUSIVE, share=_written_as_share(value))

    @classmethod
    def above(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """ "N以上" where the rule does not say whether N itself counts."""
        return cls(Side.ABOVE, value, Boundary.UNSTATED, share=_written_as_share(value))

    @classmethod
    def below(cls, value: int | str | Decimal | Fraction) -> Threshold:
        """ "N以下" where the rule does not say whether N itself counts."""
        return cls(Side.BELOW, value, Boundary.UNSTATED, share=_written_as_share(value))

    @classmethod
    def unpublished(cls, side: Side = Side.ABOVE) -> Threshold:
        """A limit the rule refers to but does not publish (未公布): every comparison with it
        is undecidable."""
        return cls(side, None, Boundary.UNSTATED)

    @classmethod
    def parse(cls, text: str, *, path: str = "threshold") -> Threshold:
        """Read a threshold as rules and data files write it.

        Symbols: ``≥85``, ``>85``, ``≤2``, ``<5`` (also ``>=``, ``<=``, ``≧``, ``≦`` and
        full-width forms). Chinese: ``不低于85``, ``不少于``, ``不小于``, ``大于等于``, ``至少``,
        ``达到``, ``满3``, ``85及以上`` (≥); ``超过``, ``高于``, ``多于``, ``大于`` (>);
        ``不超过``, ``不高于``, ``不大于``, ``小于等于``, ``最多``, ``2以内``, ``60及以下`` (≤);
        ``不足``, ``低于``, ``少于``, ``小于``, ``未满`` (<); ``85以上`` and ``60以下``
        (whether the number counts not stated), made explicit by ``（含）``/``（含本数）`` or
        ``（不含）``; ``未公布的下限``/``未公布的上限`` for a limit that is not published. The
        number may be a decimal, a Chinese numeral (``八十五``), a fraction (``2/3``,
        ``三分之二``) or a percentage (``50%``, ``百分之五十``: a :attr:`share`), and may carry
        the word for points (``85分以上``). Half is also written as a word, as election rules
        write it: ``过半数`` and ``超过半数`` (> 1/2), ``半数以上``, ``不少于半数`` (≥ 1/2).
        """
        if not isinstance(text, str) or len(text) > 60:
            raise DefinitionError.single(path, _EXPECTED, text)
        written = unicodedata.normalize("NFKC", text).replace(" ", "").replace("(", "（").replace(")", "）")
        for side, phrase in _UNPUBLISHED.items():
            if written == phrase:
                return cls.unpublished(side)
        if written.startswith("过半数"):  # 过半数: more than half, as 超过半数
            written = "超过" + written[1:]
        written = written.replace("半数", "二分之一")  # 超过半数, 半数以上, 不少于半数
        for filler in ("达到", "在"):  # 达到85分以上, 在60分以上
            if written.startswith(filler) and _SUFFIXED.fullmatch(written[len(filler) :]):
                written = written[len(filler) :]
        for prefix, side, boundary in _PREFIXES:
            if written.startswith(prefix):
                number = written[len(prefix) :]
                return cls(side, _number(number, text, path), boundary, share=is_share(number))
        found = _SUFFIXED.fullmatch(written)
        if found is None:
            raise DefinitionError.single(path, _EXPECTED, text)
        side = Side.ABOVE if found["word"] == "以上" else Side.BELOW
        value = _number(found["number"], text, path)
        boundary = _suffixed_boundary(found, value, text, path)
        return cls(side, value, boundary, share=is_share(found["number"]))

    # -- judging -----------------------------------------------------------------------------

    @property
    def published(self) -> bool:
        """Whether the rule publishes the limit."""
        return self.value is not None

    def judge_order(self, order: int) -> Comparison:
        """Whether a value passes, given only how it compares with the limit (*order* is
        negative below it, zero on it, positive above it)."""
        if type(order) is not int:
            check_type(order, int, "order", "a whole number (negative, zero or positive)")
        if self.value is None:
            return Comparison.UNDECIDABLE
        if order == 0:
            if self.boundary is Boundary.UNSTATED:
                return Comparison.UNDECIDABLE
            return Comparison.YES if self.boundary is Boundary.INCLUSIVE else Comparison.NO
        passes = order > 0 if self.side is Side.ABOVE else order < 0
        return Comparison.YES if passes else Comparison.NO

    def judge(self, value: int | Decimal | Fraction) -> Comparison:
        """Whether an exact value passes: yes, no, or undecidable (the value lies on a limit
        whose boundary the rule left unstated, or the limit is not published)."""
        _check_number(value)
        if self.value is None:
            return Comparison.UNDECIDABLE
        number = Fraction(value)
        return self.judge_order((number > self.value) - (number < self.value))

    def judge_bounds(self, bounds: Bounds) -> Comparison:
        """Whether every value within *bounds* passes (yes), none does (no), or it depends
        on where within them the truth lies (undecidable)."""
        check_type(bounds, Bounds, "bounds")
        if self.value is None:
            return Comparison.UNDECIDABLE
        low = Fraction(bounds.low)
        high = None if bounds.high is None else Fraction(bounds.high)
        return self.judge_interval(low, high, low_open=bounds.low_open, high_open=bounds.high_open)

    def judge_interval(
        self, low: Fraction, high: Fraction | None, *, low_open: bool = False, high_open: bool = False
    ) -> Comparison:
        """Whether every value from *low* to *high* passes (yes), none does (no), or some do
        (undecidable); ``high`` is ``None`` for no upper bound."""
        limit = self.value
        if limit is None:
            return Comparison.UNDECIDABLE
        inclusive = self.boundary is Boundary.INCLUSIVE
        exclusive = self.boundary is Boundary.EXCLUSIVE
        if self.side is Side.ABOVE:
            every = low > limit or (low == limit and (low_open or inclusive))
            none = high is not None and (high < limit or (high == limit and (high_open or exclusive)))
        else:
            every = high is not None and (high < limit or (high == limit and (high_open or inclusive)))
            none = low > limit or (low == limit and (low_open or exclusive))
        if every:
            return Comparison.YES
        return Comparison.NO if none else Comparison.UNDECIDABLE

    # -- text --------------------------------------------------------------------------------

    def __str__(self) -> str:
        """The canonical text form, which :meth:`parse` reads back: ``≥85``, ``85以上``."""
        if self.value is None:
            return _UNPUBLISHED[self.side]
        number = _share_text(self.value) if self.share else fraction_text(self.value)
        symbol = _SYMBOLS.get((self.side, self.boundary))
        return f"{symbol}{number}" if symbol else f"{number}{self.side.label}"

    def describe(self, unit: str = "", *, percent: bool = False) -> str:
        """The threshold in Chinese, as a rule states it: ``不低于85分``, ``超过三分之二``,
        ``85分以上（未说明是否含本数）``, ``门槛未公布``."""
        check_type(unit, str, "unit", "text")
        if self.value is None:
            return "门槛未公布"
        number = _spoken(self.value, percent=True) if self.share else _spoken(self.value, percent=percent) + unit
        if self.boundary is Boundary.UNSTATED:
            return f"{number}{self.side.label}（未说明是否含本数）"
        words = {
            (Side.ABOVE, Boundary.INCLUSIVE): "不低于",
            (Side.ABOVE, Boundary.EXCLUSIVE): "超过",
            (Side.BELOW, Boundary.INCLUSIVE): "不超过",
            (Side.BELOW, Boundary.EXCLUSIVE): "不足",
        }
        return words[(self.side, self.boundary)] + number


_EXPECTED: Final = "a threshold such as '≥85', '85分以上', '超过2/3' or '85%及以上'"
_WORDS: Final = (
    ("≥", Side.ABOVE, Boundary.INCLUSIVE),
    ("≧", Side.ABOVE, Boundary.INCLUSIVE),
    ("⩾", Side.ABOVE, Boundary.INCLUSIVE),
    ("≦", Side.BELOW, Boundary.INCLUSIVE),
    ("⩽", Side.BELOW, Boundary.INCLUSIVE),
    ("不到", Side.BELOW, Boundary.EXCLUSIVE),
    ("不满", Side.BELOW, Boundary.EXCLUSIVE),
    ("大于等于", Side.ABOVE, Boundary.INCLUSIVE),
    ("不小于", Side.ABOVE, Boundary.INCLUSIVE),
    ("达到", Side.ABOVE, Boundary.INCLUSIVE),
    ("大于", Side.ABOVE, Boundary.EXCLUSIVE),
    ("小于等于", Side.BELOW, Boundary.INCLUSIVE),
    ("不大于", Side.BELOW, Boundary.INCLUSIVE),
    ("小于", Side.BELOW, Boundary.EXCLUSIVE),
    (">=", Side.ABOVE, Boundary.INCLUSIVE),
    ("≤", Side.BELOW, Boundary.INCLUSIVE),
    ("<=", Side.BELOW, Boundary.INCLUSIVE),
    (">", Side.ABOVE, Boundary.EXCLUSIVE),
    ("<", Side.BELOW, Boundary.EXCLUSIVE),
    ("不低于", Side.ABOVE, Boundary.INCLUSIVE),
    ("不少于", Side.ABOVE, Boundary.INCLUSIVE),
    ("至少", Side.ABOVE, Boundary.INCLUSIVE),
    ("未满", Side.BELOW, Boundary.EXCLUSIVE),
    ("满", Side.ABOVE, Boundary.INCLUSIVE),
    ("超过", Side.ABOVE, Boundary.EXCLUSIVE),
    ("高于", Side.ABOVE, Boundary.EXCLUSIVE),
    ("多于", Side.ABOVE, Boundary.EXCLUSIVE),
    ("不超过", Side.BELOW, Boundary.INCLUSIVE),
    ("不高于", Side.BELOW, Boundary.INCLUSIVE),
    ("最多", Side.BELOW, Boundary.INCLUSIVE),
    ("不足", Side.BELOW, Boundary.EXCLUSIVE),
    ("低于", Side.BELOW, Boundary.EXCLUSIVE),
    ("少于", Side.BELOW, Boundary.EXCLUSIVE),
)
# Longest first, so that "大于等于" is not read as "大于" and "不小于" not as "小于".
_PREFIXES: Final = tuple(sorted(_WORDS, key=lambda word: -len(word[0])))
_SUFFIXED: Final = re.compile(
    r"(?P<number>.+?)(?:（(?P<before>含本数|含|不含本数|不含)）)?(?P<both>及)?(?P<word>以上|以下|以内)"
    r"(?:（(?P<stated>含本数|含|不含本数|不含)(?P<again>[^）]*)）)?"
)
_STATED: Final = {
    "含": Boundary.INCLUSIVE,
    "含本数": Boundary.INCLUSIVE,
    "不含": Boundary.EXCLUSIVE,
    "不含本数": Boundary.EXCLUSIVE,
}


def _suffixed_boundary(found: re.Match[str], value: Fraction, original: str, path: str) -> Boundary:
    """The boundary "N以上" states: 及以上 and 以内 include N; （含）, （含N分） or （不含）, before
    or after the word, say it; saying it twice, differently, or of another number is refused."""
    stated = {_STATED[word] for word in (found["before"], found["stated"]) if word}
    if found["both"] or found["word"] == "以内":
        stated.add(Boundary.INCLUSIVE)
    again = found["again"]
    if len(stated) > 1 or (again and _number(again, original, path) != value):
        raise DefinitionError.single(path, "a threshold that states its boundary once, of its own number", original)
    return stated.pop() if stated else Boundary.UNSTATED


def _number(written: str, original: str, path: str) -> Fraction:
    if written.endswith("分"):
        written = written[:-1]  # 85分: the points a band or a group is scored in
    try:
        return parse_fraction(written, path)
    except DefinitionError:
        raise DefinitionError.single(path, _EXPECTED, original) from None


_SMALL: Final = "零一二三四五六七八九十"


def _spoken(value: Fraction, *, percent: bool) -> str:
    if percent and "/" not in fraction_text(value * 100):
        return fraction_text(value * 100) + "%"
    if value.denominator != 1 and 0 < value.numerator <= 10 and value.denominator <= 10:
        text = fraction_text(value)
        if "/" in text:
            return f"{_SMALL[value.denominator]}分之{_SMALL[value.numerator]}"
    return fraction_text(value)


def _share_text(value: Fraction) -> str:
    """A share as data writes it: ``85%`` when the percentage is exact, else ``2/3``."""
    percent = fraction_text(value * 100)
    return f"{percent}%" if "/" not in percent else fraction_text(value)


def _check_number(value: object) -> None:
    """An exact number to judge: an int, a Fraction or a finite Decimal (a NaN compares with
    nothing)."""
    if isinstance(value, Decimal):
        if not value.is_finite():
            check_finite(value, "value")
    elif not isinstance(value, (int, Fraction)):
        check_type(value, (int, Decimal, Fraction), "value", "an int, a Fraction or a Decimal")
