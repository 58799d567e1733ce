"""A subject's score and grade as of a date (信用评价结果), explained entry by entry.

:func:`credit_standing` reads a :class:`~fulian_core.credit.CreditRecord` against its
:class:`~fulian_core.credit.CreditScheme` as of a date. Only events dated on or before that
date count, in the order of their event dates (never the order they were recorded), so the
answer as of a date never changes when later events are added. The rules real schemes state:

* one act that fits several items counts the largest deduction (or the direct grade, which
  takes the place of any deduction) and the largest bonus, never the sum;
* the same offence repeated within the validity of an earlier one is deducted at the scheme's
  ``repeat_factor`` (再犯加倍);
* a direct grade (直接评定) sets or caps the grade whatever the score, for its own term; while it
  is not corrected, bonuses for acts in that time are recorded but never counted;
* a repair (信用修复) ends the direct grade on its date and counts the item's fixed deduction
  for the item's repair term from then;
* each entry counts until the last day of its term, from its event date (or, for a continuing
  offence, from the day it ended); caps per period limit what counts, in event order.
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Final

import attrs

from fulian_core._definitions import listed
from fulian_core._enums import CodedEnum
from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import format_number
from fulian_core.credit.record import CreditEvent, CreditRecord, CreditRepair
from fulian_core.credit.scheme import (
    _GRADED_MAXIMUM,
    _SCORE_ITEM,
    CreditItem,
    CreditScheme,
    PointsUnit,
    _most_severe,
)
from fulian_core.errors import ValidationError
from fulian_core.periods import Period, PeriodKind
from fulian_core.rules.evaluation import Grade
from fulian_core.rules.facts import Fact
from fulian_core.rules.sheet import ItemKind
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded

__all__ = ["CreditLine", "CreditStanding", "EntryStatus", "NextChange", "credit_standing", "grade_history"]

_ZERO: Final = Decimal(0)
_MINUS: Final = "\N{MINUS SIGN}"


class EntryStatus(CodedEnum):
    """Whether an entry counts as of a date, and why not (计分状态)."""

    COUNTS = ("counts", "计分")
    EXPIRED = ("expired", "已过有效期")
    SUSPENDED = ("suspended", "直接评级未修复期间，记录不计分")
    CAPPED = ("capped", "超出上限，不计分")
    REPAIRED = ("repaired", "已修复，转为扣分")


@attrs.frozen
class CreditLine:
    """One entry of a standing (积分明细): the event, the item that counted, the points as the
    item gives them and as counted, its validity and its status as of the standing's date.

    ``points`` and ``counted`` are signed (a deduction is negative). ``doubled`` marks a repeat
    within validity; ``target`` the grade a direct grade sets; ``valid_until`` the last day it
    counts (none: a continuing offence that has not ended, whose term has not begun).
    """

    event: str
    date: dt.date
    item: str
    title: str
    kind: ItemKind
    points: Decimal
    counted: Decimal
    valid_from: dt.date
    valid_until: dt.date | None
    status: EntryStatus
    doubled: bool = False
    target: str = ""
    repair: bool = False
    note: str = ""

    @property
    def counts(self) -> bool:
        """Whether the entry counts as of the standing's date."""
        return self.status is EntryStatus.COUNTS

    def records(self) -> list[_Record]:
        """The entry as one tidy row: event, date, item (code and title as ``item_label``),
        kind, points and counted (signed ``Decimal``), validity, status (code and label), and
        the flags."""
        return [
            {
                "event": self.event,
                "date": self.date,
                "item": self.item,
                "item_label": self.title,
                **_coded("kind", self.kind),
                "points": self.points,
                "counted": self.counted,
                "valid_from": self.valid_from,
                "valid_until": self.valid_until,
                **_coded("status", self.status),
                "doubled": self.doubled,
                "target": self.target or None,
                "repair": self.repair,
            }
        ]

    def render(self) -> str:
        """The entry as a Chinese line: ``2025-06-02 焚烧秸秆 −3分（有效期内再犯加倍 −6分），有效至2026-06-01``."""
        head = f"{self.date.isoformat()} {self.title}"
        if self.repair:
            head = f"{self.date.isoformat()} 信用修复（{self.title}）转为"
        if self.kind is ItemKind.OVERRIDE and not self.repair:
            body = f" {self.note}"
        else:
            body = f"{'' if self.repair else ' '}{_signed(self.points)}分"
            if self.doubled:
                body += f"（有效期内再犯加倍 {_signed(self.points * 2 if not self.counted else self.counted)}分）"
            elif self.counted != self.points and self.status is EntryStatus.COUNTS:
                body += f"（{self.note}，计 {_signed(self.counted)}分）"
        until = self.valid_until
        tail = "，持续中，结束之日起算有效期" if until is None else f"，有效至{until.isoformat()}"
        if self.status is not EntryStatus.COUNTS:
            tail += f"（{self.status.label}）"
        return head + body + tail


def _signed(points: Decimal) -> str:
    return f"{_MINUS}{format_number(-points)}" if points < 0 else f"+{format_number(points)}"


def _expiring(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "expiring", "a list of event ids")


def _lines(value: Iterable[CreditLine]) -> tuple[CreditLine, ...]:
    return listed(value, "lines", "a list of entry lines")


def _direct(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "direct", "a list of item codes")


@attrs.frozen
class NextChange:
    """What changes next if nothing new is recorded (下一次变化): the day an entry stops counting,
    and the score and grade from that day."""

    day: dt.date
    expiring: tuple[str, ...] = attrs.field(converter=_expiring)
    score: Decimal
    grade: Grade


@attrs.frozen
class CreditStanding:
    """A subject's credit as of ``on`` (信用评价结果): ``score`` (after a direct grade's mapping to
    the lowest score of its grade), ``computed`` (start plus what counts, within the floor and
    ceiling), ``grade`` reached for certain and ``best_grade`` (different only when a score sits
    on a limit whose boundary the scheme leaves unstated), the direct grades in force, every
    entry up to ``on`` with its status, and what changes next."""

    subject: str
    on: dt.date
    score: Decimal
    computed: Decimal
    grade: Grade
    best_grade: Grade
    lines: tuple[CreditLine, ...] = attrs.field(converter=_lines)
    direct: tuple[str, ...] = attrs.field(default=(), converter=_direct)
    next_change: NextChange | None = None

    @property
    def decided(self) -> bool:
        """Whether the grade is certain."""
        return self.grade == self.best_grade

    def records(self) -> list[_Record]:
        """The standing as one tidy row: subject, date, score and computed score (``Decimal``),
        grades (code and label), how many entries count, and the next change's day and score
        (``None`` when nothing changes). Its entries' rows are ``records(standing.lines)``."""
        change = self.next_change
        return [
            {
                "subject": self.subject,
                "on": self.on,
                "score": self.score,
                "computed": self.computed,
                "grade": self.grade.code,
                "grade_label": self.grade.label,
                "best_grade": self.best_grade.code,
                "best_grade_label": self.best_grade.label,
                "decided": self.decided,
                "entries": len(self.lines),
                "counting": len(self.counting),
                "direct": len(self.direct),
                "next_change": None if change is None else change.day,
                "next_score": None if change is None else change.score,
            }
        ]

    @property
    def counting(self) -> tuple[CreditLine, ...]:
        """The entries that count as of ``on``."""
        return tuple(line for line in self.lines if line.counts)

    def render(self) -> str:
        """The standing as Chinese lines: the score and grade, each counting entry, each entry
        recorded but not counted while still in its term (suspended under a direct grade, over a
        cap) with the reason, and what expires next."""
        grade = self.grade.label if self.decided else f"{self.grade.label}或{self.best_grade.label}（未说明是否含本数）"
        lines = [f"截至{self.on.isoformat()}：{format_number(self.score)}分，{grade}"]
        shown = (EntryStatus.COUNTS, EntryStatus.SUSPENDED, EntryStatus.CAPPED)
        lines.extend(line.render() for line in sorted(self.lines, key=_by_date) if line.status in shown)
        if self.next_change is not None:
            change = self.next_change
            lines.append(f"下次变化：{change.day.isoformat()}起 {format_number(change.score)}分，{change.grade.label}")
        return "\n".join(lines)


def _by_date(line: CreditLine) -> dt.date:
    return line.date


@attrs.frozen
class _Entry:
    event: CreditEvent
    item: CreditItem
    points: Decimal  # signed, before caps
    doubled: bool
    start: dt.date
    until: dt.date | None
    counted: Decimal = _ZERO
    status: EntryStatus = EntryStatus.COUNTS
    note: str = ""


def _chosen(scheme: CreditScheme, event: CreditEvent) -> Iterator[CreditItem]:
    """The items an act counts by, never summed: the most severe direct grade, which takes the
    place of any deduction; else the deductions (the largest is chosen with repeats in mind);
    and the largest bonus (the first listed on a tie)."""
    items = [scheme.item(code) for code in event.items]
    direct = _most_severe(scheme, items)
    if direct is not None:
        yield direct
    else:
        yield from [item for item in items if item.kind is ItemKind.DEDUCTION][:1]
    bonuses = [item for item in items if item.kind is ItemKind.BONUS]
    if bonuses:
        yield max(bonuses, key=lambda item: _amount(item, event))


def _amount(item: CreditItem, event: CreditEvent) -> Decimal:
    return item.amount(count=event.count, members=event.members, quantity=event.quantity)


def _start_of(item: CreditItem, event: CreditEvent) -> dt.date | None:
    if item.continuing:
        return event.ended  # none while it goes on: its term has not begun
    return event.date


def credit_standing(scheme: CreditScheme, record: CreditRecord, *, on: dt.date) -> CreditStanding:
    """The score and grade of *record* under *scheme* as of *on*, every entry explained."""
    if not isinstance(scheme, CreditScheme):
        raise ValidationError.single("scheme", "a CreditScheme", scheme)
    if not isinstance(record, CreditRecord):
        raise ValidationError.single("record", "a CreditRecord", record)
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise ValidationError.single("on", "a date", on)
    if not scheme.in_force_on(on):
        until = scheme.effective_until.isoformat() if scheme.effective_until else "…"
        raise ValidationError.single(
            "on",
            f"a date when {scheme.code}@{scheme.version} is in force ({scheme.effective_from.isoformat()} to {until})",
            on.isoformat(),
        )
    record.check(scheme)
    with decimal.localcontext(_WIDE):  # exact sums, whatever the caller's context
        standing = _standing(scheme, record, on)
        change = _next_change(scheme, record, standing)
    return attrs.evolve(standing, next_change=change)


def _standing(scheme: CreditScheme, record: CreditRecord, on: dt.date) -> CreditStanding:
    events = sorted((event for event in record.events if event.date <= on), key=lambda event: (event.date, event.id))
    repairs = {repair.event: repair for repair in record.repairs if repair.date <= on}
    lines, direct, total = _tally(scheme, _entries(scheme, events, repairs, on), repairs, on)
    computed = max(scheme.floor, total if scheme.ceiling is None else min(total, scheme.ceiling))
    facts = {_SCORE_ITEM: Fact.scored(min(computed, _GRADED_MAXIMUM))}
    for item in scheme.items:
        if item.kind is ItemKind.OVERRIDE:
            facts[item.code] = Fact.met() if item.code in direct else Fact.not_met()
    graded = scheme.grading.standing(facts, on=on, kind=scheme.subject)
    score = computed
    if scheme.downgrade_score:
        # The lowest score of each direct grade's own target, not of the grade reached: a cap
        # (最高评定为B级) on a score already below B must not lower it further.
        for code in direct:
            band = scheme.band(scheme.item(code).target)
            lowest = band.minimum.value if band.minimum is not None else None
            if lowest is not None:
                score = min(score, Decimal(lowest.numerator) / Decimal(lowest.denominator))
            elif band.is_floor:
                score = min(score, scheme.floor)
    return CreditStanding(
        subject=record.subject.id,
        on=on,
        score=score,
        computed=computed,
        grade=graded.band,
        best_grade=graded.best_band,
        lines=tuple(lines),
        direct=tuple(direct),
    )


def _tally(
    scheme: CreditScheme, entries: list[_Entry], repairs: dict[str, CreditRepair], on: dt.date
) -> tuple[list[CreditLine], list[str], Decimal]:
    """Each entry's line and status as of *on*, the direct grades in force and the raw total."""
    lines: list[CreditLine] = []
    total = scheme.start
    direct: list[str] = []
    for entry in entries:
        status = entry.status
        if status is not EntryStatus.REPAIRED and entry.until is not None and entry.until < on:
            status = EntryStatus.EXPIRED  # past its term, whatever it was: it no longer matters
        if entry.item.kind is ItemKind.OVERRIDE and status is EntryStatus.COUNTS:
            repair = repairs.get(entry.event.id)
            if repair is not None and repair.date <= on:
                status = EntryStatus.REPAIRED
            else:
                direct.append(entry.item.code)
        elif status is EntryStatus.COUNTS:
            total += entry.counted
        lines.append(_line(entry, status))
        repair = repairs.get(entry.event.id)
        if entry.item.kind is ItemKind.OVERRIDE and repair is not None and entry.item.repairable:
            lines.append(_repair_line(entry.item, repair, on))
            if lines[-1].counts:
                total += lines[-1].counted
    return lines, direct, total


def _line(entry: _Entry, status: EntryStatus) -> CreditLine:
    return CreditLine(
        event=entry.event.id,
        date=entry.event.date,
        item=entry.item.code,
        title=entry.item.title,
        kind=entry.item.kind,
        points=entry.points,
        counted=entry.counted,
        valid_from=entry.start,
        valid_until=entry.until,
        status=status,
        doubled=entry.doubled,
        target=entry.item.target,
        note=entry.note,
    )


def _repair_line(item: CreditItem, repair: CreditRepair, on: dt.date) -> CreditLine:
    assert item.repair_points is not None  # noqa: S101 - the item is repairable
    assert item.repair_term is not None  # noqa: S101
    until = item.repair_term.last_day(repair.date)
    status = EntryStatus.EXPIRED if until < on else EntryStatus.COUNTS
    return CreditLine(
        event=repair.id,
        date=repair.date,
        item=item.code,
        title=item.title,
        kind=ItemKind.DEDUCTION,
        points=-item.repair_points,
        counted=-item.repair_points,
        valid_from=repair.date,
        valid_until=until,
        status=status,
        repair=True,
    )


def _entries(
    scheme: CreditScheme, events: list[CreditEvent], repairs: dict[str, CreditRepair], on: dt.date
) -> list[_Entry]:
    entries: list[_Entry] = []
    # For repeats, the last day each item's counted offences stay valid (None: a continuing
    # offence not yet ended): a repeat is within the validity of *any* earlier offence, not only
    # of the latest one. An act counts as the item it was counted by (the largest), so every
    # doubling points at an earlier line of the same item in the explanation.
    valid_until: dict[str, dt.date | None] = {}
    directs = _direct_windows(scheme, events, repairs)
    used: dict[tuple[str, Period], Decimal] = {}  # points counted per item and cap period
    bonus_used: dict[Period, Decimal] = {}
    for event in events:
        for item in _chosen(scheme, event):
            if item.kind is ItemKind.DEDUCTION:
                entry = _deduction(scheme, event, valid_until)
                known = valid_until.get(entry.item.code, dt.date.min)
                later = None if known is None or entry.until is None else max(known, entry.until)
                valid_until[entry.item.code] = later
            elif item.kind is ItemKind.OVERRIDE:
                start = _start_of(item, event)
                until = None if start is None else scheme.term_for(item, _ZERO).last_day(start)
                label = scheme.band(item.target).label
                entry = _Entry(
                    event, item, _ZERO, False, start or event.date, until, note=f"{item.effect.label}{label}"
                )
            else:
                entry = _bonus(scheme, event, item, directs)
            entries.append(_capped(scheme, entry, used, bonus_used, on))
    return entries


def _direct_windows(
    scheme: CreditScheme, events: list[CreditEvent], repairs: dict[str, CreditRepair]
) -> list[tuple[dt.date, dt.date | None, dt.date | None]]:
    """When each direct grade stands: (from, until, repaired on). Read before any bonus, so a
    bonus on the day a direct grade begins is suspended whatever the events' ids."""
    windows: list[tuple[dt.date, dt.date | None, dt.date | None]] = []
    for event in events:
        for item in _chosen(scheme, event):
            if item.kind is ItemKind.OVERRIDE:
                start = _start_of(item, event)
                until = None if start is None else scheme.term_for(item, _ZERO).last_day(start)
                repair = repairs.get(event.id)
                windows.append((event.date, until, repair.date if repair is not None else None))
    return windows


def _deduction(scheme: CreditScheme, event: CreditEvent, valid_until: dict[str, dt.date | None]) -> _Entry:
    """The deduction the act counts by: the item with the largest points (the first on a tie),
    chosen before repeats are looked at — so that what an earlier act was counted as never
    changes which item a later act counts as — then doubled if it repeats."""
    fitting = [scheme.item(code) for code in event.items if scheme.item(code).kind is ItemKind.DEDUCTION]
    item = max(fitting, key=lambda candidate: _amount(candidate, event))
    base = _amount(item, event)
    end = valid_until.get(item.code)
    doubled = item.code in valid_until and (end is None or end >= event.date)
    size = base * scheme.repeat_factor if doubled else base
    start = _start_of(item, event)
    until = None if start is None else scheme.term_for(item, size).last_day(start)
    return _Entry(event, item, -base, doubled, start or event.date, until, counted=-size)


def _bonus(
    scheme: CreditScheme,
    event: CreditEvent,
    item: CreditItem,
    directs: list[tuple[dt.date, dt.date | None, dt.date | None]],
) -> _Entry:
    points = _amount(item, event)
    until = scheme.term_for(item, points).last_day(event.date)
    suspended = any(
        start <= event.date and (end is None or event.date <= end) and (repaired is None or event.date < repaired)
        for start, end, repaired in directs
    )
    status = EntryStatus.SUSPENDED if suspended else EntryStatus.COUNTS
    return _Entry(event, item, points, False, event.date, until, counted=points, status=status)


def _capped(
    scheme: CreditScheme,
    entry: _Entry,
    used: dict[tuple[str, Period], Decimal],
    bonus_used: dict[Period, Decimal],
    on: dt.date,
) -> _Entry:
    """*entry* within the caps of its period, among the entries still valid on *on*: an entry
    that has expired no longer takes up room (adding an expired entry changes nothing)."""
    if entry.status is not EntryStatus.COUNTS or entry.item.kind is ItemKind.OVERRIDE:
        return entry
    if entry.until is not None and entry.until < on:
        return entry
    item = entry.item
    size = abs(entry.counted)
    room = size
    notes: list[str] = []
    if item.unit is PointsUnit.MEMBER and item.period is not None:
        key = (f"{item.code}#once", scheme.period_of(item.period, entry.event.date))
        if key in used:
            return attrs.evolve(entry, counted=_ZERO, status=EntryStatus.CAPPED, note=f"本{item.period.label}已计")
        used[key] = size
    if item.cap is not None and item.cap_period is not None:
        period = scheme.period_of(item.cap_period, entry.event.date)
        left = item.cap - used.get((item.code, period), _ZERO)
        if left < room:
            room = max(left, _ZERO)
            notes.append(f"该项每{_period_word(item.cap_period)}最多{format_number(item.cap)}分")
        used[(item.code, period)] = used.get((item.code, period), _ZERO) + room
    if item.kind is ItemKind.BONUS and scheme.bonus_cap is not None and scheme.bonus_cap_period is not None:
        period = scheme.period_of(scheme.bonus_cap_period, entry.event.date)
        left = scheme.bonus_cap - bonus_used.get(period, _ZERO)
        if left < room:
            room = max(left, _ZERO)
            notes.append(f"加分每{_period_word(scheme.bonus_cap_period)}最多{format_number(scheme.bonus_cap)}分")
        bonus_used[period] = bonus_used.get(period, _ZERO) + room
    if room == size:
        return entry
    counted = room if entry.counted > 0 else -room
    status = EntryStatus.COUNTS if room > 0 else EntryStatus.CAPPED
    return attrs.evolve(entry, counted=counted, status=status, note="，".join(notes))


def _period_word(kind: PeriodKind) -> str:
    return {PeriodKind.YEAR: "年", PeriodKind.HALF: "半年", PeriodKind.QUARTER: "季度", PeriodKind.MONTH: "月"}[kind]


def _next_change(scheme: CreditScheme, record: CreditRecord, standing: CreditStanding) -> NextChange | None:
    # A direct grade in force counts too; an expired one of the same item must not (it once did:
    # its end, already past, was taken for the next change).
    ends = [line.valid_until for line in standing.counting if line.valid_until is not None]
    if not ends:
        return None
    last = min(ends)
    if last >= dt.date.max:  # the entry never expires within the calendar
        return None
    day = last + dt.timedelta(days=1)
    if not scheme.in_force_on(day):
        return None
    known = CreditRecord(
        record.subject,
        [event for event in record.events if event.date <= standing.on],
        [repair for repair in record.repairs if repair.date <= standing.on],
    )
    later = _standing(scheme, known, day)
    expiring = tuple(line.event for line in standing.counting if line.valid_until == last)
    return NextChange(day, expiring, later.score, later.grade)


def grade_history(scheme: CreditScheme, record: CreditRecord, days: list[dt.date]) -> tuple[CreditStanding, ...]:
    """The standing as of each of *days* (a month-end series for a booklet or a chart)."""
    return tuple(
        _on_day(scheme, record, day, index) for index, day in enumerate(listed(days, "days", "a list of dates"))
    )


def _on_day(scheme: CreditScheme, record: CreditRecord, day: dt.date, index: int) -> CreditStanding:
    """The standing on one of a history's days; a bad day is named by its place in the list."""
    try:
        return credit_standing(scheme, record, on=day)
    except ValidationError as error:
        if error.path != "on":
            raise
        raise error.under(f"days[{index}]") from None
