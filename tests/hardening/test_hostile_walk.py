"""The walk of issue 15's acceptance: every public type with a plain-data form and every public
function taking text, fed the hostile values of the issue. Only the library's errors come out,
and no error shows a resident ID or a mobile number that came in.

The hostile values: a text where anything else belongs, a whole number of 5,000 digits, a
payload nested 10,000 deep, text with a lone surrogate or NUL, a resident ID and a mobile
number given as numbers (spreadsheets export them so), None, bytes and lists where text
belongs.
"""

from __future__ import annotations

import copy
import pickle
import typing
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from fulian_core import (
    FulianError,
    Period,
    Quantity,
    ValidationError,
    find_figures,
    mask_mobile,
    mask_name,
    mask_resident_id,
    normalize_division_code,
    redact_text,
    resident_id_check_character,
    structure,
    unstructure,
)
from fulian_core.rules import Threshold
from tests.hardening.test_collections import instances

ID_NUMBER = 110105194912310021  # a resident ID as a spreadsheet exports it
MOBILE = 13812345678
SECRETS = (str(ID_NUMBER), str(MOBILE))


def _deep() -> list[object]:
    nested: list[object] = []
    for _ in range(10_000):
        nested = [nested]
    return nested


HOSTILE_VALUES: dict[str, Callable[[], object]] = {
    "huge number": lambda: 10**5000,
    "nested 10,000 deep": _deep,
    "lone surrogate": lambda: "张\ud800梅",
    "NUL": lambda: "张\x00梅",
    "ID as a number": lambda: ID_NUMBER,
    "mobile as a number": lambda: MOBILE,
    "text": lambda: "family-9",
    "None": lambda: None,
}


def _plain(value: object) -> dict[str, Any] | None:
    try:
        data = unstructure(value)
    except Exception:
        return None
    return data if isinstance(data, dict) else None


CASES = [
    (cls, field.name)
    for cls, value in sorted(instances().items(), key=lambda pair: pair[0].__qualname__)
    if (data := _plain(value)) is not None
    for field in attrs.fields(cls)
    if field.init and field.name in data
]


def _no_secrets(error: BaseException) -> None:
    shown = str(error)
    for secret in SECRETS:
        assert secret not in shown, f"{secret} shown in: {shown[:200]}"


@pytest.mark.parametrize(("cls", "name"), CASES, ids=[f"{cls.__qualname__}.{name}" for cls, name in CASES])
def test_plain_data_with_a_hostile_value_gives_only_the_librarys_error(cls: type[Any], name: str) -> None:
    data = _plain(instances()[cls])
    assert data is not None
    for what, make in HOSTILE_VALUES.items():
        payload = {**data, name: make()}
        try:
            structure(payload, cls)
        except ValidationError as error:
            _no_secrets(error)
        except Exception as error:
            pytest.fail(f"{what}: {type(error).__name__}: {str(error)[:200]}")


def test_the_walk_covers_the_public_types() -> None:
    assert len({cls for cls, _ in CASES}) >= 60
    assert len(CASES) >= 300


def _fields_of(kind: type, *, plain_only: bool = False) -> list[tuple[type[Any], str]]:
    """The init fields holding a *kind* (or an optional one) of every harvested public class;
    with *plain_only*, only of classes with a plain-data form."""
    found = []
    for cls, value in instances().items():
        if plain_only and _plain(value) is None:
            continue
        hints = typing.get_type_hints(cls)
        for field in attrs.fields(cls):
            hint = hints.get(field.name)
            if field.init and (hint is kind or (typing.get_origin(hint) is not None and kind in typing.get_args(hint))):
                found.append((cls, field.alias))
    return sorted(found, key=lambda pair: (pair[0].__qualname__, pair[1]))


WHOLE = _fields_of(int)


@pytest.mark.parametrize(("cls", "name"), WHOLE, ids=[f"{cls.__qualname__}.{name}" for cls, name in WHOLE])
def test_every_whole_number_field_has_a_bound(cls: type[Any], name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        attrs.evolve(instances()[cls], **{name: 10**5000})
    assert "digits>" in str(caught.value) or "at most" in str(caught.value)


TEXT_FUNCTIONS: dict[str, Callable[[Any], object]] = {
    "find_figures": find_figures,
    "redact_text": redact_text,
    "mask_name": mask_name,
    "mask_mobile": mask_mobile,
    "mask_resident_id": mask_resident_id,
    "resident_id_check_character": resident_id_check_character,
    "normalize_division_code": normalize_division_code,
    "Quantity.parse": Quantity.parse,
    "Period.from_code": Period.from_code,
    "Period.from_label": Period.from_label,
    "Threshold.parse": Threshold.parse,
}
HOSTILE_TEXTS: list[object] = [
    None,
    42,
    ID_NUMBER,
    MOBILE,
    b"13812345678",
    ["1"],
    "",
    "张\ud800梅",
    "\x00",
    "X" * 100_000,
    "１" * 1000,
    f"身份证{ID_NUMBER}，电话{MOBILE}",
    "200余\u200b场次",
    "9" * 5000 + "户",
]


@pytest.mark.parametrize("name", list(TEXT_FUNCTIONS))
def test_every_function_taking_text_gives_only_the_librarys_error(name: str) -> None:
    function = TEXT_FUNCTIONS[name]
    for text in HOSTILE_TEXTS:
        try:
            function(text)
        except FulianError as error:  # noqa: PERF203 - one call per hostile text, each checked
            _no_secrets(error)
        except Exception as error:
            pytest.fail(f"{name}({str(text)[:40]!r}): {type(error).__name__}: {str(error)[:200]}")


VALUES = sorted(instances().items(), key=lambda pair: pair[0].__qualname__)


@pytest.mark.parametrize(("cls", "value"), VALUES, ids=[cls.__qualname__ for cls, _ in VALUES])
def test_every_public_value_pickles_and_deep_copies(cls: type[Any], value: object) -> None:
    # Dask and multiprocessing move values between processes.
    assert pickle.loads(pickle.dumps(value)) == value  # noqa: S301 - our own value
    assert copy.deepcopy(value) == value


TEXT_FIELDS = _fields_of(str, plain_only=True)


@pytest.mark.parametrize(("cls", "name"), TEXT_FIELDS, ids=[f"{cls.__qualname__}.{name}" for cls, name in TEXT_FIELDS])
def test_no_value_gives_plain_data_that_cannot_be_written(cls: type[Any], name: str) -> None:
    # Refused where it enters (a name, free text) or, for a value built in code, where its plain
    # data leaves (unstructure): never plain data that UTF-8 JSON cannot hold.
    for bad in ("a\ud800", "a\x00"):
        try:
            value = attrs.evolve(instances()[cls], **{name: bad})
        except ValidationError:
            continue
        with pytest.raises(ValidationError, match="without NUL or lone surrogates"):
            unstructure(value)


def test_the_text_walk_covers_the_text_fields() -> None:
    assert len(TEXT_FIELDS) >= 150
