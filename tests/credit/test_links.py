"""Links from courtyard results and awards to a credit scheme (积分挂钩): hand-computed cases."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, PeriodKind, ValidationError
from fulian_core.courtyard import (
    Household,
    Inspection,
    InspectionKind,
    PlaqueChange,
    PlaquePolicy,
    ScoreCard,
    plaque_history,
    score,
)
from fulian_core.courtyard.catalog import FOUR_GOALS_RUBRIC
from fulian_core.credit import (
    BandLink,
    CheckLink,
    CreditEvent,
    CreditItem,
    CreditLinks,
    CreditRecord,
    CreditScheme,
    PlaqueLink,
    PointsUnit,
    Step,
    Term,
    TitleLink,
    ValidityRule,
    credit_standing,
    linked_events,
)
from fulian_core.nominations import Command, Quota
from fulian_core.orgs import Level
from fulian_core.rules import Band, Fact, ItemKind, Subject, SubjectKind, Threshold, compile_sheet
from fulian_core.testing import inspections
from tests.courtyard.test_scoring import perfect
from tests.nominations.fixtures import LEADER, Run, at, campaign

PLAN = compile_sheet(FOUR_GOALS_RUBRIC)
HOME = Household("h-7", "371082103201")
A, S, R, H = InspectionKind.ACCEPTANCE, InspectionKind.SPOT_CHECK, InspectionKind.RECHECK, InspectionKind.HOME_VISIT
GOOD = perfect()  # 100: 精品户
FAIR = GOOD | {"kitchen_grease": Fact.found(3), "yard_clutter": Fact.found(2)}  # 88: 示范户
POOR = GOOD | {"toilet_clean": Fact.not_met(), "yard_clutter": Fact.found(5), "greenery": Fact.rated("差")}  # 60
VETO = GOOD | {"illegal_building": Fact.met()}  # 一票否决: 未达标 for certain

SCHEME = CreditScheme(
    issuer="illustrative",
    code="village_credit",
    version="2024",
    title="村民信用积分管理办法（示例）",
    effective_from=dt.date(2024, 1, 1),
    items=[
        CreditItem("boutique", "评为精品户", ItemKind.BONUS, 2, unit=PointsUnit.MEMBER, period=PeriodKind.QUARTER),
        CreditItem("demonstration", "评为示范户", ItemKind.BONUS, 3),
        CreditItem("check_failed", "检查不合格", ItemKind.DEDUCTION, 5),
        CreditItem("plaque_removed", "被摘牌", ItemKind.DEDUCTION, 10),
        CreditItem("plaque_awarded", "挂牌", ItemKind.BONUS, 4),
        CreditItem("most_beautiful", "获评最美家庭", ItemKind.BONUS, 10, level=Level.VILLAGE),
        CreditItem("title_revoked", "荣誉被撤销", ItemKind.DEDUCTION, 10),
        CreditItem("volunteer", "志愿服务", ItemKind.BONUS, unit=PointsUnit.STEP, steps=[Step("50以上", 5)]),
    ],
    bands=[
        Band("AAA", "AAA级", Threshold.at_least(120)),
        Band("AA", "AA级", Threshold.at_least(110)),
        Band("A", "A级", Threshold.at_least(100)),
        Band("B", "B级", Threshold.at_least(90)),
        Band("C", "C级"),
    ],
    validity=[ValidityRule([ItemKind.BONUS, ItemKind.DEDUCTION], Term.years(1))],
)

LINKS = CreditLinks(
    SCHEME,
    bands=[BandLink("boutique", "boutique"), BandLink("demonstration", "demonstration")],
    checks=[CheckLink("check_failed")],
    plaques=[PlaqueLink(PlaqueChange.REVOKED, "plaque_removed")],
    titles=[TitleLink("zhongyi-2024", Level.VILLAGE, "most_beautiful", revoked="title_revoked")],
)


def card(day: str, kind: InspectionKind, seen: dict[str, Fact], number: int = 0, home: Household = HOME) -> ScoreCard:
    return score(PLAN, Inspection(f"i-{day}-{number}", home, dt.date.fromisoformat(day), kind, seen))


def summary(events: Mapping[str, tuple[CreditEvent, ...]]) -> list[tuple[str, str, str, tuple[str, ...], int]]:
    return [
        (subject, event.id, event.date.isoformat(), event.items, event.members)
        for subject, subject_events in events.items()
        for event in subject_events
    ]


def test_a_tier_earns_per_member_per_quarter_and_a_failed_check_a_deduction() -> None:
    cards = [
        card("2024-01-10", A, GOOD),  # 验收 精品户: 2 points × 4 members
        card("2024-02-20", R, GOOD),  # 复核 精品户 again in the quarter: recorded, counted once
        card("2024-03-05", S, GOOD),  # a spot check earns no tier
        card("2024-03-15", S, POOR),  # 清洁户 passes: no deduction, and no link for 清洁户
        card("2024-04-02", H, VETO),  # 入户 一票否决: failed for certain
        card("2024-05-06", A, FAIR),  # 验收 示范户: 3 points per household
    ]
    events = linked_events(LINKS, cards=cards, members={"h-7": 4})
    assert summary(events) == [
        ("h-7", "inspection:i-2024-01-10-0", "2024-01-10", ("boutique",), 4),
        ("h-7", "inspection:i-2024-02-20-0", "2024-02-20", ("boutique",), 4),
        ("h-7", "inspection:i-2024-04-02-0", "2024-04-02", ("check_failed",), 1),
        ("h-7", "inspection:i-2024-05-06-0", "2024-05-06", ("demonstration",), 1),
    ]
    first = events["h-7"][0]
    assert first.source == "验收 i-2024-01-10-0：精品户（100分）"
    record = CreditRecord(HOME.subject, events["h-7"])
    standing = credit_standing(SCHEME, record, on=dt.date(2024, 6, 30))
    assert [(line.item, line.counted, line.status.code) for line in standing.lines] == [
        ("boutique", Decimal(8), "counts"),
        ("boutique", Decimal(0), "capped"),
        ("check_failed", Decimal(-5), "counts"),
        ("demonstration", Decimal(3), "counts"),
    ]
    assert (standing.score, standing.grade.code) == (Decimal(106), "A")
    # Derived again, the same events: the ids come from the sources.
    assert linked_events(LINKS, cards=reversed(cards), members={"h-7": 4}) == events


def test_per_member_items_need_the_family_members() -> None:
    with pytest.raises(ValidationError) as caught:
        linked_events(
            LINKS,
            cards=[
                card("2024-01-10", A, GOOD),
                card("2024-01-11", A, FAIR, home=Household("h-8", "x")),  # 示范户 counts per household
                card("2024-04-11", R, GOOD),  # the same household: its members are asked for once
            ],
        )
    assert (
        str(caught.value)
        == "members['h-7']: expected the number of family members of h-7 (a per-member item), got None"
    )
    with pytest.raises(ValidationError) as caught:
        linked_events(LINKS, cards=[card("2024-01-10", A, GOOD)], members={"h-7": 0})
    assert str(caught.value) == "cards[0].members: expected a whole number of members from 1 to 100, got 0"


def test_results_with_no_link_or_outside_the_scheme_produce_nothing() -> None:
    late = CreditLinks(
        attrs.evolve(SCHEME, effective_from=dt.date(2024, 3, 1)), bands=[BandLink("demonstration", "demonstration")]
    )
    cards = [card("2024-01-10", A, FAIR), card("2024-03-10", A, GOOD), card("2024-04-02", S, VETO)]
    assert linked_events(late, cards=cards) == {}
    assert linked_events(CreditLinks(SCHEME), cards=cards) == {}


def test_a_plaque_taken_down_costs_its_deduction() -> None:
    cards = [card("2024-01-10", A, FAIR), card("2024-02-28", S, POOR), card("2024-04-30", S, POOR)]
    history = plaque_history(cards, PlaquePolicy())
    assert [event.change for event in history.events] == [
        PlaqueChange.AWARDED,
        PlaqueChange.WARNED,
        PlaqueChange.REVOKED,
    ]
    events = linked_events(LINKS, plaques=[history])
    assert summary(events) == [("h-7", "plaque:i-2024-04-30-0:revoked", "2024-04-30", ("plaque_removed",), 1)]
    assert events["h-7"][0].source == "摘牌 i-2024-04-30-0：90天内2次检查未达示范户标准"
    awarded = CreditLinks(SCHEME, plaques=[PlaqueLink(PlaqueChange.AWARDED, "plaque_awarded")])
    assert summary(linked_events(awarded, plaques=[history])) == [
        ("h-7", "plaque:i-2024-01-10-0:awarded", "2024-01-10", ("plaque_awarded",), 1)
    ]


def test_a_title_earns_its_bonus_and_a_revocation_its_deduction() -> None:
    run = Run(campaign(quotas=(Quota(Level.VILLAGE, 2),)))
    ids = run.to_shortlist([1, 2, 3])
    run.through_notice(ids)
    for minute, nomination in enumerate(ids[:2]):
        run.do(Command.confirm(LEADER, at(4, 13, 9, minute), nomination))
    run.do(Command.award(LEADER, at(6, 1), "n-1"))
    run.do(Command.award(LEADER, at(6, 1, 10), "n-2"))
    run.do(Command.revoke(LEADER, at(7, 1), "n-2", reason="经核实存在违法行为"))
    events = linked_events(LINKS, campaigns=[run.state])
    assert summary(events) == [
        ("family-1", "title:zhongyi-2024:n-1:village", "2024-06-01", ("most_beautiful",), 1),
        ("family-2", "title:zhongyi-2024:n-2:village", "2024-06-01", ("most_beautiful",), 1),
        ("family-2", "revocation:zhongyi-2024:n-2:village", "2024-07-01", ("title_revoked",), 1),
    ]
    assert events["family-2"][1].source == "zhongyi-2024 村级撤销 n-2：经核实存在违法行为"
    # Another category or level has no link.
    only_green = CreditLinks(SCHEME, titles=[TitleLink("zhongyi-2024", Level.VILLAGE, "most_beautiful", "green")])
    assert linked_events(only_green, campaigns=[run.state]) == {}


def test_links_are_checked_against_the_scheme_every_fault_at_once() -> None:
    with pytest.raises(DefinitionError) as caught:
        CreditLinks(
            SCHEME,
            bands=[
                BandLink("boutique", "check_failed"),
                BandLink("boutique", "volunteer", kinds=[R]),
                BandLink("x", "nope"),
            ],
            checks=[CheckLink("check_failed"), CheckLink("boutique", kinds=[S])],
            plaques=[
                PlaqueLink(PlaqueChange.REVOKED, "plaque_awarded"),
                PlaqueLink(PlaqueChange.REVOKED, "plaque_removed"),
            ],
            titles=[
                TitleLink("zhongyi-2024", Level.VILLAGE, "most_beautiful"),
                TitleLink("zhongyi-2024", Level.VILLAGE, "most_beautiful", "green", revoked="most_beautiful"),
            ],
        )
    assert str(caught.value).splitlines() == [
        "bands[0].item: expected a bonus item (check_failed is a deduction), got 'check_failed'",
        (
            "bands[1].item: expected an item counted per case, occurrence or member"
            " (volunteer is tiered by a quantity no result gives), got 'volunteer'"
        ),
        "bands[1].kinds: expected kinds not linked before for band boutique, got '复核'",
        "bands[2].item: expected an item of village_credit@2024, got 'nope'",
        "checks[1].item: expected a deduction item (boutique is a bonus), got 'boutique'",
        "checks[1].kinds: expected kinds not linked before, got '抽查'",
        "plaques[0].item: expected a deduction item (plaque_awarded is a bonus), got 'plaque_awarded'",
        "plaques[1].change: expected a change not linked before, got 'revoked'",
        "titles[1].revoked: expected a deduction item (most_beautiful is a bonus), got 'most_beautiful'",
        "titles[1]: expected a campaign, level and category not linked before, got 'zhongyi-2024 village green'",
    ]


def test_a_link_refuses_a_bad_definition() -> None:
    with pytest.raises(DefinitionError) as caught:
        BandLink("精品户", "boutique", kinds=[])
    assert str(caught.value).splitlines() == [
        "band: expected a code of ASCII letters, digits, '_', '-' or '.', got '精品户'",
        "kinds: expected at least one kind of inspection, got []",
    ]
    with pytest.raises(
        ValidationError, match=r"^bands: expected a list of band links, not text or a mapping, got 'boutique'$"
    ):
        CreditLinks(SCHEME, bands="boutique")  # type: ignore[arg-type]


@given(st.lists(inspections(rubric=FOUR_GOALS_RUBRIC), max_size=8, unique_by=lambda inspection: inspection.id))
def test_linked_events_fit_the_scheme_and_are_derived_the_same_again(found: list[Inspection]) -> None:
    cards = [score(PLAN, inspection) for inspection in found]
    members = {inspection.household.id: 3 for inspection in found}
    events = linked_events(LINKS, cards=cards, members=members)
    assert events == linked_events(LINKS, cards=reversed(cards), members=members)
    for subject, subject_events in events.items():
        record = CreditRecord(Subject(subject, kind=SubjectKind.HOUSEHOLD), subject_events)
        record.check(SCHEME)
        assert all(event.id.startswith("inspection:") for event in subject_events)
    linked = {event.id for subject_events in events.values() for event in subject_events}
    assert linked == {f"inspection:{c.inspection}" for c in cards if LINKS.for_card(c) and SCHEME.in_force_on(c.date)}
