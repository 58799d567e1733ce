"""Courtyard inspections (美丽庭院 / 精致农家): rubrics, scoring, tiers, plaques, inspector
groups, sampling and credit points.

>>> import datetime as dt
>>> from fulian_core.courtyard import Household, Inspection, InspectionKind, Observation, score
>>> from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
>>> seen = {"kitchen_grease": Observation.found(2), "yard_clutter": Observation.found(1)}
>>> household = Household("h-1", "371082103201")
>>> inspection = Inspection("i-1", household, dt.date(2024, 5, 31), InspectionKind.HOME_VISIT, seen)
>>> card = score(FOUR_GOALS_RUBRIC, inspection)
>>> card.lines[1].detail
'厨房墙壁油污 2处 × 2分 = −4分'
"""

from fulian_core.courtyard.assignment import Assignment, InspectionGroup, Inspector, VillageDistances, assign_inspectors
from fulian_core.courtyard.credits import CreditEntry, CreditEntryKind, CreditLedger, CreditRules
from fulian_core.courtyard.inspection import Household, Inspection, InspectionKind, Observation
from fulian_core.courtyard.plaques import PlaqueChange, PlaqueEvent, PlaqueHistory, PlaquePolicy, plaque_history
from fulian_core.courtyard.rubric import (
    Dimension,
    FeaturedCategory,
    ItemLevel,
    ItemMode,
    MissingPolicy,
    Prerequisite,
    PrerequisiteKind,
    Rubric,
    RubricItem,
    Tier,
    TierRule,
)
from fulian_core.courtyard.sampling import RandomSource, stratified_sample
from fulian_core.courtyard.scoring import DimensionScore, ScoreCard, ScoreLine, ScoringPlan, compile_rubric, score

__all__ = [
    "Assignment",
    "CreditEntry",
    "CreditEntryKind",
    "CreditLedger",
    "CreditRules",
    "Dimension",
    "DimensionScore",
    "FeaturedCategory",
    "Household",
    "Inspection",
    "InspectionGroup",
    "InspectionKind",
    "Inspector",
    "ItemLevel",
    "ItemMode",
    "MissingPolicy",
    "Observation",
    "PlaqueChange",
    "PlaqueEvent",
    "PlaqueHistory",
    "PlaquePolicy",
    "Prerequisite",
    "PrerequisiteKind",
    "RandomSource",
    "Rubric",
    "RubricItem",
    "ScoreCard",
    "ScoreLine",
    "ScoringPlan",
    "Tier",
    "TierRule",
    "VillageDistances",
    "assign_inspectors",
    "compile_rubric",
    "plaque_history",
    "score",
    "stratified_sample",
]
