"""Courtyard inspections (美丽庭院 / 精致农家): inspections scored against rubrics (rule sheets
that judge households), plaques, inspector groups and sampling. The credit supermarket's points
accounts are in :mod:`fulian_core.credit`.

>>> import datetime as dt
>>> from fulian_core.courtyard import Household, Inspection, InspectionKind, score
>>> from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
>>> from fulian_core.rules import Fact
>>> seen = {"kitchen_grease": Fact.found(2), "yard_clutter": Fact.found(1)}
>>> household = Household("h-1", "371082103201")
>>> inspection = Inspection("i-1", household, dt.date(2024, 5, 31), InspectionKind.HOME_VISIT, seen)
>>> card = score(FOUR_GOALS_RUBRIC, inspection)
>>> card.evaluation.line("kitchen_grease").detail
'厨房墙壁油污 2处 × 2分 = −4分'
"""

from fulian_core.courtyard.assignment import Assignment, InspectionGroup, Inspector, VillageDistances, assign_inspectors
from fulian_core.courtyard.featured import FeaturedCategory
from fulian_core.courtyard.inspection import Household, Inspection, InspectionKind
from fulian_core.courtyard.plaques import (
    PLAQUE_WORKFLOW,
    PlaqueChange,
    PlaqueCheck,
    PlaqueEvent,
    PlaqueHistory,
    PlaquePolicy,
    plaque_history,
)
from fulian_core.courtyard.sampling import RandomSource, stratified_sample
from fulian_core.courtyard.scoring import ScoreCard, score, standing, standings

__all__ = [
    "PLAQUE_WORKFLOW",
    "Assignment",
    "FeaturedCategory",
    "Household",
    "Inspection",
    "InspectionGroup",
    "InspectionKind",
    "Inspector",
    "PlaqueChange",
    "PlaqueCheck",
    "PlaqueEvent",
    "PlaqueHistory",
    "PlaquePolicy",
    "RandomSource",
    "ScoreCard",
    "VillageDistances",
    "assign_inspectors",
    "plaque_history",
    "score",
    "standing",
    "standings",
    "stratified_sample",
]
