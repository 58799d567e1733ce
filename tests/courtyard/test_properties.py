"""Rubric laws over generated rubrics and inspections, and round trips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from fulian_core.courtyard import CreditLedger, Inspection, Rubric, ScoreCard, Tier, compile_rubric
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC
from fulian_core.testing import credit_ledgers, inspections, rubrics
from fulian_core.testing.laws import assert_card_laws, assert_round_trip, assert_rubric_laws

cases = rubrics().flatmap(lambda rubric: st.tuples(st.just(rubric), inspections(rubric=rubric)))


@given(cases)
def test_every_card_law_holds_on_generated_rubrics(case: tuple[Rubric, Inspection]) -> None:
    rubric, inspection = case
    assert_card_laws(rubric, inspection)


@given(cases)
def test_the_tier_is_the_best_one_the_card_earns(case: tuple[Rubric, Inspection]) -> None:
    rubric, inspection = case
    card = compile_rubric(rubric).score(inspection)
    for rule in rubric.tiers:
        if rule.tier.rank > card.tier.rank and not card.veto_hits and not rule.prerequisites:
            assert card.total < rule.min_score
    if card.tier is not Tier.NONE:
        rule = next(rule for rule in rubric.tiers if rule.tier is card.tier)
        assert card.total >= rule.min_score


def test_the_shipped_rubrics_obey_the_laws() -> None:
    assert_rubric_laws(FOUR_GOALS_RUBRIC, max_examples=100)
    assert_rubric_laws(FOUR_ROOMS_RUBRIC, max_examples=100)


@given(cases)
def test_rubrics_inspections_and_cards_round_trip(case: tuple[Rubric, Inspection]) -> None:
    rubric, inspection = case
    assert_round_trip(rubric, Rubric)
    assert_round_trip(inspection, Inspection)
    assert_round_trip(compile_rubric(rubric).score(inspection), ScoreCard)


@given(credit_ledgers())
def test_ledgers_round_trip(ledger: CreditLedger) -> None:
    assert ledger.balance >= 0
    assert_round_trip(ledger, CreditLedger)


@given(cases)
def test_the_fast_path_agrees_with_the_full_card(case: tuple[Rubric, Inspection]) -> None:
    rubric, inspection = case
    plan = compile_rubric(rubric)
    card = plan.score(inspection)
    assert plan.total_and_tier(inspection) == (card.total, card.tier)
