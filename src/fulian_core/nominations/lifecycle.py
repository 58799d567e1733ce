"""The nomination lifecycle (推荐评选流程) of a campaign: one table, run by the workflow engine.

Each command kind is declared once, in :data:`COMMANDS`: its payload class, its transition
(sources, target, roles, reason, and the guards it names, in order), its window (phase and
steps), what it fixes when accepted, and its effect on the state. Adding a command is one
entry (and its payload class) plus its tests.

* :func:`start` — the empty state of a campaign;
* :func:`decide` — check a command against the campaign and its state with
  :func:`fulian_core.workflows.check`; the accepted
  :class:`~fulian_core.nominations.events.Event`, or a refusal that changes nothing;
* :func:`handle` — decide and fold: the new state and the events;
* :func:`replay` — the state a log describes, through the same fold (a corrupt log is refused
  with the event that is invalid).

A nomination moves through :data:`NOMINATION_WORKFLOW`; a public notice through
:data:`NOTICE_WORKFLOW` (open → closed). The guards are documented in
:mod:`fulian_core.nominations.guards`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Final

import attrs

from fulian_core.calendars import china_date
from fulian_core.criteria import assess
from fulian_core.errors import Fault, UnknownCommandError, ValidationError
from fulian_core.nominations import _fold
from fulian_core.nominations._fold import CorruptLog, Drafts
from fulian_core.nominations._fold import Effect as _Effect
from fulian_core.nominations.campaign import Campaign, PhaseKind, StepKind
from fulian_core.nominations.commands import (
    Accept,
    Assess,
    Award,
    CloseNotice,
    Command,
    Confirm,
    DismissObjection,
    Forward,
    OpenNotice,
    RaiseObjection,
    Reject,
    Resubmit,
    Return,
    Revoke,
    Shortlist,
    Submit,
    UpholdObjection,
    Withdraw,
)
from fulian_core.nominations.events import Event
from fulian_core.nominations.guards import GUARDS as _GUARDS
from fulian_core.nominations.guards import Deciding, Window
from fulian_core.nominations.state import CampaignState, NominationStatus, ObjectionStatus
from fulian_core.workflows import Payload, Role, State, Transition, Workflow, check

__all__ = ["COMMANDS", "NOMINATION_WORKFLOW", "NOTICE_WORKFLOW", "CommandKind", "decide", "handle", "replay", "start"]

_S = NominationStatus
_APPLICANTS = frozenset({Role.APPLICANT, Role.STAFF, Role.PUBLIC})
_STAFF = frozenset({Role.STAFF})
_REVIEWERS = frozenset({Role.REVIEWER, Role.LEADER})
_LEADERS = frozenset({Role.LEADER})
_OFFICE = frozenset({Role.STAFF, Role.LEADER})
_FINAL = {_S.REJECTED, _S.REMOVED, _S.REVOKED, _S.WITHDRAWN}
_LIVE = [status for status in _S if status not in _FINAL and status is not _S.NEW]

_UNIT = ("window", "level", "unit", "recusal")
"""The guards of a command a unit gives about one nomination: in time, at its level, of its
unit, and not judging one's own."""

_Fix = Callable[[Campaign, CampaignState, Command, int], Event]
"""What a command fixes when it is accepted (an assessment, a notice's last day, the unit a
nomination goes to), kept in its event so that replay never re-judges the past."""


@attrs.frozen
class CommandKind:
    """One command kind of the lifecycle, declared in one place (操作定义): its payload class,
    its transition (with the guards it names), its window, its effect on the state, what it
    fixes when accepted, whether it is given to a notice rather than a nomination
    (``on_notice``), and the move it then carries the notice's nominations through
    (``carries``)."""

    payload: type[Payload]
    transition: Transition
    window: Window
    effect: _Effect
    fix: _Fix = attrs.field(default=lambda _campaign, _state, command, seq: Event(seq, command))
    on_notice: bool = False
    carries: Transition | None = None

    @property
    def command(self) -> str:
        """The command code (the payload's tag)."""
        return self.payload.kind


def _t(
    payload: type[Payload],
    label: str,
    sources: Iterable[NominationStatus | str],
    target: NominationStatus | str,
    roles: frozenset[Role],
    *,
    needs_reason: bool = False,
    guards: tuple[str, ...] = (),
) -> Transition:
    codes = frozenset(s if isinstance(s, str) else s.code for s in sources)
    goal = target if isinstance(target, str) else target.code
    return Transition(payload.kind, label, codes, goal, roles, needs_reason, guards, payload)


def _fix_submit(campaign: Campaign, _: CampaignState, command: Command, seq: int) -> Event:
    payload = command.payload
    assert isinstance(payload, Submit)  # noqa: S101 - the table's payload class
    return Event(seq, command, level=campaign.tree.unit(payload.submission.unit).level)


def _fix_assess(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    payload = command.payload
    assert isinstance(payload, Assess)  # noqa: S101 - the table's payload class
    record = state.nomination(payload.nomination)
    if payload.evidence.candidate != record.candidate:
        raise ValidationError.single(
            "evidence.candidate", f"the candidate of {record.id}", payload.evidence.candidate.id
        )
    try:
        assessment = assess(campaign.criteria, payload.evidence, on=china_date(command.at))
    except ValidationError as error:
        raise error.under("evidence") from None
    return Event(seq, command, assessment=assessment)


def _fix_notice(campaign: Campaign, _: CampaignState, command: Command, seq: int) -> Event:
    return Event(seq, command, last_day=campaign.notice.last_day(china_date(command.at)))


def _fix_forward(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = state.nomination(command.subject)
    above = campaign.next_level(record.level)
    assert above is not None  # noqa: S101 - the next_level guard passed
    target = campaign.tree.ancestor_at(record.unit, above)
    assert target is not None  # noqa: S101 - the next_level guard passed
    return Event(seq, command, forwarded_to=target.code, level=above)


_SELECTION = PhaseKind.SELECTION
_NOMINATING = Window(_SELECTION, frozenset({StepKind.NOMINATION}))
_REVIEWING = Window(_SELECTION, frozenset({StepKind.NOMINATION, StepKind.REVIEW}))
_REVIEW = Window(_SELECTION, frozenset({StepKind.REVIEW}))
_ANY_SELECTION = Window(_SELECTION)
_REPORTING = Window(_SELECTION, frozenset({StepKind.REPORTING}))

COMMANDS: Final[tuple[CommandKind, ...]] = (
    CommandKind(
        Submit,
        _t(
            Submit,
            "推荐",
            [_S.NEW],
            _S.SUBMITTED,
            _APPLICANTS,
            guards=("id", "unit", "window", "channel", "category", "candidate", "duplicate"),
        ),
        _NOMINATING,
        _fold.submit,
        _fix_submit,
    ),
    CommandKind(
        Return,
        _t(Return, "退回重新撰写", [_S.SUBMITTED, _S.FORWARDED], _S.RETURNED, _STAFF, needs_reason=True, guards=_UNIT),
        _REVIEWING,
        _fold.return_,
    ),
    CommandKind(
        Resubmit,
        _t(Resubmit, "重新提交", [_S.RETURNED], _S.SUBMITTED, _APPLICANTS, guards=(*_UNIT, "own")),
        _REVIEWING,
        _fold.resubmit,
    ),
    CommandKind(
        Accept,
        _t(Accept, "受理", [_S.SUBMITTED, _S.FORWARDED], _S.UNDER_REVIEW, _STAFF, guards=(*_UNIT, "dossier")),
        _REVIEWING,
        _fold.status(_S.UNDER_REVIEW),
    ),
    CommandKind(
        Assess,
        _t(
            Assess,
            "评审",
            [_S.UNDER_REVIEW, _S.ASSESSED],
            _S.ASSESSED,
            frozenset({Role.REVIEWER}),
            guards=(*_UNIT, "reviewed"),
        ),
        _REVIEW,
        _fold.assess,
        _fix_assess,
    ),
    CommandKind(
        Shortlist,
        _t(Shortlist, "入围", [_S.ASSESSED], _S.SHORTLISTED, _REVIEWERS, guards=(*_UNIT, "eligible")),
        _REVIEW,
        _fold.status(_S.SHORTLISTED),
    ),
    CommandKind(
        Reject,
        _t(
            Reject,
            "不予推荐",
            [_S.SUBMITTED, _S.FORWARDED, _S.UNDER_REVIEW, _S.ASSESSED, _S.SHORTLISTED],
            _S.REJECTED,
            _REVIEWERS,
            needs_reason=True,
            guards=_UNIT,
        ),
        _REVIEW,
        _fold.status(_S.REJECTED),
    ),
    CommandKind(
        OpenNotice,
        _t(OpenNotice, "公示", [_S.SHORTLISTED], _S.ON_NOTICE, _OFFICE, guards=("id", *_UNIT)),
        Window(_SELECTION, frozenset({StepKind.NOTICE})),
        _fold.open_notice,
        _fix_notice,
    ),
    CommandKind(
        RaiseObjection,
        _t(
            RaiseObjection,
            "提出异议",
            [_S.ON_NOTICE],
            _S.ON_NOTICE,
            frozenset(),
            needs_reason=True,
            guards=("window", "id", "notice_open"),
        ),
        _ANY_SELECTION,
        _fold.raise_objection,
    ),
    CommandKind(
        UpholdObjection,
        _t(
            UpholdObjection,
            "异议成立",
            [_S.ON_NOTICE],
            _S.REMOVED,
            _LEADERS,
            needs_reason=True,
            guards=(*_UNIT, "objections"),
        ),
        _ANY_SELECTION,
        _fold.resolve(ObjectionStatus.UPHELD),
    ),
    CommandKind(
        DismissObjection,
        _t(
            DismissObjection,
            "异议不成立",
            [_S.ON_NOTICE],
            _S.ON_NOTICE,
            _LEADERS,
            needs_reason=True,
            guards=(*_UNIT, "objections"),
        ),
        _ANY_SELECTION,
        _fold.resolve(ObjectionStatus.DISMISSED),
    ),
    CommandKind(
        CloseNotice,
        _t(
            CloseNotice,
            "公示结束",
            ["open"],
            "closed",
            _OFFICE,
            guards=("window", "level", "unit", "recusal", "notice_period", "objections"),
        ),
        _ANY_SELECTION,
        _fold.close_notice,
        on_notice=True,
        carries=_t(CloseNotice, "公示通过", [_S.ON_NOTICE], _S.NOTICE_PASSED, _OFFICE),
    ),
    CommandKind(
        Confirm,
        _t(Confirm, "本级确定", [_S.NOTICE_PASSED], _S.CONFIRMED, _LEADERS, guards=_UNIT),
        _REPORTING,
        _fold.status(_S.CONFIRMED),
    ),
    CommandKind(
        Forward,
        _t(
            Forward,
            "上报",
            [_S.CONFIRMED, _S.AWARDED],
            _S.FORWARDED,
            _OFFICE,
            guards=(*_UNIT, "next_level", "quota", "duplicate"),
        ),
        _REPORTING,
        _fold.forward,
        _fix_forward,
    ),
    CommandKind(
        Award,
        _t(
            Award,
            "表彰",
            [_S.SHORTLISTED, _S.ON_NOTICE, _S.NOTICE_PASSED, _S.CONFIRMED],
            _S.AWARDED,
            _LEADERS,
            guards=(*_UNIT, "notice"),
        ),
        Window(PhaseKind.COMMENDATION),
        _fold.award,
    ),
    CommandKind(
        Revoke,
        _t(Revoke, "撤销", _LIVE, _S.REVOKED, _LEADERS, needs_reason=True, guards=("titled", "recusal")),
        Window(None),
        _fold.revoke,
    ),
    CommandKind(
        Withdraw,
        _t(
            Withdraw,
            "撤回",
            [_S.SUBMITTED, _S.RETURNED, _S.FORWARDED, _S.UNDER_REVIEW, _S.ASSESSED, _S.SHORTLISTED],
            _S.WITHDRAWN,
            _APPLICANTS,
            needs_reason=True,
            guards=(*_UNIT, "own"),
        ),
        _ANY_SELECTION,
        _fold.status(_S.WITHDRAWN),
    ),
)
"""The nomination lifecycle as one table: every command kind, declared once."""

NOMINATION_WORKFLOW: Final = Workflow[Deciding](
    code="nomination",
    label="推荐评选",
    states=tuple(State(status.code, status.label, final=status in _FINAL) for status in _S),
    initial=_S.NEW.code,
    transitions=tuple(kind.carries or kind.transition for kind in COMMANDS),
    guards=_GUARDS,
)
"""The states a nomination moves through (推荐评选流程), with the transitions of :data:`COMMANDS`."""

NOTICE_WORKFLOW: Final = Workflow[Deciding](
    code="notice",
    label="公示",
    states=(State("open", "公示中"), State("closed", "已结束", final=True)),
    initial="open",
    transitions=tuple(kind.transition for kind in COMMANDS if kind.on_notice),
    guards=_GUARDS,
)
"""A public notice (公示): opened by ``open_notice`` (which moves its nominations), closed once
its period has run with every objection resolved."""

_BY_PAYLOAD: Final[dict[type[Payload], CommandKind]] = {kind.payload: kind for kind in COMMANDS}
_BY_COMMAND: Final[dict[str, CommandKind]] = {kind.command: kind for kind in COMMANDS}


def start(campaign: Campaign) -> CampaignState:
    """The state of *campaign* before any command (活动开始)."""
    if not isinstance(campaign, Campaign):
        raise ValidationError.single("campaign", "a Campaign", campaign)
    return CampaignState(campaign.code)


def _subjects(campaign: Campaign, state: CampaignState, command: Command, kind: CommandKind) -> list[Deciding]:
    """What the command is about, each with the context its guards read."""
    payload = command.payload
    make = attrs.evolve
    base = Deciding(campaign, state, command, kind.window)
    if isinstance(payload, Submit):
        return [base]
    if isinstance(payload, OpenNotice):
        found: list[Deciding] = []
        for nomination in payload.nominations:
            record = state.nomination_map.get(nomination)
            if record is None:
                raise ValidationError.single("nominations", "ids of nominations of this campaign", nomination)
            found.append(make(base, nomination=record))
        return found
    if isinstance(payload, (UpholdObjection, DismissObjection)):
        objection = state.objection_map.get(payload.objection)
        if objection is None:
            raise ValidationError.single("objection", "the id of an objection of this campaign", payload.objection)
        return [make(base, nomination=state.nomination(objection.nomination), objection=objection)]
    if isinstance(payload, CloseNotice):
        return [make(base, notice=state.notice(payload.notice))]
    return [make(base, nomination=state.nomination(command.subject))]


def decide(campaign: Campaign, state: CampaignState, command: Command) -> Event:
    """The event *command* yields in *state*, or a refusal; nothing is changed either way.

    Raises :class:`~fulian_core.errors.UnknownCommandError` for a payload the lifecycle does
    not declare, :class:`~fulian_core.errors.TransitionRefused` naming the guard that refused,
    and :class:`~fulian_core.errors.ValidationError` for ids or evidence that do not fit.
    """
    if not isinstance(campaign, Campaign):
        raise ValidationError.single("campaign", "a Campaign", campaign)
    if not isinstance(command, Command):
        raise ValidationError.single("command", "a Command", command)
    if not isinstance(state, CampaignState):
        raise ValidationError.single("state", "a CampaignState", state)
    if state.campaign != campaign.code:
        raise ValidationError.single("state.campaign", f"the state of campaign {campaign.code!r}", state.campaign)
    kind = _BY_PAYLOAD.get(type(command.payload))
    if kind is None:
        raise UnknownCommandError(NOMINATION_WORKFLOW.code, command.kind, tuple(_BY_COMMAND))
    workflow = NOTICE_WORKFLOW if kind.on_notice else NOMINATION_WORKFLOW
    for context in _subjects(campaign, state, command, kind):
        if context.nomination is not None:
            subject, current = context.nomination.id, context.nomination.status.code
        elif context.notice is not None:
            subject, current = context.notice.id, "closed" if context.notice.closed_at is not None else "open"
        else:
            subject, current = command.subject, _S.NEW.code
        check(
            workflow,
            command.kind,
            current,
            subject=subject,
            actor=command.actor,
            at=command.at,
            reason=command.reason,
            payload=command.payload,
            last_at=state.last_at,
            context=context,
        )
    return kind.fix(campaign, state, command, state.seq + 1)


def _fold_event(drafts: Drafts, event: Event) -> None:
    kind = _BY_COMMAND.get(event.command.kind)
    if kind is None:
        raise CorruptLog(f"a command of the nomination workflow, got {event.command.kind!r}")
    last = drafts.last_at
    if last is not None and event.command.at < last:
        raise CorruptLog(f"a time at or after the last event ({last.isoformat()}), got {event.command.at.isoformat()}")
    kind.effect(drafts, event, kind.transition.sources)
    drafts.seq = event.seq
    drafts.last_at = event.command.at


def handle(campaign: Campaign, state: CampaignState, command: Command) -> tuple[CampaignState, tuple[Event, ...]]:
    """The state after *command* and the events it yielded; *state* is unchanged (and still
    valid) whether the command is accepted or refused."""
    _check_arguments(campaign=(campaign, Campaign), state=(state, CampaignState), command=(command, Command))
    event = decide(campaign, state, command)
    drafts = Drafts(state, campaign)
    _fold_event(drafts, event)
    return drafts.done(), (event,)


def replay(campaign: Campaign, events: Iterable[Event]) -> CampaignState:
    """The state a log describes: the fold of its events from :func:`start`, through the same
    fold as :func:`handle`.

    Events are trusted as decided (guards are not run again, and what they fixed — an
    assessment, a last day — is kept), but a corrupt log is refused: numbering that does not
    run 1, 2, 3 …, an unknown command, a time before the last event's, an id that does not
    exist or is used twice, or a subject not in a state its command may leave. The
    :class:`~fulian_core.errors.ValidationError` names the event (``events[41]``) and why.
    """
    _check_arguments(campaign=(campaign, Campaign))
    if isinstance(events, (str, bytes, Mapping)) or not isinstance(events, Iterable):
        raise ValidationError.single("events", "a list of events", type(events).__name__)
    drafts = Drafts(start(campaign), campaign)
    for event in events:
        index = drafts.seq
        if not isinstance(event, Event) or event.seq != index + 1:
            raise ValidationError.single(f"events[{index}]", f"event number {index + 1}", getattr(event, "seq", event))
        try:
            _fold_event(drafts, event)
        except CorruptLog as error:
            raise ValidationError.single(
                f"events[{index}]", f"an event that fits the log so far: {error}", _describe(event)
            ) from None
    return drafts.done()


def _check_arguments(**arguments: tuple[object, type]) -> None:
    faults = [
        Fault(name, f"a {kind.__name__}", type(value).__name__)
        for name, (value, kind) in arguments.items()
        if not isinstance(value, kind)
    ]
    if faults:
        raise ValidationError(faults)


def _describe(event: Event) -> str:
    return f"#{event.seq} {event.command.kind} {event.command.subject}"
