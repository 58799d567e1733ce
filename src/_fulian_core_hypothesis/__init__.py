"""Registers fulian_core's strategies with hypothesis (its ``hypothesis`` entry point), cheaply.

Hypothesis runs every installed entry point whenever it is imported, in every test session of
the environment, so this module lives outside the ``fulian_core`` package (importing it runs
no ``fulian_core/__init__.py``) and imports nothing of fulian_core. A type can only be asked
for (``st.from_type(Period)``) once its module has been imported; so each type is registered
when its module finishes importing (or at once, if it already has), and the strategy itself,
from :mod:`fulian_core.testing`, is built only when ``st.from_type`` first needs it.
"""

from __future__ import annotations

import importlib
import importlib.abc
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType
from typing import Any, Final

#: The type each strategy of :mod:`fulian_core.testing` draws, where the type is defined:
#: (module, class) -> strategy. A test checks this against the types themselves.
STRATEGIES: Final[Mapping[tuple[str, str], str]] = {
    ("fulian_core.periods", "Period"): "periods",
    ("fulian_core.quantities", "Quantity"): "quantities",
    ("fulian_core.orgs", "OrgTree"): "org_trees",
    ("fulian_core.orgs", "OrgUnit"): "org_units",
    ("fulian_core.schedules", "Schedule"): "schedules",
    ("fulian_core.calendars", "WorkingDayCalendar"): "working_day_calendars",
    ("fulian_core.holidays", "HolidaySchedule"): "holiday_schedules",
    ("fulian_core.shares", "Ratio"): "ratios",
    ("fulian_core.reported", "Percentage"): "percentages",
    ("fulian_core.intervals", "Interval"): "intervals",
    ("fulian_core.privacy", "ResidentId"): "resident_ids",
    ("fulian_core.privacy", "MobileNumber"): "mobile_numbers",
    ("fulian_core.rules.sheet", "RuleSheet"): "rule_sheets",
    ("fulian_core.rules.facts", "Subject"): "subjects",
    ("fulian_core.rules.thresholds", "Threshold"): "thresholds",
    ("fulian_core.courtyard.inspection", "Household"): "households",
    ("fulian_core.credit.points", "PointsAccount"): "points_accounts",
    ("fulian_core.credit.shop", "PriceList"): "price_lists",
    ("fulian_core.credit.scheme", "CreditScheme"): "credit_schemes",
    ("fulian_core.credit.record", "CreditEvent"): "credit_events",
    ("fulian_core.credit.record", "CreditRecord"): "credit_records",
    ("fulian_core.workflows.actors", "Actor"): "actors",
    ("fulian_core.nominations.dossier", "Dossier"): "dossiers",
    ("fulian_core.nominations.dossier", "DossierRule"): "dossier_rules",
    ("fulian_core.nominations.voting", "BallotRules"): "ballot_rules",
    ("fulian_core.nominations.voting", "Ballot"): "ballots",
    ("fulian_core.workflows.declaration", "Workflow"): "workflows",
    ("fulian_core.workflows.declaration", "Due"): "dues",
    ("fulian_core.reporting.approval", "ReportRound"): "report_rounds",
}

_BY_MODULE: Final[Mapping[str, Sequence[tuple[str, str]]]] = {
    module: [(cls, strategy) for (home, cls), strategy in STRATEGIES.items() if home == module]
    for module, _ in STRATEGIES
}


def register_type_strategies() -> None:
    """Make ``st.from_type`` work for fulian_core's public types (idempotent).

    Registers the types of the modules already imported, and watches the imports for the rest.
    """
    for name in _BY_MODULE:
        module = sys.modules.get(name)
        if module is not None:
            _register(module)
    if not any(isinstance(finder, _RegisterOnImport) for finder in sys.meta_path):
        sys.meta_path.insert(0, _RegisterOnImport())


def _register(module: ModuleType) -> None:
    from hypothesis import strategies as st  # noqa: PLC0415 - imported by the time anything registers

    for cls_name, strategy in _BY_MODULE[module.__name__]:
        cls = getattr(module, cls_name, None)
        if isinstance(cls, type):
            st.register_type_strategy(cls, _deferred(strategy))


def _deferred(name: str) -> Callable[[type], Any]:
    def resolve(_: type) -> Any:
        # Imported here: fulian_core.testing is heavy (every capability), and may itself be
        # importing hypothesis when registration happens.
        testing = importlib.import_module("fulian_core.testing")
        return getattr(testing, name)()

    return resolve


class _RegisterOnImport(importlib.abc.MetaPathFinder):
    """Finds nothing itself: asks the other finders, and has the types of a watched module
    registered once the module has run."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in _BY_MODULE:
            return None
        for finder in sys.meta_path:
            if isinstance(finder, _RegisterOnImport) or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _RegisteringLoader(spec.loader)
                return spec
        return None


class _RegisteringLoader(importlib.abc.Loader):
    """The module's own loader, registering the module's types after running it."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self._loader = loader

    def __getattr__(self, name: str) -> Any:
        # get_source, get_resource_reader, is_package...: the real loader answers.
        return getattr(self._loader, name)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._loader.exec_module(module)
        _register(module)
