"""Laws of the rule language over generated sheets of every shape: evaluations, adaptation,
plain data."""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import given
from hypothesis import strategies as st

from fulian_core.rules import (
    Evaluation,
    Fact,
    Item,
    ItemKind,
    RuleSheet,
    Subject,
    SubjectKind,
    compile_sheet,
    evaluate,
    freeze_facts,
)
from fulian_core.testing import best_facts, evaluation_days, fact_sets, rule_sheets, subjects, worst_facts
from fulian_core.testing.laws import assert_evaluation_laws, assert_round_trip

SHEETS = rule_sheets(unpublished=True)


@st.composite
def cases(draw: st.DrawFn) -> tuple[RuleSheet, dt.date, dict[str, Fact], Subject]:
    sheet = draw(SHEETS)
    day = draw(evaluation_days(sheet))
    kind = st.sampled_from(sorted(sheet.subjects, key=lambda k: k.code))
    return sheet, day, draw(fact_sets(sheet=sheet, on=day)), draw(subjects(kinds=kind))


@given(cases())
def test_every_evaluation_law_holds_on_every_shape(case: tuple[RuleSheet, dt.date, dict[str, Fact], Subject]) -> None:
    sheet, day, facts, subject = case
    assert_evaluation_laws(sheet, facts, on=day, subject=subject)


@given(cases())
def test_evaluations_and_sheets_round_trip(case: tuple[RuleSheet, dt.date, dict[str, Fact], Subject]) -> None:
    sheet, day, facts, subject = case
    assert_round_trip(sheet, RuleSheet)
    assert_round_trip(evaluate(sheet, facts, on=day, subject=subject), Evaluation)


@given(SHEETS)
def test_the_best_facts_are_never_worse_than_any_and_the_worst_never_better(sheet: RuleSheet) -> None:
    plan = compile_sheet(sheet)
    kind = min(sheet.subjects, key=lambda k: k.code)
    on = sheet.effective_from
    best = plan.standing(best_facts(sheet), on=on, kind=kind)
    worst = plan.standing(worst_facts(sheet), on=on, kind=kind)
    assert worst.total <= best.total
    assert worst.band.rank <= best.best_band.rank


@given(SHEETS, st.data())
def test_dropping_an_added_item_restores_the_parent(sheet: RuleSheet, data: st.DataObject) -> None:
    gates = [] if sheet.bands[-1].passing else [ItemKind.REQUIREMENT, ItemKind.OVERRIDE]
    kind = data.draw(st.sampled_from([*gates, ItemKind.BONUS]))
    extra = Item("added", "新增条目", kind, points=5 if kind is ItemKind.BONUS else 0)
    day = sheet.effective_from
    local = sheet.adapt(issuer="local", version="1", effective_from=day, add=[extra])
    assert local.based_on == sheet.ref
    assert local.item("added") == extra
    again = local.adapt(issuer=sheet.issuer, version=sheet.version, effective_from=day, drop=["added"])
    assert again.items == sheet.items
    assert (
        attrs.evolve(again, based_on=sheet.based_on, source=sheet.source, effective_until=sheet.effective_until)
        == sheet
    )


@given(SHEETS)
def test_adapting_with_no_change_keeps_every_rule(sheet: RuleSheet) -> None:
    local = sheet.adapt(issuer="local", version="1", effective_from=sheet.effective_from, replace=sheet.items[:1])
    assert (local.items, local.groups, local.bands, local.maximum, local.bonus_cap, local.missing) == (
        sheet.items,
        sheet.groups,
        sheet.bands,
        sheet.maximum,
        sheet.bonus_cap,
        sheet.missing,
    )


@st.composite
def batches(draw: st.DrawFn) -> tuple[RuleSheet, list[tuple[dict[str, Fact], dt.date]], SubjectKind]:
    sheet = draw(SHEETS)
    rows = []
    for _ in range(draw(st.integers(0, 3))):
        day = draw(evaluation_days(sheet))
        rows.append((draw(fact_sets(sheet=sheet, on=day)), day))
    return sheet, rows, draw(st.sampled_from(sorted(sheet.subjects, key=lambda k: k.code)))


@given(batches())
def test_a_batch_of_standings_is_each_subjects_standing(
    batch: tuple[RuleSheet, list[tuple[dict[str, Fact], dt.date]], SubjectKind],
) -> None:
    # One compiled plan, looped: facts frozen or not, finer points, unknowns, every shape.
    sheet, rows, kind = batch
    plan = compile_sheet(sheet)
    frozen = [(freeze_facts(facts), day) for facts, day in rows[::2]] + rows[1::2]
    assert plan.standings(frozen, kind=kind) == [plan.standing(facts, on=day, kind=kind) for facts, day in frozen]
