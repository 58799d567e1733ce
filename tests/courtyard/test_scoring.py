"""Scoring: every mode, not-applicable scaling, missing items, vetoes, tiers, refusals."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.courtyard import (
    Household,
    Inspection,
    InspectionKind,
    ItemMode,
    Observation,
    Prerequisite,
    PrerequisiteKind,
    ScoreCard,
    Tier,
    TierRule,
    compile_rubric,
    score,
)
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC

HOUSEHOLD = Household("h-0601", "371082103201")
DAY = dt.date(2024, 5, 31)
PLAN = compile_rubric(FOUR_GOALS_RUBRIC)


def perfect() -> dict[str, Observation]:
    return {
        "yard_litter": Observation.found(0),
        "kitchen_grease": Observation.found(0),
        "door_window_dust": Observation.found(0),
        "toilet_clean": Observation.checked(True),
        "yard_clutter": Observation.found(0),
        "indoor_storage": Observation.graded("好"),
        "walls_tidy": Observation.graded("好"),
        "greenery": Observation.graded("好"),
        "illegal_building": Observation.vetoed(False),
        "unlawful": Observation.vetoed(False),
    }


def inspect(observations: dict[str, Observation], kind: InspectionKind = InspectionKind.ACCEPTANCE) -> Inspection:
    return Inspection("i-1", HOUSEHOLD, DAY, kind, observations, ("chair-12", "chair-31"))


def test_a_perfect_courtyard_is_boutique() -> None:
    card = PLAN.score(inspect(perfect()))
    assert (card.total, card.maximum, card.tier, card.provisional) == (Decimal(100), Decimal(110), Tier.BOUTIQUE, False)
    assert [(d.title, int(d.score), int(d.maximum)) for d in card.dimensions] == [
        ("洁化", 40, 40),
        ("序化", 30, 30),
        ("美化", 15, 15),
        ("绿化", 15, 15),
    ]


def test_deductions_read_as_inspectors_write_them() -> None:
    # seed 001 篇7: 庭院物品摆放杂乱、厨房墙壁油污、门窗灰尘
    seen = perfect() | {
        "kitchen_grease": Observation.found(2),
        "door_window_dust": Observation.found(1),
        "yard_clutter": Observation.found(6, photos=["p-1", "p-2"]),
    }
    card = PLAN.score(inspect(seen))
    details = {line.item: line.detail for line in card.lines}
    assert details["kitchen_grease"] == "厨房墙壁油污 2处 × 2分 = −4分"
    assert details["door_window_dust"] == "门窗灰尘 1处 × 2分 = −2分"
    assert details["yard_clutter"] == "庭院物品摆放杂乱 6处 × 3分 = −18分，扣完为止 −15分"
    assert details["yard_litter"] == "庭院地面垃圾杂物：未发现问题，得10分"
    assert card.total == 100 - 4 - 2 - 15
    assert card.tier is Tier.CLEAN  # 79: below 示范户's 80


def test_checklist_graded_and_bonus_lines() -> None:
    seen = perfect() | {
        "toilet_clean": Observation.checked(False),
        "greenery": Observation.graded("一般"),
        "featured": Observation.bonus(5, note="墨韵书香庭院"),
        "volunteer": Observation.checked(True),
    }
    card = PLAN.score(inspect(seen))
    details = {line.item: line.detail for line in card.lines}
    assert details["toilet_clean"] == "厕所干净无异味：未达标 0分（满分10分）"
    assert details["greenery"] == "庭院绿化：一般，得8分（满分15分）"
    assert details["featured"] == "特色庭院：加5分"
    assert details["volunteer"] == "参与巾帼志愿服务：加5分"
    assert (card.base, card.bonus, card.total) == (Decimal(83), Decimal(10), Decimal(93))
    assert card.tier is Tier.BOUTIQUE
    assert "参与巾帼志愿服务：未加分" in PLAN.score(inspect(perfect())).render()


def test_the_bonus_is_capped() -> None:
    card = PLAN.score(inspect(perfect() | {"featured": Observation.bonus(5), "volunteer": Observation.bonus(5)}))
    assert card.bonus == 10
    assert card.total == card.maximum == 110


def test_a_veto_means_no_tier_whatever_the_score() -> None:
    card = PLAN.score(inspect(perfect() | {"illegal_building": Observation.vetoed(True, note="院内违建彩钢棚")}))
    assert card.total == 100
    assert card.tier is Tier.NONE
    assert card.veto_hits == ("illegal_building",)
    assert card.tier_reason == "一票否决：私搭乱建"
    assert "私搭乱建：一票否决" in card.render()


def test_prerequisites_hold_a_tier_back() -> None:
    card = PLAN.score(inspect(perfect() | {"kitchen_grease": Observation.found(1), "featured": Observation.bonus(5)}))
    assert card.total == 103
    assert card.tier is Tier.DEMONSTRATION
    assert card.tier_reason == "未达精品户：厨房墙壁油污须达标"
    rooms = compile_rubric(FOUR_ROOMS_RUBRIC)
    full = {item.code: _best(item.mode, item.levels[0].name if item.levels else "") for item in FOUR_ROOMS_RUBRIC.items}
    assert rooms.score(inspect(full)).tier is Tier.BOUTIQUE
    dirty = rooms.score(inspect(full | {"kitchen_waste": Observation.found(1)}))
    assert (dirty.total, dirty.tier) == (Decimal(104), Tier.DEMONSTRATION)  # 99 + the capped bonus of 5
    assert dirty.tier_reason == "未达精品户：厨房须无扣分"


def _best(mode: ItemMode, level: str) -> Observation:
    if mode is ItemMode.DEDUCTION:
        return Observation.found(0)
    if mode is ItemMode.GRADED:
        return Observation.graded(level)
    if mode is ItemMode.VETO:
        return Observation.vetoed(False)
    return Observation.checked(True)


def test_not_applicable_items_are_scaled_back() -> None:
    # No yard greenery to judge: 85 applicable points, 61 earned → 61 × 100 / 85 = 71.76.
    seen = perfect() | {
        "greenery": Observation.skipped(note="无庭院"),
        "kitchen_grease": Observation.found(2),
        "door_window_dust": Observation.found(1),
        "yard_clutter": Observation.found(6),
        "indoor_storage": Observation.graded("较好"),
    }
    card = PLAN.score(inspect(seen))
    assert card.scaled
    assert card.base == Decimal("71.76")
    assert card.maximum == 110
    assert "庭院绿化：不适用，不计分" in card.render()
    unscaled = compile_rubric(attrs.evolve(FOUR_GOALS_RUBRIC, scale_not_applicable=False))
    plain = unscaled.score(inspect(seen))
    assert (plain.base, plain.maximum, plain.scaled) == (Decimal(61), Decimal(95), False)


def test_missing_items_make_a_provisional_card_or_an_error() -> None:
    seen = perfect()
    del seen["walls_tidy"]
    card = PLAN.score(inspect(seen))
    assert card.provisional
    assert card.missing == ("walls_tidy",)
    assert card.total == 85
    assert "墙面门庭整洁美观：漏检，暂按0分" in card.render()
    rooms = compile_rubric(FOUR_ROOMS_RUBRIC)
    with pytest.raises(ValidationError) as raised:
        rooms.score(inspect({"indoor_floor": Observation.checked(True)}))
    assert str(raised.value).startswith(
        "observations: expected an observation for every item of four_rooms@illustrative-2024, got 'missing indoor_bedding, "
    )


def test_observations_outside_what_an_item_allows_are_rejected_not_clipped() -> None:
    seen = perfect() | {
        "greenery": Observation.graded("优"),
        "featured": Observation.bonus(8),
        "toilet_clean": Observation(defects=2),
        "yard_litter": Observation(level="好", defects=1),
        "unlawful": Observation(met=True),
        "walls_tidy": Observation(hit=True, level="好"),
        "nope": Observation.checked(True),
    }
    with pytest.raises(ValidationError) as raised:
        PLAN.score(inspect(seen))
    assert str(raised.value).splitlines() == [
        "observations['yard_litter'].level: expected no level for 庭院地面垃圾杂物 (扣分项), got '好'",
        "observations['toilet_clean'].defects: expected no defect count for 厕所干净无异味 (达标项), got 2",
        "observations['walls_tidy'].hit: expected no veto for 墙面门庭整洁美观 (分级项), got True",
        "observations['greenery'].level: expected one of 好、较好、一般、差, got '优'",
        "observations['unlawful'].met: expected no met/unmet for 家庭成员违法犯罪 (一票否决项), got True",
        "observations['featured'].points: expected at most 5 points for 特色庭院, got Decimal('8')",
        "observations['nope']: expected an item of four_goals@illustrative-2024, got 'nope'",
    ]
    with pytest.raises(ValidationError) as raised:
        Observation(defects=-1, met="yes", points=Decimal(-2), level="")  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "met: expected true, false or nothing, got 'yes'",
        "defects: expected a whole count of defects >= 0, got -1",
        "level: expected a level name, got ''",
        "points: expected points >= 0, got Decimal('-2')",
    ]


def test_scoring_is_deterministic_and_cards_serialize() -> None:
    inspection = inspect(perfect() | {"kitchen_grease": Observation.found(3)})
    first, second = score(FOUR_GOALS_RUBRIC, inspection), PLAN.score(inspection)
    assert first == second
    assert structure(unstructure(first), ScoreCard) == first
    assert structure(unstructure(inspection), Inspection) == inspection
    assert repr(PLAN) == "<ScoringPlan four_goals@illustrative-2024: 12 items>"
    with pytest.raises(ValidationError, match="^rubric: expected a Rubric"):
        compile_rubric("four_goals")  # type: ignore[arg-type]


def test_bad_inspections() -> None:
    with pytest.raises(ValidationError) as raised:
        Inspection("", "h-1", "2024-05-31", "visit", {"a": 1}, ("",))  # type: ignore[arg-type, dict-item]
    assert str(raised.value).splitlines() == [
        "id: expected a non-empty id, got ''",
        "household: expected a Household, got 'h-1'",
        "date: expected a date, got '2024-05-31'",
        "kind: expected an InspectionKind, got 'visit'",
        "observations['a']: expected an Observation, got 1",
        "inspectors[0]: expected an inspector id, got ''",
    ]
    with pytest.raises(ValidationError, match="^village: expected a unit code, got ''$"):
        Household("h-1", "")
    assert inspect(perfect()) != inspect(perfect() | {"yard_litter": Observation.found(1)})
    assert inspect(perfect()).__eq__(3) is NotImplemented
    assert hash(inspect(perfect())) == hash(inspect(perfect()))


def test_the_fast_path_refuses_what_the_card_refuses() -> None:
    assert PLAN.total_and_tier(inspect(perfect())) == (Decimal(100), Tier.BOUTIQUE)
    assert PLAN.total_and_tier(inspect(perfect() | {"kitchen_grease": Observation.found(1)})) == (
        Decimal(98),
        Tier.DEMONSTRATION,
    )
    for bad in (
        {"greenery": Observation.graded("优")},
        {"featured": Observation.bonus(8)},
        {"toilet_clean": Observation(defects=2)},
        {"unlawful": Observation(met=True)},
        {"nope": Observation.checked(True)},
    ):
        with pytest.raises(ValidationError):
            PLAN.total_and_tier(inspect(perfect() | bad))
    rooms = compile_rubric(FOUR_ROOMS_RUBRIC)
    with pytest.raises(ValidationError, match="^observations: expected an observation for every item"):
        rooms.total_and_tier(inspect({"indoor_floor": Observation.checked(True)}))
    half = perfect() | {"greenery": Observation.skipped(), "featured": Observation.checked(True)}
    card = PLAN.score(inspect(half))
    assert PLAN.total_and_tier(inspect(half)) == (card.total, card.tier)


def test_the_fast_path_on_prerequisites_that_name_a_bonus_or_a_veto() -> None:
    rubric = attrs.evolve(
        FOUR_GOALS_RUBRIC,
        tiers=(
            TierRule(Tier.BOUTIQUE, 90, (Prerequisite(PrerequisiteKind.ITEM_MET, "featured"),)),
            TierRule(Tier.DEMONSTRATION, 80, (Prerequisite(PrerequisiteKind.ITEM_MET, "illegal_building"),)),
            TierRule(Tier.CLEAN, 60),
        ),
    )
    plan = compile_rubric(rubric)
    for seen in (
        perfect(),
        perfect() | {"featured": Observation.bonus(5)},
        perfect() | {"illegal_building": Observation.skipped()},
    ):
        card = plan.score(inspect(seen))
        assert plan.total_and_tier(inspect(seen)) == (card.total, card.tier)
    assert plan.score(inspect(perfect())).tier is Tier.DEMONSTRATION  # no 特色庭院 bonus claimed: not 精品户
    missing = dict(perfect())
    del missing["illegal_building"]
    card = plan.score(inspect(missing))
    assert (card.tier, plan.total_and_tier(inspect(missing))) == (Tier.CLEAN, (card.total, Tier.CLEAN))


def test_a_missing_veto_leaves_its_dimension_in_doubt() -> None:
    """Found by the deep profile: a dimension holding only a veto item that was not looked at."""
    from fulian_core.courtyard import Dimension, MissingPolicy, Rubric, RubricItem

    rubric = Rubric(
        "tiny",
        "小细则",
        "1",
        DAY,
        dimensions=(Dimension("clean", "洁化"), Dimension("orderly", "序化")),
        items=(
            RubricItem("a", "甲", "orderly", ItemMode.CHECKLIST, points=1),
            RubricItem("b", "乙", "orderly", ItemMode.CHECKLIST, points=1),
            RubricItem("v", "私搭乱建", "clean", ItemMode.VETO),
        ),
        tiers=(TierRule(Tier.CLEAN, 0, (Prerequisite(PrerequisiteKind.NO_DEFECT_IN_DIMENSION, "clean"),)),),
        maximum=2,
        missing=MissingPolicy.PROVISIONAL,
        scale_not_applicable=False,
    )
    plan = compile_rubric(rubric)
    card = plan.score(inspect({}))
    assert (card.tier, card.provisional) == (Tier.NONE, True)
    assert plan.total_and_tier(inspect({})) == (Decimal(0), Tier.NONE)
