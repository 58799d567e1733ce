"""Dynamic plaques (流动挂牌): a household's band over time, moved by its score cards.

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
from fulian_core.courtyard.scoring import ScoreCard
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import Period, PeriodKind
from fulian_core.rules import Grade

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

    * A plaque is awarded (or re-awarded) by a card of a kind in ``award_on`` that reaches a
      passing band for certain.
    * A card of a kind in ``checked_by`` below the plaque's band is a failing check: a warning,
      and ``revoke_after`` failing checks within ``window_days`` take the plaque down (摘牌).
    * A veto (an override that fired and left no passing band) takes the plaque down at once
      when ``revoke_on_veto``.
    * With ``reevaluate`` (PeriodKind.HALF for 半年一评选), at the end of each such period the
      plaque moves to the band of the period's last card of a kind in ``award_on``: an
      upgrade, a downgrade or a revocation.
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
    """One change of a plaque, with the card (or period end) that caused it (挂牌记录).
    ``before`` and ``after`` are the bands held (``None``: no plaque)."""

    change: PlaqueChange
    date: dt.date
    before: Grade | None
    after: Grade | None
    card: str
    reason: str


@attrs.frozen
class PlaqueHistory:
    """A household's plaque over time: the band held now (``None``: no plaque) and every
    change (挂牌档案)."""

    household: str
    band: Grade | None
    events: tuple[PlaqueEvent, ...]
    warnings: tuple[dt.date, ...] = ()

    @property
    def has_plaque(self) -> bool:
        """Whether the household holds a plaque now."""
        return self.band is not None


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
    return PlaqueHistory(household, state.band, tuple(state.events), tuple(state.failures))


def _held(card: ScoreCard) -> Grade | None:
    return card.band if card.band.passing else None


def _name(band: Grade | None) -> str:
    return band.label if band is not None else "未达标"


class _State:
    __slots__ = ("band", "events", "failures", "held_before", "last_award_card", "pending_period", "policy")

    def __init__(self, policy: PlaquePolicy) -> None:
        self.policy = policy
        self.band: Grade | None = None
        self.events: list[PlaqueEvent] = []
        self.failures: list[dt.date] = []
        self.held_before = False
        self.last_award_card: ScoreCard | None = None
        self.pending_period: Period | None = None

    def record(self, change: PlaqueChange, day: dt.date, after: Grade | None, card: str, reason: str) -> None:
        self.events.append(PlaqueEvent(change, day, self.band, after, card, reason))
        if after is not None:
            self.held_before = True
        if change is not PlaqueChange.WARNED:
            self.failures = []
        self.band = after

    def apply(self, card: ScoreCard) -> None:
        day = card.date
        policy = self.policy
        if card.kind in policy.award_on:
            self.last_award_card = card
            if policy.reevaluate is not None:
                self.pending_period = Period.containing(policy.reevaluate, day)
        reached = _held(card)
        held = self.band
        if held is None:
            if card.kind in policy.award_on and reached is not None:
                change = PlaqueChange.REAWARDED if self.held_before else PlaqueChange.AWARDED
                self.record(
                    change, day, reached, card.inspection, f"{card.kind.label}达到{reached.label}（{card.total}分）"
                )
            return
        evaluation = card.evaluation
        if evaluation.overrides and reached is None and policy.revoke_on_veto:
            self.record(PlaqueChange.REVOKED, day, None, card.inspection, "；".join(evaluation.reasons) or "一票否决")
            return
        if card.kind in policy.checked_by and card.band.rank < held.rank:
            horizon = day - dt.timedelta(days=policy.window_days)
            self.failures = [failed for failed in self.failures if failed > horizon] + [day]
            if len(self.failures) >= policy.revoke_after:
                reason = f"{policy.window_days}天内{len(self.failures)}次检查未达{held.label}标准"
                self.record(PlaqueChange.REVOKED, day, None, card.inspection, reason)
            else:
                reason = f"{card.kind.label}仅达{card.band.label}（{card.total}分），低于{held.label}"
                self.events.append(PlaqueEvent(PlaqueChange.WARNED, day, held, held, card.inspection, reason))

    def reevaluate_until(self, day: dt.date) -> None:
        period = self.pending_period
        card = self.last_award_card
        if period is None or card is None or period.end >= day:
            return
        self.pending_period = None
        held, reached = self.band, _held(card)
        if held is None or reached == held:
            return
        reason = f"{period.label}评选：以{card.kind.label}结果{_name(reached)}为准"
        if reached is None:
            self.record(PlaqueChange.REVOKED, period.end, None, card.inspection, reason)
        elif reached.rank > held.rank:
            self.record(PlaqueChange.UPGRADED, period.end, reached, card.inspection, reason)
        else:
            self.record(PlaqueChange.DOWNGRADED, period.end, reached, card.inspection, reason)
