"""Laws of assessment, over generated criteria (rule sheets) and evidence."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from fulian_core.criteria import Evidence, assess
from fulian_core.rules import Evaluation, Fact, ItemKind, MissingPolicy, Outcome, RuleSheet, Verdict
from fulian_core.testing import evidence, extreme_fact, rule_sheets
from fulian_core.testing.laws import assert_round_trip

RANK = {Verdict.NOT_ELIGIBLE: 0, Verdict.UNDECIDED: 1, Verdict.ELIGIBLE: 2}

criteria = rule_sheets(max_items=7, missing=st.sampled_from([MissingPolicy.UNKNOWN, MissingPolicy.PROVISIONAL]))
cases = criteria.flatmap(lambda sheet: st.tuples(st.just(sheet), evidence(sheet=sheet)))


def _completed(sheet: RuleSheet, facts: Evidence, line: str, *, good: bool) -> Evidence:
    return facts.with_fact(line, extreme_fact(sheet.item(line), best=good))


@given(cases)
def test_a_veto_hit_is_never_eligible(case: tuple[RuleSheet, Evidence]) -> None:
    sheet, facts = case
    for veto in sheet.of_kind(ItemKind.OVERRIDE):
        if veto.target or not veto.applies(facts.candidate.kind):
            continue
        assessment = assess(sheet, facts.with_fact(veto.code, Fact.met()), on=sheet.effective_from)
        assert assessment.band.rank == 0
        assert veto.code in assessment.overrides


@given(cases)
def test_scores_stay_in_range(case: tuple[RuleSheet, Evidence]) -> None:
    sheet, facts = case
    assessment = assess(sheet, facts, on=sheet.effective_from)
    assert 0 <= assessment.total <= assessment.best_total <= assessment.ceiling


@given(cases)
def test_resolving_an_unknown_moves_the_verdict_the_right_way(case: tuple[RuleSheet, Evidence]) -> None:
    sheet, facts = case
    on = sheet.effective_from
    before = assess(sheet, facts, on=on)
    for line in before.lines:
        item = sheet.item(line.item)
        # An override that sets a band other than the lowest may raise or lower it: no way is "right".
        if line.outcome is not Outcome.UNKNOWN or (item.kind is ItemKind.OVERRIDE and item.target):
            continue
        met = assess(sheet, _completed(sheet, facts, line.item, good=True), on=on)
        failed = assess(sheet, _completed(sheet, facts, line.item, good=False), on=on)
        assert RANK[met.verdict] >= RANK[before.verdict]
        assert RANK[failed.verdict] <= RANK[before.verdict]


@given(
    rule_sheets(max_items=6, unstated=False, conditions=False).flatmap(
        lambda s: st.tuples(st.just(s), evidence(sheet=s))
    )
)
def test_undecided_exactly_when_some_completion_changes_the_verdict(case: tuple[RuleSheet, Evidence]) -> None:
    sheet, facts = case
    on = sheet.effective_from
    assessment = assess(sheet, facts, on=on)
    unknown = [line for line in assessment.lines if line.outcome is Outcome.UNKNOWN]
    outcomes: set[Verdict] = set()
    for choice in itertools.product((True, False), repeat=len(unknown)):
        completed = facts
        for line, good in zip(unknown, choice, strict=True):
            completed = _completed(sheet, completed, line.item, good=good)
        verdict = assess(sheet, completed, on=on).verdict
        assert verdict is not Verdict.UNDECIDED  # a complete record of stated limits always decides
        outcomes.add(verdict)
    if assessment.verdict is Verdict.UNDECIDED:
        assert outcomes == {Verdict.ELIGIBLE, Verdict.NOT_ELIGIBLE}
        assert assessment.deciding
    else:
        assert outcomes == {assessment.verdict}


@given(cases)
def test_assessments_and_evidence_round_trip(case: tuple[RuleSheet, Evidence]) -> None:
    sheet, facts = case
    assert_round_trip(facts, Evidence)
    assert_round_trip(assess(sheet, facts, on=sheet.effective_from), Evaluation)
