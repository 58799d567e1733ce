"""A text (or a mapping) where a collection belongs (issue 15, class 1).

Every collection field of every public attrs class — tuples, frozensets, lists, sets, mappings
and values that are collections themselves (an ``OrgTree``) — refuses a text as a whole: one
fault at the field's path, never one per character, never the text read as its characters,
never a bare ``ValueError`` or ``AttributeError``. A sequence or a set also refuses a mapping
(it would be read as its keys), and a mapping refuses anything that is not one. The same holds
through the converter.

The test walks the packages' ``__all__`` rather than listing the fields, so a new class or a
new field is covered the day it is added. Valid instances come from the seeds' scenarios (a
campaign run, a rubric scored, a table rolled up …), walked for every value they hold.

Every package is walked, the credit schemes and the credit supermarket included.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import importlib
import types
import typing
from collections import abc
from decimal import Decimal
from typing import Any, Literal

import attrs
import pytest

from fulian_core import (
    OFFICIAL_SCHEDULES,
    Period,
    Quantity,
    ValidationError,
    china_calendar,
    structure,
    structure_case,
    unstructure,
)
from fulian_core._definitions import listed
from fulian_core.courtyard import (
    Inspection,
    Inspector,
    PlaqueCheck,
    PlaquePolicy,
    ScoreCard,
    VillageDistances,
    assign_inspectors,
    plaque_history,
)
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.credit import (
    BandLink,
    CheckLink,
    CreditEvent,
    CreditLinks,
    CreditRecord,
    CreditRepair,
    Goods,
    PointsAccount,
    PriceList,
    ShopCycle,
    booklet,
    credit_standing,
    earn_from,
    redeem,
)
from fulian_core.credit.catalog import DISTRICT_HOUSEHOLD_CREDIT
from fulian_core.criteria import Evidence, assess
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER
from fulian_core.indicators import (
    Dataset,
    DataValue,
    HouseholdRecord,
    HouseholdTally,
    IndicatorSet,
    partials,
    rollup,
    rollup_table,
    tally,
)
from fulian_core.nominations import (
    NOMINATION_WORKFLOW,
    Ballot,
    Command,
    PhaseKind,
    StepKind,
    VoteTally,
    Window,
    campaign_statistics,
    notice_view,
    tally_votes,
)
from fulian_core.orgs import Level, OrgTree
from fulian_core.rectification import open_case
from fulian_core.rectification.catalog import CIVILISED_CITY_TASKS
from fulian_core.rules import (
    Condition,
    Expectation,
    Fact,
    Measure,
    RuleCase,
    SheetCatalog,
    Subject,
    SubjectKind,
    Threshold,
)
from fulian_core.testing import best_facts
from fulian_core.workflows import Case, Payload, Workflow
from tests.courtyard.test_plaques import FAIR, GOOD, HOME, POOR, A, R, card
from tests.indicators.conftest import CODES, YEAR, make_indicators
from tests.nominations.fixtures import CLERK, Run, at
from tests.nominations.test_selection import RULES, ballot
from tests.rectification.fixtures import INSPECTOR, WORKFLOW, problem
from tests.rectification.fixtures import at as rectification_at

PACKAGES = (
    "fulian_core",
    "fulian_core.rules",
    "fulian_core.workflows",
    "fulian_core.criteria",
    "fulian_core.nominations",
    "fulian_core.courtyard",
    "fulian_core.indicators",
    "fulian_core.rectification",
    "fulian_core.credit",
)
# A Fault is the record of an error, which the library builds: its params are tested with the
# fault codes (tests/test_fault_codes.py), not built from the seeds.
SKIPPED_MODULES: tuple[str, ...] = ("fulian_core.errors",)
TEXT = "family-9"
A_MAPPING = {"a": 1}
NOT_A_MAPPING = [("a", 1)]

Kind = Literal["sequence", "mapping"]


def _kind(field_type: object) -> Kind | None:
    origin = typing.get_origin(field_type)
    if origin in (typing.Union, types.UnionType):
        kinds = {_kind(member) for member in typing.get_args(field_type) if member is not type(None)}
        return next((kind for kind in ("mapping", "sequence") if kind in kinds), None)
    target = origin or field_type
    if not isinstance(target, type) or issubclass(target, (str, bytes)):
        return None
    if issubclass(target, abc.Mapping):
        return "mapping"
    if issubclass(target, abc.Collection):
        return "sequence"
    return None


def public_classes() -> list[type[Any]]:
    """Every public attrs class of the packages, once, outside the skipped modules."""
    found: dict[type[Any], None] = {}
    for package in PACKAGES:
        module = importlib.import_module(package)
        for name in module.__all__:
            value = getattr(module, name)
            if isinstance(value, type) and attrs.has(value) and not value.__module__.startswith(SKIPPED_MODULES):
                found[value] = None
    return list(found)


def collection_fields(cls: type[Any]) -> list[tuple[str, Kind]]:
    """The init arguments of *cls* whose type is a collection, with their kind."""
    hints = typing.get_type_hints(cls)
    found = []
    for field in attrs.fields(cls):
        kind = _kind(hints.get(field.name, field.type))
        if field.init and kind is not None:
            found.append((field.alias or field.name, kind))
    return found


FIELDS = [(cls, name, kind) for cls in public_classes() for name, kind in collection_fields(cls)]
IDS = [f"{cls.__qualname__}.{name}" for cls, name, _ in FIELDS]

# Classes the seeds' scenarios cannot give an instance of (none today).
WITHOUT_INSTANCE: frozenset[str] = frozenset()
# Fields that do not travel as plain data (a workflow's guards are code).
NOT_IN_PLAIN_DATA: frozenset[str] = frozenset({"Workflow.guards"})
# The number of fields covered; raise it when fields are added, never lower it quietly.
MIN_COVERED = 91  # in 43 classes, 13 of them mappings


def _roots() -> list[object]:
    run = Run()
    ids = run.to_shortlist([1, 2, 3])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    cards = [
        card("2024-01-10", A, GOOD, 1),
        card("2024-02-10", R, POOR, 2),
        card("2024-03-10", R, POOR, 3),
        card("2024-04-10", A, FAIR, 4),
    ]
    names = ["v0", "v1", "v2", "v3"]
    distances = VillageDistances.from_adjacency(names, [("v0", "v1"), ("v1", "v2"), ("v2", "v3")])
    tree = OrgTree.from_division_codes(CODES)
    villages = [code for code in CODES if len(code) == 12]
    dataset = Dataset(
        make_indicators(),
        tree,
        [
            DataValue("households", village, YEAR, Quantity.parse(f"{index + 10}户"))
            for index, village in enumerate(villages)
        ],
    )
    records = [
        HouseholdRecord(f"h-{index}", village, "boutique", Decimal(index), index)
        for index, village in enumerate(villages)
    ]
    sheet = MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER
    on = sheet.effective_from
    # First, so that the walk keeps them: a fact with attachments (a bare fact travels as a
    # word), a workflow without guards (a workflow read from data has none).
    guardless = attrs.evolve(
        WORKFLOW, transitions=[attrs.evolve(move, guards=()) for move in WORKFLOW.transitions], guards=()
    )
    return [
        Fact.found(2, attachments=["photo-1"]),
        guardless,
        Inspection("i-1", HOME, dt.date(2024, 1, 10), A, GOOD, inspectors=["chair-1"]),
        Condition(Measure.RATIO, [Threshold.parse("三分之二以上（含）")]),
        run.campaign,
        run.state.nominations(),
        run.state.notice("notice-1"),
        run.log,
        notice_view(run.campaign, run.state, "notice-1"),
        campaign_statistics(run.campaign, run.state, Level.VILLAGE),
        tally_votes(RULES, [ballot(1, "v1", 2, 9, "n1"), ballot(2, "v2", 3, 9, "n2", "n9")], nominees={"n2", "n1"}),
        NOMINATION_WORKFLOW,
        Window(PhaseKind.SELECTION, frozenset({StepKind.NOMINATION})),
        cards,
        plaque_history(cards, PlaquePolicy(), until=dt.date(2024, 12, 31)),
        PlaqueCheck(PlaquePolicy(), cards[1], None, (dt.date(2024, 2, 10),), held_before=True),
        distances,
        assign_inspectors([Inspector(f"c-{name}", name) for name in names], names, distances, groups=2),
        dataset,
        partials(dataset, "households", "371082", YEAR, level=Level.VILLAGE),
        rollup(dataset, "households", "371082", YEAR, level=Level.VILLAGE),
        rollup_table(dataset, ["households"], villages, YEAR, level=Level.VILLAGE),
        # Money is left out: its Decimals do not read back as HouseholdTally declares (Counter[str]
        # holds whole numbers), a separate fault.
        attrs.evolve(tally(records), money={}),
        tally(records).totals(tree, Level.TOWNSHIP),
        assess(sheet, Evidence(Subject("family-9", kind=SubjectKind.FAMILY), best_facts(sheet)), on=on),
        RuleCase(
            "油污",
            on,
            best_facts(FOUR_GOALS_RUBRIC),
            Expectation(band="boutique", lines={"kitchen_grease": "厨房墙壁油污 0处"}),
        ),
        SheetCatalog([FOUR_GOALS_RUBRIC]),
        CIVILISED_CITY_TASKS,
        open_case(WORKFLOW, problem(), by=INSPECTOR, at=rectification_at(9, 26, 15)),
        china_calendar(2024),
        OFFICIAL_SCHEDULES[2024],
        Period.year(2024),
        *_credit_roots(cards),
    ]


def _credit_roots(cards: list[ScoreCard]) -> list[object]:
    scheme = DISTRICT_HOUSEHOLD_CREDIT
    links = CreditLinks(
        scheme, bands=[BandLink("boutique", "courtyard_boutique")], checks=[CheckLink("courtyard_removed")]
    )
    record = CreditRecord(Subject("h-7", kind=SubjectKind.HOUSEHOLD, unit="371082103201"))
    for event in [
        CreditEvent("o-1", dt.date(2025, 4, 15), ["burning_straw", "littering"], source="网格员巡查"),
        CreditEvent("d-1", dt.date(2025, 5, 15), ["dishonest_debtor"]),
        CreditEvent("v-1", dt.date(2025, 8, 1), ["volunteer_hours"], quantity=Decimal(60)),
    ]:
        record = record.add(event, scheme)
    record = record.repair(CreditRepair("r-1", dt.date(2025, 7, 1), "d-1"), scheme)
    standing = credit_standing(scheme, record, on=dt.date(2025, 12, 31))
    account = earn_from(PointsAccount("h-7"), standing)
    shelf = PriceList([Goods("soap", "肥皂", 5, 10)])
    account, shelf = redeem(account, shelf, "soap", 1, dt.date(2025, 12, 31))
    return [scheme, links, record, standing, account, shelf, booklet(account), ShopCycle(), cards]


def _walk(value: object, found: dict[type[Any], object], seen: set[int]) -> None:
    if id(value) in seen:
        return
    seen.add(id(value))
    cls: Any = type(value)
    if attrs.has(cls):
        found.setdefault(cls, value)
        for field in attrs.fields(cls):
            _walk(getattr(value, field.name), found, seen)
    elif isinstance(value, abc.Mapping):
        for key, item in value.items():
            _walk(key, found, seen)
            _walk(item, found, seen)
    elif isinstance(value, (tuple, list, set, frozenset)):
        for item in value:
            _walk(item, found, seen)


@functools.cache
def instances() -> dict[type[Any], Any]:
    """One valid instance of every class reachable from the seeds' scenarios."""
    found: dict[type[Any], object] = {}
    seen: set[int] = set()
    for root in _roots():
        _walk(root, found, seen)
    return found


def _instance(cls: type[Any]) -> Any:
    if cls.__qualname__ in WITHOUT_INSTANCE:
        pytest.skip(f"no instance of {cls.__qualname__}")
    return instances()[cls]


def _single_fault_at(error: ValidationError, name: str, bad: object) -> None:
    assert len(error.faults) == 1, [str(fault) for fault in error.faults]
    fault = error.faults[0]
    assert fault.path == name, str(fault)
    assert fault.got == bad, str(fault)


def _read(data: Any, cls: type[Any]) -> Any:
    # A case's payloads are read with its workflow; a command's payload is read by its tag.
    if cls is Case:
        return structure_case(data, WORKFLOW)
    if issubclass(cls, Payload):
        return structure({key: value for key, value in data.items() if key != "kind"}, cls)
    return structure(data, cls)


@pytest.mark.parametrize(("cls", "name", "kind"), FIELDS, ids=IDS)
def test_a_text_is_refused_as_a_whole(cls: type[Any], name: str, kind: Kind) -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(_instance(cls), **{name: TEXT})
    _single_fault_at(caught.value, name, TEXT)


@pytest.mark.parametrize(("cls", "name", "kind"), FIELDS, ids=IDS)
def test_a_mapping_is_not_read_as_its_keys_nor_a_list_as_a_mapping(cls: type[Any], name: str, kind: Kind) -> None:
    bad: object = A_MAPPING if kind == "sequence" else NOT_A_MAPPING
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(_instance(cls), **{name: bad})
    _single_fault_at(caught.value, name, bad)


@pytest.mark.parametrize(("cls", "name", "kind"), FIELDS, ids=IDS)
def test_the_converter_refuses_a_text_at_the_field(cls: type[Any], name: str, kind: Kind) -> None:
    if f"{cls.__qualname__}.{name}" in NOT_IN_PLAIN_DATA:
        pytest.skip(f"{cls.__qualname__}.{name} does not travel as plain data")
    data = unstructure(_instance(cls))
    assert isinstance(_read(data, cls), cls)  # the valid payload reads back
    with pytest.raises(ValidationError) as caught:
        _read({**data, name: TEXT}, cls)
    assert [fault.path for fault in caught.value.faults] == [name], str(caught.value)


def test_every_class_with_a_collection_has_an_instance() -> None:
    missing = sorted({cls.__qualname__ for cls, _, _ in FIELDS if cls not in instances()})
    assert missing == sorted(WITHOUT_INSTANCE)


def test_the_walk_covers_every_collection_field() -> None:
    covered = [(cls, name) for cls, name, _ in FIELDS if cls.__qualname__ not in WITHOUT_INSTANCE]
    assert len(covered) >= MIN_COVERED, len(covered)


def test_the_walk_sees_counters_and_optional_collections() -> None:
    assert _kind(collections.Counter[str]) == "mapping"
    assert _kind(tuple[str, ...] | None) == "sequence"
    assert _kind(str | None) is None


def _message(build: Any) -> str:
    with pytest.raises(ValidationError) as caught:
        build()
    return str(caught.value)


def test_the_red_team_cases_read_as_one_fault_each() -> None:
    ballot_ = instances()[Ballot]
    schedule = OFFICIAL_SCHEDULES[2024]
    assert _message(lambda: attrs.evolve(ballot_, picks="abc")) == (
        "picks: expected a list of candidate ids, not text or a mapping, got 'abc'"
    )
    assert _message(lambda: attrs.evolve(schedule, holidays="abc")) == (  # type: ignore[arg-type]
        "holidays: expected a list of holidays, not text or a mapping, got 'abc'"
    )
    assert _message(lambda: IndicatorSet("abc")) == (  # type: ignore[arg-type]
        "definitions: expected a list of indicators, not text or a mapping, got 'abc'"
    )
    assert _message(lambda: attrs.evolve(instances()[VoteTally], counts="abc")) == (
        "counts: expected a mapping of nomination ids to votes, not text or a list, got 'abc'"
    )
    assert _message(lambda: attrs.evolve(instances()[VoteTally], counts={"n1": -1})) == (
        "counts['n1']: expected a whole number >= 0, got -1"
    )
    assert _message(lambda: listed(5, "picks", "a list of candidate ids")) == (  # type: ignore[arg-type]
        "picks: expected a list of candidate ids, got 5"
    )
    workflow = unstructure(instances()[Workflow])
    assert _message(lambda: structure({**workflow, "states": "abc"}, Workflow)) == (
        "states: expected a list (not a text or a mapping), got 'abc'"
    )
    tally_ = unstructure(instances()[HouseholdTally])
    assert _message(lambda: structure({**tally_, "money": ["a"]}, HouseholdTally)) == (
        "money: expected a mapping (not a text or a list), got ['a']"
    )
