"""Serialization: inspections to plain data and back through the library's converter, against
hand-written dict conversion of the same classes, and pydantic v2 models of the same shape
(a contender of the bench extra; it builds its own models, not the library's values)."""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from fulian_core import converter
from fulian_core.courtyard import Household, Inspection, InspectionKind, Observation

Plain = dict[str, Any]


def library_round_trip(inspections: list[Inspection]) -> Callable[[], list[Plain]]:
    unstructure = converter.get_unstructure_hook(Inspection)
    structure = converter.get_structure_hook(Inspection)

    def run() -> list[Plain]:
        data = [unstructure(inspection) for inspection in inspections]
        again = [structure(item, Inspection) for item in data]
        return [unstructure(inspection) for inspection in again[:1]] + data[1:]

    return run


def _observation_to_dict(observation: Observation) -> Plain:
    return {
        "met": observation.met,
        "defects": observation.defects,
        "level": observation.level,
        "points": None if observation.points is None else str(observation.points),
        "hit": observation.hit,
        "not_applicable": observation.not_applicable,
        "note": observation.note,
        "photos": list(observation.photos),
    }


def _inspection_to_dict(inspection: Inspection) -> Plain:
    return {
        "id": inspection.id,
        "household": {"id": inspection.household.id, "village": inspection.household.village},
        "date": inspection.date.isoformat(),
        "kind": inspection.kind.code,
        "observations": {code: _observation_to_dict(obs) for code, obs in inspection.observations.items()},
        "inspectors": list(inspection.inspectors),
    }


def _observation_from_dict(data: Plain) -> Observation:
    points = data["points"]
    return Observation(
        met=data["met"],
        defects=data["defects"],
        level=data["level"],
        points=None if points is None else Decimal(points),
        hit=data["hit"],
        not_applicable=data["not_applicable"],
        note=data["note"],
        photos=tuple(data["photos"]),
    )


def _inspection_from_dict(data: Plain) -> Inspection:
    household = data["household"]
    return Inspection(
        id=data["id"],
        household=Household(household["id"], household["village"]),
        date=dt.date.fromisoformat(data["date"]),
        kind=InspectionKind.from_code(data["kind"]),
        observations={code: _observation_from_dict(obs) for code, obs in data["observations"].items()},
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

    class ObservationModel(pydantic.BaseModel):  # type: ignore[misc]
        met: bool | None = None
        defects: int | None = None
        level: str | None = None
        points: Decimal | None = None
        hit: bool | None = None
        not_applicable: bool = False
        note: str = ""
        photos: list[str] = pydantic.Field(default_factory=list)

    class HouseholdModel(pydantic.BaseModel):  # type: ignore[misc]
        id: str
        village: str

    class InspectionModel(pydantic.BaseModel):  # type: ignore[misc]
        id: str
        household: HouseholdModel
        date: dt.date
        kind: str
        observations: dict[str, ObservationModel]
        inspectors: list[str]

    data = [_inspection_to_dict(inspection) for inspection in inspections]

    def run() -> list[Plain]:
        models = [InspectionModel.model_validate(item) for item in data]
        dumped = [model.model_dump(mode="json") for model in models]
        for item in dumped:
            for observation in item["observations"].values():
                points = observation["points"]
                observation["points"] = None if points is None else str(Decimal(points))
        return dumped

    return run
