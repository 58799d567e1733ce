"""Credit schemes shipped as data (信用积分办法示例).

:data:`DISTRICT_HOUSEHOLD_CREDIT` is *illustrative*: its shape follows the credit schemes that
districts and counties publish for households (社会成员信用积分和信用评价管理办法,
家美积分超市管理办法, 文明银行/道德银行 rules) — a 千分制 starting score, bonuses for courtyard
titles and awards by level, deductions for offences with validity by size, repeats at double,
direct grades with repair, caps, tiers and local items — but its numbers are examples, not
any one county's. A county writes its own, or starts from this one and adds local items with
:meth:`~fulian_core.credit.CreditScheme.adapt`.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from fulian_core.credit.scheme import CreditItem, CreditScheme, LocalLimits, PointsUnit, Step, Term, ValidityRule
from fulian_core.orgs import Level
from fulian_core.periods import PeriodKind
from fulian_core.rules import Band, ItemKind, OverrideEffect, SubjectKind

__all__ = ["DISTRICT_HOUSEHOLD_CREDIT"]

_BONUS: Final = ItemKind.BONUS
_DEDUCTION: Final = ItemKind.DEDUCTION
_DIRECT: Final = ItemKind.OVERRIDE

DISTRICT_HOUSEHOLD_CREDIT: Final = CreditScheme(
    issuer="371082",
    code="household_credit",
    version="2025",
    title="农户家庭信用积分和信用评价办法（示例）",
    effective_from=dt.date(2025, 1, 1),
    subject=SubjectKind.HOUSEHOLD,
    start=1000,
    items=[
        # 加分项: the work itself earns points (美丽庭院, 最美家庭, 志愿服务).
        CreditItem(
            "courtyard_boutique", "美丽庭院精品户", _BONUS, points=2, unit=PointsUnit.MEMBER, period=PeriodKind.QUARTER
        ),
        CreditItem(
            "courtyard_demonstration",
            "美丽庭院示范户",
            _BONUS,
            points=1,
            unit=PointsUnit.MEMBER,
            period=PeriodKind.QUARTER,
        ),
        CreditItem("family_award_national", "全国最美家庭", _BONUS, points=100, level=Level.NATIONAL),
        CreditItem("family_award_province", "省级最美家庭", _BONUS, points=50, level=Level.PROVINCE),
        CreditItem("family_award_city", "市级最美家庭", _BONUS, points=30, level=Level.CITY),
        CreditItem("family_award_county", "县级最美家庭", _BONUS, points=20, level=Level.COUNTY),
        CreditItem("family_award_township", "镇级最美家庭", _BONUS, points=10, level=Level.TOWNSHIP),
        CreditItem(
            "volunteer_session",
            "参加巾帼志愿服务",
            _BONUS,
            points=1,
            unit=PointsUnit.OCCURRENCE,
            cap=12,
            cap_period=PeriodKind.YEAR,
        ),
        CreditItem(
            "volunteer_hours",
            "志愿服务时长",
            _BONUS,
            unit=PointsUnit.STEP,
            steps=[Step("100以上", 20), Step("50以上", 10), Step("20以上", 5)],
        ),
        CreditItem("good_deed", "见义勇为、助人为乐事迹经核实", _BONUS, points=50),
        # 扣分项: validity by size (see the rules below); the same offence again within validity at double.
        CreditItem("burning_straw", "焚烧秸秆、垃圾", _DEDUCTION, points=3, unit=PointsUnit.OCCURRENCE),
        CreditItem("littering", "乱堆乱放、乱扔乱倒", _DEDUCTION, points=2, unit=PointsUnit.OCCURRENCE),
        CreditItem("courtyard_removed", "美丽庭院复查不达标被摘牌", _DEDUCTION, points=5),
        CreditItem("illegal_building", "违法建设未拆除", _DEDUCTION, points=20, continuing=True),
        CreditItem("elder_neglect", "不履行赡养义务", _DEDUCTION, points=30, continuing=True),
        CreditItem("domestic_violence", "实施家庭暴力被公安机关告诫", _DEDUCTION, points=50),
        # 直接评定: whatever the score, for the term; bonuses meanwhile recorded but not counted.
        CreditItem(
            "dishonest_debtor",
            "被列入失信被执行人名单",
            _DIRECT,
            target="D",
            repair_points=50,
            repair_term=Term.years(1),
        ),
        CreditItem(
            "serious_penalty",
            "受到较重行政处罚",
            _DIRECT,
            target="C",
            effect=OverrideEffect.CAP,
            repair_points=30,
            repair_term=Term.months(6),
        ),
        CreditItem("criminal_sentence", "因故意犯罪被判处刑罚", _DIRECT, target="D", validity=Term.years(5)),
    ],
    bands=[
        Band("AAA", "AAA级（诚信模范）", "1050以上"),
        Band("AA", "AA级（诚信优秀）", "1020以上"),
        Band("A", "A级（诚信）", "1000以上"),
        Band("B", "B级（基本诚信）", "950以上"),
        Band("C", "C级（诚信警示）", "900以上"),
        Band("D", "D级（失信）"),
    ],
    validity=[
        ValidityRule([_DEDUCTION], Term.years(1), sizes=["10以下"]),
        ValidityRule([_DEDUCTION], Term.years(2), sizes=["50以下（不含）"]),
        ValidityRule([_DEDUCTION], Term.years(3)),
        ValidityRule([_BONUS], Term.years(5), levels=[Level.NATIONAL]),
        ValidityRule([_BONUS], Term.years(3), levels=[Level.PROVINCE]),
        ValidityRule([_BONUS], Term.years(2), levels=[Level.CITY]),
        ValidityRule([_BONUS], Term.years(1)),
        ValidityRule([_DIRECT], Term.years(3)),
    ],
    bonus_cap=100,
    bonus_cap_period=PeriodKind.YEAR,
    local=LocalLimits(items=5, points=10),
    source=(
        "示例：按区县社会成员信用积分和信用评价管理办法、家美积分超市管理办法的通行结构编写"
        "（千分制、分级有效期、再犯加倍、直接评级与信用修复），分值为示例，非某一地区的规定"
    ),
    illustrative=True,
)
"""An illustrative district-style household credit scheme (千分制; AAA 1050以上 … D级): bonuses
for 美丽庭院 titles per member per quarter and 最美家庭 awards by level; deductions valid 1, 2
or 3 years by size; direct grades (失信被执行人 → D, repairable for a 50-point deduction kept a
year; 较重行政处罚 caps at C; 故意犯罪 → D for 5 years); bonuses capped at 100 a year;
villages may add up to 5 local items of at most 10 points."""
