"""The mediation workflow: deadlines in working days, sessions that keep the deadline, outcomes,
follow-up and the figures 调解成功率 and 按期办结率."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import OrgTree, Period, TransitionRefused, ValidationError, china_calendar
from fulian_core.errors import DefinitionError
from fulian_core.indicators import (
    MEDIATION_DEFINITIONS,
    Dataset,
    IndicatorSet,
    mediation_values,
    rollup,
    rollup_ratio,
)
from fulian_core.mediation import (
    MEDIATION_WORKFLOW,
    Channel,
    Dispute,
    DisputeKind,
    FollowUp,
    Referral,
    ReferralBody,
    Session,
    dispute_of,
    mediation_figures,
    mediation_figures_by_unit,
    mediation_workflow,
    open_dispute,
)
from fulian_core.orgs import Level
from fulian_core.workflows import CHINA_STANDARD_TIME, Act, Actor, Case, Role, advance, overdue, replay_case

TOWNSHIP, VILLAGE = "371082103", "371082103201"
STAFF = Actor("s1", "调解员", Role.STAFF, TOWNSHIP)
LEADER = Actor("l1", "主席", Role.LEADER, TOWNSHIP)


def at(month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, tzinfo=CHINA_STANDARD_TIME)


def dispute(number: int = 1, *, channel: Channel = Channel.VISIT, received: dt.date = dt.date(2025, 3, 3)) -> Dispute:
    reference = "GD-1" if channel in (Channel.HOTLINE_12345, Channel.TRANSFER) else ""
    return Dispute(
        f"m-{number}", channel, received, DisputeKind.MARRIAGE, VILLAGE, "张秀梅夫妻因赡养老人争执", reference
    )


def run(case: Case, *moves: tuple[str, dt.datetime, object, str]) -> Case:
    for command, moment, payload, reason in moves:
        actor = LEADER if command in {"decline", "close"} else STAFF
        case = advance(MEDIATION_WORKFLOW, case, Act(command, actor, moment, reason=reason, payload=payload))  # type: ignore[arg-type]
    return case


def test_a_case_from_intake_to_close_with_its_deadlines() -> None:
    # Registered Monday 2025-03-03: 受理 within 3 working days → Thursday 03-06.
    case = open_dispute(MEDIATION_WORKFLOW, dispute(), by=STAFF, at=at(3, 3))
    assert (case.state, case.due) == ("registered", dt.date(2025, 3, 6))
    case = run(case, ("accept", at(3, 5), None, ""))
    assert (case.state, case.due) == ("mediating", dt.date(2025, 4, 4))  # 30 days after 受理
    # A session is logged without restarting the mediation period.
    case = run(
        case, ("session", at(3, 20), Session("双方到场，初步沟通"), ""), ("session", at(4, 1), Session("达成一致"), "")
    )
    assert (case.state, case.due) == ("mediating", dt.date(2025, 4, 4))
    # 调解成功 on 04-03 (Thursday); 回访 within 10 working days: 04-04 to 04-06 is 清明 (2025), so
    # the count runs 04-03 … 04-18 (Friday).
    case = run(case, ("resolve", at(4, 3), None, ""))
    assert (case.state, case.due) == ("resolved", china_calendar().add_working_days(dt.date(2025, 4, 3), 10))
    assert case.due == dt.date(2025, 4, 18)
    case = run(case, ("follow_up", at(4, 15), FollowUp(satisfied=True), ""), ("close", at(4, 16), None, ""))
    assert case.state == "closed"
    assert replay_case(MEDIATION_WORKFLOW, case.subject, case.events) == case
    figures = mediation_figures([case], on=dt.date(2025, 4, 30))
    assert (figures.received, figures.accepted, figures.resolved, figures.sessions) == (1, 1, 1, 2)
    assert (figures.closed, figures.closed_on_time) == (1, 1)
    assert figures.summary() == (
        "截至2025-04-30，受理矛盾纠纷1件，调解成功1件，调解成功率100.0%；办结1件，按期办结率100.0%；逾期未办结0件"
    )
    assert dispute_of(case).channel is Channel.VISIT


def test_outcomes_and_the_success_rate() -> None:
    day = at(3, 4)
    cases = []
    for number, outcome in enumerate(["resolve", "resolve", "refer", "terminate", "resolve"]):
        case = open_dispute(MEDIATION_WORKFLOW, dispute(number), by=STAFF, at=at(3, 3))
        case = run(case, ("accept", day, None, ""), ("session", at(3, 6), Session("调解"), ""))
        payload = Referral(ReferralBody.LEGAL_AID, "县法律援助中心") if outcome == "refer" else None
        reason = "" if outcome == "resolve" else "当事人要求诉讼"
        cases.append(run(case, (outcome, at(3, 10), payload, reason)))
    figures = mediation_figures(cases, on=dt.date(2025, 3, 31))
    assert (figures.resolved, figures.referred, figures.terminated, figures.mediated) == (3, 1, 1, 5)
    assert figures.success_rate.percent(1) == Decimal("60.0")
    # Not followed up by 03-24 (10 working days after 03-10): every case is overdue by the 31st.
    assert figures.overdue == 5
    assert len(overdue(cases, on=dt.date(2025, 3, 31))) == 5
    assert figures.on_time_rate.is_defined is False


def test_a_late_step_makes_a_closed_case_late() -> None:
    case = open_dispute(MEDIATION_WORKFLOW, dispute(), by=STAFF, at=at(3, 3))
    late = run(
        case,
        ("accept", at(3, 12), None, ""),  # due 03-06: accepted late
        ("session", at(3, 13), Session("调解"), ""),
        ("resolve", at(3, 14), None, ""),
        ("follow_up", at(3, 20), FollowUp(satisfied=True), ""),
        ("close", at(3, 21), None, ""),
    )
    figures = mediation_figures([late], on=dt.date(2025, 3, 31))
    assert (figures.closed, figures.closed_on_time) == (1, 0)


def test_the_guards_refuse_with_their_reasons() -> None:
    case = open_dispute(MEDIATION_WORKFLOW, dispute(), by=STAFF, at=at(3, 3))
    case = run(case, ("accept", at(3, 4), None, ""))
    with pytest.raises(TransitionRefused, match="at least one mediation session") as refused:
        run(case, ("resolve", at(3, 5), None, ""))
    assert refused.value.guard == "after_session"
    with pytest.raises(TransitionRefused) as refused:
        run(case, ("terminate", at(3, 5), None, ""))
    assert refused.value.guard == "reason"
    with pytest.raises(TransitionRefused) as refused:
        open_dispute(MEDIATION_WORKFLOW, dispute(received=dt.date(2025, 3, 9)), by=STAFF, at=at(3, 3))
    assert refused.value.guard == "received_first"
    declined = run(
        open_dispute(MEDIATION_WORKFLOW, dispute(2), by=STAFF, at=at(3, 3)),
        ("decline", at(3, 4), None, "不属于受理范围"),
    )
    assert declined.state == "declined"
    assert mediation_figures([declined], on=dt.date(2025, 3, 31)).declined == 1


def test_texts_stay_out_of_every_repr() -> None:
    case = open_dispute(MEDIATION_WORKFLOW, dispute(), by=STAFF, at=at(3, 3))
    case = run(case, ("accept", at(3, 4), None, ""), ("session", at(3, 5), Session("张秀梅丈夫到场"), ""))
    assert "张秀梅" not in repr(case)
    assert "张秀梅" not in repr(dispute())


def test_bad_input_is_refused() -> None:
    with pytest.raises(ValidationError, match="reference: expected the work order of a 12345热线 case"):
        Dispute("m", Channel.HOTLINE_12345, dt.date(2025, 3, 3), DisputeKind.FAMILY, VILLAGE, "纠纷")
    with pytest.raises(DefinitionError, match="accept_days: expected a whole number of days from 1 to 365"):
        mediation_workflow(calendar=china_calendar(), accept_days=0)
    with pytest.raises(ValidationError, match=r"cases\[0\].workflow: expected a case of the mediation workflow"):
        mediation_figures([Case("rectification", "x", "new", (), None)], on=dt.date(2025, 1, 1))


def test_the_figures_by_unit_become_indicator_values() -> None:
    cases = []
    for number, channel in enumerate([Channel.HOTLINE_12345, Channel.VISIT, Channel.CALL]):
        case = open_dispute(MEDIATION_WORKFLOW, dispute(number, channel=channel), by=STAFF, at=at(3, 3))
        case = run(case, ("accept", at(3, 4), None, ""), ("session", at(3, 5), Session("调解"), ""))
        cases.append(run(case, ("resolve" if number else "terminate", at(3, 6), None, "" if number else "拒绝调解")))
    assert dict(mediation_figures_by_unit(cases, on=dt.date(2025, 3, 31))[VILLAGE].by_channel) == {
        "visit": 1,
        "call": 1,
        "hotline_12345": 1,
    }
    tree = OrgTree.from_division_codes({"371082103000": "人和镇", VILLAGE + "": "甲村"})
    year = Period.year(2025)
    dataset = Dataset(IndicatorSet(MEDIATION_DEFINITIONS), tree, mediation_values(cases, year))
    mediated = rollup(dataset, "disputes_mediated", "371082103000", year, level=Level.VILLAGE)
    assert mediated.value is not None
    assert mediated.value.value == 3
    rate = rollup_ratio(dataset, "mediation_success_rate", "371082103000", year, level=Level.VILLAGE)
    assert rate.value == Decimal("66.67")


def test_a_covered_village_without_disputes_reports_zeros_and_the_township_stays_complete() -> None:
    case = open_dispute(MEDIATION_WORKFLOW, dispute(1), by=STAFF, at=at(3, 3))
    other = "371082103202"
    tree = OrgTree.from_division_codes({"371082103000": "人和镇", VILLAGE: "甲村", other: "乙村"})
    year = Period.year(2025)
    for units, coverage in (((), "1/2"), ((VILLAGE, other), "2/2")):
        data = Dataset(IndicatorSet(MEDIATION_DEFINITIONS), tree, mediation_values([case], year, units=units))
        received = rollup(data, "disputes_received", "371082103000", year, level=Level.VILLAGE)
        assert (str(received.value), str(received.coverage)) == ("1件", coverage)
