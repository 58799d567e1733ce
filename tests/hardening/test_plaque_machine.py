"""Any sequence of score cards, of any kind and result, yields a valid plaque history."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from fulian_core import PeriodKind
from fulian_core.courtyard import InspectionKind, PlaqueChange, PlaquePolicy, ScoreCard, plaque_history
from fulian_core.rules import Grade
from tests.courtyard.test_plaques import FAIR, GOOD, POOR, VETO, card

POLICIES = [
    PlaquePolicy(),
    PlaquePolicy(reevaluate=None, revoke_after=1, window_days=30),
    PlaquePolicy(reevaluate=PeriodKind.QUARTER, revoke_on_veto=False),
]


class PlaqueMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[ScoreCard] = []
        self.day = dt.date(2024, 1, 1)

    @rule(
        days=st.integers(0, 120),
        kind=st.sampled_from(list(InspectionKind)),
        seen=st.sampled_from([GOOD, FAIR, POOR, VETO]),
    )
    def inspect(self, days: int, kind: InspectionKind, seen: dict) -> None:  # type: ignore[type-arg]
        self.day += dt.timedelta(days=days)
        self.cards.append(card(self.day.isoformat(), kind, seen, len(self.cards)))

    @invariant()
    def the_history_is_valid_under_every_policy(self) -> None:
        if not self.cards:
            return
        for policy in POLICIES:
            until = self.day + dt.timedelta(days=200)
            history = plaque_history(self.cards, policy, until=until)
            held: Grade | None = None
            last = dt.date.min
            for event in history.events:
                assert event.before == held, "each change starts from the band held"
                assert event.date >= last, "changes run forward in time"
                assert event.date <= until
                if event.change is PlaqueChange.REVOKED:
                    assert event.after is None
                if event.change is PlaqueChange.WARNED:
                    assert event.after == event.before
                held, last = event.after, event.date
            assert history.band == held
            assert history.has_plaque == (held is not None)
            assert all(warning <= until for warning in history.warnings)
            assert plaque_history(self.cards, policy, until=until) == history, "the same cards, the same history"


TestPlaqueMachine = PlaqueMachine.TestCase
