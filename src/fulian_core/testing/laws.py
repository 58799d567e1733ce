"""The laws fulian_core's values obey, as assertions a downstream suite can reuse (定律).

Each function raises ``AssertionError`` with a message when the law fails.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from fulian_core.calendars import WorkingDayCalendar
from fulian_core.nominations import Campaign, CampaignState, Event, replay
from fulian_core.periods import Period, PeriodKind
from fulian_core.quantities import Quantity
from fulian_core.rules import (
    Boundary,
    Evaluation,
    Fact,
    FactKind,
    Item,
    ItemKind,
    OverrideEffect,
    PrerequisiteKind,
    RuleSheet,
    SheetPlan,
    Subject,
    SubjectKind,
    Threshold,
    compile_sheet,
)
from fulian_core.serialization import structure, unstructure
from fulian_core.shares import percentage_shares

__all__ = [
    "assert_addition_associative",
    "assert_addition_commutative",
    "assert_evaluation_laws",
    "assert_log_replays",
    "assert_round_trip",
    "assert_shares_exact",
    "assert_sheet_laws",
    "assert_subdivision_tiles",
    "assert_working_days_consistent",
    "sheet_problems",
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


# -- rule sheets --------------------------------------------------------------------------


def _plan(sheet: RuleSheet | SheetPlan) -> SheetPlan:
    return sheet if isinstance(sheet, SheetPlan) else compile_sheet(sheet)


def _subject(sheet: RuleSheet) -> Subject:
    return Subject("law-subject", kind=min(sheet.subjects, key=lambda kind: kind.ordinal))


def assert_evaluation_laws(
    sheet: RuleSheet | SheetPlan, facts: Mapping[str, Fact], *, on: dt.date, subject: Subject | None = None
) -> None:
    """The laws of one evaluation (评定定律): the total stays within 0 and the maximum plus the
    bonus ceiling, and never above what the unknowns still allow; the certain band is never
    better than the best still possible; evaluating twice gives the same result, and the short
    answer (:meth:`~fulian_core.rules.SheetPlan.standing`) agrees; one more occurrence of a
    deducted fault never raises the total or the band, one more of an earning item (每次加1分)
    never lowers them; a better rating never lowers the total;
    a veto that fires leaves the lowest band; settling an unknown at its best never lowers the
    band, at its worst never raises it."""
    plan = _plan(sheet)
    who = subject if subject is not None else _subject(plan.sheet)
    result = plan.evaluate(facts, on=on, subject=who)
    where = f"{plan.sheet.ref} on {on}"
    if not 0 <= result.total <= result.best_total <= result.ceiling:
        _fail(f"{where}: total {result.total} (best {result.best_total}) outside [0, {result.ceiling}]")
    if result.band.rank > result.best_band.rank:
        _fail(f"{where}: certain band {result.band.code} above the best possible {result.best_band.code}")
    if plan.evaluate(facts, on=on, subject=who) != result:
        _fail(f"{where}: evaluating twice gave different results")
    quick = plan.standing(facts, on=on, kind=who.kind)
    if (quick.total, quick.best_total, quick.band, quick.best_band) != (
        result.total,
        result.best_total,
        result.band,
        result.best_band,
    ):
        _fail(f"{where}: the short answer {quick} differs from the evaluation")
    for item in plan.sheet.items:
        _item_laws(plan, facts, item=item, on=on, subject=who, result=result)


def _item_laws(
    plan: SheetPlan, facts: Mapping[str, Fact], *, item: Item, on: dt.date, subject: Subject, result: Evaluation
) -> None:
    from fulian_core.testing._rules import extreme_fact  # noqa: PLC0415 - testing helpers, imported when checking

    fact = facts.get(item.code)
    where = f"{plan.sheet.ref} on {on}, {item.code}"

    def again(changed: Fact) -> Evaluation:
        return plan.evaluate({**facts, item.code: changed}, on=on, subject=subject)

    if not item.applies(subject.kind):
        return
    if fact is not None and fact.kind is FactKind.FOUND and fact.count is not None:
        more = again(Fact.found(fact.count + 1))
        higher = more.total > result.total or more.band.rank > result.band.rank
        lower = more.total < result.total or more.band.rank < result.band.rank
        if higher if item.kind is ItemKind.DEDUCTION else lower:
            what = "problem found raised" if item.kind is ItemKind.DEDUCTION else "occurrence earned lowered"
            _fail(f"{where}: one more {what} the total or the band")
    if fact is not None and fact.kind is FactKind.RATED:
        current = item.rating(fact.rating)
        for rating in item.ratings:
            if (
                current is not None
                and rating.points > current.points
                and again(Fact.rated(rating.name)).total < result.total
            ):
                _fail(f"{where}: the better rating {rating.name} lowered the total")
    if item.kind is ItemKind.OVERRIDE and item.effect is OverrideEffect.SET and not item.target:
        fired = again(Fact.met())
        if fired.band.rank != 0:
            _fail(f"{where}: the veto fired but the band is {fired.band.code}, not the lowest")
    settable = item.kind is ItemKind.OVERRIDE and item.target  # may raise or lower the band
    if (fact is None or fact.kind is FactKind.UNKNOWN) and not settable:
        best, worst = again(extreme_fact(item, best=True)), again(extreme_fact(item, best=False))
        if best.band.rank < result.band.rank:
            _fail(f"{where}: settling the unknown at its best lowered the band")
        if worst.best_band.rank > result.best_band.rank:
            _fail(f"{where}: settling the unknown at its worst raised the best band still possible")


def sheet_problems(
    sheet: RuleSheet, *, parent: RuleSheet | None = None, unstated: bool = False, unpublished: bool = False
) -> list[str]:
    """What is wrong with *sheet* as a rule, one sentence each (empty when nothing is): bands
    no subject can reach; bands reachable only with bonus points; limits whose boundary is not
    stated (unless *unstated*) or that are not published (unless *unpublished*); overrides
    that cannot change any result; and, given the *parent* the sheet adapts, the parent's
    overrides (一票否决) it dropped."""
    plan = compile_sheet(sheet)
    problems = _band_problems(plan) + _limit_problems(sheet, unstated=unstated, unpublished=unpublished)
    problems += _override_problems(plan)
    if parent is not None:
        kept = set(sheet.codes)
        problems += [
            f"override {item.code} ({item.title}) of {parent.ref} was dropped"
            for item in _overrides(parent)
            if item.code not in kept
        ]
    return problems


def _best_band(plan: SheetPlan, facts: Mapping[str, Fact]) -> int:
    sheet = plan.sheet
    kind = min(sheet.subjects, key=lambda found: found.ordinal)
    return plan.standing(facts, on=sheet.effective_from, kind=kind).best_band.rank


def _band_problems(plan: SheetPlan) -> list[str]:
    from fulian_core.testing._rules import best_facts  # noqa: PLC0415 - testing helpers, imported when checking

    sheet = plan.sheet
    on = sheet.effective_from
    kind = min(sheet.subjects, key=lambda found: found.ordinal)
    best = best_facts(sheet)
    top = plan.standing(best, on=on, kind=kind)
    seen = _swept(plan, sheet, best, on=on, kind=kind)
    raised = {item.target for item in _overrides(sheet) if item.effect is OverrideEffect.SET}
    ranks = {band.code: len(sheet.bands) - 1 - index for index, band in enumerate(sheet.bands)}
    problems: list[str] = []
    for band in sheet.bands:
        rank = ranks[band.code]
        if rank in seen or band.code in raised:
            continue
        if rank > top.best_band.rank:
            problems.append(
                f"band {band.code} ({band.label}) cannot be reached: the best possible total is "
                f"{top.best_total} and reaches {top.best_band.label}"
            )
        else:
            problems.append(f"band {band.code} ({band.label}) is never reached by any total")
    plain = _best_band(plan, best | {item.code: Fact.not_met() for item in sheet.of_kind(ItemKind.BONUS)})
    problems += [
        f"band {band.code} ({band.label}) is reachable only with bonus points"
        for band in sheet.bands
        if plain < ranks[band.code] <= top.best_band.rank
    ]
    return problems


def _limit_problems(sheet: RuleSheet, *, unstated: bool, unpublished: bool) -> list[str]:
    problems: list[str] = []
    for where, limit in _limits(sheet):
        if limit.value is None and not unpublished:
            problems.append(f"{where}: the limit is not published, so every result on it is undecided")
        elif limit.value is not None and limit.boundary is Boundary.UNSTATED and not unstated:
            number = str(limit).removesuffix(limit.side.label)
            problems.append(f"{where}: '{limit}' does not say whether {number} itself counts")
    return problems


def _override_problems(plan: SheetPlan) -> list[str]:
    from fulian_core.testing._rules import best_facts, worst_facts  # noqa: PLC0415

    sheet = plan.sheet
    problems: list[str] = []
    for item in _overrides(sheet):
        if not any(item.applies(subject) for subject in sheet.subjects):
            problems.append(f"override {item.code} ({item.title}) applies to no subject the sheet judges")
            continue
        changes = any(
            _best_band(plan, {**facts, item.code: Fact.met()}) != _best_band(plan, {**facts, item.code: Fact.not_met()})
            for facts in (best_facts(sheet), worst_facts(sheet))
        )
        if not changes:
            problems.append(f"override {item.code} ({item.title}) cannot change any result")
    return problems


def _overrides(sheet: RuleSheet) -> list[Item]:
    return [item for item in sheet.items if item.kind is ItemKind.OVERRIDE]


def _limits(sheet: RuleSheet) -> list[tuple[str, Threshold]]:
    found: list[tuple[str, Threshold]] = []
    for index, band in enumerate(sheet.bands):
        if band.minimum is not None:
            found.append((f"bands[{index}] {band.code}", band.minimum))
        for number, prerequisite in enumerate(band.requires):
            if prerequisite.minimum is not None:
                found.append((f"bands[{index}].requires[{number}]", prerequisite.minimum))
    for index, item in enumerate(sheet.items):
        if item.condition is not None:
            for number, threshold in enumerate(item.condition.thresholds):
                found.append((f"items[{index}] {item.code}.condition.thresholds[{number}]", threshold))
    return found


def _swept(plan: SheetPlan, sheet: RuleSheet, best: Mapping[str, Fact], *, on: dt.date, kind: SubjectKind) -> set[int]:
    """The bands seen while lowering the best facts a point or an occurrence at a time,
    items that bands require last."""
    required = {p.target for band in sheet.bands for p in band.requires if p.kind is PrerequisiteKind.ITEM_MET}
    order = sorted(sheet.items, key=lambda item: item.code in required)
    facts = dict(best)
    found = plan.standing(facts, on=on, kind=kind)
    seen = {found.band.rank, found.best_band.rank}
    for item in order:
        for step in _steps_down(item):
            facts[item.code] = step
            found = plan.standing(facts, on=on, kind=kind)
            seen.update((found.band.rank, found.best_band.rank))
    return seen


def _steps_down(item: Item) -> list[Fact]:
    if item.kind is ItemKind.DEDUCTION:
        most = item.max_deduction if item.max_deduction is not None else item.points or Decimal(100)
        return [Fact.found(count) for count in range(1, math.ceil(most / item.per_occurrence) + 1)]
    if item.kind in (ItemKind.SCORED, ItemKind.BONUS):
        return [Fact.scored(points) for points in range(int(item.points) - 1, -1, -1)] + [Fact.not_met()]
    if item.kind is ItemKind.OVERRIDE:
        return []
    return [Fact.not_met()]


def assert_sheet_laws(
    sheet: RuleSheet,
    *,
    parent: RuleSheet | None = None,
    unstated: bool = False,
    unpublished: bool = False,
    settings: Any = None,
) -> None:
    """Check a rule sheet in one call: first as a rule (:func:`sheet_problems`: unreachable
    bands, bands only bonus points reach, unstated or unpublished limits, overrides that
    cannot fire, the parent's vetoes dropped), then every evaluation law over generated facts
    and dates. Hypothesis runs with the suite's settings (the active profile), or *settings*.

    Use it in a county's own test suite (outside any ``@given`` test)::

        def test_our_rubric():
            assert_sheet_laws(OUR_RUBRIC)
    """
    from hypothesis import HealthCheck, given  # noqa: PLC0415 - only when checking
    from hypothesis import settings as hypothesis_settings  # noqa: PLC0415
    from hypothesis import strategies as st  # noqa: PLC0415

    from fulian_core.testing._rules import evaluation_days, fact_sets  # noqa: PLC0415

    problems = sheet_problems(sheet, parent=parent, unstated=unstated, unpublished=unpublished)
    if problems:
        _fail(f"{sheet.ref} is not a sound rule:\n" + "\n".join(f"- {problem}" for problem in problems))
    plan = compile_sheet(sheet)
    chosen = settings if settings is not None else hypothesis_settings()
    chosen = hypothesis_settings(chosen, database=None, suppress_health_check=[HealthCheck.too_slow])

    @chosen
    @given(evaluation_days(sheet).flatmap(lambda day: st.tuples(st.just(day), fact_sets(sheet=sheet, on=day))))
    def check(case: tuple[dt.date, dict[str, Fact]]) -> None:
        day, facts = case
        assert_evaluation_laws(plan, facts, on=day)

    check()
