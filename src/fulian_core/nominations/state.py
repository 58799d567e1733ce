"""The state of a campaign (活动状态): every nomination with its full history, the notices,
the objections and the forwarding counts — the fold of the campaign's events.

States are values. A new state shares everything but what an event changed with the old one
(a persistent map underneath), so a province-sized campaign is not copied per command, and an
old state stays valid after a new one is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

import attrs

from fulian_core._definitions import check_type, listed
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._enums import CodedEnum
from fulian_core._persistent import PersistentMap
from fulian_core.errors import ValidationError
from fulian_core.nominations._store import family_key, forward_key
from fulian_core.nominations.campaign import Channel
from fulian_core.nominations.dossier import Dossier
from fulian_core.orgs import Level
from fulian_core.privacy import MobileNumber, ResidentId, _name_repr, _redacted_repr, mask_name
from fulian_core.rules import Evaluation, Subject
from fulian_core.workflows import Actor

__all__ = [
    "CampaignState",
    "DossierVersion",
    "Nomination",
    "NominationStatus",
    "Notice",
    "Objection",
    "ObjectionStatus",
    "Review",
    "Stage",
    "Title",
]


class NominationStatus(CodedEnum):
    """Where a nomination stands (推荐状态); each nomination is in exactly one."""

    NEW = ("new", "未提交")
    SUBMITTED = ("submitted", "已提交")
    RETURNED = ("returned", "退回修改")
    UNDER_REVIEW = ("under_review", "审核中")
    ASSESSED = ("assessed", "已评审")
    SHORTLISTED = ("shortlisted", "入围")
    REJECTED = ("rejected", "未入选")
    ON_NOTICE = ("on_notice", "公示中")
    REMOVED = ("removed", "公示未通过")
    NOTICE_PASSED = ("notice_passed", "公示通过")
    CONFIRMED = ("confirmed", "本级确定")
    FORWARDED = ("forwarded", "已上报")
    AWARDED = ("awarded", "已表彰")
    REVOKED = ("revoked", "已撤销")
    WITHDRAWN = ("withdrawn", "已撤回")


class ObjectionStatus(CodedEnum):
    """Where an objection stands (异议状态)."""

    PENDING = ("pending", "待核查")
    UPHELD = ("upheld", "异议成立")
    DISMISSED = ("dismissed", "异议不成立")


@attrs.frozen
class DossierVersion:
    """One version of a nomination's dossier (材料版本), kept when a newer one comes."""

    version: int = attrs.field(validator=_whole_number)
    dossier: Dossier
    submitted_at: dt.datetime
    level: Level


@attrs.frozen
class Review:
    """One reviewer's assessment of a nomination at a level (评审记录)."""

    level: Level
    reviewer: str
    at: dt.datetime
    assessment: Evaluation


@attrs.frozen
class Stage:
    """A nomination's passage through one level (层级记录): where it was held, since when, how
    often it was returned there, and where it was forwarded to."""

    level: Level
    unit: str
    entered_at: dt.datetime
    returns: int = attrs.field(default=0, validator=_whole_number)
    forwarded_to: str | None = None


@attrs.frozen
class Title:
    """A title conferred (荣誉称号): at which level and unit, when, by whom, and whether and
    why it was revoked (摘牌)."""

    level: Level
    unit: str
    awarded_at: dt.datetime
    awarded_by: str
    revoked_at: dt.datetime | None = None
    revoked_by: str = ""
    revoke_reason: str = ""

    @property
    def active(self) -> bool:
        """Whether the title stands."""
        return self.revoked_at is None


def _dossier_versions(value: Iterable[DossierVersion]) -> tuple[DossierVersion, ...]:
    return listed(value, "dossiers", "a list of dossier versions")


def _stages(value: Iterable[Stage]) -> tuple[Stage, ...]:
    return listed(value, "stages", "a list of stages")


def _reviews(value: Iterable[Review]) -> tuple[Review, ...]:
    return listed(value, "reviews", "a list of reviews")


def _notice_ids(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "notices", "a list of notice ids")


def _objection_ids(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "objections", "a list of objection ids")


def _titles(value: Iterable[Title]) -> tuple[Title, ...]:
    return listed(value, "titles", "a list of titles")


@attrs.frozen
class Nomination:
    """A nomination and its whole history (推荐记录): the candidate, how and where it came in,
    where it is now (level, unit, status), every dossier version, review, notice, objection,
    stage and title, and the id of the actor who submitted it. Nothing in it is ever dropped."""

    id: str
    seq: int = attrs.field(validator=_whole_number)
    candidate: Subject
    channel: Channel
    category: str
    affiliation: str = attrs.field(repr=_redacted_repr)
    nominator: str = attrs.field(repr=_name_repr)
    mobile: MobileNumber | None
    resident_id: ResidentId | None
    origin: str
    level: Level
    unit: str
    status: NominationStatus
    dossiers: tuple[DossierVersion, ...] = attrs.field(converter=_dossier_versions)
    stages: tuple[Stage, ...] = attrs.field(converter=_stages)
    reviews: tuple[Review, ...] = attrs.field(default=(), converter=_reviews)
    notices: tuple[str, ...] = attrs.field(default=(), converter=_notice_ids)
    objections: tuple[str, ...] = attrs.field(default=(), converter=_objection_ids)
    titles: tuple[Title, ...] = attrs.field(default=(), converter=_titles)
    submitted_by: str = ""

    @property
    def dossier(self) -> Dossier:
        """The latest dossier version."""
        return self.dossiers[-1].dossier

    @property
    def stage(self) -> Stage:
        """The stage at the current level."""
        return self.stages[-1]

    def reviews_at(self, level: Level) -> tuple[Review, ...]:
        """The reviews made at *level*."""
        return tuple(review for review in self.reviews if review.level is level)

    @property
    def active_titles(self) -> tuple[Title, ...]:
        """The titles that stand."""
        return tuple(title for title in self.titles if title.active)


def _nomination_ids(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "nominations", "a list of nomination ids")


@attrs.frozen
class Notice:
    """A public notice (公示): who posted it where and when, its last day, the nominations on
    it, and when it was closed."""

    id: str
    level: Level
    unit: str
    opened_by: str
    opened_at: dt.datetime
    last_day: dt.date
    nominations: tuple[str, ...] = attrs.field(converter=_nomination_ids)
    closed_at: dt.datetime | None = None

    @property
    def subject(self) -> str:
        """The notice's id (what the deadline queries name)."""
        return self.id

    @property
    def due(self) -> dt.date | None:
        """The last day of an open notice (None once closed): after it, the notice should be
        closed (``fulian_core.workflows.overdue(state.notices(), on=day)``)."""
        return self.last_day if self.closed_at is None else None


@attrs.frozen
class Objection:
    """An objection raised during a notice (异议) and how it was resolved."""

    id: str
    nomination: str
    notice: str
    raised_by: Actor
    raised_at: dt.datetime
    reason: str
    status: ObjectionStatus = ObjectionStatus.PENDING
    resolved_by: str = ""
    resolved_at: dt.datetime | None = None
    resolution: str = ""


@attrs.frozen(eq=False)
class CampaignState(_Displayed):
    """The state of one campaign (活动状态): the fold of its events; compare with ``==``."""

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        (
            "the tables agree with each other and with the campaign's events: a state read back from "
            "storage is trusted once it equals replay(campaign, events)"
        ),
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    campaign: str
    seq: int = 0
    last_at: dt.datetime | None = None
    nomination_map: PersistentMap[Nomination] = attrs.field(factory=PersistentMap, repr=False)
    family_map: PersistentMap[str] = attrs.field(factory=PersistentMap, repr=False)
    forward_counts: PersistentMap[int] = attrs.field(factory=PersistentMap, repr=False)
    notice_map: PersistentMap[Notice] = attrs.field(factory=PersistentMap, repr=False)
    objection_map: PersistentMap[Objection] = attrs.field(factory=PersistentMap, repr=False)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CampaignState):
            return NotImplemented
        return (
            self.campaign == other.campaign
            and self.seq == other.seq
            and self.last_at == other.last_at
            and self.nomination_map == other.nomination_map
            and self.family_map == other.family_map
            and self.forward_counts == other.forward_counts
            and self.notice_map == other.notice_map
            and self.objection_map == other.objection_map
        )

    __hash__ = None  # type: ignore[assignment]

    def _display(self) -> _Display:
        nominations = self.nominations()
        by_status = dict.fromkeys(NominationStatus, 0)
        for nomination in nominations:
            by_status[nomination.status] += 1
        facts: list[tuple[str, object]] = [
            ("事件数", self.seq),
            ("最近事件", self.last_at.isoformat() if self.last_at is not None else None),
            ("推荐数", len(nominations)),
            ("公示数", len(self.notice_map)),
            ("异议数", len(self.objection_map)),
        ]
        facts.extend((status.label, count) for status, count in by_status.items() if count)
        return _Display.of(
            f"活动状态 {self.campaign}",
            facts,
            ("推荐", "候选人", "层级", "单位", "状态"),
            (
                (
                    nomination.id,
                    mask_name(nomination.candidate.name) if nomination.candidate.name else nomination.candidate.id,
                    nomination.level.label,
                    nomination.unit,
                    nomination.status.label,
                )
                for nomination in nominations
            ),
        )

    def nomination(self, nomination: str) -> Nomination:
        """The nomination *nomination*."""
        if type(nomination) is not str:  # the map hashes the id's UTF-8 bytes
            check_type(nomination, str, "nomination", "the id of a nomination of this campaign")
        found = self.nomination_map.get(nomination)
        if found is None:
            raise ValidationError.single("nomination", "the id of a nomination of this campaign", nomination)
        return found

    def nominations(self) -> tuple[Nomination, ...]:
        """Every nomination, in the order they were submitted."""
        return tuple(sorted(self.nomination_map.values(), key=lambda nomination: nomination.seq))

    def notice(self, notice: str) -> Notice:
        """The notice *notice*."""
        if type(notice) is not str:  # the map hashes the id's UTF-8 bytes
            check_type(notice, str, "notice", "the id of a notice of this campaign")
        found = self.notice_map.get(notice)
        if found is None:
            raise ValidationError.single("notice", "the id of a notice of this campaign", notice)
        return found

    def notices(self) -> tuple[Notice, ...]:
        """Every notice, in the order they were opened."""
        return tuple(sorted(self.notice_map.values(), key=lambda notice: notice.opened_at))

    def objection(self, objection: str) -> Objection:
        """The objection *objection*."""
        found = self.objection_map.get(objection)
        if found is None:
            raise ValidationError.single("objection", "the id of an objection of this campaign", objection)
        return found

    def objections(self) -> tuple[Objection, ...]:
        """Every objection, in the order they were raised."""
        return tuple(sorted(self.objection_map.values(), key=lambda objection: objection.raised_at))

    def forwarded(self, level: Level, unit: str, category: str | None = None) -> int:
        """How many nominations *unit* at *level* forwarded (of *category*, or of all)."""
        return self.forward_counts.get(forward_key(level, unit, category)) or 0

    def nominated_at(self, level: Level, candidate: str) -> str | None:
        """The nomination of *candidate* at *level*, if any."""
        check_type(level, Level, "level")
        try:
            return self.family_map.get(family_key(level, candidate))
        except TypeError:  # an unhashable candidate (a list, a signalling NaN)
            check_type(candidate, str, "candidate", "the id of a candidate")
            raise

    def by_status(self, status: NominationStatus) -> tuple[Nomination, ...]:
        """The nominations in *status*, in submission order."""
        return tuple(nomination for nomination in self.nominations() if nomination.status is status)
