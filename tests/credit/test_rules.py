"""Hand-computed credit standings (信用积分): every rule of a published scheme, each on both sides
of a validity boundary (the last day an entry counts and the day after), for a person (个人)
scheme and a household (农户) scheme, with the Chinese lines asserted as written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from fulian_core.credit import (
    CreditEvent,
    CreditItem,
    CreditRecord,
    CreditRepair,
    CreditScheme,
    CreditStanding,
    EntryStatus,
    LocalLimits,
    PointsUnit,
    Step,
    Term,
    ValidityRule,
    credit_standing,
    grade_history,
)
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.orgs import Level
from fulian_core.periods import PeriodKind
from fulian_core.rules import Band, Boundary, ItemKind, OverrideEffect, Subject, SubjectKind

D = dt.date

# -- a person scheme (个人信用积分，百分制) --------------------------------------------------------

PERSON_ITEMS = [
    CreditItem("burn", "焚烧秸秆", ItemKind.DEDUCTION, 3),
    CreditItem("litter", "乱扔垃圾", ItemKind.DEDUCTION, 2),
    CreditItem("fight", "打架斗殴", ItemKind.DEDUCTION, 8),
    CreditItem("build", "违章搭建", ItemKind.DEDUCTION, 10, continuing=True),
    CreditItem("crime", "违法犯罪", ItemKind.OVERRIDE, target="D", repair_points=20, repair_term=Term.years(1)),
    CreditItem("owe", "失信被执行", ItemKind.OVERRIDE, target="C", validity=Term.years(2)),
    CreditItem("county", "获得县级表彰", ItemKind.BONUS, 5, level=Level.COUNTY),
    CreditItem("national", "获得国家级表彰", ItemKind.BONUS, 10, level=Level.NATIONAL),
    CreditItem(
        "volunteer",
        "志愿服务",
        ItemKind.BONUS,
        unit=PointsUnit.STEP,
        steps=[Step("100以上", 10), Step("50以上", 5), Step("20以上", 2)],
    ),
    CreditItem("help", "邻里互助", ItemKind.BONUS, 1, unit=PointsUnit.OCCURRENCE, cap=3, cap_period=PeriodKind.MONTH),
    CreditItem("noise", "噪音扰民", ItemKind.DEDUCTION, 3, unit=PointsUnit.OCCURRENCE),
]
PERSON = CreditScheme(
    issuer="371082",
    code="grxy",
    version="2025",
    title="个人信用积分管理办法",
    effective_from=D(2025, 1, 1),
    items=PERSON_ITEMS,
    bands=[Band("A", "A级", "90分以上"), Band("B", "B级", "80分以上"), Band("C", "C级", "60分以上"), Band("D", "D级")],
    validity=[
        ValidityRule([ItemKind.DEDUCTION], Term.years(1), sizes=["10分以下"]),
        ValidityRule([ItemKind.DEDUCTION], Term.years(2)),
        ValidityRule([ItemKind.OVERRIDE], Term.years(3)),
        ValidityRule([ItemKind.BONUS], Term.years(5), levels=[Level.NATIONAL, Level.PROVINCE]),
        ValidityRule([ItemKind.BONUS], Term.years(1)),
    ],
    subject=SubjectKind.PERSON,
    local=LocalLimits(2, 5),
    source="示例：某县个人信用积分管理办法",
    illustrative=True,
)
WANG = Subject("p-1", "王秀英", SubjectKind.PERSON)

# -- a household scheme (农户信用积分，千分制) ------------------------------------------------------

HOUSEHOLD_ITEMS = [
    CreditItem("mess", "庭院物品摆放杂乱", ItemKind.DEDUCTION, 20),
    CreditItem("grease", "厨房墙壁油污", ItemKind.DEDUCTION, 10),
    CreditItem("burn", "焚烧秸秆", ItemKind.DEDUCTION, 30, validity=Term.months(6)),
    CreditItem("dump", "占道堆放", ItemKind.DEDUCTION, 40, continuing=True),
    CreditItem("violence", "家庭暴力", ItemKind.OVERRIDE, target="D", repair_points=100, repair_term=Term.months(6)),
    CreditItem("arrears", "拖欠村集体款项", ItemKind.OVERRIDE, target="B", effect=OverrideEffect.CAP),
    CreditItem("courtyard", "美丽庭院示范户", ItemKind.BONUS, 50, validity=Term.months(6)),
    CreditItem("family", "最美家庭", ItemKind.BONUS, 80),
    CreditItem("training", "参加技能培训", ItemKind.BONUS, 10, unit=PointsUnit.MEMBER, period=PeriodKind.QUARTER),
]
HOUSEHOLD = CreditScheme(
    issuer="371082103",
    code="nhxy",
    version="v1",
    title="农户信用积分管理办法",
    effective_from=D(2025, 1, 1),
    items=HOUSEHOLD_ITEMS,
    bands=[
        Band("AAA", "AAA级", "1100分以上"),
        Band("AA", "AA级", "1000分以上"),
        Band("B", "B级", "900分以上"),
        Band("C", "C级", "800分以上"),
        Band("D", "D级"),
    ],
    validity=[
        ValidityRule([ItemKind.DEDUCTION, ItemKind.BONUS], Term.years(1)),
        ValidityRule([ItemKind.OVERRIDE], Term.years(2)),
    ],
    subject=SubjectKind.HOUSEHOLD,
    start=1000,
    ceiling=1150,
    bonus_cap=100,
    bonus_cap_period=PeriodKind.YEAR,
    source="示例：某镇农户信用积分管理办法",
    illustrative=True,
)
HOME = Subject("h-1", "李*梅", SubjectKind.HOUSEHOLD)


def person(*events: CreditEvent, repairs: tuple[CreditRepair, ...] = ()) -> CreditRecord:
    return CreditRecord(WANG, events, repairs)


def household(*events: CreditEvent, repairs: tuple[CreditRepair, ...] = ()) -> CreditRecord:
    return CreditRecord(HOME, events, repairs)


def event(id_: str, day: dt.date, *items: str, **more: object) -> CreditEvent:
    return CreditEvent(id_, day, items, **more)  # type: ignore[arg-type]


def summary(standing: CreditStanding) -> tuple[Decimal, str, tuple[str, ...]]:
    return standing.score, standing.grade.code, tuple(line.status.code for line in standing.lines)


# -- validity: by kind, size and award level; expired entries stay, the day after ------------


def test_a_deduction_counts_to_the_last_day_of_its_term_and_stays_in_the_record_after() -> None:
    record = person(event("e1", D(2025, 6, 2), "burn"))
    last = credit_standing(PERSON, record, on=D(2026, 6, 1))
    after = credit_standing(PERSON, record, on=D(2026, 6, 2))
    assert summary(last) == (Decimal(97), "A", ("counts",))
    assert summary(after) == (Decimal(100), "A", ("expired",))
    assert last.lines[0].render() == "2025-06-02 焚烧秸秆 −3分，有效至2026-06-01"
    assert after.lines[0].render() == "2025-06-02 焚烧秸秆 −3分，有效至2026-06-01（已过有效期）"
    assert after.counting == ()


def test_the_term_follows_the_size_of_the_deduction() -> None:
    record = person(event("e1", D(2025, 3, 1), "fight"), event("e2", D(2025, 4, 1), "fight"))
    standing = credit_standing(PERSON, record, on=D(2025, 4, 1))
    assert [line.valid_until for line in standing.lines] == [D(2026, 2, 28), D(2027, 3, 31)]  # 8分 1年, 16分 2年
    assert credit_standing(PERSON, record, on=D(2027, 3, 31)).score == 84
    assert credit_standing(PERSON, record, on=D(2027, 4, 1)).score == 100


def test_the_term_follows_the_level_of_the_award_behind_a_bonus() -> None:
    record = person(event("e1", D(2025, 1, 10), "national"), event("e2", D(2025, 1, 10), "county"))
    assert credit_standing(PERSON, record, on=D(2026, 1, 9)).computed == 115
    assert credit_standing(PERSON, record, on=D(2026, 1, 10)).computed == 110
    assert credit_standing(PERSON, record, on=D(2030, 1, 9)).computed == 110
    assert credit_standing(PERSON, record, on=D(2030, 1, 10)).computed == 100


def test_household_entries_expire_by_the_items_own_term_before_the_schemes() -> None:
    record = household(event("e1", D(2025, 3, 1), "burn"), event("e2", D(2025, 3, 1), "grease"))
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2025, 8, 31))) == (Decimal(960), "B", ("counts", "counts"))
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2025, 9, 1))) == (Decimal(990), "B", ("expired", "counts"))
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2026, 3, 1))) == (
        Decimal(1000),
        "AA",
        ("expired", "expired"),
    )


# -- one act, several items: the largest, never the sum ----------------------------------------


def test_one_act_that_fits_several_deductions_takes_the_largest() -> None:
    record = person(event("e1", D(2025, 5, 1), "litter", "burn"))
    for on, score in ((D(2026, 4, 30), 97), (D(2026, 5, 1), 100)):
        standing = credit_standing(PERSON, record, on=on)
        assert standing.score == score
        assert [line.item for line in standing.lines] == ["burn"]


def test_one_household_act_that_fits_several_deductions_takes_the_largest() -> None:
    record = household(event("e1", D(2025, 5, 1), "grease", "mess"))
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 4, 30)).score == 980
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 5, 1)).score == 1000


def test_one_act_that_fits_a_direct_grade_and_a_deduction_counts_the_direct_grade_only() -> None:
    record = person(event("e1", D(2025, 5, 1), "fight", "crime"))
    standing = credit_standing(PERSON, record, on=D(2025, 5, 1))
    assert summary(standing) == (Decimal(0), "D", ("counts",))
    assert standing.computed == 100
    assert standing.lines[0].render() == "2025-05-01 违法犯罪 直接评定为D级，有效至2028-04-30"


def test_one_act_that_fits_several_bonuses_takes_the_largest() -> None:
    record = person(event("e1", D(2025, 5, 1), "county", "national"))
    standing = credit_standing(PERSON, record, on=D(2025, 5, 1))
    assert standing.computed == 110
    assert [line.item for line in standing.lines] == ["national"]


def test_one_household_act_that_fits_several_bonuses_takes_the_largest_to_its_last_day() -> None:
    record = household(event("e1", D(2025, 5, 1), "courtyard", "family"))  # 50 (6 months) and 80 (1 year)
    for on, score, status in ((D(2026, 4, 30), Decimal(1080), "counts"), (D(2026, 5, 1), Decimal(1000), "expired")):
        standing = credit_standing(HOUSEHOLD, record, on=on)
        assert (standing.score, [(line.item, line.status.code) for line in standing.lines]) == (
            score,
            [("family", status)],
        )


def test_one_household_act_that_fits_a_direct_grade_and_a_deduction_counts_the_direct_grade_only() -> None:
    record = household(event("e1", D(2025, 5, 1), "mess", "violence"))
    for on, grade in ((D(2027, 4, 30), "D"), (D(2027, 5, 1), "AA")):
        standing = credit_standing(HOUSEHOLD, record, on=on)
        assert [line.item for line in standing.lines] == ["violence"]
        assert (standing.computed, standing.grade.code) == (Decimal(1000), grade)  # the deduction never counts


def test_one_act_with_a_deduction_and_a_bonus_counts_both() -> None:
    record = household(event("e1", D(2025, 5, 1), "mess", "grease", "family", "courtyard"))
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 5, 1))
    assert [(line.item, line.counted) for line in standing.lines] == [("mess", Decimal(-20)), ("family", Decimal(80))]
    assert standing.score == 1060


# -- repeats within validity: doubled (再犯加倍) -------------------------------------------------


def test_a_repeat_on_the_last_valid_day_of_the_first_is_doubled_and_the_day_after_is_not() -> None:
    first = event("e1", D(2025, 6, 2), "burn")  # valid to 2026-06-01
    within = person(first, event("e2", D(2026, 6, 1), "burn"))
    after = person(first, event("e2", D(2026, 6, 2), "burn"))
    assert credit_standing(PERSON, within, on=D(2026, 6, 1)).lines[1].render() == (
        "2026-06-01 焚烧秸秆 −3分（有效期内再犯加倍 −6分），有效至2027-05-31"
    )
    assert credit_standing(PERSON, within, on=D(2026, 6, 1)).score == 91
    assert credit_standing(PERSON, after, on=D(2026, 6, 2)).lines[1].render() == (
        "2026-06-02 焚烧秸秆 −3分，有效至2027-06-01"
    )
    assert credit_standing(PERSON, after, on=D(2026, 6, 2)).score == 97


def test_the_issues_example_line() -> None:
    record = person(event("e1", D(2025, 3, 1), "burn"), event("e2", D(2025, 6, 2), "burn"))
    standing = credit_standing(PERSON, record, on=D(2025, 6, 2))
    assert standing.lines[1].render() == "2025-06-02 焚烧秸秆 −3分（有效期内再犯加倍 −6分），有效至2026-06-01"


def test_a_household_repeat_is_doubled_within_the_items_own_term_only() -> None:
    first = event("e1", D(2025, 1, 1), "burn")  # 6 months: to 2025-06-30
    within = credit_standing(HOUSEHOLD, household(first, event("e2", D(2025, 6, 30), "burn")), on=D(2025, 6, 30))
    after = credit_standing(HOUSEHOLD, household(first, event("e2", D(2025, 7, 1), "burn")), on=D(2025, 7, 1))
    assert [line.counted for line in within.lines] == [-30, -60]
    assert within.score == 910
    assert [line.counted for line in after.lines] == [-30, -30]
    assert [line.status for line in after.lines] == [EntryStatus.EXPIRED, EntryStatus.COUNTS]
    assert after.score == 970


def test_a_repeat_counts_against_any_earlier_offence_still_valid_not_only_the_latest() -> None:
    """Found by the red team: only the latest earlier offence was looked at. e1 (4 times, 12分)
    is valid for two years, to 2026-12-31; e2 (doubled, 6分) for one, to 2026-01-31; e3 falls
    within e1's validity but not e2's."""
    record = person(
        event("e1", D(2025, 1, 1), "noise", count=4),
        event("e2", D(2025, 2, 1), "noise"),
        event("e3", D(2026, 12, 31), "noise"),
        event("e4", D(2027, 1, 1), "litter"),
    )
    standing = credit_standing(PERSON, record, on=D(2027, 1, 1))
    assert [(line.counted, line.doubled, line.valid_until) for line in standing.lines] == [
        (Decimal(-12), False, D(2026, 12, 31)),
        (Decimal(-6), True, D(2026, 1, 31)),
        (Decimal(-6), True, D(2027, 12, 30)),
        (Decimal(-2), False, D(2027, 12, 31)),
    ]
    after = person(*record.events[:2], event("e3", D(2027, 1, 1), "noise"))
    assert [line.doubled for line in credit_standing(PERSON, after, on=D(2027, 1, 1)).lines] == [False, True, False]


def test_an_act_counts_as_the_item_it_was_counted_by_for_repeats() -> None:
    # e1 fits 乱扔垃圾 and 焚烧秸秆 and counts as the larger, 焚烧秸秆: a later 乱扔垃圾 is no
    # repeat (every doubling points at an earlier line of the same item), a later 焚烧秸秆 is.
    record = person(
        event("e1", D(2025, 2, 1), "litter", "burn"),
        event("e2", D(2025, 3, 1), "litter"),
        event("e3", D(2025, 3, 2), "burn"),
    )
    standing = credit_standing(PERSON, record, on=D(2025, 3, 2))
    assert [(line.item, line.counted, line.doubled) for line in standing.lines] == [
        ("burn", Decimal(-3), False),
        ("litter", Decimal(-2), False),
        ("burn", Decimal(-6), True),
    ]


def test_an_act_that_fits_a_continuing_offence_and_another_can_end() -> None:
    """Found by a property: the end date was refused unless every item was continuing, so an act
    counted as 违章搭建 that also fitted 乱扔垃圾 could never end and counted for ever."""
    record = person(event("e1", D(2025, 3, 1), "build", "litter", ended=D(2025, 3, 31)))
    standing = credit_standing(PERSON, record, on=D(2026, 3, 30))
    assert standing.lines[0].render() == "2025-03-01 违章搭建 −10分，有效至2026-03-30"
    assert credit_standing(PERSON, record, on=D(2026, 3, 31)).score == Decimal(100)


# -- direct grades (直接评定) and the downgrade of the score ------------------------------------


def test_a_direct_grade_holds_whatever_the_score_to_its_last_day() -> None:
    record = person(event("e1", D(2025, 5, 1), "crime"), event("e2", D(2025, 5, 2), "national"))
    last = credit_standing(PERSON, record, on=D(2028, 4, 30))
    after = credit_standing(PERSON, record, on=D(2028, 5, 1))
    assert (last.score, last.computed, last.grade.code, last.direct) == (Decimal(0), Decimal(100), "D", ("crime",))
    assert (after.score, after.computed, after.grade.code, after.direct) == (Decimal(100), Decimal(100), "A", ())
    assert [line.status for line in after.lines] == [EntryStatus.EXPIRED, EntryStatus.SUSPENDED]


def test_a_direct_grade_maps_the_score_to_the_lowest_score_of_its_grade() -> None:
    record = person(event("e1", D(2025, 5, 1), "owe"))  # C级, two years (the item's own term)
    assert summary(credit_standing(PERSON, record, on=D(2027, 4, 30))) == (Decimal(60), "C", ("counts",))
    assert summary(credit_standing(PERSON, record, on=D(2027, 5, 1))) == (Decimal(100), "A", ("expired",))


def test_the_downgrade_never_raises_a_score_already_below_the_grade() -> None:
    record = person(event("e1", D(2025, 5, 1), "build", ended=D(2025, 5, 1)), event("e2", D(2025, 5, 2), "fight"))
    record = record.add(event("e3", D(2025, 5, 3), "owe"), PERSON)
    standing = credit_standing(PERSON, record, on=D(2025, 5, 3))
    assert (standing.computed, standing.score, standing.grade.code) == (Decimal(82), Decimal(60), "C")
    low = person(*(event(f"e{n}", D(2025, 5, n), "fight") for n in range(1, 4)), event("e9", D(2025, 5, 9), "owe"))
    standing = credit_standing(PERSON, low, on=D(2025, 5, 9))
    assert (standing.computed, standing.score, standing.grade.code) == (Decimal(60), Decimal(60), "C")


def test_a_household_direct_grade_and_its_boundary() -> None:
    record = household(event("e1", D(2025, 3, 1), "violence"))
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2027, 2, 28))) == (Decimal(0), "D", ("counts",))
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2027, 3, 1))) == (Decimal(1000), "AA", ("expired",))


def test_a_cap_on_the_grade_lowers_a_better_score_to_the_caps_lowest() -> None:
    record = household(event("e1", D(2025, 3, 1), "family"), event("e2", D(2025, 3, 2), "arrears"))
    standing = credit_standing(HOUSEHOLD, record, on=D(2027, 3, 1))  # 最高评定为B级, to 2027-03-01
    assert (standing.computed, standing.score, standing.grade.code) == (Decimal(1000), Decimal(900), "B")
    assert standing.lines[1].render() == "2025-03-02 拖欠村集体款项 最高评定为B级，有效至2027-03-01"
    assert summary(credit_standing(HOUSEHOLD, record, on=D(2027, 3, 2))) == (
        Decimal(1000),
        "AA",
        ("expired", "expired"),
    )


def test_a_cap_on_the_grade_leaves_a_lower_score_alone() -> None:
    """Found by the red team: the score was mapped to the lowest of the grade *reached* (800, C),
    not of the cap's target (B, 900), so a cap lowered a score it did not bind."""
    record = household(
        event("e1", D(2025, 3, 1), "dump", ended=D(2025, 3, 1)),
        event("e2", D(2025, 3, 1), "mess"),
        event("e3", D(2025, 3, 1), "mess"),
        event("e4", D(2025, 3, 1), "burn"),
        event("e5", D(2025, 3, 2), "arrears"),
    )
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 3, 2))  # 1000 − 40 − 20 − 40 (再犯) − 30
    assert (standing.computed, standing.score, standing.grade.code) == (Decimal(870), Decimal(870), "C")


# -- bonuses while a direct grade is not corrected: recorded, not counted -----------------------


def test_a_bonus_on_the_last_day_of_a_direct_grade_is_suspended_and_the_day_after_counts() -> None:
    record = person(
        event("e1", D(2025, 5, 1), "owe"),  # to 2027-04-30
        event("e2", D(2027, 4, 30), "county"),
        event("e3", D(2027, 5, 1), "county"),
    )
    standing = credit_standing(PERSON, record, on=D(2027, 5, 1))
    assert [line.status for line in standing.lines] == [EntryStatus.EXPIRED, EntryStatus.SUSPENDED, EntryStatus.COUNTS]
    assert standing.lines[1].render() == (
        "2027-04-30 获得县级表彰 +5分，有效至2028-04-29（直接评级未修复期间，记录不计分）"
    )
    assert standing.score == 105


def test_household_bonuses_under_a_direct_grade_are_recorded_but_not_counted() -> None:
    record = household(event("e1", D(2025, 3, 1), "violence"), event("e2", D(2025, 4, 1), "family"))
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 4, 1))
    assert summary(standing) == (Decimal(0), "D", ("counts", "suspended"))
    assert standing.computed == 1000


def test_a_household_bonus_on_the_last_day_of_a_direct_grade_is_suspended_and_the_day_after_counts() -> None:
    # 家庭暴力: D for two years, 2025-03-01 to 2027-02-28.
    last, after = D(2027, 2, 28), D(2027, 3, 1)
    record = household(
        event("e1", D(2025, 3, 1), "violence"), event("e2", last, "family"), event("e3", after, "family")
    )
    standing = credit_standing(HOUSEHOLD, record, on=after)
    assert [(line.event, line.status.code) for line in standing.lines] == [
        ("e1", "expired"),
        ("e2", "suspended"),
        ("e3", "counts"),
    ]
    assert (standing.score, standing.grade.code) == (Decimal(1080), "AA")


# -- repair (信用修复) --------------------------------------------------------------------------


def test_a_repair_turns_a_direct_grade_into_a_fixed_deduction_for_its_term() -> None:
    record = person(event("e1", D(2025, 5, 1), "crime"), repairs=(CreditRepair("r1", D(2025, 9, 1), "e1"),))
    before = credit_standing(PERSON, record, on=D(2025, 8, 31))
    last = credit_standing(PERSON, record, on=D(2026, 8, 31))
    after = credit_standing(PERSON, record, on=D(2026, 9, 1))
    assert summary(before) == (Decimal(0), "D", ("counts",))
    assert summary(last) == (Decimal(80), "B", ("repaired", "counts"))
    assert summary(after) == (Decimal(100), "A", ("repaired", "expired"))
    assert last.lines[1].render() == "2025-09-01 信用修复（违法犯罪）转为−20分，有效至2026-08-31"
    assert last.lines[0].render() == "2025-05-01 违法犯罪 直接评定为D级，有效至2028-04-30（已修复，转为扣分）"


def test_a_bonus_on_the_day_of_the_repair_counts() -> None:
    record = person(
        event("e1", D(2025, 5, 1), "crime"),
        event("e2", D(2025, 8, 31), "county"),
        event("e3", D(2025, 9, 1), "county"),
        repairs=(CreditRepair("r1", D(2025, 9, 1), "e1"),),
    )
    standing = credit_standing(PERSON, record, on=D(2025, 9, 1))
    assert [line.status.code for line in standing.lines] == ["repaired", "counts", "suspended", "counts"]
    assert standing.score == 85


def test_a_household_repair_and_its_term() -> None:
    record = household(event("e1", D(2025, 3, 1), "violence"), repairs=(CreditRepair("r1", D(2025, 3, 1), "e1"),))
    assert credit_standing(HOUSEHOLD, record, on=D(2025, 8, 31)).score == 900
    assert credit_standing(HOUSEHOLD, record, on=D(2025, 9, 1)).score == 1000


# -- recorded late; continuing offences ---------------------------------------------------------


def test_an_entry_recorded_late_counts_its_validity_from_the_event() -> None:
    record = person(event("e1", D(2025, 6, 2), "burn", recorded=D(2025, 12, 1)))
    assert credit_standing(PERSON, record, on=D(2026, 6, 1)).score == 97
    assert credit_standing(PERSON, record, on=D(2026, 6, 2)).score == 100


def test_a_household_entry_recorded_late_counts_from_the_event() -> None:
    record = household(event("e1", D(2025, 6, 2), "mess", recorded=D(2026, 1, 5)))
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 6, 1)).score == 980
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 6, 2)).score == 1000


def test_a_continuing_offence_counts_from_the_day_it_ends() -> None:
    going_on = person(event("e1", D(2025, 3, 1), "build"))
    standing = credit_standing(PERSON, going_on, on=D(2030, 1, 1))
    assert standing.score == 90
    assert standing.lines[0].render() == "2025-03-01 违章搭建 −10分，持续中，结束之日起算有效期"
    ended = person(event("e1", D(2025, 3, 1), "build", ended=D(2025, 9, 30)))
    assert credit_standing(PERSON, ended, on=D(2026, 9, 29)).score == 90
    assert credit_standing(PERSON, ended, on=D(2026, 9, 30)).score == 100
    assert credit_standing(PERSON, ended, on=D(2026, 9, 29)).lines[0].valid_until == D(2026, 9, 29)


def test_a_continuing_household_offence_counts_from_the_day_it_ends() -> None:
    record = household(event("e1", D(2025, 3, 1), "dump", ended=D(2025, 4, 15)))
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 4, 14)).score == 960
    assert credit_standing(HOUSEHOLD, record, on=D(2026, 4, 15)).score == 1000


# -- caps, tiers, members, bands ----------------------------------------------------------------


def test_a_cap_per_month_limits_what_counts_within_the_month() -> None:
    record = person(
        event("e1", D(2025, 3, 5), "help", count=2),
        event("e2", D(2025, 3, 20), "help", count=2),
        event("e3", D(2025, 4, 1), "help"),
    )
    standing = credit_standing(PERSON, record, on=D(2025, 4, 1))
    assert [line.counted for line in standing.lines] == [2, 1, 1]
    assert standing.lines[1].render() == "2025-03-20 邻里互助 +2分（该项每月最多3分，计 +1分），有效至2026-03-19"
    assert standing.computed == 104


def test_a_bonus_cap_per_year_in_a_household_scheme() -> None:
    record = household(
        event("e1", D(2025, 3, 1), "family"),
        event("e2", D(2025, 6, 1), "courtyard"),
        event("e3", D(2025, 9, 1), "courtyard"),
        event("e4", D(2026, 1, 1), "courtyard"),
    )
    # On the last day e2 counts, 2025's bonuses fill the cap of 100: e3 is capped.
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 11, 30))
    assert [(line.counted, line.status.code) for line in standing.lines] == [
        (Decimal(80), "counts"),
        (Decimal(20), "counts"),
        (Decimal(0), "capped"),
    ]
    assert standing.lines[2].render() == "2025-09-01 美丽庭院示范户 +50分，有效至2026-02-28（超出上限，不计分）"
    assert standing.score == 1100
    # The day after e2 expires it no longer takes up room: the cap limits what counts at once
    # (adding an expired entry changes nothing), so e3 counts the 20 left; e4 is 2026's.
    standing = credit_standing(HOUSEHOLD, record, on=D(2026, 1, 1))
    assert [(line.counted, line.status.code) for line in standing.lines] == [
        (Decimal(80), "counts"),
        (Decimal(50), "expired"),
        (Decimal(20), "counts"),
        (Decimal(50), "counts"),
    ]
    assert (
        standing.lines[2].render() == "2025-09-01 美丽庭院示范户 +50分（加分每年最多100分，计 +20分），有效至2026-02-28"
    )
    assert standing.score == 1150


def test_a_tiered_item_counts_the_highest_step_reached() -> None:
    steps = {Decimal(19): 100, Decimal(20): 102, Decimal("49.5"): 102, Decimal(50): 105, Decimal(100): 110}
    for hours, score in steps.items():
        record = person(event("e1", D(2025, 3, 1), "volunteer", quantity=hours))
        assert credit_standing(PERSON, record, on=D(2025, 3, 1)).score == score, hours


def test_a_per_member_item_counts_once_a_quarter() -> None:
    record = household(
        event("e1", D(2025, 1, 10), "training", members=3),
        event("e2", D(2025, 3, 31), "training", members=2),
        event("e3", D(2025, 4, 1), "training", members=2),
    )
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 4, 1))
    assert [(line.counted, line.status.code) for line in standing.lines] == [
        (Decimal(30), "counts"),
        (Decimal(0), "capped"),
        (Decimal(20), "counts"),
    ]


def test_the_ceiling_and_the_floor() -> None:
    rich = household(
        event("e1", D(2025, 6, 1), "family"),
        event("e2", D(2025, 6, 2), "training", members=2),
        event("e3", D(2026, 1, 1), "family"),
        event("e4", D(2026, 1, 2), "training", members=2),
    )
    assert credit_standing(HOUSEHOLD, rich, on=D(2026, 1, 1)).score == 1150  # 1180 above the ceiling
    assert credit_standing(HOUSEHOLD, rich, on=D(2026, 1, 1)).computed == 1150
    assert credit_standing(HOUSEHOLD, rich, on=D(2026, 6, 2)).score == 1100
    poor = person(*(event(f"e{n}", D(2025, 1, n), "build") for n in range(1, 12)))
    assert credit_standing(PERSON, poor, on=D(2025, 1, 31)).score == 0  # 11 × 10, doubled: below the floor


@pytest.mark.parametrize(
    ("boundary", "score", "grade", "best"),
    [(Boundary.INCLUSIVE, 90, "A", "A"), (Boundary.EXCLUSIVE, 90, "B", "B"), (Boundary.UNSTATED, 90, "B", "A")],
)
def test_grade_boundaries_as_the_scheme_reads_them(boundary: Boundary, score: int, grade: str, best: str) -> None:
    scheme = CreditScheme(
        issuer="371082",
        code="grxy",
        version="b",
        title="个人信用积分管理办法",
        effective_from=D(2025, 1, 1),
        items=PERSON_ITEMS,
        bands=[
            Band("A", "A级", "90分以上"),
            Band("B", "B级", "超过80分"),
            Band("C", "C级", "60分以上"),
            Band("D", "D级"),
        ],
        validity=PERSON.validity,
        subject=SubjectKind.PERSON,
        boundaries=boundary,
    )
    record = person(event("e1", D(2025, 3, 1), "fight"), event("e2", D(2025, 3, 1), "litter"))
    standing = credit_standing(scheme, record, on=D(2025, 3, 1))
    assert (standing.score, standing.grade.code, standing.best_grade.code) == (Decimal(score), grade, best)
    on_b = person(
        event("e1", D(2025, 3, 1), "fight"),
        event("e2", D(2025, 3, 2), "fight"),
        event("e3", D(2025, 3, 3), "build", ended=D(2025, 3, 3)),
    )
    assert credit_standing(scheme, on_b, on=D(2025, 3, 3)).grade.code == "C"  # 100 − 8 − 16 − 10 = 66


def test_a_score_on_an_unstated_limit_renders_both_grades() -> None:
    scheme = CreditScheme(
        issuer="371082",
        code="grxy",
        version="u",
        title="个人信用积分管理办法",
        effective_from=D(2025, 1, 1),
        items=PERSON_ITEMS,
        bands=[
            Band("A", "A级", "90分以上"),
            Band("B", "B级", "80分以上"),
            Band("C", "C级", "60分以上"),
            Band("D", "D级"),
        ],
        validity=PERSON.validity,
        subject=SubjectKind.PERSON,
        boundaries=Boundary.UNSTATED,
    )
    record = person(event("e1", D(2025, 3, 1), "fight"), event("e2", D(2025, 3, 1), "litter"))
    assert credit_standing(scheme, record, on=D(2025, 3, 1)).render().splitlines()[0] == (
        "截至2025-03-01：90分，B级或A级（未说明是否含本数）"
    )


# -- local items (结合本地实际增设) ----------------------------------------------------------------


def test_a_village_adds_local_items_within_the_limits() -> None:
    local = PERSON.adapt(
        issuer="371082103001",
        version="2025-村",
        add=[CreditItem("elders", "孝老爱亲", ItemKind.BONUS, 5), CreditItem("dog", "犬只散养", ItemKind.DEDUCTION, 2)],
    )
    assert local.codes[-2:] == ("elders", "dog")
    assert all(local.item(code).local for code in ("elders", "dog"))
    assert not PERSON.item("burn").local
    record = person(event("e1", D(2025, 3, 1), "elders"), event("e2", D(2025, 3, 1), "dog"))
    assert credit_standing(local, record, on=D(2026, 2, 28)).score == 103
    assert credit_standing(local, record, on=D(2026, 3, 1)).score == 100


def test_local_items_over_the_limits_are_refused_all_at_once() -> None:
    with pytest.raises(DefinitionError) as error:
        PERSON.adapt(
            issuer="371082103001",
            version="2025-村",
            add=[
                CreditItem("a", "甲", ItemKind.BONUS, 6),
                CreditItem("b", "乙", ItemKind.OVERRIDE, target="D", validity=Term.years(1)),
                CreditItem("c", "丙", ItemKind.DEDUCTION, 1),
            ],
        )
    assert str(error.value) == (
        "add: expected at most 2 local items, got 3\n"
        "add[0].points: expected at most 5 points for a local item, got '6'\n"
        "add[1].kind: expected a kind local items may have, got 'override'"
    )


def test_a_scheme_without_local_limits_allows_no_local_items() -> None:
    with pytest.raises(DefinitionError) as error:
        HOUSEHOLD.adapt(issuer="371082103001", version="v1-村", add=[CreditItem("a", "甲", ItemKind.BONUS, 1)])
    assert str(error.value) == "add: expected no local items: nhxy@v1 allows none, got 1"


# -- explanations: the whole standing, what expires next ----------------------------------------


def test_the_standing_renders_every_counting_entry_and_what_changes_next() -> None:
    record = person(
        event("e1", D(2025, 3, 1), "burn"),
        event("e2", D(2025, 6, 2), "burn"),
        event("e3", D(2025, 7, 1), "county"),
        event("e4", D(2025, 1, 1), "litter"),
    )
    standing = credit_standing(PERSON, record, on=D(2025, 7, 1))
    assert standing.render() == (
        "截至2025-07-01：94分，A级\n"
        "2025-01-01 乱扔垃圾 −2分，有效至2025-12-31\n"
        "2025-03-01 焚烧秸秆 −3分，有效至2026-02-28\n"
        "2025-06-02 焚烧秸秆 −3分（有效期内再犯加倍 −6分），有效至2026-06-01\n"
        "2025-07-01 获得县级表彰 +5分，有效至2026-06-30\n"
        "下次变化：2026-01-01起 96分，A级"
    )
    assert standing.next_change is not None
    assert standing.next_change.expiring == ("e4",)


def test_the_next_change_names_when_a_direct_grade_ends_and_the_grade_then() -> None:
    record = household(event("e1", D(2025, 3, 1), "violence"), event("e2", D(2025, 4, 1), "mess"))
    standing = credit_standing(HOUSEHOLD, record, on=D(2025, 4, 1))
    assert standing.next_change is not None
    assert (standing.next_change.day, standing.next_change.expiring) == (D(2026, 4, 1), ("e2",))
    assert (standing.next_change.score, standing.next_change.grade.code) == (Decimal(0), "D")
    later = credit_standing(HOUSEHOLD, record, on=D(2026, 4, 1))
    assert later.next_change is not None
    assert (later.next_change.day, later.next_change.score, later.next_change.grade.code) == (
        D(2027, 3, 1),
        Decimal(1000),
        "AA",
    )


def test_the_next_change_ignores_an_expired_direct_grade_of_the_same_item() -> None:
    """Found by a property: the end of an expired 失信被执行 (2027-04-30) was taken for the next
    change of a standing with a later one of the same item in force."""
    record = person(event("e1", D(2025, 5, 1), "owe"), event("e2", D(2027, 6, 1), "owe"))
    standing = credit_standing(PERSON, record, on=D(2027, 6, 1))
    assert standing.next_change is not None
    assert (standing.next_change.day, standing.next_change.expiring) == (D(2029, 6, 1), ("e2",))
    assert (standing.next_change.score, standing.next_change.grade.code) == (Decimal(100), "A")


def test_a_grade_history_for_a_booklet() -> None:
    record = person(event("e1", D(2025, 5, 1), "owe"))
    history = grade_history(PERSON, record, [D(2025, 4, 30), D(2027, 4, 30), D(2027, 5, 1)])
    assert [standing.grade.code for standing in history] == ["A", "C", "A"]


# -- refusals: exact messages, and a refused add or repair changes nothing ----------------------


def test_an_event_with_an_unknown_item_is_refused_and_the_record_is_unchanged() -> None:
    record = person(event("e1", D(2025, 3, 1), "burn"))
    with pytest.raises(ValidationError) as error:
        record.add(event("e2", D(2025, 3, 2), "spit", "burn", "x"), PERSON)
    assert str(error.value) == (
        "events[1].items[0]: expected an item of grxy@2025, got 'spit'\n"
        "events[1].items[2]: expected an item of grxy@2025, got 'x'"
    )
    assert record == person(event("e1", D(2025, 3, 1), "burn"))


def test_event_refusals_against_the_scheme() -> None:
    record = person()
    with pytest.raises(ValidationError) as error:
        record.add(event("e1", D(2024, 12, 31), "volunteer", "burn", ended=D(2025, 1, 2)), PERSON)
    assert str(error.value) == (
        "events[0].date: expected a date when grxy@2025 is in force, got '2024-12-31'\n"
        "events[0].quantity: expected the quantity 志愿服务 is tiered by, got None\n"
        "events[0].ended: expected no end date: none of its items is a continuing offence, got '2025-01-02'"
    )
    with pytest.raises(ValidationError) as error:
        household().add(event("e1", D(2025, 1, 1), "burn"), PERSON)
    assert str(error.value) == "subject.kind: expected a person (the subjects grxy@2025 scores), got 'household'"


def test_an_event_that_is_bad_in_itself() -> None:
    with pytest.raises(ValidationError) as error:
        CreditEvent("e 1", D(2025, 3, 1), ["burn", "burn"], count=0, members=101, recorded=D(2025, 2, 1))
    assert str(error.value) == (
        "id: expected a code of ASCII letters, digits, '_', '-', '.' or ':', got 'e 1'\n"
        "items: expected each item once, got ['burn', 'burn']\n"
        "count: expected a whole number from 1 to 1,000,000, got 0\n"
        "members: expected a whole number of members from 1 to 100, got 101\n"
        "recorded: expected a date on or after the event (2025-03-01), got '2025-02-01'"
    )


def test_a_repair_of_an_event_that_is_not_a_repairable_direct_grade_is_refused() -> None:
    record = person(
        event("e1", D(2025, 3, 1), "burn"), event("e2", D(2025, 3, 1), "owe"), event("e3", D(2025, 5, 1), "crime")
    )
    for target, day, message in [
        ("e1", D(2025, 4, 1), "repairs[0].event: expected an event with a repairable direct grade, got 'e1'"),
        ("e2", D(2025, 4, 1), "repairs[0].event: expected an event with a repairable direct grade, got 'e2'"),
        ("e9", D(2025, 4, 1), "repairs[0].event: expected the id of an event of the record, got 'e9'"),
        ("e3", D(2025, 4, 30), "repairs[0].date: expected a date on or after the event (2025-05-01), got '2025-04-30'"),
    ]:
        with pytest.raises(ValidationError) as error:
            record.repair(CreditRepair("r1", day, target), PERSON)
        assert str(error.value) == message
    assert record.repairs == ()


def test_a_repair_of_an_act_whose_most_severe_direct_grade_cannot_be_repaired_is_refused() -> None:
    """Found by the red team: an act fitting a repairable C and an unrepairable D was accepted for
    repair, and the repair then silently did nothing (the D is the grade that counts)."""
    scheme = CreditScheme(
        issuer="371082",
        code="grxy",
        version="r",
        title="个人信用积分管理办法",
        effective_from=D(2025, 1, 1),
        items=[
            *PERSON_ITEMS[:4],
            CreditItem("crime", "违法犯罪", ItemKind.OVERRIDE, target="D"),
            CreditItem("owe", "失信被执行", ItemKind.OVERRIDE, target="C", repair_points=5, repair_term=Term.years(1)),
        ],
        bands=PERSON.bands,
        validity=PERSON.validity,
        subject=SubjectKind.PERSON,
    )
    record = person(event("e1", D(2025, 3, 1), "owe", "crime"))
    with pytest.raises(ValidationError) as error:
        record.repair(CreditRepair("r1", D(2025, 4, 1), "e1"), scheme)
    assert str(error.value) == "repairs[0].event: expected an event with a repairable direct grade, got 'e1'"


def test_a_record_refuses_duplicate_ids_and_second_repairs() -> None:
    with pytest.raises(ValidationError) as error:
        CreditRecord(
            WANG,
            [event("e1", D(2025, 3, 1), "crime"), event("e1", D(2025, 3, 2), "burn")],
            [CreditRepair("e1", D(2025, 4, 1), "e1"), CreditRepair("r2", D(2025, 4, 2), "e1")],
        )
    assert str(error.value) == (
        "events[1].id: expected an id not used before, got 'e1'\n"
        "repairs[0].id: expected an id not used before, got 'e1'\n"
        "repairs[1].event: expected an event not repaired before, got 'e1'"
    )


def test_bad_terms() -> None:
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: Term(0), "count: expected a whole number from 1 to 100, got 0"),
        (lambda: Term(101), "count: expected a whole number from 1 to 100, got 101"),
        (lambda: Term.days(36_601), "count: expected a whole number from 1 to 36600, got 36601"),
        (lambda: Term(True), "count: expected a whole number from 1 to 100, got True"),
        (lambda: Term(1, "year"), "unit: expected a DurationUnit, got 'year'"),  # type: ignore[arg-type]
    ]
    for build, message in cases:
        with pytest.raises(DefinitionError) as error:
            build()
        assert str(error.value) == message


def scheme_with(**changes: object) -> CreditScheme:
    data: dict[str, object] = {
        "issuer": "371082",
        "code": "grxy",
        "version": "2025",
        "title": "个人信用积分管理办法",
        "effective_from": D(2025, 1, 1),
        "items": PERSON_ITEMS,
        "bands": PERSON.bands,
        "validity": PERSON.validity,
        "subject": SubjectKind.PERSON,
    }
    return CreditScheme(**(data | changes))  # type: ignore[arg-type]


def test_bad_schemes_name_every_fault() -> None:
    with pytest.raises(DefinitionError) as error:
        scheme_with(
            bands=[Band("A", "A级", "90分以上"), Band("B", "B级", "80分以上")],
            items=[PERSON_ITEMS[0], PERSON_ITEMS[0], CreditItem("x", "某项", ItemKind.OVERRIDE, target="Z")],
            floor=200,
            validity=[],
        )
    assert str(error.value) == (
        "floor: expected a floor at or below the start, got Decimal('200')\n"
        "items[0].validity: expected a term, or a validity rule for deduction items, got None\n"
        "items[1].code: expected a code not used before, got 'burn'\n"
        "items[1].validity: expected a term, or a validity rule for deduction items, got None\n"
        "items[2].validity: expected a term, or a validity rule for override items, got None\n"
        "bands[1]: expected no minimum for the lowest grade, got '80以上'\n"
        "items[2].target: expected a grade of the scheme (A, B), got 'Z'"
    )


def test_a_band_without_a_minimum_above_the_lowest_is_refused() -> None:
    with pytest.raises(DefinitionError) as error:
        scheme_with(
            bands=[Band("A", "A级", "90分以上"), Band("B", "B级"), Band("C", "C级", "60分以上"), Band("D", "D级")]
        )
    assert (
        str(error.value) == "bands[1].minimum: expected a published minimum score in points, and nothing else, got None"
    )


def test_bad_items() -> None:
    cases: list[tuple[Callable[[], object], str]] = [
        (
            lambda: CreditItem("a", "甲", ItemKind.SCORED, 1),
            "kind: expected bonus, deduction or override, got <ItemKind.SCORED: 评分项>",
        ),
        (
            lambda: CreditItem("a", "甲", ItemKind.BONUS, 1, unit=PointsUnit.MEMBER),
            "period: expected the period a member's points are per (month … year), got None",
        ),
        (
            lambda: CreditItem("a", "甲", ItemKind.BONUS, 1, cap=2),
            "cap_period: expected the period the cap is per (month … year), got None",
        ),
        (
            lambda: CreditItem("a", "甲", ItemKind.OVERRIDE, target="D", repair_points=5),
            "repair_term: expected both repair_points and repair_term, or neither, got None",
        ),
        (
            lambda: CreditItem("a", "甲", ItemKind.DEDUCTION, "0.001"),
            "points: expected points above 0, below 1,000,000 with at most 2 decimals, got Decimal('0.001')",
        ),
        (
            lambda: CreditItem(
                "a", "甲", ItemKind.BONUS, unit=PointsUnit.STEP, steps=[Step("20以上", 2), Step("50以上", 5)]
            ),
            "steps[1].minimum: expected a lower quantity than the step before (20以上), highest step first, got '50以上'",
        ),
    ]
    for build, message in cases:
        with pytest.raises(DefinitionError) as error:
            build()
        assert str(error.value) == message
