"""The JSON Schema of the plain data agrees with the converter: what unstructure writes, the
schema accepts; what is of the wrong shape, both refuse."""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fulian_core import (
    Bounds,
    Level,
    MobileNumber,
    OrgUnit,
    Ratio,
    ResidentId,
    ValidationError,
    json_schema,
    structure,
    unstructure,
)
from fulian_core.courtyard import Household
from fulian_core.credit import Goods, PriceList
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER as STANDARD
from fulian_core.indicators import Dataset, DataValue, HouseholdTally
from fulian_core.nominations import CampaignState, Command, Event, NoticeRule, Quota
from fulian_core.rules import RuleSheet
from fulian_core.testing import households, mobile_numbers, org_units, ratios, resident_ids
from fulian_core.workflows import Due
from tests.hardening.test_structure_fuzz import CASES, mutated
from tests.indicators.conftest import CODES, make_indicators
from tests.nominations.fixtures import CAMPAIGN, CLERK, LEADER, NEIGHBOUR, Run, at

DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema"
EXTRA: dict[str, tuple[type[Any], Callable[[], st.SearchStrategy[Any]]]] = {
    "OrgUnit": (OrgUnit, org_units),
    "Ratio": (Ratio, ratios),
    "ResidentId": (ResidentId, resident_ids),
    "MobileNumber": (MobileNumber, mobile_numbers),
    "Household": (Household, households),
    "Due": (Due, lambda: st.from_type(Due)),
}
TYPES = {**CASES, **EXTRA}


_VALIDATORS: dict[object, jsonschema.Draft202012Validator] = {}


def _validator(cls: object) -> jsonschema.Draft202012Validator:
    if cls not in _VALIDATORS:
        schema = json_schema(cls)
        assert json.loads(json.dumps(schema)) == schema  # a schema is itself plain data
        jsonschema.Draft202012Validator.check_schema(schema)
        _VALIDATORS[cls] = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return _VALIDATORS[cls]


def _schema_errors(data: Any, cls: Any) -> list[str]:
    return [f"{error.json_path}: {error.message}" for error in _validator(cls).iter_errors(data)]


def _stored(value: object) -> Any:
    return json.loads(json.dumps(unstructure(value), ensure_ascii=False))


@pytest.mark.parametrize("name", sorted(TYPES))
def test_what_unstructure_writes_the_schema_accepts(name: str) -> None:
    cls, values = TYPES[name]

    @settings(max_examples=max(15, settings().max_examples // 4))
    @given(values())
    def check(value: Any) -> None:
        data = _stored(value)
        assert _schema_errors(data, cls) == []
        if isinstance(data, dict) and _validator(cls).schema.get("$ref"):
            # Unknown keys are refused: by the schema and by the converter.
            assert _schema_errors({**data, "colour": 1}, cls)
            with pytest.raises(ValidationError):
                structure({**data, "colour": 1}, cls)

    check()


def _dataset() -> Dataset:
    from fulian_core import OrgTree, Period, Quantity

    values = [
        DataValue("teams", "371082103201", Period.year(2024), Quantity.parse("3支")),
        DataValue("money_raised", "371082103202", Period.year(2024), Quantity.parse("约5万元")),
    ]
    return Dataset(make_indicators(), OrgTree.from_division_codes(CODES), values)


def _campaign_run() -> Run:
    """Two nominations through a notice with an objection, one forwarded: every table filled."""
    run = Run()
    run.to_shortlist([1, 2])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ["n-1", "n-2"]))
    run.do(Command.raise_objection(NEIGHBOUR, at(4, 5), "n-2", "obj-1", reason="邻里反映不实"))
    run.do(Command.dismiss_objection(LEADER, at(4, 8), "obj-1", reason="经核查不属实"))
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    run.do(Command.confirm(LEADER, at(4, 13), "n-1"))
    run.do(Command.forward(CLERK, at(4, 14), "n-1"))
    return run


def test_the_whole_documents_validate() -> None:
    run = _campaign_run()
    documents: list[tuple[object, Any]] = [
        (_dataset(), Dataset),
        (run.state, CampaignState),
        (run.log, list[Event]),
        (run.log[-1].command, Command),
        (CAMPAIGN, type(CAMPAIGN)),
    ]
    for value, cls in documents:
        assert _schema_errors(_stored(value), cls) == []


def test_a_campaign_state_is_stored_as_json_and_read_back_equal_to_its_replay() -> None:
    from fulian_core.nominations import replay

    run = _campaign_run()
    stored = json.dumps(unstructure(run.state), ensure_ascii=False)
    read = structure(json.loads(stored), CampaignState)
    assert read == run.state == replay(CAMPAIGN, run.log)
    assert read.nomination("n-1").unit == "540102001"
    assert read.nominated_at(Level.TOWNSHIP, "family-1") == "n-1"
    assert read.forwarded(Level.VILLAGE, "540102001001", "five_good") == 1
    assert read.objection("obj-1").resolution == "经核查不属实"
    assert read.notice("notice-1").closed_at == at(4, 12)


def test_a_stored_state_with_a_bad_record_is_refused_with_its_path() -> None:
    data = _stored(_campaign_run().state)
    data["nomination_map"]["n-1"]["status"] = "lost"
    data["forward_counts"] = ["village|540102001001|*"]
    with pytest.raises(ValidationError) as caught:
        structure(data, CampaignState)
    assert [fault.path for fault in caught.value.faults] == ["nomination_map['n-1'].status", "forward_counts"]
    assert str(caught.value.faults[1]) == (
        "forward_counts: expected a mapping of ids to records, got ['village|540102001001|*']"
    )
    assert _schema_errors(data, CampaignState)


def _unit() -> dict[str, Any]:
    return {"code": "371082", "name": "荣成市", "level": "county", "parent": None, "kind": "geographic"}


def _command() -> dict[str, Any]:
    data: dict[str, Any] = _stored(_campaign_run().log[0].command)
    return data


BAD: dict[str, tuple[type[Any], Callable[[], Any]]] = {
    "extra key": (OrgUnit, lambda: {**_unit(), "colour": "red"}),
    "missing required key": (OrgUnit, lambda: {key: value for key, value in _unit().items() if key != "name"}),
    "bad enum code": (OrgUnit, lambda: {**_unit(), "level": "shire"}),
    "wrong type": (OrgUnit, lambda: {**_unit(), "name": 371082}),
    "float for a decimal": (
        DataValue,
        lambda: {**_stored(_dataset().values[0]), "value": {"value": 3.0, "unit": "team"}},
    ),
    "whole number out of bounds": (Ratio, lambda: {"part": 10**16, "whole": 10**17}),
    "bool for a whole number": (Ratio, lambda: {"part": True, "whole": 2}),
    "bad period code": (DataValue, lambda: {**_stored(_dataset().values[0]), "period": "2024Q5"}),
    "naive date and time": (Command, lambda: {**_command(), "at": "2024-03-20T09:00:00"}),
    "date in the wrong format": (Command, lambda: {**_command(), "at": "2024/03/20 09:00:00+08:00"}),
    "bad payload kind": (Command, lambda: {**_command(), "payload": {**_command()["payload"], "kind": "promote"}}),
    "text for a list": (Dataset, lambda: {**_stored(_dataset()), "values": "teams"}),
    "price above its bound": (Goods, lambda: {"code": "soap", "name": "肥皂", "points": 100_001}),
    "too long a name": (Goods, lambda: {"code": "soap", "name": "皂" * 101, "points": 5}),
    "rule sheet without items": (RuleSheet, lambda: {**_stored(STANDARD), "items": []}),
    "negative sequence number": (Event, lambda: {**_stored(_campaign_run().log[0]), "seq": -1}),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_shape_invalid_payloads_are_refused_by_both(case: str) -> None:
    cls, payload = BAD[case]
    data = payload()
    assert _schema_errors(data, cls), f"the schema accepts {case}"
    with pytest.raises(ValidationError):
        structure(data, cls)


def test_the_schema_speaks_the_converters_conventions() -> None:
    schema = json_schema(OrgUnit)
    assert schema["$schema"] == DRAFT_2020_12
    assert schema["$ref"] == "#/$defs/orgs.OrgUnit"
    unit = schema["$defs"]["orgs.OrgUnit"]
    assert unit["title"] == "OrgUnit"
    assert unit["required"] == ["code", "name", "level"]
    assert unit["additionalProperties"] is False
    assert {"const": "village", "title": "村"} in schema["$defs"]["orgs.Level"]["oneOf"]
    assert json_schema(int) == {"$schema": DRAFT_2020_12, "type": "integer", "minimum": -(10**15), "maximum": 10**15}
    assert json_schema(dt.date)["format"] == "date"
    day = json_schema(Event)["$defs"]["nominations.events.Event"]
    assert day["properties"]["seq"]["minimum"] == 0


def test_the_description_states_the_rules_across_fields() -> None:
    schema = json_schema(Dataset)
    assert schema["description"].startswith("Values checked against the indicator set and the hierarchy (指标数据集).")
    assert schema["description"].endswith(
        "Checked when built, beyond this schema:\n"
        "- each value names a counted indicator of the set and a unit of the tree\n"
        "- a value is a figure in its indicator's unit, for a period of the kind the indicator is reported by\n"
        "- one value per indicator, unit and period"
    )
    quota = json_schema(Quota)["description"]
    assert "- minimum is at most places" in quota
    # The rule is real: the schema accepts a minimum above places, building the quota refuses it.
    data = {"level": "village", "places": 1, "minimum": 2}
    assert _schema_errors(data, Quota) == []
    with pytest.raises(ValidationError) as caught:
        structure(data, Quota)
    assert str(caught.value.faults[0]) == "minimum: expected at most places (1), got 2"


CROSS_FIELD: dict[str, tuple[type[Any], dict[str, Any], str, str]] = {
    "goods codes": (
        PriceList,
        {"goods": [{"code": "soap", "name": "肥皂", "points": 5}, {"code": "soap", "name": "毛巾", "points": 8}]},
        "each goods code is used once",
        "goods[1].code: expected a code not used before, got 'soap'",
    ),
    "bounds": (
        Bounds,
        {"low": "5", "high": "3"},
        "high, when given, is at least low, and above it when either end is open",
        "high: expected a bound above low (5), got Decimal('3')",
    ),
    "working days": (
        NoticeRule,
        {"days": 5, "counting": "working"},
        "a notice counted in working days has a calendar",
        "calendar: expected a working-day calendar for a notice counted in working days, got None",
    ),
}


@pytest.mark.parametrize("case", sorted(CROSS_FIELD))
def test_a_listed_rule_is_what_the_schema_lets_through_and_structure_refuses(case: str) -> None:
    cls, data, rule, fault = CROSS_FIELD[case]
    assert f"- {rule}" in json_schema(cls)["description"]
    assert _schema_errors(data, cls) == []
    with pytest.raises(ValidationError) as caught:
        structure(data, cls)
    assert [str(found) for found in caught.value.faults] == [fault]


@pytest.mark.parametrize(
    ("given", "name"),
    [
        (Callable[[int], int], "Callable"),
        (dict[int, str], "dict"),
        (None, "None"),
        ("OrgUnit", "'OrgUnit'"),
        ([OrgUnit], "[<class 'fulian_core.orgs.OrgUnit'>]"),
        (Any, "Any"),
    ],
)
def test_a_type_without_plain_data_is_refused(given: object, name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        json_schema(given)
    assert str(caught.value.faults[0]) == f"cls: expected a type with a plain-data form ({name} has none), got {name!r}"


def test_a_class_holding_a_type_without_plain_data_is_refused_naming_the_field() -> None:
    with pytest.raises(ValidationError) as caught:
        json_schema(HouseholdTally)
    assert str(caught.value.faults[0]) == (
        "cls: expected a type with a plain-data form (Counter, in HouseholdTally.tiers, has none), got 'Counter'"
    )


# Public types with no plain-data form, by the field that has none: listed so that the list can
# only change on purpose.
NO_PLAIN_DATA = {
    "Attempt": "Attempt.payload",
    "CommandKind": "CommandKind.payload",
    "Fault": "Fault.got",
    "FaultCode": "FaultCode.wordings",  # the registry of codes: code, not data
    "Guard": "Guard.check",
    "HouseholdTally": "HouseholdTally.tiers",
    "Interval": "Interval.low",  # exact fractions (55/0.679): no plain form chosen yet
    "ReportFinding": "Interval.low",  # holds Intervals
    "VillageDistances": "VillageDistances.table",
}


def test_every_public_type_has_a_valid_schema_or_is_listed() -> None:
    from tests.docs.test_reference import public_types

    refused = {}
    for cls in public_types():
        if not (attrs.has(cls) or issubclass(cls, enum.Enum)):
            continue  # a protocol, an error, a source of randomness: not data
        try:
            schema = json_schema(cls)
        except ValidationError as error:
            refused[cls.__name__] = error.faults[0].expected.split(", in ")[1].split(",")[0]
            continue
        jsonschema.Draft202012Validator.check_schema(schema)
    assert refused == NO_PLAIN_DATA


def _is_whole(_: object, instance: object) -> bool:
    # Python's json reads 3.0 as a float, which structure refuses where a whole number belongs.
    return isinstance(instance, int) and not isinstance(instance, bool)


_STRICT = jsonschema.validators.extend(
    jsonschema.Draft202012Validator,
    type_checker=jsonschema.Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole),
)
# What structure says of a payload of the wrong shape (a key, a type): the schema says it too.
# Ranges (a whole number from 1 to 1,000) are bounds: the schema carries those a field declares.
SHAPE_FAULTS = (
    "no such key",
    "a value (the key is required)",
    "text without NUL or lone surrogates (UTF-8)",
    "true or false",
    "a decimal number written as a string",
    "a list (not a text or a mapping)",
    "a mapping (not a text or a list)",
)
SHAPE_EXACT = {"text", "a whole number", "a whole number of at most 15 digits"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_what_the_schema_accepts_has_the_shape_structure_wants(name: str) -> None:
    """Hostile payloads (valid ones mutated at random places): when the schema accepts one,
    structure may still refuse it for a rule across fields, never for its shape."""
    cls, values = CASES[name]
    validator = _STRICT(json_schema(cls), format_checker=jsonschema.FormatChecker())

    @settings(max_examples=max(3, settings().max_examples // 20))
    @given(mutated(values()))
    def check(data: Any) -> None:
        if list(validator.iter_errors(data)):
            return
        try:
            structure(data, cls)
        except ValidationError as error:
            shape = [
                str(fault)
                for fault in error.faults
                if fault.expected in SHAPE_EXACT or fault.expected.startswith(SHAPE_FAULTS)
            ]
            assert not shape, f"the schema accepts what structure refuses for its shape: {shape}"

    check()
