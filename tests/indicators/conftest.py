"""A small county: seed 001 篇1's township with its villages, and two townships made up beside it."""

from __future__ import annotations

import pytest

from fulian_core import OrgTree, Period, PeriodKind
from fulian_core.indicators import Indicator, IndicatorSet, RatioIndicator, TimeAggregation
from fulian_core.quantities import Unit

CODES = {
    "371082": "荣成市",
    "371082103": "人和镇",
    "371082103201": "南柳村",
    "371082103202": "北新庄村",
    "371082103203": "埠东夼村",
    "371082104": "俚岛镇",
    "371082104201": "烟墩角村",
    "371082104202": "大庄许家村",
    "371082105": "成山镇",
    "371082105201": "西霞口村",
}
YEAR = Period.year(2024)


@pytest.fixture
def tree() -> OrgTree:
    return OrgTree.from_division_codes(CODES)


def make_indicators() -> IndicatorSet:
    return IndicatorSet(
        [
            Indicator("teams", "巾帼队伍", Unit.TEAM),
            Indicator("volunteer_sessions", "志愿服务场次", Unit.SESSION),
            Indicator("monthly_sessions", "月度宣讲场次", Unit.SESSION, reported_by=PeriodKind.MONTH),
            Indicator(
                "micro_homes", "妇女微家", Unit.SITE, over_time=TimeAggregation.LAST, reported_by=PeriodKind.QUARTER
            ),
            Indicator("money_raised", "募集善款", Unit.YUAN),
            Indicator("safe_families", "平安家庭户数", Unit.HOUSEHOLD),
            Indicator("households", "总户数", Unit.HOUSEHOLD),
            Indicator("screened", "两癌筛查人数", Unit.PERSON),
            Indicator("eligible", "适龄妇女人数", Unit.PERSON),
            RatioIndicator("safe_family_share", "平安家庭占比", "safe_families", "households"),
            RatioIndicator("screening_coverage", "两癌筛查覆盖率", "screened", "eligible"),
        ]
    )


@pytest.fixture
def indicators() -> IndicatorSet:
    return make_indicators()
