"""Rule sheets as definitions: every fault with its path, reading, adaptation, plain data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
import pytest

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL
from fulian_core.rules import (
    Band,
    Condition,
    Group,
    Item,
    ItemKind,
    Measure,
    MissingPolicy,
    Prerequisite,
    PrerequisiteKind,
    Rating,
    RuleSheet,
    SheetRef,
    Threshold,
)

D = dt.date
SCALE = (Rating("优", 10), Rating("良", 8), Rating("中", 6), Rating("差", 0))


def test_items_of_every_kind() -> None:
    graded = Item("respect", "尊老爱幼", ItemKind.SCORED, points=10, weight="0.5", ratings=SCALE)
    assert graded.maximum == Decimal(5)
    assert graded.rating("良") == Rating("良", Decimal(8))
    assert graded.rating("甲") is None
    pool = Item("litter", "垃圾", ItemKind.DEDUCTION, per_occurrence=2)
    assert pool.is_pool_deduction
    assert pool.maximum == 0
    assert Item("x", "违法犯罪", ItemKind.OVERRIDE).maximum == 0


@pytest.mark.parametrize(
    ("build", "lines"),
    [
        (
            lambda: Item("Bad Code", "", ItemKind.SCORED),
            [
                "code: expected a code of ASCII letters, digits, '_', '-' or '.', got 'Bad Code'",
                "title: expected non-empty text, got ''",
                "points: expected a positive number below 10^9 with at most 4 decimal places, got Decimal('0')",
            ],
        ),
        (
            lambda: Item("r", "尊老爱幼", ItemKind.REQUIREMENT, points=5, ratings=SCALE),
            [
                "points: expected no points for a 必备条件, got Decimal('5')",
                "ratings: expected no ratings for a 必备条件, got [Rating(name='优', points=Decimal('10')), Rating(name='良',...",
            ],
        ),
        (
            lambda: Item("s", "尊老爱幼", ItemKind.SCORED, points=8, ratings=(Rating("优", 10), Rating("优", 5))),
            [
                "ratings[0].points: expected at most the item's 8 points, got Decimal('10')",
                "ratings[1].name: expected a rating name not used before, got '优'",
            ],
        ),
        (
            lambda: Item("s", "x", ItemKind.SCORED, points=1.5),
            ["points: expected a number (int, decimal string or Decimal; never a float), got 1.5"],
        ),
        (
            lambda: Rating("优", "ten"),
            ["points: expected a number (int, decimal string or Decimal; never a float), got 'ten'"],
        ),
        (
            lambda: Item("d", "扣分", ItemKind.DEDUCTION, points=10, per_occurrence=0, max_deduction=12),
            [
                "per_occurrence: expected a positive number below 10^9 with at most 4 decimal places, got Decimal('0')",
                "max_deduction: expected a cap at most the item's 10 points, got Decimal('12')",
            ],
        ),
        (
            lambda: Item("v", "私搭乱建", ItemKind.OVERRIDE, points=5, target="Not A Band"),
            [
                "points: expected no points for a 否决/直接评定项, got Decimal('5')",
                "target: expected a code of ASCII letters, digits, '_', '-' or '.', got 'Not A Band'",
            ],
        ),
        (
            lambda: Item("c", "达标", ItemKind.SCORED, points=5, target="a", per_occurrence=6),
            [
                "per_occurrence: expected points per occurrence at most the item's 5 points, got Decimal('6')",
                "target: expected no target band for a 评分项, got 'a'",
            ],
        ),
        (
            lambda: Item("c", "达标", ItemKind.REQUIREMENT, per_occurrence=1),
            ["per_occurrence: expected no points per occurrence for a 必备条件, got Decimal('1')"],
        ),
        (
            lambda: Item(
                "c",
                "参加志愿服务",
                ItemKind.BONUS,
                points=5,
                per_occurrence=1,
                ratings=[Rating("好", 5)],
                condition=Condition(Measure.NUMBER, ["≥1"]),
            ),
            [
                "ratings: expected no ratings for an item that counts occurrences, got ['好']",
                "condition: expected no condition for an item that counts occurrences, got '不低于1'",
            ],
        ),
        (
            lambda: Item("c", "x", "checklist", points=5),  # type: ignore[arg-type]
            ["kind: expected an ItemKind, got 'checklist'"],
        ),
        (
            lambda: Condition(Measure.QUANTITY, [Threshold.at_least(50)]),
            ["unit: expected the Unit of the measured figure, got None"],
        ),
        (
            lambda: Condition(Measure.ELAPSED, [Threshold.at_least("2.5")]),
            [
                "thresholds[0].value: expected a whole number of years, months or days, got '5/2'",
                "duration: expected a DurationUnit, got None",
            ],
        ),
        (
            lambda: Condition(Measure.RATIO, "≥2/3"),
            ["thresholds: expected a list, not text or a mapping, got '≥2/3'"],
        ),
        (
            lambda: Band("A", "A级", Threshold.at_most(90)),
            [
                (
                    "minimum: expected a Threshold the score must reach (side 'above'), got "
                    "Threshold(side=<Side.BELOW: 以下>, value=Fraction(90, 1), b..."
                )
            ],
        ),
    ],
)
def test_bad_items_name_every_fault(build: object, lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        build()  # type: ignore[operator]
    assert str(raised.value).splitlines() == lines


def _sheet(**changes: object) -> RuleSheet:
    fields: dict[str, object] = {
        "issuer": "371082103",
        "code": "township",
        "version": "2024",
        "title": "镇级评分细则",
        "effective_from": D(2024, 1, 1),
        "groups": (Group("clean", "洁化"), Group("kitchen", "厨房")),
        "items": (
            Item("litter", "庭院垃圾", ItemKind.DEDUCTION, "clean", points=60, per_occurrence=5),
            Item("grease", "厨房墙壁油污", ItemKind.DEDUCTION, "kitchen", points=40, per_occurrence=2),
        ),
        "bands": (
            Band("boutique", "精品户", Threshold.at_least(90)),
            Band("demonstration", "示范户", Threshold.at_least(80)),
            Band("clean", "清洁户", Threshold.at_least(60)),
            Band("none", "未达标", passing=False),
        ),
        "maximum": 100,
        "missing": MissingPolicy.ERROR,
    }
    fields.update(changes)
    return RuleSheet(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "lines"),
    [
        ({"maximum": 90}, ["items: expected points adding up to the maximum 90, got '100'"]),
        ({"maximum": 110}, ["items: expected points adding up to the maximum 110, got '100'"]),
        (
            {
                "bands": (
                    Band("demonstration", "示范户", Threshold.at_least(80)),
                    Band("boutique", "精品户", Threshold.at_least(90)),
                    Band("none", "未达标", passing=False),
                )
            },
            ["bands[1].minimum: expected a threshold below the better band's ≥80, got '≥90'"],
        ),
        (
            {"bands": (Band("clean", "清洁户", Threshold.at_least(60)), Band("clean", "重复", passing=False))},
            ["bands[1].code: expected a code not used by another band, got 'clean'"],
        ),
        (
            {"bands": (Band("clean", "清洁户", Threshold.at_least(60)),)},
            ["bands[0]: expected a last band without conditions (the lowest band: 未达标, 不合格, D级), got 'clean'"],
        ),
        (
            {"bands": (Band("clean", "清洁户", Threshold.at_least(101)), Band("none", "未达标", passing=False))},
            ["bands[0].minimum: expected a score from 0 to 100, got '≥101'"],
        ),
        (
            {"bands": (Band("fail", "不合格", Threshold.at_least(60), passing=False), Band("pass", "合格"))},
            ["bands[1].passing: expected false below a band that does not pass, got True"],
        ),
        (
            {"groups": (Group("clean", "洁化"), Group("clean", "重复"))},
            [
                "items[1].group: expected one of clean, got 'kitchen'",
                "groups[1].code: expected a code not used by another group, got 'clean'",
            ],
        ),
        (
            {"groups": (Group("clean", "洁化", "kitchen"), Group("kitchen", "厨房", "clean"))},
            [
                "groups[0].parent: expected a parent that does not lead back to the group, got 'kitchen'",
                "groups[1].parent: expected a parent that does not lead back to the group, got 'clean'",
            ],
        ),
        (
            {"groups": (Group("clean", "洁化", points=50), Group("kitchen", "厨房"))},
            ["groups[0].points: expected at least the 60 points of its items, got Decimal('50')"],
        ),
        (
            {"groups": (Group("clean", "洁化", points=70), Group("kitchen", "厨房"))},
            [
                "groups[0].points: expected the 60 points of its items, or a pool that deduction items draw on, got Decimal('70')"
            ],
        ),
        (
            {
                "items": (
                    Item("a", "甲", ItemKind.SCORED, "clean", points=50),
                    Item("a", "乙", ItemKind.SCORED, "clean", points=50),
                )
            },
            ["items[1].code: expected a code not used by another item, got 'a'"],
        ),
        (
            {
                "bands": (
                    Band(
                        "boutique",
                        "精品户",
                        Threshold.at_least(90),
                        (Prerequisite(PrerequisiteKind.FULL_MARKS, "toilet"),),
                    ),
                    Band("none", "未达标", passing=False),
                )
            },
            ["bands[0].requires[0].target: expected a group of the sheet, got 'toilet'"],
        ),
        (
            {"items": (*_sheet().items, Item("v", "私搭乱建", ItemKind.OVERRIDE, target="gold"))},
            ["items[2].target: expected a band (boutique, demonstration, clean, none), got 'gold'"],
        ),
        (
            {"items": (*_sheet().items, Item("c", "获县级表彰", ItemKind.CONDITION))},
            [
                "items[2].kind: expected a condition that some band requires (or a requirement for every passing band), got 'condition'"
            ],
        ),
        (
            {"items": (), "bands": ()},
            ["items: expected at least one item, got []"],
        ),
        (
            {"effective_until": D(2023, 1, 1)},
            ["effective_until: expected a date on or after 2024-01-01, got '2023-01-01'"],
        ),
        (
            {"issuer": " ", "version": "", "places": 9, "subjects": frozenset()},
            [
                "issuer: expected non-empty text, got ' '",
                "version: expected non-empty text, got ''",
                "subjects: expected at least one kind of subject, got []",
                "places: expected a whole number of decimal places from 0 to 4, got 9",
            ],
        ),
        ({"weights_total": 3}, ["items: expected scored weights adding up to 3, got '0'"]),
    ],
)
def test_bad_sheets_name_every_fault(changes: dict[str, object], lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        _sheet(**changes)
    assert str(raised.value).splitlines() == lines


def test_collections_refuse_text_and_mappings() -> None:
    with pytest.raises(DefinitionError, match="^items: expected a list, not text or a mapping, got 'litter'$"):
        _sheet(items="litter")
    with pytest.raises(DefinitionError, match="^subjects: expected a list, not text or a mapping"):
        _sheet(subjects="household")
    with pytest.raises(DefinitionError, match="^bands: expected a list, not text or a mapping"):
        _sheet(bands={"boutique": 90})


def test_a_sheet_reads_its_parts() -> None:
    sheet = _sheet()
    assert sheet.ref == SheetRef("371082103", "township", "2024")
    assert str(sheet.ref) == "371082103/township@2024"
    assert sheet.codes == ("litter", "grease")
    assert sheet.item("grease").title == "厨房墙壁油污"
    assert sheet.group("kitchen").title == "厨房"
    assert sheet.band("").code == "none"
    assert [item.code for item in sheet.of_kind(ItemKind.DEDUCTION)] == ["litter", "grease"]
    assert (sheet.full_marks, sheet.bonus_ceiling) == (Decimal(100), Decimal(0))
    assert FOUR_GOALS_RUBRIC.bonus_ceiling == 10
    assert MOST_BEAUTIFUL_FAMILY_NATIONAL.full_marks == 0
    with pytest.raises(
        ValidationError, match=r"^code: expected an item of 371082103/township@2024 \(litter, grease\), got 'z'$"
    ):
        sheet.item("z")
    with pytest.raises(ValidationError, match="^code: expected a group of"):
        sheet.group("z")
    with pytest.raises(
        ValidationError, match=r"^code: expected a band of .* \(boutique, demonstration, clean, none\), got 'z'$"
    ):
        sheet.band("z")
    assert sheet.in_force_on(D(2030, 1, 1))
    assert not sheet.in_force_on(D(2023, 12, 31))
    assert hash(sheet) == hash(_sheet())


def test_adaptation_is_explicit_and_keeps_the_parent() -> None:
    national = MOST_BEAUTIFUL_FAMILY_NATIONAL
    local = national.adapt(
        issuer="371082",
        version="2024",
        effective_from=D(2024, 3, 1),
        drop=["thrifty_green"],
        replace=[Item("moral_public_spirited", "遵守道德、热心公益、参与志愿服务")],
        add=[
            Item("family_motto", "有良好家训家风"),
            Item("story", "事迹突出", ItemKind.BONUS, points=5),
        ],
        bonus_cap=5,
        source="荣成市妇联2024年最美家庭评选方案",
    )
    assert local.based_on == national.ref
    assert "thrifty_green" not in local.codes
    assert local.item("moral_public_spirited").title == "遵守道德、热心公益、参与志愿服务"
    assert local.codes[4:6] == ("family_motto", "story")  # before the overrides
    assert local.source == "荣成市妇联2024年最美家庭评选方案"
    assert local.bonus_cap == 5
    assert "thrifty_green" in national.codes  # the parent is unchanged


def test_a_rubric_is_adapted_like_criteria() -> None:
    township = FOUR_GOALS_RUBRIC.adapt(
        issuer="371082103",
        version="2025",
        effective_from=D(2025, 1, 1),
        drop=["volunteer"],
        add=[Item("motto", "家风家训上墙", ItemKind.BONUS, "beautified", points=5)],
        bands=(
            Band("boutique", "精品户", Threshold.at_least(92)),
            *FOUR_GOALS_RUBRIC.bands[1:],
        ),
    )
    assert township.based_on == FOUR_GOALS_RUBRIC.ref
    assert township.bands[0].minimum == Threshold.at_least(92)
    assert township.codes[-3:] == ("motto", "illegal_building", "unlawful")
    assert township.missing is FOUR_GOALS_RUBRIC.missing


def test_adaptation_refuses_codes_that_do_not_exist() -> None:
    national = MOST_BEAUTIFUL_FAMILY_NATIONAL
    with pytest.raises(DefinitionError) as raised:
        national.adapt(
            issuer="371082",
            version="2024",
            effective_from=D(2024, 3, 1),
            drop=["nope", "thrifty_green"],
            replace=[Item("thrifty_green", "已删除"), "x"],  # type: ignore[list-item]
            add=[Item("unlawful", "重复")],
        )
    assert str(raised.value).splitlines() == [
        (
            "drop[0]: expected a code of CN/most_beautiful_family@2014 (respect_elders_harmony, patriotic_lawful_unity, "
            "diligent_dedicated, moral_public_spirited, thrifty_green, unlawful, criminal_case, vice, cult), got 'nope'"
        ),
        "replace[0].code: expected a code of CN/most_beautiful_family@2014 still present, got 'thrifty_green'",
        "replace[1]: expected an Item, got 'x'",
        "add[0].code: expected a code not already in the sheet, got 'unlawful'",
    ]
    with pytest.raises(DefinitionError, match="^drop: expected a list, not text or a mapping"):
        national.adapt(issuer="x", version="1", effective_from=D(2024, 1, 1), drop="vice")


def test_sheets_as_plain_data() -> None:
    for sheet in (FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC, MOST_BEAUTIFUL_FAMILY_NATIONAL):
        assert structure(unstructure(sheet), RuleSheet) == sheet
    data = unstructure(_sheet())
    data["items"][0]["kind"] = "deduct"
    data["bands"][0]["minimum"] = 95.5
    data["bands"][1]["minimum"] = "九十"
    data["missing"] = "maybe"
    data["colour"] = "red"
    with pytest.raises(ValidationError) as raised:
        structure(data, RuleSheet)
    assert str(raised.value).splitlines() == [
        "items[0].kind: expected one of 'requirement', 'condition', 'scored', 'deduction', 'bonus', 'override', got 'deduct'",
        "bands[0].minimum: expected a threshold written as text ('≥85', '85以上', '超过2/3'), got 95.5",
        "bands[1].minimum: expected a threshold such as '≥85', '85分以上', '超过2/3' or '85%及以上', got '九十'",
        "missing: expected one of 'error', 'provisional', 'unknown', got 'maybe'",
        "colour: expected no such key (unknown keys are rejected), got 'colour'",
    ]
    assert attrs.evolve(_sheet(), missing=MissingPolicy.PROVISIONAL).missing is MissingPolicy.PROVISIONAL
