"""The breakdowns 换届 reports give of a committee (执委构成), as seed 003 reports its 171
community 执委: by sector (界别), party membership (政治面貌), education (学历) and age (年龄段).

Members carry the attribute codes these breakdowns read: ``sector`` (``worker`` 妇女工作者,
``grassroots`` 基层妇女代表, ``circles`` 各界妇女代表), ``party`` (``cpc``, ``none``) and
``education`` (``bachelor`` or ``master``, ``college``, ``school``); ages come from their dates of
birth. Use them as they are or as the model for a county's own.

>>> [breakdown.title for breakdown in COMMITTEE_BREAKDOWNS]
['界别', '政治面貌', '学历', '年龄']
"""

from __future__ import annotations

from typing import Final

from fulian_core.organisation.committees import Breakdown, MemberGroup

__all__ = ["AGE_BANDS", "COMMITTEE_BREAKDOWNS", "EDUCATION", "PARTY", "SECTOR"]

SECTOR: Final = Breakdown(
    "sector",
    "界别",
    [
        MemberGroup("workers", "妇女工作者", attribute="sector", values={"worker"}),
        MemberGroup("grassroots", "基层妇女代表", attribute="sector", values={"grassroots"}),
        MemberGroup("circles", "各界妇女代表", attribute="sector", values={"circles"}),
    ],
)
"""妇女工作者 / 基层妇女代表 / 各界妇女代表."""

PARTY: Final = Breakdown(
    "party",
    "政治面貌",
    [
        MemberGroup("cpc", "中共党员", attribute="party", values={"cpc"}),
        MemberGroup("non_cpc", "非中共党员", attribute="party", values={"none"}),
    ],
)
"""中共党员 / 非中共党员."""

EDUCATION: Final = Breakdown(
    "education",
    "学历",
    [
        MemberGroup("bachelor", "本科及以上学历", attribute="education", values={"bachelor", "master"}),
        MemberGroup("college", "大专学历", attribute="education", values={"college"}),
        MemberGroup("school", "高中及以下学历", attribute="education", values={"school"}),
    ],
)
"""本科及以上 / 大专 / 高中及以下."""

AGE_BANDS: Final = Breakdown(
    "age",
    "年龄",
    [
        MemberGroup("to30", "30岁及以下", age_at_most=30),
        MemberGroup("31to40", "31-40岁", age_at_least=31, age_at_most=40),
        MemberGroup("41to50", "41-50岁", age_at_least=41, age_at_most=50),
        MemberGroup("over50", "51岁以上", age_at_least=51),
    ],
)
"""30岁及以下 / 31-40岁 / 41-50岁 / 51岁以上, in whole years on the day counted."""

COMMITTEE_BREAKDOWNS: Final = (SECTOR, PARTY, EDUCATION, AGE_BANDS)
"""The four breakdowns of seed 003's composition report, in its order."""
