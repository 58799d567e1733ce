"""A subject's credit record (信用档案): every act recorded against a scheme, and every repair.

A :class:`CreditRecord` is a value: :meth:`CreditRecord.add` and :meth:`CreditRecord.repair`
return a new record and leave this one unchanged; a refused entry changes nothing. Entries
are never removed: an expired entry stays in the record and stops counting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

import attrs

from fulian_core._definitions import as_decimal, check_code, listed
from fulian_core._display import abbreviated as _abbreviated
from fulian_core._faults import Faults
from fulian_core.credit.scheme import MAX_POINTS as _MAX_POINTS
from fulian_core.credit.scheme import CreditScheme, PointsUnit, _most_severe
from fulian_core.errors import ValidationError
from fulian_core.periods import MAX_YEAR as _MAX_YEAR
from fulian_core.periods import MIN_YEAR as _MIN_YEAR
from fulian_core.privacy import _text_repr, redact_text
from fulian_core.rules.facts import MAX_COUNT as _MAX_COUNT
from fulian_core.rules.facts import Subject
from fulian_core.rules.sheet import ItemKind

__all__ = ["MAX_ENTRIES", "CreditEvent", "CreditRecord", "CreditRepair"]

MAX_ENTRIES: Final = 10_000
"""The most events one record may hold: a household collects a few a month, not thousands."""
_MAX_FITS: Final = 20
_MAX_TEXT: Final = 500


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _whole(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _fits(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "items", "a list of item codes")


def _quantity(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "quantity")


def _text(value: object, path: str, faults: Faults) -> None:
    faults.check(
        isinstance(value, str) and len(value) <= _MAX_TEXT and "\x00" not in value,
        path,
        f"text of at most {_MAX_TEXT} characters",
        value,
    )


@attrs.frozen
class CreditEvent:
    """One recorded act (信用记录): what happened on ``date`` and the scheme items it fits.

    ``items`` lists every item the act fits; the scheme counts the largest deduction (or the
    direct grade) and the largest bonus among them, never the sum. ``count`` is the number of
    occurrences (per-occurrence items), ``members`` the family members (per-member items),
    ``quantity`` what a tiered item is measured by (hours of volunteering). ``recorded`` is the
    day it was entered (登记日期; none: the same day): an entry recorded late still counts its
    validity from the event. ``ended`` is the day a continuing offence ended (none: still going
    on, or not continuing). ``source`` names where it came from (an inspection, a 网格员, a
    court decision); ``note`` is free text, shown redacted.
    """

    id: str
    date: dt.date
    items: tuple[str, ...] = attrs.field(converter=_fits)
    source: str = attrs.field(default="", repr=_text_repr)
    count: int = 1
    members: int = 1
    quantity: Decimal | None = attrs.field(default=None, converter=_quantity)
    recorded: dt.date | None = None
    ended: dt.date | None = None
    note: str = attrs.field(default="", repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-.:")
        faults.check(_is_date(self.date), "date", "a date", self.date)
        if faults.check(1 <= len(self.items) <= _MAX_FITS, "items", f"1 to {_MAX_FITS} item codes", len(self.items)):
            for index, code in enumerate(self.items):
                check_code(code, f"items[{index}]", faults, punctuation="_-.")
            if all(isinstance(code, str) for code in self.items):  # a list among them is unhashable
                faults.check(len(set(self.items)) == len(self.items), "items", "each item once", list(self.items))
        faults.check(_whole(self.count, 1, _MAX_COUNT), "count", f"a whole number from 1 to {_MAX_COUNT:,}", self.count)
        faults.check(_whole(self.members, 1, 100), "members", "a whole number of members from 1 to 100", self.members)
        if self.quantity is not None:
            faults.check(
                self.quantity.is_finite()
                and 0 <= self.quantity < _MAX_POINTS
                and self.quantity.as_tuple().exponent >= -4,  # type: ignore[operator]
                "quantity",
                f"a quantity from 0 below {_MAX_POINTS:,} with at most 4 decimals",
                self.quantity,
            )
        for name in ("recorded", "ended"):
            day = getattr(self, name)
            if day is not None and faults.check(_is_date(day), name, "a date or None", day) and _is_date(self.date):
                faults.check(
                    day >= self.date, name, f"a date on or after the event ({self.date.isoformat()})", day.isoformat()
                )
        _text(self.source, "source", faults)
        _text(self.note, "note", faults)
        faults.raise_if_any()

    @property
    def redacted_note(self) -> str:
        """The note with resident ids, mobile numbers and the like masked (脱敏)."""
        return redact_text(self.note)


@attrs.frozen
class CreditRepair:
    """A repair (信用修复): on ``date``, the direct grade set by ``event`` is corrected and turns
    into the deduction its item states, kept for the item's repair term."""

    id: str
    date: dt.date
    event: str
    source: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-.:")
        faults.check(_is_date(self.date), "date", "a date", self.date)
        check_code(self.event, "event", faults, punctuation="_-.:")
        _text(self.source, "source", faults)
        faults.raise_if_any()


def _events(value: Iterable[CreditEvent]) -> tuple[CreditEvent, ...]:
    return listed(value, "events", "a list of events")


def _repairs(value: Iterable[CreditRepair]) -> tuple[CreditRepair, ...]:
    return listed(value, "repairs", "a list of repairs")


@attrs.frozen
class CreditRecord:
    """The credit record of one subject (信用档案): its events and repairs, in the order they were
    recorded. The order does not matter to the score: entries count by their event dates."""

    subject: Subject
    # A record can hold tens of thousands of events: its repr lists the first few and counts the rest.
    events: tuple[CreditEvent, ...] = attrs.field(
        default=(), converter=_events, repr=_abbreviated, metadata={"json_schema": {"maxItems": MAX_ENTRIES}}
    )
    repairs: tuple[CreditRepair, ...] = attrs.field(default=(), converter=_repairs, repr=_abbreviated)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.subject, Subject), "subject", "a Subject", self.subject)
        faults.check(len(self.events) <= MAX_ENTRIES, "events", f"at most {MAX_ENTRIES:,} events", len(self.events))
        ids: set[str] = set()
        for index, event in enumerate(self.events):
            if faults.check(isinstance(event, CreditEvent), f"events[{index}]", "a CreditEvent", event):
                faults.check(event.id not in ids, f"events[{index}].id", "an id not used before", event.id)
                ids.add(event.id)
        repaired: set[str] = set()
        for index, repair in enumerate(self.repairs):
            if not faults.check(isinstance(repair, CreditRepair), f"repairs[{index}]", "a CreditRepair", repair):
                continue
            faults.check(repair.id not in ids, f"repairs[{index}].id", "an id not used before", repair.id)
            ids.add(repair.id)
            faults.check(
                repair.event not in repaired, f"repairs[{index}].event", "an event not repaired before", repair.event
            )
            repaired.add(repair.event)
        faults.raise_if_any()

    def event(self, event_id: str) -> CreditEvent:
        """The event with *event_id*."""
        for event in self.events:
            if event.id == event_id:
                return event
        raise ValidationError.single("event", "the id of an event of the record", event_id)

    def check(self, scheme: CreditScheme) -> None:
        """Refuse a record that does not fit *scheme*: items it does not have, events outside
        its dates, a tiered item without a quantity, a repair of something that is not a
        repairable direct grade or dated before it. Every fault is named at once."""
        if not isinstance(scheme, CreditScheme):
            raise ValidationError.single("scheme", "a CreditScheme", scheme)
        faults = Faults()
        faults.check(
            self.subject.kind is scheme.subject,
            "subject.kind",
            f"a {scheme.subject.code} (the subjects {scheme.code}@{scheme.version} scores)",
            self.subject.kind.code,
        )
        codes = set(scheme.codes)
        for index, event in enumerate(self.events):
            _check_event(scheme, codes, event, f"events[{index}]", faults)
        by_id = {event.id: event for event in self.events}
        for index, repair in enumerate(self.repairs):
            path = f"repairs[{index}]"
            repaired = by_id.get(repair.event)
            if repaired is None:
                faults.add(f"{path}.event", "the id of an event of the record", repair.event)
                continue
            # The direct grade that counts is the most severe one the act fits: that one must be repairable.
            direct = _most_severe(scheme, [scheme.item(code) for code in repaired.items if code in codes])
            faults.check(
                direct is not None and direct.repairable,
                f"{path}.event",
                "an event with a repairable direct grade",
                repair.event,
            )
            faults.check(
                repair.date >= repaired.date,
                f"{path}.date",
                f"a date on or after the event ({repaired.date.isoformat()})",
                repair.date.isoformat(),
            )
            if direct is not None and direct.repairable:
                # A direct grade that has run its term is over: nothing is left to repair.
                start = repaired.ended if direct.continuing else repaired.date
                if start is not None:
                    last = scheme.term_for(direct, Decimal(0)).last_day(start)
                    faults.check(
                        repair.date <= last,
                        f"{path}.date",
                        f"a date while the direct grade stands (to {last.isoformat()})",
                        repair.date.isoformat(),
                    )
        faults.raise_if_any()

    def add(self, event: CreditEvent, scheme: CreditScheme) -> CreditRecord:
        """A record with *event* added, checked against *scheme*; this record is unchanged."""
        record = CreditRecord(self.subject, (*self.events, event), self.repairs)
        record.check(scheme)
        return record

    def repair(self, repair: CreditRepair, scheme: CreditScheme) -> CreditRecord:
        """A record with *repair* added, checked against *scheme*; this record is unchanged."""
        record = CreditRecord(self.subject, self.events, (*self.repairs, repair))
        record.check(scheme)
        return record


def _check_event(scheme: CreditScheme, codes: set[str], event: CreditEvent, path: str, faults: Faults) -> None:
    faults.check(
        scheme.in_force_on(event.date),
        f"{path}.date",
        f"a date when {scheme.code}@{scheme.version} is in force",
        event.date.isoformat(),
    )
    known = [code for code in event.items if code in codes]
    # Caps and per-member items count by calendar periods, which cover only the years 1000 to 9998.
    periodic = any(
        item.cap is not None
        or item.unit is PointsUnit.MEMBER
        or (item.kind is ItemKind.BONUS and scheme.bonus_cap is not None)
        for item in (scheme.item(code) for code in known)
    )
    if periodic:
        faults.check(
            _MIN_YEAR <= event.date.year <= _MAX_YEAR,
            f"{path}.date",
            f"a date in the years {_MIN_YEAR} to {_MAX_YEAR} (caps and per-member items count by calendar periods)",
            event.date.isoformat(),
        )
    for position, code in enumerate(event.items):
        faults.check(code in codes, f"{path}.items[{position}]", f"an item of {scheme.code}@{scheme.version}", code)
    for item in (scheme.item(code) for code in known):
        if item.unit is PointsUnit.STEP:
            faults.check(
                event.quantity is not None, f"{path}.quantity", f"the quantity {item.title} is tiered by", None
            )
    # An act may fit a continuing offence and others (违章搭建 and 乱扔垃圾): its end date is the
    # continuing one's, which could not be ended at all while every item had to be continuing.
    if event.ended is not None and known:
        faults.check(
            any(scheme.item(code).continuing for code in known),
            f"{path}.ended",
            "no end date: none of its items is a continuing offence",
            event.ended.isoformat(),
        )
