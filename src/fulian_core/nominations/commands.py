"""Commands to a campaign (操作指令): who, when, what, why — and the payload the command needs.

Every command is one :class:`Command` record with a ``kind`` (the workflow's command code), an
:class:`~fulian_core.nominations.workflow.Actor`, a caller-supplied aware timestamp and a
reason where one is due; named constructors build each kind with the fields it needs::

    Command.submit(actor, at, "n-001", Submission(...))
    Command.return_for_revision(actor, at, "n-001", reason="事迹材料不足800字")

A command of a kind the workflow does not know can still be built (it may come from another
system); the campaign refuses it with :class:`~fulian_core.errors.UnknownCommandError`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from fulian_core._faults import Faults
from fulian_core.criteria import Evidence
from fulian_core.nominations._checks import check_moment
from fulian_core.nominations.campaign import Channel
from fulian_core.nominations.dossier import Dossier
from fulian_core.nominations.workflow import Actor
from fulian_core.privacy import MobileNumber, ResidentId
from fulian_core.rules import Subject

__all__ = ["PAYLOADS", "Command", "Submission"]


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
    affiliation: str = ""
    nominator: str = ""
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


PAYLOADS: Final[dict[str, tuple[str, ...]]] = {
    "submit": ("nomination", "submission"),
    "return": ("nomination",),
    "resubmit": ("nomination", "dossier"),
    "accept": ("nomination",),
    "assess": ("nomination", "evidence"),
    "shortlist": ("nomination",),
    "reject": ("nomination",),
    "open_notice": ("notice", "nominations"),
    "object": ("nomination", "objection"),
    "uphold_objection": ("objection",),
    "dismiss_objection": ("objection",),
    "close_notice": ("notice",),
    "confirm": ("nomination",),
    "forward": ("nomination",),
    "award": ("nomination",),
    "revoke": ("nomination",),
    "withdraw": ("nomination",),
}
"""The fields each known command kind needs besides actor and time."""

_EMPTY: Final[dict[str, object]] = {
    "nomination": "",
    "submission": None,
    "dossier": None,
    "evidence": None,
    "notice": "",
    "nominations": (),
    "objection": "",
}


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Command:
    """One command to a campaign (操作指令); see the module for the named constructors."""

    kind: str
    actor: Actor
    at: dt.datetime
    nomination: str = ""
    reason: str = ""
    submission: Submission | None = None
    dossier: Dossier | None = None
    evidence: Evidence | None = None
    notice: str = ""
    nominations: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    objection: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.kind, str) and bool(self.kind), "kind", "a command code", self.kind)
        faults.check(isinstance(self.actor, Actor), "actor", "an Actor", self.actor)
        check_moment(self.at, "at", faults)
        for name in ("nomination", "reason", "notice", "objection"):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        for index, nomination in enumerate(self.nominations):
            faults.check(isinstance(nomination, str) and bool(nomination), f"nominations[{index}]", "an id", nomination)
        faults.check(len(set(self.nominations)) == len(self.nominations), "nominations", "distinct ids", None)
        for name, kind in (("submission", Submission), ("dossier", Dossier), ("evidence", Evidence)):
            value = getattr(self, name)
            faults.check(value is None or isinstance(value, kind), name, f"a {kind.__name__} or None", value)
        faults.raise_if_any()
        needed = PAYLOADS.get(self.kind)
        if needed is None:
            return
        for name, empty in _EMPTY.items():
            value = getattr(self, name)
            if name in needed:
                faults.check(value != empty, name, f"a value for {self.kind}", value)
            else:
                faults.check(value == empty, name, f"nothing for {self.kind}", value)
        faults.raise_if_any()

    @classmethod
    def submit(cls, actor: Actor, at: dt.datetime, nomination: str, submission: Submission) -> Command:
        """Submit a nomination (推荐/申报) under the caller's id *nomination*."""
        return cls("submit", actor, at, nomination, submission=submission)

    @classmethod
    def return_for_revision(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Return a dossier for rewriting (退回重新撰写); it is kept, not lost."""
        return cls("return", actor, at, nomination, reason=reason)

    @classmethod
    def resubmit(cls, actor: Actor, at: dt.datetime, nomination: str, dossier: Dossier, *, reason: str = "") -> Command:
        """Resubmit a returned nomination with a new dossier version (重新提交)."""
        return cls("resubmit", actor, at, nomination, reason=reason, dossier=dossier)

    @classmethod
    def accept(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Accept a complete dossier for review (受理)."""
        return cls("accept", actor, at, nomination)

    @classmethod
    def assess(cls, actor: Actor, at: dt.datetime, nomination: str, evidence: Evidence) -> Command:
        """A reviewer's assessment against the campaign's criteria (评审)."""
        return cls("assess", actor, at, nomination, evidence=evidence)

    @classmethod
    def shortlist(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str = "") -> Command:
        """Put an eligible nomination on the shortlist (入围)."""
        return cls("shortlist", actor, at, nomination, reason=reason)

    @classmethod
    def reject(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Reject a nomination (不予推荐) with a reason."""
        return cls("reject", actor, at, nomination, reason=reason)

    @classmethod
    def open_notice(cls, actor: Actor, at: dt.datetime, notice: str, nominations: Iterable[str]) -> Command:
        """Post shortlisted nominations for public notice (公示) under the id *notice*."""
        return cls("open_notice", actor, at, notice=notice, nominations=tuple(nominations))

    @classmethod
    def raise_objection(cls, actor: Actor, at: dt.datetime, nomination: str, objection: str, *, reason: str) -> Command:
        """Raise an objection (异议) against a nominee on notice, under the id *objection*."""
        return cls("object", actor, at, nomination, reason=reason, objection=objection)

    @classmethod
    def uphold_objection(cls, actor: Actor, at: dt.datetime, objection: str, *, reason: str) -> Command:
        """Uphold an objection (异议成立): the nominee is removed."""
        return cls("uphold_objection", actor, at, reason=reason, objection=objection)

    @classmethod
    def dismiss_objection(cls, actor: Actor, at: dt.datetime, objection: str, *, reason: str) -> Command:
        """Dismiss an objection (异议不成立): the nominee stays."""
        return cls("dismiss_objection", actor, at, reason=reason, objection=objection)

    @classmethod
    def close_notice(cls, actor: Actor, at: dt.datetime, notice: str) -> Command:
        """Close a notice whose period has run (公示结束)."""
        return cls("close_notice", actor, at, notice=notice)

    @classmethod
    def confirm(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Confirm a nomination at this level after its notice (确定)."""
        return cls("confirm", actor, at, nomination)

    @classmethod
    def forward(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Forward a confirmed nomination to the next level (上报), within the quota."""
        return cls("forward", actor, at, nomination)

    @classmethod
    def award(cls, actor: Actor, at: dt.datetime, nomination: str) -> Command:
        """Confer the title at this level (表彰)."""
        return cls("award", actor, at, nomination)

    @classmethod
    def revoke(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Revoke a conferred title (撤销/摘牌) with a reason; the record stays."""
        return cls("revoke", actor, at, nomination, reason=reason)

    @classmethod
    def withdraw(cls, actor: Actor, at: dt.datetime, nomination: str, *, reason: str) -> Command:
        """Withdraw a nomination (撤回) before notice; it stays in the history."""
        return cls("withdraw", actor, at, nomination, reason=reason)
