"""The nomination lifecycle (推荐评选流程) of a campaign: declared on the workflow core, run by
pure functions.

* :func:`start` — the empty state of a campaign;
* :func:`decide` — check a command against the campaign and its state; the accepted
  :class:`~fulian_core.nominations.events.Event`, or a refusal that changes nothing;
* :func:`handle` — decide and fold: the new state and the events;
* :func:`replay` — the state a log describes (the fold of its events, without re-checking).

The states and transitions are :data:`NOMINATION_WORKFLOW`; the guards are documented in
:mod:`fulian_core.nominations.guards`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Final

from fulian_core.calendars import china_date
from fulian_core.criteria import assess
from fulian_core.errors import ValidationError
from fulian_core.nominations import guards
from fulian_core.nominations._fold import Drafts, fold
from fulian_core.nominations.campaign import Campaign
from fulian_core.nominations.commands import Command
from fulian_core.nominations.events import Event
from fulian_core.nominations.state import CampaignState, Nomination, NominationStatus, ObjectionStatus
from fulian_core.nominations.workflow import Role, State, Transition, Workflow
from fulian_core.rules import Verdict

__all__ = ["NOMINATION_WORKFLOW", "decide", "handle", "replay", "start"]

_S = NominationStatus
_APPLICANTS = frozenset({Role.APPLICANT, Role.STAFF, Role.PUBLIC})
_STAFF = frozenset({Role.STAFF})
_REVIEWERS = frozenset({Role.REVIEWER, Role.LEADER})
_LEADERS = frozenset({Role.LEADER})
_OFFICE = frozenset({Role.STAFF, Role.LEADER})
_FINAL = {_S.REJECTED, _S.REMOVED, _S.REVOKED, _S.WITHDRAWN}
_LIVE = frozenset(status.code for status in _S if status not in _FINAL and status is not _S.NEW)


def _t(
    command: str,
    label: str,
    sources: Iterable[NominationStatus],
    target: NominationStatus,
    roles: frozenset[Role],
    *,
    needs_reason: bool = False,
) -> Transition:
    return Transition(command, label, frozenset(s.code for s in sources), target.code, roles, needs_reason)


NOMINATION_WORKFLOW: Final = Workflow(
    code="nomination",
    label="推荐评选",
    states=tuple(State(status.code, status.label, final=status in _FINAL) for status in _S),
    initial=_S.NEW.code,
    transitions=(
        _t("submit", "推荐", [_S.NEW], _S.SUBMITTED, _APPLICANTS),
        _t("return", "退回重新撰写", [_S.SUBMITTED, _S.FORWARDED], _S.RETURNED, _STAFF, needs_reason=True),
        _t("resubmit", "重新提交", [_S.RETURNED], _S.SUBMITTED, _APPLICANTS),
        _t("accept", "受理", [_S.SUBMITTED, _S.FORWARDED], _S.UNDER_REVIEW, _STAFF),
        _t("assess", "评审", [_S.UNDER_REVIEW, _S.ASSESSED], _S.ASSESSED, frozenset({Role.REVIEWER})),
        _t("shortlist", "入围", [_S.ASSESSED], _S.SHORTLISTED, _REVIEWERS),
        _t(
            "reject",
            "不予推荐",
            [_S.SUBMITTED, _S.FORWARDED, _S.UNDER_REVIEW, _S.ASSESSED, _S.SHORTLISTED],
            _S.REJECTED,
            _REVIEWERS,
            needs_reason=True,
        ),
        _t("open_notice", "公示", [_S.SHORTLISTED], _S.ON_NOTICE, _OFFICE),
        _t("object", "提出异议", [_S.ON_NOTICE], _S.ON_NOTICE, frozenset(), needs_reason=True),
        _t("uphold_objection", "异议成立", [_S.ON_NOTICE], _S.REMOVED, _LEADERS, needs_reason=True),
        _t("dismiss_objection", "异议不成立", [_S.ON_NOTICE], _S.ON_NOTICE, _LEADERS, needs_reason=True),
        _t("close_notice", "公示结束", [_S.ON_NOTICE], _S.NOTICE_PASSED, _OFFICE),
        _t("confirm", "本级确定", [_S.NOTICE_PASSED], _S.CONFIRMED, _LEADERS),
        _t("forward", "上报", [_S.CONFIRMED, _S.AWARDED], _S.FORWARDED, _OFFICE),
        _t("award", "表彰", [_S.SHORTLISTED, _S.ON_NOTICE, _S.NOTICE_PASSED, _S.CONFIRMED], _S.AWARDED, _LEADERS),
        _t(
            "revoke", "撤销", [status for status in _S if status.code in _LIVE], _S.REVOKED, _LEADERS, needs_reason=True
        ),
        _t(
            "withdraw",
            "撤回",
            [_S.SUBMITTED, _S.RETURNED, _S.FORWARDED, _S.UNDER_REVIEW, _S.ASSESSED, _S.SHORTLISTED],
            _S.WITHDRAWN,
            _APPLICANTS,
            needs_reason=True,
        ),
    ),
)
"""The nomination lifecycle as a declared workflow (推荐评选流程)."""


def start(campaign: Campaign) -> CampaignState:
    """The state of *campaign* before any command (活动开始)."""
    if not isinstance(campaign, Campaign):
        raise ValidationError.single("campaign", "a Campaign", campaign)
    return CampaignState(campaign.code)


def _label(status: NominationStatus) -> str:
    return f"{status.label} {status.code}"


def _record(state: CampaignState, command: Command) -> Nomination:
    found = state.nomination_map.get(command.nomination)
    if found is None:
        raise ValidationError.single("nomination", "the id of a nomination of this campaign", command.nomination)
    return found


def _move(
    campaign: Campaign, state: CampaignState, command: Command, record: Nomination, *, unit_guards: bool = True
) -> None:
    """The checks every command on one nomination passes: state, role, reason, chronology,
    window, and — for actors of a unit — level, unit and recusal."""
    label = _label(record.status)
    transition = NOMINATION_WORKFLOW.transition(command.kind, record.status.code, subject=record.id)
    guards.check_role(transition, command, record.id, label)
    guards.check_reason(transition, command, record.id, label)
    guards.check_chronology(state, command, record.id, label)
    guards.check_window(campaign, command, record.level, record.id, label)
    if unit_guards:
        guards.check_actor_unit(campaign, command, level=record.level, unit=record.unit, subject=record.id, state=label)
        guards.check_recusal(command, record, label)


def _decide_submit(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    submission = command.submission
    assert submission is not None  # noqa: S101 - guaranteed by the command's payload check
    label = _label(_S.NEW)
    subject = command.nomination
    transition = NOMINATION_WORKFLOW.transition("submit", _S.NEW.code, subject=subject)
    guards.check_role(transition, command, subject, label)
    guards.check_chronology(state, command, subject, label)
    if subject in state.nomination_map:
        raise guards.refuse(command, subject, label, "id", f"a nomination id not used before, got {subject!r}")
    if not campaign.takes_part(submission.unit):
        raise guards.refuse(
            command,
            subject,
            label,
            "unit",
            f"a receiving unit of the campaign (at {'、'.join(lv.label for lv in campaign.levels)}, "
            f"related to {campaign.unit_name(campaign.organiser)}), got {submission.unit!r}",
        )
    level = campaign.tree.unit(submission.unit).level
    guards.check_window(campaign, command, level, subject, label)
    if submission.channel not in campaign.channels:
        accepted = "、".join(channel.label for channel in sorted(campaign.channels, key=lambda c: c.ordinal))
        raise guards.refuse(
            command,
            subject,
            label,
            "channel",
            f"expected a channel of the campaign ({accepted}), got {submission.channel.label}",
        )
    categories = [category.code for category in campaign.categories]
    if (submission.category or categories) and submission.category not in categories:
        expected = ", ".join(categories) if categories else "no category (the campaign has none)"
        raise guards.refuse(command, subject, label, "category", f"expected {expected}, got {submission.category!r}")
    wanted = campaign.criteria.subjects
    if submission.candidate.kind not in wanted:
        labels = "、".join(sorted(kind.label for kind in wanted))
        raise guards.refuse(
            command,
            subject,
            label,
            "candidate",
            f"expected a {labels} candidate, got {submission.candidate.kind.label}",
        )
    earlier = state.nominated_at(level, submission.candidate.id)
    if earlier is not None:
        raise guards.refuse(
            command,
            subject,
            label,
            "duplicate",
            f"{submission.candidate.id!r} is already nominated at {level.label} in this campaign (as {earlier!r})",
        )
    return Event(seq, command, level=level)


def _decide_plain(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    _move(campaign, state, command, _record(state, command))
    return Event(seq, command)


def _decide_accept(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record)
    guards.check_dossier(campaign, command, record, _label(record.status))
    return Event(seq, command)


def _decide_resubmit(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record, unit_guards=command.actor.role is Role.STAFF)
    return Event(seq, command)


def _decide_assess(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record)
    if any(review.reviewer == command.actor.id for review in record.reviews_at(record.level)):
        raise guards.refuse(
            command, record.id, _label(record.status), "reviewed", f"{command.actor.name} has already assessed it here"
        )
    evidence = command.evidence
    assert evidence is not None  # noqa: S101 - guaranteed by the command's payload check
    if evidence.candidate != record.candidate:
        raise ValidationError.single("evidence.candidate", f"the candidate of {record.id}", evidence.candidate.id)
    try:
        assessment = assess(campaign.criteria, evidence, on=china_date(command.at))
    except ValidationError as error:
        raise error.under("evidence") from None
    return Event(seq, command, assessment=assessment)


def _decide_shortlist(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record)
    verdicts = [review.assessment.verdict for review in record.reviews_at(record.level)]
    if not verdicts or any(verdict is not Verdict.ELIGIBLE for verdict in verdicts):
        shown = "、".join(verdict.label for verdict in verdicts) or "no assessment"
        raise guards.refuse(
            command,
            record.id,
            _label(record.status),
            "eligible",
            f"expected every assessment 符合评选条件, got {shown}",
        )
    return Event(seq, command)


def _decide_open_notice(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    if command.notice in state.notice_map:
        raise guards.refuse(command, command.notice, "", "id", f"a notice id not used before, got {command.notice!r}")
    records = []
    for nomination in command.nominations:
        record = state.nomination_map.get(nomination)
        if record is None:
            raise ValidationError.single("nominations", "ids of nominations of this campaign", nomination)
        _move(campaign, state, command, record)
        records.append(record)
    return Event(seq, command, last_day=campaign.notice.last_day(china_date(command.at)))


def _decide_object(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record, unit_guards=False)
    label = _label(record.status)
    if command.objection in state.objection_map:
        raise guards.refuse(
            command, record.id, label, "id", f"an objection id not used before, got {command.objection!r}"
        )
    notice = state.notice(record.notices[-1])
    day = china_date(command.at)
    if day > notice.last_day:
        raise guards.refuse(
            command,
            record.id,
            label,
            "notice_open",
            f"expected a date during the notice (to {notice.last_day.isoformat()}), got {day.isoformat()}",
        )
    return Event(seq, command)


def _decide_resolve(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    objection = state.objection_map.get(command.objection)
    if objection is None:
        raise ValidationError.single("objection", "the id of an objection of this campaign", command.objection)
    record = state.nomination(objection.nomination)
    _move(campaign, state, command, record)
    if objection.status is not ObjectionStatus.PENDING:
        raise guards.refuse(
            command,
            record.id,
            _label(record.status),
            "objections",
            f"expected a pending objection, got {objection.id!r} ({objection.status.label})",
        )
    return Event(seq, command)


def _decide_close_notice(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    notice = state.notice_map.get(command.notice)
    if notice is None:
        raise ValidationError.single("notice", "the id of a notice of this campaign", command.notice)
    label = "已结束 closed" if notice.closed_at is not None else "公示中 open"
    if notice.closed_at is not None:
        raise guards.refuse(command, notice.id, label, "state", "the notice is already closed")
    guards.check_chronology(state, command, notice.id, label)
    guards.check_window(campaign, command, notice.level, notice.id, label)
    guards.check_actor_unit(campaign, command, level=notice.level, unit=notice.unit, subject=notice.id, state=label)
    transition = NOMINATION_WORKFLOW.transition(command.kind, _S.ON_NOTICE.code, subject=notice.id)
    guards.check_role(transition, command, notice.id, label)
    day = china_date(command.at)
    if day <= notice.last_day:
        raise guards.refuse(
            command,
            notice.id,
            label,
            "notice_period",
            f"expected a date after the notice's last day ({notice.last_day.isoformat()}), got {day.isoformat()}",
        )
    pending = [
        objection.id
        for nomination in notice.nominations
        for objection in map(state.objection, state.nomination(nomination).objections)
        if objection.notice == notice.id and objection.status is ObjectionStatus.PENDING
    ]
    if pending:
        raise guards.refuse(
            command,
            notice.id,
            label,
            "objections",
            f"expected every objection resolved, got pending {', '.join(pending)}",
        )
    return Event(seq, command)


def _decide_forward(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record)
    label = _label(record.status)
    above = campaign.next_level(record.level)
    target = campaign.tree.ancestor_at(record.unit, above) if above is not None else None
    if above is None or target is None:
        raise guards.refuse(
            command, record.id, label, "next_level", f"expected a level above {record.level.label} in the campaign"
        )
    guards.check_quota(campaign, state, command, record)
    earlier = state.nominated_at(above, record.candidate.id)
    if earlier is not None:
        raise guards.refuse(
            command,
            record.id,
            label,
            "duplicate",
            f"{record.candidate.id!r} is already nominated at {above.label} in this campaign (as {earlier!r})",
        )
    return Event(seq, command, forwarded_to=target.code, level=above)


def _decide_award(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record)
    if not guards.passed_notice(state, record):
        raise guards.refuse(
            command,
            record.id,
            _label(record.status),
            "notice",
            f"expected a public notice at {record.level.label} that passed with no upheld objection",
        )
    return Event(seq, command)


def _decide_revoke(campaign: Campaign, state: CampaignState, command: Command, seq: int) -> Event:
    record = _record(state, command)
    _move(campaign, state, command, record, unit_guards=False)
    label = _label(record.status)
    titles = record.active_titles
    if not titles:
        raise guards.refuse(command, record.id, label, "titled", "expected a standing title to revoke")
    actor_unit = command.actor.unit
    if not any(actor_unit in campaign.tree and campaign.tree.is_within(title.unit, actor_unit) for title in titles):
        units = "、".join(campaign.unit_name(title.unit) for title in titles)
        raise guards.refuse(
            command, record.id, label, "titled", f"expected an actor of {units} or a unit above, got {actor_unit!r}"
        )
    guards.check_recusal(command, record, label)
    return Event(seq, command)


_DECIDERS: dict[str, Callable[[Campaign, CampaignState, Command, int], Event]] = {
    "submit": _decide_submit,
    "return": _decide_plain,
    "resubmit": _decide_resubmit,
    "accept": _decide_accept,
    "assess": _decide_assess,
    "shortlist": _decide_shortlist,
    "reject": _decide_plain,
    "open_notice": _decide_open_notice,
    "object": _decide_object,
    "uphold_objection": _decide_resolve,
    "dismiss_objection": _decide_resolve,
    "close_notice": _decide_close_notice,
    "confirm": _decide_plain,
    "forward": _decide_forward,
    "award": _decide_award,
    "revoke": _decide_revoke,
    "withdraw": _decide_plain,
}


def decide(campaign: Campaign, state: CampaignState, command: Command) -> Event:
    """The event *command* yields in *state*, or a refusal; nothing is changed either way.

    Raises :class:`~fulian_core.errors.UnknownCommandError` for a command kind the lifecycle does
    not declare, :class:`~fulian_core.errors.TransitionRefused` naming the guard that refused,
    and :class:`~fulian_core.errors.ValidationError` for ids or evidence that do not fit.
    """
    if not isinstance(command, Command):
        raise ValidationError.single("command", "a Command", command)
    if state.campaign != campaign.code:
        raise ValidationError.single("state.campaign", f"the state of campaign {campaign.code!r}", state.campaign)
    decider = _DECIDERS.get(command.kind)
    if decider is None:
        NOMINATION_WORKFLOW.transition(command.kind, _S.NEW.code, subject=command.nomination)
    assert decider is not None  # noqa: S101 - transition() raised for an unknown kind
    return decider(campaign, state, command, state.seq + 1)


def handle(campaign: Campaign, state: CampaignState, command: Command) -> tuple[CampaignState, tuple[Event, ...]]:
    """The state after *command* and the events it yielded; *state* is unchanged (and still
    valid) whether the command is accepted or refused."""
    event = decide(campaign, state, command)
    drafts = Drafts(state)
    fold(drafts, event)
    return drafts.done(), (event,)


def replay(campaign: Campaign, events: Iterable[Event]) -> CampaignState:
    """The state a log describes: the fold of its events from :func:`start`.

    Events are trusted (each was accepted by :func:`decide`), so nothing is re-checked but
    their numbering: the log must run 1, 2, 3 … without gaps.
    """
    drafts = Drafts(start(campaign))
    for event in events:
        if not isinstance(event, Event) or event.seq != drafts.seq + 1:
            raise ValidationError.single(
                f"events[{drafts.seq}]", f"event number {drafts.seq + 1}", getattr(event, "seq", event)
            )
        fold(drafts, event)
    return drafts.done()
