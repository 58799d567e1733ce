"""The workflow engine (流程引擎): workflows declared as data and run by pure functions.

A :class:`Workflow` declares states (with due dates), transitions (with the roles that may
give them, whether a reason is due, the payload they carry and the guards they name) and its
guards. :func:`check` is the one gate every command passes; :class:`Case`, :func:`advance`
and :func:`replay_case` run one subject through a workflow with a complete event log, and
:func:`overdue` / :func:`falling_due` answer the deadline questions for any workflow.

The nomination lifecycle (:mod:`fulian_core.nominations`), plaques
(:mod:`fulian_core.courtyard.plaques`), 巾帼文明岗 and 公开承诺
(:mod:`fulian_core.nominations.catalog`) and rectification (:mod:`fulian_core.rectification`)
are declared on it.
"""

from fulian_core.calendars import CHINA_STANDARD_TIME, china_date
from fulian_core.workflows.actors import Actor, Role
from fulian_core.workflows.declaration import (
    BUILT_IN_GUARDS,
    MAX_DUE_COUNT,
    Attempt,
    Due,
    DueUnit,
    Guard,
    Payload,
    State,
    Transition,
    Workflow,
)
from fulian_core.workflows.engine import (
    Act,
    Case,
    CaseEvent,
    Dated,
    advance,
    advance_with,
    cases_by_unit,
    cases_of,
    check,
    events_as_of,
    falling_due,
    first_allowed,
    group_by_state,
    overdue,
    replay_case,
)

__all__ = [
    "BUILT_IN_GUARDS",
    "CHINA_STANDARD_TIME",
    "MAX_DUE_COUNT",
    "Act",
    "Actor",
    "Attempt",
    "Case",
    "CaseEvent",
    "Dated",
    "Due",
    "DueUnit",
    "Guard",
    "Payload",
    "Role",
    "State",
    "Transition",
    "Workflow",
    "advance",
    "advance_with",
    "cases_by_unit",
    "cases_of",
    "check",
    "china_date",
    "events_as_of",
    "falling_due",
    "first_allowed",
    "group_by_state",
    "overdue",
    "replay_case",
]
