"""The workflow core, the other declared workflows, the persistent map and campaign definitions."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, TransitionRefused, UnknownCommandError
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    CIVILIZED_POST_WORKFLOW,
    NOMINATION_WORKFLOW,
    PUBLIC_PLEDGE_WORKFLOW,
    Act,
    Actor,
    Case,
    Phase,
    PhaseKind,
    Quota,
    Role,
    State,
    Transition,
    Workflow,
    advance,
    is_recheck_overdue,
    recheck_due,
    replay_case,
)
from fulian_core.nominations._store import PersistentMap
from fulian_core.orgs import Level
from tests.nominations.fixtures import HEPING, campaign

LEADER = Actor("l1", "赵敏", Role.LEADER, "371082")
STAFF = Actor("s1", "李红", Role.STAFF, "371082")


def moment(year: int, month: int, day: int) -> dt.datetime:
    return dt.datetime(year, month, day, 9, tzinfo=CHINA_STANDARD_TIME)


def test_a_workflow_definition_reports_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        Workflow(
            "bad",
            "坏流程",
            (State("a", "甲"), State("a", "甲二"), State("z", "终", final=True)),
            "a",
            (
                Transition("go", "走", {"a", "q"}, "z"),
                Transition("back", "回", {"z"}, "a"),
            ),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "states[1].code: expected a state code not used before, got 'a'",
        "transitions[0].sources: expected declared states, got 'q'",
        "transitions[1].sources: expected states that are not final (nothing leaves a final state), got 'z'",
    ]
    with pytest.raises(DefinitionError, match="states: expected a state reachable from 'a', got 'island'"):
        Workflow("w", "流程", (State("a", "甲"), State("island", "孤岛")), "a", (Transition("stay", "留", {"a"}, "a"),))


def test_the_post_workflow_names_rechecks_and_revokes() -> None:
    case = Case.start(CIVILIZED_POST_WORKFLOW, "post-1")
    for command, day in (("apply", 1), ("approve", 10), ("accept", 20)):
        case = advance(
            CIVILIZED_POST_WORKFLOW, case, Act(command, LEADER if command != "apply" else STAFF, moment(2024, 3, day))
        )
    assert recheck_due(case, every_years=3) == dt.date(2027, 3, 20)
    assert is_recheck_overdue(case, every_years=3, on=dt.date(2027, 3, 21))
    case = advance(CIVILIZED_POST_WORKFLOW, case, Act("recheck_keep", LEADER, moment(2027, 3, 1)))
    assert recheck_due(case, every_years=3) == dt.date(2030, 3, 1)
    with pytest.raises(TransitionRefused) as caught:
        advance(CIVILIZED_POST_WORKFLOW, case, Act("revoke", LEADER, moment(2028, 1, 1)))
    assert str(caught.value) == "revoke post-1 [已命名 named]: refused by guard 'reason': 撤销/摘牌 needs a reason"
    revoked = advance(CIVILIZED_POST_WORKFLOW, case, Act("revoke", LEADER, moment(2028, 1, 1), reason="复核不合格"))
    assert revoked.state == "revoked"
    assert recheck_due(revoked, every_years=3) is None
    assert len(revoked.events) == 5
    assert replay_case(CIVILIZED_POST_WORKFLOW, "post-1", revoked.events) == revoked
    with pytest.raises(
        TransitionRefused,
        match="guard 'state': no transition of this state accepts 'apply' \\(accepted here: nothing: it is final\\)",
    ):
        advance(CIVILIZED_POST_WORKFLOW, revoked, Act("apply", STAFF, moment(2028, 2, 1)))
    with pytest.raises(UnknownCommandError):
        advance(CIVILIZED_POST_WORKFLOW, case, Act("promote", LEADER, moment(2028, 1, 1)))
    with pytest.raises(TransitionRefused, match="guard 'role'"):
        advance(CIVILIZED_POST_WORKFLOW, case, Act("revoke", STAFF, moment(2028, 1, 1), reason="x"))
    with pytest.raises(TransitionRefused, match="guard 'chronology'"):
        advance(CIVILIZED_POST_WORKFLOW, case, Act("recheck_keep", LEADER, moment(2020, 1, 1)))


def test_the_pledge_workflow_runs_its_five_steps() -> None:
    case = Case.start(PUBLIC_PLEDGE_WORKFLOW, "pledge-1")
    steps = [
        ("propose", STAFF),
        ("discuss", STAFF),
        ("send_back", LEADER),
        ("discuss", STAFF),
        ("review", LEADER),
        ("post", STAFF),
        ("fulfil", LEADER),
    ]
    for day, (command, actor) in enumerate(steps, 1):
        case = advance(PUBLIC_PLEDGE_WORKFLOW, case, Act(command, actor, moment(2024, 5, day), reason="措辞需具体"))
    assert case.state == "fulfilled"
    assert [
        PUBLIC_PLEDGE_WORKFLOW.state(code).label for code in ("visited", "discussed", "reviewed", "posted", "fulfilled")
    ] == [
        "走访提诺",
        "讨论议诺",
        "组织审诺",
        "公示亮诺",
        "全面践诺",
    ]


def test_the_nomination_workflow_is_declared_data() -> None:
    diagram = NOMINATION_WORKFLOW.to_mermaid()
    assert "confirmed --> forwarded: forward" in diagram
    assert NOMINATION_WORKFLOW.accepted_in("on_notice") == (
        "object",
        "uphold_objection",
        "dismiss_objection",
        "close_notice",
        "award",
        "revoke",
    )


def test_campaign_definitions_report_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        campaign(
            levels=(Level.TOWNSHIP, Level.VILLAGE),
            phases=(Phase(PhaseKind.SELECTION, dt.date(2024, 3, 1), dt.date(2024, 2, 1)),),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "levels[1]: expected a level above 乡镇 (levels run upwards), got 'village'",
        "phases: expected the three phases 宣传动员, 推荐评选, 总结表彰 in this order, got ['selection']",
        "phases[0].end: expected a date on or after start, got datetime.date(2024, 2, 1)",
    ]
    with pytest.raises(DefinitionError) as caught:
        campaign(
            quotas=(
                Quota(Level.TOWNSHIP, 1),
                Quota(Level.VILLAGE, 1, unit="540102001"),
                Quota(Level.VILLAGE, 1, category="x"),
            )
        )
    assert [fault.path for fault in caught.value.faults] == ["quotas[0].level", "quotas[1].unit", "quotas[2].category"]
    assert campaign().takes_part(HEPING) is False


@given(st.lists(st.tuples(st.text(min_size=1, max_size=4), st.integers()), max_size=300))
def test_the_persistent_map_behaves_as_a_dict_and_keeps_old_versions(changes: list[tuple[str, int]]) -> None:
    model: dict[str, int] = {}
    current: PersistentMap[int] = PersistentMap()
    versions = []
    for key, value in changes:
        versions.append((current, dict(model)))
        current = current.set(key, value)
        model[key] = value
    assert current.to_dict() == model
    assert len(current) == len(model)
    assert all(key in current and current[key] == value for key, value in model.items())
    assert current == PersistentMap.from_dict(model) == PersistentMap[int]().set_many(model)
    for old, snapshot in versions:
        assert old.to_dict() == snapshot
