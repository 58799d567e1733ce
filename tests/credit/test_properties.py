"""Properties of credit standings over generated schemes and records (drawn with the library's
own strategies): a standing as of a date reads nothing later, expired entries change nothing,
the order of recording does not matter, a new deduction never improves the grade, the score
stays within its floor and ceiling, and every value survives plain data, pickling and copying."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fulian_core.credit import CreditRecord, CreditScheme, CreditStanding, PointsUnit, credit_standing
from fulian_core.rules import ItemKind
from fulian_core.serialization import converter
from fulian_core.testing import credit_events, credit_records, credit_schemes


def days_in_force(scheme: CreditScheme) -> st.SearchStrategy[dt.date]:
    last = scheme.effective_until or scheme.effective_from + dt.timedelta(days=6 * 366)
    return st.dates(scheme.effective_from, last)


def essentials(standing: CreditStanding) -> object:
    """What a standing says about the subject: the score, the grade, what counts, what is next."""
    return (
        standing.score,
        standing.computed,
        standing.grade,
        standing.best_grade,
        standing.counting,
        standing.direct,
        standing.next_change,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[CreditScheme, CreditRecord, dt.date]:
    scheme = draw(credit_schemes())
    record = draw(credit_records(scheme=scheme))
    return scheme, record, draw(days_in_force(scheme))


@given(cases())
def test_the_standing_as_of_a_date_reads_only_what_happened_by_then(
    case: tuple[CreditScheme, CreditRecord, dt.date],
) -> None:
    scheme, record, on = case
    known = CreditRecord(
        record.subject,
        [event for event in record.events if event.date <= on],
        [repair for repair in record.repairs if repair.date <= on],
    )
    assert credit_standing(scheme, record, on=on) == credit_standing(scheme, known, on=on)


@given(cases(), st.data())
def test_the_order_of_recording_does_not_matter(
    case: tuple[CreditScheme, CreditRecord, dt.date], data: st.DataObject
) -> None:
    scheme, record, on = case
    replayed = CreditRecord(
        record.subject, data.draw(st.permutations(record.events)), data.draw(st.permutations(record.repairs))
    )
    assert credit_standing(scheme, replayed, on=on) == credit_standing(scheme, record, on=on)


@settings(suppress_health_check=[HealthCheck.filter_too_much])
@given(cases(), st.data())
def test_adding_an_entry_expired_by_then_changes_nothing(
    case: tuple[CreditScheme, CreditRecord, dt.date], data: st.DataObject
) -> None:
    """An added bonus or deduction, at any date, that has expired by the standing's date changes
    nothing — unless, by the scheme's own rules, it reaches another act: the same offence
    repeated within its validity is doubled (so no act of its items may fall within it). Caps
    limit what counts at once, so an expired entry takes up no room."""
    scheme, record, _ = case
    first = scheme.effective_from
    end = scheme.effective_until or first + dt.timedelta(days=6 * 366)
    old = data.draw(
        credit_events(
            scheme=scheme,
            dates=st.dates(first, min(end, first + dt.timedelta(days=730))),
            ids=st.just("old"),
            kinds=st.sampled_from([ItemKind.BONUS, ItemKind.DEDUCTION]),
        )
    )
    assume(all(scheme.item(code).kind is not ItemKind.OVERRIDE for code in old.items))
    alone = credit_standing(scheme, CreditRecord(record.subject, [old]), on=old.date)
    ends = [line.valid_until for line in alone.lines]
    assume(all(until is not None for until in ends))
    gone = max(until for until in ends if until is not None) + dt.timedelta(days=1)
    assume(gone <= end)
    on = data.draw(st.dates(gone, end))
    grown = CreditRecord(record.subject, (old, *record.events), record.repairs)
    after = credit_standing(scheme, grown, on=on)
    mine = [line for line in after.lines if line.event == "old"]
    assume(all(line.valid_until is not None and line.valid_until < on for line in mine))
    last = max(line.valid_until for line in mine if line.valid_until is not None)
    codes = set(old.items)
    assume(not any(codes & set(event.items) and old.date <= event.date <= last for event in record.events))
    before = credit_standing(scheme, record, on=on)
    assert essentials(after) == essentials(before)


def _terms_grow_with_size(scheme: CreditScheme) -> bool:
    start = scheme.effective_from
    for item in scheme.items:
        if item.kind is ItemKind.DEDUCTION:
            ends = [scheme.term_for(item, Decimal(size)).last_day(start) for size in range(1, 301)]
            if ends != sorted(ends):
                return False
    return True


@given(cases(), st.data())
def test_a_new_deduction_never_improves_the_score_or_the_grade(
    case: tuple[CreditScheme, CreditRecord, dt.date], data: st.DataObject
) -> None:
    """A deduction added at any date up to the standing's never raises the score or the grade,
    for schemes whose terms do not shorten as deductions grow (a doubled repeat must not expire
    sooner) and which count no deduction once per member and period (the first of a period
    would take the place of a larger later one)."""
    scheme, record, on = case
    assume(any(item.kind is ItemKind.DEDUCTION for item in scheme.items))
    assume(not any(item.kind is ItemKind.DEDUCTION and item.unit is PointsUnit.MEMBER for item in scheme.items))
    assume(_terms_grow_with_size(scheme))
    added = data.draw(
        credit_events(
            scheme=scheme,
            dates=st.dates(scheme.effective_from, on),
            ids=st.just("new"),
            kinds=st.just(ItemKind.DEDUCTION),
        )
    )
    assume(all(scheme.item(code).kind is ItemKind.DEDUCTION for code in added.items))
    before = credit_standing(scheme, record, on=on)
    after = credit_standing(scheme, CreditRecord(record.subject, (*record.events, added), record.repairs), on=on)
    assert after.score <= before.score
    assert after.computed <= before.computed
    assert after.grade.rank <= before.grade.rank
    assert after.best_grade.rank <= before.best_grade.rank


@given(cases())
def test_the_score_stays_within_the_floor_and_the_ceiling(case: tuple[CreditScheme, CreditRecord, dt.date]) -> None:
    scheme, record, on = case
    standing = credit_standing(scheme, record, on=on)
    assert scheme.floor <= standing.score <= standing.computed
    if scheme.ceiling is not None:
        assert standing.computed <= scheme.ceiling
    if not standing.direct:
        assert standing.score == standing.computed


@given(cases())
def test_the_next_change_is_the_standing_on_that_day(case: tuple[CreditScheme, CreditRecord, dt.date]) -> None:
    scheme, record, on = case
    standing = credit_standing(scheme, record, on=on)
    change = standing.next_change
    assume(change is not None)
    assert change is not None
    known = CreditRecord(
        record.subject,
        [event for event in record.events if event.date <= on],
        [repair for repair in record.repairs if repair.date <= on],
    )
    later = credit_standing(scheme, known, on=change.day)
    assert (later.score, later.grade) == (change.score, change.grade)
    assert change.day > on


def round_trip(value: object, cls: type[object]) -> object:
    return converter.structure(json.loads(json.dumps(converter.unstructure(value))), cls)


@given(cases())
def test_schemes_records_and_standings_survive_plain_data(case: tuple[CreditScheme, CreditRecord, dt.date]) -> None:
    scheme, record, on = case
    standing = credit_standing(scheme, record, on=on)
    assert round_trip(scheme, CreditScheme) == scheme
    assert round_trip(record, CreditRecord) == record
    assert round_trip(standing, CreditStanding) == standing


@given(cases())
def test_schemes_records_and_standings_pickle_and_copy(case: tuple[CreditScheme, CreditRecord, dt.date]) -> None:
    scheme, record, on = case
    standing = credit_standing(scheme, record, on=on)
    for value in (scheme, record, standing):
        assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own value
        assert copy.deepcopy(value) == value
    assert hash(pickle.loads(pickle.dumps(scheme))) == hash(scheme)  # noqa: S301
