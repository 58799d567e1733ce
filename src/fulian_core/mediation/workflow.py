"""The mediation workflow (矛盾调解 / 维权), declared on the workflow engine.

登记 → 受理 (within N working days) → 调解 (sessions logged; the mediation period runs on) →
调解成功 / 转介 (司法所, 法律援助 …) / 终止 → 回访 (within N working days) → 办结; a case may
also not be accepted (不予受理, with its reason). :func:`mediation_workflow` builds the
declaration for a working-day calendar and the deadlines a county sets; :func:`open_dispute`
registers a dispute. Every deadline counts from the day after the act that set it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.holidays import china_calendar
from fulian_core.mediation.cases import Dispute, FollowUp, Referral, Session
from fulian_core.workflows import (
    Act,
    Actor,
    Attempt,
    Case,
    Due,
    Guard,
    Role,
    State,
    Transition,
    Workflow,
    advance,
)

__all__ = ["MEDIATION_WORKFLOW", "OUTCOMES", "mediation_workflow", "open_dispute"]

OUTCOMES: Final = ("resolved", "referred", "terminated")
"""The states a mediation ends in before its follow-up: 调解成功, 已转介, 调解终止."""

_STAFF = frozenset({Role.STAFF, Role.LEADER})
_LEAD = frozenset({Role.LEADER})

_C = Attempt[Case]


def _after_a_session(attempt: _C) -> str | None:
    if any(event.act.command == "session" for event in attempt.context.events):
        return None
    return "expected at least one mediation session (调解) logged before the outcome"


def _check_days(value: object, name: str, faults: Faults) -> None:
    faults.check(
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 365,
        name,
        "a whole number of days from 1 to 365",
        value,
    )


def mediation_workflow(
    *, calendar: WorkingDayCalendar, accept_days: int = 3, mediation_days: int = 30, follow_up_days: int = 10
) -> Workflow[Case]:
    """The mediation workflow (矛盾调解): 受理 within *accept_days* working days of *calendar*
    after registration, an outcome within *mediation_days* calendar days of 受理 (sessions do
    not restart it), and 回访 within *follow_up_days* working days of the outcome."""
    faults = Faults()
    faults.check(isinstance(calendar, WorkingDayCalendar), "calendar", "a WorkingDayCalendar", calendar)
    for name, value in (("accept_days", accept_days), ("mediation_days", mediation_days)):
        _check_days(value, name, faults)
    _check_days(follow_up_days, "follow_up_days", faults)
    faults.raise_if_any(DefinitionError)
    follow_up = Due.working_days(follow_up_days, calendar)
    return Workflow[Case](
        code="mediation",
        label="矛盾调解",
        states=(
            State("new", "待登记"),
            State("registered", "已登记待受理", due=Due.working_days(accept_days, calendar)),
            State("mediating", "调解中", due=Due.calendar_days(mediation_days)),
            State("resolved", "调解成功待回访", due=follow_up),
            State("referred", "已转介待回访", due=follow_up),
            State("terminated", "调解终止待回访", due=follow_up),
            State("followed_up", "已回访待办结"),
            State("declined", "不予受理", final=True),
            State("closed", "已办结", final=True),
        ),
        initial="new",
        transitions=(
            Transition("register", "登记", {"new"}, "registered", _STAFF, guards=("received_first",), payload=Dispute),
            Transition("accept", "受理", {"registered"}, "mediating", _STAFF),
            Transition("decline", "不予受理", {"registered"}, "declined", _LEAD, needs_reason=True),
            Transition("session", "调解", {"mediating"}, "mediating", _STAFF, payload=Session, keeps_due=True),
            Transition("resolve", "调解成功", {"mediating"}, "resolved", _STAFF, guards=("after_session",)),
            Transition("refer", "转介", {"mediating"}, "referred", _STAFF, needs_reason=True, payload=Referral),
            Transition("terminate", "终止调解", {"mediating"}, "terminated", _STAFF, needs_reason=True),
            Transition("follow_up", "回访", set(OUTCOMES), "followed_up", _STAFF, payload=FollowUp),
            Transition("close", "办结", {"followed_up"}, "closed", _LEAD),
        ),
        guards=(
            Guard.not_before(
                "received_first",
                "a dispute is registered on or after the day it was received",
                field="received",
                act="registration",
                event="dispute was received",
            ),
            Guard("after_session", "a mediation succeeds only after at least one session", _after_a_session),
        ),
    )


MEDIATION_WORKFLOW: Final = mediation_workflow(calendar=china_calendar())
"""矛盾调解 with 受理 within 3 working days, an outcome within 30 days of 受理 and 回访 within
10 working days, on the calendar of every shipped year."""


def open_dispute(workflow: Workflow[Case], dispute: Dispute, *, by: Actor, at: dt.datetime) -> Case:
    """A mediation case for *dispute* (登记), registered by *by* at *at*: the case's subject is
    the dispute's id, its first event the ``register`` act carrying the dispute."""
    check_type(workflow, Workflow, "workflow")
    if not isinstance(dispute, Dispute):
        raise ValidationError.single("dispute", "a Dispute", dispute)
    return advance(workflow, Case.start(workflow, dispute.id), Act("register", by, at, payload=dispute))
