"""Problems: what a score card's failed lines become, and a problem's faults all at once."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import ValidationError
from fulian_core.courtyard import Household, Inspection, InspectionKind, score
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.rectification import Problem, ProblemSource, open_case, problem_of, problems_from_card
from fulian_core.rules import Fact
from fulian_core.workflows import Case
from tests.rectification.fixtures import INSPECTOR, WORKFLOW, at


def test_failed_lines_of_a_score_card_become_problems() -> None:
    facts = {
        "yard_litter": Fact.found(0),
        "kitchen_grease": Fact.found(2),
        "door_window_dust": Fact.found(0),
        "toilet_clean": Fact.not_met(),
        "yard_clutter": Fact.found(0),
        "indoor_storage": Fact.rated("较好"),
        "walls_tidy": Fact.rated("好"),
        "greenery": Fact.unknown("未入院"),
        "illegal_building": Fact.not_met(),
        "unlawful": Fact.not_met(),
    }
    household = Household("南柳村-02", "371082103201")
    card = score(
        FOUR_GOALS_RUBRIC, Inspection("i-7", household, dt.date(2024, 9, 20), InspectionKind.SPOT_CHECK, facts)
    )
    problems = problems_from_card(card)
    # The kitchen's grease and the toilet fail; the unknown greenery and the bonuses not earned do not.
    assert [(problem.id, problem.description) for problem in problems] == [
        ("i-7/kitchen_grease", "厨房墙壁油污 2处 × 2分 = −4分"),
        ("i-7/toilet_clean", "厕所干净无异味：未达标，得0分（满分10分）"),
    ]
    first = problems[0]
    assert (first.found_on, first.unit, first.source, first.reference, first.household, first.item) == (
        dt.date(2024, 9, 20),
        "371082103201",
        ProblemSource.INSPECTION,
        "i-7",
        "南柳村-02",
        "kitchen_grease",
    )
    with pytest.raises(ValidationError, match=r"^card: expected a ScoreCard, got 'i-7'$"):
        problems_from_card("i-7")  # type: ignore[arg-type]


def test_a_problem_reports_every_fault() -> None:
    with pytest.raises(ValidationError) as caught:
        Problem("", "", at(9, 26), "", ProblemSource.INSPECTION)
    assert [str(fault) for fault in caught.value.faults] == [
        "id: expected a non-empty problem id, got ''",
        "description: expected non-empty text, got ''",
        "found_on: expected a date, got datetime.datetime(2019, 9, 26, 9, 0, tzinfo=datetime.time...",
        "unit: expected a unit code, got ''",
        "reference: expected the inspection's id for a problem found in one, got ''",
        "household: expected the household inspected, got ''",
    ]
    with pytest.raises(ValidationError) as caught:
        Problem("p-1", "倡议书未入户", dt.date(2019, 9, 26), "u1", ProblemSource.ASSESSMENT)
    assert str(caught.value) == "item: expected the 测评项目 a problem found in a 测评 falls under, got ''"
    with pytest.raises(ValidationError, match=r"^source: expected a ProblemSource, got 'patrol'$"):
        Problem("p-1", "倡议书未入户", dt.date(2019, 9, 26), "u1", "patrol")  # type: ignore[arg-type]


def test_a_case_carries_its_problem() -> None:
    found = Problem("p-1", "宣传栏破损", dt.date(2019, 9, 26), "u1", ProblemSource.PATROL, reference="巡查-0926")
    case = open_case(WORKFLOW, found, by=INSPECTOR, at=at(9, 26, 15))
    assert problem_of(case) is found
    with pytest.raises(ValidationError) as caught:
        problem_of(Case.start(WORKFLOW, "p-2"))
    assert str(caught.value) == (
        "case.events[0]: expected the record of a problem (a rectification case opened by open_case), in p-2, got None"
    )
    with pytest.raises(ValidationError, match=r"^case: expected a Case, got 'p-1'$"):
        problem_of("p-1")  # type: ignore[arg-type]
