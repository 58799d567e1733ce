"""Auditing a report (报告核查): declarations of how its figures relate, checked into findings.

>>> from fulian_core.audit import PartsOfWhole, Nesting, audit_report
>>> text = "共计创建3304户，其中示范户3304户、精品户1453户"
>>> parts = ["示范户3304户", "精品户1453户"]
>>> audit_report(text, [PartsOfWhole(parts, "共计创建3304户", nesting=Nesting.NESTED)])
()
>>> [finding] = audit_report(text, [PartsOfWhole(parts, "共计创建3304户")])
>>> print(finding)  # io-ok: a doctest shows the sentence
3304户、1453户合计4757户，超过整体3304户（各部分互不重叠）
"""

from fulian_core.audit.checks import ReportFinding, audit, audit_report
from fulian_core.audit.declarations import (
    Compare,
    CountFromRate,
    Declaration,
    FigureRef,
    Nesting,
    PartsOfWhole,
    PointsChange,
    SameBase,
    ShareOf,
    SharesSum,
    Stated,
)

__all__ = [
    "Compare",
    "CountFromRate",
    "Declaration",
    "FigureRef",
    "Nesting",
    "PartsOfWhole",
    "PointsChange",
    "ReportFinding",
    "SameBase",
    "ShareOf",
    "SharesSum",
    "Stated",
    "audit",
    "audit_report",
]
