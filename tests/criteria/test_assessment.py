"""Assessing candidates: outcomes, scores, verdicts, refusals and explanations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.criteria import Evidence, assess
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as NATIONAL
from fulian_core.rules import (
    Band,
    Evaluation,
    Fact,
    FactKind,
    Item,
    ItemKind,
    Outcome,
    Rating,
    RuleSheet,
    Subject,
    SubjectKind,
    Threshold,
    Verdict,
)

D = dt.date
ON = D(2024, 5, 1)
FAMILY = Subject("f-001", "刘红玉", unit="371082103201")  # seed 002: 梅园社区的刘红玉家庭
FIVE_PAIRS = NATIONAL.codes[:5]
VETOES = NATIONAL.codes[5:]


def all_clear() -> dict[str, Fact]:
    return {code: Fact.met() for code in FIVE_PAIRS} | {code: Fact.not_met() for code in VETOES}


def test_a_family_meeting_every_requirement_is_eligible() -> None:
    assessment = assess(NATIONAL, Evidence(FAMILY, all_clear()), on=ON)
    assert assessment.verdict is Verdict.ELIGIBLE
    assert assessment.sheet == NATIONAL.ref
    assert assessment.maximum == 0
    assert {line.outcome for line in assessment.lines} == {Outcome.MET}
    assert assessment.overrides == ()
    assert not assessment.provisional


def test_a_disqualifier_removes_the_candidate_whatever_else_holds() -> None:
    facts = all_clear() | {"cult": Fact.met("乡综治办通报")}
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    assert assessment.verdict is Verdict.NOT_ELIGIBLE
    assert assessment.overrides == ("cult",)
    assert assessment.line("cult").outcome is Outcome.FAILED
    assert assessment.reasons == ("一票否决：参与邪教",)


def test_unknowns_leave_the_verdict_undecided_and_say_which() -> None:
    facts = all_clear()
    del facts["diligent_dedicated"]
    facts["vice"] = Fact.unknown("待派出所回函")
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    assert assessment.verdict is Verdict.UNDECIDED
    assert assessment.deciding == ("diligent_dedicated", "vice")
    assert assessment.missing == ("diligent_dedicated",)
    failing = assess(NATIONAL, Evidence(FAMILY, facts | {"thrifty_green": Fact.not_met()}), on=ON)
    assert failing.verdict is Verdict.NOT_ELIGIBLE
    assert failing.requirements_failed == ("thrifty_green",)
    assert failing.deciding == ()


SCORED = RuleSheet(
    issuer="371082",
    code="five_star_household",
    version="2024",
    title="星级文明户",
    effective_from=D(2024, 1, 1),
    effective_until=D(2024, 12, 31),
    items=(
        Item(
            "respect",
            "尊老爱幼",
            ItemKind.SCORED,
            points=40,
            ratings=(Rating("优", 40), Rating("良", 30), Rating("差", 0)),
        ),
        Item("parenting", "科学教子", ItemKind.SCORED, points=30),
        Item("courtyard", "庭院整洁", ItemKind.SCORED, points=30),
        Item("volunteer", "志愿服务", ItemKind.BONUS, points=8),
        Item("story", "事迹感人", ItemKind.BONUS, points=8),
        Item("unlawful", "违法犯罪", ItemKind.OVERRIDE),
    ),
    bands=(Band.eligible(Threshold.at_least(60)), Band.not_eligible()),
    bonus_cap=10,
)


def test_scores_ratings_and_the_bonus_cap() -> None:
    facts = {
        "respect": Fact.rated("良", "村评议小组"),
        "parenting": Fact.scored(20),
        "courtyard": Fact.met(),
        "volunteer": Fact.met(),
        "story": Fact.scored(5),
        "unlawful": Fact.not_met(),
    }
    assessment = assess(SCORED, Evidence(FAMILY, facts), on=ON)
    assert assessment.line("respect").points == 30
    assert assessment.total == 30 + 20 + 30 + 10  # the bonus of 13 is capped at 10
    assert (assessment.maximum, assessment.bonus_ceiling, assessment.ceiling) == (
        Decimal(100),
        Decimal(10),
        Decimal(110),
    )
    assert assessment.verdict is Verdict.ELIGIBLE


def test_not_applicable_leaves_the_maximum_as_well_as_the_score() -> None:
    facts = {
        "respect": Fact.rated("优"),
        "parenting": Fact.not_applicable("家中无未成年子女"),
        "courtyard": Fact.met(),
        "unlawful": Fact.not_met(),
    }
    assessment = assess(SCORED, Evidence(FAMILY, facts), on=ON)
    assert assessment.line("parenting").outcome is Outcome.NOT_APPLICABLE
    assert (assessment.maximum, assessment.bonus_ceiling) == (Decimal(40 + 30), Decimal(10))
    assert assessment.total == 70
    assert assessment.best_total == 80


def test_a_pass_mark_out_of_reach_or_in_doubt() -> None:
    low = {
        "respect": Fact.rated("差"),
        "parenting": Fact.not_met(),
        "courtyard": Fact.scored(10),
        "unlawful": Fact.not_met(),
    }
    assert assess(SCORED, Evidence(FAMILY, low), on=ON).verdict is Verdict.NOT_ELIGIBLE
    open_question = {"respect": Fact.rated("良"), "unlawful": Fact.not_met()}
    assessment = assess(SCORED, Evidence(FAMILY, open_question), on=ON)
    assert assessment.verdict is Verdict.UNDECIDED
    assert assessment.deciding == ("parenting", "courtyard", "volunteer", "story")
    assert assessment.short_by == 30
    assert assessment.reasons == ("尚不能确定为符合评选条件：总分30分，须不低于60分",)


def test_weights_multiply_points() -> None:
    weighted = RuleSheet(
        issuer="371082",
        code="weighted",
        version="1",
        title="加权评选",
        effective_from=D(2024, 1, 1),
        items=(
            Item("a", "甲", ItemKind.SCORED, points=10, weight="0.6"),
            Item("b", "乙", ItemKind.SCORED, points=10, weight="0.4"),
        ),
        weights_total=1,
    )
    assessment = assess(weighted, Evidence(FAMILY, {"a": Fact.met(), "b": Fact.scored(5)}), on=ON)
    assert assessment.total == Decimal("8.0")
    assert assessment.maximum == Decimal("10.0")


def test_items_that_do_not_apply_to_the_candidate_kind() -> None:
    mixed = RuleSheet(
        issuer="371082",
        code="mixed",
        version="1",
        title="混合",
        effective_from=D(2024, 1, 1),
        subjects=frozenset({SubjectKind.PERSON, SubjectKind.FAMILY}),
        items=(
            Item("a", "甲", ItemKind.SCORED, points=10, applies_to=frozenset({SubjectKind.FAMILY})),
            Item("b", "乙", ItemKind.SCORED, points=10),
        ),
    )
    person = Subject("p-1", "王芳", SubjectKind.PERSON)
    assessment = assess(mixed, Evidence(person, {"b": Fact.met(), "a": Fact.met()}), on=ON)
    assert assessment.line("a").outcome is Outcome.NOT_APPLICABLE
    assert (assessment.total, assessment.maximum) == (Decimal(10), Decimal(10))
    with pytest.raises(
        ValidationError, match=r"^facts\['a'\].kind: expected met, not_met, unknown, not_applicable or scored"
    ):
        assess(mixed, Evidence(person, {"a": Fact.found(2)}), on=ON)


def test_bad_evidence_names_every_fault() -> None:
    facts = {
        "respect": Fact.rated("甲"),
        "parenting": Fact.scored(31),
        "unlawful": Fact.rated("优"),
        "nope": Fact.met(),
    }
    with pytest.raises(ValidationError) as raised:
        assess(SCORED, Evidence(FAMILY, facts), on=ON)
    assert str(raised.value).splitlines() == [
        "facts['respect'].rating: expected a rating of 尊老爱幼 (优、良、差), got '甲'",
        "facts['parenting'].points: expected at most 30 points for 科学教子, got Decimal('31')",
        "facts['unlawful'].kind: expected met, not_met, unknown or not_applicable for 违法犯罪 (否决/直接评定项), got 'rated'",
        "facts['nope']: expected an item of 371082/five_star_household@2024 (respect, parenting, courtyard, volunteer, story, unlawful), got 'nope'",
    ]
    with pytest.raises(ValidationError) as raised:
        assess(SCORED, Evidence(Subject("p-1", "王芳", SubjectKind.PERSON), {}), on=ON)
    assert str(raised.value) == "candidate.kind: expected a 家庭 subject for 星级文明户, got 'person'"


def test_a_set_is_used_only_while_in_force() -> None:
    with pytest.raises(ValidationError) as raised:
        assess(SCORED, Evidence(FAMILY, {}), on=D(2025, 1, 2))
    assert (
        str(raised.value)
        == "on: expected a date when 371082/five_star_household@2024 is in force (2024-01-01 to 2024-12-31), got '2025-01-02'"
    )
    with pytest.raises(ValidationError, match="^on: expected a date"):
        assess(SCORED, Evidence(FAMILY, {}), on="2024-05-01")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^evidence: expected an Evidence"):
        assess(SCORED, {"respect": Fact.met()}, on=ON)  # type: ignore[arg-type]


def test_bad_facts_and_candidates() -> None:
    with pytest.raises(ValidationError) as raised:
        Fact(FactKind.MET, rating="优", points=Decimal(1), source=3)  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "rating: expected no rating for a 'met' fact, got '优'",
        "points: expected no points for a 'met' fact, got Decimal('1')",
        "source: expected text, got 3",
    ]
    with pytest.raises(ValidationError, match="^rating: expected the name of a rating, got ''$"):
        Fact(FactKind.RATED)
    with pytest.raises(
        ValidationError,
        match=r"^points: expected a number of points >= 0 below 10\^9 with at most 6 decimal places, got Decimal\('-1'\)$",
    ):
        Fact.scored(-1)
    with pytest.raises(ValidationError, match="^points: expected an int, a decimal string or a Decimal, got 1.5$"):
        Fact.scored(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^points: expected a decimal number, got 'x'$"):
        Fact.scored("x")
    with pytest.raises(ValidationError, match="^kind: expected a FactKind, got 'met'$"):
        Fact("met")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised:
        Subject("", " ", "family", "")  # type: ignore[arg-type]
    assert len(raised.value.faults) == 4
    with pytest.raises(ValidationError, match=r"^facts\['a'\]: expected a Fact, got True$"):
        Evidence(FAMILY, {"a": True})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="^candidate: expected a Subject"):
        Evidence("x", {})  # type: ignore[arg-type]


def test_evidence_is_a_value() -> None:
    evidence = Evidence(FAMILY, {"a": Fact.met()})
    more = evidence.with_fact("b", Fact.not_met())
    assert dict(evidence.facts) == {"a": Fact.met()}
    assert more.fact("b") == Fact.not_met()
    assert more.fact("zzz") == Fact.unknown()
    assert evidence == Evidence(FAMILY, {"a": Fact.met()})
    assert hash(evidence) == hash(Evidence(FAMILY, {"a": Fact.met()}))
    assert evidence != more
    with pytest.raises(TypeError, match="read-only"):
        evidence.facts["a"] = Fact.not_met()  # type: ignore[index]


def test_assessments_serialize_for_apps() -> None:
    facts = all_clear() | {"vice": Fact.unknown("待核实")}
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    data = unstructure(assessment)
    assert data["band"] == {"code": "not_eligible", "label": "不符合评选条件", "rank": 0, "passing": False}
    assert data["sheet"] == {"issuer": "CN", "code": "most_beautiful_family", "version": "2014"}
    assert data["lines"][7]["fact"] == {"kind": "unknown", "source": "待核实"}
    assert structure(data, Evaluation) == assessment
    with pytest.raises(ValidationError, match="^code: expected an item of the evaluated sheet, got 'zzz'$"):
        assessment.line("zzz")


def test_explanations_read_as_a_report_would() -> None:
    facts = {
        "respect": Fact.rated("良", "村评议小组"),
        "parenting": Fact.not_applicable(),
        "courtyard": Fact.scored(25),
        "volunteer": Fact.met(),
        "unlawful": Fact.not_met(),
    }
    text = assess(SCORED, Evidence(FAMILY, facts), on=ON).render()
    assert text.splitlines() == [
        "刘*玉：星级文明户评定结果——符合评选条件（暂定）",
        "依据 371082/five_star_household@2024，评定日期 2024-05-01",
        "得分 63（满分70分＋加分10分），其中加分 8；待核实项全部符合时最高 65",
        "✓ 尊老爱幼：评定为良，得30分（满分40分）（依据：村评议小组）",
        "– 科学教子：不适用，不计分",
        "✓ 庭院整洁：得25分（满分30分）",
        "✓ 志愿服务：加8分",
        "? 事迹感人：缺少证据，待核实",
        "✓ 违法犯罪：无该情形",
    ]
    english = assess(NATIONAL, Evidence(FAMILY, all_clear() | {"vice": Fact.met()}), on=ON).render(
        english=True, mask_names=False
    )
    assert english.splitlines()[0] == "刘红玉：最美家庭评定结果——不符合评选条件 (not eligible)"
    assert "一票否决：涉黄赌毒" in english
    assert "✗ 涉黄赌毒 (pornography, gambling or drugs)：存在该情形，一票否决" in english
    failed = assess(NATIONAL, Evidence(FAMILY, all_clear() | {"thrifty_green": Fact.not_met()}), on=ON)
    assert "未达符合评选条件：未满足必备条件（勤俭持家、保护环境）" in failed.render()
    assert failed.line("thrifty_green").render() == "✗ 勤俭持家、保护环境：不符合必备条件"
    undecided = assess(NATIONAL, Evidence(FAMILY, {}), on=ON).render()
    assert "待核实后方可定论：尊老爱幼、家庭和谐、" in undecided
