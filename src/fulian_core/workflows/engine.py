"""Running a declared workflow (流程引擎): one check for every command, one fold for live
handling and replay, and the deadline queries.

:func:`check` is the engine's one gate: it finds the transition (guard ``state``), checks the
payload's type, then runs the built-in guards ``role``, ``reason`` and ``chronology`` and the
transition's declared guards in order; the first that refuses raises
:class:`~fulian_core.errors.TransitionRefused` naming it. Every workflow of the library — the
nomination lifecycle, plaques, 巾帼文明岗, 公开承诺, rectification — goes through it.

A :class:`Case` is one subject moving through a workflow of its own; :func:`advance` applies
an :class:`Act` and returns the new case (the old one is unchanged, also when the act is
refused), and :func:`replay_case` folds a log back into the case through the same fold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Protocol, TypeVar

import attrs

from fulian_core._definitions import check_free_text as _check_free_text
from fulian_core._definitions import check_items, check_type, listed
from fulian_core._definitions import check_iterable as _check_iterable
from fulian_core._definitions import check_moment as _check_moment
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._faults import Faults
from fulian_core.calendars import china_date
from fulian_core.errors import TransitionRefused, ValidationError
from fulian_core.privacy import _text_repr
from fulian_core.workflows.actors import Actor
from fulian_core.workflows.declaration import BUILT_IN_GUARDS as _BUILT_IN_GUARDS
from fulian_core.workflows.declaration import Attempt, Payload, Transition, Workflow

__all__ = [
    "Act",
    "Case",
    "CaseEvent",
    "Dated",
    "advance",
    "advance_with",
    "cases_by_unit",
    "cases_of",
    "check",
    "events_as_of",
    "falling_due",
    "first_allowed",
    "group_by_state",
    "overdue",
    "replay_case",
]

C = TypeVar("C")


def check(
    workflow: Workflow[C],
    command: str,
    state: str,
    *,
    subject: str,
    actor: Actor,
    at: dt.datetime,
    reason: str,
    payload: object,
    last_at: dt.datetime | None,
    context: C,
) -> Transition:
    """The transition *command* takes from *state*, once every guard has passed.

    Raises :class:`~fulian_core.errors.UnknownCommandError` for a command the workflow does
    not declare, :class:`~fulian_core.errors.ValidationError` for a payload of the wrong type,
    and :class:`~fulian_core.errors.TransitionRefused` naming the first guard that refused.

    The workflow's own guards read *context* (a campaign's state, a plaque's check); one that
    cannot read it (a context of the wrong type, say ``None``) is a
    :class:`~fulian_core.errors.ValidationError` at ``context``, naming the guard and the
    context's type, the guard's own error chained as its cause.
    """
    _check_arguments(workflow, state, actor=actor, at=at, reason=reason, last_at=last_at)
    check_type(command, str, "command", "a command code")
    return _passed(workflow, command, state, (subject, actor, at, reason, payload, last_at, context))


def _check_arguments(
    workflow: object, state: object, *, actor: object, at: object, reason: object, last_at: object
) -> None:
    check_type(workflow, Workflow, "workflow")
    check_type(state, str, "state")
    faults = Faults()
    faults.check(isinstance(actor, Actor), "actor", "an Actor", actor)
    _check_moment(at, "at", faults)
    _check_free_text(reason, "reason", faults)
    faults.check(last_at is None or isinstance(last_at, dt.datetime), "last_at", "a date and time or None", last_at)
    faults.raise_if_any()


_Given = tuple[str, Actor, dt.datetime, str, object, "dt.datetime | None", C]


def _passed(workflow: Workflow[C], command: str, state: str, given: _Given[C]) -> Transition:
    """The transition once every guard has passed, for arguments already checked."""
    subject, actor, at, reason, payload, last_at, context = given
    transition = workflow.transition(command, state, subject=subject)
    expected = transition.payload
    if expected is not None and not isinstance(payload, expected):
        raise ValidationError.single("payload", f"a {expected.__name__} payload for {command}", payload)
    if expected is None and payload is not None:
        raise ValidationError.single("payload", f"no payload for {command}", payload)
    attempt = Attempt(transition, subject, state, actor, at, reason, payload, last_at, context)
    for guard in _BUILT_IN_GUARDS:
        detail = guard.check(attempt)
        if detail is not None:
            raise TransitionRefused(command, subject, workflow.describe(state), guard.code, detail)
    for code in transition.guards:
        try:
            detail = workflow.guard(code).check(attempt)
        except (AttributeError, TypeError, KeyError) as error:  # a context the guard cannot read
            raise ValidationError.single(
                "context",
                f"a context the {code!r} guard of the {workflow.code} workflow can read",
                type(context).__name__,
            ) from error
        if detail is not None:
            raise TransitionRefused(command, subject, workflow.describe(state), code, detail)
    return transition


def first_allowed(
    workflow: Workflow[C],
    commands: Iterable[str],
    state: str,
    *,
    subject: str,
    actor: Actor,
    at: dt.datetime,
    reason: str,
    payload: object,
    last_at: dt.datetime | None,
    context: C,
) -> Transition | None:
    """The transition of the first of *commands* that *state* accepts and whose guards all
    pass, or None: how a workflow moved by facts rather than by people's commands (a plaque by
    its score cards) picks its move. The commands are tried in the order given."""
    commands = check_items(commands, str, "commands", "a list of command names")  # type: ignore[assignment]
    _check_arguments(workflow, state, actor=actor, at=at, reason=reason, last_at=last_at)  # once, not per command
    given: _Given[C] = (subject, actor, at, reason, payload, last_at, context)
    for command in commands:
        try:
            return _passed(workflow, command, state, given)
        except TransitionRefused:  # noqa: PERF203 - a refusal means: try the next one
            continue
    return None


@attrs.frozen
class Act:
    """A command given to a case (操作): what, by whom, when (supplied by the caller), why, and
    the payload its transition declares (None when it declares none). The reason and the note
    may name people (a referral's reason, a closure's): ``repr`` shows them by length only."""

    command: str
    actor: Actor
    at: dt.datetime
    reason: str = attrs.field(default="", repr=_text_repr)
    note: str = attrs.field(default="", repr=_text_repr)
    payload: Payload | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.command, str) and bool(self.command), "command", "a command code", self.command)
        faults.check(isinstance(self.actor, Actor), "actor", "an Actor", self.actor)
        _check_moment(self.at, "at", faults)
        _check_free_text(self.reason, "reason", faults)
        faults.check(isinstance(self.note, str), "note", "text", self.note)
        faults.check(self.payload is None or isinstance(self.payload, Payload), "payload", "a Payload", self.payload)
        faults.raise_if_any()


@attrs.frozen
class CaseEvent:
    """An accepted act and the move it made (流程记录): the audit trail of a case. ``due`` is
    the due date the target state was given on entry, fixed then, so that a later change of
    calendar never re-dates the past."""

    seq: int = attrs.field(validator=_whole_number)
    act: Act
    source: str
    target: str
    due: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(
            isinstance(self.seq, int) and not isinstance(self.seq, bool) and self.seq >= 1,
            "seq",
            "a number >= 1",
            self.seq,
        )
        faults.check(isinstance(self.act, Act), "act", "an Act", self.act)
        faults.check(isinstance(self.source, str), "source", "a state code", self.source)
        faults.check(isinstance(self.target, str), "target", "a state code", self.target)
        faults.check(self.due is None or _is_date(self.due), "due", "a date or None", self.due)
        faults.raise_if_any()


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def _events(value: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    return listed(value, "events", "a list of case events")


@attrs.frozen
class Case:
    """One subject moving through a workflow (办理事项): its state, when that state falls due
    (None: no deadline), and every event so far."""

    workflow: str
    subject: str
    state: str
    events: tuple[CaseEvent, ...] = attrs.field(default=(), converter=_events)
    due: dt.date | None = None

    @classmethod
    def start(cls, workflow: Workflow[Case], subject: str) -> Case:
        """A new case in the workflow's initial state."""
        check_type(workflow, Workflow, "workflow")
        if not isinstance(subject, str) or not subject:
            raise ValidationError.single("subject", "a non-empty subject id", subject)
        return cls(workflow.code, subject, workflow.initial)

    @property
    def last_at(self) -> dt.datetime | None:
        """When the last accepted act happened."""
        return self.events[-1].act.at if self.events else None

    def acts(self, command: str) -> tuple[CaseEvent, ...]:
        """The events of every accepted *command*, oldest first."""
        return tuple(event for event in self.events if event.act.command == command)

    def is_overdue(self, on: dt.date) -> bool:
        """Whether the current state fell due before *on* (逾期)."""
        return self.due is not None and self.due < on


def _enter(case: Case, event: CaseEvent) -> Case:
    # The one fold: live handling and replay both move a case through here.
    return Case(case.workflow, case.subject, event.target, (*case.events, event), event.due)


def _decide(workflow: Workflow[C], case: Case, act: Act, context: C) -> CaseEvent:
    transition = check(
        workflow,
        act.command,
        case.state,
        subject=case.subject,
        actor=act.actor,
        at=act.at,
        reason=act.reason,
        payload=act.payload,
        last_at=case.last_at,
        context=context,
    )
    rule = workflow.state(transition.target).due
    # A record made in the state (keeps_due) lets its period run on.
    fresh = rule is not None and not transition.keeps_due
    due = rule.date(china_date(act.at), act.payload) if fresh and rule is not None else None
    due = case.due if transition.keeps_due else due
    return CaseEvent(len(case.events) + 1, act, case.state, transition.target, due)


def advance(workflow: Workflow[Case], case: Case, act: Act) -> Case:
    """The case after *act*, or :class:`~fulian_core.errors.TransitionRefused` /
    :class:`~fulian_core.errors.UnknownCommandError`; *case* is unchanged either way."""
    check_type(workflow, Workflow, "workflow")
    check_type(case, Case, "case")
    if not isinstance(case, Case):
        raise ValidationError.single("case", "a Case", case)
    if workflow.code != case.workflow:
        raise ValidationError.single("case.workflow", f"a case of the {workflow.code} workflow", case.workflow)
    if not isinstance(act, Act):
        raise ValidationError.single("act", "an Act", act)
    return _enter(case, _decide(workflow, case, act, case))


def advance_with(workflow: Workflow[C], case: Case, act: Act, *, context: C) -> Case:
    """The case after *act*, as :func:`advance` gives it, but with the workflow's guards
    reading *context* instead of the case: a case among others, whose guards look at them (a
    unit's report in a round of reports, approved only once the reports under it are —
    :class:`~fulian_core.reporting.ReportRound`). *case* is unchanged either way."""
    check_type(workflow, Workflow, "workflow")
    check_type(case, Case, "case")
    if workflow.code != case.workflow:
        raise ValidationError.single("case.workflow", f"a case of the {workflow.code} workflow", case.workflow)
    if not isinstance(act, Act):
        raise ValidationError.single("act", "an Act", act)
    return _enter(case, _decide(workflow, case, act, context))


def replay_case(workflow: Workflow[Case], subject: str, events: Iterable[CaseEvent]) -> Case:
    """The case an event log describes, through the same fold as :func:`advance`.

    Every act is checked again, so a tampered or corrupt log is refused with a
    :class:`~fulian_core.errors.ValidationError` naming the event (``events[3]``) and what is
    wrong with it; due dates are taken from the log as they were fixed.
    """
    if not isinstance(workflow, Workflow):
        raise ValidationError.single("workflow", "a Workflow", type(workflow).__name__)
    if isinstance(events, (str, bytes, Mapping)) or not isinstance(events, Iterable):
        raise ValidationError.single("events", "a list of events", type(events).__name__)
    case = Case.start(workflow, subject)
    for index, event in enumerate(events):
        path = f"events[{index}]"
        if not isinstance(event, CaseEvent):
            raise ValidationError.single(path, "a CaseEvent", event)
        if event.seq != index + 1:
            raise ValidationError.single(f"{path}.seq", f"event number {index + 1}", event.seq)
        try:
            decided = _decide(workflow, case, event.act, case)
        except (TransitionRefused, ValidationError, LookupError) as error:
            raise ValidationError.single(
                path, f"an act the workflow accepts here ({error})", event.act.command
            ) from None
        if (event.source, event.target) != (decided.source, decided.target):
            raise ValidationError.single(
                path, f"a move from {decided.source!r} to {decided.target!r}", f"{event.source} -> {event.target}"
            )
        entered = china_date(event.act.at)
        if workflow.transition(event.act.command, event.source).keeps_due:
            if event.due != case.due:  # a record in the state: the case's due date runs on
                raise ValidationError.single(f"{path}.due", f"the case's due date {case.due}", event.due)
        elif (event.due is None) != (decided.due is None) or (event.due is not None and event.due < entered):
            expected = "no due date" if decided.due is None else f"a due date on or after {entered.isoformat()}"
            raise ValidationError.single(f"{path}.due", expected, event.due)
        case = _enter(case, event)
    return case


class Dated(Protocol):
    """Anything that falls due (有期限的事项): a subject id and a due date (None: none) — a
    :class:`Case`, an open public notice (:class:`~fulian_core.nominations.Notice`) …"""

    @property
    def subject(self) -> str:
        """The id of what falls due."""
        ...

    @property
    def due(self) -> dt.date | None:
        """When it falls due (None: no deadline now)."""
        ...


_D = TypeVar("_D", bound=Dated)


def _cases(cases: Iterable[_D]) -> list[_D]:
    _check_iterable(cases, "cases", "a list of cases")
    given = list(cases)
    faults = Faults()
    for index, case in enumerate(given):
        due = getattr(case, "due", False)
        dated = isinstance(getattr(case, "subject", None), str) and (due is None or _is_date(due))
        faults.check(dated, f"cases[{index}]", "a Case (or anything with a subject and a due date)", case)
    faults.raise_if_any()
    return given


def _day(value: object, path: str) -> dt.date:
    if not _is_date(value):
        raise ValidationError.single(path, "a date (not a date and time)", value)
    assert isinstance(value, dt.date)  # noqa: S101 - checked just above
    return value


def overdue(cases: Iterable[_D], *, on: dt.date) -> tuple[_D, ...]:
    """The cases whose current state fell due before *on* (逾期事项), the longest overdue first.

    Any workflow's items answer: cases, and anything else with a ``subject`` and a ``due``
    date (the notices of a campaign that should have been closed: ``overdue(state.notices(),
    on=day)``)."""
    day = _day(on, "on")
    return tuple(sorted((case for case in _cases(cases) if _due(case) < day), key=_by_due))


def falling_due(cases: Iterable[_D], *, first: dt.date, last: dt.date) -> tuple[_D, ...]:
    """The cases whose current state falls due from *first* to *last*, both included (到期提醒:
    "what falls due this week"), soonest first."""
    first, last = _day(first, "first"), _day(last, "last")
    if last < first:
        raise ValidationError.single("last", f"a date on or after {first.isoformat()}", last.isoformat())
    return tuple(sorted((case for case in _cases(cases) if first <= _due(case) <= last), key=_by_due))


def _due(item: Dated) -> dt.date:
    return item.due if item.due is not None else dt.date.max


def _by_due(item: Dated) -> tuple[dt.date, str]:
    return _due(item), item.subject


def group_by_state(cases: Iterable[Case]) -> Mapping[str, int]:
    """How many cases stand in each state (按状态统计)."""
    cases = check_items(cases, Case, "cases", "a list of cases")  # type: ignore[assignment]
    counts: dict[str, int] = {}
    for case in cases:
        if not isinstance(case, Case):
            raise ValidationError.single("cases", "Case values", case)
        counts[case.state] = counts.get(case.state, 0) + 1
    return counts


def events_as_of(case: Case, on: dt.date) -> tuple[CaseEvent, ...]:
    """The events of *case* dated (in China Standard Time) on or before *on*: the case as it
    stood at the end of that day, from which the figures of any past day are recomputed (a case
    not yet opened by then has none)."""
    check_type(case, Case, "case")
    day = _day(on, "on")
    # A case's acts run forward in time (the chronology guard), so the day's events are a prefix.
    kept: list[CaseEvent] = []
    for event in case.events:
        if china_date(event.act.at) > day:
            break
        kept.append(event)
    return tuple(kept)


def cases_of(
    cases: Iterable[Case], *, on: object, workflow: str, opened_by: type[Payload], what: str
) -> tuple[Case, ...]:
    """*cases* checked for figures as of *on*: each a :class:`Case` of *workflow* opened by a
    command carrying *opened_by* (*what* names it in a refusal: "the registration of a
    dispute"); every fault is reported at once, with its path."""
    _check_iterable(cases, "cases", "a list of cases")
    listed = tuple(cases)
    faults = Faults()
    faults.check(_is_date(on), "on", "a date", on)
    for index, case in enumerate(listed):
        path = f"cases[{index}]"
        if not faults.check(isinstance(case, Case), path, "a Case", case):
            continue
        faults.check(case.workflow == workflow, f"{path}.workflow", f"a case of the {workflow} workflow", case.workflow)
        if case.events:
            payload = case.events[0].act.payload
            faults.check(isinstance(payload, opened_by), f"{path}.events[0]", what, payload)
    faults.raise_if_any()
    return listed


def cases_by_unit(cases: Iterable[Case]) -> Mapping[str, tuple[Case, ...]]:
    """*cases* grouped by the unit their opening act's payload counts them under (its ``unit``:
    a dispute's village, a risk entry's), by unit code in order; a case not yet opened, or
    opened by a payload naming no unit, is left out. What figures per unit are counted from."""
    listed = check_items(cases, Case, "cases", "a list of cases")
    by_unit: dict[str, list[Case]] = {}
    for case in listed:
        assert isinstance(case, Case)  # noqa: S101 - checked just above
        unit = getattr(case.events[0].act.payload, "unit", None) if case.events else None
        if isinstance(unit, str):
            by_unit.setdefault(unit, []).append(case)
    return {unit: tuple(found) for unit, found in sorted(by_unit.items())}
