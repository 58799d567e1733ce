"""The compiled plan gives the verdict and score of the explained assessment."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import ValidationError
from fulian_core.criteria import Candidate, CandidateKind, CriteriaSet, Evidence, Fact, assess, compile_criteria
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as NATIONAL
from fulian_core.testing import candidates, criteria_sets, evidence

cases = criteria_sets(max_size=9).flatmap(lambda s: st.tuples(st.just(s), evidence(criteria_set=s)))


@given(cases, st.integers(-400, 400))
def test_the_plan_agrees_with_assess(case: tuple[CriteriaSet, Evidence], days: int) -> None:
    criteria_set, given_evidence = case
    on = criteria_set.effective_from + dt.timedelta(days=days)
    plan = compile_criteria(criteria_set)
    expected: object
    try:
        assessment = assess(criteria_set, given_evidence, on=on)
        expected = (assessment.verdict, assessment.score)
    except ValidationError as error:
        expected = str(error)
    try:
        found: object = plan.judge(given_evidence, on=on)
    except ValidationError as error:
        found = str(error)
    assert found == expected


@given(criteria_sets(max_size=6), candidates(kinds=st.sampled_from(list(CandidateKind))))
def test_the_plan_agrees_for_any_candidate_kind(criteria_set: CriteriaSet, candidate: Candidate) -> None:
    plan = compile_criteria(criteria_set)
    facts = {code: Fact.yes() for code in criteria_set.codes}
    on = criteria_set.effective_from
    try:
        expected = assess(criteria_set, Evidence(candidate, facts), on=on)
    except ValidationError as error:
        with pytest.raises(ValidationError, match="^" + str(error).replace("(", r"\(").replace(")", r"\)") + "$"):
            plan.judge(Evidence(candidate, facts), on=on)
        return
    assert plan.judge(Evidence(candidate, facts), on=on) == (expected.verdict, expected.score)


def test_bad_evidence_gets_assess_s_own_error() -> None:
    plan = compile_criteria(NATIONAL)
    bad = Evidence(Candidate("f-1", "张秀梅"), {"no_such": Fact.yes()})
    with pytest.raises(ValidationError, match=r"^facts\['no_such'\]: expected a criterion of"):
        plan.judge(bad, on=dt.date(2024, 5, 1))
    with pytest.raises(ValidationError, match="criteria_set: expected a CriteriaSet"):
        compile_criteria("NATIONAL")  # type: ignore[arg-type]
