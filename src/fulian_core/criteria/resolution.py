"""Which criteria set is in force for an award, at a unit, on a date (就近继承)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Final

import attrs

from fulian_core._faults import Faults
from fulian_core.criteria.assessment import Assessment, assess
from fulian_core.criteria.evidence import Evidence
from fulian_core.criteria.model import CriteriaSet
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.orgs import OrgTree

__all__ = ["NATIONAL_ISSUER", "CriteriaCatalog"]

NATIONAL_ISSUER: Final = "CN"
"""The issuer code of national standards (全国妇联); consulted after every unit's ancestors."""


def _sets(value: Iterable[CriteriaSet]) -> tuple[CriteriaSet, ...]:
    return tuple(value)


@attrs.frozen
class CriteriaCatalog:
    """The criteria sets known to an app (评选标准库), every version of every issuer.

    Two versions of one issuer for one award must not be in force on the same day.
    """

    sets: tuple[CriteriaSet, ...] = attrs.field(converter=_sets)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        seen: dict[tuple[str, str], list[tuple[int, CriteriaSet]]] = {}
        versions: set[tuple[str, str, str]] = set()
        for index, criteria_set in enumerate(self.sets):
            if not faults.check(isinstance(criteria_set, CriteriaSet), f"sets[{index}]", "a CriteriaSet", criteria_set):
                continue
            ref = criteria_set.ref
            faults.check(
                (ref.issuer, ref.award, ref.version) not in versions,
                f"sets[{index}].version",
                f"a version not used before for {ref.issuer}/{ref.award}",
                ref.version,
            )
            versions.add((ref.issuer, ref.award, ref.version))
            for other_index, other in seen.get((ref.issuer, ref.award), []):
                faults.check(
                    not criteria_set.overlaps(other),
                    f"sets[{index}].effective_from",
                    f"a range not overlapping sets[{other_index}] ({other.ref})",
                    criteria_set.effective_from.isoformat(),
                )
            seen.setdefault((ref.issuer, ref.award), []).append((index, criteria_set))
        faults.raise_if_any(DefinitionError)

    def with_set(self, criteria_set: CriteriaSet) -> CriteriaCatalog:
        """A catalog with one more set; this one is unchanged, even when it is refused."""
        return CriteriaCatalog((*self.sets, criteria_set))

    def issued(self, award: str, issuer: str, on: dt.date) -> CriteriaSet | None:
        """The issuer's own version for *award* in force on *on*, if any."""
        for criteria_set in self.sets:
            if criteria_set.award.code == award and criteria_set.issuer == issuer and criteria_set.in_force_on(on):
                return criteria_set
        return None

    def in_force(self, award: str, unit: str, on: dt.date, *, tree: OrgTree) -> CriteriaSet:
        """The set in force for *award* at *unit* on *on*: the unit's own version, else the
        nearest ancestor's, else the national one (就近继承)."""
        issuers = [ancestor.code for ancestor in reversed(tree.path(unit))]
        if NATIONAL_ISSUER not in issuers:
            issuers.append(NATIONAL_ISSUER)
        for issuer in issuers:
            found = self.issued(award, issuer, on)
            if found is not None:
                return found
        raise ValidationError.single(
            "award", f"a standard in force on {on.isoformat()} at {unit} or above ({' → '.join(issuers)})", award
        )

    def assess(self, award: str, unit: str, evidence: Evidence, *, on: dt.date, tree: OrgTree) -> Assessment:
        """Resolve the set in force and assess *evidence* against it."""
        return assess(self.in_force(award, unit, on, tree=tree), evidence, on=on)

    def versions(self, award: str, issuer: str) -> tuple[CriteriaSet, ...]:
        """Every version an issuer published for an award, by effective date."""
        found = [s for s in self.sets if s.award.code == award and s.issuer == issuer]
        return tuple(sorted(found, key=lambda s: s.effective_from))
