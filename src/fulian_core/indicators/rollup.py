"""Rolling values up (逐级汇总): over time to a coarser period, across the hierarchy to any
level, with the reporting coverage always attached.

The work is done by :class:`Partial`, a mergeable accumulator: it has an identity, its
merge is associative and commutative, and it pickles, so partitions can be aggregated
anywhere (see :mod:`fulian_core.indicators.scale`) and merged.
"""

from __future__ import annotations

import decimal
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from fulian_core._definitions import check_items, check_type, listed, listed_set
from fulian_core._definitions import check_whole as _check_whole
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults as _Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core._unchecked import builder
from fulian_core.errors import ValidationError
from fulian_core.indicators.definitions import (
    Indicator,
    MissingStrategy,
    RatioIndicator,
    TimeAggregation,
    UnitAggregation,
)
from fulian_core.indicators.values import Dataset
from fulian_core.orgs import Level
from fulian_core.periods import Period
from fulian_core.quantities import MAX_VALUE as _MAX_VALUE
from fulian_core.quantities import Notation as _Notation
from fulian_core.quantities import Qualifier as _Qualifier
from fulian_core.quantities import Quantity, Unit, _check_value, _exact_unchecked
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded, _period_cells, _quantity_cells

__all__ = ["Coverage", "Partial", "RatioResult", "RollupResult", "RollupStatus", "partials", "rollup", "rollup_ratio"]


def _flag(_: object, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise ValidationError.single(attribute.name, "True or False", value)


@attrs.frozen
class Coverage:
    """How much of what was expected was reported (报送率): "38 of 40 villages reported".

    ``approved_only`` says that only approved reports were counted (仅含已审核数据): a report
    submitted but not yet approved counts as not reported (see
    :class:`~fulian_core.reporting.ReportRound`)."""

    reported: int = attrs.field(validator=_whole_number)
    expected: int = attrs.field(validator=_whole_number)
    approved_only: bool = attrs.field(default=False, validator=_flag)

    @property
    def complete(self) -> bool:
        """Whether everything expected was reported."""
        return self.reported == self.expected

    def __str__(self) -> str:
        counted = f"{self.reported}/{self.expected}"
        return f"{counted}（仅含已审核数据）" if self.approved_only else counted


_coverage_unchecked = builder(Coverage)
"""A :class:`Coverage` of counts the caller knows are whole numbers from 0 to ``MAX_WHOLE``,
without running its validators again (one a unit reached, at national size)."""


def _by_size(value: Quantity) -> tuple[Decimal, Decimal, str]:
    return (value.bounds.low, value.value if value.value is not None else Decimal(-1), value.render())


_PLAIN = _Notation()
_ZERO = Decimal(0)


def _fold_total(values: Sequence[Quantity]) -> Quantity:
    """``values[0] + values[1] + …``, in one pass when every figure is exact and written alike
    (the common case at national size): their exact sum, written as the first two add up to
    (adding a figure written alike to their sum writes it the same way again), so the sum's
    notation still comes from ``Quantity.__add__``."""
    first = values[0]
    if len(values) <= 2:
        return first if len(values) == 1 else first + values[1]
    exact, notation = _Qualifier.EXACT, first.notation
    numbers: list[Decimal] = []
    for value in values:
        number = value.value
        if value.qualifier is not exact or number is None or value.notation != notation:
            break
        numbers.append(number)
    else:
        written = (first + values[1]).notation
        return Quantity(sum(numbers[1:], numbers[0]), first.unit, exact, notation=written)
    total = first
    for value in values[1:]:
        total = total + value
    return total


def _largest(values: Sequence[Quantity]) -> Quantity:
    """The first of the largest values by :func:`_by_size`, rendering only the ties."""
    best = max((value.bounds.low, value.value if value.value is not None else Decimal(-1)) for value in values)
    ties = [
        value
        for value in values
        if value.bounds.low == best[0] and (value.value if value.value is not None else Decimal(-1)) == best[1]
    ]
    return ties[0] if len(ties) == 1 else max(ties, key=_by_size)


def _reporters(value: Iterable[str]) -> frozenset[str]:
    return listed_set(value, "reporters", "a collection of unit codes")


@_exact_methods
@attrs.frozen
class Partial:
    """A mergeable partial aggregate (部分汇总) of one indicator's unit values.

    ``Partial.empty(unit)`` is the identity of :meth:`merge`; merging is associative and
    commutative. It carries what it aggregates: the ``indicator`` (its code; empty when not
    named), the ``count`` of values, their ``total`` and ``largest`` in ``unit``, and the
    ``reporters`` that contributed (empty for an anonymous partial, else one per value). Two
    partials of different indicators, or that share a reporter (its value would count twice),
    do not merge.
    """

    unit: Unit
    total: Quantity | None = None
    count: int = 0
    largest: Quantity | None = None
    reporters: frozenset[str] = attrs.field(default=frozenset(), converter=_reporters)
    indicator: str = ""

    def __attrs_post_init__(self) -> None:
        faults = _Faults()
        if not faults.check(isinstance(self.unit, Unit), "unit", "a Unit", self.unit):
            faults.raise_if_any()
        if not _check_whole(self.count, "count", faults):
            faults.raise_if_any()
        faults.check(
            (self.count == 0) == (self.total is None),
            "total",
            "a total exactly when there are values (count > 0)",
            None if self.total is None else str(self.total),
        )
        for name in ("total", "largest"):
            value = getattr(self, name)
            if value is not None and faults.check(isinstance(value, Quantity), name, "a Quantity or None", value):
                faults.check(value.unit is self.unit, name, f"a figure in {self.unit.label}", value.unit.label)
        faults.check(
            (self.largest is None) or self.count > 0, "largest", "no largest value without values", str(self.largest)
        )
        faults.check(
            not self.reporters or len(self.reporters) == self.count,
            "reporters",
            f"one reporter per value ({self.count}), or none",
            len(self.reporters),
        )
        faults.check(isinstance(self.indicator, str), "indicator", "an indicator code, or nothing", self.indicator)
        faults.raise_if_any()

    @classmethod
    def empty(cls, unit: Unit, indicator: str = "") -> Partial:
        """The identity: nothing reported."""
        return cls(unit, indicator=indicator)

    @classmethod
    def of(cls, reporter: str, value: Quantity, indicator: str = "") -> Partial:
        """One unit's value."""
        check_type(reporter, str, "reporter")
        check_type(value, Quantity, "value")
        return cls(value.unit, value, 1, value, frozenset({reporter}), indicator)

    @classmethod
    def of_many(cls, unit: Unit, reporters: Sequence[str], values: Sequence[Quantity], indicator: str = "") -> Partial:
        """The values of many units at once, in one pass: the same as merging
        :meth:`of` each in turn, without copying the reporter set at every step."""
        check_type(unit, Unit, "unit")
        reporters = check_items(reporters, str, "reporters", "a list of unit codes")  # type: ignore[assignment]
        values = check_items(values, Quantity, "values", "a list of quantities")  # type: ignore[assignment]
        if len(reporters) != len(values):
            raise ValidationError.single("values", f"one value per reporter ({len(reporters)})", len(values))
        names = _once_each(reporters)
        if not values:
            return cls.empty(unit, indicator)
        return cls(unit, _fold_total(values), len(values), _largest(values), names, indicator)

    @classmethod
    def of_numbers(
        cls, unit: Unit, reporters: Sequence[str], numbers: Sequence[int | Decimal], indicator: str = ""
    ) -> Partial:
        """Exact figures of many units given as plain numbers (按数汇总): whole numbers, or
        Decimals (to the fen for money, whole for counts). The same partial as :meth:`of_many`
        of ``Quantity(Decimal(n), unit)`` each, without making a figure a unit: what a tally of
        records rolls up through (see :meth:`HouseholdTally.partials
        <fulian_core.indicators.HouseholdTally.partials>`)."""
        check_type(unit, Unit, "unit")
        check_type(indicator, str, "indicator", "an indicator code, or nothing")
        reporters = check_items(reporters, str, "reporters", "a list of unit codes")  # type: ignore[assignment]
        numbers = listed(numbers, "numbers", "a list of whole numbers or Decimals")  # each checked below
        if len(reporters) != len(numbers):
            raise ValidationError.single("numbers", f"one number per reporter ({len(reporters)})", len(numbers))
        return _of_numbers(unit, _once_each(reporters), numbers, indicator)

    def merge(self, other: Partial) -> Partial:
        """Both partials together; refused for partials of other units of measure or other
        indicators, or that share a reporter."""
        check_type(other, Partial, "other")
        if not isinstance(other, Partial):
            raise ValidationError.single("other", "a Partial", type(other).__name__)
        if other.unit is not self.unit:
            raise ValidationError.single("other.unit", f"a partial in {self.unit.label}", other.unit.label)
        if self.indicator and other.indicator and self.indicator != other.indicator:
            raise ValidationError.single("other.indicator", f"a partial of {self.indicator}", other.indicator)
        shared = self.reporters & other.reporters
        if shared:
            raise ValidationError.single(
                "other.reporters", "reporters not already counted (each unit once)", sorted(shared)
            )
        total = other.total if self.total is None else self.total if other.total is None else self.total + other.total
        candidates = [q for q in (self.largest, other.largest) if q is not None]
        largest = max(candidates, key=_by_size) if candidates else None
        return Partial(
            self.unit,
            total,
            self.count + other.count,
            largest,
            self.reporters | other.reporters,
            self.indicator or other.indicator,
        )

    def value(self, how: UnitAggregation) -> Quantity | None:
        """The aggregate across units, by the indicator's rule."""
        if self.total is None:
            return None
        if how is UnitAggregation.MAX:
            return self.largest
        if how is UnitAggregation.AVERAGE:
            if self.total.value is None:
                return Quantity.unknown(self.unit)
            mean = self.total.value / self.count
            rounded = mean.quantize(
                Decimal("0.01") if self.unit.is_money else Decimal(1), rounding=decimal.ROUND_HALF_UP
            )
            if rounded == mean and self.total.is_exact:
                return Quantity(rounded, self.unit)
            return Quantity.about(rounded, self.unit)
        return self.total


def _once_each(reporters: Sequence[str], path: str = "reporters") -> frozenset[str]:
    names = frozenset(reporters)
    if len(names) != len(reporters):
        twice = sorted(name for name, times in Counter(reporters).items() if times > 1)
        raise ValidationError.single(path, "each unit once", twice)
    return names


_partial_unchecked = builder(Partial)


def _of_numbers(  # noqa: PLR0917 - of_numbers' four, and where a fault is
    unit: Unit,
    reporters: frozenset[str],
    numbers: Sequence[int | Decimal],
    indicator: str,
    path: str = "numbers",
    keys: Sequence[str] = (),
) -> Partial:
    """:meth:`Partial.of_numbers` of *reporters* already checked (each once, one a number)."""
    if not numbers:
        return Partial.empty(unit, indicator)
    total = _sum_of_numbers(unit, numbers, path, keys)
    largest = _exact_unchecked(Decimal(max(numbers)), unit)
    return _partial_unchecked(unit, _exact_unchecked(total, unit), len(numbers), largest, reporters, indicator)


def _sum_of_numbers(unit: Unit, numbers: Sequence[int | Decimal], path: str, keys: Sequence[str] = ()) -> Decimal:
    """The exact sum of *numbers* as figures in *unit* (what :meth:`Partial.of_numbers` totals,
    and a tally's totals read without making the partial): checked cheaply first (whole numbers
    from 0, and Decimals from 0 written to the fen for money or whole otherwise, pass), each one
    only when one does not, in :class:`Quantity`'s words at ``path[i]`` (``path[key]`` with
    *keys*); a sum of 10^15 or more is refused at *path*."""
    kinds = set(map(type, numbers))
    if kinds == {int}:  # whole numbers: figures in every unit, from 0 below 10^15
        if min(numbers) >= 0 and max(numbers) < _MAX_VALUE:
            return _checked_sum(Decimal(sum(numbers)), path)
    elif (
        kinds == {Decimal}
        and all(map(Decimal.is_finite, numbers))  # type: ignore[arg-type]
        and min(numbers) >= 0
        and max(numbers) < _MAX_VALUE
    ):
        total = sum(numbers[1:], numbers[0])  # as Partial.of_many adds its figures
        # A sum has the fewest places of its terms: to the fen (or whole) if every one is.
        if total.as_tuple().exponent >= (-2 if unit.is_money else 0):  # type: ignore[union-attr, operator]
            return _checked_sum(total, path)  # type: ignore[arg-type]
    _refuse_numbers(unit, numbers, path, keys)  # every number in its words; none, if all are
    values = [Decimal(number) for number in numbers]
    return _checked_sum(sum(values[1:], values[0]), path)


def _checked_sum(total: Decimal, path: str) -> Decimal:
    if total >= _MAX_VALUE:
        raise ValidationError.single(path, "a sum of figures below 10^15 (no report counts more)", total)
    return total


def _refuse_numbers(unit: Unit, numbers: Sequence[object], path: str, keys: Sequence[str]) -> None:
    """Every number that is not a figure in *unit*, at ``path[i]`` (``path[key]``); none refused
    when each is one after all (a measure's Decimal of more places may still be exact)."""
    faults = _Faults()
    for index, number in enumerate(numbers):
        at = f"{path}[{keys[index] if keys else index}]"
        if faults.check(type(number) in {int, Decimal}, at, "an int or a Decimal", number):
            _check_value(Decimal(number), unit, faults, at)  # type: ignore[arg-type]
    faults.raise_if_any()


class RollupStatus(CodedEnum):
    """What a rollup could say (汇总结果状态)."""

    COMPLETE = ("complete", "数据完整")
    PARTIAL = ("partial", "部分单位缺报")
    UNDEFINED = ("undefined", "无法汇总")
    NO_DATA = ("no_data", "无数据")


def _missing(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "missing", "a list of unit codes")


@attrs.frozen
class RollupResult:
    """An indicator rolled up to a unit and period, with its coverage (汇总结果)."""

    indicator: str
    unit: str
    period: Period
    value: Quantity | None
    coverage: Coverage
    status: RollupStatus
    missing: tuple[str, ...] = attrs.field(default=(), converter=_missing)
    reason: str = ""

    def records(self) -> list[_Record]:
        """The result as one tidy row: indicator, unit, period (code, first and last day), the
        value as numbers (``value``, its bounds ``value_low`` and ``value_high``, the codes of its
        unit ``value_unit`` and qualifier ``value_qualifier``), the coverage as counts
        (``reported``, ``expected``, whether only approved reports counted, ``approved_only``,
        how many units are ``missing``) and the status as code and label."""
        return [
            {
                "indicator": self.indicator,
                "unit": self.unit,
                **_period_cells(self.period),
                **_quantity_cells(self.value),
                "reported": self.coverage.reported,
                "expected": self.coverage.expected,
                "approved_only": self.coverage.approved_only,
                "missing": len(self.missing),
                **_coded("status", self.status),
            }
        ]


def _reporting_units(dataset: Dataset, unit: str, level: Level) -> list[str]:
    """The codes of the units at *level* under *unit* (or *unit* itself at that level)."""
    tree = dataset.tree
    top = tree.unit(unit)
    if top.level is level:
        return [top.code]
    if top.level.rank > level.rank:
        raise ValidationError.single("level", f"a level at or below {top.name}'s ({top.level.label})", level.code)
    return list(tree.codes_at(level, under=top.code))


def _unit_value(dataset: Dataset, indicator: Indicator, unit: str, period: Period) -> tuple[Quantity | None, int]:
    """One unit's value over *period*, and how many of its reports were there."""
    inside = [value.value for value in dataset.series(indicator.code, unit) if period.contains(value.period)]
    present = len(inside) if indicator.reported_by is not None else min(1, len(inside))
    if not inside:
        return None, 0
    how = indicator.over_time
    if how is TimeAggregation.LAST:
        return inside[-1], present
    if how is TimeAggregation.MAX:
        return max(inside, key=_by_size), present
    if how is TimeAggregation.SUM and len(inside) == 1:
        only = inside[0]
        # An exact figure written plainly is its own total (Quantity.total would rebuild it).
        if only.qualifier is _Qualifier.EXACT and only.notation == _PLAIN:
            return only, present
    total = Quantity.total(inside, indicator.unit)
    if how is TimeAggregation.AVERAGE:
        return Partial(indicator.unit, total, len(inside), None, frozenset()).value(UnitAggregation.AVERAGE), present
    return total, present


def _partials(
    dataset: Dataset, indicator: Indicator, reporting: list[str], period: Period, approved: frozenset[str] | None
) -> tuple[Partial, Coverage, tuple[str, ...]]:
    """One pass over the reporting units: their values, coverage and the units that fell short
    (with *approved*, only those units' values count; the others fell short)."""
    # Slots per unit depend on the indicator and the period only: count them once.
    expected = len(period.subdivide(indicator.reported_by)) if indicator.reported_by is not None else 1
    names: list[str] = []
    values: list[Quantity] = []
    reported = 0
    missing: list[str] = []
    series, start, end = dataset.by_series, period.start, period.end
    summed = indicator.over_time is TimeAggregation.SUM
    for code in reporting:
        if approved is not None and code not in approved:
            missing.append(code)
            continue
        found = series.get((indicator.code, code), ())
        if summed and len(found) == 1:
            # The common case at national size (one figure a unit, exact and written plainly)
            # read inline: it is its own total, as _unit_value would find.
            only = found[0]
            quantity = only.value
            if (
                start <= only.period.start
                and only.period.end <= end
                and quantity.qualifier is _Qualifier.EXACT
                and quantity.notation == _PLAIN
            ):
                reported += 1
                names.append(code)
                values.append(quantity)
                if expected > 1:
                    missing.append(code)
                continue
        value, present = _unit_value(dataset, indicator, code, period)
        reported += present
        if value is None:
            missing.append(code)
        else:
            names.append(code)
            values.append(value)
            if present < expected:
                missing.append(code)
    # One pass, one Partial: merging unit by unit would copy the reporter set each time.
    partial = Partial.of_many(indicator.unit, names, values, indicator.code)
    coverage = Coverage(reported, expected * len(reporting), approved is not None)
    return partial, coverage, tuple(missing)


def _approved(value: Iterable[str] | None) -> frozenset[str] | None:
    if value is None or type(value) is frozenset:
        return value
    return frozenset(check_items(value, str, "approved", "a collection of unit codes"))  # type: ignore[arg-type]


@_exact
def partials(
    dataset: Dataset,
    indicator_code: str,
    unit: str,
    period: Period,
    *,
    level: Level,
    approved: Iterable[str] | None = None,
) -> tuple[Partial, Coverage, tuple[str, ...]]:
    """The partial aggregate of the reporting units at *level* under *unit*, with coverage
    (with *approved*, of those units' values only, as :func:`rollup`)."""
    check_type(dataset, Dataset, "dataset")
    check_type(indicator_code, str, "indicator_code")
    check_type(unit, str, "unit")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    indicator = dataset.indicators.indicator(indicator_code)
    return _partials(dataset, indicator, _reporting_units(dataset, unit, level), period, _approved(approved))


@_exact
def rollup(
    dataset: Dataset,
    indicator: str,
    unit: str,
    period: Period,
    *,
    level: Level,
    approved: Iterable[str] | None = None,
) -> RollupResult:
    """*indicator* rolled up from the units at *level* under *unit* to *unit*, over *period*.

    Flows sum, stocks take each unit's last value in the period, qualifiers are carried, and
    missing reports are never zeros: the result carries its coverage, and an indicator whose
    missing strategy is ``UNDEFINED_IF_ANY_MISSING`` gives no value while any report is missing.
    The work is linear in the units and values rolled up.

    *approved* (仅汇总已审核数据) counts only the values of those units — the codes whose
    reports are approved, :meth:`ReportRound.approved() <fulian_core.reporting.ReportRound.approved>`
    —; every other unit counts as not reported, and the coverage says so (``approved_only``).
    """
    check_type(dataset, Dataset, "dataset")
    check_type(indicator, str, "indicator")
    check_type(unit, str, "unit")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    only = _approved(approved)
    definition = dataset.indicators.indicator(indicator)
    reporting = _reporting_units(dataset, unit, level)
    partial, coverage, missing = _partials(dataset, definition, reporting, period, only)
    if definition.across_units is UnitAggregation.NONE and len(reporting) > 1:
        return RollupResult(
            indicator, unit, period, None, coverage, RollupStatus.UNDEFINED, missing, f"{definition.name}不可跨单位汇总"
        )
    if partial.total is None:
        return RollupResult(indicator, unit, period, None, coverage, RollupStatus.NO_DATA, missing, "无上报数据")
    if not coverage.complete and definition.missing is MissingStrategy.UNDEFINED_IF_ANY_MISSING:
        reason = f"缺报{coverage.expected - coverage.reported}项，按规则不汇总"
        return RollupResult(indicator, unit, period, None, coverage, RollupStatus.UNDEFINED, missing, reason)
    status = RollupStatus.COMPLETE if coverage.complete else RollupStatus.PARTIAL
    return RollupResult(indicator, unit, period, partial.value(definition.across_units), coverage, status, missing)


@_exact_methods
@attrs.frozen
class RatioResult:
    """A ratio indicator rolled up (比率汇总结果): recomputed from its rolled-up parts."""

    indicator: str
    unit: str
    period: Period
    value: Decimal | None
    numerator: RollupResult
    denominator: RollupResult
    exact: bool
    reason: str = ""

    def records(self) -> list[_Record]:
        """The ratio as one tidy row: indicator, unit, period, the ratio as a ``Decimal`` (in
        the indicator's factor: 90 for 90%), whether it is exact, and its parts' values and
        coverage (``numerator…``, ``denominator…``)."""
        row: _Record = {
            "indicator": self.indicator,
            "unit": self.unit,
            **_period_cells(self.period),
            "value": self.value,
            "exact": self.exact,
        }
        for name, part in (("numerator", self.numerator), ("denominator", self.denominator)):
            row[name] = None if part.value is None else part.value.value
            row[f"{name}_reported"] = part.coverage.reported
            row[f"{name}_expected"] = part.coverage.expected
        return [row]


@_exact
def rollup_ratio(
    dataset: Dataset,
    indicator: str,
    unit: str,
    period: Period,
    *,
    level: Level,
    approved: Iterable[str] | None = None,
) -> RatioResult:
    """A ratio recomputed from its summed numerator and denominator (never an average of the
    units' ratios). A zero, missing or unknown denominator gives no value and says why.
    *approved* counts only those units' values, as in :func:`rollup`."""
    check_type(dataset, Dataset, "dataset")
    check_type(indicator, str, "indicator")
    check_type(unit, str, "unit")
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    only = _approved(approved)
    definition = dataset.indicators.get(indicator)
    if not isinstance(definition, RatioIndicator):
        raise ValidationError.single("indicator", "a ratio indicator", indicator)
    top = rollup(dataset, definition.numerator, unit, period, level=level, approved=only)
    bottom = rollup(dataset, definition.denominator, unit, period, level=level, approved=only)
    numerator, denominator = top.value, bottom.value

    def undefined(reason: str) -> RatioResult:
        return RatioResult(indicator, unit, period, None, top, bottom, exact=False, reason=reason)

    if denominator is None or numerator is None:
        return undefined("分子或分母无数据")
    if denominator.value is None or numerator.value is None:
        return undefined("分子或分母未知")
    if denominator.value == 0:
        return undefined("分母为零")
    step = Decimal(1).scaleb(-definition.places)
    ratio = (numerator.value * definition.factor_decimal / denominator.value).quantize(
        step, rounding=decimal.ROUND_HALF_UP
    )
    exact = numerator.is_exact and denominator.is_exact and top.coverage.complete and bottom.coverage.complete
    return RatioResult(indicator, unit, period, ratio, top, bottom, exact=exact)
