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

A published window "2024年4月1日9:00至4月7日18:00" opens at 09:00 on the first day and is closed
from 18:00 on the last; "超出者当天所有投票无效" voids the whole day of a voter who goes over:

>>> from fulian_core.nominations.voting import DailyCapBreach
>>> rules = BallotRules(
...     start=dt.date(2024, 4, 1),
...     end=dt.date(2024, 4, 7),
...     first_day_opens=dt.time(9),
...     last_day_closes=dt.time(18),
...     daily_cap_breach=DailyCapBreach.VOID_DAY,
... )
>>> ballots = [
...     Ballot("b1", "voter-1", dt.datetime(2024, 4, 7, 17, 59, tzinfo=CST), ("n1",)),
...     Ballot("b2", "voter-2", dt.datetime(2024, 4, 7, 18, 0, tzinfo=CST), ("n1",)),
...     Ballot("b3", "voter-3", dt.datetime(2024, 4, 2, 9, tzinfo=CST), ("n1",)),
...     Ballot("b4", "voter-3", dt.datetime(2024, 4, 2, 10, tzinfo=CST), ("n2",)),
... ]
>>> tally = tally_votes(rules, ballots, nominees=["n1", "n2"])
>>> dict(tally.counts)
{'n1': 1, 'n2': 0}
>>> [(rejected.ballot.id, rejected.fault.label) for rejected in tally.rejected]
[('b3', '当天投票超限全部作废'), ('b4', '超过每日投票次数'), ('b2', '不在投票时间内')]
>>> tally.rejected[0].detail
'voter-3 went over 1 a day on 2024-04-02 with b4: every ballot of that day is void'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_items, check_type, listed, mapped
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
    "DailyCapBreach",
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


class DailyCapBreach(CodedEnum):
    """What going over the daily number of ballots costs a voter (超限处理).

    ``REFUSE_EXCESS`` refuses only the ballots over the number; ``VOID_DAY`` ("超出者当天所有投票
    无效") also voids that voter's other ballots of the day.
    """

    REFUSE_EXCESS = ("refuse_excess", "超出部分无效")
    VOID_DAY = ("void_day", "当天全部无效")


class BallotFault(CodedEnum):
    """Why a ballot was rejected (无效票原因)."""

    OUTSIDE_DATES = ("outside_dates", "不在投票日期内")
    OUTSIDE_WINDOW = ("outside_window", "不在投票时间内")
    OUTSIDE_HOURS = ("outside_hours", "不在每日投票时段")
    TOO_FEW = ("too_few", "少于最少可选人数")
    TOO_MANY = ("too_many", "超过最多可选人数")
    UNKNOWN_NOMINEE = ("unknown_nominee", "非候选对象")
    REPEATED_PICK = ("repeated_pick", "同一选票重复选择")
    DAILY_LIMIT = ("daily_limit", "超过每日投票次数")
    VOIDED_DAY = ("voided_day", "当天投票超限全部作废")
    ALREADY_VOTED = ("already_voted", "已为该对象投过票")


@attrs.frozen
class BallotRules:
    """The rules of an online vote (投票规则).

    The vote runs on the dates ``start`` to ``end`` (both included), every day from ``opens`` up
    to but not including ``closes``. A published window such as "2024年4月1日9:00至4月7日18:00"
    adds ``first_day_opens`` (on ``start``) and ``last_day_closes`` (on ``end``), again with the
    closing minute excluded: 18:00:00 is closed. Every date and time of day is read in
    ``time_zone``, a fixed UTC offset (China Standard Time unless stated). A ballot picks
    ``min_picks`` to ``max_picks`` nominees; a voter casts at most ``ballots_per_day`` ballots a
    day, and ``daily_cap_breach`` says what going over costs; one vote per nominee holds for the
    whole vote or per day (``one_vote_per_nominee``).
    """

    start: dt.date
    end: dt.date
    opens: dt.time = dt.time(0, 0)
    closes: dt.time | None = None
    min_picks: int = 1
    max_picks: int = 1
    ballots_per_day: int = 1
    one_vote_per_nominee: VoteScope = VoteScope.CAMPAIGN
    first_day_opens: dt.time | None = attrs.field(default=None, kw_only=True)
    last_day_closes: dt.time | None = attrs.field(default=None, kw_only=True)
    time_zone: dt.timezone = attrs.field(default=_CST, kw_only=True)
    daily_cap_breach: DailyCapBreach = attrs.field(default=DailyCapBreach.REFUSE_EXCESS, kw_only=True)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(is_date(self.start), "start", "a date", self.start)
        faults.check(is_date(self.end), "end", "a date", self.end)
        if is_date(self.start) and is_date(self.end):
            faults.check(self.start <= self.end, "end", "a date on or after start", self.end)
        opens = _check_time_of_day(self.opens, "opens", faults, optional=False)
        closes = _check_time_of_day(self.closes, "closes", faults, optional=True)
        if opens and closes and self.closes is not None:
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
        self._check_window(faults)
        faults.check(
            isinstance(self.daily_cap_breach, DailyCapBreach),
            "daily_cap_breach",
            "a DailyCapBreach",
            self.daily_cap_breach,
        )
        faults.raise_if_any(DefinitionError)

    def _check_window(self, faults: Faults) -> None:
        first = _check_time_of_day(self.first_day_opens, "first_day_opens", faults, optional=True)
        last = _check_time_of_day(self.last_day_closes, "last_day_closes", faults, optional=True)
        if last and self.last_day_closes is not None:
            last = faults.check(
                self.last_day_closes != dt.time(0),
                "last_day_closes",
                "a time after 00:00 (a vote that closes at midnight ends the day before: make that day the end)",
                self.last_day_closes,
            )
        if first and last and self.first_day_opens is not None and self.last_day_closes is not None:
            faults.check(
                self.start != self.end or not is_date(self.start) or self.first_day_opens < self.last_day_closes,
                "last_day_closes",
                f"a time after first_day_opens ({self.first_day_opens}) on a one-day vote",
                self.last_day_closes,
            )
        offset = self.time_zone.utcoffset(None) if isinstance(self.time_zone, dt.timezone) else None
        faults.check(
            offset is not None and offset % dt.timedelta(minutes=1) == dt.timedelta(0),
            "time_zone",
            "a fixed UTC offset in whole minutes (a datetime.timezone such as CHINA_STANDARD_TIME)",
            self.time_zone,
        )


def _check_time_of_day(value: object, path: str, faults: Faults, *, optional: bool) -> bool:
    """A time of day without a zone of its own (the rules' ``time_zone`` states it)."""
    if optional and value is None:
        return True
    if not faults.check(isinstance(value, dt.time), path, "a time of day", value):
        return False
    return faults.check(
        isinstance(value, dt.time) and value.tzinfo is None,
        path,
        "a time of day without a time zone (time_zone states it)",
        value,
    )


def _picks(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "picks", "a list of candidate ids")


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
    return _ReadOnlyDict(dict(mapped(value, "counts", "a mapping of nomination ids to votes")))


def _accepted(value: Iterable[Ballot]) -> tuple[Ballot, ...]:
    return listed(value, "accepted", "a list of ballots")


def _rejected(value: Iterable[RejectedBallot]) -> tuple[RejectedBallot, ...]:
    return listed(value, "rejected", "a list of rejected ballots")


@attrs.frozen(eq=False)
class VoteTally:
    """The result of a vote (计票结果): votes per nominee, the ballots counted and the ballots
    rejected with their reasons. Every ballot given is in exactly one of the two."""

    counts: Mapping[str, int] = attrs.field(converter=_counts)
    accepted: tuple[Ballot, ...] = attrs.field(converter=_accepted)
    rejected: tuple[RejectedBallot, ...] = attrs.field(converter=_rejected)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for nominee, votes in self.counts.items():
            if faults.check(isinstance(nominee, str) and bool(nominee), "counts", "nomination ids", nominee):
                check_count(votes, f"counts[{nominee!r}]", faults)
        for index, ballot in enumerate(self.accepted):
            faults.check(isinstance(ballot, Ballot), f"accepted[{index}]", "a Ballot", ballot)
        for index, rejected in enumerate(self.rejected):
            faults.check(isinstance(rejected, RejectedBallot), f"rejected[{index}]", "a RejectedBallot", rejected)
        faults.raise_if_any()

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

    Ballots are taken in time order (ties in the order given); days and times of day are read in
    ``rules.time_zone``. A ballot is rejected whole, with the first rule it breaks, in this
    order: dates, the window of the first and last day, daily hours, number of picks, unknown
    nominee, the same nominee twice on one ballot, the voter's ballots for the day, a nominee
    the voter already voted for (in the vote or that day). One vote per voter per nominee holds,
    and only counted ballots take a nominee: a voided ballot blocks nothing.

    Under :attr:`DailyCapBreach.VOID_DAY`, a voter's day on which a ballot is refused as over
    the daily number (``DAILY_LIMIT``) counts nothing: the ballots of that day that would have
    counted, and those refused only because a voided one took their nominee, are refused as
    ``VOIDED_DAY``; the others keep their own reason. ``counts`` lists the nominees by id.
    """
    check_type(rules, BallotRules, "rules")
    ballots = check_items(ballots, Ballot, "ballots", "a list of ballots")  # type: ignore[assignment]
    nominees = check_items(nominees, str, "nominees", "a list of nomination ids")  # type: ignore[assignment]
    if not isinstance(rules, BallotRules):
        raise ValidationError.single("rules", "BallotRules", rules)
    # Sorted, so that the counts come out in one order whatever collection was given.
    candidates = sorted(set(nominees))
    known = set(candidates)
    given = list(ballots)
    for index, ballot in enumerate(given):
        if not isinstance(ballot, Ballot):
            raise ValidationError.single(f"ballots[{index}]", "a Ballot", ballot)
    ordered = sorted(given, key=lambda b: b.at)
    # Every rule looks only at the voter's own earlier ballots, so a voter's days can be judged
    # whole, one after the other; a day is settled (and perhaps voided) before the next is read.
    local = [ballot.at.astimezone(rules.time_zone) for ballot in ordered]
    days: dict[tuple[str, dt.date], list[int]] = {}
    for position, ballot in enumerate(ordered):
        days.setdefault((ballot.voter, local[position].date()), []).append(position)
    outcomes: list[tuple[BallotFault, str] | None] = [None] * len(ordered)
    voted: set[tuple[str, str, dt.date | None]] = set()
    for positions in days.values():
        cast = [(ordered[position], local[position]) for position in positions]
        judged = _judge_day(rules, cast, known=known, voted=voted)
        for position, outcome in zip(positions, judged, strict=True):
            outcomes[position] = outcome
    counts = dict.fromkeys(candidates, 0)
    accepted: list[Ballot] = []
    rejected: list[RejectedBallot] = []
    for ballot, outcome in zip(ordered, outcomes, strict=True):
        if outcome is None:
            accepted.append(ballot)
            for pick in ballot.picks:
                counts[pick] += 1
        else:
            rejected.append(RejectedBallot(ballot, *outcome))
    return VoteTally(counts, tuple(accepted), tuple(rejected))


def _judge_day(
    rules: BallotRules,
    cast: list[tuple[Ballot, dt.datetime]],
    *,
    known: set[str],
    voted: set[tuple[str, str, dt.date | None]],
) -> list[tuple[BallotFault, str] | None]:
    """The outcome of each of one voter's ballots of one day, *cast* in time order with their
    local times; the picks that count are added to *voted*."""
    voter = cast[0][0].voter
    day = cast[0][1].date()
    scope = day if rules.one_vote_per_nominee is VoteScope.DAY else None
    outcomes: list[tuple[BallotFault, str] | None] = []
    counted: list[Ballot] = []
    over: Ballot | None = None
    for ballot, local in cast:
        fault = _fault(
            rules,
            ballot=ballot,
            local=local,
            known=known,
            cast_today=len(counted),
            voted=voted,
            scope=scope,
        )
        outcomes.append(fault)
        if fault is None:
            counted.append(ballot)
            voted.update((voter, pick, scope) for pick in ballot.picks)
        elif fault[0] is BallotFault.DAILY_LIMIT and over is None:
            over = ballot
    if over is None or rules.daily_cap_breach is not DailyCapBreach.VOID_DAY:
        return outcomes
    for ballot in counted:
        voted.difference_update((voter, pick, scope) for pick in ballot.picks)
    void = (
        BallotFault.VOIDED_DAY,
        f"{voter} went over {rules.ballots_per_day} a day on {day} with {over.id}: every ballot of that day is void",
    )
    for index, ((ballot, _), outcome) in enumerate(zip(cast, outcomes, strict=True)):
        if outcome is None:
            outcomes[index] = void
        elif outcome[0] is BallotFault.ALREADY_VOTED:
            # Judged again against the ballots that still count: a voided ballot blocks nothing.
            again = [pick for pick in ballot.picks if (voter, pick, scope) in voted]
            outcomes[index] = (BallotFault.ALREADY_VOTED, ", ".join(again)) if again else void
    return outcomes


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
    moment = local.time()
    if (day == rules.start and rules.first_day_opens is not None and moment < rules.first_day_opens) or (
        day == rules.end and rules.last_day_closes is not None and moment >= rules.last_day_closes
    ):
        opening = rules.first_day_opens or rules.opens
        closing = rules.last_day_closes or rules.closes or "24:00"
        return (
            BallotFault.OUTSIDE_WINDOW,
            f"{local.isoformat(sep=' ')} not in {rules.start} {opening} to {rules.end} {closing}",
        )
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
