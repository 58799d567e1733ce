"""What a mediation case carries (调解案件): the dispute taken in, the sessions held, where it
was referred and what the follow-up found.

A :class:`Dispute` is the payload of the ``register`` command that opens a case
(:func:`~fulian_core.mediation.open_dispute`): where it came from (来访, 来电, 12345热线, 转办),
when it was received, what kind of conflict it is, the unit it counts under, and a summary
that stays out of every ``repr`` (it names people). :func:`dispute_of` reads it back.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

import attrs

from fulian_core._definitions import check_code, check_free_text, check_text
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.privacy import _text_repr
from fulian_core.workflows import Case, Payload

__all__ = [
    "Channel",
    "Dispute",
    "DisputeKind",
    "FollowUp",
    "Referral",
    "ReferralBody",
    "Session",
    "dispute_of",
]


class Channel(CodedEnum):
    """How a dispute reached the federation (受理渠道)."""

    VISIT = ("visit", "来访")
    CALL = ("call", "来电")
    HOTLINE_12345 = ("hotline_12345", "12345热线")
    HOTLINE_12338 = ("hotline_12338", "12338妇女维权热线")
    TRANSFER = ("transfer", "转办")
    OUTREACH = ("outreach", "排查发现")


class DisputeKind(CodedEnum):
    """What the conflict is about (矛盾类型)."""

    MARRIAGE = ("marriage", "婚姻纠纷")
    FAMILY = ("family", "家庭纠纷")
    DOMESTIC_VIOLENCE = ("domestic_violence", "家庭暴力")
    SUPPORT = ("support", "赡养抚养纠纷")
    PROPERTY = ("property", "财产继承纠纷")
    NEIGHBOUR = ("neighbour", "邻里纠纷")
    RIGHTS = ("rights", "妇女儿童权益")
    OTHER = ("other", "其他")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


@attrs.frozen
class Dispute(Payload):
    """A dispute taken in (矛盾纠纷登记): ``id`` (the case's subject), the ``channel``, the day
    it was ``received``, its ``kind``, the ``unit`` (village or community code) it counts
    under, the ``summary`` (shown by its length only) and, for a 转办 or a hotline work order,
    the ``reference`` of the order (工单号)."""

    kind: ClassVar[str] = "register"

    id: str
    channel: Channel
    received: dt.date
    dispute: DisputeKind
    unit: str
    summary: str = attrs.field(repr=_text_repr)
    reference: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-./")
        faults.check(isinstance(self.channel, Channel), "channel", "a Channel", self.channel)
        faults.check(_is_date(self.received), "received", "a date", self.received)
        faults.check(isinstance(self.dispute, DisputeKind), "dispute", "a DisputeKind", self.dispute)
        check_code(self.unit, "unit", faults)
        check_text(self.summary, "summary", faults)
        check_free_text(self.reference, "reference", faults)
        if self.channel in (Channel.HOTLINE_12345, Channel.TRANSFER):
            faults.check(bool(self.reference), "reference", f"the work order of a {self.channel.label} case", "")
        faults.raise_if_any()


@attrs.frozen
class Session(Payload):
    """One mediation session (调解过程记录): who took part and what was said, as a note shown
    by its length only."""

    kind: ClassVar[str] = "session"

    note: str = attrs.field(repr=_text_repr)
    parties: int = 2

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_text(self.note, "note", faults)
        faults.check(
            isinstance(self.parties, int) and not isinstance(self.parties, bool) and 1 <= self.parties <= 100,
            "parties",
            "a whole number of parties from 1 to 100",
            self.parties,
        )
        faults.raise_if_any()


class ReferralBody(CodedEnum):
    """Where a case is referred (转介机构)."""

    JUDICIAL_OFFICE = ("judicial_office", "司法所")
    LEGAL_AID = ("legal_aid", "法律援助中心")
    POLICE = ("police", "公安机关")
    COURT = ("court", "人民法院")
    CIVIL_AFFAIRS = ("civil_affairs", "民政部门")
    OTHER = ("other", "其他部门")


@attrs.frozen
class Referral(Payload):
    """A referral (转介): the ``body`` it goes to and the name of the office, if given."""

    kind: ClassVar[str] = "refer"

    body: ReferralBody
    office: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.body, ReferralBody), "body", "a ReferralBody", self.body)
        check_free_text(self.office, "office", faults)
        faults.raise_if_any()


@attrs.frozen
class FollowUp(Payload):
    """A follow-up visit or call (回访): whether the parties are satisfied and whether the
    agreement holds (for a case mediated successfully), with a note shown by its length only."""

    kind: ClassVar[str] = "follow_up"

    satisfied: bool
    holding: bool = True
    note: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(self.satisfied in (True, False), "satisfied", "True or False", self.satisfied)
        faults.check(self.holding in (True, False), "holding", "True or False", self.holding)
        check_free_text(self.note, "note", faults)
        faults.raise_if_any()


def dispute_of(case: Case) -> Dispute:
    """The dispute a mediation case was opened for (its first event's payload)."""
    if not isinstance(case, Case):
        raise ValidationError.single("case", "a Case", case)
    payload = case.events[0].act.payload if case.events else None
    if not isinstance(payload, Dispute):
        raise ValidationError.single(
            "case.events[0]",
            f"the registration of a dispute (a case opened by open_dispute), in {case.subject}",
            payload,
        )
    return payload
