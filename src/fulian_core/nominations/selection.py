"""Selection (评选): committee scores and votes combined by stated weights, ranking with explicit
tie-breaks, and a level's quota allocated over its units by largest remainder.

>>> from decimal import Decimal
>>> from fulian_core.nominations.selection import SelectionWeights, VoteScoring, rank_nominees
>>> standings = rank_nominees(
...     {"n1": Decimal(90), "n2": Decimal(80), "n3": Decimal(80)},
...     {"n1": 10, "n2": 40, "n3": 40},
...     weights=SelectionWeights(committee=Decimal("0.7"), votes=Decimal("0.3")),
...     scoring=VoteScoring(),
... )
>>> [(s.nomination, str(s.combined), s.place) for s in standings]
[('n2', '86.00', 1), ('n3', '86.00', 2), ('n1', '70.50', 3)]

n2 and n3 tie on every score; the last tie-break, the earlier submission (here, the order
given), decides — never chance.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal

import attrs

from fulian_core._definitions import as_decimal, check_type
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._numbers import WIDE as _WIDE
from fulian_core._numbers import exact as _exact
from fulian_core._numbers import exact_methods as _exact_methods
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.nominations.state import CampaignState
from fulian_core.orgs import Level
from fulian_core.shares import largest_remainder

__all__ = [
    "SelectionWeights",
    "Standing",
    "TieBreak",
    "VoteScale",
    "VoteScoring",
    "allocate_quota",
    "committee_scores",
    "rank_nominees",
]

_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def _full_marks(value: object) -> Decimal:
    return as_decimal(value, "full_marks")


def _committee_weight(value: object) -> Decimal:
    return as_decimal(value, "committee")


def _votes_weight(value: object) -> Decimal:
    return as_decimal(value, "votes")


class VoteScale(CodedEnum):
    """How raw vote counts become a score out of ``full_marks`` (票数折算)."""

    RELATIVE_TO_TOP = ("relative_to_top", "以最高票为满分")
    SHARE_OF_VOTES = ("share_of_votes", "按得票占比")
    PER_VOTE = ("per_vote", "每票计分封顶")


@_exact_methods
@attrs.frozen
class VoteScoring:
    """The stated conversion of votes into a score (票数折算规则).

    * ``RELATIVE_TO_TOP``: votes / most votes × full marks (the top nominee gets full marks);
    * ``SHARE_OF_VOTES``: votes / all votes × full marks;
    * ``PER_VOTE``: votes × ``points_per_vote``, capped at full marks.

    Scores are exact decimals; nothing is rounded before ranking.
    """

    scale: VoteScale = VoteScale.RELATIVE_TO_TOP
    full_marks: Decimal = attrs.field(default=_HUNDRED, converter=_full_marks)
    points_per_vote: Decimal | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.scale, VoteScale), "scale", "a VoteScale", self.scale)
        faults.check(self.full_marks > 0, "full_marks", "a positive number", self.full_marks)
        needs = self.scale is VoteScale.PER_VOTE
        ok = (
            isinstance(self.points_per_vote, Decimal) and self.points_per_vote > 0
            if needs
            else self.points_per_vote is None
        )
        expected = "positive points per vote" if needs else f"no points_per_vote for {self.scale.code}"
        faults.check(ok, "points_per_vote", expected, self.points_per_vote)
        faults.raise_if_any(DefinitionError)

    def score(self, votes: int, counts: Mapping[str, int]) -> Decimal:
        """The score of *votes* among all *counts*."""
        if self.scale is VoteScale.PER_VOTE:
            assert self.points_per_vote is not None  # noqa: S101 - checked in __attrs_post_init__
            return min(self.full_marks, votes * self.points_per_vote)
        base = max(counts.values(), default=0) if self.scale is VoteScale.RELATIVE_TO_TOP else sum(counts.values())
        return Decimal(0) if base == 0 else self.full_marks * votes / base


@_exact_methods
@attrs.frozen
class SelectionWeights:
    """The weights of the committee score and the vote score (权重), summing to 1, e.g.
    评审 70% + 网络投票 30%."""

    committee: Decimal = attrs.field(default=Decimal(1), converter=_committee_weight)
    votes: Decimal = attrs.field(default=Decimal(0), converter=_votes_weight)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        for name, weight in (("committee", self.committee), ("votes", self.votes)):
            if not weight.is_finite():  # comparing a NaN raises decimal.InvalidOperation
                raise DefinitionError.single(name, "a weight from 0 to 1", str(weight))
        faults.check(0 <= self.committee <= 1, "committee", "a weight from 0 to 1", self.committee)
        faults.check(0 <= self.votes <= 1, "votes", "a weight from 0 to 1", self.votes)
        total = _WIDE.add(self.committee, self.votes)  # exact: the caller's context may round a sum to 1
        faults.check(total == 1, "votes", "weights summing to 1", total)
        faults.raise_if_any(DefinitionError)


class TieBreak(CodedEnum):
    """A rule that orders nominees with equal combined scores (同分排序规则)."""

    COMMITTEE_SCORE = ("committee_score", "评审分高者在前")
    VOTES = ("votes", "得票多者在前")
    EARLIER_SUBMISSION = ("earlier_submission", "推荐在先者在前")


@attrs.frozen
class Standing:
    """A nominee's place in a ranking (排名) with the scores that gave it."""

    nomination: str
    place: int
    combined: Decimal
    committee: Decimal
    votes: int
    vote_score: Decimal


@_exact
def rank_nominees(
    committee: Mapping[str, Decimal],
    votes: Mapping[str, int],
    *,
    weights: SelectionWeights,
    scoring: VoteScoring,
    tie_breaks: Iterable[TieBreak] = (TieBreak.COMMITTEE_SCORE, TieBreak.VOTES),
    submitted: Iterable[str] | None = None,
) -> tuple[Standing, ...]:
    """Rank nominees by combined score (综合得分 = committee × weight + vote score × weight).

    *committee* holds each nominee's committee score out of 100; *votes* their counted votes
    (a nominee without votes has 0). Ties are broken by *tie_breaks* in order, then by the
    earlier submission (*submitted* gives the order; by default, the order of *committee*),
    so every place is distinct. ``combined`` is shown rounded to the cent, half up; ranking
    uses the exact value.
    """
    faults = Faults()
    for nomination, score in committee.items():
        faults.check(
            isinstance(score, Decimal) and score.is_finite() and 0 <= score <= _HUNDRED,
            f"committee[{nomination!r}]",
            "a score from 0 to 100",
            score,
        )
    for nomination, count in votes.items():
        faults.check(nomination in committee, f"votes[{nomination!r}]", "a nominee with a committee score", nomination)
        faults.check(
            isinstance(count, int) and not isinstance(count, bool) and count >= 0,
            f"votes[{nomination!r}]",
            "a whole count >= 0",
            count,
        )
    order = list(dict.fromkeys(submitted if submitted is not None else committee))
    faults.check(set(order) >= set(committee), "submitted", "every nominee", sorted(set(committee) - set(order)))
    faults.raise_if_any()
    breaks = tuple(dict.fromkeys(tie_breaks))
    position = {nomination: index for index, nomination in enumerate(order)}
    counts = {nomination: votes.get(nomination, 0) for nomination in committee}
    rows = []
    for nomination, score in committee.items():
        vote_score = scoring.score(counts[nomination], counts)
        combined = score * weights.committee + vote_score * weights.votes
        rows.append((nomination, combined, score, counts[nomination], vote_score))

    def key(row: tuple[str, Decimal, Decimal, int, Decimal]) -> tuple[object, ...]:
        nomination, combined, score, count, _ = row
        parts: list[object] = [-combined]
        for rule in breaks:
            if rule is TieBreak.COMMITTEE_SCORE:
                parts.append(-score)
            elif rule is TieBreak.VOTES:
                parts.append(-count)
            else:
                parts.append(position[nomination])
        parts.append(position[nomination])
        return tuple(parts)

    ranked = sorted(rows, key=key)
    return tuple(
        Standing(nomination, place, combined.quantize(_CENT, rounding=decimal.ROUND_HALF_UP), score, count, vote_score)
        for place, (nomination, combined, score, count, vote_score) in enumerate(ranked, 1)
    )


@_exact
def committee_scores(state: CampaignState, level: Level) -> dict[str, Decimal]:
    """Each reviewed nomination's committee score at *level*, out of 100: the mean over its
    reviewers of total / (maximum + bonus ceiling) × 100, in submission order."""
    check_type(state, CampaignState, "state")
    check_type(level, Level, "level")
    scores: dict[str, Decimal] = {}
    for nomination in state.nominations():
        reviews = [review for review in nomination.reviews_at(level) if review.assessment.ceiling > 0]
        if reviews:
            total = sum((r.assessment.total / r.assessment.ceiling * _HUNDRED for r in reviews), Decimal(0))
            scores[nomination.id] = total / len(reviews)
    return scores


def allocate_quota(places: int, bases: Mapping[str, int], *, minimum_one: bool = False) -> dict[str, int]:
    """Split a level's *places* (名额) over its units in proportion to *bases* (households,
    women, nominations received …) by largest remainder; ties go to the unit with the smaller
    code, so the result does not depend on the order of *bases*.

    With *minimum_one*, every unit gets at least one place: a unit whose proportional share is
    below one gets one, and the rest are shared again among the others. When every base is
    zero, the places are shared equally (the first units by code take any remainder).
    """
    check_type(bases, Mapping, "bases", "a mapping of unit codes to counts")
    faults = Faults()
    faults.check(
        isinstance(places, int) and not isinstance(places, bool) and places >= 0, "places", "a whole count >= 0", places
    )
    for unit, base in bases.items():
        faults.check(
            isinstance(base, int) and not isinstance(base, bool) and base >= 0, f"bases[{unit!r}]", "a count >= 0", base
        )
    faults.raise_if_any()
    units = sorted(bases)
    if minimum_one and places < len(units):
        raise ValidationError.single("places", f"at least one place per unit ({len(units)})", places)
    fixed: dict[str, int] = {}
    while True:
        free = [unit for unit in units if unit not in fixed]
        left = places - sum(fixed.values())
        shares = _shares(left, [bases[unit] for unit in free])
        allocation = dict(zip(free, shares, strict=True))
        short = [unit for unit in free if minimum_one and allocation[unit] < 1]
        if not short:
            return {unit: fixed.get(unit, allocation.get(unit, 0)) for unit in units}
        fixed.update(dict.fromkeys(short, 1))


def _shares(total: int, counts: list[int]) -> list[int]:
    if not counts:
        return []
    if total == 0 or sum(counts) == 0:
        # Nothing to split, or no base to split by: equal shares in code order.
        return [total // len(counts) + (index < total % len(counts)) for index in range(len(counts))]
    return [int(share) for share in largest_remainder(counts, total=total, places=0)]
