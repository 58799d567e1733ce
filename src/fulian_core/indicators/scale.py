"""Rolling up household records at national scale (海量数据汇总): a mergeable tally per
partition, merged anywhere, and an optional Dask recipe.

:class:`HouseholdTally` has an identity (``HouseholdTally()``), an associative and commutative
:meth:`~HouseholdTally.merge`, and pickles, so partitions can be tallied on many machines.
:func:`dask_tally` runs it over a ``dask.bag`` (install ``fulian_core[dask]``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple, cast

import attrs

from fulian_core._definitions import check_finite, check_iterable, check_type, listed, mapped
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core._unchecked import builder
from fulian_core.errors import ValidationError
from fulian_core.orgs import Level, OrgTree
from fulian_core.rules import RuleSheet, SubjectKind
from fulian_core.tabular import Record as _Record

__all__ = ["HouseholdRecord", "HouseholdTally", "UnitTotals", "dask_tally", "dask_tally_columns", "tally"]


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

    def merge(self, other: HouseholdTally) -> HouseholdTally:
        """Both tallies together (the identity is ``HouseholdTally()``)."""
        check_type(other, HouseholdTally, "other")
        return HouseholdTally(
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

    def totals(self, tree: OrgTree, level: Level) -> dict[str, UnitTotals]:
        """The tally rolled up to every unit at *level* (a village's ancestor at that level)."""
        check_type(tree, OrgTree, "tree")
        check_type(level, Level, "level")
        villages = sorted(self.households)
        codes = sorted({tier for _, tier in self.tiers})
        # One batch look-up of the ancestors, then sums in plain numbers: one UnitTotals a
        # unit, not one a village.
        sums: dict[str, list[int | Decimal]] = {}
        by_tier: dict[str, dict[str, int]] = {}
        count: dict[str, int] = {}
        for village, unit in zip(villages, tree.ancestors_at(villages, level), strict=True):
            if unit is None:
                raise ValidationError.single("level", f"a level above {village}", level.code)
            code = unit.code
            row = sums.get(code)
            if row is None:
                sums[code] = row = [0, Decimal(0), 0]
                by_tier[code] = dict.fromkeys(codes, 0)
                count[code] = 0
            households, sessions = self.households[village], self.sessions[village]
            # Money is summed in a Counter of Decimals, whatever Counter[str] says.
            money = cast("Decimal | int", self.money[village])
            amount = money if isinstance(money, Decimal) else Decimal(money)
            if type(households) is not int or type(sessions) is not int or not amount.is_finite():
                # What UnitTotals.plus checks, with its words.
                check_type(households, int, "households", "a whole number")
                check_finite(amount, "money", "a finite amount of money")
                check_type(sessions, int, "sessions", "a whole number")
            row[0] += households
            row[1] += amount
            row[2] += sessions
            tiers = by_tier[code]
            for tier in codes:
                tiers[tier] += self.tiers[(village, tier)]
            count[code] += 1
        return {
            code: UnitTotals(
                code,
                int(households),
                Decimal(money),
                int(sessions),
                tuple(sorted(by_tier[code].items())),
                count[code],
            )
            for code, (households, money, sessions) in sums.items()
        }


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
    return HouseholdTally(tiers, money, sessions, households)


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
