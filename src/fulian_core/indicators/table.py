"""A table of indicators rolled up to several units (汇总表): the form a federation reports in.

One row per unit (乡镇, 村), one column per indicator; each cell is the unit's
:class:`~fulian_core.indicators.rollup.RollupResult` (or, for a ratio indicator, its
:class:`~fulian_core.indicators.rollup.RatioResult`), so nothing the rollup knew is lost: the
coverage, the units that did not report, why a value is missing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal

import attrs

from fulian_core._definitions import check_items, check_type, listed
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._display import abbreviated as _abbreviated
from fulian_core._display import markdown_table as _markdown_table
from fulian_core._faults import Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.errors import ValidationError
from fulian_core.indicators.definitions import RatioIndicator
from fulian_core.indicators.rendering import render_percent, render_value
from fulian_core.indicators.rollup import RatioResult, RollupResult, RollupStatus, _approved, rollup, rollup_ratio
from fulian_core.indicators.values import Dataset
from fulian_core.orgs import Level
from fulian_core.periods import Period
from fulian_core.quantities import Quantity
from fulian_core.tabular import Record as _Record

__all__ = ["RollupTable", "rollup_table"]

_Cell = RollupResult | RatioResult


def _width(text: str) -> int:
    """Columns *text* takes in a terminal: CJK characters take two."""
    return sum(2 if unicodedata.east_asian_width(character) in "WF" else 1 for character in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def _cells(value: Iterable[Iterable[_Cell]]) -> tuple[tuple[_Cell, ...], ...]:
    rows = listed(value, "cells", "a list of rows of cells")
    return tuple(listed(row, f"cells[{index}]", "a row of cells") for index, row in enumerate(rows))


def _units(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "units", "a list of unit codes")


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "names", "a list of unit names")


def _indicators(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "indicators", "a list of indicator codes")


def _titles(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "titles", "a list of indicator titles")


def _percent(value: Iterable[bool]) -> tuple[bool, ...]:
    return listed(value, "percent", "a list of true or false, one per indicator")


@_exact_methods
@attrs.frozen(repr=False)
class RollupTable(_Displayed):
    """Indicators rolled up to units over one period (汇总表).

    ``cells[i][j]`` is unit ``units[i]``'s result for indicator ``indicators[j]``; ``names``
    and ``titles`` are what people read (the units' and indicators' names).
    """

    period: Period
    level: Level
    units: tuple[str, ...] = attrs.field(converter=_units)
    names: tuple[str, ...] = attrs.field(converter=_names)
    indicators: tuple[str, ...] = attrs.field(converter=_indicators)
    titles: tuple[str, ...] = attrs.field(converter=_titles)
    percent: tuple[bool, ...] = attrs.field(converter=_percent)
    cells: tuple[tuple[_Cell, ...], ...] = attrs.field(converter=_cells)

    def cell(self, unit: str, indicator: str) -> _Cell:
        """The result for *unit* and *indicator*."""
        if unit not in self.units:
            raise ValidationError.single("unit", f"one of the table's units {list(self.units)}", unit)
        if indicator not in self.indicators:
            raise ValidationError.single(
                "indicator", f"one of the table's indicators {list(self.indicators)}", indicator
            )
        return self.cells[self.units.index(unit)][self.indicators.index(indicator)]

    def value(self, unit: str, indicator: str) -> Quantity | Decimal | None:
        """The cell's value: a :class:`Quantity` for a count, a ``Decimal`` for a ratio, or
        ``None`` when it could not be rolled up."""
        return self.cell(unit, indicator).value

    def text(self, unit: str, indicator: str) -> str:
        """The cell as a report writes it: ``230余场次``, ``90%``; a value some units did not
        report carries its coverage (``230余场次（2/3）``, and a ratio the coverage of the part
        that is incomplete); a ratio of inexact parts is ``约…``; no value is ``—``."""
        result = self.cell(unit, indicator)
        return self._text(result, self.percent[self.indicators.index(indicator)])

    @staticmethod
    def _text(result: _Cell, percent: bool) -> str:
        if isinstance(result, RatioResult):
            if result.value is None:
                return "—"
            text = render_percent(result.value) if percent else format(result.value, "f")
            partial = next(
                (side.coverage for side in (result.numerator, result.denominator) if not side.coverage.complete), None
            )
            if partial is not None:
                return f"{text}（{partial}）"
            return text if result.exact else f"约{text}"
        if result.value is None:
            return "—"
        text = render_value(result.value)
        if result.status is RollupStatus.PARTIAL:
            text += f"（{result.coverage}）"
        return text

    def rows(self) -> list[dict[str, str]]:
        """One plain dict per unit, ``unit`` and ``name`` then each indicator's text, ready for
        a CSV writer or a DataFrame."""
        return [
            {"unit": code, "name": name, **dict(zip(self.indicators, self._texts(row), strict=True))}
            for code, name, row in zip(self.units, self.names, self.cells, strict=True)
        ]

    def _texts(self, row: tuple[_Cell, ...]) -> list[str]:
        """A row's cells as :meth:`text` writes them, read by position (no look-up per cell)."""
        return [self._text(result, percent) for result, percent in zip(row, self.percent, strict=True)]

    def records(self) -> list[_Record]:
        """One tidy row per cell (unit by indicator): the unit's code and name, the indicator's
        code and title (``unit_label``, ``indicator_label``), the cell's own row (its value as numbers, its
        coverage as counts, its status; see :meth:`RollupResult.records` and
        :meth:`RatioResult.records`) and, last, the ``text`` a report writes."""
        found: list[_Record] = []
        for code, name, row in zip(self.units, self.names, self.cells, strict=True):
            for indicator, title, cell, percent in zip(self.indicators, self.titles, row, self.percent, strict=True):
                numbers = cell.records()[0]
                numbers.pop("unit")
                numbers.pop("indicator")
                found.append(
                    {
                        "unit": code,
                        "unit_label": name,
                        "indicator": indicator,
                        "indicator_label": title,
                        **numbers,
                        "text": self._text(cell, percent),
                    }
                )
        return found

    def __repr__(self) -> str:
        return (
            f"<RollupTable {self.period.code} from {self.level.code}: {len(self.units)} units "
            f"{_abbreviated(self.units)} × {len(self.indicators)} indicators {_abbreviated(self.indicators)}>"
        )

    def _display(self) -> _Display:
        header, body = self._grid()
        return _Display.of(
            f"汇总表 {self.period.label}",
            (("汇总自", self.level.label), ("单位数", len(self.units)), ("指标数", len(self.indicators))),
            header,
            body,
            numeric=[False] + [True] * len(self.titles),
        )

    def _grid(self) -> tuple[list[str], list[list[str]]]:
        """The header (单位 and the indicators' names) and one row of texts per unit."""
        header = ["单位", *self.titles]
        body = [[name, *self._texts(row)] for name, row in zip(self.names, self.cells, strict=True)]
        return header, body

    def markdown(self) -> str:
        """The table in Markdown (a notebook's ``Markdown`` display, a docs page, a chat message)."""
        header, body = self._grid()
        return "\n".join(_markdown_table(header, body, [False] + [True] * len(self.titles)))

    def render(self) -> str:
        """The table as aligned text, one line per unit, headed by the indicators' names."""
        header, body = self._grid()
        widths = [max(_width(row[column]) for row in [header, *body]) for column in range(len(header))]
        lines = [
            "  ".join(_pad(text, width) for text, width in zip(row, widths, strict=True)).rstrip()
            for row in [header, *body]
        ]
        return "\n".join(lines)


@_exact
def rollup_table(
    dataset: Dataset,
    indicators: Sequence[str],
    units: Sequence[str],
    period: Period,
    *,
    level: Level,
    approved: Iterable[str] | None = None,
) -> RollupTable:
    """Roll every indicator up to every unit from the units at *level* below it (汇总表).

    Counts use :func:`~fulian_core.indicators.rollup`, ratios
    :func:`~fulian_core.indicators.rollup_ratio` (recomputed from the summed parts). Unknown
    indicators or units, repeats, an empty list, or a unit below *level* are refused with every
    fault's path. *approved* counts only those units' values, as in
    :func:`~fulian_core.indicators.rollup`, and every cell's coverage says so.
    """
    check_type(dataset, Dataset, "dataset")
    indicators = check_items(indicators, str, "indicators", "a list of indicator codes")  # type: ignore[assignment]
    units = check_items(units, str, "units", "a list of unit codes")  # type: ignore[assignment]
    check_type(period, Period, "period")
    check_type(level, Level, "level")
    faults = Faults()
    faults.check(bool(indicators), "indicators", "at least one indicator code", [])
    faults.check(bool(units), "units", "at least one unit code", [])
    known = dataset.indicators.by_code
    # Sets of what was listed before keep the checks linear in a long list of units.
    seen: set[str] = set()
    for index, code in enumerate(indicators):
        faults.check(code in known, f"indicators[{index}]", "an indicator of the dataset's set", code)
        faults.check(code not in seen, f"indicators[{index}]", "an indicator not listed before", code)
        seen.add(code)
    seen = set()
    for index, code in enumerate(units):
        if faults.check(code in dataset.tree, f"units[{index}]", "a unit of the dataset's hierarchy", code):
            unit = dataset.tree.unit(code)
            faults.check(
                unit.level.rank <= level.rank,
                f"units[{index}]",
                f"a unit at or above the level rolled up from ({level.label})",
                f"{code} ({unit.level.label})",
            )
        faults.check(code not in seen, f"units[{index}]", "a unit not listed before", code)
        seen.add(code)
    faults.raise_if_any()
    only = _approved(approved)
    definitions = [dataset.indicators.get(code) for code in indicators]
    cells = tuple(
        tuple(
            rollup_ratio(dataset, definition.code, unit, period, level=level, approved=only)
            if isinstance(definition, RatioIndicator)
            else rollup(dataset, definition.code, unit, period, level=level, approved=only)
            for definition in definitions
        )
        for unit in units
    )
    return RollupTable(
        period=period,
        level=level,
        units=tuple(units),
        names=tuple(dataset.tree.unit(code).name for code in units),
        indicators=tuple(indicators),
        titles=tuple(definition.name for definition in definitions),
        percent=tuple(
            isinstance(definition, RatioIndicator) and definition.factor == 100 for definition in definitions
        ),
        cells=cells,
    )
