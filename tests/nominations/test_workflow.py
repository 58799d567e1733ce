"""The workflow core, the other declared workflows, the persistent map and campaign definitions."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, TransitionRefused, UnknownCommandError, ValidationError
from fulian_core._persistent import PersistentMap
from fulian_core.nominations import (
    CIVILIZED_POST_WORKFLOW,
    COMMANDS,
    NOMINATION_WORKFLOW,
    NOTICE_WORKFLOW,
    PAYLOADS,
    PUBLIC_PLEDGE_WORKFLOW,
    Command,
    Event,
    Phase,
    PhaseKind,
    Quota,
    handle,
    replay,
)
from fulian_core.orgs import Level
from fulian_core.workflows import (
    CHINA_STANDARD_TIME,
    Act,
    Actor,
    Case,
    Role,
    State,
    Transition,
    Workflow,
    advance,
    falling_due,
    overdue,
    replay_case,
)
from tests.nominations.fixtures import CLERK, HEPING, Run, at, campaign
from tests.nominations.fixtures import LEADER as CAMPAIGN_LEADER

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
    assert case.due == dt.date(2027, 3, 20)
    assert overdue([case], on=dt.date(2027, 3, 21)) == (case,)
    assert overdue([case], on=dt.date(2027, 3, 20)) == ()
    case = advance(CIVILIZED_POST_WORKFLOW, case, Act("recheck_keep", LEADER, moment(2027, 3, 1)))
    assert case.due == dt.date(2030, 3, 1)
    with pytest.raises(TransitionRefused) as caught:
        advance(CIVILIZED_POST_WORKFLOW, case, Act("revoke", LEADER, moment(2028, 1, 1)))
    assert str(caught.value) == "revoke post-1 [已命名 named]: refused by guard 'reason': 撤销/摘牌 needs a reason"
    revoked = advance(CIVILIZED_POST_WORKFLOW, case, Act("revoke", LEADER, moment(2028, 1, 1), reason="复核不合格"))
    assert revoked.state == "revoked"
    assert revoked.due is None
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


def _renumbered(events: list[Event]) -> list[Event]:
    return [attrs.evolve(event, seq=number) for number, event in enumerate(events, 1)]


def test_replay_refuses_a_corrupt_log_and_names_the_event() -> None:
    run = Run()
    run.to_shortlist([1, 2])
    run.through_notice(["n-1", "n-2"])
    assert replay(run.campaign, run.log) == run.state
    log = run.log
    with pytest.raises(ValidationError) as caught:
        replay(run.campaign, [*log[:3], *log[4:]])
    assert str(caught.value) == "events[3]: expected event number 4, got 5"
    # The shortlisting of n-1 dropped: its notice finds it still assessed.
    dropped = _renumbered(
        [event for event in log if not (event.kind == "shortlist" and event.command.subject == "n-1")]
    )
    with pytest.raises(ValidationError) as caught:
        replay(run.campaign, dropped)
    assert str(caught.value) == (
        "events[7]: expected an event that fits the log so far: a nomination in shortlisted, "
        "got 'n-1' in assessed, got '#8 open_notice notice-1'"
    )
    with pytest.raises(ValidationError, match=r"^events\[1\]: .*a nomination id not used before, got 'n-1'"):
        replay(
            run.campaign,
            _renumbered([log[0], attrs.evolve(log[0], command=attrs.evolve(log[0].command, at=at(3, 22)))]),
        )
    with pytest.raises(ValidationError, match=r"^events\[0\]: .*a nomination of this campaign, got 'n-1'"):
        replay(run.campaign, _renumbered([log[2]]))
    backwards = _renumbered([log[0], attrs.evolve(log[1], command=attrs.evolve(log[1].command, at=at(3, 1)))])
    with pytest.raises(ValidationError, match=r"^events\[1\]: .*a time at or after the last event"):
        replay(run.campaign, backwards)
    closed = [event for event in log if event.kind == "close_notice"]
    with pytest.raises(ValidationError, match=r"^events\[10\]: .*an open notice of this campaign, got 'notice-1'"):
        replay(run.campaign, _renumbered([*log, *closed]))


def test_the_lifecycle_is_one_table() -> None:
    assert [kind.command for kind in COMMANDS] == list(PAYLOADS)
    assert {transition.command for transition in NOMINATION_WORKFLOW.transitions} == set(PAYLOADS)
    assert [transition.command for transition in NOTICE_WORKFLOW.transitions] == ["close_notice"]
    named = {code for kind in COMMANDS for code in kind.transition.guards}
    assert named == {guard.code for guard in NOMINATION_WORKFLOW.guards}
    assert (
        "    shortlisted --> on_notice: open_notice [id, window, level, unit, recusal]"
        in NOMINATION_WORKFLOW.to_mermaid()
    )


def test_replay_refuses_facts_handle_could_never_have_fixed() -> None:
    run = Run()
    run.to_shortlist([1, 2])
    run.through_notice(["n-1", "n-2"])
    log = run.log
    submit, assess = log[0], log[4]
    with pytest.raises(ValidationError, match=r"^events\[0\]: .*a submission entering at the level of its unit"):
        replay(run.campaign, [attrs.evolve(submit, level=Level.PROVINCE)])
    other = attrs.evolve(assess, assessment=log[5].assessment)
    with pytest.raises(ValidationError, match=r"^events\[4\]: .*an assessment of n-1's candidate"):
        replay(run.campaign, [*log[:4], other])
    notice = next(event for event in log if event.kind == "open_notice")
    early = attrs.evolve(notice, last_day=dt.date(2000, 1, 1))
    index = log.index(notice)
    with pytest.raises(ValidationError, match=r"a last day on or after the day the notice opened, got 2000-01-01"):
        replay(run.campaign, [*log[:index], early])
    revoke = Event(index + 1, Command.revoke(CAMPAIGN_LEADER, at(4, 4), "n-1", reason="违法"))
    with pytest.raises(ValidationError, match=r"a nomination with a standing title, got 'n-1' with none"):
        replay(run.campaign, [*log[:index], revoke])


def test_replay_refuses_a_forward_to_anywhere_but_the_unit_above() -> None:
    run = Run()
    run.to_shortlist([1])
    run.through_notice(["n-1"])
    run.do(Command.confirm(CAMPAIGN_LEADER, at(4, 15), "n-1"))
    forward = run.do(Command.forward(CLERK, at(4, 16), "n-1"))
    assert replay(run.campaign, run.log) == run.state
    for wrong in (
        attrs.evolve(forward, forwarded_to=HEPING),
        attrs.evolve(forward, level=Level.NATIONAL),
        attrs.evolve(forward, level=Level.COUNTY),
    ):
        with pytest.raises(ValidationError, match=r"^events\[\d+\]: .*forwarding to 540102001 at township"):
            replay(run.campaign, [*run.log[:-1], wrong])


def test_the_deadline_queries_answer_for_a_campaign_s_notices() -> None:
    run = Run()
    run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ["n-1", "n-2"]))
    (notice,) = run.state.notices()
    assert notice.due == dt.date(2024, 4, 11)  # 5 working days: 清明 4-6 April off, 7 April worked
    assert overdue(run.state.notices(), on=dt.date(2024, 4, 11)) == ()
    assert [late.subject for late in overdue(run.state.notices(), on=dt.date(2024, 4, 12))] == ["notice-1"]
    assert [
        soon.id for soon in falling_due(run.state.notices(), first=dt.date(2024, 4, 8), last=dt.date(2024, 4, 14))
    ] == ["notice-1"]
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    assert overdue(run.state.notices(), on=dt.date(2024, 5, 1)) == ()


def test_replay_and_handle_refuse_what_is_not_a_log_or_a_state() -> None:
    run = Run()
    run.to_shortlist([1])
    for log in (None, 42, {"events": run.log}, "events"):
        with pytest.raises(ValidationError) as caught:
            replay(run.campaign, log)  # type: ignore[arg-type]
        assert str(caught.value) == f"events: expected a list of events, got {type(log).__name__!r}"
    with pytest.raises(ValidationError) as caught:
        replay(None, run.log)  # type: ignore[arg-type]
    assert str(caught.value) == "campaign: expected a Campaign, got 'NoneType'"
    with pytest.raises(ValidationError) as caught:
        handle(run.campaign, None, run.log[0].command)  # type: ignore[arg-type]
    assert str(caught.value) == "state: expected a CampaignState, got 'NoneType'"
    with pytest.raises(ValidationError, match=r"^events\[0\]: expected event number 1, got 'not an event'"):
        replay(run.campaign, ["not an event"])  # type: ignore[list-item]
