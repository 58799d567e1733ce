"""Many rectification cases driven by random acts, by random actors, on random days across
the 2019–2021 holidays, against the workflow's invariants."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fulian_core import TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.calendars import china_date
from fulian_core.rectification import (
    Assign,
    Problem,
    ProblemSource,
    figures_by_unit,
    open_case,
    rectification_figures,
    responsible_unit,
)
from fulian_core.rectification.catalog import CIVILISED_CITY_TASKS
from fulian_core.workflows import BUILT_IN_GUARDS, Act, Actor, Case, Role, advance, overdue, replay_case
from tests.rectification.fixtures import (
    CALENDAR,
    INSPECTOR,
    JINGU,
    JINGU_STAFF,
    LEADER,
    TOWNSHIP,
    WORKFLOW,
    XINZHEN,
    XINZHEN_REVIEWER,
    XINZHEN_STAFF,
    at,
)

ACTORS = (
    INSPECTOR,
    LEADER,
    XINZHEN_STAFF,
    JINGU_STAFF,
    XINZHEN_REVIEWER,
    Actor("j2", "孙梅", Role.LEADER, JINGU),
    Actor("p1", "居民代表", Role.PUBLIC, XINZHEN),
)
UNITS = (XINZHEN, JINGU, TOWNSHIP)
TASKS = ("T05", "T02", "T15", "T99", "")
RESPONSIBLE = ((XINZHEN, "T05"), (JINGU, "T15"), (TOWNSHIP, "T02"))
COMMANDS = (*WORKFLOW.commands, "withdraw")
GUARDS = {"state", *(guard.code for guard in BUILT_IN_GUARDS), *(guard.code for guard in WORKFLOW.guards)}
STATES = {state.code for state in WORKFLOW.states}
LAST_DAY = dt.date(2021, 11, 30)  # the calendar covers 2019–2021; a 限期 set by then ends in 2021


def fitting(command: str, case: Case) -> Actor:
    """An actor the guards of *command* would let act on *case*."""
    unit = responsible_unit(case)
    if command in {"assign", "escalate"}:
        return LEADER
    if command == "submit":
        return {XINZHEN: XINZHEN_STAFF, JINGU: JINGU_STAFF}.get(unit or "", INSPECTOR)
    return XINZHEN_REVIEWER if unit == TOWNSHIP else INSPECTOR


class RectificationMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = at(9, 20)
        self.cases: dict[str, Case] = {}

    @property
    def today(self) -> dt.date:
        return china_date(self.now)

    @rule(days=st.integers(0, 20), hours=st.integers(0, 23))
    def time_passes(self, days: int, hours: int) -> None:
        later = self.now + dt.timedelta(days=days, hours=hours)
        if china_date(later) <= LAST_DAY:
            self.now = later

    @precondition(lambda self: len(self.cases) < 12)
    @rule(offset=st.integers(-3, 1), unit=st.sampled_from(UNITS), recorder=st.sampled_from(ACTORS))
    def find(self, offset: int, unit: str, recorder: Actor) -> None:
        found_on = self.today + dt.timedelta(days=offset)
        problem = Problem(f"p-{len(self.cases) + 1}", "宣传栏破损", found_on, unit, ProblemSource.PATROL)
        try:
            case = open_case(WORKFLOW, problem, by=recorder, at=self.now)
        except TransitionRefused as refusal:
            refused = refusal
        else:
            assert found_on <= self.today
            self.cases[problem.id] = case
            return
        expected = "role" if recorder.role not in {Role.STAFF, Role.REVIEWER} else "found_first"
        assert refused.guard == expected
        assert expected == "role" or found_on > self.today

    @precondition(lambda self: bool(self.cases))
    @rule(
        data=st.data(),
        reason=st.sampled_from(("", "整改不到位", "整改不到位")),
        assignment=st.one_of(st.sampled_from(RESPONSIBLE), st.tuples(st.sampled_from(UNITS), st.sampled_from(TASKS))),
        backdated=st.sampled_from((0, 0, 0, 1)),
    )
    def act(self, data: st.DataObject, reason: str, assignment: tuple[str, str], backdated: int) -> None:
        unit, task = assignment
        subject = data.draw(st.sampled_from(sorted(self.cases)))
        case = self.cases[subject]
        accepted = WORKFLOW.accepted_in(case.state) or COMMANDS
        # Mostly what the state accepts, by an actor its guards let act, so that runs get far.
        command = data.draw(st.sampled_from(accepted) | st.sampled_from(accepted) | st.sampled_from(COMMANDS))
        actor = data.draw(st.just(fitting(command, case)) | st.just(fitting(command, case)) | st.sampled_from(ACTORS))
        payload = Assign(unit, task) if command == "assign" else None
        moment = self.now - dt.timedelta(days=backdated)
        try:
            after = advance(WORKFLOW, case, Act(command, actor, moment, reason=reason, payload=payload))
        except TransitionRefused as refusal:
            refused: TransitionRefused | None = refusal
        except (UnknownCommandError, ValidationError):
            refused = None
        else:
            self._check_move(case, after, command, actor, assignment=assignment, day=china_date(moment))
            self.cases[subject] = after
            return
        if refused is None:  # an undeclared command: nothing to check but that the case stays
            assert command not in WORKFLOW.accepted_in(case.state)
        else:
            assert refused.guard in GUARDS
            assert refused.subject == subject

    @staticmethod
    def _check_move(
        case: Case, after: Case, command: str, actor: Actor, *, assignment: tuple[str, str], day: dt.date
    ) -> None:
        assert after.events[:-1] == case.events
        assert after.state == WORKFLOW.transition(command, case.state).target
        if command in {"assign", "rework"}:
            assert after.due == CALENDAR.add_working_days(day, 10)
        if command == "assign":
            unit, task = assignment
            assert unit in CIVILISED_CITY_TASKS.task(task).units
        if command == "escalate":
            assert case.due is not None
            assert case.due < day
            assert after.due == CALENDAR.add_working_days(day, 5)
        if command == "submit":
            assert actor.unit == responsible_unit(case)
        if command in {"close", "rework"}:
            assert actor.unit != responsible_unit(case)

    @invariant()
    def every_case_is_in_a_declared_state(self) -> None:
        for case in self.cases.values():
            assert case.state in STATES
            assert case.state != "new"

    @invariant()
    def due_dates_are_never_before_the_day_of_entry(self) -> None:
        for case in self.cases.values():
            for event in case.events:
                assert event.due is None or event.due > china_date(event.act.at)
            assert (case.due is not None) == (case.state in {"assigned", "escalated"})

    @invariant()
    def a_closed_case_is_never_overdue(self) -> None:
        for case in self.cases.values():
            if case.state == "closed":
                assert not case.is_overdue(self.today)
                assert not case.is_overdue(LAST_DAY + dt.timedelta(days=365))

    @invariant()
    def replay_gives_back_every_case(self) -> None:
        for subject, case in self.cases.items():
            assert replay_case(WORKFLOW, subject, case.events) == case

    @invariant()
    def the_figures_add_up(self) -> None:
        cases = list(self.cases.values())
        figures = rectification_figures(cases, on=self.today)
        assert figures.found == len(cases)
        assert figures.closed == sum(case.state == "closed" for case in cases)
        assert 0 <= figures.closed_on_time <= figures.closed <= figures.found
        assert figures.overdue == len(overdue(cases, on=self.today)) <= figures.open
        assert max(figures.escalated, figures.reworked) <= figures.found
        by_unit = figures_by_unit(cases, on=self.today).values()
        assert sum(part.found for part in by_unit) == figures.found
        assert sum(part.closed_on_time for part in by_unit) == figures.closed_on_time


TestRectification = RectificationMachine.TestCase
