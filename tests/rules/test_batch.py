"""The batch path (rules/batch.py): columns scored at once equal the per-object answer, row by row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from numpy.typing import NDArray

from fulian_core.courtyard import Inspection
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, FOUR_ROOMS_RUBRIC
from fulian_core.errors import ValidationError
from fulian_core.rules import Band, Fact, Item, ItemKind, Rating, RuleSheet, SubjectKind, Threshold, compile_sheet
from fulian_core.rules.batch import (
    MISSING_LEVEL,
    OTHER_LEVEL,
    UNKNOWN_LEVEL,
    complete_scores,
    fact_columns,
    row_facts,
    score_columns,
)
from fulian_core.testing import evaluation_days, fact_sets, inspections, rule_sheets

DAY = dt.date(2024, 5, 31)
GOALS = compile_sheet(FOUR_GOALS_RUBRIC)


def _goals_row(**changes: int) -> dict[str, int]:
    # 好/较好/一般/差 are levels 0/1/2/3; deductions are counts; toilet_clean and the bonuses
    # are whole points; overrides 1 when they fired.
    row = {
        "yard_litter": 1,  # 10 − 2 = 8
        "kitchen_grease": 0,  # 10
        "door_window_dust": 0,  # 10
        "toilet_clean": 10,  # met: 10
        "yard_clutter": 0,  # 15
        "indoor_storage": 0,  # 好 15
        "walls_tidy": 1,  # 较好 12
        "greenery": 0,  # 好 15
        "featured": 5,
        "volunteer": 0,
        "illegal_building": 0,
        "unlawful": 0,
    }
    return row | changes


def _columns(*rows: dict[str, int]) -> dict[str, NDArray[Any]]:
    return {code: np.array([row[code] for row in rows], dtype=np.int16) for code in rows[0]}


def test_four_goals_rows_by_hand() -> None:
    """Base 8+10+10+10+15+15+12+15 = 95, bonus 5: 100 (精品户). A greasy kitchen (8): 98, but
    精品户 needs a clean one: 示范户. 私搭乱建 found: 一票否决, 未达标 with the same total.
    Litter 10 times (扣完为止 at 0) and two ratings of 差: 87 + 5 = 92 − … see below."""
    columns = _columns(
        _goals_row(),
        _goals_row(kitchen_grease=1),
        _goals_row(illegal_building=1),
        # 0 + 10 + 10 + 10 + 15 + 差 0 + 较好 12 + 一般 8 = 65, no bonus: 清洁户.
        _goals_row(yard_litter=10, indoor_storage=3, greenery=2, featured=0),
        _goals_row(kitchen_grease=UNKNOWN_LEVEL),
    )
    scores = score_columns(GOALS, columns, on=DAY)
    assert scores.scale == 100  # the rubric scales to two places when items do not apply
    assert scores.totals.tolist() == [10000, 9800, 10000, 6500, 0]
    assert [scores.codes[band] for band in scores.bands] == ["boutique", "demonstration", "none", "clean", "none"]
    assert scores.needs_object_path.tolist() == [False, False, False, False, True]
    assert scores.standing(1).total == Decimal(98)
    with pytest.raises(ValidationError, match=r"^row: expected a row the batch path scored"):
        scores.standing(4)
    done = complete_scores(GOALS, scores, {4: row_facts(GOALS, columns, 4)}, on=DAY)
    # The kitchen not yet looked at: 90 for certain (its worst, 0), 100 at best; 精品户 still possible.
    assert done.standing(4) == GOALS.standing(row_facts(GOALS, columns, 4), on=DAY)
    assert (done.standing(4).total, done.standing(4).best_total) == (Decimal(90), Decimal(100))
    assert (done.standing(4).band.code, done.standing(4).best_band.code) == ("demonstration", "boutique")
    assert not done.needs_object_path.any()
    assert scores.needs_object_path[4]  # the original is unchanged


def test_the_24_item_rubric_from_facts_equals_the_object_path() -> None:
    rng = np.random.default_rng(7)
    plan = compile_sheet(FOUR_ROOMS_RUBRIC)
    rows = 500
    columns: dict[str, NDArray[Any]] = {}
    for item in FOUR_ROOMS_RUBRIC.items:
        if item.ratings:
            columns[item.code] = rng.integers(0, len(item.ratings), rows)
        elif item.kind.code in ("deduction",):
            columns[item.code] = rng.integers(0, 6, rows)
        elif item.kind.code == "override":
            columns[item.code] = (rng.random(rows) < 0.05).astype(np.int8)
        else:
            columns[item.code] = rng.integers(0, int(item.points) + 1, rows)
    scores = score_columns(plan, columns, on=DAY)
    assert not scores.needs_object_path.any()
    for row in range(rows):
        assert scores.standing(row) == plan.standing(row_facts(plan, columns, row), on=DAY)


@st.composite
def batches(draw: st.DrawFn) -> tuple[RuleSheet, dt.date, list[dict[str, Fact]]]:
    sheet = draw(rule_sheets(unpublished=True))
    day = draw(evaluation_days(sheet))
    return sheet, day, draw(st.lists(fact_sets(sheet=sheet, on=day), min_size=1, max_size=4))


@given(batches())
def test_batch_equals_the_object_path_on_every_shape(case: tuple[RuleSheet, dt.date, list[dict[str, Fact]]]) -> None:
    sheet, day, rows = case
    plan = compile_sheet(sheet)
    kind = sorted(sheet.subjects, key=lambda k: k.code)[0]
    columns = fact_columns(plan, rows)
    scores = score_columns(plan, columns, on=day, kind=kind)
    skipped = any(item.applies_to and kind not in item.applies_to for item in sheet.items)
    for row, facts in enumerate(rows):
        unusual = skipped or any(int(column[row]) < 0 for column in columns.values())
        # A row is sent to the object path exactly when something in it is unusual.
        assert bool(scores.needs_object_path[row]) == unusual
        if not unusual:
            assert scores.standing(row) == plan.standing(facts, on=day, kind=kind)
    done = complete_scores(plan, scores, rows, on=day, kind=kind)
    assert [done.standing(row) for row in range(len(rows))] == [
        plan.standing(facts, on=day, kind=kind) for facts in rows
    ]


@given(st.lists(inspections(rubric=FOUR_GOALS_RUBRIC), min_size=1, max_size=2))
def test_generated_inspections_score_the_same_by_column(found: list[Inspection]) -> None:
    for day in {inspection.date for inspection in found}:
        rows = [inspection.facts for inspection in found if inspection.date == day]
        scores = complete_scores(GOALS, score_columns(GOALS, fact_columns(GOALS, rows), on=day), rows, on=day)
        assert [scores.standing(row) for row in range(len(rows))] == [
            GOALS.standing(facts, on=day, kind=SubjectKind.HOUSEHOLD) for facts in rows
        ]


def test_finer_points_widen_the_scale() -> None:
    rows = [FOUR_ROOMS_RUBRIC.items[0].code]
    plan = compile_sheet(FOUR_ROOMS_RUBRIC)
    facts = [
        {
            item.code: Fact.not_met() if item.kind.code == "override" else Fact.unknown()
            for item in FOUR_ROOMS_RUBRIC.items
        }
    ]
    facts[0][rows[0]] = Fact.scored("2.125")
    columns = fact_columns(plan, facts)
    assert int(columns[rows[0]][0]) == OTHER_LEVEL
    scores = complete_scores(plan, score_columns(plan, columns, on=DAY), facts, on=DAY)
    assert scores.scale == 1000
    assert scores.standing(0) == plan.standing(facts[0], on=DAY)
    assert scores.standing(0).total == Decimal("5.125")
    assert scores.totals[0] == 5125


def test_a_table_through_a_mapping_of_names() -> None:
    pandas = pytest.importorskip("pandas")
    columns = _columns(_goals_row(), _goals_row(kitchen_grease=2))
    frame = pandas.DataFrame({f"c_{code}": values for code, values in columns.items()})
    names = {code: f"c_{code}" for code in columns}
    scores = score_columns(GOALS, frame, on=DAY, names=names)
    assert scores.totals.tolist() == [10000, 9600]


def test_refusals_name_the_column_and_what_was_expected() -> None:
    columns: dict[str, object] = dict(_columns(_goals_row(), _goals_row()))
    del columns["greenery"]
    columns["featured"] = np.array([1.5, 2.0])
    columns["volunteer"] = np.array([1, 2, 3])
    with pytest.raises(ValidationError) as caught:
        score_columns(GOALS, columns, on=DAY)
    assert str(caught.value).splitlines() == [
        "columns['featured']: expected a one-dimensional column of whole numbers, got 'float64 × (2,)'",
        "columns['volunteer']: expected 2 rows, as the first column, got 3",
        "columns['greenery']: expected a column of levels for item greenery, got None",
    ] or sorted(str(caught.value).splitlines()) == sorted(
        [
            "columns['featured']: expected a one-dimensional column of whole numbers, got 'float64 × (2,)'",
            "columns['volunteer']: expected 2 rows, as the first column, got 3",
            "columns['greenery']: expected a column of levels for item greenery, got None",
        ]
    )
    with pytest.raises(ValidationError, match=r"^on: expected a date, got "):
        score_columns(GOALS, _columns(_goals_row()), on="2024-05-31")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"2023-12-31"):
        score_columns(GOALS, _columns(_goals_row()), on=dt.date(2023, 12, 31))
    with pytest.raises(ValidationError, match=r"^kind: expected a 农户 subject"):
        score_columns(GOALS, _columns(_goals_row()), on=DAY, kind=SubjectKind.FAMILY)


def test_levels_off_the_scale_go_to_the_object_path_and_are_refused_there() -> None:
    columns = _columns(_goals_row(), _goals_row(walls_tidy=4), _goals_row(volunteer=MISSING_LEVEL))
    scores = score_columns(GOALS, columns, on=DAY)
    assert scores.needs_object_path.tolist() == [False, True, True]
    with pytest.raises(ValidationError, match=r"^columns\['walls_tidy'\]\[1\]: expected a level from 0 to 3"):
        row_facts(GOALS, columns, 1)
    # A bonus nobody claimed is worth nothing: 95 + 5.
    assert complete_scores(
        GOALS, scores, {1: row_facts(GOALS, columns, 0), 2: row_facts(GOALS, columns, 2)}, on=DAY
    ).totals.tolist() == [10000, 10000, 10000]
    with pytest.raises(ValidationError, match=r"^rows\[1\]: expected the facts of a row the batch path marked"):
        complete_scores(GOALS, scores, {2: {}}, on=DAY)
    with pytest.raises(ValidationError, match=r"^rows\[2\]\."):
        complete_scores(GOALS, scores, {1: row_facts(GOALS, columns, 0), 2: {"nonsense": Fact.met()}}, on=DAY)


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int32, np.uint64, np.int64])
def test_every_whole_number_type_of_column_scores_alike(dtype: type) -> None:
    rows = (_goals_row(), _goals_row(kitchen_grease=3, yard_litter=7), _goals_row(yard_clutter=2, volunteer=5))
    columns: dict[str, NDArray[Any]] = {code: values.astype(dtype) for code, values in _columns(*rows).items()}
    # 100; 95 − 8 (litter 7 times: 扣完为止 at 0) − 6 (grease 3 times) + 5 = 86 (示范户); 95 − 6 + 10 = 99.
    scores = score_columns(GOALS, columns, on=DAY)
    assert (scores.totals // scores.scale).tolist() == [100, 86, 99]
    assert [scores.codes[band] for band in scores.bands] == ["boutique", "demonstration", "boutique"]


def test_points_past_what_the_column_type_holds_are_exact() -> None:
    """30 points an occurrence, found 5 times: 150, past what an int8 column holds (numpy
    1.26 multiplied in the column's own type before widening). Beside it a rating, a
    deduction that stops (扣完为止) and an override, each on rows of every kind, mixed."""
    sheet = RuleSheet(
        issuer="x",
        code="s",
        version="1",
        title="t",
        effective_from=DAY,
        items=(
            Item("found", "发现", ItemKind.SCORED, points=150, per_occurrence=30),
            Item(
                "tidy",
                "整洁",
                ItemKind.SCORED,
                points=10,
                ratings=(Rating("好", 10), Rating("一般", 6), Rating("差", 0)),
            ),
            Item("litter", "垃圾", ItemKind.DEDUCTION, points=10, per_occurrence=4),
            Item("veto", "一票否决", ItemKind.OVERRIDE, target="none"),
        ),
        bands=(Band("good", "好", Threshold.at_least(150)), Band("none", "差", passing=False)),
    )
    plan = compile_sheet(sheet)
    rng = np.random.default_rng(3)
    rows = 400
    columns = {
        "found": rng.integers(0, 6, rows).astype(np.int8),
        "tidy": rng.integers(0, 3, rows).astype(np.int8),
        "litter": rng.integers(0, 5, rows).astype(np.int8),
        "veto": (rng.random(rows) < 0.5).astype(np.int8),
    }
    scores = score_columns(plan, columns, on=DAY)
    assert not scores.needs_object_path.any()
    assert scores.standing(int(np.argmax(columns["found"]))).total >= 150
    for row in range(rows):
        assert scores.standing(row) == plan.standing(row_facts(plan, columns, row), on=DAY)


def test_no_rows_score_to_empty_arrays() -> None:
    scores = score_columns(GOALS, {code: np.array([], dtype=np.int8) for code in FOUR_GOALS_RUBRIC.codes}, on=DAY)
    assert scores.rows == 0
    assert scores.totals.shape == scores.bands.shape == scores.needs_object_path.shape == (0,)
    assert complete_scores(GOALS, scores, [], on=DAY).rows == 0
    with pytest.raises(ValidationError, match=r"^row: expected a row number \(there are no rows\), got 0$"):
        scores.standing(0)


def test_wrong_types_meet_the_librarys_error() -> None:
    columns = _columns(_goals_row())
    scores = score_columns(GOALS, columns, on=DAY)
    calls: list[Callable[[], object]] = [
        lambda: score_columns(None, columns, on=DAY),  # type: ignore[arg-type]
        lambda: score_columns(GOALS, None, on=DAY),
        lambda: score_columns(GOALS, columns, on=None),  # type: ignore[arg-type]
        lambda: score_columns(GOALS, columns, on=DAY, kind="household"),  # type: ignore[arg-type]
        lambda: score_columns(GOALS, columns, on=DAY, names=["a"]),  # type: ignore[arg-type]
        lambda: score_columns(GOALS, dict.fromkeys(columns), on=DAY),
        lambda: complete_scores(None, scores, [], on=DAY),  # type: ignore[arg-type]
        lambda: complete_scores(GOALS, None, [], on=DAY),  # type: ignore[arg-type]
        lambda: complete_scores(GOALS, scores, None, on=DAY),  # type: ignore[arg-type]
        lambda: fact_columns(None, []),  # type: ignore[arg-type]
        lambda: fact_columns(GOALS, None),  # type: ignore[arg-type]
        lambda: row_facts(None, columns, 0),  # type: ignore[arg-type]
        lambda: row_facts(GOALS, columns, "0"),  # type: ignore[arg-type]
        lambda: row_facts(GOALS, None, 0),
        lambda: scores.standing(None),  # type: ignore[arg-type]
        lambda: scores.standing(True),
    ]
    for call in calls:
        with pytest.raises(ValidationError):
            call()


def test_columns_in_the_other_byte_order_score_as_in_the_machines() -> None:
    """A big-endian column (from a file written on another machine) is read by value: level 1
    is 1, not 256."""
    columns = _columns(_goals_row(), _goals_row(yard_litter=3))
    native = score_columns(GOALS, columns, on=DAY)
    for dtype in (">i2", ">u2", ">i8", "<i4"):
        swapped = {**columns, "yard_litter": columns["yard_litter"].astype(dtype)}
        found = score_columns(GOALS, swapped, on=DAY)
        assert found.totals.tolist() == native.totals.tolist()
        assert found.needs_object_path.tolist() == native.needs_object_path.tolist()
        assert [GOALS.standing(row_facts(GOALS, swapped, row), on=DAY).total * found.scale for row in (0, 1)] == (
            found.totals.tolist()
        )
