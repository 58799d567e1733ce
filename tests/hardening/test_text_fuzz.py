"""The most exposed surfaces — reported figures, period codes and labels, division codes, ID
and mobile numbers, the thresholds rules are written with — read any text as a value or refuse
it with the library's error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_core import (
    MobileNumber,
    Period,
    Quantity,
    ResidentId,
    ValidationError,
    find_figures,
    normalize_division_code,
    redact_text,
)
from fulian_core.rules import Threshold

CORPUS = Path(__file__).resolve().parents[2] / "fuzz" / "corpus"

# Text that looks like what the parsers read, mutated: digits (also full-width and Chinese),
# units, qualifiers, odd characters.
PIECES = st.sampled_from(
    [
        *"0123456789", "０", "１", "２", "〇", "一", "两", "二", "十", "百", "千", "万", "亿", "余", "多", "近",
        "约", "以上", "左右", "户", "人次", "场次", "元", "万元", "年", "月", "日", "第", "季度", "上半年", "Q",
        "H", "-", "/", ".", "x", "X", " ", "\u200b", "\ufeff", "臺", "𠀀", "\x00", "%", "e", "E", "+", "_",
        "以下", "以内", "及", "（含）", "(不含)", "含", "分", "分之", "点", "≥", ">", "≤", "不低于", "超过", "不到", "满",
        "达到", "百分之", "未公布的下限",
    ]
)  # fmt: skip
TEXT = st.one_of(st.text(max_size=40), st.lists(PIECES, max_size=20).map("".join))

PARSERS: dict[str, Callable[[str], Any]] = {
    "quantity": Quantity.parse,
    "period_code": Period.from_code,
    "period_label": Period.from_label,
    "division_code": normalize_division_code,
    "resident_id": ResidentId,
    "mobile": MobileNumber,
    "threshold": Threshold.parse,
}


def _read(parser: Callable[[str], Any], text: str) -> None:
    # Any exception other than ValidationError escapes and fails the test.
    try:
        parser(text)
        error = None
    except ValidationError as refused:
        error = refused
    if error is not None:
        assert error.faults
        assert all(fault.expected for fault in error.faults)
        assert str(error)


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_any_text_is_read_or_refused_with_the_library_s_error(name: str) -> None:
    @settings(max_examples=settings().max_examples * 5)
    @given(TEXT)
    def check(text: str) -> None:
        _read(PARSERS[name], text)

    check()


@pytest.mark.parametrize("name", sorted(PARSERS))
def test_the_fuzzing_corpus_stays_readable(name: str) -> None:
    for path in sorted((CORPUS / name).glob("*")):
        _read(PARSERS[name], path.read_bytes().decode("utf-8", "surrogatepass"))


@given(TEXT)
def test_find_figures_and_redaction_never_crash(text: str) -> None:
    for found in find_figures(text):
        assert text[found.start : found.end] == found.text
    once = redact_text(text)
    assert redact_text(once) == once


@pytest.mark.parametrize(
    ("text", "rendered"),
    [("２００余场次", "200余场次"), ("两千余人", "两千余人"), ("三万元", "三万元"), ("1万余元", "1万余元")],
)
def test_full_width_digits_and_chinese_numerals_are_read(text: str, rendered: str) -> None:
    assert Quantity.parse(text).render() == rendered


def test_invisible_characters_are_refused_not_guessed() -> None:
    with pytest.raises(ValidationError, match="expected a reported figure such as"):
        Quantity.parse("200\u200b余场次")
    assert normalize_division_code("３７１０８２") == "371082"


@settings(max_examples=settings().max_examples * 5)
@given(TEXT)
def test_a_threshold_read_from_any_text_writes_itself_back(text: str) -> None:
    try:
        threshold = Threshold.parse(text)
    except ValidationError:
        return
    assert Threshold.parse(str(threshold)) == threshold
