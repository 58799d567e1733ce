"""整改率 and 按期整改率 from hand-computed cases, figures on any past day, and the derived
indicator values rolled up over the hierarchy."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import OrgTree, Period, Quantity, Ratio, ValidationError
from fulian_core.indicators import (
    RECTIFICATION_DEFINITIONS,
    Dataset,
    IndicatorSet,
    Origin,
    rectification_values,
    rollup_ratio,
)
from fulian_core.orgs import Level
from fulian_core.rectification import (
    Assign,
    RectificationFigures,
    figures_by_unit,
    open_case,
    rectification_figures,
)
from fulian_core.workflows import Act, Case, advance
from tests.rectification.fixtures import (
    INSPECTOR,
    JINGU,
    LEADER,
    WORKFLOW,
    XINZHEN,
    XINZHEN_STAFF,
    at,
    problem,
)


def run(number: int, *steps: tuple[str, dt.datetime, str]) -> Case:
    """A case of XINZHEN through *steps* (command, when, reason), recorded on 26 September."""
    case = open_case(WORKFLOW, problem(number), by=INSPECTOR, at=at(9, 26, 15))
    for command, moment, reason in steps:
        actor = {"assign": LEADER, "escalate": LEADER, "submit": XINZHEN_STAFF}.get(command, INSPECTOR)
        payload = Assign(XINZHEN, "T05") if command == "assign" else None
        case = advance(WORKFLOW, case, Act(command, actor, moment, reason=reason, payload=payload))
    return case


@pytest.fixture
def cases() -> list[Case]:
    assign = ("assign", at(9, 27), "")
    return [
        # Sent back once, closed within its fresh 限期 (24 October): on time.
        run(1, assign, ("submit", at(10, 10), ""), ("rework", at(10, 11), "台账缺"), ("submit", at(10, 22), ""),
            ("close", at(10, 23), "")),
        # Escalated, then closed within the 督办's 限期: closed, never on time.
        run(2, assign, ("escalate", at(10, 17), "督办"), ("submit", at(10, 23), ""), ("close", at(10, 24), "")),
        # Never reported: overdue from 17 October.
        run(3, assign),
        # Found in another village on 8 October, not yet assigned.
        open_case(WORKFLOW, problem(4, found_on=dt.date(2019, 10, 8), unit=JINGU), by=INSPECTOR, at=at(10, 8)),
        # Reported on time, but closed on 18 October, after its 限期 of 16 October: late.
        run(5, assign, ("submit", at(10, 15), ""), ("close", at(10, 18), "")),
        # Recorded in November: not yet found on 31 October.
        open_case(WORKFLOW, problem(6, found_on=dt.date(2019, 11, 5)), by=INSPECTOR, at=at(11, 5)),
        # Started but never recorded: no problem yet.
        Case.start(WORKFLOW, "p-7"),
    ]  # fmt: skip


def test_figures_at_the_end_of_october(cases: list[Case]) -> None:
    figures = rectification_figures(cases, on=dt.date(2019, 10, 31))
    assert figures == RectificationFigures(
        dt.date(2019, 10, 31), found=5, closed=3, closed_on_time=1, overdue=1, escalated=1, reworked=1
    )
    assert figures.open == 2
    assert figures.rate == Ratio(3, 5)
    assert figures.rate.percent() == Decimal("60.00")
    assert figures.on_time_rate == Ratio(1, 3)
    assert figures.summary() == (
        "截至2019-10-31，发现问题5个，已整改销号3个，整改率60.0%；按期整改1个，按期整改率33.3%；逾期未整改1个"
    )


def test_figures_on_a_past_day_ignore_later_acts(cases: list[Case]) -> None:
    # On 16 October every 限期 still holds; on the 17th case 3 is overdue (case 2 was escalated that day).
    assert rectification_figures(cases, on=dt.date(2019, 10, 16)) == RectificationFigures(
        dt.date(2019, 10, 16), found=5, reworked=1
    )
    assert rectification_figures(cases, on=dt.date(2019, 10, 17)).overdue == 1
    assert rectification_figures(cases, on=dt.date(2019, 10, 17)).escalated == 1
    assert rectification_figures(cases, on=dt.date(2019, 10, 7)).found == 4
    nothing = rectification_figures([], on=dt.date(2019, 10, 31))
    assert nothing.summary() == (
        "截至2019-10-31，发现问题0个，已整改销号0个，整改率—；按期整改0个，按期整改率—；逾期未整改0个"
    )


def test_figures_by_the_unit_where_found(cases: list[Case]) -> None:
    by_unit = figures_by_unit(cases, on=dt.date(2019, 10, 31))
    assert list(by_unit) == [XINZHEN, JINGU]
    assert (by_unit[XINZHEN].found, by_unit[XINZHEN].closed, by_unit[JINGU].found) == (4, 3, 1)
    assert list(figures_by_unit(cases, on=dt.date(2019, 10, 7))) == [XINZHEN]


def test_figures_refuse_what_is_not_a_rectification_case() -> None:
    from fulian_core.nominations.catalog import CIVILIZED_POST_WORKFLOW

    with pytest.raises(ValidationError) as caught:
        rectification_figures(["p-1", Case.start(CIVILIZED_POST_WORKFLOW, "post-1")], on=at(10, 31))  # type: ignore[list-item]
    assert [str(fault) for fault in caught.value.faults] == [
        "on: expected a date, got datetime.datetime(2019, 10, 31, 9, 0, tzinfo=datetime.tim...",
        "cases[0]: expected a Case, got 'p-1'",
        "cases[1].workflow: expected a case of the rectification workflow, got 'civilized_post'",
    ]


def test_derived_values_roll_up_to_the_rates(cases: list[Case]) -> None:
    october = Period.month(2019, 10)
    values = rectification_values(cases, october)
    by_key = {(value.indicator, value.unit): value for value in values}
    assert by_key[("problems_found", XINZHEN)].value == Quantity.parse("4个")
    assert by_key[("problems_closed_on_time", XINZHEN)].value == Quantity.parse("1个")
    assert by_key[("problems_overdue", JINGU)].value == Quantity.parse("0个")
    assert {value.origin for value in values} == {Origin.DERIVED}
    tree = OrgTree.from_division_codes({"320583": "示例市", "320583102": "示例镇", XINZHEN: "新镇村", JINGU: "金谷村"})
    data = Dataset(IndicatorSet(RECTIFICATION_DEFINITIONS), tree, values)
    rate = rollup_ratio(data, "rectification_rate", "320583102", october, level=Level.VILLAGE)
    on_time = rollup_ratio(data, "on_time_rectification_rate", "320583102", october, level=Level.VILLAGE)
    assert (rate.value, on_time.value) == (Decimal("60.00"), Decimal("33.33"))
    only = rectification_values(cases, october, codes={"escalated": "problems_escalated"})
    assert [(value.indicator, value.unit, str(value.value)) for value in only] == [
        ("problems_escalated", XINZHEN, "1个"),
        ("problems_escalated", JINGU, "0个"),
    ]
    with pytest.raises(
        ValidationError, match=r"^codes: expected names of rectification counts \(found, .*\), got 'open'$"
    ):
        rectification_values(cases, october, codes={"open": "problems_open"})
