"""Scoring: total and tier of the 24-item FOUR_ROOMS_RUBRIC (checklist, deduction, graded,
bonus and veto items), against a hand-written dict-and-loop scorer, the same rubric written as
rule-engine expressions, and a numpy vectorized scorer (the machine's floor; its arrays are
prepared outside the timing)."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from typing import Any

from fulian_core.courtyard import Household, Inspection, InspectionKind, ItemMode, Observation
from fulian_core.courtyard.catalog import FOUR_ROOMS_RUBRIC


def make_inspections(count: int, seed: int) -> list[Inspection]:
    """Inspections of the 24-item FOUR_ROOMS_RUBRIC with plausible observations."""
    rng = random.Random(seed)
    items = FOUR_ROOMS_RUBRIC.items
    day = dt.date(2024, 5, 31)

    def observe(item: object) -> Observation:
        mode = item.mode  # type: ignore[attr-defined]
        if mode is ItemMode.CHECKLIST:
            return Observation.checked(rng.random() > 0.15)
        if mode is ItemMode.DEDUCTION:
            return Observation.found(rng.choice((0, 0, 0, 1, 2, 3)))
        if mode is ItemMode.GRADED:
            return Observation.graded(rng.choice(item.levels).name)  # type: ignore[attr-defined]
        if mode is ItemMode.BONUS:
            return Observation.bonus(rng.randint(0, int(item.points)))  # type: ignore[attr-defined]
        return Observation.vetoed(rng.random() < 0.02)

    return [
        Inspection(
            f"i{n}",
            Household(f"h{n}", "371082103201"),
            day,
            InspectionKind.HOME_VISIT,
            {i.code: observe(i) for i in items},
        )
        for n in range(count)
    ]


def baseline_scorer(inspections: list[Inspection]) -> Callable[[], list[tuple[int, str]]]:
    """A hand-written dict-and-loop scorer of the same rubric: ints and strings, no validation."""
    spec = _spec()
    rows = [_values(inspection) for inspection in inspections]

    def one(row: dict[str, Any]) -> tuple[int, str]:
        total = bonus = 0
        veto = False
        kitchen_full = True
        for code, mode, points, per_defect, floor, levels, kitchen in spec:
            value = row[code]
            if mode == "checklist":
                earned = points if value else 0
            elif mode == "deduction":
                earned = max(floor, points - per_defect * value)
            elif mode == "graded":
                earned = levels[value]
            elif mode == "bonus":
                bonus += value
                continue
            else:
                veto = veto or value
                continue
            total += earned
            if kitchen and earned != points:
                kitchen_full = False
        total += min(bonus, 5)
        if veto:
            return total, "none"
        if total >= 90 and kitchen_full:
            return total, "boutique"
        if total >= 80:
            return total, "demonstration"
        return total, "clean" if total >= 60 else "none"

    return lambda: [one(row) for row in rows]


def _spec() -> list[tuple[str, str, int, int, int, dict[str, int], bool]]:
    return [
        (
            item.code,
            item.mode.code,
            int(item.points),
            int(item.per_defect),
            int(item.points - item.max_deduction) if item.max_deduction is not None else 0,
            {level.name: int(level.points) for level in item.levels},
            item.dimension == "kitchen",
        )
        for item in FOUR_ROOMS_RUBRIC.items
    ]


def _values(inspection: Inspection) -> dict[str, Any]:
    return {
        code: (
            o.met
            if o.met is not None
            else o.defects
            if o.defects is not None
            else o.level
            if o.level is not None
            else int(o.points)
            if o.points is not None
            else o.hit
        )
        for code, o in inspection.observations.items()
    }


def rule_engine_scorer(inspections: list[Inspection]) -> Callable[[], list[tuple[int, str]]]:
    """The rubric as rule-engine expressions: one rule per item for its points, one for the tier."""
    rule_engine: Any = importlib.import_module("rule_engine")
    item_rules = []
    bonus_rules = []
    veto_rules = []
    kitchen = []
    for code, mode, points, per_defect, floor, levels, in_kitchen in _spec():
        if mode == "checklist":
            text = f"{code} ? {points} : 0"
        elif mode == "deduction":
            text = f"({points} - {per_defect} * {code}) > {floor} ? ({points} - {per_defect} * {code}) : {floor}"
        elif mode == "graded":
            mapping = ", ".join(f'"{name}": {value}' for name, value in levels.items())
            text = f"{{{mapping}}}[{code}]"
        elif mode == "bonus":
            bonus_rules.append(rule_engine.Rule(code))
            continue
        else:
            veto_rules.append(rule_engine.Rule(code))
            continue
        item_rules.append((rule_engine.Rule(text), points, in_kitchen))
        kitchen.append(in_kitchen)
    tier_rule = rule_engine.Rule(
        'veto ? "none" : (total >= 90 and kitchen_full ? "boutique" : '
        '(total >= 80 ? "demonstration" : (total >= 60 ? "clean" : "none")))'
    )
    rows = [_values(inspection) for inspection in inspections]

    def one(row: dict[str, Any]) -> tuple[int, str]:
        total = 0
        kitchen_full = True
        for rule, points, in_kitchen in item_rules:
            earned = rule.evaluate(row)
            total += earned
            if in_kitchen and earned != points:
                kitchen_full = False
        total += min(sum(rule.evaluate(row) for rule in bonus_rules), 5)
        veto = any(rule.evaluate(row) for rule in veto_rules)
        tier = tier_rule.evaluate({"veto": veto, "total": total, "kitchen_full": kitchen_full})
        return int(total), str(tier)

    return lambda: [one(row) for row in rows]


def numpy_scorer(inspections: list[Inspection]) -> Callable[[], list[tuple[int, str]]]:
    """The rubric vectorized over all inspections with numpy: one column per item."""
    np: Any = importlib.import_module("numpy")
    spec = _spec()
    rows = [_values(inspection) for inspection in inspections]
    columns = []
    for code, mode, _points, _per_defect, _floor, levels, _kitchen in spec:
        if mode == "graded":
            names = list(levels)
            columns.append(np.array([names.index(row[code]) for row in rows], dtype=np.int64))
        else:
            columns.append(np.array([int(row[code]) for row in rows], dtype=np.int64))
    tiers = np.array(["none", "clean", "demonstration", "boutique"])

    def run() -> list[tuple[int, str]]:
        total = np.zeros(len(rows), dtype=np.int64)
        bonus = np.zeros(len(rows), dtype=np.int64)
        veto = np.zeros(len(rows), dtype=bool)
        kitchen_full = np.ones(len(rows), dtype=bool)
        for (_, mode, points, per_defect, floor, levels, in_kitchen), column in zip(spec, columns, strict=True):
            if mode == "checklist":
                earned = column * points
            elif mode == "deduction":
                earned = np.maximum(floor, points - per_defect * column)
            elif mode == "graded":
                earned = np.array(list(levels.values()), dtype=np.int64)[column]
            elif mode == "bonus":
                bonus += column
                continue
            else:
                veto |= column.astype(bool)
                continue
            total += earned
            if in_kitchen:
                kitchen_full &= earned == points
        total += np.minimum(bonus, 5)
        index = np.select([veto, (total >= 90) & kitchen_full, total >= 80, total >= 60], [0, 3, 2, 1], default=0)
        return list(zip(total.tolist(), tiers[index].tolist(), strict=True))

    return run
