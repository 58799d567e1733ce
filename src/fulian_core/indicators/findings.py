"""Consistency findings (数据核查), as DHIS2's validation rules: not exceptions, findings.

A unit's own reported total against the sum of its children; rules between indicators such as
"women screened ≤ women of screening age" or "cases closed ≤ cases received".
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_items, check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import exact as _exact
from fulian_core.errors import DefinitionError
from fulian_core.indicators.definitions import MissingStrategy
from fulian_core.indicators.rollup import Coverage, rollup
from fulian_core.indicators.values import Dataset
from fulian_core.orgs import Level
from fulian_core.periods import Period
from fulian_core.quantities import Comparison, Quantity

__all__ = ["Finding", "FindingKind", "Operator", "ValidationRule", "check_rules", "check_totals"]


class FindingKind(CodedEnum):
    """What a finding says (核查结论)."""

    VIOLATED = ("violated", "不一致")
    UNDECIDABLE = ("undecidable", "无法判定（含约数）")


class Operator(CodedEnum):
    """How two sides of a rule compare (比较关系)."""

    AT_MOST = ("at_most", "≤")
    AT_LEAST = ("at_least", "≥")
    EQUAL = ("equal", "=")


@attrs.frozen
class Finding:
    """One inconsistency (核查发现): where, when, which rule, and both sides."""

    unit: str
    period: Period
    rule: str
    kind: FindingKind
    left: Quantity
    right: Quantity
    detail: str
    coverage: Coverage | None = None


@attrs.frozen
class ValidationRule:
    """A rule between two indicators at one unit and period (校验规则): ``left`` ``operator``
    ``right``. With ``USE_REPORTED`` a side that was not reported skips the check; with
    ``UNDEFINED_IF_ANY_MISSING`` the same (a rule never treats a missing value as zero)."""

    code: str
    title: str
    left: str
    operator: Operator
    right: str
    missing: MissingStrategy = MissingStrategy.USE_REPORTED

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.code), "code", "a code", self.code)
        faults.check(self.left != self.right, "right", "an indicator other than the left side", self.right)
        faults.raise_if_any(DefinitionError)


def _at_most(left: Quantity, right: Quantity) -> Comparison:
    """left ≤ right, from the intervals the two figures are known to lie in."""
    high, low = left.bounds.high, right.bounds.low
    if high is not None and high <= low:
        return Comparison.YES
    ceiling = right.bounds.high
    if ceiling is not None and (
        left.bounds.low > ceiling or (left.bounds.low == ceiling and (left.bounds.low_open or right.bounds.high_open))
    ):
        return Comparison.NO
    return Comparison.UNDECIDABLE


def _compare(left: Quantity, operator: Operator, right: Quantity) -> Comparison:
    if operator is Operator.AT_MOST:
        return _at_most(left, right)
    if operator is Operator.AT_LEAST:
        return _at_most(right, left)
    if left.is_exact and right.is_exact:
        return Comparison.YES if left.value == right.value else Comparison.NO
    below, above = _at_most(left, right), _at_most(right, left)
    return Comparison.NO if Comparison.NO in (below, above) else Comparison.UNDECIDABLE


@_exact
def check_rules(
    dataset: Dataset, rules: Iterable[ValidationRule], units: Iterable[str], period: Period
) -> tuple[Finding, ...]:
    """Every finding of *rules* at *units* over *period* (each unit's own reported values)."""
    check_type(dataset, Dataset, "dataset")
    rules = check_items(rules, ValidationRule, "rules", "a list of validation rules")  # type: ignore[assignment]
    units = check_items(units, str, "units", "a list of unit codes")  # type: ignore[assignment]
    check_type(period, Period, "period")
    found: list[Finding] = []
    for rule in rules:
        for unit in units:
            left = dataset.get(rule.left, unit, period)
            right = dataset.get(rule.right, unit, period)
            if left is None or right is None:
                continue
            verdict = _compare(left.value, rule.operator, right.value)
            if verdict is not Comparison.YES:
                kind = FindingKind.VIOLATED if verdict is Comparison.NO else FindingKind.UNDECIDABLE
                outcome = "不成立" if kind is FindingKind.VIOLATED else "无法判定"
                detail = f"{rule.title}：{left.value} {rule.operator.label} {right.value} {outcome}"
                found.append(Finding(unit, period, rule.code, kind, left.value, right.value, detail))
    return tuple(found)


@_exact
def check_totals(
    dataset: Dataset, indicator: str, period: Period, *, level: Level, children: Level
) -> tuple[Finding, ...]:
    """Units at *level* whose own reported value disagrees with the sum of their units at
    *children* (乡镇自报数与各村合计不符): a finding to report, not something to hide."""
    check_type(dataset, Dataset, "dataset")
    check_type(indicator, str, "indicator")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    check_type(children, Level, "children")
    found: list[Finding] = []
    name = dataset.indicators.indicator(indicator).name
    for unit in dataset.tree.units_at(level):
        own = dataset.get(indicator, unit.code, period)
        if own is None:
            continue
        summed = rollup(dataset, indicator, unit.code, period, level=children)
        if summed.value is None:
            continue
        verdict = _compare(own.value, Operator.EQUAL, summed.value)
        if verdict is Comparison.YES:
            continue
        kind = FindingKind.VIOLATED if verdict is Comparison.NO else FindingKind.UNDECIDABLE
        detail = f"{unit.name}{name}自报{own.value}，下级合计{summed.value}（{summed.coverage}报送）"
        found.append(
            Finding(unit.code, period, f"total:{indicator}", kind, own.value, summed.value, detail, summed.coverage)
        )
    return tuple(found)
