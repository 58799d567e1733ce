"""Judging a measured fact against an item's condition (量化条件判定): yes, no or undecidable,
with the reason in Chinese.

A qualified figure (``60余人``) is an interval, not a number: against "三分之二以上" of 100 it
is undecidable. A value exactly on a limit whose boundary the rule left unstated is
undecidable too, and so is any comparison with a limit that is not published.
"""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Final

from dateutil.relativedelta import relativedelta

from fulian_core.quantities import Comparison, Quantity
from fulian_core.rules.facts import Fact, FactKind
from fulian_core.rules.sheet import Condition, DurationUnit, Measure
from fulian_core.rules.thresholds import Boundary, Threshold

__all__ = ["HOLDS", "INVALID", "NOT_HOLDS", "UNDECIDABLE", "Judgement", "judge", "whole_units"]

NOT_HOLDS: Final = 0
HOLDS: Final = 1
UNDECIDABLE: Final = 2
INVALID: Final = -1

Judgement = tuple[int, str]
"""The status (HOLDS, NOT_HOLDS, UNDECIDABLE or INVALID) and its explanation."""

_KIND_OF: Final = {
    Measure.QUANTITY: FactKind.MEASURED,
    Measure.RATIO: FactKind.RATIO,
    Measure.ELAPSED: FactKind.DATED,
    Measure.NUMBER: FactKind.NUMBER,
}
_STATUS: Final = {Comparison.YES: HOLDS, Comparison.NO: NOT_HOLDS, Comparison.UNDECIDABLE: UNDECIDABLE}


def expected_kind(condition: Condition) -> FactKind:
    """The kind of fact a measured condition reads."""
    return _KIND_OF[condition.measure]


def judge(condition: Condition, fact: Fact, on: dt.date) -> Judgement:
    """Whether *fact* meets every threshold of *condition* on *on*."""
    measure = condition.measure
    if fact.kind is not _KIND_OF[measure]:
        return INVALID, ""
    if measure is Measure.QUANTITY:
        quantity = fact.quantity
        assert quantity is not None  # noqa: S101 - a MEASURED fact carries its quantity
        if quantity.unit is not condition.unit:
            return INVALID, ""
        seen = str(quantity)
        results = [_bounds(threshold, quantity) for threshold in condition.thresholds]
    elif measure is Measure.RATIO:
        part, whole = fact.part, fact.whole
        assert part is not None  # noqa: S101 - a RATIO fact carries both parts
        assert whole is not None  # noqa: S101
        if condition.unit is not None and part.unit is not condition.unit:
            return INVALID, ""
        seen = f"{part}/{whole}"
        results = [_ratio(threshold, part, whole) for threshold in condition.thresholds]
    elif measure is Measure.ELAPSED:
        day = fact.day
        assert day is not None  # noqa: S101 - checked by Fact
        assert condition.duration is not None  # noqa: S101 - checked by Condition
        seen = f"自{day.isoformat()}起{_elapsed(day, on)}"
        results = [_elapsed_judgement(threshold, day, on, condition.duration) for threshold in condition.thresholds]
    else:
        number = fact.number
        assert number is not None  # noqa: S101 - a NUMBER fact carries its number
        seen = str(number)
        results = [threshold.judge(number) for threshold in condition.thresholds]
    verdict = Comparison.YES
    if Comparison.NO in results:
        verdict = Comparison.NO
    elif Comparison.UNDECIDABLE in results:
        verdict = Comparison.UNDECIDABLE
    note = f"{seen}，要求{condition.describe()}"
    if verdict is Comparison.UNDECIDABLE:
        note += "，无法判定（" + _why_undecidable(condition, results, fact) + "）"
    return _STATUS[verdict], note


def _bounds(threshold: Threshold, quantity: Quantity) -> Comparison:
    if quantity.value is None:
        return Comparison.UNDECIDABLE
    return threshold.judge_bounds(quantity.bounds)


def _ratio(threshold: Threshold, part: Quantity, whole: Quantity) -> Comparison:
    if part.value is None or whole.value is None:
        return Comparison.UNDECIDABLE
    part_bounds, whole_bounds = part.bounds, whole.bounds
    low_part = Fraction(part_bounds.low)
    high_whole = None if whole_bounds.high is None else Fraction(whole_bounds.high)
    low = Fraction(0) if high_whole is None or high_whole == 0 else low_part / high_whole
    low_open = part_bounds.low_open or (high_whole is not None and whole_bounds.high_open)
    if high_whole is None:
        low_open = low_part > 0
    low_whole = Fraction(whole_bounds.low)
    high: Fraction | None
    if part_bounds.high is None or low_whole == 0:
        high, high_open = None, False
    else:
        high = Fraction(part_bounds.high) / low_whole
        high_open = part_bounds.high_open or whole_bounds.low_open
    return threshold.judge_interval(low, high, low_open=low_open, high_open=high_open)


def _elapsed_judgement(threshold: Threshold, day: dt.date, on: dt.date, unit: DurationUnit) -> Comparison:
    # Whole units completed, as rules count them: 满3年 from the third anniversary on, and a
    # person is 45周岁 until the day before her 46th birthday.
    return threshold.judge(whole_units(day, on, unit))


def whole_units(day: dt.date, on: dt.date, unit: DurationUnit) -> int:
    """The whole years, months or days completed from *day* to *on* (negative before *day*)."""
    if on < day:
        return -1 - whole_units(on, day, unit) if unit is not DurationUnit.DAY else (on - day).days
    if unit is DurationUnit.DAY:
        return (on - day).days
    span = relativedelta(on, day)
    return span.years if unit is DurationUnit.YEAR else span.years * 12 + span.months


def _elapsed(day: dt.date, on: dt.date) -> str:
    if on < day:
        return "尚未开始"
    span = relativedelta(on, day)
    parts = [f"{span.years}年" if span.years else "", f"{span.months}个月" if span.months else ""]
    if span.days or not any(parts):
        parts.append(f"{span.days}天")
    return "".join(parts)


def _why_undecidable(condition: Condition, results: list[Comparison], fact: Fact) -> str:
    reasons: list[str] = []
    for threshold, result in zip(condition.thresholds, results, strict=True):
        if result is not Comparison.UNDECIDABLE:
            continue
        if threshold.value is None:
            reasons.append("门槛未公布")
        elif threshold.boundary is Boundary.UNSTATED and _exact(fact):
            reasons.append("恰在界限上，规则未说明是否含本数")
        else:
            reasons.append("数值不确定")
    return "；".join(dict.fromkeys(reasons))


def _exact(fact: Fact) -> bool:
    quantities = [q for q in (fact.quantity, fact.part, fact.whole) if q is not None]
    return all(q.is_exact for q in quantities)
