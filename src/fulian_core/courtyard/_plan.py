"""A rubric compiled once into a flat plan, so the scoring loop does no re-validation."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, NamedTuple

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


# The scorer of a rubric, generated once as straight-line code (as attrs generates __init__):
# no loop, no mode dispatch, constants inlined. It returns None for anything unusual, and the
# caller then scores the full card, which explains (or refuses) it.
# The frame every point-earning item shares: not looked at, looked at, or not applicable.
_EARNING_FRAME = """\
    o = get({{code!r}})
    if o is None:
        missing = True
        lost |= {{dbit}}
        short |= {{ibit}}
    elif o.shape == {shape}:
{body}    elif o.shape & 32:
        applicable -= {{points}}
    else:
        return None
"""
_FALLS_SHORT = """\
        if e < {points}:
            lost |= {dbit}
            short |= {ibit}
"""
_ITEM_CODE = {
    CHECKLIST: _EARNING_FRAME.format(
        shape=1,
        body="""\
        if o.met:
            total += {points}
        else:
            lost |= {dbit}
            short |= {ibit}
""",
    ),
    DEDUCTION: _EARNING_FRAME.format(
        shape=2,
        body="""\
        e = {points} - {per_defect} * o.defects
        if e < {floor}:
            e = {floor}
        total += e
"""
        + _FALLS_SHORT,
    ),
    GRADED: _EARNING_FRAME.format(
        shape=4,
        body="""\
        e = LEVELS_{index}.get(o.level)
        if e is None:
            return None
        total += e
"""
        + _FALLS_SHORT,
    ),
    BONUS: """\
    o = get({code!r})
    if o is None:
        short |= {ibit}
    else:
        s = o.shape
        if s == 8 or s == 9:
            p = o.points{scaled}
            c = int(p)
            if c != p or c > {points}:
                return None
            bonus += c
            if c < {points}:
                short |= {ibit}
        elif s == 1:
            if o.met:
                bonus += {points}
            else:
                short |= {ibit}
        elif s == 0:
            short |= {ibit}
        elif not s & 32:
            return None
""",
    VETO: """\
    o = get({code!r})
    if o is None:
        missing = True
        lost |= {dbit}
        short |= {ibit}
    elif o.shape == 16:
        if o.hit:
            vetoed = True
            short |= {ibit}
    elif not o.shape & 32:
        return None
""",
}

Scorer = Callable[[Mapping[str, Any]], "tuple[Decimal, Tier] | None"]

# Totals up to this many (scaled) points get a ready Decimal; larger ones are computed.
_TABLE_LIMIT: Final = 100_000


def generate_scorer(fast: FastPlan, plan: Plan) -> Scorer:
    """Straight-line code giving one inspection's total and tier against *fast*, or None when
    the full card must decide (a missing item under a final-only rubric, items not applicable
    under proportional scaling, an observation of an unexpected shape)."""
    lines = [
        "def score(observations):",
        "    get = observations.get",
        "    total = bonus = lost = short = 0",
        f"    applicable = {fast.maximum}",
        "    missing = vetoed = False",
    ]
    namespace: dict[str, Any] = {"Decimal": Decimal}
    for index, item in enumerate(fast.items):
        namespace[f"LEVELS_{index}"] = item.levels
        lines.append(
            _ITEM_CODE[item.mode].format(
                code=item.code,
                index=index,
                points=item.points,
                per_defect=item.per_defect,
                floor=item.floor,
                dbit=item.dimension_bit,
                ibit=item.item_bit,
                scaled="" if fast.scale == 1 else f" * {fast.scale}",
            )
        )
    lines.extend(_epilogue(fast, plan, namespace))
    source = "\n".join(lines)
    exec(compile(source, f"<scorer {len(fast.items)} items>", "exec"), namespace)  # noqa: S102 - code generated from a validated rubric
    scorer: Scorer = namespace["score"]
    return scorer


def _epilogue(fast: FastPlan, plan: Plan, namespace: dict[str, Any]) -> list[str]:
    top = fast.maximum + fast.bonus_cap
    scale = Decimal(fast.scale)
    if 0 <= top <= _TABLE_LIMIT:
        namespace["RESULTS"] = tuple(Decimal(value) / scale for value in range(top + 1))
        result = f"RESULTS[compared] if 0 <= compared <= {top} else Decimal(compared) / {fast.scale}"
    else:  # pragma: no cover - a rubric of more than 100,000 scaled points
        result = f"Decimal(compared) / {fast.scale}"
    lines = []
    if not plan.provisional_on_missing:
        lines.append("    if missing:\n        return None")
    if plan.scale_not_applicable:
        lines.append(f"    if 0 < applicable < {fast.maximum}:\n        return None")
    lines.append(f"    if bonus > {fast.bonus_cap}:\n        bonus = {fast.bonus_cap}")
    lines.append("    compared = total + bonus")
    lines.append(f"    result = {result}")
    namespace["NONE"] = Tier.NONE
    lines.append("    if vetoed:\n        return result, NONE")
    for index, (tier, threshold, spotless, full) in enumerate(fast.tiers):
        namespace[f"TIER_{index}"] = tier
        conditions = [f"compared >= {threshold}"]
        if spotless:
            conditions.append(f"not lost & {spotless}")
        if full:
            conditions.append(f"not short & {full}")
        lines.append(f"    if {' and '.join(conditions)}:\n        return result, TIER_{index}")
    lines.append("    return result, NONE")
    return lines
