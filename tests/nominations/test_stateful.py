"""Random command sequences, valid and not, against the invariants of the lifecycle."""

from __future__ import annotations

import datetime as dt
import json
from typing import ClassVar, cast

import attrs
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from fulian_core import TransitionRefused, UnknownCommandError, ValidationError, structure, unstructure
from fulian_core.nominations import CHINA_STANDARD_TIME as CST
from fulian_core.nominations import (
    NOMINATION_WORKFLOW,
    PAYLOADS,
    Actor,
    Campaign,
    CampaignState,
    Command,
    Dossier,
    Event,
    Nomination,
    NominationStatus,
    ObjectionStatus,
    Quota,
    Role,
    handle,
    replay,
    start,
)
from fulian_core.nominations.commands import CommandPayload
from fulian_core.orgs import Level
from fulian_core.workflows import Payload
from tests.nominations.fixtures import (
    APPLICANT,
    CLERK,
    GOOD_DOSSIER,
    HEPING,
    HEPING_CLERK,
    LEADER,
    NEIGHBOUR,
    REVIEWER,
    REVIEWER_2,
    STREET,
    STREET_CLERK,
    STREET_LEADER,
    STREET_REVIEWER,
    THIN_DOSSIER,
    ZHONGYI,
    at,
    campaign,
    evidence_for,
    family,
    submission,
)

ACTORS = (
    APPLICANT,
    NEIGHBOUR,
    CLERK,
    REVIEWER,
    REVIEWER_2,
    LEADER,
    HEPING_CLERK,
    STREET_CLERK,
    STREET_REVIEWER,
    STREET_LEADER,
)


def _payload(kind: str, subject: str) -> CommandPayload:
    # Every kind but the few with more fields takes one id: a nomination, or an objection.
    return cast("CommandPayload", PAYLOADS[kind](subject))  # type: ignore[call-arg]


@attrs.frozen
class _Promote(Payload):
    """A command the lifecycle does not declare (it may come from another system)."""

    kind: ClassVar[str] = "promote"
    nomination: str

    @property
    def subject(self) -> str:
        return self.nomination


KINDS = (
    "submit", "return", "resubmit", "accept", "assess", "shortlist", "reject", "open_notice", "object",
    "uphold_objection", "dismiss_objection", "close_notice", "confirm", "forward", "award", "revoke", "withdraw",
    "promote",
)  # fmt: skip

CAMPAIGN: Campaign = campaign(
    organiser=STREET,
    quotas=(Quota(Level.VILLAGE, 2), Quota(Level.VILLAGE, 1, category="green"), Quota(Level.VILLAGE, 1, unit=HEPING)),
)


HEPING_REVIEWER = Actor("heping-reviewer", "郑洁", Role.REVIEWER, HEPING)
HEPING_LEADER = Actor("heping-leader", "冯霞", Role.LEADER, HEPING)
STAFF_OF: dict[str, dict[Role, tuple[Actor, ...]]] = {
    ZHONGYI: {Role.STAFF: (CLERK,), Role.REVIEWER: (REVIEWER, REVIEWER_2), Role.LEADER: (LEADER,)},
    HEPING: {Role.STAFF: (HEPING_CLERK,), Role.REVIEWER: (HEPING_REVIEWER,), Role.LEADER: (HEPING_LEADER,)},
    STREET: {Role.STAFF: (STREET_CLERK,), Role.REVIEWER: (STREET_REVIEWER,), Role.LEADER: (STREET_LEADER,)},
}
ROLE_FOR = {
    "return": Role.STAFF,
    "accept": Role.STAFF,
    "assess": Role.REVIEWER,
    "shortlist": Role.LEADER,
    "reject": Role.LEADER,
    "open_notice": Role.STAFF,
    "close_notice": Role.STAFF,
    "uphold_objection": Role.LEADER,
    "dismiss_objection": Role.LEADER,
    "confirm": Role.LEADER,
    "forward": Role.STAFF,
    "award": Role.LEADER,
    "revoke": Role.LEADER,
}

_S = NominationStatus
HAPPY_PATH = {
    _S.SUBMITTED: ["accept", "accept", "accept", "return"],
    _S.RETURNED: ["resubmit"],
    _S.UNDER_REVIEW: ["assess"],
    _S.ASSESSED: ["shortlist", "shortlist", "assess"],
    _S.SHORTLISTED: ["open_notice"],
    _S.ON_NOTICE: ["close_notice", "close_notice", "object", "dismiss_objection", "uphold_objection"],
    _S.NOTICE_PASSED: ["confirm"],
    _S.CONFIRMED: ["forward", "award"],
    _S.FORWARDED: ["accept"],
    _S.AWARDED: ["forward", "revoke"],
}


class CampaignMachine(RuleBasedStateMachine):
    """Mostly plausible commands (the right actor for the nomination's unit, a command its state
    accepts), some chaos (any command, any actor, any id), and time passing in between."""

    def __init__(self) -> None:
        super().__init__()
        self.state: CampaignState = start(CAMPAIGN)
        self.log: list[Event] = []
        self.clock = at(3, 16)

    def _tick(self, data: st.DataObject) -> dt.datetime:
        self.clock += dt.timedelta(minutes=data.draw(st.integers(-30, 600)))
        return self.clock

    def _try(self, command: Command) -> None:
        before = self.state
        snapshot = replay(CAMPAIGN, self.log)
        try:
            self.state, events = handle(CAMPAIGN, self.state, command)
        except (TransitionRefused, UnknownCommandError, ValidationError):
            assert self.state is before
            assert before == snapshot, "a refused command changed the state"
            return
        assert before == snapshot, "the old state must stay valid after a new one is made"
        self.log.extend(events)
        assert [event.seq for event in self.log] == list(range(1, len(self.log) + 1))

    @rule(days=st.integers(1, 4))
    def wait(self, days: int) -> None:
        self.clock += dt.timedelta(days=days)

    @precondition(lambda self: len(self.state.nomination_map) < 6)
    @rule(
        data=st.data(),
        number=st.integers(0, 7),
        unit=st.sampled_from([ZHONGYI, ZHONGYI, HEPING, STREET]),
        category=st.sampled_from(["five_good", "five_good", "green", "bookish"]),
        dossier=st.sampled_from([GOOD_DOSSIER, GOOD_DOSSIER, THIN_DOSSIER]),
    )
    def submit(self, data: st.DataObject, number: int, unit: str, category: str, dossier: Dossier) -> None:
        nomination = f"n-{len(self.state.nomination_map) + 1}"
        moment = self._tick(data)
        self._try(
            Command.submit(
                APPLICANT, moment, nomination, submission(number, unit=unit, category=category, dossier=dossier)
            )
        )

    @rule(data=st.data())
    def progress(self, data: st.DataObject) -> None:
        self._progress(data)

    @rule(data=st.data())
    def progress_more(self, data: st.DataObject) -> None:
        self._progress(data)

    @rule(data=st.data())
    def progress_further(self, data: st.DataObject) -> None:
        self._progress(data)

    @rule(data=st.data(), steps=st.integers(2, 12))
    def drive(self, data: st.DataObject, steps: int) -> None:
        """Push one nomination along the happy path for several steps (deep states, often)."""
        live = [n.id for n in self.state.nominations() if n.status in HAPPY_PATH]
        if not live:
            return
        nomination = data.draw(st.sampled_from(live))
        for _ in range(steps):
            record = self.state.nomination(nomination)
            if record.status not in HAPPY_PATH:
                return
            self._progress(data, record, happy_only=True)

    def _progress(self, data: st.DataObject, record: Nomination | None = None, *, happy_only: bool = False) -> None:  # noqa: PLR0912 - one branch per command shape
        if record is None:
            live = [n for n in self.state.nominations() if NOMINATION_WORKFLOW.accepted_in(n.status.code)]
            if not live:
                return
            record = data.draw(st.sampled_from(live))
        happy = HAPPY_PATH.get(record.status)
        if happy is not None and (happy_only or data.draw(st.integers(0, 9)) < 8):
            kind = data.draw(st.sampled_from(happy))
        else:
            kind = data.draw(st.sampled_from(NOMINATION_WORKFLOW.accepted_in(record.status.code)))
        if kind == "close_notice" and data.draw(st.booleans()):
            last_day = self.state.notice(record.notices[-1]).last_day
            self.clock = max(self.clock, dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time(9), CST))
        if kind == "award" and (happy_only or data.draw(st.integers(0, 3)) == 0):
            self.clock = max(self.clock, at(6, 1))
        role = ROLE_FOR.get(kind)
        unit = record.stages[-2].unit if kind == "revoke" and len(record.stages) > 1 else record.unit
        actor = APPLICANT if role is None else data.draw(st.sampled_from(STAFF_OF[unit][role]))
        if kind == "object":
            actor = NEIGHBOUR
        moment = self._tick(data)
        reason = data.draw(st.sampled_from(["经核实", "经核实", ""]))
        if kind == "resubmit":
            self._try(
                Command.resubmit(actor, moment, record.id, data.draw(st.sampled_from([GOOD_DOSSIER, THIN_DOSSIER])))
            )
        elif kind == "assess":
            self._try(
                Command.assess(
                    actor, moment, record.id, evidence_for(record.candidate, eligible=data.draw(st.booleans()))
                )
            )
        elif kind == "open_notice":
            peers = [n.id for n in self.state.by_status(NominationStatus.SHORTLISTED) if n.unit == record.unit]
            self._try(Command.open_notice(actor, moment, f"notice-{len(self.state.notice_map) + 1}", peers))
        elif kind == "object":
            self._try(
                Command.raise_objection(
                    actor, moment, record.id, f"objection-{len(self.state.objection_map) + 1}", reason=reason
                )
            )
        elif kind in {"uphold_objection", "dismiss_objection"}:
            pending = [o for o in record.objections if self.state.objection(o).status is ObjectionStatus.PENDING]
            payload = _payload(kind, pending[0] if pending else "objection-0")
            self._try(Command(actor, moment, payload, reason))
        elif kind == "close_notice":
            self._try(Command.close_notice(actor, moment, record.notices[-1]))
        else:
            self._try(Command(actor, moment, _payload(kind, record.id), reason))

    @rule(data=st.data(), kind=st.sampled_from(KINDS))
    def chaos(self, data: st.DataObject, kind: str) -> None:
        self._try(self._command(data, kind))

    def _command(self, data: st.DataObject, kind: str) -> Command:  # noqa: PLR0911 - one return per payload shape
        actor = data.draw(st.sampled_from(ACTORS))
        moment = self._tick(data)
        existing = [nomination.id for nomination in self.state.nominations()]
        nomination = data.draw(st.sampled_from([*existing, f"n-{len(existing) + 1}"]))
        reason = data.draw(st.sampled_from(["", "材料不全"]))
        if kind == "submit":
            number = data.draw(st.integers(0, 7))
            return Command.submit(actor, moment, nomination, submission(number))
        if kind == "resubmit":
            return Command.resubmit(actor, moment, nomination, THIN_DOSSIER)
        if kind == "assess":
            return Command.assess(actor, moment, nomination, evidence_for(family(data.draw(st.integers(0, 7)))))
        if kind == "open_notice":
            picks = data.draw(st.lists(st.sampled_from(existing or ["n-1"]), min_size=1, max_size=3, unique=True))
            notices = [notice.id for notice in self.state.notices()]
            return Command.open_notice(actor, moment, data.draw(st.sampled_from([*notices, "notice-x"])), picks)
        if kind == "close_notice":
            notices = [notice.id for notice in self.state.notices()] or ["notice-1"]
            return Command.close_notice(actor, moment, data.draw(st.sampled_from(notices)))
        if kind == "object":
            objections = [objection.id for objection in self.state.objections()]
            objection = data.draw(st.sampled_from([*objections, "objection-x"]))
            return Command.raise_objection(actor, moment, nomination, objection, reason=reason)
        if kind in {"uphold_objection", "dismiss_objection"}:
            objections = [objection.id for objection in self.state.objections()] or ["objection-1"]
            payload = _payload(kind, data.draw(st.sampled_from(objections)))
            return Command(actor, moment, payload, reason)
        if kind == "promote":
            return Command(actor, moment, _Promote(nomination), reason)  # type: ignore[arg-type]
        return Command(actor, moment, _payload(kind, nomination), reason)

    @invariant()
    def every_nomination_is_in_exactly_one_state(self) -> None:
        seen = set()
        for nomination in self.state.nominations():
            assert nomination.id not in seen
            seen.add(nomination.id)
            assert isinstance(nomination.status, NominationStatus)
            assert nomination.status is not NominationStatus.NEW
            assert self.state.nominated_at(nomination.level, nomination.candidate.id) == nomination.id
        assert len(seen) == len(self.state.nomination_map)

    @invariant()
    def forwarded_counts_never_exceed_quotas(self) -> None:
        units = {ZHONGYI, HEPING}
        for quota in CAMPAIGN.quotas:
            for unit in units if quota.unit is None else {quota.unit}:
                assert quota.places is None or self.state.forwarded(quota.level, unit, quota.category) <= quota.places
        for unit in units:
            forwarded = [
                n for n in self.state.nominations() if any(s.unit == unit and s.forwarded_to for s in n.stages)
            ]
            assert len(forwarded) == self.state.forwarded(Level.VILLAGE, unit)

    @invariant()
    def every_award_had_a_completed_notice_without_an_upheld_objection(self) -> None:
        for nomination in self.state.nominations():
            for title in nomination.titles:
                passed = [
                    notice
                    for notice in self.state.notices()
                    if nomination.id in notice.nominations
                    and notice.level is title.level
                    and notice.closed_at is not None
                    and notice.closed_at <= title.awarded_at
                    and not any(
                        objection.nomination == nomination.id and objection.status is ObjectionStatus.UPHELD
                        for objection in self.state.objections()
                        if objection.notice == notice.id
                    )
                ]
                assert passed, f"{nomination.id} was awarded at {title.level.label} without a passed notice"

    @invariant()
    def replaying_the_log_gives_the_live_state(self) -> None:
        assert replay(CAMPAIGN, self.log) == self.state

    def teardown(self) -> None:
        assert structure(unstructure(self.log), list[Event]) == self.log
        # The live state, stored as JSON and read back, is the state (which the invariant
        # above holds equal to the replay of the log).
        stored = json.loads(json.dumps(unstructure(self.state), ensure_ascii=False))
        assert structure(stored, CampaignState) == self.state


CampaignMachine.TestCase.settings = settings(settings(), stateful_step_count=60)
TestCampaignMachine = CampaignMachine.TestCase
