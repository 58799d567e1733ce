"""Committees, slates and composition reports, from the seeds' 换届 figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.organisation import (
    Appointment,
    Breakdown,
    Committee,
    CommitteeSpec,
    Member,
    MemberGroup,
    Seat,
    check_slate,
    composition,
)
from fulian_core.organisation.catalog import AGE_BANDS as AGE
from fulian_core.organisation.catalog import EDUCATION, PARTY, SECTOR
from fulian_core.quantities import Unit
from fulian_core.rules import Condition, Item, ItemKind, Measure, RuleSheet, SubjectKind, Threshold

ON = dt.date(2021, 6, 30)


def _born(age: int) -> dt.date:
    return dt.date(ON.year - age, 1, 1)


def _spread(*counts: tuple[str, int]) -> list[str]:
    return [value for value, count in counts for _ in range(count)]


def seed_committee() -> list[Member]:
    """The 171 community 执委 of seed 003, each breakdown as the report gives it (how the
    breakdowns combine in one person the report does not say: here they are simply zipped)."""
    sectors = _spread(("worker", 48), ("grassroots", 76), ("circles", 47))
    parties = _spread(("cpc", 86), ("none", 85))
    education = _spread(("bachelor", 79), ("college", 54), ("school", 38))
    ages = [28] * 31 + [35] * 88 + [44] * 47 + [53] * 5
    return [
        Member(f"m{index}", f"执委{index}", {"sector": s, "party": p, "education": e}, born=_born(age))
        for index, (s, p, e, age) in enumerate(zip(sectors, parties, education, ages, strict=True))
    ]


def test_the_seed_composition_report_is_reproduced() -> None:
    # Seed 003: 妇女工作者48人,占总数的28.07%；基层妇女代表76人,占总数的44.44%；各界妇女代表47人,
    # 占总数的27.49%。中共党员86人,占50.29%；非中共党员85人,占49.71%。本科及以上学历79人,占46.20%；
    # 大专54人,占31.58%；高中及以下38人,占22.22%。平均年龄36.7岁,30岁及以下31人,占18.13%；31-40岁
    # 88人,占51.46%；41-50岁47人,占27.49%；51岁以上5人,占2.92%。
    report = composition(seed_committee(), [SECTOR, PARTY, EDUCATION, AGE], on=ON)
    assert report.total == 171
    shares = {row.group: (row.count, str(row.share)) for row in report.rows}
    assert shares == {
        "workers": (48, "28.07"),
        "grassroots": (76, "44.44"),
        "circles": (47, "27.49"),
        "cpc": (86, "50.29"),
        "non_cpc": (85, "49.71"),
        "bachelor": (79, "46.20"),
        "college": (54, "31.58"),
        "school": (38, "22.22"),
        "to30": (31, "18.13"),
        "31to40": (88, "51.46"),
        "41to50": (47, "27.49"),
        "over50": (5, "2.92"),
    }
    assert report.average_age == Decimal("36.7")
    assert report.render().startswith(
        "妇女工作者48人，占总数的28.07%；基层妇女代表76人，占总数的44.44%；各界妇女代表47人，占总数的27.49%。中共党员86人"
    )
    assert [row.group for row in report.breakdown("party")] == ["cpc", "non_cpc"]
    assert report.records()[0] == {
        "breakdown": "sector",
        "group": "workers",
        "group_label": "妇女工作者",
        "count": 48,
        "share": Decimal("28.07"),
        "total": 171,
        "on": ON,
    }
    assert report.row("over50").render() == "51岁以上5人，占总数的2.92%"
    with pytest.raises(ValidationError, match="breakdown: expected one of age, education, party, sector"):
        report.breakdown("ethnicity")
    with pytest.raises(ValidationError, match="group: expected one of workers"):
        report.row("nobody")


def test_a_member_outside_every_group_or_in_two_is_named() -> None:
    members = [Member("a", "甲", {"sector": "worker"}), Member("b", "乙", {"sector": "retired"})]
    with pytest.raises(
        ValidationError, match=r"breakdowns\[0\] \(sector\): members\[1\]: expected exactly one group, got 'none'"
    ):
        composition(members, [SECTOR], on=ON)
    overlapping = Breakdown(
        "sector",
        "界别",
        [MemberGroup("all", "全体"), MemberGroup("workers", "妇女工作者", attribute="sector", values={"worker"})],
    )
    with pytest.raises(ValidationError, match=r"members\[0\]: expected exactly one group, got 'all, workers'"):
        composition(members, [overlapping], on=ON)


def test_ages_are_whole_years_on_the_day_and_unknown_without_a_birth_date() -> None:
    member = Member("a", "甲", born=dt.date(1991, 7, 1))
    assert member.age_on(dt.date(2021, 6, 30)) == 29
    assert member.age_on(dt.date(2021, 7, 1)) == 30
    assert Member("b", "乙").age_on(ON) is None
    assert MemberGroup("young", "30岁及以下", age_at_most=30).holds(Member("b", "乙"), ON) is None
    report = composition([Member("b", "乙", {"party": "cpc"})], [PARTY], on=ON)
    assert report.average_age is None


SHEET = RuleSheet(
    issuer="371082103",
    code="committee_composition",
    version="2021",
    title="镇妇联执委会构成要求",
    effective_from=dt.date(2021, 1, 1),
    subjects={SubjectKind.ORGANISATION},
    items=[
        Item(
            "grassroots",
            "基层妇女代表不少于三分之一",
            ItemKind.REQUIREMENT,
            condition=Condition(Measure.RATIO, [Threshold.parse("不少于三分之一")]),
        ),
        Item(
            "young",
            "至少1名35岁以下执委",
            ItemKind.REQUIREMENT,
            condition=Condition(Measure.QUANTITY, [Threshold.parse("≥1")], unit=Unit.PERSON),
        ),
    ],
)
# Seed 001: 选出镇妇联主席1名,副主席2名,执委21名 (the 执委 include the chair and the vice-chairs).
TOWNSHIP = CommitteeSpec(
    "371082103",
    "镇妇联执委会",
    [Seat("chair", "主席", 1, full_time=True), Seat("vice", "副主席", 2), Seat("member", "执委", 18)],
    groups=[
        MemberGroup("grassroots", "基层妇女代表", attribute="sector", values={"grassroots"}),
        MemberGroup("young", "35岁以下", age_at_most=35),
    ],
    composition=SHEET,
)


def _slate(grassroots: int, young: int, size: int = 21, *, unknown_birth: bool = False) -> list[Member]:
    return [
        Member(
            f"c{index}",
            f"候选人{index}",
            {"sector": "grassroots" if index < grassroots else "worker"},
            born=None if unknown_birth and index == size - 1 else _born(30 if index < young else 45),
        )
        for index in range(size)
    ]


def test_the_township_committee_of_seed_001() -> None:
    assert TOWNSHIP.total_seats == 21
    assert TOWNSHIP.seat("vice").seats == 2
    assert TOWNSHIP.term_ends(dt.date(2021, 6, 30)) == dt.date(2026, 6, 29)
    members = _slate(7, 2)
    appointments = [Appointment(members[0], "chair"), Appointment(members[1], "vice")]
    appointments += [Appointment(member, "member") for member in members[3:]]
    committee = Committee(TOWNSHIP, dt.date(2021, 6, 30), appointments)
    assert dict(committee.vacancies()) == {"vice": 1}  # 补选 one vice-chair
    assert committee.term_ends == dt.date(2026, 6, 29)
    assert len(committee.members) == 20
    with pytest.raises(DefinitionError, match=r"appointments: expected at most 1 holding 主席 \(chair\), got 2"):
        Committee(TOWNSHIP, ON, [Appointment(members[0], "chair"), Appointment(members[1], "chair")])
    with pytest.raises(DefinitionError, match=r"appointments.member\[1\].id: expected an id not used before"):
        Committee(TOWNSHIP, ON, [Appointment(members[0], "chair"), Appointment(members[0], "vice")])
    with pytest.raises(ValidationError, match="seat: expected one of chair, vice, member"):
        TOWNSHIP.seat("secretary")


def test_a_slate_is_judged_by_the_composition_sheet() -> None:
    assert check_slate(TOWNSHIP, _slate(7, 1), on=ON).verdict.code == "eligible"
    failed = check_slate(TOWNSHIP, _slate(6, 1), on=ON)  # 6/21 < 1/3
    assert failed.verdict.code == "not_eligible"
    assert list(failed.requirements_failed) == ["grassroots"]
    assert check_slate(TOWNSHIP, _slate(7, 0), on=ON).verdict.code == "not_eligible"
    # No young member known, and one birth date missing: the verdict waits for it.
    assert check_slate(TOWNSHIP, _slate(7, 0, unknown_birth=True), on=ON).verdict.code == "undecided"


def test_a_composition_sheet_must_measure_declared_groups() -> None:
    stray = Item("women", "女性", ItemKind.REQUIREMENT, condition=Condition(Measure.RATIO, [Threshold.parse("≥1/2")]))
    sheet = RuleSheet(
        issuer="371082103",
        code="c",
        version="1",
        title="构成",
        effective_from=ON,
        subjects={SubjectKind.ORGANISATION},
        items=[stray, Item("young", "年轻", ItemKind.REQUIREMENT)],
    )
    with pytest.raises(DefinitionError) as raised:
        CommitteeSpec("371082103", "执委会", [Seat("member", "执委", 5)], groups=TOWNSHIP.groups, composition=sheet)
    message = str(raised.value)
    assert "composition.items[0].code: expected the code of a group (grassroots, young), got 'women'" in message
    assert "composition.items[1].condition: expected a ratio or quantity condition" in message
    with pytest.raises(ValidationError, match="spec.composition: expected a composition rule sheet"):
        check_slate(attrs_evolve_without_sheet(), _slate(1, 1), on=ON)


def attrs_evolve_without_sheet() -> CommitteeSpec:
    return CommitteeSpec("371082103", "执委会", [Seat("member", "执委", 5)])


def test_bad_definitions_are_refused_with_their_paths() -> None:
    with pytest.raises(DefinitionError, match="seats: expected a whole number >= 1, got 0"):
        Seat("member", "执委", 0)
    with pytest.raises(DefinitionError, match="values: expected at least one value code for the attribute"):
        MemberGroup("g", "组", attribute="sector")
    with pytest.raises(DefinitionError, match="age_at_most: expected an age at or above age_at_least"):
        MemberGroup("g", "组", age_at_least=40, age_at_most=30)
    with pytest.raises(DefinitionError, match=r"seats\[1\].code: expected a code not used before"):
        CommitteeSpec("371082103", "执委会", [Seat("member", "执委", 5), Seat("member", "委员", 2)])
    with pytest.raises(DefinitionError, match="born: expected a date or None"):
        Member("a", "甲", born="1990-01-01")  # type: ignore[arg-type]
    with pytest.raises(DefinitionError, match=r"groups\[1\].code: expected a code not used before"):
        Breakdown("b", "维度", [MemberGroup("g", "组"), MemberGroup("g", "组")])


def test_a_name_is_masked_in_a_repr() -> None:
    assert "张秀梅" not in repr(Member("a", "张秀梅"))


@given(st.lists(st.integers(0, 400), min_size=1, max_size=8).filter(lambda counts: sum(counts) > 0))
def test_composition_shares_add_to_exactly_100(counts: list[int]) -> None:
    groups = [
        MemberGroup(f"g{index}", f"组{index}", attribute="k", values={f"v{index}"}) for index in range(len(counts))
    ]
    members = [
        Member(f"m{index}-{number}", "成员", {"k": f"v{index}"})
        for index, count in enumerate(counts)
        for number in range(count)
    ]
    report = composition(members, [Breakdown("k", "维度", groups)], on=ON)
    assert sum(row.share for row in report.rows) == Decimal("100.00")
    assert [row.count for row in report.rows] == counts
    for row in report.rows:  # each share within one unit of the last place of its exact value
        assert abs(row.share - Decimal(row.count * 100) / Decimal(sum(counts))) < Decimal("0.01")
