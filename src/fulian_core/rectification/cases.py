"""Problems found in 排查 (发现问题): what was found, where and when — in a household's
inspection, in a 测评 or on a patrol — and the score-card lines that become problems.

A :class:`Problem` is the payload of the ``record`` command that opens a rectification case
(:func:`~fulian_core.rectification.open_case`), so every case carries its problem in its first
event and :func:`problem_of` reads it back.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Final

import attrs

from fulian_core._definitions import check_text
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.courtyard import ScoreCard
from fulian_core.errors import ValidationError
from fulian_core.rules import ItemKind, Outcome
from fulian_core.workflows import Case, Payload

__all__ = ["Problem", "ProblemSource", "problem_of", "problems_from_card"]


class ProblemSource(CodedEnum):
    """Where a problem was found (问题来源)."""

    INSPECTION = ("inspection", "入户检查")
    ASSESSMENT = ("assessment", "测评")
    PATROL = ("patrol", "巡查")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


@attrs.frozen
class Problem(Payload):
    """A problem found in 排查 (发现问题), to be rectified.

    ``id`` names it (a rectification case's subject); ``description`` says what was found;
    ``found_on`` when; ``unit`` the unit where it was found (a village or community code: the
    unit its figures count under); ``source`` how it was found. ``reference`` is the record it
    was found in (an inspection's id, a 测评 or patrol record), ``household`` the household
    inspected and ``item`` the rubric item or 测评项目 it falls under: an inspection names
    its record and household, a 测评 its item.
    """

    kind: ClassVar[str] = "record"

    id: str
    description: str
    found_on: dt.date
    unit: str
    source: ProblemSource
    reference: str = ""
    household: str = ""
    item: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty problem id", self.id)
        check_text(self.description, "description", faults)
        faults.check(_is_date(self.found_on), "found_on", "a date", self.found_on)
        faults.check(isinstance(self.unit, str) and bool(self.unit), "unit", "a unit code", self.unit)
        faults.check(isinstance(self.source, ProblemSource), "source", "a ProblemSource", self.source)
        for name in ("reference", "household", "item"):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        if self.source is ProblemSource.INSPECTION:
            faults.check(bool(self.reference), "reference", "the inspection's id for a problem found in one", "")
            faults.check(bool(self.household), "household", "the household inspected", "")
        elif self.source is ProblemSource.ASSESSMENT:
            faults.check(bool(self.item), "item", "the 测评项目 a problem found in a 测评 falls under", "")
        faults.raise_if_any()


_NOT_PROBLEMS: Final = frozenset({ItemKind.BONUS})


def problems_from_card(card: ScoreCard) -> tuple[Problem, ...]:
    """The problems a courtyard score card found (入户检查发现的问题): one per failed line —
    a deduction with occurrences, a scored item below standard, a requirement not met, an
    override that fired — in the card's order; a bonus not earned is no problem and an
    unknown is not yet one. Each is ``{inspection}/{item}``, described by the line's detail,
    found on the card's date in the household's village."""
    if not isinstance(card, ScoreCard):
        raise ValidationError.single("card", "a ScoreCard", card)
    household = card.household
    return tuple(
        Problem(
            id=f"{card.inspection}/{line.item}",
            description=line.detail,
            found_on=card.date,
            unit=household.village,
            source=ProblemSource.INSPECTION,
            reference=card.inspection,
            household=household.id,
            item=line.item,
        )
        for line in card.evaluation.lines
        if line.outcome is Outcome.FAILED and line.kind not in _NOT_PROBLEMS
    )


def problem_of(case: Case) -> Problem:
    """The problem a rectification case was opened for (its first event's payload)."""
    if not isinstance(case, Case):
        raise ValidationError.single("case", "a Case", case)
    payload = case.events[0].act.payload if case.events else None
    if not isinstance(payload, Problem):
        raise ValidationError.single(
            "case.events[0]",
            f"the record of a problem (a rectification case opened by open_case), in {case.subject}",
            payload,
        )
    return payload
