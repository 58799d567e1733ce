"""Quotas (名额) as a maximum (限推荐3名), a minimum (至少推荐2名), an exact number (等额推荐3名)
or a range; forwarding beyond the maximum is refused, and a unit below its minimum is reported."""

from __future__ import annotations

import pytest

from fulian_core import DefinitionError, TransitionRefused
from fulian_core.nominations import (
    Campaign,
    CampaignState,
    Command,
    Quota,
    QuotaKind,
    QuotaShortfall,
    quota_shortfalls,
    start,
)
from fulian_core.orgs import Level
from fulian_core.testing.laws import assert_round_trip
from tests.nominations.fixtures import (
    APPLICANT,
    CLERK,
    HEPING,
    LEADER,
    REVIEWER_2,
    STREET,
    ZHONGYI,
    Run,
    at,
    campaign,
    evidence_for,
    family,
    submission,
)

VILLAGE = Level.VILLAGE


@pytest.mark.parametrize(
    ("quota", "kind", "text"),
    [
        (Quota(VILLAGE, 3), QuotaKind.AT_MOST, "限推荐3名"),
        (Quota(VILLAGE, 0), QuotaKind.AT_MOST, "限推荐0名"),
        (Quota.at_least(VILLAGE, 2), QuotaKind.AT_LEAST, "至少推荐2名"),
        (Quota(VILLAGE, None, minimum=2), QuotaKind.AT_LEAST, "至少推荐2名"),
        (Quota.exactly(VILLAGE, 3), QuotaKind.EXACTLY, "等额推荐3名"),
        (Quota(VILLAGE, 3, minimum=3), QuotaKind.EXACTLY, "等额推荐3名"),
        (Quota(VILLAGE, 3, minimum=1), QuotaKind.BETWEEN, "推荐1至3名"),
    ],
)
def test_kinds_and_descriptions(quota: Quota, kind: QuotaKind, text: str) -> None:
    assert quota.kind is kind
    assert quota.describe() == text
    assert_round_trip(quota, Quota)


def test_named_constructors_keep_unit_and_category() -> None:
    assert Quota.exactly(VILLAGE, 2, unit=HEPING, category="green") == Quota(VILLAGE, 2, HEPING, "green", minimum=2)
    assert Quota.at_least(VILLAGE, 1, category="green") == Quota(VILLAGE, None, category="green", minimum=1)


def test_quotas_report_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        Quota(VILLAGE, None)
    assert str(caught.value) == "places: expected a maximum, or a minimum above 0 (a quota bounds something), got None"
    with pytest.raises(DefinitionError) as caught:
        Quota(VILLAGE, 2, minimum=3)
    assert str(caught.value) == "minimum: expected at most places (2), got 3"
    with pytest.raises(DefinitionError) as caught:
        Quota("village", -1, "", minimum=-1)  # type: ignore[arg-type]
    assert [str(fault) for fault in caught.value.faults] == [
        "level: expected a Level, got 'village'",
        "places: expected a whole number >= 0, got -1",
        "minimum: expected a whole number >= 0, got -1",
        "unit: expected a code or None, got ''",
    ]
    for named in (Quota.exactly, Quota.at_least):
        with pytest.raises(DefinitionError, match=r"^n: expected a whole number >= 1, got 0$"):
            named(VILLAGE, 0)


def test_a_campaign_still_checks_where_its_quotas_apply() -> None:
    with pytest.raises(DefinitionError) as caught:
        campaign(quotas=(Quota.at_least(Level.TOWNSHIP, 1), Quota.exactly(VILLAGE, 1, category="x")))
    assert [fault.path for fault in caught.value.faults] == ["quotas[0].level", "quotas[1].category"]


def test_only_a_maximum_limits_forwarding() -> None:
    the_campaign = campaign(quotas=(Quota.at_least(VILLAGE, 1), Quota(VILLAGE, 3, category="green", minimum=1)))
    assert the_campaign.quotas_for(VILLAGE, ZHONGYI, "green") == (Quota(VILLAGE, 3, category="green", minimum=1),)
    assert the_campaign.quotas_for(VILLAGE, ZHONGYI, "five_good") == ()


def forward(run: Run, categories: dict[int, str]) -> list[str]:
    """Take one nomination ``n-<number>`` of each category through review, a notice (3-12
    April) and confirmation; forward none yet."""
    ids = [f"n-{number}" for number in categories]
    for minute, (nomination, (number, category)) in enumerate(zip(ids, categories.items(), strict=True)):
        run.do(Command.submit(APPLICANT, at(3, 20, 9, minute), nomination, submission(number, category=category)))
    for minute, nomination in enumerate(ids):
        run.do(Command.accept(CLERK, at(3, 21, 9, minute), nomination))
    for minute, (nomination, number) in enumerate(zip(ids, categories, strict=True)):
        run.do(Command.assess(REVIEWER_2, at(4, 1, 9, minute), nomination, evidence_for(family(number))))
    for minute, nomination in enumerate(ids):
        run.do(Command.shortlist(LEADER, at(4, 2, 9, minute), nomination))
    run.through_notice(ids)
    for minute, nomination in enumerate(ids):
        run.do(Command.confirm(LEADER, at(4, 15, 9, minute), nomination))
    return ids


def test_an_exact_quota_refuses_forwarding_beyond_it_and_a_minimum_does_not() -> None:
    run = Run(campaign(quotas=(Quota.exactly(VILLAGE, 1),)))
    forward(run, {1: "five_good", 2: "five_good"})
    run.do(Command.forward(CLERK, at(4, 16), "n-1"))
    with pytest.raises(TransitionRefused) as caught:
        run.do(Command.forward(CLERK, at(4, 16, 10), "n-2"))
    assert caught.value.detail == "expected at most 1 forwarded by 忠义社区 (all categories), got 2"
    floor = Run(campaign(quotas=(Quota.at_least(VILLAGE, 1),)))
    forward(floor, {1: "five_good", 2: "five_good", 3: "green"})
    for minute, nomination in enumerate(["n-1", "n-2", "n-3"]):
        floor.do(Command.forward(CLERK, at(4, 16, 9, minute), nomination))
    assert floor.state.forwarded(VILLAGE, ZHONGYI) == 3


# The street office organises, so both communities (忠义社区 540102001001, 和平社区
# 540102001002) take part; 和平社区 forwards nothing.
SHORTFALL_QUOTAS = (
    Quota.at_least(VILLAGE, 2),
    Quota(VILLAGE, 3, category="green", minimum=1),
    Quota.exactly(VILLAGE, 1, unit=HEPING),
    Quota(VILLAGE, 5, category="five_good"),  # a maximum alone is never short
)


def shortfalls(the_campaign: Campaign, state: CampaignState) -> list[tuple[int, str, int, int, str]]:
    return [
        (SHORTFALL_QUOTAS.index(found.quota), found.unit, found.forwarded, found.missing, found.description)
        for found in quota_shortfalls(the_campaign, state)
    ]


def test_units_below_their_minimum_are_reported() -> None:
    run = Run(campaign(organiser=STREET, quotas=SHORTFALL_QUOTAS))
    assert shortfalls(run.campaign, run.state) == [
        (0, ZHONGYI, 0, 2, "忠义社区至少推荐2名，已上报0名，尚缺2名"),
        (0, HEPING, 0, 2, "和平社区至少推荐2名，已上报0名，尚缺2名"),
        (1, ZHONGYI, 0, 1, "忠义社区（绿色家庭）推荐1至3名，已上报0名，尚缺1名"),
        (1, HEPING, 0, 1, "和平社区（绿色家庭）推荐1至3名，已上报0名，尚缺1名"),
        (2, HEPING, 0, 1, "和平社区等额推荐1名，已上报0名，尚缺1名"),
    ]
    forward(run, {1: "five_good", 2: "green"})
    run.do(Command.forward(CLERK, at(4, 16, 9), "n-1"))
    assert shortfalls(run.campaign, run.state) == [
        (0, ZHONGYI, 1, 1, "忠义社区至少推荐2名，已上报1名，尚缺1名"),
        (0, HEPING, 0, 2, "和平社区至少推荐2名，已上报0名，尚缺2名"),
        (1, ZHONGYI, 0, 1, "忠义社区（绿色家庭）推荐1至3名，已上报0名，尚缺1名"),
        (1, HEPING, 0, 1, "和平社区（绿色家庭）推荐1至3名，已上报0名，尚缺1名"),
        (2, HEPING, 0, 1, "和平社区等额推荐1名，已上报0名，尚缺1名"),
    ]
    run.do(Command.forward(CLERK, at(4, 16, 10), "n-2"))
    # 忠义社区 has forwarded two, one of them green: it meets both minimums.
    assert [(index, unit) for index, unit, *_ in shortfalls(run.campaign, run.state)] == [
        (0, HEPING),
        (1, HEPING),
        (2, HEPING),
    ]


def test_only_units_taking_part_are_reported() -> None:
    # Organised by 忠义社区, the sibling 和平社区 takes no part; a quota naming it still counts.
    the_campaign = campaign(quotas=(Quota.at_least(VILLAGE, 1), Quota.exactly(VILLAGE, 1, unit=HEPING)))
    found = quota_shortfalls(the_campaign, start(the_campaign))
    assert [(item.quota.unit, item.unit) for item in found] == [(None, ZHONGYI), (HEPING, HEPING)]
    assert found[0] == QuotaShortfall(Quota.at_least(VILLAGE, 1), ZHONGYI, 0, "忠义社区至少推荐1名，已上报0名，尚缺1名")
    assert quota_shortfalls(campaign(), start(campaign())) == ()  # maximums only
