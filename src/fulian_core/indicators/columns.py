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
from itertools import repeat
from typing import Any, Final, NamedTuple, TypeAlias

from fulian_core._definitions import check_type
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import load_numpy as _numpy
from fulian_core.errors import Fault, ValidationError
from fulian_core.indicators.rollup import _coverage_unchecked
from fulian_core.indicators.scale import HouseholdTally, LevelTotals, _unit_totals_unchecked
from fulian_core.orgs import Level, OrgTree
from fulian_core.quantities import MAX_VALUE as _MAX_VALUE
from fulian_core.rules import RuleSheet, SubjectKind, compile_sheet
from fulian_core.rules import batch as _batch

if typing.TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    _Bands: TypeAlias = NDArray[np.int8]
else:  # numpy is optional: where nothing checks types, the arrays' annotations read as object
    _Bands = object

__all__ = ["rollup_columns", "scored_tiers", "tally_columns"]

_EXACT: Final = 2**63  # a sum of 64-bit whole numbers stays exact below it
_MAX_FEN: Final = int(_MAX_VALUE) * 100  # no report counts 10^15 yuan
_MAX_COUNT: Final = int(_MAX_VALUE)  # nor 10^15 households or sessions


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
        if isinstance(value, str) or not isinstance(value, Sequence) or not all(map(isinstance, value, repeat(str))):
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


@_exact
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


@_exact
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

    def per_object() -> dict[Level, LevelTotals]:
        """Figures no report counts (below 0, or 10^15 or more): the per-object path, which
        refuses them in its words (and, were they valid after all, gives the same answer)."""
        tallied = tally_columns(units, villages, tiers, tier_codes=tier_codes, money=money, sessions=sessions)
        return tallied.rollup(tree, villages=units, levels=levels)

    if len(units) and (
        min(fen.min(), joined.min()) < 0 or fen.max() >= _MAX_FEN or max(joined.max(), households.max()) >= _MAX_COUNT
    ):
        return per_object()
    reporting = households > 0
    # Tiers in code order, as HouseholdTally.totals lists them: those any record has.
    used = sorted((code, position) for position, code in enumerate(tier_codes) if counts[:, position].any())
    used_codes = tuple(code for code, _ in used)
    by_tier = counts[:, [position for _, position in used]]
    # Every level's ancestors first, in one batch look-up each, so an unknown unit is refused
    # before any level is summed.
    ancestors = [tree.ancestors_at(units, level) for level in levels]
    if not levels:
        for code in units:
            tree.unit(code)  # refuses an unknown unit, as a rollup to any level would
    sums = _Villages(fen, joined, households, reporting, by_tier, used_codes)
    result: dict[Level, LevelTotals] = {}
    for level, found in zip(levels, ancestors, strict=True):
        try:
            codes = [unit.code for unit in found]  # type: ignore[union-attr]
        except AttributeError:  # None: a unit with no ancestor at this level
            raise ValidationError.single("levels", f"a level above {units[found.index(None)]}", level.code) from None
        names = sorted(set(codes))
        position = dict(zip(names, range(len(names)), strict=True))
        key = np.fromiter(map(position.__getitem__, codes), dtype=np.intp, count=len(codes))
        totals = _level_totals(np, level, names, key, sums)
        if totals is None:
            return per_object()
        result[level] = totals
    return result


class _Villages(NamedTuple):
    """The villages' sums, as arrays in the order of ``units``, that every level sums again."""

    fen: Any
    joined: Any
    households: Any
    reporting: Any
    by_tier: Any
    tier_codes: tuple[str, ...]


def _level_totals(np: Any, level: Level, names: list[str], key: Any, villages: _Villages) -> LevelTotals | None:
    """One level's totals and coverage: the villages' sums summed by *key*, their unit's
    position in *names*; the values built a column at a time, not a unit at a time. None when
    a unit's sum is one no report counts (10^15 or more)."""
    size = len(names)
    expected = np.bincount(key, minlength=size)
    reported = np.bincount(key[villages.reporting], minlength=size)
    # Coverage is a value: units with the same counts share one (most have one of a few).
    seen_of = list(zip(reported.tolist(), expected.tolist(), strict=True))
    shared = {pair: _coverage_unchecked(*pair, False) for pair in set(seen_of)}
    coverage = dict(zip(names, map(shared.__getitem__, seen_of), strict=True))
    reached = np.flatnonzero(reported)
    households = _sums(np, key, villages.households, size)[reached]
    fen_up = _sums_again(np, key, villages.fen, size)[reached]
    sessions = _sums_again(np, key, villages.joined, size)[reached]
    tiers = _sums_by_tier(np, key, villages.by_tier, size)[reached]
    # (tier, households) pairs, a tier's column at a time, then regrouped by unit.
    by_tier = list(
        zip(
            *(zip(repeat(code), column) for code, column in zip(villages.tier_codes, tiers.T.tolist(), strict=True)),
            strict=True,
        )
    )
    unit_names = [names[index] for index in reached.tolist()]
    money = list(map(Decimal.scaleb, map(Decimal, fen_up.tolist()), repeat(-2)))
    columns = (unit_names, households.tolist(), money, sessions.tolist(), by_tier, reported[reached].tolist())
    if len(reached) and (max(fen_up.tolist()) >= _MAX_FEN or max(sessions.max(), households.max()) >= _MAX_COUNT):
        return None  # a sum no report counts: the per-object path refuses it, in its words
    # Whole numbers from 0 below 10^15, the tiers a tuple of pairs: valid as built.
    built = map(_unit_totals_unchecked, *columns)
    return LevelTotals(level, dict(zip(unit_names, built, strict=True)), coverage)


def _sums_by_tier(np: Any, keys: Any, counts: Any, size: int) -> Any:
    """Households by unit and tier: the villages' counts (rows × tiers) summed by *keys*."""
    tiers = counts.shape[1]
    flat = (keys[:, None] * tiers + np.arange(tiers)).ravel()
    return np.bincount(flat, weights=counts.ravel(), minlength=size * tiers).astype(np.int64).reshape(size, tiers)


def _sums_again(np: Any, keys: Any, sums: Any, size: int) -> Any:
    """The villages' exact *sums* summed by *keys*: Python's whole numbers stay Python's."""
    return _object_sums(np, keys, sums, size) if sums.dtype == object else _sums(np, keys, sums, size)


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
