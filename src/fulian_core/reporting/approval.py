"""Reports approved up the hierarchy (数据上报审核), as DHIS2 approves data: a unit submits its
report for the period, the unit above approves it or returns it with reasons, and a unit sends its
own report up only once every report under it is approved or excused.

The approval workflow is declared on the one engine (:data:`REPORT_WORKFLOW`); its guards read the
whole round — a unit's report is a :class:`~fulian_core.workflows.Case` among the others, moved by
:func:`~fulian_core.workflows.advance_with` with the :class:`ReportRound` as the guards' context.

* ``submit`` (上报): by the unit itself, with its own values for the period, once the reports of
  the units directly under it are approved (已审核) or excused (免报).
* ``approve`` (审核通过) and ``return`` (退回, with its reasons): by the unit directly above.
* Approval locks the values: a submitted or approved report's values change only after it is
  returned and submitted again.
* ``unapprove`` (撤销审核, with its reason) takes an approved report back to 待审核, and
  ``reinstate`` (撤销免报) an excused one back to 待上报 — only while the approver's own report
  has not gone up (待上报 or 已退回): once the next level has the figures, they stand.
* ``excuse`` (免报, with its reason): the unit above excuses a report that will not come.

The round is its log: a :class:`ReportRound` is built from its acts (:class:`RoundAct`), each
checked again, so a stored round is read back by building it from the stored acts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar, Final

import attrs

from fulian_core._definitions import ReadOnlyDict, check_type, listed
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._faults import Faults
from fulian_core._persistent import PersistentMap
from fulian_core.calendars import china_date
from fulian_core.errors import TransitionRefused, UnknownUnitError, ValidationError
from fulian_core.indicators import Dataset, DataValue, IndicatorSet
from fulian_core.orgs import Level, OrgTree
from fulian_core.periods import Period
from fulian_core.privacy import redact_text
from fulian_core.reporting.reports import Report, ReturnReasons
from fulian_core.tabular import Record as _Record
from fulian_core.workflows import (
    Act,
    Attempt,
    Case,
    Due,
    Guard,
    Role,
    State,
    Transition,
    Workflow,
    advance_with,
)

__all__ = ["REPORT_STATES", "REPORT_WORKFLOW", "ReportRound", "RoundAct", "report_workflow"]

REPORT_STATES: Final = ("open", "submitted", "returned", "approved", "excused")
"""The states of a unit's report: 待上报, 待审核, 已退回, 已审核, 免报."""

_SETTLED: Final = frozenset({"approved", "excused"})
_NOT_SENT: Final = frozenset({"open", "returned"})
_HOLDING: Final = frozenset({"submitted", "approved"})  # the states whose values stand
_STAFF = frozenset({Role.STAFF, Role.LEADER})
_LEAD = frozenset({Role.LEADER})
_A = Attempt["ReportRound"]
_SHOWN = 5  # units named in a refusal; the rest are counted


def _acting_for(attempt: _A) -> str:
    """The unit the actor acts for, as the tree holds it (a division code may come padded)."""
    unit = attempt.actor.unit
    return _code_in(attempt.context.tree, unit) or unit


def _shown(unit: str) -> str:
    return redact_text(unit)  # a unit code is no place for an ID number; if one is, it is masked


def _for_the_unit(attempt: _A) -> str | None:
    if _acting_for(attempt) == attempt.subject:
        return None
    return f"expected an actor acting for {attempt.subject}, got one acting for {_shown(attempt.actor.unit)}"


def _for_the_unit_above(attempt: _A) -> str | None:
    above = attempt.context.above(attempt.subject)
    if _acting_for(attempt) == above:
        return None
    acting = _shown(attempt.actor.unit)
    return f"expected an actor acting for {above} (the unit above {attempt.subject}), got one acting for {acting}"


def _not_under_excused(attempt: _A) -> str | None:
    round_ = attempt.context
    unit = round_.above(attempt.subject)
    while unit != round_.top:
        if round_.state_of(unit) == "excused":
            return f"expected no excused report above {attempt.subject}, got {unit} (免报)"
        unit = round_.above(unit)
    return None


def _below_settled(attempt: _A) -> str | None:
    round_ = attempt.context
    pending = [code for code in round_.below(attempt.subject) if round_.state_of(code) not in _SETTLED]
    if not pending:
        return None
    shown = "、".join(f"{code} ({round_.label_of(code)})" for code in pending[:_SHOWN])
    more = f" and {len(pending) - _SHOWN} more" if len(pending) > _SHOWN else ""
    return f"expected every report under {attempt.subject} approved or excused, got {len(pending)} not: {shown}{more}"


def _after_below(attempt: _A) -> str | None:
    round_ = attempt.context
    last = max(
        (case.last_at for code in round_.below(attempt.subject) if (case := round_.case(code)).last_at is not None),
        default=None,
    )
    if last is None or attempt.at >= last:
        return None
    under, given = attempt.subject, attempt.at.isoformat()
    return f"expected a time at or after the last act on the reports under {under} ({last.isoformat()}), got {given}"


def _own_values(attempt: _A) -> str | None:
    payload = attempt.payload
    assert isinstance(payload, Report)  # noqa: S101 - the engine checked the payload's type
    round_ = attempt.context
    period = round_.period
    for index, value in enumerate(payload.values):
        unit = _code_in(round_.tree, value.unit)
        if unit != attempt.subject or not period.contains(value.period):
            return (
                f"expected values of {attempt.subject} within {period.code}, "
                f"got values[{index}]: {value.indicator} of {_shown(value.unit)} for {value.period.code}"
            )
    if round_.indicators is not None:
        try:
            Dataset(round_.indicators, round_.tree, payload.values)
        except ValidationError as error:
            fault = error.faults[0]
            return f"expected values the round's indicators define, got {fault.path}: {fault.expected}"
    return None


def _in_time(attempt: _A) -> str | None:
    first = attempt.context.period.start
    day = china_date(attempt.at)
    if day >= first:
        return None
    return f"expected a report on or after the period's first day ({first.isoformat()}), got {day.isoformat()}"


def _not_own_report(attempt: _A) -> str | None:
    case = attempt.context.case(attempt.subject)
    submitted = case.acts("submit")
    actor = attempt.actor
    if attempt.subject in actor.conflicts:
        return f"expected an actor not standing aside from {attempt.subject} (回避), got {actor.id}"
    if submitted and submitted[-1].act.actor.id == actor.id:
        return f"expected someone other than who submitted the report, got {actor.id}"
    return None


def _above_not_sent(attempt: _A) -> str | None:
    round_ = attempt.context
    above = round_.above(attempt.subject)
    if above == round_.top or round_.state_of(above) in _NOT_SENT:
        return None
    return f"expected the report of {above} not yet sent up (待上报 or 已退回), got {round_.label_of(above)}"


_GUARDS: Final = (
    Guard("for_the_unit", "a unit's report is submitted by someone acting for that unit", _for_the_unit),
    Guard(
        "for_the_unit_above",
        "a report is approved, returned or excused by someone acting for the unit directly above",
        _for_the_unit_above,
    ),
    Guard(
        "not_under_excused",
        "nothing moves under an excused report: what it stands for is settled as excused",
        _not_under_excused,
    ),
    Guard(
        "own_values",
        "a report carries the unit's own values, for periods within the round's (and, where the round "
        "names its indicators, values they define)",
        _own_values,
    ),
    Guard("in_time", "a report is submitted on or after the first day of its period", _in_time),
    Guard(
        "below_settled",
        "a report goes up only once every report directly under it is approved or excused",
        _below_settled,
    ),
    Guard("after_below", "a report goes up after the last act on the reports under it", _after_below),
    Guard(
        "not_own_report",
        "a report is decided by someone other than who submitted it, and not by one who stands aside (回避)",
        _not_own_report,
    ),
    Guard(
        "above_not_sent",
        "an approval or excuse is withdrawn only while the approver's own report has not gone up",
        _above_not_sent,
    ),
)

_ABOVE = ("for_the_unit_above", "not_under_excused")


def _transitions() -> tuple[Transition, ...]:
    return (
        Transition(
            "submit",
            "上报",
            {"open", "returned"},
            "submitted",
            _STAFF,
            guards=("for_the_unit", "not_under_excused", "own_values", "in_time", "below_settled", "after_below"),
            payload=Report,
        ),
        Transition("approve", "审核通过", {"submitted"}, "approved", _STAFF, guards=(*_ABOVE, "not_own_report")),
        Transition(
            "return",
            "退回",
            {"submitted"},
            "returned",
            _STAFF,
            guards=(*_ABOVE, "not_own_report"),
            payload=ReturnReasons,
        ),
        Transition(
            "unapprove",
            "撤销审核",
            {"approved"},
            "submitted",
            _LEAD,
            needs_reason=True,
            guards=(*_ABOVE, "above_not_sent"),
        ),
        Transition("excuse", "免报", {"open", "returned"}, "excused", _LEAD, needs_reason=True, guards=_ABOVE),
        Transition(
            "reinstate",
            "撤销免报",
            {"excused"},
            "open",
            _LEAD,
            needs_reason=True,
            guards=(*_ABOVE, "above_not_sent"),
        ),
    )


def report_workflow(*, resubmit: Due | None = None) -> Workflow[ReportRound]:
    """The approval workflow of a round of reports, a returned report falling due *resubmit*
    after it is returned (None: by the round's own due date)."""
    if resubmit is not None:
        check_type(resubmit, Due, "resubmit", "a Due or None")
    return Workflow["ReportRound"](
        code="report_approval",
        label="数据上报审核",
        states=(
            State("open", "待上报"),
            State("submitted", "待审核"),
            State("returned", "已退回", due=resubmit),
            State("approved", "已审核"),
            State("excused", "免报"),
        ),
        initial="open",
        transitions=_transitions(),
        guards=_GUARDS,
    )


def _shape_of(workflow: Workflow[ReportRound]) -> tuple[object, ...]:
    """What a round relies on in its workflow: everything but the returned report's due period."""
    return (
        workflow.code,
        workflow.initial,
        tuple((state.code, state.final) for state in workflow.states),
        workflow.transitions,
        tuple((guard.code, guard.check) for guard in workflow.guards),
    )


REPORT_WORKFLOW: Final = report_workflow()
"""Reports approved up the hierarchy, a returned report due by the round's own due date."""


@attrs.frozen
class RoundAct:
    """One act of a round (上报审核记录): the unit whose report it moves, and the act."""

    unit: str
    act: Act

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.unit, str) and bool(self.unit), "unit", "a unit code", self.unit)
        faults.check(isinstance(self.act, Act), "act", "an Act", self.act)
        faults.raise_if_any()


def _acts(value: Iterable[RoundAct]) -> tuple[RoundAct, ...]:
    return listed(value, "acts", "a list of round acts")


@attrs.frozen
class _Shape:
    """The units of a round, worked out once and shared by every round that follows."""

    order: tuple[str, ...]
    above: Mapping[str, str]
    below: Mapping[str, tuple[str, ...]]
    level: Mapping[str, Level]


def _code_in(tree: OrgTree, code: object) -> str | None:
    """*code* as *tree* holds it (a division code may come zero-padded), or None."""
    if not isinstance(code, str):
        return None
    try:
        return tree.unit(code).code
    except UnknownUnitError:
        return None


def _shape(tree: OrgTree, top: str, down_to: Level | None) -> _Shape:
    order: list[str] = []
    above: dict[str, str] = {}
    below: dict[str, list[str]] = {top: []}
    level: dict[str, Level] = {}
    for unit in tree.descendants(top):
        if down_to is not None and unit.level.rank > down_to.rank:
            continue
        parent = unit.parent
        assert parent is not None  # noqa: S101 - a descendant has a parent
        order.append(unit.code)
        above[unit.code] = parent
        below.setdefault(parent, []).append(unit.code)
        below.setdefault(unit.code, [])
        level[unit.code] = unit.level
    return _Shape(
        tuple(order),
        ReadOnlyDict(above),
        ReadOnlyDict({code: tuple(codes) for code, codes in below.items()}),
        ReadOnlyDict(level),
    )


@attrs.frozen(eq=False, repr=False)
class ReportRound(_Displayed):
    """One period's reports of a hierarchy and their approval (一期数据上报审核).

    ``top`` receives the reports last (the county of a county's round); every unit under it — down
    to ``down_to`` (None: every level) — reports to the unit directly above. ``due`` is the day
    reports are due. Given ``indicators``, every report's values are checked against them when
    submitted (so :meth:`dataset` can always be built). The round is built from its ``acts``, each checked again through
    :data:`REPORT_WORKFLOW` (or the ``workflow`` given); a refused act is a
    :class:`~fulian_core.errors.ValidationError` at ``acts[i]`` saying why. :meth:`act` and
    :meth:`apply` give the round after more acts; this one is unchanged.
    """

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "every act names a unit under top (down to down_to), and the workflow accepts it in turn",
    )
    """What is checked when the round is built, beyond its schema."""

    tree: OrgTree
    top: str
    period: Period
    due: dt.date
    acts: tuple[RoundAct, ...] = attrs.field(default=(), converter=_acts)
    down_to: Level | None = None
    workflow: Workflow[ReportRound] = attrs.field(default=REPORT_WORKFLOW, repr=False)
    indicators: IndicatorSet | None = attrs.field(default=None, repr=False)
    _shape: _Shape = attrs.field(init=False, repr=False)
    _cases: PersistentMap[Case] | _Changes = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.tree, OrgTree), "tree", "an OrgTree", self.tree)
        faults.check(isinstance(self.period, Period), "period", "a Period", self.period)
        faults.check(isinstance(self.due, dt.date) and not isinstance(self.due, dt.datetime), "due", "a date", self.due)
        faults.check(
            self.down_to is None or isinstance(self.down_to, Level), "down_to", "a Level or None", self.down_to
        )
        faults.check(isinstance(self.workflow, Workflow), "workflow", "a Workflow", self.workflow)
        indicators = self.indicators
        faults.check(
            indicators is None or isinstance(indicators, IndicatorSet),
            "indicators",
            "an IndicatorSet or None",
            indicators,
        )
        top = _code_in(self.tree, self.top) if isinstance(self.tree, OrgTree) else None
        if isinstance(self.tree, OrgTree):  # without a tree, no top can be checked
            faults.check(top is not None, "top", "a unit of the tree", self.top)
        faults.raise_if_any()
        if _shape_of(self.workflow) != _shape_of(REPORT_WORKFLOW):
            raise ValidationError.single("workflow", "a workflow made by report_workflow()", self.workflow.code)
        assert top is not None  # noqa: S101 - checked just above
        shape = _shape(self.tree, top, self.down_to)
        if not shape.order:
            if self.down_to is not None and self.tree.children(top):
                below = self.tree.children(top)[0].level.label
                raise ValidationError.single("down_to", f"a level at or below {below}", self.down_to.code)
            raise ValidationError.single("top", "a unit with units under it to report", self.top)
        object.__setattr__(self, "top", top)
        object.__setattr__(self, "_shape", shape)
        cases = {code: Case(self.workflow.code, code, self.workflow.initial) for code in shape.order}
        changes = _Changes(PersistentMap.from_dict(cases))
        object.__setattr__(self, "_cases", changes)  # changed in place while the acts are checked
        _fold(self, self.acts)
        object.__setattr__(self, "_cases", changes.made())

    # Reading the round -------------------------------------------------------------------------

    @property
    def units(self) -> tuple[str, ...]:
        """The units that report in this round, depth first from the top."""
        return self._shape.order

    def _known(self, unit: object, path: str = "unit") -> str:
        code = unit if isinstance(unit, str) and unit in self._shape.above else _code_in(self.tree, unit)
        if code is None or code not in self._shape.above:
            raise ValidationError.single(path, f"a unit reporting under {self.top}", unit)
        return code

    def above(self, unit: str) -> str:
        """The unit *unit* reports to (its approver)."""
        return self._shape.above[self._known(unit)]

    def below(self, unit: str) -> tuple[str, ...]:
        """The units reporting directly to *unit* (the top included)."""
        return self._shape.below[self._known_or_top(unit, "unit")]

    def _known_or_top(self, unit: object, path: str) -> str:
        if unit == self.top or _code_in(self.tree, unit) == self.top:
            return self.top
        return self._known(unit, path)

    def case(self, unit: str) -> Case:
        """*unit*'s report as a case: its state, due date and every event."""
        return self._cases[self._known(unit)]

    def state_of(self, unit: str) -> str:
        """The state of *unit*'s report (``open``, ``submitted``, ``returned``, ``approved``,
        ``excused``)."""
        return self.case(unit).state

    def label_of(self, unit: str) -> str:
        """The state of *unit*'s report as a federation writes it (待上报, 已审核 …)."""
        return self.workflow.state(self.state_of(unit)).label

    def values_of(self, unit: str) -> tuple[DataValue, ...]:
        """The values *unit*'s report stands by: those of its last submission while it is
        submitted or approved; none before it is submitted, once it is returned, or excused."""
        case = self.case(unit)
        if case.state not in _HOLDING:
            return ()
        payload = case.acts("submit")[-1].act.payload
        assert isinstance(payload, Report)  # noqa: S101 - submit carries a Report
        return payload.values

    def reasons(self, unit: str) -> tuple[str, ...]:
        """Why *unit*'s report was returned, while it is (已退回); empty otherwise."""
        case = self.case(unit)
        if case.state != "returned":
            return ()
        payload = case.events[-1].act.payload
        assert isinstance(payload, ReturnReasons)  # noqa: S101 - only return enters the state
        return payload.reasons

    def approved(self) -> frozenset[str]:
        """The units whose reports are approved: what a rollup of approved data only counts
        (``rollup(…, approved=round.approved())``)."""
        return frozenset(code for code, case in self._cases.items() if case.state == "approved")

    def awaiting(self, approver: str) -> tuple[str, ...]:
        """The reports waiting for *approver*'s decision (待审核), in the round's order."""
        code = self._known_or_top(approver, "approver")
        return tuple(unit for unit in self._shape.below[code] if self._cases[unit].state == "submitted")

    def overdue(self, *, on: dt.date) -> tuple[str, ...]:
        """The units whose report should have come by *on* and has not (逾期未报): not yet
        submitted after the round's due date, or returned and past the due date set when it
        was returned."""
        if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
            raise ValidationError.single("on", "a date", on)
        late: list[str] = []
        for code in self._shape.order:
            case = self._cases[code]
            if case.state not in _NOT_SENT:
                continue
            due = case.due if case.state == "returned" and case.due is not None else self.due
            if due < on:
                late.append(code)
        return tuple(late)

    def counts(self, level: Level | None = None) -> Mapping[str, int]:
        """How many reports stand in each state (in the order of :data:`REPORT_STATES`), of the
        units at *level* (None: all)."""
        if level is not None:
            check_type(level, Level, "level")
        counts = dict.fromkeys(REPORT_STATES, 0)
        for code in self._shape.order:
            if level is None or self._shape.level[code] is level:
                counts[self._cases[code].state] += 1
        return counts

    def dataset(self, indicators: IndicatorSet | None = None) -> Dataset:
        """Every value the round's reports stand by (submitted or approved), checked against
        *indicators* (by default the round's own) and the tree; roll it up with
        ``approved=round.approved()`` to count only approved data."""
        if indicators is None:
            indicators = self.indicators
            if indicators is None:
                raise ValidationError.single("indicators", "an IndicatorSet (the round names none)", None)
        check_type(indicators, IndicatorSet, "indicators")
        values = [value for code in self._shape.order for value in self.values_of(code)]
        return Dataset(indicators, self.tree, values)

    def summary(self, level: Level | None = None) -> str:
        """The round's progress in one sentence: ``村（社区）12个：已审核10、待审核1 …``."""
        levels = [level] if level is not None else sorted(set(self._shape.level.values()), key=lambda lv: lv.rank)
        parts = []
        for each in levels:
            counts = self.counts(each)
            total = sum(counts.values())
            shown = "、".join(f"{self.workflow.state(state).label}{count}" for state, count in counts.items() if count)
            parts.append(f"{each.label}{total}个：{shown}")
        return f"{self.tree.unit(self.top).name}{self.period.label}数据上报，" + "；".join(parts)

    def records(self) -> list[_Record]:
        """One tidy row per reporting unit: its code, name and level, the unit above, the state
        (code and label), its due date, how many values it stands by, when the report it stands
        by was submitted (while it is submitted or approved) and when it was approved (while it
        is), as China dates."""
        rows: list[_Record] = []
        for code in self._shape.order:
            case = self._cases[code]
            unit = self.tree.unit(code)
            submitted = case.acts("submit")
            approved = case.acts("approve")
            rows.append(
                {
                    "unit": code,
                    "name": unit.name,
                    "level": unit.level.code,
                    "above": self._shape.above[code],
                    "state": case.state,
                    "state_label": self.workflow.state(case.state).label,
                    "due": case.due if case.state == "returned" and case.due is not None else self.due,
                    "values": len(self.values_of(code)),
                    "submitted_on": china_date(submitted[-1].act.at) if case.state in _HOLDING else None,
                    "approved_on": china_date(approved[-1].act.at) if case.state == "approved" else None,
                }
            )
        return rows

    def _display(self) -> _Display:
        return _Display.of(
            self.summary(),
            header=("单位", "名称", "状态", "上报日期", "审核日期"),
            rows=(
                (
                    row["unit"],
                    row["name"],
                    row["state_label"],
                    "" if row["submitted_on"] is None else row["submitted_on"],
                    "" if row["approved_on"] is None else row["approved_on"],
                )
                for row in self.records()
            ),
        )

    def __repr__(self) -> str:
        counts = "、".join(f"{state}={count}" for state, count in self.counts().items() if count)
        return f"ReportRound(top={self.top!r}, period={self.period.code!r}, units={len(self.units)}, {counts})"

    # Moving the round --------------------------------------------------------------------------

    def act(self, unit: str, act: Act) -> ReportRound:
        """The round after *act* on *unit*'s report; refused with
        :class:`~fulian_core.errors.TransitionRefused` naming the guard (this round unchanged)."""
        return self.apply([RoundAct(self._known(unit), act)])

    def apply(self, acts: Iterable[RoundAct]) -> ReportRound:
        """The round after every one of *acts*, in order (a day's work at once, in one pass);
        the first refused stops them all and leaves this round unchanged."""
        more = _acts(acts)
        made = object.__new__(ReportRound)
        for field in attrs.fields(ReportRound):
            object.__setattr__(made, field.name, getattr(self, field.name))
        base = self._cases
        assert isinstance(base, PersistentMap)  # noqa: S101 - a made round's cases
        changes = _Changes(base)
        object.__setattr__(made, "_cases", changes)  # the guards read it as acts apply
        _fold(made, more, refuse=True)
        object.__setattr__(made, "acts", (*self.acts, *more))
        object.__setattr__(made, "_cases", changes.made())  # sharing all but the changed buckets
        return made


class _Changes:
    """A round's cases while acts apply: the changes over the cases before them (a round made by
    one more act shares all but the changed buckets with the round before it)."""

    __slots__ = ("_base", "_changed")

    def __init__(self, base: PersistentMap[Case]) -> None:
        self._base = base
        self._changed: dict[str, Case] = {}

    def __getitem__(self, unit: str) -> Case:
        changed = self._changed.get(unit)
        return changed if changed is not None else self._base[unit]

    def __setitem__(self, unit: str, case: Case) -> None:
        self._changed[unit] = case

    def __contains__(self, unit: object) -> bool:
        return unit in self._changed or unit in self._base

    def items(self) -> Iterator[tuple[str, Case]]:
        for unit, case in self._base.items():
            yield unit, self._changed.get(unit, case)

    def made(self) -> PersistentMap[Case]:
        return self._base.set_many(self._changed) if self._changed else self._base


def _fold(round_: ReportRound, acts: tuple[RoundAct, ...], *, refuse: bool = False) -> None:
    """Apply *acts* to the cases of *round_* (a round being made: its cases still a plain
    dict), the guards reading the round as it stands after each act.

    While a round is built every refusal is a ValidationError at ``acts[i]``; acts added later
    (``refuse``) keep the engine's own refusal (TransitionRefused, ValidationError)."""
    cases = round_._cases
    assert isinstance(cases, _Changes)  # noqa: S101 - a round being made
    workflow = round_.workflow
    for index, item in enumerate(acts):
        at = f"acts[{index}]"
        if not isinstance(item, RoundAct):
            raise ValidationError.single(at, "a RoundAct", item)
        unit = item.unit if item.unit in cases else _code_in(round_.tree, item.unit)
        if unit is None or unit not in cases:
            raise ValidationError.single(f"{at}.unit", f"a unit reporting under {round_.top}", item.unit)
        if refuse:
            cases[unit] = advance_with(workflow, cases[unit], item.act, context=round_)
            continue
        try:
            cases[unit] = advance_with(workflow, cases[unit], item.act, context=round_)
        except (TransitionRefused, ValidationError, LookupError) as error:
            raise ValidationError.single(at, f"an act the workflow accepts here ({error})", item.act.command) from None
