"""Tidy records for pandas (整齐数据): results as rows of plain numbers, codes and labels.

Every result a planner computes on (score cards, evaluations, rollup results and tables,
tallies, campaign statistics, credit standings, datasets) has a ``records()`` method giving
one plain ``dict`` per row: numbers as ``int`` or ``Decimal`` (never display text such as
``'620户'``), dates as ``datetime.date``, a code beside its Chinese label (``status`` and
``status_label``), and ``None`` where there is no value. :func:`records` reads them from one
value or from many; :func:`to_frame` turns them into a ``pandas.DataFrame`` (install
``fulian_core[pandas]``).
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Protocol, TypeAlias, runtime_checkable

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults as _Faults
from fulian_core.errors import ValidationError
from fulian_core.periods import Period
from fulian_core.quantities import Quantity

if typing.TYPE_CHECKING:
    import pandas as pd

__all__ = ["Cell", "Record", "Tabular", "records", "to_frame"]

Cell: TypeAlias = int | Decimal | str | dt.date | bool | None
"""What a record holds (单元格): a whole number, a ``Decimal``, a code or a label, a date, a
flag, or ``None``."""

Record: TypeAlias = dict[str, Cell]
"""One row (记录): column names to plain cells."""

_CELL_TYPES = (int, Decimal, str, dt.date, type(None))


@runtime_checkable
class Tabular(Protocol):
    """A value that gives tidy rows (可制表): ``records()`` returns one plain dict per row."""

    def records(self) -> list[Record]:
        """One plain dict per row."""
        ...  # pragma: no cover


def _coded(name: str, member: CodedEnum | None) -> Record:
    """An enum member as two cells: ``{name: code, name_label: label}`` (``None`` for both when absent)."""
    if member is None:
        return {name: None, f"{name}_label": None}
    return {name: member.code, f"{name}_label": member.label}


def _period_cells(period: Period, name: str = "period") -> Record:
    """A period as its code, its label and its first and last days: ``period``,
    ``period_label``, ``period_start``, ``period_end``."""
    return {name: period.code, f"{name}_label": period.label, f"{name}_start": period.start, f"{name}_end": period.end}


def _quantity_cells(quantity: Quantity | None, name: str = "value") -> Record:
    """A reported figure as numbers: the value (``None`` when unknown), its bounds (``_low`` and
    ``_high``, ``None`` when open-ended), its unit of measure (``_unit``: ``household`` and
    ``_unit_label``: 户) and its qualifier (``_qualifier``: ``more_than`` and ``_qualifier_label``)."""
    if quantity is None:
        return {
            name: None,
            f"{name}_low": None,
            f"{name}_high": None,
            **_coded(f"{name}_unit", None),
            **_coded(f"{name}_qualifier", None),
        }
    return {
        name: quantity.value,
        f"{name}_low": quantity.bounds.low,
        f"{name}_high": quantity.bounds.high,
        **_coded(f"{name}_unit", quantity.unit),
        **_coded(f"{name}_qualifier", quantity.qualifier),
    }


def _checked(rows: Sequence[Mapping[str, object]], path: str, faults: _Faults) -> list[Record]:
    found: list[Record] = []
    for index, row in enumerate(rows):
        if not faults.check(isinstance(row, Mapping), f"{path}[{index}]", "a record (a mapping)", row):
            continue
        for column, cell in row.items():
            faults.check(
                isinstance(column, str), f"{path}[{index}]", "column names that are text", type(column).__name__
            )
            faults.check(
                isinstance(cell, _CELL_TYPES) and not isinstance(cell, dt.datetime),
                f"{path}[{index}].{column}",
                "a plain cell (int, Decimal, text, date, true or false, or None)",
                type(cell).__name__,
            )
        found.append(dict(row))  # type: ignore[arg-type]
    return found


def records(value: Tabular | Iterable[Tabular] | Iterable[Mapping[str, Cell]]) -> list[Record]:
    """The tidy rows of a value, of many values (their rows one after the other), or plain
    records checked as they are. Anything else, or a cell that is not plain, is refused with
    its path."""
    if isinstance(value, Tabular):
        rows: list[Mapping[str, object]] = list(value.records())
        path = "records"
    elif isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        raise ValidationError.single("value", "a value with records(), a list of them, or a list of records", value)
    else:
        rows = []
        for index, item in enumerate(value):
            if isinstance(item, Tabular):
                rows.extend(item.records())
            elif isinstance(item, Mapping):
                rows.append(item)
            else:
                raise ValidationError.single(f"value[{index}]", "a value with records() or a record", item)
        path = "value"
    faults = _Faults()
    found = _checked(rows, path, faults)
    faults.raise_if_any()
    return found


def _is_label(name: str, columns: Sequence[str]) -> bool:
    return name.endswith("_label") or f"{name}_label" in columns


def to_frame(
    value: Tabular | Iterable[Tabular] | Iterable[Mapping[str, Cell]], *, floats: bool = False
) -> pd.DataFrame:
    """The records of *value* (see :func:`records`) as a ``pandas.DataFrame`` (needs
    ``fulian_core[pandas]``).

    Dtypes: whole numbers ``Int64`` (nullable), flags ``boolean``, dates ``datetime64``, a code
    that has a label beside it and the label ``category``, other text ``object``. ``Decimal``
    columns stay ``Decimal`` (``object``) so that money is never rounded to binary, unless
    *floats* asks for ``Float64`` to plot or fit with.
    """
    rows = records(value)
    try:
        import pandas as pd  # noqa: PLC0415 - optional: only this function needs it
    except ImportError as error:  # pragma: no cover - the test environment has pandas
        raise ImportError(
            "fulian_core.tabular.to_frame needs pandas: install the extra, pip install 'fulian_core[pandas]'"
        ) from error
    columns: list[str] = []
    for row in rows:
        columns.extend(column for column in row if column not in columns)
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in columns:
        cells = [row.get(column) for row in rows]
        present = [cell for cell in cells if cell is not None]
        if not present:
            frame[column] = pd.Series(cells, dtype=object)  # pandas would have guessed float NaN
            continue
        # Built from the cells themselves, not from the frame's column: pandas would have gone
        # through float (NaN for None) on the way, and lost whole numbers past 2**53.
        if all(isinstance(cell, bool) for cell in present):
            frame[column] = pd.array(cells, dtype="boolean")
        elif all(isinstance(cell, int) and not isinstance(cell, bool) for cell in present):
            frame[column] = pd.array(cells, dtype="Int64")
        elif all(isinstance(cell, (Decimal, int)) and not isinstance(cell, bool) for cell in present):
            if floats:
                numbers = [None if cell is None else float(cell) for cell in cells]  # type: ignore[arg-type]
                frame[column] = pd.array(numbers, dtype="Float64")
            else:
                frame[column] = pd.Series(cells, dtype=object)
        elif all(isinstance(cell, dt.date) for cell in present):
            # Nanoseconds on every pandas: pandas 3 would infer seconds from dates.
            frame[column] = pd.to_datetime(pd.Series(cells, dtype=object)).astype("datetime64[ns]")
        elif all(isinstance(cell, str) for cell in present) and _is_label(column, columns):
            frame[column] = pd.Series(cells, dtype=object).astype("category")
        else:
            frame[column] = pd.Series(cells, dtype=object)  # object on every pandas (3 infers str)
    return frame
