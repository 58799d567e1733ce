"""The family risk register (重点人群与家庭风险台账) under dynamic management (动态管理), declared
on the workflow engine.

An entry's state is its risk level, in the three colours family archives use: 红色 (high), 黄色
(medium), 绿色 (low). Each level has its review interval — a red entry is reviewed within days, a
green one each quarter — so the engine's due date is when the next review (回访复核) falls due,
and every review restarts it. Raising or lowering the level needs its reason; closing an entry
(销号) needs one too. The same command opens an entry at a level and moves an open entry to it.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.risks.register import LevelChange, Registration, Review
from fulian_core.workflows import Act, Actor, Attempt, Case, Due, Guard, Role, State, Transition, Workflow, advance

__all__ = ["LEVELS", "RISK_WORKFLOW", "open_entry", "risk_workflow"]

LEVELS: Final = ("red", "yellow", "green")
"""The risk levels, highest first: 红色 (high), 黄色 (medium), 绿色 (low)."""

_STAFF = frozenset({Role.STAFF, Role.LEADER})
_LEAD = frozenset({Role.LEADER})
_C = Attempt[Case]


def _check_days(value: object, name: str, faults: Faults) -> None:
    faults.check(
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 366,
        name,
        "a whole number of days from 1 to 366",
        value,
    )


def risk_workflow(*, red_days: int = 7, yellow_days: int = 30, green_days: int = 90) -> Workflow[Case]:
    """The risk register's workflow, with a review due *red_days*, *yellow_days* or *green_days*
    calendar days after an entry takes its level or is last reviewed."""
    faults = Faults()
    for name, value in (("red_days", red_days), ("yellow_days", yellow_days), ("green_days", green_days)):
        _check_days(value, name, faults)
    faults.raise_if_any(DefinitionError)
    if not red_days <= yellow_days <= green_days:
        raise DefinitionError.single(
            "yellow_days", f"days from red_days ({red_days}) to green_days ({green_days})", yellow_days
        )
    labels = {"red": "红色", "yellow": "黄色", "green": "绿色"}
    others = {level: frozenset(LEVELS) - {level} for level in LEVELS}
    transitions: list[Transition] = []
    for level in LEVELS:
        label = labels[level]
        transitions += [
            Transition(level, f"{label}登记", {"new"}, level, _STAFF, guards=("found_first",), payload=Registration),
            Transition(level, f"调整为{label}", others[level], level, _STAFF, needs_reason=True, payload=LevelChange),
        ]
    return Workflow[Case](
        code="risk_register",
        label="重点人群与家庭风险台账",
        states=(
            State("new", "待登记"),
            State("red", "红色（高风险）", due=Due.calendar_days(red_days)),
            State("yellow", "黄色（中风险）", due=Due.calendar_days(yellow_days)),
            State("green", "绿色（低风险）", due=Due.calendar_days(green_days)),
            State("closed", "已销号", final=True),
        ),
        initial="new",
        transitions=(
            *transitions,
            *(Transition("review", "回访复核", {level}, level, _STAFF, payload=Review) for level in LEVELS),
            Transition("close", "销号", set(LEVELS), "closed", _LEAD, needs_reason=True),
        ),
        guards=(
            Guard.not_before(
                "found_first",
                "a risk is registered on or after the day it was found",
                field="found",
                act="registration",
                event="risk was found",
            ),
        ),
    )


RISK_WORKFLOW: Final = risk_workflow()
"""The register with reviews due 7 days (red), 30 days (yellow) and 90 days (green) after an entry
takes its level or is last reviewed."""


def open_entry(workflow: Workflow[Case], registration: Registration, level: str, *, by: Actor, at: dt.datetime) -> Case:
    """An entry for *registration* at *level* (``red``, ``yellow`` or ``green``), registered by
    *by* at *at*."""
    check_type(workflow, Workflow, "workflow")
    if not isinstance(registration, Registration):
        raise ValidationError.single("registration", "a Registration", registration)
    if level not in LEVELS:
        raise ValidationError.single("level", "one of red, yellow, green", level)
    return advance(workflow, Case.start(workflow, registration.id), Act(level, by, at, payload=registration))
