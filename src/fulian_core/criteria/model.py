"""Criteria and criteria sets (评价标准 / 评选标准) as declared values.

A :class:`CriteriaSet` is the standard one unit issues for one award, in force over a date
range; it holds :class:`Criterion` values of four kinds (:class:`CriterionKind`). A unit may
adapt its parent's set with :meth:`CriteriaSet.adapt` ("结合我地区工作实际"), every change
explicit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

import attrs

from fulian_core._definitions import as_decimal, check_code, check_text
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError

__all__ = [
    "Award",
    "CandidateKind",
    "CriteriaSet",
    "Criterion",
    "CriterionKind",
    "GradeLevel",
    "SetRef",
]

_ZERO = Decimal(0)
_ONE = Decimal(1)


def _points(value: object) -> Decimal:
    return as_decimal(value, "points")


def _weight(value: object) -> Decimal:
    return as_decimal(value, "weight")


def _bonus_cap(value: object) -> Decimal:
    return as_decimal(value, "bonus_cap")


def _pass_score(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "pass_score")


def _weights_total(value: object) -> Decimal | None:
    return None if value is None else as_decimal(value, "weights_total")


def _levels(value: Iterable[GradeLevel]) -> tuple[GradeLevel, ...]:
    return tuple(value)


def _criteria(value: Iterable[Criterion]) -> tuple[Criterion, ...]:
    return tuple(value)


class CriterionKind(CodedEnum):
    """The kind of a criterion (标准类型)."""

    REQUIREMENT = ("requirement", "必备条件")
    SCORED = ("scored", "评分项")
    BONUS = ("bonus", "加分项")
    DISQUALIFIER = ("disqualifier", "一票否决")


class CandidateKind(CodedEnum):
    """What is being judged (评选对象): a family, a person or a post/unit."""

    FAMILY = ("family", "家庭")
    PERSON = ("person", "个人")
    POST = ("post", "岗位/集体")


@attrs.frozen
class Award:
    """An award or title that is judged against criteria (评选项目), e.g. 最美家庭."""

    code: str
    label: str
    candidates: CandidateKind = CandidateKind.FAMILY

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.label, "label", faults)
        faults.check(isinstance(self.candidates, CandidateKind), "candidates", "a CandidateKind", self.candidates)
        faults.raise_if_any(DefinitionError)


@attrs.frozen
class GradeLevel:
    """One level of a graded scale (评定等级), e.g. 优 = 10 points."""

    name: str
    points: Decimal = attrs.field(converter=_points)


def _check_points(value: object, path: str, faults: Faults, *, positive: bool = False) -> bool:
    ok = isinstance(value, Decimal) and value.is_finite() and (value > 0 if positive else value >= 0)
    return faults.check(ok, path, "a positive number of points" if positive else "a number of points >= 0", value)


@attrs.frozen
class Criterion:
    """One criterion of a standard (评价标准条目).

    * ``REQUIREMENT`` (必备条件) must hold.
    * ``SCORED`` (评分项) earns up to ``points`` (times ``weight``); with ``levels`` it is graded
      (优/良/中/差 …) and each level maps to points.
    * ``BONUS`` (加分项) earns up to ``points``; the set caps the bonus total.
    * ``DISQUALIFIER`` (一票否决) removes the candidate when its statement holds, whatever else
      holds (违法犯罪, 刑事案件, 涉黄赌毒, 参与邪教 …).

    ``applies_to`` limits the criterion to kinds of candidate (empty: all kinds).
    """

    code: str
    title: str
    kind: CriterionKind = CriterionKind.REQUIREMENT
    description: str = ""
    title_en: str = ""
    points: Decimal = attrs.field(default=_ZERO, converter=_points)
    weight: Decimal = attrs.field(default=_ONE, converter=_weight)
    levels: tuple[GradeLevel, ...] = attrs.field(default=(), converter=_levels)
    applies_to: frozenset[CandidateKind] = frozenset()

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults, punctuation="_-.")
        check_text(self.title, "title", faults)
        for name in ("description", "title_en"):
            faults.check(isinstance(getattr(self, name), str), name, "text", getattr(self, name))
        if not faults.check(isinstance(self.kind, CriterionKind), "kind", "a CriterionKind", self.kind):
            faults.raise_if_any(DefinitionError)
        earns = self.kind in (CriterionKind.SCORED, CriterionKind.BONUS)
        if earns:
            _check_points(self.points, "points", faults, positive=True)
            _check_points(self.weight, "weight", faults, positive=True)
        else:
            faults.check(self.points == 0, "points", f"no points for a {self.kind.label}", self.points)
            faults.check(self.weight == 1, "weight", f"no weight for a {self.kind.label}", self.weight)
            faults.check(not self.levels, "levels", f"no levels for a {self.kind.label}", list(self.levels))
        names: set[str] = set()
        for index, level in enumerate(self.levels if earns else ()):
            path = f"levels[{index}]"
            if not faults.check(isinstance(level, GradeLevel), path, "a GradeLevel", level):
                continue
            check_text(level.name, f"{path}.name", faults)
            faults.check(level.name not in names, f"{path}.name", "a level name not used before", level.name)
            names.add(level.name)
            if _check_points(level.points, f"{path}.points", faults) and isinstance(self.points, Decimal):
                faults.check(
                    level.points <= self.points,
                    f"{path}.points",
                    f"at most the item's {self.points} points",
                    level.points,
                )
        for kind in self.applies_to:
            faults.check(isinstance(kind, CandidateKind), "applies_to", "CandidateKinds", kind)
        faults.raise_if_any(DefinitionError)

    @property
    def is_graded(self) -> bool:
        """Whether the criterion is judged on a scale of named levels."""
        return bool(self.levels)

    @property
    def maximum(self) -> Decimal:
        """The most the criterion can add to a score (points times weight)."""
        return self.points * self.weight

    def level(self, name: str) -> GradeLevel | None:
        """The level with *name*, if the scale has one."""
        return next((level for level in self.levels if level.name == name), None)

    def applies(self, candidate: CandidateKind) -> bool:
        """Whether the criterion judges this kind of candidate."""
        return not self.applies_to or candidate in self.applies_to


@attrs.frozen
class SetRef:
    """The identity of one criteria-set version (标准版本): issuer, award, version."""

    issuer: str
    award: str
    version: str

    def __str__(self) -> str:
        return f"{self.issuer}/{self.award}@{self.version}"


@attrs.frozen
class CriteriaSet:
    """A versioned standard for one award issued by one unit (评选标准), in force from
    ``effective_from`` to ``effective_until`` (inclusive; ``None``: until replaced).

    ``pass_score`` (when given) is the score a candidate needs; ``bonus_cap`` caps the bonus
    total; ``weights_total`` (when given) is what the weights of the scored items must add up
    to. ``source`` names the document the standard comes from, ``based_on`` the version it
    adapts.
    """

    award: Award
    issuer: str
    version: str
    effective_from: dt.date
    criteria: tuple[Criterion, ...] = attrs.field(converter=_criteria)
    effective_until: dt.date | None = None
    pass_score: Decimal | None = attrs.field(default=None, converter=_pass_score)
    bonus_cap: Decimal = attrs.field(default=_ZERO, converter=_bonus_cap)
    weights_total: Decimal | None = attrs.field(default=None, converter=_weights_total)
    source: str = ""
    based_on: SetRef | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        _check_faults_of_set(self, faults)
        faults.raise_if_any(DefinitionError)

    # -- reading -----------------------------------------------------------------------------

    @property
    def ref(self) -> SetRef:
        """The identity of this version."""
        return SetRef(self.issuer, self.award.code, self.version)

    @property
    def codes(self) -> tuple[str, ...]:
        """The criterion codes, in order."""
        return tuple(criterion.code for criterion in self.criteria)

    def criterion(self, code: str) -> Criterion:
        """The criterion with *code*."""
        for criterion in self.criteria:
            if criterion.code == code:
                return criterion
        raise ValidationError.single("code", f"a criterion of {self.ref} ({', '.join(self.codes)})", code)

    def of_kind(self, kind: CriterionKind) -> tuple[Criterion, ...]:
        """The criteria of one kind, in order."""
        return tuple(criterion for criterion in self.criteria if criterion.kind is kind)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the set is in force on *day*."""
        return self.effective_from <= day and (self.effective_until is None or day <= self.effective_until)

    def overlaps(self, other: CriteriaSet) -> bool:
        """Whether the two sets' effective ranges share a day."""
        latest_start = max(self.effective_from, other.effective_from)
        ends = [end for end in (self.effective_until, other.effective_until) if end is not None]
        return not ends or latest_start <= min(ends)

    # -- adaptation --------------------------------------------------------------------------

    def adapt(
        self,
        *,
        issuer: str,
        version: str,
        effective_from: dt.date,
        effective_until: dt.date | None = None,
        add: Iterable[Criterion] = (),
        replace: Iterable[Criterion] = (),
        drop: Iterable[str] = (),
        pass_score: Decimal | int | None = None,
        bonus_cap: Decimal | int | None = None,
        weights_total: Decimal | int | None = None,
        source: str = "",
    ) -> CriteriaSet:
        """A local version of this set (结合本地实际): drop, then replace, then add criteria by
        code. Dropping or replacing a code the set does not have, or adding one it has, is an
        error; this set is unchanged either way. Added criteria go before the disqualifiers
        (added disqualifiers after them). Unset numbers are inherited."""
        criteria = list(self.criteria)
        codes = [criterion.code for criterion in criteria]
        faults = Faults()
        dropped = list(drop)
        for index, code in enumerate(dropped):
            if faults.check(code in codes, f"drop[{index}]", f"a code of {self.ref} ({', '.join(self.codes)})", code):
                position = codes.index(code)
                del criteria[position]
                del codes[position]
        for index, criterion in enumerate(replace):
            if faults.check(
                criterion.code in codes, f"replace[{index}].code", f"a code of {self.ref} still present", criterion.code
            ):
                criteria[codes.index(criterion.code)] = criterion
        for index, criterion in enumerate(add):
            if faults.check(
                criterion.code not in codes, f"add[{index}].code", "a code not already in the set", criterion.code
            ):
                # New criteria join their kind's neighbours: before the disqualifiers, unless one.
                vetoes = [i for i, c in enumerate(criteria) if c.kind is CriterionKind.DISQUALIFIER]
                at = len(criteria) if criterion.kind is CriterionKind.DISQUALIFIER or not vetoes else vetoes[0]
                criteria.insert(at, criterion)
                codes.insert(at, criterion.code)
        faults.raise_if_any(DefinitionError)
        return CriteriaSet(
            award=self.award,
            issuer=issuer,
            version=version,
            effective_from=effective_from,
            effective_until=effective_until,
            criteria=tuple(criteria),
            pass_score=self.pass_score if pass_score is None else pass_score,
            bonus_cap=self.bonus_cap if bonus_cap is None else bonus_cap,
            weights_total=self.weights_total if weights_total is None else weights_total,
            source=source or self.source,
            based_on=self.ref,
        )


def _check_faults_of_set(criteria_set: CriteriaSet, faults: Faults) -> None:
    faults.check(isinstance(criteria_set.award, Award), "award", "an Award", criteria_set.award)
    check_text(criteria_set.issuer, "issuer", faults)
    check_text(criteria_set.version, "version", faults)
    start, end = criteria_set.effective_from, criteria_set.effective_until
    start_ok = faults.check(
        isinstance(start, dt.date) and not isinstance(start, dt.datetime), "effective_from", "a date", start
    )
    if (
        end is not None
        and faults.check(
            isinstance(end, dt.date) and not isinstance(end, dt.datetime), "effective_until", "a date or None", end
        )
        and start_ok
    ):
        faults.check(end >= start, "effective_until", f"a date on or after {start.isoformat()}", end.isoformat())
    if not faults.check(bool(criteria_set.criteria), "criteria", "at least one criterion", list(criteria_set.criteria)):
        return
    seen: set[str] = set()
    for index, criterion in enumerate(criteria_set.criteria):
        if not faults.check(isinstance(criterion, Criterion), f"criteria[{index}]", "a Criterion", criterion):
            continue
        faults.check(
            criterion.code not in seen,
            f"criteria[{index}].code",
            "a code not used by another criterion",
            criterion.code,
        )
        seen.add(criterion.code)
    _check_points(criteria_set.bonus_cap, "bonus_cap", faults)
    criteria = [criterion for criterion in criteria_set.criteria if isinstance(criterion, Criterion)]
    scored = [criterion for criterion in criteria if criterion.kind is CriterionKind.SCORED]
    if criteria_set.pass_score is not None and _check_points(criteria_set.pass_score, "pass_score", faults):
        most = sum((criterion.maximum for criterion in scored), _ZERO) + criteria_set.bonus_cap
        faults.check(
            criteria_set.pass_score <= most,
            "pass_score",
            f"at most the attainable {most} points",
            criteria_set.pass_score,
        )
    if criteria_set.weights_total is not None and _check_points(
        criteria_set.weights_total, "weights_total", faults, positive=True
    ):
        total = sum((criterion.weight for criterion in scored), _ZERO)
        faults.check(
            total == criteria_set.weights_total,
            "criteria",
            f"scored weights adding up to {criteria_set.weights_total}",
            str(total),
        )
    bonus = [criterion for criterion in criteria if criterion.kind is CriterionKind.BONUS]
    if bonus and isinstance(criteria_set.bonus_cap, Decimal):
        faults.check(
            criteria_set.bonus_cap > 0, "bonus_cap", "a positive cap when there are bonus items", criteria_set.bonus_cap
        )
    faults.check(
        criteria_set.based_on is None or isinstance(criteria_set.based_on, SetRef),
        "based_on",
        "a SetRef or None",
        criteria_set.based_on,
    )
