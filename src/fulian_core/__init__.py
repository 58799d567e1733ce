"""fulian_core: the domain of China's women's federations (妇联) as values and rules.

The kernel: the organisation hierarchy (:class:`OrgTree`), periods and schedules
(:class:`Period`, :class:`Schedule`, :class:`WorkingDayCalendar`), reported figures
(:class:`Quantity`) and reported percentages (:class:`Percentage`), shares (:func:`percentage_shares`), personal data
(:class:`ResidentId`, :func:`mask_name`), the one rule language for published rules
(:class:`RuleSheet`, :class:`Fact`, :func:`evaluate`; the rest in :mod:`fulian_core.rules`),
one converter for plain data (:func:`structure`, :func:`unstructure`), and tidy records
of results for pandas (:func:`records`, :func:`to_frame`). Pure: no I/O, no
clock, no hidden randomness.
"""

from fulian_core.calendars import CHINA_STANDARD_TIME, WorkingDayCalendar, china_date
from fulian_core.errors import (
    FAULT_CODES,
    MAX_FAULTS,
    CalendarRangeError,
    DefinitionError,
    Fault,
    FaultCode,
    FulianError,
    HierarchyError,
    InsufficientCreditError,
    TransitionRefused,
    UnitMismatchError,
    UnknownCommandError,
    UnknownUnitError,
    ValidationError,
)
from fulian_core.holidays import OFFICIAL_SCHEDULES, Amendment, Holiday, HolidaySchedule, china_calendar
from fulian_core.intervals import Interval
from fulian_core.orgs import (
    Level,
    OrgKind,
    OrgTree,
    OrgUnit,
    division_level,
    normalize_division_code,
    pad_division_code,
)
from fulian_core.periods import Period, PeriodKind
from fulian_core.privacy import (
    MobileNumber,
    ResidentId,
    mask_mobile,
    mask_name,
    mask_resident_id,
    redact_text,
    resident_id_check_character,
)
from fulian_core.quantities import (
    Bounds,
    Comparison,
    FoundFigure,
    Notation,
    Per,
    Qualifier,
    Quantity,
    Unit,
    find_figures,
)
from fulian_core.reported import (
    FoundPercentage,
    Percentage,
    PercentUnit,
    find_percentages,
    implied_base,
    implied_count,
    points_change,
)
from fulian_core.rules import Fact, RuleSheet, Subject, Threshold, compile_sheet, evaluate
from fulian_core.schedules import Cadence, Schedule
from fulian_core.schema import json_schema
from fulian_core.serialization import (
    configure_converter,
    converter,
    make_converter,
    structure,
    structure_case,
    unstructure,
)
from fulian_core.shares import (
    Ratio,
    labelled_percentage_shares,
    largest_remainder,
    percentage_shares,
)
from fulian_core.tabular import Cell, Record, Tabular, records, to_frame

__version__ = "0.1.0"

__all__ = [
    "CHINA_STANDARD_TIME",
    "FAULT_CODES",
    "MAX_FAULTS",
    "OFFICIAL_SCHEDULES",
    "Amendment",
    "Bounds",
    "Cadence",
    "CalendarRangeError",
    "Cell",
    "Comparison",
    "DefinitionError",
    "Fact",
    "Fault",
    "FaultCode",
    "FoundFigure",
    "FoundPercentage",
    "FulianError",
    "HierarchyError",
    "Holiday",
    "HolidaySchedule",
    "InsufficientCreditError",
    "Interval",
    "Level",
    "MobileNumber",
    "Notation",
    "OrgKind",
    "OrgTree",
    "OrgUnit",
    "Per",
    "PercentUnit",
    "Percentage",
    "Period",
    "PeriodKind",
    "Qualifier",
    "Quantity",
    "Ratio",
    "Record",
    "ResidentId",
    "RuleSheet",
    "Schedule",
    "Subject",
    "Tabular",
    "Threshold",
    "TransitionRefused",
    "Unit",
    "UnitMismatchError",
    "UnknownCommandError",
    "UnknownUnitError",
    "ValidationError",
    "WorkingDayCalendar",
    "__version__",
    "china_calendar",
    "china_date",
    "compile_sheet",
    "configure_converter",
    "converter",
    "division_level",
    "evaluate",
    "find_figures",
    "find_percentages",
    "implied_base",
    "implied_count",
    "json_schema",
    "labelled_percentage_shares",
    "largest_remainder",
    "make_converter",
    "mask_mobile",
    "mask_name",
    "mask_resident_id",
    "normalize_division_code",
    "pad_division_code",
    "percentage_shares",
    "points_change",
    "records",
    "redact_text",
    "resident_id_check_character",
    "structure",
    "structure_case",
    "to_frame",
    "unstructure",
]
