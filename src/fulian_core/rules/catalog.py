"""Which rule sheet is in force for a code, at a unit, on a date (就近继承).

A county publishes its 评选标准 or 评分细则, a township adapts it, the national federation's
stands above them all; each version is in force over its own dates. :class:`SheetCatalog`
holds every version and answers which one applies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from fulian_core._definitions import listed
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, ValidationError
from fulian_core.orgs import OrgTree
from fulian_core.rules.evaluation import Evaluation
from fulian_core.rules.facts import Fact, Subject
from fulian_core.rules.plan import evaluate
from fulian_core.rules.sheet import RuleSheet

__all__ = ["NATIONAL_ISSUER", "SheetCatalog"]

NATIONAL_ISSUER: Final = "CN"
"""The issuer code of national rules (全国妇联); consulted after every unit's ancestors."""


def _sheets(value: Iterable[RuleSheet]) -> tuple[RuleSheet, ...]:
    return listed(value, "sheets", "a list of rule sheets")


@attrs.frozen
class SheetCatalog:
    """The rule sheets known to an app (规则库), every version of every issuer.

    Two versions of one issuer for one code must not be in force on the same day.
    """

    sheets: tuple[RuleSheet, ...] = attrs.field(converter=_sheets)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        seen: dict[tuple[str, str], list[tuple[int, RuleSheet]]] = {}
        versions: set[tuple[str, str, str]] = set()
        for index, sheet in enumerate(self.sheets):
            if not faults.check(isinstance(sheet, RuleSheet), f"sheets[{index}]", "a RuleSheet", sheet):
                continue
            ref = sheet.ref
            faults.check(
                (ref.issuer, ref.code, ref.version) not in versions,
                f"sheets[{index}].version",
                f"a version not used before for {ref.issuer}/{ref.code}",
                ref.version,
            )
            versions.add((ref.issuer, ref.code, ref.version))
            for other_index, other in seen.get((ref.issuer, ref.code), []):
                faults.check(
                    not sheet.overlaps(other),
                    f"sheets[{index}].effective_from",
                    f"a range not overlapping sheets[{other_index}] ({other.ref})",
                    sheet.effective_from.isoformat(),
                )
            seen.setdefault((ref.issuer, ref.code), []).append((index, sheet))
        faults.raise_if_any(DefinitionError)

    def with_sheet(self, sheet: RuleSheet) -> SheetCatalog:
        """A catalog with one more sheet; this one is unchanged, even when it is refused."""
        return SheetCatalog((*self.sheets, sheet))

    def issued(self, code: str, issuer: str, on: dt.date) -> RuleSheet | None:
        """The issuer's own version for *code* in force on *on*, if any."""
        for sheet in self.sheets:
            if sheet.code == code and sheet.issuer == issuer and sheet.in_force_on(on):
                return sheet
        return None

    def in_force(self, code: str, unit: str, on: dt.date, *, tree: OrgTree) -> RuleSheet:
        """The sheet in force for *code* at *unit* on *on*: the unit's own version, else the
        nearest ancestor's, else the national one (就近继承)."""
        issuers = [ancestor.code for ancestor in reversed(tree.path(unit))]
        if NATIONAL_ISSUER not in issuers:
            issuers.append(NATIONAL_ISSUER)
        for issuer in issuers:
            found = self.issued(code, issuer, on)
            if found is not None:
                return found
        raise ValidationError.single(
            "code", f"a sheet in force on {on.isoformat()} at {unit} or above ({' → '.join(issuers)})", code
        )

    def evaluate(
        self,
        code: str,
        facts: Mapping[str, Fact],
        *,
        on: dt.date,
        subject: Subject,
        tree: OrgTree,
        unit: str | None = None,
    ) -> Evaluation:
        """Resolve the sheet in force for *code* at *unit* (by default the subject's own unit)
        on *on*, and evaluate *subject* against it."""
        where = unit if unit is not None else subject.unit
        if where is None:
            raise ValidationError.single("unit", "the unit whose rules apply (or a subject with a unit)", None)
        return evaluate(self.in_force(code, where, on, tree=tree), facts, on=on, subject=subject)

    def versions(self, code: str, issuer: str) -> tuple[RuleSheet, ...]:
        """Every version an issuer published for *code*, by effective date."""
        found = [sheet for sheet in self.sheets if sheet.code == code and sheet.issuer == issuer]
        return tuple(sorted(found, key=lambda sheet: sheet.effective_from))
