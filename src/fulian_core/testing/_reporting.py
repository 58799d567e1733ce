"""Strategies for :mod:`fulian_core.reporting`: rounds of reports caught at any point of their
approval."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from fulian_core.calendars import CHINA_STANDARD_TIME
from fulian_core.indicators import DataValue
from fulian_core.orgs import OrgTree
from fulian_core.periods import Period
from fulian_core.quantities import Quantity, Unit
from fulian_core.reporting import Report, ReportRound, ReturnReasons, RoundAct
from fulian_core.testing._strategies import org_trees
from fulian_core.workflows import Act, Actor, Role

__all__ = ["report_rounds"]

_SETTLED = frozenset({"approved", "excused"})


def _move(round_: ReportRound, unit: str, command: str, at: dt.datetime, count: int) -> RoundAct:
    above = round_.above(unit)
    if command == "submit":
        value = DataValue("micro_homes", unit, round_.period, Quantity.exact(count, Unit.SITE))
        clerk = Actor(f"s-{unit}", "妇联工作人员", Role.STAFF, unit)
        return RoundAct(unit, Act("submit", clerk, at, payload=Report([value])))
    chair = Actor(f"l-{above}", "妇联主席", Role.LEADER, above)
    if command == "return":
        return RoundAct(unit, Act("return", chair, at, payload=ReturnReasons(["请核实数据"])))
    reason = "" if command == "approve" else "经核实"
    return RoundAct(unit, Act(command, chair, at, reason=reason))


def _under_excused(round_: ReportRound, unit: str) -> bool:
    above = round_.above(unit)
    while above != round_.top:
        if round_.state_of(above) == "excused":
            return True
        above = round_.above(above)
    return False


@st.composite
def report_rounds(
    draw: st.DrawFn,
    *,
    trees: st.SearchStrategy[OrgTree] | None = None,
    steps: st.SearchStrategy[int] | None = None,
) -> ReportRound:
    """Rounds of reports of 2024 under a drawn tree's root (a county down to villages by
    default), caught after 0-60 accepted acts (*steps*): submissions (one ``micro_homes`` value
    in 处 each), approvals, returns, excuses and withdrawals, each one the round accepts, an hour
    apart from 2024-12-01."""
    default = org_trees(depth=st.integers(1, 3), with_new_organisations=st.just(False))
    tree = draw(trees if trees is not None else default)
    root = tree.roots[0].code
    year = Period.year(2024)
    round_ = ReportRound(tree, root, year, due=dt.date(2024, 12, 20))
    start = dt.datetime(2024, 12, 1, 8, tzinfo=CHINA_STANDARD_TIME)
    for step in range(draw(steps if steps is not None else st.integers(0, 60))):
        moves: list[tuple[str, str]] = []
        for unit in round_.units:
            if _under_excused(round_, unit):
                continue  # nothing moves under an excused report
            state = round_.state_of(unit)
            above = round_.above(unit)
            sent = above != round_.top and round_.state_of(above) not in ("open", "returned")
            if state in ("open", "returned"):
                if all(round_.state_of(code) in _SETTLED for code in round_.below(unit)):
                    moves.append((unit, "submit"))
                moves.append((unit, "excuse"))
            elif state == "submitted":
                moves += [(unit, "approve"), (unit, "return")]
            elif not sent:
                moves.append((unit, "unapprove" if state == "approved" else "reinstate"))
        unit, command = draw(st.sampled_from(moves))
        at = start + dt.timedelta(hours=step)
        round_ = round_.act(unit, _move(round_, unit, command, at, draw(st.integers(0, 50))).act)
    return round_
