"""Registers fulian_core's strategies with hypothesis (through its entry point).

Hypothesis calls :func:`register_type_strategies` while it is being imported, possibly from
inside ``import fulian_core.testing`` itself, so the strategies are looked up only when
``st.from_type`` first needs them.
"""

from __future__ import annotations

from typing import Any


def _deferred(name: str) -> Any:
    def resolve(_: type) -> Any:
        from fulian_core import testing  # noqa: PLC0415 - fully imported by the time from_type runs

        return getattr(testing, name)()

    return resolve


def register_type_strategies() -> None:
    """Make ``st.from_type`` work for fulian_core's public types."""
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis calls this while importing

    from fulian_core.calendars import WorkingDayCalendar  # noqa: PLC0415
    from fulian_core.courtyard import Household  # noqa: PLC0415
    from fulian_core.credit import CreditEvent, CreditRecord, CreditScheme, PointsAccount, PriceList  # noqa: PLC0415
    from fulian_core.holidays import HolidaySchedule  # noqa: PLC0415
    from fulian_core.intervals import Interval  # noqa: PLC0415
    from fulian_core.nominations import Ballot, BallotRules, Dossier, DossierRule  # noqa: PLC0415
    from fulian_core.orgs import OrgTree, OrgUnit  # noqa: PLC0415
    from fulian_core.periods import Period  # noqa: PLC0415
    from fulian_core.privacy import MobileNumber, ResidentId  # noqa: PLC0415
    from fulian_core.quantities import Quantity  # noqa: PLC0415
    from fulian_core.reported import Percentage  # noqa: PLC0415
    from fulian_core.rules import RuleSheet, Subject, Threshold  # noqa: PLC0415
    from fulian_core.schedules import Schedule  # noqa: PLC0415
    from fulian_core.shares import Ratio  # noqa: PLC0415
    from fulian_core.workflows import Actor, Due, Workflow  # noqa: PLC0415

    registrations: dict[type, str] = {
        Period: "periods",
        Quantity: "quantities",
        OrgTree: "org_trees",
        OrgUnit: "org_units",
        Schedule: "schedules",
        WorkingDayCalendar: "working_day_calendars",
        HolidaySchedule: "holiday_schedules",
        Ratio: "ratios",
        Percentage: "percentages",
        Interval: "intervals",
        ResidentId: "resident_ids",
        MobileNumber: "mobile_numbers",
        RuleSheet: "rule_sheets",
        Subject: "subjects",
        Threshold: "thresholds",
        Household: "households",
        PointsAccount: "points_accounts",
        PriceList: "price_lists",
        CreditScheme: "credit_schemes",
        CreditEvent: "credit_events",
        CreditRecord: "credit_records",
        Actor: "actors",
        Dossier: "dossiers",
        DossierRule: "dossier_rules",
        BallotRules: "ballot_rules",
        Ballot: "ballots",
        Workflow: "workflows",
        Due: "dues",
    }
    for cls, name in registrations.items():
        st.register_type_strategy(cls, _deferred(name))
