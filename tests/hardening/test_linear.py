"""Linear work (issue 15, class 3): every parser and every aggregate is timed at n and 8n in one
process; linear work grows about 8×, quadratic work 64×. The bound (24×) leaves room for a busy
machine and still catches anything quadratic."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from fulian_core import OrgTree, Period, Quantity, ValidationError, percentage_shares, redact_text, structure
from fulian_core.indicators import Dataset, DataValue, Indicator, IndicatorSet, rollup, rollup_table
from fulian_core.nominations import Ballot
from fulian_core.orgs import Level
from fulian_core.quantities import Unit
from tests._timing import best_time as _best_time

YEAR = Period.year(2024)
BOUND = 24


def _grows_linearly(make: Callable[[int], Callable[[], object]], n: int) -> None:
    small, large = _best_time(make(n)), _best_time(make(8 * n))
    assert large / small < BOUND, f"{small:.4f}s at n={n}, {large:.4f}s at 8n"


def _dataset(villages: int) -> Dataset:
    townships = max(1, villages // 100)
    codes = {"371082": "荣成市"}
    values = []
    for township in range(townships):
        code = f"371082{township + 1:03d}"
        codes[code] = f"镇{township + 1}"
        for village in range(villages // townships):
            unit = f"{code}{village + 1:03d}"
            codes[unit] = f"村{township + 1}-{village + 1}"
            values.append(DataValue("sessions", unit, YEAR, Quantity(Decimal(village % 50 + 1), Unit.SESSION)))
    tree = OrgTree.from_division_codes(codes)
    return Dataset(IndicatorSet([Indicator("sessions", "志愿服务场次", Unit.SESSION)]), tree, values)


def test_redacting_text() -> None:
    _grows_linearly(lambda n: lambda: redact_text("电话139 1234 5678，身份证110105 19491231 002X。" * n), 500)


def test_shares() -> None:
    _grows_linearly(lambda n: lambda: percentage_shares([index % 97 + 1 for index in range(n)]), 2000)


def test_summing_quantities() -> None:
    _grows_linearly(lambda n: lambda: Quantity.total([Quantity.parse("200余场次")] * n, Unit.SESSION), 2000)


def test_rolling_up_a_dataset() -> None:
    def make(n: int) -> Callable[[], object]:
        data = _dataset(n)
        return lambda: rollup(data, "sessions", "371082", YEAR, level=Level.VILLAGE)

    # Large enough that a quadratic merge (the reporter set copied at every unit) shows: it
    # took 28× from 4,000 to 32,000 villages; one pass takes about 8×.
    _grows_linearly(make, 4000)


def test_a_rollup_table() -> None:
    def make(n: int) -> Callable[[], object]:
        data = _dataset(n)
        townships = [unit.code for unit in data.tree.units_at(Level.TOWNSHIP)]
        return lambda: rollup_table(data, ["sessions"], townships, YEAR, level=Level.VILLAGE)

    _grows_linearly(make, 1000)


def test_refusing_a_long_bad_list_is_capped() -> None:
    def refuse(n: int) -> Callable[[], object]:
        def work() -> None:
            with pytest.raises(ValidationError) as caught:
                structure({"id": "b", "voter": "v", "at": "2024-04-02T09:00:00+08:00", "picks": [1] * n}, Ballot)
            assert len(caught.value.faults) == 100
            assert caught.value.more == n - 100

        return work

    _grows_linearly(refuse, 4000)


def _villages(villages: int) -> dict[str, str]:
    """Zero-padded codes of a county's townships (100 villages each) and their villages."""
    codes = {"371082000000": "荣成市"}
    for township in range(max(1, villages // 100)):
        code = f"371082{township + 1:03d}"
        codes[f"{code}000"] = f"镇{township + 1}"
        for village in range(100):
            codes[f"{code}{village + 1:03d}"] = f"村{township + 1}-{village + 1}"
    return codes


def test_building_a_tree_from_division_codes() -> None:
    _grows_linearly(lambda n: lambda: OrgTree.from_division_codes(_villages(n)), 2000)


def test_resolving_every_village_at_once() -> None:
    def make(n: int) -> Callable[[], object]:
        tree = OrgTree.from_division_codes(_villages(n))
        villages = tree.codes_at(Level.VILLAGE)
        return lambda: tree.ancestors_at(villages, Level.TOWNSHIP)

    _grows_linearly(make, 2000)


def test_an_ancestor_look_up_does_not_grow_with_the_tree() -> None:
    # The same 2,000 look-ups in a tree of n and of 8n villages: a prefix and a read each,
    # whatever the tree's size (a scan would take 8×).
    def make(n: int) -> Callable[[], object]:
        tree = OrgTree.from_division_codes(_villages(n))
        villages = tree.codes_at(Level.VILLAGE)[:2000]

        def work() -> None:
            for code in villages:
                tree.ancestor_at(code, Level.TOWNSHIP)
            tree.ancestors_at(villages, Level.COUNTY)

        return work

    small, large = _best_time(make(2000)), _best_time(make(16000))
    assert large / small < 4, f"{small:.4f}s in a tree of 2,000 villages, {large:.4f}s in one of 16,000"
