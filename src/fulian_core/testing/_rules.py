"""Strategies for :mod:`fulian_core.rules`: rule sheets of every published shape, the facts
they read, and the best and the worst facts a sheet can be given."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from fulian_core.quantities import Quantity, Unit
from fulian_core.rules import (
    Band,
    Boundary,
    Condition,
    DurationUnit,
    Fact,
    Group,
    Item,
    ItemKind,
    Measure,
    MissingPolicy,
    NotApplicablePolicy,
    OverrideEffect,
    Prerequisite,
    PrerequisiteKind,
    Rating,
    RuleSheet,
    Side,
    Subject,
    SubjectKind,
    Threshold,
)
from fulian_core.testing._strategies import chinese_names

__all__ = [
    "best_facts",
    "evaluation_days",
    "extreme_fact",
    "fact_sets",
    "facts_for",
    "rule_items",
    "rule_sheets",
    "subjects",
    "thresholds",
    "worst_facts",
]

_TITLES = [
    "尊老爱幼",
    "家庭和谐",
    "庭院物品摆放杂乱",
    "厨房墙壁油污",
    "门窗灰尘",
    "庭院绿化",
    "私搭乱建",
    "违法犯罪",
    "特色庭院",
    "女性职工占比",
    "经营面积",
    "从业年限",
]
_SCALES = [("优", "良", "中", "差"), ("好", "较好", "一般", "差"), ("达标", "不达标")]
_GROUPS = [("clean", "洁化"), ("orderly", "序化"), ("beautified", "美化"), ("green", "绿化"), ("kitchen", "厨房")]
_BANDS = [
    (("boutique", "精品户"), ("demonstration", "示范户"), ("clean", "清洁户"), ("none", "未达标")),
    (("excellent", "优秀"), ("good", "合格"), ("basic", "基本合格"), ("fail", "不合格")),
    (("A", "A级"), ("B", "B级"), ("C", "C级"), ("D", "D级")),
    (("five", "五星"), ("four", "四星"), ("three", "三星"), ("unrated", "未评星")),
]
_START = dt.date(2024, 1, 1)


def thresholds(
    *,
    side: Side = Side.ABOVE,
    values: st.SearchStrategy[int] | None = None,
    unstated: bool = True,
    unpublished: bool = False,
) -> st.SearchStrategy[Threshold]:
    """Thresholds on *side*, every boundary a rule may state (and, with *unstated*, none;
    with *unpublished*, limits not published)."""
    boundaries = list(Boundary) if unstated else [Boundary.INCLUSIVE, Boundary.EXCLUSIVE]
    numbers = values if values is not None else st.integers(0, 100)
    stated = st.builds(lambda value, boundary: Threshold(side, value, boundary), numbers, st.sampled_from(boundaries))
    return stated | st.just(Threshold.unpublished(side)) if unpublished else stated


@st.composite
def _conditions(draw: st.DrawFn, *, unstated: bool) -> Condition:
    measure = draw(st.sampled_from(list(Measure)))
    if measure is Measure.RATIO:
        value = draw(st.sampled_from(["1/2", "2/3", "60%", "3/4"]))
        boundary = draw(st.sampled_from(list(Boundary) if unstated else [Boundary.INCLUSIVE, Boundary.EXCLUSIVE]))
        return Condition(measure, [Threshold(Side.ABOVE, value, boundary)])
    if measure is Measure.ELAPSED:
        found = draw(thresholds(side=draw(st.sampled_from(list(Side))), values=st.integers(1, 5), unstated=unstated))
        return Condition(measure, [found], duration=draw(st.sampled_from(list(DurationUnit))))
    found = draw(thresholds(side=draw(st.sampled_from(list(Side))), values=st.integers(0, 80), unstated=unstated))
    if measure is Measure.QUANTITY:
        return Condition(measure, [found], unit=draw(st.sampled_from([Unit.MU, Unit.PERSON, Unit.MINUTE])))
    return Condition(measure, [found])


@st.composite
def rule_items(
    draw: st.DrawFn,
    *,
    code: str,
    groups: st.SearchStrategy[str],
    kinds: st.SearchStrategy[ItemKind] | None = None,
    targets: st.SearchStrategy[str] | None = None,
    conditions: bool = True,
    unstated: bool = True,
) -> Item:
    """Valid items of every kind: graded, weighted and counted (每次加1分) scored items,
    deductions from their own points or from a pool, bonus items, requirements, conditions
    and overrides, some measured."""
    kind = draw(kinds if kinds is not None else st.sampled_from(list(ItemKind)))
    group = draw(groups)
    title = draw(st.sampled_from(_TITLES))
    condition = (
        draw(st.none() | _conditions(unstated=unstated)) if conditions and kind is not ItemKind.DEDUCTION else None
    )
    if kind in (ItemKind.REQUIREMENT, ItemKind.CONDITION):
        return Item(code, title, kind, group, condition=condition)
    if kind is ItemKind.OVERRIDE:
        target = draw(targets) if targets is not None else ""
        effect = draw(st.sampled_from(list(OverrideEffect)))
        return Item(code, title, kind, group, condition=condition, target=target, effect=effect)
    points = draw(st.integers(1, 20))
    if kind is ItemKind.DEDUCTION:
        per = draw(st.integers(1, points))
        cap = draw(st.none() | st.integers(1, points))
        return Item(code, title, kind, group, points=points, per_occurrence=per, max_deduction=cap)
    weight = Decimal(draw(st.sampled_from(["1", "1", "1", "0.5", "2"])))
    if condition is None and draw(st.integers(0, 4)) == 0:  # 每次加1分，最高5分
        per = draw(st.integers(1, points))
        return Item(code, title, kind, group, points=points, per_occurrence=per)
    ratings: tuple[Rating, ...] = ()
    if condition is None and draw(st.booleans()):
        names = draw(st.sampled_from(_SCALES))
        values = sorted(draw(st.lists(st.integers(0, points), min_size=len(names), max_size=len(names))), reverse=True)
        ratings = tuple(Rating(name, value) for name, value in zip(names, values, strict=True))
    return Item(code, title, kind, group, points=points, weight=weight, ratings=ratings, condition=condition)


@st.composite
def rule_sheets(  # noqa: PLR0912, PLR0915 - every published shape is a switch
    draw: st.DrawFn,
    *,
    max_items: int = 10,
    kinds: st.SearchStrategy[ItemKind] | None = None,
    missing: st.SearchStrategy[MissingPolicy] | None = None,
    not_applicable: st.SearchStrategy[NotApplicablePolicy] | None = None,
    subjects: st.SearchStrategy[SubjectKind] | None = None,
    conditions: bool = True,
    unstated: bool = True,
    unpublished: bool = False,
    pools: bool = True,
) -> RuleSheet:
    """Valid rule sheets of the shapes counties publish: nested groups, pools that deductions
    draw on (扣完为止), named bands best first with stated, unstated or (with *unpublished*)
    unpublished limits and prerequisites, overrides that set or cap a band, measured
    conditions, bonus caps, the three missing-fact policies, and proportional scaling."""
    band_names = draw(st.sampled_from(_BANDS))
    band_count = draw(st.integers(1, len(band_names) - 1))
    names = band_names[-band_count - 1 :]
    band_codes = [code for code, _ in names]
    group_count = draw(st.integers(0, len(_GROUPS)))
    groups: list[Group] = []
    for code, title in _GROUPS[:group_count]:
        parent = draw(st.sampled_from(["", *(g.code for g in groups)])) if groups else ""
        groups.append(Group(code, title, parent))
    group_codes = st.sampled_from(["", *(g.code for g in groups)])
    kind = SubjectKind.HOUSEHOLD if draw(st.booleans()) else SubjectKind.FAMILY
    if subjects is not None:
        kind = draw(subjects)
    first = draw(
        rule_items(
            code="i0",
            groups=group_codes,
            kinds=st.sampled_from([ItemKind.SCORED, ItemKind.DEDUCTION]),
            conditions=conditions,
            unstated=unstated,
        )
    )
    items = [first]
    for number in range(1, draw(st.integers(1, max_items))):
        item = draw(
            rule_items(
                code=f"i{number}",
                groups=group_codes,
                kinds=kinds,
                targets=st.sampled_from(["", *band_codes]),
                conditions=conditions,
                unstated=unstated,
            )
        )
        if item.kind is ItemKind.SCORED and draw(st.integers(0, 5)) == 0:
            item = Item(item.code, item.title, item.kind, item.group, points=item.points, applies_to=frozenset({kind}))
        items.append(item)
    declared: dict[str, Decimal] = {}
    if pools:
        for group in groups:
            if draw(st.integers(0, 3)) == 0:
                extra = Decimal(draw(st.integers(1, 10)))
                items.append(
                    Item(
                        f"p{group.code}",
                        "其他问题",
                        ItemKind.DEDUCTION,
                        group.code,
                        per_occurrence=draw(st.integers(1, 5)),
                    )
                )
                declared[group.code] = extra
    for index in reversed(range(len(groups))):  # children follow their parents: declare them first
        groups[index] = _declare(groups[index], items, groups, declared)
    sheet_points = _natural(items, groups, "")
    has_bonus = any(item.kind is ItemKind.BONUS for item in items)
    bonus_cap = Decimal(draw(st.integers(1, 10))) if has_bonus and draw(st.booleans()) else None
    bonus_room = sum((item.maximum for item in items if item.kind is ItemKind.BONUS), Decimal(0))
    ceiling = sheet_points + (bonus_room if bonus_cap is None else min(bonus_cap, bonus_room))
    scored = min(band_count, int(ceiling) + 1)
    values = sorted(draw(st.lists(st.integers(0, int(ceiling)), min_size=scored, max_size=scored, unique=True)))[::-1]
    values += [0] * (band_count - scored)
    conditions_needed = [item.code for item in items if item.kind is ItemKind.CONDITION]
    as_shares = sheet_points > 0 and draw(st.booleans())  # 得分率85%以上 rather than 85分以上
    bands: list[Band] = []
    for index, ((code, label), value) in enumerate(zip(names[:-1], values, strict=False)):
        requires: list[Prerequisite] = []
        if draw(st.integers(0, 3)) == 0:
            requires.append(draw(_prerequisites(items, groups, unstated=unstated)))
        if index == 0:
            requires.extend(Prerequisite(PrerequisiteKind.ITEM_MET, target) for target in conditions_needed)
        boundary = draw(st.sampled_from(list(Boundary) if unstated else [Boundary.INCLUSIVE, Boundary.EXCLUSIVE]))
        minimum: Threshold | None = None
        if index < scored:
            share = Fraction(value) / Fraction(sheet_points)
            minimum = (
                Threshold(Side.ABOVE, share, boundary, share=True)
                if as_shares
                else Threshold(Side.ABOVE, value, boundary)
            )
        if minimum is None and not requires:
            requires.append(Prerequisite(PrerequisiteKind.ITEM_MET, items[0].code))
        if unpublished and draw(st.integers(0, 4)) == 0:
            minimum = Threshold.unpublished()
        passing = index < band_count - 1 or draw(st.booleans())
        bands.append(Band(code, label, minimum, tuple(requires), passing))
    floor_code, floor_label = names[-1]
    gates = any(
        item.kind is ItemKind.REQUIREMENT or (item.kind is ItemKind.OVERRIDE and not item.target) for item in items
    )
    floor_passes = not gates and all(band.passing for band in bands) and draw(st.booleans())
    bands.append(Band(floor_code, floor_label, passing=floor_passes))
    start = draw(st.dates(_START, dt.date(2026, 12, 31)))
    return RuleSheet(
        issuer=draw(st.sampled_from(["CN", "37", "371082", "371082103"])),
        code="generated",
        version=draw(st.from_regex(r"v[0-9]{1,3}", fullmatch=True)),
        title="生成的评定细则",
        effective_from=start,
        effective_until=draw(st.none() | st.just(start + dt.timedelta(days=365))),
        items=tuple(items),
        groups=tuple(groups),
        bands=tuple(bands),
        subjects=frozenset({kind}),
        maximum=sheet_points if draw(st.booleans()) and sheet_points > 0 else None,
        bonus_cap=bonus_cap,
        missing=draw(missing if missing is not None else st.sampled_from(list(MissingPolicy))),
        not_applicable=draw(
            not_applicable if not_applicable is not None else st.sampled_from(list(NotApplicablePolicy))
        ),
        source="generated",
    )


def _natural(items: list[Item], groups: list[Group], code: str) -> Decimal:
    total = sum((item.maximum for item in items if item.group == code and item.kind is not ItemKind.BONUS), Decimal(0))
    for group in groups:
        if group.parent == code:
            total += group.points if group.points is not None else _natural(items, groups, group.code)
    return total


def _declare(group: Group, items: list[Item], groups: list[Group], declared: Mapping[str, Decimal]) -> Group:
    extra = declared.get(group.code)
    if extra is None:
        return group
    return Group(group.code, group.title, group.parent, _natural(items, groups, group.code) + extra)


@st.composite
def _prerequisites(draw: st.DrawFn, items: list[Item], groups: list[Group], *, unstated: bool) -> Prerequisite:
    if not groups or draw(st.booleans()):
        return Prerequisite(PrerequisiteKind.ITEM_MET, draw(st.sampled_from([item.code for item in items])))
    group = draw(st.sampled_from([group.code for group in groups]))
    if draw(st.booleans()):
        return Prerequisite(PrerequisiteKind.FULL_MARKS, group)
    minimum = draw(thresholds(values=st.integers(0, 10), unstated=unstated))
    if draw(st.booleans()):  # 该项得分率不低于N%
        minimum = attrs.evolve(minimum, value=Fraction(minimum.value or 0, 10), share=True)
    return Prerequisite(PrerequisiteKind.GROUP_MINIMUM, group, minimum)


def subjects(*, kinds: st.SearchStrategy[SubjectKind] | None = None) -> st.SearchStrategy[Subject]:
    """Subjects with generated ids and Chinese names."""
    return st.builds(
        Subject,
        id=st.from_regex(r"[a-z]{1,3}-[0-9]{1,4}", fullmatch=True),
        name=chinese_names(),
        kind=kinds if kinds is not None else st.just(SubjectKind.FAMILY),
    )


def evaluation_days(sheet: RuleSheet) -> st.SearchStrategy[dt.date]:
    """Days on which *sheet* is in force (within its first three years when it has no end)."""
    end = sheet.effective_until or sheet.effective_from + dt.timedelta(days=3 * 365)
    return st.dates(sheet.effective_from, end)


_UNITS_OF_MEASURE = {Unit.MU: ("52", "50.5", "49"), Unit.PERSON: ("60", "67", "80"), Unit.MINUTE: ("1", "2", "3")}


def _measured(condition: Condition, on: dt.date) -> st.SearchStrategy[Fact]:
    measure = condition.measure
    if measure is Measure.QUANTITY:
        assert condition.unit is not None  # noqa: S101 - a quantity condition has its unit
        unit = condition.unit
        values = st.integers(0, 100).map(Decimal) if unit.is_count else st.decimals(0, 100, places=1).map(Decimal)
        qualified = st.sampled_from([Quantity.exact, Quantity.more_than, Quantity.nearly, Quantity.about])
        return st.builds(lambda make, value: Fact.measured(make(value, unit)), qualified, values)
    if measure is Measure.RATIO:
        unit = condition.unit or Unit.PERSON

        @st.composite
        def ratio(draw: st.DrawFn) -> Fact:
            whole = draw(st.integers(1, 200))
            part = draw(st.integers(0, whole))
            make = draw(st.sampled_from([Quantity.exact, Quantity.more_than]))
            return Fact.ratio(make(part, unit), Quantity.exact(whole, unit))

        return ratio()
    if measure is Measure.ELAPSED:
        return st.integers(0, 8 * 366).map(lambda days: Fact.dated(on - dt.timedelta(days=days)))
    return st.integers(0, 100).map(Fact.of_number)


def facts_for(
    item: Item, *, on: dt.date = _START, not_applicable: bool = True, unknown: bool = True
) -> st.SearchStrategy[Fact]:
    """Facts *item* reads: its statement met or not, a rating on its scale, points within its
    maximum, occurrences found, a measured value for its condition (judged on *on*), and, with
    the switches, not applicable and unknown."""
    options: list[st.SearchStrategy[Fact]] = []
    if not_applicable:
        options.append(st.just(Fact.not_applicable()))
    if unknown:
        options.append(st.just(Fact.unknown()))
    if item.kind is ItemKind.DEDUCTION:
        options.append(st.integers(0, 12).map(Fact.found))
        return st.one_of(options)
    options += [st.just(Fact.met()), st.just(Fact.not_met())]
    if item.ratings:
        options.append(st.sampled_from([Fact.rated(rating.name) for rating in item.ratings]))
    if item.per_occurrence:
        options.append(st.integers(0, 12).map(Fact.found))
    if item.kind in (ItemKind.SCORED, ItemKind.BONUS):
        options.append(st.integers(0, int(item.points)).map(Fact.scored))
        options.append(st.decimals(0, item.points, places=1).map(Fact.scored))
    if item.condition is not None:
        options.append(_measured(item.condition, on))
    return st.one_of(options)


@st.composite
def fact_sets(
    draw: st.DrawFn,
    *,
    sheet: RuleSheet,
    on: dt.date | None = None,
    missing: bool = True,
    not_applicable: bool = True,
    unknown: bool = True,
    overrides: bool = True,
) -> dict[str, Fact]:
    """Facts for *sheet* that it accepts: a fact for every item (some left out with
    *missing*, where the sheet allows it), not-applicable and unknown facts with those
    switches, and overrides that may fire (with *overrides*; otherwise they never do)."""
    day = on if on is not None else sheet.effective_from
    facts: dict[str, Fact] = {}
    for item in sheet.items:
        may_skip = sheet.missing is not MissingPolicy.ERROR or item.kind is ItemKind.BONUS
        if missing and may_skip and draw(st.integers(0, 4)) == 0:
            continue
        if item.kind is ItemKind.OVERRIDE and not overrides:
            facts[item.code] = Fact.not_met()
            continue
        facts[item.code] = draw(facts_for(item, on=day, not_applicable=not_applicable, unknown=unknown))
    return facts


def best_facts(sheet: RuleSheet) -> dict[str, Fact]:
    """The facts that give *sheet* its highest total and band: every item met in full, no
    occurrence found, every bonus earned, every requirement and condition met, no override."""
    return {item.code: extreme_fact(item, best=True) for item in sheet.items}


def worst_facts(sheet: RuleSheet) -> dict[str, Fact]:
    """The facts that give *sheet* its lowest total and band: nothing earned, occurrences
    enough to take every deduction in full, every requirement failed, every override fired."""
    return {item.code: extreme_fact(item, best=False) for item in sheet.items}


def extreme_fact(item: Item, *, best: bool) -> Fact:
    """The best (or the worst) fact for one item."""
    kind = item.kind
    if kind is ItemKind.DEDUCTION:
        if best:
            return Fact.found(0)
        most = item.max_deduction if item.max_deduction is not None else item.points or Decimal(1000)
        return Fact.found(math.ceil(most / item.per_occurrence))
    if kind is ItemKind.OVERRIDE:
        return Fact.not_met() if best else Fact.met()
    return Fact.met() if best else Fact.not_met()
