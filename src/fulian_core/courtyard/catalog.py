"""Rubrics shipped as data (评分细则示例). Both are *illustrative*: built from the seeds' goals
and defects so that apps and notebooks have a complete, valid rubric to start from; a county
writes its own (see the rules-as-data guide) or adapts these with
:meth:`~fulian_core.rules.RuleSheet.adapt`.

A rubric is a :class:`~fulian_core.rules.RuleSheet` that judges households: its groups are
the rubric's dimensions, its bands the tiers (精品户, 示范户, 清洁户, and 未达标 below them).
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core.courtyard.featured import FeaturedCategory
from fulian_core.rules import (
    Band,
    Group,
    Item,
    ItemKind,
    MissingPolicy,
    NotApplicablePolicy,
    Prerequisite,
    PrerequisiteKind,
    Rating,
    RuleSheet,
    SubjectKind,
    Threshold,
)

__all__ = ["FEATURED_CATEGORIES", "FOUR_GOALS_RUBRIC", "FOUR_ROOMS_RUBRIC", "RATINGS", "TIER_CODES"]

RATINGS: Final = (Rating("好", 15), Rating("较好", 12), Rating("一般", 8), Rating("差", 0))
"""A four-rating scale (好/较好/一般/差) for 15-point graded items."""

TIER_CODES: Final = ("boutique", "demonstration", "clean", "none")
"""The band codes of the shipped rubrics, best first: 精品户, 示范户, 清洁户, 未达标."""

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


def _tiers(boutique: tuple[Prerequisite, ...]) -> tuple[Band, ...]:
    return (
        Band("boutique", "精品户", Threshold.at_least(90), boutique),
        Band("demonstration", "示范户", Threshold.at_least(80)),
        Band("clean", "清洁户", Threshold.at_least(60)),
        Band("none", "未达标", passing=False),
    )


FOUR_GOALS_RUBRIC: Final = RuleSheet(
    issuer="illustrative",
    code="four_goals",
    version="2024",
    title="精致农家·美丽庭院 洁化序化美化绿化评分细则（示例）",
    effective_from=dt.date(2024, 1, 1),
    subjects=frozenset({SubjectKind.HOUSEHOLD}),
    groups=(Group("clean", "洁化"), Group("orderly", "序化"), Group("beautified", "美化"), Group("green", "绿化")),
    items=(
        Item("yard_litter", "庭院地面垃圾杂物", ItemKind.DEDUCTION, "clean", points=10, per_occurrence=2),
        Item("kitchen_grease", "厨房墙壁油污", ItemKind.DEDUCTION, "clean", points=10, per_occurrence=2),
        Item("door_window_dust", "门窗灰尘", ItemKind.DEDUCTION, "clean", points=10, per_occurrence=2),
        Item("toilet_clean", "厕所干净无异味", ItemKind.SCORED, "clean", points=10),
        Item(
            "yard_clutter",
            "庭院物品摆放杂乱",
            ItemKind.DEDUCTION,
            "orderly",
            points=15,
            per_occurrence=3,
            max_deduction=15,
        ),
        Item("indoor_storage", "家居物品收纳整齐", ItemKind.SCORED, "orderly", points=15, ratings=RATINGS),
        Item("walls_tidy", "墙面门庭整洁美观", ItemKind.SCORED, "beautified", points=15, ratings=RATINGS),
        Item("greenery", "庭院绿化", ItemKind.SCORED, "green", points=15, ratings=RATINGS),
        Item("featured", "特色庭院", ItemKind.BONUS, "beautified", points=5, description="见 FEATURED_CATEGORIES"),
        Item("volunteer", "参与巾帼志愿服务", ItemKind.BONUS, "beautified", points=5),
        Item("illegal_building", "私搭乱建", ItemKind.OVERRIDE, "orderly"),
        Item("unlawful", "家庭成员违法犯罪", ItemKind.OVERRIDE, "orderly"),
    ),
    bands=_tiers((Prerequisite(PrerequisiteKind.ITEM_MET, "kitchen_grease"),)),
    maximum=100,
    bonus_cap=10,
    missing=MissingPolicy.PROVISIONAL,
    not_applicable=NotApplicablePolicy.SCALE,
    source=(
        "示例（非官方）：依据 seed 001 篇7 的洁化、序化、美化、绿化目标和所列短板（庭院物品摆放杂乱、厨房墙壁油污、"
        "门窗灰尘），等级为精品户、示范户、清洁户；分值与等级线为示例"
    ),
)
"""An illustrative rubric on the four goals 洁化/序化/美化/绿化 and the defects seed 001 (篇7)
names; 精品户 also needs a grease-free kitchen. Point values and thresholds are examples."""


def _room(code: str, title: str, group: str, kind: ItemKind, **fields: object) -> Item:
    return Item(code, title, kind, group, **fields)  # type: ignore[arg-type]


_FIVE = (Rating("好", 5), Rating("一般", 3), Rating("差", 0))

FOUR_ROOMS_RUBRIC: Final = RuleSheet(
    issuer="illustrative",
    code="four_rooms",
    version="2024",
    title="精致农家 室内庭院厨房厕所评分细则（示例，24项）",
    effective_from=dt.date(2024, 1, 1),
    subjects=frozenset({SubjectKind.HOUSEHOLD}),
    groups=(Group("indoor", "室内"), Group("yard", "庭院"), Group("kitchen", "厨房"), Group("toilet", "厕所")),
    items=(
        _room("indoor_floor", "地面干净", "indoor", ItemKind.SCORED, points=5),
        _room("indoor_bedding", "床铺整洁", "indoor", ItemKind.SCORED, points=5),
        _room("indoor_dust", "门窗家具灰尘", "indoor", ItemKind.DEDUCTION, points=5, per_occurrence=1),
        _room("indoor_clutter", "物品乱堆乱放", "indoor", ItemKind.DEDUCTION, points=5, per_occurrence=2),
        _room("indoor_storage", "收纳整齐", "indoor", ItemKind.SCORED, points=5, ratings=_FIVE),
        _room("yard_litter", "庭院垃圾", "yard", ItemKind.DEDUCTION, points=5, per_occurrence=1),
        _room(
            "yard_clutter", "庭院物品摆放杂乱", "yard", ItemKind.DEDUCTION, points=5, per_occurrence=2, max_deduction=4
        ),
        _room("yard_green", "绿化美化", "yard", ItemKind.SCORED, points=5, ratings=_FIVE),
        _room("yard_livestock", "畜禽圈养", "yard", ItemKind.SCORED, points=5, description="无养殖户不适用"),
        _room("yard_firewood", "柴草堆放整齐", "yard", ItemKind.SCORED, points=5),
        _room("kitchen_grease", "厨房墙壁油污", "kitchen", ItemKind.DEDUCTION, points=5, per_occurrence=2),
        _room("kitchen_stove", "灶台干净", "kitchen", ItemKind.SCORED, points=5),
        _room("kitchen_utensils", "餐具摆放有序", "kitchen", ItemKind.SCORED, points=5, ratings=_FIVE),
        _room("kitchen_food", "生熟分开", "kitchen", ItemKind.SCORED, points=5),
        _room("kitchen_waste", "厨余垃圾", "kitchen", ItemKind.DEDUCTION, points=5, per_occurrence=1),
        _room("toilet_odour", "无异味", "toilet", ItemKind.SCORED, points=5),
        _room("toilet_clean", "便池清洁", "toilet", ItemKind.DEDUCTION, points=5, per_occurrence=1),
        _room("toilet_paper", "手纸等用品齐备", "toilet", ItemKind.SCORED, points=5),
        _room("toilet_flies", "蚊蝇", "toilet", ItemKind.DEDUCTION, points=5, per_occurrence=1, max_deduction=3),
        _room("toilet_overall", "整体卫生", "toilet", ItemKind.SCORED, points=5, ratings=_FIVE),
        _room("featured", "特色庭院", "yard", ItemKind.BONUS, points=5),
        _room("motto", "家风家训上墙", "indoor", ItemKind.BONUS, points=3),
        _room("illegal_building", "私搭乱建", "yard", ItemKind.OVERRIDE),
        _room("unlawful", "家庭成员违法", "indoor", ItemKind.OVERRIDE),
    ),
    bands=_tiers((Prerequisite(PrerequisiteKind.FULL_MARKS, "kitchen"),)),
    maximum=100,
    bonus_cap=5,
    missing=MissingPolicy.ERROR,
    not_applicable=NotApplicablePolicy.SCALE,
    source="示例（非官方）：按室内、庭院、厨房、厕所四个维度的常见验收要点组织，24项，分值与等级线为示例",
)
"""An illustrative 24-item rubric on 室内/庭院/厨房/厕所 mixing every kind of item; 精品户 also
needs a kitchen at full marks. Point values and thresholds are examples."""
