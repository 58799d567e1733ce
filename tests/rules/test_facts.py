"""Facts: one vocabulary for every sheet, checked when built, plain data both ways."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Quantity, ValidationError, converter, structure, unstructure
from fulian_core.courtyard import Inspection
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL
from fulian_core.rules import MAX_COUNT, Fact, FactKind, Subject, SubjectKind, compile_sheet, freeze_facts
from fulian_core.serialization import _structure_fact


def test_every_kind_carries_its_payload() -> None:
    assert Fact.met("村评议小组").source == "村评议小组"
    assert Fact.rated("好").rating == "好"
    assert Fact.found(2, attachments=["p-1"]).attachments == ("p-1",)
    assert Fact.scored("7.5").points == Decimal("7.5")
    assert Fact.measured("52亩").quantity == Quantity.parse("52亩")
    ratio = Fact.ratio("60余人", "100人")
    assert (ratio.part, ratio.whole) == (Quantity.parse("60余人"), Quantity.parse("100人"))
    assert Fact.dated(dt.date(2020, 3, 1)).day == dt.date(2020, 3, 1)
    assert Fact.of_number(85).number == 85
    assert [kind.code for kind in FactKind if not Fact.met().payload] == [kind.code for kind in FactKind]
    assert Fact.ratio("1人", "2人").payload == ("part", "whole")
    assert not Fact.unknown().is_known


def test_bad_facts_name_every_fault() -> None:
    with pytest.raises(ValidationError) as raised:
        Fact(FactKind.RATIO, part=Quantity.parse("60人"), whole=Quantity.parse("100户"), count=3)
    assert str(raised.value).splitlines() == [
        "count: expected no count for a 'ratio' fact, got 3",
        "whole: expected a whole in the part's unit (人), got '户'",
    ]
    with pytest.raises(
        ValidationError, match=r"^whole: expected a whole greater than zero, got Quantity.parse\('0人'\)$"
    ):
        Fact.ratio("0人", "0人")
    with pytest.raises(
        ValidationError, match=r"^count: expected a whole count of occurrences from 0 to 1000000, got 10000000$"
    ):
        Fact.found(10**7)
    with pytest.raises(ValidationError, match=r"^quantity.text: expected a reported figure"):
        Fact.measured("五十二亩地")
    with pytest.raises(ValidationError, match="^day: expected a date, got"):
        Fact.dated(dt.datetime(2020, 3, 1, tzinfo=dt.timezone.utc))
    with pytest.raises(ValidationError, match="^attachments: expected a list of references, not text or a mapping"):
        Fact.found(1, attachments="p-1")
    with pytest.raises(ValidationError, match="^number: expected an int, a decimal string or a Decimal, got 1.5$"):
        Fact.of_number(1.5)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fact", "data"),
    [
        (Fact.met(), "met"),
        (Fact.not_applicable(), "not_applicable"),
        (Fact.unknown("待派出所回函"), {"kind": "unknown", "source": "待派出所回函"}),
        (Fact.rated("好"), {"kind": "rated", "rating": "好"}),
        (Fact.found(2, attachments=["p-1"]), {"kind": "found", "count": 2, "attachments": ["p-1"]}),
        (Fact.scored("7.5"), {"kind": "scored", "points": "7.5"}),
        (Fact.dated(dt.date(2020, 3, 1)), {"kind": "dated", "day": "2020-03-01"}),
        (Fact.of_number("85"), {"kind": "number", "number": "85"}),
    ],
)
def test_facts_as_plain_data(fact: Fact, data: object) -> None:
    assert unstructure(fact) == data
    assert structure(data, Fact) == fact


def test_measured_facts_read_the_figure_as_written() -> None:
    assert structure({"kind": "measured", "quantity": "52亩"}, Fact) == Fact.measured("52亩")
    assert structure({"kind": "ratio", "part": "60余人", "whole": "100人"}, Fact) == Fact.ratio("60余人", "100人")
    assert structure(unstructure(Fact.ratio("60余人", "100人")), Fact) == Fact.ratio("60余人", "100人")


def test_bad_plain_facts_name_every_fault() -> None:
    with pytest.raises(ValidationError) as raised:
        structure({"kind": "found", "count": "2", "colour": "red"}, Fact)
    assert str(raised.value).splitlines() == [
        "colour: expected no such key (unknown keys are rejected), got 'colour'",
        "count: expected a whole number, got '2'",
    ]
    with pytest.raises(ValidationError, match="^expected a record with the found fact's payload, got 'found'$"):
        structure("found", Fact)
    with pytest.raises(ValidationError, match="^expected one of 'met', "):
        structure("yes", Fact)
    with pytest.raises(ValidationError, match=r"^kind: expected a value \(the key is required\)"):
        structure({"count": 2}, Fact)
    with pytest.raises(ValidationError, match="^expected a fact: a record with its 'kind'"):
        structure(["met"], Fact)
    with pytest.raises(ValidationError, match="^kind: expected a FactKind code, got 3$"):
        structure({"kind": 3}, Fact)


def test_facts_by_code_are_read_only_and_survive_pickle_and_copies() -> None:
    facts = freeze_facts({"a": Fact.met(), "b": Fact.found(1)})
    with pytest.raises(TypeError, match="read-only"):
        facts["a"] = Fact.not_met()  # type: ignore[index]
    with pytest.raises(TypeError, match="read-only"):
        facts.update({})  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(facts)) == facts  # noqa: S301 - our own data
    assert copy.deepcopy(facts) is facts
    assert freeze_facts(facts) is facts
    assert repr(facts) == "{'a': " + repr(Fact.met()) + ", 'b': " + repr(Fact.found(1)) + "}"
    with pytest.raises(ValidationError, match="^facts: expected a mapping of item codes to facts"):
        freeze_facts([("a", Fact.met())])  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="^facts: expected item codes as keys, got 3$"):
        freeze_facts({3: Fact.met()})  # type: ignore[dict-item]


def test_subjects() -> None:
    household = Subject("h-1", kind=SubjectKind.HOUSEHOLD, unit="371082103201")
    assert household.name == ""
    assert structure(unstructure(household), Subject) == household


# -- read cheaply, refused in detail (issue 21) -----------------------------------------------

_INSPECTION = {
    "id": "i1",
    "household": {"id": "h1", "village": "371082103201"},
    "date": "2024-05-31",
    "kind": "home_visit",
    "inspectors": [],
}


def test_facts_of_an_inspection_are_read_cheaply_and_refused_with_their_paths() -> None:
    facts = {"d": "met", "e": {"kind": "found", "count": 2}, "f": {"kind": "scored", "points": "2.5"}}
    inspection = structure({**_INSPECTION, "facts": {**facts, "g": {"kind": "rated", "rating": "好"}}}, Inspection)
    assert dict(inspection.facts) == {
        "d": Fact.met(),
        "e": Fact.found(2),
        "f": Fact.scored("2.5"),
        "g": Fact.rated("好"),
    }
    # A plain fact's code gives one shared value: facts are values.
    assert structure("met", Fact) is structure("met", Fact)
    bad = {
        "a": {"kind": "found", "count": True},
        "b": {"kind": "scored", "points": "-1"},
        "c": {"kind": "rated", "rating": "x\x00"},
        **facts,
    }
    with pytest.raises(ValidationError) as raised:
        structure({**_INSPECTION, "facts": bad}, Inspection)
    assert str(raised.value).splitlines() == [
        "facts['a'].count: expected a whole number, got True",
        (
            "facts['b'].points: expected a number of points >= 0 below 10^9 with at most 6 decimal places, "
            "got Decimal('-1')"
        ),
        "facts['c'].rating: expected text without NUL or lone surrogates (UTF-8), got '<text that cannot be encoded>'",
    ]
    with pytest.raises(ValidationError, match=r"^facts\['x\\x00'\]: expected text without NUL"):
        structure({**_INSPECTION, "facts": {"x\x00": "met"}}, Inspection)


_RECORDS = st.one_of(
    st.builds(
        lambda count: {"kind": "found", "count": count},
        st.one_of(st.integers(-2, MAX_COUNT + 2), st.sampled_from([True, 10**16, "2", 2.0, None])),
    ),
    st.builds(
        lambda rating: {"kind": "rated", "rating": rating},
        st.one_of(st.text(max_size=3), st.sampled_from([" ", "优" * 101, "好\x00", "\ud800", 3])),
    ),
    st.builds(
        lambda points: {"kind": "scored", "points": points},
        st.one_of(
            st.decimals(min_value=-1, max_value=10**9 + 1, places=7).map(str),
            st.sampled_from(["NaN", "1e999999", "2.5", "x", 2, 2.5, True]),
        ),
    ),
    st.sampled_from(["met", "not_met", "unknown", "not_applicable", "found", "yes"]),
    st.builds(lambda kind: {"kind": kind, "source": "村评议小组"}, st.sampled_from(["met", "rated"])),
)


@given(_RECORDS)
def test_a_fact_read_cheaply_is_the_fact_the_detailed_path_reads(data: object) -> None:
    # The cheap checks only ever accept what the detailed path accepts, giving the same fact;
    # everything else is the detailed path's, refusals word for word.
    try:
        expected: Fact | str = _structure_fact(converter, data)
    except ValidationError as error:
        expected = str(error)
    try:
        found: Fact | str = structure(data, Fact)
    except ValidationError as error:
        found = str(error)
    assert found == expected


def test_a_batch_of_standings_names_what_it_refuses() -> None:
    plan = compile_sheet(MOST_BEAUTIFUL_FAMILY_NATIONAL)
    day = dt.date(2024, 5, 1)
    facts = {code: Fact.met() for code in MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[:5]}
    facts |= {code: Fact.not_met() for code in MOST_BEAUTIFUL_FAMILY_NATIONAL.codes[5:]}
    found = plan.standings([(facts, day), (freeze_facts(facts), day), ({}, day)])
    assert [item.verdict.label for item in found] == ["符合评选条件", "符合评选条件", "待定"]
    with pytest.raises(ValidationError, match=r"^\[1\]: expected a pair of facts and a day, got 'Fact'$"):
        plan.standings([(facts, day), Fact.met()])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"^\[0\].facts\['nope'\]: expected "):
        plan.standings([({"nope": Fact.met()}, day)])
    with pytest.raises(ValidationError, match=r"^\[0\].facts: expected a mapping of item codes to facts"):
        plan.standings([([], day)])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="^subjects: expected pairs of facts and a day, got 'dict'$"):
        plan.standings({})
    with pytest.raises(ValidationError, match="^kind: expected a "):
        plan.standings([], kind=SubjectKind.HOUSEHOLD)
