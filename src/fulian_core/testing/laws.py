"""The laws fulian_core's values obey, as assertions a downstream suite can reuse (定律).

Each function raises ``AssertionError`` with a message when the law fails.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import TypeVar

import attrs

from fulian_core.calendars import WorkingDayCalendar
from fulian_core.courtyard import (
    Inspection,
    ItemMode,
    Observation,
    PrerequisiteKind,
    Rubric,
    RubricItem,
    ScoreCard,
    ScoringPlan,
    Tier,
)
from fulian_core.nominations import Campaign, CampaignState, Event, replay
from fulian_core.periods import Period, PeriodKind
from fulian_core.quantities import Quantity
from fulian_core.serialization import structure, unstructure
from fulian_core.shares import percentage_shares

__all__ = [
    "assert_addition_associative",
    "assert_addition_commutative",
    "assert_card_laws",
    "assert_log_replays",
    "assert_round_trip",
    "assert_rubric_laws",
    "assert_shares_exact",
    "assert_subdivision_tiles",
    "assert_working_days_consistent",
]

_T = TypeVar("_T")


def _fail(message: str) -> None:
    raise AssertionError(message)


def assert_round_trip(value: _T, cls: type[_T]) -> None:
    """Plain data and back gives an equal value and the same plain data."""
    data = unstructure(value)
    again = structure(data, cls)
    if again != value:
        _fail(f"round trip changed the value: {value!r} became {again!r}")
    if unstructure(again) != data:
        _fail(f"round trip changed the plain data of {value!r}")


def assert_log_replays(campaign: Campaign, log: Sequence[Event], state: CampaignState) -> None:
    """A campaign's log is its audit trail: numbered 1, 2, 3 …, it replays to the live state,
    and it survives plain data unchanged (and still replays)."""
    numbers = [event.seq for event in log]
    if numbers != list(range(1, len(log) + 1)):
        _fail(f"the log is not numbered 1..{len(log)}: {numbers[:10]}")
    if replay(campaign, log) != state:
        _fail("replaying the log does not give the live state")
    again = structure(unstructure(list(log)), list[Event])
    if again != list(log):
        _fail("the log changed on its way through plain data")
    if replay(campaign, again) != state:
        _fail("the log read back from plain data does not replay to the live state")


def assert_addition_associative(first: Quantity, second: Quantity, third: Quantity) -> None:
    """(a + b) + c == a + (b + c), value, qualifier and bounds alike."""
    left = (first + second) + third
    right = first + (second + third)
    if left != right:
        _fail(f"({first} + {second}) + {third} = {left!r} but {first} + ({second} + {third}) = {right!r}")


def assert_addition_commutative(first: Quantity, second: Quantity) -> None:
    """a + b == b + a."""
    if first + second != second + first:
        _fail(f"{first} + {second} differs from {second} + {first}")


def assert_shares_exact(counts: Sequence[int], *, places: int = 2) -> None:
    """Shares add up to exactly 100 and each lies within one unit of the last place of its exact value."""
    shares = percentage_shares(counts, places=places)
    if sum(shares) != 100:
        _fail(f"shares of {list(counts)} add up to {sum(shares)}, not 100")
    step = Decimal(1).scaleb(-places)
    total = sum(counts)
    for count, share in zip(counts, shares, strict=True):
        exact = Decimal(count) * 100 / Decimal(total)
        if abs(share - exact) >= step:
            _fail(f"share {share} of {count}/{total} is not within {step} of {exact}")


def assert_subdivision_tiles(period: Period, kind: PeriodKind) -> None:
    """The subdivisions of a period cover it day for day, without gap or overlap, in order."""
    parts = period.subdivide(kind)
    if not parts or parts[0].start != period.start or parts[-1].end != period.end:
        _fail(f"{period.code} split into {kind.code} does not start and end with it")
    for before, after in itertools.pairwise(parts):
        if after.start != before.end + dt.timedelta(days=1):
            _fail(f"gap or overlap between {before.code} and {after.code}")
    if sum(part.days for part in parts) != period.days:
        _fail(f"the parts of {period.code} do not add up to its {period.days} days")


def assert_working_days_consistent(calendar: WorkingDayCalendar, day: dt.date, count: int) -> None:
    """Adding *count* working days lands on a working day *count* working days away.

    Forwards, ``count_working_days(day, landed) == count``; backwards, the working days from
    ``landed`` up to the day before *day* number ``-count``.
    """
    landed = calendar.add_working_days(day, count)
    if count == 0:
        if landed != day:
            _fail(f"adding 0 working days to {day} moved it to {landed}")
        return
    if not calendar.is_working_day(landed):
        _fail(f"{day} + {count} working days landed on a day off, {landed}")
    if count > 0:
        counted = calendar.count_working_days(day, landed)
    else:
        span = Period.between(landed, day - dt.timedelta(days=1))
        counted = -sum(1 for current in span.dates() if calendar.is_working_day(current))
    if counted != count:
        _fail(f"{day} + {count} working days = {landed}, but counting finds {counted}")


def _with(inspection: Inspection, code: str, observation: Observation) -> Inspection:
    return attrs.evolve(inspection, observations={**inspection.observations, code: observation})


def _prerequisite_targets(rubric: Rubric) -> tuple[set[str], set[str]]:
    items: set[str] = set()
    dimensions: set[str] = set()
    for rule in rubric.tiers:
        for prerequisite in rule.prerequisites:
            (items if prerequisite.kind is PrerequisiteKind.ITEM_MET else dimensions).add(prerequisite.target)
    return items, dimensions


def assert_card_laws(rubric: Rubric | ScoringPlan, inspection: Inspection) -> None:
    """The laws of one inspection's card: the score stays within [0, maximum]; scoring twice
    gives the same card; one more defect never raises the score; a better grade never lowers
    it; a veto always means no tier; a better item outside every tier prerequisite never lowers
    the tier."""
    plan = rubric if isinstance(rubric, ScoringPlan) else ScoringPlan(rubric)
    card = plan.score(inspection)
    if not 0 <= card.total <= card.maximum:
        _fail(f"{inspection.id}: total {card.total} outside [0, {card.maximum}]")
    if plan.score(inspection) != card:
        _fail(f"{inspection.id}: scoring twice gave different cards")
    if card.veto_hits and card.tier is not Tier.NONE:
        _fail(f"{inspection.id}: veto {card.veto_hits} but tier {card.tier.code}")
    targets = _prerequisite_targets(plan.rubric)
    for item in plan.rubric.items:
        observation = inspection.observations.get(item.code)
        if observation is not None and not observation.not_applicable:
            _item_laws(plan, inspection, card=card, item=item, observation=observation, targets=targets)


def _item_laws(
    plan: ScoringPlan,
    inspection: Inspection,
    *,
    card: ScoreCard,
    item: RubricItem,
    observation: Observation,
    targets: tuple[set[str], set[str]],
) -> None:
    better: Inspection | None = None
    if item.mode is ItemMode.DEDUCTION and observation.defects is not None:
        worse = plan.score(_with(inspection, item.code, Observation.found(observation.defects + 1)))
        if worse.total > card.total:
            _fail(f"{inspection.id}: one more defect on {item.code} raised the score")
        if observation.defects:
            better = _with(inspection, item.code, Observation.found(observation.defects - 1))
    elif item.mode is ItemMode.GRADED and observation.level is not None:
        current = item.level(observation.level)
        higher = [level for level in item.levels if current is not None and level.points > current.points]
        if higher:
            better = _with(inspection, item.code, Observation.graded(higher[0].name))
    elif item.mode is ItemMode.VETO and not observation.hit:
        hit = plan.score(_with(inspection, item.code, Observation.vetoed(True)))
        if hit.tier is not Tier.NONE:
            _fail(f"{inspection.id}: veto {item.code} hit but tier {hit.tier.code}")
    if better is None:
        return
    improved = plan.score(better)
    if improved.total < card.total:
        _fail(f"{inspection.id}: a better {item.code} lowered the score")
    outside = item.code not in targets[0] and item.dimension not in targets[1]
    if outside and improved.tier.rank < card.tier.rank:
        _fail(f"{inspection.id}: a better {item.code} lowered the tier from {card.tier.code} to {improved.tier.code}")


def assert_rubric_laws(rubric: Rubric, *, max_examples: int = 200) -> None:
    """Check a rubric against every card law over generated inspections, in one call.

    Use it in a county's own test suite (outside any ``@given`` test)::

        def test_our_rubric():
            assert_rubric_laws(OUR_RUBRIC)
    """
    from hypothesis import HealthCheck, given, settings  # noqa: PLC0415 - only when checking

    from fulian_core.testing._courtyard import inspections  # noqa: PLC0415

    plan = ScoringPlan(rubric)

    @settings(max_examples=max_examples, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(inspections(rubric=rubric))
    def check(inspection: Inspection) -> None:
        assert_card_laws(plan, inspection)

    check()
