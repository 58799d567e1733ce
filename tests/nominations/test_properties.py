"""Laws of the workflow core and round trips of the nominations types, on generated values."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import ValidationError
from fulian_core.nominations import (
    Ballot,
    BallotRules,
    Dossier,
    DossierRule,
    tally_votes,
)
from fulian_core.nominations.dossier import MediaKind, account_length
from fulian_core.testing import ballot_rules, ballots
from fulian_core.testing.laws import assert_log_replays, assert_round_trip
from fulian_core.workflows import Act, Actor, Role
from tests.nominations.fixtures import CAMPAIGN, Run


@given(st.from_type(Dossier), st.from_type(DossierRule), st.from_type(Actor), st.from_type(BallotRules))
def test_round_trips(dossier: Dossier, rule: DossierRule, actor: Actor, rules: BallotRules) -> None:
    assert_round_trip(dossier, Dossier)
    assert_round_trip(rule, DossierRule)
    assert_round_trip(actor, Actor)
    assert_round_trip(rules, BallotRules)
    summary = account_length(dossier.summary)
    assert (dossier.missing(rule) == ()) == (
        (dossier.form or not rule.requires_form)
        and _within(account_length(dossier.account), rule.min_account_chars, rule.max_account_chars)
        and dossier.count(MediaKind.PHOTO) >= rule.min_photos
        and (bool(dossier.motto) or not rule.requires_motto)
        and (_within(summary, rule.min_summary_chars, rule.max_summary_chars) if summary else not rule.requires_summary)
        and all(
            _within(dossier.count(media.kind), media.min_count, media.max_count)
            and all(
                _within(item.seconds or 0, media.min_seconds or 0, media.max_seconds)
                for item in dossier.media
                if item.kind is media.kind
            )
            for media in rule.media
        )
    )


def _within(value: int, low: int, high: int | None) -> bool:
    return low <= value and (high is None or value <= high)


@given(ballot_rules(), st.lists(ballots(), max_size=25))
def test_every_ballot_is_counted_or_rejected_and_the_tally_does_not_depend_on_input_order(
    rules: BallotRules, given_ballots: list[Ballot]
) -> None:
    tally = tally_votes(rules, given_ballots, nominees=["n-1", "n-2", "n-3", "n-4"])
    assert len(tally.accepted) + len(tally.rejected) == len(given_ballots)
    assert tally.votes == sum(len(ballot.picks) for ballot in tally.accepted)
    for ballot in tally.accepted:
        assert rules.min_picks <= len(ballot.picks) <= rules.max_picks
    by_time = sorted(given_ballots, key=lambda ballot: ballot.at)
    assert tally_votes(rules, by_time, nominees=["n-4", "n-3", "n-2", "n-1"]) == tally


def test_the_shipped_log_law_holds_and_can_fail() -> None:
    run = Run()
    run.to_shortlist([1, 2])
    assert_log_replays(CAMPAIGN, run.log, run.state)
    with pytest.raises(AssertionError, match="^replaying the log does not give the live state$"):
        assert_log_replays(CAMPAIGN, run.log[:-1], run.state)
    with pytest.raises(AssertionError, match=r"^the log is not numbered 1\.\."):
        assert_log_replays(CAMPAIGN, run.log[1:], run.state)


def test_acts_are_checked() -> None:
    actor = Actor("a", "李红", Role.STAFF, "540102001001")
    with pytest.raises(ValidationError) as caught:
        Act("", actor, "2024-01-01")  # type: ignore[arg-type]
    assert [fault.path for fault in caught.value.faults] == ["command", "at"]


def test_a_campaign_travels_as_plain_data() -> None:
    assert_round_trip(CAMPAIGN, type(CAMPAIGN))
