"""Rubric laws over generated rubrics and inspections, and round trips."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from fulian_core.courtyard import Inspection, ScoreCard, score, standing
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC
from fulian_core.rules import RuleSheet, SubjectKind, compile_sheet
from fulian_core.testing import inspections, rule_sheets
from fulian_core.testing.laws import assert_evaluation_laws, assert_round_trip, assert_sheet_laws

rubrics = rule_sheets(subjects=st.just(SubjectKind.HOUSEHOLD))
cases = rubrics.flatmap(lambda rubric: st.tuples(st.just(rubric), inspections(rubric=rubric)))


@given(cases)
def test_every_evaluation_law_holds_on_generated_rubrics(case: tuple[RuleSheet, Inspection]) -> None:
    rubric, inspection = case
    assert_evaluation_laws(rubric, inspection.facts, on=inspection.date, subject=inspection.household.subject)


@given(cases)
def test_the_band_is_the_best_one_the_card_earns(case: tuple[RuleSheet, Inspection]) -> None:
    rubric, inspection = case
    card = score(rubric, inspection)
    result = card.evaluation
    if result.overrides or result.band != result.best_band:
        return
    # Every better band without prerequisites is out of reach of the total (or of a requirement).
    for index, band in enumerate(rubric.bands[:-1]):
        rank = len(rubric.bands) - 1 - index
        minimum = band.minimum
        if rank > card.band.rank and not band.requires and minimum is not None and minimum.value is not None:
            # A share (得分率) is of the maximum that applies; nothing reaches a share of nothing.
            reached = (
                Fraction(card.total) / Fraction(result.maximum) if minimum.share and result.maximum else card.total
            )
            if minimum.share and not result.maximum:
                continue
            assert minimum.judge(reached).code != "yes" or (band.passing and result.requirements_failed)


@given(cases)
def test_rubrics_inspections_and_cards_round_trip(case: tuple[RuleSheet, Inspection]) -> None:
    rubric, inspection = case
    assert_round_trip(rubric, RuleSheet)
    assert_round_trip(inspection, Inspection)
    assert_round_trip(score(rubric, inspection), ScoreCard)


def test_the_shipped_rubrics_obey_the_laws() -> None:
    assert_sheet_laws(FOUR_GOALS_RUBRIC)
    assert_sheet_laws(FOUR_ROOMS_RUBRIC)


@given(cases)
def test_the_short_answer_is_the_card_s(case: tuple[RuleSheet, Inspection]) -> None:
    rubric, inspection = case
    plan = compile_sheet(rubric)
    card = score(plan, inspection)
    quick = standing(plan, inspection)
    assert (quick.total, quick.best_total, quick.band, quick.best_band) == (
        card.total,
        card.evaluation.best_total,
        card.band,
        card.evaluation.best_band,
    )
