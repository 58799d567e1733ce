"""Credit points (信用积分) and the women's credit supermarket (巾帼信用超市).

A :class:`CreditLedger` is a value: earning and spending return a new ledger, every entry is
kept, and an overspend is refused with :class:`~fulian_core.errors.InsufficientCreditError`,
changing nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, InsufficientCreditError, ValidationError
from fulian_core.rules import Grade

__all__ = ["CreditEntry", "CreditEntryKind", "CreditLedger", "CreditRules"]


class CreditEntryKind(CodedEnum):
    """Earned or spent (积分收支)."""

    EARN = ("earn", "获得")
    SPEND = ("spend", "兑换")


@attrs.frozen
class CreditEntry:
    """One ledger entry (积分记录): points, date, why, and the card or item it refers to."""

    kind: CreditEntryKind
    points: int
    date: dt.date
    reason: str
    reference: str = ""


def _whole_positive(value: object, path: str, faults: Faults) -> None:
    faults.check(
        isinstance(value, int) and not isinstance(value, bool) and value > 0,
        path,
        "a whole number of points > 0",
        value,
    )


def _band_points(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


def _activity_points(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen(eq=False)
class CreditRules:
    """How points are earned (积分规则), as data: points per band reached (by the band's code:
    ``{"boutique": 20}`` for 精品户) and per activity (志愿服务 per session, 参与复核 …)."""

    for_band: Mapping[str, int] = attrs.field(factory=dict, converter=_band_points)
    for_activity: Mapping[str, int] = attrs.field(factory=dict, converter=_activity_points)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for band, points in self.for_band.items():
            faults.check(isinstance(band, str) and bool(band), "for_band", "band codes", band)
            _whole_positive(points, f"for_band[{band!r}]", faults)
        for activity, points in self.for_activity.items():
            faults.check(isinstance(activity, str) and bool(activity), "for_activity", "activity names", activity)
            _whole_positive(points, f"for_activity[{activity!r}]", faults)
        faults.raise_if_any(DefinitionError)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CreditRules):
            return NotImplemented
        return dict(self.for_band) == dict(other.for_band) and dict(self.for_activity) == dict(other.for_activity)

    def __hash__(self) -> int:
        return hash((tuple(sorted(self.for_band.items())), tuple(sorted(self.for_activity.items()))))


def _entries(value: Iterable[CreditEntry]) -> tuple[CreditEntry, ...]:
    return tuple(value)


@attrs.frozen
class CreditLedger:
    """The credit ledger of one household or volunteer (积分账户). The balance never goes negative."""

    holder: str
    entries: tuple[CreditEntry, ...] = attrs.field(default=(), converter=_entries)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.holder, str) and bool(self.holder), "holder", "a holder id", self.holder)
        balance = 0
        for index, entry in enumerate(self.entries):
            if not faults.check(isinstance(entry, CreditEntry), f"entries[{index}]", "a CreditEntry", entry):
                continue
            _whole_positive(entry.points, f"entries[{index}].points", faults)
            if isinstance(entry.points, int):
                balance += entry.points if entry.kind is CreditEntryKind.EARN else -entry.points
            faults.check(balance >= 0, f"entries[{index}]", "a spend covered by the balance", entry.points)
        faults.raise_if_any()

    @property
    def balance(self) -> int:
        """The points held now (积分余额)."""
        return sum(entry.points if entry.kind is CreditEntryKind.EARN else -entry.points for entry in self.entries)

    def earn(self, points: int, date: dt.date, reason: str, reference: str = "") -> CreditLedger:
        """A ledger with *points* earned; this one is unchanged."""
        faults = Faults()
        _whole_positive(points, "points", faults)
        faults.check(bool(reason), "reason", "a reason", reason)
        faults.raise_if_any()
        return CreditLedger(
            self.holder, (*self.entries, CreditEntry(CreditEntryKind.EARN, points, date, reason, reference))
        )

    def spend(self, points: int, date: dt.date, item: str, reference: str = "") -> CreditLedger:
        """A ledger with *points* exchanged for *item* at the credit supermarket (兑换); refused,
        changing nothing, when the balance is short."""
        faults = Faults()
        _whole_positive(points, "points", faults)
        faults.check(bool(item), "item", "the item exchanged", item)
        faults.raise_if_any()
        if points > self.balance:
            raise InsufficientCreditError(self.holder, points, self.balance)
        return CreditLedger(
            self.holder, (*self.entries, CreditEntry(CreditEntryKind.SPEND, points, date, item, reference))
        )

    def earn_for_band(self, rules: CreditRules, band: Grade, date: dt.date, reference: str = "") -> CreditLedger:
        """Points for a band reached (评为精品户 …), by the rules (unchanged when they give none)."""
        points = rules.for_band.get(band.code)
        return self if points is None else self.earn(points, date, f"评为{band.label}", reference)

    def earn_for_activity(self, rules: CreditRules, activity: str, date: dt.date, times: int = 1) -> CreditLedger:
        """Points for *times* sessions of an activity, by the rules."""
        points = rules.for_activity.get(activity)
        if points is None:
            raise ValidationError.single("activity", f"one of {', '.join(rules.for_activity)}", activity)
        return self.earn(points * times, date, f"{activity} {times}次")
