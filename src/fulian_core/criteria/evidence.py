"""Evidence about a candidate (评选材料) and its assessment against a rule sheet (评审).

A candidate is a :class:`~fulian_core.rules.Subject` (a family, a person, a post); the facts
are keyed by item code. :func:`assess` judges the evidence against the criteria in force
and explains itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from fulian_core._definitions import check_type
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.rules import Evaluation, Fact, RuleSheet, SheetPlan, Subject, compile_sheet
from fulian_core.rules.facts import freeze_facts

__all__ = ["Evidence", "assess"]


def _facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    return freeze_facts(value)


@attrs.frozen
class Evidence:
    """The facts known about one candidate (评选材料), by item code. An item without a fact
    is unknown (unless the sheet says otherwise)."""

    candidate: Subject
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=_facts, hash=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.candidate, Subject), "candidate", "a Subject", self.candidate)
        faults.raise_if_any()

    def fact(self, code: str) -> Fact:
        """The fact for item *code* (unknown if none was given)."""
        try:
            return self.facts.get(code) or Fact.unknown()
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            check_type(code, str, "code", "an item code")
            raise

    def with_fact(self, code: str, fact: Fact) -> Evidence:
        """New evidence with one fact set; this evidence is unchanged."""
        check_type(code, str, "code", "an item code")
        return Evidence(self.candidate, {**self.facts, code: fact})


def assess(criteria: RuleSheet | SheetPlan, evidence: Evidence, *, on: dt.date) -> Evaluation:
    """Judge a candidate against criteria on a date (评审).

    The sheet must be in force *on* that date and judge this kind of candidate; every fact
    must name an item of the sheet and fit it (a rating on its scale, points within its
    maximum, a figure in its unit); otherwise a :class:`~fulian_core.errors.ValidationError`
    names every fault by its path.
    """
    if not isinstance(evidence, Evidence):
        raise ValidationError.single("evidence", "an Evidence", evidence)
    plan = criteria if isinstance(criteria, SheetPlan) else compile_sheet(criteria)
    try:
        return plan.evaluate(evidence.facts, on=on, subject=evidence.candidate)
    except ValidationError as error:
        raise _as_candidate(error) from None


def _as_candidate(error: ValidationError) -> ValidationError:
    # The candidate is the evaluation's subject: name it as the caller gave it.
    faults = [
        attrs.evolve(fault, path="candidate" + fault.path[len("subject") :])
        if fault.path.startswith("subject")
        else fault
        for fault in error.faults
    ]
    return type(error)(faults, error.more)
