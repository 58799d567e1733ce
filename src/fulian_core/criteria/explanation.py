"""Readable explanations of assessments (评审说明), in Chinese with English labels on request."""

from __future__ import annotations

from decimal import Decimal

from fulian_core.criteria.assessment import Assessment, CriterionResult, Outcome, Verdict
from fulian_core.criteria.evidence import FactKind
from fulian_core.criteria.model import CriterionKind
from fulian_core.privacy import mask_name

__all__ = ["explain", "explain_result"]

_MARKS = {Outcome.MET: "✓", Outcome.FAILED: "✗", Outcome.UNKNOWN: "?", Outcome.NOT_APPLICABLE: "–"}
_VERDICT_EN = {Verdict.ELIGIBLE: "eligible", Verdict.NOT_ELIGIBLE: "not eligible", Verdict.UNDECIDED: "undecided"}


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")


def explain_result(result: CriterionResult, *, english: bool = False) -> str:
    """One line for one criterion: mark, title, outcome and why."""
    title = result.title + (f" ({result.title_en})" if english and result.title_en else "")
    fact = result.fact
    if result.outcome is Outcome.NOT_APPLICABLE:
        why = "不适用，不计入满分"
    elif result.outcome is Outcome.UNKNOWN:
        why = "缺少证据，待核实"
    elif result.kind is CriterionKind.DISQUALIFIER:
        why = "存在该情形，一票否决" if result.outcome is Outcome.FAILED else "无该情形"
    elif result.kind is CriterionKind.REQUIREMENT:
        why = "符合" if result.outcome is Outcome.MET else "不符合必备条件"
    else:
        earned = f"得{_number(result.points)}分（满分{_number(result.maximum)}分）"
        why = f"评定为{fact.grade}，{earned}" if fact.kind is FactKind.GRADE else earned
        if result.kind is CriterionKind.BONUS:
            why = "加分项，" + why
    source = f"（依据：{fact.source}）" if fact.source else ""
    return f"{_MARKS[result.outcome]} {title}：{why}{source}"


def explain(assessment: Assessment, *, english: bool = False, mask_names: bool = True) -> str:
    """The assessment as a short text: who, which standard, the verdict, then one line per criterion."""
    name = mask_name(assessment.candidate.name) if mask_names else assessment.candidate.name
    verdict = assessment.verdict.label + (f" ({_VERDICT_EN[assessment.verdict]})" if english else "")
    lines = [
        f"{name}：{assessment.award_label}评审结论——{verdict}",
        f"依据标准 {assessment.criteria_set}，评审日期 {assessment.evaluated_on.isoformat()}",
    ]
    if assessment.maximum > 0:
        score = f"得分 {_number(assessment.score)} / {_number(assessment.maximum)}"
        if assessment.score_if_unknowns_met != assessment.score:
            score += f"（待核实项全部符合时最高 {_number(assessment.score_if_unknowns_met)}）"
        if assessment.pass_score is not None:
            score += f"，合格线 {_number(assessment.pass_score)}"
        lines.append(score)
    if assessment.disqualifiers_hit:
        titles = "、".join(assessment.result(code).title for code in assessment.disqualifiers_hit)
        lines.append(f"一票否决：{titles}")
    if assessment.requirements_failed:
        titles = "、".join(assessment.result(code).title for code in assessment.requirements_failed)
        lines.append(f"未满足必备条件：{titles}")
    if assessment.deciding:
        titles = "、".join(assessment.result(code).title for code in assessment.deciding)
        lines.append(f"待核实后方可定论：{titles}")
    lines.extend(explain_result(result, english=english) for result in assessment.results)
    return "\n".join(lines)
