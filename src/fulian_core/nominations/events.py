"""The event log of a campaign (操作记录): every accepted command, numbered, with what it
decided. The log is the audit trail — who, when, what, why — and the state of a campaign is
the fold of its events (:func:`~fulian_core.nominations.lifecycle.replay`)."""

from __future__ import annotations

import datetime as dt

import attrs

from fulian_core.nominations.commands import Command
from fulian_core.orgs import Level
from fulian_core.rules import Evaluation

__all__ = ["Event"]


@attrs.frozen
class Event:
    """One accepted command (操作记录) and the facts it fixed when it was accepted: the
    assessment a review produced, the last day of a notice opened, the unit and level a
    nomination was forwarded to (or, for a submission, the level it entered at). Replaying
    needs nothing else, so later changes to criteria or calendars never re-judge the past."""

    seq: int
    command: Command
    assessment: Evaluation | None = None
    last_day: dt.date | None = None
    forwarded_to: str | None = None
    level: Level | None = None

    @property
    def kind(self) -> str:
        """The command's kind."""
        return self.command.kind

    def describe(self) -> str:
        """One audit line: ``#3 2024-04-02T09:00:00+08:00 李红（工作人员, 忠义社区） return n-002: 事迹材料不足``."""
        command = self.command
        subject = command.subject
        why = f": {command.reason}" if command.reason else ""
        return (
            f"#{self.seq} {command.at.isoformat()} {command.actor.name}（{command.actor.role.label}, "
            f"{command.actor.unit}） {command.kind} {subject}{why}"
        )
