"""The entry point registers a strategy for every public type, so st.from_type works downstream."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    HolidaySchedule,
    Interval,
    MobileNumber,
    OrgTree,
    OrgUnit,
    Percentage,
    Period,
    Quantity,
    Ratio,
    ResidentId,
    Schedule,
    WorkingDayCalendar,
)
from fulian_core.courtyard import Household
from fulian_core.credit import CreditEvent, CreditRecord, CreditScheme, PointsAccount, PriceList
from fulian_core.rules import RuleSheet, Subject, Threshold
from fulian_core.testing._registration import register_type_strategies

REGISTERED = [
    PointsAccount,
    PriceList,
    CreditScheme,
    CreditEvent,
    CreditRecord,
    Household,
    RuleSheet,
    Subject,
    Threshold,
    Period,
    Quantity,
    OrgTree,
    OrgUnit,
    Schedule,
    WorkingDayCalendar,
    HolidaySchedule,
    Ratio,
    ResidentId,
    MobileNumber,
    Percentage,
    Interval,
]


@pytest.mark.parametrize("cls", REGISTERED, ids=lambda cls: cls.__name__)
@given(data=st.data())
def test_from_type_draws_valid_values(cls: type[Any], data: st.DataObject) -> None:
    value = data.draw(st.from_type(cls))
    assert isinstance(value, cls)


def test_registration_is_idempotent() -> None:
    register_type_strategies()
    register_type_strategies()
    assert isinstance(st.from_type(Period), st.SearchStrategy)


def test_importing_the_strategies_first_works() -> None:
    """Hypothesis runs the registration hook while fulian_core.testing is still importing."""
    code = "import fulian_core.testing as t; from hypothesis import strategies as st; from fulian_core import Period; st.from_type(Period)"
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)  # noqa: S603 - our own code
    assert completed.returncode == 0, completed.stderr
