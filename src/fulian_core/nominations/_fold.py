"""Folding events into a campaign state: the effect of each accepted command.

Events are trusted here — every check happened when the command was accepted — so the fold
re-validates nothing and touches only the records the event names. Live handling and replay
share this one fold; replay gathers a whole log in one draft and freezes it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

import attrs

from fulian_core.nominations._store import PersistentMap, family_key, forward_key
from fulian_core.nominations.events import Event
from fulian_core.nominations.state import (
    CampaignState,
    DossierVersion,
    Nomination,
    NominationStatus,
    Notice,
    Objection,
    ObjectionStatus,
    Review,
    Stage,
    Title,
)
from fulian_core.orgs import Level

_V = TypeVar("_V")


class Draft(Generic[_V]):
    """Changes gathered over a persistent map, applied in one step (one copy per bucket)."""

    __slots__ = ("base", "changes")

    def __init__(self, base: PersistentMap[_V]) -> None:
        self.base = base
        self.changes: dict[str, _V] = {}

    def get(self, key: str) -> _V | None:
        found = self.changes.get(key)
        return found if found is not None else self.base.get(key)

    def __getitem__(self, key: str) -> _V:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __setitem__(self, key: str, value: _V) -> None:
        self.changes[key] = value

    def done(self) -> PersistentMap[_V]:
        if not self.changes:
            return self.base
        if not len(self.base):
            return PersistentMap.from_dict(self.changes)
        return self.base.set_many(self.changes)


class Drafts:
    """Drafts of every table of a state, and its counters, while events are folded in."""

    __slots__ = ("campaign", "families", "forwards", "last_at", "nominations", "notices", "objections", "seq")

    def __init__(self, state: CampaignState) -> None:
        self.campaign = state.campaign
        self.seq = state.seq
        self.last_at = state.last_at
        self.nominations = Draft(state.nomination_map)
        self.families = Draft(state.family_map)
        self.forwards = Draft(state.forward_counts)
        self.notices = Draft(state.notice_map)
        self.objections = Draft(state.objection_map)

    def done(self) -> CampaignState:
        return CampaignState(
            self.campaign,
            self.seq,
            self.last_at,
            self.nominations.done(),
            self.families.done(),
            self.forwards.done(),
            self.notices.done(),
            self.objections.done(),
        )


def fold(drafts: Drafts, event: Event) -> None:
    """Apply one accepted event to the drafts."""
    _EFFECTS[event.command.kind](drafts, event)
    drafts.seq = event.seq
    drafts.last_at = event.command.at


def _set_status(drafts: Drafts, nomination: str, status: NominationStatus) -> None:
    drafts.nominations[nomination] = attrs.evolve(drafts.nominations[nomination], status=status)


def _status(status: NominationStatus) -> Callable[[Drafts, Event], None]:
    def effect(drafts: Drafts, event: Event) -> None:
        _set_status(drafts, event.command.nomination, status)

    return effect


def _submit(drafts: Drafts, event: Event) -> None:
    command = event.command
    submission = command.submission
    assert submission is not None  # noqa: S101 - guaranteed by the command's payload check
    level = _level_of(event)
    stage = Stage(level, submission.unit, command.at)
    drafts.nominations[command.nomination] = Nomination(
        id=command.nomination,
        seq=event.seq,
        candidate=submission.candidate,
        channel=submission.channel,
        category=submission.category,
        affiliation=submission.affiliation,
        nominator=submission.nominator,
        mobile=submission.mobile,
        resident_id=submission.resident_id,
        origin=submission.unit,
        level=level,
        unit=submission.unit,
        status=NominationStatus.SUBMITTED,
        dossiers=(DossierVersion(1, submission.dossier, command.at, level),),
        stages=(stage,),
    )
    drafts.families[family_key(level, submission.candidate.id)] = command.nomination


def _level_of(event: Event) -> Level:
    # The level a submission entered at travels in the event (fixed when it was accepted).
    assert event.level is not None  # noqa: S101 - set by decide for every submit
    return event.level


def _return(drafts: Drafts, event: Event) -> None:
    record = drafts.nominations[event.command.nomination]
    stage = attrs.evolve(record.stage, returns=record.stage.returns + 1)
    drafts.nominations[record.id] = attrs.evolve(
        record, status=NominationStatus.RETURNED, stages=(*record.stages[:-1], stage)
    )


def _resubmit(drafts: Drafts, event: Event) -> None:
    command = event.command
    assert command.dossier is not None  # noqa: S101 - guaranteed by the command's payload check
    record = drafts.nominations[command.nomination]
    version = DossierVersion(len(record.dossiers) + 1, command.dossier, command.at, record.level)
    drafts.nominations[record.id] = attrs.evolve(
        record, status=NominationStatus.SUBMITTED, dossiers=(*record.dossiers, version)
    )


def _assess(drafts: Drafts, event: Event) -> None:
    command = event.command
    assert event.assessment is not None  # noqa: S101 - set by decide for every assessment
    record = drafts.nominations[command.nomination]
    review = Review(record.level, command.actor.id, command.at, event.assessment)
    drafts.nominations[record.id] = attrs.evolve(
        record, status=NominationStatus.ASSESSED, reviews=(*record.reviews, review)
    )


def _open_notice(drafts: Drafts, event: Event) -> None:
    command = event.command
    assert event.last_day is not None  # noqa: S101 - set by decide for every notice
    first = drafts.nominations[command.nominations[0]]
    drafts.notices[command.notice] = Notice(
        id=command.notice,
        level=first.level,
        unit=first.unit,
        opened_by=command.actor.id,
        opened_at=command.at,
        last_day=event.last_day,
        nominations=command.nominations,
    )
    for nomination in command.nominations:
        record = drafts.nominations[nomination]
        drafts.nominations[nomination] = attrs.evolve(
            record, status=NominationStatus.ON_NOTICE, notices=(*record.notices, command.notice)
        )


def _object(drafts: Drafts, event: Event) -> None:
    command = event.command
    record = drafts.nominations[command.nomination]
    drafts.objections[command.objection] = Objection(
        id=command.objection,
        nomination=record.id,
        notice=record.notices[-1],
        raised_by=command.actor,
        raised_at=command.at,
        reason=command.reason,
    )
    drafts.nominations[record.id] = attrs.evolve(record, objections=(*record.objections, command.objection))


def _resolve(status: ObjectionStatus) -> Callable[[Drafts, Event], None]:
    def effect(drafts: Drafts, event: Event) -> None:
        command = event.command
        objection = drafts.objections[command.objection]
        drafts.objections[objection.id] = attrs.evolve(
            objection, status=status, resolved_by=command.actor.id, resolved_at=command.at, resolution=command.reason
        )
        if status is ObjectionStatus.UPHELD:
            _set_status(drafts, objection.nomination, NominationStatus.REMOVED)

    return effect


def _close_notice(drafts: Drafts, event: Event) -> None:
    command = event.command
    notice = drafts.notices[command.notice]
    drafts.notices[notice.id] = attrs.evolve(notice, closed_at=command.at)
    for nomination in notice.nominations:
        if drafts.nominations[nomination].status is NominationStatus.ON_NOTICE:
            _set_status(drafts, nomination, NominationStatus.NOTICE_PASSED)


def _forward(drafts: Drafts, event: Event) -> None:
    command = event.command
    assert event.forwarded_to is not None  # noqa: S101 - set by decide for every forward
    assert event.level is not None  # noqa: S101 - set by decide for every forward
    record = drafts.nominations[command.nomination]
    for category in (record.category, None):
        key = forward_key(record.level, record.unit, category)
        drafts.forwards[key] = (drafts.forwards.get(key) or 0) + 1
    left = attrs.evolve(record.stage, forwarded_to=event.forwarded_to)
    arrived = Stage(event.level, event.forwarded_to, command.at)
    drafts.nominations[record.id] = attrs.evolve(
        record,
        level=event.level,
        unit=event.forwarded_to,
        status=NominationStatus.FORWARDED,
        stages=(*record.stages[:-1], left, arrived),
    )
    drafts.families[family_key(event.level, record.candidate.id)] = record.id


def _award(drafts: Drafts, event: Event) -> None:
    command = event.command
    record = drafts.nominations[command.nomination]
    title = Title(record.level, record.unit, command.at, command.actor.id)
    drafts.nominations[record.id] = attrs.evolve(
        record, status=NominationStatus.AWARDED, titles=(*record.titles, title)
    )


def _revoke(drafts: Drafts, event: Event) -> None:
    command = event.command
    record = drafts.nominations[command.nomination]
    titles = tuple(
        attrs.evolve(title, revoked_at=command.at, revoked_by=command.actor.id, revoke_reason=command.reason)
        if title.active
        else title
        for title in record.titles
    )
    drafts.nominations[record.id] = attrs.evolve(record, status=NominationStatus.REVOKED, titles=titles)


_EFFECTS: dict[str, Callable[[Drafts, Event], None]] = {
    "submit": _submit,
    "return": _return,
    "resubmit": _resubmit,
    "accept": _status(NominationStatus.UNDER_REVIEW),
    "assess": _assess,
    "shortlist": _status(NominationStatus.SHORTLISTED),
    "reject": _status(NominationStatus.REJECTED),
    "open_notice": _open_notice,
    "object": _object,
    "uphold_objection": _resolve(ObjectionStatus.UPHELD),
    "dismiss_objection": _resolve(ObjectionStatus.DISMISSED),
    "close_notice": _close_notice,
    "confirm": _status(NominationStatus.CONFIRMED),
    "forward": _forward,
    "award": _award,
    "revoke": _revoke,
    "withdraw": _status(NominationStatus.WITHDRAWN),
}
