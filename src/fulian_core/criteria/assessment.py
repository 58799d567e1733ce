"""Evaluating a candidate against a criteria set (评审): an assessment that explains itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.criteria.evidence import Candidate, Evidence, Fact, FactKind
from fulian_core.criteria.model import CriteriaSet, Criterion, CriterionKind, SetRef
from fulian_core.errors import ValidationError

__all__ = ["Assessment", "CriterionResult", "Outcome", "Verdict", "assess"]

_ZERO = Decimal(0)


class Outcome(CodedEnum):
    """The outcome of one criterion for one candidate (单项结果)."""

    MET = ("met", "符合")
    FAILED = ("failed", "不符合")
    UNKNOWN = ("unknown", "待核实")
    NOT_APPLICABLE = ("not_applicable", "不适用")


class Verdict(CodedEnum):
    """The verdict of an assessment (评审结论)."""

    ELIGIBLE = ("eligible", "符合评选条件")
    NOT_ELIGIBLE = ("not_eligible", "不符合评选条件")
    UNDECIDED = ("undecided", "待定")


@attrs.frozen
class CriterionResult:
    """How one criterion came out (单项评审结果): outcome, points earned (for scored and bonus
    items) out of the item's maximum, the fact it rests on and its source."""

    code: str
    title: str
    kind: CriterionKind
    outcome: Outcome
    fact: Fact
    points: Decimal = _ZERO
    maximum: Decimal = _ZERO
    title_en: str = ""

    @property
    def counts(self) -> bool:
        """Whether the criterion counts towards the score and the maximum."""
        return self.outcome is not Outcome.NOT_APPLICABLE and self.kind in (CriterionKind.SCORED, CriterionKind.BONUS)


@attrs.frozen
class Assessment:
    """The assessment of one candidate against one criteria-set version (评审结果).

    ``score`` counts only what is known; ``score_if_unknowns_met`` what it would be if every
    unknown came out best. ``maximum`` leaves out criteria that do not apply. ``deciding``
    lists the unknown criteria that could still change an undecided verdict.
    """

    candidate: Candidate
    criteria_set: SetRef
    award_label: str
    evaluated_on: dt.date
    results: tuple[CriterionResult, ...]
    score: Decimal
    score_if_unknowns_met: Decimal
    maximum: Decimal
    pass_score: Decimal | None
    verdict: Verdict
    disqualifiers_hit: tuple[str, ...] = ()
    requirements_failed: tuple[str, ...] = ()
    deciding: tuple[str, ...] = ()

    def result(self, code: str) -> CriterionResult:
        """The result for criterion *code*."""
        for result in self.results:
            if result.code == code:
                return result
        raise ValidationError.single("code", "a criterion of the assessed set", code)

    def explain(self, *, english: bool = False, mask_names: bool = True) -> str:
        """A short readable explanation (评审说明) an app can show as it is."""
        from fulian_core.criteria.explanation import explain  # noqa: PLC0415 - avoids an import cycle

        return explain(self, english=english, mask_names=mask_names)


def assess(criteria_set: CriteriaSet, evidence: Evidence, *, on: dt.date) -> Assessment:
    """Judge a candidate against a criteria set on a date (评审).

    The set must be in force *on* that date. Every fact must name a criterion of the set and
    fit its kind (a grade on the criterion's scale, points within its maximum); otherwise a
    :class:`~fulian_core.errors.ValidationError` names every bad fact by its path.
    """
    if not isinstance(on, dt.date) or isinstance(on, dt.datetime):
        raise ValidationError.single("on", "a date", on)
    if not criteria_set.in_force_on(on):
        until = criteria_set.effective_until.isoformat() if criteria_set.effective_until else "…"
        raise ValidationError.single(
            "on",
            f"a date when {criteria_set.ref} is in force ({criteria_set.effective_from.isoformat()} to {until})",
            on.isoformat(),
        )
    _check_evidence(criteria_set, evidence)
    candidate = evidence.candidate
    results = tuple(_result(criterion, evidence.fact(criterion.code), candidate) for criterion in criteria_set.criteria)

    scored = [r for r in results if r.kind is CriterionKind.SCORED and r.outcome is not Outcome.NOT_APPLICABLE]
    bonus = [r for r in results if r.kind is CriterionKind.BONUS and r.outcome is not Outcome.NOT_APPLICABLE]
    bonus_room = min(criteria_set.bonus_cap, sum((r.maximum for r in bonus), _ZERO))
    maximum = sum((r.maximum for r in scored), _ZERO) + bonus_room
    known = sum((r.points for r in scored), _ZERO) + min(bonus_room, sum((r.points for r in bonus), _ZERO))
    best = sum((r.maximum if r.outcome is Outcome.UNKNOWN else r.points for r in scored), _ZERO) + min(
        bonus_room, sum((r.maximum if r.outcome is Outcome.UNKNOWN else r.points for r in bonus), _ZERO)
    )

    disqualifiers = [r for r in results if r.kind is CriterionKind.DISQUALIFIER]
    requirements = [r for r in results if r.kind is CriterionKind.REQUIREMENT]
    hit = tuple(r.code for r in disqualifiers if r.outcome is Outcome.FAILED)
    failed = tuple(r.code for r in requirements if r.outcome is Outcome.FAILED)
    pass_score = criteria_set.pass_score

    # The verdict over every completion of the unknowns: can it still be eligible, can it fail?
    can_be_eligible = not hit and not failed and (pass_score is None or best >= pass_score)
    unknown_gates = [r.code for r in disqualifiers + requirements if r.outcome is Outcome.UNKNOWN]
    short_of_pass = pass_score is not None and known < pass_score
    can_fail = bool(hit or failed or unknown_gates or short_of_pass)
    if can_be_eligible and can_fail:
        verdict = Verdict.UNDECIDED
        deciding = tuple(
            r.code for r in results if r.outcome is Outcome.UNKNOWN and (r.code in unknown_gates or short_of_pass)
        )
    else:
        verdict = Verdict.ELIGIBLE if can_be_eligible else Verdict.NOT_ELIGIBLE
        deciding = ()
    return Assessment(
        candidate=candidate,
        criteria_set=criteria_set.ref,
        award_label=criteria_set.award.label,
        evaluated_on=on,
        results=results,
        score=known,
        score_if_unknowns_met=best,
        maximum=maximum,
        pass_score=pass_score,
        verdict=verdict,
        disqualifiers_hit=hit,
        requirements_failed=failed,
        deciding=deciding,
    )


def _check_evidence(criteria_set: CriteriaSet, evidence: Evidence) -> None:
    faults = Faults()
    by_code = {criterion.code: criterion for criterion in criteria_set.criteria}
    if evidence.candidate.kind is not criteria_set.award.candidates:
        faults.add(
            "candidate.kind",
            f"a {criteria_set.award.candidates.label} candidate for {criteria_set.award.label}",
            evidence.candidate.kind.code,
        )
    for code, fact in evidence.facts.items():
        path = f"facts[{code!r}]"
        criterion = by_code.get(code)
        if criterion is None:
            faults.add(path, f"a criterion of {criteria_set.ref} ({', '.join(criteria_set.codes)})", code)
            continue
        _check_fact(criterion, fact, path, faults)
    faults.raise_if_any()


def _check_fact(criterion: Criterion, fact: Fact, path: str, faults: Faults) -> None:
    earns = criterion.kind in (CriterionKind.SCORED, CriterionKind.BONUS)
    if fact.kind is FactKind.GRADE:
        if not criterion.is_graded:
            faults.add(
                f"{path}.kind",
                f"yes, no, unknown or not_applicable for {criterion.title} (it has no grades)",
                fact.kind.code,
            )
        elif criterion.level(fact.grade) is None:
            names = "、".join(level.name for level in criterion.levels)
            faults.add(f"{path}.grade", f"a level of {criterion.title} ({names})", fact.grade)
    elif fact.kind is FactKind.POINTS:
        if not earns:
            faults.add(
                f"{path}.kind", f"yes, no, unknown or not_applicable for a {criterion.kind.label}", fact.kind.code
            )
        elif fact.points is not None and fact.points > criterion.points:
            faults.add(f"{path}.points", f"at most {criterion.points} points for {criterion.title}", fact.points)


def _result(criterion: Criterion, fact: Fact, candidate: Candidate) -> CriterionResult:
    def result(outcome: Outcome, points: Decimal = _ZERO) -> CriterionResult:
        counts = criterion.kind in (CriterionKind.SCORED, CriterionKind.BONUS) and outcome is not Outcome.NOT_APPLICABLE
        return CriterionResult(
            code=criterion.code,
            title=criterion.title,
            kind=criterion.kind,
            outcome=outcome,
            fact=fact,
            points=points * criterion.weight if counts else _ZERO,
            maximum=criterion.maximum if counts else _ZERO,
            title_en=criterion.title_en,
        )

    if not criterion.applies(candidate.kind) or fact.kind is FactKind.NOT_APPLICABLE:
        return result(Outcome.NOT_APPLICABLE)
    if fact.kind is FactKind.UNKNOWN:
        return result(Outcome.UNKNOWN)
    if criterion.kind is CriterionKind.DISQUALIFIER:
        return result(Outcome.FAILED if fact.kind is FactKind.YES else Outcome.MET)
    if criterion.kind is CriterionKind.REQUIREMENT:
        return result(Outcome.MET if fact.kind is FactKind.YES else Outcome.FAILED)
    if fact.kind is FactKind.GRADE:
        level = criterion.level(fact.grade)
        points = level.points if level is not None else _ZERO
    elif fact.kind is FactKind.POINTS:
        points = fact.points if fact.points is not None else _ZERO
    else:
        points = criterion.points if fact.kind is FactKind.YES else _ZERO
    return result(Outcome.MET if points > 0 else Outcome.FAILED, points)
