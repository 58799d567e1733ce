"""Risk register figures (风险台账统计): entries open by level and by category, registered and
closed, level changes and reviews overdue — counts only, never names.

Figures are taken *as they stood at the end of a day*: acts dated (in China Standard Time) after
that day are ignored, so the register of any past day can be recomputed from today's entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core.risks.register import Registration, RiskCategory
from fulian_core.risks.workflow import LEVELS as _LEVELS
from fulian_core.workflows import Case, cases_by_unit, cases_of, events_as_of

__all__ = ["RiskFigures", "risk_figures", "risk_figures_by_unit"]

_WORKFLOW = "risk_register"


def _checked(cases: Iterable[Case], on: object) -> tuple[Case, ...]:
    return cases_of(cases, on=on, workflow=_WORKFLOW, opened_by=Registration, what="the registration of a risk")


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return _ReadOnlyDict(value)


@attrs.frozen
class RiskFigures:
    """The register on a day (风险台账情况): entries ever ``registered`` and ``closed`` (销号),
    open entries by level (``by_level``: red, yellow, green) and by category (``by_category``,
    an entry counted once in each of its categories), level changes raised and lowered up to the
    day, and open entries whose review is ``overdue`` (逾期未复核)."""

    on: dt.date
    registered: int = 0
    closed: int = 0
    raised: int = 0
    lowered: int = 0
    overdue: int = 0
    by_level: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)
    by_category: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)

    @property
    def open(self) -> int:  # io-ok: the count of entries still open (在册), not a file
        """The entries registered and not closed (在册)."""
        return self.registered - self.closed

    def summary(self) -> str:
        """The register as a report writes it: ``截至2025-06-30，在册重点家庭26户（红色2、黄色8、
        绿色16），本期销号3户，逾期未复核1户``."""
        levels = "、".join(f"{label}{self.by_level.get(code, 0)}" for code, label in _LABELS.items())
        return (
            f"截至{self.on.isoformat()}，累计登记{self.registered}户（人），在册{self.open}户（人）（{levels}），"
            f"已销号{self.closed}户（人），逾期未复核{self.overdue}户（人）"
        )


_LABELS = {"red": "红色", "yellow": "黄色", "green": "绿色"}


def risk_figures(cases: Iterable[Case], *, on: dt.date) -> RiskFigures:
    """The register as it stood at the end of *on*: an entry registered later is not counted."""
    counts = dict.fromkeys(("registered", "closed", "raised", "lowered", "overdue"), 0)
    by_level = dict.fromkeys(_LEVELS, 0)
    by_category = {category.code: 0 for category in RiskCategory}
    rank = {level: index for index, level in enumerate(_LEVELS)}
    for case in _checked(cases, on):
        events = events_as_of(case, on)
        if not events:
            continue
        registration = events[0].act.payload
        assert isinstance(registration, Registration)  # noqa: S101 - checked by _checked
        counts["registered"] += 1
        for event in events[1:]:
            if event.source in rank and event.target in rank and event.source != event.target:
                counts["raised" if rank[event.target] < rank[event.source] else "lowered"] += 1
        last = events[-1]
        if last.target == "closed":
            counts["closed"] += 1
            continue
        by_level[last.target] += 1
        for category in registration.categories:
            by_category[category.code] += 1
        counts["overdue"] += last.due is not None and last.due < on
    return RiskFigures(on, **counts, by_level=by_level, by_category={k: v for k, v in by_category.items() if v})


def risk_figures_by_unit(cases: Iterable[Case], *, on: dt.date) -> Mapping[str, RiskFigures]:
    """The register per unit the entries count under (``Registration.unit``), by unit code."""
    figures = {unit: risk_figures(listed, on=on) for unit, listed in cases_by_unit(_checked(cases, on)).items()}
    return {unit: result for unit, result in figures.items() if result.registered}
