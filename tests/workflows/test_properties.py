"""Laws of the workflow engine on generated declarations: cases stay valid, due dates follow
the declaration, replay gives the case back, the deadline queries agree with the cases."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from fulian_core import TransitionRefused, UnknownCommandError
from fulian_core.testing import acts_for, workflows
from fulian_core.testing.laws import assert_round_trip
from fulian_core.workflows import Case, Workflow, advance, china_date, falling_due, overdue, replay_case


@given(st.data(), workflows())
def test_any_declared_workflow_keeps_cases_valid(data: st.DataObject, workflow: Workflow[Case]) -> None:
    case = Case.start(workflow, "case-1")
    for _ in range(data.draw(st.integers(0, 25))):
        act = data.draw(acts_for(workflow))
        try:
            moved = advance(workflow, case, act)
        except (TransitionRefused, UnknownCommandError):
            continue
        transition = workflow.transition(act.command, case.state)
        assert moved.state == transition.target
        assert moved.events[:-1] == case.events
        assert not transition.roles or act.actor.role in transition.roles
        case = moved
    assert workflow.state(case.state).code == case.state
    assert [event.act.at for event in case.events] == sorted(event.act.at for event in case.events)
    assert replay_case(workflow, "case-1", case.events) == case
    assert_round_trip(case, Case)
    declared = workflow.state(case.state).due
    if not case.events or declared is None:
        assert case.due is None
    else:
        last = case.events[-1]
        assert case.due == declared.date(china_date(last.act.at)) >= china_date(last.act.at)
    assert_round_trip(workflow, Workflow)


@given(st.data(), workflows())
def test_the_deadline_queries_agree_with_the_cases(data: st.DataObject, workflow: Workflow[Case]) -> None:
    cases = []
    for number in range(data.draw(st.integers(0, 6))):
        case = Case.start(workflow, f"case-{number}")
        for act in data.draw(st.lists(acts_for(workflow), max_size=6)):
            try:
                case = advance(workflow, case, act)
            except (TransitionRefused, UnknownCommandError):  # noqa: PERF203 - a refused act changes nothing
                continue
        cases.append(case)
    on = data.draw(st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)))
    late = overdue(cases, on=on)
    assert {case.subject for case in late} == {case.subject for case in cases if case.due is not None and case.due < on}
    assert [case.due for case in late] == sorted(case.due for case in late if case.due is not None)
    week = falling_due(cases, first=on, last=on + dt.timedelta(days=6))
    assert all(case.due is not None and on <= case.due <= on + dt.timedelta(days=6) for case in week)
    assert not set(late) & set(week)
