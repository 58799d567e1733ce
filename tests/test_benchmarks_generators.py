"""The benchmarks' data generators make what they promise at every size (they live outside the
package, in benchmarks/, and are loaded from there by path)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from fulian_core.nominations import OpenNotice, replay

_BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_benchmark_{name}", _BENCHMARKS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workflow() -> ModuleType:
    return _load("workflow")


# 350 nominations open four notices at the first level: the old ids ran into each other at the
# second ("notice-4" twice).
@pytest.mark.parametrize("nominations", [1, 99, 350])
def test_make_log_gives_every_nomination_a_full_lifecycle(workflow: ModuleType, nominations: int) -> None:
    campaign, log = workflow.make_log(nominations, 20241231)
    notices = [event.command.payload.notice for event in log if isinstance(event.command.payload, OpenNotice)]
    assert len(notices) == len(set(notices))
    # One notice per hundred nominations of a unit, at each of the two levels.
    communities = max(1, nominations // 1000)
    assert len(notices) >= 2 * -(-nominations // 100)
    assert len(notices) <= 2 * (communities + nominations // 100)
    state = replay(campaign, log)
    statuses = {nomination.status.code for nomination in state.nomination_map.values()}
    assert len(state.nomination_map) == nominations
    assert statuses == {"awarded"}
    pairs = workflow.flatten(log)
    assert sum(1 for _, command in pairs if command == "open_notice") == 2 * nominations
