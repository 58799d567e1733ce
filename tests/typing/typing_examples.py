"""A downstream app's use of the public API; checked by mypy --strict, so no Any leaks out."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

import fulian_core as fc
import fulian_core.nominations
from fulian_core.testing import periods, quantities


def township_total(texts: list[str]) -> fc.Quantity:
    figures: list[fc.Quantity] = [fc.Quantity.parse(text) for text in texts]
    return fc.Quantity.total(figures, fc.Unit.SESSION)


def county_of(tree: fc.OrgTree, village: str) -> str | None:
    county: fc.OrgUnit | None = tree.ancestor_at(village, fc.Level.COUNTY)
    return None if county is None else county.name


def notice_end(start: dt.date) -> dt.date:
    calendar: fc.WorkingDayCalendar = fc.china_calendar(2024, 2025)
    return calendar.add_working_days(start, 5)


def shares(counts: list[int]) -> list[Decimal]:
    return list(fc.percentage_shares(counts))


def payload(period: fc.Period) -> object:
    data: object = fc.unstructure(period)
    again: fc.Period = fc.structure(data, fc.Period)
    return again.code


def strategies() -> tuple[st.SearchStrategy[fc.Period], st.SearchStrategy[fc.Quantity]]:
    return periods(kinds=st.just(fc.PeriodKind.QUARTER)), quantities(units=st.just(fc.Unit.YUAN))


def errors() -> str:
    try:
        fc.Quantity.parse("abc")
    except fc.ValidationError as error:
        path: str = error.path
        faults: tuple[fc.Fault, ...] = error.faults
        return f"{path}: {len(faults)}"
    return ""


def criteria_verdict(on: dt.date) -> str:
    from fulian_core.criteria import Evidence, assess
    from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL
    from fulian_core.rules import Evaluation, Fact, Grade, Subject, Verdict

    facts: dict[str, Fact] = {code: Fact.met() for code in MOST_BEAUTIFUL_FAMILY_NATIONAL.codes}
    assessment: Evaluation = assess(MOST_BEAUTIFUL_FAMILY_NATIONAL, Evidence(Subject("f", "王芳"), facts), on=on)
    verdict: Verdict = assessment.verdict
    band: Grade = assessment.band
    text: str = assessment.render()
    return verdict.code + band.code + text


def rubric_band(facts: dict[str, fc.Fact], on: dt.date) -> str:
    from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
    from fulian_core.rules import Standing, SubjectKind, compile_sheet

    plan = compile_sheet(FOUR_GOALS_RUBRIC)
    standing: Standing = plan.standing(facts, on=on, kind=SubjectKind.HOUSEHOLD)
    return standing.band.label


def nomination_log(campaign: fc.nominations.Campaign, commands: list[fc.nominations.Command]) -> list[str]:
    from fulian_core.nominations import CampaignState, Event, NominationStatus, handle, replay, start

    state: CampaignState = start(campaign)
    log: list[Event] = []
    refusals: list[str] = []
    for command in commands:
        try:
            state, events = handle(campaign, state, command)
        except fc.TransitionRefused as refusal:
            guard: str = refusal.guard
            refusals.append(guard)
            continue
        log.extend(events)
    statuses: list[NominationStatus] = [nomination.status for nomination in replay(campaign, log).nominations()]
    return refusals + [status.label for status in statuses]


def rectification_rate(problems: list[tuple[str, str]], on: dt.date) -> str:
    from fulian_core.rectification import (
        Assign,
        Problem,
        ProblemSource,
        RectificationFigures,
        open_case,
        rectification_figures,
        rectification_workflow,
    )
    from fulian_core.workflows import CHINA_STANDARD_TIME, Act, Actor, Case, Role, Workflow, advance

    workflow: Workflow[Case] = rectification_workflow(calendar=fc.china_calendar(2019), days=10)
    staff = Actor("s1", "李红", Role.STAFF, "320583102")
    leader = Actor("l1", "赵敏", Role.LEADER, "320583102")
    moment = dt.datetime.combine(on, dt.time(9), CHINA_STANDARD_TIME)
    cases: list[Case] = []
    for number, (description, unit) in enumerate(problems):
        problem = Problem(f"p-{number}", description, on, unit, ProblemSource.PATROL)
        case = open_case(workflow, problem, by=staff, at=moment)
        cases.append(advance(workflow, case, Act("assign", leader, moment, payload=Assign(unit))))
    figures: RectificationFigures = rectification_figures(cases, on=on)
    rate: fc.Ratio = figures.rate
    return f"{rate.percent()}% {figures.summary()}"
