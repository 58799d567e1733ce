"""The event log of a campaign (操作记录): every accepted command, numbered, with what it
decided. The log is the audit trail — who, when, what, why — and the state of a campaign is
the fold of its events (:func:`~fulian_core.nominations.lifecycle.replay`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_iterable
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._faults import Faults
from fulian_core.nominations.commands import Command
from fulian_core.orgs import Level
from fulian_core.privacy import mask_name, redact_text
from fulian_core.rules import Evaluation

__all__ = ["Event"]


@attrs.frozen
class Event:
    """One accepted command (操作记录) and the facts it fixed when it was accepted: the
    assessment a review produced, the last day of a notice opened, the unit and level a
    nomination was forwarded to (or, for a submission, the level it entered at). Replaying
    needs nothing else, so later changes to criteria or calendars never re-judge the past."""

    seq: int = attrs.field(validator=_whole_number)
    command: Command
    assessment: Evaluation | None = None
    last_day: dt.date | None = None
    forwarded_to: str | None = None
    level: Level | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        whole = isinstance(self.seq, int) and not isinstance(self.seq, bool)
        faults.check(whole and self.seq >= 1, "seq", "a number >= 1", self.seq)
        faults.check(isinstance(self.command, Command), "command", "a Command", self.command)
        faults.check(
            self.assessment is None or isinstance(self.assessment, Evaluation), "assessment", "an Evaluation", None
        )
        faults.check(
            self.last_day is None
            or (isinstance(self.last_day, dt.date) and not isinstance(self.last_day, dt.datetime)),
            "last_day",
            "a date or None",
            self.last_day,
        )
        faults.check(
            self.forwarded_to is None or isinstance(self.forwarded_to, str), "forwarded_to", "a unit code", None
        )
        faults.check(self.level is None or isinstance(self.level, Level), "level", "a Level or None", self.level)
        faults.raise_if_any()

    @property
    def kind(self) -> str:
        """The command's kind."""
        return self.command.kind

    def describe(self, names: Iterable[str] = ()) -> str:
        """One audit line, personal data masked: ``#3 2024-04-02T09:00:00+08:00 李*（工作人员,
        忠义社区） return n-002: 事迹材料不足``. The actor's name, the names of the candidates the
        command brings, and *names* (say, the candidate of the nomination it is about) are masked
        wherever they appear, and so are ID and mobile numbers in the reason."""
        check_iterable(names, "names", "a list of names")
        command = self.command
        actor = command.actor
        known = [actor.name, *names, *_candidate_names(command.payload)]
        why = f": {redact_text(command.reason, known)}" if command.reason else ""
        return (
            f"#{self.seq} {command.at.isoformat()} {mask_name(actor.name)}（{actor.role.label}, "
            f"{actor.unit}） {command.kind} {command.subject}{why}"
        )


def _candidate_names(payload: object) -> list[str]:
    submission = getattr(payload, "submission", None)
    candidate = getattr(submission, "candidate", None)
    name = getattr(candidate, "name", "")
    return [name] if isinstance(name, str) and name else []
