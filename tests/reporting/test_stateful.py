"""Any interleaving of acts on a round of reports, by anyone: a model predicts what is accepted,
and after every step the approval order holds, locked values stand and the round is its log."""

from __future__ import annotations

import datetime as dt

from hypothesis import event, given
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from fulian_core.errors import TransitionRefused
from fulian_core.indicators import DataValue, rollup
from fulian_core.orgs import Level, OrgTree, OrgUnit
from fulian_core.reporting import Report, ReportRound, ReturnReasons
from fulian_core.testing import report_rounds
from fulian_core.workflows import Act, Actor, Role
from tests.reporting.test_approval import DUE, INDICATORS, YEAR, at, homes

TREE = OrgTree(
    [
        OrgUnit("P", "某市", Level.CITY),
        OrgUnit("C1", "甲县", Level.COUNTY, "P"),
        OrgUnit("T1", "城关镇", Level.TOWNSHIP, "C1"),
        OrgUnit("V11", "东村", Level.VILLAGE, "T1"),
        OrgUnit("V12", "西村", Level.VILLAGE, "T1"),
        OrgUnit("T2", "河口镇", Level.TOWNSHIP, "C1"),
        OrgUnit("V21", "南村", Level.VILLAGE, "T2"),
        OrgUnit("C2", "乙县", Level.COUNTY, "P"),
        OrgUnit("T3", "新集镇", Level.TOWNSHIP, "C2"),
    ]
)
UNITS = ("C1", "T1", "V11", "V12", "T2", "V21", "C2", "T3")
ABOVE = {"C1": "P", "T1": "C1", "V11": "T1", "V12": "T1", "T2": "C1", "V21": "T2", "C2": "P", "T3": "C2"}
BELOW = {unit: tuple(code for code in UNITS if ABOVE[code] == unit) for unit in UNITS}
MOVES = {  # command: (sources, target, roles, needs a reason, acts for the unit itself)
    "submit": ({"open", "returned"}, "submitted", {Role.STAFF, Role.LEADER}, False, True),
    "approve": ({"submitted"}, "approved", {Role.STAFF, Role.LEADER}, False, False),
    "return": ({"submitted"}, "returned", {Role.STAFF, Role.LEADER}, False, False),
    "unapprove": ({"approved"}, "submitted", {Role.LEADER}, True, False),
    "excuse": ({"open", "returned"}, "excused", {Role.LEADER}, True, False),
    "reinstate": ({"excused"}, "open", {Role.LEADER}, True, False),
}
SETTLED = {"approved", "excused"}
HOLDING = {"submitted", "approved"}


class RoundMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.round = ReportRound(TREE, "P", YEAR, due=DUE)
        self.model = dict.fromkeys(UNITS, "open")
        self.held: dict[str, tuple[object, ...]] = {}
        self.standing: dict[str, dict[str, tuple[DataValue, ...]]] = {}
        self.step = 0

    def expected(self, unit: str, command: str, actor: Actor, reason: str, *, foreign: bool) -> str | None:
        """The target the model predicts, or None for a refusal."""
        sources, target, roles, needs_reason, own = MOVES[command]
        state = self.model[unit]
        acting_for = unit if own else ABOVE[unit]
        above_sent = ABOVE[unit] != "P" and self.model[ABOVE[unit]] not in {"open", "returned"}
        chain, under_excused = ABOVE[unit], False
        while chain != "P":
            under_excused = under_excused or self.model[chain] == "excused"
            chain = ABOVE[chain]
        refused = (
            state not in sources
            or actor.role not in roles
            or (needs_reason and not reason)
            or actor.unit != acting_for
            or under_excused
            or (command == "submit" and (foreign or any(self.model[code] not in SETTLED for code in BELOW[unit])))
            or (command in {"unapprove", "reinstate"} and above_sent)
        )
        return None if refused else target

    @rule(
        unit=st.sampled_from(UNITS),
        command=st.sampled_from(sorted(MOVES)),
        # Weighted towards acts that can pass, so that rounds get deep; every kind of wrong act
        # still comes.
        by=st.sampled_from(["right"] * 6 + ["self", "above", "other"]),
        role=st.sampled_from([Role.LEADER] * 4 + [Role.STAFF, Role.PUBLIC]),
        reason=st.sampled_from(["需复核"] * 3 + [""]),
        count=st.integers(0, 40),
        foreign=st.sampled_from([False] * 5 + [True]),
    )
    def attempt(  # noqa: PLR0917 - one argument per drawn part of the act
        self, unit: str, command: str, by: str, role: Role, reason: str, count: int, foreign: bool
    ) -> None:
        right = unit if command == "submit" else ABOVE[unit]
        acting_for = {"right": right, "self": unit, "above": ABOVE[unit], "other": "T3" if unit != "T3" else "V11"}[by]
        actor = Actor(f"a-{acting_for}", "经办人", role, acting_for)
        payload: Report | ReturnReasons | None = None
        if command == "submit":
            payload = Report([homes("V11" if foreign and unit != "V11" else unit, count)])
            foreign = foreign and unit != "V11"
        elif command == "return":
            payload = ReturnReasons(["请核实"])
        self.step += 1
        act = Act(command, actor, at(1) + dt.timedelta(minutes=self.step), reason=reason, payload=payload)
        target = self.expected(unit, command, actor, reason, foreign=foreign)
        before = self.round
        try:
            self.round = self.round.act(unit, act)
        except TransitionRefused:
            assert target is None, f"{command} on {unit} by {acting_for} refused, the model accepts it"
            assert self.round is before
            return
        assert target is not None, f"{command} on {unit} by {acting_for} accepted, the model refuses it"
        assert self.round.state_of(unit) == target
        assert before.state_of(unit) == self.model[unit]  # the old round is unchanged
        self.model[unit] = target
        event(f"{unit} {target}")

    @rule(data=st.data())
    def move_up(self, data: st.DataObject) -> None:
        """A submission or an approval the model allows, so that rounds reach the top."""
        ready = [
            (unit, "submit")
            for unit in UNITS
            if self.model[unit] in {"open", "returned"} and all(self.model[c] in SETTLED for c in BELOW[unit])
        ]
        ready += [(unit, "approve") for unit in UNITS if self.model[unit] == "submitted"]
        # An excuse now and then, so that what stands above an excused report gets tried.
        ready += [(unit, "excuse") for unit in UNITS if self.model[unit] in {"open", "returned"}][:1]
        ready = [(unit, command) for unit, command in ready if not self.under_excused(unit)]
        if not ready:
            return
        unit, command = data.draw(st.sampled_from(ready))
        role, reason = (Role.LEADER, "机构调整") if command == "excuse" else (Role.STAFF, "")
        self.attempt(unit, command, "right", role, reason, data.draw(st.integers(0, 40)), foreign=False)

    def under_excused(self, unit: str) -> bool:
        chain = ABOVE[unit]
        while chain != "P":
            if self.model[chain] == "excused":
                return True
            chain = ABOVE[chain]
        return False

    @invariant()
    def what_a_standing_report_stands_for_never_changes(self) -> None:
        """A submitted or approved report stands for the approved data under it: while it
        stands, none of that changes (not even under an excused report below it)."""
        for unit in UNITS:
            under = self.subtree(unit)
            now = {code: self.round.values_of(code) for code in under if self.model[code] == "approved"}
            if self.model[unit] in HOLDING and unit in self.standing:
                assert now == self.standing[unit], unit
            if self.model[unit] in HOLDING:
                self.standing[unit] = now
            else:
                self.standing.pop(unit, None)

    def subtree(self, unit: str) -> list[str]:
        found = list(BELOW[unit])
        for code in BELOW[unit]:
            found += self.subtree(code)
        return found

    @invariant()
    def matches_the_model(self) -> None:
        assert {unit: self.round.state_of(unit) for unit in UNITS} == self.model

    @invariant()
    def a_report_stands_only_on_settled_reports_below(self) -> None:
        for unit in UNITS:
            if self.model[unit] in HOLDING:
                assert all(self.model[code] in SETTLED for code in BELOW[unit]), unit

    @invariant()
    def locked_values_never_change(self) -> None:
        for unit in UNITS:
            now = self.round.values_of(unit)
            held = self.model[unit] in HOLDING
            if held and unit in self.held:
                assert now == self.held[unit], unit  # held before and now: nothing came between
            if held:
                self.held[unit] = now
            else:
                self.held.pop(unit, None)

    @invariant()
    def approved_data_only_counts_approved_reports(self) -> None:
        approved = self.round.approved()
        assert approved == {unit for unit in UNITS if self.model[unit] == "approved"}
        data = self.round.dataset(INDICATORS)
        result = rollup(data, "micro_homes", "P", YEAR, level=Level.VILLAGE, approved=approved)
        assert result.coverage.approved_only
        assert result.coverage.reported == len(approved & {"V11", "V12", "V21"})

    def teardown(self) -> None:
        rebuilt = ReportRound(TREE, "P", YEAR, due=DUE, acts=self.round.acts)
        assert rebuilt.records() == self.round.records()


TestRound = RoundMachine.TestCase


@given(report_rounds())
def test_any_round_the_strategy_draws_keeps_the_approval_order_and_is_its_log(round_: ReportRound) -> None:
    for unit in round_.units:
        if round_.state_of(unit) in HOLDING:
            assert all(round_.state_of(code) in SETTLED for code in round_.below(unit)), unit
        assert bool(round_.values_of(unit)) == (round_.state_of(unit) in HOLDING)
    again = ReportRound(round_.tree, round_.top, round_.period, due=round_.due, acts=round_.acts)
    assert again.records() == round_.records()
