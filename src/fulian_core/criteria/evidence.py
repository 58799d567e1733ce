"""Evidence about a candidate (评选材料/事实), keyed by criterion code."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import MappingProxyType

import attrs

from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.criteria.model import CandidateKind
from fulian_core.errors import ValidationError

__all__ = ["Candidate", "Evidence", "Fact", "FactKind"]


class FactKind(CodedEnum):
    """What a fact says about a criterion's statement (事实类型)."""

    YES = ("yes", "符合")
    NO = ("no", "不符合")
    UNKNOWN = ("unknown", "不明")
    NOT_APPLICABLE = ("not_applicable", "不适用")
    GRADE = ("grade", "评定等级")
    POINTS = ("points", "评定分数")


@attrs.frozen
class Fact:
    """One fact about a candidate for one criterion (事实), with an optional source note.

    ``YES``/``NO`` say whether the criterion's statement holds; for a disqualifier the
    statement is the disqualifying condition, so ``YES`` means it was hit. ``GRADE`` names a
    level of a graded criterion, ``POINTS`` gives points directly.
    """

    kind: FactKind
    grade: str = ""
    points: Decimal | None = None
    source: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        if not faults.check(isinstance(self.kind, FactKind), "kind", "a FactKind", self.kind):
            faults.raise_if_any()
        if self.kind is FactKind.GRADE:
            faults.check(isinstance(self.grade, str) and bool(self.grade), "grade", "the name of a level", self.grade)
        else:
            faults.check(self.grade == "", "grade", f"no grade for a '{self.kind.code}' fact", self.grade)
        if self.kind is FactKind.POINTS:
            ok = isinstance(self.points, Decimal) and self.points.is_finite() and self.points >= 0
            faults.check(ok, "points", "a number of points >= 0", self.points)
        else:
            faults.check(self.points is None, "points", f"no points for a '{self.kind.code}' fact", self.points)
        faults.check(isinstance(self.source, str), "source", "text", self.source)
        faults.raise_if_any()

    @classmethod
    def yes(cls, source: str = "") -> Fact:
        """The statement holds (符合); for a disqualifier, it was hit."""
        return cls(FactKind.YES, source=source)

    @classmethod
    def no(cls, source: str = "") -> Fact:
        """The statement does not hold (不符合); for a disqualifier, it is clear."""
        return cls(FactKind.NO, source=source)

    @classmethod
    def unknown(cls, source: str = "") -> Fact:
        """Nothing is known yet (不明)."""
        return cls(FactKind.UNKNOWN, source=source)

    @classmethod
    def not_applicable(cls, source: str = "") -> Fact:
        """The criterion does not apply to this candidate (不适用)."""
        return cls(FactKind.NOT_APPLICABLE, source=source)

    @classmethod
    def graded(cls, grade: str, source: str = "") -> Fact:
        """A level of a graded criterion (评定为优/良/中/差 …)."""
        return cls(FactKind.GRADE, grade=grade, source=source)

    @classmethod
    def scored(cls, points: int | str | Decimal, source: str = "") -> Fact:
        """Points given directly for a scored or bonus criterion."""
        if isinstance(points, bool) or not isinstance(points, (int, str, Decimal)):
            raise ValidationError.single("points", "an int, a decimal string or a Decimal", points)
        try:
            value = Decimal(points)
        except ArithmeticError:
            raise ValidationError.single("points", "a decimal number", points) from None
        return cls(FactKind.POINTS, points=value, source=source)


@attrs.frozen
class Candidate:
    """Who or what is judged (评选对象): an id, a display name, a kind and (optionally) the
    code of the unit that put them forward."""

    id: str
    name: str
    kind: CandidateKind = CandidateKind.FAMILY
    unit: str | None = None

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        faults.check(isinstance(self.name, str) and bool(self.name.strip()), "name", "a non-empty name", self.name)
        faults.check(isinstance(self.kind, CandidateKind), "kind", "a CandidateKind", self.kind)
        faults.check(
            self.unit is None or (isinstance(self.unit, str) and bool(self.unit)),
            "unit",
            "a unit code or None",
            self.unit,
        )
        faults.raise_if_any()


def _facts(value: Mapping[str, Fact]) -> Mapping[str, Fact]:
    return MappingProxyType(dict(value))


@attrs.frozen(eq=False)
class Evidence:
    """The facts known about one candidate (评选材料), by criterion code. A criterion without a
    fact is unknown."""

    candidate: Candidate
    facts: Mapping[str, Fact] = attrs.field(factory=dict, converter=_facts)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.candidate, Candidate), "candidate", "a Candidate", self.candidate)
        for code, fact in self.facts.items():
            faults.check(isinstance(code, str), "facts", "criterion codes as keys", code)
            faults.check(isinstance(fact, Fact), f"facts[{code!r}]", "a Fact", fact)
        faults.raise_if_any()

    def fact(self, code: str) -> Fact:
        """The fact for criterion *code* (unknown if none was given)."""
        return self.facts.get(code) or Fact.unknown()

    def with_fact(self, code: str, fact: Fact) -> Evidence:
        """New evidence with one fact set; this evidence is unchanged."""
        return Evidence(self.candidate, {**self.facts, code: fact})

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Evidence):
            return NotImplemented
        return self.candidate == other.candidate and dict(self.facts) == dict(other.facts)

    def __hash__(self) -> int:
        return hash((self.candidate, tuple(sorted(self.facts.items(), key=lambda item: item[0]))))
