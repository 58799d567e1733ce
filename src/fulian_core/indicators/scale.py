"""Rolling up household records at national scale (海量数据汇总): a mergeable tally per
partition, merged anywhere, and an optional Dask recipe.

:class:`HouseholdTally` has an identity (``HouseholdTally()``), an associative and commutative
:meth:`~HouseholdTally.merge`, and pickles, so partitions can be tallied on many machines. It
adds records up to their village only (one village's records from many partitions add); from the
villages up it rolls up through the one rollup path, :class:`~fulian_core.indicators.Partial`
(:meth:`~HouseholdTally.partials`), whose merge refuses a village counted twice.
:func:`dask_tally` runs it over a ``dask.bag`` (install ``fulian_core[dask]``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from fulian_core._definitions import MAX_WHOLE as _MAX_WHOLE
from fulian_core._definitions import (
    check_finite,
    check_items,
    check_iterable,
    check_type,
    check_whole,
    listed,
    mapped,
)
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._faults import Faults as _Faults
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core._unchecked import builder
from fulian_core.errors import Fault, ValidationError
from fulian_core.indicators.rollup import Coverage, Partial, _of_numbers, _once_each, _sum_of_numbers
from fulian_core.orgs import Level, OrgTree, OrgUnit
from fulian_core.quantities import MAX_VALUE as _MAX_VALUE
from fulian_core.quantities import Unit, _check_value
from fulian_core.rules import RuleSheet, SubjectKind
from fulian_core.tabular import Record as _Record

__all__ = [
    "HouseholdRecord",
    "HouseholdTally",
    "LevelTotals",
    "UnitTotals",
    "dask_tally",
    "dask_tally_columns",
    "tally",
]


@attrs.frozen
class HouseholdRecord:
    """One household's year (农户记录): its village, the code of the band it reached (its tier:
    ``boutique`` for 精品户 …), money raised (元) and sessions joined."""

    household: str
    village: str
    tier: str
    money: Decimal
    sessions: int


def _tiers(value: Mapping[tuple[str, str], int]) -> Counter[tuple[str, str]]:
    return Counter(mapped(value, "tiers", "a mapping of (village, tier) to households"))


def _money(value: Mapping[str, int]) -> Counter[str]:
    return Counter(mapped(value, "money", "a mapping of villages to money raised"))


def _sessions(value: Mapping[str, int]) -> Counter[str]:
    return Counter(mapped(value, "sessions", "a mapping of villages to sessions"))


def _households(value: Mapping[str, int]) -> Counter[str]:
    return Counter(mapped(value, "households", "a mapping of villages to households"))


@_exact_methods
@attrs.frozen(eq=False)
class HouseholdTally:
    """Per-village counts by tier (band code), money and sessions (分村汇总): a mergeable partial
    aggregate."""

    tiers: Counter[tuple[str, str]] = attrs.field(factory=Counter, converter=_tiers)
    money: Counter[str] = attrs.field(factory=Counter, converter=_money)
    sessions: Counter[str] = attrs.field(factory=Counter, converter=_sessions)
    households: Counter[str] = attrs.field(factory=Counter, converter=_households)

    def __attrs_post_init__(self) -> None:
        if not _plain_tally(self.tiers, self.money, self.sessions, self.households):
            _refuse_tally(self.tiers, self.money, self.sessions, self.households)

    def merge(self, other: HouseholdTally) -> HouseholdTally:
        """Both tallies together (the identity is ``HouseholdTally()``)."""
        check_type(other, HouseholdTally, "other")
        # Sums of two checked tallies' counts (from 0, consistent village by village) are
        # checked tallies' counts again: nothing to check.
        return _tally_unchecked(
            self.tiers + other.tiers,
            self.money + other.money,
            self.sessions + other.sessions,
            self.households + other.households,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, HouseholdTally):
            return NotImplemented
        return (+self.tiers, +self.money, +self.sessions, +self.households) == (
            +other.tiers,
            +other.money,
            +other.sessions,
            +other.households,
        )

    __hash__ = None  # type: ignore[assignment]

    def records(self) -> list[_Record]:
        """One tidy row per village and tier (band code), in that order: the village's
        ``households`` of that tier, then the village's ``money`` (``Decimal``) and ``sessions``
        and its households of every tier (``village_households``), repeated on its rows."""
        return [
            {
                "village": village,
                "tier": tier,
                "households": count,
                "village_households": self.households[village],
                "money": Decimal(self.money[village]),
                "sessions": self.sessions[village],
            }
            for (village, tier), count in sorted(self.tiers.items())
            if count
        ]

    def partials(self, tree: OrgTree, level: Level) -> dict[str, dict[str, Partial]]:
        """The tally as partial aggregates of every unit its villages reach at *level* (按单位部分汇总):
        one :class:`Partial` a figure, its reporters the unit's villages with records, in figure
        order ``households``, ``money`` (元), ``sessions``, then ``households.<band code>`` for
        every tier the tally has, in code order.

        This is the one rollup path (:class:`Partial`): partials of units apart merge (two
        counties' into their city's), and a village counted twice is refused. One village's
        records from many partitions add up in the tally first (:meth:`merge`), so each village
        reports once.
        """
        return {
            unit: {
                name: _of_numbers(kind, names, numbers, name, name, villages)
                for name, (kind, numbers) in figures.items()
            }
            for unit, villages, names, figures in self._figures(tree, level)
        }

    def totals(self, tree: OrgTree, level: Level) -> dict[str, UnitTotals]:
        """The tally rolled up to every unit at *level* (a village's ancestor at that level): the
        totals its :meth:`partials` hold, summed and checked by the same function, without
        making the partials."""
        result: dict[str, UnitTotals] = {}
        for unit, villages, _, figures in self._figures(tree, level):
            sums = {name: _sum_of_numbers(kind, numbers, name, villages) for name, (kind, numbers) in figures.items()}
            by_tier = tuple((name.removeprefix("households."), int(sums[name])) for name in list(sums)[3:])
            # Exact figures below MAX_VALUE, whole for counts: valid as they are.
            result[unit] = _unit_totals_unchecked(
                unit, int(sums["households"]), sums["money"], int(sums["sessions"]), by_tier, len(villages)
            )
        return result

    def _figures(
        self, tree: OrgTree, level: Level
    ) -> Iterator[tuple[str, list[str], frozenset[str], dict[str, tuple[Unit, list[Any]]]]]:
        """Every unit at *level* its villages reach, its villages (in code order, as a list and
        a set) and their figures: name, unit of measure and one number a village."""
        check_type(tree, OrgTree, "tree")
        check_type(level, Level, "level")
        codes = sorted({tier for (_, tier), count in self.tiers.items() if count})
        households, money, sessions, tiers = self.households, self.money, self.sessions, self.tiers
        for unit, villages in _by_unit(tree, level, self.villages()).items():
            # get(…, 0), not a Counter's [ ]: a missing key costs a Python call there.
            figures: dict[str, tuple[Unit, list[Any]]] = {
                "households": (Unit.HOUSEHOLD, [households.get(village, 0) for village in villages]),
                "money": (Unit.YUAN, [money.get(village, 0) for village in villages]),
                "sessions": (Unit.SESSION, [sessions.get(village, 0) for village in villages]),
            }
            for tier in codes:
                counts = [tiers.get((village, tier), 0) for village in villages]
                figures[f"households.{tier}"] = (Unit.HOUSEHOLD, counts)
            yield unit, villages, frozenset(villages), figures

    def rollup(self, tree: OrgTree, *, villages: Iterable[str], levels: Iterable[Level]) -> dict[Level, LevelTotals]:
        """The tally rolled up to every unit at each of *levels* (逐级汇总), with coverage: a
        unit's villages with records out of its *villages* (the villages expected to report,
        every tallied one among them). The same answer as
        :func:`~fulian_core.indicators.rollup_columns` of the same records."""
        check_type(tree, OrgTree, "tree")
        expected: tuple[str, ...] = check_items(villages, str, "villages", "a list of village codes")  # type: ignore[assignment]
        levels = listed(levels, "levels", "a list of Levels")
        for index, level in enumerate(levels):
            check_type(level, Level, f"levels[{index}]")
        _once_each(expected, "villages")
        unexpected = sorted(set(self.villages()).difference(expected))
        if unexpected:
            raise ValidationError.single("villages", "every village the tally has records of", unexpected[:10])
        if not levels:
            for code in expected:
                tree.unit(code)  # refuses an unknown village, as a rollup to any level would
        # Every level's ancestors first, as rollup_columns looks them up: a level with none
        # above a village is refused before any level is summed.
        found = [_ancestors(tree, level, expected, "levels") for level in levels]
        result: dict[Level, LevelTotals] = {}
        for level, ancestors in zip(levels, found, strict=True):
            totals = self.totals(tree, level)
            counted = Counter(unit.code for unit in ancestors)
            coverage = {
                unit: Coverage(totals[unit].villages if unit in totals else 0, counted[unit])
                for unit in sorted(counted)
            }
            result[level] = LevelTotals(level, totals, coverage)
        return result

    def villages(self) -> list[str]:
        """The villages with records, in code order."""
        return sorted(village for village, count in self.households.items() if count != 0)


_tally_unchecked = builder(HouseholdTally)
_ZERO = Decimal(0)


def _plain_tally(
    tiers: Counter[tuple[str, str]],
    money: Counter[str],
    sessions: Counter[str],
    households: Counter[str],
    *,
    counted: bool = False,
) -> bool:
    """Whether a tally is well formed, checked in a few passes (the common case): codes for
    keys, whole numbers from 0 for counts, money from 0 to the fen, and every village's tiers
    adding up to its households, no money or sessions without households. *counted*: the
    households and tiers were counted from records, one each (so they are, and they agree)."""
    if not (
        _codes(households)
        and _codes(sessions)
        and _codes(money)
        and _pairs_of_codes(tiers)
        and _whole_counts(sessions)
        and (counted or (_whole_counts(households) and _whole_counts(tiers)))
        and _plain_money(money)
    ):
        return False
    if counted:  # money and sessions only where records were
        return households.keys() >= money.keys() and households.keys() >= sessions.keys()
    return not _inconsistent(tiers, money, sessions, households)


def _pairs_of_codes(tiers: Counter[tuple[str, str]]) -> bool:
    if not tiers:
        return True
    if set(map(type, tiers)) != {tuple} or set(map(len, tiers)) != {2}:
        return False
    villages, codes = zip(*tiers, strict=True)
    return set(map(type, villages)) <= {str} and set(map(type, codes)) <= {str}


def _plain_money(money: Counter[str]) -> bool:
    """Amounts from 0 below 10^15 yuan, to the fen."""
    amounts = list(money.values())
    if not amounts:
        return True
    if not set(map(type, amounts)) <= {int, Decimal}:
        return False
    numbers = [Decimal(amount) for amount in amounts]
    if not all(map(Decimal.is_finite, numbers)) or min(numbers) < 0 or max(numbers) >= _MAX_VALUE:
        return False
    # A sum has the fewest places of its terms: to the fen if every amount is.
    return sum(numbers, _ZERO).as_tuple().exponent >= -2  # type: ignore[operator]


def _codes(counter: Counter[Any]) -> bool:
    """Whether every key is text (a subclass of str goes to the slow path, which takes it)."""
    return set(map(type, counter)) <= {str}


def _village_and_tier(key: object) -> bool:
    return type(key) is tuple and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], str)


def _whole_counts(counter: Counter[Any]) -> bool:
    values = counter.values()
    return not values or (set(map(type, values)) == {int} and min(values) >= 0 and max(values) <= _MAX_WHOLE)


def _inconsistent(
    tiers: Counter[tuple[str, str]], money: Counter[str], sessions: Counter[str], households: Counter[str]
) -> list[Fault]:
    """Villages whose tiers do not add up to their households, or with money or sessions and
    no households."""
    by_village: Counter[str] = Counter()
    for (village, _), count in tiers.items():
        by_village[village] += count
    faults = [
        Fault(
            f"tiers[{village}]",
            f"households by tier adding up to the village's households ({count})",
            by_village[village],
        )
        for village, count in sorted(households.items())
        if by_village[village] != count
    ]
    faults += [
        Fault(f"tiers[{village}]", "households by tier adding up to the village's households (0)", count)
        for village, count in sorted(by_village.items())
        if count and village not in households
    ]
    faults += [
        Fault(f"households[{village}]", "households for a village with money or sessions", 0)
        for village in sorted({*_nonzero(money), *_nonzero(sessions)})
        if not households.get(village)
    ]
    return faults


def _nonzero(counter: Counter[str]) -> list[str]:
    return [key for key, value in counter.items() if value != 0]


def _refuse_tally(
    tiers: Counter[tuple[str, str]], money: Counter[str], sessions: Counter[str], households: Counter[str]
) -> None:
    """Every fault of a tally, at ``field[village]`` (``tiers[village, tier]``)."""
    faults = _Faults()
    for name, counter in (("households", households), ("sessions", sessions)):
        for key, value in counter.items():
            if faults.check(isinstance(key, str), name, "keys that are village codes", key):
                check_whole(value, f"{name}[{key}]", faults)
    for pair, value in tiers.items():
        if faults.check(
            _village_and_tier(pair),
            "tiers",
            "keys that are (village, tier) pairs of codes",
            pair,
        ):
            check_whole(value, f"tiers[{pair[0]}, {pair[1]}]", faults)
    for key, value in money.items():
        if faults.check(isinstance(key, str), "money", "keys that are village codes", key):
            at = f"money[{key}]"
            if faults.check(type(value) in {int, Decimal}, at, "an int or a Decimal", value):
                _check_value(Decimal(value), Unit.YUAN, faults, at)
    if not faults:
        faults.extend(_inconsistent(tiers, money, sessions, households))
    faults.raise_if_any()


def _ancestors(tree: OrgTree, level: Level, villages: Sequence[str], path: str = "level") -> list[OrgUnit]:
    """Each village's ancestor at *level*, refusing a village with none at *path* (one batch
    look-up)."""
    found = tree.ancestors_at(villages, level)
    for village, unit in zip(villages, found, strict=True):
        if unit is None:
            raise ValidationError.single(path, f"a level above {village}", level.code)
    return found  # type: ignore[return-value]


def _by_unit(tree: OrgTree, level: Level, villages: list[str]) -> dict[str, list[str]]:
    """The villages grouped by their ancestor at *level*, each group in code order."""
    groups: dict[str, list[str]] = {}
    for village, unit in zip(villages, _ancestors(tree, level, villages), strict=True):
        group = groups.get(unit.code)
        if group is None:
            groups[unit.code] = [village]
        else:
            group.append(village)
    return groups


def _by_tier(value: Iterable[tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    return listed(value, "by_tier", "a list of (tier, households) pairs")


@_exact_methods
@attrs.frozen
class UnitTotals:
    """One unit's totals (单位合计): households, households by tier (band code, in code order),
    money, sessions, and its villages."""

    unit: str
    households: int = attrs.field(default=0, validator=_whole_number)
    money: Decimal = Decimal(0)
    sessions: int = attrs.field(default=0, validator=_whole_number)
    by_tier: tuple[tuple[str, int], ...] = attrs.field(default=(), converter=_by_tier)
    villages: int = attrs.field(default=0, validator=_whole_number)

    def plus(self, *, households: int, money: Decimal, sessions: int, tiers: Mapping[str, int]) -> UnitTotals:
        """These totals with one more village's."""
        check_type(households, int, "households", "a whole number")
        check_finite(money, "money", "a finite amount of money")
        check_type(sessions, int, "sessions", "a whole number")
        check_type(tiers, Mapping, "tiers", "a mapping of tier codes to counts")
        counts = dict(self.by_tier)
        for tier, count in tiers.items():
            counts[tier] = counts.get(tier, 0) + count
        return UnitTotals(
            self.unit,
            self.households + households,
            self.money + money,
            self.sessions + sessions,
            tuple(sorted(counts.items())),
            self.villages + 1,
        )


class LevelTotals(NamedTuple):
    """One level's totals (逐级汇总结果): every unit's :class:`UnitTotals` and its coverage, the
    villages with records out of the villages expected under it (报送率)."""

    level: Level
    totals: Mapping[str, UnitTotals]
    coverage: Mapping[str, Coverage]


_unit_totals_unchecked = builder(UnitTotals)
""":class:`UnitTotals` of values the caller knows pass its validators and converter (whole
numbers from 0 to ``MAX_WHOLE``, the tiers a tuple of pairs), without running them again: one
a unit reached, at national size. A user's ``UnitTotals(...)`` is always checked."""


@_exact
def tally(records: Iterable[HouseholdRecord]) -> HouseholdTally:
    """The tally of one partition of records."""
    check_iterable(records, "records", "a collection of household records")
    tiers: Counter[tuple[str, str]] = Counter()
    money: Counter[str] = Counter()
    sessions: Counter[str] = Counter()
    households: Counter[str] = Counter()
    for index, record in enumerate(records):
        if type(record) is not HouseholdRecord:
            check_type(record, HouseholdRecord, f"records[{index}]")
        village = record.village
        tiers[(village, record.tier)] += 1
        money[village] += record.money  # type: ignore[assignment]
        sessions[village] += record.sessions
        households[village] += 1
    if _plain_tally(tiers, money, sessions, households, counted=True):
        return _tally_unchecked(tiers, money, sessions, households)
    return HouseholdTally(tiers, money, sessions, households)  # refuses what is wrong, where


def _merge_all(tallies: Iterable[HouseholdTally]) -> HouseholdTally:
    result = HouseholdTally()
    for part in tallies:
        result = result.merge(part)
    return result


@_exact
def dask_tally(bag: Any, *, scheduler: str | None = None) -> HouseholdTally:
    """Tally a ``dask.bag.Bag`` of :class:`HouseholdRecord` partition by partition and merge
    (needs ``fulian_core[dask]``); ``scheduler`` is passed to ``compute`` ("processes",
    "threads", or a ``dask.distributed`` client's default when None)."""
    reduced = bag.reduction(tally, _merge_all)
    return reduced.compute(scheduler=scheduler) if scheduler is not None else reduced.compute()  # type: ignore[no-any-return]


_COLUMNS = ("villages", "tiers", "money", "sessions")


class _Block(NamedTuple):
    """What every block is tallied with."""

    units: tuple[str, ...]
    tier_codes: tuple[str, ...]
    sheet: RuleSheet | None
    on: dt.date | None
    kind: SubjectKind | None
    names: tuple[str, ...]


def _tally_block(settings: _Block, *arrays: Any) -> HouseholdTally:
    """One partition's tally; with a sheet, its tiers are the bands its item columns score."""
    units, tier_codes, sheet, on, kind, names = settings
    from fulian_core.indicators import columns as _columns  # noqa: PLC0415 - needs numpy, optional

    block = dict(zip(names, arrays, strict=True))
    if sheet is not None:
        assert on is not None  # noqa: S101 - checked by dask_tally_columns
        block["tiers"] = _columns.scored_tiers(sheet, block, on=on, kind=kind)
    return _columns.tally_columns(
        units,
        block["villages"],
        block["tiers"],
        tier_codes=tier_codes,
        money=block["money"],
        sessions=block["sessions"],
    )


@_exact
def dask_tally_columns(
    columns: Mapping[str, Any],
    *,
    units: Iterable[str],
    tier_codes: Iterable[str] = (),
    sheet: RuleSheet | None = None,
    on: dt.date | None = None,
    kind: SubjectKind | None = None,
    scheduler: str | None = None,
) -> HouseholdTally:
    """Tally partitioned household columns on Dask (分块汇总), block by block, and merge exactly
    (needs ``fulian_core[dask,batch]``).

    *columns* maps ``villages``, ``money`` (分), ``sessions`` and ``tiers`` (indices into
    *tier_codes*) to ``dask.array`` arrays chunked alike. With a *sheet* (in force *on*), the
    tiers are scored in each block from its item columns (see :mod:`fulian_core.rules.batch`),
    unusual rows through the per-object path, and *tier_codes* are its band codes.
    ``scheduler`` is passed to ``compute``.
    """
    from dask.delayed import delayed  # noqa: PLC0415 - optional extra

    check_type(columns, Mapping, "columns", "a mapping of column names to dask arrays")
    units = listed(units, "units", "a list of village codes")
    if sheet is not None:
        check_type(sheet, RuleSheet, "sheet")
        if on is None:
            raise ValidationError.single("on", "the day the sheet scores on", None)
        tier_codes = tuple(band.code for band in sheet.bands)
        names = tuple(name for name in columns if name != "tiers")
    else:
        names = _COLUMNS
    tier_codes = listed(tier_codes, "tier_codes", "a list of band codes")
    missing = [name for name in _COLUMNS if name not in columns and not (name == "tiers" and sheet is not None)]
    if missing:
        raise ValidationError.single("columns", f"columns {', '.join(_COLUMNS)}", sorted(columns))
    blocks = [columns[name].to_delayed().ravel() for name in names]
    # The settings ride in the function, not as an argument Dask would walk into.
    block_tally = functools.partial(_tally_block, _Block(units, tier_codes, sheet, on, kind, names))
    parts = [delayed(block_tally)(*block) for block in zip(*blocks, strict=True)]
    merged = delayed(_merge_all)(parts)
    return merged.compute(scheduler=scheduler) if scheduler is not None else merged.compute()  # type: ignore[no-any-return]
