"""Folding events into a campaign state: the effect of each accepted command.

Events are trusted here — every check happened when the command was accepted — so the fold
re-validates nothing and touches only the records the event names. Live handling and replay
share this one fold; replay gathers a whole log in one draft and freezes it once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar, cast

from fulian_core._persistent import PersistentMap
from fulian_core._unchecked import evolve as _evolve
from fulian_core.calendars import CHINA_STANDARD_TIME as _CST
from fulian_core.nominations._store import family_key, forward_key
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

if TYPE_CHECKING:
    from fulian_core.nominations.campaign import Campaign
    from fulian_core.nominations.commands import OpenNotice, RaiseObjection, Resubmit, Submit

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

    __slots__ = (
        "campaign",
        "definition",
        "families",
        "forwards",
        "last_at",
        "nominations",
        "notices",
        "objections",
        "seq",
    )

    def __init__(self, state: CampaignState, definition: Campaign) -> None:
        self.campaign = state.campaign
        self.definition = definition
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


class CorruptLog(Exception):  # noqa: N818 - internal signal, turned into a ValidationError by replay
    """An event that cannot be folded into the state it meets: its detail says why."""


def moved(drafts: Drafts, nomination: str, sources: frozenset[str]) -> Nomination:
    """The nomination an event moves, which must stand in one of *sources* (a corrupt log
    names one that does not exist, or that stands elsewhere)."""
    record = drafts.nominations.get(nomination)
    if record is None:
        raise CorruptLog(f"a nomination of this campaign, got {nomination!r}")
    if record.status.code not in sources:
        raise CorruptLog(f"a nomination in {', '.join(sorted(sources))}, got {nomination!r} in {record.status.code}")
    return record


def _set_status(drafts: Drafts, nomination: str, status: NominationStatus) -> None:
    drafts.nominations[nomination] = _evolve(drafts.nominations[nomination], status=status)


Effect = Callable[[Drafts, Event, frozenset[str]], None]
"""What an accepted command does to the state (操作效果): folds its event into the drafts; the
set holds the states its subject may leave (the transition's sources)."""


def status(target: NominationStatus) -> Effect:
    """The effect of a command that only moves its nomination to *target*."""

    def effect(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
        record = moved(drafts, event.command.subject, sources)
        drafts.nominations[record.id] = _evolve(record, status=target)

    return effect


def submit(drafts: Drafts, event: Event, _sources: frozenset[str]) -> None:
    """推荐: a new nomination at the level the submission entered at."""
    command = event.command
    payload = cast("Submit", command.payload)
    if drafts.nominations.get(payload.nomination) is not None:
        raise CorruptLog(f"a nomination id not used before, got {payload.nomination!r}")
    submission = payload.submission
    level = _level_of(event)
    tree = drafts.definition.tree
    if submission.unit not in tree or tree.unit(submission.unit).level is not level:
        raise CorruptLog(f"a submission entering at the level of its unit, got {submission.unit!r} at {level.code}")
    stage = Stage(level, submission.unit, command.at)
    drafts.nominations[payload.nomination] = Nomination(
        id=payload.nomination,
        seq=event.seq,
        candidate=submission.candidate,
        channel=submission.channel,
        category=submission.category,
        affiliation=submission.affiliation,
        nominator=submission.nominator,
        submitted_by=command.actor.id,
        mobile=submission.mobile,
        resident_id=submission.resident_id,
        origin=submission.unit,
        level=level,
        unit=submission.unit,
        status=NominationStatus.SUBMITTED,
        dossiers=(DossierVersion(1, submission.dossier, command.at, level),),
        stages=(stage,),
    )
    drafts.families[family_key(level, submission.candidate.id)] = payload.nomination


def _level_of(event: Event) -> Level:
    # The level a submission entered at travels in the event (fixed when it was accepted).
    if event.level is None:
        raise CorruptLog("an event that carries its level")
    return event.level


def return_(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """退回: the nomination goes back for rewriting; the return is counted at its stage."""
    record = moved(drafts, event.command.subject, sources)
    stage = _evolve(record.stage, returns=record.stage.returns + 1)
    drafts.nominations[record.id] = _evolve(
        record, status=NominationStatus.RETURNED, stages=(*record.stages[:-1], stage)
    )


def resubmit(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """重新提交: a new dossier version; the old ones are kept."""
    command = event.command
    payload = cast("Resubmit", command.payload)
    record = moved(drafts, payload.nomination, sources)
    version = DossierVersion(len(record.dossiers) + 1, payload.dossier, command.at, record.level)
    drafts.nominations[record.id] = _evolve(
        record, status=NominationStatus.SUBMITTED, dossiers=(*record.dossiers, version)
    )


def assess(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """评审: the reviewer's assessment, as fixed when it was accepted, joins the reviews."""
    command = event.command
    if event.assessment is None:
        raise CorruptLog("an assessment event that carries its assessment")
    record = moved(drafts, command.subject, sources)
    if event.assessment.subject != record.candidate:
        raise CorruptLog(f"an assessment of {record.id}'s candidate, got one of {event.assessment.subject.id!r}")
    review = Review(record.level, command.actor.id, command.at, event.assessment)
    drafts.nominations[record.id] = _evolve(record, status=NominationStatus.ASSESSED, reviews=(*record.reviews, review))


def open_notice(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """公示: a notice opens and its nominations go on it."""
    command = event.command
    payload = cast("OpenNotice", command.payload)
    if event.last_day is None:
        raise CorruptLog("a notice event that carries its last day")
    if drafts.notices.get(payload.notice) is not None:
        raise CorruptLog(f"a notice id not used before, got {payload.notice!r}")
    records = [moved(drafts, nomination, sources) for nomination in payload.nominations]
    first = records[0]
    if any((record.level, record.unit) != (first.level, first.unit) for record in records):
        raise CorruptLog(f"a notice of nominations held at one unit, got {', '.join(payload.nominations)}")
    if event.last_day < command.at.astimezone(_CST).date():
        raise CorruptLog(f"a last day on or after the day the notice opened, got {event.last_day.isoformat()}")
    drafts.notices[payload.notice] = Notice(
        id=payload.notice,
        level=first.level,
        unit=first.unit,
        opened_by=command.actor.id,
        opened_at=command.at,
        last_day=event.last_day,
        nominations=payload.nominations,
    )
    for record in records:
        drafts.nominations[record.id] = _evolve(
            record, status=NominationStatus.ON_NOTICE, notices=(*record.notices, payload.notice)
        )


def raise_objection(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """异议: a pending objection against the nominee on its latest notice."""
    command = event.command
    payload = cast("RaiseObjection", command.payload)
    record = moved(drafts, payload.nomination, sources)
    if drafts.objections.get(payload.objection) is not None:
        raise CorruptLog(f"an objection id not used before, got {payload.objection!r}")
    drafts.objections[payload.objection] = Objection(
        id=payload.objection,
        nomination=record.id,
        notice=record.notices[-1],
        raised_by=command.actor,
        raised_at=command.at,
        reason=command.reason,
    )
    drafts.nominations[record.id] = _evolve(record, objections=(*record.objections, payload.objection))


def resolve(outcome: ObjectionStatus) -> Effect:
    """异议成立/不成立: the objection is resolved; an upheld one removes the nominee."""

    def effect(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
        command = event.command
        objection = drafts.objections.get(command.subject)
        if objection is None or objection.status is not ObjectionStatus.PENDING:
            raise CorruptLog(f"a pending objection of this campaign, got {command.subject!r}")
        moved(drafts, objection.nomination, sources)
        drafts.objections[objection.id] = _evolve(
            objection, status=outcome, resolved_by=command.actor.id, resolved_at=command.at, resolution=command.reason
        )
        if outcome is ObjectionStatus.UPHELD:
            _set_status(drafts, objection.nomination, NominationStatus.REMOVED)

    return effect


def close_notice(drafts: Drafts, event: Event, _sources: frozenset[str]) -> None:
    """公示结束: the notice closes; its nominations still on it have passed."""
    command = event.command
    notice = drafts.notices.get(command.subject)
    if notice is None or notice.closed_at is not None:
        raise CorruptLog(f"an open notice of this campaign, got {command.subject!r}")
    drafts.notices[notice.id] = _evolve(notice, closed_at=command.at)
    for nomination in notice.nominations:
        if drafts.nominations[nomination].status is NominationStatus.ON_NOTICE:
            _set_status(drafts, nomination, NominationStatus.NOTICE_PASSED)


def forward(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """上报: the nomination moves to the unit above and counts against the quotas."""
    command = event.command
    if event.forwarded_to is None or event.level is None:
        raise CorruptLog("a forwarding event that carries its unit and level")
    record = moved(drafts, command.subject, sources)
    campaign = drafts.definition
    above = campaign.next_level(record.level) if record.level in campaign.levels else None
    target = campaign.tree.ancestor_at(record.unit, above) if above is not None else None
    if target is None or (event.level, event.forwarded_to) != (above, target.code):
        expected = f"{target.code} at {above.code}" if target is not None and above is not None else "no level above"
        raise CorruptLog(f"forwarding to {expected}, got {event.forwarded_to!r} at {event.level.code}")
    for category in (record.category, None):
        key = forward_key(record.level, record.unit, category)
        drafts.forwards[key] = (drafts.forwards.get(key) or 0) + 1
    left = _evolve(record.stage, forwarded_to=event.forwarded_to)
    arrived = Stage(event.level, event.forwarded_to, command.at)
    drafts.nominations[record.id] = _evolve(
        record,
        level=event.level,
        unit=event.forwarded_to,
        status=NominationStatus.FORWARDED,
        stages=(*record.stages[:-1], left, arrived),
    )
    drafts.families[family_key(event.level, record.candidate.id)] = record.id


def award(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """表彰: a title at the nomination's level and unit."""
    command = event.command
    record = moved(drafts, command.subject, sources)
    title = Title(record.level, record.unit, command.at, command.actor.id)
    drafts.nominations[record.id] = _evolve(record, status=NominationStatus.AWARDED, titles=(*record.titles, title))


def revoke(drafts: Drafts, event: Event, sources: frozenset[str]) -> None:
    """撤销: every standing title is revoked; the record stays."""
    command = event.command
    record = moved(drafts, command.subject, sources)
    if not record.active_titles:
        raise CorruptLog(f"a nomination with a standing title, got {record.id!r} with none")
    titles = tuple(
        _evolve(title, revoked_at=command.at, revoked_by=command.actor.id, revoke_reason=command.reason)
        if title.active
        else title
        for title in record.titles
    )
    drafts.nominations[record.id] = _evolve(record, status=NominationStatus.REVOKED, titles=titles)
