"""Assessing candidates: outcomes, scores, verdicts, refusals and explanations."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.criteria import (
    Assessment,
    Award,
    Candidate,
    CandidateKind,
    CriteriaSet,
    Criterion,
    CriterionKind,
    Evidence,
    Fact,
    FactKind,
    GradeLevel,
    Outcome,
    Verdict,
    assess,
    explain_result,
)
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as NATIONAL

D = dt.date
ON = D(2024, 5, 1)
FAMILY = Candidate("f-001", "刘红玉", unit="371082103201")  # seed 002: 梅园社区的刘红玉家庭
FIVE_PAIRS = NATIONAL.codes[:5]
VETOES = NATIONAL.codes[5:]


def all_clear() -> dict[str, Fact]:
    return {code: Fact.yes() for code in FIVE_PAIRS} | {code: Fact.no() for code in VETOES}


def test_a_family_meeting_every_requirement_is_eligible() -> None:
    assessment = assess(NATIONAL, Evidence(FAMILY, all_clear()), on=ON)
    assert assessment.verdict is Verdict.ELIGIBLE
    assert assessment.criteria_set == NATIONAL.ref
    assert assessment.maximum == 0
    assert {result.outcome for result in assessment.results} == {Outcome.MET}
    assert assessment.disqualifiers_hit == ()


def test_a_disqualifier_removes_the_candidate_whatever_else_holds() -> None:
    facts = all_clear() | {"cult": Fact.yes("乡综治办通报")}
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    assert assessment.verdict is Verdict.NOT_ELIGIBLE
    assert assessment.disqualifiers_hit == ("cult",)
    assert assessment.result("cult").outcome is Outcome.FAILED


def test_unknowns_leave_the_verdict_undecided_and_say_which() -> None:
    facts = all_clear()
    del facts["diligent_dedicated"]
    facts["vice"] = Fact.unknown("待派出所回函")
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    assert assessment.verdict is Verdict.UNDECIDED
    assert assessment.deciding == ("diligent_dedicated", "vice")
    failing = assess(NATIONAL, Evidence(FAMILY, facts | {"thrifty_green": Fact.no()}), on=ON)
    assert failing.verdict is Verdict.NOT_ELIGIBLE
    assert failing.requirements_failed == ("thrifty_green",)
    assert failing.deciding == ()


SCORED = CriteriaSet(
    award=Award("five_star_household", "星级文明户"),
    issuer="371082",
    version="2024",
    effective_from=D(2024, 1, 1),
    effective_until=D(2024, 12, 31),
    criteria=(
        Criterion(
            "respect",
            "尊老爱幼",
            CriterionKind.SCORED,
            points=40,
            levels=(GradeLevel("优", 40), GradeLevel("良", 30), GradeLevel("差", 0)),
        ),
        Criterion("parenting", "科学教子", CriterionKind.SCORED, points=30),
        Criterion("courtyard", "庭院整洁", CriterionKind.SCORED, points=30),
        Criterion("volunteer", "志愿服务", CriterionKind.BONUS, points=8),
        Criterion("story", "事迹感人", CriterionKind.BONUS, points=8),
        Criterion("unlawful", "违法犯罪", CriterionKind.DISQUALIFIER),
    ),
    pass_score=60,
    bonus_cap=10,
)


def test_scores_grades_weights_and_the_bonus_cap() -> None:
    facts = {
        "respect": Fact.graded("良", "村评议小组"),
        "parenting": Fact.scored(20),
        "courtyard": Fact.yes(),
        "volunteer": Fact.yes(),
        "story": Fact.scored(5),
        "unlawful": Fact.no(),
    }
    assessment = assess(SCORED, Evidence(FAMILY, facts), on=ON)
    assert assessment.result("respect").points == 30
    assert assessment.score == 30 + 20 + 30 + 10  # the bonus of 13 is capped at 10
    assert assessment.maximum == 110
    assert assessment.verdict is Verdict.ELIGIBLE


def test_not_applicable_leaves_the_maximum_as_well_as_the_score() -> None:
    facts = {
        "respect": Fact.graded("优"),
        "parenting": Fact.not_applicable("家中无未成年子女"),
        "courtyard": Fact.yes(),
        "unlawful": Fact.no(),
    }
    assessment = assess(SCORED, Evidence(FAMILY, facts), on=ON)
    assert assessment.result("parenting").outcome is Outcome.NOT_APPLICABLE
    assert assessment.maximum == 40 + 30 + 10
    assert assessment.score == 70
    assert assessment.score_if_unknowns_met == 80


def test_a_pass_score_out_of_reach_or_in_doubt() -> None:
    low = {"respect": Fact.graded("差"), "parenting": Fact.no(), "courtyard": Fact.scored(10), "unlawful": Fact.no()}
    assert assess(SCORED, Evidence(FAMILY, low), on=ON).verdict is Verdict.NOT_ELIGIBLE
    open_question = {"respect": Fact.graded("良"), "unlawful": Fact.no()}
    assessment = assess(SCORED, Evidence(FAMILY, open_question), on=ON)
    assert assessment.verdict is Verdict.UNDECIDED
    assert assessment.deciding == ("parenting", "courtyard", "volunteer", "story")


def test_weights_multiply_points() -> None:
    weighted = CriteriaSet(
        award=Award("weighted", "加权评选"),
        issuer="371082",
        version="1",
        effective_from=D(2024, 1, 1),
        criteria=(
            Criterion("a", "甲", CriterionKind.SCORED, points=10, weight="0.6"),
            Criterion("b", "乙", CriterionKind.SCORED, points=10, weight="0.4"),
        ),
        weights_total=1,
    )
    assessment = assess(weighted, Evidence(FAMILY, {"a": Fact.yes(), "b": Fact.scored(5)}), on=ON)
    assert assessment.score == Decimal("8.0")
    assert assessment.maximum == Decimal("10.0")


def test_criteria_that_do_not_apply_to_the_candidate_kind() -> None:
    mixed = CriteriaSet(
        award=Award("mixed", "混合", CandidateKind.PERSON),
        issuer="371082",
        version="1",
        effective_from=D(2024, 1, 1),
        criteria=(
            Criterion("a", "甲", CriterionKind.SCORED, points=10, applies_to=frozenset({CandidateKind.FAMILY})),
            Criterion("b", "乙", CriterionKind.SCORED, points=10),
        ),
    )
    person = Candidate("p-1", "王芳", CandidateKind.PERSON)
    assessment = assess(mixed, Evidence(person, {"b": Fact.yes()}), on=ON)
    assert assessment.result("a").outcome is Outcome.NOT_APPLICABLE
    assert (assessment.score, assessment.maximum) == (Decimal(10), Decimal(10))


def test_bad_evidence_names_every_fault() -> None:
    facts = {
        "respect": Fact.graded("甲"),
        "parenting": Fact.scored(31),
        "unlawful": Fact.graded("优"),
        "nope": Fact.yes(),
    }
    with pytest.raises(ValidationError) as raised:
        assess(SCORED, Evidence(Candidate("p-1", "王芳", CandidateKind.PERSON), facts), on=ON)
    assert str(raised.value).splitlines() == [
        "candidate.kind: expected a 家庭 candidate for 星级文明户, got 'person'",
        "facts['respect'].grade: expected a level of 尊老爱幼 (优、良、差), got '甲'",
        "facts['parenting'].points: expected at most 30 points for 科学教子, got Decimal('31')",
        "facts['unlawful'].kind: expected yes, no, unknown or not_applicable for 违法犯罪 (it has no grades), got 'grade'",
        "facts['nope']: expected a criterion of 371082/five_star_household@2024 (respect, parenting, courtyard, volunteer, story, unlawful), got 'nope'",
    ]
    with pytest.raises(
        ValidationError,
        match="^facts\\['unlawful'\\].kind: expected yes, no, unknown or not_applicable for a 一票否决, got 'points'$",
    ):
        assess(SCORED, Evidence(FAMILY, {"unlawful": Fact.scored(1)}), on=ON)


def test_a_set_is_used_only_while_in_force() -> None:
    with pytest.raises(ValidationError) as raised:
        assess(SCORED, Evidence(FAMILY, {}), on=D(2025, 1, 2))
    assert (
        str(raised.value)
        == "on: expected a date when 371082/five_star_household@2024 is in force (2024-01-01 to 2024-12-31), got '2025-01-02'"
    )
    with pytest.raises(ValidationError, match="^on: expected a date"):
        assess(SCORED, Evidence(FAMILY, {}), on="2024-05-01")  # type: ignore[arg-type]


def test_bad_facts_and_candidates() -> None:
    with pytest.raises(ValidationError) as raised:
        Fact(FactKind.YES, grade="优", points=Decimal(1), source=3)  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "grade: expected no grade for a 'yes' fact, got '优'",
        "points: expected no points for a 'yes' fact, got Decimal('1')",
        "source: expected text, got 3",
    ]
    with pytest.raises(ValidationError, match="^grade: expected the name of a level, got ''$"):
        Fact(FactKind.GRADE)
    with pytest.raises(ValidationError, match="^points: expected a number of points >= 0, got Decimal\\('-1'\\)$"):
        Fact.scored(-1)
    with pytest.raises(ValidationError, match="^points: expected an int, a decimal string or a Decimal, got 1.5$"):
        Fact.scored(1.5)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^points: expected a decimal number, got 'x'$"):
        Fact.scored("x")
    with pytest.raises(ValidationError, match="^kind: expected a FactKind, got 'yes'$"):
        Fact("yes")  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as raised:
        Candidate("", " ", "family", "")  # type: ignore[arg-type]
    assert len(raised.value.faults) == 4
    with pytest.raises(ValidationError, match="^facts\\['a'\\]: expected a Fact, got True$"):
        Evidence(FAMILY, {"a": True})  # type: ignore[dict-item]
    with pytest.raises(ValidationError, match="^candidate: expected a Candidate"):
        Evidence("x", {})  # type: ignore[arg-type]


def test_evidence_is_a_value() -> None:
    evidence = Evidence(FAMILY, {"a": Fact.yes()})
    more = evidence.with_fact("b", Fact.no())
    assert dict(evidence.facts) == {"a": Fact.yes()}
    assert more.fact("b") == Fact.no()
    assert more.fact("zzz") == Fact.unknown()
    assert evidence == Evidence(FAMILY, {"a": Fact.yes()})
    assert hash(evidence) == hash(Evidence(FAMILY, {"a": Fact.yes()}))
    assert evidence.__eq__(3) is NotImplemented
    assert Fact.graded("优").kind is FactKind.GRADE


def test_assessments_serialize_for_apps() -> None:
    facts = all_clear() | {"vice": Fact.unknown("待核实")}
    assessment = assess(NATIONAL, Evidence(FAMILY, facts), on=ON)
    data = unstructure(assessment)
    assert data["verdict"] == "undecided"
    assert data["criteria_set"] == {"issuer": "CN", "award": "most_beautiful_family", "version": "2014"}
    assert structure(data, Assessment) == assessment
    with pytest.raises(ValidationError, match="^code: expected a criterion of the assessed set, got 'zzz'$"):
        assessment.result("zzz")


def test_explanations_read_as_a_report_would() -> None:
    facts = {
        "respect": Fact.graded("良", "村评议小组"),
        "parenting": Fact.not_applicable(),
        "courtyard": Fact.scored(25),
        "volunteer": Fact.yes(),
        "unlawful": Fact.no(),
    }
    text = assess(SCORED, Evidence(FAMILY, facts), on=ON).explain()
    assert text.splitlines() == [
        "刘*玉：星级文明户评审结论——符合评选条件",
        "依据标准 371082/five_star_household@2024，评审日期 2024-05-01",
        "得分 63 / 80（待核实项全部符合时最高 65），合格线 60",
        "✓ 尊老爱幼：评定为良，得30分（满分40分）（依据：村评议小组）",
        "– 科学教子：不适用，不计入满分",
        "✓ 庭院整洁：得25分（满分30分）",
        "✓ 志愿服务：加分项，得8分（满分8分）",
        "? 事迹感人：缺少证据，待核实",
        "✓ 违法犯罪：无该情形",
    ]
    english = assess(NATIONAL, Evidence(FAMILY, all_clear() | {"vice": Fact.yes()}), on=ON).explain(
        english=True, mask_names=False
    )
    assert english.splitlines()[0] == "刘红玉：最美家庭评审结论——不符合评选条件 (not eligible)"
    assert "一票否决：涉黄赌毒" in english
    assert "✗ 涉黄赌毒 (pornography, gambling or drugs)：存在该情形，一票否决" in english
    failed = assess(NATIONAL, Evidence(FAMILY, all_clear() | {"thrifty_green": Fact.no()}), on=ON)
    assert "未满足必备条件：勤俭持家、保护环境" in failed.explain()
    assert explain_result(failed.result("thrifty_green")) == "✗ 勤俭持家、保护环境：不符合必备条件"
    undecided = assess(NATIONAL, Evidence(FAMILY, {}), on=ON).explain()
    assert "待核实后方可定论：尊老爱幼、家庭和谐、" in undecided
