"""A refused operation changes nothing: snapshot the value (as plain data), apply a failing
input, compare. Values are immutable, so this holds the promise in the API, not only in RAM."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from fulian_core import (
    FulianError,
    OrgTree,
    OrgUnit,
    Period,
    Quantity,
    ValidationError,
    unstructure,
)
from fulian_core.courtyard import PlaquePolicy, plaque_history
from fulian_core.credit import Goods, PointsAccount, PriceList, redeem
from fulian_core.criteria import Evidence
from fulian_core.indicators import Dataset, DataValue
from fulian_core.nominations import Command, handle
from fulian_core.orgs import Level
from tests.courtyard.test_plaques import GOOD, R, card
from tests.indicators.conftest import CODES, make_indicators
from tests.nominations.fixtures import APPLICANT, CLERK, LEADER, Run, at, submission


def _snapshot(value: Any) -> Any:
    return unstructure(value)


def _run_with_shortlist() -> Run:
    run = Run()
    run.to_shortlist([1])
    return run


def _refusals() -> list[tuple[str, Callable[[], Any], Callable[[Any], Any]]]:
    """(name, the value before, a failing operation on it)."""
    run = _run_with_shortlist()
    account = PointsAccount("h-1").earn(10, dt.date(2024, 1, 1), "志愿服务")
    shelf = PriceList([Goods("soap", "肥皂", 5, 1)])
    tree = OrgTree.from_division_codes(CODES)
    dataset = Dataset(
        make_indicators(),
        tree,
        [DataValue("teams", "371082103", Period.year(2024), Quantity.parse("12支"))],
    )
    cards = [card("2024-03-01", R, GOOD)]
    return [
        (
            "command refused by a guard",
            lambda: run,
            lambda r: handle(r.campaign, r.state, Command.award(LEADER, at(6, 1), "n-1")),
        ),
        (
            "command with an unknown id",
            lambda: run,
            lambda r: handle(r.campaign, r.state, Command.accept(CLERK, at(4, 3), "n-9")),
        ),
        (
            "duplicate submission",
            lambda: run,
            lambda r: handle(r.campaign, r.state, Command.submit(APPLICANT, at(4, 3), "n-1", submission(1))),
        ),
        ("points account overspend", lambda: account, lambda acc: acc.spend(11, dt.date(2024, 1, 2), "毛巾")),
        ("points account negative earning", lambda: account, lambda acc: acc.earn(-1, dt.date(2024, 1, 2), "x")),
        (
            "redemption out of stock",
            lambda: (account, shelf),
            lambda v: redeem(v[0], v[1], "soap", 2, dt.date(2024, 1, 2)),
        ),
        (
            "redemption points short",
            lambda: (account, shelf.restock("soap", 5)),
            lambda v: redeem(v[0], v[1], "soap", 3, dt.date(2024, 1, 2)),
        ),
        (
            "data value conflicting",
            lambda: dataset,
            lambda d: d.with_values([DataValue("teams", "371082103", Period.year(2024), Quantity.parse("13支"))]),
        ),
        (
            "data value in the wrong unit",
            lambda: dataset,
            lambda d: d.with_values([DataValue("teams", "371082104", Period.year(2024), Quantity.parse("13户"))]),
        ),
        (
            "tree with a second parent",
            lambda: tree,
            lambda t: t.with_units([OrgUnit("371082103", "人和镇", Level.TOWNSHIP)]),
        ),
        (
            "plaque cards out of order",
            lambda: cards,
            lambda cs: plaque_history([*cs, card("2024-01-01", R, GOOD)], PlaquePolicy()),
        ),
        (
            "evidence with a bad fact",
            lambda: Evidence(run.state.nomination("n-1").candidate),
            lambda e: e.with_fact("x", "yes"),
        ),
    ]


@pytest.mark.parametrize(
    ("name", "before", "operation"), _refusals(), ids=lambda value: value if isinstance(value, str) else ""
)
def test_a_refused_operation_changes_nothing(
    name: str, before: Callable[[], Any], operation: Callable[[Any], Any]
) -> None:
    value = before()
    target = value.state if isinstance(value, Run) else value
    snapshot = _snapshot(target) if not isinstance(value, Run) else None
    log_before = list(value.log) if isinstance(value, Run) else None
    with pytest.raises((FulianError, ValidationError)):
        operation(value)
    if isinstance(value, Run):
        assert value.state is target
        assert value.log == log_before
        from fulian_core.nominations import replay

        assert replay(value.campaign, value.log) == target
    else:
        assert _snapshot(target) == snapshot
