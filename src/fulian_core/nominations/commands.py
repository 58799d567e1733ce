"""Commands to a campaign (操作指令): who, when, why — and a payload of one class per command kind.

A :class:`Command` carries an :class:`~fulian_core.workflows.Actor`, a caller-supplied aware
timestamp, a reason where one is due, and its payload: :class:`Submit`, :class:`Return`,
:class:`Resubmit` … — a tagged union whose tag (``kind``) is the command code of the nomination
workflow. Named constructors build each kind::

    Command.submit(actor, at, "n-001", Submission(...))
    Command.return_for_revision(actor, at, "n-001", reason="事迹材料不足800字")
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import ClassVar, Final, Union, get_args

import attrs

from fulian_core._definitions import check_free_text as _check_free_text
from fulian_core._definitions import instance_of, listed
from fulian_core._faults import Faults
from fulian_core.criteria import Evidence
from fulian_core.errors import ValidationError
from fulian_core.nominations._checks import check_moment
from fulian_core.nominations.campaign import Channel
from fulian_core.nominations.dossier import Dossier
from fulian_core.privacy import MobileNumber, ResidentId, _name_repr, _redacted_repr, _text_repr
from fulian_core.rules import Subject
from fulian_core.workflows import Actor, Payload

__all__ = [
    "PAYLOADS",
    "Accept",
    "Assess",
    "Award",
    "CloseNotice",
    "Command",
    "Confirm",
    "DismissObjection",
    "Forward",
    "OpenNotice",
    "RaiseObjection",
    "Reject",
    "Resubmit",
    "Return",
    "Revoke",
    "Shortlist",
    "Submission",
    "Submit",
    "UpholdObjection",
    "Withdraw",
]


@attrs.frozen
class Submission:
    """What a nomination brings when submitted (推荐信息): the candidate, the channel, the unit
    that receives it, the dossier, the category, the candidate's work unit (for 回避 and
    单位推荐), who recommended, and contact data that public views mask."""

    candidate: Subject
    channel: Channel
    unit: str
    dossier: Dossier
    category: str = ""
    affiliation: str = attrs.field(default="", repr=_redacted_repr)
    nominator: str = attrs.field(default="", repr=_name_repr)
    mobile: MobileNumber | None = None
    resident_id: ResidentId | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.candidate, Subject), "candidate", "a Subject", self.candidate)
        faults.check(isinstance(self.channel, Channel), "channel", "a Channel", self.channel)
        faults.check(
            isinstance(self.unit, str) and bool(self.unit), "unit", "the code of the receiving unit", self.unit
        )
        faults.check(isinstance(self.dossier, Dossier), "dossier", "a Dossier", self.dossier)
        for name in ("category", "affiliation", "nominator"):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        faults.check(self.mobile is None or isinstance(self.mobile, MobileNumber), "mobile", "a MobileNumber", None)
        faults.check(
            self.resident_id is None or isinstance(self.resident_id, ResidentId), "resident_id", "a ResidentId", None
        )
        faults.raise_if_any()


_WHAT = {"nomination": "a nomination", "notice": "a notice", "objection": "an objection"}


def _an_id(_instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    # One validator for every id field; the field's name says what the id is of.
    if not isinstance(value, str) or not value:
        raise ValidationError.single(attribute.name, f"the id of {_WHAT[attribute.name]}", value)


@attrs.frozen
class _OnNomination(Payload):
    """A payload that names one nomination."""

    nomination: str = attrs.field(validator=_an_id)

    @property
    def subject(self) -> str:
        """The id the command is about."""
        return self.nomination


@attrs.frozen
class Submit(_OnNomination):
    """推荐/申报: a new nomination under the caller's id *nomination*."""

    kind: ClassVar[str] = "submit"
    submission: Submission = attrs.field(validator=instance_of(Submission))


@attrs.frozen
class Return(_OnNomination):
    """退回重新撰写: return a dossier for rewriting; it is kept, not lost."""

    kind: ClassVar[str] = "return"


@attrs.frozen
class Resubmit(_OnNomination):
    """重新提交: a returned nomination comes back with a new dossier version."""

    kind: ClassVar[str] = "resubmit"
    dossier: Dossier = attrs.field(validator=instance_of(Dossier))


@attrs.frozen
class Accept(_OnNomination):
    """受理: a complete dossier is accepted for review."""

    kind: ClassVar[str] = "accept"


@attrs.frozen
class Assess(_OnNomination):
    """评审: a reviewer's assessment of the candidate's evidence against the campaign's criteria."""

    kind: ClassVar[str] = "assess"
    evidence: Evidence = attrs.field(validator=instance_of(Evidence))


@attrs.frozen
class Shortlist(_OnNomination):
    """入围: an eligible nomination goes on the shortlist."""

    kind: ClassVar[str] = "shortlist"


@attrs.frozen
class Reject(_OnNomination):
    """不予推荐: a nomination is rejected, with a reason."""

    kind: ClassVar[str] = "reject"


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "nominations", "a list of nomination ids")


def _check_ids(_instance: object, _attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
    faults = Faults()
    faults.check(bool(value), "nominations", "at least one nomination id", [])
    for index, nomination in enumerate(value):
        faults.check(isinstance(nomination, str) and bool(nomination), f"nominations[{index}]", "an id", nomination)
    faults.check(len(set(value)) == len(value), "nominations", "distinct ids", None)
    faults.raise_if_any()


@attrs.frozen
class _OnNotice(Payload):
    """A payload that names one notice."""

    notice: str = attrs.field(validator=_an_id)

    @property
    def subject(self) -> str:
        """The id the command is about."""
        return self.notice


@attrs.frozen
class OpenNotice(_OnNotice):
    """公示: shortlisted nominations are posted for public notice under the id *notice*."""

    kind: ClassVar[str] = "open_notice"
    nominations: tuple[str, ...] = attrs.field(converter=_ids, validator=_check_ids)


@attrs.frozen
class RaiseObjection(_OnNomination):
    """提出异议: an objection, under the id *objection*, against a nominee on notice."""

    kind: ClassVar[str] = "object"
    objection: str = attrs.field(validator=_an_id)


@attrs.frozen
class _OnObjection(Payload):
    """A payload that names one objection."""

    objection: str = attrs.field(validator=_an_id)

    @property
    def subject(self) -> str:
        """The id the command is about."""
        return self.objection


@attrs.frozen
class UpholdObjection(_OnObjection):
    """异议成立: the objection holds and the nominee is removed."""

    kind: ClassVar[str] = "uphold_objection"


@attrs.frozen
class DismissObjection(_OnObjection):
    """异议不成立: the objection is dismissed and the nominee stays."""

    kind: ClassVar[str] = "dismiss_objection"


@attrs.frozen
class CloseNotice(_OnNotice):
    """公示结束: a notice whose period has run is closed."""

    kind: ClassVar[str] = "close_notice"


@attrs.frozen
class Confirm(_OnNomination):
    """本级确定: a nomination is confirmed at its level after its notice."""

    kind: ClassVar[str] = "confirm"


@attrs.frozen
class Forward(_OnNomination):
    """上报: a confirmed nomination goes to the next level, within the quota."""

    kind: ClassVar[str] = "forward"


@attrs.frozen
class Award(_OnNomination):
    """表彰: the title is conferred at this level."""

    kind: ClassVar[str] = "award"


@attrs.frozen
class Revoke(_OnNomination):
    """撤销/摘牌: a conferred title is revoked, with a reason; the record stays."""

    kind: ClassVar[str] = "revoke"


@attrs.frozen
class Withdraw(_OnNomination):
    """撤回: a nomination is withdrawn before its notice; it stays in the history."""

    kind: ClassVar[str] = "withdraw"


CommandPayload = Union[  # noqa: UP007 - a runtime union the converter reads by its members
    Submit,
    Return,
    Resubmit,
    Accept,
    Assess,
    Shortlist,
    Reject,
    OpenNotice,
    RaiseObjection,
    UpholdObjection,
    DismissObjection,
    CloseNotice,
    Confirm,
    Forward,
    Award,
    Revoke,
    Withdraw,
]
"""The payload of a command to a campaign: one class per command kind, tagged by ``kind``."""

PAYLOADS: Final[Mapping[str, type[Payload]]] = {payload.kind: payload for payload in get_args(CommandPayload)}
"""The payload class of each command kind, by its code."""


@attrs.frozen
class Command:
    """One command to a campaign (操作指令): the actor, when, the payload, and the reason."""

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        "at is a time in the years 1900 to 2999 (China time)",
        (
            "whether the command may be taken is the campaign's to say when it is handled (its phase, the "
            "actor's role, the guards of the workflow)"
        ),
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    actor: Actor
    at: dt.datetime
    payload: CommandPayload
    reason: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.actor, Actor), "actor", "an Actor", self.actor)
        check_moment(self.at, "at", faults)
        faults.check(isinstance(self.payload, Payload), "payload", "a command payload (Submit, Accept …)", self.payload)
        _check_free_text(self.reason, "reason", faults)
        faults.raise_if_any()

    @property
    def kind(self) -> str:
        """The command code (the payload's tag)."""
        return self.payload.kind

    @property
    def subject(self) -> str:
        """The id the command is about: a nomination, a notice or an objection."""
        return self.payload.subject

    @classmethod
    def submit(cls, actor: Actor, at: dt.datetime, nomination: str, submission: Submission) -> Command:
        """Submit a nomination (推荐/申报) under the caller's id *nomination*."""
        return cls(actor, at, Submit(nomination, submission))

    @classmethod
    def return_for_revision(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Return a dossier for rewriting (退回重新撰写); it is kept, not lost."""
        return cls(actor, at, Return(nomination), reason)

    @classmethod
    def resubmit(cls, actor: Actor, at: dt.datetime, nomination: str, dossier: Dossier, *, reason: str = "") -> Command:
        """Resubmit a returned nomination with a new dossier version (重新提交)."""
        return cls(actor, at, Resubmit(nomination, dossier), reason)

    @classmethod
    def accept(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Accept a complete dossier for review (受理)."""
        return cls(actor, at, Accept(nomination))

    @classmethod
    def assess(cls, actor: Actor, at: dt.datetime, nomination: str, evidence: Evidence) -> Command:
        """A reviewer's assessment against the campaign's criteria (评审)."""
        return cls(actor, at, Assess(nomination, evidence))

    @classmethod
    def shortlist(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str = "") -> Command:
        """Put an eligible nomination on the shortlist (入围)."""
        return cls(actor, at, Shortlist(nomination), reason)

    @classmethod
    def reject(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Reject a nomination (不予推荐) with a reason."""
        return cls(actor, at, Reject(nomination), reason)

    @classmethod
    def open_notice(cls, actor: Actor, at: dt.datetime, notice: str, nominations: Iterable[str]) -> Command:
        """Post shortlisted nominations for public notice (公示) under the id *notice*."""
        return cls(actor, at, OpenNotice(notice, _ids(nominations)))

    @classmethod
    def raise_objection(cls, actor: Actor, at: dt.datetime, nomination: str, objection: str, *, reason: str) -> Command:
        """Raise an objection (异议) against a nominee on notice, under the id *objection*."""
        return cls(actor, at, RaiseObjection(nomination, objection), reason)

    @classmethod
    def uphold_objection(cls, actor: Actor, at: dt.datetime, objection: str, *, reason: str) -> Command:
        """Uphold an objection (异议成立): the nominee is removed."""
        return cls(actor, at, UpholdObjection(objection), reason)

    @classmethod
    def dismiss_objection(cls, actor: Actor, at: dt.datetime, objection: str, *, reason: str) -> Command:
        """Dismiss an objection (异议不成立): the nominee stays."""
        return cls(actor, at, DismissObjection(objection), reason)

    @classmethod
    def close_notice(cls, actor: Actor, at: dt.datetime, notice: str) -> Command:
        """Close a notice whose period has run (公示结束)."""
        return cls(actor, at, CloseNotice(notice))

    @classmethod
    def confirm(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Confirm a nomination at this level after its notice (确定)."""
        return cls(actor, at, Confirm(nomination))

    @classmethod
    def forward(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Forward a confirmed nomination to the next level (上报), within the quota."""
        return cls(actor, at, Forward(nomination))

    @classmethod
    def award(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Confer the title at this level (表彰)."""
        return cls(actor, at, Award(nomination))

    @classmethod
    def revoke(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Revoke a conferred title (撤销/摘牌) with a reason; the record stays."""
        return cls(actor, at, Revoke(nomination), reason)

    @classmethod
    def withdraw(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Withdraw a nomination (撤回) before notice; it stays in the history."""
        return cls(actor, at, Withdraw(nomination), reason)
