"""Numbers written as reports write them, and exact fractions read from rule texts.

One formatter for every decimal the library writes in text (``100``, ``71.76``), and one
reader for the rational numbers rules state (``85``, ``12.5``, ``2/3``, ``三分之二``,
``50%``). Both run in their own decimal context, whatever the
caller has set.
"""

from __future__ import annotations

import contextvars
import decimal
import functools
import inspect
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, ParamSpec, TypeVar

from fulian_core import _figures
from fulian_core.errors import DefinitionError

__all__ = [
    "MAX_MAGNITUDE",
    "WIDE",
    "exact",
    "exact_methods",
    "format_number",
    "fraction_text",
    "is_share",
    "load_numpy",
    "parse_fraction",
]

WIDE: Final = decimal.Context(prec=60, rounding=decimal.ROUND_HALF_UP, traps=[decimal.InvalidOperation])
"""A context wide enough that no figure or score the library handles is ever rounded."""

_P = ParamSpec("_P")
_R = TypeVar("_R")
_C = TypeVar("_C", bound=type)


_IN_WIDE: Final = contextvars.ContextVar("fulian_core_in_wide_context", default=False)


def exact(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """*function* run in :data:`WIDE`, the library's own decimal context, whatever the caller
    has set: a notebook's ``prec=4`` or a test suite trapping ``Inexact`` changes nothing."""

    @functools.wraps(function)
    def in_wide_context(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if _IN_WIDE.get():  # called from inside the library: already in WIDE, and cheap to check
            return function(*args, **kwargs)
        token = _IN_WIDE.set(True)
        try:
            with decimal.localcontext(WIDE):
                return function(*args, **kwargs)
        finally:
            _IN_WIDE.reset(token)

    return in_wide_context


# Methods that never compute with decimals (equality and hashing of Decimals are exact in any
# context) stay unwrapped: they run in every dict and set lookup.
_PLAIN: Final = frozenset(
    {
        "__init__",
        "__new__",
        "__eq__",
        "__ne__",
        "__hash__",
        "__repr__",
        "__reduce__",
        "__reduce_ex__",
        "__getstate__",
        "__setstate__",
        "__copy__",
        "__deepcopy__",
        "__setattr__",
        "__delattr__",
        "__getattribute__",
        "__init_subclass__",
        "__class_getitem__",
        "__attrs_attrs__",
        "__attrs_post_init__",  # validation compares and checks; it computes nothing
    }
)


def exact_methods(cls: _C) -> _C:
    """*cls* with every method, property and constructor defined on it run by :func:`exact`."""
    for name, member in list(vars(cls).items()):
        if name in _PLAIN:
            continue
        if isinstance(member, staticmethod):
            setattr(cls, name, staticmethod(exact(member.__func__)))
        elif isinstance(member, classmethod):
            setattr(cls, name, classmethod(exact(member.__func__)))
        elif isinstance(member, property) and member.fget is not None:
            setattr(cls, name, property(exact(member.fget), member.fset, member.fdel, member.__doc__))
        elif inspect.isfunction(member):
            setattr(cls, name, exact(member))
    return cls


MAX_MAGNITUDE: Final = 10**15
"""Rule numbers stay below 10^15 in size; their denominators at most 10^6."""
_MAX_DENOMINATOR: Final = 10**6
_MAX_PLACES: Final = 12


def format_number(value: Decimal) -> str:
    """A decimal in its shortest exact form, as reports write points and figures: ``100``
    (not ``1E+2`` or ``100.00``), ``50000``, ``71.76``, ``0.5``."""
    if value == 0:
        return "0"
    return format(value.normalize(WIDE), "f")


def fraction_text(value: Fraction) -> str:
    """A rational as data writes it: ``85``, ``12.5`` when the decimal is exact, else ``2/3``."""
    if value.denominator == 1:
        return str(value.numerator)
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator == 1:
        return format_number(WIDE.divide(Decimal(value.numerator), Decimal(value.denominator)))
    return f"{value.numerator}/{value.denominator}"


_RATIONAL = re.compile(r"(?P<sign>-?)(?P<numerator>[0-9]+)/(?P<denominator>[0-9]+)")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
_CHINESE_FRACTION = re.compile(
    r"(?P<denominator>[零〇一二两三四五六七八九十百千]+)分之(?P<numerator>[零〇一二两三四五六七八九十百千]+)"
)
_EXPECTED = "a number (85, 12.5, 八十五), a fraction (2/3, 三分之二) or a percentage (50%); never a float"


def parse_fraction(value: object, path: str) -> Fraction:
    """*value* as an exact fraction, from an int, a Decimal, a Fraction or text such as ``85``,
    ``12.5``, ``2/3``, ``三分之二``, ``百分之五十`` or ``50%``; never from a float."""
    number = _read(value)
    if number is None:
        raise DefinitionError.single(path, _EXPECTED, value)
    if abs(number) >= MAX_MAGNITUDE or number.denominator > _MAX_DENOMINATOR:
        raise DefinitionError.single(path, "a number below 10^15 with a denominator of at most 10^6", value)
    return number


def _read_decimal(value: Decimal) -> Fraction | None:
    # Bounded before it becomes a fraction: Fraction(Decimal("1E-999999999")) never ends.
    if not value.is_finite() or (value and not -_MAX_PLACES <= value.adjusted() < 16):
        return None
    exponent = value.as_tuple().exponent
    return Fraction(value) if isinstance(exponent, int) and exponent >= -_MAX_PLACES else None


def _read(value: object) -> Fraction | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        return _read_decimal(value)
    if not isinstance(value, str) or len(value) > 40:
        return None
    return _read_text(value)


def _read_text(value: str) -> Fraction | None:
    text = value.strip()
    percent = text.endswith(("%", "％"))
    if percent:
        text = text[:-1].strip()
    elif text.startswith("百分之"):
        numeral = _chinese_number(text[3:])
        return None if numeral is None else numeral / 100
    found = _CHINESE_FRACTION.fullmatch(text)
    if found is not None:
        numerator = _figures.chinese_numeral_value(found["numerator"])
        denominator = _figures.chinese_numeral_value(found["denominator"])
        if numerator is None or not denominator:
            return None
        return Fraction(numerator, denominator)
    found = _RATIONAL.fullmatch(text)
    if found is not None:
        denominator = int(found["denominator"])
        if not denominator:
            return None
        number = Fraction(int(found["numerator"]), denominator)
        number = -number if found["sign"] else number
    elif _DECIMAL.fullmatch(text) is not None:
        number = Fraction(Decimal(text))
    else:
        number_or_none = _chinese_number(text)  # 八十五, 八十五点五
        if number_or_none is None:
            return None
        number = number_or_none
    return number / 100 if percent else number


def is_share(text: str) -> bool:
    """Whether *text* writes its number as a proportion: a percentage (``85%``, ``百分之八十五``)
    or a fraction (``2/3``, ``三分之二``)."""
    written = text.strip()
    return written.endswith(("%", "％")) or "分之" in written or _RATIONAL.fullmatch(written) is not None


_CHINESE_DIGITS: Final = {digit: str(value) for value, digit in enumerate("零一二三四五六七八九")} | {"〇": "0"}


def _chinese_number(text: str) -> Fraction | None:
    """A number in Chinese numerals, with decimals after 点 (八十五点五 = 85.5)."""
    whole, point, decimals = text.partition("点")
    value = _figures.chinese_numeral_value(whole) if whole not in ("零", "〇") else 0
    if value is None:
        return None
    if not point:
        return Fraction(value)
    if not decimals or len(decimals) > _MAX_PLACES or any(ch not in _CHINESE_DIGITS for ch in decimals):
        return None
    return value + Fraction(Decimal("0." + "".join(_CHINESE_DIGITS[ch] for ch in decimals)))


def load_numpy() -> Any:
    """numpy, for the batch path (fulian_core.rules.batch, fulian_core.indicators.columns), or
    an ImportError that names the extra to install: numpy is not in the core install."""
    try:
        import numpy  # noqa: PLC0415 - optional: only the batch path needs it
    except ImportError as error:  # pragma: no cover - numpy is installed wherever the tests run
        raise ImportError('the batch path needs numpy: pip install "fulian_core[batch]"') from error
    return numpy
