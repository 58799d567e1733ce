"""Mediation figures (调解工作统计): disputes received, accepted, mediated to an outcome, closed
and closed on time, and the rates built from those counts — 调解成功率 and 按期办结率.

Figures are taken *as they stood at the end of a day*: acts dated (in China Standard Time) after
that day are ignored, so the figures of any past day can be recomputed from today's cases.

* **调解成功率** = mediated successfully ÷ mediated to an outcome (successfully, referred or
  terminated).
* **按期办结率** = closed on time ÷ closed. A case is closed on time when every act came on or
  before the due date of the state it was in (受理 in time, an outcome in time, 回访 in time).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Mapping

import attrs

from fulian_core._definitions import ReadOnlyDict as _ReadOnlyDict
from fulian_core.calendars import china_date
from fulian_core.mediation.cases import Channel, Dispute
from fulian_core.shares import Ratio
from fulian_core.workflows import Case, CaseEvent, cases_by_unit, cases_of, events_as_of

__all__ = ["MediationFigures", "mediation_figures", "mediation_figures_by_unit"]

_WORKFLOW = "mediation"
_OUTCOMES = {"resolve": "resolved", "refer": "referred", "terminate": "terminated"}


def _checked(cases: Iterable[Case], on: object) -> tuple[Case, ...]:
    return cases_of(cases, on=on, workflow=_WORKFLOW, opened_by=Dispute, what="the registration of a dispute")


def _counts(value: Mapping[str, int]) -> Mapping[str, int]:
    return _ReadOnlyDict(value)


@attrs.frozen
class MediationFigures:
    """The counts of a set of mediation cases on a day (调解情况统计): disputes ``received``
    (登记), ``accepted`` (受理) and ``declined`` (不予受理); mediated to an outcome —
    ``resolved`` (调解成功), ``referred`` (转介) or ``terminated`` (终止); ``followed_up``
    (回访), ``closed`` (办结) and ``closed_on_time`` (按期办结); open cases past their due date
    (``overdue``); ``sessions`` held; and disputes received by channel, by code
    (``by_channel``: 12345热线 …)."""

    on: dt.date
    received: int = 0
    accepted: int = 0
    declined: int = 0
    resolved: int = 0
    referred: int = 0
    terminated: int = 0
    followed_up: int = 0
    closed: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    sessions: int = 0
    by_channel: Mapping[str, int] = attrs.field(factory=dict, converter=_counts)

    @property
    def mediated(self) -> int:
        """The disputes mediated to an outcome (调结数): successfully, referred or terminated."""
        return self.resolved + self.referred + self.terminated

    @property
    def success_rate(self) -> Ratio:
        """调解成功率: mediated successfully ÷ mediated to an outcome."""
        return Ratio(self.resolved, self.mediated)

    @property
    def on_time_rate(self) -> Ratio:
        """按期办结率: closed on time ÷ closed."""
        return Ratio(self.closed_on_time, self.closed)

    def summary(self) -> str:
        """The figures as a report writes them: ``截至2025-12-31，受理矛盾纠纷86件，调解成功80件，
        调解成功率93.0%；办结84件，按期办结率97.6%；逾期未办结0件``."""
        return (
            f"截至{self.on.isoformat()}，受理矛盾纠纷{self.accepted}件，调解成功{self.resolved}件，"
            f"调解成功率{_percent(self.success_rate)}；办结{self.closed}件，按期办结率{_percent(self.on_time_rate)}；"
            f"逾期未办结{self.overdue}件"
        )


def _percent(ratio: Ratio) -> str:
    return f"{ratio.percent(1)}%" if ratio.is_defined else "—"


def _on_time(events: tuple[CaseEvent, ...]) -> bool:
    """Whether every act came on or before the due date of the state it left."""
    return all(
        before.due is None or china_date(after.act.at) <= before.due for before, after in itertools.pairwise(events)
    )


def mediation_figures(cases: Iterable[Case], *, on: dt.date) -> MediationFigures:
    """The figures of *cases* as they stood at the end of *on* (调解成功率、按期办结率): a case
    not yet registered by then is not counted."""
    counts = dict.fromkeys(
        ("received", "accepted", "declined", "resolved", "referred", "terminated", "followed_up", "closed"), 0
    )
    counts.update(closed_on_time=0, overdue=0, sessions=0)
    channels: dict[str, int] = {channel.code: 0 for channel in Channel}
    for case in _checked(cases, on):
        events = events_as_of(case, on)
        if not events:
            continue
        dispute = events[0].act.payload
        assert isinstance(dispute, Dispute)  # noqa: S101 - checked by _checked
        channels[dispute.channel.code] += 1
        commands = [event.act.command for event in events]
        counts["received"] += 1
        counts["accepted"] += "accept" in commands
        counts["declined"] += "decline" in commands
        counts["sessions"] += commands.count("session")
        for command, name in _OUTCOMES.items():
            counts[name] += command in commands
        counts["followed_up"] += "follow_up" in commands
        last = events[-1]
        if last.target == "closed":
            counts["closed"] += 1
            counts["closed_on_time"] += _on_time(events)
        elif last.due is not None and last.due < on:
            counts["overdue"] += 1
    return MediationFigures(on, **counts, by_channel={code: n for code, n in channels.items() if n})


def mediation_figures_by_unit(cases: Iterable[Case], *, on: dt.date) -> Mapping[str, MediationFigures]:
    """The figures per unit the disputes count under (``Dispute.unit``), as they stood at the
    end of *on*, by unit code."""
    by_unit = cases_by_unit(_checked(cases, on))
    figures = {unit: mediation_figures(listed, on=on) for unit, listed in by_unit.items()}
    return {unit: result for unit, result in figures.items() if result.received}
