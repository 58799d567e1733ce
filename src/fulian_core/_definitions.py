"""Checks shared by the definitions of the capabilities (criteria sets, rubrics …)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Final, NoReturn, TypeVar

import attrs

from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, Fault, ValidationError

_T = TypeVar("_T")
_K = TypeVar("_K")
_V = TypeVar("_V")


def _refuse_text(value: object, path: str, what: str) -> None:
    # A text or a mapping is iterable, so tuple("family-9") would quietly become its characters.
    if isinstance(value, (str, bytes, Mapping)):
        raise ValidationError.single(path, f"{what}, not text or a mapping", value)


def _items(value: Iterable[_T], path: str, what: str) -> Iterator[_T]:
    _refuse_text(value, path, what)
    try:
        return iter(value)
    except TypeError:
        raise ValidationError.single(path, what, value) from None


class ReadOnlyDict(dict[_K, _V]):
    """A dict that refuses changes (只读映射): what frozen values hold where they keep a mapping.

    Not a ``MappingProxyType``: a proxy neither pickles nor deep-copies (Dask and
    multiprocessing move values between processes), and its ``get`` costs a call more on hot
    paths.
    """

    __slots__ = ()

    def _refuse(self, *_: object, **__: object) -> NoReturn:
        raise TypeError(f"a {type(self).__name__} is read-only; build a new value instead")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (dict(self),))

    def __copy__(self) -> ReadOnlyDict[_K, _V]:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> ReadOnlyDict[_K, _V]:
        return self


def listed(value: Iterable[_T], path: str, what: str) -> tuple[_T, ...]:
    """*value* as a tuple, refusing a text, a mapping or a single value at *path* (for attrs
    converters): one fault for the field, never one per character or key."""
    return value if type(value) is tuple else tuple(_items(value, path, what))


def listed_set(value: Iterable[_T], path: str, what: str) -> frozenset[_T]:
    """*value* as a frozenset, refusing a text, a mapping or a single value at *path* (for attrs
    converters)."""
    if type(value) is frozenset:
        return value
    members = tuple(_items(value, path, what))
    try:
        return frozenset(members)
    except TypeError:  # an unhashable member (a list among the kinds)
        raise ValidationError.single(path, what, list(members)) from None


def sorted_set_repr(value: object) -> str:
    """The ``repr`` of a set field in sorted order (by ``str``), the same in every run: a
    frozenset's own order follows the hash seed."""
    if not isinstance(value, frozenset) or not value:
        return repr(value)
    return "frozenset({" + ", ".join(repr(member) for member in sorted(value, key=str)) + "})"


def mapped(value: Mapping[_K, _V], path: str, what: str) -> Mapping[_K, _V]:
    """*value* itself if it is a mapping; a text, a list or anything else is refused at *path*
    (for attrs converters, which then copy or freeze it)."""
    if not isinstance(value, Mapping):
        raise ValidationError.single(path, f"{what}, not text or a list", value)
    return value


def as_decimal(value: object, name: str) -> Decimal:
    """*value* as a Decimal, from an int, a decimal string or a Decimal; never from a float."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value)
        except ArithmeticError:
            pass
    raise DefinitionError.single(name, "a number (int, decimal string or Decimal; never a float)", value)


def check_code(value: object, path: str, faults: Faults, *, punctuation: str = "_-") -> None:
    """A stable code: ASCII letters and digits, and the given punctuation."""
    ok = (
        isinstance(value, str)
        and bool(value)
        and value.isascii()
        and value.translate({ord(mark): None for mark in punctuation}).isalnum()
    )
    quoted = [f"'{mark}'" for mark in punctuation]
    allowed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + f" or {quoted[-1]}"
    faults.check(
        ok, path, f"a code of ASCII letters, digits, {allowed}", value, code="code_format", allowed=tuple(punctuation)
    )


def encodable(value: str) -> bool:
    """Whether *value* can be written as UTF-8 JSON and read back: no lone surrogate (which
    UTF-8 cannot encode) and no NUL (which databases and C libraries cut text at)."""
    if "\x00" in value:
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_free_text(value: object, path: str, faults: Faults) -> bool:
    """Text, possibly empty, that can be encoded (see :func:`encodable`): a reason, an account
    of deeds, a note."""
    if not faults.check(isinstance(value, str), path, "text", value, code="expected_text"):
        return False
    assert isinstance(value, str)  # noqa: S101 - narrowed by the check
    return faults.check(
        encodable(value),
        path,
        "text without NUL or lone surrogates (UTF-8)",
        "<text that cannot be encoded>",
        code="text_unencodable",
    )


def check_text(value: object, path: str, faults: Faults) -> None:
    """Non-empty text that can be encoded (see :func:`encodable`)."""
    if faults.check(isinstance(value, str) and bool(value.strip()), path, "non-empty text", value, code="empty_text"):
        assert isinstance(value, str)  # noqa: S101 - narrowed by the check
        faults.check(
            encodable(value),
            path,
            "text without NUL or lone surrogates (UTF-8)",
            "<text that cannot be encoded>",
            code="text_unencodable",
        )


FIRST_YEAR: Final = 1900
LAST_YEAR: Final = 2999
_UTC_PLUS_8: Final = dt.timezone(dt.timedelta(hours=8))


def check_moment(value: object, path: str, faults: Faults) -> None:
    """An aware timestamp (a naive one is ambiguous in an audit trail) whose date in China time
    falls in the years 1900 to 2999: the work of a federation, with room for every deadline
    computed from it, and never a time that overflows when read in China time."""
    if not faults.check(
        isinstance(value, dt.datetime) and value.utcoffset() is not None,
        path,
        "a date and time with its time zone (e.g. tzinfo=CHINA_STANDARD_TIME)",
        value,
        code="expected_datetime",
    ):
        return
    assert isinstance(value, dt.datetime)  # noqa: S101 - narrowed by the check
    if FIRST_YEAR < value.year < LAST_YEAR:
        return  # an offset of at most a day cannot move it out of range: no conversion needed
    try:
        year = value.astimezone(_UTC_PLUS_8).year
    except OverflowError:
        year = 0
    if not FIRST_YEAR <= year <= LAST_YEAR:
        faults.add(
            path,
            f"a time in the years {FIRST_YEAR} to {LAST_YEAR} (China time)",
            value.isoformat(),
            code="moment_out_of_range",
            low=FIRST_YEAR,
            high=LAST_YEAR,
        )


MAX_WHOLE: Final = 10**15
"""The bound of every whole-number field (a count, a sequence number, a number of days or
photos): no federation counts a thousand trillion of anything, and an unbounded integer of
thousands of digits cannot even be shown."""


def check_whole(value: object, path: str, faults: Faults, *, low: int = 0, high: int = MAX_WHOLE) -> bool:
    """A whole number from *low* to *high* (never a bool)."""
    if not isinstance(value, int) or isinstance(value, bool) or value < low:
        return faults.check(False, path, f"a whole number >= {low}", value, code="too_small", low=low)
    shown = "10^15" if high == MAX_WHOLE else f"{high:,}"
    return faults.check(
        value <= high,
        path,
        f"a whole number at most {shown}",
        value,
        code="too_large",
        high=high if high != MAX_WHOLE else shown,
    )


def whole_number(_instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    """An attrs validator: a whole number from 0 to :data:`MAX_WHOLE`."""
    faults = Faults()
    check_whole(value, attribute.name, faults)
    faults.raise_if_any()


def check_type(value: object, expected: type | tuple[type, ...], path: str, what: str = "") -> None:
    """Refuse *value* at *path* unless it is an instance of *expected* (a bool is no number):
    the cheap check at the entry of a public function, so a wrong type meets the library's
    error rather than a bare ``AttributeError`` deep inside. The error shows the type's name,
    never the value (it may be personal data)."""
    if isinstance(value, expected) and not (isinstance(value, bool) and expected in (int, (int, Decimal))):
        return
    names = tuple(kind.__name__ for kind in (expected if isinstance(expected, tuple) else (expected,)))
    if what:  # the caller's own wording: its code is read from it
        raise ValidationError.single(path, what, type(value).__name__)
    fault = Fault(
        path,
        " or ".join(f"a {name}" for name in names),
        type(value).__name__,
        code="expected_type",
        params={"types": names},
    )
    raise ValidationError([fault])


def check_items(value: object, expected: type | tuple[type, ...], path: str, what: str) -> tuple[object, ...]:
    """*value* as a tuple if it is a collection (not text, not a mapping) of *expected*
    instances; else the library's error at *path*, or at ``path[i]`` for a wrong member."""
    check_iterable(value, path, what)
    assert isinstance(value, Iterable)  # noqa: S101 - narrowed by the check
    members = tuple(value)
    for index, member in enumerate(members):
        if not isinstance(member, expected):
            check_type(member, expected, f"{path}[{index}]")
    return members


def check_finite(value: object, path: str, what: str = "a finite number") -> None:
    """Refuse a NaN, a signalling NaN or an infinity (and anything not a number) at *path*:
    comparing a signalling NaN raises ``decimal.InvalidOperation``."""
    if isinstance(value, Decimal):
        if value.is_finite():
            return
        raise ValidationError.single(path, what, str(value))
    check_type(value, (int, Decimal), path, what)


def check_iterable(value: object, path: str, what: str) -> None:
    """Refuse *value* at *path* unless it can be iterated as a collection (not text, not a
    mapping); the members are not read, so a one-pass stream stays unread."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError.single(path, what, type(value).__name__)


def instance_of(expected: type[_T]) -> Callable[[object, attrs.Attribute[_T], _T], None]:
    """An attrs validator like ``attrs.validators.instance_of`` that raises the library's
    error at the field (showing the type's name) rather than a bare ``TypeError``."""

    def validate(_instance: object, attribute: attrs.Attribute[_T], value: _T) -> None:
        check_type(value, expected, attribute.alias or attribute.name)

    return validate


def check_day(value: object, path: str) -> None:
    """Refuse anything but a calendar date at *path* (a ``datetime`` is a ``date`` to Python,
    but compares with neither and has no single day)."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError.single(path, "a date", type(value).__name__)
