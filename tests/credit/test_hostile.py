"""What a red-team probe of credit schemes, records and standings found, each kept as a test:
every bad input gets the library's error with a path, never a bare Python exception, and the
calendar's last day (9999-12-31) is a day like any other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from fulian_core.credit import (
    CreditEvent,
    CreditItem,
    CreditRecord,
    CreditScheme,
    LocalLimits,
    PointsUnit,
    Term,
    ValidityRule,
    credit_standing,
    grade_history,
)
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.periods import PeriodKind
from fulian_core.rules import Band, ItemKind, Subject, SubjectKind

D = dt.date
BANDS = [Band("A", "A级", "90分以上"), Band("B", "B级", "60分以上"), Band("D", "D级")]
BURN = CreditItem("burn", "焚烧秸秆", ItemKind.DEDUCTION, 3)
ALL_KINDS = [ItemKind.DEDUCTION, ItemKind.BONUS, ItemKind.OVERRIDE]
HOME = Subject("h-1", kind=SubjectKind.HOUSEHOLD)


def hostile(value: object) -> Any:
    """A value of the wrong type, as a caller without a type checker passes it."""
    return value


def scheme(**changes: Any) -> CreditScheme:
    data: dict[str, Any] = {
        "issuer": "371082",
        "code": "jf",
        "version": "v1",
        "title": "积分办法",
        "effective_from": D(2025, 1, 1),
        "items": [BURN],
        "bands": BANDS,
        "validity": [ValidityRule(ALL_KINDS, Term.years(1))],
    }
    return CreditScheme(**(data | changes))


SCHEME = scheme()


@pytest.mark.parametrize(
    ("build", "message"),
    [
        # None or a number where a collection belongs (was: TypeError: ... is not iterable)
        (lambda: scheme(items=None), "items: expected a list of items, got None"),
        (lambda: scheme(bands=5), "bands: expected a list of bands, got 5"),
        (lambda: scheme(validity=None), "validity: expected a list of validity rules, got None"),
        (
            lambda: CreditItem("v", "志愿", ItemKind.BONUS, unit=PointsUnit.STEP, steps=hostile(None)),
            "steps: expected a list of steps, got None",
        ),
        (
            lambda: ValidityRule(hostile(None), Term.years(1)),
            "kinds: expected a list of item kinds, got None",
        ),
        (
            lambda: CreditEvent("e", D(2025, 1, 1), hostile(None)),
            "items: expected a list of item codes, got None",
        ),
        (
            lambda: CreditRecord(HOME, hostile(None)),
            "events: expected a list of events, got None",
        ),
        (
            lambda: CreditRecord(HOME, [], hostile(5)),
            "repairs: expected a list of repairs, got 5",
        ),
        # unhashable members (was: TypeError: unhashable type)
        (lambda: ValidityRule(hostile([[1]]), Term.years(1)), "kinds: expected a list of item kinds, got [[1]]"),
        (lambda: LocalLimits(1, 3, kinds=hostile([{}])), "kinds: expected a list of item kinds, got [{}]"),
        (lambda: CreditItem("x", "某项", hostile([])), "kind: expected bonus, deduction or override, got []"),
        (
            lambda: CreditItem("x", "某项", ItemKind.DEDUCTION, 3, cap=3, cap_period=hostile([])),
            "cap_period: expected the period the cap is per (month … year), got []",
        ),
        (
            lambda: scheme(bonus_cap=3, bonus_cap_period={}),
            "bonus_cap_period: expected the period the cap is per, got {}",
        ),
        (
            lambda: CreditEvent("e", D(2025, 1, 1), hostile([["burn"], {"a": 1}])),
            (
                "items[0]: expected a code of ASCII letters, digits, '_', '-' or '.', got ['burn']\n"
                "items[1]: expected a code of ASCII letters, digits, '_', '-' or '.', got {'a': 1}"
            ),
        ),
        # a unit that is not a PointsUnit (was: AttributeError: 'str' object has no attribute 'label')
        (
            lambda: CreditItem("x", "某项", ItemKind.DEDUCTION, 3, unit=hostile("case")),
            "unit: expected a PointsUnit, got 'case'",
        ),
        # NaN scores (was: decimal.InvalidOperation on comparing them)
        (
            lambda: scheme(start="NaN", ceiling=100),
            "start: expected points of at least 0, below 1,000,000 with at most 2 decimals, got Decimal('NaN')",
        ),
        (
            lambda: scheme(floor="sNaN"),
            "floor: expected points of at least 0, below 1,000,000 with at most 2 decimals, got Decimal('sNaN')",
        ),
        (
            lambda: scheme(ceiling="Infinity"),
            "ceiling: expected points above 0, below 1,000,000 with at most 2 decimals, got Decimal('Infinity')",
        ),
        # unchanged refusals, kept so their wording stays
        (
            lambda: scheme(start=1.5),
            "start: expected a number (int, decimal string or Decimal; never a float), got 1.5",
        ),
        (lambda: scheme(items="burn"), "items: expected a list of items, not text or a mapping, got 'burn'"),
        (
            lambda: CreditEvent("e", D(2025, 1, 1), ["burn"], quantity=Decimal("1E+999999")),
            "quantity: expected a quantity from 0 below 1,000,000 with at most 4 decimals, got Decimal('1E+999999')",
        ),
        (
            lambda: CreditEvent("e", hostile(dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)), ["burn"]),
            "date: expected a date, got datetime.datetime(2025, 1, 1, 0, 0, tzinfo=datetime.timez...",
        ),
        (
            lambda: CreditEvent("e", D(2025, 1, 1), ["burn"], count=10**30),
            "count: expected a whole number from 1 to 1,000,000, got 1000000000000000000000000000000",
        ),
    ],
)
def test_bad_input_gets_the_librarys_error(build: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        build()
    assert str(error.value) == message


def test_a_definition_fault_is_a_definition_error() -> None:
    with pytest.raises(DefinitionError):
        scheme(start="NaN")
    with pytest.raises(DefinitionError):
        CreditItem("x", "某项", ItemKind.DEDUCTION, 3, unit=hostile("case"))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: credit_standing(hostile("jf"), CreditRecord(HOME), on=D(2025, 1, 1)),
            "scheme: expected a CreditScheme, got 'jf'",
        ),
        (lambda: credit_standing(SCHEME, hostile(None), on=D(2025, 1, 1)), "record: expected a CreditRecord, got None"),
        (
            lambda: CreditRecord(HOME).add(CreditEvent("e", D(2025, 1, 1), ["burn"]), hostile(None)),
            "scheme: expected a CreditScheme, got None",
        ),
        (
            lambda: grade_history(SCHEME, CreditRecord(HOME), hostile("2025")),
            "days: expected a list of dates, not text or a mapping, got '2025'",
        ),
        (
            lambda: grade_history(SCHEME, CreditRecord(HOME), hostile(None)),
            "days: expected a list of dates, got None",
        ),
        (
            lambda: grade_history(SCHEME, CreditRecord(HOME), [D(2025, 1, 1), D(2024, 1, 1)]),
            "days[1].on: expected a date when jf@v1 is in force (2025-01-01 to …), got '2024-01-01'",
        ),
        (lambda: Term.years(1).last_day(hostile("2025-01-01")), "start: expected a date, got '2025-01-01'"),
        (
            lambda: SCHEME.adapt(issuer="x", version="v", add=[]),
            "add: expected no local items: jf@v1 allows none, got 0",
        ),
        (
            lambda: scheme(local=LocalLimits(1, 3)).adapt(issuer="x", version="v", add=hostile(None)),
            "add: expected a list of items, got None",
        ),
    ],
)
def test_wrong_types_in_calls_get_the_librarys_error(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert str(error.value) == message


# -- the end of the calendar ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("term", "start", "last"),
    [
        (Term.years(1), D(9999, 12, 31), D(9999, 12, 31)),
        (Term.years(100), D(9950, 1, 1), D(9999, 12, 31)),
        (Term.months(12), D(9999, 6, 1), D(9999, 12, 31)),
        (Term.months(6), D(9999, 6, 1), D(9999, 11, 30)),
        (Term.days(2), D(9999, 12, 31), D(9999, 12, 31)),
        (Term.days(1), D(9999, 12, 31), D(9999, 12, 31)),
        (Term.years(1), D(1, 1, 1), D(1, 12, 31)),
    ],
)
def test_a_term_past_the_calendar_ends_on_its_last_day(term: Term, start: dt.date, last: dt.date) -> None:
    """Found by the red team: ``ValueError: year 10000 is out of range`` or OverflowError."""
    assert term.last_day(start) == last


def test_a_standing_at_the_end_of_the_calendar() -> None:
    record = CreditRecord(HOME).add(CreditEvent("e", D(9999, 12, 30), ["burn"]), SCHEME)
    for on in (D(9999, 12, 30), D.max):
        standing = credit_standing(SCHEME, record, on=on)
        assert (standing.score, standing.next_change) == (Decimal(97), None)
        assert standing.lines[0].render() == "9999-12-30 焚烧秸秆 −3分，有效至9999-12-31"


def test_a_huge_count_stays_exact_and_within_the_floor() -> None:
    item = CreditItem("n", "噪音扰民", ItemKind.DEDUCTION, "999999.99", unit=PointsUnit.OCCURRENCE)
    wide = scheme(items=[item], version="n")
    record = CreditRecord(HOME, [CreditEvent("e", D(2025, 1, 1), ["n"], count=1_000_000)])
    standing = credit_standing(wide, record, on=D(2025, 1, 1))
    assert standing.lines[0].counted == Decimal("-999999990000")
    assert (standing.score, standing.grade.code) == (Decimal(0), "D")


def test_an_event_past_the_years_periods_cover_is_refused_where_a_cap_counts_by_them() -> None:
    """Found by the red team: an accepted record whose capped item fell in 9999 failed later, in
    the standing, with ``year: expected a whole year from 1000 to 9998`` and no path to the event."""
    capped = scheme(
        items=[BURN, CreditItem("h", "互助", ItemKind.BONUS, 1, cap=3, cap_period=PeriodKind.YEAR)], version="c"
    )
    record = CreditRecord(HOME, [CreditEvent("e1", D(9999, 1, 1), ["burn"])])
    with pytest.raises(ValidationError) as error:
        record.add(CreditEvent("e2", D(9999, 1, 1), ["h"]), capped)
    assert str(error.value) == (
        "events[1].date: expected a date in the years 1000 to 9998 "
        "(caps and per-member items count by calendar periods), got '9999-01-01'"
    )
    assert credit_standing(capped, record, on=D.max).score == Decimal(97)


def test_a_local_item_may_not_reuse_a_code() -> None:
    with pytest.raises(DefinitionError) as error:
        scheme(local=LocalLimits(1, 3)).adapt(
            issuer="371082103201", version="v1-村", add=[CreditItem("burn", "烧", ItemKind.BONUS, 1)]
        )
    assert str(error.value) == "items[1].code: expected a code not used before, got 'burn'"


OCCURRENCE = CreditItem("n", "噪音扰民", ItemKind.DEDUCTION, 3, unit=PointsUnit.OCCURRENCE)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # was: TypeError (Decimal times text or float), AttributeError, TypeError, KeyError
        (lambda: OCCURRENCE.amount(count=hostile("3")), "count: expected a whole number of at least 1, got '3'"),
        (
            lambda: OCCURRENCE.amount(members=hostile(0), quantity=hostile(2.5)),
            (
                "members: expected a whole number of at least 1, got 0\n"
                "quantity: expected a quantity (int or Decimal) or None, got 2.5"
            ),
        ),
        (lambda: SCHEME.term_for(hostile("burn"), Decimal(3)), "item: expected a CreditItem, got 'burn'"),
        (lambda: SCHEME.in_force_on(hostile("2025-01-01")), "day: expected a date, got '2025-01-01'"),
        (
            lambda: SCHEME.period_of(hostile("year"), D(2025, 1, 1)),
            "kind: expected a year, half, quarter or month PeriodKind, got 'year'",
        ),
        (
            lambda: SCHEME.validity[0].matches(ItemKind.BONUS, hostile("x"), None),
            "points: expected a number of points (int or Decimal), got 'x'",
        ),
    ],
)
def test_public_helpers_refuse_wrong_types(call: Callable[[], object], message: str) -> None:
    with pytest.raises(ValidationError) as error:
        call()
    assert str(error.value) == message
