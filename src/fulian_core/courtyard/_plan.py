"""A rubric compiled once into a flat plan, so the scoring loop does no re-validation."""

from __future__ import annotations

from decimal import Decimal
from typing import Final, NamedTuple

from fulian_core.courtyard.rubric import ItemMode, PrerequisiteKind, Rubric, Tier

CHECKLIST: Final = 0
DEDUCTION: Final = 1
GRADED: Final = 2
BONUS: Final = 3
VETO: Final = 4
_MODES: Final = {
    ItemMode.CHECKLIST: CHECKLIST,
    ItemMode.DEDUCTION: DEDUCTION,
    ItemMode.GRADED: GRADED,
    ItemMode.BONUS: BONUS,
    ItemMode.VETO: VETO,
}


class PlanItem(NamedTuple):
    code: str
    title: str
    dimension: int
    mode: int
    points: Decimal
    per_defect: Decimal
    floor: Decimal  # the least the item can fall to (扣完为止)
    levels: dict[str, Decimal]
    level_names: str


class PlanTier(NamedTuple):
    tier: Tier
    min_score: Decimal
    # (kind, dimension index or item index, value)
    prerequisites: tuple[tuple[PrerequisiteKind, int, Decimal], ...]
    descriptions: tuple[str, ...]


class Plan(NamedTuple):
    ref: str
    items: tuple[PlanItem, ...]
    positions: dict[str, int]
    dimension_codes: tuple[str, ...]
    dimension_titles: tuple[str, ...]
    tiers: tuple[PlanTier, ...]
    maximum: Decimal
    bonus_cap: Decimal
    provisional_on_missing: bool
    scale_not_applicable: bool


def compile_plan(rubric: Rubric) -> Plan:
    dimension_codes = tuple(dimension.code for dimension in rubric.dimensions)
    position = {code: index for index, code in enumerate(dimension_codes)}
    items = tuple(
        PlanItem(
            code=item.code,
            title=item.title,
            dimension=position[item.dimension],
            mode=_MODES[item.mode],
            points=item.points,
            per_defect=item.per_defect,
            floor=item.points - item.max_deduction if item.max_deduction is not None else Decimal(0),
            levels={level.name: level.points for level in item.levels},
            level_names="、".join(level.name for level in item.levels),
        )
        for item in rubric.items
    )
    positions = {item.code: number for number, item in enumerate(items)}
    titles = {item.code: item.title for item in rubric.items} | {d.code: d.title for d in rubric.dimensions}
    tiers = tuple(
        PlanTier(
            tier=rule.tier,
            min_score=rule.min_score,
            prerequisites=tuple(
                (p.kind, positions[p.target] if p.kind is PrerequisiteKind.ITEM_MET else position[p.target], p.value)
                for p in rule.prerequisites
            ),
            descriptions=tuple(_describe(p.kind, titles.get(p.target, p.target), p.value) for p in rule.prerequisites),
        )
        for rule in rubric.tiers
    )
    return Plan(
        ref=rubric.ref,
        items=items,
        positions=positions,
        dimension_codes=dimension_codes,
        dimension_titles=tuple(dimension.title for dimension in rubric.dimensions),
        tiers=tiers,
        maximum=rubric.maximum,
        bonus_cap=rubric.bonus_cap,
        provisional_on_missing=rubric.missing.code == "provisional",
        scale_not_applicable=rubric.scale_not_applicable,
    )


def _describe(kind: PrerequisiteKind, title: str, value: Decimal) -> str:
    if kind is PrerequisiteKind.ITEM_MET:
        return f"{title}须达标"
    if kind is PrerequisiteKind.NO_DEFECT_IN_DIMENSION:
        return f"{title}须无扣分"
    return f"{title}得分须不低于{format(value.normalize(), 'f')}"


_SHAPES: Final = {CHECKLIST: 1, DEDUCTION: 2, GRADED: 4, BONUS: 8, VETO: 16}


class FastItem(NamedTuple):
    code: str
    mode: int
    points: int  # every number scaled to a whole number by FastPlan.scale
    per_defect: int
    floor: int
    levels: dict[str, int]
    dimension_bit: int
    item_bit: int  # set only for items a tier prerequisite names
    shape: int  # the Observation.shape the mode expects


class FastPlan(NamedTuple):
    """The plan again in scaled whole numbers, for total-and-tier scoring in a tight loop."""

    items: tuple[FastItem, ...]
    codes: frozenset[str]
    scale: int
    maximum: int
    bonus_cap: int
    # (tier, min score, dimension bits that must be spotless, item bits that must be full)
    tiers: tuple[tuple[Tier, int, int, int], ...]
    exact: bool  # False when a prerequisite needs dimension subtotals: use the full card


def _places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def compile_fast(rubric: Rubric, plan: Plan) -> FastPlan:
    numbers = [rubric.maximum, rubric.bonus_cap, *(rule.min_score for rule in rubric.tiers)]
    for item in plan.items:
        numbers.extend((item.points, item.per_defect, item.floor, *item.levels.values()))
    scale = 10 ** max(_places(number) for number in numbers)

    def whole(value: Decimal) -> int:
        return int(value * scale)

    item_bits: dict[int, int] = {}
    for rule in plan.tiers:
        for kind, target, _ in rule.prerequisites:
            if kind is PrerequisiteKind.ITEM_MET:
                item_bits.setdefault(target, 1 << len(item_bits))
    items = tuple(
        FastItem(
            item.code,
            item.mode,
            whole(item.points),
            whole(item.per_defect),
            whole(item.floor),
            {name: whole(points) for name, points in item.levels.items()},
            1 << item.dimension,
            item_bits.get(number, 0),
            _SHAPES[item.mode],
        )
        for number, item in enumerate(plan.items)
    )
    tiers = []
    exact = True
    for rule in plan.tiers:
        dimensions = items_needed = 0
        for kind, target, _ in rule.prerequisites:
            if kind is PrerequisiteKind.NO_DEFECT_IN_DIMENSION:
                dimensions |= 1 << target
            elif kind is PrerequisiteKind.ITEM_MET:
                items_needed |= item_bits[target]
            else:
                exact = False
        tiers.append((rule.tier, whole(rule.min_score), dimensions, items_needed))
    return FastPlan(
        items=items,
        codes=frozenset(item.code for item in items),
        scale=scale,
        maximum=whole(rubric.maximum),
        bonus_cap=whole(rubric.bonus_cap),
        tiers=tuple(tiers),
        exact=exact,
    )
