"""The worked example: a county federation reads a township's annual report (工作总结).

It builds a small hierarchy from division codes, reads every figure of a paragraph of seed
001 (篇1: its teams, households, sessions and money) as qualified quantities, sums them per
unit the way the report would, rolls the villages' figures up the hierarchy, and prints
percentage shares that add up to exactly 100.00. Then the county adapts the national 最美家庭
standard and assesses three families, printing each explanation, then completes the pending
one. Then a township's month of courtyard work: a spot-check sample, cross-village groups,
scored home visits, a provisional spot check where nobody was home, plaques that move, and
credit points. Then the township's indicator table rebuilt from its figures, two
more townships beside it, rolled up to the county with coverage, one consistency finding, and
the report lines; seed 000's community campaign from mobilisation to commendation. Last, seed
004's civilised-city task list and its rectification cases: 限期 across the National Day
holiday, a failed re-check, an escalation, the cases overdue on a date, 整改率 and 按期整改率.
Then a household's two years of credit score and points. At the end, passages of seeds 000 to
003 audited against themselves: shares against their counts, two shares of one district, parts
against their whole with the nesting declared both ways. Last, three parts of seed 001's work: a year
of the 执委's contact duties (每月至少沟通1次，每季度至少走访1次，每年至少办1件好事实事), met and
overdue per person and the 履职率 per village and township; a month of the family risk register
(月度排查, reviews by level, a level lowered with its reason, a closure, the overdue reviews, notes kept
out of ``repr``); and a 12345 hotline case mediated across the National Day holiday, in working days,
to its follow-up and closure, with the year's 调解成功率 and 按期办结率.

Run it with ``python3 scripts/dev.py example``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import defaultdict
from decimal import Decimal
from typing import Any

from fulian_core import (
    Cadence,
    InsufficientCreditError,
    Level,
    OrgKind,
    OrgTree,
    OrgUnit,
    Period,
    PeriodKind,
    Quantity,
    TransitionRefused,
    Unit,
    ValidationError,
    china_calendar,
    find_figures,
    labelled_percentage_shares,
    mask_name,
    redact_text,
)
from fulian_core.audit import (
    Compare,
    Nesting,
    PartsOfWhole,
    ReportFinding,
    SameBase,
    ShareOf,
    SharesSum,
    Stated,
    audit_report,
)
from fulian_core.courtyard import (
    Household,
    Inspection,
    InspectionKind,
    Inspector,
    PlaquePolicy,
    ScoreCard,
    VillageDistances,
    assign_inspectors,
    plaque_history,
    score,
    standing,
    stratified_sample,
)
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC, TIER_CODES
from fulian_core.credit import (
    BandLink,
    CheckLink,
    CreditEvent,
    CreditLinks,
    CreditRecord,
    CreditRepair,
    Goods,
    PointsAccount,
    PriceList,
    ShopCycle,
    booklet,
    credit_standing,
    earn_from,
    linked_events,
    redeem,
)
from fulian_core.credit.catalog import DISTRICT_HOUSEHOLD_CREDIT
from fulian_core.criteria import Evidence, assess
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_NATIONAL as NATIONAL
from fulian_core.indicators import (
    MEDIATION_DEFINITIONS,
    Dataset,
    DataValue,
    Indicator,
    IndicatorSet,
    Operator,
    Origin,
    check_totals,
    contact_definitions,
    contact_values,
    mediation_values,
    render_value,
    risk_definitions,
    risk_values,
    rollup,
    rollup_ratio,
    rollup_table,
    share_breakdown,
)
from fulian_core.mediation import (
    MEDIATION_WORKFLOW,
    Dispute,
    DisputeKind,
    FollowUp,
    Referral,
    ReferralBody,
    Session,
    dispute_of,
    mediation_figures,
    open_dispute,
)
from fulian_core.mediation import Channel as DisputeChannel
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    Actor,
    Campaign,
    Channel,
    Command,
    DayCounting,
    Dossier,
    DossierRule,
    Event,
    NoticeRule,
    Phase,
    PhaseKind,
    Quota,
    Role,
    Submission,
    campaign_statistics,
    handle,
    notice_view,
    replay,
    start,
)
from fulian_core.nominations.statistics import CampaignStatistics, Counts
from fulian_core.organisation import (
    BallotPaper,
    CommitteeSpec,
    Contact,
    ContactPlan,
    Contest,
    Duty,
    DutyStatus,
    ElectionMethod,
    ElectionRules,
    Mark,
    Member,
    MemberGroup,
    Seat,
    check_slate,
    composition,
    contact_duties,
    count_election,
)
from fulian_core.organisation.catalog import COMMITTEE_BREAKDOWNS
from fulian_core.quantities import Unit as _Unit
from fulian_core.rectification import (
    Assign,
    Problem,
    ProblemSource,
    open_case,
    rectification_figures,
    rectification_workflow,
    responsible_unit,
)
from fulian_core.rectification.catalog import CIVILISED_CITY_TASKS, CIVILISED_CITY_UNITS
from fulian_core.reported import Percentage, implied_base
from fulian_core.reporting import Report, ReportRound, ReturnReasons, RoundAct
from fulian_core.risks import (
    RISK_WORKFLOW,
    LevelChange,
    Registration,
    Review,
    RiskCategory,
    RiskSubject,
    ScreeningSource,
    open_entry,
    registration_of,
    risk_figures,
)
from fulian_core.rules import (
    Condition,
    Fact,
    Item,
    ItemKind,
    Measure,
    RuleSheet,
    SheetCatalog,
    SheetPlan,
    Subject,
    SubjectKind,
    Threshold,
    compile_sheet,
)
from fulian_core.workflows import Act, Case, advance, china_date, overdue

# Seed 001, 篇1 (乡镇妇联2024年工作总结), the township's own words.
REPORT = """\
广泛开展“巾帼心向党奋进新征程”巾帼大宣讲活动,组织广大妇女开展巾帼大学习,组建46支巾帼宣讲队伍开展党的政策、理论宣讲活动和普法教育活动。
在全镇各村打造特色农家,创建精致农家示范户613户,精品户307户。组织巾帼志愿者参与村居环境整治志愿服务活动200余场次。
组建46支巾帼林长护林队伍,护林防火期内各个村开展防火巡查6600次以上,参与人数达到138人。
通过“解语花开”身边人讲身边事故事分享会和新时代文明实践讲堂宣讲、暖心食堂“餐前一刻钟”活动,宣讲场次达60余场。
每月组织各村居开展“巾帼心向党奋进新征程”主题宣讲,全年开展主题宣讲1200场次以上。
对困难学生和儿童进行摸排,自筹“社会妈妈”捐款15645元,共收到社会各界爱心善款56745元,全部发放至31名困难学子手中。
做好普法宣传工作,全年开展普法宣讲1100余场次。
依托____镇农创梦想之家开展电商培训,全年开展各类培训18场次,受众达1300余人次。
在南柳、北新庄、埠东夼村打造妇女微家3处,在荣成纯家牧业有限公司打造巾帼共富工坊1处、成立两新领域妇联组织2处。
"""

# A county, two townships and their villages, with real-looking 12-digit codes.
DIVISIONS = {
    "371082000000": "荣成市",
    "371082103000": "人和镇",
    "371082103201": "南柳村",
    "371082103202": "北新庄村",
    "371082103203": "埠东夼村",
    "371082104000": "俚岛镇",
    "371082104201": "烟墩角村",
    "371082105000": "成山镇",
    "371082105201": "西霞口村",
}
ENTERPRISE = OrgUnit("371082103-LX01", "荣成纯家牧业有限公司妇联", Level.VILLAGE, "371082103", OrgKind.NEW_ORGANISATION)

# What each village reported for 妇女微家 (women's micro-homes), as its own report writes it.
VILLAGE_REPORTS = {
    "371082103201": "1处",
    "371082103202": "1处",
    "371082103203": "1处",
    "371082104201": "2处",
}


def build_hierarchy() -> OrgTree:
    tree = OrgTree.from_division_codes(DIVISIONS, others=[ENTERPRISE])
    print("一、组织层级 (the hierarchy)")
    for root in tree.roots:
        for unit in (root, *tree.descendants(root.code)):
            indent = "  " * tree.depth(unit.code)
            print(f"  {indent}{unit.name} [{unit.level.label}] {unit.code}")
    county = tree.ancestor_at("371082103203", Level.COUNTY)
    assert county is not None
    print(f"  埠东夼村所属县级单位: {county.name}")
    print()
    return tree


def read_figures() -> dict[Unit, list[Quantity]]:
    print("二、报告中的数字 (every figure in the paragraph)")
    by_unit: dict[Unit, list[Quantity]] = defaultdict(list)
    for found in find_figures(REPORT):
        figure = found.quantity
        print(f"  {found.text:<10} → {figure.qualifier.label:<4} 区间 {figure.bounds}")
        by_unit[figure.unit].append(figure)
    print()
    return by_unit


def sum_per_unit(by_unit: dict[Unit, list[Quantity]]) -> None:
    print("三、按单位合计 (sums per unit, qualifiers kept)")
    for unit, figures in by_unit.items():
        total = Quantity.total(figures, unit)
        terms = " + ".join(str(figure) for figure in figures)
        print(f"  {unit.label:<3} {terms} = {total}")
    print()


def shares() -> None:
    print("四、占比 (shares from counts, adding up to 100.00)")
    households = labelled_percentage_shares({"示范户": 613, "精品户": 307})
    money = labelled_percentage_shares({"“社会妈妈”自筹": 15645, "社会各界善款": 56745})
    for title, table in (("精致农家创建户", households), ("助学资金", money)):
        parts = "，".join(f"{label}{share}%" for label, share in table.items())
        print(f"  {title}: {parts}（合计{sum(table.values())}%）")
    print()


def roll_up(tree: OrgTree) -> None:
    print("五、逐级汇总 (village figures rolled up the hierarchy)")
    totals: dict[str, Quantity] = {}
    for village, text in VILLAGE_REPORTS.items():
        figure = Quantity.parse(text)
        for unit in tree.path(village):
            totals[unit.code] = totals.get(unit.code, Quantity.zero(Unit.SITE)) + figure
    reported = Quantity.parse("3处")
    for unit in tree:
        if unit.level in (Level.COUNTY, Level.TOWNSHIP) and unit.code in totals:
            print(f"  {unit.name}: 妇女微家 {totals[unit.code]}")
    summed = totals["371082103"]
    verdict = "一致" if reported == summed else "不一致"
    print(f"  人和镇报告 {reported}，各村合计 {summed}：{verdict}")
    print()


def notice() -> None:
    print("六、公示 (a public notice, names masked, 5 working days)")
    start = dt.date(2024, 9, 27)
    end = china_calendar(2024).add_working_days(start, 5)
    print(f"  最美家庭候选: {mask_name('张秀梅')}家庭")
    print(f"  公示自{start:%Y-%m-%d}起5个工作日，至{end:%Y-%m-%d}（国庆假期不计，9月29日调休上班计入）")


def criteria(tree: OrgTree) -> None:
    print()
    print("七、最美家庭评审 (a county adapts the national standard and assesses three families)")
    county = NATIONAL.adapt(
        issuer="371082",
        version="2024",
        effective_from=dt.date(2024, 3, 1),
        add=[Item("family_motto", "有良好家训家风", ItemKind.REQUIREMENT, title_en="a good family motto")],
        source="荣成市妇联2024年最美家庭评选方案（示例）",
    )
    standards = SheetCatalog((NATIONAL, county))
    on = dt.date(2024, 5, 10)
    in_force = standards.in_force(NATIONAL.code, "371082103201", on, tree=tree)
    print(f"  南柳村适用标准: {in_force.ref}（基于 {in_force.based_on}）")
    pairs = NATIONAL.codes[:5]
    vetoes = [item.code for item in NATIONAL.of_kind(ItemKind.OVERRIDE)]
    clear = {code: Fact.not_met() for code in vetoes}
    families = [
        Evidence(
            Subject("f-001", "刘红玉", unit="371082103201"),
            {code: Fact.met("村妇联入户核实") for code in pairs} | {"family_motto": Fact.met("家训“勤俭持家”")} | clear,
        ),
        Evidence(
            Subject("f-002", "王永勤", unit="371082103202"),
            {code: Fact.met() for code in pairs} | clear | {"vice": Fact.unknown("待派出所回函")},
        ),
        Evidence(
            Subject("f-003", "聂福则", unit="371082103203"),
            {code: Fact.met() for code in pairs}
            | {"family_motto": Fact.met()}
            | clear
            | {"unlawful": Fact.met("法院判决书")},
        ),
    ]
    plan = compile_sheet(in_force)  # compiled once, for every family
    summary: list[str] = []
    for evidence in families:
        evaluation = assess(plan, evidence, on=on)
        print()
        for line in evaluation.render().splitlines():
            print(f"  {line}")
        why = "；".join(evaluation.reasons)
        if evaluation.deciding:  # the unknowns that could still change the verdict
            why = "待核实：" + "、".join(evaluation.line(code).title for code in evaluation.deciding)
        verdict = evaluation.verdict.label + (f"（{why}）" if why else "")
        summary.append(f"{mask_name(evidence.candidate.name)} {verdict}")
    print()
    print("  评审汇总: " + "；".join(summary))

    # The pending family's evidence arrives; the catalog resolves the standard for her village.
    pending = families[1]
    completed = pending.with_fact("vice", Fact.not_met("派出所回函：无涉黄赌毒记录")).with_fact(
        "family_motto", Fact.met("家训“忠厚传家”")
    )
    later = standards.evaluate(
        NATIONAL.code,
        completed.facts,
        on=dt.date(2024, 5, 20),
        subject=completed.candidate,
        tree=tree,
        unit="371082103202",
    )
    name = mask_name(completed.candidate.name)
    print(f"  {name} 补充材料后（{later.on}，依据 {later.sheet}）: {later.verdict.label}，暂定: {later.provisional}")
    try:
        assess(plan, Evidence(Subject("f-004", "赵敏"), {"respect": Fact.met()}), on=on)
    except ValidationError as error:
        print()
        print(f"  材料有误: {error}")


def _facts(rng: random.Random, quality: int) -> dict[str, Fact]:
    """What inspectors might find in a household of a given quality (0 poor … 3 excellent)."""
    grades = ["差", "一般", "较好", "好"]
    defects = [4, 2, 1, 0][quality]
    return {
        "yard_litter": Fact.found(rng.randint(0, defects)),
        "kitchen_grease": Fact.found(rng.randint(0, defects)),
        "door_window_dust": Fact.found(rng.randint(0, defects)),
        "toilet_clean": Fact.met() if quality >= 1 else Fact.not_met(),
        "yard_clutter": Fact.found(rng.randint(0, defects)),
        "indoor_storage": Fact.rated(grades[quality]),
        "walls_tidy": Fact.rated(grades[min(3, quality + rng.randint(0, 1))]),
        "greenery": Fact.rated(grades[quality]) if rng.random() > 0.1 else Fact.not_applicable("无庭院"),
        "featured": Fact.scored(5 if quality == 3 and rng.random() > 0.5 else 0),
        "illegal_building": Fact.met() if rng.random() < 0.03 else Fact.not_met(),
        "unlawful": Fact.not_met(),
    }


def courtyards(tree: OrgTree) -> None:
    print()
    print("八、精致农家 一个月 (a township's month of courtyard inspections)")
    rng = random.Random(20240531)  # noqa: S311 - the caller's seed: the same seed, the same month
    villages = [
        unit.code for unit in tree.units_at(Level.VILLAGE, under="371082103") if unit.kind is OrgKind.GEOGRAPHIC
    ]
    names = {code: tree.unit(code).name for code in villages}
    households = {village: [f"{names[village]}-{n:02d}" for n in range(1, 9)] for village in villages}

    sample = stratified_sample(households, "0.25", rng=rng)
    print("  每月一抽查 (25%): " + "；".join(f"{names[v]} {'、'.join(chosen)}" for v, chosen in sample.items()))

    chairs = [Inspector(f"{names[village]}妇联主席", village) for village in villages]
    distances = VillageDistances.from_adjacency(villages, itertools.pairwise(villages))
    assignment = assign_inspectors(chairs, villages, distances, groups=2)
    for group in assignment.groups:
        members = "、".join(member.id for member in group.members)
        print(f"  验收小组{group.number}（{members}）→ {'、'.join(names[v] for v in group.villages)}")

    plan = compile_sheet(FOUR_GOALS_RUBRIC)  # compiled once, for every inspection of the month
    policy = PlaquePolicy()
    # The township gives supermarket points for each plaque won (its own rule, written here as data).
    points_for_band = {"boutique": 20, "demonstration": 10, "clean": 5}
    plaques_by_village: dict[str, dict[str, int]] = {village: dict.fromkeys(TIER_CODES, 0) for village in villages}
    shown: list[ScoreCard] = []
    accounts: dict[str, PointsAccount] = {}
    for village in villages:
        for number, household_id in enumerate(households[village]):
            home = Household(household_id, village)
            quality = (number * 7 + len(village)) % 4
            cards = [
                score(
                    plan,
                    Inspection(
                        f"{household_id}-01",
                        home,
                        dt.date(2024, 1, 20),
                        InspectionKind.ACCEPTANCE,
                        _facts(rng, quality),
                    ),
                ),
                score(
                    plan,
                    Inspection(
                        f"{household_id}-05",
                        home,
                        dt.date(2024, 5, 31),
                        InspectionKind.HOME_VISIT,
                        _facts(rng, max(0, quality - rng.randint(0, 1))),
                    ),
                ),
            ]
            if household_id in sample[village]:
                spot = _facts(rng, quality)
                cards.insert(
                    1,
                    score(
                        plan,
                        Inspection(f"{household_id}-04", home, dt.date(2024, 4, 15), InspectionKind.SPOT_CHECK, spot),
                    ),
                )
            history = plaque_history(cards, policy, until=dt.date(2024, 5, 31))
            plaques_by_village[village][history.band.code if history.band is not None else "none"] += 1
            account = PointsAccount(household_id)
            for event in history.events:
                if event.change.code in ("awarded", "reawarded", "upgraded") and event.after is not None:
                    points = points_for_band.get(event.after.code)
                    if points is not None:
                        account = account.earn(points, event.date, f"评为{event.after.label}", event.card)
            accounts[household_id] = account
            if household_id in ("南柳村-02", "北新庄村-03"):
                shown.append(cards[-1])
    for card in shown:
        print()
        for line in card.render().splitlines():
            print(f"  {line}")

    _nobody_home(plan)

    print()
    print("  挂牌情况（精品户/示范户/清洁户/未挂牌）:")
    for village in villages:
        counts = plaques_by_village[village]
        print(f"    {names[village]}: " + "/".join(str(counts[code]) for code in TIER_CODES))
    _supermarket(accounts["南柳村-02"])


def _supermarket(account: PointsAccount) -> None:
    """南柳村-02 exchanges its plaque points at the village's credit supermarket."""
    shelf = PriceList([Goods("detergent", "洗衣液", 15, 20), Goods("towel", "毛巾", 5, 40)], "南柳村巾帼信用超市")
    try:
        account, shelf = redeem(account, shelf, "detergent", 1, dt.date(2024, 6, 1))
        print(f"  巾帼信用超市: 南柳村-02 兑换洗衣液一瓶，余额 {account.balance} 分")
    except InsufficientCreditError as error:
        print(f"  巾帼信用超市: 积分不足 — {error}")
    for line in booklet(account).render().splitlines():
        print(f"    {line}")


def _nobody_home(plan: SheetPlan) -> None:
    """A spot check where nobody was home: only the yard could be seen, so the card is provisional."""
    away = Fact.unknown("户主外出，未入户")
    seen = {
        "yard_litter": Fact.found(0),
        "yard_clutter": Fact.found(1),
        "walls_tidy": Fact.rated("好"),
        "greenery": Fact.rated("好"),
        "illegal_building": Fact.not_met(),
        "unlawful": Fact.not_met(),
    }
    indoors = dict.fromkeys(("kitchen_grease", "door_window_dust", "toilet_clean", "indoor_storage"), away)
    inspection = Inspection(
        "埠东夼村-03-06",
        Household("埠东夼村-03", "371082103203"),
        dt.date(2024, 6, 3),
        InspectionKind.SPOT_CHECK,
        seen | indoors,
    )
    card = score(plan, inspection)
    print()
    for line in card.render().splitlines():
        print(f"  {line}")
    quick = standing(plan, inspection)  # the short answer for bulk work, from the same compiled plan
    same = (quick.band, quick.best_band, quick.total) == (card.band, card.evaluation.best_band, card.total)
    print(
        f"  暂定: {card.provisional}；快速评定 {quick.total}至{quick.best_total}分，"
        f"{quick.band.label}至{quick.best_band.label}（与评分表一致: {same}）"
    )


INDICATORS = IndicatorSet(
    [
        Indicator("teams", "巾帼队伍", Unit.TEAM),
        Indicator("households_created", "创建精致农家示范户、精品户", Unit.HOUSEHOLD),
        Indicator("sessions", "志愿服务及宣讲场次", Unit.SESSION),
        Indicator("patrols", "防火巡查", Unit.TIME),
        Indicator("money_raised", "募集善款", Unit.YUAN),
    ]
)
_BY_UNIT = {
    Unit.TEAM: "teams",
    Unit.HOUSEHOLD: "households_created",
    Unit.SESSION: "sessions",
    Unit.TIME: "patrols",
    Unit.YUAN: "money_raised",
}


def indicator_table(tree: OrgTree) -> None:
    print()
    print("九、指标汇总 (the township's indicators, two more townships, rolled up to the county)")
    year = Period.year(2024)
    values: list[DataValue] = []
    by_unit: dict[Unit, list[Quantity]] = defaultdict(list)
    for found in find_figures(REPORT):
        if found.quantity.unit in _BY_UNIT:
            by_unit[found.quantity.unit].append(found.quantity)
    for unit, figures in by_unit.items():
        values.append(
            DataValue(_BY_UNIT[unit], "371082103", year, Quantity.total(figures, unit), Origin.DERIVED, "seed 001 篇1")
        )
    made_up = {  # two townships made up beside the seed's, one without money figures
        "371082104": {
            "teams": "12支",
            "households_created": "402户",
            "sessions": "150余场次",
            "patrols": "2000余次",
            "money_raised": "约3万元",
        },
        "371082105": {"teams": "8支", "households_created": "215户", "sessions": "96场次", "patrols": "1200次"},
    }
    for township, texts in made_up.items():
        values.extend(DataValue(code, township, year, Quantity.parse(text)) for code, text in texts.items())
    values.extend(
        [
            DataValue("teams", "371082104201", year, Quantity.parse("6支")),
            DataValue("teams", "371082104202", year, Quantity.parse("4支")),
        ]
    )
    tree = tree.with_units([OrgUnit("371082104202", "大庄许家村", Level.VILLAGE, "371082104")])
    data = Dataset(INDICATORS, tree, values)
    print(f"  {'指标':<16}{'人和镇':>12}{'俚岛镇':>12}{'成山镇':>12}{'全市合计':>14}  报送")
    for indicator in INDICATORS.definitions:
        cells = []
        for township in ("371082103", "371082104", "371082105"):
            own = data.get(indicator.code, township, year)
            cells.append(render_value(own.value) if own else "—")
        county = rollup(data, indicator.code, "371082", year, level=Level.TOWNSHIP)
        total = render_value(county.value) if county.value else "—"
        print(f"  {indicator.name:<16}" + "".join(f"{cell:>12}" for cell in cells) + f"{total:>14}  {county.coverage}")
    for finding in check_totals(data, "teams", year, level=Level.TOWNSHIP, children=Level.VILLAGE):
        print(f"  核查: {finding.detail}")
    sessions = rollup(data, "sessions", "371082", year, level=Level.TOWNSHIP).value
    money = rollup(data, "money_raised", "371082", year, level=Level.TOWNSHIP)
    created = {tree.unit(value.unit).name: value.value for value in data if value.indicator == "households_created"}
    if sessions is not None and money.value is not None:
        print(
            f"  报告: 全市各镇开展志愿服务及宣讲活动{render_value(sessions)}；募集善款{render_value(money.value)}"
            f"（{money.coverage.reported}个镇报送，共{money.coverage.expected}个镇）。"
        )
    print(
        "  报告: 精致农家创建户占比 " + "，".join(f"{name}{share}%" for name, share in share_breakdown(created).items())
    )


def campaign_2024() -> None:  # noqa: PLR0915 - one campaign told in order, as a reader follows it
    """Seed 000's community campaign end to end (寻找最美家庭: 宣传动员、推荐评选、总结表彰)."""
    print()
    print("十、寻找最美家庭活动 (seed 000: a community campaign from mobilisation to commendation)")
    tree = OrgTree.from_division_codes(
        {"540102": "城关区", "540102001": "中心街道", "540102001001": "忠义社区", "540102001002": "和平社区"}
    )
    community, street = "540102001001", "540102001"
    campaign = Campaign(
        code="zhongyi-2024",
        title="忠义社区2024年",
        criteria=MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER,
        organiser=community,
        tree=tree,
        levels=(Level.VILLAGE, Level.TOWNSHIP),
        phases=(
            Phase(PhaseKind.MOBILISATION, dt.date(2024, 3, 1), dt.date(2024, 3, 15)),
            Phase(PhaseKind.SELECTION, dt.date(2024, 3, 16), dt.date(2024, 5, 31)),
            Phase(PhaseKind.COMMENDATION, dt.date(2024, 6, 1), dt.date(2024, 6, 30)),
        ),
        notice=NoticeRule(5, DayCounting.WORKING, china_calendar(2024)),
        dossier=DossierRule(min_account_chars=60, min_photos=2, requires_motto=True),
        quotas=(Quota(Level.VILLAGE, 2),),
    )
    for phase in campaign.phases:
        print(f"  {phase.kind.label}: {phase.start} 至 {phase.end}")

    def cst(month: int, day: int, hour: int = 9) -> dt.datetime:
        return dt.datetime(2024, month, day, hour, tzinfo=CHINA_STANDARD_TIME)

    clerk = Actor("clerk", "李红", Role.STAFF, community)
    reviewer = Actor("reviewer", "王芳", Role.REVIEWER, community, conflicts={"family-3"})
    leader = Actor("leader", "赵敏", Role.LEADER, community)
    neighbour = Actor("neighbour", "居民代表", Role.PUBLIC, community)
    deeds = "照顾瘫痪婆婆二十年如一日，教子有方，热心社区公益，邻里有困难总是第一个伸出援手。" * 2
    families = [
        (
            Subject("family-1", "张秀梅"),
            Channel.SELF,
            Dossier(True, deeds + "联系电话13812345678。", 3, "家和万事兴"),
        ),
        (Subject("family-2", "李桂英"), Channel.NEIGHBOURS, Dossier(True, "孝敬老人。", 1)),
        (Subject("family-3", "王淑珍"), Channel.ORGANISATION, Dossier(True, deeds, 4, "勤俭持家")),
        (Subject("family-4", "赵玉兰"), Channel.ONLINE, Dossier(True, deeds, 2, "忠厚传家")),
    ]
    state = start(campaign)
    log: list[Event] = []

    def do(command: Command) -> None:
        nonlocal state
        state, events = handle(campaign, state, command)
        log.extend(events)

    for number, (candidate, channel, dossier) in enumerate(families, 1):
        do(
            Command.submit(
                clerk, cst(3, 18, 8 + number), f"n-{number}", Submission(candidate, channel, community, dossier)
            )
        )
    try:
        do(Command.accept(clerk, cst(3, 20), "n-2"))
    except TransitionRefused as refusal:
        print(f"  受理被拒: {refusal.detail}")
    do(Command.return_for_revision(clerk, cst(3, 20, 10), "n-2", reason="格式不合格，返还推荐家庭重新撰写"))
    do(Command.resubmit(clerk, cst(3, 25), "n-2", Dossier(True, deeds, 2, "和睦邻里")))
    for number in range(1, 5):
        do(Command.accept(clerk, cst(3, 26, 8 + number), f"n-{number}"))
    try:
        do(Command.assess(reviewer, cst(4, 1), "n-3", _all_met(families[2][0])))
    except TransitionRefused as refusal:
        print(f"  回避: {refusal.detail}")
    second = Actor("reviewer-2", "刘洋", Role.REVIEWER, community)
    for number, (candidate, _, _) in enumerate(families, 1):
        do(Command.assess(second, cst(4, 1, 9 + number), f"n-{number}", _all_met(candidate)))
    for number in range(1, 5):
        do(Command.shortlist(leader, cst(4, 2, 9 + number), f"n-{number}"))
    do(Command.open_notice(clerk, cst(4, 3), "notice-1", ["n-1", "n-2", "n-3", "n-4"]))
    do(Command.raise_objection(neighbour, cst(4, 8), "n-4", "objection-1", reason="反映该户与邻居有纠纷"))
    do(Command.dismiss_objection(leader, cst(4, 9), "objection-1", reason="经入户核实，纠纷已调解，异议不成立"))
    do(Command.close_notice(clerk, cst(4, 12), "notice-1"))
    for number in range(1, 5):
        do(Command.confirm(leader, cst(4, 15, 8 + number), f"n-{number}"))
    for number in (1, 4):
        do(Command.forward(clerk, cst(4, 16, 8 + number), f"n-{number}"))
    try:
        do(Command.forward(clerk, cst(4, 16, 15), "n-3"))
    except TransitionRefused as refusal:
        print(f"  上报被拒: {refusal.detail}")
    for number in (2, 3):
        do(Command.award(leader, cst(6, 1, 8 + number), f"n-{number}"))
    print()
    for line in notice_view(campaign, state, "notice-1").render().splitlines():
        print(f"  {line}")
    print()
    stats = campaign_statistics(campaign, state, Level.VILLAGE)
    print(f"  统计: {stats.summary(to='街道')}；退回{stats.total.returned}份，社区表彰{stats.total.awarded}户")
    print(
        "  按渠道: "
        + "，".join(f"{Channel.from_code(code).label}{counts.received}" for code, counts in stats.by_channel.items())
    )
    print(f"  街道待审: {[n.id for n in state.nominations() if n.unit == street]}")
    replayed = replay(campaign, log) == state
    print(f"  审计记录 {len(log)} 条，重放一致: {replayed}，首条: {log[0].describe()}")
    seed = CampaignStatistics(Level.CITY, Counts(received=81, forwarded=55), {}, {}, {})
    print(f"  seed 000 的统计: {seed.summary(to='自治区')}")


def _all_met(candidate: Subject) -> Evidence:
    standard = MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER
    return Evidence(
        candidate,
        {item.code: Fact.not_met() if item.kind is ItemKind.OVERRIDE else Fact.met() for item in standard.items},
    )


def rectification_2019() -> None:
    """Seed 004's civilised-city work (创建全国文明城市): the federation's task list, problems
    found in a 测评 and on patrol, 交办 with a 限期 of 10 working days, 复查, 退回重改, 督办."""
    print()
    print("十一、创建整改 (seed 004: 5项测评项目、17项创建任务, problems found, assigned, re-checked, escalated)")
    tasks = CIVILISED_CITY_TASKS
    lead = "、".join(item.title for item in tasks.items if item.responsibility.code == "lead")
    print(f"  {tasks.title}: 测评项目{len(tasks.items)}项（主办: {lead}），创建任务{len(tasks.tasks)}项")
    workflow = rectification_workflow(calendar=china_calendar(2019), days=10, escalation_days=5, tasks=tasks)
    township, xinzhen, jingu, huayuan = "320583102", "320583102201", "320583102202", "320583102001"

    def cst(month: int, day: int, hour: int = 9) -> dt.datetime:
        return dt.datetime(2019, month, day, hour, tzinfo=CHINA_STANDARD_TIME)

    inspector = Actor("s1", "李红", Role.STAFF, township)
    leader = Actor("l1", "赵敏", Role.LEADER, township)
    staff = {
        unit: Actor(f"staff-{unit}", f"{CIVILISED_CITY_UNITS[unit]}专干", Role.STAFF, unit)
        for unit in (xinzhen, jingu, huayuan)
    }
    day = dt.date(2019, 9, 26)  # found in the 测评 and on patrol
    found = [
        (Problem("p-1", "家庭教育指导站未挂牌、无活动记录", day, xinzhen, ProblemSource.ASSESSMENT, item="A2"), "T05"),
        (Problem("p-2", "房前屋后杂物堆放", day, jingu, ProblemSource.PATROL, reference="巡查-0926"), "T15"),
        (Problem("p-3", "创建倡议书未发放到户", day, huayuan, ProblemSource.ASSESSMENT, item="A1"), "T01"),
    ]
    cases: dict[str, Case] = {}
    for problem, task in found:
        case = open_case(workflow, problem, by=inspector, at=cst(9, 26, 15))
        cases[problem.id] = advance(
            workflow, case, Act("assign", leader, cst(9, 27), payload=Assign(problem.unit, task))
        )
    first = cases["p-1"]
    print(f"  9月27日交办，限期10个工作日: 至{first.due}（国庆7天不计，9月29日、10月12日调休上班计入）")

    def do(subject: str, command: str, actor: Actor, moment: dt.datetime, reason: str = "") -> None:
        try:
            cases[subject] = advance(workflow, cases[subject], Act(command, actor, moment, reason=reason))
        except TransitionRefused as refusal:
            print(f"  被拒: {refusal}")

    do("p-1", "submit", staff[xinzhen], cst(10, 10))
    do("p-1", "close", staff[xinzhen], cst(10, 11))  # the unit that rectified may not re-check itself
    do("p-1", "rework", inspector, cst(10, 11), "现场核查：活动记录仍缺，退回重改")
    print(f"  p-1 复查不合格，退回重改，新限期至{cases['p-1'].due}")
    do("p-1", "submit", staff[xinzhen], cst(10, 22))
    do("p-1", "close", inspector, cst(10, 23))
    do("p-2", "submit", staff[jingu], cst(10, 14))
    do("p-2", "close", inspector, cst(10, 15))
    do("p-3", "escalate", leader, cst(10, 16, 17), "限期已到")
    do("p-3", "escalate", leader, cst(10, 17), "逾期未整改，督办")
    print(f"  p-3 逾期督办，新限期至{cases['p-3'].due}")
    late = Problem("p-4", "巾帼志愿服务站点未公示服务项目", dt.date(2019, 10, 28), huayuan, ProblemSource.PATROL)
    cases["p-4"] = open_case(workflow, late, by=inspector, at=cst(10, 28, 15))
    print()
    for subject, case in cases.items():
        state = workflow.state(case.state).label
        unit = responsible_unit(case)
        where = f"{CIVILISED_CITY_UNITS[unit]} " if unit is not None else ""
        due = f"，限期{case.due}" if case.due is not None else ""
        print(f"  {subject} {where}{state}{due}（{len(case.events)}条记录）")
    on = dt.date(2019, 10, 31)
    print(
        f"  {on}逾期未整改: "
        + "、".join(f"{case.subject}（限期{case.due}）" for case in overdue(cases.values(), on=on))
    )
    print(f"  {rectification_figures(cases.values(), on=on).summary()}")


# A household's courtyard over two years: 验收, then a 复核 each quarter, and one 抽查 that finds
# a shed built without permission (一票否决).
_TIDY = {
    "yard_litter": Fact.found(0),
    "kitchen_grease": Fact.found(0),
    "door_window_dust": Fact.found(0),
    "toilet_clean": Fact.met(),
    "yard_clutter": Fact.found(0),
    "indoor_storage": Fact.rated("好"),
    "walls_tidy": Fact.rated("好"),
    "greenery": Fact.rated("好"),
    "illegal_building": Fact.not_met(),
    "unlawful": Fact.not_met(),
}
_VISITS = [
    ("2025-03-20", InspectionKind.ACCEPTANCE, _TIDY | {"kitchen_grease": Fact.found(3), "yard_clutter": Fact.found(2)}),
    ("2025-06-18", InspectionKind.RECHECK, _TIDY),
    ("2025-09-16", InspectionKind.RECHECK, _TIDY),
    ("2025-12-15", InspectionKind.RECHECK, _TIDY),
    ("2026-03-18", InspectionKind.RECHECK, _TIDY),
    ("2026-06-17", InspectionKind.RECHECK, _TIDY),
    ("2026-09-15", InspectionKind.SPOT_CHECK, _TIDY | {"illegal_building": Fact.met()}),
    ("2026-12-16", InspectionKind.RECHECK, _TIDY),
]


def credit_2025_2026() -> None:
    print()
    print("十二、农户信用积分与巾帼信用超市 两年 (a household's credit score and points, 2025-2026)")
    scheme = DISTRICT_HOUSEHOLD_CREDIT
    grades = "，".join(f"{band.label}{band.minimum or ''}" for band in scheme.bands)
    print(f"  {scheme.title}：起始{scheme.start}分；{grades}")
    home = Household("h-0307", "371082103201")
    plan = compile_sheet(FOUR_GOALS_RUBRIC)
    cards = [
        score(plan, Inspection(f"i-{day}", home, dt.date.fromisoformat(day), kind, facts))
        for day, kind, facts in _VISITS
    ]
    # Declared once by the district: the work itself earns and costs points.
    links = CreditLinks(
        scheme,
        bands=[BandLink("boutique", "courtyard_boutique"), BandLink("demonstration", "courtyard_demonstration")],
        checks=[CheckLink("courtyard_removed")],
    )
    from_work = linked_events(links, cards=cards, members={"h-0307": 4})["h-0307"]
    acts = [
        CreditEvent("o-1", dt.date(2025, 4, 15), ["burning_straw"], source="网格员巡查"),
        CreditEvent("o-2", dt.date(2025, 8, 20), ["burning_straw", "littering"], source="网格员巡查"),
        CreditEvent("d-1", dt.date(2025, 10, 15), ["dishonest_debtor"], source="法院失信被执行人名单"),
        CreditEvent("a-1", dt.date(2026, 5, 10), ["family_award_county"], source="县妇联表彰"),
        CreditEvent("v-1", dt.date(2026, 7, 1), ["volunteer_session"], count=5, source="志愿服务记录"),
        CreditEvent("o-3", dt.date(2026, 8, 25), ["burning_straw"], source="网格员巡查", recorded=dt.date(2026, 9, 3)),
    ]
    record = CreditRecord(Subject("h-0307", kind=SubjectKind.HOUSEHOLD, unit=home.village))
    for event in sorted([*from_work, *acts], key=lambda event: event.date):
        record = record.add(event, scheme)
    record = record.repair(CreditRepair("r-1", dt.date(2026, 1, 20), "d-1", source="履行完毕，移出名单"), scheme)

    shelf = PriceList(
        [Goods("detergent", "洗衣液", 10, 50), Goods("rice", "大米10斤", 15, 20), Goods("tv", "电视机", 800, 1)]
    )
    cycle = ShopCycle()  # 每月评分、每季度前10天兑换、年终评比
    wishes = {dt.date(2025, 7, 3): "detergent", dt.date(2026, 4, 2): "rice", dt.date(2026, 10, 9): "tv"}
    account = PointsAccount("h-0307")
    print("  月份     信用分  等级  超市积分  直接评定")
    months = [*Period.year(2025).subdivide(PeriodKind.MONTH), *Period.year(2026).subdivide(PeriodKind.MONTH)]
    for month in months:
        for day, goods in wishes.items():
            if month.contains(day):
                try:
                    account, shelf = redeem(account, shelf, goods, 1, day, cycle=cycle)
                    print(f"    {day.isoformat()} 兑换{shelf.item(goods).name}，余{account.balance}分")
                except (InsufficientCreditError, ValidationError) as error:
                    print(f"    {day.isoformat()} 兑换{shelf.item(goods).name}被拒: {error}")
        standing = credit_standing(scheme, record, on=month.end)
        account = earn_from(account, standing)  # the bonuses the score counts, credited once
        direct = "、".join(scheme.item(code).title for code in standing.direct) or "—"
        print(f"  {month.code}  {standing.score:>6}  {standing.grade.code:<4}  {account.balance:>6}    {direct}")
    print()
    for line in credit_standing(scheme, record, on=dt.date(2026, 12, 31)).render().splitlines():
        print(f"  {line}")
    print()
    for line in booklet(account).render().splitlines():
        print(f"  {line}")


# Seed 003: 23个社区经选举,产生社区妇联执委171名 … 妇女工作者48人 … 基层妇女代表76人 … 各界妇女代表47人;
# 中共党员86人 … 非中共党员85人; 本科及以上79人, 大专54人, 高中及以下38人; 30岁及以下31人, 31-40岁88人,
# 41-50岁47人, 51岁以上5人, 平均年龄36.7岁. The report gives each breakdown apart; how they combine in one
# person it does not say, so the members below simply zip them.
def _spread(*counts: tuple[str, int]) -> list[str]:
    return [value for value, count in counts for _ in range(count)]


def committee_election() -> None:
    print()
    print("十三、镇妇联换届与执委构成 (a township federation's election and its committee's composition)")
    day = dt.date(2021, 6, 30)
    # Seed 001: 选出镇妇联主席1名、副主席2名、执委21名. The composition rules are illustrative.
    rules = RuleSheet(
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
                "至少2名35岁以下执委",
                ItemKind.REQUIREMENT,
                condition=Condition(Measure.QUANTITY, [Threshold.parse("≥2")], unit=_Unit.PERSON),
            ),
        ],
    )
    spec = CommitteeSpec(
        "371082103",
        "镇妇联第二届执委会",
        [Seat("chair", "主席", 1, full_time=True), Seat("vice", "副主席", 2), Seat("member", "执委", 18)],
        groups=[
            MemberGroup("grassroots", "基层妇女代表", attribute="sector", values={"grassroots"}),
            MemberGroup("young", "35岁以下", age_at_most=35),
        ],
        composition=rules,
    )
    print(f"  {spec.title}：职数{spec.total_seats}名，届满{spec.term_ends(day).isoformat()}")
    # 差额选举 of the 21: 23 candidates, at least 5% more than the seats.
    slate = [
        Member(
            f"c{index:02d}",
            f"候选人{index}",
            {"sector": "grassroots" if index % 3 == 0 else "worker"},
            born=dt.date(1990 if index % 7 == 0 else 1978, 3, 1),
        )
        for index in range(23)
    ]
    judged = check_slate(spec, slate, on=day)
    print(f"  候选人名单（{len(slate)}人）审核：{judged.verdict.label}")
    election = ElectionRules(seats=21, method=ElectionMethod.COMPETITIVE, margin=Decimal("0.05"))
    contest = Contest(election, [member.id for member in slate], electors=120, present=112, issued=112)
    rng = random.Random(2021)  # noqa: S311 - a fixed seed: the same count every run
    papers = []
    for number in range(112):
        struck = set(rng.sample(range(23), 2 if number % 9 else 3))  # each voter strikes two (or three)
        marks = {member.id: Mark.AGAINST if index in struck else Mark.FOR for index, member in enumerate(slate)}
        if number == 57:
            marks = dict.fromkeys(marks, Mark.FOR)  # 23 ticks for 21 seats: 多选作废
        papers.append(BallotPaper(f"p{number:03d}", marks))
    result = count_election(contest, papers)
    names = {member.id: member.name for member in slate}
    announced = result.render(names).split("。")
    print(f"  {announced[0]}。")
    print(f"  {result.status.label}：当选{len(result.elected)}人，未当选{len(result.votes) - len(result.elected)}人")
    print(f"  得票最少的六人：{'，'.join(f'{names[key]} {count}票' for key, count in list(result.votes.items())[17:])}")
    for paper in result.invalid:
        print(f"  废票 {paper.paper}：{paper.reason}")
    sectors = _spread(("worker", 48), ("grassroots", 76), ("circles", 47))
    parties = _spread(("cpc", 86), ("none", 85))
    schooling = _spread(("bachelor", 79), ("college", 54), ("school", 38))
    ages = [28] * 31 + [35] * 88 + [44] * 47 + [53] * 5
    members = [
        Member(f"m{i}", f"执委{i}", {"sector": s, "party": p, "education": e}, born=dt.date(day.year - age, 1, 1))
        for i, (s, p, e, age) in enumerate(zip(sectors, parties, schooling, ages, strict=True))
    ]
    report = composition(members, COMMITTEE_BREAKDOWNS, on=day)
    print(f"  23个社区妇联执委{report.total}名（种子003），平均年龄{report.average_age}岁：")
    for sentence in report.render().split("。")[:-1]:
        print(f"    {sentence}。")


# Passages of the seeds as written (ASCII commas and all): seed 000's campaign, seed 001's
# courtyards (篇2), seed 002's committee meeting, seed 003's peaceful families and committee.
CAMPAIGN_000 = "我地区共收到推荐材料80余份,……向自治区上报事迹材料共计55份,占总推荐材料的67.9%。"
COURTYARDS_001 = "从2019年到20__年,我镇共计创建3304户,其中示范户3304户、精品户1453户,清洁户达到全覆盖。"
MEETING_002 = "街道妇联召开第二届七次执委会议。本次执委会委员9名,实到7人。"
PEACEFUL_FAMILIES_003 = (
    "目前,我区已有镇(街)、村(居)级“平安家庭”181,913户,占全区总户数的90%;其中区级“平安家庭51,529户,占全区总户数的25%。"
)
COMMITTEE_003 = (
    "23个社区经选举,产生社区妇联执委171名,均以全票当选。"
    "其中妇女工作者48人,占总数的28.07%;基层妇女代表76人,占总数的44.44%;各界妇女代表47人,占总数的27.49%。"
    "中共党员86人,占总数的50.29%;非中共党员85人,占总数的49.71%。"
)


def _show_findings(findings: tuple[ReportFinding, ...]) -> None:
    if not findings:
        print("    无不一致")
    for finding in findings:
        print(f"    {finding.kind.label}: {finding}")


def _committee(groups: list[list[tuple[str, str]]]) -> list[ShareOf | SharesSum | PartsOfWhole]:
    """Each share against its count, each group's shares adding to 100%, its parts to the whole."""
    whole = "产生社区妇联执委171名"
    declarations: list[ShareOf | SharesSum | PartsOfWhole] = []
    for group in groups:
        declarations += [ShareOf(f"占总数的{share}", part, whole) for part, share in group]
        declarations.append(SharesSum([f"占总数的{share}" for _, share in group]))
        declarations.append(PartsOfWhole([part for part, _ in group], whole, exhaustive=True))
    return declarations


def report_audit() -> None:
    print()
    print("十四、报告自洽核查 (the seeds' reports audited against themselves)")
    town, district = "“平安家庭”181,913户", "平安家庭51,529户"
    for count, share in ((181_913, "90%"), (51_529, "25%")):
        base = implied_base(count, Percentage.parse(share))
        print(f"  {count:,}户占{share} → 全区总户数在 {base.render()}")
    peaceful: list[SameBase | PartsOfWhole] = [
        SameBase([Stated(town, "占全区总户数的90%"), Stated(district, "占全区总户数的25%")], title="全区总户数"),
        PartsOfWhole([district], town, nesting=Nesting.NESTED, title="区级平安家庭"),
    ]
    print("  seed 003 平安家庭 (同一基数；区级包含于镇村级):")
    _show_findings(audit_report(PEACEFUL_FAMILIES_003, peaceful))
    groups = [
        [("妇女工作者48人", "28.07%"), ("基层妇女代表76人", "44.44%"), ("各界妇女代表47人", "27.49%")],
        [("中共党员86人", "50.29%"), ("非中共党员85人", "49.71%")],
    ]
    committee = _committee(groups)
    print(f"  seed 003 执委构成 ({len(committee)}项声明: 各占比与人数、合计100%、各部分之和等于171名):")
    _show_findings(audit_report(COMMITTEE_003, committee))
    misprinted = COMMITTEE_003.replace("各界妇女代表47人,占总数的27.49%", "各界妇女代表47人,占总数的27.39%")
    print("  同一段落若把27.49%误作27.39%:")
    groups[0][2] = ("各界妇女代表47人", "27.39%")
    _show_findings(audit_report(misprinted, _committee(groups)))
    print("  seed 002 执委会 (实到 ≤ 委员):")
    _show_findings(audit_report(MEETING_002, [Compare("实到7人", Operator.AT_MOST, "本次执委会委员9名")]))
    print("  seed 000 上报占比 (55份占67.9%，收到80余份):")
    _show_findings(audit_report(CAMPAIGN_000, [ShareOf("占总推荐材料的67.9%", "共计55份", "推荐材料80余份")]))
    parts = ["示范户3304户", "精品户1453户"]
    for nesting in (Nesting.NESTED, Nesting.DISJOINT):
        print(f"  seed 001 示范户、精品户 within 共计3304户, declared {nesting.code} ({nesting.label}):")
        _show_findings(audit_report(COURTYARDS_001, [PartsOfWhole(parts, "共计创建3304户", nesting=nesting)]))


# Seed 001 (篇3): 号召全镇妇联执委积极包联妇联组织和困难群众,每月至少沟通1次,每季度至少走访1次,每年至少办1件好事实事。
CONTACT_DUTIES = [
    Duty("talk", "沟通联系", Cadence.MONTHLY, kinds={"talk", "visit"}),  # a visit is also a conversation
    Duty("visit", "入户走访", Cadence.QUARTERLY),
    Duty("deed", "办好事实事", Cadence.YEARLY, per_family=False),
]
# 人和镇's 执委 (illustrative): her name, her village, how many families she is assigned (包联) and
# how reliably she keeps in touch; the good deeds of the year, as their notes read.
CONTACT_MEMBERS = {
    "z01": ("王秀英", "371082103201", 3, 0.97),
    "z02": ("李红梅", "371082103201", 2, 0.9),
    "z03": ("张丽", "371082103202", 3, 0.95),
    "z04": ("刘翠兰", "371082103202", 2, 0.8),
    "z05": ("陈静", "371082103203", 2, 0.92),
}
GOOD_DEEDS = {
    "z01": "为困难户修缮院墙",
    "z02": "帮助联系就业岗位",
    "z03": "为留守儿童募集学习用品",
    "z05": "协调解决用水难题",
}


def _contact_log(year: int) -> list[Contact]:
    """A year of logged contacts: a call or a WeChat message most months, a visit most quarters."""
    rng = random.Random(2024)  # noqa: S311 - a fixed seed: the same log every run
    log: list[Contact] = []
    for member, (_, _, families, keeps) in CONTACT_MEMBERS.items():
        for index in range(1, families + 1):
            family = f"{member}-f{index}"
            for quarter in range(4):
                visit_month = 3 * quarter + rng.randint(1, 3)
                for month in range(3 * quarter + 1, 3 * quarter + 4):
                    if month == visit_month and rng.random() < keeps:
                        kind = "visit"
                    elif rng.random() < keeps:
                        kind = "talk"
                    else:
                        continue
                    day = dt.date(year, month, rng.randint(1, 28))
                    log.append(Contact(f"{family}-{month:02d}", member, day, kind, family=family))
        if member in GOOD_DEEDS:
            day = dt.date(year, rng.randint(3, 11), rng.randint(1, 28))
            log.append(Contact(f"{member}-deed", member, day, "deed", note=GOOD_DEEDS[member]))
    return sorted(log, key=lambda contact: (contact.day, contact.id))


# Seed 001 (篇1): 每月对重点人群和家庭风险隐患、婚姻家庭矛盾等进行排查,并逐户、逐人建立台账实施动态管理,
# 全年共排查重点人群和家庭风险26家。June 2024 in 人和镇's register (illustrative): three entries carried from
# April and May, then what the month's screening (月度排查, 6月3日至5日) found; ids only, the notes name no one.
_RISKS_CARRIED = [
    (
        Registration(
            "r-2404-01",
            RiskSubject.HOUSEHOLD,
            "h-0112",
            "371082103202",
            {RiskCategory.MARRIAGE_CONFLICT},
            dt.date(2024, 4, 8),
            note="婆媳长期不和，多次争吵",
        ),
        "yellow",
    ),
    (
        Registration(
            "r-2405-01",
            RiskSubject.PERSON,
            "p-0231",
            "371082103203",
            {RiskCategory.HARDSHIP, RiskCategory.ILLNESS},
            dt.date(2024, 5, 6),
            note="丧偶，本人重病，两个孩子上学",
        ),
        "green",
    ),
    (
        Registration(
            "r-2405-02",
            RiskSubject.PERSON,
            "p-0246",
            "371082103201",
            {RiskCategory.LEFT_BEHIND},
            dt.date(2024, 5, 6),
            ScreeningSource.VISIT,
            note="留守儿童，祖母年迈",
        ),
        "yellow",
    ),
]
_RISKS_FOUND = [
    (
        Registration(
            "r-2406-01",
            RiskSubject.HOUSEHOLD,
            "h-0307",
            "371082103201",
            {RiskCategory.MARRIAGE_CONFLICT, RiskCategory.DOMESTIC_VIOLENCE},
            dt.date(2024, 6, 3),
            note="月度排查发现夫妻矛盾，丈夫酒后动手",
        ),
        "red",
    ),
    (
        Registration(
            "r-2406-02",
            RiskSubject.PERSON,
            "p-0415",
            "371082103202",
            {RiskCategory.MENTAL_HEALTH},
            dt.date(2024, 6, 4),
            note="产后情绪低落，不愿出门",
        ),
        "red",
    ),
    (
        Registration(
            "r-2406-03",
            RiskSubject.HOUSEHOLD,
            "h-0322",
            "371082103203",
            {RiskCategory.HARDSHIP},
            dt.date(2024, 6, 5),
            note="因病致贫，独自抚养孙子",
        ),
        "green",
    ),
    (
        Registration(
            "r-2406-04",
            RiskSubject.PERSON,
            "p-0219",
            "371082103201",
            {RiskCategory.LEFT_BEHIND},
            dt.date(2024, 6, 5),
            note="父母在外务工，随祖父生活",
        ),
        "yellow",
    ),
]


def _villages() -> OrgTree:
    """The geographic tree alone: the enterprise federation (两新妇联) keeps no register of
    families, and a ContactPlan places members in division-coded units only."""
    return OrgTree.from_division_codes(DIVISIONS)


def _village_table(tree: OrgTree, data: Dataset, codes: list[str], period: Period) -> None:
    """The indicators of 人和镇's villages and of the township, recomputed from the villages' counts."""
    units = [unit.code for unit in tree.children("371082103")]
    for line in rollup_table(data, codes, [*units, "371082103"], period, level=Level.VILLAGE).render().splitlines():
        print(f"    {line}")


def committee_contacts() -> None:
    print()
    print("十五、执委联系群众 一年 (seed 001: the committee members' contact duties over 2024)")
    tree, year = _villages(), Period.year(2024)
    for duty in CONTACT_DUTIES:
        owed, times = ("每户", "次") if duty.per_family else ("每人", "件")
        counted = "、".join(sorted(duty.counted))
        print(f"  {duty.title}: {duty.cadence.label}{owed}至少{duty.at_least}{times}（计入的联系: {counted}）")
    plan = ContactPlan(
        CONTACT_DUTIES,
        assignments={key: {f"{key}-f{i}" for i in range(1, n + 1)} for key, (_, _, n, _) in CONTACT_MEMBERS.items()},
        units={key: village for key, (_, village, _, _) in CONTACT_MEMBERS.items()},
    )
    log = _contact_log(2024)
    kinds = {kind: sum(contact.kind == kind for contact in log) for kind in ("talk", "visit", "deed")}
    families = sum(len(assigned) for assigned in plan.assignments.values())
    print(
        f"  执委{len(CONTACT_MEMBERS)}名包联{families}户，全年联系记录{len(log)}条"
        f"（沟通{kinds['talk']}、走访{kinds['visit']}、好事实事{kinds['deed']}）"
    )
    deed = next(contact for contact in log if contact.kind == "deed")
    print(f"  好事实事的记录，备注只显示字数: {deed!r}")
    still_open = contact_duties(plan, log, year, on=dt.date(2024, 12, 20))
    print(
        f"  截至2024-12-20: 已完成{still_open.count(DutyStatus.MET)}项，"
        f"逾期未完成{still_open.count(DutyStatus.OVERDUE)}项，待完成{still_open.count(DutyStatus.DUE)}项"
        f"（12月、四季度、全年尚未结束，不计入），履职率{still_open.compliance().percent()}%"
    )
    report = contact_duties(plan, log, year, on=dt.date(2025, 1, 10))
    print("  年终 (2025-01-10):")
    for member, (name, village, _, _) in CONTACT_MEMBERS.items():
        missed: dict[str, list[str]] = defaultdict(list)
        for line in report.overdue():
            if line.member == member:
                missed[plan.duty(line.duty).title].append(line.period.code)
        print(
            f"    {mask_name(name)}（{tree.unit(village).name}，包联{len(plan.assignments[member])}户）: "
            f"已完成{report.count(DutyStatus.MET, member=member)}项，"
            f"逾期未完成{report.count(DutyStatus.OVERDUE, member=member)}项，"
            f"履职率{report.compliance(member=member).percent()}%"
            + "".join(f"；{title}逾期 {'、'.join(sorted(periods))}" for title, periods in missed.items())
        )
    data = Dataset(IndicatorSet(contact_definitions()), tree, contact_values(report))
    codes = ["contact_duties_owed", "contact_duties_met", "contact_duties_overdue", "contact_compliance"]
    _village_table(tree, data, codes, year)
    villages = [unit.code for unit in tree.children("371082103")]
    average = sum(report.compliance(unit=code).percent() for code in villages) / len(villages)
    township = rollup_ratio(data, "contact_compliance", "371082103", year, level=Level.VILLAGE).value
    print(f"  镇履职率{township}%由各村项数合计重算；三村履职率的简单平均{average:.2f}%不作数")


def risk_register_month() -> None:
    print()
    print("十六、重点人群与家庭风险台账 一个月 (seed 001: the family risk register over June 2024)")
    tree, june = _villages(), Period.month(2024, 6)
    member = Actor("s1", "周晓燕", Role.STAFF, "371082103")
    chair = Actor("l1", "赵敏", Role.LEADER, "371082103")

    def cst(month: int, day: int) -> dt.datetime:
        return dt.datetime(2024, month, day, 10, tzinfo=CHINA_STANDARD_TIME)

    entries = {}
    for registration, level in [*_RISKS_CARRIED, *_RISKS_FOUND]:
        found = registration.found
        entries[registration.id] = open_entry(
            RISK_WORKFLOW, registration, level, by=member, at=cst(found.month, found.day)
        )
    entries["r-2404-01"] = advance(
        RISK_WORKFLOW, entries["r-2404-01"], Act("review", member, cst(5, 7), payload=Review())
    )
    before = risk_figures(entries.values(), on=dt.date(2024, 5, 31))
    print(f"  月初: {before.summary()}")
    print(
        f"  种子001全年共排查重点人群和家庭风险26家（月均两家有余）；"
        f"本月排查（6月3日至5日）新登记{len(_RISKS_FOUND)}户（人）:"
    )
    for registration, level in _RISKS_FOUND:
        categories = "、".join(
            category.label for category in sorted(registration.categories, key=list(RiskCategory).index)
        )
        entry = entries[registration.id]
        print(
            f"    {registration.id} {registration.about.label} {tree.unit(registration.unit).name} {categories}"
            f" → {RISK_WORKFLOW.state(level).label}，{entry.due}前回访复核"
        )
    month = [
        (dt.date(2024, 6, 5), "r-2404-01", "review", "", Review("电话回访，婆媳关系有所缓和")),
        (dt.date(2024, 6, 7), "r-2406-01", "review", "", Review("入户回访，丈夫承诺戒酒")),
        (dt.date(2024, 6, 10), "r-2406-02", "review", "", Review("陪同就医，已开始心理疏导")),
        (dt.date(2024, 6, 13), "r-2406-01", "yellow", "经巾帼调解，矛盾缓和", LevelChange("双方签订调解协议")),
        (dt.date(2024, 6, 17), "r-2406-02", "review", "", Review("情绪好转，家人陪护")),
        (dt.date(2024, 6, 27), "r-2405-01", "close", "已纳入低保，医疗救助到位，困难解除", None),
    ]
    for day, subject, command, reason, payload in month:
        actor = chair if command == "close" else member
        entries[subject] = advance(
            RISK_WORKFLOW,
            entries[subject],
            Act(command, actor, cst(day.month, day.day), reason=reason, payload=payload),
        )
    for subject in ("r-2406-01", "r-2405-01"):
        for event in entries[subject].events[1:]:
            if event.act.reason:
                change = f"{RISK_WORKFLOW.state(event.source).label}→{RISK_WORKFLOW.state(event.target).label}"
                print(f"  {subject} {china_date(event.act.at)} {change}，理由: {event.act.reason}")
    figures = risk_figures(entries.values(), on=june.end)
    print(f"  月末: {figures.summary()}")
    levels = "、".join(f"{RISK_WORKFLOW.state(code).label}{count}" for code, count in figures.by_level.items())
    categories = "、".join(
        f"{RiskCategory.from_code(code).label}{count}" for code, count in figures.by_category.items()
    )
    print(
        f"  在册按等级: {levels}；按类别（一户可属多类）: {categories}；"
        f"累计上调{figures.raised}次、下调{figures.lowered}次"
    )
    day = dt.date(2024, 6, 30)
    late = "、".join(
        f"{entry.subject}（{RISK_WORKFLOW.state(entry.state).label}，应于{entry.due}复核）"
        for entry in overdue(entries.values(), on=day)
    )
    print(f"  {day}逾期未复核: {late}")
    data = Dataset(IndicatorSet(risk_definitions()), tree, risk_values(entries.values(), june))
    codes = [
        "risk_registered",
        "risk_open",
        "risk_level_red",
        "risk_level_yellow",
        "risk_level_green",
        "risk_closed",
        "risk_overdue",
    ]
    _village_table(tree, data, codes, june)
    notes = [registration_of(entry).note for entry in entries.values()]
    leaked = sum(note in repr(entry) for note, entry in zip(notes, entries.values(), strict=True))
    finding = entries["r-2406-01"].events[-1].act.payload
    print(f"  备注不进repr: {len(notes)}条登记备注出现在台账repr中的{leaked}条；调整等级所记情况: {finding!r}")


# Seed 001: 组建40余人的巾帼调解队伍,调解各类婚姻家庭矛盾86起 (篇1); 结合“12345”热线反映的关于妇女方面的问题,
# 做好情绪抚慰疏导,多元化解矛盾 (篇7). One hotline work order across the National Day holiday of 2024, then
# the township's other cases of the year (illustrative), each as its acts: (month, day, command, reason, payload).
HOTLINE_SUMMARY = "王秀兰（电话13812345678）反映丈夫长期酗酒、不顾家，要求离婚并分割房产"
_Step = tuple[int, int, str, str, Session | Referral | FollowUp | None]
_OTHER_DISPUTES: list[tuple[Dispute, list[_Step]]] = [
    (
        Dispute(
            "m-2024-007",
            DisputeChannel.VISIT,
            dt.date(2024, 3, 11),
            DisputeKind.FAMILY,
            "371082103202",
            "婆媳因照看孩子发生争执",
        ),
        [
            (3, 12, "accept", "", None),
            (3, 15, "session", "", Session("婆媳双方到场")),
            (3, 20, "resolve", "", None),
            (4, 10, "follow_up", "", FollowUp(satisfied=True)),
            (4, 11, "close", "", None),
        ],
    ),
    (
        Dispute(
            "m-2024-015",
            DisputeChannel.HOTLINE_12338,
            dt.date(2024, 5, 20),
            DisputeKind.DOMESTIC_VIOLENCE,
            "371082103203",
            "来电反映遭受家庭暴力",
        ),
        [
            (5, 20, "accept", "", None),
            (5, 21, "refer", "涉及人身安全，转介公安机关", Referral(ReferralBody.POLICE, "镇派出所")),
            (5, 28, "follow_up", "", FollowUp(satisfied=True, note="已出具告诫书")),
            (5, 29, "close", "", None),
        ],
    ),
    (
        Dispute(
            "m-2024-019",
            DisputeChannel.OUTREACH,
            dt.date(2024, 6, 3),
            DisputeKind.MARRIAGE,
            "371082103201",
            "月度排查发现夫妻矛盾",
        ),  # the register's r-2406-01 (十六)
        [
            (6, 4, "accept", "", None),
            (6, 7, "session", "", Session("金牌调解人入户调解", parties=3)),
            (6, 12, "resolve", "", None),
            (6, 20, "follow_up", "", FollowUp(satisfied=True)),
            (6, 21, "close", "", None),
        ],
    ),
    (
        Dispute(
            "m-2024-022",
            DisputeChannel.TRANSFER,
            dt.date(2024, 7, 1),
            DisputeKind.SUPPORT,
            "371082103201",
            "子女互相推诿赡养老人",
            reference="司法所转办-0701",
        ),
        [
            (7, 2, "accept", "", None),
            (7, 8, "session", "", Session("兄妹三人到场", parties=3)),
            (7, 25, "terminate", "一方拒绝继续调解，引导其依法起诉", None),
            (8, 2, "follow_up", "", FollowUp(satisfied=False, holding=False)),
            (8, 5, "close", "", None),
        ],
    ),
    (
        Dispute(
            "m-2024-040",
            DisputeChannel.HOTLINE_12345,
            dt.date(2024, 11, 25),
            DisputeKind.PROPERTY,
            "371082103202",
            "离婚后财产分割争议",
            reference="GD20241125-0088",
        ),
        [(11, 26, "accept", "", None), (12, 2, "session", "", Session("双方分别约谈"))],
    ),
    (
        Dispute(
            "m-2024-044",
            DisputeChannel.CALL,
            dt.date(2024, 12, 9),
            DisputeKind.NEIGHBOUR,
            "371082103203",
            "邻里因宅基地界址争执",
        ),
        [(12, 10, "decline", "不属婚姻家庭矛盾，引导至村人民调解委员会", None)],
    ),
]


def _cst(month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2024, month, day, hour, tzinfo=CHINA_STANDARD_TIME)


def mediation_case() -> None:
    print()
    print("十七、巾帼调解 一件个案 (seed 001: a 12345 work order mediated, followed up and closed; the year's figures)")
    staff = Actor("s2", "孙丽华", Role.STAFF, "371082103")
    leader = Actor("l1", "赵敏", Role.LEADER, "371082103")

    dispute = Dispute(
        "m-2024-031",
        DisputeChannel.HOTLINE_12345,
        dt.date(2024, 9, 27),
        DisputeKind.MARRIAGE,
        "371082103201",
        HOTLINE_SUMMARY,
        reference="GD20240927-0153",
    )
    case = open_dispute(MEDIATION_WORKFLOW, dispute, by=staff, at=_cst(9, 27, 16))

    def show(what: str) -> None:
        due = f"，期限{case.due}" if case.due is not None else ""
        print(f"  {what} → {MEDIATION_WORKFLOW.state(case.state).label}{due}")

    show(f"9月27日（周五）{dispute.channel.label}工单{dispute.reference}登记，{dispute.dispute.label}，3个工作日内受理")
    calendar = china_calendar(2024)  # the calendar MEDIATION_WORKFLOW counts working days on
    after = [dispute.received + dt.timedelta(days=n) for n in range(1, 12)]
    counted = "、".join(f"{day:%m-%d}" for day in after if calendar.is_working_day(day))
    print(f"    （{calendar.name}: 其后的工作日为{counted}；9月29日周日调休上班，国庆10月1日至7日不计）")
    case = advance(MEDIATION_WORKFLOW, case, Act("accept", staff, _cst(9, 29)))
    show("9月29日受理，30日内调结")
    try:
        advance(MEDIATION_WORKFLOW, case, Act("resolve", staff, _cst(10, 8)))
    except TransitionRefused as refusal:
        print(f"  10月8日未经调解即报调解成功，被拒: {refusal}")
    for day, note, parties in ((9, "双方到场，初步沟通", 2), (16, "邀请金牌调解人和双方父母参加", 4)):
        case = advance(MEDIATION_WORKFLOW, case, Act("session", staff, _cst(10, day), payload=Session(note, parties)))
        show(f"10月{day}日调解（{parties}方到场），期限不因调解次数重算")
    case = advance(MEDIATION_WORKFLOW, case, Act("resolve", staff, _cst(10, 18)))
    show("10月18日调解成功，双方签订调解协议，10个工作日内回访")
    follow_up = FollowUp(satisfied=True, note="电话回访，丈夫已戒酒，夫妻关系缓和")
    case = advance(MEDIATION_WORKFLOW, case, Act("follow_up", staff, _cst(10, 30), payload=follow_up))
    show("10月30日回访，当事人满意，协议履行")
    case = advance(MEDIATION_WORKFLOW, case, Act("close", leader, _cst(10, 31)))
    show("10月31日主席审核办结")
    print(f"  对外只见字数: {dispute_of(case)!r}")
    print(f"  公开摘要（姓名、电话遮蔽）: {redact_text(HOTLINE_SUMMARY, names=['王秀兰'])}")
    _mediation_year(case, staff, leader)


def _mediation_year(case: Case, staff: Actor, leader: Actor) -> None:
    """The township's cases of 2024 beside the hotline case, counted and rolled up by village."""
    tree = _villages()
    cases = [case]
    for other, steps in _OTHER_DISPUTES:
        opened = open_dispute(MEDIATION_WORKFLOW, other, by=staff, at=_cst(other.received.month, other.received.day))
        for month, day, command, reason, payload in steps:
            actor = leader if command in ("close", "decline") else staff
            opened = advance(
                MEDIATION_WORKFLOW, opened, Act(command, actor, _cst(month, day), reason=reason, payload=payload)
            )
        cases.append(opened)
    year = Period.year(2024)
    figures = mediation_figures(cases, on=year.end)
    print(f"  全镇{len(cases)}件（种子001全年调解婚姻家庭矛盾86起）: {figures.summary()}")
    channels = "、".join(f"{DisputeChannel.from_code(code).label}{count}" for code, count in figures.by_channel.items())
    print(
        f"  受理渠道: {channels}；不予受理{figures.declined}件；转介{figures.referred}件、终止{figures.terminated}件；"
        f"调解{figures.sessions}次"
    )
    for item in cases:
        alone = mediation_figures([item], on=year.end)
        if alone.closed and not alone.closed_on_time:
            resolved, followed = item.acts("resolve")[0], item.acts("follow_up")[0]
            print(f"  {item.subject} 应于{resolved.due}前回访，{china_date(followed.act.at)}才回访: 已办结，未按期")
    for item in overdue(cases, on=year.end):
        print(f"  {year.end}逾期未办结: {item.subject}（{MEDIATION_WORKFLOW.state(item.state).label}，期限{item.due}）")
    data = Dataset(IndicatorSet(MEDIATION_DEFINITIONS), tree, mediation_values(cases, year))
    codes = [
        "disputes_received",
        "disputes_accepted",
        "disputes_resolved",
        "disputes_closed",
        "mediation_success_rate",
        "mediation_on_time_rate",
        "disputes_overdue",
    ]
    _village_table(tree, data, codes, year)


# Seed 001: 中期评估报告和相关台账资料报送 — figures go up village → township → county. Here each
# village reports its 妇女微家 (VILLAGE_REPORTS, as section 五 rolled them up) for 2024; 人和镇
# approves its villages, returns one, and sends its own report to 荣成市.
def _reported(village: str, written: str, day: int) -> RoundAct:
    value = DataValue("micro_homes", village, Period.year(2024), Quantity.parse(written))
    clerk = Actor(f"s-{village}", "村妇联主席", Role.STAFF, village)
    return RoundAct(village, Act("submit", clerk, _cst(12, day), payload=Report([value])))


def _decided(unit: str, command: str, by: str, day: int, **given: Any) -> RoundAct:
    return RoundAct(unit, Act(command, Actor(f"l-{by}", "妇联主席", Role.LEADER, by), _cst(12, day), **given))


def report_approval() -> None:
    print()
    print("十八、数据上报审核 (seed 001: a township's 2024 report approved to the county)")
    tree, town, county = _villages(), "371082103", "371082"
    names = {unit.code: unit.name for unit in tree}
    round_ = ReportRound(tree, county, Period.year(2024), due=dt.date(2024, 12, 20))
    round_ = round_.apply(
        [
            _reported("371082103201", "1处", 2),
            _reported("371082103202", "1处", 2),
            _reported("371082103203", "3处", 3),  # 台账只有1处
            _reported("371082104201", "2处", 3),
        ]
    )
    print(f"  12月3日 人和镇待审核: {'、'.join(names[code] for code in round_.awaiting(town))}")
    returned = ReturnReasons(["妇女微家数与镇台账不符（台账登记1处）"])
    round_ = round_.apply(
        [
            _decided("371082103201", "approve", town, 4),
            _decided("371082103202", "approve", town, 4),
            _decided("371082103203", "return", town, 4, payload=returned),
        ]
    )
    print(f"  12月4日 埠东夼村被退回，理由: {'；'.join(round_.reasons('371082103203'))}")
    try:
        round_.act(town, _decided(town, "submit", town, 4, payload=Report()).act)
    except TransitionRefused as refused:
        print(f"  人和镇此时上报被拒: {refused.render('zh')}")
    round_ = round_.apply(
        [
            _reported("371082103203", "1处", 5),
            _decided("371082103203", "approve", town, 5),
            _decided(town, "submit", town, 5, payload=Report()),
            _decided(town, "approve", county, 6),
        ]
    )
    print("  12月5日 埠东夼村更正为1处重新上报，人和镇审核通过后上报；12月6日荣成市审核通过")
    try:
        round_.act("371082103201", _decided("371082103201", "unapprove", town, 7, reason="复核").act)
    except TransitionRefused as refused:
        print(f"  12月7日 人和镇想撤销对南柳村的审核，被拒: {refused.render('zh')}")
    print(f"  {round_.summary()}")
    for row in round_.records():
        print(f"    {row['name']}: {row['state_label']}")
    late = round_.overdue(on=dt.date(2024, 12, 21))
    print(f"  12月21日逾期未报: {'、'.join(names[code] for code in late)}")
    homes = IndicatorSet([Indicator("micro_homes", "妇女微家", _Unit.SITE)])
    data = round_.dataset(homes)
    year = Period.year(2024)
    submitted = rollup(data, "micro_homes", county, year, level=Level.VILLAGE)
    approved = rollup(data, "micro_homes", county, year, level=Level.VILLAGE, approved=round_.approved())
    print(f"  荣成市妇女微家，已上报数据: {submitted.value} ({submitted.coverage})")
    left_out = "、".join(names[code] for code in approved.missing)
    print(f"  荣成市妇女微家，仅已审核数据: {approved.value} ({approved.coverage})，未计入: {left_out}")


def main() -> None:
    tree = build_hierarchy()
    by_unit = read_figures()
    sum_per_unit(by_unit)
    shares()
    roll_up(tree)
    notice()
    criteria(tree)
    courtyards(tree)
    indicator_table(tree)
    campaign_2024()
    rectification_2019()
    credit_2025_2026()
    committee_election()
    report_audit()
    committee_contacts()
    risk_register_month()
    mediation_case()
    report_approval()


if __name__ == "__main__":
    main()
