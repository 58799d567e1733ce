"""The rectification workflow: 限期 in working days across a holiday, 退回重改 with a fresh
限期, 督办 only when overdue, and each refusal naming its guard."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import DefinitionError, TransitionRefused, UnknownCommandError, ValidationError, china_calendar
from fulian_core.rectification import (
    RECTIFICATION_WORKFLOW,
    Assign,
    open_case,
    problem_of,
    rectification_workflow,
    responsible_unit,
)
from fulian_core.workflows import BUILT_IN_GUARDS, Act, Actor, Case, Role, advance, overdue, replay_case
from tests.rectification.fixtures import (
    INSPECTOR,
    JINGU_STAFF,
    LEADER,
    WORKFLOW,
    XINZHEN,
    XINZHEN_REVIEWER,
    XINZHEN_STAFF,
    at,
    problem,
)


def assigned(number: int = 1) -> Case:
    case = open_case(WORKFLOW, problem(number), by=INSPECTOR, at=at(9, 26, 15))
    return advance(WORKFLOW, case, Act("assign", LEADER, at(9, 27), payload=Assign(XINZHEN, "T05")))


def refusal(case: Case, act: Act) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as caught:
        advance(WORKFLOW, case, act)
    return caught.value


def test_a_case_opens_with_its_problem_and_waits_for_assignment() -> None:
    case = open_case(WORKFLOW, problem(), by=INSPECTOR, at=at(9, 26, 15))
    assert (case.subject, case.state, case.due) == ("p-1", "found", None)
    assert problem_of(case) == problem()
    assert responsible_unit(case) is None


def test_ten_working_days_across_the_national_day_holiday() -> None:
    # The official 2019 schedule: 1–7 October off; Sunday 29 September and Saturday 12 October
    # are make-up working days. From Friday 27 September, the day itself not counted:
    # 29 and 30 September (2), 8–11 October (6), Saturday 12 October (7), 14–16 October (10).
    case = assigned()
    assert (case.state, case.due) == ("assigned", dt.date(2019, 10, 16))
    assert responsible_unit(case) == XINZHEN
    assert [late.subject for late in overdue([case], on=dt.date(2019, 10, 16))] == []
    assert [late.subject for late in overdue([case], on=dt.date(2019, 10, 17))] == ["p-1"]


def test_a_failed_recheck_sends_the_case_back_with_a_fresh_due_date() -> None:
    case = advance(WORKFLOW, assigned(), Act("submit", XINZHEN_STAFF, at(10, 10), note="已挂牌，补建活动台账"))
    assert (case.state, case.due) == ("submitted", None)
    case = advance(WORKFLOW, case, Act("rework", INSPECTOR, at(10, 11), reason="现场核查：活动记录仍缺"))
    # From Friday 11 October: Saturday 12 October (a make-up working day), then 14–18 and 21–24.
    assert (case.state, case.due) == ("assigned", dt.date(2019, 10, 24))
    case = advance(WORKFLOW, case, Act("submit", XINZHEN_STAFF, at(10, 22)))
    case = advance(WORKFLOW, case, Act("close", INSPECTOR, at(10, 23)))
    assert (case.state, case.due) == ("closed", None)
    assert [event.act.command for event in case.events] == ["record", "assign", "submit", "rework", "submit", "close"]
    assert replay_case(WORKFLOW, "p-1", case.events) == case
    assert not case.is_overdue(dt.date(2030, 1, 1))


def test_escalation_only_when_overdue_and_with_a_new_due_date() -> None:
    case = assigned()
    refused = refusal(case, Act("escalate", LEADER, at(10, 16, 17), reason="限期已到"))
    assert str(refused) == (
        "escalate p-1 [整改中 assigned]: refused by guard 'overdue': "
        "expected an act after the due date 2019-10-16, got 2019-10-16"
    )
    case = advance(WORKFLOW, case, Act("escalate", LEADER, at(10, 17), reason="逾期未整改，督办"))
    # Five working days from Thursday 17 October: 18, 21, 22, 23, 24.
    assert (case.state, case.due) == ("escalated", dt.date(2019, 10, 24))
    assert refusal(case, Act("escalate", LEADER, at(10, 24), reason="再次督办")).guard == "overdue"
    again = advance(WORKFLOW, case, Act("escalate", LEADER, at(10, 25), reason="再次督办"))
    assert (again.state, again.due) == ("escalated", dt.date(2019, 11, 1))
    submitted = advance(WORKFLOW, case, Act("submit", XINZHEN_STAFF, at(10, 23)))
    assert submitted.state == "submitted"


def test_refusals_name_the_guard_and_change_nothing() -> None:
    case = assigned()
    refused = refusal(case, Act("submit", JINGU_STAFF, at(10, 10)))
    assert str(refused) == (
        "submit p-1 [整改中 assigned]: refused by guard 'responsible_unit': "
        "expected an actor acting for the responsible unit '320583102201', got '320583102202'"
    )
    submitted = advance(WORKFLOW, case, Act("submit", XINZHEN_STAFF, at(10, 10)))
    refused = refusal(submitted, Act("close", XINZHEN_REVIEWER, at(10, 11)))
    assert (refused.guard, refused.detail) == (
        "not_self_check",
        "expected a re-checker not acting for the responsible unit '320583102201', got actor 'x2' of '320583102201'",
    )
    conflicted = Actor("s9", "周丽", Role.REVIEWER, INSPECTOR.unit, conflicts={XINZHEN})
    assert refusal(submitted, Act("close", conflicted, at(10, 11))).guard == "not_self_check"
    assert refusal(submitted, Act("rework", INSPECTOR, at(10, 11))).guard == "reason"
    assert refusal(submitted, Act("close", LEADER, at(10, 11))).guard == "role"
    assert refusal(submitted, Act("close", INSPECTOR, at(10, 9))).guard == "chronology"
    assert refusal(submitted, Act("escalate", LEADER, at(11, 1), reason="x")).guard == "state"
    assert submitted.state == "submitted"
    with pytest.raises(UnknownCommandError):
        advance(WORKFLOW, submitted, Act("withdraw", LEADER, at(10, 11)))


def test_an_assignment_names_a_task_and_one_of_its_units() -> None:
    case = open_case(WORKFLOW, problem(), by=INSPECTOR, at=at(9, 26, 15))
    refused = refusal(case, Act("assign", LEADER, at(9, 27), payload=Assign(XINZHEN, "T99")))
    assert (refused.guard, refused.detail) == (
        "task",
        "expected a task of 镇妇联创建全国文明城市任务分解（示例）, got 'T99'",
    )
    refused = refusal(case, Act("assign", LEADER, at(9, 27), payload=Assign(XINZHEN, "T02")))
    assert (
        refused.detail
        == "expected a unit responsible for T02 开展星级文明户、文明家庭评选 (320583102), got '320583102201'"
    )
    with pytest.raises(ValidationError, match=r"^payload: expected a Assign payload for assign, got None$"):
        advance(WORKFLOW, case, Act("assign", LEADER, at(9, 27)))
    with pytest.raises(ValidationError, match=r"^unit: expected a unit code, got ''$"):
        Assign("")
    # Without a task list, any unit will do.
    plain = open_case(RECTIFICATION_WORKFLOW, problem(), by=INSPECTOR, at=at(9, 26, 15))
    plain = advance(RECTIFICATION_WORKFLOW, plain, Act("assign", LEADER, at(9, 27), payload=Assign("anyone")))
    assert (plain.state, plain.due) == ("assigned", dt.date(2019, 10, 16))


def test_a_problem_is_recorded_no_earlier_than_found() -> None:
    with pytest.raises(TransitionRefused) as caught:
        open_case(WORKFLOW, problem(found_on=dt.date(2019, 9, 27)), by=INSPECTOR, at=at(9, 26, 15))
    assert str(caught.value) == (
        "record p-1 [待登记 new]: refused by guard 'found_first': "
        "expected a record on or after the day the problem was found (2019-09-27), got 2019-09-26"
    )
    assert refusal(Case.start(WORKFLOW, "p-1"), Act("record", LEADER, at(9, 26), payload=problem())).guard == "role"
    with pytest.raises(ValidationError, match=r"^problem: expected a Problem, got 'p-1'$"):
        open_case(WORKFLOW, "p-1", by=INSPECTOR, at=at(9, 26))  # type: ignore[arg-type]


def test_every_guard_is_declared_with_its_sentence() -> None:
    declared = [guard.code for guard in WORKFLOW.guards]
    assert declared == ["found_first", "task", "responsible_unit", "not_self_check", "overdue"]
    assert all(guard.requires for guard in WORKFLOW.guards)
    named = {code for transition in WORKFLOW.transitions for code in transition.guards}
    assert named == set(declared)
    assert "task" not in {guard.code for guard in RECTIFICATION_WORKFLOW.guards}
    assert not {guard.code for guard in BUILT_IN_GUARDS} & set(declared)


def test_the_diagram() -> None:
    assert WORKFLOW.to_mermaid() == "\n".join(
        [
            "stateDiagram-v2",
            "    [*] --> new",
            "    assigned: 整改中 (10工作日)",
            "    escalated: 督办中 (5工作日)",
            "    new --> found: record [found_first]",
            "    found --> assigned: assign [task]",
            "    assigned --> submitted: submit [responsible_unit]",
            "    escalated --> submitted: submit [responsible_unit]",
            "    submitted --> closed: close [not_self_check]",
            "    submitted --> assigned: rework [not_self_check]",
            "    assigned --> escalated: escalate [overdue]",
            "    escalated --> escalated: escalate [overdue]",
            "    closed --> [*]",
        ]
    )


def test_the_factory_reports_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        rectification_workflow(calendar="2019", days=0, escalation_days=True, tasks=[])  # type: ignore[arg-type]
    assert [str(fault) for fault in caught.value.faults] == [
        "calendar: expected a WorkingDayCalendar, got '2019'",
        "days: expected a whole number of working days from 1 to 365, got 0",
        "escalation_days: expected a whole number of working days from 1 to 365, got True",
        "tasks: expected a TaskList or None, got []",
    ]
    three = rectification_workflow(calendar=china_calendar(2019), days=3)
    due = three.state("assigned").due
    assert due is not None
    assert due.describe() == "3工作日"
