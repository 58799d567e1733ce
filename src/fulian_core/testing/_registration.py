"""Registers fulian_core's strategies with hypothesis (through its entry point)."""

from __future__ import annotations


def register_type_strategies() -> None:
    """Make ``st.from_type`` work for fulian_core's public types."""
    from hypothesis import strategies as st  # noqa: PLC0415 - hypothesis calls this while importing

    from fulian_core import testing  # noqa: PLC0415
    from fulian_core.calendars import WorkingDayCalendar  # noqa: PLC0415
    from fulian_core.holidays import HolidaySchedule  # noqa: PLC0415
    from fulian_core.orgs import OrgTree, OrgUnit  # noqa: PLC0415
    from fulian_core.periods import Period  # noqa: PLC0415
    from fulian_core.privacy import MobileNumber, ResidentId  # noqa: PLC0415
    from fulian_core.quantities import Quantity  # noqa: PLC0415
    from fulian_core.schedules import Schedule  # noqa: PLC0415
    from fulian_core.shares import Ratio  # noqa: PLC0415

    st.register_type_strategy(Period, testing.periods())
    st.register_type_strategy(Quantity, testing.quantities())
    st.register_type_strategy(OrgTree, testing.org_trees())
    st.register_type_strategy(OrgUnit, testing.org_units())
    st.register_type_strategy(Schedule, testing.schedules())
    st.register_type_strategy(WorkingDayCalendar, testing.working_day_calendars())
    st.register_type_strategy(HolidaySchedule, testing.holiday_schedules())
    st.register_type_strategy(Ratio, testing.ratios())
    st.register_type_strategy(ResidentId, testing.resident_ids())
    st.register_type_strategy(MobileNumber, testing.mobile_numbers())
