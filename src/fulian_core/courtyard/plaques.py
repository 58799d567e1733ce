"""Dynamic plaques (流动挂牌): a household's band over time, moved by its score cards.

A plaque is a declared workflow, :data:`PLAQUE_WORKFLOW`: held or not, moved by score cards
and the ends of re-evaluation periods, each move guarded by the rules of a
:class:`PlaquePolicy` (data). :func:`plaque_history` folds a household's cards, in date order,
through it into a :class:`PlaqueHistory` whose every change names the card that caused it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from fulian_core._definitions import check_day, check_items, check_type, listed, listed_set
from fulian_core._definitions import check_whole as _check_whole
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.calendars import CHINA_STANDARD_TIME as _CST
from fulian_core.courtyard.inspection import InspectionKind
from fulian_core.courtyard.scoring import ScoreCard
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import Period, PeriodKind
from fulian_core.rules import Grade
from fulian_core.workflows import (
    Actor,
    Attempt,
    Guard,
    Role,
    State,
    Transition,
    Workflow,
    first_allowed,
)

__all__ = [
    "PLAQUE_WORKFLOW",
    "PlaqueChange",
    "PlaqueCheck",
    "PlaqueEvent",
    "PlaqueHistory",
    "PlaquePolicy",
    "plaque_history",
]


class PlaqueChange(CodedEnum):
    """What happened to a plaque (挂牌变动)."""

    AWARDED = ("awarded", "挂牌")
    WARNED = ("warned", "警示")
    REVOKED = ("revoked", "摘牌")
    REAWARDED = ("reawarded", "重新挂牌")
    UPGRADED = ("upgraded", "升级")
    DOWNGRADED = ("downgraded", "降级")


def _award_on(value: Iterable[InspectionKind]) -> frozenset[InspectionKind]:
    return listed_set(value, "award_on", "a collection of inspection kinds")


def _checked_by(value: Iterable[InspectionKind]) -> frozenset[InspectionKind]:
    return listed_set(value, "checked_by", "a collection of inspection kinds")


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
        default=frozenset({InspectionKind.ACCEPTANCE, InspectionKind.RECHECK}), converter=_award_on
    )
    checked_by: frozenset[InspectionKind] = attrs.field(
        default=frozenset({InspectionKind.SPOT_CHECK, InspectionKind.HOME_VISIT, InspectionKind.RECHECK}),
        converter=_checked_by,
    )
    revoke_after: int = 2
    window_days: int = 90
    revoke_on_veto: bool = True
    reevaluate: PeriodKind | None = PeriodKind.HALF

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(bool(self.award_on), "award_on", "at least one kind of inspection", [])
        _check_whole(self.revoke_after, "revoke_after", faults, low=1, high=100)
        _check_whole(self.window_days, "window_days", faults, low=1, high=3660)  # at most ten years
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


def _events(value: Iterable[PlaqueEvent]) -> tuple[PlaqueEvent, ...]:
    return listed(value, "events", "a list of plaque events")


def _warnings(value: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return listed(value, "warnings", "a list of dates")


@attrs.frozen
class PlaqueHistory:
    """A household's plaque over time: the band held now (``None``: no plaque) and every
    change (挂牌档案)."""

    household: str
    band: Grade | None
    events: tuple[PlaqueEvent, ...] = attrs.field(converter=_events)
    warnings: tuple[dt.date, ...] = attrs.field(default=(), converter=_warnings)

    @property
    def has_plaque(self) -> bool:
        """Whether the household holds a plaque now."""
        return self.band is not None


def _failures(value: Iterable[dt.date]) -> tuple[dt.date, ...]:
    return listed(value, "failures", "a list of dates")


@attrs.frozen
class PlaqueCheck:
    """What a plaque guard reads (挂牌校验): the policy, the card (or, at a period's end, the
    period's last award card), the band held, the failing checks within the window counting
    this card, whether a plaque was held before, and the period being re-evaluated (None for a
    card)."""

    policy: PlaquePolicy
    card: ScoreCard
    band: Grade | None
    failures: tuple[dt.date, ...] = attrs.field(converter=_failures)
    held_before: bool
    period: Period | None = None

    @property
    def reached(self) -> Grade | None:
        """The passing band the card reached for certain (None: none)."""
        return _held(self.card)


_P = Attempt[PlaqueCheck]


def _by_card(attempt: _P) -> str | None:
    return None if attempt.context.period is None else "expected a score card, got a period's end"


def _award_card(attempt: _P) -> str | None:
    check = attempt.context
    if check.card.kind in check.policy.award_on and check.reached is not None:
        return None
    return f"expected an award inspection ({_kinds_text(check.policy.award_on)}) reaching a passing band"


def _first(attempt: _P) -> str | None:
    return "expected a household that never held a plaque" if attempt.context.held_before else None


def _again(attempt: _P) -> str | None:
    return None if attempt.context.held_before else "expected a household that held a plaque before"


def _veto(attempt: _P) -> str | None:
    check = attempt.context
    if check.policy.revoke_on_veto and check.card.evaluation.overrides and check.reached is None:
        return None
    return "expected a veto (一票否决) under a policy that revokes on one"


def _failing(attempt: _P) -> str | None:
    check = attempt.context
    held = check.band
    if held is not None and check.card.kind in check.policy.checked_by and check.card.band.rank < held.rank:
        return None
    return "expected a check below the band held"


def _limit_reached(attempt: _P) -> str | None:
    check = attempt.context
    if len(check.failures) >= check.policy.revoke_after:
        return None
    return f"expected {check.policy.revoke_after} failing checks within {check.policy.window_days} days"


def _under_limit(attempt: _P) -> str | None:
    return None if _limit_reached(attempt) is not None else "expected fewer failing checks than revoke the plaque"


def _period_end(attempt: _P) -> str | None:
    return None if attempt.context.period is not None else "expected a period's end"


def _higher(attempt: _P) -> str | None:
    check = attempt.context
    held, reached = check.band, check.reached
    return None if held is not None and reached is not None and reached.rank > held.rank else "expected a higher band"


def _lower(attempt: _P) -> str | None:
    check = attempt.context
    held, reached = check.band, check.reached
    return None if held is not None and reached is not None and reached.rank < held.rank else "expected a lower band"


def _none_reached(attempt: _P) -> str | None:
    return None if attempt.context.reached is None else "expected no passing band"


_NONE, _HELD = "no_plaque", "plaqued"

PLAQUE_WORKFLOW: Final = Workflow[PlaqueCheck](
    code="plaque",
    label="流动挂牌",
    states=(State(_NONE, "未挂牌"), State(_HELD, "已挂牌")),
    initial=_NONE,
    transitions=(
        Transition("award", "挂牌", {_NONE}, _HELD, guards=("by_card", "award_card", "first")),
        Transition("reaward", "重新挂牌", {_NONE}, _HELD, guards=("by_card", "award_card", "again")),
        Transition("revoke_on_veto", "一票否决摘牌", {_HELD}, _NONE, guards=("by_card", "veto")),
        Transition("revoke_on_failures", "多次检查未达标摘牌", {_HELD}, _NONE, guards=("by_card", "failing", "limit")),
        Transition("warn", "警示", {_HELD}, _HELD, guards=("by_card", "failing", "under_limit")),
        Transition("upgrade", "升级", {_HELD}, _HELD, guards=("period_end", "higher")),
        Transition("downgrade", "降级", {_HELD}, _HELD, guards=("period_end", "lower")),
        Transition("revoke_on_review", "评选未达标摘牌", {_HELD}, _NONE, guards=("period_end", "none_reached")),
    ),
    guards=(
        Guard("by_card", "the move is made by a score card", _by_card),
        Guard("award_card", "an award inspection (验收/复查) reaches a passing band for certain", _award_card),
        Guard("first", "the household never held a plaque", _first),
        Guard("again", "the household held a plaque before", _again),
        Guard("veto", "a veto fired and left no passing band, under a policy that revokes on one", _veto),
        Guard("failing", "a check of a checking kind falls below the band held", _failing),
        Guard("limit", "the failing checks within the window reach the policy's number", _limit_reached),
        Guard("under_limit", "the failing checks within the window stay below the policy's number", _under_limit),
        Guard("period_end", "the move is made at the end of a re-evaluation period (半年一评选 …)", _period_end),
        Guard("higher", "the period's last award card reached a higher band", _higher),
        Guard("lower", "the period's last award card reached a lower passing band", _lower),
        Guard("none_reached", "the period's last award card reached no passing band", _none_reached),
    ),
)
"""A household's plaque as a declared workflow (流动挂牌): score cards and the ends of
re-evaluation periods move it, and the policy's rules are its guards."""

_BY_CARD = ("award", "reaward", "revoke_on_veto", "revoke_on_failures", "warn")
_AT_PERIOD_END = ("upgrade", "downgrade", "revoke_on_review")
_CHANGES: Final = {
    "award": PlaqueChange.AWARDED,
    "reaward": PlaqueChange.REAWARDED,
    "revoke_on_veto": PlaqueChange.REVOKED,
    "revoke_on_failures": PlaqueChange.REVOKED,
    "warn": PlaqueChange.WARNED,
    "upgrade": PlaqueChange.UPGRADED,
    "downgrade": PlaqueChange.DOWNGRADED,
    "revoke_on_review": PlaqueChange.REVOKED,
}
_POLICY = Actor("plaque-policy", "流动挂牌办法", Role.STAFF, "policy")


def _kinds_text(kinds: frozenset[InspectionKind]) -> str:
    return "、".join(kind.label for kind in sorted(kinds, key=lambda kind: kind.ordinal))


def plaque_history(cards: Iterable[ScoreCard], policy: PlaquePolicy, *, until: dt.date | None = None) -> PlaqueHistory:
    """Fold one household's cards, in date order, through :data:`PLAQUE_WORKFLOW` into its
    plaque history.

    Each card, and the end of each ``policy.reevaluate`` period that ends before the next card
    (and, when *until* is given, before *until*), makes the first move of the workflow whose
    guards pass, or none. Cards of another household, or out of date order, are refused.
    """
    cards = check_items(cards, ScoreCard, "cards", "a list of score cards")  # type: ignore[assignment]
    check_type(policy, PlaquePolicy, "policy")
    if until is not None:
        check_day(until, "until")
    ordered = tuple(cards)
    if not isinstance(policy, PlaquePolicy):
        raise ValidationError.single("policy", "a PlaquePolicy", policy)
    if not ordered:
        raise ValidationError.single("cards", "at least one score card", [])
    faults = Faults()
    for index, card in enumerate(ordered):
        faults.check(isinstance(card, ScoreCard), f"cards[{index}]", "a ScoreCard", card)
    faults.raise_if_any()
    household = ordered[0].household.id
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

    @property
    def state(self) -> str:
        return _HELD if self.band is not None else _NONE

    def move(self, commands: tuple[str, ...], check: PlaqueCheck, day: dt.date) -> str | None:
        moment = dt.datetime.combine(day, dt.time(), _CST)
        found = first_allowed(
            PLAQUE_WORKFLOW,
            commands,
            self.state,
            subject=check.card.household.id,
            actor=_POLICY,
            at=moment,
            reason="",
            payload=None,
            last_at=None,
            context=check,
        )
        return found.command if found is not None else None

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
        horizon = day - dt.timedelta(days=policy.window_days)
        failures = (*(failed for failed in self.failures if failed > horizon), day)
        check = PlaqueCheck(policy, card, self.band, failures, self.held_before)
        command = self.move(_BY_CARD, check, day)
        if command is None:
            return
        change, held, reached = _CHANGES[command], self.band, check.reached
        if command in ("award", "reaward"):
            assert reached is not None  # noqa: S101 - the award_card guard passed
            self.record(
                change, day, reached, card.inspection, f"{card.kind.label}达到{reached.label}（{card.total}分）"
            )
        elif command == "revoke_on_veto":
            self.record(change, day, None, card.inspection, "；".join(card.evaluation.reasons) or "一票否决")
        else:
            assert held is not None  # noqa: S101 - the failing guard passed
            self.failures = list(failures)
            if command == "revoke_on_failures":
                reason = f"{policy.window_days}天内{len(failures)}次检查未达{held.label}标准"
                self.record(change, day, None, card.inspection, reason)
            else:
                reason = f"{card.kind.label}仅达{card.band.label}（{card.total}分），低于{held.label}"
                self.events.append(PlaqueEvent(change, day, held, held, card.inspection, reason))

    def reevaluate_until(self, day: dt.date) -> None:
        period = self.pending_period
        card = self.last_award_card
        if period is None or card is None or period.end >= day:
            return
        self.pending_period = None
        check = PlaqueCheck(self.policy, card, self.band, tuple(self.failures), self.held_before, period)
        command = self.move(_AT_PERIOD_END, check, period.end)
        if command is None:
            return
        reason = f"{period.label}评选：以{card.kind.label}结果{_name(check.reached)}为准"
        self.record(_CHANGES[command], period.end, check.reached, card.inspection, reason)
