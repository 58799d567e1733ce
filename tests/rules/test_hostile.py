"""What a red-team probe of the rule language found, each kept as a test: results that do not
depend on the caller's decimal context, facts and sheets bounded before they cost anything,
codes that cannot become code, and rule shapes the first version read wrongly."""

from __future__ import annotations

import datetime as dt
import decimal
import time
from decimal import Decimal
from typing import Any

import pytest

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.rules import (
    Band,
    Fact,
    Item,
    ItemKind,
    Outcome,
    Prerequisite,
    PrerequisiteKind,
    RuleSheet,
    Subject,
    SubjectKind,
    Threshold,
    compile_sheet,
)

ON = dt.date(2025, 6, 1)
FAMILY = Subject("f-1", "王秀英")
HOME = Subject("h-1", kind=SubjectKind.HOUSEHOLD)


def sheet(items: list[dict[str, Any]], bands: list[dict[str, Any]] | None = None, **more: Any) -> RuleSheet:
    data: dict[str, Any] = {
        "issuer": "x",
        "code": "s",
        "version": "1",
        "title": "测试",
        "effective_from": "2025-01-01",
        "items": items,
    }
    if bands is not None:
        data["bands"] = bands
    return structure(data | more, RuleSheet)


# -- exact whatever the caller's decimal context ----------------------------------------------


def test_totals_do_not_depend_on_the_callers_decimal_context() -> None:
    data = [
        {"code": "a", "title": "甲", "kind": "scored", "points": "1234.5678"},
        {"code": "b", "title": "乙", "kind": "scored", "points": "0.0001"},
    ]
    facts = {"a": Fact.met(), "b": Fact.met()}
    with decimal.localcontext(decimal.Context(prec=6)):  # compiled for the first time under a narrow context
        narrow = compile_sheet(sheet(data, version="narrow")).standing(facts, on=ON).total
    with decimal.localcontext(decimal.Context(prec=6, traps=[decimal.Inexact, decimal.Rounded])):
        trapped = compile_sheet(sheet(data, version="trapped")).evaluate(facts, on=ON, subject=FAMILY)
    assert narrow == trapped.total == Decimal("1234.5679")
    assert compile_sheet(sheet(data, version="narrow")).standing(facts, on=ON).total == Decimal("1234.5679")


# -- bounded input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (
            lambda: Fact.scored("1E-4500"),
            r"^points: expected .* with at most 6 decimal places, got Decimal\('1E-4500'\)$",
        ),
        (lambda: Fact.of_number("1E-999999999"), r"^number: expected a number below 10\^9 with at most 6 decimal"),
        (lambda: Fact.scored("7.99999999999999999999999999999"), r"^points: expected .* at most 6 decimal places"),
        (lambda: Fact.of_number("1E+12"), r"^number: expected a number below 10\^9"),
        (
            lambda: Fact.ratio("120人", "100人"),
            r"^part: expected a part no larger than its whole \(100人\), got '120人'$",
        ),
    ],
)
def test_facts_out_of_bounds_are_refused_at_once(build: Any, message: str) -> None:
    started = time.perf_counter()
    with pytest.raises(ValidationError, match=message):
        build()
    assert time.perf_counter() - started < 1  # refused, not computed


def test_a_threshold_of_a_billion_places_is_refused_before_it_is_computed() -> None:
    with pytest.raises(DefinitionError, match="^value: expected a number"):
        Threshold.at_least(Decimal("1E-999999999"))


def test_a_band_takes_a_bounded_number_of_prerequisites() -> None:
    many = [Prerequisite(PrerequisiteKind.ITEM_MET, "a")] * 21
    with pytest.raises(DefinitionError, match="^requires: expected at most 20 prerequisites, got '21 prerequisites'$"):
        Band("top", "优", requires=many)


def test_a_code_that_is_a_str_subclass_cannot_run_inside_the_evaluator() -> None:
    ran: list[str] = []

    class Code(str):
        __slots__ = ()

        def __repr__(self) -> str:
            return "ran.append('injected') or 'a'"

    item = Item(Code("a"), "甲", ItemKind.SCORED, points=10)
    rules = RuleSheet(issuer="x", code="s", version="1", title="t", effective_from=dt.date(2025, 1, 1), items=[item])
    assert compile_sheet(rules).standing({"a": Fact.met()}, on=ON).total == 10
    assert ran == []


# -- shapes read right -----------------------------------------------------------------------


def test_an_age_range_counts_whole_years() -> None:
    """年龄18至45周岁（含）: a woman of 45 years and 5 months is 45 周岁 and still eligible."""
    rules = sheet(
        [
            {
                "code": "age",
                "title": "年龄18至45周岁",
                "kind": "requirement",
                "condition": {"measure": "elapsed", "thresholds": ["≥18", "≤45"], "duration": "year"},
            }
        ],
        subjects=["person"],
    )
    person = Subject("p-1", kind=SubjectKind.PERSON)
    plan = compile_sheet(rules)
    for born, eligible in (
        (D(1980, 1, 1), True),
        (D(1980, 6, 1), True),
        (D(1979, 6, 1), False),
        (D(2007, 6, 2), False),
    ):
        result = plan.evaluate({"age": Fact.dated(born)}, on=ON, subject=person)
        assert result.band.passing is eligible, (born, result.lines[0].note)
    assert plan.evaluate({"age": Fact.dated(D(1980, 1, 1))}, on=ON, subject=person).lines[0].note == (
        "自1980-01-01起45年5个月，要求不低于18年且不超过45年"
    )


def D(year: int, month: int, day: int) -> dt.date:  # noqa: N802 - reads as the date it builds
    return dt.date(year, month, day)


def test_a_pool_whose_deductions_are_all_not_applicable_drops_its_points() -> None:
    """无庭院的农户: the yard's 30 points are not counted, in the maximum or in the total."""
    fault = {"kind": "deduction", "per_occurrence": "2"}
    expected: list[tuple[str, Decimal, Decimal]] = [
        ("exclude", Decimal(60), Decimal(70)),
        ("scale", Decimal("85.71"), Decimal(100)),
    ]
    for policy, total, maximum in expected:
        rules = sheet(
            [
                fault | {"code": "yard_litter", "title": "庭院垃圾", "group": "yard"},
                fault | {"code": "indoor_dust", "title": "室内灰尘", "group": "indoor"},
            ],
            [
                {"code": "good", "label": "达标户", "minimum": "≥90"},
                {"code": "none", "label": "未达标", "passing": False},
            ],
            subjects=["household"],
            not_applicable=policy,
            groups=[
                {"code": "yard", "title": "庭院整洁", "points": "30"},
                {"code": "indoor", "title": "室内整洁", "points": "70"},
            ],
        )
        facts = {"yard_litter": Fact.not_applicable(), "indoor_dust": Fact.found(5)}
        result = compile_sheet(rules).evaluate(facts, on=ON, subject=HOME)
        assert (result.total, result.maximum) == (total, maximum), policy
        assert compile_sheet(rules).standing(facts, on=ON, kind=SubjectKind.HOUSEHOLD).total == total


def test_requirements_and_vetoes_need_a_floor_that_does_not_pass() -> None:
    with pytest.raises(ValidationError) as raised:
        sheet(
            [
                {"code": "score", "title": "信用积分", "kind": "scored", "points": "100"},
                {"code": "resident", "title": "本村常住户", "kind": "requirement"},
            ],
            [{"code": "A", "label": "A级", "minimum": "≥90"}, {"code": "D", "label": "D级"}],
        )
    assert str(raised.value) == (
        "bands[1].passing: expected false: the sheet has requirements or vetoes, which leave no passing band, "
        "got 'passing, with resident'"
    )


def test_a_failed_requirement_holds_against_an_override_that_raises_the_band() -> None:
    rules = sheet(
        [
            {"code": "score", "title": "考评得分", "kind": "scored", "points": "100"},
            {"code": "lawful", "title": "无违法违纪", "kind": "requirement"},
            {"code": "provincial", "title": "获评省级文明家庭", "kind": "override", "target": "excellent"},
        ],
        [
            {"code": "excellent", "label": "优秀", "minimum": "≥90"},
            {"code": "pass", "label": "合格", "minimum": "≥60"},
            {"code": "fail", "label": "不合格", "passing": False},
        ],
    )
    facts = {"score": Fact.scored(50), "lawful": Fact.not_met(), "provincial": Fact.met()}
    result = compile_sheet(rules).evaluate(facts, on=ON, subject=FAMILY)
    assert (result.band.code, result.best_band.code) == ("fail", "fail")
    assert result.requirements_failed == ("lawful",)
    line = result.line("provincial")
    assert line.outcome is Outcome.MET
    assert line.render() == "✓ 获评省级文明家庭：符合该情形，直接评定为优秀"
    assert compile_sheet(rules).standing(facts, on=ON).band.code == "fail"


def test_short_by_is_none_on_a_limit_the_total_must_exceed() -> None:
    for limit, short_by in ((">85", None), ("85以上", None), ("≥85", None), ("≥88", Decimal(3))):
        rules = sheet(
            [{"code": "r", "title": "考评得分", "kind": "scored", "points": "100"}],
            [{"code": "ex", "label": "优秀", "minimum": limit}, {"code": "fail", "label": "不合格", "passing": False}],
        )
        result = compile_sheet(rules).evaluate({"r": Fact.scored(85)}, on=ON, subject=FAMILY)
        assert result.short_by == short_by, limit


def test_deduction_lines_say_which_limit_stopped_them() -> None:
    rules = sheet(
        [
            {"code": "a", "title": "乱堆乱放", "kind": "deduction", "per_occurrence": "2", "points": "10"},
            {"code": "b", "title": "卫生死角", "kind": "deduction", "per_occurrence": "3", "points": "10"},
            {
                "code": "c",
                "title": "杂物",
                "kind": "deduction",
                "per_occurrence": "2",
                "max_deduction": "6",
                "points": "10",
            },
        ],
    )
    facts = {"a": Fact.found(5), "b": Fact.found(4), "c": Fact.found(5)}
    lines = [line.render() for line in compile_sheet(rules).evaluate(facts, on=ON, subject=FAMILY).lines]
    assert lines == [
        "✗ 乱堆乱放 5处 × 2分 = −10分",
        "✗ 卫生死角 4处 × 3分 = −12分，扣完为止 −10分",
        "✗ 杂物 5处 × 2分 = −10分，最多扣6分 −6分",
    ]


def test_text_and_data_do_not_depend_on_the_callers_decimal_context() -> None:
    rules = sheet(
        [{"code": "s", "title": "参加培训", "kind": "scored", "points": "20000", "per_occurrence": "1.5"}],
        [{"code": "ok", "label": "合格", "minimum": "≥85.123456"}, {"code": "no", "label": "不合格", "passing": False}],
        version="text",
    )
    facts = {"s": Fact.found(12345)}
    with decimal.localcontext(decimal.Context(prec=5, traps=[decimal.Inexact, decimal.Rounded])):
        assert str(Threshold.parse("≥1234567.125")) == "≥1234567.125"
        assert str(Threshold.parse("≥85.123456%")) == "≥85.123456%"
        assert unstructure(rules)["bands"][0]["minimum"] == "≥85.123456"
        line = compile_sheet(rules).evaluate(facts, on=ON, subject=FAMILY).lines[0]
        assert line.render() == "✓ 参加培训 12345次 × 1.5分 = 18517.5分"


def test_a_pool_that_does_not_apply_adds_nothing_to_its_group() -> None:
    """庭院30分 (绿化10分 + a pool of 20 for faults): without a yard's faults to judge, the
    pool's 20 points are neither available nor earned; 绿化 not met leaves the yard at 0/10."""
    rules = sheet(
        [
            {"code": "green", "title": "庭院绿化", "kind": "scored", "group": "yard", "points": "10"},
            {"code": "litter", "title": "庭院垃圾", "kind": "deduction", "group": "yard", "per_occurrence": "2"},
            {"code": "other", "title": "其他", "kind": "scored", "points": "70"},
        ],
        [{"code": "ok", "label": "合格", "minimum": "≥60"}, {"code": "no", "label": "不合格", "passing": False}],
        groups=[{"code": "yard", "title": "庭院", "points": "30"}],
    )
    facts = {"green": Fact.not_met(), "litter": Fact.not_applicable(), "other": Fact.scored(50)}
    result = compile_sheet(rules).evaluate(facts, on=ON, subject=FAMILY)
    yard = result.groups[0]
    assert (yard.score, yard.maximum) == (Decimal(0), Decimal(10))
    assert (result.total, result.maximum, result.band.code) == (Decimal(50), Decimal(80), "no")
    assert compile_sheet(rules).standing(facts, on=ON).band.code == "no"


def test_a_group_share_asks_nothing_of_a_group_that_does_not_apply() -> None:
    """庭院得分率不低于50%: a flat without a yard is not held to it (as to 庭院得满分); a total
    with nothing that applies reaches no share."""
    rules = sheet(
        [
            {"code": "litter", "title": "庭院垃圾", "kind": "deduction", "group": "yard", "per_occurrence": "2"},
            {"code": "dust", "title": "室内灰尘", "kind": "deduction", "group": "indoor", "per_occurrence": "2"},
        ],
        [
            {
                "code": "top",
                "label": "优秀",
                "minimum": "≥90%",
                "requires": [{"kind": "group_minimum", "target": "yard", "minimum": "≥50%"}],
            },
            {"code": "no", "label": "不合格", "passing": False},
        ],
        subjects=["household"],
        groups=[{"code": "yard", "title": "庭院", "points": "30"}, {"code": "indoor", "title": "室内", "points": "70"}],
    )
    flat = {"litter": Fact.not_applicable(), "dust": Fact.found(0)}
    assert compile_sheet(rules).evaluate(flat, on=ON, subject=HOME).band.code == "top"
    nothing = {"litter": Fact.not_applicable(), "dust": Fact.not_applicable()}
    result = compile_sheet(rules).evaluate(nothing, on=ON, subject=HOME)
    assert result.band.code == "no"
    assert result.reasons == ("未达优秀：无适用的评分项，得分率无从计算，须不低于90%",)


def test_counted_items_earn_stated_points_and_name_full_marks() -> None:
    with pytest.raises(DefinitionError, match="^weight: expected no weight for an item that counts occurrences"):
        Item("study", "参加培训", ItemKind.SCORED, points=5, weight="0.5", per_occurrence=2)
    rules = sheet(
        [{"code": "study", "title": "参加培训", "kind": "scored", "points": "30", "per_occurrence": "1.5"}],
        [
            {"code": "top", "label": "优秀", "requires": [{"kind": "item_met", "target": "study"}]},
            {"code": "no", "label": "一般", "passing": False},
        ],
    )
    result = compile_sheet(rules).evaluate({"study": Fact.found(19)}, on=ON, subject=FAMILY)
    assert result.total == Decimal("28.5")
    assert result.reasons == ("未达优秀：参加培训须得满分",)
    assert compile_sheet(rules).evaluate({"study": Fact.found(20)}, on=ON, subject=FAMILY).band.code == "top"


def test_short_by_counts_in_the_sheets_own_steps() -> None:
    rules = sheet(
        [{"code": "r", "title": "考评得分", "kind": "scored", "points": "100"}],
        [{"code": "ex", "label": "优秀", "minimum": "≥2/3"}, {"code": "no", "label": "一般", "passing": False}],
    )
    result = compile_sheet(rules).evaluate({"r": Fact.scored(60)}, on=ON, subject=FAMILY)
    assert result.short_by == 7  # 66.67 points needed; the sheet's totals move in whole points
