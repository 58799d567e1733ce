"""Online voting: published windows in a stated time zone, and the two policies for going over
the daily number of ballots."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, ValidationError, structure, unstructure
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    Ballot,
    BallotFault,
    BallotRules,
    DailyCapBreach,
    VoteScope,
    tally_votes,
)
from fulian_core.testing import ballot_rules, moments

CST = CHINA_STANDARD_TIME
EASTERN = dt.timezone(dt.timedelta(hours=-5))
NOMINEES = ["n1", "n2", "n3", "n4"]

# "投票时间：2024年4月1日9:00至4月7日18:00"
WINDOW = BallotRules(
    start=dt.date(2024, 4, 1),
    end=dt.date(2024, 4, 7),
    ballots_per_day=10,
    one_vote_per_nominee=VoteScope.DAY,
    first_day_opens=dt.time(9),
    last_day_closes=dt.time(18),
)


def cast(number: int, voter: str, at: dt.datetime, *picks: str) -> Ballot:
    return Ballot(f"b{number}", voter, at, picks)


def outcomes(rules: BallotRules, given_ballots: list[Ballot]) -> dict[str, str]:
    """Each ballot's id with "counted" or its fault's code."""
    tally = tally_votes(rules, given_ballots, nominees=NOMINEES)
    found = {ballot.id: "counted" for ballot in tally.accepted}
    found.update({rejected.ballot.id: rejected.fault.code for rejected in tally.rejected})
    return found


def details(rules: BallotRules, given_ballots: list[Ballot]) -> list[tuple[str, str, str]]:
    tally = tally_votes(rules, given_ballots, nominees=NOMINEES)
    return [(rejected.ballot.id, rejected.fault.label, rejected.detail) for rejected in tally.rejected]


def test_the_window_opens_on_its_first_minute_and_is_closed_from_its_last() -> None:
    given_ballots = [
        cast(1, "v1", dt.datetime(2024, 4, 1, 8, 59, 59, tzinfo=CST), "n1"),
        cast(2, "v2", dt.datetime(2024, 4, 1, 9, 0, tzinfo=CST), "n1"),
        cast(3, "v3", dt.datetime(2024, 4, 3, 6, 0, tzinfo=CST), "n1"),  # the window is not daily hours
        cast(4, "v4", dt.datetime(2024, 4, 3, 23, 59, tzinfo=CST), "n1"),
        cast(5, "v5", dt.datetime(2024, 4, 7, 17, 59, tzinfo=CST), "n1"),
        cast(6, "v6", dt.datetime(2024, 4, 7, 17, 59, 59, 999_999, tzinfo=CST), "n1"),
        cast(7, "v7", dt.datetime(2024, 4, 7, 18, 0, tzinfo=CST), "n1"),
        cast(8, "v8", dt.datetime(2024, 3, 31, 12, 0, tzinfo=CST), "n1"),
        cast(9, "v9", dt.datetime(2024, 4, 8, 0, 0, tzinfo=CST), "n1"),
    ]
    assert outcomes(WINDOW, given_ballots) == {
        "b1": "outside_window",
        "b2": "counted",
        "b3": "counted",
        "b4": "counted",
        "b5": "counted",
        "b6": "counted",
        "b7": "outside_window",
        "b8": "outside_dates",
        "b9": "outside_dates",
    }
    assert details(WINDOW, given_ballots) == [
        ("b8", "不在投票日期内", "2024-03-31 not in 2024-04-01 to 2024-04-07"),
        ("b1", "不在投票时间内", "2024-04-01 08:59:59+08:00 not in 2024-04-01 09:00:00 to 2024-04-07 18:00:00"),
        ("b7", "不在投票时间内", "2024-04-07 18:00:00+08:00 not in 2024-04-01 09:00:00 to 2024-04-07 18:00:00"),
        ("b9", "不在投票日期内", "2024-04-08 not in 2024-04-01 to 2024-04-07"),
    ]


def test_a_stated_time_zone_judges_the_window_the_dates_and_the_day() -> None:
    rules = attrs.evolve(WINDOW, time_zone=EASTERN, ballots_per_day=1)
    # The same instants written in China Standard Time: 21:59 CST is 08:59 at UTC-5.
    given_ballots = [
        cast(1, "v1", dt.datetime(2024, 4, 1, 21, 59, tzinfo=CST), "n1"),
        cast(2, "v2", dt.datetime(2024, 4, 1, 22, 0, tzinfo=CST), "n1"),
        cast(3, "v3", dt.datetime(2024, 4, 8, 6, 59, tzinfo=CST), "n1"),  # 4月7日17:59 there
        cast(4, "v4", dt.datetime(2024, 4, 8, 7, 0, tzinfo=CST), "n1"),  # 4月7日18:00 there
        cast(5, "v5", dt.datetime(2024, 4, 1, 9, 0, tzinfo=CST), "n1"),  # 3月31日20:00 there
        cast(6, "v6", dt.datetime(2024, 4, 2, 23, 0, tzinfo=CST), "n1"),  # 4月2日10:00 there
        cast(7, "v6", dt.datetime(2024, 4, 3, 1, 0, tzinfo=CST), "n2"),  # 4月2日12:00 there: the same day
    ]
    assert outcomes(rules, given_ballots) == {
        "b1": "outside_window",
        "b2": "counted",
        "b3": "counted",
        "b4": "outside_window",
        "b5": "outside_dates",
        "b6": "counted",
        "b7": "daily_limit",
    }
    assert details(rules, given_ballots) == [
        ("b5", "不在投票日期内", "2024-03-31 not in 2024-04-01 to 2024-04-07"),
        ("b1", "不在投票时间内", "2024-04-01 08:59:00-05:00 not in 2024-04-01 09:00:00 to 2024-04-07 18:00:00"),
        ("b7", "超过每日投票次数", "v6 already cast 1 on 2024-04-02"),
        ("b4", "不在投票时间内", "2024-04-07 18:00:00-05:00 not in 2024-04-01 09:00:00 to 2024-04-07 18:00:00"),
    ]


def test_the_window_and_the_daily_hours_both_hold() -> None:
    rules = attrs.evolve(WINDOW, opens=dt.time(8), closes=dt.time(22), first_day_opens=dt.time(7, 30))
    given_ballots = [
        cast(1, "v1", dt.datetime(2024, 4, 1, 7, 0, tzinfo=CST), "n1"),  # both broken: the window first
        cast(2, "v2", dt.datetime(2024, 4, 1, 7, 45, tzinfo=CST), "n1"),  # in the window, before hours
        cast(3, "v3", dt.datetime(2024, 4, 1, 8, 0, tzinfo=CST), "n1"),
        cast(4, "v4", dt.datetime(2024, 4, 7, 19, 0, tzinfo=CST), "n1"),  # in hours, after the window
    ]
    assert details(rules, given_ballots) == [
        ("b1", "不在投票时间内", "2024-04-01 07:00:00+08:00 not in 2024-04-01 07:30:00 to 2024-04-07 18:00:00"),
        ("b2", "不在每日投票时段", "07:45:00 not in 08:00:00 to 22:00:00"),
        ("b4", "不在投票时间内", "2024-04-07 19:00:00+08:00 not in 2024-04-01 07:30:00 to 2024-04-07 18:00:00"),
    ]


def test_without_a_window_the_rules_behave_as_before() -> None:
    rules = BallotRules(start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 7))
    assert (rules.first_day_opens, rules.last_day_closes, rules.time_zone) == (None, None, CST)
    assert rules.daily_cap_breach is DailyCapBreach.REFUSE_EXCESS
    given_ballots = [
        cast(1, "v1", dt.datetime(2024, 4, 1, 0, 0, tzinfo=CST), "n1"),
        cast(2, "v2", dt.datetime(2024, 4, 7, 23, 59, 59, tzinfo=CST), "n1"),
    ]
    assert outcomes(rules, given_ballots) == {"b1": "counted", "b2": "counted"}
    only_closing = attrs.evolve(rules, last_day_closes=dt.time(18))
    assert details(only_closing, [cast(3, "v3", dt.datetime(2024, 4, 7, 18, tzinfo=CST), "n1")]) == [
        ("b3", "不在投票时间内", "2024-04-07 18:00:00+08:00 not in 2024-04-01 00:00:00 to 2024-04-07 18:00:00")
    ]


# "每人每天限投2票"; v1 goes over on 4月2日 and votes for n1 again on 4月3日.
CAPPED = BallotRules(start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 7), max_picks=2, ballots_per_day=2)
OVER = [
    cast(1, "v1", dt.datetime(2024, 4, 2, 9, tzinfo=CST), "n1"),
    cast(2, "v1", dt.datetime(2024, 4, 2, 10, tzinfo=CST), "n2"),
    cast(3, "v1", dt.datetime(2024, 4, 2, 11, tzinfo=CST), "n3"),
    cast(4, "v1", dt.datetime(2024, 4, 3, 9, tzinfo=CST), "n1"),
    cast(5, "v2", dt.datetime(2024, 4, 2, 9, tzinfo=CST), "n1", "n2"),
]


def test_refuse_excess_refuses_only_the_ballots_over_the_number() -> None:
    tally = tally_votes(CAPPED, OVER, nominees=NOMINEES)
    assert dict(tally.counts) == {"n1": 2, "n2": 2, "n3": 0, "n4": 0}
    assert [ballot.id for ballot in tally.accepted] == ["b1", "b5", "b2"]
    assert [(rejected.ballot.id, rejected.fault, rejected.detail) for rejected in tally.rejected] == [
        ("b3", BallotFault.DAILY_LIMIT, "v1 already cast 2 on 2024-04-02"),
        ("b4", BallotFault.ALREADY_VOTED, "n1"),
    ]


def test_void_day_voids_every_ballot_of_the_voter_that_day_and_frees_their_nominees() -> None:
    rules = attrs.evolve(CAPPED, daily_cap_breach=DailyCapBreach.VOID_DAY)
    tally = tally_votes(rules, OVER, nominees=NOMINEES)
    # b1 and b2 no longer count, so n1 is free again for v1 on 4月3日.
    assert dict(tally.counts) == {"n1": 2, "n2": 1, "n3": 0, "n4": 0}
    assert [ballot.id for ballot in tally.accepted] == ["b5", "b4"]
    void = "v1 went over 2 a day on 2024-04-02 with b3: every ballot of that day is void"
    assert [(rejected.ballot.id, rejected.fault.label, rejected.detail) for rejected in tally.rejected] == [
        ("b1", "当天投票超限全部作废", void),
        ("b2", "当天投票超限全部作废", void),
        ("b3", "超过每日投票次数", "v1 already cast 2 on 2024-04-02"),
    ]
    assert (tally.votes, tally.voters) == (3, 2)


def test_on_a_voided_day_a_ballot_keeps_its_own_fault_and_only_counted_ballots_block_a_nominee() -> None:
    rules = attrs.evolve(CAPPED, daily_cap_breach=DailyCapBreach.VOID_DAY)
    given_ballots = [
        cast(1, "v1", dt.datetime(2024, 4, 3, 9, tzinfo=CST), "n4"),
        cast(2, "v1", dt.datetime(2024, 4, 4, 8, tzinfo=CST), "n4"),  # n4 counted on 4月3日
        cast(3, "v1", dt.datetime(2024, 4, 4, 9, tzinfo=CST), "n1"),
        cast(4, "v1", dt.datetime(2024, 4, 4, 10, tzinfo=CST), "n1"),  # n1 only on a voided ballot
        cast(5, "v1", dt.datetime(2024, 4, 4, 10, 30, tzinfo=CST), "n9"),  # not a nominee
        cast(6, "v1", dt.datetime(2024, 4, 4, 11, tzinfo=CST), "n2"),
        cast(7, "v1", dt.datetime(2024, 4, 4, 12, tzinfo=CST), "n3"),  # the third that counts: over
    ]
    assert outcomes(rules, given_ballots) == {
        "b1": "counted",
        "b2": "already_voted",
        "b3": "voided_day",
        "b4": "voided_day",
        "b5": "unknown_nominee",
        "b6": "voided_day",
        "b7": "daily_limit",
    }
    assert outcomes(CAPPED, given_ballots) == {
        "b1": "counted",
        "b2": "already_voted",
        "b3": "counted",
        "b4": "already_voted",
        "b5": "unknown_nominee",
        "b6": "counted",
        "b7": "daily_limit",
    }


def test_a_voter_within_the_number_is_not_touched_by_void_day() -> None:
    rules = attrs.evolve(CAPPED, daily_cap_breach=DailyCapBreach.VOID_DAY)
    within = [ballot for ballot in OVER if ballot.id != "b3"]
    assert tally_votes(rules, within, nominees=NOMINEES) == tally_votes(CAPPED, within, nominees=NOMINEES)


def test_rules_refuse_a_window_that_cannot_be_and_report_every_fault() -> None:
    with pytest.raises(DefinitionError) as caught:
        BallotRules(
            start=dt.date(2024, 4, 1),
            end=dt.date(2024, 4, 1),
            opens=dt.time(8, tzinfo=CST),
            first_day_opens=dt.time(18),
            last_day_closes=dt.time(9),
            time_zone="+08:00",  # type: ignore[arg-type]
            daily_cap_breach="void_day",  # type: ignore[arg-type]
        )
    assert str(caught.value) == "\n".join(
        [
            (
                "opens: expected a time of day without a time zone (time_zone states it), "
                "got datetime.time(8, 0, tzinfo=datetime.timezone(datetime.tim..."
            ),
            "last_day_closes: expected a time after first_day_opens (18:00:00) on a one-day vote, got datetime.time(9, 0)",
            (
                "time_zone: expected a fixed UTC offset in whole minutes (a datetime.timezone such as "
                "CHINA_STANDARD_TIME), got '+08:00'"
            ),
            "daily_cap_breach: expected a DailyCapBreach, got 'void_day'",
        ]
    )


def test_rules_refuse_a_midnight_close_an_aware_time_and_a_zone_in_seconds() -> None:
    with pytest.raises(DefinitionError) as caught:
        BallotRules(
            start=dt.date(2024, 4, 1),
            end=dt.date(2024, 4, 7),
            first_day_opens="09:00",  # type: ignore[arg-type]
            last_day_closes=dt.time(0),
            time_zone=dt.timezone(dt.timedelta(hours=8, seconds=30)),
        )
    assert [str(fault) for fault in caught.value.faults] == [
        "first_day_opens: expected a time of day, got '09:00'",
        (
            "last_day_closes: expected a time after 00:00 (a vote that closes at midnight ends the day before: "
            "make that day the end), got datetime.time(0, 0)"
        ),
        (
            "time_zone: expected a fixed UTC offset in whole minutes (a datetime.timezone such as "
            "CHINA_STANDARD_TIME), got datetime.timezone(datetime.timedelta(seconds=28830))"
        ),
    ]
    # A one-day vote that opens and closes at stated minutes is fine.
    one_day = BallotRules(
        start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 1), first_day_opens=dt.time(9), last_day_closes=dt.time(18)
    )
    assert outcomes(one_day, [cast(1, "v1", dt.datetime(2024, 4, 1, 12, tzinfo=CST), "n1")]) == {"b1": "counted"}


def test_the_new_fields_travel_as_plain_data() -> None:
    rules = attrs.evolve(
        WINDOW, time_zone=dt.timezone(dt.timedelta(hours=-9, minutes=-30)), daily_cap_breach=DailyCapBreach.VOID_DAY
    )
    data = unstructure(rules)
    assert data == {
        "start": "2024-04-01",
        "end": "2024-04-07",
        "opens": "00:00:00",
        "closes": None,
        "min_picks": 1,
        "max_picks": 1,
        "ballots_per_day": 10,
        "one_vote_per_nominee": "day",
        "first_day_opens": "09:00:00",
        "last_day_closes": "18:00:00",
        "time_zone": "-09:30",
        "daily_cap_breach": "void_day",
    }
    assert structure(data, BallotRules) == rules
    # China Standard Time comes back as itself, name and all.
    assert structure(unstructure(WINDOW), BallotRules).time_zone is CST
    # A payload written before these fields gets their defaults.
    old = {"start": "2024-04-01", "end": "2024-04-07", "ballots_per_day": 2}
    assert structure(old, BallotRules) == BallotRules(
        start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 7), ballots_per_day=2
    )
    with pytest.raises(ValidationError) as caught:
        structure({**data, "time_zone": "Asia/Shanghai", "daily_cap_breach": "void"}, BallotRules)
    assert [str(fault) for fault in caught.value.faults] == [
        "time_zone: expected a UTC offset (+HH:MM, e.g. '+08:00'), got 'Asia/Shanghai'",
        "daily_cap_breach: expected one of 'refuse_excess', 'void_day', got 'void'",
    ]


# Two voters over the first days of April, mostly well-formed ballots: days that go over are common.
CROWDED = st.lists(
    st.builds(
        cast,
        st.integers(1, 10**6),
        st.sampled_from(["v1", "v2"]),
        moments(start=dt.date(2024, 4, 1), days=3),
        st.sampled_from(NOMINEES),
    ),
    max_size=25,
)


@given(ballot_rules(), CROWDED)
def test_void_day_counts_nothing_on_a_day_that_went_over_and_changes_nothing_otherwise(
    drawn: BallotRules, given_ballots: list[Ballot]
) -> None:
    # Open from the first of the crowded days, for ballots of one pick.
    rules = attrs.evolve(drawn, start=dt.date(2024, 4, 1), min_picks=1)
    refusing = tally_votes(
        attrs.evolve(rules, daily_cap_breach=DailyCapBreach.REFUSE_EXCESS), given_ballots, nominees=NOMINEES
    )
    voiding = tally_votes(
        attrs.evolve(rules, daily_cap_breach=DailyCapBreach.VOID_DAY), given_ballots, nominees=NOMINEES
    )
    zone = rules.time_zone
    over = {
        (rejected.ballot.voter, rejected.ballot.at.astimezone(zone).date())
        for rejected in voiding.rejected
        if rejected.fault is BallotFault.DAILY_LIMIT
    }
    assert not [ballot for ballot in voiding.accepted if (ballot.voter, ballot.at.astimezone(zone).date()) in over]
    if not any(rejected.fault is BallotFault.DAILY_LIMIT for rejected in refusing.rejected):
        assert voiding == refusing
    for tally in (refusing, voiding):
        taken: set[tuple[str, str, dt.date | None]] = set()
        for ballot in tally.accepted:
            local = ballot.at.astimezone(zone)
            assert rules.start <= local.date() <= rules.end
            assert not (local.date() == rules.start and local.time() < (rules.first_day_opens or dt.time(0)))
            assert not (local.date() == rules.end and rules.last_day_closes and local.time() >= rules.last_day_closes)
            scope = local.date() if rules.one_vote_per_nominee is VoteScope.DAY else None
            for pick in ballot.picks:
                assert (ballot.voter, pick, scope) not in taken
                taken.add((ballot.voter, pick, scope))
