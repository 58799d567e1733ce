"""Credit standings as derived indicator values (信用评价结果统计): by grade, A级及以上, entries by item."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import OrgTree, Period, Quantity, ValidationError
from fulian_core.credit import CreditEvent, CreditRecord
from fulian_core.indicators import (
    CREDIT_INDICATORS,
    Dataset,
    DataValue,
    IndicatorSet,
    Origin,
    credit_definitions,
    credit_values,
    rollup,
    rollup_ratio,
)
from fulian_core.orgs import Level
from fulian_core.rules import Subject, SubjectKind
from tests.credit.test_links import SCHEME

TOWNSHIP, NANLIU, BEIXIN = "371082103", "371082103201", "371082103202"
TREE = OrgTree.from_division_codes({"371082": "荣成市", TOWNSHIP: "人和镇", NANLIU: "南柳村", BEIXIN: "北新庄村"})
HALF = Period.half(2024, 1)
GRADES = ["credit_grade_AAA", "credit_grade_AA", "credit_grade_A", "credit_grade_B", "credit_grade_C"]
ITEMS = [f"credit_entries_{code}" for code in SCHEME.codes]


def household(number: int, village: str) -> Subject:
    return Subject(f"h-{number}", kind=SubjectKind.HOUSEHOLD, unit=village)


def event(number: int, day: str, item: str) -> CreditEvent:
    return CreditEvent(f"e-{number}", dt.date.fromisoformat(day), [item])


RECORDS = [
    CreditRecord(household(1, NANLIU), [event(1, "2024-02-01", "demonstration")]),  # 103: A
    # −5, then the same offence within a year, doubled: 85, C
    CreditRecord(
        household(2, NANLIU), [event(2, "2024-03-01", "check_failed"), event(3, "2024-05-01", "check_failed")]
    ),
    CreditRecord(household(3, NANLIU)),  # 100: A
    CreditRecord(
        household(4, BEIXIN), [event(4, "2024-06-01", "most_beautiful"), event(5, "2024-04-10", "demonstration")]
    ),
    CreditRecord(
        household(5, BEIXIN), [event(6, "2024-01-05", "check_failed"), event(7, "2024-07-01", "demonstration")]
    ),
]


def table(values: tuple[DataValue, ...]) -> dict[tuple[str, str], str]:
    return {(value.indicator, value.unit): str(value.value) for value in values}


def test_households_by_grade_at_or_above_a_and_entries_by_item_per_village() -> None:
    values = credit_values(SCHEME, RECORDS, HALF)
    assert {value.origin for value in values} == {Origin.DERIVED}
    assert {value.period for value in values} == {HALF}
    found = table(values)
    assert [found[(code, NANLIU)] for code in GRADES] == ["0户", "0户", "2户", "0户", "1户"]
    assert [found[(code, BEIXIN)] for code in GRADES] == ["0户", "1户", "0户", "1户", "0户"]
    assert (found[("credit_graded", NANLIU)], found[("credit_at_least", NANLIU)]) == ("3户", "2户")
    assert (found[("credit_graded", BEIXIN)], found[("credit_at_least", BEIXIN)]) == ("2户", "1户")
    assert found[("credit_entries_check_failed", NANLIU)] == "2条"
    assert found[("credit_entries_demonstration", BEIXIN)] == "1条"  # the July entry is after the half
    assert found[("credit_entries_most_beautiful", BEIXIN)] == "1条"
    assert found[("credit_entries_volunteer", NANLIU)] == "0条"
    assert len(values) == 2 * (len(GRADES) + 2 + len(ITEMS))


def test_they_roll_up_to_the_township_and_the_share_from_summed_counts() -> None:
    data = Dataset(IndicatorSet(credit_definitions(SCHEME)), TREE, credit_values(SCHEME, RECORDS, HALF))
    graded = rollup(data, "credit_graded", TOWNSHIP, HALF, level=Level.VILLAGE)
    assert (graded.value, str(graded.coverage)) == (Quantity.parse("5户"), "2/2")
    assert rollup(data, "credit_grade_A", TOWNSHIP, HALF, level=Level.VILLAGE).value == Quantity.parse("2户")
    entries = rollup(data, "credit_entries_check_failed", TOWNSHIP, HALF, level=Level.VILLAGE)
    assert entries.value == Quantity.parse("3条")
    share = rollup_ratio(data, CREDIT_INDICATORS["share"], TOWNSHIP, HALF, level=Level.VILLAGE)
    assert share.value == Decimal("60.00")  # 3 of 5, not the mean of 66.67% and 50%


def test_the_threshold_is_a_grade_and_the_indicators_can_be_named() -> None:
    found = table(credit_values(SCHEME, RECORDS, HALF, at_least="AA", grades={"C": "grade_c"}, items={}))
    assert found == {
        ("grade_c", NANLIU): "1户",
        ("grade_c", BEIXIN): "0户",
        ("credit_graded", NANLIU): "3户",
        ("credit_at_least", NANLIU): "0户",
        ("credit_graded", BEIXIN): "2户",
        ("credit_at_least", BEIXIN): "1户",
    }
    definitions = credit_definitions(SCHEME, at_least="AA", grades={"C": "grade_c"}, items={})
    assert [(definition.code, definition.name) for definition in definitions] == [
        ("grade_c", "C级户数"),
        ("credit_graded", "信用评价户数"),
        ("credit_at_least", "AA级及以上户数"),
        ("credit_at_least_share", "AA级及以上占比"),
    ]


def test_refusals_name_what_was_expected() -> None:
    with pytest.raises(
        ValidationError, match=r"^at_least: expected a grade of the scheme \(AAA, AA, A, B, C\), got 'D'$"
    ):
        credit_values(SCHEME, RECORDS, HALF, at_least="D")
    with pytest.raises(
        ValidationError, match=r"^codes: expected names of credit counts \(graded, at_least, share\), got 'x'$"
    ):
        credit_values(SCHEME, RECORDS, HALF, codes={"x": "y"})
    with pytest.raises(ValidationError, match=r"^items: expected item codes of the scheme \(.*\), got 'nope'$"):
        credit_values(SCHEME, RECORDS, HALF, items={"nope": "x"})
    homeless = CreditRecord(Subject("h-9", kind=SubjectKind.HOUSEHOLD))
    with pytest.raises(ValidationError) as caught:
        credit_values(SCHEME, [*RECORDS, RECORDS[0], homeless], HALF)
    assert str(caught.value).splitlines() == [
        "records[5].subject.id: expected a subject not given before, got 'h-1'",
        "records[6].subject.unit: expected the code of its unit, got None",
    ]
    with pytest.raises(
        ValidationError, match=r"^period: expected a period that ends when village_credit@2024 is in force, got '2023'$"
    ):
        credit_values(SCHEME, RECORDS, Period.year(2023))


ITEM_CODES = ["demonstration", "check_failed", "most_beautiful", "title_revoked", "plaque_awarded"]


@st.composite
def records(draw: st.DrawFn) -> list[CreditRecord]:
    count = draw(st.integers(0, 12))
    made = []
    for number in range(count):
        days = draw(st.lists(st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)), max_size=6))
        events = [CreditEvent(f"e-{index}", day, [draw(st.sampled_from(ITEM_CODES))]) for index, day in enumerate(days)]
        made.append(CreditRecord(household(number, draw(st.sampled_from([NANLIU, BEIXIN]))), events))
    return made


def number(found: dict[tuple[str, str], str], code: str, village: str) -> Decimal:
    value = Quantity.parse(found[(code, village)]).value
    assert value is not None
    return value


@given(records(), st.sampled_from([band.code for band in SCHEME.bands]), st.integers(1, 4))
def test_grade_counts_sum_to_the_subjects_and_the_share_is_at_most_all(
    made: list[CreditRecord], at_least: str, quarter: int
) -> None:
    period = Period.quarter(2024, quarter)
    values = credit_values(SCHEME, made, period, at_least=at_least)
    found = table(values)
    villages = {record.subject.unit or "" for record in made}
    assert {unit for _, unit in found} == villages
    for village in villages:
        graded = number(found, "credit_graded", village)
        assert sum(number(found, code, village) for code in GRADES) == graded
        assert graded == sum(record.subject.unit == village for record in made)
        assert number(found, "credit_at_least", village) <= graded
    if not made:
        return
    data = Dataset(IndicatorSet(credit_definitions(SCHEME, at_least=at_least)), TREE, values)
    share = rollup_ratio(data, "credit_at_least_share", TOWNSHIP, period, level=Level.VILLAGE)
    assert share.value is not None
    assert Decimal(0) <= share.value <= Decimal(100)
    # One item per event and no repairs: the entries of the quarter are its events.
    entries = [rollup(data, code, TOWNSHIP, period, level=Level.VILLAGE).value for code in ITEMS]
    in_period = sum(period.contains(event.date) for record in made for event in record.events)
    assert sum(entry.value or 0 for entry in entries if entry is not None) == in_period
