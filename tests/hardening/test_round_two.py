"""Hostile input, round two (issue 15): text that cannot be encoded, personal data in reprs."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import Quantity, Unit, ValidationError, redact_text, structure
from fulian_core.nominations import Channel, Command, Dossier, Event, Submission
from fulian_core.rules import Subject
from fulian_core.testing import chinese_names, mobile_numbers, resident_ids
from fulian_core.workflows import Actor, Role
from tests.nominations.fixtures import ZHONGYI, at

UNENCODABLE = ["张\ud800梅", "张\x00梅", "\udfff", "a\x00"]


@pytest.mark.parametrize("text", UNENCODABLE)
def test_text_that_cannot_be_written_as_utf8_is_refused_at_the_boundary(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        structure({"id": "s-1", "name": text}, Subject)
    assert str(caught.value) == (
        "name: expected text without NUL or lone surrogates (UTF-8), got '<text that cannot be encoded>'"
    )
    with pytest.raises(ValidationError, match=r"^name: "):
        Subject("s-1", text)
    with pytest.raises(ValidationError, match=r"^name: "):
        Actor("a-1", text, Role.STAFF, "371082")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1).filter(str.strip))
def test_encodable_names_are_kept_and_written_as_utf8_json(name: str) -> None:
    subject = structure({"id": "s-1", "name": name}, Subject)
    assert subject.name == name
    json.dumps({"name": subject.name}, ensure_ascii=False).encode("utf-8")


def test_a_subjects_repr_masks_the_name() -> None:
    assert (
        repr(Subject("s-1", "张秀梅")) == "Subject(id='s-1', name='张*梅', kind=<SubjectKind.FAMILY: 家庭>, unit=None)"
    )


@st.composite
def people(draw: st.DrawFn) -> tuple[str, str, str]:
    """A person as the caller supplies them: a full name (3 characters, so that its masked form
    differs in the middle), a resident ID and a mobile number."""
    name = draw(chinese_names().filter(lambda n: len(n) == 3))
    return name, draw(resident_ids()).number, draw(mobile_numbers()).number


def _written(draw: Callable[[st.SearchStrategy[str]], str], number: str) -> str:
    """A number as people write it: whole, in groups, with +86, in full-width digits."""
    if len(number) == 11:
        forms = [
            number,
            f"{number[:3]} {number[3:7]} {number[7:]}",
            f"{number[:3]}-{number[3:7]}-{number[7:]}",
            f"+86 {number}",
            number.translate(_FULL_WIDTH),
        ]
    else:
        forms = [number, f"{number[:6]} {number[6:14]} {number[14:]}", number.translate(_FULL_WIDTH)]
    return draw(st.sampled_from(forms))


_FULL_WIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")


def _leaks(shown: str, name: str, resident_id: str, mobile: str) -> list[str]:
    plain = unicodedata.normalize("NFKC", shown).replace(" ", "").replace("-", "")
    found = [what for what, value in (("name", name), ("id", resident_id), ("mobile", mobile)) if value in plain]
    return found + (["mobile middle"] if mobile[3:7] + mobile[7:] in plain else [])


@given(people(), st.data())
def test_no_repr_audit_line_or_error_shows_a_persons_data(person: tuple[str, str, str], data: st.DataObject) -> None:
    name, resident_id, mobile = person
    text = f"{name}冒名顶替，身份证{_written(data.draw, resident_id)}，电话{_written(data.draw, mobile)}。"
    actor = Actor("a-1", name, Role.LEADER, ZHONGYI)
    dossier = Dossier(form=True, account=text * 10, photos=3, motto=text)
    submission = Submission(Subject("family-1", name), Channel.SELF, ZHONGYI, dossier, nominator=name)
    command = Command.reject(actor, at(4, 3), "n-1", reason=text)
    event = Event(1, command)
    shown = {
        "actor": repr(actor),
        "dossier": repr(dossier),
        "submission": repr(submission),
        "command": repr(command),
        "event": repr(event) + str(event),
        "audit line": event.describe(names=[name]),
        "redacted": redact_text(text, names=[name]),
        "error (mobile as a number)": str(ValidationError.single("mobile", "text", int(mobile))),
    }
    as_number = resident_id[:17] + "1"  # spreadsheets export an ID as a number (no X then)
    assert as_number not in str(ValidationError.single("id", "text", int(as_number)))
    leaks = {where: _leaks(value, name, resident_id, mobile) for where, value in shown.items()}
    assert not any(leaks.values()), {where: found for where, found in leaks.items() if found}


@pytest.mark.parametrize(
    "moment",
    [
        dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.timezone(-dt.timedelta(hours=14))),
        dt.datetime(1, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=14))),
        dt.datetime(3000, 1, 1, tzinfo=dt.timezone.utc),
    ],
)
def test_an_extreme_timestamp_is_refused_where_it_enters_not_deep_inside(moment: dt.datetime) -> None:
    expected = f"at: expected a time in the years 1900 to 2999 (China time), got {moment.isoformat()!r}"
    with pytest.raises(ValidationError) as caught:
        Command.reject(Actor("l-1", "赵敏", Role.LEADER, ZHONGYI), moment, "n-1", reason="x")
    assert str(caught.value) == expected
    with pytest.raises(ValidationError) as caught:
        structure(moment.isoformat(), dt.datetime)
    assert str(caught.value) == expected[len("at: ") :]


def test_a_quantity_built_from_an_int_gives_the_librarys_error() -> None:
    with pytest.raises(ValidationError) as caught:
        Quantity(1, Unit.PERSON)  # type: ignore[arg-type]
    assert str(caught.value) == "value: expected a Decimal (or None for a blank figure), got 1"


def test_a_ratio_indicator_keeps_its_places_within_what_a_rollup_can_compute() -> None:
    # places=27 was accepted, and rollup_ratio then raised decimal.InvalidOperation.
    from fulian_core import DefinitionError
    from fulian_core.indicators import RatioIndicator

    with pytest.raises(DefinitionError) as caught:
        RatioIndicator("r", "比率", "n", "d", places=27)
    assert str(caught.value) == "places: expected a whole number at most 10, got 27"
