"""Rolling up household records at national scale (海量数据汇总): a mergeable tally per
partition, merged anywhere, and an optional Dask recipe.

:class:`HouseholdTally` has an identity (``HouseholdTally()``), an associative and commutative
:meth:`~HouseholdTally.merge`, and pickles, so partitions can be tallied on many machines.
:func:`dask_tally` runs it over a ``dask.bag`` (install ``fulian_core[dask]``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

import attrs

from fulian_core._definitions import check_finite, check_iterable, check_type, listed, mapped
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.errors import ValidationError
from fulian_core.orgs import Level, OrgTree
from fulian_core.tabular import Record as _Record

__all__ = ["HouseholdRecord", "HouseholdTally", "UnitTotals", "dask_tally", "tally"]


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
        found: dict[str, UnitTotals] = {}
        villages = set(self.households)
        codes = sorted({tier for _, tier in self.tiers})
        ancestors = {}
        for village in villages:
            unit = tree.ancestor_at(village, level)
            if unit is None:
                raise ValidationError.single("level", f"a level above {village}", level.code)
            ancestors[village] = unit.code
        for village in sorted(villages):
            code = ancestors[village]
            current = found.get(code, UnitTotals(code))
            found[code] = current.plus(
                households=self.households[village],
                money=Decimal(self.money[village]),
                sessions=self.sessions[village],
                tiers={tier: self.tiers[(village, tier)] for tier in codes},
            )
        return found


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
