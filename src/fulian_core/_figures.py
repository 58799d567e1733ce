"""The written grammar of reported figures: ``200余场次``, ``近两千余人``, ``6600次以上``.

Kept apart from :mod:`fulian_core.quantities`, which turns the parts found here into values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final, NamedTuple

__all__ = [
    "CHINESE_DIGITS",
    "QUALIFIER_SPELLINGS",
    "RANGE_DASHES",
    "FigureGrammar",
    "FigureParts",
    "chinese_numeral",
    "chinese_numeral_value",
    "mixed_numeral_value",
    "written_value",
]

CHINESE_DIGITS: Final = "零〇一二两三四五六七八九十百千万亿"
_DIGIT_VALUES: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SMALL_UNITS: Final = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS: Final = {"万": 10_000, "亿": 100_000_000}
_DIGIT_NAMES: Final = "零一二三四五六七八九"


def chinese_numeral_value(text: str) -> int | None:  # noqa: PLR0911, PLR0912 - a hand-written parser reads best as one loop
    """The integer a Chinese numeral writes (``两千`` 2000, ``一万五千`` 15000, ``十五`` 15,
    ``一千五`` 1500), or ``None`` when *text* is not a well-formed numeral."""
    if not text or any(ch not in _DIGIT_VALUES and ch not in _SMALL_UNITS and ch not in _BIG_UNITS for ch in text):
        return None
    if all(ch in _BIG_UNITS for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    last_unit = 0
    big_seen = 10**13
    for ch in text:
        if ch in _DIGIT_VALUES:
            if digit is not None and digit != 0 and _DIGIT_VALUES[ch] != 0:
                return None  # two digits in a row ("二三") are not a numeral
            digit = _DIGIT_VALUES[ch]
        elif ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if last_unit and unit >= last_unit:
                return None  # units must fall within a section ("百千" is not a numeral)
            section += (1 if digit is None else digit) * unit
            if digit == 0:
                return None
            digit = None
            last_unit = unit
        else:
            big = _BIG_UNITS[ch]
            if big >= big_seen:
                return None
            big_seen = big
            section += digit or 0
            if section == 0:
                return None
            total += section * big
            section, digit, last_unit = 0, None, 0
    if digit:
        # "一千五" is 1500 and "一万五" 15000: a last digit right after 百, 千, 万 or 亿 counts one
        # place below it ("二十五" keeps its 5).
        place = _SMALL_UNITS.get(text[-2], 0) or _BIG_UNITS.get(text[-2], 0) if len(text) >= 2 else 0
        if place >= 100:
            digit *= place // 10
        section += digit
    return total + section


def chinese_numeral(value: int) -> str:
    """A non-negative integer in Chinese numerals as reports write them (``2000`` → ``两千``)."""
    if value < 0:
        raise ValueError("a Chinese numeral needs a value >= 0")
    if value == 0:
        return "零"
    groups: list[int] = []
    while value:
        groups.append(value % 10_000)
        value //= 10_000
    names = ["", "万", "亿", "万亿"]
    parts: list[str] = []
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(parts)
            continue
        if parts and (zero_pending or group < 1000):
            parts.append("零")
        parts.append(_group_numeral(group, leading=not parts) + names[index])
        zero_pending = False
    return "".join(parts)


def _group_numeral(group: int, *, leading: bool) -> str:
    text = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = group // unit % 10
        if digit == 0:
            zero = bool(text)
            continue
        if zero:
            text += "零"
            zero = False
        if unit == 10 and digit == 1 and not text and leading:
            text += "十"
        elif unit >= 100 and digit == 2 and not text:
            text += "两" + name
        else:
            text += _DIGIT_NAMES[digit] + name
    return text


def mixed_numeral_value(text: str) -> int | None:
    """The integer a figure mixing Arabic digits and Chinese magnitudes writes (``1万5千`` 15000,
    ``3亿2千万`` 320000000), or ``None`` when *text* is not one."""
    found = _MIXED_PARTS.fullmatch(text)
    if found is None:
        return None
    big = _BIG_UNITS[found["big"]]
    head = int(found["head"]) * big
    digit = int(found["digit"])
    small = _SMALL_UNITS[found["small"]] * (10_000 if found["wan"] else 1)
    if found["wan"] and found["big"] != "亿":
        return None
    return head + digit * small if small < big else None


def written_value(text: str) -> int | None:
    """The integer a number in words writes: Chinese numerals (``两千``) or Arabic digits with
    Chinese magnitudes (``1万5千``); ``None`` for anything else."""
    return chinese_numeral_value(text) if _MIXED_PARTS.fullmatch(text) is None else mixed_numeral_value(text)


_MIXED_PARTS: Final = re.compile(
    r"(?P<head>[1-9][0-9]{0,3})(?P<big>[万亿])(?P<digit>[1-9])(?P<small>[千百])(?P<wan>万)?"
)


class FigureParts(NamedTuple):
    """The parts of one written figure, as found; empty strings for absent parts.

    ``number2`` and ``dash`` are the upper end of a range (``2-3户``), ``middle_first`` a 余/多
    written before the magnitude (``30余万元``) and ``per`` what a rate counts per (``3次/月``).
    """

    start: int
    end: int
    prefix: str
    number: str
    magnitude: str
    middle: str
    unit_word: str
    suffix: str
    number2: str = ""
    dash: str = ""
    middle_first: str = ""
    per: str = ""


# (prefix, middle, suffix) -> (qualifier code, marker as written)
QUALIFIER_SPELLINGS: Final[dict[tuple[str, str, str], tuple[str, str]]] = {
    ("", "", ""): ("exact", ""),
    ("", "余", ""): ("more_than", "余"),
    ("", "多", ""): ("more_than", "多"),
    ("超过", "", ""): ("more_than", "超过"),
    ("逾", "", ""): ("more_than", "逾"),
    ("", "", "以上"): ("at_least", "以上"),
    ("近", "", ""): ("nearly", "近"),
    ("近", "余", ""): ("nearly", "近…余"),
    ("近", "多", ""): ("nearly", "近…多"),
    ("约", "", ""): ("about", "约"),
    ("大约", "", ""): ("about", "约"),
    ("", "", "左右"): ("about", "左右"),
    ("", "", "以下"): ("at_most", "以下"),
    ("", "", "以内"): ("at_most", "以内"),
    ("最多", "", ""): ("at_most", "最多"),
    ("不超过", "", ""): ("at_most", "不超过"),
    ("不到", "", ""): ("less_than", "不到"),
    ("不足", "", ""): ("less_than", "不足"),
}

RANGE_DASHES: Final = ("-", "~", "～", "—", "–", "至", "到")
"""The marks between the ends of a range as reports write them (``2-3户``, ``3～5人``, ``3至5人``)."""

_ARABIC = r"[0-9]+(?:\.[0-9]+)?"
# Thousands separators (181,913户): groups of exactly three digits after the first one to three;
# four groups reach 10^15, above any figure, and the bound keeps each try short.
_GROUPED = r"[0-9]{1,3}(?:,[0-9]{3}){1,4}(?:\.[0-9]+)?"
_MIXED = r"[1-9][0-9]{0,3}[万亿][1-9][千百]万?"
# A figure starts neither inside a longer number (after a digit, a point or a blank, or after the
# comma of 1,000: which also keeps a scan of a long grouped run linear), nor after 第 or 届
# (第3期 and 十四届四次 are ordinals).
_NOT_AFTER = r"(?<![0-9.xX_第届])(?<![0-9],)"
_BLANK = r"[0-9]*[xX_][0-9xX_]*"  # one way to split a run: no backtracking blow-up on long runs
_NUMERAL = f"[{CHINESE_DIGITS}]+"


class FigureGrammar:
    """Regular expressions for figures in the given unit words, compiled once."""

    __slots__ = ("_full", "_in_text", "_in_text_numerals")

    def __init__(self, unit_words: Iterable[str], per_words: Iterable[str]) -> None:
        units = _alternatives(unit_words)
        pers = _alternatives(per_words)
        dashes = _alternatives(RANGE_DASHES)

        def body(number: str) -> str:
            return (
                r"(?P<prefix>不超过|超过|不到|不足|最多|近|约|大约|逾)?"
                rf"(?P<number>{number})"
                rf"(?:(?P<dash>{dashes})(?P<number2>{_GROUPED}|{_ARABIC}))?"
                r"(?P<middle_first>余|多)?(?P<magnitude>万|千|亿)?(?P<middle>余|多)?"
                # 个 of 3个月 and 次 of 2次月度 begin a duration or a word, not a count.
                rf"(?P<unit>{units})(?!月|半|星期|工作日|学期|年度)"
                rf"(?:/(?P<per>{pers}))?"
                r"(?P<suffix>以上|以下|以内|左右)?"
            )

        arabic = f"{_MIXED}|{_GROUPED}|{_ARABIC}|{_BLANK}"
        self._full = re.compile(body(f"{arabic}|{_NUMERAL}"))
        self._in_text = re.compile(_NOT_AFTER + body(arabic))
        self._in_text_numerals = re.compile(rf"(?<![{CHINESE_DIGITS}])" + _NOT_AFTER + body(f"{arabic}|{_NUMERAL}"))

    def match(self, text: str) -> FigureParts | None:
        """The parts of *text* if the whole of it is one figure."""
        found = self._full.fullmatch(text)
        return None if found is None else _parts(found)

    def scan(self, text: str, *, chinese_numerals: bool) -> Iterator[FigureParts]:
        """Every figure in running text, in order."""
        pattern = self._in_text_numerals if chinese_numerals else self._in_text
        return (_parts(found) for found in pattern.finditer(text))


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _parts(found: re.Match[str]) -> FigureParts:
    return FigureParts(
        found.start(),
        found.end(),
        found["prefix"] or "",
        found["number"],
        found["magnitude"] or "",
        found["middle"] or "",
        found["unit"],
        found["suffix"] or "",
        found["number2"] or "",
        found["dash"] or "",
        found["middle_first"] or "",
        found["per"] or "",
    )
