"""Voting, ranking and quota allocation."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import DefinitionError, ValidationError
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    Ballot,
    BallotFault,
    BallotRules,
    SelectionWeights,
    TieBreak,
    VoteScale,
    VoteScope,
    VoteScoring,
    allocate_quota,
    committee_scores,
    rank_nominees,
    tally_votes,
)
from fulian_core.orgs import Level
from tests.nominations.fixtures import Run


def ballot(number: int, voter: str, day: int, hour: int, *picks: str) -> Ballot:
    return Ballot(f"b{number}", voter, dt.datetime(2024, 4, day, hour, tzinfo=CHINA_STANDARD_TIME), picks)


RULES = BallotRules(
    start=dt.date(2024, 4, 1),
    end=dt.date(2024, 4, 7),
    opens=dt.time(8),
    closes=dt.time(22),
    min_picks=1,
    max_picks=2,
    ballots_per_day=2,
    one_vote_per_nominee=VoteScope.DAY,
)


def test_every_broken_rule_rejects_the_ballot_with_its_reason() -> None:
    ballots = [
        ballot(1, "v1", 2, 9, "n1", "n2"),
        ballot(2, "v1", 2, 10, "n1"),  # n1 again the same day
        ballot(3, "v1", 3, 10, "n1"),  # a new day: allowed
        ballot(4, "v2", 2, 23, "n1"),  # after hours
        ballot(5, "v2", 8, 9, "n1"),  # after the vote
        ballot(6, "v2", 2, 9),  # nobody picked
        ballot(7, "v2", 2, 9, "n1", "n2", "n3"),  # too many
        ballot(8, "v2", 2, 9, "n9"),  # not a nominee
        ballot(9, "v2", 2, 9, "n2", "n2"),  # twice on one ballot
        ballot(10, "v3", 2, 9, "n3"),
        ballot(11, "v3", 2, 10, "n2"),
        ballot(12, "v3", 2, 11, "n1"),  # third ballot of the day
    ]
    tally = tally_votes(RULES, ballots, nominees=["n3", "n1", "n2"])
    assert dict(tally.counts) == {"n1": 2, "n2": 2, "n3": 1}
    assert [(r.ballot.id, r.fault) for r in tally.rejected] == [
        ("b6", BallotFault.TOO_FEW),
        ("b7", BallotFault.TOO_MANY),
        ("b8", BallotFault.UNKNOWN_NOMINEE),
        ("b9", BallotFault.REPEATED_PICK),
        ("b2", BallotFault.ALREADY_VOTED),
        ("b12", BallotFault.DAILY_LIMIT),
        ("b4", BallotFault.OUTSIDE_HOURS),
        ("b5", BallotFault.OUTSIDE_DATES),
    ]
    assert len(tally.accepted) + len(tally.rejected) == len(ballots)
    assert (tally.votes, tally.voters) == (5, 2)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["v1", "v2", "v3"]),
            st.integers(1, 9),
            st.integers(0, 23),
            st.lists(st.sampled_from(["n1", "n2", "n3", "n4"]), max_size=3),
        ),
        max_size=30,
    )
)
def test_no_ballot_is_lost_and_one_vote_per_voter_per_nominee_per_day_holds(
    raw: list[tuple[str, int, int, list[str]]],
) -> None:
    ballots = [ballot(index, voter, day, hour, *picks) for index, (voter, day, hour, picks) in enumerate(raw)]
    tally = tally_votes(RULES, ballots, nominees=["n1", "n2", "n3"])
    assert sorted(b.id for b in tally.accepted) == sorted(
        {b.id for b in ballots} - {r.ballot.id for r in tally.rejected}
    )
    seen = set()
    for counted in tally.accepted:
        for pick in counted.picks:
            key = (counted.voter, pick, counted.at.date())
            assert key not in seen
            seen.add(key)
    assert tally.votes == sum(len(b.picks) for b in tally.accepted)


def test_ballot_rules_refuse_nonsense() -> None:
    with pytest.raises(DefinitionError) as caught:
        BallotRules(start=dt.date(2024, 4, 7), end=dt.date(2024, 4, 1), min_picks=3, max_picks=2, ballots_per_day=0)
    assert [fault.path for fault in caught.value.faults] == ["end", "max_picks", "ballots_per_day"]


def test_weights_scoring_and_tie_breaks() -> None:
    weights = SelectionWeights(committee="0.7", votes="0.3")
    committee = {"n1": Decimal(90), "n2": Decimal(80), "n3": Decimal(80)}
    votes = {"n1": 10, "n2": 40, "n3": 20}
    share = rank_nominees(committee, votes, weights=weights, scoring=VoteScoring(VoteScale.SHARE_OF_VOTES))
    assert [(s.nomination, str(s.combined)) for s in share] == [("n2", "73.14"), ("n1", "67.29"), ("n3", "64.57")]
    per_vote = VoteScoring(VoteScale.PER_VOTE, full_marks=30, points_per_vote=Decimal(1))
    ranked = rank_nominees(committee, votes, weights=SelectionWeights(committee="0.7", votes="0.3"), scoring=per_vote)
    assert [(s.nomination, s.vote_score) for s in ranked] == [
        ("n1", Decimal(10)),
        ("n2", Decimal(30)),
        ("n3", Decimal(20)),
    ]
    tied = rank_nominees(
        {"a": Decimal(80), "b": Decimal(80)},
        {},
        weights=SelectionWeights(),
        scoring=VoteScoring(),
        tie_breaks=(TieBreak.VOTES, TieBreak.EARLIER_SUBMISSION),
        submitted=["b", "a"],
    )
    assert [s.nomination for s in tied] == ["b", "a"]
    with pytest.raises(DefinitionError, match="votes: expected weights summing to 1"):
        SelectionWeights(committee="0.7", votes="0.2")
    with pytest.raises(DefinitionError, match="points_per_vote: expected positive points per vote"):
        VoteScoring(VoteScale.PER_VOTE)
    with pytest.raises(ValidationError, match=r"votes\['zz'\]: expected a nominee with a committee score"):
        rank_nominees(committee, {"zz": 1}, weights=weights, scoring=VoteScoring())


def test_committee_scores_come_from_the_reviews() -> None:
    run = Run()
    run.to_shortlist([1, 2])
    assert committee_scores(run.state, Level.VILLAGE) == {}  # requirement-only sets have no points
    assert committee_scores(run.state, Level.TOWNSHIP) == {}


def test_quota_allocation_by_largest_remainder() -> None:
    bases = {"c": 20, "b": 500, "a": 300, "d": 5}
    assert allocate_quota(10, bases) == {"a": 4, "b": 6, "c": 0, "d": 0}
    assert allocate_quota(10, bases, minimum_one=True) == {"a": 3, "b": 5, "c": 1, "d": 1}
    assert allocate_quota(3, {"a": 0, "b": 0}) == {"a": 2, "b": 1}
    with pytest.raises(ValidationError, match=r"places: expected at least one place per unit \(4\), got 3"):
        allocate_quota(3, bases, minimum_one=True)


@given(
    st.integers(0, 60), st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 10_000), min_size=1), st.booleans()
)
def test_allocation_hands_out_exactly_the_places(places: int, bases: dict[str, int], minimum_one: bool) -> None:
    if minimum_one and places < len(bases):
        return
    allocation = allocate_quota(places, bases, minimum_one=minimum_one)
    assert sum(allocation.values()) == places
    assert allocation == allocate_quota(places, dict(reversed(list(bases.items()))), minimum_one=minimum_one)
    if minimum_one:
        assert min(allocation.values()) >= 1
