"""Limits on input that could otherwise exhaust memory or time, and no deep recursion."""

from __future__ import annotations

import time

import attrs
import pytest

from fulian_core import DefinitionError, Quantity, ValidationError
from fulian_core.courtyard.catalog import FOUR_ROOMS_RUBRIC
from fulian_core.indicators import Indicator, IndicatorSet, RatioIndicator
from fulian_core.nominations import BallotRules
from fulian_core.quantities import MAX_TEXT, Unit
from fulian_core.rules import MAX_ITEMS


def test_a_long_and_wide_chain_of_ratios_is_checked_quickly_without_recursion() -> None:
    definitions: list[Indicator | RatioIndicator] = [
        Indicator("a", "甲", Unit.PERSON),
        Indicator("b", "乙", Unit.PERSON),
    ]
    definitions.extend(
        RatioIndicator(f"r{index}", f"比{index}", "a" if index == 1 else f"r{index - 1}", "b", mixed_units=True)
        for index in range(1, 3000)
    )
    for index in range(1, 40):  # each level uses both of the level below: 2^40 paths, 80 nodes
        numerator, denominator = ("a", "b") if index == 1 else (f"w{index - 1}", f"v{index - 1}")
        definitions.append(RatioIndicator(f"w{index}", f"宽{index}", numerator, denominator, mixed_units=True))
        definitions.append(RatioIndicator(f"v{index}", f"宽{index}乙", numerator, denominator, mixed_units=True))
    started = time.perf_counter()
    IndicatorSet(definitions)
    assert time.perf_counter() - started < 5
    looped = [
        *definitions,
        RatioIndicator("x", "环甲", "y", "a", mixed_units=True),
        RatioIndicator("y", "环乙", "x", "a", mixed_units=True),
    ]
    with pytest.raises(DefinitionError, match=r"expected no cycle among derived indicators \(x → y → x\)"):
        IndicatorSet(looped)


def test_rubric_size_figure_length_and_ballots_are_bounded() -> None:
    items = FOUR_ROOMS_RUBRIC.items
    many = tuple(attrs.evolve(items[0], code=f"item{index}") for index in range(MAX_ITEMS + 1))
    with pytest.raises(DefinitionError, match=rf"^items: expected at most {MAX_ITEMS} items, got {MAX_ITEMS + 1}$"):
        attrs.evolve(FOUR_ROOMS_RUBRIC, items=many)
    with pytest.raises(ValidationError, match=rf"at most {MAX_TEXT} characters"):
        Quantity.parse("9" * 10_000 + "户")
    import datetime as dt

    with pytest.raises(DefinitionError, match="ballots_per_day: expected at most 1000"):
        BallotRules(start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 2), ballots_per_day=10**9)
