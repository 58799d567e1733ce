"""The workflow engine: guards declared on transitions and run once, refusals named from the
declaration, due dates and the deadline queries, replay through the same fold."""

from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar

import attrs
import pytest

from fulian_core import (
    DefinitionError,
    TransitionRefused,
    UnknownCommandError,
    ValidationError,
    china_calendar,
    structure,
    structure_case,
    unstructure,
)
from fulian_core.workflows import (
    BUILT_IN_GUARDS,
    CHINA_STANDARD_TIME,
    Act,
    Actor,
    Attempt,
    Case,
    CaseEvent,
    Due,
    Guard,
    Payload,
    Role,
    State,
    Transition,
    Workflow,
    advance,
    check,
    falling_due,
    group_by_state,
    overdue,
    replay_case,
)

CST = CHINA_STANDARD_TIME
LEADER = Actor("l1", "赵敏", Role.LEADER, "371082")
STAFF = Actor("s1", "李红", Role.STAFF, "371082")


def at(month: int, day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, tzinfo=CST)


@attrs.frozen
class Assign(Payload):
    kind: ClassVar[str] = "assign"
    unit: str
    deadline: dt.date


calls: list[str] = []


def _counted(attempt: Attempt[Case]) -> str | None:
    calls.append(attempt.subject)
    return None


def _has_unit(attempt: Attempt[Case]) -> str | None:
    payload = attempt.payload
    assert isinstance(payload, Assign)
    return None if payload.unit else "expected a responsible unit, got none"


WORKFLOW = Workflow[Case](
    "task",
    "任务",
    (
        State("new", "新建"),
        State("assigned", "已交办", due=Due.from_payload("deadline")),
        State("done", "已办结", final=True),
    ),
    "new",
    (
        Transition(
            "assign", "交办", {"new"}, "assigned", {Role.LEADER}, guards=("counted", "has_unit"), payload=Assign
        ),
        Transition("finish", "办结", {"assigned"}, "done", {Role.STAFF}, needs_reason=True, guards=("counted",)),
    ),
    guards=(
        Guard("counted", "counts its calls (a test probe)", _counted),
        Guard("has_unit", "a task is given to a responsible unit", _has_unit),
    ),
)


def test_the_engine_runs_built_in_guards_then_the_declared_ones_once_each() -> None:
    calls.clear()
    case = advance(
        WORKFLOW, Case.start(WORKFLOW, "t-1"), Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 3, 8)))
    )
    assert calls == ["t-1"]
    assert case.state == "assigned"
    assert case.due == dt.date(2024, 3, 8)
    with pytest.raises(TransitionRefused) as caught:
        advance(
            WORKFLOW,
            Case.start(WORKFLOW, "t-2"),
            Act("assign", LEADER, at(3, 1), payload=Assign("", dt.date(2024, 3, 8))),
        )
    assert caught.value.guard == "has_unit"
    assert (
        str(caught.value) == "assign t-2 [新建 new]: refused by guard 'has_unit': expected a responsible unit, got none"
    )
    calls.clear()
    with pytest.raises(TransitionRefused) as caught:
        advance(WORKFLOW, case, Act("finish", LEADER, at(3, 2), reason="已整改"))
    assert (caught.value.guard, calls) == ("role", [])
    with pytest.raises(TransitionRefused) as caught:
        advance(WORKFLOW, case, Act("finish", STAFF, at(3, 2)))
    assert (caught.value.guard, caught.value.detail) == ("reason", "办结 needs a reason")
    with pytest.raises(TransitionRefused) as caught:
        advance(WORKFLOW, case, Act("finish", STAFF, at(2, 2), reason="x"))
    assert caught.value.guard == "chronology"
    assert caught.value.detail == (
        "expected a time at or after the last accepted act (2024-03-01T09:00:00+08:00), got 2024-02-02T09:00:00+08:00"
    )


def test_every_refusal_names_a_guard_the_declaration_holds() -> None:
    declared = {"state", *(guard.code for guard in BUILT_IN_GUARDS), *(guard.code for guard in WORKFLOW.guards)}
    assert declared == {"state", "role", "reason", "chronology", "counted", "has_unit"}
    assert [guard.code for guard in BUILT_IN_GUARDS] == ["role", "reason", "chronology"]
    assert all(guard.requires for guard in BUILT_IN_GUARDS)
    assert all(guard.requires for guard in WORKFLOW.guards)


def test_payloads_are_typed_by_the_transition() -> None:
    with pytest.raises(ValidationError, match=r"^payload: expected a Assign payload for assign, got None$"):
        advance(WORKFLOW, Case.start(WORKFLOW, "t-1"), Act("assign", LEADER, at(3, 1)))
    case = advance(
        WORKFLOW, Case.start(WORKFLOW, "t-1"), Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 3, 8)))
    )
    with pytest.raises(ValidationError, match=r"^payload: expected no payload for finish"):
        advance(WORKFLOW, case, Act("finish", STAFF, at(3, 2), reason="x", payload=Assign("u", dt.date(2024, 3, 8))))
    with pytest.raises(UnknownCommandError):
        check(
            WORKFLOW,
            "promote",
            "new",
            subject="t",
            actor=LEADER,
            at=at(3, 1),
            reason="",
            payload=None,
            last_at=None,
            context=case,
        )


def test_declarations_refuse_unknown_and_reserved_guards() -> None:
    with pytest.raises(DefinitionError) as caught:
        Workflow[Case](
            "w",
            "流程",
            (State("a", "甲"), State("b", "乙", final=True, due=Due.calendar_days(3))),
            "a",
            (Transition("go", "走", {"a"}, "b", guards=("nowhere",)),),
            guards=(Guard("role", "shadows a built-in", _counted),),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "states[1].due: expected no due date on a final state (nothing is left to do), got Due(unit=<DueUnit.CALENDAR_DAYS: 自然日>, count=3, field='')",
        "guards[0].code: expected a guard code not used before (state, role, reason and chronology are built in), got 'role'",
        "transitions[0].guards: expected guards the workflow declares, got 'nowhere'",
    ]


def test_due_dates_count_calendar_and_working_days_months_and_years() -> None:
    calendar = china_calendar(2024)
    posted = dt.date(2024, 9, 27)  # a Friday before the National Day week
    assert Due.calendar_days(5).date(posted) == dt.date(2024, 10, 2)
    # 9月29日 (a Sunday) is a make-up working day: 29, 30 September, then 8, 9, 10 October.
    assert Due.working_days(5, calendar).date(posted) == dt.date(2024, 10, 10)
    assert Due.months(1).date(dt.date(2024, 1, 31)) == dt.date(2024, 2, 29)
    assert Due.years(3).date(dt.date(2024, 2, 29)) == dt.date(2027, 2, 28)
    assert Due.working_days(10, calendar).describe() == "10工作日"
    with pytest.raises(DefinitionError) as caught:
        Due.working_days(0, None)  # type: ignore[arg-type]
    assert [fault.path for fault in caught.value.faults] == ["count", "calendar"]
    with pytest.raises(ValidationError, match=r"^payload.deadline: expected a due date \(a date\), got None$"):
        Due.from_payload("deadline").date(posted, None)


def test_overdue_and_falling_due_answer_for_any_workflow() -> None:
    cases = []
    for number, deadline in enumerate((dt.date(2024, 3, 8), dt.date(2024, 3, 12), dt.date(2024, 3, 20)), 1):
        case = Case.start(WORKFLOW, f"t-{number}")
        cases.append(advance(WORKFLOW, case, Act("assign", LEADER, at(3, 1), payload=Assign("u", deadline))))
    cases.append(advance(WORKFLOW, cases[0], Act("finish", STAFF, at(3, 5), reason="已办结")))
    cases.append(Case.start(WORKFLOW, "t-9"))
    assert [case.subject for case in overdue(cases, on=dt.date(2024, 3, 13))] == ["t-1", "t-2"]
    assert [case.subject for case in overdue(cases[1:], on=dt.date(2024, 3, 13))] == ["t-2"]
    week = falling_due(cases, first=dt.date(2024, 3, 11), last=dt.date(2024, 3, 17))
    assert [case.subject for case in week] == ["t-2"]
    assert dict(group_by_state(cases)) == {"assigned": 3, "done": 1, "new": 1}
    with pytest.raises(ValidationError, match=r"^last: expected a date on or after 2024-03-17"):
        falling_due(cases, first=dt.date(2024, 3, 17), last=dt.date(2024, 3, 11))


def test_replay_folds_a_log_and_names_a_corrupt_event() -> None:
    case = Case.start(WORKFLOW, "t-1")
    case = advance(WORKFLOW, case, Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 3, 8))))
    case = advance(WORKFLOW, case, Act("finish", STAFF, at(3, 5), reason="已办结"))
    assert replay_case(WORKFLOW, "t-1", case.events) == case
    first, second = case.events
    with pytest.raises(ValidationError) as caught:
        replay_case(WORKFLOW, "t-1", [first, attrs.evolve(second, seq=5)])
    assert str(caught.value) == "events[1].seq: expected event number 2, got 5"
    with pytest.raises(ValidationError) as caught:
        replay_case(WORKFLOW, "t-1", [attrs.evolve(second, seq=1)])
    assert str(caught.value).startswith("events[0]: expected an act the workflow accepts here (finish t-1 [新建 new]")
    with pytest.raises(ValidationError) as caught:
        replay_case(WORKFLOW, "t-1", [first, attrs.evolve(second, act=attrs.evolve(second.act, actor=LEADER))])
    assert "refused by guard 'role'" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        replay_case(WORKFLOW, "t-1", [first, attrs.evolve(second, target="new")])
    assert str(caught.value) == "events[1]: expected a move from 'assigned' to 'done', got 'assigned -> new'"
    with pytest.raises(ValidationError, match=r"^events\[0\]: expected a CaseEvent, got 'x'$"):
        replay_case(WORKFLOW, "t-1", ["x"])  # type: ignore[list-item]
    assert isinstance(first, CaseEvent)


def test_the_diagram_shows_guards_and_deadlines() -> None:
    assert WORKFLOW.to_mermaid() == "\n".join(
        [
            "stateDiagram-v2",
            "    [*] --> new",
            "    assigned: 已交办 (指定日期（deadline）)",
            "    new --> assigned: assign [counted, has_unit]",
            "    assigned --> done: finish [counted]",
            "    done --> [*]",
        ]
    )


def test_a_case_with_payloads_travels_as_data_and_is_read_with_its_workflow() -> None:
    case = Case.start(WORKFLOW, "t-1")
    case = advance(WORKFLOW, case, Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 3, 8))))
    data = unstructure(case)
    assert data["events"][0]["act"]["payload"] == {"kind": "assign", "unit": "u", "deadline": "2024-03-08"}
    assert json.loads(json.dumps(data)) == data
    assert structure_case(data, WORKFLOW) == case
    with pytest.raises(ValidationError, match=r"structure\(data, cls, workflow=workflow\)"):
        structure(data, Case)
    data["events"][0]["act"]["payload"]["kind"] = "finish"
    with pytest.raises(
        ValidationError, match=r"^events\[0\]\.act\.payload\.kind: expected one of assign, got 'finish'$"
    ):
        structure_case(data, WORKFLOW)


def test_a_deadline_set_before_the_day_it_is_set_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"^payload.deadline: expected a due date on or after the day it is set"):
        advance(
            WORKFLOW,
            Case.start(WORKFLOW, "t-1"),
            Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 2, 1))),
        )
    with pytest.raises(
        DefinitionError, match=r"transitions\[0\]\.payload: expected a payload with the field 'deadline'"
    ):
        Workflow[Case](
            "w",
            "流程",
            (State("a", "甲"), State("b", "乙", due=Due.from_payload("deadline"))),
            "a",
            (Transition("go", "走", {"a"}, "b"),),
        )


def test_replay_checks_the_due_dates_a_log_carries() -> None:
    case = advance(
        WORKFLOW, Case.start(WORKFLOW, "t-1"), Act("assign", LEADER, at(3, 1), payload=Assign("u", dt.date(2024, 3, 8)))
    )
    (event,) = case.events
    with pytest.raises(
        ValidationError, match=r"^events\[0\]\.due: expected a due date on or after 2024-03-01, got None$"
    ):
        replay_case(WORKFLOW, "t-1", [attrs.evolve(event, due=None)])
    with pytest.raises(ValidationError, match=r"^on: expected a date \(not a date and time\)"):
        overdue([case], on=at(3, 9))
    with pytest.raises(ValidationError, match=r"^cases\[0\]: expected a Case \(or anything with a subject and a due"):
        overdue(["x"], on=dt.date(2024, 3, 9))  # type: ignore[type-var]


def _noting_workflow(*, keeps_due: bool = True, sources: frozenset[str] = frozenset({"open"})) -> Workflow[Case]:
    return Workflow[Case](
        code="noting",
        label="记录",
        states=(
            State("new", "新"),
            State("open", "办理中", due=Due.calendar_days(10)),
            State("done", "办结", final=True),
        ),
        initial="new",
        transitions=(
            Transition("open", "受理", {"new"}, "open"),
            Transition("note", "记录", sources, "open", keeps_due=keeps_due),
            Transition("reopen", "重新计时", {"open"}, "open"),
            Transition("finish", "办结", {"open"}, "done"),
        ),
    )


def test_a_record_in_a_state_keeps_its_due_date_and_a_re_entry_restarts_it() -> None:
    workflow = _noting_workflow()
    case = advance(workflow, Case.start(workflow, "x"), Act("open", STAFF, at(3, 1)))
    assert case.due == dt.date(2024, 3, 11)
    noted = advance(workflow, case, Act("note", STAFF, at(3, 20)))  # after the due date: still overdue
    assert noted.due == dt.date(2024, 3, 11)
    assert noted.is_overdue(dt.date(2024, 3, 21))
    assert advance(workflow, case, Act("reopen", STAFF, at(3, 5))).due == dt.date(2024, 3, 15)
    assert replay_case(workflow, "x", noted.events) == noted
    tampered = (*noted.events[:-1], attrs.evolve(noted.events[-1], due=dt.date(2024, 4, 30)))
    with pytest.raises(ValidationError, match=r"events\[1\].due: expected the case's due date 2024-03-11"):
        replay_case(workflow, "x", tampered)


def test_only_a_transition_back_to_its_own_state_may_keep_the_due_date() -> None:
    with pytest.raises(DefinitionError, match=r"transitions\[1\].keeps_due: expected false, or true only for a"):
        _noting_workflow(sources=frozenset({"new"}))


def test_cases_are_grouped_by_the_unit_their_opening_payload_names() -> None:
    import datetime as _dt

    from fulian_core.mediation import MEDIATION_WORKFLOW, Channel, Dispute, DisputeKind, open_dispute
    from fulian_core.workflows import CHINA_STANDARD_TIME, Actor, Case, Role, cases_by_unit

    staff = Actor("s1", "调解员", Role.STAFF, "371082103")
    at = _dt.datetime(2025, 3, 3, 9, tzinfo=CHINA_STANDARD_TIME)
    opened = [
        open_dispute(
            MEDIATION_WORKFLOW,
            Dispute(f"m-{n}", Channel.VISIT, at.date(), DisputeKind.MARRIAGE, unit, "纠纷"),
            by=staff,
            at=at,
        )
        for n, unit in enumerate(["371082103202", "371082103201", "371082103202"])
    ]
    unopened = Case.start(MEDIATION_WORKFLOW, "m-x")
    grouped = cases_by_unit([*opened, unopened])
    assert list(grouped) == ["371082103201", "371082103202"]
    assert [case.subject for case in grouped["371082103202"]] == ["m-0", "m-2"]
    with pytest.raises(ValidationError):
        cases_by_unit("cases")  # type: ignore[arg-type]
