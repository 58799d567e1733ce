"""Auditing reports against themselves: the seeds' passages, each rule, refusals of unreadable
declarations, and findings that do not depend on the order they are declared in."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction
from random import Random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, Interval, Percentage, PercentUnit, Quantity, Unit
from fulian_core.audit import (
    Compare,
    CountFromRate,
    Declaration,
    Nesting,
    PartsOfWhole,
    PointsChange,
    ReportFinding,
    SameBase,
    ShareOf,
    SharesSum,
    Stated,
    audit,
    audit_report,
)
from fulian_core.indicators import FindingKind, Operator
from fulian_core.testing import percentages

# Passages of the seeds, as written (ASCII commas included).
SEED_001 = "从2019年到20__年,我镇共计创建3304户,其中示范户3304户、精品户1453户,清洁户达到全覆盖。"
SEED_002 = "10月13日上午,街道妇联召开第二届七次执委会议。本次执委会委员9名,实到7人。"
SEED_003_PEACE = (
    "目前,我区已有镇(街)、村(居)级“平安家庭”181,913户,占全区总户数的90%;其中区级“平安家庭51,529户,占全区总户数的25%。"
)
SEED_003_COMMITTEE = (
    "23个社区经选举,产生社区妇联执委171名,均以全票当选。"
    "其中妇女工作者48人,占总数的28.07%;基层妇女代表76人,占总数的44.44%;各界妇女代表47人,占总数的27.49%。"
    "中共党员86人,占总数的50.29%;非中共党员85人,占总数的49.71%。"
    "本科及以上学历79人,占总数的46.20%;大专学历54人,占总数的31.58%;高中及以下学历38人,占总数的22.22%。"
    "其中30岁及以下31人,占总数的18.13%;31-40岁88人,占总数的51.46%;41-50岁47人,占总数的27.49%;"
    "51岁以上5人,占总数的2.92%。"
)
COMMITTEE = "产生社区妇联执委171名"
GROUPS = [
    [("妇女工作者48人", "28.07%"), ("基层妇女代表76人", "44.44%"), ("各界妇女代表47人", "27.49%")],
    [("中共党员86人", "50.29%"), ("非中共党员85人", "49.71%")],
    [("本科及以上学历79人", "46.20%"), ("大专学历54人", "31.58%"), ("高中及以下学历38人", "22.22%")],
    [("30岁及以下31人", "18.13%"), ("31-40岁88人", "51.46%"), ("41-50岁47人", "27.49%"), ("51岁以上5人", "2.92%")],
]


def _committee(groups: list[list[tuple[str, str]]]) -> list[Declaration]:
    declarations: list[Declaration] = []
    for group in groups:
        declarations += [ShareOf(f"占总数的{share}", part, COMMITTEE) for part, share in group]
        declarations.append(SharesSum([f"占总数的{share}" for _, share in group]))
        declarations.append(PartsOfWhole([part for part, _ in group], COMMITTEE, exhaustive=True))
    return declarations


PEACE: list[Declaration] = [
    SameBase(
        [Stated("“平安家庭”181,913户", "占全区总户数的90%"), Stated("平安家庭51,529户", "占全区总户数的25%")],
        "全区总户数",
    ),
    PartsOfWhole(["区级“平安家庭51,529户"], "“平安家庭”181,913户", nesting=Nesting.NESTED),
]


def test_seed_003_the_peaceful_family_statements_agree() -> None:
    # 181,913 at 90% puts the district in (201008.83, 203254.75] households, 51,529 at 25% in
    # (202074.50, 210322.45]: they meet, so the report agrees with itself.
    assert audit_report(SEED_003_PEACE, PEACE) == ()


def test_seed_003_a_misprinted_share_implies_another_district() -> None:
    misprinted = SEED_003_PEACE.replace("25%", "20%")
    declarations = [
        SameBase(
            [Stated("“平安家庭”181,913户", "占全区总户数的90%"), Stated("平安家庭51,529户", "占全区总户数的20%")],
            "全区总户数",
        ),
    ]
    [finding] = audit_report(misprinted, declarations)
    assert finding == ReportFinding(
        "same_base",
        FindingKind.VIOLATED,
        ("181,913户", "90%", "51,529户", "20%"),
        Interval(Fraction(36382600, 181), Fraction(36382600, 179), low_open=True),
        Operator.EQUAL,
        Interval(Fraction(10305800, 41), Fraction(10305800, 39), low_open=True),
        "90%取[89.5, 90.5)；20%取[19.5, 20.5)",
        "181,913户占90%与51,529户占20%所指全区总户数不一致：前者在(201008.83, 203254.75]，"
        "后者在(251360.97, 264251.29]，无共同取值",
    )


def test_seed_003_the_committee_shares_agree_with_their_counts() -> None:
    assert audit_report(SEED_003_COMMITTEE, _committee(GROUPS)) == ()


def test_seed_003_a_misprinted_share_is_found_twice() -> None:
    misprinted = SEED_003_COMMITTEE.replace("各界妇女代表47人,占总数的27.49%", "各界妇女代表47人,占总数的27.39%")
    groups = [[("妇女工作者48人", "28.07%"), ("基层妇女代表76人", "44.44%"), ("各界妇女代表47人", "27.39%")]]
    findings = audit_report(misprinted, _committee(groups))
    assert [(finding.rule, finding.figures, str(finding)) for finding in findings] == [
        (
            "share_of_counts",
            ("27.39%", "47人", "171名"),
            "47人占171名的约27.48%，与所述27.39%不符（27.39%容许[27.385, 27.395)%）",
        ),
        (
            "shares_sum",
            ("28.07%", "44.44%", "27.39%"),
            "28.07%、44.44%、27.39%合计99.9%，按各自舍入合计在[99.885, 99.915)%之间，不能为100%",
        ),
    ]
    assert findings[0].right == Interval.point(Fraction(4700, 171))
    assert findings[1].left == Interval(Fraction("99.885"), Fraction("99.915"), high_open=True)


def test_seed_001_nesting_declared_both_ways() -> None:
    parts = ["示范户3304户", "精品户1453户"]
    assert audit_report(SEED_001, [PartsOfWhole(parts, "共计创建3304户", nesting=Nesting.NESTED)]) == ()
    [finding] = audit_report(SEED_001, [PartsOfWhole(parts, "共计创建3304户", title="精致农家")])
    assert finding == ReportFinding(
        "parts_of_whole",
        FindingKind.VIOLATED,
        ("3304户", "1453户", "3304户"),
        Interval.point(4757),
        Operator.AT_MOST,
        Interval.point(3304),
        "无（均为确数）",
        "精致农家：3304户、1453户合计4757户，超过整体3304户（各部分互不重叠）",
    )


def test_seed_002_those_present_at_most_the_members() -> None:
    present = Compare("实到7人", Operator.AT_MOST, "本次执委会委员9名", title="执委会出席")
    assert audit_report(SEED_002, [present]) == ()
    crowded = SEED_002.replace("实到7人", "实到11人")
    [finding] = audit_report(crowded, [Compare("实到11人", Operator.AT_MOST, "本次执委会委员9名", title="执委会出席")])
    assert (finding.kind, finding.figures, str(finding)) == (
        FindingKind.VIOLATED,
        ("11人", "9名"),
        "执委会出席：11人 ≤ 9名 不成立",
    )


def test_a_sample_stated_as_a_rate_and_a_number() -> None:
    text = "按4%的比例抽取8个村进行妇女群众实地走访"
    assert audit_report(text, [CountFromRate("抽取8个村", "按4%的比例", Quantity.exact(200, Unit.ITEM))]) == ()
    [finding] = audit_report(text, [CountFromRate("抽取8个村", "按4%的比例", Quantity.exact(100, Unit.ITEM))])
    assert (finding.rule, finding.left, finding.right, str(finding)) == (
        "count_from_rate",
        Interval.point(8),
        Interval(Fraction(7, 2), Fraction(9, 2), high_open=True),
        "100个的4%应在[3.5, 4.5)之间，与所述8个不符",
    )


def test_a_change_in_points_against_the_two_values() -> None:
    text = "覆盖率由45.2%提高到48.4%，提高3.2个百分点"
    assert audit_report(text, [PointsChange("提高3.2个百分点", "由45.2%", "到48.4%")]) == ()
    [finding] = audit([PointsChange("提高2.5个百分点", "45.2%", "48.4%")])
    assert (finding.left, finding.right, str(finding)) == (
        Interval(Fraction("2.45"), Fraction("2.55"), high_open=True),
        Interval(Fraction("3.1"), Fraction("3.3"), low_open=True, high_open=True),
        "由45.2%到48.4%的变化在(3.1, 3.3)个百分点之间，与所述提高2.5个百分点不符",
    )


def test_qualified_figures_bound_and_about_cannot_be_checked() -> None:
    # 实查200余户 of 应查210户 may hold (201 to 209); 约 says nothing checkable.
    assert audit([Compare(Quantity.parse("200余户"), Operator.AT_MOST, Quantity.parse("210户"))]) == ()
    [finding] = audit([Compare(Quantity.parse("210余户"), Operator.AT_MOST, Quantity.parse("210户"))])
    assert (finding.kind, finding.tolerance, str(finding)) == (
        FindingKind.VIOLATED,
        "210余户取(210, ∞)",
        "210余户 ≤ 210户 不成立",
    )
    [finding] = audit([ShareOf("约30%", "48人", "171人")])
    assert (finding.kind, str(finding)) == (FindingKind.UNDECIDABLE, "无法核查占比与数：约30%为约数或未填")
    assert audit([ShareOf("90%以上", "160人", "171人")]) == ()
    assert audit([ShareOf("近三成", "48人", "171人")]) == ()
    assert audit([ShareOf("近二成", "48人", "171人")])[0].kind is FindingKind.VIOLATED


def test_unreadable_declarations_are_refused_all_at_once() -> None:
    declarations: list[Declaration] = [
        ShareOf("占总数的28.07%", "妇女工作者48人,占总数的28.07%", COMMITTEE),
        PartsOfWhole(["示范户3304户"], "共计创建3305户"),
        ShareOf("妇女工作者48人", "占总数的28.07%", COMMITTEE),
    ]
    with pytest.raises(DefinitionError) as caught:
        audit_report(SEED_003_COMMITTEE + SEED_001, declarations)
    assert str(caught.value).splitlines() == [
        (
            "declarations[0].part: expected a quote holding exactly one figure (a count or a percentage), "
            "got '妇女工作者48人,占总数的28.07%'"
        ),
        "declarations[1].whole: expected a quote of the report, got '共计创建3305户'",
        "declarations[2].share: expected a percentage (%), got '48人'",
        "declarations[2].part: expected a count (户, 人 …), got '28.07%'",
    ]


def test_parts_and_their_whole_are_counted_in_one_unit() -> None:
    with pytest.raises(DefinitionError) as caught:
        audit([PartsOfWhole(["3户", "5人"], "10户"), Compare("7人", Operator.AT_MOST, "9户")])
    assert str(caught.value).splitlines() == [
        "declarations[0]: expected figures counted in one unit (户), got '5人'",
        "declarations[1]: expected figures counted in one unit (人), got '9户'",
    ]


def test_a_grouped_figure_is_one_figure() -> None:
    # 181,913户 is one figure, as the reader reads it; so is 5，300人 typed with a full-width comma
    # (a clause break between two bare digits would leave the first without its unit).
    limit = Quantity.exact(400, Unit.PERSON)
    [grouped] = audit_report("共5，300人", [Compare("共5，300人", Operator.AT_MOST, limit)])
    assert grouped.left == Interval.point(5_300)
    [finding] = audit_report("共181,913人", [Compare("共181,913人", Operator.AT_MOST, limit)])
    assert (finding.figures, finding.left) == (("181,913人", "400人"), Interval.point(181_913))


def test_declarations_refuse_what_they_cannot_hold() -> None:
    with pytest.raises(DefinitionError) as caught:
        PartsOfWhole(["精品户1453户"], 3304, nesting=Nesting.NESTED, exhaustive=True)  # type: ignore[arg-type]
    assert str(caught.value).splitlines() == [
        "whole: expected a quote of the report, a Quantity or a Percentage, got 3304",
        "exhaustive: expected False for nested parts (they are not added up), got True",
    ]
    with pytest.raises(DefinitionError) as caught:
        SameBase([Stated("181,913户", "90%")])
    assert str(caught.value) == "statements: expected at least two statements, got 1"
    with pytest.raises(DefinitionError) as caught:
        SharesSum("28.07%")
    assert str(caught.value) == "shares: expected a list of percentages, not text or a mapping, got '28.07%'"


@st.composite
def _group(draw: st.DrawFn) -> tuple[list[int], int, list[Percentage]]:
    counts = draw(st.lists(st.integers(0, 500), min_size=2, max_size=5))
    whole = max(sum(counts) + draw(st.integers(-5, 5)), 1)
    shares = draw(
        st.lists(percentages(units=st.just(PercentUnit.PERCENT), places=st.integers(0, 2)), min_size=2, max_size=5)
    )
    return counts, whole, shares


@given(_group(), st.randoms(use_true_random=False), st.sampled_from(list(Nesting)))
def test_findings_do_not_depend_on_the_order_of_figures_or_declarations(
    group: tuple[list[int], int, list[Percentage]], random: Random, nesting: Nesting
) -> None:
    counts, whole, shares = group
    people = [Quantity.exact(count, Unit.PERSON) for count in counts]
    total = Quantity.exact(whole, Unit.PERSON)

    def declarations(order: list[int]) -> list[Declaration]:
        parts = [people[index] for index in order]
        declared: list[Declaration] = [
            PartsOfWhole(parts, total, nesting=nesting),
            SharesSum(shares[::-1] if order[0] else shares),
            *(ShareOf(shares[index % len(shares)], people[index], total) for index in order),
            SameBase([Stated(people[index], shares[index % len(shares)]) for index in order]),
        ]
        return declared

    order = list(range(len(people)))
    shuffled = order[:]
    random.shuffle(shuffled)
    first = declarations(order)
    second = declarations(shuffled)
    random.shuffle(second)
    assert audit(first) == audit(second)


@given(st.integers(1, 5000).flatmap(lambda whole: st.tuples(st.integers(0, whole), st.just(whole))))
def test_a_share_rounded_as_reports_round_it_is_never_a_finding(case: tuple[int, int]) -> None:
    part, whole = case
    written = (Decimal(part * 100) / Decimal(whole)).quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP)
    share = Percentage.of(written)
    assert audit([ShareOf(share, Quantity.exact(part, Unit.HOUSEHOLD), Quantity.exact(whole, Unit.HOUSEHOLD))]) == ()
