"""The family risk register (重点人群与家庭风险台账) under dynamic management (动态管理), on the
workflow engine: households and persons registered by id — never by name — with their risk
categories, at a level in three colours (红色, 黄色, 绿色) whose review falls due by level;
every change of level with its reason and date; closure (销号) with its reason; and the counts
by level and category as of any day, for the indicators.

>>> import datetime as dt
>>> from fulian_core.risks import (
...     RISK_WORKFLOW, LevelChange, Registration, Review, RiskCategory, RiskSubject, open_entry, risk_figures,
... )
>>> from fulian_core.workflows import CHINA_STANDARD_TIME as CST, Act, Actor, Role, advance
>>> staff = Actor("s1", "妇联执委", Role.STAFF, "371082103201")
>>> entry = Registration("r-01", RiskSubject.HOUSEHOLD, "h-0307", "371082103201",
...                      {RiskCategory.MARRIAGE_CONFLICT}, dt.date(2025, 6, 3))
>>> case = open_entry(RISK_WORKFLOW, entry, "yellow", by=staff, at=dt.datetime(2025, 6, 3, 10, tzinfo=CST))
>>> case.state, case.due
('yellow', datetime.date(2025, 7, 3))
>>> case = advance(RISK_WORKFLOW, case, Act("red", staff, dt.datetime(2025, 6, 9, 10, tzinfo=CST),
...                reason="矛盾激化", payload=LevelChange("双方发生肢体冲突")))
>>> case.state, case.due
('red', datetime.date(2025, 6, 16))
>>> risk_figures([case], on=dt.date(2025, 6, 30)).summary()
'截至2025-06-30，累计登记1户（人），在册1户（人）（红色1、黄色0、绿色0），已销号0户（人），逾期未复核1户（人）'
"""

from fulian_core.risks.figures import RiskFigures, risk_figures, risk_figures_by_unit
from fulian_core.risks.register import (
    LevelChange,
    Registration,
    Review,
    RiskCategory,
    RiskSubject,
    ScreeningSource,
    registration_of,
)
from fulian_core.risks.workflow import LEVELS, RISK_WORKFLOW, open_entry, risk_workflow

__all__ = [
    "LEVELS",
    "RISK_WORKFLOW",
    "LevelChange",
    "Registration",
    "Review",
    "RiskCategory",
    "RiskFigures",
    "RiskSubject",
    "ScreeningSource",
    "open_entry",
    "registration_of",
    "risk_figures",
    "risk_figures_by_unit",
    "risk_workflow",
]
