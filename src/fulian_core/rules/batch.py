"""Scoring columns at once (批量评分): a compiled sheet scores whole columns of item levels
with numpy, and sends the rows it cannot read to the per-object path.

Why a second way in: a county scores millions of inspections held as a table, one column per
item. The per-object plan reads one mapping of facts at a time; here every item's column is
looked up in a table of points compiled from the same :class:`~fulian_core.rules.SheetPlan`
(its scaled whole numbers, its groups, bands and overrides), summed in place on whole-number
arrays and banded, without a Decimal until the edge. A row with anything unusual (a missing,
unknown or not-applicable fact, a level off the item's scale, an item that does not apply to
the subjects) is only *marked* (``needs_object_path``); :func:`complete_scores` scores those rows
one by one through :meth:`~fulian_core.rules.SheetPlan.standing`, so the batch answer is
always the per-object answer.

A column holds one whole number per row, the item's *level*:

- a scored or bonus item with ratings: the rating's position on the item's scale (0 first);
- a scored or bonus item that counts occurrences, and a deduction item: the count found;
- any other scored or bonus item: the whole points given (its full points when met);
- a requirement, condition or override: 1 when it holds (for an override: it fired), else 0;
- :data:`MISSING_LEVEL` (no fact), :data:`UNKNOWN_LEVEL`, :data:`NOT_APPLICABLE_LEVEL`, or
  :data:`OTHER_LEVEL` (a fact the columns cannot carry: give the row's facts).

Needs numpy: ``pip install "fulian_core[batch]"``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import typing
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final, NamedTuple, TypeAlias

import attrs

from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import load_numpy as _numpy
from fulian_core.errors import Fault, ValidationError
from fulian_core.rules import _program
from fulian_core.rules.evaluation import Grade, Standing
from fulian_core.rules.facts import MAX_COUNT as _MAX_COUNT
from fulian_core.rules.facts import Fact, FactKind, SubjectKind
from fulian_core.rules.plan import SheetPlan
from fulian_core.rules.sheet import ItemKind, OverrideEffect, PrerequisiteKind
from fulian_core.rules.thresholds import Boundary, Threshold

if typing.TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    _Whole: TypeAlias = NDArray[np.signedinteger[Any]]
    _Bands: TypeAlias = NDArray[np.int8]
    _Mask: TypeAlias = NDArray[np.bool_]
else:  # numpy is optional: where nothing checks types, the arrays' annotations read as object
    _Whole = _Bands = _Mask = object

__all__ = [
    "MISSING_LEVEL",
    "NOT_APPLICABLE_LEVEL",
    "OTHER_LEVEL",
    "UNKNOWN_LEVEL",
    "BatchScores",
    "complete_scores",
    "fact_columns",
    "row_facts",
    "score_columns",
]

MISSING_LEVEL: Final = -1
"""The level of an item nobody gave a fact for (缺项)."""
UNKNOWN_LEVEL: Final = -2
"""The level of an item not known yet (待核实)."""
NOT_APPLICABLE_LEVEL: Final = -3
"""The level of an item that does not apply (不适用)."""
OTHER_LEVEL: Final = -4
"""The level of a fact the columns cannot carry (finer points, a measured figure): the row's
facts must be given to :func:`complete_scores`."""

_FEW_RISES: Final = 4
"""A table that changes at most this often is added as one comparison per change: numpy's
``take`` widens every level to an index first, a pass several times slower."""
_SPECIAL: Final = {MISSING_LEVEL: None, UNKNOWN_LEVEL: FactKind.UNKNOWN, NOT_APPLICABLE_LEVEL: FactKind.NOT_APPLICABLE}
_EARNING: Final = (ItemKind.SCORED, ItemKind.BONUS)


# -- the result -----------------------------------------------------------------------------


class BatchScores(NamedTuple):
    """Totals and bands of many rows at once (批量评分结果), the batch path's short answer as
    :class:`~fulian_core.rules.Standing` is the per-object one: made by :func:`score_columns`.

    ``totals`` and ``best_totals`` are whole-number arrays in units of ``1 / scale`` points;
    ``bands`` and ``best_bands`` index ``grades`` (0 is the best band); rows marked in
    ``needs_object_path`` hold nothing yet (zero, the lowest band) until :func:`complete_scores`.
    """

    totals: _Whole
    best_totals: _Whole
    bands: _Bands
    best_bands: _Bands
    needs_object_path: _Mask
    scale: int
    grades: tuple[Grade, ...]

    @property
    def rows(self) -> int:
        """How many rows were scored."""
        return len(self.totals)

    @property
    def codes(self) -> tuple[str, ...]:
        """The band codes ``bands`` index, best first."""
        return tuple(grade.code for grade in self.grades)

    def standing(self, row: int) -> Standing:
        """Row *row* as the per-object path says it (the Decimals made here, at the edge)."""
        if not isinstance(row, int) or isinstance(row, bool) or not 0 <= row < self.rows:
            raise ValidationError.single("row", _row_numbers(self.rows), row)
        if self.needs_object_path[row]:
            raise ValidationError.single("row", "a row the batch path scored (complete the others first)", row)
        scale = Decimal(self.scale)
        return Standing(
            _WIDE.divide(Decimal(int(self.totals[row])), scale),
            _WIDE.divide(Decimal(int(self.best_totals[row])), scale),
            self.grades[int(self.bands[row])],
            self.grades[int(self.best_bands[row])],
        )


def _row_numbers(rows: int) -> str:
    return f"a row number from 0 to {rows - 1}" if rows else "a row number (there are no rows)"


# -- compiling -------------------------------------------------------------------------------


@attrs.frozen
class _Column:
    """One item as the batch path reads it."""

    slot: _program.ItemSlot
    mode: str  # "rating", "count", "points", "statement"
    limit: int  # the highest level allowed
    table: Any  # scaled points by level (levels past its end read its last entry)
    valid: Any  # None, or which levels up to the limit are readable
    target: int  # the accumulator: a group number, or -1 for the bonus
    straight: int  # the table is first + slope × level up to this level (-1: nowhere)
    first: int
    slope: int
    clipped: tuple[int, int] | None  # the table is first + slope × level held between these, everywhere
    rises: tuple[tuple[int, int], ...]  # (level, rise) at each level where the table changes


@attrs.frozen
class _Batch:
    """A sheet compiled for columns: per-item tables, kept groups and the band rules."""

    plan: SheetPlan
    columns: tuple[_Column, ...]
    kept: frozenset[int]
    children: Mapping[int, tuple[int, ...]]
    met: frozenset[int]
    dtype: Any
    ambiguous: bool
    requirements: bool
    overrides: bool


def _mode(slot: _program.ItemSlot) -> str:
    item = slot.item
    if item.kind in _EARNING:
        if item.ratings:
            return "rating"
        return "count" if item.per_occurrence else "points"
    return "count" if item.kind is ItemKind.DEDUCTION else "statement"


def _column(np: Any, slot: _program.ItemSlot, scale: int, target: int, dtype: Any) -> _Column:
    item, mode = slot.item, _mode(slot)
    valid = None
    if mode == "rating":
        values = [slot.ratings[rating.name] for rating in item.ratings]
        limit = len(values) - 1
    elif mode == "count" and item.kind is ItemKind.DEDUCTION:
        # Past this count the deduction stops (扣完为止 / 最多扣): the table's last entry.
        steps = math.ceil((slot.maximum - slot.worst) / slot.per_occurrence)
        values = [max(slot.maximum - slot.per_occurrence * count, slot.worst) for count in range(steps + 1)]
        limit = _MAX_COUNT
    elif mode == "count":
        steps = math.ceil(slot.maximum / slot.per_occurrence)
        values = [min(slot.per_occurrence * count, slot.maximum) for count in range(steps + 1)]
        limit = _MAX_COUNT
    elif mode == "points":
        weight = item.weight * scale
        products = [Decimal(points) * weight for points in range(int(item.points) + 1)]
        readable = [p == p.to_integral_value() and p <= slot.maximum for p in products]
        values = [int(p) if ok else 0 for p, ok in zip(products, readable, strict=True)]
        limit = len(values) - 1
        if not all(readable):
            valid = np.array(readable, dtype=bool)
    else:
        values = [0, 1]
        limit = 1
    # Where the table is a straight line (points given, a deduction before it stops), the
    # column is added in one pass instead of looked up.
    first, slope = values[0], (values[1] - values[0]) if len(values) > 1 else 0
    straight = -1
    if mode != "rating" and valid is None:
        straight = 0
        while straight + 1 < len(values) and values[straight + 1] == first + slope * (straight + 1):
            straight += 1
    rises = tuple(
        (level, values[level] - values[level - 1])
        for level in range(1, len(values))
        if values[level] != values[level - 1]
    )
    return _Column(
        slot,
        mode,
        limit,
        np.array(values, dtype=dtype),
        valid,
        target,
        straight,
        first,
        slope,
        _clipped(values, first, slope),
        rises,
    )


def _clipped(values: list[int], first: int, slope: int) -> tuple[int, int] | None:
    """The least and greatest entries of *values* when every level reads the table as the
    line first + slope × level held between them (a count or deduction that stops), else None."""
    if not slope:
        return None
    low, high = min(values), max(values)

    def line(level: int) -> int:
        return min(max(first + slope * level, low), high)

    # Levels past the end read the last entry: the line must stay there, held at a bound.
    if all(line(level) == value for level, value in enumerate(values)) and line(len(values)) == values[-1]:
        return low, high
    return None


@functools.lru_cache(maxsize=64)
def _compiled(plan: SheetPlan) -> _Batch:
    np = _numpy()
    program = plan._program
    layout = program.layout
    sheet = layout.sheet
    kept, sink = _program.kept_groups(layout, record=False)
    # The largest magnitude a sum can reach decides the width of the arrays.
    bound = sum(max(abs(slot.maximum), abs(slot.worst)) for slot in layout.items)
    bound = (bound + sum(slot.pool for slot in layout.groups) + layout.bonus_room) * layout.up
    dtype = np.int16 if bound < 2**14 else np.int32 if bound < 2**30 else np.int64
    columns = tuple(
        _column(np, slot, layout.scale, -1 if slot.item.kind is ItemKind.BONUS else sink[slot.group], dtype)
        for slot in layout.items
    )
    children = {
        slot.number: tuple(
            c.number for c in layout.groups if c.number in kept and c.parent >= 0 and sink[c.parent] == slot.number
        )
        for slot in layout.groups
        if slot.number in kept
    }
    met_codes = {p.target for band in sheet.bands for p in band.requires if p.kind is PrerequisiteKind.ITEM_MET}
    met = frozenset(slot.number for slot in layout.items if slot.item.code in met_codes)
    return _Batch(
        plan,
        columns,
        frozenset(kept),
        children,
        met,
        dtype,
        _program.ambiguous(sheet),
        bool(sheet.of_kind(ItemKind.REQUIREMENT)),
        bool(sheet.of_kind(ItemKind.OVERRIDE)),
    )


# -- reading columns -------------------------------------------------------------------------


def _read(np: Any, plan: SheetPlan, columns: object, names: Mapping[str, str] | None) -> list[Any]:
    """The item columns as one-dimensional whole-number arrays of one length, in item order."""
    if names is not None and not isinstance(names, Mapping):
        raise ValidationError.single("names", "a mapping of item codes to column names", names)
    if not hasattr(columns, "__getitem__"):
        raise ValidationError.single("columns", "a mapping of item codes to columns, or a table", columns)
    arrays: list[Any] = []
    problems: list[tuple[str, str, object]] = []
    length: int | None = None
    for item in plan.sheet.items:
        name = names.get(item.code, item.code) if names is not None else item.code
        path = f"columns[{name!r}]"
        try:
            column = columns[name]
        except (KeyError, IndexError, TypeError, ValueError):
            problems.append((path, f"a column of levels for item {item.code}", None))
            continue
        array = np.asarray(column)
        if array.ndim != 1 or array.dtype.kind not in "iu":
            problems.append((path, "a one-dimensional column of whole numbers", f"{array.dtype} × {array.shape}"))
            continue
        if length is None:
            length = len(array)
        elif len(array) != length:
            problems.append((path, f"{length} rows, as the first column", len(array)))
            continue
        # The scorer reads the bytes of a signed level as unsigned: in the machine's own order.
        arrays.append(array if array.dtype.isnative else array.astype(array.dtype.newbyteorder("=")))
    if problems:
        raise ValidationError([Fault(*problem) for problem in problems])
    return arrays


def _unsigned(np: Any, array: Any) -> Any:
    """The same bytes read as unsigned: a negative level becomes a level past every limit."""
    if array.dtype.kind == "u":
        return array
    return array.view(np.dtype(f"u{array.dtype.itemsize}"))


def _indices(np: Any, levels: Any, size: int) -> Any:
    """*levels* as indices every supported numpy takes: numpy 1.26 refuses uint64 indices (it
    cannot cast them to intp safely), so those are clipped to the table first, as ``take``'s
    ``clip`` mode would, and read as intp."""
    if levels.dtype != np.uint64:
        return levels
    return np.minimum(levels, size - 1).astype(np.intp)


# -- scoring ---------------------------------------------------------------------------------


def score_columns(
    plan: SheetPlan,
    columns: object,
    *,
    on: dt.date,
    kind: SubjectKind | None = None,
    names: Mapping[str, str] | None = None,
) -> BatchScores:
    """Score every row of *columns* on *on* (批量评分): a mapping of item codes to arrays of
    levels, or a table (pandas, Arrow) whose columns *names* maps item codes to.

    Rows the columns cannot decide are marked in ``needs_object_path``; :func:`complete_scores` scores
    them. The sheet must be in force on *on* and judge *kind* of subjects.
    """
    if not isinstance(plan, SheetPlan):
        raise ValidationError.single("plan", "a SheetPlan (compile_sheet)", plan)
    if type(on) is not dt.date:
        raise ValidationError.single("on", "a date", on)
    plan.sheet.check_in_force(on)
    kind = plan._subject_kind(kind, "kind")
    np = _numpy()
    batch = _compiled(plan)
    arrays = _read(np, plan, columns, names)
    return _run(np, batch, arrays, kind)


def _run(np: Any, batch: _Batch, arrays: list[Any], kind: SubjectKind) -> BatchScores:  # noqa: PLR0912, PLR0915 - one pass per part of the sheet, in order
    program = batch.plan._program
    layout = program.layout
    sheet = layout.sheet
    rows = len(arrays[0]) if arrays else 0
    dtype = np.dtype(batch.dtype)
    mask = np.zeros(rows, dtype=bool)
    if any(item.applies_to and kind not in item.applies_to for item in sheet.items):
        # An item that does not apply changes what the sheet's points are out of: the
        # per-object path scales; every row goes there.
        mask[:] = True
        return _empty(np, program, rows, mask)
    sums = {number: np.zeros(rows, dtype=dtype) for number in batch.kept}
    bonus = np.zeros(rows, dtype=dtype)
    buffer = np.empty(rows, dtype=dtype)
    scratch = np.empty(rows, dtype=bool)
    met: dict[int, Any] = {}
    constants: dict[int, int] = {}  # what the columns add to every row, by accumulator, added once
    failed = np.zeros(rows, dtype=np.int16) if batch.requirements else None
    fired_set = fired_cap = None
    for column, array in zip(batch.columns, arrays, strict=True):
        levels = _unsigned(np, array)
        # Read unsigned, a negative level lies past every level a signed column can hold.
        limit = column.limit if array.dtype.kind == "u" else min(column.limit, 2 ** (8 * array.dtype.itemsize - 1) - 1)
        top = int(levels.max()) if rows else 0
        if top > limit:
            mask |= levels > limit
        if column.valid is not None:
            mask |= ~np.take(column.valid, _indices(np, levels, len(column.valid)), mode="clip")
        number = column.slot.number
        if column.mode == "statement":
            holds = levels == 1
            item = column.slot.item
            if item.kind is ItemKind.REQUIREMENT:
                assert failed is not None  # noqa: S101 - a sheet with requirements has the array
                failed += ~holds
            elif item.kind is ItemKind.OVERRIDE:
                if item.effect is OverrideEffect.SET:
                    fired_set = _fire(np, fired_set, holds, column.slot.target)
                else:
                    fired_cap = _fire(np, fired_cap, holds, column.slot.target)
            if number in batch.met:
                met[number] = ~holds if item.kind is ItemKind.OVERRIDE else holds
            continue
        into = bonus if column.target < 0 else sums[column.target]
        if number in batch.met:
            np.take(column.table, _indices(np, levels, len(column.table)), out=buffer, mode="clip")
            np.add(into, buffer, out=into)
            met[number] = buffer == column.slot.maximum
            continue
        added = _add_points(np, column, array, top, into=into, scratch=(buffer, scratch))
        constants[column.target] = constants.get(column.target, 0) + added
    subtotals: dict[int, Any] = {}
    for group in layout.groups:
        j = group.number
        if j not in batch.kept:
            continue
        value = sums[j]
        for child in batch.children[j]:
            value += subtotals[child]
        if group.pool + constants.get(j, 0):
            value += group.pool + constants.get(j, 0)
        if group.clamped:
            np.clip(value, 0, group.maximum, out=value)
        subtotals[j] = value
    total = subtotals[0]
    room = layout.bonus_room
    if layout.bonus_cap is not None and room > layout.bonus_cap:
        room = layout.bonus_cap
    if constants.get(-1, 0):
        bonus += constants[-1]
    if room:
        np.minimum(bonus, room, out=bonus)
        total += bonus
    if layout.up > 1:
        total *= layout.up
    root = layout.groups[-1].maximum
    applicable = root * layout.up if root > 0 else 0
    maxima = {group.number: group.maximum for group in layout.groups}
    read = _Sums(rows, total, subtotals, met, failed, applicable, maxima)
    worst = _bands(np, batch, read, worst=True)
    best = _bands(np, batch, read, worst=False) if batch.ambiguous else worst.copy()
    if batch.overrides:
        lowest = next((index for index, band in enumerate(sheet.bands) if not band.passing), layout.floor)
        for band in (worst, best):
            if fired_set is not None:
                _put(np, band, fired_set > 0, fired_set - 1)
            if fired_cap is not None:
                np.maximum(band, fired_cap - 1, out=band, casting="unsafe")
            if failed is not None:
                _put(np, band, (failed > 0) & (band < lowest), lowest)
    if mask.any():
        total[mask] = 0
        worst[mask] = layout.floor
        best[mask] = layout.floor
    return BatchScores(total, total, worst, best, mask, layout.total_scale, program.grades)


def _add_points(np: Any, column: _Column, array: Any, top: int, *, into: Any, scratch: tuple[Any, Any]) -> int:
    """Add the points of *column*'s levels *array* (the greatest read unsigned: *top*) to
    *into*, less a constant it returns for the caller to add once; *scratch* is an array of
    *into*'s type and a boolean one, both as long."""
    buffer, flags = scratch
    levels = _unsigned(np, array)
    if top <= column.straight:
        # Every level here is from 0 to the top: the column as given holds them exactly.
        _add_times(np, into, array, column.slope, buffer)
        return column.first
    if column.clipped is not None and abs(column.slope) * top <= np.iinfo(into.dtype).max:
        # No level is too large for the line: the products are exact in *into*'s type.
        low, high = column.clipped
        np.multiply(levels, column.slope, out=buffer, dtype=into.dtype, casting="unsafe")
        np.clip(buffer, low - column.first, high - column.first, out=buffer)
        np.add(into, buffer, out=into)
        return column.first
    if len(column.rises) <= _FEW_RISES:
        # The table's first entry, and each rise where a level reaches it (levels past the
        # table's end read its last entry, as ``take`` clips them).
        for level, rise in column.rises:
            np.greater_equal(levels, level, out=flags)
            _add_times(np, into, flags, rise, buffer)
        return column.first
    np.take(column.table, _indices(np, levels, len(column.table)), out=buffer, mode="clip")
    np.add(into, buffer, out=into)
    return 0


def _add_times(np: Any, into: Any, values: Any, factor: int, buffer: Any) -> None:
    """``into += factor * values`` in place, exact when the products fit *into*'s type
    (*buffer*: scratch of that type)."""
    if factor == 1:
        np.add(into, values, out=into, casting="unsafe")
    elif factor == -1:
        np.subtract(into, values, out=into, casting="unsafe")
    elif factor:
        np.multiply(values, factor, out=buffer, dtype=into.dtype, casting="unsafe")
        np.add(into, buffer, out=into)


def _fire(np: Any, fired: Any, holds: Any, target: int) -> Any:
    """*fired* (None before the first override) with the overrides in *holds* to band
    *target*: each row's greatest band fired, plus one (0: none fired), in the bands' int8
    (a sheet has at most 50 bands)."""
    these = np.multiply(holds.view(np.int8), target + 1, dtype=np.int8)
    if fired is None:
        return these
    np.maximum(fired, these, out=fired)
    return fired


def _put(np: Any, target: Any, where: Any, value: Any) -> None:
    """``np.putmask(target, where, value)`` as arithmetic: ``putmask`` and ``copyto`` branch
    on every row, several times slower where marked rows and others mix. *value* (a number,
    or an array as long) and *target* must differ by what *target*'s type holds."""
    change = np.subtract(value, target)
    change *= where
    np.add(target, change, out=target, casting="unsafe")


def _empty(np: Any, program: _program.Program, rows: int, mask: Any) -> BatchScores:
    floor = program.layout.floor
    totals = np.zeros(rows, dtype=np.int64)
    bands = np.full(rows, floor, dtype=np.int8)
    return BatchScores(totals, totals, bands, bands.copy(), mask, program.layout.total_scale, program.grades)


def _reaches(  # noqa: PLR0911 - one return per reading of a limit, as the compiled plan has
    value: Any, threshold: Threshold, scale: int, *, worst: bool, of: int, vacuous: bool = False
) -> Any:
    """*threshold* on the whole numbers *value* (in units of 1/*scale*), as the compiled plan
    reads it (``_program._threshold``); a share is of the constant *of* (everything applies)."""
    if threshold.value is None:
        return not worst
    if threshold.share:
        strict = threshold.boundary is Boundary.EXCLUSIVE or (threshold.boundary is Boundary.UNSTATED and worst)
        share = threshold.value
        if of == 0:
            return bool(vacuous)
        needed = Fraction(share.numerator * of, share.denominator)
        if strict:
            return value > math.floor(needed)
        return value >= math.ceil(needed)
    scaled = threshold.value * scale
    if scaled.denominator != 1:
        return value >= math.ceil(scaled)
    limit = scaled.numerator
    if threshold.boundary is Boundary.INCLUSIVE or (threshold.boundary is Boundary.UNSTATED and not worst):
        return value >= limit
    return value > limit


class _Sums(NamedTuple):
    """What the bands read: the totals, kept subtotals, items met, requirements failed."""

    rows: int
    total: Any
    subtotals: Mapping[int, Any]
    met: Mapping[int, Any]
    failed: Any
    applicable: int
    maxima: Mapping[int, int]


def _bands(np: Any, batch: _Batch, sums: _Sums, *, worst: bool) -> Any:
    rows, total, subtotals, met, failed, applicable, maxima = sums
    layout = batch.plan._program.layout
    sheet = layout.sheet
    groups = {slot.code: slot.number for slot in layout.groups}
    items = {slot.item.code: slot.number for slot in layout.items}
    found = np.full(rows, layout.floor, dtype=np.int8)
    for index in reversed(range(len(sheet.bands) - 1)):
        band = sheet.bands[index]
        condition: Any = True
        parts: list[Any] = []
        if band.minimum is not None:
            parts.append(_reaches(total, band.minimum, layout.total_scale, worst=worst, of=applicable))
        for prerequisite in band.requires:
            if prerequisite.kind is PrerequisiteKind.ITEM_MET:
                parts.append(met[items[prerequisite.target]])
                continue
            j = groups[prerequisite.target]
            if prerequisite.kind is PrerequisiteKind.FULL_MARKS:
                parts.append(subtotals[j] == maxima[j])
            else:
                assert prerequisite.minimum is not None  # noqa: S101 - checked by Prerequisite
                parts.append(
                    _reaches(subtotals[j], prerequisite.minimum, layout.scale, worst=worst, of=maxima[j], vacuous=True)
                )
        if band.passing and failed is not None:
            parts.append(failed == 0)
        for part in parts:
            if part is False:
                condition = False
                break
            if part is True:
                continue
            condition = part if condition is True else condition & part
        if condition is True:
            found.fill(index)
        elif condition is not False:
            _put(np, found, condition, index)
    return found


# -- the per-object path ---------------------------------------------------------------------


def _decode(column: _Column, level: int, path: str) -> Fact | None:  # noqa: PLR0911 - one return per kind of level
    special = _SPECIAL.get(level, 0)
    if special is None:
        return None
    if special == FactKind.UNKNOWN:
        return Fact.unknown()
    if special == FactKind.NOT_APPLICABLE:
        return Fact.not_applicable()
    item = column.slot.item
    if level < 0 or level > column.limit:
        what = "the row's facts (the level says the columns cannot carry them)" if level == OTHER_LEVEL else None
        raise ValidationError.single(
            path, what or f"a level from 0 to {column.limit}, or {MISSING_LEVEL} to {NOT_APPLICABLE_LEVEL}", level
        )
    if column.mode == "rating":
        return Fact.rated(item.ratings[level].name)
    if column.mode == "count":
        return Fact.found(level)
    if column.mode == "points":
        return Fact.scored(level)
    return Fact.met() if level == 1 else Fact.not_met()


def row_facts(plan: SheetPlan, columns: object, row: int, *, names: Mapping[str, str] | None = None) -> dict[str, Fact]:
    """The facts one row of *columns* stands for (按列还原事实), for the per-object path:
    refused for a row with :data:`OTHER_LEVEL` or a level off an item's scale."""
    if not isinstance(plan, SheetPlan):
        raise ValidationError.single("plan", "a SheetPlan (compile_sheet)", plan)
    np = _numpy()
    arrays = _read(np, plan, columns, names)
    rows = len(arrays[0]) if arrays else 0
    if not isinstance(row, int) or isinstance(row, bool) or not 0 <= row < rows:
        raise ValidationError.single("row", _row_numbers(rows), row)
    facts: dict[str, Fact] = {}
    for column, array in zip(_compiled(plan).columns, arrays, strict=True):
        code = column.slot.item.code
        name = names.get(code, code) if names is not None else code
        fact = _decode(column, int(array[row]), f"columns[{name!r}][{row}]")
        if fact is not None:
            facts[code] = fact
    return facts


def _encode(column: _Column, fact: Fact | None) -> int:  # noqa: PLR0911 - one return per kind of fact
    if fact is None:
        return MISSING_LEVEL
    kind = fact.kind
    if kind is FactKind.UNKNOWN:
        return UNKNOWN_LEVEL
    if kind is FactKind.NOT_APPLICABLE:
        return NOT_APPLICABLE_LEVEL
    mode, item = column.mode, column.slot.item
    if mode == "statement" and kind in (FactKind.MET, FactKind.NOT_MET):
        return 1 if kind is FactKind.MET else 0
    if mode == "count" and kind is FactKind.FOUND and fact.count is not None:
        return fact.count
    if mode == "rating" and kind is FactKind.RATED:
        names = [rating.name for rating in item.ratings]
        return names.index(fact.rating) if fact.rating in names else OTHER_LEVEL
    if mode == "points":
        points = {FactKind.MET: item.points, FactKind.NOT_MET: Decimal(0)}.get(kind, fact.points)
        if kind in (FactKind.MET, FactKind.NOT_MET, FactKind.SCORED) and points is not None:
            whole = int(points)
            if whole == points and 0 <= whole <= column.limit:
                return whole
    return OTHER_LEVEL


def fact_columns(plan: SheetPlan, rows: Sequence[Mapping[str, Fact]]) -> dict[str, _Whole]:
    """The columns of levels for *rows* of facts (事实转列), one per item: what
    :func:`score_columns` reads; a fact they cannot carry becomes :data:`OTHER_LEVEL`."""
    if not isinstance(plan, SheetPlan):
        raise ValidationError.single("plan", "a SheetPlan (compile_sheet)", plan)
    if not isinstance(rows, Sequence):
        raise ValidationError.single("rows", "a list of fact mappings", rows)
    np = _numpy()
    batch = _compiled(plan)
    columns: dict[str, Any] = {}
    for column in batch.columns:
        code = column.slot.item.code
        levels = [_encode(column, facts.get(code)) for facts in rows]
        columns[code] = np.array(levels, dtype=np.int64 if column.mode == "count" else np.int8)
    return columns


def complete_scores(
    plan: SheetPlan,
    scores: BatchScores,
    rows: Sequence[Mapping[str, Fact]] | Mapping[int, Mapping[str, Fact]],
    *,
    on: dt.date,
    kind: SubjectKind | None = None,
) -> BatchScores:
    """*scores* with every marked row scored through the per-object path (逐条补评) from
    ``rows[row]``, its facts (a list of every row's facts, or a mapping of the marked rows);
    nothing is marked in what it returns. Totals finer than ``scores.scale`` widen it."""
    if not isinstance(plan, SheetPlan):
        raise ValidationError.single("plan", "a SheetPlan (compile_sheet)", plan)
    if not isinstance(scores, BatchScores):
        raise ValidationError.single("scores", "BatchScores (score_columns)", scores)
    if not isinstance(rows, (Sequence, Mapping)):
        raise ValidationError.single("rows", "the facts of the marked rows, by row number", rows)
    np = _numpy()
    marked = [int(row) for row in np.flatnonzero(scores.needs_object_path)]
    found: dict[int, Standing] = {}
    for row in marked:
        try:
            facts = rows[row]
        except (KeyError, IndexError):
            raise ValidationError.single(f"rows[{row}]", "the facts of a row the batch path marked", None) from None
        try:
            found[row] = plan.standing(facts, on=on, kind=kind)
        except ValidationError as error:
            raise error.under(f"rows[{row}]") from None
    scale = scores.scale
    for standing in found.values():
        for value in (standing.total, standing.best_total):
            scale *= 10 ** _program.places_of(_WIDE.multiply(value, Decimal(scale)))
    widen = scale // scores.scale
    totals = scores.totals.astype(np.int64) * widen
    best_totals = scores.best_totals.astype(np.int64) * widen
    bands, best_bands = scores.bands.copy(), scores.best_bands.copy()
    floor = len(scores.grades) - 1
    for row, standing in found.items():
        totals[row] = int(_WIDE.multiply(standing.total, Decimal(scale)))
        best_totals[row] = int(_WIDE.multiply(standing.best_total, Decimal(scale)))
        bands[row] = floor - standing.band.rank
        best_bands[row] = floor - standing.best_band.rank
    return BatchScores(totals, best_totals, bands, best_bands, np.zeros(len(totals), dtype=bool), scale, scores.grades)
