"""What a family risk register holds (重点人群与家庭风险台账): the household or person registered,
the risks found, and every change of level with its reason.

A :class:`Registration` is the payload of the ``register`` command that opens an entry
(:func:`~fulian_core.risks.open_entry`): who is registered — by id only, never by name —, where
they count, the :class:`RiskCategory` found, how it was found (月度排查, 来访, 转办 …) and a note
that stays out of every ``repr``. Raising or lowering the level carries a :class:`LevelChange`
(its reason); a review carries a :class:`Review` note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import ClassVar

import attrs

from fulian_core._definitions import check_code, check_free_text, listed_set, sorted_set_repr
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError
from fulian_core.privacy import _text_repr
from fulian_core.workflows import Case, Payload

__all__ = [
    "LevelChange",
    "Registration",
    "Review",
    "RiskCategory",
    "RiskSubject",
    "ScreeningSource",
    "registration_of",
]


class RiskCategory(CodedEnum):
    """A category of risk a register tracks (风险类别)."""

    HARDSHIP = ("hardship", "困境妇女儿童")
    MARRIAGE_CONFLICT = ("marriage_conflict", "婚姻家庭矛盾")
    DOMESTIC_VIOLENCE = ("domestic_violence", "家庭暴力风险")
    LEFT_BEHIND = ("left_behind", "留守妇女儿童")
    ILLNESS = ("illness", "重病重残")
    MENTAL_HEALTH = ("mental_health", "心理健康风险")
    OTHER = ("other", "其他风险")


class RiskSubject(CodedEnum):
    """Who an entry is about (登记对象)."""

    HOUSEHOLD = ("household", "家庭")
    PERSON = ("person", "个人")


class ScreeningSource(CodedEnum):
    """How a risk came to be registered (发现渠道)."""

    MONTHLY_SCREENING = ("monthly_screening", "月度排查")
    VISIT = ("visit", "走访发现")
    REPORT = ("report", "来访来电")
    TRANSFER = ("transfer", "部门转办")


def _categories(value: Iterable[RiskCategory]) -> frozenset[RiskCategory]:
    return listed_set(value, "categories", "a set of risk categories")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


@attrs.frozen
class Registration(Payload):
    """A household or person entered in the register (风险登记): ``id`` (the entry's subject),
    who it is about (``about``: a household or a person, and ``reference``, an id — never a name), the ``unit``
    (village or community code) it counts under, the ``categories`` found, the day ``found``, the
    ``source`` and a ``note`` shown by its length only."""

    kind: ClassVar[str] = "register"

    id: str
    about: RiskSubject
    reference: str
    unit: str
    categories: frozenset[RiskCategory] = attrs.field(converter=_categories, repr=sorted_set_repr)
    found: dt.date
    source: ScreeningSource = ScreeningSource.MONTHLY_SCREENING
    note: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-./")
        faults.check(isinstance(self.about, RiskSubject), "about", "a RiskSubject", self.about)
        check_code(self.reference, "reference", faults, punctuation="_-./")
        check_code(self.unit, "unit", faults)
        faults.check(bool(self.categories), "categories", "at least one risk category", self.categories)
        for category in sorted(self.categories, key=str):
            faults.check(isinstance(category, RiskCategory), "categories", "RiskCategory members", category)
        faults.check(_is_date(self.found), "found", "a date", self.found)
        faults.check(isinstance(self.source, ScreeningSource), "source", "a ScreeningSource", self.source)
        check_free_text(self.note, "note", faults)
        faults.raise_if_any()


@attrs.frozen
class LevelChange(Payload):
    """A change of risk level (风险等级调整), with what was found (shown by its length only)."""

    kind: ClassVar[str] = "level_change"

    finding: str = attrs.field(repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_free_text(self.finding, "finding", faults)
        faults.raise_if_any()


@attrs.frozen
class Review(Payload):
    """A review visit or call (回访复核), its note shown by its length only."""

    kind: ClassVar[str] = "review"

    note: str = attrs.field(default="", repr=_text_repr)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_free_text(self.note, "note", faults)
        faults.raise_if_any()


def registration_of(case: Case) -> Registration:
    """The registration an entry was opened with (its first event's payload)."""
    if not isinstance(case, Case):
        raise ValidationError.single("case", "a Case", case)
    payload = case.events[0].act.payload if case.events else None
    if not isinstance(payload, Registration):
        expected = f"the registration of a risk (an entry opened by open_entry), in {case.subject}"
        raise ValidationError.single("case.events[0]", expected, payload)
    return payload
