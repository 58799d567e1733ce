"""Personal data (个人信息): resident ID numbers, mobile numbers and names, and their masking.

Public notices (公示) show ``张*梅``, not a resident's full name, ID number or phone. The
:class:`ResidentId` and :class:`MobileNumber` types validate on construction and never show the
full number in their ``repr``:

>>> from fulian_core import ResidentId, mask_name
>>> ResidentId("11010519491231002X")
ResidentId('1****************X')
>>> mask_name("张秀梅")
'张*梅'
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_iterable
from fulian_core.errors import ValidationError

__all__ = [
    "MobileNumber",
    "ResidentId",
    "mask_mobile",
    "mask_name",
    "mask_resident_id",
    "redact_text",
    "resident_id_check_character",
]

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_ID_SHAPE = re.compile(r"[1-9][0-9]{16}[0-9X]")
_MOBILE_SHAPE = re.compile(r"1[3-9][0-9]{9}")
# In free text: a run of digits, possibly written in groups (139 1234 5678, 139-1234-5678,
# 110105 19491231 002X), in full-width forms (１３８…, Ｘ) and after +86; what the run holds once
# the separators are gone decides whether it is an ID (18, or 15 for the old cards), a mobile
# (11), or the two glued together. Runs of other lengths (a 12-digit division code, a 13-digit
# serial number) are left alone.
_DIGIT = "0-9\uff10-\uff19"
_RUN_IN_TEXT = re.compile(
    rf"(?<![{_DIGIT}Xx\uff38\uff58])(?:(?:\+|\uff0b)?(?:86|\uff18\uff16)[ \-\u3000\uff0d]?)?"
    rf"[{_DIGIT}](?:[ \-\u3000\uff0d]?[{_DIGIT}Xx\uff38\uff58])*"
    rf"(?![{_DIGIT}Xx\uff38\uff58])"
)
_SEPARATORS = str.maketrans("", "", " -\u3000")


def resident_id_check_character(first17: str) -> str:
    """The check character of a resident ID number from its first 17 digits (GB 11643-1999)."""
    if not (isinstance(first17, str) and len(first17) == 17 and first17.isascii() and first17.isdigit()):
        raise ValidationError.single("first17", "17 digits", first17)
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def _normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().replace(" ", "").replace("-", "").upper()


def _validate_resident_id(text: object) -> str:
    if not isinstance(text, str):
        raise ValidationError.single("resident_id", "an 18-character resident ID number", text)
    number = _normalize(text)
    if not _ID_SHAPE.fullmatch(number):
        raise ValidationError.single("resident_id", "17 digits and a check digit or X", mask_resident_id(number))
    try:
        dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError.single(
            "resident_id", "a valid birth date in digits 7-14", mask_resident_id(number)
        ) from None
    expected = resident_id_check_character(number[:17])
    if number[17] != expected:
        raise ValidationError.single("resident_id", "a correct check digit (GB 11643)", mask_resident_id(number))
    return number


def _validate_mobile(text: object) -> str:
    if not isinstance(text, str):
        raise ValidationError.single("mobile", "an 11-digit mainland mobile number", text)
    number = _normalize(text)
    if number.startswith("+86"):
        number = number[3:]
    elif number.startswith("86") and len(number) == 13:
        number = number[2:]
    if not _MOBILE_SHAPE.fullmatch(number):
        raise ValidationError.single("mobile", "an 11-digit mainland mobile number starting 13-19", mask_mobile(number))
    return number


def mask_name(name: str) -> str:
    """A name as public notices (公示) show it: ``张秀梅`` → ``张*梅``, ``张梅`` → ``张*``,
    ``欧阳娜娜`` → ``欧**娜``."""
    if not isinstance(name, str) or not name.strip():
        raise ValidationError.single("name", "a non-empty name", name)
    text = name.strip()
    if len(text) == 1:
        return text
    if len(text) == 2:
        return text[0] + "*"
    return text[0] + "*" * (len(text) - 2) + text[-1]


def _name_repr(name: object) -> str:
    """The ``repr`` of a person's name in a value's ``repr``: masked as a notice shows it."""
    return repr(mask_name(name)) if isinstance(name, str) and name.strip() else repr(name)


def _text_repr(text: object) -> str:
    """The ``repr`` of free text (事迹, 理由) in a value's ``repr``: its length only, since it
    may name people, and their IDs and mobile numbers, in any form."""
    if not isinstance(text, str):
        return repr(text)
    return f"<{len(text)} characters>" if text else "''"


def _redacted_repr(text: object) -> str:
    """The ``repr`` of an id or a code that may hold a number typed into it: IDs and mobiles
    masked."""
    return repr(redact_text(text)) if isinstance(text, str) else repr(text)


def mask_resident_id(number: str) -> str:
    """An ID number with only its first and last characters visible (``1****************X``)."""
    if not isinstance(number, str):
        raise ValidationError.single("number", "an ID number as text", "<not text>")
    if len(number) <= 2:
        return "*" * len(number)
    return number[0] + "*" * (len(number) - 2) + number[-1]


def mask_mobile(number: str) -> str:
    """A mobile number with its middle four digits hidden (``138****5678``)."""
    if not isinstance(number, str):
        raise ValidationError.single("number", "a mobile number as text", "<not text>")
    if len(number) < 8:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """Free text (事迹材料, 异议) with every resident ID number and mobile number in it masked,
    and every one of *names* (the people the text is about: a candidate, an actor) masked as
    :func:`mask_name` shows them — as a public view must show it; idempotent.

    >>> redact_text("联系电话13812345678，身份证11010519491231002X")
    '联系电话138****5678，身份证1****************X'
    >>> redact_text("手机 +86 139-1234-5678，村码371082103201")
    '手机 +86139****5678，村码371082103201'
    >>> redact_text("张秀梅冒名顶替", names=["张秀梅"])
    '张*梅冒名顶替'
    """
    if not isinstance(text, str):
        raise ValidationError.single("text", "text", type(text).__name__)
    masked = _RUN_IN_TEXT.sub(_masked_run, text)
    if isinstance(names, (str, bytes)):
        raise ValidationError.single("names", "a list of names, not text", "<text>")
    check_iterable(names, "names", "a list of names")
    # Longest first, so that 欧阳娜娜 is masked whole before a shorter name inside it.
    for name in sorted(
        {name.strip() for name in names if isinstance(name, str) and len(name.strip()) > 1}, key=len, reverse=True
    ):
        masked = masked.replace(name, mask_name(name))
    return masked


def _masked_run(found: re.Match[str]) -> str:
    written = found.group()
    digits = unicodedata.normalize("NFKC", written).translate(_SEPARATORS).upper()
    prefix = ""
    if digits.startswith("+86") or (digits.startswith("86") and len(digits) == 13):
        prefix, digits = digits[: len(digits) - 11], digits[len(digits) - 11 :]
    masked = _masked_number(digits)
    return written if masked is None else prefix + masked


def _masked_number(digits: str) -> str | None:
    """*digits* masked when they are an ID, a mobile or the two glued together; else None."""
    if len(digits) == 11 and _MOBILE_SHAPE.fullmatch(digits):
        return mask_mobile(digits)
    if (len(digits) == 18 and _ID_SHAPE.fullmatch(digits)) or (len(digits) == 15 and digits.isdigit()):
        return mask_resident_id(digits)
    if len(digits) == 29:
        for first in (18, 11):
            head, tail = _masked_number(digits[:first]), _masked_number(digits[first:])
            if head is not None and tail is not None:
                return head + tail
    return None


@attrs.frozen(repr=False)
class ResidentId:
    """A resident identity card number (居民身份证号码), validated with its check digit.

    Accepts the 18-character form (a lowercase ``x`` is read as ``X``); its ``repr`` and
    :attr:`masked` never show the full number.
    """

    number: str = attrs.field(converter=_validate_resident_id)

    @property
    def masked(self) -> str:
        """The number as a public notice shows it."""
        return mask_resident_id(self.number)

    @property
    def birth_date(self) -> dt.date:
        """The date of birth the number encodes."""
        return dt.date(int(self.number[6:10]), int(self.number[10:12]), int(self.number[12:14]))

    @property
    def region_code(self) -> str:
        """The six-digit administrative division code of first registration."""
        return self.number[:6]

    def __repr__(self) -> str:
        return f"ResidentId({self.masked!r})"

    def __str__(self) -> str:
        return self.masked


@attrs.frozen(repr=False)
class MobileNumber:
    """A mainland China mobile number (手机号码), 11 digits; ``+86`` is accepted and dropped."""

    number: str = attrs.field(converter=_validate_mobile)

    @property
    def masked(self) -> str:
        """The number as a public notice shows it (``138****5678``)."""
        return mask_mobile(self.number)

    def __repr__(self) -> str:
        return f"MobileNumber({self.masked!r})"

    def __str__(self) -> str:
        return self.masked
