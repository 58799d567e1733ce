"""Indicator definitions (指标定义): what is counted, in which unit, and how it aggregates.

Flows (场次, 人次) add up over time; stocks (the number of 妇女微家 at year end) take the
period's last value. Ratios (两癌筛查覆盖率, 平安家庭占比) are defined by a numerator and a
denominator indicator and recomputed from their rolled-up parts, never averaged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import as_decimal, check_code, check_text, check_type, listed
from fulian_core._definitions import check_whole as _check_whole
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import Period, PeriodKind
from fulian_core.quantities import Unit

__all__ = [
    "Indicator",
    "IndicatorSet",
    "MissingStrategy",
    "RatioIndicator",
    "Target",
    "TimeAggregation",
    "UnitAggregation",
]


def _minimum(value: object) -> Decimal:
    return as_decimal(value, "minimum")


class TimeAggregation(CodedEnum):
    """How an indicator's values combine over time (时间汇总方式)."""

    SUM = ("sum", "累计（流量）")
    LAST = ("last", "期末值（存量）")
    AVERAGE = ("average", "平均")
    MAX = ("max", "最大值")


class UnitAggregation(CodedEnum):
    """How an indicator's values combine across units (单位汇总方式)."""

    SUM = ("sum", "加总")
    AVERAGE = ("average", "平均")
    MAX = ("max", "最大值")
    NONE = ("none", "不可汇总")


class MissingStrategy(CodedEnum):
    """What missing reports do to an aggregate (缺报处理), as DHIS2's validation rules state it.

    Missing values are never zeros: either the aggregate stands on what was reported (and
    says how much was), or any missing report leaves it undefined.
    """

    USE_REPORTED = ("use_reported", "按已报数据汇总并注明报送率")
    UNDEFINED_IF_ANY_MISSING = ("undefined_if_any_missing", "任一缺报则不汇总")


@attrs.frozen
class Indicator:
    """A counted indicator (指标): 场次, 人次, 户, 元 …, reported by one kind of period."""

    code: str
    name: str
    unit: Unit
    over_time: TimeAggregation = TimeAggregation.SUM
    across_units: UnitAggregation = UnitAggregation.SUM
    reported_by: PeriodKind | None = None
    missing: MissingStrategy = MissingStrategy.USE_REPORTED
    description: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.name, "name", faults)
        faults.check(isinstance(self.unit, Unit), "unit", "a Unit", self.unit)
        faults.check(isinstance(self.over_time, TimeAggregation), "over_time", "a TimeAggregation", self.over_time)
        faults.check(
            isinstance(self.across_units, UnitAggregation), "across_units", "a UnitAggregation", self.across_units
        )
        faults.check(
            self.reported_by is None or isinstance(self.reported_by, PeriodKind),
            "reported_by",
            "a PeriodKind or None",
            self.reported_by,
        )
        faults.check(isinstance(self.missing, MissingStrategy), "missing", "a MissingStrategy", self.missing)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class RatioIndicator:
    """A ratio of two indicators (比率指标) times ``factor`` (100 for a percentage), recomputed
    from the summed numerator and denominator: 平安家庭占比 = 平安家庭户数 / 总户数 × 100.

    Both sides count in the same unit unless ``mixed_units`` says otherwise (户均善款 = 元 / 户).
    """

    code: str
    name: str
    numerator: str
    denominator: str
    factor: int = 100
    places: int = 2
    mixed_units: bool = False
    description: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.name, "name", faults)
        # 100 for 百分比, 1000 for ‰, up to 1,000,000 (每百万人); at most 10 decimal places.
        _check_whole(self.factor, "factor", faults, low=1, high=1_000_000)
        _check_whole(self.places, "places", faults, low=0, high=10)
        faults.check(
            self.numerator != self.denominator, "denominator", "an indicator other than the numerator", self.denominator
        )
        faults.raise_if_any(DefinitionError)

    @property
    def factor_decimal(self) -> Decimal:
        """The factor as a Decimal."""
        return Decimal(self.factor)


def _definitions(value: Iterable[Indicator | RatioIndicator]) -> tuple[Indicator | RatioIndicator, ...]:
    return listed(value, "definitions", "a list of indicators")


@attrs.frozen(eq=False)
class IndicatorSet:
    """Every indicator an app counts (指标体系), checked whole: unique codes, ratios over known
    indicators, no cycles among derived indicators."""

    definitions: tuple[Indicator | RatioIndicator, ...] = attrs.field(converter=_definitions)
    by_code: Mapping[str, Indicator | RatioIndicator] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        by_code: dict[str, Indicator | RatioIndicator] = {}
        for index, definition in enumerate(self.definitions):
            if not faults.check(
                isinstance(definition, (Indicator, RatioIndicator)),
                f"definitions[{index}]",
                "an Indicator or a RatioIndicator",
                definition,
            ):
                continue
            faults.check(
                definition.code not in by_code, f"definitions[{index}].code", "a code not used before", definition.code
            )
            by_code.setdefault(definition.code, definition)
        for index, definition in enumerate(self.definitions):
            if isinstance(definition, RatioIndicator):
                for side in ("numerator", "denominator"):
                    code = getattr(definition, side)
                    faults.check(
                        code in by_code, f"definitions[{index}].{side}", "the code of an indicator of the set", code
                    )
                top, bottom = by_code.get(definition.numerator), by_code.get(definition.denominator)
                if isinstance(top, Indicator) and isinstance(bottom, Indicator) and not definition.mixed_units:
                    faults.check(
                        top.unit is bottom.unit,
                        f"definitions[{index}].denominator",
                        f"an indicator in {top.unit.label} like the numerator (or mixed_units=True)",
                        f"{bottom.code} in {bottom.unit.label}",
                    )
        faults.raise_if_any(DefinitionError)
        done: set[str] = set()
        for index, definition in enumerate(self.definitions):
            if isinstance(definition, RatioIndicator):
                cycle = _cycle(definition.code, by_code, done)
                if cycle:
                    faults.add(
                        f"definitions[{index}]",
                        "no cycle among derived indicators (" + " → ".join(cycle) + ")",
                        definition.code,
                    )
                    break
        faults.raise_if_any(DefinitionError)
        object.__setattr__(self, "by_code", _ReadOnlyDict(by_code))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, IndicatorSet):
            return NotImplemented
        return self.definitions == other.definitions

    def __hash__(self) -> int:
        return hash(self.definitions)

    def get(self, code: str) -> Indicator | RatioIndicator:
        """The definition with *code*."""
        try:
            found = self.by_code.get(code)
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(code, str, "indicator", "an indicator code")
            raise ValidationError.single("indicator", f"an indicator of the set ({', '.join(self.by_code)})", code)
        return found

    def indicator(self, code: str) -> Indicator:
        """The counted (not ratio) indicator with *code*."""
        found = self.get(code)
        if not isinstance(found, Indicator):
            raise ValidationError.single("indicator", "a counted indicator, not a ratio", code)
        return found


def _cycle(start: str, by_code: Mapping[str, Indicator | RatioIndicator], done: set[str]) -> list[str]:
    """A cycle of ratios reachable from *start* (``[a, b, a]``), or []; iterative and linear, so
    a long or wide chain of ratios can neither overflow the stack nor take exponential time.
    *done* holds the codes already known to reach no cycle (shared between calls)."""
    path: list[str] = []
    on_path: set[str] = set()
    stack: list[tuple[str, int]] = [(start, 0)]
    while stack:
        code, step = stack.pop()
        definition = by_code.get(code)
        if step == 0:
            if code in on_path:
                return [*path[path.index(code) :], code]
            if code in done or not isinstance(definition, RatioIndicator):
                continue
            path.append(code)
            on_path.add(code)
        if isinstance(definition, RatioIndicator) and step < 2:
            stack.append((code, step + 1))
            stack.append((definition.numerator if step == 0 else definition.denominator, 0))
            continue
        path.pop()
        on_path.discard(code)
        done.add(code)
    return []


@attrs.frozen
class Target:
    """A target for an indicator at a unit over a period (目标): at least ``minimum`` (a count,
    or a percentage for a ratio), e.g. 和谐文明家庭要达到总户数30%."""

    indicator: str
    unit: str
    period: Period
    minimum: Decimal = attrs.field(converter=_minimum)
