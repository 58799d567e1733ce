"""Inspections of households (入户验收记录): who looked, when, and the facts found per item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import ClassVar

import attrs

from fulian_core._definitions import listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.rules import Fact, Subject, SubjectKind
from fulian_core.rules.facts import freeze_facts

__all__ = ["Household", "Inspection", "InspectionKind"]


class InspectionKind(CodedEnum):
    """Why an inspection was made (检查类型)."""

    SELF_CHECK = ("self_check", "自查")
    SPOT_CHECK = ("spot_check", "抽查")
    HOME_VISIT = ("home_visit", "入户")
    ACCEPTANCE = ("acceptance", "验收")
    RECHECK = ("recheck", "复核")


@attrs.frozen
class Household:
    """A household (农户) and the village unit it belongs to."""

    id: str
    village: str

    def __attrs_post_init__(self) -> None:
        if type(self.id) is str and self.id and type(self.village) is str and self.village:
            return  # cheap checks first; faults are collected only when one fails
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        faults.check(isinstance(self.village, str) and bool(self.village), "village", "a unit code", self.village)
        faults.raise_if_any()

    @property
    def subject(self) -> Subject:
        """The household as the subject a rule sheet judges."""
        return Subject(self.id, kind=SubjectKind.HOUSEHOLD, unit=self.village)


def _facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    return freeze_facts(value)


def _inspectors(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "inspectors", "a list of inspector ids")


@attrs.frozen
class Inspection:
    """One visit to one household (一次检查): its kind, date, inspectors and the facts found,
    by item code. ``id`` identifies the record (一户一档)."""

    cross_field_rules: ClassVar[tuple[str, ...]] = (
        (
            "the facts are keyed by item codes of the rubric the inspection is scored with, and fit each "
            "item's kind (checked when scored)"
        ),
    )
    """What is checked when the value is built, beyond its schema (:func:`~fulian_core.json_schema`)."""

    id: str = attrs.field(metadata={"json_schema": {"minLength": 1}})
    household: Household
    date: dt.date
    kind: InspectionKind
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=_facts, hash=False)
    inspectors: tuple[str, ...] = attrs.field(default=(), converter=_inspectors)

    def __attrs_post_init__(self) -> None:
        if (
            type(self.id) is str
            and self.id
            and type(self.household) is Household
            and type(self.date) is dt.date
            and type(self.kind) is InspectionKind
            and all(type(inspector) is str and inspector for inspector in self.inspectors)
        ):
            return  # cheap checks first; faults are collected only when one fails
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        faults.check(isinstance(self.household, Household), "household", "a Household", self.household)
        faults.check(
            isinstance(self.date, dt.date) and not isinstance(self.date, dt.datetime), "date", "a date", self.date
        )
        faults.check(isinstance(self.kind, InspectionKind), "kind", "an InspectionKind", self.kind)
        for index, inspector in enumerate(self.inspectors):
            faults.check(
                isinstance(inspector, str) and bool(inspector), f"inspectors[{index}]", "an inspector id", inspector
            )
        faults.raise_if_any()
