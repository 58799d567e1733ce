"""A criteria set compiled once for screening many candidates (评审方案): the verdict and the
known score of :func:`~fulian_core.criteria.assess`, without building the explanation.

>>> import datetime as dt
>>> from fulian_core.criteria import Candidate, Evidence, Fact, compile_criteria
>>> from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as national
>>> plan = compile_criteria(national)
>>> facts = {code: Fact.yes() for code in national.codes[:5]} | {code: Fact.no() for code in national.codes[5:]}
>>> verdict, score = plan.judge(Evidence(Candidate("f-1", "张秀梅"), facts), on=dt.date(2024, 5, 1))
>>> verdict.label
'符合评选条件'

For any valid evidence, ``plan.judge(evidence, on=day)`` equals ``(assessment.verdict,
assessment.score)`` of ``assess(criteria_set, evidence, on=day)`` (a property test holds it);
for invalid evidence it raises the same error, because it hands such evidence to
:func:`~fulian_core.criteria.assess`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Final

from fulian_core.criteria.assessment import Verdict, assess
from fulian_core.criteria.evidence import Evidence, FactKind
from fulian_core.criteria.model import CandidateKind, CriteriaSet, CriterionKind
from fulian_core.errors import ValidationError

__all__ = ["CriteriaPlan", "compile_criteria"]

_ZERO: Final = Decimal(0)
_GATE, _VETO, _SCORED, _BONUS = 0, 1, 2, 3
_KINDS: Final = {
    CriterionKind.REQUIREMENT: _GATE,
    CriterionKind.DISQUALIFIER: _VETO,
    CriterionKind.SCORED: _SCORED,
    CriterionKind.BONUS: _BONUS,
}
_YES, _NO, _UNKNOWN, _NOT_APPLICABLE, _GRADE, _POINTS = (
    FactKind.YES,
    FactKind.NO,
    FactKind.UNKNOWN,
    FactKind.NOT_APPLICABLE,
    FactKind.GRADE,
    FactKind.POINTS,
)

# One row per criterion: code, kind, points (unweighted), weight, maximum (weighted), levels
# (name -> points), the candidate kinds it applies to (None: all).
_Row = tuple[str, int, Decimal, Decimal, Decimal, dict[str, Decimal], frozenset[CandidateKind] | None]


class CriteriaPlan:
    """A criteria set compiled into flat rows (评审方案); build it with :func:`compile_criteria`."""

    __slots__ = ("_codes", "_rows", "criteria_set")

    def __init__(self, criteria_set: CriteriaSet) -> None:
        if not isinstance(criteria_set, CriteriaSet):
            raise ValidationError.single("criteria_set", "a CriteriaSet", criteria_set)
        self.criteria_set = criteria_set
        self._rows: tuple[_Row, ...] = tuple(
            (
                criterion.code,
                _KINDS[criterion.kind],
                criterion.points,
                criterion.weight,
                criterion.maximum,
                {level.name: level.points for level in criterion.levels},
                criterion.applies_to or None,
            )
            for criterion in criteria_set.criteria
        )
        self._codes = frozenset(criteria_set.codes)

    def judge(self, evidence: Evidence, *, on: dt.date) -> tuple[Verdict, Decimal]:  # noqa: PLR0911, PLR0912, PLR0915 - one flat loop, kept in one piece for speed
        """The verdict and the known score of *evidence* on *on* (as :func:`assess` gives them)."""
        criteria_set = self.criteria_set
        candidate = evidence.candidate
        facts = evidence.facts
        if (
            not isinstance(on, dt.date)
            or isinstance(on, dt.datetime)
            or not criteria_set.in_force_on(on)
            or candidate.kind is not criteria_set.award.candidates
            or not self._codes.issuperset(facts)
        ):
            return self._slow(evidence, on)
        known = best = bonus_known = bonus_best = bonus_room = _ZERO
        hit = failed = unknown_gate = False
        kind_of_candidate = candidate.kind
        for code, kind, points, weight, maximum, levels, applies in self._rows:
            fact = facts.get(code)
            fact_kind = _UNKNOWN if fact is None else fact.kind
            if applies is not None and kind_of_candidate not in applies:
                if fact_kind is _GRADE or fact_kind is _POINTS:
                    return self._slow(evidence, on)  # assess still checks the fact's shape
                continue
            if fact_kind is _NOT_APPLICABLE:
                continue
            if kind <= _VETO:
                if fact_kind is _UNKNOWN:
                    unknown_gate = True
                elif fact_kind is _YES:
                    hit = hit or kind == _VETO
                elif fact_kind is _NO:
                    failed = failed or kind == _GATE
                else:
                    return self._slow(evidence, on)
                continue
            if fact_kind is _UNKNOWN:
                earned, possible = _ZERO, maximum
            elif fact_kind is _YES:
                earned = possible = maximum
            elif fact_kind is _NO:
                earned = possible = _ZERO
            elif fact_kind is _GRADE and levels:
                level_points = levels.get(fact.grade)  # type: ignore[union-attr]
                if level_points is None:
                    return self._slow(evidence, on)
                earned = possible = level_points * weight
            elif fact_kind is _POINTS and fact.points is not None and fact.points <= points:  # type: ignore[union-attr]
                earned = possible = fact.points * weight  # type: ignore[union-attr]
            else:
                return self._slow(evidence, on)
            if kind == _BONUS:
                bonus_room += maximum
                bonus_known += earned
                bonus_best += possible
            else:
                known += earned
                best += possible
        room = min(criteria_set.bonus_cap, bonus_room)
        known += min(room, bonus_known)
        best += min(room, bonus_best)
        pass_score = criteria_set.pass_score
        can_be_eligible = not hit and not failed and (pass_score is None or best >= pass_score)
        can_fail = hit or failed or unknown_gate or (pass_score is not None and known < pass_score)
        if can_be_eligible and can_fail:
            return Verdict.UNDECIDED, known
        return (Verdict.ELIGIBLE if can_be_eligible else Verdict.NOT_ELIGIBLE), known

    def _slow(self, evidence: Evidence, on: dt.date) -> tuple[Verdict, Decimal]:
        # Anything the flat rows do not cover goes the explained way, which also raises the
        # exact error for invalid evidence.
        assessment = assess(self.criteria_set, evidence, on=on)
        return assessment.verdict, assessment.score


def compile_criteria(criteria_set: CriteriaSet) -> CriteriaPlan:
    """Compile *criteria_set* once for screening many candidates (编译评审方案)."""
    return CriteriaPlan(criteria_set)
