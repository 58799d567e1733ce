"""Reports approved up the hierarchy: hand-worked rounds, every refusal, and approved-only rollups."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core.errors import TransitionRefused, ValidationError
from fulian_core.indicators import (
    DataValue,
    Indicator,
    IndicatorSet,
    RatioIndicator,
    RollupResult,
    rollup,
    rollup_ratio,
    rollup_table,
)
from fulian_core.orgs import Level, OrgTree, OrgUnit
from fulian_core.periods import Period
from fulian_core.quantities import Quantity, Unit
from fulian_core.reporting import REPORT_WORKFLOW, Report, ReportRound, ReturnReasons, RoundAct, report_workflow
from fulian_core.serialization import structure, unstructure
from fulian_core.workflows import CHINA_STANDARD_TIME as CST
from fulian_core.workflows import Act, Actor, Due, Role, State, Transition, Workflow, advance_with

YEAR = Period.year(2024)
DUE = dt.date(2024, 12, 20)
TREE = OrgTree(
    [
        OrgUnit("C", "某县", Level.COUNTY),
        OrgUnit("T1", "城关镇", Level.TOWNSHIP, "C"),
        OrgUnit("V11", "东村", Level.VILLAGE, "T1"),
        OrgUnit("V12", "西村", Level.VILLAGE, "T1"),
        OrgUnit("T2", "河口镇", Level.TOWNSHIP, "C"),
        OrgUnit("V21", "南村", Level.VILLAGE, "T2"),
    ]
)
HOMES = Indicator("micro_homes", "妇女微家", Unit.ITEM)
INDICATORS = IndicatorSet([HOMES])


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2024, 12, day, hour, tzinfo=CST)


def clerk(unit: str) -> Actor:
    return Actor(f"s-{unit}", "妇联工作人员", Role.STAFF, unit)


def chair(unit: str) -> Actor:
    return Actor(f"l-{unit}", "妇联主席", Role.LEADER, unit)


def homes(unit: str, count: int) -> DataValue:
    return DataValue("micro_homes", unit, YEAR, Quantity.parse(f"{count}个"))


def submit(unit: str, count: int | None, day: int) -> RoundAct:
    values = [] if count is None else [homes(unit, count)]
    return RoundAct(unit, Act("submit", clerk(unit), at(day), payload=Report(values)))


def decide(unit: str, command: str, by: str, day: int, **given: object) -> RoundAct:
    return RoundAct(unit, Act(command, chair(by), at(day), **given))  # type: ignore[arg-type]


def fresh() -> ReportRound:
    return ReportRound(TREE, "C", YEAR, due=DUE)


def refusal(round_: ReportRound, act: RoundAct) -> TransitionRefused:
    with pytest.raises(TransitionRefused) as caught:
        round_.act(act.unit, act.act)
    return caught.value


def test_a_township_report_approved_to_the_county() -> None:
    round_ = fresh().apply([submit("V11", 3, 2), submit("V12", 2, 3)])
    assert round_.awaiting("T1") == ("V11", "V12")
    round_ = round_.apply(
        [
            decide("V11", "approve", "T1", 4),
            decide("V12", "approve", "T1", 4),
            submit("T1", None, 5),
            decide("T1", "approve", "C", 6),
        ]
    )
    assert [round_.state_of(code) for code in round_.units] == [
        "approved",
        "approved",
        "approved",
        "open",
        "open",
    ]
    assert round_.approved() == {"T1", "V11", "V12"}
    assert round_.summary() == "某县2024年数据上报，乡镇2个：待上报1、已审核1；村3个：待上报1、已审核2"
    assert round_.counts(Level.VILLAGE) == {"open": 1, "submitted": 0, "returned": 0, "approved": 2, "excused": 0}
    row = round_.records()[1]
    assert (row["unit"], row["state"], row["submitted_on"], row["approved_on"]) == (
        "V11",
        "approved",
        dt.date(2024, 12, 2),
        dt.date(2024, 12, 4),
    )


def test_a_report_goes_up_only_once_every_report_under_it_is_approved_or_excused() -> None:
    round_ = fresh().apply([submit("V11", 3, 2), decide("V11", "approve", "T1", 3)])
    refused = refusal(round_, submit("T1", None, 4))
    assert refused.guard == "below_settled"
    assert "expected every report under T1 approved or excused, got 1 not: V12 (待上报)" in str(refused)
    excused = round_.act("V12", Act("excuse", chair("T1"), at(4), reason="该村已撤并"))
    assert excused.state_of("V12") == "excused"
    assert excused.act("T1", submit("T1", None, 5).act).state_of("T1") == "submitted"


def test_only_the_unit_submits_and_only_the_unit_above_decides() -> None:
    round_ = fresh()
    assert refusal(round_, RoundAct("V11", Act("submit", clerk("V12"), at(2), payload=Report()))).guard == (
        "for_the_unit"
    )
    round_ = round_.apply([submit("V11", 3, 2)])
    refused = refusal(round_, decide("V11", "approve", "C", 3))
    assert refused.guard == "for_the_unit_above"
    assert "expected an actor acting for T1 (the unit above V11), got one acting for C" in str(refused)
    assert refusal(round_, RoundAct("V11", Act("approve", Actor("p", "群众", Role.PUBLIC, "T1"), at(3)))).guard == (
        "role"
    )


def test_a_report_carries_only_its_own_values_for_the_round() -> None:
    round_ = fresh()
    others = RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([homes("V12", 1)])))
    refused = refusal(round_, others)
    assert refused.guard == "own_values"
    assert "got values[0]: micro_homes of V12 for 2024" in str(refused)
    last_year = DataValue("micro_homes", "V11", Period.year(2023), Quantity.parse("1个"))
    stale = RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([last_year])))
    assert refusal(round_, stale).guard == "own_values"


def test_a_returned_report_carries_its_reasons_and_is_submitted_again() -> None:
    workflow = report_workflow(resubmit=Due.calendar_days(3))
    round_ = ReportRound(TREE, "C", YEAR, due=DUE, workflow=workflow)
    reasons = ("妇女微家数与台账不符", "缺少活动照片")
    round_ = round_.apply([submit("V11", 30, 2), decide("V11", "return", "T1", 3, payload=ReturnReasons(reasons))])
    assert round_.state_of("V11") == "returned"
    assert round_.reasons("V11") == reasons
    assert round_.values_of("V11") == ()
    assert round_.case("V11").due == dt.date(2024, 12, 6)
    assert round_.overdue(on=dt.date(2024, 12, 6)) == ()
    assert round_.overdue(on=dt.date(2024, 12, 7)) == ("V11",)
    round_ = round_.apply([submit("V11", 3, 6)])
    assert round_.values_of("V11") == (homes("V11", 3),)
    assert round_.reasons("V11") == ()


def test_a_return_needs_a_reason() -> None:
    with pytest.raises(ValidationError, match="at least one reason"):
        ReturnReasons([])
    with pytest.raises(ValidationError, match=r"reasons\[1\]"):
        ReturnReasons(["缺少照片", "  "])


def test_reports_not_in_by_the_due_date_are_overdue() -> None:
    round_ = fresh().apply([submit("V11", 3, 2)])
    assert round_.overdue(on=DUE) == ()
    assert round_.overdue(on=DUE + dt.timedelta(days=1)) == ("T1", "V12", "T2", "V21")


def test_approval_locks_the_values() -> None:
    round_ = fresh().apply([submit("V11", 3, 2), decide("V11", "approve", "T1", 3)])
    assert refusal(round_, submit("V11", 5, 4)).guard == "state"
    assert round_.values_of("V11") == (homes("V11", 3),)
    # Unapproving does not open the values either: only a return does.
    back = round_.act("V11", Act("unapprove", chair("T1"), at(4), reason="数据需复核"))
    assert back.state_of("V11") == "submitted"
    assert back.values_of("V11") == (homes("V11", 3),)
    assert refusal(back, submit("V11", 5, 5)).guard == "state"


def test_an_approval_is_withdrawn_only_while_the_approver_has_not_sent_its_own_report_up() -> None:
    round_ = fresh().apply(
        [
            submit("V11", 3, 2),
            submit("V12", 2, 2),
            decide("V11", "approve", "T1", 3),
            decide("V12", "approve", "T1", 3),
            submit("T1", None, 4),
        ]
    )
    unapprove = decide("V11", "unapprove", "T1", 5, reason="发现重复统计")
    refused = refusal(round_, unapprove)
    assert refused.guard == "above_not_sent"
    assert "expected the report of T1 not yet sent up (待上报 or 已退回), got 待审核" in str(refused)
    # The county returns the township's report; then the township may reopen its village's.
    returned = round_.apply([decide("T1", "return", "C", 5, payload=ReturnReasons(["请核实东村数据"]))])
    reopened = returned.act("V11", unapprove.act)
    assert reopened.state_of("V11") == "submitted"
    # An excuse is withdrawn the same way; at the top nothing is above.
    excused = fresh().act("T2", Act("excuse", chair("C"), at(2), reason="机构改革"))
    assert excused.act("T2", Act("reinstate", chair("C"), at(3), reason="恢复上报")).state_of("T2") == "open"


def test_withdrawing_needs_a_reason() -> None:
    round_ = fresh().apply([submit("V11", 3, 2), decide("V11", "approve", "T1", 3)])
    assert refusal(round_, decide("V11", "unapprove", "T1", 4)).guard == "reason"


def test_a_refused_act_leaves_the_round_unchanged() -> None:
    round_ = fresh().apply([submit("V11", 3, 2)])
    before = (round_.acts, round_.records())
    with pytest.raises(TransitionRefused):
        round_.apply([decide("V11", "approve", "T1", 3), submit("T1", None, 4)])
    assert (round_.acts, round_.records()) == before
    moved = round_.act("V11", decide("V11", "approve", "T1", 3).act)
    assert round_.state_of("V11") == "submitted"
    assert moved.state_of("V11") == "approved"


def test_a_round_is_its_log() -> None:
    acts = [submit("V11", 3, 2), decide("V11", "approve", "T1", 3), submit("V12", 2, 4)]
    built = ReportRound(TREE, "C", YEAR, due=DUE, acts=acts)
    stepped = fresh()
    for item in acts:
        stepped = stepped.act(item.unit, item.act)
    assert built.records() == stepped.records()
    assert built.acts == stepped.acts
    tampered = [acts[1], acts[0]]
    with pytest.raises(ValidationError) as caught:
        ReportRound(TREE, "C", YEAR, due=DUE, acts=tampered)
    assert caught.value.faults[0].path == "acts[0]"
    assert "an act the workflow accepts here" in caught.value.faults[0].expected


def test_a_round_refuses_what_it_cannot_use() -> None:
    with pytest.raises(ValidationError) as caught:
        ReportRound("tree", "C", "2024", due="2024-12-20")  # type: ignore[arg-type]
    assert {fault.path for fault in caught.value.faults} == {"tree", "period", "due"}  # no top without a tree
    with pytest.raises(ValidationError, match="a unit of the tree"):
        ReportRound(TREE, "X", YEAR, due=DUE)
    with pytest.raises(ValidationError, match="units under it to report"):
        ReportRound(TREE, "V11", YEAR, due=DUE)
    with pytest.raises(ValidationError, match=r"acts\[0\]\.unit"):
        ReportRound(TREE, "T1", YEAR, due=DUE, acts=[submit("V21", 1, 2)])
    with pytest.raises(ValidationError, match="a unit reporting under C"):
        fresh().state_of("X")


def test_a_round_down_to_townships_leaves_villages_out() -> None:
    round_ = ReportRound(TREE, "C", YEAR, due=DUE, down_to=Level.TOWNSHIP)
    assert round_.units == ("T1", "T2")
    assert round_.act("T1", submit("T1", None, 2).act).state_of("T1") == "submitted"


def _approved_round() -> ReportRound:
    return fresh().apply(
        [
            submit("V11", 3, 2),
            submit("V12", 2, 2),
            submit("V21", 4, 2),
            decide("V11", "approve", "T1", 3),
        ]
    )


def test_a_rollup_of_approved_data_only_says_so_in_its_coverage() -> None:
    round_ = _approved_round()
    data = round_.dataset(INDICATORS)
    everything = rollup(data, "micro_homes", "C", YEAR, level=Level.VILLAGE)
    assert (str(everything.value), str(everything.coverage), everything.coverage.approved_only) == ("9个", "3/3", False)
    approved = rollup(data, "micro_homes", "C", YEAR, level=Level.VILLAGE, approved=round_.approved())
    assert (str(approved.value), str(approved.coverage)) == ("3个", "1/3（仅含已审核数据）")
    assert approved.missing == ("V12", "V21")
    assert approved.records()[0]["approved_only"] is True
    assert everything.records()[0]["approved_only"] is False
    nothing = rollup(data, "micro_homes", "T2", YEAR, level=Level.VILLAGE, approved=round_.approved())
    assert (nothing.value, nothing.status.code) == (None, "no_data")


def test_ratios_and_tables_count_approved_data_only_too() -> None:
    served = Indicator("served", "服务人次", Unit.PERSON_TIME)
    share = RatioIndicator("served_per_home", "每个微家服务人次", "served", "micro_homes", factor=1, mixed_units=True)
    indicators = IndicatorSet([HOMES, served, share])
    values = [homes("V11", 2), homes("V12", 4)]
    values += [DataValue("served", code, YEAR, Quantity.parse(f"{n}人次")) for code, n in (("V11", 10), ("V12", 38))]
    round_ = fresh().apply(
        [
            RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report(values[0::2]))),
            RoundAct("V12", Act("submit", clerk("V12"), at(2), payload=Report(values[1::2]))),
            decide("V11", "approve", "T1", 3),
        ]
    )
    data = round_.dataset(indicators)
    assert rollup_ratio(data, "served_per_home", "T1", YEAR, level=Level.VILLAGE).value == 8
    ratio = rollup_ratio(data, "served_per_home", "T1", YEAR, level=Level.VILLAGE, approved=round_.approved())
    assert (ratio.value, ratio.exact, ratio.numerator.coverage.approved_only) == (Decimal(5), False, True)
    table = rollup_table(data, ["micro_homes"], ["T1", "C"], YEAR, level=Level.VILLAGE, approved={"V11"})
    assert [str(row[0].coverage) for row in table.cells if isinstance(row[0], RollupResult)] == [
        "1/2（仅含已审核数据）",
        "1/3（仅含已审核数据）",
    ]


def test_approved_units_are_read_as_a_collection_of_codes() -> None:
    data = _approved_round().dataset(INDICATORS)
    with pytest.raises(ValidationError) as caught:
        rollup(data, "micro_homes", "C", YEAR, level=Level.VILLAGE, approved=["V11", 3])  # type: ignore[list-item]
    assert caught.value.faults[0].path == "approved[1]"
    with pytest.raises(ValidationError):
        rollup(data, "micro_homes", "C", YEAR, level=Level.VILLAGE, approved="V11")


def test_the_workflow_is_declared_on_the_one_engine() -> None:
    assert REPORT_WORKFLOW.code == "report_approval"
    assert {transition.command for transition in REPORT_WORKFLOW.transitions} == {
        "submit",
        "approve",
        "return",
        "unapprove",
        "excuse",
        "reinstate",
    }
    with pytest.raises(ValidationError, match="a Due or None"):
        report_workflow(resubmit=3)  # type: ignore[arg-type]


def test_a_round_shows_its_progress_and_never_personal_notes() -> None:
    round_ = fresh().apply(
        [RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([homes("V11", 3)], note="张三家")))]
    )
    assert "张三" not in repr(round_)
    assert "张三" not in repr(round_.case("V11"))
    assert repr(round_) == "ReportRound(top='C', period='2024', units=5, open=4、submitted=1)"
    html = round_._repr_html_()
    assert "东村" in html
    assert "待审核" in html


def test_a_rounds_acts_travel_as_plain_data_read_with_their_workflow() -> None:
    round_ = _approved_round()
    data = unstructure(round_.acts)
    assert data[0]["act"]["payload"]["kind"] == "submit"
    acts = structure(data, tuple[RoundAct, ...], workflow=REPORT_WORKFLOW)
    assert ReportRound(TREE, "C", YEAR, due=DUE, acts=acts).records() == round_.records()
    with pytest.raises(ValidationError) as caught:
        structure(data, tuple[RoundAct, ...])
    assert caught.value.faults[0].path == "[0].act.payload"
    assert caught.value.faults[0].code == "needs_workflow"
    with pytest.raises(ValidationError, match="a Workflow"):
        structure(data, tuple[RoundAct, ...], workflow="report_approval")  # type: ignore[arg-type]


def test_advance_with_refuses_what_is_not_a_workflow_a_case_or_an_act() -> None:
    round_ = fresh()
    case, act = round_.case("V11"), submit("V11", 3, 2).act
    for args, path in (
        (("workflow", case, act), "workflow"),
        ((REPORT_WORKFLOW, "case", act), "case"),
        ((REPORT_WORKFLOW, case, "act"), "act"),
    ):
        with pytest.raises(ValidationError) as caught:
            advance_with(*args, context=round_)
        assert caught.value.faults[0].path == path
    with pytest.raises(ValidationError, match="a context the 'for_the_unit' guard"):
        advance_with(REPORT_WORKFLOW, case, act, context=None)  # type: ignore[misc]
    moved = advance_with(REPORT_WORKFLOW, case, act, context=round_)
    assert (case.state, moved.state) == ("open", "submitted")


def test_seed_001s_micro_homes_approved_to_the_township_add_up_to_its_report() -> None:
    # Seed 001 篇1: 在南柳、北新庄、埠东夼村打造妇女微家3处 — one a village, approved by 人和镇.
    villages = {"371082103201": "南柳村", "371082103202": "北新庄村", "371082103203": "埠东夼村"}
    tree = OrgTree.from_division_codes({"371082000000": "荣成市", "371082103000": "人和镇", **villages})
    indicators = IndicatorSet([Indicator("micro_homes", "妇女微家", Unit.SITE)])
    round_ = ReportRound(tree, "371082103000", YEAR, due=DUE)
    for code in villages:
        value = DataValue("micro_homes", code, YEAR, Quantity.parse("1处"))
        round_ = round_.apply(
            [
                RoundAct(code, Act("submit", clerk(code), at(2), payload=Report([value]))),
                RoundAct(code, Act("approve", chair("371082103"), at(3))),
            ]
        )
    total = rollup(
        round_.dataset(indicators), "micro_homes", "371082103", YEAR, level=Level.VILLAGE, approved=round_.approved()
    )
    assert total.value == Quantity.parse("妇女微家3处".removeprefix("妇女微家"))
    assert str(total.coverage) == "3/3（仅含已审核数据）"
    assert total.status.code == "complete"


# What a red-team probe of the first version found, each now refused or fixed.
DEEP = OrgTree(
    [
        OrgUnit("P", "某市", Level.CITY),
        OrgUnit("C1", "甲县", Level.COUNTY, "P"),
        OrgUnit("T1", "城关镇", Level.TOWNSHIP, "C1"),
        OrgUnit("V11", "东村", Level.VILLAGE, "T1"),
        OrgUnit("T2", "河口镇", Level.TOWNSHIP, "C1"),
        OrgUnit("V21", "南村", Level.VILLAGE, "T2"),
    ]
)


def test_nothing_moves_under_an_excused_report() -> None:
    round_ = ReportRound(DEEP, "P", YEAR, due=DUE).apply(
        [
            submit("V21", 1, 2),
            decide("V21", "approve", "T2", 3),
            submit("T2", None, 4),
            decide("T2", "approve", "C1", 5),
            decide("T1", "excuse", "C1", 5, reason="镇妇联换届"),
            submit("C1", None, 6),
            decide("C1", "approve", "P", 7),
        ]
    )
    refused = refusal(round_, submit("V11", 5, 8))
    assert refused.guard == "not_under_excused"
    assert "expected no excused report above V11, got T1 (免报)" in str(refused)
    before = rollup(
        round_.dataset(INDICATORS), "micro_homes", "C1", YEAR, level=Level.VILLAGE, approved=round_.approved()
    )
    assert str(before.value) == "1个"


def test_padded_division_codes_are_the_same_units_everywhere() -> None:
    codes = {"371082": "荣成市", "371082103": "人和镇", "371082103201": "院东村"}
    tree = OrgTree.from_division_codes(codes)
    round_ = ReportRound(tree, "371082000000", YEAR, due=DUE, down_to=Level.TOWNSHIP)
    padded_town = Actor("t", "镇妇联", Role.STAFF, "371082103000")
    value = DataValue("micro_homes", "371082103000", YEAR, Quantity.parse("1个"))
    round_ = round_.act("371082103000", Act("submit", padded_town, at(2), payload=Report([value])))
    assert round_.state_of("371082103") == "submitted"
    assert round_.awaiting("371082000000") == ("371082103",)
    assert round_.below("371082000000") == ("371082103",)
    assert round_.awaiting("371082103000") == ()


def test_only_a_workflow_made_by_report_workflow_runs_a_round() -> None:
    look_alike: Workflow[ReportRound] = Workflow(
        code="report_approval",
        label="数据上报审核",
        states=(State("open", "待上报"), State("done", "完成", final=True)),
        initial="open",
        transitions=(Transition("submit", "上报", {"open"}, "done"),),
    )
    with pytest.raises(ValidationError, match="a workflow made by report_workflow"):
        ReportRound(TREE, "C", YEAR, due=DUE, workflow=look_alike)


def test_a_report_goes_up_after_the_reports_under_it_and_not_before_its_period() -> None:
    round_ = fresh().apply(
        [submit("V11", 3, 10), decide("V11", "approve", "T1", 11), decide("V12", "excuse", "T1", 11, reason="撤并")]
    )
    early = RoundAct("T1", Act("submit", clerk("T1"), at(1), payload=Report()))
    assert refusal(round_, early).guard == "after_below"
    before_the_year = RoundAct(
        "V21", Act("submit", clerk("V21"), dt.datetime(2023, 12, 31, 9, tzinfo=CST), payload=Report([homes("V21", 1)]))
    )
    assert refusal(round_, before_the_year).guard == "in_time"


def test_a_round_that_names_its_indicators_takes_only_values_they_define() -> None:
    round_ = ReportRound(TREE, "C", YEAR, due=DUE, indicators=INDICATORS)
    wrong = DataValue("micro_homes", "V11", YEAR, Quantity.parse("3人"))
    refused = refusal(round_, RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([wrong]))))
    assert refused.guard == "own_values"
    assert "expected values the round's indicators define" in str(refused)
    unknown = DataValue("served", "V11", YEAR, Quantity.parse("3人次"))
    assert refusal(round_, RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([unknown])))).guard == (
        "own_values"
    )
    round_ = round_.apply([submit("V11", 3, 2)])
    assert str(rollup(round_.dataset(), "micro_homes", "T1", YEAR, level=Level.VILLAGE).value) == "3个"
    with pytest.raises(ValidationError, match="the round names none"):
        fresh().dataset()


def test_a_report_is_decided_by_someone_else_than_who_submitted_it() -> None:
    both = Actor("x", "身兼两职", Role.LEADER, "V11")
    round_ = fresh().act("V11", Act("submit", both, at(2), payload=Report([homes("V11", 3)])))
    same_person = Actor("x", "身兼两职", Role.LEADER, "T1")
    assert refusal(round_, RoundAct("V11", Act("approve", same_person, at(3)))).guard == "not_own_report"
    standing_aside = Actor("y", "镇妇联主席", Role.LEADER, "T1", conflicts={"V11"})
    assert refusal(round_, RoundAct("V11", Act("approve", standing_aside, at(3)))).guard == "not_own_report"


def test_records_show_only_the_dates_a_report_still_stands_by() -> None:
    round_ = fresh().apply([submit("V11", 3, 2), decide("V11", "approve", "T1", 3)])
    withdrawn = round_.act("V11", Act("unapprove", chair("T1"), at(4), reason="复核"))
    row = withdrawn.records()[1]
    assert (row["state"], row["submitted_on"], row["approved_on"]) == ("submitted", dt.date(2024, 12, 2), None)
    returned = withdrawn.act("V11", Act("return", chair("T1"), at(5), payload=ReturnReasons(["重报"])))
    row = returned.records()[1]
    assert (row["state"], row["submitted_on"], row["approved_on"]) == ("returned", None, None)


def test_reasons_and_value_notes_stay_out_of_every_repr() -> None:
    noted = DataValue("micro_homes", "V11", YEAR, Quantity.parse("3个"), note="张三家")
    round_ = fresh().apply(
        [
            RoundAct("V11", Act("submit", clerk("V11"), at(2), payload=Report([noted]))),
            decide("V11", "return", "T1", 3, payload=ReturnReasons(["李四家的妇女微家重复统计"])),
        ]
    )
    for shown in (repr(round_.case("V11")), repr(round_.acts), repr(round_)):
        assert "李四" not in shown
        assert "张三" not in shown


def test_a_round_names_the_right_field_when_it_is_wrong() -> None:
    with pytest.raises(ValidationError) as caught:
        ReportRound(DEEP, "P", YEAR, due=DUE, down_to=Level.CITY)
    assert caught.value.faults[0].path == "down_to"
    with pytest.raises(ValidationError) as caught:
        fresh().act("X", submit("V11", 1, 2).act)
    assert caught.value.faults[0].path == "unit"
    with pytest.raises(ValidationError) as caught:
        fresh().apply([submit("V11", 1, 2), RoundAct("X", submit("V11", 1, 2).act)])
    assert caught.value.faults[0].path == "acts[1].unit"
