"""Counting 等额 and 差额 elections: validity, majorities, ties and further rounds."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.organisation import (
    BallotPaper,
    Contest,
    ElectionMethod,
    ElectionRules,
    ElectionStatus,
    MajorityBasis,
    Mark,
    count_election,
    next_round,
)
from fulian_core.rules import Threshold

FOR, AGAINST = Mark.FOR, Mark.AGAINST


def _papers(*rows: dict[str, Mark], start: int = 0) -> list[BallotPaper]:
    return [BallotPaper(f"p{start + index}", row) for index, row in enumerate(rows)]


def test_seed_002_by_election_with_every_vote() -> None:
    # Seed 002: 执委会委员9名，实到7人 … 补选王冬萍、刘风、邹翠红以全票当选为二届执委委员.
    contest = Contest(ElectionRules(seats=3), ("wang", "liu", "zou"), electors=9, present=7, issued=7)
    result = count_election(contest, _papers(*[{"wang": FOR, "liu": FOR, "zou": FOR}] * 7))
    assert result.status is ElectionStatus.DECIDED
    assert result.elected == result.unanimous == ("wang", "liu", "zou")
    assert result.render({"wang": "王冬萍", "liu": "刘风", "zou": "邹翠红"}) == (
        "应到会9人，实到会7人；发出选票7张，收回7张，其中有效票7张、无效票0张。王冬萍、刘风、邹翠红以全票当选。"
    )
    assert next_round(contest, result) is None
    assert result.records()[0] == {
        "person": "wang",
        "votes": 7,
        "elected": True,
        "unanimous": True,
        "runoff": False,
        "status": "decided",
        "status_label": "选举有效，席位已满",
        "returned": 7,
        "valid": 7,
        "invalid": 0,
    }


def test_invalid_papers_are_set_aside_with_their_reasons() -> None:
    rules = ElectionRules(seats=2, method=ElectionMethod.COMPETITIVE, margin=Decimal("0.2"), write_ins=False)
    contest = Contest(rules, ("a", "b", "c"), electors=10, present=9, issued=9)
    papers = [
        *_papers(*[{"a": FOR, "b": FOR}] * 5),
        BallotPaper("too_many", {"a": FOR, "b": FOR, "c": FOR}),
        BallotPaper("stranger", {"x": FOR}),
        BallotPaper("written", {"a": FOR}, ("y",)),
        BallotPaper("blank"),
    ]
    result = count_election(contest, papers)
    assert [(paper.paper, paper.reason) for paper in result.invalid] == [
        ("too_many", "赞成3人，多于应选的2人"),
        ("stranger", "标记了不在候选人名单上的x"),
        ("written", "本次选举不得另选他人"),
    ]
    assert (result.returned, result.valid) == (9, 6)
    # 过半数 of the 9 present is 5: a and b have 5 each.
    assert result.elected == ("a", "b")
    assert result.unanimous == ()
    assert dict(result.votes) == {"a": 5, "b": 5, "c": 0}


def test_a_void_election_says_why() -> None:
    contest = Contest(ElectionRules(seats=1), ("a",), electors=9, present=4, issued=4)
    result = count_election(contest, _papers(*[{"a": FOR}] * 4))
    assert result.status is ElectionStatus.VOID
    assert result.reasons == ("实到会4人，未达到应到会9人的>50%",)
    contest = Contest(ElectionRules(seats=1), ("a",), electors=9, present=7, issued=6)
    result = count_election(contest, _papers(*[{"a": FOR}] * 7))
    assert result.reasons == ("收回选票7张，多于发出的6张",)
    assert result.render().endswith("收回选票7张，多于发出的6张，选举无效。")
    assert (result.elected, result.unfilled) == ((), 1)


def test_the_majority_is_of_what_the_rules_say() -> None:
    papers = _papers(*[{"a": FOR}] * 4, *[{"a": AGAINST}] * 2, start=0)
    # 4 of 8 present is not more than half; of the 6 returned it is.
    present = Contest(ElectionRules(seats=1), ("a",), electors=10, present=8, issued=8)
    assert count_election(present, papers).status is ElectionStatus.UNFILLED
    returned = Contest(ElectionRules(seats=1, basis=MajorityBasis.RETURNED), ("a",), electors=10, present=8, issued=8)
    assert count_election(returned, papers).elected == ("a",)
    # Exactly half: 半数以上（含） elects, 过半数 does not, and 半数以上 alone cannot say.
    inclusive = ElectionRules(seats=1, majority=Threshold.parse("半数以上（含）"))
    assert count_election(Contest(inclusive, ("a",), electors=10, present=8, issued=8), papers).elected == ("a",)
    unstated = ElectionRules(seats=1, majority=Threshold.parse("半数以上"))
    result = count_election(Contest(unstated, ("a",), electors=10, present=8, issued=8), papers)
    assert result.status is ElectionStatus.UNDECIDED
    assert result.undecided == ("a",)
    assert "须依选举办法裁定" in result.render()


def test_a_tie_for_the_last_seat_is_run_off() -> None:
    rules = ElectionRules(seats=2, method=ElectionMethod.COMPETITIVE)
    contest = Contest(rules, ("a", "b", "c"), electors=9, present=9, issued=9)
    papers = _papers(*[{"a": FOR, "b": FOR}] * 5, *[{"a": FOR, "c": FOR}] * 4)
    # a 9, b 5, c 4: a and b elected.
    assert count_election(contest, papers).elected == ("a", "b")
    # a 6, b 3, c 3 of 6 present, and half is enough (半数以上（含）): b and c tie for the second seat.
    tied = _papers(*[{"a": FOR, "b": FOR}] * 3, *[{"a": FOR, "c": FOR}] * 3)
    rules = ElectionRules(seats=2, method=ElectionMethod.COMPETITIVE, majority=Threshold.parse("半数以上（含）"))
    contest = Contest(rules, ("a", "b", "c"), electors=6, present=6, issued=6)
    result = count_election(contest, tied)
    assert result.status is ElectionStatus.RUNOFF
    assert (result.elected, result.runoff, result.runoff_seats) == (("a",), ("b", "c"), 1)
    assert "b、c得票相等，就1个席位另行选举。" in result.render()
    again = next_round(contest, result)
    assert again is not None
    assert (again.candidates, again.rules.seats, again.rules.method) == (("b", "c"), 1, ElectionMethod.COMPETITIVE)
    final = count_election(again, _papers(*[{"b": FOR}] * 4, *[{"c": FOR}] * 2, start=100))
    assert final.elected == ("b",)


def test_equal_votes_within_the_seats_are_all_elected() -> None:
    rules = ElectionRules(seats=2, method=ElectionMethod.COMPETITIVE)
    contest = Contest(rules, ("a", "b", "c"), electors=5, present=5, issued=5)
    result = count_election(contest, _papers(*[{"a": FOR, "b": FOR}] * 4, {"c": FOR}))
    assert (result.status, result.elected, result.runoff) == (ElectionStatus.DECIDED, ("a", "b"), ())


def test_seats_without_a_majority_go_to_another_round() -> None:
    rules = ElectionRules(seats=3, method=ElectionMethod.COMPETITIVE, margin=Decimal("0.2"))
    contest = Contest(rules, ("a", "b", "c", "d", "e"), electors=10, present=10, issued=10)
    papers = _papers(*[{"a": FOR, "b": FOR, "c": FOR}] * 4, *[{"a": FOR, "d": FOR, "e": FOR}] * 3, *[{"a": FOR}] * 3)
    result = count_election(contest, papers)
    # a 10; b, c 4; d, e 3: only a has more than half of 10.
    assert (result.status, result.elected, result.unfilled) == (ElectionStatus.UNFILLED, ("a",), 2)
    assert result.render().endswith("尚缺2名，另行选举。")
    again = next_round(contest, result)
    assert again is not None  # 2 seats, 差额 at 20%: at least 3 candidates; d and e tie for the third
    assert (again.rules.seats, again.candidates) == (2, ("b", "c", "d", "e"))


def test_the_method_fixes_how_many_stand() -> None:
    with pytest.raises(
        DefinitionError, match=r"candidates: expected exactly 2 candidates for 2 seats \(等额选举\), got 3"
    ):
        Contest(ElectionRules(seats=2), ("a", "b", "c"), electors=5, present=5, issued=5)
    rules = ElectionRules(seats=21, method=ElectionMethod.COMPETITIVE, margin=Decimal("0.05"))
    assert rules.candidates_needed() == (23, None)  # 21 × 5% = 1.05: two more
    with pytest.raises(DefinitionError, match="candidates: expected at least 23 candidates for 21 seats"):
        Contest(rules, tuple(f"c{index}" for index in range(22)), electors=50, present=40, issued=40)
    with pytest.raises(DefinitionError, match="margin: expected no margin for an 等额 election"):
        ElectionRules(seats=2, margin=Decimal("0.1"))
    with pytest.raises(DefinitionError, match="issued: expected at most the 7 present, got 8"):
        Contest(ElectionRules(seats=1), ("a",), electors=9, present=7, issued=8)
    with pytest.raises(ValidationError, match=r"papers\[1\].id: expected a paper id not counted before"):
        count_election(
            Contest(ElectionRules(seats=1), ("a",), electors=3, present=3, issued=3), _papers({}, {}, start=0)[:1] * 2
        )


MARKS = st.sampled_from([Mark.FOR, Mark.AGAINST, Mark.ABSTAIN])


@st.composite
def rounds(draw: st.DrawFn) -> tuple[Contest, list[BallotPaper]]:
    seats = draw(st.integers(1, 4))
    extra = draw(st.integers(0, 3))
    method = ElectionMethod.EQUAL if extra == 0 else ElectionMethod.COMPETITIVE
    candidates = tuple(f"c{index}" for index in range(seats + extra))
    electors = draw(st.integers(1, 30))
    present = draw(st.integers(0, electors))
    issued = draw(st.integers(0, present))
    rows = draw(st.lists(st.dictionaries(st.sampled_from(candidates), MARKS), max_size=issued + 1))
    basis = draw(st.sampled_from(list(MajorityBasis)))
    rules = ElectionRules(seats=seats, method=method, basis=basis)
    return Contest(rules, candidates, electors=electors, present=present, issued=issued), _papers(*rows)


@given(rounds(), st.randoms(use_true_random=False))
def test_a_count_never_fills_more_seats_than_there_are(
    drawn: tuple[Contest, list[BallotPaper]], random: object
) -> None:
    contest, papers = drawn
    result = count_election(contest, papers)
    seats = contest.rules.seats
    assert result.valid + len(result.invalid) == result.returned or result.status is ElectionStatus.VOID
    assert (
        len(result.elected) + result.runoff_seats + result.unfilled == seats
        or result.status is ElectionStatus.UNDECIDED
    )
    assert len(result.elected) <= seats
    assert sum(result.votes.values()) <= result.valid * seats
    for paper in result.invalid:
        assert len([p for p in papers if p.id == paper.paper]) == 1
    if result.runoff:  # a run-off only when the tied are more than the seats left for them
        assert len(result.runoff) > result.runoff_seats > 0
    if result.elected and result.runoff:
        assert min(result.votes[key] for key in result.elected) > result.votes[result.runoff[0]]
    shuffled = list(papers)
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    again = count_election(contest, shuffled)
    assert (again.status, again.elected, dict(again.votes), again.runoff) == (
        result.status,
        result.elected,
        dict(result.votes),
        result.runoff,
    )
