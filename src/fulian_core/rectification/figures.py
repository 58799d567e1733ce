"""Rectification figures (整改台账统计): problems found, closed, closed on time and overdue,
and the rates built from those counts — 整改率 and 按期整改率.

Figures are taken *as they stood at the end of a day*: acts dated (in China Standard Time)
after that day are ignored, so the figures of any past day can be recomputed from today's
cases.

* **整改率** = closed (已销号) ÷ found (已登记).
* **按期整改率** = closed on time ÷ closed. A case is closed on time when it was closed on or
  before its latest due date and was never escalated: a 退回重改 sets a fresh 限期 and closing
  within it counts as on time, but a 督办 — possible only once the 限期 has passed — does
  not make a late case an on-time one. Open cases past their 限期 show as ``overdue``, not in
  this rate.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from fulian_core.calendars import china_date
from fulian_core.rectification.cases import Problem
from fulian_core.shares import Ratio
from fulian_core.workflows import Case, cases_of, events_as_of

__all__ = ["RectificationFigures", "figures_by_unit", "rectification_figures"]

_WORKFLOW = "rectification"


@attrs.frozen
class RectificationFigures:
    """The counts of a set of rectification cases on a day (整改情况统计): problems found
    (``found``), closed (``closed``, 已销号), closed on time (``closed_on_time``, 按期整改),
    open past their 限期 (``overdue``, 逾期未整改), ever escalated (``escalated``, 督办) and
    ever sent back (``reworked``, 退回重改)."""

    on: dt.date
    found: int = 0
    closed: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    escalated: int = 0
    reworked: int = 0

    @property
    def open(self) -> int:  # io-ok: the count of cases still open (未销号), not a file
        """The problems found and not yet closed (未销号)."""
        return self.found - self.closed

    @property
    def rate(self) -> Ratio:
        """整改率: closed ÷ found."""
        return Ratio(self.closed, self.found)

    @property
    def on_time_rate(self) -> Ratio:
        """按期整改率: closed on time ÷ closed."""
        return Ratio(self.closed_on_time, self.closed)

    def summary(self) -> str:
        """The figures as a report writes them: ``截至2019-10-31，发现问题4个，已整改销号2个，
        整改率50.0%；按期整改1个，按期整改率50.0%；逾期未整改1个``."""
        return (
            f"截至{self.on.isoformat()}，发现问题{self.found}个，已整改销号{self.closed}个，整改率{_percent(self.rate)}；"
            f"按期整改{self.closed_on_time}个，按期整改率{_percent(self.on_time_rate)}；逾期未整改{self.overdue}个"
        )


def _checked(cases: Iterable[Case], on: object) -> tuple[Case, ...]:
    return cases_of(cases, on=on, workflow=_WORKFLOW, opened_by=Problem, what="the record of a problem")


def _percent(ratio: Ratio) -> str:
    return f"{ratio.percent(1)}%" if ratio.is_defined else "—"


def rectification_figures(cases: Iterable[Case], *, on: dt.date) -> RectificationFigures:
    """The figures of *cases* as they stood at the end of *on* (整改率、按期整改率): a case not
    yet recorded by then is not counted."""
    counts = dict.fromkeys(("found", "closed", "closed_on_time", "overdue", "escalated", "reworked"), 0)
    for case in _checked(cases, on):
        events = events_as_of(case, on)
        if not events:
            continue
        last = events[-1]
        commands = {event.act.command for event in events}
        counts["found"] += 1
        counts["escalated"] += "escalate" in commands
        counts["reworked"] += "rework" in commands
        if last.target == "closed":
            counts["closed"] += 1
            latest = next((event.due for event in reversed(events) if event.due is not None), None)
            on_time = latest is not None and "escalate" not in commands and china_date(last.act.at) <= latest
            counts["closed_on_time"] += on_time
        elif last.due is not None and last.due < on:
            counts["overdue"] += 1
    return RectificationFigures(on, **counts)


def figures_by_unit(cases: Iterable[Case], *, on: dt.date) -> Mapping[str, RectificationFigures]:
    """The figures per unit where the problems were found (``Problem.unit``), as they stood
    at the end of *on*, by unit code."""
    by_unit: dict[str, list[Case]] = {}
    for case in _checked(cases, on):
        if case.events:
            problem = case.events[0].act.payload
            assert isinstance(problem, Problem)  # noqa: S101 - checked above
            by_unit.setdefault(problem.unit, []).append(case)
    figures = {unit: rectification_figures(listed, on=on) for unit, listed in sorted(by_unit.items())}
    return {unit: result for unit, result in figures.items() if result.found}
