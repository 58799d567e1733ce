"""The shipped catalog: each entry as its source states it."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core.criteria import (
    Candidate,
    CandidateKind,
    CriteriaSet,
    CriterionKind,
    Evidence,
    Fact,
    Outcome,
    Verdict,
    assess,
)
from fulian_core.criteria import catalog as shipped

ON = dt.date(2024, 6, 1)


def titles(criteria_set: CriteriaSet, kind: CriterionKind = CriterionKind.REQUIREMENT) -> list[str]:
    return [criterion.title for criterion in criteria_set.of_kind(kind)]


def test_national_most_beautiful_family_five_pairs() -> None:
    # seed 000: "按照最美家庭评选的尊老爱幼、家庭和谐，爱国守法、民族团结，勤劳致富、爱岗敬业，遵守道德、热心公益，勤俭持家、保护环境总要求"
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_NATIONAL) == [
        "尊老爱幼、家庭和谐",
        "爱国守法、民族团结",
        "勤劳致富、爱岗敬业",
        "遵守道德、热心公益",
        "勤俭持家、保护环境",
    ]
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_NATIONAL, CriterionKind.DISQUALIFIER) == [
        "违法犯罪",
        "发生刑事案件",
        "涉黄赌毒",
        "参与邪教",
    ]


def test_community_and_township_variants() -> None:
    # seed 000: 以慈母、贤妻、孝女为评价标准
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER) == ["慈母", "贤妻", "孝女"]
    assert shipped.MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER.based_on == shipped.MOST_BEAUTIFUL_FAMILY_NATIONAL.ref
    # seed 003: 夫妻和睦、尊老爱幼、科学教子、勤俭持家、邻里互助
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_TOWNSHIP_VIRTUES) == [
        "夫妻和睦",
        "尊老爱幼",
        "科学教子",
        "勤俭持家",
        "邻里互助",
    ]


def test_a_childless_family_under_the_township_virtues() -> None:
    virtues = shipped.MOST_BEAUTIFUL_FAMILY_TOWNSHIP_VIRTUES
    facts = {code: Fact.yes() for code in virtues.codes[:5]} | {
        "scientific_parenting": Fact.not_applicable("家中无子女")
    }
    facts |= {criterion.code: Fact.no() for criterion in virtues.of_kind(CriterionKind.DISQUALIFIER)}
    assessment = assess(virtues, Evidence(Candidate("f-9", "黎岭村王建伟"), facts), on=ON)
    assert assessment.verdict is Verdict.ELIGIBLE
    assert assessment.result("scientific_parenting").outcome is Outcome.NOT_APPLICABLE


def test_five_good_civilized_family() -> None:
    assert titles(shipped.FIVE_GOOD_CIVILIZED_FAMILY_STANDARD) == [
        "爱国守法、热心公益好",
        "学习进取、爱岗敬业好",
        "男女平等、尊老爱幼好",
        "移风易俗、少生优育好",
        "勤俭持家、保护环境好",
    ]


def test_eight_goods_skip_roles_a_family_does_not_have() -> None:
    eight = shipped.EIGHT_GOODS_STANDARD
    assert titles(eight) == ["好妈妈", "好婆婆", "好妻子", "好子女", "好儿媳", "好妯娌", "好姑嫂", "好邻居"]
    facts = {criterion.code: Fact.yes() for criterion in shipped.EIGHT_GOODS_ROLES}
    facts |= {
        "good_sister_in_law_wives": Fact.not_applicable("无妯娌"),
        "good_sister_in_law": Fact.not_applicable("无姑嫂"),
    }
    facts |= {criterion.code: Fact.no() for criterion in shipped.STANDARD_DISQUALIFIERS}
    assert assess(eight, Evidence(Candidate("f-8", "陈家"), facts), on=ON).verdict is Verdict.ELIGIBLE


def test_people_and_posts() -> None:
    assert shipped.GOOD_MOTHER_IN_LAW.candidates is CandidateKind.PERSON
    assert shipped.GOOD_DAUGHTER_IN_LAW.candidates is CandidateKind.PERSON
    post = shipped.WOMENS_CIVILIZED_POST_FUJIAN_2016
    assert post.award.candidates is CandidateKind.POST
    assert post.issuer == "35"
    assert "女性占50%以上" in post.criterion("women_majority").title
    kindergarten = Candidate("p-1", "甬江街道中心幼儿园", CandidateKind.POST)  # seed 002
    facts = {criterion.code: Fact.yes() for criterion in post.of_kind(CriterionKind.REQUIREMENT)} | {
        "member_misconduct": Fact.no()
    }
    assert assess(post, Evidence(kindergarten, facts), on=ON).verdict is Verdict.ELIGIBLE


@pytest.mark.parametrize("criteria_set", shipped.catalog(), ids=lambda s: str(s.ref))
def test_every_entry_names_its_source(criteria_set: CriteriaSet) -> None:
    assert criteria_set.source
    assert any(word in criteria_set.source for word in ("seed", "DOMAIN", "公开资料", "通知"))
    if criteria_set.version == "representative":
        assert "代表性标准（非官方文本）" in criteria_set.source


def test_award_codes_are_unique() -> None:
    awards = [
        getattr(shipped, name)
        for name in shipped.__all__
        if name.isupper() and hasattr(getattr(shipped, name), "label")
    ]
    assert len({award.code for award in awards}) == len(awards) == 11
