"""Scoring inspections: every kind of item, not-applicable scaling, missing items, vetoes,
tiers, refusals — the courtyard rubrics of the catalog on the one rule engine."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.courtyard import Household, Inspection, InspectionKind, ScoreCard, score, standing, standings
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC
from fulian_core.rules import (
    Band,
    Fact,
    FactKind,
    Group,
    Item,
    ItemKind,
    MissingPolicy,
    NotApplicablePolicy,
    Prerequisite,
    PrerequisiteKind,
    RuleSheet,
    SubjectKind,
    Threshold,
    compile_sheet,
)

HOUSEHOLD = Household("h-0601", "371082103201")
DAY = dt.date(2024, 5, 31)
PLAN = compile_sheet(FOUR_GOALS_RUBRIC)


def perfect() -> dict[str, Fact]:
    return {
        "yard_litter": Fact.found(0),
        "kitchen_grease": Fact.found(0),
        "door_window_dust": Fact.found(0),
        "toilet_clean": Fact.met(),
        "yard_clutter": Fact.found(0),
        "indoor_storage": Fact.rated("好"),
        "walls_tidy": Fact.rated("好"),
        "greenery": Fact.rated("好"),
        "illegal_building": Fact.not_met(),
        "unlawful": Fact.not_met(),
    }


def inspect(facts: dict[str, Fact], kind: InspectionKind = InspectionKind.ACCEPTANCE) -> Inspection:
    return Inspection("i-1", HOUSEHOLD, DAY, kind, facts, ("chair-12", "chair-31"))


def details(card: ScoreCard) -> dict[str, str]:
    return {line.item: line.detail for line in card.evaluation.lines}


def test_a_perfect_courtyard_is_boutique() -> None:
    card = score(PLAN, inspect(perfect()))
    result = card.evaluation
    assert (card.total, result.maximum, result.bonus_ceiling, card.band.code) == (
        Decimal(100),
        Decimal(100),
        Decimal(10),
        "boutique",
    )
    assert not card.provisional
    assert [(d.title, int(d.score), int(d.maximum)) for d in result.groups] == [
        ("洁化", 40, 40),
        ("序化", 30, 30),
        ("美化", 15, 15),
        ("绿化", 15, 15),
    ]


def test_deductions_read_as_inspectors_write_them() -> None:
    # seed 001 篇7: 庭院物品摆放杂乱、厨房墙壁油污、门窗灰尘
    seen = perfect() | {
        "kitchen_grease": Fact.found(2),
        "door_window_dust": Fact.found(1),
        "yard_clutter": Fact.found(6, attachments=["p-1", "p-2"]),
    }
    card = score(PLAN, inspect(seen))
    lines = details(card)
    assert lines["kitchen_grease"] == "厨房墙壁油污 2处 × 2分 = −4分"
    assert lines["door_window_dust"] == "门窗灰尘 1处 × 2分 = −2分"
    assert lines["yard_clutter"] == "庭院物品摆放杂乱 6处 × 3分 = −18分，扣完为止 −15分"
    assert lines["yard_litter"] == "庭院地面垃圾杂物：未发现问题，得10分"
    assert card.total == 100 - 4 - 2 - 15
    assert card.band.code == "clean"  # 79: below 示范户's 80
    assert card.evaluation.reasons == ("未达示范户：总分79分，须不低于80分",)
    assert card.evaluation.short_by == 1


def test_scored_rated_and_bonus_lines() -> None:
    seen = perfect() | {
        "toilet_clean": Fact.not_met(),
        "greenery": Fact.rated("一般"),
        "featured": Fact.scored(5, "墨韵书香庭院"),
        "volunteer": Fact.met(),
    }
    card = score(PLAN, inspect(seen))
    lines = details(card)
    assert lines["toilet_clean"] == "厕所干净无异味：未达标，得0分（满分10分）"
    assert lines["greenery"] == "庭院绿化：评定为一般，得8分（满分15分）"
    assert lines["featured"] == "特色庭院：加5分"
    assert lines["volunteer"] == "参与巾帼志愿服务：加5分"
    assert (card.evaluation.bonus, card.total) == (Decimal(10), Decimal(93))
    assert card.band.code == "boutique"
    assert "· 参与巾帼志愿服务：未加分" in score(PLAN, inspect(perfect())).render()


def test_the_bonus_is_capped() -> None:
    card = score(PLAN, inspect(perfect() | {"featured": Fact.scored(5), "volunteer": Fact.scored(5)}))
    assert card.evaluation.bonus == 10
    assert card.total == card.evaluation.ceiling == 110


def test_a_veto_means_the_lowest_band_whatever_the_score() -> None:
    card = score(PLAN, inspect(perfect() | {"illegal_building": Fact.met("院内违建彩钢棚")}))
    assert card.total == 100
    assert card.band.code == "none"
    assert card.evaluation.overrides == ("illegal_building",)
    assert card.evaluation.reasons == ("一票否决：私搭乱建",)
    assert "✗ 私搭乱建：存在该情形，一票否决（依据：院内违建彩钢棚）" in card.render()


def test_prerequisites_hold_a_tier_back() -> None:
    card = score(PLAN, inspect(perfect() | {"kitchen_grease": Fact.found(1), "featured": Fact.scored(5)}))
    assert card.total == 103
    assert card.band.code == "demonstration"
    assert card.evaluation.reasons == ("未达精品户：厨房墙壁油污须达标",)
    rooms = compile_sheet(FOUR_ROOMS_RUBRIC)
    full = {item.code: _best(item) for item in FOUR_ROOMS_RUBRIC.items}
    assert score(rooms, inspect(full)).band.code == "boutique"
    dirty = score(rooms, inspect(full | {"kitchen_waste": Fact.found(1)}))
    assert (dirty.total, dirty.band.code) == (Decimal(104), "demonstration")  # 99 + the capped bonus of 5
    assert dirty.evaluation.reasons == ("未达精品户：厨房须得满分",)


def _best(item: Item) -> Fact:
    if item.kind is ItemKind.DEDUCTION:
        return Fact.found(0)
    if item.ratings:
        return Fact.rated(item.ratings[0].name)
    if item.kind is ItemKind.OVERRIDE:
        return Fact.not_met()
    return Fact.met()


def test_not_applicable_items_are_scaled_back() -> None:
    # No yard greenery to judge: 85 applicable points, 61 earned → 61 × 100 / 85 = 71.76.
    seen = perfect() | {
        "greenery": Fact.not_applicable("无庭院"),
        "kitchen_grease": Fact.found(2),
        "door_window_dust": Fact.found(1),
        "yard_clutter": Fact.found(6),
        "indoor_storage": Fact.rated("较好"),
    }
    card = score(PLAN, inspect(seen))
    assert card.evaluation.scaled
    assert card.total == Decimal("71.76")
    assert card.evaluation.maximum == 100
    assert "– 庭院绿化：不适用，不计分（依据：无庭院）" in card.render()
    unscaled = compile_sheet(attrs.evolve(FOUR_GOALS_RUBRIC, not_applicable=NotApplicablePolicy.EXCLUDE))
    plain = score(unscaled, inspect(seen)).evaluation
    assert (plain.total, plain.maximum, plain.scaled) == (Decimal(61), Decimal(85), False)


def test_missing_items_are_unknown_or_an_error() -> None:
    seen = perfect()
    del seen["walls_tidy"]
    card = score(PLAN, inspect(seen))
    result = card.evaluation
    assert card.provisional
    assert result.missing == ("walls_tidy",)
    assert (result.total, result.best_total) == (Decimal(85), Decimal(100))
    assert (result.band.code, result.best_band.code) == ("demonstration", "boutique")
    assert result.deciding == ("walls_tidy",)
    assert "? 墙面门庭整洁美观：缺少证据，待核实" in card.render()
    assert "等级：待定（示范户至精品户）" in card.render()
    rooms = compile_sheet(FOUR_ROOMS_RUBRIC)
    with pytest.raises(ValidationError) as raised:
        score(rooms, inspect({"indoor_floor": Fact.met()}))
    assert str(raised.value).startswith(
        "facts: expected a fact for every item of illustrative/four_rooms@2024, got 'missing indoor_bedding, "
    )


def test_facts_outside_what_an_item_reads_are_refused_not_clipped() -> None:
    seen = perfect() | {
        "greenery": Fact.rated("优"),
        "featured": Fact.scored(8),
        "toilet_clean": Fact.found(2),
        "yard_litter": Fact.rated("好"),
        "unlawful": Fact.scored(1),
        "walls_tidy": Fact.found(1),
        "nope": Fact.met(),
    }
    with pytest.raises(ValidationError) as raised:
        score(PLAN, inspect(seen))
    assert str(raised.value).splitlines() == [
        "facts['yard_litter'].kind: expected found, unknown or not_applicable for 庭院地面垃圾杂物 (扣分项), got 'rated'",
        "facts['toilet_clean'].kind: expected met, not_met, unknown, not_applicable or scored for 厕所干净无异味 (评分项), got 'found'",
        "facts['walls_tidy'].kind: expected rated, met, not_met, unknown, not_applicable or scored for 墙面门庭整洁美观 (评分项), got 'found'",
        "facts['greenery'].rating: expected a rating of 庭院绿化 (好、较好、一般、差), got '优'",
        "facts['unlawful'].kind: expected met, not_met, unknown or not_applicable for 家庭成员违法犯罪 (否决/直接评定项), got 'scored'",
        "facts['featured'].points: expected at most 5 points for 特色庭院, got Decimal('8')",
        "facts['nope']: expected an item of illustrative/four_goals@2024 (yard_litter, kitchen_grease, door_window_dust, toilet_clean, yard_clutter, indoor_storage, walls_tidy, greenery, featured, volunteer, illegal_building, unlawful), got 'nope'",
    ]
    with pytest.raises(ValidationError) as raised:
        Fact(FactKind.FOUND, count=-1, points=Decimal(-2), rating="")
    assert str(raised.value).splitlines() == [
        "count: expected a whole count of occurrences from 0 to 1000000, got -1",
        "points: expected no points for a 'found' fact, got Decimal('-2')",
    ]


def test_scoring_is_deterministic_and_cards_serialize() -> None:
    inspection = inspect(perfect() | {"kitchen_grease": Fact.found(3)})
    first, second = score(FOUR_GOALS_RUBRIC, inspection), score(PLAN, inspection)
    assert first == second
    assert structure(unstructure(first), ScoreCard) == first
    assert structure(unstructure(inspection), Inspection) == inspection
    assert repr(PLAN) == "<SheetPlan illustrative/four_goals@2024: 12 items>"
    with pytest.raises(ValidationError, match="^rubric: expected a RuleSheet or a SheetPlan"):
        score("four_goals", inspection)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^inspection: expected an Inspection"):
        score(PLAN, "i-1")  # type: ignore[arg-type]


def test_a_rubric_is_used_only_while_in_force() -> None:
    early = Inspection("i-0", HOUSEHOLD, dt.date(2023, 12, 31), InspectionKind.ACCEPTANCE, perfect())
    with pytest.raises(ValidationError) as raised:
        score(PLAN, early)
    assert str(raised.value) == (
        "on: expected a date when illustrative/four_goals@2024 is in force (2024-01-01 to …), got '2023-12-31'"
    )
    with pytest.raises(ValidationError, match="^on: expected a date when"):
        standing(PLAN, early)


def test_bad_inspections() -> None:
    with pytest.raises(ValidationError) as raised:
        Inspection("", "h-1", "2024-05-31", "visit", {"a": Fact.met()}, ("",))  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "id: expected a non-empty id, got ''",
        "household: expected a Household, got 'h-1'",
        "date: expected a date, got '2024-05-31'",
        "kind: expected an InspectionKind, got 'visit'",
        "inspectors[0]: expected an inspector id, got ''",
    ]
    with pytest.raises(ValidationError, match=r"^facts\['a'\]: expected a Fact, got 1$"):
        inspect({"a": 1})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="^inspectors: expected a list of inspector ids, not text"):
        Inspection("i-1", HOUSEHOLD, DAY, InspectionKind.ACCEPTANCE, {}, "chair-12")
    with pytest.raises(ValidationError, match="^village: expected a unit code, got ''$"):
        Household("h-1", "")
    assert inspect(perfect()) != inspect(perfect() | {"yard_litter": Fact.found(1)})
    assert hash(inspect(perfect())) == hash(inspect(perfect()))


def test_the_short_answer_refuses_what_the_card_refuses() -> None:
    assert standing(PLAN, inspect(perfect()))[:3] == (Decimal(100), Decimal(100), score(PLAN, inspect(perfect())).band)
    found = standing(PLAN, inspect(perfect() | {"kitchen_grease": Fact.found(1)}))
    assert (found.total, found.band.code) == (Decimal(98), "demonstration")
    for bad in (
        {"greenery": Fact.rated("优")},
        {"featured": Fact.scored(8)},
        {"toilet_clean": Fact.found(2)},
        {"unlawful": Fact.scored(1)},
        {"nope": Fact.met()},
    ):
        with pytest.raises(ValidationError):
            standing(PLAN, inspect(perfect() | bad))
    rooms = compile_sheet(FOUR_ROOMS_RUBRIC)
    with pytest.raises(ValidationError, match="^facts: expected a fact for every item"):
        standing(rooms, inspect({"indoor_floor": Fact.met()}))
    half = perfect() | {"greenery": Fact.not_applicable(), "featured": Fact.met()}
    card = score(PLAN, inspect(half))
    quick = standing(PLAN, inspect(half))
    assert (quick.total, quick.band) == (card.total, card.band)


def test_points_finer_than_the_rubric_are_read_exactly() -> None:
    card = score(PLAN, inspect(perfect() | {"featured": Fact.scored("2.5"), "toilet_clean": Fact.scored("7.25")}))
    assert card.total == Decimal("99.75")
    assert standing(PLAN, inspect(perfect() | {"featured": Fact.scored("2.5")})).total == Decimal("102.5")


def test_prerequisites_that_name_a_bonus_or_a_veto() -> None:
    rubric = attrs.evolve(
        FOUR_GOALS_RUBRIC,
        bands=(
            Band("boutique", "精品户", Threshold.at_least(90), (Prerequisite(PrerequisiteKind.ITEM_MET, "featured"),)),
            Band(
                "demonstration",
                "示范户",
                Threshold.at_least(80),
                (Prerequisite(PrerequisiteKind.ITEM_MET, "illegal_building"),),
            ),
            Band("clean", "清洁户", Threshold.at_least(60)),
            Band("none", "未达标", passing=False),
        ),
    )
    plan = compile_sheet(rubric)
    for seen in (
        perfect(),
        perfect() | {"featured": Fact.scored(5)},
        perfect() | {"illegal_building": Fact.not_applicable()},
    ):
        card = score(plan, inspect(seen))
        assert standing(plan, inspect(seen)).band == card.band
    assert score(plan, inspect(perfect())).band.code == "demonstration"  # no 特色庭院 bonus claimed: not 精品户
    missing = dict(perfect())
    del missing["illegal_building"]
    card = score(plan, inspect(missing))
    # The veto was not looked at: it may still fire, so only the lowest band is certain.
    assert (card.band.code, card.evaluation.best_band.code) == ("none", "demonstration")


def test_a_missing_veto_leaves_its_group_in_doubt() -> None:
    """Found by the deep profile: a group holding only a veto item that was not looked at."""
    rubric = RuleSheet(
        issuer="test",
        code="tiny",
        version="1",
        title="小细则",
        effective_from=DAY,
        subjects=frozenset({SubjectKind.HOUSEHOLD}),
        groups=(Group("clean", "洁化"), Group("orderly", "序化")),
        items=(
            Item("a", "甲", ItemKind.SCORED, "orderly", points=1),
            Item("b", "乙", ItemKind.SCORED, "orderly", points=1),
            Item("v", "私搭乱建", ItemKind.OVERRIDE, "clean"),
        ),
        bands=(
            Band("clean", "清洁户", Threshold.at_least(0), (Prerequisite(PrerequisiteKind.FULL_MARKS, "clean"),)),
            Band("none", "未达标", passing=False),
        ),
        maximum=2,
        missing=MissingPolicy.PROVISIONAL,
    )
    card = score(rubric, inspect({}))
    assert (card.band.code, card.provisional) == ("none", True)
    assert standing(rubric, inspect({})).band.code == "none"


def test_standings_score_many_inspections_at_once() -> None:
    # Hand-computed: a perfect card (100, 精品户), one grease spot (98, 示范户: the kitchen is no
    # longer full), finer points read by a finer plan (102.5), a yard without greenery scaled.
    batch = [
        inspect(perfect()),
        inspect(perfect() | {"kitchen_grease": Fact.found(1)}),
        inspect(perfect() | {"featured": Fact.scored("2.5")}),
        inspect(perfect() | {"greenery": Fact.not_applicable(), "featured": Fact.met()}),
    ]
    found = standings(PLAN, batch)
    assert [(item.total, item.band.code) for item in found[:3]] == [
        (Decimal(100), "boutique"),
        (Decimal(98), "demonstration"),
        (Decimal("102.5"), "boutique"),
    ]
    assert found == [standing(PLAN, inspection) for inspection in batch]
    assert standings(FOUR_GOALS_RUBRIC, iter(batch)) == found
    assert standings(PLAN, []) == []


def test_standings_name_the_inspection_they_refuse() -> None:
    good = inspect(perfect())
    with pytest.raises(ValidationError) as raised:
        standings(PLAN, [good, good, inspect(perfect() | {"greenery": Fact.rated("优")})])
    assert str(raised.value).startswith("inspections[2].facts['greenery'].rating: expected ")
    early = Inspection("i-0", HOUSEHOLD, dt.date(2023, 12, 31), InspectionKind.ACCEPTANCE, perfect())
    with pytest.raises(ValidationError, match=r"^inspections\[1\].on: expected a date when"):
        standings(PLAN, [good, early])
    with pytest.raises(ValidationError, match=r"^inspections\[1\]: expected an Inspection, got 'dict'$"):
        standings(PLAN, [good, {}])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="^inspections: expected a list of inspections, got 'str'$"):
        standings(PLAN, "i-1")  # type: ignore[arg-type]
