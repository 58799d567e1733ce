"""The shipped catalog: each entry as its source states it."""

from __future__ import annotations

import datetime as dt

import pytest

from fulian_core.criteria import Evidence, assess
from fulian_core.criteria import catalog as shipped
from fulian_core.rules import Fact, ItemKind, Outcome, RuleSheet, Subject, SubjectKind, Verdict

ON = dt.date(2024, 6, 1)


def titles(criteria_set: RuleSheet, kind: ItemKind = ItemKind.REQUIREMENT) -> list[str]:
    return [item.title for item in criteria_set.of_kind(kind)]


def test_national_most_beautiful_family_five_pairs() -> None:
    # seed 000: "按照最美家庭评选的尊老爱幼、家庭和谐，爱国守法、民族团结，勤劳致富、爱岗敬业，遵守道德、热心公益，勤俭持家、保护环境总要求"
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_NATIONAL) == [
        "尊老爱幼、家庭和谐",
        "爱国守法、民族团结",
        "勤劳致富、爱岗敬业",
        "遵守道德、热心公益",
        "勤俭持家、保护环境",
    ]
    assert titles(shipped.MOST_BEAUTIFUL_FAMILY_NATIONAL, ItemKind.OVERRIDE) == [
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
    facts = {code: Fact.met() for code in virtues.codes[:5]} | {
        "scientific_parenting": Fact.not_applicable("家中无子女")
    }
    facts |= {item.code: Fact.not_met() for item in virtues.of_kind(ItemKind.OVERRIDE)}
    assessment = assess(virtues, Evidence(Subject("f-9", "黎岭村王建伟"), facts), on=ON)
    assert assessment.verdict is Verdict.ELIGIBLE
    assert assessment.line("scientific_parenting").outcome is Outcome.NOT_APPLICABLE


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
    facts = {item.code: Fact.met() for item in shipped.EIGHT_GOODS_ROLES}
    facts |= {
        "good_sister_in_law_wives": Fact.not_applicable("无妯娌"),
        "good_sister_in_law": Fact.not_applicable("无姑嫂"),
    }
    facts |= {item.code: Fact.not_met() for item in shipped.STANDARD_DISQUALIFIERS}
    assert assess(eight, Evidence(Subject("f-8", "陈家"), facts), on=ON).verdict is Verdict.ELIGIBLE


def test_people_and_posts() -> None:
    assert shipped.GOOD_MOTHER_IN_LAW_REPRESENTATIVE.subjects == {SubjectKind.PERSON}
    assert shipped.GOOD_DAUGHTER_IN_LAW_REPRESENTATIVE.subjects == {SubjectKind.PERSON}
    post = shipped.WOMENS_CIVILIZED_POST_FUJIAN_2016
    assert post.subjects == {SubjectKind.POST}
    assert post.issuer == "35"
    assert "女性占50%以上" in post.item("women_majority").title
    kindergarten = Subject("p-1", "甬江街道中心幼儿园", SubjectKind.POST)  # seed 002
    facts = {item.code: Fact.met() for item in post.of_kind(ItemKind.REQUIREMENT)} | {
        "member_misconduct": Fact.not_met()
    }
    assert assess(post, Evidence(kindergarten, facts), on=ON).verdict is Verdict.ELIGIBLE


@pytest.mark.parametrize("criteria_set", shipped.catalog(), ids=lambda s: str(s.ref))
def test_every_entry_names_its_source(criteria_set: RuleSheet) -> None:
    assert criteria_set.source
    assert any(word in criteria_set.source for word in ("seed", "DOMAIN", "公开资料", "通知"))
    if criteria_set.version == "representative":
        assert "代表性标准（非官方文本）" in criteria_set.source


def test_awards_name_every_set() -> None:
    assert len(shipped.AWARDS) == 11
    for criteria_set in shipped.catalog():
        assert shipped.AWARDS[criteria_set.code] == criteria_set.title
