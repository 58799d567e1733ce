"""Organisation building (组织建设): a federation's committee, its election (换届), its
composition report and its members' contact duties (联系包联).

A :class:`CommitteeSpec` declares the seats (主席1名、副主席2名、执委21名), the term and, as a rule
sheet of the one rule language, the composition a slate must meet; :func:`check_slate` judges a
slate; :func:`count_election` counts one round of an 等额 or 差额 election and
:func:`next_round` sets up a run-off or 另行选举; :func:`composition` writes the composition
report with shares that add to exactly 100%; :func:`contact_duties` says, as of a day, which
duties each member met, which are overdue and which are still due.
"""

from fulian_core.organisation.committees import (
    MAX_MEMBERS,
    Appointment,
    Breakdown,
    Committee,
    CommitteeSpec,
    CompositionReport,
    CompositionRow,
    Member,
    MemberGroup,
    Seat,
    check_slate,
    composition,
)
from fulian_core.organisation.duties import (
    MAX_CONTACTS,
    Contact,
    ContactPlan,
    ContactReport,
    Duty,
    DutyLine,
    DutyStatus,
    contact_duties,
)
from fulian_core.organisation.elections import (
    MAX_PAPERS,
    BallotPaper,
    Contest,
    ElectionMethod,
    ElectionResult,
    ElectionRules,
    ElectionStatus,
    InvalidPaper,
    MajorityBasis,
    Mark,
    count_election,
    next_round,
)

__all__ = [
    "MAX_CONTACTS",
    "MAX_MEMBERS",
    "MAX_PAPERS",
    "Appointment",
    "BallotPaper",
    "Breakdown",
    "Committee",
    "CommitteeSpec",
    "CompositionReport",
    "CompositionRow",
    "Contact",
    "ContactPlan",
    "ContactReport",
    "Contest",
    "Duty",
    "DutyLine",
    "DutyStatus",
    "ElectionMethod",
    "ElectionResult",
    "ElectionRules",
    "ElectionStatus",
    "InvalidPaper",
    "MajorityBasis",
    "Mark",
    "Member",
    "MemberGroup",
    "Seat",
    "check_slate",
    "composition",
    "contact_duties",
    "count_election",
    "next_round",
]
