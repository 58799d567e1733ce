"""Reported values (指标数据): one figure for one indicator, unit and period, and the
dataset that refuses a second one silently."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_type, listed
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.indicators.definitions import Indicator, IndicatorSet
from fulian_core.orgs import OrgTree
from fulian_core.periods import Period
from fulian_core.privacy import _text_repr
from fulian_core.quantities import Quantity
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded, _period_cells, _quantity_cells

__all__ = ["DataValue", "Dataset", "Origin"]


class Origin(CodedEnum):
    """Where a value comes from (数据来源)."""

    REPORTED = ("reported", "上报")
    DERIVED = ("derived", "推算")


@attrs.frozen
class DataValue:
    """One value (指标值): an indicator at a unit over a period, with its origin."""

    indicator: str
    unit: str
    period: Period
    value: Quantity
    origin: Origin = Origin.REPORTED
    note: str = attrs.field(default="", repr=_text_repr)

    @property
    def key(self) -> tuple[str, str, Period]:
        """(indicator, unit, period): what must be unique in a dataset."""
        return (self.indicator, self.unit, self.period)

    def records(self) -> list[_Record]:
        """The value as one tidy row: indicator, unit, period (code, first and last day), the
        figure as numbers (``value``, ``value_low``, ``value_high``, ``value_unit``,
        ``value_qualifier``, as in :meth:`~fulian_core.indicators.RollupResult.records`) and its origin."""
        return [
            {
                "indicator": self.indicator,
                "unit": self.unit,
                **_period_cells(self.period),
                **_quantity_cells(self.value),
                **_coded("origin", self.origin),
            }
        ]


def _values(value: Iterable[DataValue]) -> tuple[DataValue, ...]:
    return listed(value, "values", "a list of data values")


@attrs.frozen(eq=False, repr=False)
class Dataset(_Displayed):
    """Values checked against the indicator set and the hierarchy (指标数据集).

    A second value for the same indicator, unit and period is refused as a conflict; replace one
    explicitly with :meth:`replace`.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "each value names a counted indicator of the set and a unit of the tree",
        "a value is a figure in its indicator's unit, for a period of the kind the indicator is reported by",
        "one value per indicator, unit and period",
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    indicators: IndicatorSet
    tree: OrgTree
    values: tuple[DataValue, ...] = attrs.field(default=(), converter=_values)
    index: Mapping[tuple[str, str, Period], DataValue] = attrs.field(init=False, repr=False)
    by_series: Mapping[tuple[str, str], tuple[DataValue, ...]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        # Without the set and the tree no value can be checked: say so once, not once a value.
        faults.check(isinstance(self.indicators, IndicatorSet), "indicators", "an IndicatorSet", self.indicators)
        faults.check(isinstance(self.tree, OrgTree), "tree", "an OrgTree", self.tree)
        faults.raise_if_any()
        index: dict[tuple[str, str, Period], DataValue] = {}
        for position, value in enumerate(self.values):
            path = f"values[{position}]"
            if not faults.check(isinstance(value, DataValue), path, "a DataValue", value):
                continue
            _check_value(value, self.indicators, self.tree, path, faults)
            previous = index.get(value.key)
            if previous is not None:
                faults.add(
                    path,
                    f"one value per indicator, unit and period (already {previous.value}; use replace())",
                    str(value.value),
                )
                continue
            index[value.key] = value
        faults.raise_if_any()
        object.__setattr__(self, "index", _ReadOnlyDict(index))
        series: dict[tuple[str, str], list[DataValue]] = {}
        for value in index.values():
            series.setdefault((value.indicator, value.unit), []).append(value)
        ordered = {key: tuple(sorted(values, key=lambda v: v.period)) for key, values in series.items()}
        object.__setattr__(self, "by_series", _ReadOnlyDict(ordered))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Dataset):
            return NotImplemented
        return (self.indicators, self.tree, self.values) == (other.indicators, other.tree, other.values)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        facts = self.facts()
        return (
            f"<Dataset: {facts['values']} values of {facts['indicators']} indicators "
            f"at {facts['units']} units over {facts['periods']} periods>"
        )

    def facts(self) -> dict[str, int]:
        """What the dataset holds, in numbers (数据概况): how many ``values``, distinct
        ``indicators``, ``units``, ``periods`` and ``series`` (indicator at unit) they cover,
        and ``cells`` (indicators × units × periods among them) of which ``values`` are filled."""
        indicators = {value.indicator for value in self.values}
        units = {value.unit for value in self.values}
        periods = {value.period for value in self.values}
        return {
            "values": len(self.values),
            "indicators": len(indicators),
            "units": len(units),
            "periods": len(periods),
            "series": len(self.by_series),
            "cells": len(indicators) * len(units) * len(periods),
        }

    def records(self) -> list[_Record]:
        """One tidy row per value, in the order given: :meth:`DataValue.records` with the
        indicator's name (``indicator_label``) and the unit's (``unit_label``) beside their codes."""
        found: list[_Record] = []
        for value in self.values:
            row = value.records()[0]
            indicator, unit = row.pop("indicator"), row.pop("unit")
            found.append(
                {
                    "indicator": indicator,
                    "indicator_label": self.indicators.by_code[value.indicator].name,
                    "unit": unit,
                    "unit_label": self.tree.unit(value.unit).name,
                    **row,
                }
            )
        return found

    def _display(self) -> _Display:
        facts = self.facts()
        by_indicator: dict[str, list[DataValue]] = {}
        for value in self.values:
            by_indicator.setdefault(value.indicator, []).append(value)
        periods = sorted({value.period for value in self.values})
        span = f"{periods[0].label}至{periods[-1].label}" if periods else "—"
        coverage = f"{facts['values']}/{facts['cells']}" if facts["cells"] else "—"
        return _Display.of(
            "指标数据集 Dataset",
            (
                ("数据条数", facts["values"]),
                ("指标", facts["indicators"]),
                ("单位", facts["units"]),
                ("时期", f"{facts['periods']}（{span}）"),
                ("已填/指标×单位×时期", coverage),
            ),
            ("指标", "代码", "条数", "单位数", "最早", "最晚"),
            (
                (
                    self.indicators.by_code[code].name,
                    code,
                    len(values),
                    len({value.unit for value in values}),
                    min(value.period for value in values).label,
                    max(value.period for value in values).label,
                )
                for code, values in by_indicator.items()
            ),
        )

    def __len__(self) -> int:
        return len(self.values)

    def __iter__(self) -> Iterator[DataValue]:
        return iter(self.values)

    def with_values(self, values: Iterable[DataValue]) -> Dataset:
        """A dataset with more values; this one is unchanged, even when they are refused."""
        return Dataset(self.indicators, self.tree, (*self.values, *values))

    def replace(self, value: DataValue) -> Dataset:
        """A dataset where *value* replaces the value with the same key (an explicit correction)."""
        check_type(value, DataValue, "value")
        if value.key not in self.index:
            raise ValidationError.single(
                "value", "a value whose indicator, unit and period are already in the dataset", value.key
            )
        return Dataset(self.indicators, self.tree, tuple(value if v.key == value.key else v for v in self.values))

    def series(self, indicator: str, unit: str) -> tuple[DataValue, ...]:
        """Every value of one indicator at one unit, in period order."""
        try:
            return self.by_series.get((indicator, unit), ())
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            check_type(indicator, str, "indicator", "an indicator code")
            check_type(unit, str, "unit", "a unit code")
            raise

    def get(self, indicator: str, unit: str, period: Period) -> DataValue | None:
        """The value for one indicator, unit and period, if reported."""
        try:
            return self.index.get((indicator, unit, period))
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            check_type(indicator, str, "indicator", "an indicator code")
            check_type(unit, str, "unit", "a unit code")
            check_type(period, Period, "period")
            raise


def _check_value(value: DataValue, indicators: IndicatorSet, tree: OrgTree, path: str, faults: Faults) -> None:
    definition = indicators.by_code.get(value.indicator)
    if not isinstance(definition, Indicator):
        faults.add(f"{path}.indicator", "a counted indicator of the set", value.indicator)
        return
    faults.check(value.unit in tree, f"{path}.unit", "a unit of the hierarchy", value.unit)
    quantity = value.value
    if faults.check(isinstance(quantity, Quantity), f"{path}.value", "a Quantity", quantity):
        faults.check(
            quantity.unit is definition.unit,
            f"{path}.value",
            f"a figure in {definition.unit.label} for {definition.name}",
            str(quantity),
        )
    period = value.period
    if definition.reported_by is not None and isinstance(period, Period):
        faults.check(
            period.kind is definition.reported_by,
            f"{path}.period",
            f"a {definition.reported_by.label} period for {definition.name}",
            period.code,
        )
