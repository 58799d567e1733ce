"""Strategies for :mod:`fulian_core.courtyard`."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import strategies as st

from fulian_core.courtyard import (
    CreditLedger,
    Dimension,
    Household,
    Inspection,
    InspectionKind,
    ItemLevel,
    ItemMode,
    MissingPolicy,
    Observation,
    Prerequisite,
    PrerequisiteKind,
    Rubric,
    RubricItem,
    Tier,
    TierRule,
)

__all__ = ["credit_ledgers", "households", "inspections", "observations_for", "rubric_items", "rubrics"]

_DIMENSIONS = [("clean", "洁化"), ("orderly", "序化"), ("beautified", "美化"), ("green", "绿化"), ("kitchen", "厨房")]
_TITLES = ["庭院物品摆放杂乱", "厨房墙壁油污", "门窗灰尘", "厕所卫生", "庭院绿化", "私搭乱建", "特色庭院", "收纳整齐"]


@st.composite
def rubric_items(
    draw: st.DrawFn, *, code: str, dimensions: st.SearchStrategy[str], modes: st.SearchStrategy[ItemMode] | None = None
) -> RubricItem:
    """Valid rubric items of every scoring mode."""
    mode = draw(modes if modes is not None else st.sampled_from(list(ItemMode)))
    dimension = draw(dimensions)
    title = draw(st.sampled_from(_TITLES))
    if mode is ItemMode.VETO:
        return RubricItem(code, title, dimension, mode)
    points = draw(st.integers(1, 20))
    if mode is ItemMode.DEDUCTION:
        per_defect = draw(st.integers(1, points))
        cap = draw(st.none() | st.integers(1, points))
        return RubricItem(code, title, dimension, mode, points=points, per_defect=per_defect, max_deduction=cap)
    if mode is ItemMode.GRADED:
        names = draw(st.sampled_from([("好", "较好", "一般", "差"), ("优", "良", "中", "差"), ("达标", "不达标")]))
        values = sorted(draw(st.lists(st.integers(0, points), min_size=len(names), max_size=len(names))), reverse=True)
        levels = tuple(ItemLevel(name, value) for name, value in zip(names, values, strict=True))
        return RubricItem(code, title, dimension, mode, points=points, levels=levels)
    return RubricItem(code, title, dimension, mode, points=points)


@st.composite
def rubrics(draw: st.DrawFn, *, max_items: int = 10, missing: st.SearchStrategy[MissingPolicy] | None = None) -> Rubric:
    """Valid rubrics mixing every scoring mode, with ordered tier thresholds and prerequisites."""
    dimension_count = draw(st.integers(1, len(_DIMENSIONS)))
    dimensions = tuple(Dimension(code, title) for code, title in _DIMENSIONS[:dimension_count])
    codes = st.sampled_from([d.code for d in dimensions])
    first = draw(
        rubric_items(
            code="i0",
            dimensions=codes,
            modes=st.sampled_from([ItemMode.CHECKLIST, ItemMode.DEDUCTION, ItemMode.GRADED]),
        )
    )
    items = [first] + [
        draw(rubric_items(code=f"i{n}", dimensions=codes)) for n in range(1, draw(st.integers(1, max_items)))
    ]
    maximum = sum((item.points for item in items if item.counts_to_maximum), Decimal(0))
    has_bonus = any(item.mode is ItemMode.BONUS for item in items)
    bonus_cap = Decimal(draw(st.integers(1, 10))) if has_bonus else Decimal(0)
    ceiling = int(maximum + bonus_cap)
    thresholds = sorted(draw(st.lists(st.integers(0, ceiling), min_size=1, max_size=3, unique=True)), reverse=True)
    tiers = []
    for tier, threshold in zip(
        (Tier.BOUTIQUE, Tier.DEMONSTRATION, Tier.CLEAN)[-len(thresholds) :], thresholds, strict=True
    ):
        prerequisites: tuple[Prerequisite, ...] = ()
        if draw(st.integers(0, 3)) == 0:
            kind = draw(st.sampled_from(list(PrerequisiteKind)))
            if kind is PrerequisiteKind.ITEM_MET:
                prerequisites = (Prerequisite(kind, draw(st.sampled_from([item.code for item in items]))),)
            else:
                prerequisites = (Prerequisite(kind, draw(codes), draw(st.integers(0, 10))),)
        tiers.append(TierRule(tier, threshold, prerequisites))
    return Rubric(
        code="generated",
        title="生成的评分细则",
        version="v1",
        effective_from=dt.date(2024, 1, 1),
        dimensions=dimensions,
        items=tuple(items),
        tiers=tuple(tiers),
        maximum=maximum,
        bonus_cap=bonus_cap,
        missing=draw(missing if missing is not None else st.sampled_from(list(MissingPolicy))),
        scale_not_applicable=draw(st.booleans()),
    )


def observations_for(item: RubricItem) -> st.SearchStrategy[Observation]:
    """Observations an item allows (sometimes not applicable)."""
    skipped = st.just(Observation.skipped())
    if item.mode is ItemMode.CHECKLIST:
        return st.booleans().map(Observation.checked) | skipped
    if item.mode is ItemMode.DEDUCTION:
        return st.integers(0, 12).map(Observation.found) | skipped
    if item.mode is ItemMode.GRADED:
        return st.sampled_from([level.name for level in item.levels]).map(Observation.graded) | skipped
    if item.mode is ItemMode.BONUS:
        fractional = st.decimals(0, item.points, places=1).map(Observation.bonus)
        return (
            st.integers(0, int(item.points)).map(Observation.bonus)
            | fractional
            | st.booleans().map(Observation.checked)
        )
    return st.booleans().map(Observation.vetoed)


def households(*, villages: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Household]:
    """Households in generated villages."""
    return st.builds(
        Household,
        st.from_regex(r"h-[0-9]{1,5}", fullmatch=True),
        villages if villages is not None else st.sampled_from(["371082103201", "371082103202", "371082104201"]),
    )


@st.composite
def inspections(
    draw: st.DrawFn, *, rubric: Rubric, kinds: st.SearchStrategy[InspectionKind] | None = None
) -> Inspection:
    """Inspections a rubric can score: an allowed observation for every item (some missing when
    the rubric makes missing items provisional)."""
    observations: dict[str, Observation] = {}
    for item in rubric.items:
        if rubric.missing is MissingPolicy.PROVISIONAL and draw(st.integers(0, 5)) == 0:
            continue
        observations[item.code] = draw(observations_for(item))
    return Inspection(
        id=draw(st.from_regex(r"i-[0-9]{1,6}", fullmatch=True)),
        household=draw(households()),
        date=draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31))),
        kind=draw(kinds if kinds is not None else st.sampled_from(list(InspectionKind))),
        observations=observations,
        inspectors=("inspector-1",),
    )


@st.composite
def credit_ledgers(draw: st.DrawFn, *, max_entries: int = 10) -> CreditLedger:
    """Valid ledgers: earnings and spends that never overdraw."""
    ledger = CreditLedger(draw(st.from_regex(r"h-[0-9]{1,4}", fullmatch=True)))
    day = dt.date(2024, 1, 1)
    for _ in range(draw(st.integers(0, max_entries))):
        if ledger.balance and draw(st.booleans()):
            ledger = ledger.spend(draw(st.integers(1, ledger.balance)), day, "洗衣液")
        else:
            ledger = ledger.earn(draw(st.integers(1, 30)), day, "志愿服务")
        day += dt.timedelta(days=draw(st.integers(0, 20)))
    return ledger
