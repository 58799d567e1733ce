"""The batch path: columns in, arrays out.

- Scoring: the 24-item FOUR_ROOMS_RUBRIC over columns of item levels, by
  :func:`fulian_core.rules.score_columns`, against the numpy floor: a hand-written numpy
  scorer of the same rubric (each item's points with numpy expressions, a sum, and the
  tiers with ``np.select``), arrays in and arrays out.
- Rollup: household columns (village index, tier index, money in 分, sessions) to county and
  city totals by :func:`fulian_core.indicators.rollup_columns`, against a pandas groupby on
  the same columns with the ancestors' keys precomputed outside the timing.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from typing import Any

import numpy as np

from fulian_core import Level, OrgTree
from fulian_core.courtyard.catalog import FOUR_ROOMS_RUBRIC, TIER_CODES
from fulian_core.indicators import rollup_columns
from fulian_core.rules import ItemKind, SheetPlan, compile_sheet, score_columns

DAY = dt.date(2024, 5, 31)
Scored = tuple[list[int], list[str]]
Row = tuple[int, int, int, tuple[int, ...]]


def make_columns(count: int, seed: int) -> dict[str, Any]:
    """Levels of the 24 items for *count* inspections, as small whole-number arrays."""
    rng = np.random.default_rng(seed)
    columns: dict[str, Any] = {}
    for item in FOUR_ROOMS_RUBRIC.items:
        if item.ratings:
            columns[item.code] = rng.integers(0, len(item.ratings), count, dtype=np.int8)
        elif item.kind is ItemKind.DEDUCTION:
            columns[item.code] = rng.choice(np.array([0, 0, 0, 1, 2, 3], dtype=np.int8), count)
        elif item.kind is ItemKind.OVERRIDE:
            columns[item.code] = (rng.random(count) < 0.02).astype(np.int8)
        elif item.kind is ItemKind.BONUS:
            columns[item.code] = rng.integers(0, int(item.points) + 1, count, dtype=np.int8)
        else:  # a checklist item: met (its points) or not (0)
            columns[item.code] = np.where(rng.random(count) > 0.15, int(item.points), 0).astype(np.int8)
    return columns


def library_scoring(plan: SheetPlan, columns: dict[str, Any]) -> Callable[[], Any]:
    return lambda: score_columns(plan, columns, on=DAY)


def library_answer(scores: Any) -> Scored:
    assert not scores.needs_object_path.any()
    assert not (scores.totals % scores.scale).any()
    codes = np.array(scores.codes)
    return (scores.totals // scores.scale).tolist(), codes[scores.bands].tolist()


def numpy_floor(columns: dict[str, Any]) -> Callable[[], tuple[Any, Any]]:
    """The rubric written by hand in numpy: per-item points, their sum, the tiers."""
    spec = []
    for item in FOUR_ROOMS_RUBRIC.items:
        floor = int(item.points - item.max_deduction) if item.max_deduction is not None else 0
        levels = np.array([int(rating.points * item.weight) for rating in item.ratings], dtype=np.int64)
        spec.append((item.code, item.kind, int(item.points), int(item.per_occurrence), floor, levels, item.group))
    rows = len(next(iter(columns.values())))

    def run() -> tuple[Any, Any]:
        total = np.zeros(rows, dtype=np.int64)
        bonus = np.zeros(rows, dtype=np.int64)
        veto = np.zeros(rows, dtype=bool)
        kitchen_full = np.ones(rows, dtype=bool)
        for code, kind, points, per_defect, floor, levels, group in spec:
            column = columns[code]
            if kind is ItemKind.OVERRIDE:
                veto |= column.astype(bool)
                continue
            if kind is ItemKind.BONUS:
                bonus += column
                continue
            if kind is ItemKind.DEDUCTION:
                earned = np.maximum(floor, points - per_defect * column.astype(np.int64))
            elif len(levels):
                earned = levels[column]
            else:
                earned = column
            total += earned
            if group == "kitchen":
                kitchen_full &= earned == points
        total += np.minimum(bonus, 5)
        tier = np.select([veto, (total >= 90) & kitchen_full, total >= 80, total >= 60], [3, 0, 1, 2], default=3)
        return total, tier

    return run


def floor_answer(found: tuple[Any, Any]) -> Scored:
    total, tier = found
    return total.tolist(), np.array(TIER_CODES)[tier].tolist()


def make_households(count: int, seed: int, units: list[str]) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    return {
        "villages": rng.integers(0, len(units), count, dtype=np.int32),
        "tiers": rng.integers(0, len(TIER_CODES), count, dtype=np.int8),
        "money": rng.integers(0, 5000_00, count, dtype=np.int64),
        "sessions": rng.integers(0, 12, count, dtype=np.int16),
    }


LEVELS = (Level.COUNTY, Level.CITY)


def library_rollup(tree: OrgTree, units: list[str], columns: dict[str, Any]) -> Callable[[], dict[str, Row]]:
    def run() -> dict[str, Row]:
        found = rollup_columns(
            tree,
            units,
            columns["villages"],
            columns["tiers"],
            tier_codes=TIER_CODES,
            money=columns["money"],
            sessions=columns["sessions"],
            levels=LEVELS,
        )
        result: dict[str, Row] = {}
        for level in LEVELS:
            for code, unit in found[level].totals.items():
                by_tier = dict(unit.by_tier)
                result[code] = (
                    unit.households,
                    int(unit.money * 100),
                    unit.sessions,
                    tuple(by_tier.get(t, 0) for t in TIER_CODES),
                )
        return result

    return run


def pandas_rollup(tree: OrgTree, units: list[str], columns: dict[str, Any]) -> Callable[[], dict[str, Row]]:
    """A pandas groupby per level on the same columns; each village's ancestors' codes are
    looked up outside the timing (as a user would keep them beside the frame)."""
    pandas: Any = importlib.import_module("pandas")
    frame = pandas.DataFrame(columns)
    keys = {}
    for level in LEVELS:
        codes = [ancestor.code if (ancestor := tree.ancestor_at(code, level)) else "" for code in units]
        keys[level] = pandas.Categorical(codes)
    tiers = list(range(len(TIER_CODES)))

    def run() -> dict[str, Row]:
        result: dict[str, Row] = {}
        for level in LEVELS:
            key = pandas.Categorical.from_codes(keys[level].codes[frame["villages"].to_numpy()], keys[level].categories)
            grouped = frame.groupby(key, observed=True)
            sums = grouped[["money", "sessions"]].sum()
            counts = frame.groupby([key, "tiers"], observed=True).size().unstack(fill_value=0)
            counts = counts.reindex(columns=tiers, fill_value=0)
            for code, money, sessions, *by_tier in zip(
                sums.index, sums["money"], sums["sessions"], *(counts[t] for t in tiers), strict=True
            ):
                result[str(code)] = (int(sum(by_tier)), int(money), int(sessions), tuple(int(n) for n in by_tier))
        return result

    return run


def scenarios(
    measure: Callable[..., list[dict[str, Any]]],
    *,
    quick: bool,
    seed: int,
    rounds: int,
    divisions: dict[str, str],
    village_codes: list[str],
) -> list[dict[str, Any]]:
    """Both scenarios, measured by run.py's ``measure``."""
    rows: list[dict[str, Any]] = []
    count = 100_000 if quick else 1_000_000
    plan = compile_sheet(FOUR_ROOMS_RUBRIC)
    columns = make_columns(count, seed)
    rows += measure(
        "batch scoring: columns of the 24-item rubric, arrays out",
        count,
        {"fulian_core": library_scoring(plan, columns), "numpy floor (hand-written)": numpy_floor(columns)},
        rounds,
        normalize={"fulian_core": library_answer, "numpy floor (hand-written)": floor_answer},
    )
    units = sorted(village_codes[:5000])
    kept = set(units)
    tree = OrgTree.from_division_codes(
        {code: name for code, name in divisions.items() if code.endswith("000") or code in kept}
    )
    households = make_households(count, seed, units)
    rows += measure(
        "batch rollup: household columns to county and city totals",
        count,
        {
            "fulian_core": library_rollup(tree, units, households),
            "pandas groupby": pandas_rollup(tree, units, households),
        },
        rounds,
    )
    return rows
