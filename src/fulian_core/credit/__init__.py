"""Credit schemes (信用积分 / 信用评价 / 积分超市 / 文明银行) as rules with time.

A :class:`CreditScheme` states items that add or deduct points, direct grades, validity
periods, caps, tiers and grade bands; a :class:`CreditRecord` holds a subject's recorded acts
and repairs; :func:`credit_standing` gives the score and grade as of a date with every entry
explained. The grades are bands of the one rule language. :class:`CreditLinks` declare how
courtyard results and awards become entries (:func:`linked_events`).

The credit supermarket (巾帼信用超市) is here too, apart from the score: a
:class:`PointsAccount` (积分存折) earns points (:func:`earn_from` credits the bonuses a standing
counts) and spends them on the goods of a :class:`PriceList` (:func:`redeem`), in the rhythm
of a :class:`ShopCycle`.
"""

from fulian_core.credit.links import BandLink, CheckLink, CreditLinks, PlaqueLink, TitleLink, linked_events
from fulian_core.credit.points import (
    MAX_ACCOUNT_ENTRIES,
    Booklet,
    BookletRow,
    PointsAccount,
    PointsEntry,
    PointsEntryKind,
    booklet,
    earn_from,
)
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
from fulian_core.credit.shop import MAX_GOODS, Goods, PriceList, ShopCycle, redeem
from fulian_core.credit.standing import (
    CreditLine,
    CreditStanding,
    EntryStatus,
    NextChange,
    credit_standing,
    grade_history,
)

__all__ = [
    "MAX_ACCOUNT_ENTRIES",
    "MAX_ENTRIES",
    "MAX_GOODS",
    "MAX_POINTS",
    "BandLink",
    "Booklet",
    "BookletRow",
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
    "Goods",
    "LocalLimits",
    "NextChange",
    "PlaqueLink",
    "PointsAccount",
    "PointsEntry",
    "PointsEntryKind",
    "PointsUnit",
    "PriceList",
    "ShopCycle",
    "Step",
    "Term",
    "TitleLink",
    "ValidityRule",
    "booklet",
    "credit_standing",
    "earn_from",
    "grade_history",
    "linked_events",
    "redeem",
]
