"""The family risk register: levels in three colours with their review intervals, every change
with its reason, closure, counts by level and category — and a stateful run of many entries."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fulian_core import OrgTree, Period, TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.calendars import china_date
from fulian_core.errors import DefinitionError
from fulian_core.indicators import Dataset, IndicatorSet, risk_definitions, risk_values, rollup
from fulian_core.orgs import Level
from fulian_core.risks import (
    LEVELS,
    RISK_WORKFLOW,
    LevelChange,
    Registration,
    Review,
    RiskCategory,
    RiskSubject,
    open_entry,
    registration_of,
    risk_figures,
    risk_figures_by_unit,
    risk_workflow,
)
from fulian_core.workflows import CHINA_STANDARD_TIME, Act, Actor, Case, Role, advance, overdue, replay_case

VILLAGES = ("371082103201", "371082103202")
STAFF = Actor("s1", "执委", Role.STAFF, VILLAGES[0])
LEADER = Actor("l1", "主席", Role.LEADER, "371082103")


def at(month: int, day: int) -> dt.datetime:
    return dt.datetime(2025, month, day, 10, tzinfo=CHINA_STANDARD_TIME)


def entry(
    number: int, *categories: RiskCategory, unit: str = VILLAGES[0], found: dt.date = dt.date(2025, 6, 2)
) -> Registration:
    return Registration(
        f"r-{number}",
        RiskSubject.HOUSEHOLD,
        f"h-{number}",
        unit,
        categories or {RiskCategory.HARDSHIP},
        found,
        note="张秀梅家",
    )


def test_a_month_of_the_register() -> None:
    # June's 排查 (seed 001: 26 households found in a year) finds three households here.
    a = open_entry(RISK_WORKFLOW, entry(1, RiskCategory.DOMESTIC_VIOLENCE), "red", by=STAFF, at=at(6, 2))
    b = open_entry(RISK_WORKFLOW, entry(2, RiskCategory.MARRIAGE_CONFLICT), "yellow", by=STAFF, at=at(6, 3))
    c = open_entry(
        RISK_WORKFLOW,
        entry(3, RiskCategory.HARDSHIP, RiskCategory.LEFT_BEHIND, unit=VILLAGES[1]),
        "green",
        by=STAFF,
        at=at(6, 4),
    )
    assert [(case.state, case.due) for case in (a, b, c)] == [
        ("red", dt.date(2025, 6, 9)),
        ("yellow", dt.date(2025, 7, 3)),
        ("green", dt.date(2025, 9, 2)),
    ]
    a = advance(RISK_WORKFLOW, a, Act("review", STAFF, at(6, 8), payload=Review("回访")))
    assert a.due == dt.date(2025, 6, 15)  # a review restarts the period of its level
    a = advance(RISK_WORKFLOW, a, Act("yellow", STAFF, at(6, 14), reason="已调解", payload=LevelChange("矛盾缓和")))
    b = advance(RISK_WORKFLOW, b, Act("red", STAFF, at(6, 20), reason="矛盾激化", payload=LevelChange("冲突")))
    c = advance(RISK_WORKFLOW, c, Act("close", LEADER, at(6, 25), reason="已脱困"))
    figures = risk_figures([a, b, c], on=dt.date(2025, 6, 30))
    assert (figures.registered, figures.open, figures.closed, figures.raised, figures.lowered) == (3, 2, 1, 1, 1)
    assert dict(figures.by_level) == {"red": 1, "yellow": 1, "green": 0}
    assert dict(figures.by_category) == {"marriage_conflict": 1, "domestic_violence": 1}
    assert figures.overdue == 1  # b turned red on 06-20, review due 06-27
    assert overdue([a, b, c], on=dt.date(2025, 6, 30)) == (b,)
    assert figures.summary() == (
        "截至2025-06-30，累计登记3户（人），在册2户（人）（红色1、黄色1、绿色0），已销号1户（人），逾期未复核1户（人）"
    )
    assert registration_of(c).unit == VILLAGES[1]
    # As of an earlier day, later acts are not known.
    assert dict(risk_figures([a, b, c], on=dt.date(2025, 6, 5)).by_level) == {"red": 1, "yellow": 1, "green": 1}


def test_the_counts_become_indicator_values_and_never_name_anyone() -> None:
    cases = [
        open_entry(RISK_WORKFLOW, entry(n, unit=VILLAGES[n % 2]), "green", by=STAFF, at=at(6, 2)) for n in range(5)
    ]
    values = risk_values(cases, Period.month(2025, 6))
    assert "张秀梅" not in repr(values)
    tree = OrgTree.from_division_codes({"371082103000": "人和镇", VILLAGES[0]: "甲村", VILLAGES[1]: "乙村"})
    dataset = Dataset(IndicatorSet(risk_definitions()), tree, values)
    total = rollup(dataset, "risk_category_hardship", "371082103000", Period.month(2025, 6), level=Level.VILLAGE)
    assert total.value is not None
    assert total.value.value == 5
    assert {unit: figures.open for unit, figures in risk_figures_by_unit(cases, on=dt.date(2025, 6, 30)).items()} == {
        VILLAGES[0]: 3,
        VILLAGES[1]: 2,
    }
    assert "张秀梅" not in repr(cases[0])


def test_a_village_the_register_covers_with_no_one_at_risk_counts_zero_not_missing() -> None:
    cases = [open_entry(RISK_WORKFLOW, entry(1, unit=VILLAGES[0]), "red", by=STAFF, at=at(6, 2))]
    tree = OrgTree.from_division_codes({"371082103000": "人和镇", VILLAGES[0]: "甲村", VILLAGES[1]: "乙村"})
    month = Period.month(2025, 6)

    def total(values: tuple[object, ...]) -> tuple[str, str]:
        data = Dataset(IndicatorSet(risk_definitions()), tree, values)  # type: ignore[arg-type]
        result = rollup(data, "risk_open", "371082103000", month, level=Level.VILLAGE)
        return str(result.value), str(result.coverage)

    assert total(risk_values(cases, month)) == ("1户", "1/2")
    assert total(risk_values(cases, month, units=VILLAGES)) == ("1户", "2/2")
    zeros = [value for value in risk_values(cases, month, units=VILLAGES) if value.unit == VILLAGES[1]]
    assert zeros
    assert all(value.value.value == 0 for value in zeros)


def test_changes_and_closures_need_their_reasons() -> None:
    case = open_entry(RISK_WORKFLOW, entry(1), "green", by=STAFF, at=at(6, 2))
    with pytest.raises(TransitionRefused) as refused:
        advance(RISK_WORKFLOW, case, Act("red", STAFF, at(6, 3), payload=LevelChange("")))
    assert refused.value.guard == "reason"
    with pytest.raises(TransitionRefused) as refused:
        advance(RISK_WORKFLOW, case, Act("close", STAFF, at(6, 3), reason="脱困"))
    assert refused.value.guard == "role"
    with pytest.raises(TransitionRefused) as refused:
        open_entry(RISK_WORKFLOW, entry(2, found=dt.date(2025, 6, 9)), "red", by=STAFF, at=at(6, 3))
    assert refused.value.guard == "found_first"
    with pytest.raises(ValidationError, match="level: expected one of red, yellow, green, got 'orange'"):
        open_entry(RISK_WORKFLOW, entry(3), "orange", by=STAFF, at=at(6, 3))
    with pytest.raises(ValidationError, match="categories: expected at least one risk category"):
        Registration("r", RiskSubject.PERSON, "p-1", VILLAGES[0], set(), dt.date(2025, 6, 1))
    with pytest.raises(DefinitionError, match=r"yellow_days: expected days from red_days \(7\) to green_days \(20\)"):
        risk_workflow(green_days=20)


class RegisterMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = at(1, 6)
        self.cases: dict[str, Case] = {}

    @property
    def today(self) -> dt.date:
        return china_date(self.now)

    @rule(days=st.integers(0, 40))
    def time_passes(self, days: int) -> None:
        self.now += dt.timedelta(days=days)

    @precondition(lambda self: len(self.cases) < 8)
    @rule(
        level=st.sampled_from(LEVELS),
        unit=st.sampled_from(VILLAGES),
        categories=st.sets(st.sampled_from(list(RiskCategory)), min_size=1, max_size=3),
    )
    def register(self, level: str, unit: str, categories: set[RiskCategory]) -> None:
        registration = Registration(f"r-{len(self.cases)}", RiskSubject.PERSON, "p", unit, categories, self.today)
        self.cases[registration.id] = open_entry(RISK_WORKFLOW, registration, level, by=STAFF, at=self.now)

    @precondition(lambda self: bool(self.cases))
    @rule(data=st.data(), reason=st.sampled_from(("", "情况变化")))
    def act(self, data: st.DataObject, reason: str) -> None:
        subject = data.draw(st.sampled_from(sorted(self.cases)))
        case = self.cases[subject]
        command = data.draw(st.sampled_from(RISK_WORKFLOW.commands))
        payload = {"review": Review(), **dict.fromkeys(LEVELS, LevelChange("变化"))}.get(command)
        actor = data.draw(st.sampled_from((STAFF, LEADER)))
        try:
            after = advance(RISK_WORKFLOW, case, Act(command, actor, self.now, reason=reason, payload=payload))
        except (TransitionRefused, UnknownCommandError, ValidationError):
            return
        assert after.events[:-1] == case.events
        if command in LEVELS or command == "review":
            assert after.due is not None
            assert after.due > self.today  # a level taken or a review restarts the review period
        self.cases[subject] = after

    @invariant()
    def the_register_adds_up(self) -> None:
        cases = list(self.cases.values())
        figures = risk_figures(cases, on=self.today)
        assert figures.registered == len(cases)
        assert sum(figures.by_level.values()) == figures.open == sum(case.state in LEVELS for case in cases)
        assert figures.overdue == len(overdue(cases, on=self.today))
        assert all(count <= figures.open for count in figures.by_category.values())
        for subject, case in self.cases.items():
            assert case.state in {*LEVELS, "closed"}
            assert replay_case(RISK_WORKFLOW, subject, case.events) == case


TestRegister = RegisterMachine.TestCase


def test_a_registrations_repr_lists_its_categories_in_one_order_in_every_run() -> None:
    import datetime as _dt

    from fulian_core.risks import Registration, RiskCategory, RiskSubject

    shown = repr(Registration("r", RiskSubject.HOUSEHOLD, "h", "371082103201", set(RiskCategory), _dt.date(2024, 1, 1)))
    positions = [shown.index(f"RiskCategory.{member.name}:") for member in sorted(RiskCategory, key=str)]
    assert positions == sorted(positions)
