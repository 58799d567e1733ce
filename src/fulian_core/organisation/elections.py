"""Counting an election by secret ballot (选举计票): 等额 and 差额 elections of a committee.

A :class:`Contest` is one round of voting: the rules (seats, 等额 or 差额 and the least margin of
candidates over seats, the quorum, the majority a candidate needs and what it is a majority
of), the candidates, and the numbers the presiding officer announces — electors (应到), those
present (实到) and ballot papers issued (发出). :func:`count_election` counts the papers
returned: an election with more papers returned than issued, or without its quorum, is void
(选举无效); a paper marked FOR more people than there are seats is invalid (多选作废) and said
why; a candidate is elected with more than the stated majority, in order of votes, up to the
seats; a tie for the last seats calls for a run-off among the tied (另行选举), and seats that no
one won with a majority stay unfilled for another round. Thresholds are the rule language's
:class:`~fulian_core.rules.Threshold`, so "超过半数" and "半数以上" are told apart, and a tie on
an unstated limit is reported as undecided, never guessed.

>>> from fulian_core.organisation import BallotPaper, Contest, ElectionRules, Mark, count_election
>>> rules = ElectionRules(seats=2)
>>> contest = Contest(rules, ("a", "b"), electors=9, present=7, issued=7)
>>> papers = [BallotPaper(f"p{i}", {"a": Mark.FOR, "b": Mark.FOR}) for i in range(7)]
>>> result = count_election(contest, papers)
>>> result.elected, result.unanimous
(('a', 'b'), ('a', 'b'))
>>> print(result.render({"a": "静征", "b": "王冬萍"}))  # io-ok: a doctest shows the announcement
应到会9人，实到会7人；发出选票7张，收回7张，其中有效票7张、无效票0张。静征、王冬萍以全票当选。
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Final

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core._definitions import check_code, check_whole, listed, mapped
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.quantities import Comparison
from fulian_core.rules import Threshold
from fulian_core.tabular import Record as _Record

__all__ = [
    "MAX_PAPERS",
    "BallotPaper",
    "Contest",
    "ElectionMethod",
    "ElectionResult",
    "ElectionRules",
    "ElectionStatus",
    "InvalidPaper",
    "MajorityBasis",
    "Mark",
    "count_election",
    "next_round",
]

MAX_PAPERS: Final = 100_000
"""The most ballot papers one round may count (a 妇女代表大会 seats hundreds)."""
_MAX_SEATS: Final = 1_000


class ElectionMethod(CodedEnum):
    """How many candidates stand for the seats (选举方式)."""

    EQUAL = ("equal", "等额选举")
    COMPETITIVE = ("competitive", "差额选举")


class MajorityBasis(CodedEnum):
    """What the majority a candidate needs is a majority of (过半数的基数)."""

    PRESENT = ("present", "实到会人数")
    ELECTORS = ("electors", "应到会人数")
    RETURNED = ("returned", "收回选票数")
    VALID = ("valid", "有效选票数")


class Mark(CodedEnum):
    """A voter's mark beside a candidate's name (表决意见)."""

    FOR = ("for", "赞成")
    AGAINST = ("against", "反对")
    ABSTAIN = ("abstain", "弃权")


class ElectionStatus(CodedEnum):
    """The outcome of one round of counting (计票结果)."""

    DECIDED = ("decided", "选举有效，席位已满")
    UNFILLED = ("unfilled", "选举有效，尚有缺额")
    RUNOFF = ("runoff", "得票相等，需另行选举")
    UNDECIDED = ("undecided", "票数落在未说明是否含本数的界限上")
    VOID = ("void", "选举无效")


def _quorum_default() -> Threshold:
    return Threshold.parse("过半数")


@attrs.frozen
class ElectionRules:
    """The rules of an election as its 选举办法 states them: ``seats`` to fill, the ``method``
    (等额: as many candidates as seats; 差额: more, by at least ``margin`` of the seats and at
    least one — 差额比例不少于20% is ``Decimal("0.2")``), the ``quorum`` of electors present
    (到会人数超过应到会人数的半数), the ``majority`` a candidate's FOR votes must reach and its
    ``basis`` (超过实到会人数的半数), and whether voters may write in someone not on the list
    (另选他人)."""

    seats: int
    method: ElectionMethod = ElectionMethod.EQUAL
    margin: Decimal = Decimal(0)
    quorum: Threshold = attrs.field(factory=_quorum_default)
    majority: Threshold = attrs.field(factory=_quorum_default)
    basis: MajorityBasis = MajorityBasis.PRESENT
    write_ins: bool = True

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_whole(self.seats, "seats", faults, low=1, high=_MAX_SEATS)
        faults.check(isinstance(self.method, ElectionMethod), "method", "an ElectionMethod", self.method)
        faults.check(
            isinstance(self.margin, Decimal) and self.margin.is_finite() and 0 <= self.margin <= 1,
            "margin",
            "a Decimal share from 0 to 1",
            self.margin,
        )
        if self.method is ElectionMethod.EQUAL:
            faults.check(self.margin == 0, "margin", "no margin for an 等额 election", self.margin)
        for name in ("quorum", "majority"):
            faults.check(isinstance(getattr(self, name), Threshold), name, "a Threshold", getattr(self, name))
        faults.check(isinstance(self.basis, MajorityBasis), "basis", "a MajorityBasis", self.basis)
        faults.check(self.write_ins in (True, False), "write_ins", "True or False", self.write_ins)
        faults.raise_if_any(DefinitionError)

    def candidates_needed(self) -> tuple[int, int | None]:
        """The least and the most candidates the method allows for the seats (``None``: no
        most)."""
        if self.method is ElectionMethod.EQUAL:
            return self.seats, self.seats
        extra = max(1, math.ceil(Fraction(self.margin) * self.seats))
        return self.seats + extra, None


def _candidates(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "candidates", "a list of candidate ids")


@attrs.frozen
class Contest:
    """One round of an election (一轮投票): its rules, the ``candidates`` on the paper, and the
    numbers announced before counting — ``electors`` entitled to vote (应到会), those
    ``present`` (实到会) and the ballot papers ``issued`` (发出选票)."""

    rules: ElectionRules
    candidates: tuple[str, ...] = attrs.field(converter=_candidates)
    electors: int
    present: int
    issued: int

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.rules, ElectionRules), "rules", "ElectionRules", self.rules)
        seen: set[str] = set()
        for index, candidate in enumerate(self.candidates):
            check_code(candidate, f"candidates[{index}]", faults, punctuation="_-.")
            faults.check(candidate not in seen, f"candidates[{index}]", "a candidate not listed before", candidate)
            seen.add(candidate)
        check_whole(self.electors, "electors", faults, low=1, high=MAX_PAPERS)
        if check_whole(self.present, "present", faults, high=MAX_PAPERS) and isinstance(self.electors, int):
            faults.check(
                self.present <= self.electors, "present", f"at most the {self.electors} electors", self.present
            )
        if check_whole(self.issued, "issued", faults, high=MAX_PAPERS) and isinstance(self.present, int):
            faults.check(self.issued <= self.present, "issued", f"at most the {self.present} present", self.issued)
        if isinstance(self.rules, ElectionRules):
            least, most = self.rules.candidates_needed()
            count = len(self.candidates)
            wanted = f"exactly {least}" if least == most else f"at least {least}"
            faults.check(
                least <= count and (most is None or count <= most),
                "candidates",
                f"{wanted} candidates for {self.rules.seats} seats ({self.rules.method.label})",
                count,
            )
        faults.raise_if_any(DefinitionError)


def _marks(value: Mapping[str, Mark]) -> Mapping[str, Mark]:
    return _ReadOnlyDict(mapped(value, "marks", "a mapping of candidate ids to marks"))


def _write_ins(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "write_ins", "a list of the people written in")


@attrs.frozen
class BallotPaper:
    """A ballot paper returned (选票): the mark beside each candidate (an unmarked candidate is
    an abstention) and the people written in (另选他人), each a FOR vote."""

    id: str
    marks: Mapping[str, Mark] = attrs.field(factory=dict, converter=_marks)
    write_ins: tuple[str, ...] = attrs.field(factory=tuple, converter=_write_ins)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.id, "id", faults, punctuation="_-.")
        for key, mark in self.marks.items():
            check_code(key, f"marks[{key!r}]", faults, punctuation="_-.")
            faults.check(isinstance(mark, Mark), f"marks[{key!r}]", "a Mark", mark)
        for index, person in enumerate(self.write_ins):
            check_code(person, f"write_ins[{index}]", faults, punctuation="_-.")
        faults.raise_if_any(DefinitionError)

    @property
    def chosen(self) -> tuple[str, ...]:
        """Everyone the paper votes FOR: marked candidates, then those written in."""
        return tuple(key for key, mark in self.marks.items() if mark is Mark.FOR) + self.write_ins


@attrs.frozen
class InvalidPaper:
    """A paper not counted (废票), and why, in Chinese."""

    paper: str
    reason: str


def _votes(value: Mapping[str, int]) -> Mapping[str, int]:
    return _ReadOnlyDict(value)


@attrs.frozen
class ElectionResult:
    """The count of one round (计票结果): its ``status``; the papers ``returned``, the
    ``valid`` ones and the ``invalid`` ones with their reasons; each person's FOR ``votes``,
    most first (candidates, then anyone written in); the least number of votes that is a
    majority (``needed``; ``None`` when the limit is undecidable at some count); those
    ``elected`` in order of votes and those elected with every valid vote (``unanimous``, 全票);
    the ``runoff`` candidates tied for the last ``runoff_seats``; the seats still ``unfilled``;
    and, for a void election, ``reasons``."""

    status: ElectionStatus
    contest: Contest
    returned: int
    valid: int
    invalid: tuple[InvalidPaper, ...]
    votes: Mapping[str, int] = attrs.field(converter=_votes)
    elected: tuple[str, ...]
    unanimous: tuple[str, ...]
    runoff: tuple[str, ...]
    runoff_seats: int
    unfilled: int
    undecided: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()

    def records(self) -> list[_Record]:
        """One tidy row per person voted for (see :mod:`fulian_core.tabular`): her id, her FOR
        votes, whether she was elected, unanimously, or goes to a run-off, with the round's
        status and its counts of papers beside."""
        status = {"status": self.status.code, "status_label": self.status.label}
        counts = {"returned": self.returned, "valid": self.valid, "invalid": len(self.invalid)}
        return [
            {
                "person": person,
                "votes": votes,
                "elected": person in self.elected,
                "unanimous": person in self.unanimous,
                "runoff": person in self.runoff,
                **status,
                **counts,
            }
            for person, votes in self.votes.items()
        ]

    def render(self, names: Mapping[str, str] | None = None) -> str:
        """The announcement, as a meeting's minutes write it, with each person's name from
        *names* (or the id)."""
        names = names or {}

        def name(key: str) -> str:
            return names.get(key, key)

        contest = self.contest
        text = (
            f"应到会{contest.electors}人，实到会{contest.present}人；发出选票{contest.issued}张，收回{self.returned}张"
            f"，其中有效票{self.valid}张、无效票{len(self.invalid)}张。"
        )
        if self.status is ElectionStatus.VOID:
            return text + "；".join(self.reasons) + "，选举无效。"
        unanimous = [key for key in self.elected if key in self.unanimous]
        others = [key for key in self.elected if key not in self.unanimous]
        if unanimous:
            text += "、".join(map(name, unanimous)) + "以全票当选。"
        if others:
            text += "、".join(f"{name(key)}（{self.votes[key]}票）" for key in others) + "当选。"
        if self.runoff:
            text += f"{'、'.join(map(name, self.runoff))}得票相等，就{self.runoff_seats}个席位另行选举。"
        if self.undecided:
            text += f"{'、'.join(map(name, self.undecided))}的得票落在未说明是否含本数的界限上，须依选举办法裁定。"
        if self.unfilled:
            text += f"尚缺{self.unfilled}名，另行选举。"
        return text


def _basis(contest: Contest, returned: int, valid: int) -> int:
    return {
        MajorityBasis.PRESENT: contest.present,
        MajorityBasis.ELECTORS: contest.electors,
        MajorityBasis.RETURNED: returned,
        MajorityBasis.VALID: valid,
    }[contest.rules.basis]


def _needed(threshold: Threshold, basis: int) -> int | None:
    """The least whole number of votes that passes *threshold* as a share of *basis*."""
    if basis == 0:
        return None
    for votes in range(basis + 1):
        answer = threshold.judge(Fraction(votes, basis))
        if answer is Comparison.UNDECIDABLE:
            return None
        if answer is Comparison.YES:
            return votes
    return basis + 1


def _void(contest: Contest, returned: int, reasons: list[str]) -> ElectionResult:
    seats = contest.rules.seats
    return ElectionResult(ElectionStatus.VOID, contest, returned, 0, (), {}, (), (), (), 0, seats, (), tuple(reasons))


def _papers(papers: Iterable[BallotPaper]) -> tuple[BallotPaper, ...]:
    returned = listed(papers, "papers", "a list of ballot papers")
    faults = Faults()
    faults.check(len(returned) <= MAX_PAPERS, "papers", f"at most {MAX_PAPERS:,} papers", len(returned))
    seen: set[str] = set()
    for index, paper in enumerate(returned):
        if faults.check(isinstance(paper, BallotPaper), f"papers[{index}]", "a BallotPaper", paper):
            faults.check(paper.id not in seen, f"papers[{index}].id", "a paper id not counted before", paper.id)
            seen.add(paper.id)
    faults.raise_if_any()
    return returned


def _status(undecided: tuple[str, ...], runoff: tuple[str, ...], unfilled: int) -> ElectionStatus:
    if undecided:
        return ElectionStatus.UNDECIDED
    if runoff:
        return ElectionStatus.RUNOFF
    return ElectionStatus.UNFILLED if unfilled else ElectionStatus.DECIDED


def count_election(contest: Contest, papers: Iterable[BallotPaper]) -> ElectionResult:
    """Count the papers returned in one round of *contest* (see the module)."""
    if not isinstance(contest, Contest):
        raise ValidationError.single("contest", "a Contest", contest)
    returned_papers = _papers(papers)
    rules = contest.rules
    returned = len(returned_papers)
    reasons: list[str] = []
    quorum = rules.quorum.judge(Fraction(contest.present, contest.electors))
    if quorum is not Comparison.YES:
        reasons.append(f"实到会{contest.present}人，未达到应到会{contest.electors}人的{rules.quorum}")
    if returned > contest.issued:
        reasons.append(f"收回选票{returned}张，多于发出的{contest.issued}张")
    if reasons:
        return _void(contest, returned, reasons)
    listed_candidates = set(contest.candidates)
    votes: dict[str, int] = dict.fromkeys(contest.candidates, 0)
    invalid: list[InvalidPaper] = []
    for paper in returned_papers:
        reason = _invalid(paper, rules, listed_candidates)
        if reason:
            invalid.append(InvalidPaper(paper.id, reason))
            continue
        for person in paper.chosen:
            votes[person] = votes.get(person, 0) + 1
    valid = returned - len(invalid)
    ranked = dict(sorted(votes.items(), key=lambda pair: -pair[1]))
    needed = _needed(rules.majority, _basis(contest, returned, valid))
    passing = [key for key, count in ranked.items() if needed is not None and count >= needed]
    undecided: tuple[str, ...] = ()
    if needed is None:
        undecided = tuple(key for key, count in ranked.items() if count > 0)
    elected, runoff = _fill(passing, ranked, rules.seats)
    runoff_seats = rules.seats - len(elected) if runoff else 0
    unfilled = rules.seats - len(elected) - runoff_seats
    unanimous = tuple(key for key in elected if valid and ranked[key] == valid and not invalid)
    status = _status(undecided, runoff, unfilled)
    return ElectionResult(
        status,
        contest,
        returned,
        valid,
        tuple(invalid),
        ranked,
        elected,
        unanimous,
        runoff,
        runoff_seats,
        unfilled,
        undecided,
    )


def _invalid(paper: BallotPaper, rules: ElectionRules, candidates: set[str]) -> str:
    unknown = sorted(set(paper.marks) - candidates)
    if unknown:
        return f"标记了不在候选人名单上的{'、'.join(unknown)}"
    if paper.write_ins and not rules.write_ins:
        return "本次选举不得另选他人"
    if len(set(paper.write_ins)) != len(paper.write_ins) or set(paper.write_ins) & set(paper.marks):
        return "同一人既在名单上表决又另选，或被另选了两次"
    chosen = len(paper.chosen)
    if chosen > rules.seats:
        return f"赞成{chosen}人，多于应选的{rules.seats}人"
    return ""


def _fill(passing: list[str], ranked: Mapping[str, int], seats: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Those elected, in order of votes, and those tied for the last seats (a run-off)."""
    if len(passing) <= seats:
        return tuple(passing), ()
    cutoff = ranked[passing[seats - 1]]
    above = tuple(key for key in passing if ranked[key] > cutoff)
    tied = tuple(key for key in passing if ranked[key] == cutoff)
    if len(above) + len(tied) <= seats:  # equal votes, but seats for all of them
        return above + tied, ()
    return above, tied


def next_round(contest: Contest, result: ElectionResult) -> Contest | None:
    """The contest of the next round (另行选举), or ``None`` when the seats are filled or the
    election must be held again from the start (void). A tie is run off among the tied for
    their seats, as an 等额 or 差额 vote as their number allows; unfilled seats go to those not
    elected with the most votes — as many as the method needs for the seats left (等额: one
    each; 差额: with the margin) — anyone tied with the last of them standing too."""
    if result.contest != contest:
        raise ValidationError.single("result", "the result of counting this contest", result.contest)
    rules = contest.rules
    if result.status is ElectionStatus.RUNOFF:
        seats = result.runoff_seats
        method = ElectionMethod.EQUAL if len(result.runoff) == seats else ElectionMethod.COMPETITIVE
        again = attrs.evolve(rules, seats=seats, method=method, margin=Decimal(0))
        return attrs.evolve(contest, rules=again, candidates=result.runoff)
    if result.status is not ElectionStatus.UNFILLED:
        return None
    seats = result.unfilled
    again = attrs.evolve(rules, seats=seats)
    least, _ = again.candidates_needed()
    others = [key for key in result.votes if key not in result.elected]
    if len(others) < least:
        return None
    last = result.votes[others[least - 1]]
    standing = tuple(key for key in others if result.votes[key] >= last)
    if again.method is ElectionMethod.EQUAL and len(standing) > seats:
        again = attrs.evolve(again, method=ElectionMethod.COMPETITIVE)
    return attrs.evolve(contest, rules=again, candidates=standing)
