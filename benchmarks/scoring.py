"""Scoring: total and tier (band) of the 24-item FOUR_ROOMS_RUBRIC (scored items met or not,
scored items with ratings, deduction, bonus and override items), against a hand-written
dict-and-loop scorer, the same rubric written as rule-engine expressions, and a numpy
vectorized scorer (the machine's floor; its arrays are prepared outside the timing).

The contenders know the rubric only through its items: an item of kind SCORED without ratings
is a checklist item (met or not), with ratings a graded one; an OVERRIDE is a veto (一票否决).
The band rules (精品户 ≥ 90 with a full kitchen, 示范户 ≥ 80, 清洁户 ≥ 60) and the bonus cap
are written out by hand, as a user would."""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from typing import Any

from fulian_core.courtyard import Household, Inspection, InspectionKind
from fulian_core.courtyard.catalog import FOUR_ROOMS_RUBRIC
from fulian_core.rules import Fact, FactKind, Item, ItemKind

Spec = tuple[str, str, int, int, int, dict[str, int], bool]


def _mode(item: Item) -> str:
    """The contenders' name for what an item does."""
    if item.kind is ItemKind.SCORED:
        return "graded" if item.ratings else "checklist"
    if item.kind is ItemKind.DEDUCTION:
        return "deduction"
    if item.kind is ItemKind.BONUS:
        return "bonus"
    if item.kind is ItemKind.OVERRIDE:
        return "veto"
    raise ValueError(f"the benchmark rubric has no {item.kind.code} items: {item.code}")


def make_inspections(count: int, seed: int) -> list[Inspection]:
    """Inspections of the 24-item FOUR_ROOMS_RUBRIC with plausible facts."""
    rng = random.Random(seed)
    items = FOUR_ROOMS_RUBRIC.items
    day = dt.date(2024, 5, 31)

    def observe(item: Item) -> Fact:
        mode = _mode(item)
        if mode == "checklist":
            return Fact.met() if rng.random() > 0.15 else Fact.not_met()
        if mode == "deduction":
            return Fact.found(rng.choice((0, 0, 0, 1, 2, 3)))
        if mode == "graded":
            return Fact.rated(rng.choice(item.ratings).name)
        if mode == "bonus":
            return Fact.scored(rng.randint(0, int(item.points)))
        return Fact.met() if rng.random() < 0.02 else Fact.not_met()  # the veto was found, or not

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
    """A hand-written dict-and-loop scorer of the same rubric: it reads the same
    :class:`Inspection` values the library reads (each item's :class:`Fact`: its kind, count,
    rating or points), computes in ints and strings, and validates nothing."""
    spec = _spec()
    met = FactKind.MET

    def one(inspection: Inspection) -> tuple[int, str]:
        facts = inspection.facts
        total = bonus = 0
        veto = False
        kitchen_full = True
        for code, mode, points, per_defect, floor, levels, kitchen in spec:
            fact = facts[code]
            if mode == "checklist":
                earned = points if fact.kind is met else 0
            elif mode == "deduction":
                earned = max(floor, points - per_defect * fact.count)  # type: ignore[operator]
            elif mode == "graded":
                earned = levels[fact.rating]
            elif mode == "bonus":
                bonus += int(fact.points)  # type: ignore[arg-type]
                continue
            else:
                veto = veto or fact.kind is met
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

    return lambda: [one(inspection) for inspection in inspections]


def _spec() -> list[Spec]:
    return [
        (
            item.code,
            _mode(item),
            int(item.points),
            int(item.per_occurrence),
            int(item.points - item.max_deduction) if item.max_deduction is not None else 0,
            {rating.name: int(rating.points * item.weight) for rating in item.ratings},
            item.group == "kitchen",
        )
        for item in FOUR_ROOMS_RUBRIC.items
    ]


def _value(fact: Fact) -> Any:
    """A fact as the contenders read it: a rating name, a count, points, or true/false."""
    kind = fact.kind
    if kind is FactKind.RATED:
        return fact.rating
    if kind is FactKind.FOUND:
        return fact.count
    if kind is FactKind.SCORED:
        return int(fact.points or 0)
    if kind is FactKind.MET or kind is FactKind.NOT_MET:
        return kind is FactKind.MET
    raise ValueError(f"the benchmark makes no {kind.code} facts")


def _values(inspection: Inspection) -> dict[str, Any]:
    return {code: _value(fact) for code, fact in inspection.facts.items()}


def rule_engine_scorer(inspections: list[Inspection]) -> Callable[[], list[tuple[int, str]]]:
    """The rubric as rule-engine expressions: one rule per item for its points, one for the tier."""
    rule_engine: Any = importlib.import_module("rule_engine")
    item_rules = []
    bonus_rules = []
    veto_rules = []
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
