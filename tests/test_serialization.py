"""Plain data in and out: round trips for every public type, and payload errors with paths."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import cattrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    Bounds,
    FoundFigure,
    Holiday,
    HolidaySchedule,
    Level,
    MobileNumber,
    Notation,
    OrgTree,
    OrgUnit,
    Period,
    Quantity,
    Ratio,
    ResidentId,
    Schedule,
    Unit,
    ValidationError,
    WorkingDayCalendar,
    configure_converter,
    converter,
    make_converter,
    structure,
    unstructure,
)
from fulian_core.testing import (
    holiday_schedules,
    mobile_numbers,
    org_trees,
    org_units,
    periods,
    quantities,
    ratios,
    resident_ids,
    schedules,
    working_day_calendars,
)
from fulian_core.testing.laws import assert_round_trip

_HOLIDAYS = st.builds(
    lambda first, days: Holiday("节日", first, first + dt.timedelta(days=days)),
    st.dates(dt.date(2000, 1, 1), dt.date(2099, 12, 1)),
    st.integers(0, 8),
)
_FOUND = quantities().map(lambda figure: FoundFigure(3, 3 + len(figure.render()), figure.render(), figure))

ROUND_TRIPS: list[tuple[st.SearchStrategy[Any], type[Any]]] = [
    (_HOLIDAYS, Holiday),
    (quantities().map(lambda figure: figure.bounds), Bounds),
    (quantities().map(lambda figure: figure.notation), Notation),
    (_FOUND, FoundFigure),
    (org_units(), OrgUnit),
    (org_trees(), OrgTree),
    (periods(), Period),
    (schedules(), Schedule),
    (working_day_calendars(), WorkingDayCalendar),
    (holiday_schedules(), HolidaySchedule),
    (quantities(), Quantity),
    (ratios(), Ratio),
    (resident_ids(), ResidentId),
    (mobile_numbers(), MobileNumber),
]


@pytest.mark.parametrize(("strategy", "cls"), ROUND_TRIPS, ids=[cls.__name__ for _, cls in ROUND_TRIPS])
@given(data=st.data())
def test_every_public_type_round_trips_through_json(
    strategy: st.SearchStrategy[Any], cls: type[Any], data: st.DataObject
) -> None:
    value = data.draw(strategy)
    assert_round_trip(value, cls)
    plain = unstructure(value)
    assert structure(json.loads(json.dumps(plain, ensure_ascii=False)), cls) == value


@given(quantities())
def test_quantity_notation_survives(figure: Quantity) -> None:
    again = structure(unstructure(figure), Quantity)
    assert again.render() == figure.render()


def test_plain_forms() -> None:
    assert unstructure(Period.quarter(2024, 3)) == "2024Q3"
    assert unstructure(Quantity.parse("1万余元")) == {
        "value": "10000",
        "unit": "yuan",
        "qualifier": "more_than",
        "bounds": {"low": "10000", "high": None, "low_open": True, "high_open": False},
        "notation": {
            "marker": "余",
            "magnitude": "万",
            "unit_text": "",
            "blank": "",
            "numeral": "",
            "grouped": False,
            "decimals": None,
            "marker_first": False,
        },
        "per": None,
    }
    assert unstructure(ResidentId("11010519491231002X")) == "11010519491231002X"
    assert unstructure(Holiday("元旦", dt.date(2024, 1, 1), dt.date(2024, 1, 1))) == {
        "name": "元旦",
        "first": "2024-01-01",
        "last": "2024-01-01",
    }
    assert unstructure(WorkingDayCalendar.weekends_only([2031, 2030])) == {
        "years": [2030, 2031],
        "holidays": [],
        "workdays": [],
        "name": "weekends only",
    }


def test_quantities_may_arrive_as_report_text() -> None:
    assert structure("200余场次", Quantity) == Quantity.parse("200余场次")
    assert structure({"value": "613", "unit": "household"}, Quantity) == Quantity.parse("613户")
    assert structure(["200余场次", {"value": "30", "unit": "session"}], list[Quantity])[1] == Quantity.parse("30场次")


def test_every_fault_of_a_payload_is_reported_with_its_path() -> None:
    payload = {
        "units": [
            {"code": "371082", "name": "荣成市", "level": "county"},
            {
                "code": 371082103,
                "name": "人和镇",
                "level": "shire",
                "parent": "371082",
                "extra": True,
            },
            {"name": "院东村", "level": "village"},
        ],
    }
    with pytest.raises(ValidationError) as raised:
        structure(payload, OrgTree)
    assert str(raised.value).splitlines() == [
        "units[1].code: expected text, got 371082103",
        "units[1].level: expected one of 'national', 'province', 'city', 'county', 'township', 'village', 'grid', got 'shire'",
        "units[1].extra: expected no such key (unknown keys are rejected), got 'extra'",
        "units[2].code: expected a value (the key is required), got nothing",
    ]
    assert raised.value.path == "units[1].code"
    assert raised.value.expected == "text"
    assert raised.value.got == 371082103


@pytest.mark.parametrize(
    ("data", "cls", "lines"),
    [
        (
            {"value": 1.5, "unit": "person"},
            Quantity,
            ["value: expected a decimal number written as a string, got 1.5"],
        ),
        (
            {"value": "NaN", "unit": "person"},
            Quantity,
            ["value: expected a finite decimal number, got 'NaN'"],
        ),
        (
            {"value": "abc", "unit": "person"},
            Quantity,
            ["value: expected a decimal number written as a string, got 'abc'"],
        ),
        (
            {"value": "-3", "unit": "person"},
            Quantity,
            ["value: expected a number >= 0 (reported figures are never negative), got Decimal('-3')"],
        ),
        (
            {"value": "3", "unit": "person", "bounds": {"low": "3", "high": "3", "low_open": "no"}},
            Quantity,
            ["bounds.low_open: expected true or false, got 'no'"],
        ),
        (
            "200余",
            Quantity,
            ["text: expected a reported figure such as '200余场次' or '约5万元', got '200余'"],
        ),
        (
            "2024Q7",
            Period,
            [
                "expected a period code such as '2024', '2024H1', '2024Q3', '2024-05', '2024-05-01' or '2024-03-01/2024-03-10', got '2024Q7'"
            ],
        ),
        (["2024Q1", 5], list[Period], ["[1]: expected a period code such as '2024Q3', got 5"]),
        (
            {"name": "元旦", "first": "2024/01/01", "last": 20240101},
            Holiday,
            [
                "first: expected an ISO 8601 date (YYYY-MM-DD), got '2024/01/01'",
                "last: expected an ISO 8601 date (YYYY-MM-DD), got 20240101",
            ],
        ),
        (
            {"cadence": "monthly", "day": 31},
            Schedule,
            ["day: expected a day from 1 to 28 or from -1 to -28, got 31"],
        ),
        ({"cadence": "monthly", "day": True}, Schedule, ["day: expected a whole number, got True"]),
        (
            {"numerator": 1, "denominator": "2"},
            Ratio,
            ["denominator: expected a whole number, got '2'"],
        ),
        ({"units": []}, OrgTree, None),
        (
            {"unit": []},
            OrgTree,
            ["unit: expected no such key (unknown keys are rejected), got 'unit'"],
        ),
        ({}, OrgTree, ["units: expected a list of units, got nothing"]),
        ([], OrgTree, ["expected a mapping with 'units', got []"]),
        (
            {
                "units": [
                    {"code": "a", "name": "A", "level": "county"},
                    {"code": "a", "name": "B", "level": "county"},
                ]
            },
            OrgTree,
            ["units[1].code: expected a code not used by another unit, got 'a'"],
        ),
        (12, ResidentId, ["expected text, got 12"]),
        (
            "110105194912310021",
            ResidentId,
            ["resident_id: expected a correct check digit (GB 11643), got '1****************1'"],
        ),
        (
            {"years": [2024], "holidays": ["2023-01-01"]},
            WorkingDayCalendar,
            ["holidays: expected dates in a covered year, got '2023-01-01'"],
        ),
        ({"a": "x"}, dict[str, int], ["['a']: expected a whole number, got 'x'"]),
        (
            {"code": "1", "name": "n", "level": "county", "parent": 3},
            OrgUnit,
            ["parent: expected text, got 3"],
        ),
    ],
)
def test_bad_payloads(data: object, cls: type[Any], lines: list[str] | None) -> None:
    if lines is None:
        assert len(structure(data, cls)) == 0
        return
    with pytest.raises(ValidationError) as raised:
        structure(data, cls)
    assert str(raised.value).splitlines() == lines


def test_converter_is_configurable_and_shared() -> None:
    mine = make_converter()
    assert mine is not converter
    assert mine.unstructure(Decimal("1.50")) == "1.50"
    plain = cattrs.Converter()
    configure_converter(plain)
    assert plain.unstructure(Period.year(2024)) == "2024"
    assert plain.structure("2024H1", Period) == Period.half(2024, 1)
    assert structure({"value": "3", "unit": "site", "notation": {"unit_text": "处"}}, Quantity).notation == Notation(
        unit_text="处"
    )
    assert structure({"low": "1"}, Bounds) == Bounds(Decimal(1))
    assert structure({"code": "x", "name": "x", "level": "grid"}, OrgUnit).level is Level.GRID
    assert structure({"value": "3", "unit": "site"}, Quantity).unit is Unit.SITE


def test_shape_errors_become_validation_errors() -> None:
    with pytest.raises(ValidationError) as raised:
        structure({"units": 5}, OrgTree)
    assert str(raised.value) == "units: expected a list of units, got 5"
    # cattrs' own iterable hook meets a number where a list belongs.
    with pytest.raises(ValidationError) as raised:
        structure(5, list[Period])
    assert str(raised.value) == "expected a value of the right shape, got \"'int' object is not iterable\""


def test_aware_datetimes_travel_as_iso_8601_with_their_offset() -> None:
    moment = dt.datetime(2024, 4, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert unstructure(moment) == "2024-04-03T09:30:00+08:00"
    assert structure("2024-04-03T09:30:00+08:00", dt.datetime) == moment


@pytest.mark.parametrize("data", ["2024-04-03T09:30:00", "2024-04-03", "yesterday", 20240403])
def test_naive_or_malformed_datetimes_are_refused(data: object) -> None:
    with pytest.raises(ValidationError) as caught:
        structure(data, dt.datetime)
    assert str(caught.value) == (
        f"expected an ISO 8601 date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+08:00), got {data!r}"
    )


def test_times_of_day_travel_as_iso_8601() -> None:
    assert unstructure(dt.time(8, 30)) == "08:30:00"
    assert structure("08:30", dt.time) == dt.time(8, 30)
    with pytest.raises(ValidationError, match=r"expected a time of day \(HH:MM or HH:MM:SS\), got '8点'"):
        structure("8点", dt.time)
