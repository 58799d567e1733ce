"""Hostile input, round two (issue 15): text that cannot be encoded, personal data in reprs."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import ValidationError, structure
from fulian_core.rules import Subject
from fulian_core.workflows import Actor, Role

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
