"""Online voting (网络投票): ballot rules as data, and a tally in which every ballot that breaks a
rule is rejected with its reason — never silently counted.

>>> import datetime as dt
>>> from fulian_core.nominations import CHINA_STANDARD_TIME as CST
>>> from fulian_core.nominations.voting import Ballot, BallotRules, tally_votes
>>> rules = BallotRules(start=dt.date(2024, 4, 1), end=dt.date(2024, 4, 7), max_picks=2)
>>> ballots = [
...     Ballot("b1", "voter-1", dt.datetime(2024, 4, 2, 9, tzinfo=CST), ("n1", "n2")),
...     Ballot("b2", "voter-1", dt.datetime(2024, 4, 2, 10, tzinfo=CST), ("n3",)),
...     Ballot("b3", "voter-2", dt.datetime(2024, 4, 9, 9, tzinfo=CST), ("n1",)),
... ]
>>> tally = tally_votes(rules, ballots, nominees=["n1", "n2", "n3"])
>>> dict(tally.counts)
{'n1': 1, 'n2': 1, 'n3': 0}
>>> [(rejected.ballot.id, rejected.fault.label) for rejected in tally.rejected]
[('b2', '超过每日投票次数'), ('b3', '不在投票日期内')]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.calendars import CHINA_STANDARD_TIME as _CST
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.nominations._checks import check_count, check_moment, is_date

__all__ = [
    "MAX_BALLOTS_PER_DAY",
    "Ballot",
    "BallotFault",
    "BallotRules",
    "RejectedBallot",
    "VoteScope",
    "VoteTally",
    "tally_votes",
]

MAX_BALLOTS_PER_DAY = 1_000
"""The most ballots a rule may let one voter cast in a day (a bound on hostile rule data)."""


class VoteScope(CodedEnum):
    """How long one vote per voter per nominee lasts (限投范围)."""

    CAMPAIGN = ("campaign", "整个投票期")
    DAY = ("day", "每天")


class BallotFault(CodedEnum):
    """Why a ballot was rejected (无效票原因)."""

    OUTSIDE_DATES = ("outside_dates", "不在投票日期内")
    OUTSIDE_HOURS = ("outside_hours", "不在每日投票时段")
    TOO_FEW = ("too_few", "少于最少可选人数")
    TOO_MANY = ("too_many", "超过最多可选人数")
    UNKNOWN_NOMINEE = ("unknown_nominee", "非候选对象")
    REPEATED_PICK = ("repeated_pick", "同一选票重复选择")
    DAILY_LIMIT = ("daily_limit", "超过每日投票次数")
    ALREADY_VOTED = ("already_voted", "已为该对象投过票")


@attrs.frozen
class BallotRules:
    """The rules of an online vote (投票规则): the dates (both included) and daily hours (from
    ``opens`` up to but not including ``closes``, China Standard Time), how many nominees one
    ballot picks, how many ballots a voter casts per day, and whether one vote per nominee
    holds for the whole vote or per day."""

    start: dt.date
    end: dt.date
    opens: dt.time = dt.time(0, 0)
    closes: dt.time | None = None
    min_picks: int = 1
    max_picks: int = 1
    ballots_per_day: int = 1
    one_vote_per_nominee: VoteScope = VoteScope.CAMPAIGN

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(is_date(self.start), "start", "a date", self.start)
        faults.check(is_date(self.end), "end", "a date", self.end)
        if is_date(self.start) and is_date(self.end):
            faults.check(self.start <= self.end, "end", "a date on or after start", self.end)
        faults.check(isinstance(self.opens, dt.time), "opens", "a time of day", self.opens)
        faults.check(self.closes is None or isinstance(self.closes, dt.time), "closes", "a time of day", self.closes)
        if isinstance(self.opens, dt.time) and isinstance(self.closes, dt.time):
            faults.check(self.opens < self.closes, "closes", f"a time after opens ({self.opens})", self.closes)
        if check_count(self.min_picks, "min_picks", faults, minimum=1) and check_count(
            self.max_picks, "max_picks", faults, minimum=1
        ):
            faults.check(self.min_picks <= self.max_picks, "max_picks", "at least min_picks", self.max_picks)
        if check_count(self.ballots_per_day, "ballots_per_day", faults, minimum=1):
            faults.check(
                self.ballots_per_day <= MAX_BALLOTS_PER_DAY,
                "ballots_per_day",
                f"at most {MAX_BALLOTS_PER_DAY}",
                self.ballots_per_day,
            )
        faults.check(isinstance(self.one_vote_per_nominee, VoteScope), "one_vote_per_nominee", "a VoteScope", None)
        faults.raise_if_any(DefinitionError)


def _picks(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen
class Ballot:
    """One ballot (选票): its id, the voter, when it was cast (aware), and the nominees picked."""

    id: str
    voter: str
    at: dt.datetime
    picks: tuple[str, ...] = attrs.field(converter=_picks)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a ballot id", self.id)
        faults.check(isinstance(self.voter, str) and bool(self.voter), "voter", "a voter id", self.voter)
        check_moment(self.at, "at", faults)
        for index, pick in enumerate(self.picks):
            faults.check(isinstance(pick, str) and bool(pick), f"picks[{index}]", "a nomination id", pick)
        faults.raise_if_any()


@attrs.frozen
class RejectedBallot:
    """A ballot that was not counted, and why (无效票)."""

    ballot: Ballot
    fault: BallotFault
    detail: str


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(value))


@attrs.frozen(eq=False)
class VoteTally:
    """The result of a vote (计票结果): votes per nominee, the ballots counted and the ballots
    rejected with their reasons. Every ballot given is in exactly one of the two."""

    counts: Mapping[str, int] = attrs.field(converter=_counts)
    accepted: tuple[Ballot, ...]
    rejected: tuple[RejectedBallot, ...]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, VoteTally):
            return NotImplemented
        return (dict(self.counts), self.accepted, self.rejected) == (
            dict(other.counts),
            other.accepted,
            other.rejected,
        )

    __hash__ = None  # type: ignore[assignment]

    @property
    def votes(self) -> int:
        """Votes counted in all."""
        return sum(self.counts.values())

    @property
    def voters(self) -> int:
        """Distinct voters with a counted ballot (参与投票人数)."""
        return len({ballot.voter for ballot in self.accepted})


def tally_votes(rules: BallotRules, ballots: Iterable[Ballot], *, nominees: Iterable[str]) -> VoteTally:
    """Count *ballots* under *rules* for *nominees* (计票).

    Ballots are taken in time order (ties in the order given). A ballot is rejected whole, with
    the first rule it breaks, in this order: dates, hours, number of picks, unknown nominee,
    the same nominee twice on one ballot, the voter's ballots for the day, a nominee the voter
    already voted for (in the vote or that day). One vote per voter per nominee holds.
    ``counts`` lists the nominees by id.
    """
    if not isinstance(rules, BallotRules):
        raise ValidationError.single("rules", "BallotRules", rules)
    # Sorted, so that the counts come out in one order whatever collection was given.
    candidates = sorted(set(nominees))
    known = set(candidates)
    counts = dict.fromkeys(candidates, 0)
    given = list(ballots)
    for index, ballot in enumerate(given):
        if not isinstance(ballot, Ballot):
            raise ValidationError.single(f"ballots[{index}]", "a Ballot", ballot)
    per_day: dict[tuple[str, dt.date], int] = {}
    voted: set[tuple[str, str, dt.date | None]] = set()
    accepted: list[Ballot] = []
    rejected: list[RejectedBallot] = []
    for ballot in sorted(given, key=lambda b: b.at):
        local = ballot.at.astimezone(_CST)
        day = local.date()
        scope = day if rules.one_vote_per_nominee is VoteScope.DAY else None
        fault = _fault(
            rules,
            ballot=ballot,
            local=local,
            known=known,
            cast_today=per_day.get((ballot.voter, day), 0),
            voted=voted,
            scope=scope,
        )
        if fault is not None:
            rejected.append(RejectedBallot(ballot, *fault))
            continue
        accepted.append(ballot)
        per_day[ballot.voter, day] = per_day.get((ballot.voter, day), 0) + 1
        for pick in ballot.picks:
            voted.add((ballot.voter, pick, scope))
            counts[pick] += 1
    return VoteTally(counts, tuple(accepted), tuple(rejected))


def _fault(  # noqa: PLR0911 - one return per rule, in the documented order
    rules: BallotRules,
    *,
    ballot: Ballot,
    local: dt.datetime,
    known: set[str],
    cast_today: int,
    voted: set[tuple[str, str, dt.date | None]],
    scope: dt.date | None,
) -> tuple[BallotFault, str] | None:
    day = local.date()
    if not rules.start <= day <= rules.end:
        return BallotFault.OUTSIDE_DATES, f"{day} not in {rules.start} to {rules.end}"
    moment = local.time().replace(tzinfo=None)
    if moment < rules.opens or (rules.closes is not None and moment >= rules.closes):
        return BallotFault.OUTSIDE_HOURS, f"{moment.isoformat()} not in {rules.opens} to {rules.closes or '24:00'}"
    if len(ballot.picks) < rules.min_picks:
        return BallotFault.TOO_FEW, f"{len(ballot.picks)} picked, at least {rules.min_picks}"
    if len(ballot.picks) > rules.max_picks:
        return BallotFault.TOO_MANY, f"{len(ballot.picks)} picked, at most {rules.max_picks}"
    unknown = [pick for pick in ballot.picks if pick not in known]
    if unknown:
        return BallotFault.UNKNOWN_NOMINEE, ", ".join(unknown)
    if len(set(ballot.picks)) != len(ballot.picks):
        return BallotFault.REPEATED_PICK, ", ".join(sorted({p for p in ballot.picks if ballot.picks.count(p) > 1}))
    if cast_today >= rules.ballots_per_day:
        return BallotFault.DAILY_LIMIT, f"{ballot.voter} already cast {cast_today} on {day}"
    again = [pick for pick in ballot.picks if (ballot.voter, pick, scope) in voted]
    if again:
        return BallotFault.ALREADY_VOTED, ", ".join(again)
    return None
