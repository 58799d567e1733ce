"""Laws of assessment, over generated criteria sets and evidence."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given
from hypothesis import strategies as st

from fulian_core.criteria import Assessment, CriteriaSet, CriterionKind, Evidence, Fact, Outcome, Verdict, assess
from fulian_core.testing import criteria_sets, evidence
from fulian_core.testing.laws import assert_round_trip

RANK = {Verdict.NOT_ELIGIBLE: 0, Verdict.UNDECIDED: 1, Verdict.ELIGIBLE: 2}


def _on(criteria_set: CriteriaSet) -> dt.date:
    return criteria_set.effective_from


def _met(kind: CriterionKind) -> Fact:
    return Fact.no() if kind is CriterionKind.DISQUALIFIER else Fact.yes()


def _failed(kind: CriterionKind) -> Fact:
    return Fact.yes() if kind is CriterionKind.DISQUALIFIER else Fact.no()


cases = criteria_sets(max_size=7).flatmap(lambda s: st.tuples(st.just(s), evidence(criteria_set=s)))


@given(cases)
def test_a_disqualifier_hit_is_never_eligible(case: tuple[CriteriaSet, Evidence]) -> None:
    criteria_set, facts = case
    for veto in criteria_set.of_kind(CriterionKind.DISQUALIFIER):
        assessment = assess(criteria_set, facts.with_fact(veto.code, Fact.yes()), on=_on(criteria_set))
        assert assessment.verdict is Verdict.NOT_ELIGIBLE
        assert veto.code in assessment.disqualifiers_hit


@given(cases)
def test_scores_stay_in_range(case: tuple[CriteriaSet, Evidence]) -> None:
    criteria_set, facts = case
    assessment = assess(criteria_set, facts, on=_on(criteria_set))
    assert 0 <= assessment.score <= assessment.score_if_unknowns_met <= assessment.maximum


@given(cases)
def test_resolving_an_unknown_moves_the_verdict_the_right_way(case: tuple[CriteriaSet, Evidence]) -> None:
    criteria_set, facts = case
    on = _on(criteria_set)
    before = assess(criteria_set, facts, on=on)
    for result in before.results:
        if result.outcome is not Outcome.UNKNOWN:
            continue
        met = assess(criteria_set, facts.with_fact(result.code, _met(result.kind)), on=on)
        failed = assess(criteria_set, facts.with_fact(result.code, _failed(result.kind)), on=on)
        assert RANK[met.verdict] >= RANK[before.verdict]
        assert RANK[failed.verdict] <= RANK[before.verdict]


@given(criteria_sets(max_size=6).flatmap(lambda s: st.tuples(st.just(s), evidence(criteria_set=s))))
def test_undecided_exactly_when_some_completion_changes_the_verdict(case: tuple[CriteriaSet, Evidence]) -> None:
    criteria_set, facts = case
    on = _on(criteria_set)
    assessment = assess(criteria_set, facts, on=on)
    unknown = [result for result in assessment.results if result.outcome is Outcome.UNKNOWN]
    outcomes: set[Verdict] = set()
    for choice in itertools.product((True, False), repeat=len(unknown)):
        completed = facts
        for result, good in zip(unknown, choice, strict=True):
            completed = completed.with_fact(result.code, _met(result.kind) if good else _failed(result.kind))
        verdict = assess(criteria_set, completed, on=on).verdict
        assert verdict is not Verdict.UNDECIDED  # a complete record always decides
        outcomes.add(verdict)
    if assessment.verdict is Verdict.UNDECIDED:
        assert outcomes == {Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE}
        assert assessment.deciding
    else:
        assert outcomes == {assessment.verdict}


@given(cases)
def test_assessments_and_evidence_round_trip(case: tuple[CriteriaSet, Evidence]) -> None:
    criteria_set, facts = case
    assert_round_trip(facts, Evidence)
    assert_round_trip(assess(criteria_set, facts, on=_on(criteria_set)), Assessment)
