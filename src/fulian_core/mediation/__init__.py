"""Mediation of marriage and family disputes and rights cases (巾帼调解 / 维权), on the workflow
engine: a dispute is registered from its channel (来访, 来电, 12345热线, 转办), accepted (受理),
mediated in sessions, and ends mediated successfully, referred (司法所, 法律援助) or terminated;
every outcome is followed up (回访) before the case is closed (办结). Deadlines are counted in
working days; :func:`mediation_figures` gives 调解成功率 and 按期办结率 as of any day, and
every summary, note and reason stays out of ``repr``.

>>> import datetime as dt
>>> from fulian_core.mediation import (
...     MEDIATION_WORKFLOW, Channel, Dispute, DisputeKind, FollowUp, Session, mediation_figures, open_dispute,
... )
>>> from fulian_core.workflows import Act, Actor, Role, advance
>>> from fulian_core.nominations import CHINA_STANDARD_TIME as CST
>>> staff = Actor("s1", "调解员", Role.STAFF, "371082103")
>>> dispute = Dispute("m-001", Channel.HOTLINE_12345, dt.date(2025, 3, 3), DisputeKind.MARRIAGE,
...                   "371082103201", "夫妻因赡养老人发生争执", reference="GD20250303001")
>>> case = open_dispute(MEDIATION_WORKFLOW, dispute, by=staff, at=dt.datetime(2025, 3, 3, 10, tzinfo=CST))
>>> for command, day, payload in [("accept", 4, None), ("session", 6, Session("双方到场，初步沟通")),
...                               ("resolve", 10, None), ("follow_up", 20, FollowUp(satisfied=True))]:
...     at = dt.datetime(2025, 3, day, 10, tzinfo=CST)
...     case = advance(MEDIATION_WORKFLOW, case, Act(command, staff, at, payload=payload))
>>> case.state, str(case.due)
('followed_up', 'None')
>>> mediation_figures([case], on=dt.date(2025, 3, 31)).success_rate.percent()
Decimal('100.00')
"""

from fulian_core.mediation.cases import (
    Channel,
    Dispute,
    DisputeKind,
    FollowUp,
    Referral,
    ReferralBody,
    Session,
    dispute_of,
)
from fulian_core.mediation.figures import MediationFigures, mediation_figures, mediation_figures_by_unit
from fulian_core.mediation.workflow import MEDIATION_WORKFLOW, OUTCOMES, mediation_workflow, open_dispute

__all__ = [
    "MEDIATION_WORKFLOW",
    "OUTCOMES",
    "Channel",
    "Dispute",
    "DisputeKind",
    "FollowUp",
    "MediationFigures",
    "Referral",
    "ReferralBody",
    "Session",
    "dispute_of",
    "mediation_figures",
    "mediation_figures_by_unit",
    "mediation_workflow",
    "open_dispute",
]
