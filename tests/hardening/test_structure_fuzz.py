"""Hostile plain data: valid payloads mutated at random places must give a valid value or the
library's ValidationError (every fault with a path) — never a bare KeyError, TypeError,
OverflowError, RecursionError or anything else."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_core import (
    HolidaySchedule,
    OrgTree,
    Period,
    Quantity,
    Schedule,
    ValidationError,
    WorkingDayCalendar,
    structure,
    unstructure,
)
from fulian_core.courtyard import Inspection, PlaquePolicy, ScoreCard, score
from fulian_core.credit import (
    CreditEvent,
    CreditRecord,
    CreditScheme,
    CreditStanding,
    PointsAccount,
    PriceList,
    credit_standing,
)
from fulian_core.criteria import Evidence, assess
from fulian_core.indicators import DataValue, Indicator, IndicatorSet, RatioIndicator
from fulian_core.nominations import (
    Actor,
    Ballot,
    BallotRules,
    Campaign,
    Command,
    Dossier,
    DossierRule,
    Event,
)
from fulian_core.rules import Evaluation, Fact, RuleSheet, Subject, SubjectKind, Threshold
from fulian_core.testing import (
    actors,
    ballot_rules,
    ballots,
    credit_events,
    credit_records,
    credit_schemes,
    dossier_rules,
    dossiers,
    evidence,
    facts_for,
    holiday_schedules,
    inspections,
    org_trees,
    periods,
    points_accounts,
    price_lists,
    quantities,
    rule_sheets,
    schedules,
    subjects,
    thresholds,
    workflows,
    working_day_calendars,
)
from fulian_core.workflows import Workflow
from tests.indicators.conftest import make_indicators
from tests.nominations.fixtures import CAMPAIGN, Run

ODD_TEXT = [
    "",
    " ",
    "２００余场次",
    "200\u200b余场次",
    "\ufeff371082",
    "臺灣省",
    "𠀀𠀁",
    "\x00",
    "\ud800",
    "NaN",
    "-Infinity",
    "1e999999",
    "-1",
    "9" * 400,
    "長" * 5000,
    "2024-02-30",
    "2024-13-01T25:00:00+08:00",
]
MUTANTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.sampled_from([-1, 0, 10**30, -(10**30)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([math.nan, math.inf, -math.inf]),
    st.sampled_from(ODD_TEXT),
    st.text(max_size=8),
    st.lists(st.integers(-3, 3), max_size=3),
    st.dictionaries(st.sampled_from(["code", "x", "units", ""]), st.integers(), max_size=2),
)


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found.extend(_paths(value, (*prefix, index)))
    return found


def _copy(data: Any) -> Any:
    if isinstance(data, dict):
        return {key: _copy(value) for key, value in data.items()}
    if isinstance(data, list):
        return [_copy(value) for value in data]
    return data


@st.composite
def mutated(draw: st.DrawFn, valid: st.SearchStrategy[Any]) -> Any:
    """Plain data of a valid value, then one to three mutations at random places: a key
    dropped or added, a value replaced by something hostile, an element dropped or added."""
    data = _copy(unstructure(draw(valid)))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data)))
        parent: Any = None
        target = data
        for step in path:
            parent, target = target, target[step]
        action = draw(st.integers(0, 3))
        if isinstance(target, dict) and action == 0 and target:
            del target[draw(st.sampled_from(sorted(target, key=str)))]
        elif isinstance(target, dict) and action == 1:
            target[draw(st.sampled_from(["extra", "code", "", "值"]))] = draw(MUTANTS)
        elif isinstance(target, list) and action == 0 and target:
            del target[draw(st.integers(0, len(target) - 1))]
        elif isinstance(target, list) and action == 1:
            target.append(draw(MUTANTS))
        elif parent is None:
            data = draw(MUTANTS)
        else:
            parent[path[-1]] = draw(MUTANTS)
    return data


def _indicator_values() -> st.SearchStrategy[DataValue]:
    return st.builds(
        DataValue,
        indicator=st.sampled_from(["teams", "money_raised"]),
        unit=st.sampled_from(["371082", "371082103"]),
        period=periods(),
        value=quantities(),
    )


def _rubrics() -> st.SearchStrategy[RuleSheet]:
    return rule_sheets(max_items=6, subjects=st.just(SubjectKind.HOUSEHOLD))


def _evaluations() -> st.SearchStrategy[Evaluation]:
    return rule_sheets(max_items=5).flatmap(
        lambda sheet: evidence(sheet=sheet).map(lambda facts: assess(sheet, facts, on=sheet.effective_from))
    )


def _log_events() -> st.SearchStrategy[Event]:
    run = Run()
    run.to_shortlist([1, 2])
    run.through_notice(["n-1", "n-2"])
    return st.sampled_from(run.log)


CASES: dict[str, tuple[type[Any], Callable[[], st.SearchStrategy[Any]]]] = {
    "OrgTree": (OrgTree, org_trees),
    "Period": (Period, periods),
    "Quantity": (Quantity, quantities),
    "Schedule": (Schedule, schedules),
    "WorkingDayCalendar": (WorkingDayCalendar, working_day_calendars),
    "HolidaySchedule": (HolidaySchedule, holiday_schedules),
    "RuleSheet": (RuleSheet, lambda: rule_sheets(max_items=6, unpublished=True)),
    "Evidence": (Evidence, lambda: rule_sheets(max_items=5).flatmap(lambda s: evidence(sheet=s))),
    "Evaluation": (Evaluation, _evaluations),
    "Inspection": (Inspection, lambda: _rubrics().flatmap(lambda r: inspections(rubric=r))),
    "ScoreCard": (ScoreCard, lambda: _rubrics().flatmap(lambda r: inspections(rubric=r).map(lambda i: score(r, i)))),
    "Fact": (Fact, lambda: rule_sheets(max_items=6).flatmap(lambda s: st.sampled_from(s.items)).flatmap(facts_for)),
    "Threshold": (Threshold, thresholds),
    "Subject": (Subject, subjects),
    "PlaquePolicy": (PlaquePolicy, lambda: st.just(PlaquePolicy())),
    "PointsAccount": (PointsAccount, points_accounts),
    "PriceList": (PriceList, price_lists),
    "CreditScheme": (CreditScheme, lambda: credit_schemes(max_items=5)),
    "CreditEvent": (CreditEvent, credit_events),
    "CreditRecord": (CreditRecord, lambda: credit_records(max_events=4)),
    "CreditStanding": (
        CreditStanding,
        lambda: credit_schemes(max_items=4).flatmap(
            lambda s: credit_records(scheme=s, max_events=4).map(lambda r: credit_standing(s, r, on=s.effective_from))
        ),
    ),
    "IndicatorSet": (IndicatorSet, lambda: st.just(make_indicators())),
    "Indicator": (
        Indicator,
        lambda: st.sampled_from([i for i in make_indicators().definitions if isinstance(i, Indicator)]),
    ),
    "RatioIndicator": (
        RatioIndicator,
        lambda: st.sampled_from([i for i in make_indicators().definitions if isinstance(i, RatioIndicator)]),
    ),
    "DataValue": (DataValue, _indicator_values),
    "Campaign": (Campaign, lambda: st.just(CAMPAIGN)),
    "Command": (Command, lambda: _log_events().map(lambda event: event.command)),
    "Event": (Event, _log_events),
    "Dossier": (Dossier, dossiers),
    "DossierRule": (DossierRule, dossier_rules),
    "Actor": (Actor, actors),
    "BallotRules": (BallotRules, ballot_rules),
    "Ballot": (Ballot, ballots),
    "Workflow": (Workflow, workflows),
}


def _outcome(data: Any, cls: type[Any]) -> tuple[Any, ValidationError | None]:
    # Any exception other than ValidationError escapes and fails the test.
    try:
        return structure(data, cls), None
    except ValidationError as error:
        return None, error


@pytest.mark.parametrize("name", sorted(CASES))
def test_mutated_payloads_give_a_value_or_a_validation_error(name: str) -> None:
    cls, valid = CASES[name]

    @settings(max_examples=settings().max_examples * 2)
    @given(mutated(valid()))
    def check(data: Any) -> None:
        value, error = _outcome(data, cls)
        if error is None:
            assert isinstance(value, cls)
        else:
            assert error.faults
            assert all(isinstance(fault.path, str) and fault.expected for fault in error.faults)
            assert str(error)  # renders, whatever came in

    check()


def test_a_deeply_nested_payload_is_refused_not_a_crash() -> None:
    data: Any = "2024"
    for _ in range(5000):
        data = {"units": [data]}
    with pytest.raises(ValidationError):
        structure(data, OrgTree)


def test_huge_dates_and_numbers() -> None:
    with pytest.raises(ValidationError):
        structure("99999-01-01", dt.date)
    with pytest.raises(ValidationError):
        structure({"value": "1e999999", "unit": "household"}, Quantity)
