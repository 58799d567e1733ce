"""Dynamic plaques (流动挂牌): award, warn, revoke, re-award, half-yearly re-evaluation."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import DefinitionError, PeriodKind, ValidationError
from fulian_core.courtyard import (
    Household,
    Inspection,
    InspectionKind,
    PlaqueChange,
    PlaquePolicy,
    ScoreCard,
    plaque_history,
    score,
)
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.rules import Fact, compile_sheet
from tests.courtyard.test_scoring import perfect

PLAN = compile_sheet(FOUR_GOALS_RUBRIC)
HOME = Household("h-7", "371082103201")
A, S, R = InspectionKind.ACCEPTANCE, InspectionKind.SPOT_CHECK, InspectionKind.RECHECK
GOOD = perfect()  # 100: 精品户
FAIR = GOOD | {"kitchen_grease": Fact.found(3), "yard_clutter": Fact.found(2)}  # 88: 示范户
POOR = GOOD | {
    "toilet_clean": Fact.not_met(),
    "yard_clutter": Fact.found(5),
    "greenery": Fact.rated("差"),
}  # 60: 清洁户
VETO = GOOD | {"illegal_building": Fact.met()}


def card(day: str, kind: InspectionKind, seen: dict[str, Fact], number: int = 0) -> ScoreCard:
    return score(PLAN, Inspection(f"i-{day}-{number}", HOME, dt.date.fromisoformat(day), kind, seen))


def changes(
    cards: list[ScoreCard], policy: PlaquePolicy | None = None, until: str | None = None
) -> list[tuple[str, str, str]]:
    history = plaque_history(cards, policy or PlaquePolicy(), until=dt.date.fromisoformat(until) if until else None)
    return [
        (event.change.code, event.date.isoformat(), event.after.code if event.after else "none")
        for event in history.events
    ]


def test_the_cards_tiers() -> None:
    assert [card("2024-01-10", A, seen).band.code for seen in (GOOD, FAIR, POOR, VETO)] == [
        "boutique",
        "demonstration",
        "clean",
        "none",
    ]


def test_award_on_acceptance_only() -> None:
    assert changes([card("2024-01-10", S, GOOD)]) == []
    history = plaque_history([card("2024-01-10", A, FAIR)], PlaquePolicy())
    assert history.band is not None
    assert history.band.code == "demonstration"
    assert history.has_plaque
    event = history.events[0]
    assert (event.change, event.before, event.card) == (PlaqueChange.AWARDED, None, "i-2024-01-10-0")
    assert event.reason == "验收达到示范户（88分）"


def test_warn_then_revoke_after_two_failures_within_the_window() -> None:
    cards = [card("2024-01-10", A, FAIR), card("2024-02-28", S, POOR), card("2024-04-30", S, POOR)]
    assert changes(cards) == [
        ("awarded", "2024-01-10", "demonstration"),
        ("warned", "2024-02-28", "demonstration"),
        ("revoked", "2024-04-30", "none"),
    ]
    revoked = plaque_history(cards, PlaquePolicy()).events[-1]
    assert revoked.reason == "90天内2次检查未达示范户标准"


def test_failures_outside_the_window_do_not_add_up() -> None:
    cards = [card("2024-01-10", A, FAIR), card("2024-01-31", S, POOR), card("2024-05-31", S, POOR)]
    assert [change for change, _, _ in changes(cards, PlaquePolicy(reevaluate=None))] == ["awarded", "warned", "warned"]


def test_a_veto_revokes_at_once_and_passing_again_reawards() -> None:
    cards = [
        card("2024-01-10", A, GOOD),
        card("2024-03-31", S, VETO),
        card("2024-04-30", S, GOOD),
        card("2024-05-20", R, FAIR),
    ]
    assert changes(cards, PlaquePolicy(reevaluate=None)) == [
        ("awarded", "2024-01-10", "boutique"),
        ("revoked", "2024-03-31", "none"),
        ("reawarded", "2024-05-20", "demonstration"),
    ]
    assert plaque_history(cards, PlaquePolicy(reevaluate=None)).events[1].reason == "一票否决：私搭乱建"


def test_half_yearly_reevaluation_upgrades_and_downgrades() -> None:
    cards = [
        card("2024-02-01", A, FAIR),
        card("2024-05-15", R, GOOD),
        card("2024-07-10", S, GOOD),
        card("2024-11-30", R, POOR),
    ]
    assert changes(cards, until="2024-12-31") == [
        ("awarded", "2024-02-01", "demonstration"),
        ("upgraded", "2024-06-30", "boutique"),
        ("warned", "2024-11-30", "boutique"),
        ("downgraded", "2024-12-31", "clean"),
    ]
    history = plaque_history(cards, PlaquePolicy(), until=dt.date(2024, 12, 31))
    assert history.events[1].reason == "2024年上半年评选：以复核结果精品户为准"
    assert history.events[1].card == "i-2024-05-15-0"
    # Without `until`, the second half's re-evaluation is not yet due.
    assert changes(cards)[-1][0] == "warned"


def test_reevaluation_to_no_tier_revokes() -> None:
    veto_recheck = [card("2024-02-01", A, FAIR), card("2024-05-15", R, VETO)]
    assert changes(veto_recheck, PlaquePolicy(revoke_on_veto=False), until="2024-07-01")[-1] == (
        "revoked",
        "2024-06-30",
        "none",
    )


def test_bad_input() -> None:
    with pytest.raises(ValidationError, match=r"^cards: expected at least one score card, got \[\]$"):
        plaque_history([], PlaquePolicy())
    other = score(PLAN, Inspection("x", Household("h-8", "v"), dt.date(2024, 1, 1), A, GOOD))
    with pytest.raises(ValidationError) as raised:
        plaque_history([card("2024-03-01", A, GOOD), card("2024-02-01", S, GOOD), other], PlaquePolicy())
    assert str(raised.value).splitlines() == [
        "cards[1].date: expected a date on or after 2024-03-01, got '2024-02-01'",
        "cards[2].household: expected household h-7, got 'h-8'",
        "cards[2].date: expected a date on or after 2024-02-01, got '2024-01-01'",
    ]
    with pytest.raises(DefinitionError) as refused:
        PlaquePolicy(award_on=(), revoke_after=0, window_days=True, reevaluate=PeriodKind.DAY)
    assert len(refused.value.faults) == 4
