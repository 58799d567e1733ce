"""Rubric definitions: every fault with its path, plain data both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.courtyard import (
    Dimension,
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
from fulian_core.courtyard.catalog import FEATURED_CATEGORIES, FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC

D = dt.date


def _rubric(**changes: object) -> Rubric:
    fields: dict[str, object] = {
        "code": "township",
        "title": "镇级评分细则",
        "version": "2024",
        "effective_from": D(2024, 1, 1),
        "dimensions": (Dimension("clean", "洁化"), Dimension("kitchen", "厨房")),
        "items": (
            RubricItem("litter", "庭院垃圾", "clean", ItemMode.DEDUCTION, points=60, per_defect=5),
            RubricItem("grease", "厨房墙壁油污", "kitchen", ItemMode.DEDUCTION, points=40, per_defect=2),
        ),
        "tiers": (TierRule(Tier.BOUTIQUE, 90), TierRule(Tier.DEMONSTRATION, 80), TierRule(Tier.CLEAN, 60)),
    }
    fields.update(changes)
    return Rubric(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "lines"),
    [
        ({"maximum": 90}, ["items: expected points adding up to the maximum 90, got '100'"]),
        (
            {"tiers": (TierRule(Tier.DEMONSTRATION, 80), TierRule(Tier.BOUTIQUE, 90))},
            [
                "tiers[1].min_score: expected a threshold below the better tier's 80, got Decimal('90')",
                "tiers: expected the best tier first (精品户, 示范户, 清洁户), got ['demonstration', 'boutique']",
            ],
        ),
        (
            {"tiers": (TierRule(Tier.CLEAN, 60), TierRule(Tier.CLEAN, 50))},
            ["tiers[1].tier: expected a tier not ruled before, got 'clean'"],
        ),
        (
            {"tiers": (TierRule(Tier.NONE, 0),)},
            [
                "tiers[0]: expected a rule for 精品户, 示范户 or 清洁户, got TierRule(tier=<Tier.NONE: 未达标>, min_score=Decimal('0'), p..."
            ],
        ),
        (
            {"tiers": (TierRule(Tier.CLEAN, 101),)},
            ["tiers[0].min_score: expected a score from 0 to 100, got Decimal('101')"],
        ),
        (
            {"dimensions": (Dimension("clean", "洁化"), Dimension("clean", "重复"))},
            [
                "dimensions[1].code: expected a code not used before, got 'clean'",
                "items[1].dimension: expected one of clean, clean, got 'kitchen'",
            ],
        ),
        (
            {
                "items": (
                    RubricItem("a", "甲", "clean", ItemMode.CHECKLIST, points=50),
                    RubricItem("a", "乙", "clean", ItemMode.CHECKLIST, points=50),
                )
            },
            ["items[1].code: expected a code not used before, got 'a'"],
        ),
        (
            {"items": (*_rubric().items, RubricItem("feat", "特色", "clean", ItemMode.BONUS, points=5))},
            ["bonus_cap: expected a cap >= 0, positive when there are bonus items, got Decimal('0')"],
        ),
        (
            {
                "tiers": (
                    TierRule(Tier.BOUTIQUE, 90, (Prerequisite(PrerequisiteKind.NO_DEFECT_IN_DIMENSION, "toilet"),)),
                )
            },
            ["tiers[0].prerequisites[0].target: expected a code of the rubric, got 'toilet'"],
        ),
        (
            {"items": (), "tiers": ()},
            [
                "items: expected at least one item, got []",
                "items: expected points adding up to the maximum 100, got '0'",
                "tiers: expected at least one tier rule, got []",
            ],
        ),
        (
            {"effective_until": D(2023, 1, 1)},
            ["effective_until: expected a date on or after 2024-01-01, got datetime.date(2023, 1, 1)"],
        ),
    ],
)
def test_bad_rubrics_name_every_fault(changes: dict[str, object], lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        _rubric(**changes)
    assert str(raised.value).splitlines() == lines


@pytest.mark.parametrize(
    ("build", "lines"),
    [
        (
            lambda: RubricItem("g", "绿化", "green", ItemMode.GRADED, points=10),
            ["levels: expected at least one level for a graded item, got []"],
        ),
        (
            lambda: RubricItem("c", "达标", "x", ItemMode.CHECKLIST, points=-5),
            ["points: expected a positive number of points, got Decimal('-5')"],
        ),
        (
            lambda: RubricItem("d", "扣分", "x", ItemMode.DEDUCTION, points=10, per_defect=0, max_deduction=12),
            [
                "per_defect: expected a positive deduction per defect, got Decimal('0')",
                "max_deduction: expected a positive cap at most the item's 10 points, got Decimal('12')",
            ],
        ),
        (
            lambda: RubricItem("v", "私搭乱建", "x", ItemMode.VETO, points=5),
            ["points: expected no points for a veto item, got Decimal('5')"],
        ),
        (
            lambda: RubricItem(
                "g", "绿化", "x", ItemMode.GRADED, points=10, levels=(ItemLevel("好", 12), ItemLevel("好", 5))
            ),
            [
                "levels[0].points: expected points from 0 to the item's 10, got Decimal('12')",
                "levels[1].name: expected a level name not used before, got '好'",
            ],
        ),
        (
            lambda: RubricItem(
                "c", "达标", "x", ItemMode.CHECKLIST, points=5, levels=(ItemLevel("好", 5),), per_defect=1
            ),
            [
                "per_defect: expected no per-defect deduction for a 达标项, got Decimal('1')",
                "levels: expected no levels for a 达标项, got [ItemLevel(name='好', points=Decimal('5'))]",
            ],
        ),
        (
            lambda: RubricItem("c", "达标", "x", ItemMode.CHECKLIST, points=2.5),
            ["points: expected a number (int, decimal string or Decimal; never a float), got 2.5"],
        ),
        (
            lambda: RubricItem("c", "", "X Y", "checklist", points=5),  # type: ignore[arg-type]
            [
                "title: expected non-empty text, got ''",
                "dimension: expected a code of ASCII letters, digits, '_' or '-', got 'X Y'",
                "mode: expected an ItemMode, got 'checklist'",
            ],
        ),
    ],
)
def test_bad_items(build: object, lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        build()  # type: ignore[operator]
    assert str(raised.value).splitlines() == lines


def test_catalog_rubrics_are_complete() -> None:
    assert len(FOUR_ROOMS_RUBRIC.items) == 24
    assert {item.mode for item in FOUR_ROOMS_RUBRIC.items} == set(ItemMode)
    assert [d.title for d in FOUR_GOALS_RUBRIC.dimensions] == ["洁化", "序化", "美化", "绿化"]
    # seed 001 篇7: 庭院物品摆放杂乱、厨房墙壁油污、门窗灰尘
    assert {"庭院物品摆放杂乱", "厨房墙壁油污", "门窗灰尘"} <= {item.title for item in FOUR_GOALS_RUBRIC.items}
    assert len(FEATURED_CATEGORIES) == 14
    assert "示例（非官方）" in FOUR_GOALS_RUBRIC.source
    assert FOUR_GOALS_RUBRIC.ref == "four_goals@illustrative-2024"
    assert FOUR_GOALS_RUBRIC.item("kitchen_grease").per_defect == 2
    assert FOUR_GOALS_RUBRIC.ceiling == 110
    assert FOUR_GOALS_RUBRIC.in_force_on(D(2024, 6, 1))
    assert not FOUR_GOALS_RUBRIC.in_force_on(D(2023, 6, 1))
    with pytest.raises(ValidationError, match="^code: expected an item of four_goals@illustrative-2024, got 'x'$"):
        FOUR_GOALS_RUBRIC.item("x")
    assert FOUR_GOALS_RUBRIC.item("indoor_storage").level("较好") == ItemLevel("较好", 12)
    assert Prerequisite(PrerequisiteKind.MIN_DIMENSION_SCORE, "clean", 30).describe() == "clean得分不低于30"


def test_rubrics_as_plain_data() -> None:
    for rubric in (FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC):
        assert structure(unstructure(rubric), Rubric) == rubric
    data = unstructure(_rubric())
    data["items"][0]["mode"] = "deduct"
    data["tiers"][0]["min_score"] = 95.5
    data["missing"] = "maybe"
    with pytest.raises(ValidationError) as raised:
        structure(data, Rubric)
    assert str(raised.value).splitlines() == [
        "items[0].mode: expected one of 'checklist', 'deduction', 'graded', 'bonus', 'veto', got 'deduct'",
        "tiers[0].min_score: expected a decimal number written as a string, got 95.5",
        "missing: expected one of 'error', 'provisional', got 'maybe'",
    ]
    assert _rubric(missing=MissingPolicy.PROVISIONAL).missing is MissingPolicy.PROVISIONAL
