"""Serialization: inspections to plain data and back through the library's converter, against
hand-written dict conversion of the same classes, and pydantic v2 models of the same shape
(a contender from requirements/bench.txt; it builds its own models, not the library's values).

The plain shape is the library's: a fact without a payload, source or attachments is just its
kind (``"met"``), any other a record of its kind and what it carries
(``{"kind": "found", "count": 2}``), decimals as strings."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from fulian_core import converter
from fulian_core.courtyard import Household, Inspection, InspectionKind
from fulian_core.rules import Fact, FactKind

Plain = dict[str, Any]


def library_round_trip(inspections: list[Inspection]) -> Callable[[], list[Plain]]:
    unstructure = converter.get_unstructure_hook(Inspection)
    structure = converter.get_structure_hook(Inspection)

    def run() -> list[Plain]:
        data = [unstructure(inspection) for inspection in inspections]
        again = [structure(item, Inspection) for item in data]
        return [unstructure(inspection) for inspection in again[:1]] + data[1:]

    return run


def _fact_to_dict(fact: Fact) -> Plain | str:
    """The facts the benchmark makes (met, not met, rated, found, scored), by hand."""
    kind = fact.kind
    if kind is FactKind.RATED:
        data: Plain = {"kind": "rated", "rating": fact.rating}
    elif kind is FactKind.FOUND:
        data = {"kind": "found", "count": fact.count}
    elif kind is FactKind.SCORED:
        data = {"kind": "scored", "points": str(fact.points)}
    elif not fact.source and not fact.attachments:
        return kind.code
    else:
        data = {"kind": kind.code}
    if fact.source:
        data["source"] = fact.source
    if fact.attachments:
        data["attachments"] = list(fact.attachments)
    return data


def _inspection_to_dict(inspection: Inspection) -> Plain:
    return {
        "id": inspection.id,
        "household": {"id": inspection.household.id, "village": inspection.household.village},
        "date": inspection.date.isoformat(),
        "kind": inspection.kind.code,
        "facts": {code: _fact_to_dict(fact) for code, fact in inspection.facts.items()},
        "inspectors": list(inspection.inspectors),
    }


def _fact_from_dict(data: Plain | str) -> Fact:
    if isinstance(data, str):
        return Fact(FactKind.from_code(data))
    points = data.get("points")
    return Fact(
        FactKind.from_code(data["kind"]),
        rating=data.get("rating", ""),
        count=data.get("count"),
        points=None if points is None else Decimal(points),
        source=data.get("source", ""),
        attachments=tuple(data.get("attachments", ())),
    )


def _inspection_from_dict(data: Plain) -> Inspection:
    household = data["household"]
    return Inspection(
        id=data["id"],
        household=Household(household["id"], household["village"]),
        date=dt.date.fromisoformat(data["date"]),
        kind=InspectionKind.from_code(data["kind"]),
        facts={code: _fact_from_dict(fact) for code, fact in data["facts"].items()},
        inspectors=tuple(data["inspectors"]),
    )


def handwritten_round_trip(inspections: list[Inspection]) -> Callable[[], list[Plain]]:
    def run() -> list[Plain]:
        data = [_inspection_to_dict(inspection) for inspection in inspections]
        again = [_inspection_from_dict(item) for item in data]
        return [_inspection_to_dict(inspection) for inspection in again[:1]] + data[1:]

    return run


def pydantic_round_trip(inspections: list[Inspection]) -> Callable[[], list[Plain]]:
    """The same shape as pydantic v2 models: validate plain data into models and dump it back."""
    pydantic: Any = importlib.import_module("pydantic")

    class FactModel(pydantic.BaseModel):  # type: ignore[misc]
        kind: str
        rating: str | None = None
        count: int | None = None
        points: Decimal | None = None
        source: str = ""
        attachments: list[str] = pydantic.Field(default_factory=list)

    class HouseholdModel(pydantic.BaseModel):  # type: ignore[misc]
        id: str
        village: str

    class InspectionModel(pydantic.BaseModel):  # type: ignore[misc]
        id: str
        household: HouseholdModel
        date: dt.date
        kind: str
        facts: dict[str, str | FactModel]
        inspectors: list[str]

    data = [_inspection_to_dict(inspection) for inspection in inspections]

    def run() -> list[Plain]:
        models = [InspectionModel.model_validate(item) for item in data]
        # exclude_defaults: a fact leaves out what it does not carry, as the library's plain
        # shape does (no other field of these models has a default).
        dumped = [model.model_dump(mode="json", exclude_defaults=True) for model in models]
        for item in dumped:
            for fact in item["facts"].values():
                if isinstance(fact, dict) and "points" in fact:
                    fact["points"] = str(Decimal(fact["points"]))
        return dumped

    return run
