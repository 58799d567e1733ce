"""Analysis of indicator values (指标分析): targets, change, rankings (比学赶超), shares."""

from __future__ import annotations

import decimal
from collections.abc import Mapping
from decimal import Decimal

import attrs
from dateutil.relativedelta import relativedelta

from fulian_core._definitions import check_finite, check_type
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.indicators.definitions import RatioIndicator, Target
from fulian_core.indicators.rollup import RatioResult, rollup, rollup_ratio
from fulian_core.indicators.values import Dataset
from fulian_core.orgs import Level
from fulian_core.periods import Period, PeriodKind
from fulian_core.quantities import Comparison, Quantity
from fulian_core.shares import labelled_percentage_shares

__all__ = [
    "Change",
    "Rank",
    "attainment",
    "change",
    "change_since_last_year",
    "change_since_previous",
    "meets_target",
    "rank_units",
    "share_breakdown",
]


@_exact
def attainment(value: Quantity | Decimal | None, target: Decimal | int) -> Comparison:
    """Whether *value* reaches *target* (达标): yes, no, or undecidable when qualifiers (or a
    missing value) leave it open. A ratio (Decimal) is compared as it is."""
    if value is not None:
        check_type(value, (Quantity, Decimal), "value")
        if isinstance(value, Decimal):
            check_finite(value, "value")
    check_finite(target, "target")
    if value is None:
        return Comparison.UNDECIDABLE
    if isinstance(value, Decimal):
        return Comparison.YES if value >= Decimal(target) else Comparison.NO
    return value.compare_at_least(Decimal(target))


@_exact_methods
@attrs.frozen
class Change:
    """The change from one period to another (增减): absolute and in percent, ``None`` when the
    figures do not allow it (unknown values, a zero base)."""

    current: Quantity
    previous: Quantity
    absolute: Decimal | None
    percent: Decimal | None
    exact: bool


@_exact
def change(current: Quantity, previous: Quantity) -> Change:
    """The change from *previous* to *current* (同比/环比), nominal values, flagged inexact when
    either figure is qualified."""
    check_type(current, Quantity, "current")
    check_type(previous, Quantity, "previous")
    if current.value is None or previous.value is None:
        return Change(current, previous, None, None, exact=False)
    absolute = current.value - previous.value
    percent = None
    if previous.value != 0:
        percent = (absolute * 100 / previous.value).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    return Change(current, previous, absolute, percent, exact=current.is_exact and previous.is_exact)


@attrs.frozen
class Rank:
    """A unit's place in a ranking (排名): ties share a place (1, 2, 2, 4)."""

    place: int
    unit: str
    value: Quantity | Decimal | None


def _key(value: Quantity | Decimal | None) -> Decimal:
    if value is None:
        return Decimal("-Infinity")
    if isinstance(value, Decimal):
        return value
    return value.value if value.value is not None else Decimal("-Infinity")


@_exact
def rank_units(values: Mapping[str, Quantity | Decimal | None], *, descending: bool = True) -> tuple[Rank, ...]:
    """Rank sibling units by value (比学赶超), best first; equal values share a place and keep
    code order; units without a value come last, sharing the last place."""
    check_type(values, Mapping, "values", "a mapping of unit codes to values")

    def order(item: tuple[str, Quantity | Decimal | None]) -> tuple[bool, Decimal, str]:
        key = _key(item[1])
        return (item[1] is None or not key.is_finite(), -key if descending and key.is_finite() else key, item[0])

    ordered = sorted(values.items(), key=order)
    ranks: list[Rank] = []
    for position, (unit, value) in enumerate(ordered, start=1):
        if ranks and _key(ranks[-1].value) == _key(value) and (ranks[-1].value is None) == (value is None):
            ranks.append(Rank(ranks[-1].place, unit, value))
        else:
            ranks.append(Rank(position, unit, value))
    return tuple(ranks)


@_exact
def share_breakdown(counts: Mapping[str, Quantity]) -> dict[str, Decimal]:
    """Percentage shares of exact whole counts (占比), adding up to exactly 100.00."""
    check_type(counts, Mapping, "counts", "a mapping of labels to quantities")
    whole: dict[str, int] = {}
    for label, quantity in counts.items():
        if not quantity.is_exact or quantity.value is None or quantity.value != quantity.value.to_integral_value():
            from fulian_core.errors import ValidationError  # noqa: PLC0415 - only on the error path

            raise ValidationError.single(f"counts[{label!r}]", "an exact whole count", str(quantity))
        whole[label] = int(quantity.value)
    return labelled_percentage_shares(whole)


@_exact
def meets_target(dataset: Dataset, target: Target, *, level: Level) -> Comparison:
    """Whether a unit reaches its target (目标达成): the indicator (or ratio) rolled up from *level*
    and compared; undecidable when qualifiers, missing reports or an undefined ratio leave it open."""
    check_type(dataset, Dataset, "dataset")
    check_type(target, Target, "target")
    check_type(level, Level, "level")
    definition = dataset.indicators.get(target.indicator)
    if isinstance(definition, RatioIndicator):
        ratio = rollup_ratio(dataset, target.indicator, target.unit, target.period, level=level)
        return _ratio_reaches(ratio, target.minimum, definition.factor_decimal)
    result = rollup(dataset, target.indicator, target.unit, target.period, level=level)
    verdict = attainment(result.value, target.minimum)
    if verdict is Comparison.NO and not result.coverage.complete:
        return Comparison.UNDECIDABLE  # the missing reports could still lift it
    return verdict


def _ratio_reaches(ratio: RatioResult, minimum: Decimal, factor: Decimal) -> Comparison:
    """From the intervals of the rolled-up parts: 40余户 of 100户 is above 40%, so it reaches 30%."""
    top, bottom = ratio.numerator.value, ratio.denominator.value
    if ratio.value is None or top is None or bottom is None:
        return Comparison.UNDECIDABLE
    if not (ratio.numerator.coverage.complete and ratio.denominator.coverage.complete):
        return Comparison.UNDECIDABLE  # missing reports could move either side
    if (
        bottom.bounds.high is not None
        and bottom.bounds.high > 0
        and top.bounds.low * factor / bottom.bounds.high >= minimum
    ):
        return Comparison.YES
    if top.bounds.high is not None and bottom.bounds.low > 0 and top.bounds.high * factor / bottom.bounds.low < minimum:
        return Comparison.NO
    return Comparison.UNDECIDABLE


def _rolled(dataset: Dataset, indicator: str, unit: str, period: Period, level: Level) -> Quantity | None:
    return rollup(dataset, indicator, unit, period, level=level).value


@_exact
def change_since_previous(
    dataset: Dataset, indicator: str, unit: str, period: Period, *, level: Level
) -> Change | None:
    """The change against the previous period of the same kind (环比), or ``None`` when either
    period has no rolled-up value."""
    check_type(dataset, Dataset, "dataset")
    check_type(indicator, str, "indicator")
    check_type(unit, str, "unit")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    current = _rolled(dataset, indicator, unit, period, level)
    previous = _rolled(dataset, indicator, unit, period.previous(), level)
    return None if current is None or previous is None else change(current, previous)


@_exact
def change_since_last_year(
    dataset: Dataset, indicator: str, unit: str, period: Period, *, level: Level
) -> Change | None:
    """The change against the same period a year earlier (同比), or ``None`` when either period
    has no rolled-up value."""
    check_type(dataset, Dataset, "dataset")
    check_type(indicator, str, "indicator")
    check_type(unit, str, "unit")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    if period.kind is PeriodKind.DAY:
        earlier = Period.day(period.start - relativedelta(years=1))
    elif period.kind is PeriodKind.RANGE:
        earlier = Period.between(period.start - relativedelta(years=1), period.end - relativedelta(years=1))
    else:
        earlier = period.shift(-(12 // (period.kind.months or 12)))
    current = _rolled(dataset, indicator, unit, period, level)
    previous = _rolled(dataset, indicator, unit, earlier, level)
    return None if current is None or previous is None else change(current, previous)
