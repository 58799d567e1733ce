"""Chinese numerals in reported figures (两千, 一万五千, 近千)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import find_figures
from fulian_core._figures import chinese_numeral, chinese_numeral_value
from tests._timing import best_time as _best_time


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千", 2000),
        ("三万", 30000),
        ("一万五千", 15000),
        ("一万五", 15000),
        ("一千五", 1500),
        ("一百五", 150),
        ("二十五", 25),
        ("十五", 15),
        ("十", 10),
        ("千", 1000),
        ("一百零五", 105),
        ("十万零一十", 100010),
        ("两万三千四百五十六", 23456),
        ("一亿两千三百四十五万六千七百八十九", 123456789),
        ("零", 0),
        ("〇", 0),
    ],
)
def test_numerals(text: str, value: int) -> None:
    assert chinese_numeral_value(text) == value


@pytest.mark.parametrize("text", ["", "二三", "百千", "万", "一万万", "五万余", "零十", "两千x", "亿万"])
def test_not_numerals(text: str) -> None:
    assert chinese_numeral_value(text) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "零"),
        (10, "十"),
        (15, "十五"),
        (105, "一百零五"),
        (2000, "两千"),
        (10005, "一万零五"),
        (100010, "十万零一十"),
    ],
)
def test_writing_numerals(value: int, text: str) -> None:
    assert chinese_numeral(value) == text
    with pytest.raises(ValueError, match="needs a value >= 0"):
        chinese_numeral(-1)


@given(st.integers(0, 10**12 - 1))
def test_numerals_round_trip(value: int) -> None:
    assert chinese_numeral_value(chinese_numeral(value)) == value


@pytest.mark.parametrize("run", ["X", "x_", "_", "1X", "1", "一", "1.", "X万", "近"])
def test_finding_figures_is_linear_in_long_runs(run: str) -> None:
    # Quadratic backtracking on a run of blank-figure characters once took seconds on 8k
    # characters: time n and 8n in one process; linear work grows about 8×, quadratic 64×.
    n = 4000
    small = _best_time(lambda: find_figures(run * n, chinese_numerals=True))
    large = _best_time(lambda: find_figures(run * (8 * n), chinese_numerals=True))
    assert large / small < 24, f"{run!r}: {small:.4f}s at n, {large:.4f}s at 8n"
