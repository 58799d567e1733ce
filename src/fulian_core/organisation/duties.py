"""Contact duties of committee members (执委联系包联): duties as data, contacts as a log, and
who met, missed or still owes each duty in each period.

Seed 001 states the duty as counties publish it: "每月至少沟通1次，每季度至少走访1次，
每年至少办1件好事实事". A :class:`Duty` says what counts (the kinds of contact: a visit is also a
conversation), how often (a :class:`~fulian_core.schedules.Cadence`), how many times at least,
and whether it is owed to each assigned family or once by the member. A :class:`ContactPlan`
assigns families to members (包联) and places each member in her unit (village); the log is
plain :class:`Contact` records. :func:`contact_duties` answers, as of a day, for every member,
duty, family and period: met (已完成), overdue (逾期未完成: the period closed without it) or due
(待完成: the period is still open); the compliance share counts closed periods only, so it never
exceeds 100% and never counts an open month as missed.

>>> import datetime as dt
>>> from fulian_core import Cadence, Period
>>> from fulian_core.organisation import Contact, ContactPlan, Duty, contact_duties
>>> plan = ContactPlan(
...     duties=[Duty("talk", "沟通联系", Cadence.MONTHLY, kinds={"talk", "visit"})],
...     assignments={"m1": {"f1"}}, units={"m1": "371082103201"},
... )
>>> log = [Contact("c1", "m1", dt.date(2025, 1, 8), "visit", family="f1")]
>>> report = contact_duties(plan, log, Period.quarter(2025, 1), on=dt.date(2025, 3, 10))
>>> [(line.period.code, line.status.label) for line in report.lines]
[('2025-01', '已完成'), ('2025-02', '逾期未完成'), ('2025-03', '待完成')]
>>> report.compliance().percent()
Decimal('50.00')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import (
    check_code,
    check_free_text,
    check_text,
    check_whole,
    listed,
    listed_set,
    mapped,
    sorted_set_repr,
)
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.orgs import normalize_division_code as _normalize_division_code
from fulian_core.periods import Period, PeriodKind
from fulian_core.privacy import _text_repr
from fulian_core.schedules import Cadence
from fulian_core.shares import Ratio
from fulian_core.tabular import Record as _Record

__all__ = [
    "MAX_CONTACTS",
    "Contact",
    "ContactPlan",
    "ContactReport",
    "Duty",
    "DutyLine",
    "DutyStatus",
    "contact_duties",
]

MAX_CONTACTS: Final = 1_000_000
"""The most contacts one call may read (a county's 执委 log tens of thousands a year)."""
_MAX_FAMILIES: Final = 10_000
_MAX_TIMES: Final = 1_000
_KINDS: Final = {
    Cadence.MONTHLY: PeriodKind.MONTH,
    Cadence.QUARTERLY: PeriodKind.QUARTER,
    Cadence.HALF_YEARLY: PeriodKind.HALF,
    Cadence.YEARLY: PeriodKind.YEAR,
}


def _kinds(value: Iterable[str]) -> frozenset[str]:
    return listed_set(value, "kinds", "a set of contact kind codes")


@attrs.frozen
class Duty:
    """A contact duty (联系职责): what counts (contacts of one of ``kinds``; none given: the
    duty's own code), how often (``cadence``), how many times ``at_least`` in each period, and
    whether it is owed to each assigned family (``per_family``: 每月至少沟通1次) or once by the
    member (每年至少办1件好事实事)."""

    code: str
    title: str
    cadence: Cadence
    at_least: int = 1
    per_family: bool = True
    kinds: frozenset[str] = attrs.field(factory=frozenset, converter=_kinds, repr=sorted_set_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        faults.check(
            self.cadence in _KINDS,
            "cadence",
            "a monthly, quarterly, half-yearly or yearly cadence",
            self.cadence,
        )
        check_whole(self.at_least, "at_least", faults, low=1, high=_MAX_TIMES)
        faults.check(self.per_family in (True, False), "per_family", "True or False", self.per_family)
        for kind in sorted(map(str, self.kinds)):
            check_code(kind, "kinds", faults)
        faults.raise_if_any(DefinitionError)

    @property
    def counted(self) -> frozenset[str]:
        """The contact kinds that count toward the duty."""
        return self.kinds or frozenset({self.code})

    def periods(self, period: Period) -> tuple[Period, ...]:
        """The duty's periods that overlap *period*, in order (the months of a quarter; the
        year of a quarter, for a yearly duty)."""
        kind = _KINDS[self.cadence]
        found: list[Period] = []
        current = Period.containing(kind, period.start)
        while current.start <= period.end:
            found.append(current)
            current = Period.containing(kind, current.end + dt.timedelta(days=1))
        return tuple(found)


def _duties(value: Iterable[Duty]) -> tuple[Duty, ...]:
    return listed(value, "duties", "a list of duties")


def _assignments(value: Mapping[str, Iterable[str]]) -> Mapping[str, frozenset[str]]:
    given = mapped(value, "assignments", "a mapping of member ids to the family ids assigned to them")
    what = "a set of family ids"
    return _ReadOnlyDict({key: listed_set(families, f"assignments[{key!r}]", what) for key, families in given.items()})


def _units(value: Mapping[str, str]) -> Mapping[str, str]:
    return _ReadOnlyDict(mapped(value, "units", "a mapping of member ids to unit codes"))


@attrs.frozen
class ContactPlan:
    """Who contacts whom (包联安排): the ``duties``, the families ``assignments`` gives each
    member (by id), and the unit each member is counted in — a village's or community's division
    code, or the code of a unit outside them (a 两新 federation) — (``units``; every member
    assigned must have one)."""

    duties: tuple[Duty, ...] = attrs.field(converter=_duties)
    assignments: Mapping[str, frozenset[str]] = attrs.field(converter=_assignments)
    units: Mapping[str, str] = attrs.field(converter=_units)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.duties), "duties", "at least one duty", self.duties)
        seen: set[str] = set()
        for index, duty in enumerate(self.duties):
            if faults.check(isinstance(duty, Duty), f"duties[{index}]", "a Duty", duty):
                faults.check(duty.code not in seen, f"duties[{index}].code", "a code not used before", duty.code)
                seen.add(duty.code)
        for member, families in self.assignments.items():
            check_code(member, f"assignments[{member!r}]", faults, punctuation="_-.")
            faults.check(
                len(families) <= _MAX_FAMILIES,
                f"assignments[{member!r}]",
                f"at most {_MAX_FAMILIES:,} families",
                len(families),
            )
            for family in sorted(map(str, families)):
                check_code(family, f"assignments[{member!r}]", faults, punctuation="_-.")
            faults.check(member in self.units, f"units[{member!r}]", "the unit code of every member assigned", None)
        for member, unit in self.units.items():
            check_code(member, f"units[{member!r}]", faults, punctuation="_-.")
            if not (isinstance(unit, str) and unit.isdigit()):
                # A unit outside the division codes (a 两新 federation: 371082103-LX01).
                check_code(unit, f"units[{member!r}]", faults, punctuation="_-.")
                continue
            try:
                _normalize_division_code(unit, path=f"units[{member!r}]")
            except ValidationError as error:
                faults.extend(list(error.faults))
        faults.raise_if_any(DefinitionError)

    def duty(self, code: str) -> Duty:
        """The duty with *code*."""
        for duty in self.duties:
            if duty.code == code:
                return duty
        raise ValidationError.single("duty", f"one of {', '.join(d.code for d in self.duties)}", code)


@attrs.frozen
class Contact:
    """One logged contact (联系记录): who made it, on which day, its kind (``talk``, ``visit``,
    ``deed`` … as the plan's duties name them), the family it was with, if any, and a note
    (shown by its length only: it may name people)."""

    id: str
    member: str
    day: dt.date
    kind: str
    family: str | None = None
    note: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-.")
        check_code(self.member, "member", faults, punctuation="_-.")
        faults.check(isinstance(self.day, dt.date) and not isinstance(self.day, dt.datetime), "day", "a date", self.day)
        check_code(self.kind, "kind", faults)
        if self.family is not None:
            check_code(self.family, "family", faults, punctuation="_-.")
        check_free_text(self.note, "note", faults)
        faults.raise_if_any(DefinitionError)


class DutyStatus(CodedEnum):
    """Where a duty stands in one period (履职状态)."""

    MET = ("met", "已完成")
    OVERDUE = ("overdue", "逾期未完成")
    DUE = ("due", "待完成")


@attrs.frozen
class DutyLine:
    """One duty of one member in one period (履职明细): toward one family (``family``) or owed
    once (``None``), the contacts ``done`` and ``needed``, and its status."""

    member: str
    unit: str
    duty: str
    family: str | None
    period: Period
    done: int
    needed: int
    status: DutyStatus


def _lines(value: Iterable[DutyLine]) -> tuple[DutyLine, ...]:
    return listed(value, "lines", "a list of duty lines")


@attrs.frozen
class ContactReport:
    """How the duties stand as of ``on`` over ``period`` (联系履职情况): one line per member,
    duty, family and duty period begun by ``on``."""

    period: Period
    on: dt.date
    lines: tuple[DutyLine, ...] = attrs.field(converter=_lines, repr=False)

    def count(self, status: DutyStatus, *, member: str | None = None, unit: str | None = None) -> int:
        """How many lines have *status*, of one member or one unit if given."""
        return sum(
            1
            for line in self.lines
            if line.status is status and member in (None, line.member) and unit in (None, line.unit)
        )

    def compliance(self, *, member: str | None = None, unit: str | None = None) -> Ratio:
        """Duties met over duties whose period has closed or that are met already (履职率):
        open periods not yet met are left out, so the share never exceeds 100%."""
        met = self.count(DutyStatus.MET, member=member, unit=unit)
        overdue = self.count(DutyStatus.OVERDUE, member=member, unit=unit)
        return Ratio(met, met + overdue)

    def overdue(self) -> tuple[DutyLine, ...]:
        """The lines overdue (逾期未完成), for follow-up."""
        return tuple(line for line in self.lines if line.status is DutyStatus.OVERDUE)

    def records(self) -> list[_Record]:
        """One tidy row per line (see :mod:`fulian_core.tabular`)."""
        return [
            {
                "member": line.member,
                "unit": line.unit,
                "duty": line.duty,
                "family": line.family,
                "period": line.period.code,
                "period_start": line.period.start,
                "period_end": line.period.end,
                "done": line.done,
                "needed": line.needed,
                "status": line.status.code,
                "status_label": line.status.label,
            }
            for line in self.lines
        ]


def _check_call(plan: ContactPlan, contacts: tuple[Contact, ...], period: Period, on: dt.date) -> None:
    faults = Faults()
    faults.check(isinstance(plan, ContactPlan), "plan", "a ContactPlan", plan)
    faults.check(isinstance(period, Period), "period", "a Period", period)
    faults.check(isinstance(on, dt.date) and not isinstance(on, dt.datetime), "on", "a date", on)
    faults.check(len(contacts) <= MAX_CONTACTS, "contacts", f"at most {MAX_CONTACTS:,} contacts", len(contacts))
    faults.raise_if_any()
    seen: set[str] = set()
    for index, contact in enumerate(contacts):
        if faults.check(isinstance(contact, Contact), f"contacts[{index}]", "a Contact", contact):
            faults.check(contact.id not in seen, f"contacts[{index}].id", "an id not used before", contact.id)
            seen.add(contact.id)
            faults.check(
                contact.member in plan.units, f"contacts[{index}].member", "a member of the plan", contact.member
            )
    faults.raise_if_any()


def _counts(
    plan: ContactPlan, contacts: tuple[Contact, ...], spans: Mapping[str, tuple[Period, ...]], on: dt.date
) -> dict[tuple[str, str | None, str, Period], int]:
    """How many contacts count toward each (member, family, duty, duty period)."""
    counts: dict[tuple[str, str | None, str, Period], int] = {}
    for contact in contacts:
        if contact.day > on:
            continue
        assigned = plan.assignments.get(contact.member, frozenset())
        for duty in plan.duties:
            if contact.kind not in duty.counted or (duty.per_family and contact.family not in assigned):
                continue
            family = contact.family if duty.per_family else None
            for span in spans[duty.code]:
                if span.contains(contact.day):
                    key = (contact.member, family, duty.code, span)
                    counts[key] = counts.get(key, 0) + 1
    return counts


def contact_duties(plan: ContactPlan, contacts: Iterable[Contact], period: Period, *, on: dt.date) -> ContactReport:
    """How every member's duties stand over *period* as of *on* (see the module). Contacts after
    *on* are not yet known and are not counted; duty periods that begin after *on* are left
    out. A per-family duty counts contacts with the families assigned to the member; a duty
    owed once counts every contact of its kinds."""
    logged = listed(contacts, "contacts", "a list of contacts")
    _check_call(plan, logged, period, on)
    spans = {duty.code: duty.periods(period) for duty in plan.duties}
    counts = _counts(plan, logged, spans, on)
    lines: list[DutyLine] = []
    for member in sorted(plan.units):
        unit = plan.units[member]
        for duty in plan.duties:
            families: list[str | None] = [None]
            if duty.per_family:
                families = [*sorted(plan.assignments.get(member, frozenset()))]
            for family in families:
                for span in spans[duty.code]:
                    if span.start > on:
                        continue
                    done = counts.get((member, family, duty.code, span), 0)
                    if done >= duty.at_least:
                        status = DutyStatus.MET
                    else:
                        status = DutyStatus.OVERDUE if span.end < on else DutyStatus.DUE
                    lines.append(DutyLine(member, unit, duty.code, family, span, done, duty.at_least, status))
    return ContactReport(period, on, lines)
