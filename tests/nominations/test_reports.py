"""Statistics and the public notice, from a campaign run end to end."""

from __future__ import annotations

from decimal import Decimal

from fulian_core import structure, unstructure
from fulian_core.nominations import (
    Channel,
    Command,
    Event,
    Quota,
    Submission,
    campaign_statistics,
    notice_view,
    replay,
)
from fulian_core.nominations.statistics import CampaignStatistics, Counts
from fulian_core.orgs import Level
from tests.nominations.fixtures import (
    APPLICANT,
    CLERK,
    LEADER,
    NEIGHBOUR,
    STREET,
    THIN_DOSSIER,
    ZHONGYI,
    Run,
    at,
    campaign,
    family,
)


def test_seed_000_statistics_state_80_odd_received_55_forwarded_67_9_percent() -> None:
    counts = Counts(received=81, forwarded=55)
    stats = CampaignStatistics(Level.CITY, counts, {}, {}, {})
    assert stats.summary(to="自治区") == "共收到推荐材料80余份，向自治区上报55份，占总推荐材料的67.9%"
    assert stats.summary(approximate=False) == "共收到推荐材料81份，向上级上报55份，占总推荐材料的67.9%"
    assert str(stats.forwarded_share.percent(1)) == "67.9"


def test_a_campaign_counts_what_it_received_returned_forwarded_and_awarded() -> None:
    run = Run(campaign(quotas=(Quota(Level.VILLAGE, 2),)))
    ids = run.to_shortlist([1, 2, 3])
    run.do(Command.open_notice(CLERK, at(4, 3), "notice-1", ids))
    run.do(Command.raise_objection(NEIGHBOUR, at(4, 8), "n-3", "objection-1", reason="经群众反映存在家庭矛盾"))
    run.do(Command.uphold_objection(LEADER, at(4, 9), "objection-1", reason="经核实属实"))
    run.do(Command.close_notice(CLERK, at(4, 12), "notice-1"))
    run.do(Command.confirm(LEADER, at(4, 12, 10), "n-1"))
    run.do(Command.confirm(LEADER, at(4, 12, 11), "n-2"))
    run.do(Command.forward(CLERK, at(4, 15), "n-1"))
    run.do(
        Command.submit(
            APPLICANT, at(4, 16), "n-4", Submission(family(4), Channel.ONLINE, ZHONGYI, THIN_DOSSIER, "green")
        )
    )
    run.do(Command.return_for_revision(CLERK, at(4, 17), "n-4", reason="材料不全"))
    run.do(Command.award(LEADER, at(6, 1), "n-2"))
    stats = campaign_statistics(run.campaign, run.state, Level.VILLAGE)
    assert stats.total == Counts(received=4, returned=1, removed=1, forwarded=1, awarded=1)
    assert stats.by_channel["online"] == Counts(received=1, returned=1)
    assert stats.by_category["green"].received == 1
    assert stats.by_unit[ZHONGYI].received == 4
    assert stats.summary() == "共收到推荐材料4份，向上级上报1份，占总推荐材料的25.0%"
    street = campaign_statistics(run.campaign, run.state, Level.TOWNSHIP)
    assert street.total == Counts(received=1)
    assert street.by_unit == {STREET: Counts(received=1)}
    # The notice keeps the removed nominee, marked, and masks names.
    view = notice_view(run.campaign, run.state, "notice-1")
    assert [entry.name for entry in view.entries] == ["李*英", "王*珍", "赵*兰"]
    assert [entry.withdrawn for entry in view.entries] == [False, False, True]
    text = view.render()
    assert text.splitlines()[1] == "发布单位：忠义社区　公示期：2024-04-03至2024-04-11（公示期5个工作日）"
    assert "（已撤销公示）" in text.splitlines()[6]
    # The log round-trips and replays.
    assert structure(unstructure(run.log), list[Event]) == run.log
    assert replay(run.campaign, run.log) == run.state


def test_campaign_statistics_feed_indicators_and_roll_up_to_the_forwarded_share() -> None:
    import pytest

    from fulian_core import Period, ValidationError
    from fulian_core.indicators import Dataset, Indicator, IndicatorSet, RatioIndicator, campaign_values, rollup_ratio
    from fulian_core.quantities import Unit

    run = Run(campaign(quotas=(Quota(Level.VILLAGE, 2),)))
    ids = run.to_shortlist([1, 2, 3])
    run.through_notice(ids)
    for minute, nomination in enumerate(ids[:2]):
        run.do(Command.confirm(LEADER, at(4, 13, 9, 2 * minute), nomination))
        run.do(Command.forward(CLERK, at(4, 13, 9, 2 * minute + 1), nomination))
    stats = campaign_statistics(run.campaign, run.state, Level.VILLAGE)
    year = Period.year(2024)
    values = campaign_values(stats, year)
    indicators = IndicatorSet(
        [
            *(
                Indicator(code, code, Unit.COPY)
                for code in (
                    "nominations_received",
                    "nominations_returned",
                    "nominations_forwarded",
                    "nominations_awarded",
                )
            ),
            RatioIndicator("forwarded_share", "上报占比", "nominations_forwarded", "nominations_received"),
        ]
    )
    data = Dataset(indicators, run.campaign.tree, values)
    share = rollup_ratio(data, "forwarded_share", STREET, year, level=Level.VILLAGE)
    assert share.value is not None
    assert str(share.value.quantize(Decimal("0.1"))) == "66.7"
    with pytest.raises(ValidationError, match="codes: expected names of campaign counts"):
        campaign_values(stats, year, codes={"sent": "x"})
