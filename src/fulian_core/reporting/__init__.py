"""Reports approved up the hierarchy (数据上报审核): each unit submits its report for the period,
the unit above approves it or returns it with reasons, a unit's own report goes up only once the
reports under it are approved or excused, approval locks the values, and a rollup can count
approved data only — and says so in its coverage.

>>> import datetime as dt
>>> from fulian_core.indicators import DataValue, IndicatorSet, Indicator, rollup
>>> from fulian_core.orgs import Level, OrgTree, OrgUnit
>>> from fulian_core.periods import Period
>>> from fulian_core.quantities import Quantity, Unit
>>> from fulian_core.reporting import ReportRound, Report
>>> from fulian_core.workflows import CHINA_STANDARD_TIME as CST, Act, Actor, Role
>>> tree = OrgTree([OrgUnit("T", "城关镇", Level.TOWNSHIP), OrgUnit("V1", "东村", Level.VILLAGE, "T"),
...                 OrgUnit("V2", "西村", Level.VILLAGE, "T")])
>>> homes = Indicator("micro_homes", "妇女微家", Unit.ITEM)
>>> year = Period.year(2024)
>>> round_ = ReportRound(tree, "T", year, due=dt.date(2024, 12, 20))
>>> at = dt.datetime(2024, 12, 10, 9, tzinfo=CST)
>>> for village, count in (("V1", 3), ("V2", 2)):
...     clerk = Actor(f"c-{village}", "村妇联主席", Role.STAFF, village)
...     value = DataValue("micro_homes", village, year, Quantity.parse(f"{count}个"))
...     round_ = round_.act(village, Act("submit", clerk, at, payload=Report([value])))
>>> chair = Actor("t1", "镇妇联主席", Role.LEADER, "T")
>>> round_ = round_.act("V1", Act("approve", chair, at))
>>> data = round_.dataset(IndicatorSet([homes]))
>>> result = rollup(data, "micro_homes", "T", year, level=Level.VILLAGE, approved=round_.approved())
>>> str(result.value), str(result.coverage)
('3个', '1/2（仅含已审核数据）')
"""

from fulian_core.reporting.approval import REPORT_STATES, REPORT_WORKFLOW, ReportRound, RoundAct, report_workflow
from fulian_core.reporting.reports import Report, ReturnReasons

__all__ = ["REPORT_STATES", "REPORT_WORKFLOW", "Report", "ReportRound", "ReturnReasons", "RoundAct", "report_workflow"]
