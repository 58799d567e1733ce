"""Evaluation criteria (评价标准): versioned criteria sets, local adaptation, resolution by
unit and date, and assessments that explain themselves.

>>> import datetime as dt
>>> from fulian_core.criteria import Candidate, Evidence, Fact, assess
>>> from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as national
>>> family = Candidate("f-001", "张秀梅")
>>> facts = {code: Fact.yes() for code in national.codes[:5]} | {code: Fact.no() for code in national.codes[5:]}
>>> assess(national, Evidence(family, facts), on=dt.date(2024, 5, 1)).verdict.label
'符合评选条件'
"""

from fulian_core.criteria.assessment import Assessment, CriterionResult, Outcome, Verdict, assess
from fulian_core.criteria.evidence import Candidate, Evidence, Fact, FactKind
from fulian_core.criteria.explanation import explain, explain_result
from fulian_core.criteria.model import (
    Award,
    CandidateKind,
    CriteriaSet,
    Criterion,
    CriterionKind,
    GradeLevel,
    SetRef,
)
from fulian_core.criteria.plan import CriteriaPlan, compile_criteria
from fulian_core.criteria.resolution import NATIONAL_ISSUER, CriteriaCatalog

__all__ = [
    "NATIONAL_ISSUER",
    "Assessment",
    "Award",
    "Candidate",
    "CandidateKind",
    "CriteriaCatalog",
    "CriteriaPlan",
    "CriteriaSet",
    "Criterion",
    "CriterionKind",
    "CriterionResult",
    "Evidence",
    "Fact",
    "FactKind",
    "GradeLevel",
    "Outcome",
    "SetRef",
    "Verdict",
    "assess",
    "compile_criteria",
    "explain",
    "explain_result",
]
