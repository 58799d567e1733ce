"""The points account of the women's credit supermarket (巾帼信用超市积分存折 / 积分超市账户).

A :class:`PointsAccount` is a wallet of points a household or volunteer exchanges for goods:
earning and spending return a new account, every entry is kept, the balance never goes
negative, and an overspend is refused with :class:`~fulian_core.errors.InsufficientCreditError`,
changing nothing. It is distinct from the credit *score* (信用积分, :mod:`fulian_core.credit.standing`):
the score goes up and down and expires; points once earned stay until they are spent.
:func:`earn_from` credits the account with the bonuses a credit standing counts, once each;
:func:`booklet` shows the account as a passbook with a running balance.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_FLOOR as _ROUND_FLOOR
from typing import Final, Literal

import attrs

from fulian_core._definitions import check_type, listed
from fulian_core._definitions import encodable as _encodable
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import format_number
from fulian_core.credit.standing import CreditStanding
from fulian_core.errors import InsufficientCreditError, ValidationError
from fulian_core.privacy import _redacted_repr
from fulian_core.rules.sheet import ItemKind

__all__ = [
    "MAX_ACCOUNT_ENTRIES",
    "Booklet",
    "BookletRow",
    "PointsAccount",
    "PointsEntry",
    "PointsEntryKind",
    "booklet",
    "earn_from",
]

MAX_ACCOUNT_ENTRIES: Final = 10_000
"""The most entries one account may hold: a household earns and spends a few times a month."""
_MAX_POINTS: Final = 1_000_000
_MAX_REASON: Final = 500
_MAX_REFERENCE: Final = 200
_MAX_HOLDER: Final = 100
_MINUS: Final = "\N{MINUS SIGN}"


class PointsEntryKind(CodedEnum):
    """Earned or spent (积分收支)."""

    EARN = ("earn", "获得")
    SPEND = ("spend", "兑换")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _whole_positive(value: object, path: str, faults: Faults) -> bool:
    return faults.check(
        isinstance(value, int) and not isinstance(value, bool) and 0 < value <= _MAX_POINTS,
        path,
        f"a whole number of points from 1 to {_MAX_POINTS:,}",
        value,
    )


def _text(value: object, most: int) -> bool:
    return isinstance(value, str) and len(value) <= most and _encodable(value)


@attrs.frozen
class PointsEntry:
    """One entry of a points account (积分记录): earned or spent, how many points, the date, why
    (the act rewarded, the goods exchanged) and what it refers to (a credit event's id, a goods
    code, a receipt number)."""

    kind: PointsEntryKind
    points: int = attrs.field(metadata={"json_schema": {"minimum": 1, "maximum": _MAX_POINTS}})
    date: dt.date
    reason: str
    reference: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.kind, PointsEntryKind), "kind", "a PointsEntryKind", self.kind)
        _whole_positive(self.points, "points", faults)
        faults.check(_is_date(self.date), "date", "a date", self.date)
        faults.check(
            _text(self.reason, _MAX_REASON) and bool(self.reason.strip()),
            "reason",
            f"a reason of at most {_MAX_REASON} characters",
            self.reason,
        )
        faults.check(
            _text(self.reference, _MAX_REFERENCE),
            "reference",
            f"text of at most {_MAX_REFERENCE} characters",
            self.reference,
        )
        faults.raise_if_any()

    @property
    def signed(self) -> int:
        """The points as they change the balance: positive when earned, negative when spent."""
        return self.points if self.kind is PointsEntryKind.EARN else -self.points


def _entries(value: Iterable[PointsEntry]) -> tuple[PointsEntry, ...]:
    return listed(value, "entries", "a list of entries")


@attrs.frozen
class PointsAccount:
    """The points account of one household or volunteer at the credit supermarket (积分超市账户,
    积分存折). Not the credit score (信用积分): points are earned and spent, never expire, and the
    balance never goes negative. Every entry is kept, in the order it was made."""

    holder: str = attrs.field(repr=_redacted_repr)
    entries: tuple[PointsEntry, ...] = attrs.field(
        default=(), converter=_entries, metadata={"json_schema": {"maxItems": MAX_ACCOUNT_ENTRIES}}
    )

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(
            _text(self.holder, _MAX_HOLDER) and bool(self.holder.strip()),
            "holder",
            "a holder id",
            self.holder,
        )
        faults.check(
            len(self.entries) <= MAX_ACCOUNT_ENTRIES,
            "entries",
            f"at most {MAX_ACCOUNT_ENTRIES:,} entries",
            len(self.entries),
        )
        balance = 0
        for index, entry in enumerate(self.entries):
            if not faults.check(isinstance(entry, PointsEntry), f"entries[{index}]", "a PointsEntry", entry):
                continue
            balance += entry.signed
            faults.check(balance >= 0, f"entries[{index}]", "a spend covered by the balance", entry.points)
        faults.raise_if_any()

    @property
    def balance(self) -> int:
        """The points held now (积分余额)."""
        return sum(entry.signed for entry in self.entries)

    @property
    def earned(self) -> int:
        """Every point ever earned (累计获得)."""
        return sum(entry.points for entry in self.entries if entry.kind is PointsEntryKind.EARN)

    @property
    def spent(self) -> int:
        """Every point ever spent (累计兑换)."""
        return sum(entry.points for entry in self.entries if entry.kind is PointsEntryKind.SPEND)

    def earn(self, points: int, date: dt.date, reason: str, reference: str = "") -> PointsAccount:
        """An account with *points* earned on *date*; this one is unchanged."""
        entry = PointsEntry(PointsEntryKind.EARN, points, date, reason, reference)
        return PointsAccount(self.holder, (*self.entries, entry))

    def spend(self, points: int, date: dt.date, reason: str, reference: str = "") -> PointsAccount:
        """An account with *points* exchanged on *date* (兑换; *reason* names what for); refused
        with :class:`~fulian_core.errors.InsufficientCreditError`, changing nothing, when the
        balance is short."""
        entry = PointsEntry(PointsEntryKind.SPEND, points, date, reason, reference)
        balance = self.balance
        if points > balance:
            raise InsufficientCreditError(self.holder, points, balance)
        return PointsAccount(self.holder, (*self.entries, entry))


_MAX_TITLE_IN_REASON: Final = 200


def earn_from(
    account: PointsAccount, standing: CreditStanding, *, fractions: Literal["refuse", "floor"] = "refuse"
) -> PointsAccount:
    """The account credited with every bonus *standing* counts (信用积分加分兑入积分超市) that it
    does not hold yet; applying it again adds nothing.

    Each counting bonus line (``kind`` BONUS, status COUNTS) gives one EARN entry of the points
    it counts (after caps), dated the standing's day, referring to the line's event id: a bonus
    whose event id is already the reference of an EARN entry is not credited again. Deductions
    never take points from the account, and a bonus that stopped counting before it was
    credited is not credited.

    Points in the account are whole. A bonus of a fraction of a point (0.5分) is refused by
    default (``fractions="refuse"``: a :class:`~fulian_core.errors.ValidationError` naming every
    such line, changing nothing); with ``fractions="floor"`` it is credited rounded down, and a
    bonus below one point is not credited at all. Refused too: a standing of another subject.
    """
    faults = Faults()
    faults.check(isinstance(account, PointsAccount), "account", "a PointsAccount", account)
    faults.check(isinstance(standing, CreditStanding), "standing", "a CreditStanding", standing)
    faults.check(fractions in ("refuse", "floor"), "fractions", "'refuse' or 'floor'", fractions)
    faults.raise_if_any()
    if standing.subject != account.holder:
        raise ValidationError.single(
            "standing.subject", f"the holder of the account ({account.holder})", standing.subject
        )
    credited = {entry.reference for entry in account.entries if entry.kind is PointsEntryKind.EARN}
    earned: list[PointsEntry] = []
    for index, line in enumerate(standing.lines):
        if line.kind is not ItemKind.BONUS or not line.counts or line.event in credited or line.counted <= 0:
            continue
        whole = int(line.counted.to_integral_value(rounding=_ROUND_FLOOR))
        if whole != line.counted and fractions == "refuse":
            faults.add(
                f"standing.lines[{index}].counted",
                "a whole number of points (or fractions='floor')",
                format_number(line.counted),
            )
            continue
        if whole == 0:
            continue
        reason = f"{line.title[:_MAX_TITLE_IN_REASON]}（{line.date.isoformat()}）"
        if whole != line.counted:
            reason += f"，{format_number(line.counted)}分按整分计"
        earned.append(PointsEntry(PointsEntryKind.EARN, whole, standing.on, reason, line.event))
        credited.add(line.event)
    faults.raise_if_any()
    if not earned:
        return account
    return PointsAccount(account.holder, (*account.entries, *earned))


@attrs.frozen
class BookletRow:
    """One row of a points booklet (存折明细): the entry and the balance after it."""

    date: dt.date
    kind: PointsEntryKind
    points: int = attrs.field(validator=_whole_number)
    reason: str
    reference: str
    balance: int = attrs.field(validator=_whole_number)

    def render(self) -> str:
        """The row as a Chinese line: ``2024-06-30 兑换 −8分 洗衣液 ×1（detergent） 余额 12分``."""
        sign = "+" if self.kind is PointsEntryKind.EARN else _MINUS
        reference = f"（{self.reference}）" if self.reference else ""
        head = f"{self.date.isoformat()} {self.kind.label} {sign}{self.points}分"
        return f"{head} {self.reason}{reference} 余额 {self.balance}分"


def _rows(value: Iterable[BookletRow]) -> tuple[BookletRow, ...]:
    return listed(value, "rows", "a list of rows")


@attrs.frozen
class Booklet:
    """A points account as a passbook (积分存折): a row per entry with the running balance."""

    holder: str
    rows: tuple[BookletRow, ...] = attrs.field(default=(), converter=_rows)

    @property
    def balance(self) -> int:
        """The balance after the last row (积分余额)."""
        return self.rows[-1].balance if self.rows else 0

    def render(self) -> str:
        """The booklet as Chinese lines: a heading, a line per row, and the balance."""
        lines = [f"积分存折：{self.holder}"]
        lines.extend(row.render() for row in self.rows)
        if not self.rows:
            lines.append("（无记录）")
        lines.append(f"余额：{self.balance}分")
        return "\n".join(lines)


def booklet(account: PointsAccount) -> Booklet:
    """The passbook view of *account* (积分存折): its entries in order, each with the balance after it."""
    check_type(account, PointsAccount, "account")
    rows: list[BookletRow] = []
    balance = 0
    for entry in account.entries:
        balance += entry.signed
        rows.append(BookletRow(entry.date, entry.kind, entry.points, entry.reason, entry.reference, balance))
    return Booklet(account.holder, rows)
