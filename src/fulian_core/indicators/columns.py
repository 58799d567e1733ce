"""Tallying household columns at once (按列汇总): village and tier indices, money and sessions
as arrays, summed with numpy into the library's own :class:`~fulian_core.indicators.HouseholdTally`
and rolled up to every level of the hierarchy with coverage.

Why: a pandas groupby on millions of rows hashes every key; here the keys are already small
whole numbers (a village's position in ``units``, a band's position in ``tier_codes``, as
:func:`~fulian_core.rules.batch.score_columns` gives them), so a tally is a few ``bincount``
calls, and a rollup maps each village to its ancestor's index once and sums again. Sums stay
exact: money is counted in 分 (whole fen) and summed in 64-bit whole numbers while no total
can pass them, in Python's whole numbers past that.

Needs numpy: ``pip install "fulian_core[batch]"``.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections import Counter
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple, TypeAlias

from fulian_core._definitions import check_type
from fulian_core._numbers import load_numpy as _numpy
from fulian_core.errors import Fault, ValidationError
from fulian_core.indicators.rollup import Coverage
from fulian_core.indicators.scale import HouseholdTally, UnitTotals
from fulian_core.orgs import Level, OrgTree
from fulian_core.rules import RuleSheet, SubjectKind, compile_sheet
from fulian_core.rules import batch as _batch

if typing.TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    _Bands: TypeAlias = NDArray[np.int8]
else:  # numpy is optional: where nothing checks types, the arrays' annotations read as object
    _Bands = object

__all__ = ["LevelTotals", "rollup_columns", "scored_tiers", "tally_columns"]

_EXACT: Final = 2**63  # a sum of 64-bit whole numbers stays exact below it


class LevelTotals(NamedTuple):
    """One level's totals (逐级汇总结果): every unit's :class:`UnitTotals` and its coverage, the
    villages with records out of the villages in ``units`` under it (报送率)."""

    level: Level
    totals: Mapping[str, UnitTotals]
    coverage: Mapping[str, Coverage]


def _arrays(np: Any, named: Mapping[str, object]) -> list[Any]:
    faults: list[Fault] = []
    arrays: list[Any] = []
    length: int | None = None
    for name, value in named.items():
        array = np.asarray(value)
        if array.ndim != 1 or array.dtype.kind not in "iu":
            faults.append(Fault(name, "a one-dimensional column of whole numbers", f"{array.dtype} × {array.shape}"))
            continue
        if length is None:
            length = len(array)
        elif len(array) != length:
            faults.append(Fault(name, f"{length} rows, as villages", len(array)))
            continue
        arrays.append(array)
    if faults:
        raise ValidationError(faults)
    return arrays


def _within(np: Any, array: Any, count: int, path: str, what: str) -> None:
    if not len(array):
        return
    low, high = int(array.min()), int(array.max())
    if low < 0 or high >= count:
        row = int(np.flatnonzero((array < 0) | (array >= count))[0])
        raise ValidationError.single(f"{path}[{row}]", f"{what} from 0 to {count - 1}", int(array[row]))


def _sums(np: Any, keys: Any, values: Any, size: int) -> Any:
    """Exact sums of whole *values* by *keys*: in 64-bit whole numbers while no sum can pass
    them, else in Python's."""
    if not len(values):
        return np.zeros(size, dtype=np.int64)
    largest = max(abs(int(values.min())), abs(int(values.max())))
    if largest * len(values) < _EXACT:
        sums = np.zeros(size, dtype=np.int64)
        # Same types on both sides keep numpy's fast loop.
        np.add.at(sums, keys.astype(np.intp, copy=False), values.astype(np.int64, copy=False))
        return sums
    sums = np.zeros(size, dtype=object)
    np.add.at(sums, keys, values.astype(object))
    return sums


def _by_village(
    units: Sequence[str],
    villages: object,
    tiers: object,
    *,
    tier_codes: Sequence[str],
    money: object,
    sessions: object,
) -> tuple[Any, Any, Any, Any]:
    """Households by village and tier, money and sessions by village, as arrays."""
    np = _numpy()
    for name, value in (("units", units), ("tier_codes", tier_codes)):
        if isinstance(value, str) or not isinstance(value, Sequence) or not all(isinstance(v, str) for v in value):
            raise ValidationError.single(name, "a list of codes", value)
    village, tier, fen, joined = _arrays(
        np, {"villages": villages, "tiers": tiers, "money": money, "sessions": sessions}
    )
    _within(np, village, len(units), "villages", "an index into units")
    _within(np, tier, len(tier_codes), "tiers", "an index into tier_codes")
    size = len(units)
    village = village.astype(np.intp, copy=False)  # once: bincount and add.at index with it
    key = village * len(tier_codes)
    np.add(key, tier, out=key, casting="unsafe")
    counts = np.bincount(key, minlength=size * len(tier_codes))
    counts = counts.reshape(size, len(tier_codes))
    return counts, _sums(np, village, fen, size), _sums(np, village, joined, size), village


def _yuan(fen: object) -> Decimal:
    return Decimal(int(fen)).scaleb(-2)  # type: ignore[call-overload]


def tally_columns(
    units: Sequence[str],
    villages: object,
    tiers: object,
    *,
    tier_codes: Sequence[str],
    money: object,
    sessions: object,
) -> HouseholdTally:
    """The :class:`HouseholdTally` of household columns (按列统计): ``villages`` indexes
    *units*, ``tiers`` indexes *tier_codes* (band codes), ``money`` is in 分, ``sessions``
    whole; the same tally as :func:`~fulian_core.indicators.tally` of the records."""
    counts, fen, joined, _ = _by_village(units, villages, tiers, tier_codes=tier_codes, money=money, sessions=sessions)
    households = counts.sum(axis=1)
    present = [int(index) for index in households.nonzero()[0]]
    by_tier: Counter[tuple[str, str]] = Counter()
    for index in present:
        for position, count in enumerate(counts[index].tolist()):
            if count:
                by_tier[(units[index], tier_codes[position])] = count
    return HouseholdTally(
        by_tier,
        Counter({units[index]: _yuan(fen[index]) for index in present}),
        Counter({units[index]: int(joined[index]) for index in present}),
        Counter({units[index]: int(households[index]) for index in present}),
    )


def rollup_columns(
    tree: OrgTree,
    units: Sequence[str],
    villages: object,
    tiers: object,
    *,
    tier_codes: Sequence[str],
    money: object,
    sessions: object,
    levels: Sequence[Level],
) -> dict[Level, LevelTotals]:
    """Household columns rolled up to every unit at each of *levels* (逐级汇总), with coverage:
    a unit's totals equal :meth:`HouseholdTally.totals` of the same records, and its coverage
    counts its villages that have records out of its villages in *units*."""
    check_type(tree, OrgTree, "tree")
    if not isinstance(levels, Sequence) or not all(isinstance(v, Level) for v in levels):
        raise ValidationError.single("levels", "a list of Levels", levels)
    np = _numpy()
    counts, fen, joined, _ = _by_village(units, villages, tiers, tier_codes=tier_codes, money=money, sessions=sessions)
    households = counts.sum(axis=1)
    reporting = households > 0
    # Tiers in code order, as HouseholdTally.totals lists them: those any record has.
    used = sorted((code, position) for position, code in enumerate(tier_codes) if counts[:, position].any())
    chains = _chains(tree, units)
    result: dict[Level, LevelTotals] = {}
    for level in levels:
        ancestors: list[str] = []
        for code, chain in zip(units, chains, strict=True):
            ancestor = next((found for at, found in chain if at is level), None)
            if ancestor is None:
                raise ValidationError.single("levels", f"a level above {code}", level.code)
            ancestors.append(ancestor)
        names, key = np.unique(np.array(ancestors, dtype=object), return_inverse=True)
        size = len(names)
        rolled = [np.bincount(key, weights=counts[:, position], minlength=size) for _, position in used]
        fen_up = _sums(np, key, fen, size) if fen.dtype != object else _object_sums(np, key, fen, size)
        joined_up = _sums(np, key, joined, size) if joined.dtype != object else _object_sums(np, key, joined, size)
        homes = np.bincount(key, weights=households, minlength=size)
        reported = np.bincount(key, weights=reporting, minlength=size)
        expected = np.bincount(key, minlength=size)
        totals: dict[str, UnitTotals] = {}
        coverage: dict[str, Coverage] = {}
        for position, name in enumerate(names.tolist()):
            coverage[name] = Coverage(int(reported[position]), int(expected[position]))
            if not reported[position]:
                continue
            totals[name] = UnitTotals(
                name,
                int(homes[position]),
                _yuan(fen_up[position]),
                int(joined_up[position]),
                tuple((code, int(column[position])) for (code, _), column in zip(used, rolled, strict=True)),
                int(reported[position]),
            )
        result[level] = LevelTotals(level, totals, coverage)
    return result


def _chains(tree: OrgTree, units: Sequence[str]) -> list[tuple[tuple[Level, str], ...]]:
    """Each unit's chain, itself then its ancestors, as (level, code) pairs: what
    :meth:`OrgTree.ancestor_at` walks, one walk per unit for every level at once."""
    chains = []
    for code in units:
        unit = tree.unit(code)
        chains.append(((unit.level, unit.code), *((above.level, above.code) for above in tree.ancestors(code))))
    return chains


def _object_sums(np: Any, keys: Any, values: Any, size: int) -> Any:
    sums = np.zeros(size, dtype=object)
    np.add.at(sums, keys, values)
    return sums


def scored_tiers(
    sheet: RuleSheet, columns: Mapping[str, object], *, on: dt.date, kind: SubjectKind | None = None
) -> _Bands:
    """The band each row of item *columns* reaches on *on* (按列评定等级), as indices into the
    sheet's bands: scored by :func:`~fulian_core.rules.batch.score_columns`, the rows it marks
    completed from their own levels through the per-object path."""
    check_type(sheet, RuleSheet, "sheet")
    np = _numpy()
    plan = compile_sheet(sheet)
    scores = _batch.score_columns(plan, columns, on=on, kind=kind)
    marked = np.flatnonzero(scores.needs_object_path)
    if len(marked):
        rows = {int(row): _batch.row_facts(plan, columns, int(row)) for row in marked}
        scores = _batch.complete_scores(plan, scores, rows, on=on, kind=kind)
    return scores.bands
