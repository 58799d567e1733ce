"""Rubrics shipped as data (评分细则示例). Both are *illustrative*: built from the seeds' goals
and defects so that apps and notebooks have a complete, valid rubric to start from; a county
writes its own (see the courtyard docs page) or adapts these with ``attrs.evolve``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core.courtyard.rubric import (
    Dimension,
    FeaturedCategory,
    ItemLevel,
    ItemMode,
    MissingPolicy,
    Prerequisite,
    PrerequisiteKind,
    Rubric,
    RubricItem,
    Tier,
    TierRule,
)

__all__ = ["FEATURED_CATEGORIES", "FOUR_GOALS_RUBRIC", "FOUR_ROOMS_RUBRIC", "GRADES"]

GRADES: Final = (ItemLevel("好", 15), ItemLevel("较好", 12), ItemLevel("一般", 8), ItemLevel("差", 0))
"""A four-level scale (好/较好/一般/差) for 15-point graded items."""

FEATURED_CATEGORIES: Final = (
    FeaturedCategory("honest", "诚实守信庭院"),
    FeaturedCategory("virtue_health", "美德健康庭院"),
    FeaturedCategory("filial", "孝老爱亲庭院"),
    FeaturedCategory("green_ecology", "绿色生态庭院"),
    FeaturedCategory("hard_work", "勤劳致富庭院"),
    FeaturedCategory("volunteer", "志愿奉献庭院"),
    FeaturedCategory("graceful", "蕙质兰心庭院"),
    FeaturedCategory("ink_books", "墨韵书香庭院"),
    FeaturedCategory("bookish", "书香庭院"),
    FeaturedCategory("flowers", "花香庭院"),
    FeaturedCategory("scenic", "观景庭院"),
    FeaturedCategory("economic", "经济庭院"),
    FeaturedCategory("seaweed_house", "海草庭院"),
    FeaturedCategory("credit", "信用庭院"),
)
"""The featured-courtyard categories of seed 001 (篇6: 诚实守信 … 墨韵书香, 8 categories; 篇7:
书香、花香、观景、经济、海草、信用庭院)."""

_TIERS_GOALS = (
    TierRule(Tier.BOUTIQUE, 90, (Prerequisite(PrerequisiteKind.ITEM_MET, "kitchen_grease"),)),
    TierRule(Tier.DEMONSTRATION, 80),
    TierRule(Tier.CLEAN, 60),
)

FOUR_GOALS_RUBRIC: Final = Rubric(
    code="four_goals",
    title="精致农家·美丽庭院 洁化序化美化绿化评分细则（示例）",
    version="illustrative-2024",
    effective_from=dt.date(2024, 1, 1),
    dimensions=(
        Dimension("clean", "洁化"),
        Dimension("orderly", "序化"),
        Dimension("beautified", "美化"),
        Dimension("green", "绿化"),
    ),
    items=(
        RubricItem("yard_litter", "庭院地面垃圾杂物", "clean", ItemMode.DEDUCTION, points=10, per_defect=2),
        RubricItem("kitchen_grease", "厨房墙壁油污", "clean", ItemMode.DEDUCTION, points=10, per_defect=2),
        RubricItem("door_window_dust", "门窗灰尘", "clean", ItemMode.DEDUCTION, points=10, per_defect=2),
        RubricItem("toilet_clean", "厕所干净无异味", "clean", ItemMode.CHECKLIST, points=10),
        RubricItem(
            "yard_clutter", "庭院物品摆放杂乱", "orderly", ItemMode.DEDUCTION, points=15, per_defect=3, max_deduction=15
        ),
        RubricItem("indoor_storage", "家居物品收纳整齐", "orderly", ItemMode.GRADED, points=15, levels=GRADES),
        RubricItem("walls_tidy", "墙面门庭整洁美观", "beautified", ItemMode.GRADED, points=15, levels=GRADES),
        RubricItem("greenery", "庭院绿化", "green", ItemMode.GRADED, points=15, levels=GRADES),
        RubricItem(
            "featured", "特色庭院", "beautified", ItemMode.BONUS, points=5, description="见 FEATURED_CATEGORIES"
        ),
        RubricItem("volunteer", "参与巾帼志愿服务", "beautified", ItemMode.BONUS, points=5),
        RubricItem("illegal_building", "私搭乱建", "orderly", ItemMode.VETO),
        RubricItem("unlawful", "家庭成员违法犯罪", "orderly", ItemMode.VETO),
    ),
    tiers=_TIERS_GOALS,
    maximum=100,
    bonus_cap=10,
    missing=MissingPolicy.PROVISIONAL,
    scale_not_applicable=True,
    categories=FEATURED_CATEGORIES,
    source=(
        "示例（非官方）：依据 seed 001 篇7 的洁化、序化、美化、绿化目标和所列短板（庭院物品摆放杂乱、厨房墙壁油污、"
        "门窗灰尘），等级为精品户、示范户、清洁户；分值与等级线为示例"
    ),
)
"""An illustrative rubric on the four goals 洁化/序化/美化/绿化 and the defects seed 001 (篇7)
names; 精品户 also needs a grease-free kitchen. Point values and thresholds are examples."""


def _room(code: str, title: str, dimension: str, mode: ItemMode, **kwargs: object) -> RubricItem:
    return RubricItem(code, title, dimension, mode, **kwargs)  # type: ignore[arg-type]


_FIVE = (ItemLevel("好", 5), ItemLevel("一般", 3), ItemLevel("差", 0))

FOUR_ROOMS_RUBRIC: Final = Rubric(
    code="four_rooms",
    title="精致农家 室内庭院厨房厕所评分细则（示例，24项）",
    version="illustrative-2024",
    effective_from=dt.date(2024, 1, 1),
    dimensions=(
        Dimension("indoor", "室内"),
        Dimension("yard", "庭院"),
        Dimension("kitchen", "厨房"),
        Dimension("toilet", "厕所"),
    ),
    items=(
        _room("indoor_floor", "地面干净", "indoor", ItemMode.CHECKLIST, points=5),
        _room("indoor_bedding", "床铺整洁", "indoor", ItemMode.CHECKLIST, points=5),
        _room("indoor_dust", "门窗家具灰尘", "indoor", ItemMode.DEDUCTION, points=5, per_defect=1),
        _room("indoor_clutter", "物品乱堆乱放", "indoor", ItemMode.DEDUCTION, points=5, per_defect=2),
        _room("indoor_storage", "收纳整齐", "indoor", ItemMode.GRADED, points=5, levels=_FIVE),
        _room("yard_litter", "庭院垃圾", "yard", ItemMode.DEDUCTION, points=5, per_defect=1),
        _room("yard_clutter", "庭院物品摆放杂乱", "yard", ItemMode.DEDUCTION, points=5, per_defect=2, max_deduction=4),
        _room("yard_green", "绿化美化", "yard", ItemMode.GRADED, points=5, levels=_FIVE),
        _room("yard_livestock", "畜禽圈养", "yard", ItemMode.CHECKLIST, points=5, description="无养殖户不适用"),
        _room("yard_firewood", "柴草堆放整齐", "yard", ItemMode.CHECKLIST, points=5),
        _room("kitchen_grease", "厨房墙壁油污", "kitchen", ItemMode.DEDUCTION, points=5, per_defect=2),
        _room("kitchen_stove", "灶台干净", "kitchen", ItemMode.CHECKLIST, points=5),
        _room("kitchen_utensils", "餐具摆放有序", "kitchen", ItemMode.GRADED, points=5, levels=_FIVE),
        _room("kitchen_food", "生熟分开", "kitchen", ItemMode.CHECKLIST, points=5),
        _room("kitchen_waste", "厨余垃圾", "kitchen", ItemMode.DEDUCTION, points=5, per_defect=1),
        _room("toilet_odour", "无异味", "toilet", ItemMode.CHECKLIST, points=5),
        _room("toilet_clean", "便池清洁", "toilet", ItemMode.DEDUCTION, points=5, per_defect=1),
        _room("toilet_paper", "手纸等用品齐备", "toilet", ItemMode.CHECKLIST, points=5),
        _room("toilet_flies", "蚊蝇", "toilet", ItemMode.DEDUCTION, points=5, per_defect=1, max_deduction=3),
        _room("toilet_overall", "整体卫生", "toilet", ItemMode.GRADED, points=5, levels=_FIVE),
        _room("featured", "特色庭院", "yard", ItemMode.BONUS, points=5),
        _room("motto", "家风家训上墙", "indoor", ItemMode.BONUS, points=3),
        _room("illegal_building", "私搭乱建", "yard", ItemMode.VETO),
        _room("unlawful", "家庭成员违法", "indoor", ItemMode.VETO),
    ),
    tiers=(
        TierRule(Tier.BOUTIQUE, 90, (Prerequisite(PrerequisiteKind.NO_DEFECT_IN_DIMENSION, "kitchen"),)),
        TierRule(Tier.DEMONSTRATION, 80),
        TierRule(Tier.CLEAN, 60),
    ),
    maximum=100,
    bonus_cap=5,
    missing=MissingPolicy.ERROR,
    scale_not_applicable=True,
    categories=FEATURED_CATEGORIES,
    source="示例（非官方）：按室内、庭院、厨房、厕所四个维度的常见验收要点组织，24项，分值与等级线为示例",
)
"""An illustrative 24-item rubric on 室内/庭院/厨房/厕所 mixing every scoring mode; 精品户 also
needs a kitchen without deductions. Point values and thresholds are examples."""
