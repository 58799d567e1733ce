"""Published rule shapes, each written as a county writes it (as plain data through the
converter) and evaluated by hand-computed examples."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from fulian_core import ValidationError, structure, unstructure
from fulian_core.rules import Condition, Fact, RuleSheet, Subject, SubjectKind, Verdict, compile_sheet, evaluate

D = dt.date
ON = D(2025, 6, 1)
HOME = Subject("h-1", kind=SubjectKind.HOUSEHOLD, unit="371082103201")
FAMILY = Subject("f-1", "王秀英")


def rubric_with_pools(bonus: tuple[tuple[str, str, str], ...]) -> dict[str, Any]:
    """The pooled rubric as a county writes it (docs/rules-as-data.md shows it, with one bonus)."""

    # "总分100分：庭院整洁30分、室内整洁30分、厨房卫生20分、厕所卫生20分，每项发现问题一处扣2分，扣完为止；
    #  私搭乱建一票否决；特色加分最高5分。90分以上为精品户，80分以上为示范户，60分以上为达标户（均含本数）。"
    def pool(code: str, title: str, points: str) -> dict[str, Any]:
        return {"code": code, "title": title, "points": points}

    def fault(code: str, title: str, group: str, per: str = "2") -> dict[str, Any]:
        return {"code": code, "title": title, "kind": "deduction", "group": group, "per_occurrence": per}

    return {
        "issuer": "371082103",
        "code": "beautiful_courtyard",
        "version": "2025",
        "title": "美丽庭院评分细则",
        "effective_from": "2025-01-01",
        "subjects": ["household"],
        "groups": [
            pool("yard", "庭院整洁", "30"),
            pool("indoor", "室内整洁", "30"),
            pool("kitchen", "厨房卫生", "20"),
            pool("toilet", "厕所卫生", "20"),
        ],
        "items": [
            fault("yard_litter", "庭院垃圾杂物", "yard"),
            fault("yard_clutter", "物品摆放杂乱", "yard", "3"),
            fault("indoor_dust", "门窗家具灰尘", "indoor"),
            fault("kitchen_grease", "厨房墙壁油污", "kitchen"),
            fault("toilet_odour", "厕所异味", "toilet", "5"),
            *({"code": code, "title": title, "kind": "bonus", "points": points} for code, title, points in bonus),
            {"code": "illegal_building", "title": "私搭乱建", "kind": "override"},
        ],
        "bands": [
            {"code": "boutique", "label": "精品户", "minimum": "≥90"},
            {"code": "demonstration", "label": "示范户", "minimum": "≥80"},
            {"code": "standard", "label": "达标户", "minimum": "≥60"},
            {"code": "none", "label": "未达标", "passing": False},
        ],
        "maximum": "100",
        "bonus_cap": "5",
        "missing": "error",
    }


POOLS = structure(rubric_with_pools((("featured", "特色庭院", "3"), ("volunteer", "参与巾帼志愿服务", "3"))), RuleSheet)


def _clean(**found: int) -> dict[str, Fact]:
    facts = {item.code: Fact.found(0) for item in POOLS.items if item.kind.code == "deduction"}
    facts |= {code: Fact.found(count) for code, count in found.items()}
    return facts | {"illegal_building": Fact.not_met()}


def test_pools_take_deductions_until_they_are_empty() -> None:
    # 庭院: 8 处垃圾 × 2 = 16 and 6 处杂乱 × 3 = 18 → 34 > 30: the pool stops at 0 (扣完为止).
    result = evaluate(POOLS, _clean(yard_litter=8, yard_clutter=6, kitchen_grease=2), on=ON, subject=HOME)
    subtotals = {group.group: group.score for group in result.groups}
    assert subtotals == {"yard": 0, "indoor": 30, "kitchen": 16, "toilet": 20}
    assert result.total == 66
    assert result.band.code == "standard"
    assert result.line("yard_litter").detail == "庭院垃圾杂物 8处 × 2分 = −16分"
    assert result.line("yard_clutter").points == -18
    assert result.reasons == ("未达示范户：总分66分，须不低于80分",)


def test_the_bonus_is_capped_at_five_and_stated_apart() -> None:
    result = evaluate(
        POOLS, _clean(kitchen_grease=3) | {"featured": Fact.met(), "volunteer": Fact.met()}, on=ON, subject=HOME
    )
    assert (result.total, result.bonus, result.maximum, result.bonus_ceiling) == (
        Decimal(99),
        Decimal(5),
        Decimal(100),
        Decimal(5),
    )
    assert result.band.code == "boutique"
    assert result.render(heading="h-1").splitlines()[2:4] == [
        "得分 99（满分100分＋加分5分），其中加分 5",
        "等级：精品户",
    ]


@pytest.mark.parametrize(
    ("found", "total", "band"),
    [
        ({"toilet_odour": 2}, 90, "boutique"),  # ≥90 includes 90
        ({"toilet_odour": 3}, 85, "demonstration"),
        ({"toilet_odour": 4}, 80, "demonstration"),
        ({"toilet_odour": 9}, 80, "demonstration"),  # the 厕所 pool of 20 is empty after 4
        ({"yard_clutter": 7}, 79, "standard"),
        ({"yard_clutter": 10, "toilet_odour": 2}, 60, "standard"),
        ({"yard_clutter": 10, "toilet_odour": 3}, 55, "none"),
    ],
)
def test_bands_include_their_limits(found: dict[str, int], total: int, band: str) -> None:
    result = evaluate(POOLS, _clean(**found), on=ON, subject=HOME)
    assert (result.total, result.band.code) == (Decimal(total), band)


def test_a_veto_takes_the_band_whatever_the_score() -> None:
    result = evaluate(POOLS, _clean() | {"illegal_building": Fact.met()}, on=ON, subject=HOME)
    assert (result.total, result.band.code, result.verdict) == (Decimal(100), "none", Verdict.NOT_ELIGIBLE)


def _four_bands(boundary: str) -> RuleSheet:
    # "85分以上为优秀，70分以上为良好，60分以上为合格，60分以下为不合格"
    limits = {
        "inclusive": ("≥85", "≥70", "≥60"),
        "exclusive": (">85", ">70", ">60"),
        "unstated": ("85以上", "70以上", "60以上"),
    }
    excellent, good, passing = limits[boundary]
    return structure(
        {
            "issuer": "371082",
            "code": "annual_review",
            "version": boundary,
            "title": "巾帼文明岗年度考评",
            "effective_from": "2025-01-01",
            "subjects": ["post"],
            "items": [{"code": "review", "title": "考评得分", "kind": "scored", "points": "100"}],
            "bands": [
                {"code": "excellent", "label": "优秀", "minimum": excellent},
                {"code": "good", "label": "良好", "minimum": good},
                {"code": "pass", "label": "合格", "minimum": passing},
                {"code": "fail", "label": "不合格", "passing": False},
            ],
        },
        RuleSheet,
    )


@pytest.mark.parametrize(
    ("boundary", "points", "band", "best"),
    [
        ("inclusive", "85", "excellent", "excellent"),
        ("exclusive", "85", "good", "good"),
        ("unstated", "85", "good", "excellent"),  # exactly on an unstated boundary: undecided
        ("unstated", "85.5", "excellent", "excellent"),
        ("unstated", "84.5", "good", "good"),
        ("inclusive", "60", "pass", "pass"),
        ("exclusive", "60", "fail", "fail"),
        ("unstated", "60", "fail", "pass"),
    ],
)
def test_four_bands_with_boundaries_stated_both_ways_and_not_at_all(
    boundary: str, points: str, band: str, best: str
) -> None:
    post = Subject("post-1", "人和镇便民服务中心", SubjectKind.POST)
    result = evaluate(_four_bands(boundary), {"review": Fact.scored(points)}, on=ON, subject=post)
    assert (result.band.code, result.best_band.code) == (band, best)
    if band != best:
        assert any("规则未说明是否含本数" in reason for reason in result.reasons)
        assert "待定" in result.render()


GRADES = structure(
    {
        "issuer": "371082",
        "code": "credit_grade",
        "version": "2025",
        "title": "家庭信用评级",
        "effective_from": "2025-01-01",
        "items": [
            {"code": "score", "title": "信用积分", "kind": "scored", "points": "100"},
            {
                "code": "dishonest",
                "title": "列入失信被执行人名单",
                "kind": "override",
                "target": "D",
                "description": "直接评定为D级",
            },
            {"code": "warning", "title": "受到警告处分", "kind": "override", "target": "B", "effect": "cap"},
            {"code": "model", "title": "获评省级文明家庭", "kind": "override", "target": "A"},
        ],
        "bands": [
            {"code": "A", "label": "A级", "minimum": "≥90"},
            {"code": "B", "label": "B级", "minimum": "≥75"},
            {"code": "C", "label": "C级", "minimum": "≥60"},
            {"code": "D", "label": "D级"},
        ],
    },
    RuleSheet,
)


@pytest.mark.parametrize(
    ("points", "flags", "band"),
    [
        ("95", (), "A"),
        ("80", (), "B"),
        ("95", ("dishonest",), "D"),  # 直接评定为D级 whatever the score
        ("95", ("warning",), "B"),  # at most B
        ("70", ("warning",), "C"),  # a cap never raises
        ("50", ("model",), "A"),  # 直接评定为A级
        ("50", ("model", "dishonest"), "D"),  # two direct grades: the lower stands
    ],
)
def test_grades_a_to_d_with_direct_grading(points: str, flags: tuple[str, ...], band: str) -> None:
    facts = {"score": Fact.scored(points)} | {
        code: Fact.met() if code in flags else Fact.not_met() for code in ("dishonest", "warning", "model")
    }
    result = evaluate(GRADES, facts, on=ON, subject=FAMILY)
    assert result.band.code == band
    if "dishonest" in flags:
        assert result.reasons[0] == "直接评定为D级：列入失信被执行人名单"


def test_an_unknown_direct_grade_leaves_the_grade_open_both_ways() -> None:
    facts = {
        "score": Fact.scored("80"),
        "dishonest": Fact.not_met(),
        "warning": Fact.not_met(),
        "model": Fact.unknown(),
    }
    result = evaluate(GRADES, facts, on=ON, subject=FAMILY)
    assert (result.band.code, result.best_band.code, result.deciding) == ("B", "A", ("model",))


POST = structure(
    {
        "issuer": "37",
        "code": "womens_civilized_post",
        "version": "2025",
        "title": "巾帼文明岗",
        "effective_from": "2025-01-01",
        "subjects": ["post"],
        "items": [
            {
                "code": "women_share",
                "title": "女性职工占三分之二以上",
                "kind": "requirement",
                "condition": {"measure": "ratio", "thresholds": ["三分之二以上（含）"], "unit": "person"},
            },
            {
                "code": "area",
                "title": "经营面积50亩以上",
                "kind": "requirement",
                "condition": {"measure": "quantity", "thresholds": ["50以上"], "unit": "mu"},
            },
            {
                "code": "years",
                "title": "从业满3年",
                "kind": "requirement",
                "condition": {"measure": "elapsed", "thresholds": ["≥3"], "duration": "year"},
            },
            {
                "code": "video",
                "title": "宣传视频1至2分钟",
                "kind": "requirement",
                "condition": {"measure": "quantity", "thresholds": ["≥1", "≤2"], "unit": "minute"},
            },
            {
                "code": "recent_offence",
                "title": "近五年内有违法违纪行为",
                "kind": "override",
                "condition": {"measure": "elapsed", "thresholds": ["<5"], "duration": "year"},
            },
        ],
    },
    RuleSheet,
)
UNIT = Subject("post-2", "荣成市人民医院妇产科", SubjectKind.POST)


def _post(**facts: Fact) -> dict[str, Fact]:
    base = {
        "women_share": Fact.ratio("80人", "100人"),
        "area": Fact.measured("52亩"),
        "years": Fact.dated(D(2020, 3, 1)),
        "video": Fact.measured("1.5分钟"),
        "recent_offence": Fact.not_met(),
    }
    return base | facts


@pytest.mark.parametrize(
    ("facts", "verdict", "note"),
    [
        ({}, Verdict.ELIGIBLE, ""),
        (
            {"women_share": Fact.ratio("60余人", "100人")},
            Verdict.UNDECIDED,
            "60余人/100人，要求不低于三分之二，无法判定（数值不确定）",
        ),
        ({"women_share": Fact.ratio("70人", "近100人")}, Verdict.ELIGIBLE, ""),
        ({"women_share": Fact.ratio("66人", "100人")}, Verdict.NOT_ELIGIBLE, ""),
        (
            {"area": Fact.measured("50亩")},
            Verdict.UNDECIDED,
            "50亩，要求50亩以上（未说明是否含本数），无法判定（恰在界限上，规则未说明是否含本数）",
        ),
        ({"area": Fact.measured("约50亩")}, Verdict.UNDECIDED, ""),
        ({"years": Fact.dated(D(2022, 6, 1))}, Verdict.ELIGIBLE, ""),  # 满3年 on 2025-06-01 exactly
        ({"years": Fact.dated(D(2022, 6, 2))}, Verdict.NOT_ELIGIBLE, ""),
        ({"video": Fact.measured("2.5分钟")}, Verdict.NOT_ELIGIBLE, ""),
        ({"recent_offence": Fact.dated(D(2021, 1, 5))}, Verdict.NOT_ELIGIBLE, ""),
        ({"recent_offence": Fact.dated(D(2019, 12, 31))}, Verdict.ELIGIBLE, ""),
    ],
)
def test_measured_thresholds_with_qualified_figures(facts: dict[str, Fact], verdict: Verdict, note: str) -> None:
    result = evaluate(POST, _post(**facts), on=ON, subject=UNIT)
    assert result.verdict is verdict
    if note:
        (line,) = [line for line in result.lines if line.outcome.code == "undecided"]
        assert line.note == note
        assert line.item in result.deciding


def test_measured_facts_in_another_unit_are_refused() -> None:
    from fulian_core import ValidationError

    with pytest.raises(
        ValidationError, match=r"^facts\['area'\].quantity: expected a figure in 亩 for 经营面积50亩以上, got '52人'$"
    ):
        evaluate(POST, _post(area=Fact.measured("52人")), on=ON, subject=UNIT)


UNPUBLISHED = structure(
    {
        "issuer": "371082",
        "code": "star_household",
        "version": "2025",
        "title": "星级文明户",
        "effective_from": "2025-01-01",
        "items": [
            {"code": "respect", "title": "尊老爱幼", "kind": "scored", "points": "50"},
            {"code": "thrift", "title": "勤俭持家", "kind": "scored", "points": "50"},
            {"code": "unlawful", "title": "违法犯罪", "kind": "override"},
        ],
        "bands": [
            {"code": "eligible", "label": "符合评选条件", "minimum": "未公布的下限"},
            {"code": "not_eligible", "label": "不符合评选条件", "passing": False},
        ],
    },
    RuleSheet,
)


def test_a_sheet_without_a_published_pass_mark_decides_nobody() -> None:
    full = {"respect": Fact.met(), "thrift": Fact.met(), "unlawful": Fact.not_met()}
    result = evaluate(UNPUBLISHED, full, on=ON, subject=FAMILY)
    assert (result.total, result.verdict) == (Decimal(100), Verdict.UNDECIDED)
    assert result.reasons == ("尚不能确定为符合评选条件：等级线未公布",)
    # A disqualifier still decides: no pass mark makes a vetoed family eligible.
    vetoed = evaluate(UNPUBLISHED, full | {"unlawful": Fact.met()}, on=ON, subject=FAMILY)
    assert vetoed.verdict is Verdict.NOT_ELIGIBLE
    assert compile_sheet(UNPUBLISHED).standing(full, on=ON).verdict is Verdict.UNDECIDED


def test_nested_groups_and_a_group_minimum_as_a_band_prerequisite() -> None:
    sheet = structure(
        {
            "issuer": "371082",
            "code": "nested",
            "version": "1",
            "title": "嵌套分组细则",
            "effective_from": "2025-01-01",
            "subjects": ["household"],
            "groups": [
                {"code": "environment", "title": "人居环境", "points": "60"},
                {"code": "yard", "title": "庭院", "parent": "environment"},
                {"code": "indoor", "title": "室内", "parent": "environment"},
                {"code": "culture", "title": "家风"},
            ],
            "items": [
                {"code": "yard_green", "title": "庭院绿化", "kind": "scored", "group": "yard", "points": "20"},
                {"code": "indoor_tidy", "title": "室内整洁", "kind": "scored", "group": "indoor", "points": "20"},
                {"code": "litter", "title": "垃圾乱堆", "kind": "deduction", "group": "yard", "per_occurrence": "5"},
                {"code": "motto", "title": "家训上墙", "kind": "scored", "group": "culture", "points": "40"},
            ],
            "bands": [
                {
                    "code": "five_star",
                    "label": "五星",
                    "minimum": "≥90",
                    "requires": [{"kind": "group_minimum", "target": "environment", "minimum": "≥55"}],
                },
                {"code": "three_star", "label": "三星", "minimum": "≥60"},
                {"code": "unrated", "label": "未评星"},
            ],
        },
        RuleSheet,
    )
    facts = {"yard_green": Fact.met(), "indoor_tidy": Fact.met(), "litter": Fact.found(2), "motto": Fact.met()}
    result = evaluate(sheet, facts, on=ON, subject=HOME)
    # 人居环境 60 = 20 + 20 + a pool of 20 that 垃圾乱堆 draws on: 60 − 10 = 50, below its 55.
    assert {group.group: group.score for group in result.groups} == {
        "environment": 50,
        "yard": 10,
        "indoor": 20,
        "culture": 40,
    }
    assert (result.total, result.band.code) == (Decimal(90), "three_star")
    assert result.reasons == ("未达五星：人居环境得分须不低于55分",)


def _rated_by_share(policy: str) -> RuleSheet:
    # "按得分率评定：得分率85%及以上为优秀，60%以上为合格（室内得分率须不低于50%）；无庭院的不计庭院分。"
    fault = {"kind": "deduction", "per_occurrence": "2"}
    return structure(
        {
            "issuer": "371082",
            "code": "courtyard_rate",
            "version": policy,
            "title": "庭院整治得分率评定",
            "effective_from": "2025-01-01",
            "subjects": ["household"],
            "not_applicable": policy,
            "groups": [
                {"code": "yard", "title": "庭院", "points": "30"},
                {"code": "indoor", "title": "室内", "points": "70"},
            ],
            "items": [
                fault | {"code": "yard_litter", "title": "庭院垃圾", "group": "yard"},
                fault | {"code": "indoor_dust", "title": "室内灰尘", "group": "indoor"},
            ],
            "bands": [
                {"code": "excellent", "label": "优秀", "minimum": "85%及以上"},
                {
                    "code": "pass",
                    "label": "合格",
                    "minimum": "60%以上（含）",
                    "requires": [{"kind": "group_minimum", "target": "indoor", "minimum": "≥50%"}],
                },
                {"code": "fail", "label": "不合格", "passing": False},
            ],
        },
        RuleSheet,
    )


@pytest.mark.parametrize(
    ("policy", "found", "total", "band", "reason"),
    [
        # No yard: 60 of the 70 points that apply is 85.7%, 优秀 — though 60 points of 100 would not be.
        ("exclude", (None, 5), "60", "excellent", ()),
        ("scale", (None, 5), "85.71", "excellent", ()),
        # 54 of 100 misses 60%.
        ("exclude", (15, 8), "54", "fail", ("未达合格：总分54分（适用满分100分），须不低于60%",)),
        # The indoor group at 30 of 70 (42.9%) misses its 50% although the total reaches 60%.
        ("exclude", (0, 20), "60", "fail", ("未达合格：室内得分率须不低于50%",)),
        # Nothing applies: nothing reaches a share of nothing.
        ("exclude", (None, None), "0", "fail", None),
    ],
)
def test_bands_by_the_share_of_the_points_that_apply(
    policy: str, found: tuple[int | None, int | None], total: str, band: str, reason: tuple[str, ...] | None
) -> None:
    rules = _rated_by_share(policy)
    yard, indoor = (Fact.not_applicable() if count is None else Fact.found(count) for count in found)
    facts = {"yard_litter": yard, "indoor_dust": indoor}
    result = evaluate(rules, facts, on=ON, subject=HOME)
    assert (result.total, result.band.code) == (Decimal(total), band)
    if reason is not None:
        assert result.reasons == reason
    assert compile_sheet(rules).standing(facts, on=ON, kind=SubjectKind.HOUSEHOLD).band.code == band


def test_shares_stay_shares_and_points_stay_points() -> None:
    data = _rated_by_share("exclude")
    assert str(data.bands[0].minimum) == "≥85%"
    mixed = unstructure(data)
    mixed["bands"][1]["minimum"] = "≥60"
    with pytest.raises(ValidationError) as raised:
        structure(mixed, RuleSheet)
    assert str(raised.value) == (
        "bands[1].minimum: expected a share, as the better bands' minimums are "
        "(a sheet states them all in points or all as shares), got '≥60'"
    )
    mixed["bands"][1]["minimum"] = "≥160%"
    with pytest.raises(ValidationError, match=r"expected a share of the maximum from 0% to 100%, got '≥160%'"):
        structure(mixed, RuleSheet)
    with pytest.raises(ValidationError, match=r"thresholds\[0\]: expected a threshold in the quantity condition's own"):
        structure(
            {"measure": "quantity", "unit": "mu", "thresholds": ["≥50%"]},
            Condition,
        )


def test_a_bonus_earned_per_occurrence_up_to_its_points() -> None:
    # "每参加一次巾帼志愿服务加1分，最高加5分；每参加一次学习培训得2分，满分10分。"
    rules = structure(
        {
            "issuer": "371082103201",
            "code": "family_credit",
            "version": "2025",
            "title": "家庭积分",
            "effective_from": "2025-01-01",
            "items": [
                {"code": "study", "title": "参加学习培训", "kind": "scored", "points": "10", "per_occurrence": "2"},
                {
                    "code": "volunteer",
                    "title": "参加巾帼志愿服务",
                    "kind": "bonus",
                    "points": "5",
                    "per_occurrence": "1",
                },
            ],
            "bands": [
                {"code": "star", "label": "星级家庭", "minimum": "八分以上（含）"},
                {"code": "none", "label": "未评星", "passing": False},
            ],
            "maximum": "10",
        },
        RuleSheet,
    )
    assert str(rules.bands[0].minimum) == "≥8"
    result = evaluate(rules, {"study": Fact.found(3), "volunteer": Fact.found(7)}, on=ON, subject=FAMILY)
    assert result.total == 11
    assert [line.render() for line in result.lines] == [
        "✓ 参加学习培训 3次 × 2分 = 6分",
        "✓ 参加巾帼志愿服务 7次 × 1分 = 7分，最高加5分",
    ]
    assert evaluate(rules, {"study": Fact.found(9)}, on=ON, subject=FAMILY).line("study").points == 10
    with pytest.raises(ValidationError, match=r"^facts\['volunteer'\].kind: expected found, met, not_met"):
        evaluate(rules, {"study": Fact.found(1), "volunteer": Fact.rated("好")}, on=ON, subject=FAMILY)
