"""The rectification workflow (创建整改), declared on the workflow engine.

排查 → 交办 → 整改 (限期 N working days) → 复查 → 销号; a failed re-check sends the case back
(退回重改) with a fresh 限期, and a case past its 限期 may be escalated (督办), which sets a
new, shorter one. :func:`rectification_workflow` builds the declaration for a working-day
calendar; :func:`open_case` opens a case for a :class:`~fulian_core.rectification.Problem`.

Every 限期 is counted in working days of the calendar from the day after the act that set
it (开始的当日不计入). The 交办 carries no date of its own (the engine's ``Due.from_payload`` is
not used here): the state 整改中 is entered by 交办 and by 退回重改 alike and a state has one due
rule, and one 规定时限 for every 责任单位 keeps 按期整改率 comparable between them; a campaign
with another 限期 builds its own workflow with the factory. A 限期 must fall within the years
the calendar covers: an act whose 限期 would fall beyond them is refused with a
:class:`~fulian_core.errors.ValidationError` (path ``due``) — build the workflow on a calendar
of the next year as soon as its holiday schedule is published.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Final

import attrs

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar, china_date
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.holidays import china_calendar
from fulian_core.rectification.cases import Problem
from fulian_core.rectification.tasks import TaskList
from fulian_core.workflows import (
    Act,
    Actor,
    Attempt,
    Case,
    Due,
    Guard,
    Payload,
    Role,
    State,
    Transition,
    Workflow,
    advance,
)

__all__ = [
    "RECTIFICATION_WORKFLOW",
    "Assign",
    "open_case",
    "rectification_workflow",
    "responsible_unit",
]

_INSPECT = frozenset({Role.STAFF, Role.REVIEWER})
_LEAD = frozenset({Role.LEADER})
_UNIT = frozenset({Role.STAFF, Role.LEADER})


@attrs.frozen
class Assign(Payload):
    """What a 交办 carries (交办单): the 责任单位 answerable for the rectification (``unit``)
    and the 创建任务 the problem falls under (``task``; empty when the workflow has no task
    list)."""

    kind: ClassVar[str] = "assign"

    unit: str
    task: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.unit, str) and bool(self.unit.strip()), "unit", "a unit code", self.unit)
        faults.check(isinstance(self.task, str), "task", "a task code or ''", self.task)
        faults.raise_if_any()


def responsible_unit(case: Case) -> str | None:
    """The 责任单位 a case was last assigned to (None: not assigned yet)."""
    check_type(case, Case, "case")
    for event in reversed(case.events):
        payload = event.act.payload
        if isinstance(payload, Assign):
            return payload.unit
    return None


_C = Attempt[Case]


def _responsible_unit(attempt: _C) -> str | None:
    unit = responsible_unit(attempt.context)
    if attempt.actor.unit == unit:
        return None
    return f"expected an actor acting for the responsible unit {unit!r}, got {attempt.actor.unit!r}"


def _not_self_check(attempt: _C) -> str | None:
    unit = responsible_unit(attempt.context)
    actor = attempt.actor
    if unit is not None and actor.unit != unit and unit not in actor.conflicts:
        return None
    return (
        f"expected a re-checker not acting for the responsible unit {unit!r}, got actor {actor.id!r} of {actor.unit!r}"
    )


def _overdue(attempt: _C) -> str | None:
    due = attempt.context.due
    day = china_date(attempt.at)
    if due is not None and day > due:
        return None
    return f"expected an act after the due date {due}, got {day}"


def _task_guard(tasks: TaskList) -> Guard[Case]:
    def check(attempt: _C) -> str | None:
        assign = attempt.payload
        assert isinstance(assign, Assign)  # noqa: S101 - the engine checked the payload's type
        if not tasks.has_task(assign.task):
            return f"expected a task of {tasks.title}, got {assign.task!r}"
        task = tasks.task(assign.task)
        if assign.unit in task.units:
            return None
        units = "、".join(task.units)
        return f"expected a unit responsible for {task.code} {task.title} ({units}), got {assign.unit!r}"

    return Guard("task", "the 交办 names a 创建任务 of the task list and a 责任单位 of that task", check)


def _check_count(value: object, name: str, faults: Faults) -> None:
    faults.check(
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 365,
        name,
        "a whole number of working days from 1 to 365",
        value,
    )


def rectification_workflow(
    *, calendar: WorkingDayCalendar, days: int = 10, escalation_days: int = 5, tasks: TaskList | None = None
) -> Workflow[Case]:
    """The rectification workflow (创建整改): 限期 *days* working days of *calendar* after a
    交办 or a 退回重改, and *escalation_days* after a 督办.

    With *tasks*, a 交办 must name one of its 创建任务 and a 责任单位 of that task (guard
    ``task``).
    """
    faults = Faults()
    faults.check(isinstance(calendar, WorkingDayCalendar), "calendar", "a WorkingDayCalendar", calendar)
    _check_count(days, "days", faults)
    _check_count(escalation_days, "escalation_days", faults)
    faults.check(tasks is None or isinstance(tasks, TaskList), "tasks", "a TaskList or None", tasks)
    faults.raise_if_any(DefinitionError)
    assign_guards = ("task",) if tasks is not None else ()
    return Workflow[Case](
        code="rectification",
        label="创建整改",
        states=(
            State("new", "待登记"),
            State("found", "已发现待交办"),
            State("assigned", "整改中", due=Due.working_days(days, calendar)),
            State("escalated", "督办中", due=Due.working_days(escalation_days, calendar)),
            State("submitted", "待复查"),
            State("closed", "已销号", final=True),
        ),
        initial="new",
        transitions=(
            Transition("record", "排查登记", {"new"}, "found", _INSPECT, guards=("found_first",), payload=Problem),
            Transition("assign", "交办", {"found"}, "assigned", _LEAD, guards=assign_guards, payload=Assign),
            Transition(
                "submit", "整改完毕报复查", {"assigned", "escalated"}, "submitted", _UNIT, guards=("responsible_unit",)
            ),
            Transition("close", "复查通过销号", {"submitted"}, "closed", _INSPECT, guards=("not_self_check",)),
            Transition(
                "rework",
                "复查不合格退回重改",
                {"submitted"},
                "assigned",
                _INSPECT,
                needs_reason=True,
                guards=("not_self_check",),
            ),
            Transition(
                "escalate",
                "督办",
                {"assigned", "escalated"},
                "escalated",
                _LEAD,
                needs_reason=True,
                guards=("overdue",),
            ),
        ),
        guards=(
            Guard.not_before(
                "found_first",
                "a problem is recorded on or after the day it was found",
                field="found_on",
                act="record",
                event="problem was found",
            ),
            *((_task_guard(tasks),) if tasks is not None else ()),
            Guard(
                "responsible_unit",
                "the rectification is reported by an actor acting for the 责任单位 it was assigned to",
                _responsible_unit,
            ),
            Guard(
                "not_self_check",
                "the re-check (复查) is made by someone not acting for the 责任单位 that rectified",
                _not_self_check,
            ),
            Guard("overdue", "a case is escalated (督办) only after its due date has passed", _overdue),
        ),
    )


RECTIFICATION_WORKFLOW: Final = rectification_workflow(calendar=china_calendar())
"""创建整改 with a 限期 of 10 working days (5 after a 督办), on the calendar of every shipped
year, without a task list."""


def open_case(workflow: Workflow[Case], problem: Problem, *, by: Actor, at: dt.datetime) -> Case:
    """A rectification case for *problem* (立案), recorded by *by* at *at*: the case's subject is
    the problem's id, its first event the ``record`` act carrying the problem."""
    check_type(workflow, Workflow, "workflow")
    if not isinstance(problem, Problem):
        raise ValidationError.single("problem", "a Problem", problem)
    return advance(workflow, Case.start(workflow, problem.id), Act("record", by, at, payload=problem))
