"""Scoring inspections (评分): a household's card is its inspection's evaluation against the
rubric in force on the inspection's date.

A rubric is a :class:`~fulian_core.rules.RuleSheet` that judges households; compile it once
with :func:`~fulian_core.rules.compile_sheet` and :func:`score` each inspection, or ask
:func:`standing` for just the total and the band of one, :func:`standings` of millions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final

import attrs

from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core.courtyard.inspection import Household, Inspection, InspectionKind
from fulian_core.errors import ValidationError
from fulian_core.rules import Evaluation, Grade, RuleSheet, SheetPlan, Standing, SubjectKind, compile_sheet
from fulian_core.tabular import Record as _Record
from fulian_core.tabular import _coded

__all__ = ["ScoreCard", "score", "standing", "standings"]

_HOUSEHOLD: Final = SubjectKind.HOUSEHOLD


@attrs.frozen
class ScoreCard(_Displayed):
    """One inspection's card (评分表): which inspection of which household, and its
    :class:`~fulian_core.rules.Evaluation` (every line, subtotals, total, band)."""

    inspection: str
    household: Household
    kind: InspectionKind
    evaluation: Evaluation

    @property
    def date(self) -> dt.date:
        """The inspection's date."""
        return self.evaluation.on

    @property
    def total(self) -> Decimal:
        """The certain total (基础分 scaled when the rubric says so, plus the capped bonus)."""
        return self.evaluation.total

    @property
    def band(self) -> Grade:
        """The band reached for certain (精品户, 示范户 …)."""
        return self.evaluation.band

    @property
    def best_band(self) -> Grade:
        """The best band the items not looked at still allow."""
        return self.evaluation.best_band

    @property
    def provisional(self) -> bool:
        """Whether items not looked at could still change the result (暂定)."""
        return self.evaluation.provisional

    def _heading(self) -> str:
        household = self.household
        return f"{household.id}（{household.village}）{self.kind.label} {self.date.isoformat()}"

    def render(self) -> str:
        """The card as text an app can show (评分表)."""
        return self.evaluation.render(heading=self._heading())

    def records(self) -> list[_Record]:
        """The card as one tidy row: the inspection, household, village and kind of inspection,
        then the evaluation's numbers (:meth:`~fulian_core.rules.Evaluation.summary`). Its
        lines' rows are ``records(card.evaluation.lines)``."""
        summary = self.evaluation.summary()
        for repeated in ("subject", "subject_kind", "subject_kind_label", "subject_unit", "reference"):
            del summary[repeated]
        return [
            {
                "inspection": self.inspection,
                "household": self.household.id,
                "village": self.household.village,
                **_coded("kind", self.kind),
                **summary,
            }
        ]

    def _display(self) -> _Display:
        return self.evaluation._display(heading=f"评分表 {self._heading()}")


def _plan(rubric: RuleSheet | SheetPlan) -> SheetPlan:
    if isinstance(rubric, SheetPlan):
        return rubric
    if not isinstance(rubric, RuleSheet):
        raise ValidationError.single("rubric", "a RuleSheet or a SheetPlan", rubric)
    return compile_sheet(rubric)


def score(rubric: RuleSheet | SheetPlan, inspection: Inspection) -> ScoreCard:
    """The card of one inspection, against a rubric (compiled once and remembered) or a plan.
    The rubric must be in force on the inspection's date and judge households."""
    if not isinstance(inspection, Inspection):
        raise ValidationError.single("inspection", "an Inspection", inspection)
    evaluation = _plan(rubric).evaluate(
        inspection.facts, on=inspection.date, subject=inspection.household.subject, reference=inspection.id
    )
    return ScoreCard(inspection.id, inspection.household, inspection.kind, evaluation)


def standing(rubric: RuleSheet | SheetPlan, inspection: Inspection) -> Standing:
    """Just the total and the band of one inspection: the same answer as :func:`score` (and
    the same refusals), for scoring millions."""
    plan = rubric if type(rubric) is SheetPlan else _plan(rubric)
    return plan.standing(inspection.facts, on=inspection.date, kind=_HOUSEHOLD)


def standings(rubric: RuleSheet | SheetPlan, inspections: Iterable[Inspection]) -> list[Standing]:
    """The totals and bands of many inspections at once (批量快速评分): in order, what
    :func:`standing` gives each, from the same compiled plan with no call per inspection. A
    refusal names the inspection by its position (``inspections[3].facts``)."""
    plan = _plan(rubric)
    if isinstance(inspections, (str, bytes, Mapping)) or not isinstance(inspections, Iterable):
        raise ValidationError.single("inspections", "a list of inspections", type(inspections).__name__)
    listed = list(inspections)
    for index, inspection in enumerate(listed):
        if type(inspection) is not Inspection and not isinstance(inspection, Inspection):
            raise ValidationError.single(f"inspections[{index}]", "an Inspection", type(inspection).__name__)
    try:
        return plan.standings([(inspection.facts, inspection.date) for inspection in listed], kind=_HOUSEHOLD)
    except ValidationError as error:
        raise error.under("inspections") from None
