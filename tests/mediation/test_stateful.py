"""Many mediation cases driven by random acts, by random actors, on random days, against the
workflow's invariants and the figures' laws."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fulian_core import TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.calendars import china_date
from fulian_core.mediation import (
    MEDIATION_WORKFLOW,
    Channel,
    Dispute,
    DisputeKind,
    FollowUp,
    Referral,
    ReferralBody,
    Session,
    mediation_figures,
    mediation_figures_by_unit,
    open_dispute,
)
from fulian_core.workflows import (
    BUILT_IN_GUARDS,
    CHINA_STANDARD_TIME,
    Act,
    Actor,
    Case,
    Role,
    advance,
    overdue,
    replay_case,
)

UNITS = ("371082103201", "371082103202")
ACTORS = (
    Actor("s1", "调解员", Role.STAFF, "371082103"),
    Actor("l1", "主席", Role.LEADER, "371082103"),
    Actor("p1", "群众", Role.PUBLIC, "371082103201"),
)
COMMANDS = MEDIATION_WORKFLOW.commands
GUARDS = {"state", *(guard.code for guard in BUILT_IN_GUARDS), *(guard.code for guard in MEDIATION_WORKFLOW.guards)}
STATES = {state.code for state in MEDIATION_WORKFLOW.states}
LAST_DAY = dt.date(2026, 11, 30)
PAYLOADS = {
    "session": Session("双方到场调解"),
    "refer": Referral(ReferralBody.JUDICIAL_OFFICE, "镇司法所"),
    "follow_up": FollowUp(satisfied=True),
}


class MediationMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = dt.datetime(2025, 1, 6, 9, tzinfo=CHINA_STANDARD_TIME)
        self.cases: dict[str, Case] = {}

    @property
    def today(self) -> dt.date:
        return china_date(self.now)

    @rule(days=st.integers(0, 15), hours=st.integers(0, 23))
    def time_passes(self, days: int, hours: int) -> None:
        later = self.now + dt.timedelta(days=days, hours=hours)
        if china_date(later) <= LAST_DAY:
            self.now = later

    @precondition(lambda self: len(self.cases) < 10)
    @rule(
        offset=st.integers(-5, 1),
        unit=st.sampled_from(UNITS),
        channel=st.sampled_from(list(Channel)),
        registrar=st.sampled_from(ACTORS),
    )
    def register(self, offset: int, unit: str, channel: Channel, registrar: Actor) -> None:
        received = self.today + dt.timedelta(days=offset)
        reference = "GD-1" if channel in (Channel.HOTLINE_12345, Channel.TRANSFER) else ""
        dispute = Dispute(f"m-{len(self.cases)}", channel, received, DisputeKind.FAMILY, unit, "家庭纠纷", reference)
        try:
            case = open_dispute(MEDIATION_WORKFLOW, dispute, by=registrar, at=self.now)
        except TransitionRefused as refusal:
            guard = refusal.guard
        else:
            assert received <= self.today
            self.cases[dispute.id] = case
            return
        assert guard in {"role", "received_first"}

    @precondition(lambda self: bool(self.cases))
    @rule(data=st.data(), reason=st.sampled_from(("", "当事人拒绝调解")))
    def act(self, data: st.DataObject, reason: str) -> None:
        subject = data.draw(st.sampled_from(sorted(self.cases)))
        case = self.cases[subject]
        accepted = MEDIATION_WORKFLOW.accepted_in(case.state) or COMMANDS
        command = data.draw(st.sampled_from(accepted) | st.sampled_from(accepted) | st.sampled_from(COMMANDS))
        actor = data.draw(st.sampled_from(ACTORS[:2]) | st.sampled_from(ACTORS))
        try:
            after = advance(
                MEDIATION_WORKFLOW, case, Act(command, actor, self.now, reason=reason, payload=PAYLOADS.get(command))
            )
        except TransitionRefused as refusal:
            guard: str | None = refusal.guard
        except (UnknownCommandError, ValidationError):
            guard = None
        else:
            self._check_move(case, after, command)
            self.cases[subject] = after
            return
        assert guard is None or guard in GUARDS

    @staticmethod
    def _check_move(case: Case, after: Case, command: str) -> None:
        assert after.events[:-1] == case.events
        assert after.state == MEDIATION_WORKFLOW.transition(command, case.state).target
        if command == "session":
            assert after.due == case.due  # a session never restarts the mediation period
        if command == "resolve":
            assert any(event.act.command == "session" for event in case.events)

    @invariant()
    def every_case_is_in_a_declared_state_with_its_due_date(self) -> None:
        for case in self.cases.values():
            assert case.state in STATES - {"new"}
            has_due = case.state in {"registered", "mediating", "resolved", "referred", "terminated"}
            assert (case.due is not None) == has_due

    @invariant()
    def replay_gives_back_every_case(self) -> None:
        for subject, case in self.cases.items():
            assert replay_case(MEDIATION_WORKFLOW, subject, case.events) == case

    @invariant()
    def the_figures_add_up(self) -> None:
        cases = list(self.cases.values())
        figures = mediation_figures(cases, on=self.today)
        assert figures.received == len(cases) == sum(figures.by_channel.values())
        assert figures.accepted + figures.declined <= figures.received
        assert figures.mediated <= figures.accepted
        assert figures.closed <= figures.followed_up <= figures.mediated
        assert figures.closed_on_time <= figures.closed
        assert figures.resolved <= figures.mediated
        assert figures.overdue == len(overdue(cases, on=self.today))
        by_unit = mediation_figures_by_unit(cases, on=self.today).values()
        assert sum(part.received for part in by_unit) == figures.received
        assert sum(part.closed_on_time for part in by_unit) == figures.closed_on_time


TestMediation = MediationMachine.TestCase
