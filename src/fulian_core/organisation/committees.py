"""Committees of a federation (妇联执委会) and their composition (构成).

A :class:`CommitteeSpec` is the data a federation publishes before it elects (换届): its posts
and their seats (主席1名、副主席2名、执委21名), the length of a term (届期), the groups of members it
counts (界别: 妇女工作者, 基层妇女代表, 各界妇女代表; 中共党员; 35岁以下 …) and, as a rule sheet of
the one rule language, the composition a slate must meet (基层妇女代表不少于三分之一, 至少1名年轻
执委). :func:`check_slate` judges a slate against that sheet; :func:`composition` writes the
composition report that every 换届 report gives — each group's count and its share of the total,
the shares of one breakdown by largest remainder so that they add to exactly 100.00%.

>>> import datetime as dt
>>> from fulian_core.organisation import Breakdown, Member, MemberGroup, composition
>>> party = Breakdown("party", "政治面貌", [
...     MemberGroup("member", "中共党员", attribute="party", values={"cpc"}),
...     MemberGroup("other", "非中共党员", attribute="party", values={"none"}),
... ])
>>> members = [Member(f"m{i}", f"执委{i}", {"party": "cpc" if i < 86 else "none"}) for i in range(171)]
>>> report = composition(members, [party], on=dt.date(2021, 6, 30))
>>> print(report.render())  # io-ok: a doctest shows the report
中共党员86人，占总数的50.29%；非中共党员85人，占总数的49.71%。
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs
from dateutil.relativedelta import relativedelta

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_code, check_text, check_whole, listed, listed_set, mapped
from fulian_core._faults import Faults
from fulian_core._numbers import exact as _exact
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.privacy import _name_repr
from fulian_core.rules import Evaluation, Fact, Measure, RuleSheet, Subject, SubjectKind, evaluate
from fulian_core.shares import percentage_shares as _percentage_shares
from fulian_core.tabular import Record as _Record

__all__ = [
    "MAX_MEMBERS",
    "Appointment",
    "Breakdown",
    "Committee",
    "CommitteeSpec",
    "CompositionReport",
    "CompositionRow",
    "Member",
    "MemberGroup",
    "Seat",
    "check_slate",
    "composition",
]

MAX_MEMBERS: Final = 10_000
"""The most members one committee, slate or report may hold (a county's 执委 are hundreds)."""
_MAX_AGE: Final = 150
_MAX_ATTRIBUTES: Final = 50
_MAX_TERM_YEARS: Final = 10


@attrs.frozen
class Seat:
    """A post on a committee and how many hold it (职务与职数): ``主席 1``, ``副主席 2``, ``执委
    21``. ``full_time`` says whether it is a full-time post (专职) or a part-time one (兼职), or
    ``None`` where the rules do not say."""

    code: str
    title: str
    seats: int
    full_time: bool | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        check_whole(self.seats, "seats", faults, low=1, high=MAX_MEMBERS)
        faults.check(self.full_time in (True, False, None), "full_time", "True, False or None", self.full_time)
        faults.raise_if_any(DefinitionError)


def _attributes(value: Mapping[str, str]) -> Mapping[str, str]:
    return _ReadOnlyDict(mapped(value, "attributes", "a mapping of attribute codes to value codes"))


@attrs.frozen
class Member:
    """A member of a committee or a candidate on a slate (执委 / 候选人): an id, a name (masked in
    every ``repr``), her attributes as codes (``{"sector": "grassroots", "party": "cpc",
    "education": "bachelor", "ethnicity": "han"}``) and, when known, her date of birth — ages are
    counted on the day a report or a slate is judged, never stored."""

    id: str
    name: str = attrs.field(repr=_name_repr)
    attributes: Mapping[str, str] = attrs.field(factory=dict, converter=_attributes)
    born: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-.")
        check_text(self.name, "name", faults)
        faults.check(
            len(self.attributes) <= _MAX_ATTRIBUTES,
            "attributes",
            f"at most {_MAX_ATTRIBUTES} attributes",
            len(self.attributes),
        )
        for key, value in self.attributes.items():
            check_code(key, f"attributes[{key!r}]", faults)
            check_code(value, f"attributes[{key!r}]", faults, punctuation="_-.")
        faults.check(
            self.born is None or (isinstance(self.born, dt.date) and not isinstance(self.born, dt.datetime)),
            "born",
            "a date or None",
            self.born,
        )
        faults.raise_if_any(DefinitionError)

    def age_on(self, day: dt.date) -> int | None:
        """Her age in whole years on *day* (周岁), or ``None`` when her birth date is not known."""
        if self.born is None:
            return None
        return relativedelta(day, self.born).years


def _values(value: Iterable[str]) -> frozenset[str]:
    return listed_set(value, "values", "a set of value codes")


@attrs.frozen
class MemberGroup:
    """A group of members that a rule or a report counts (界别 / 群体): those whose ``attribute``
    has one of ``values`` (``sector`` in ``{"grassroots"}``: 基层妇女代表), those of an age (``30岁及
    以下``: ``age_at_most=30``; ``31-40岁``: both bounds, inclusive, in whole years on the day
    judged), or both. A group that names neither an attribute nor an age is everyone."""

    code: str
    title: str
    attribute: str | None = None
    values: frozenset[str] = attrs.field(factory=frozenset, converter=_values)
    age_at_least: int | None = None
    age_at_most: int | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        if self.attribute is not None:
            check_code(self.attribute, "attribute", faults)
            faults.check(bool(self.values), "values", "at least one value code for the attribute", self.values)
        else:
            faults.check(not self.values, "values", "no values without an attribute", self.values)
        for value in sorted(map(str, self.values)):
            check_code(value, "values", faults, punctuation="_-.")
        for name in ("age_at_least", "age_at_most"):
            bound = getattr(self, name)
            if bound is not None:
                check_whole(bound, name, faults, low=0, high=_MAX_AGE)
        if isinstance(self.age_at_least, int) and isinstance(self.age_at_most, int):
            faults.check(
                self.age_at_least <= self.age_at_most,
                "age_at_most",
                "an age at or above age_at_least",
                self.age_at_most,
            )
        faults.raise_if_any(DefinitionError)

    @property
    def by_age(self) -> bool:
        """Whether the group is bounded by age, so that a member's date of birth must be known."""
        return self.age_at_least is not None or self.age_at_most is not None

    def holds(self, member: Member, on: dt.date) -> bool | None:
        """Whether *member* belongs to the group on *on*; ``None`` when it depends on an age that
        is not known."""
        if self.attribute is not None and member.attributes.get(self.attribute) not in self.values:
            return False
        if not self.by_age:
            return True
        age = member.age_on(on)
        if age is None:
            return None
        low = self.age_at_least if self.age_at_least is not None else 0
        high = self.age_at_most if self.age_at_most is not None else _MAX_AGE
        return low <= age <= high


def _groups(value: Iterable[MemberGroup]) -> tuple[MemberGroup, ...]:
    return listed(value, "groups", "a list of member groups")


@attrs.frozen
class Breakdown:
    """One way a composition report divides the members (构成维度): ``groups`` that between them
    hold every member exactly once (妇女工作者 / 基层妇女代表 / 各界妇女代表; 中共党员 / 非中共党员;
    the age bands)."""

    code: str
    title: str
    groups: tuple[MemberGroup, ...] = attrs.field(converter=_groups)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.title, "title", faults)
        faults.check(bool(self.groups), "groups", "at least one group", self.groups)
        seen: set[str] = set()
        for index, group in enumerate(self.groups):
            if faults.check(isinstance(group, MemberGroup), f"groups[{index}]", "a MemberGroup", group):
                faults.check(group.code not in seen, f"groups[{index}].code", "a code not used before", group.code)
                seen.add(group.code)
        faults.raise_if_any(DefinitionError)


def _seats(value: Iterable[Seat]) -> tuple[Seat, ...]:
    return listed(value, "seats", "a list of seats")


def _spec_groups(value: Iterable[MemberGroup]) -> tuple[MemberGroup, ...]:
    return listed(value, "groups", "a list of member groups")


@attrs.frozen
class CommitteeSpec:
    """What a federation elects (委员会设置): its ``seats`` — the posts in order of rank, each
    with its number (主席1名、副主席2名、执委21名; the 执委 count includes no one twice: a
    主席 holds one seat, not two) —, the ``term_years`` of a term (届期, five for a federation),
    the ``groups`` its composition rules count, and ``composition``, the rule sheet a slate must
    meet: each of its items measures the group of the same code, as a ``ratio`` of the slate
    (基层妇女代表不少于三分之一) or a ``quantity`` of persons (至少1名35岁以下)."""

    organisation: str
    title: str
    seats: tuple[Seat, ...] = attrs.field(converter=_seats)
    term_years: int = 5
    groups: tuple[MemberGroup, ...] = attrs.field(factory=tuple, converter=_spec_groups)
    composition: RuleSheet | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.organisation, "organisation", faults)
        check_text(self.title, "title", faults)
        faults.check(bool(self.seats), "seats", "at least one seat", self.seats)
        seen: set[str] = set()
        for index, seat in enumerate(self.seats):
            if faults.check(isinstance(seat, Seat), f"seats[{index}]", "a Seat", seat):
                faults.check(seat.code not in seen, f"seats[{index}].code", "a code not used before", seat.code)
                seen.add(seat.code)
        check_whole(self.term_years, "term_years", faults, low=1, high=_MAX_TERM_YEARS)
        codes: set[str] = set()
        for index, group in enumerate(self.groups):
            if faults.check(isinstance(group, MemberGroup), f"groups[{index}]", "a MemberGroup", group):
                faults.check(group.code not in codes, f"groups[{index}].code", "a code not used before", group.code)
                codes.add(group.code)
        if faults.check(
            self.composition is None or isinstance(self.composition, RuleSheet),
            "composition",
            "a RuleSheet or None",
            self.composition,
        ) and isinstance(self.composition, RuleSheet):
            self._check_composition(self.composition, codes, faults)
        faults.raise_if_any(DefinitionError)

    @staticmethod
    def _check_composition(sheet: RuleSheet, codes: set[str], faults: Faults) -> None:
        for index, item in enumerate(sheet.items):
            path = f"composition.items[{index}]"
            known = ", ".join(sorted(codes))
            faults.check(item.code in codes, f"{path}.code", f"the code of a group ({known})", item.code)
            measure = item.condition.measure if item.condition is not None else None
            faults.check(
                measure in (Measure.RATIO, Measure.QUANTITY),
                f"{path}.condition",
                "a ratio or quantity condition (a share of the slate or a number of persons)",
                measure,
            )

    @property
    def total_seats(self) -> int:
        """How many people the committee holds (委员总数)."""
        return sum(seat.seats for seat in self.seats)

    def seat(self, code: str) -> Seat:
        """The seat with *code*."""
        for seat in self.seats:
            if seat.code == code:
                return seat
        raise ValidationError.single("seat", f"one of {', '.join(s.code for s in self.seats)}", code)

    def term_ends(self, elected_on: dt.date) -> dt.date:
        """The last day of a term that began on *elected_on* (届满): the day before the same day
        ``term_years`` later (a term elected on 2021-06-30 runs to 2026-06-29)."""
        return elected_on + relativedelta(years=self.term_years) - dt.timedelta(days=1)


def _members(value: Iterable[Member]) -> tuple[Member, ...]:
    return listed(value, "members", "a list of members")


def _check_members(members: tuple[Member, ...], faults: Faults, path: str = "members") -> None:
    faults.check(len(members) <= MAX_MEMBERS, path, f"at most {MAX_MEMBERS:,} members", len(members))
    seen: set[str] = set()
    for index, member in enumerate(members):
        if faults.check(isinstance(member, Member), f"{path}[{index}]", "a Member", member):
            faults.check(member.id not in seen, f"{path}[{index}].id", "an id not used before", member.id)
            seen.add(member.id)


@attrs.frozen
class Appointment:
    """A member holding a seat on the committee (任职)."""

    member: Member
    seat: str


def _appointments(value: Iterable[Appointment]) -> tuple[Appointment, ...]:
    return listed(value, "appointments", "a list of appointments")


@attrs.frozen
class Committee:
    """An elected committee (本届执委会): the spec it was elected under, the day it was elected
    and who holds which seat. Every member holds one seat; no seat holds more than its number
    (补选 fills the rest)."""

    spec: CommitteeSpec
    elected_on: dt.date
    appointments: tuple[Appointment, ...] = attrs.field(converter=_appointments)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.spec, CommitteeSpec), "spec", "a CommitteeSpec", self.spec)
        faults.check(
            isinstance(self.elected_on, dt.date) and not isinstance(self.elected_on, dt.datetime),
            "elected_on",
            "a date",
            self.elected_on,
        )
        faults.raise_if_any(DefinitionError)
        held: dict[str, int] = {}
        members: list[Member] = []
        for index, appointment in enumerate(self.appointments):
            path = f"appointments[{index}]"
            if not faults.check(isinstance(appointment, Appointment), path, "an Appointment", appointment):
                continue
            members.append(appointment.member)
            codes = [seat.code for seat in self.spec.seats]
            if faults.check(appointment.seat in codes, f"{path}.seat", f"one of {', '.join(codes)}", appointment.seat):
                held[appointment.seat] = held.get(appointment.seat, 0) + 1
        _check_members(tuple(members), faults, "appointments.member")
        for seat in self.spec.seats:
            faults.check(
                held.get(seat.code, 0) <= seat.seats,
                "appointments",
                f"at most {seat.seats} holding {seat.title} ({seat.code})",
                held.get(seat.code, 0),
            )
        faults.raise_if_any(DefinitionError)

    @property
    def members(self) -> tuple[Member, ...]:
        """Every member, in the order of the appointments."""
        return tuple(appointment.member for appointment in self.appointments)

    @property
    def term_ends(self) -> dt.date:
        """The last day of this committee's term (届满日期)."""
        return self.spec.term_ends(self.elected_on)

    def vacancies(self) -> Mapping[str, int]:
        """The seats not filled, by seat code (缺额, for 补选); seats that are full are left out."""
        held: dict[str, int] = {}
        for appointment in self.appointments:
            held[appointment.seat] = held.get(appointment.seat, 0) + 1
        seats = self.spec.seats
        return _ReadOnlyDict({s.code: s.seats - held.get(s.code, 0) for s in seats if held.get(s.code, 0) < s.seats})


def check_slate(spec: CommitteeSpec, slate: Iterable[Member], *, on: dt.date) -> Evaluation:
    """Judge a slate (候选人名单) against the spec's composition sheet on *on*: each item of the
    sheet measures the group of its code — its share of the slate (a ratio) or its number of
    persons (a quantity). A member whose age a group needs but whose birth date is not known
    makes that item's fact unknown, so the verdict is provisional rather than a guess."""
    members = _members(slate)
    faults = Faults()
    faults.check(isinstance(spec, CommitteeSpec), "spec", "a CommitteeSpec", spec)
    faults.check(isinstance(on, dt.date) and not isinstance(on, dt.datetime), "on", "a date", on)
    _check_members(members, faults, "slate")
    faults.raise_if_any()
    if spec.composition is None:
        raise ValidationError.single("spec.composition", "a composition rule sheet to judge the slate by", None)
    groups = {group.code: group for group in spec.groups}
    facts: dict[str, Fact] = {}
    for item in spec.composition.items:
        group = groups[item.code]
        found = [group.holds(member, on) for member in members]
        if None in found:
            facts[item.code] = Fact.unknown(f"{found.count(None)}人出生日期未知")
            continue
        count = found.count(True)
        assert item.condition is not None  # noqa: S101 - checked when the spec was built
        if item.condition.measure is Measure.RATIO:
            facts[item.code] = Fact.ratio(f"{count}人", f"{len(members)}人")
        else:
            facts[item.code] = Fact.measured(f"{count}人")
    subject = Subject(spec.organisation, spec.title, SubjectKind.ORGANISATION)
    return evaluate(spec.composition, facts, on=on, subject=subject)


@attrs.frozen
class CompositionRow:
    """One group of a composition report: its count and its share of the total (占总数的%)."""

    breakdown: str
    group: str
    title: str
    count: int
    share: Decimal

    def render(self) -> str:
        """The row as a report writes it: ``妇女工作者48人，占总数的28.07%``."""
        return f"{self.title}{self.count}人，占总数的{self.share}%"


def _rows(value: Iterable[CompositionRow]) -> tuple[CompositionRow, ...]:
    return listed(value, "rows", "a list of composition rows")


@attrs.frozen
class CompositionReport:
    """The composition of a committee (队伍构成): ``total`` members and, per breakdown, each
    group's count and share (shares of one breakdown add to exactly 100.00%); ``average_age``
    to one decimal (平均年龄) when every birth date is known."""

    total: int
    rows: tuple[CompositionRow, ...] = attrs.field(converter=_rows)
    on: dt.date
    average_age: Decimal | None = None

    def breakdown(self, code: str) -> tuple[CompositionRow, ...]:
        """The rows of one breakdown, in order."""
        rows = tuple(row for row in self.rows if row.breakdown == code)
        if not rows:
            codes = sorted({row.breakdown for row in self.rows})
            raise ValidationError.single("breakdown", f"one of {', '.join(codes)}", code)
        return rows

    def row(self, group: str) -> CompositionRow:
        """The row of the group with code *group*."""
        for row in self.rows:
            if row.group == group:
                return row
        raise ValidationError.single("group", f"one of {', '.join(row.group for row in self.rows)}", group)

    def records(self) -> list[_Record]:
        """One tidy row per group (see :mod:`fulian_core.tabular`): the breakdown, the group's
        code and title, its count, its share in percent, the total and the day counted."""
        return [
            {
                "breakdown": row.breakdown,
                "group": row.group,
                "group_label": row.title,
                "count": row.count,
                "share": row.share,
                "total": self.total,
                "on": self.on,
            }
            for row in self.rows
        ]

    def render(self) -> str:
        """Every breakdown as one sentence, as a 换届 report writes it."""
        codes = dict.fromkeys(row.breakdown for row in self.rows)
        return "".join("；".join(row.render() for row in self.rows if row.breakdown == code) + "。" for code in codes)


@_exact
def composition(
    members: Iterable[Member], breakdowns: Iterable[Breakdown], *, on: dt.date, places: int = 2
) -> CompositionReport:
    """The composition report of *members* on *on* (执委构成): for each breakdown, each group's
    count and its share of the total, by largest remainder to *places* decimals so that the
    shares of a breakdown add to exactly 100%. Every member must fall in exactly one group of
    every breakdown — one in none or in two is an error naming her position, never a share that
    silently does not add up."""
    people = _members(members)
    views = listed(breakdowns, "breakdowns", "a list of breakdowns")
    faults = Faults()
    _check_members(people, faults)
    faults.check(bool(people), "members", "at least one member", people)
    faults.check(isinstance(on, dt.date) and not isinstance(on, dt.datetime), "on", "a date", on)
    for index, view in enumerate(views):
        faults.check(isinstance(view, Breakdown), f"breakdowns[{index}]", "a Breakdown", view)
    faults.raise_if_any()
    rows: list[CompositionRow] = []
    for index, view in enumerate(views):
        counts = [0] * len(view.groups)
        for position, member in enumerate(people):
            found = [number for number, group in enumerate(view.groups) if group.holds(member, on)]
            if len(found) != 1:
                held = ", ".join(view.groups[number].code for number in found) or "none"
                faults.add(f"breakdowns[{index}] ({view.code}): members[{position}]", "exactly one group", held)
                continue
            counts[found[0]] += 1
        if faults:
            continue
        shares = _percentage_shares(counts, places=places)
        rows.extend(
            CompositionRow(view.code, group.code, group.title, count, share)
            for group, count, share in zip(view.groups, counts, shares, strict=True)
        )
    faults.raise_if_any()
    ages = [member.age_on(on) for member in people]
    average = None
    if None not in ages:
        total_age = sum(age for age in ages if age is not None)
        average = (Decimal(total_age) / Decimal(len(people))).quantize(Decimal("0.1"))
    return CompositionReport(len(people), rows, on, average)
