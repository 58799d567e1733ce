"""Criteria sets as definitions: validation with paths, adaptation, plain data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.criteria import Award, CandidateKind, CriteriaSet, Criterion, CriterionKind, GradeLevel, SetRef
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY, MOST_BEAUTIFUL_FAMILY_NATIONAL
from fulian_core.testing import criteria_sets
from fulian_core.testing.laws import assert_round_trip

D = dt.date
SCALE = (GradeLevel("优", 10), GradeLevel("良", 8), GradeLevel("中", 6), GradeLevel("差", 0))


def test_criteria_of_four_kinds() -> None:
    graded = Criterion("respect", "尊老爱幼", CriterionKind.SCORED, points=10, weight="0.5", levels=SCALE)
    assert graded.is_graded
    assert graded.maximum == Decimal(5)
    assert graded.level("良") == GradeLevel("良", Decimal(8))
    assert graded.level("甲") is None
    assert Criterion("x", "违法犯罪", CriterionKind.DISQUALIFIER).applies(CandidateKind.POST)
    only_families = Criterion("x", "邻里互助", applies_to=frozenset({CandidateKind.FAMILY}))
    assert not only_families.applies(CandidateKind.PERSON)


@pytest.mark.parametrize(
    ("build", "lines"),
    [
        (
            lambda: Criterion("Bad Code", "", CriterionKind.SCORED),
            [
                "code: expected a code of ASCII letters, digits, '_', '-' or '.', got 'Bad Code'",
                "title: expected non-empty text, got ''",
                "points: expected a positive number of points, got Decimal('0')",
            ],
        ),
        (
            lambda: Criterion("r", "尊老爱幼", CriterionKind.REQUIREMENT, points=5, levels=SCALE),
            [
                "points: expected no points for a 必备条件, got Decimal('5')",
                "levels: expected no levels for a 必备条件, got [GradeLevel(name='优', points=Decimal('10')), GradeLevel(n...",
            ],
        ),
        (
            lambda: Criterion(
                "s", "尊老爱幼", CriterionKind.SCORED, points=8, levels=(GradeLevel("优", 10), GradeLevel("优", 5))
            ),
            [
                "levels[0].points: expected at most the item's 8 points, got Decimal('10')",
                "levels[1].name: expected a level name not used before, got '优'",
            ],
        ),
        (
            lambda: Criterion("s", "x", CriterionKind.SCORED, points=1.5),
            ["points: expected a number (int, decimal string or Decimal; never a float), got 1.5"],
        ),
        (
            lambda: GradeLevel("优", "ten"),
            ["points: expected a number (int, decimal string or Decimal; never a float), got 'ten'"],
        ),
    ],
)
def test_bad_criteria(build: object, lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        build()  # type: ignore[operator]
    assert str(raised.value).splitlines() == lines


def _set(**changes: object) -> CriteriaSet:
    fields: dict[str, object] = {
        "award": MOST_BEAUTIFUL_FAMILY,
        "issuer": "371082",
        "version": "2024",
        "effective_from": D(2024, 1, 1),
        "criteria": (
            Criterion("a", "尊老爱幼", CriterionKind.SCORED, points=60),
            Criterion("b", "家庭和谐", CriterionKind.SCORED, points=40),
        ),
    }
    fields.update(changes)
    return CriteriaSet(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "lines"),
    [
        ({"criteria": ()}, ["criteria: expected at least one criterion, got []"]),
        (
            {"criteria": (Criterion("a", "甲"), Criterion("a", "乙"))},
            ["criteria[1].code: expected a code not used by another criterion, got 'a'"],
        ),
        ({"weights_total": 3}, ["criteria: expected scored weights adding up to 3, got '2'"]),
        ({"bonus_cap": -1}, ["bonus_cap: expected a number of points >= 0, got Decimal('-1')"]),
        (
            {"criteria": (Criterion("x", "特色", CriterionKind.BONUS, points=5),)},
            ["bonus_cap: expected a positive cap when there are bonus items, got Decimal('0')"],
        ),
        ({"pass_score": 101}, ["pass_score: expected at most the attainable 100 points, got Decimal('101')"]),
        (
            {"effective_until": D(2023, 1, 1)},
            ["effective_until: expected a date on or after 2024-01-01, got '2023-01-01'"],
        ),
        (
            {"issuer": " ", "version": ""},
            ["issuer: expected non-empty text, got ' '", "version: expected non-empty text, got ''"],
        ),
        ({"award": "最美家庭"}, ["award: expected an Award, got '最美家庭'"]),
    ],
)
def test_bad_sets_name_every_fault(changes: dict[str, object], lines: list[str]) -> None:
    with pytest.raises(DefinitionError) as raised:
        _set(**changes)
    assert str(raised.value).splitlines() == lines


def test_a_set_reads_its_criteria() -> None:
    criteria_set = _set(pass_score=60, weights_total=2)
    assert criteria_set.ref == SetRef("371082", "most_beautiful_family", "2024")
    assert str(criteria_set.ref) == "371082/most_beautiful_family@2024"
    assert criteria_set.codes == ("a", "b")
    assert criteria_set.criterion("b").title == "家庭和谐"
    assert [c.code for c in criteria_set.of_kind(CriterionKind.SCORED)] == ["a", "b"]
    with pytest.raises(
        ValidationError, match=r"^code: expected a criterion of 371082/most_beautiful_family@2024 \(a, b\), got 'z'$"
    ):
        criteria_set.criterion("z")
    assert criteria_set.in_force_on(D(2030, 1, 1))
    assert not criteria_set.in_force_on(D(2023, 12, 31))


def test_adaptation_is_explicit_and_keeps_the_parent() -> None:
    national = MOST_BEAUTIFUL_FAMILY_NATIONAL
    local = national.adapt(
        issuer="371082",
        version="2024",
        effective_from=D(2024, 3, 1),
        drop=["thrifty_green"],
        replace=[Criterion("moral_public_spirited", "遵守道德、热心公益、参与志愿服务")],
        add=[
            Criterion("family_motto", "有良好家训家风"),
            Criterion("story", "事迹突出", CriterionKind.BONUS, points=5),
        ],
        bonus_cap=5,
        source="荣成市妇联2024年最美家庭评选方案",
    )
    assert local.based_on == national.ref
    assert "thrifty_green" not in local.codes
    assert local.criterion("moral_public_spirited").title == "遵守道德、热心公益、参与志愿服务"
    assert local.codes[4:6] == ("family_motto", "story")  # before the disqualifiers
    assert local.source == "荣成市妇联2024年最美家庭评选方案"
    assert "thrifty_green" in national.codes  # the parent is unchanged


def test_adaptation_refuses_codes_that_do_not_exist() -> None:
    national = MOST_BEAUTIFUL_FAMILY_NATIONAL
    with pytest.raises(DefinitionError) as raised:
        national.adapt(
            issuer="371082",
            version="2024",
            effective_from=D(2024, 3, 1),
            drop=["nope", "thrifty_green"],
            replace=[Criterion("thrifty_green", "已删除")],
            add=[Criterion("unlawful", "重复")],
        )
    assert str(raised.value).splitlines() == [
        (
            "drop[0]: expected a code of CN/most_beautiful_family@2014 (respect_elders_harmony, patriotic_lawful_unity, "
            "diligent_dedicated, moral_public_spirited, thrifty_green, unlawful, criminal_case, vice, cult), got 'nope'"
        ),
        "replace[0].code: expected a code of CN/most_beautiful_family@2014 still present, got 'thrifty_green'",
        "add[0].code: expected a code not already in the set, got 'unlawful'",
    ]


def test_sets_as_plain_data() -> None:
    data = {
        "award": {"code": "most_beautiful_family", "label": "最美家庭"},
        "issuer": "371082",
        "version": "2024",
        "effective_from": "2024-01-01",
        "criteria": [
            {
                "code": "respect",
                "title": "尊老爱幼",
                "kind": "scored",
                "points": "10",
                "levels": [{"name": "优", "points": "10"}],
            },
            {"code": "unlawful", "title": "违法犯罪", "kind": "disqualifier"},
        ],
        "pass_score": "6",
    }
    criteria_set = structure(data, CriteriaSet)
    assert criteria_set.criterion("respect").level("优") == GradeLevel("优", Decimal(10))
    assert structure(unstructure(criteria_set), CriteriaSet) == criteria_set
    bad = {
        **data,
        "criteria": [{"code": "respect", "title": "尊老爱幼", "kind": "graded", "points": 10.0}],
        "colour": "red",
    }
    with pytest.raises(ValidationError) as raised:
        structure(bad, CriteriaSet)
    assert str(raised.value).splitlines() == [
        "criteria[0].kind: expected one of 'requirement', 'scored', 'bonus', 'disqualifier', got 'graded'",
        "criteria[0].points: expected a decimal number written as a string, got 10.0",
        "colour: expected no such key (unknown keys are rejected), got 'colour'",
    ]
    with pytest.raises(ValidationError) as raised:
        structure({**data, "criteria": []}, CriteriaSet)
    assert str(raised.value) == "criteria: expected at least one criterion, got []"


def test_award() -> None:
    assert Award("x", "某奖").candidates is CandidateKind.FAMILY
    with pytest.raises(DefinitionError, match="^code: expected a code"):
        Award("", "某奖")


@given(criteria_sets())
def test_criteria_sets_round_trip(criteria_set: CriteriaSet) -> None:
    assert_round_trip(criteria_set, CriteriaSet)
