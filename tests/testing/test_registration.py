"""The entry point registers a strategy for every public type, so st.from_type works downstream,
and costs an unrelated suite nothing: importing hypothesis imports no part of fulian_core."""

from __future__ import annotations

import importlib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _fulian_core_hypothesis import STRATEGIES, register_type_strategies
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
    testing,
)
from fulian_core.courtyard import Household
from fulian_core.credit import CreditEvent, CreditRecord, CreditScheme, PointsAccount, PriceList
from fulian_core.rules import RuleSheet, Subject, Threshold

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


def _run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=False)  # noqa: S603 - our own code


@pytest.mark.parametrize(("where", "strategy"), STRATEGIES.items(), ids=str)
@settings(max_examples=5)
@given(data=st.data())
def test_the_table_names_each_type_where_it_is_defined(
    where: tuple[str, str], strategy: str, data: st.DataObject
) -> None:
    module, name = where
    cls = getattr(importlib.import_module(module), name)
    assert cls.__module__ == module
    assert isinstance(data.draw(getattr(testing, strategy)()), cls)


def test_every_registered_type_is_in_the_table() -> None:
    assert {(cls.__module__, cls.__name__) for cls in REGISTERED} <= set(STRATEGIES)


def test_the_installed_entry_point_is_the_light_one() -> None:
    """The environment runs what pyproject.toml declares (reinstall if this fails:
    ``python3 scripts/dev.py`` refreshes .venv when pyproject.toml changes)."""
    ours = [entry for entry in importlib.metadata.entry_points(group="hypothesis") if entry.name == "fulian_core"]
    assert [entry.value for entry in ours] == ["_fulian_core_hypothesis:register_type_strategies"]


# Every package of the library (courtyard, credit, criteria, indicators, nominations, rules, ...).
LIBRARY = Path(testing.__file__).parent.parent
CAPABILITIES = tuple(
    sorted(path.parent.name for path in LIBRARY.glob("*/__init__.py") if path.parent.name != "testing")
)


def test_importing_hypothesis_imports_no_capability_package() -> None:
    completed = _run("import sys, hypothesis; print(*sorted(m for m in sys.modules if 'fulian' in m))")
    assert completed.returncode == 0, completed.stderr
    imported = [
        line.split("|")[-1].strip() for line in completed.stderr.splitlines() if line.startswith("import time:")
    ]
    assert "hypothesis" in imported
    capabilities = [name for name in imported if re.fullmatch(rf"fulian_core\.({'|'.join(CAPABILITIES)})(\..*)?", name)]
    assert capabilities == []
    # The entry point's module is loaded by importlib (no importtime line): none of fulian_core.
    assert completed.stdout.split() == ["_fulian_core_hypothesis"]


def test_a_type_imported_after_hypothesis_is_registered_and_its_strategy_built_when_asked() -> None:
    completed = _run(
        "import sys, hypothesis; from hypothesis import strategies as st\n"
        "from fulian_core.courtyard import Household\n"
        "assert 'fulian_core.testing' not in sys.modules\n"
        "strategy = st.from_type(Household)\n"
        "household = strategy.example()\n"
        "assert isinstance(household, Household), household\n"
        "print('fulian_core.testing' in sys.modules, household.village[:6])"
    )
    assert completed.returncode == 0, completed.stderr
    # fulian_core.testing was imported by the registered strategy, not by an inferred builds().
    assert completed.stdout.split() == ["True", "371082"]


def test_without_hypothesis_the_error_names_the_extra() -> None:
    completed = _run("import sys; sys.modules['hypothesis'] = None; import fulian_core.testing")
    assert completed.returncode == 1
    last = completed.stderr.strip().splitlines()[-1]
    assert last == (
        "ModuleNotFoundError: fulian_core.testing needs hypothesis, which is not installed: "
        'pip install "fulian_core[testing]"'
    )
