"""Credit schemes (信用积分 / 信用评价 / 积分超市 / 文明银行) as rules with time.

A :class:`CreditScheme` states items that add or deduct points, direct grades, validity
periods, caps, tiers and grade bands; a :class:`CreditRecord` holds a subject's recorded acts
and repairs; :func:`credit_standing` gives the score and grade as of a date with every entry
explained. The grades are bands of the one rule language. :class:`CreditLinks` declare how
courtyard results and awards become entries (:func:`linked_events`).
"""

from fulian_core.credit.links import BandLink, CheckLink, CreditLinks, PlaqueLink, TitleLink, linked_events
from fulian_core.credit.record import MAX_ENTRIES, CreditEvent, CreditRecord, CreditRepair
from fulian_core.credit.scheme import (
    MAX_POINTS,
    CreditItem,
    CreditScheme,
    LocalLimits,
    PointsUnit,
    Step,
    Term,
    ValidityRule,
)
from fulian_core.credit.standing import (
    CreditLine,
    CreditStanding,
    EntryStatus,
    NextChange,
    credit_standing,
    grade_history,
)

__all__ = [
    "MAX_ENTRIES",
    "MAX_POINTS",
    "BandLink",
    "CheckLink",
    "CreditEvent",
    "CreditItem",
    "CreditLine",
    "CreditLinks",
    "CreditRecord",
    "CreditRepair",
    "CreditScheme",
    "CreditStanding",
    "EntryStatus",
    "LocalLimits",
    "NextChange",
    "PlaqueLink",
    "PointsUnit",
    "Step",
    "Term",
    "TitleLink",
    "ValidityRule",
    "credit_standing",
    "grade_history",
    "linked_events",
]
