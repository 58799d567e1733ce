"""The error hierarchy: one root, built-in mix-ins, paths, and pickling."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest

from fulian_core import (
    CalendarRangeError,
    DefinitionError,
    Fault,
    FulianError,
    HierarchyError,
    UnitMismatchError,
    UnknownUnitError,
    ValidationError,
)
from fulian_core.errors import join_path


def test_hierarchy() -> None:
    assert issubclass(ValidationError, FulianError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(DefinitionError, ValidationError)
    assert issubclass(HierarchyError, DefinitionError)
    assert issubclass(UnitMismatchError, ValueError)
    assert issubclass(UnknownUnitError, LookupError)
    assert issubclass(CalendarRangeError, ValueError)
    for cls in (UnitMismatchError, UnknownUnitError, CalendarRangeError):
        assert issubclass(cls, FulianError)


def test_one_grammar() -> None:
    error = ValidationError.single("households[3].code", "12 digits", "3710")
    assert str(error) == "households[3].code: expected 12 digits, got '3710'"
    assert (error.path, error.expected, error.got) == ("households[3].code", "12 digits", "3710")
    nested = error.under("plan")
    assert str(nested) == "plan.households[3].code: expected 12 digits, got '3710'"
    assert type(DefinitionError.single("x", "y", 1).under("z")) is DefinitionError
    assert str(Fault("", "a mapping", [])) == "expected a mapping, got []"
    assert str(Fault("x", "short", "y" * 200)).endswith("...")
    assert join_path("units", "[3]") == "units[3]"
    assert join_path("", "code") == "code"
    assert join_path("units[3]", "") == "units[3]"
    with pytest.raises(ValueError, match="at least one fault"):
        ValidationError([])


@pytest.mark.parametrize(
    "error",
    [
        ValidationError([Fault("a", "b", 1), Fault("c", "d", 2)]),
        HierarchyError.single("units[0].parent", "a unit", "x"),
        UnitMismatchError("add", "户", "人"),
        UnknownUnitError("999"),
        CalendarRangeError(dt.date(2030, 1, 1), [2024]),
    ],
)
def test_errors_pickle(error: FulianError) -> None:
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
    assert type(again) is type(error)
    assert str(again) == str(error)


def test_refusals_and_unknown_commands_say_what_where_and_pickle() -> None:
    import pickle

    from fulian_core import TransitionRefused, UnknownCommandError

    refused = TransitionRefused("forward", "n-1", "本级确定 confirmed", "quota", "expected at most 2, got 3")
    assert str(refused) == "forward n-1 [本级确定 confirmed]: refused by guard 'quota': expected at most 2, got 3"
    assert pickle.loads(pickle.dumps(refused)).guard == "quota"  # noqa: S301 - our own bytes
    unknown = UnknownCommandError("nomination", "promote", ("submit", "return"))
    assert str(unknown) == "command: expected a command of the nomination workflow (submit, return), got 'promote'"
    assert isinstance(unknown, LookupError)
    assert pickle.loads(pickle.dumps(unknown)).known == ("submit", "return")  # noqa: S301 - our own bytes


def test_a_fault_never_fails_on_the_value_it_reports() -> None:
    nested: list[object] = []
    for _ in range(100_000):
        nested = [nested]
    assert str(ValidationError.single("x", "y", nested)) == "x: expected y, got <a list that cannot be shown>"
    assert str(ValidationError.single("x", "y", 10**5000)) == "x: expected y, got <an integer of about 5000 digits>"


def test_a_fault_masks_ids_and_mobiles_that_arrive_as_numbers() -> None:
    # Spreadsheets export them as numbers; the error must not echo them in full.
    assert str(ValidationError.single("mobile", "text", 13812345678)) == "mobile: expected text, got 138****5678"
    assert str(ValidationError.single("id", "text", 110105194912310021)) == "id: expected text, got 1****************1"
