"""Criteria: candidates judged against a 12-item criteria set (requirements, scored items with
ratings and met-or-not, bonus items with a cap, disqualifiers, a pass score), against a
hand-written evaluator that gives the same verdicts and scores.

The criteria set is a rule sheet with the eligibility bands (符合评选条件 from the pass score
up, 不符合评选条件 below); an item without a fact is unknown, so a candidate may be undecided."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from decimal import Decimal

from fulian_core.criteria import Evidence
from fulian_core.rules import (
    Band,
    Fact,
    FactKind,
    Item,
    ItemKind,
    MissingPolicy,
    Rating,
    RuleSheet,
    Subject,
    SubjectKind,
    Threshold,
    Verdict,
    compile_sheet,
)

_GRADES = (Rating("优", 20), Rating("良", 15), Rating("中", 10), Rating("差", 0))
ON = dt.date(2024, 5, 1)
PASS_SCORE = 60
BONUS_CAP = 8

CRITERIA_SET = RuleSheet(
    issuer="CN",
    code="bench_family",
    version="1",
    title="基准家庭",
    effective_from=dt.date(2024, 1, 1),
    items=(
        Item("law_abiding", "遵纪守法", ItemKind.REQUIREMENT),
        Item("harmony", "家庭和睦", ItemKind.REQUIREMENT),
        Item("resident", "本地常住", ItemKind.REQUIREMENT),
        Item("elders", "尊老爱幼", ItemKind.SCORED, points=20, ratings=_GRADES),
        Item("education", "科学教子", ItemKind.SCORED, points=20, ratings=_GRADES),
        Item("thrift", "勤俭持家", ItemKind.SCORED, points=20),
        Item("neighbours", "邻里互助", ItemKind.SCORED, points=20),
        Item("environment", "保护环境", ItemKind.SCORED, points=20, weight="0.5"),
        Item("volunteer", "志愿服务", ItemKind.BONUS, points=5),
        Item("honours", "获得表彰", ItemKind.BONUS, points=5),
        Item("crime", "违法犯罪", ItemKind.OVERRIDE),  # 一票否决: to the lowest band
        Item("cult", "参与邪教", ItemKind.OVERRIDE),
    ),
    bands=(Band.eligible(Threshold.at_least(PASS_SCORE)), Band.not_eligible()),
    subjects=frozenset({SubjectKind.FAMILY}),
    bonus_cap=BONUS_CAP,
    missing=MissingPolicy.UNKNOWN,
    source="benchmark",
)


def make_evidence(count: int, seed: int) -> list[Evidence]:
    """Candidates with mostly known facts: ratings, met or not, a few unknowns and a rare veto."""
    rng = random.Random(seed)
    found: list[Evidence] = []
    for index in range(count):
        facts: dict[str, Fact] = {}
        for item in CRITERIA_SET.items:
            roll = rng.random()
            if roll < 0.05:
                continue  # unknown
            if item.ratings:
                facts[item.code] = Fact.rated(rng.choice(_GRADES).name)
            elif item.kind is ItemKind.OVERRIDE:
                facts[item.code] = Fact.met() if roll > 0.99 else Fact.not_met()
            else:
                facts[item.code] = Fact.met() if roll > 0.2 else Fact.not_met()
        found.append(Evidence(Subject(f"family-{index}", "张秀梅"), facts))
    return found


def library_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[Verdict, Decimal]]]:
    """The compiled sheet's short answer: the verdict and the certain score of each candidate."""
    plan = compile_sheet(CRITERIA_SET)

    def run() -> list[tuple[Verdict, Decimal]]:
        standing = plan.standing
        found = [standing(item.facts, on=ON) for item in evidence]
        return [(result.verdict, result.total) for result in found]

    return run


def handwritten_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[str, Decimal]]]:
    """What a careful user writes by hand: the same rules, in one loop per candidate."""
    rows = [
        (
            item.code,
            item.kind,
            item.points,
            item.weight,
            {rating.name: rating.points for rating in item.ratings},
        )
        for item in CRITERIA_SET.items
    ]
    pass_score = Decimal(PASS_SCORE)
    cap = Decimal(BONUS_CAP)
    zero = Decimal(0)

    def judge(item: Evidence) -> tuple[str, Decimal]:
        facts = item.facts
        known = best = bonus_known = bonus_best = bonus_room = zero
        hit = failed = unknown_gate = False
        for code, kind, points, weight, levels in rows:
            fact = facts.get(code)
            unknown = fact is None or fact.kind is FactKind.UNKNOWN
            if kind is ItemKind.OVERRIDE or kind is ItemKind.REQUIREMENT:
                if unknown:
                    unknown_gate = True
                elif (fact.kind is FactKind.MET) == (kind is ItemKind.OVERRIDE):  # type: ignore[union-attr]
                    if kind is ItemKind.OVERRIDE:
                        hit = True
                    else:
                        failed = True
                continue
            if unknown:
                earned, possible = zero, points * weight
            elif fact.kind is FactKind.RATED:  # type: ignore[union-attr]
                earned = possible = levels[fact.rating] * weight  # type: ignore[union-attr]
            else:
                earned = possible = (points if fact.kind is FactKind.MET else zero) * weight  # type: ignore[union-attr]
            if kind is ItemKind.BONUS:
                bonus_room += points * weight
                bonus_known += earned
                bonus_best += possible
            else:
                known += earned
                best += possible
        room = min(cap, bonus_room)
        known += min(room, bonus_known)
        best += min(room, bonus_best)
        can_pass = not hit and not failed and best >= pass_score
        can_fail = hit or failed or unknown_gate or known < pass_score
        if can_pass and can_fail:
            return "undecided", known
        return ("eligible" if can_pass else "not_eligible"), known

    def run() -> list[tuple[str, Decimal]]:
        return [judge(item) for item in evidence]

    return run


def assess_verdicts(evidence: list[Evidence]) -> Callable[[], list[tuple[str, Decimal]]]:
    """The full, explained assessment (for reference: what the short answer saves)."""
    from fulian_core.criteria import assess  # noqa: PLC0415 - kept next to its one use

    plan = compile_sheet(CRITERIA_SET)

    def run() -> list[tuple[str, Decimal]]:
        found = [assess(plan, item, on=ON) for item in evidence]
        return [(evaluation.verdict.code, evaluation.total) for evaluation in found]

    return run
