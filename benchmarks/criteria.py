"""Criteria: candidates judged against a 12-criterion set (requirements, graded and yes/no
scored items, bonus items with a cap, disqualifiers, a pass score), against a hand-written
evaluator that gives the same verdicts and scores."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from fulian_core.criteria import (
    Award,
    Candidate,
    CriteriaSet,
    Criterion,
    CriterionKind,
    Evidence,
    Fact,
    FactKind,
    GradeLevel,
    Verdict,
    compile_criteria,
)

_GRADES = (GradeLevel("优", 20), GradeLevel("良", 15), GradeLevel("中", 10), GradeLevel("差", 0))
ON = dt.date(2024, 5, 1)

CRITERIA_SET = CriteriaSet(
    award=Award("bench_family", "基准家庭"),
    issuer="CN",
    version="1",
    effective_from=dt.date(2024, 1, 1),
    criteria=(
        Criterion("law_abiding", "遵纪守法", CriterionKind.REQUIREMENT),
        Criterion("harmony", "家庭和睦", CriterionKind.REQUIREMENT),
        Criterion("resident", "本地常住", CriterionKind.REQUIREMENT),
        Criterion("elders", "尊老爱幼", CriterionKind.SCORED, points=20, levels=_GRADES),
        Criterion("education", "科学教子", CriterionKind.SCORED, points=20, levels=_GRADES),
        Criterion("thrift", "勤俭持家", CriterionKind.SCORED, points=20),
        Criterion("neighbours", "邻里互助", CriterionKind.SCORED, points=20),
        Criterion("environment", "保护环境", CriterionKind.SCORED, points=20, weight="0.5"),
        Criterion("volunteer", "志愿服务", CriterionKind.BONUS, points=5),
        Criterion("honours", "获得表彰", CriterionKind.BONUS, points=5),
        Criterion("crime", "违法犯罪", CriterionKind.DISQUALIFIER),
        Criterion("cult", "参与邪教", CriterionKind.DISQUALIFIER),
    ),
    pass_score=60,
    bonus_cap=8,
    source="benchmark",
)


def make_evidence(count: int, seed: int) -> list[Evidence]:
    """Candidates with mostly known facts: grades, yes/no, a few unknowns and a rare veto."""
    rng = random.Random(seed)
    found: list[Evidence] = []
    for index in range(count):
        facts: dict[str, Fact] = {}
        for criterion in CRITERIA_SET.criteria:
            roll = rng.random()
            if roll < 0.05:
                continue  # unknown
            if criterion.levels:
                facts[criterion.code] = Fact.graded(rng.choice(_GRADES).name)
            elif criterion.kind is CriterionKind.DISQUALIFIER:
                facts[criterion.code] = Fact.yes() if roll > 0.99 else Fact.no()
            else:
                facts[criterion.code] = Fact.yes() if roll > 0.2 else Fact.no()
        found.append(Evidence(Candidate(f"family-{index}", "张秀梅"), facts))
    return found


def library_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[Verdict, Decimal]]]:
    plan = compile_criteria(CRITERIA_SET)

    def run() -> list[tuple[Verdict, Decimal]]:
        judge = plan.judge
        return [judge(item, on=ON) for item in evidence]

    return run


def handwritten_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[str, Decimal]]]:
    """What a careful user writes by hand: the same rules, in one loop per candidate."""
    rows = [
        (
            criterion.code,
            criterion.kind,
            criterion.points,
            criterion.weight,
            {level.name: level.points for level in criterion.levels},
        )
        for criterion in CRITERIA_SET.criteria
    ]
    pass_score = CRITERIA_SET.pass_score
    cap = CRITERIA_SET.bonus_cap
    zero = Decimal(0)

    def judge(item: Evidence) -> tuple[str, Decimal]:
        facts = item.facts
        known = best = bonus_known = bonus_best = bonus_room = zero
        hit = failed = unknown_gate = False
        for code, kind, points, weight, levels in rows:
            fact = facts.get(code)
            unknown = fact is None or fact.kind is FactKind.UNKNOWN
            if kind is CriterionKind.DISQUALIFIER or kind is CriterionKind.REQUIREMENT:
                if unknown:
                    unknown_gate = True
                elif (fact.kind is FactKind.YES) == (kind is CriterionKind.DISQUALIFIER):  # type: ignore[union-attr]
                    if kind is CriterionKind.DISQUALIFIER:
                        hit = True
                    else:
                        failed = True
                continue
            if unknown:
                earned, possible = zero, points * weight
            elif fact.kind is FactKind.GRADE:  # type: ignore[union-attr]
                earned = possible = levels[fact.grade] * weight  # type: ignore[union-attr]
            else:
                earned = possible = (points if fact.kind is FactKind.YES else zero) * weight  # type: ignore[union-attr]
            if kind is CriterionKind.BONUS:
                bonus_room += points * weight
                bonus_known += earned
                bonus_best += possible
            else:
                known += earned
                best += possible
        room = min(cap, bonus_room)
        known += min(room, bonus_known)
        best += min(room, bonus_best)
        can_pass = not hit and not failed and (pass_score is None or best >= pass_score)
        can_fail = hit or failed or unknown_gate or (pass_score is not None and known < pass_score)
        if can_pass and can_fail:
            return "undecided", known
        return ("eligible" if can_pass else "not_eligible"), known

    def run() -> list[tuple[str, Decimal]]:
        return [judge(item) for item in evidence]

    return run


def assess_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[str, Decimal]]]:
    """The full, explained assessment (for reference: what the plan saves)."""
    from fulian_core.criteria import assess  # noqa: PLC0415 - kept next to its one use

    def run() -> list[tuple[str, Decimal]]:
        found = [assess(CRITERIA_SET, item, on=ON) for item in evidence]
        return [(assessment.verdict.code, assessment.score) for assessment in found]

    return run
