"""Dynamic plaques (流动挂牌): a household's tier over time, moved by its score cards.

:func:`plaque_history` folds a household's cards, in date order, through a
:class:`PlaquePolicy` into a :class:`PlaqueHistory` whose every change names the card that
caused it. The policy is data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.courtyard.inspection import InspectionKind
from fulian_core.courtyard.rubric import Tier
from fulian_core.courtyard.scoring import ScoreCard
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import Period, PeriodKind

__all__ = ["PlaqueChange", "PlaqueEvent", "PlaqueHistory", "PlaquePolicy", "plaque_history"]


class PlaqueChange(CodedEnum):
    """What happened to a plaque (挂牌变动)."""

    AWARDED = ("awarded", "挂牌")
    WARNED = ("warned", "警示")
    REVOKED = ("revoked", "摘牌")
    REAWARDED = ("reawarded", "重新挂牌")
    UPGRADED = ("upgraded", "升级")
    DOWNGRADED = ("downgraded", "降级")


def _kinds(value: Iterable[InspectionKind]) -> frozenset[InspectionKind]:
    return frozenset(value)


@attrs.frozen
class PlaquePolicy:
    """The rules of a plaque's life (流动挂牌办法), as data.

    * A plaque is awarded (or re-awarded) by a card of a kind in ``award_on`` that reaches a tier.
    * A card of a kind in ``checked_by`` below the plaque's tier is a failing check: a warning,
      and ``revoke_after`` failing checks within ``window_days`` take the plaque down (摘牌).
    * A veto takes the plaque down at once when ``revoke_on_veto``.
    * With ``reevaluate`` (PeriodKind.HALF for 半年一评选), at the end of each such period the
      plaque moves to the tier of the period's last card of a kind in ``award_on``: an upgrade,
      a downgrade or a revocation.
    """

    award_on: frozenset[InspectionKind] = attrs.field(
        default=frozenset({InspectionKind.ACCEPTANCE, InspectionKind.RECHECK}), converter=_kinds
    )
    checked_by: frozenset[InspectionKind] = attrs.field(
        default=frozenset({InspectionKind.SPOT_CHECK, InspectionKind.HOME_VISIT, InspectionKind.RECHECK}),
        converter=_kinds,
    )
    revoke_after: int = 2
    window_days: int = 90
    revoke_on_veto: bool = True
    reevaluate: PeriodKind | None = PeriodKind.HALF

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.award_on), "award_on", "at least one kind of inspection", [])
        for name in ("revoke_after", "window_days"):
            value = getattr(self, name)
            faults.check(
                isinstance(value, int) and not isinstance(value, bool) and value >= 1,
                name,
                "a whole number >= 1",
                value,
            )
        calendar_kinds = (PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.QUARTER, PeriodKind.MONTH)
        faults.check(
            self.reevaluate is None or self.reevaluate in calendar_kinds,
            "reevaluate",
            "a year, half, quarter or month, or None",
            self.reevaluate,
        )
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class PlaqueEvent:
    """One change of a plaque, with the card (or period end) that caused it (挂牌记录)."""

    change: PlaqueChange
    date: dt.date
    before: Tier
    after: Tier
    card: str
    reason: str


@attrs.frozen
class PlaqueHistory:
    """A household's plaque over time: the tier held now and every change (挂牌档案)."""

    household: str
    tier: Tier
    events: tuple[PlaqueEvent, ...]
    warnings: tuple[dt.date, ...] = ()

    @property
    def has_plaque(self) -> bool:
        """Whether the household holds a plaque now."""
        return self.tier is not Tier.NONE


def plaque_history(cards: Iterable[ScoreCard], policy: PlaquePolicy, *, until: dt.date | None = None) -> PlaqueHistory:
    """Fold one household's cards, in date order, into its plaque history.

    Re-evaluations fall due at the end of each ``policy.reevaluate`` period that ends before the
    next card, and, when *until* is given, before *until*. Cards of another household, or out of
    date order, are refused.
    """
    ordered = tuple(cards)
    if not ordered:
        raise ValidationError.single("cards", "at least one score card", [])
    household = ordered[0].household.id
    faults = Faults()
    for index, card in enumerate(ordered):
        faults.check(
            card.household.id == household, f"cards[{index}].household", f"household {household}", card.household.id
        )
        if index:
            faults.check(
                card.date >= ordered[index - 1].date,
                f"cards[{index}].date",
                f"a date on or after {ordered[index - 1].date}",
                str(card.date),
            )
    faults.raise_if_any()
    state = _State(policy)
    for card in ordered:
        state.reevaluate_until(card.date)
        state.apply(card)
    if until is not None:
        state.reevaluate_until(until + dt.timedelta(days=1))
    return PlaqueHistory(household, state.tier, tuple(state.events), tuple(state.failures))


class _State:
    __slots__ = ("events", "failures", "held_before", "last_award_card", "pending_period", "policy", "tier")

    def __init__(self, policy: PlaquePolicy) -> None:
        self.policy = policy
        self.tier = Tier.NONE
        self.events: list[PlaqueEvent] = []
        self.failures: list[dt.date] = []
        self.held_before = False
        self.last_award_card: ScoreCard | None = None
        self.pending_period: Period | None = None

    def record(self, change: PlaqueChange, day: dt.date, after: Tier, card: str, reason: str) -> None:
        self.events.append(PlaqueEvent(change, day, self.tier, after, card, reason))
        if after is not Tier.NONE:
            self.held_before = True
        if change is not PlaqueChange.WARNED:
            self.failures = []
        self.tier = after

    def apply(self, card: ScoreCard) -> None:
        day = card.date
        policy = self.policy
        if card.kind in policy.award_on:
            self.last_award_card = card
            if policy.reevaluate is not None:
                self.pending_period = Period.containing(policy.reevaluate, day)
        if self.tier is Tier.NONE:
            if card.kind in policy.award_on and card.tier is not Tier.NONE:
                change = PlaqueChange.REAWARDED if self.held_before else PlaqueChange.AWARDED
                self.record(
                    change, day, card.tier, card.inspection, f"{card.kind.label}达到{card.tier.label}（{card.total}分）"
                )
            return
        if card.veto_hits and policy.revoke_on_veto:
            self.record(PlaqueChange.REVOKED, day, Tier.NONE, card.inspection, card.tier_reason or "一票否决")
            return
        if card.kind in policy.checked_by and card.tier.rank < self.tier.rank:
            horizon = day - dt.timedelta(days=policy.window_days)
            self.failures = [failed for failed in self.failures if failed > horizon] + [day]
            if len(self.failures) >= policy.revoke_after:
                reason = f"{policy.window_days}天内{len(self.failures)}次检查未达{self.tier.label}标准"
                self.record(PlaqueChange.REVOKED, day, Tier.NONE, card.inspection, reason)
            else:
                reason = f"{card.kind.label}仅达{card.tier.label}（{card.total}分），低于{self.tier.label}"
                self.events.append(PlaqueEvent(PlaqueChange.WARNED, day, self.tier, self.tier, card.inspection, reason))

    def reevaluate_until(self, day: dt.date) -> None:
        period = self.pending_period
        card = self.last_award_card
        if period is None or card is None or period.end >= day:
            return
        self.pending_period = None
        if self.tier is Tier.NONE or card.tier is self.tier:
            return
        reason = f"{period.label}评选：以{card.kind.label}结果{card.tier.label}为准"
        if card.tier is Tier.NONE:
            self.record(PlaqueChange.REVOKED, period.end, Tier.NONE, card.inspection, reason)
        elif card.tier.rank > self.tier.rank:
            self.record(PlaqueChange.UPGRADED, period.end, card.tier, card.inspection, reason)
        else:
            self.record(PlaqueChange.DOWNGRADED, period.end, card.tier, card.inspection, reason)
