"""Workflow replay: a campaign's event log folded back into its state, against the same
lifecycle declared in python-statemachine and in transitions (contenders from requirements/bench.txt).

The log is made by the library itself (every command decided and accepted), outside the
timing. The contenders get the same log flattened to (nomination, command) pairs — a batch
command such as a notice is expanded for them beforehand, which favours them slightly — and
must end with every nomination in the same state as the library's replay.
"""

from __future__ import annotations

import datetime as dt
import importlib
import random
from collections.abc import Callable
from typing import Any

from fulian_core import OrgTree
from fulian_core.criteria import Evidence
from fulian_core.criteria.catalog import MOST_BEAUTIFUL_FAMILY_MOTHER_WIFE_DAUGHTER as STANDARD
from fulian_core.nominations import (
    CHINA_STANDARD_TIME,
    NOMINATION_WORKFLOW,
    Actor,
    Campaign,
    Channel,
    CloseNotice,
    Command,
    Dossier,
    Event,
    NoticeRule,
    OpenNotice,
    Phase,
    PhaseKind,
    Role,
    Submission,
    handle,
    replay,
    start,
)
from fulian_core.orgs import Level
from fulian_core.rules import Fact, ItemKind, Subject

_DOSSIER = Dossier(True, "照顾瘫痪婆婆二十年如一日，热心公益。" * 4, 3, "家和万事兴")
_NOTICE_BATCH = 100


def make_campaign(communities: int) -> Campaign:
    names = {"540102": "城关区", "540102001": "中心街道"}
    names |= {f"540102001{index:03d}": f"社区{index}" for index in range(1, communities + 1)}
    return Campaign(
        code="bench",
        title="基准活动",
        criteria=STANDARD,
        organiser="540102001",
        tree=OrgTree.from_division_codes(names),
        levels=(Level.VILLAGE, Level.TOWNSHIP),
        phases=(
            Phase(PhaseKind.MOBILISATION, dt.date(2024, 1, 1), dt.date(2024, 1, 31)),
            Phase(PhaseKind.SELECTION, dt.date(2024, 2, 1), dt.date(2024, 11, 30)),
            Phase(PhaseKind.COMMENDATION, dt.date(2024, 12, 1), dt.date(2024, 12, 31)),
        ),
        notice=NoticeRule(5),
    )


def make_log(nominations: int, seed: int) -> tuple[Campaign, list[Event]]:
    """A full lifecycle for *nominations* families over two levels: about 13 events each."""
    rng = random.Random(seed)
    communities = max(1, nominations // 1000)
    campaign = make_campaign(communities)
    units = [f"540102001{index:03d}" for index in range(1, communities + 1)]
    staff = {
        unit: {role: Actor(f"{role.code}-{unit}", "李红", role, unit) for role in Role}
        for unit in [*units, "540102001"]
    }
    applicant = Actor("applicant", "张秀梅", Role.APPLICANT, units[0])
    clock = dt.datetime(2024, 2, 1, 8, tzinfo=CHINA_STANDARD_TIME)
    state = start(campaign)
    log: list[Event] = []

    def do(command: Command) -> None:
        nonlocal state
        state, events = handle(campaign, state, command)
        log.extend(events)

    def tick() -> dt.datetime:
        nonlocal clock
        clock += dt.timedelta(seconds=1)
        return clock

    ids = [f"n{index}" for index in range(nominations)]
    unit_of = {nomination: rng.choice(units) for nomination in ids}
    candidates = {nomination: Subject(f"family-{nomination}", "张秀梅") for nomination in ids}
    facts = {i.code: Fact.not_met() if i.kind is ItemKind.OVERRIDE else Fact.met() for i in STANDARD.items}
    for nomination in ids:
        thin = rng.random() < 0.1
        dossier = Dossier(True, "孝", 0) if thin else _DOSSIER
        do(
            Command.submit(
                applicant,
                tick(),
                nomination,
                Submission(candidates[nomination], Channel.SELF, unit_of[nomination], dossier),
            )
        )
        if thin:
            do(
                Command.return_for_revision(
                    staff[unit_of[nomination]][Role.STAFF], tick(), nomination, reason="材料不全"
                )
            )
            do(Command.resubmit(applicant, tick(), nomination, _DOSSIER))
    for level, level_units in enumerate((None, "540102001")):
        for nomination in ids:
            unit = level_units or unit_of[nomination]
            do(Command.accept(staff[unit][Role.STAFF], tick(), nomination))
            do(Command.assess(staff[unit][Role.REVIEWER], tick(), nomination, Evidence(candidates[nomination], facts)))
            do(Command.shortlist(staff[unit][Role.LEADER], tick(), nomination))
        by_unit: dict[str, list[str]] = {}
        for nomination in ids:
            by_unit.setdefault(level_units or unit_of[nomination], []).append(nomination)
        notices: list[tuple[str, str]] = []
        for unit, members in by_unit.items():
            for start_index in range(0, len(members), _NOTICE_BATCH):
                # Unique across levels and units: the level, the unit and the batch name it.
                notice = f"notice-{level}-{unit}-{start_index // _NOTICE_BATCH}"
                do(
                    Command.open_notice(
                        staff[unit][Role.STAFF], tick(), notice, members[start_index : start_index + _NOTICE_BATCH]
                    )
                )
                notices.append((unit, notice))
        clock += dt.timedelta(days=10)
        for unit, notice in notices:
            do(Command.close_notice(staff[unit][Role.STAFF], tick(), notice))
        for nomination in ids:
            unit = level_units or unit_of[nomination]
            do(Command.confirm(staff[unit][Role.LEADER], tick(), nomination))
            if level_units is None:
                do(Command.forward(staff[unit][Role.STAFF], tick(), nomination))
    clock = max(clock, dt.datetime(2024, 12, 1, 8, tzinfo=CHINA_STANDARD_TIME))
    for nomination in ids:
        do(Command.award(staff["540102001"][Role.LEADER], tick(), nomination))
    return campaign, log


def flatten(log: list[Event]) -> list[tuple[str, str]]:
    """The log as (nomination, command) pairs, batch commands expanded (for the contenders)."""
    pairs: list[tuple[str, str]] = []
    notices: dict[str, tuple[str, ...]] = {}
    for event in log:
        payload = event.command.payload
        if isinstance(payload, OpenNotice):
            notices[payload.notice] = payload.nominations
            pairs.extend((nomination, "open_notice") for nomination in payload.nominations)
        elif isinstance(payload, CloseNotice):
            pairs.extend((nomination, "close_notice") for nomination in notices[payload.notice])
        else:
            pairs.append((payload.subject, payload.kind))
    return pairs


def library_replay(campaign: Campaign, log: list[Event]) -> Callable[[], dict[str, str]]:
    def run() -> dict[str, str]:
        state = replay(campaign, log)
        return {nomination.id: nomination.status.code for nomination in state.nomination_map.values()}

    return run


def _lifecycle() -> tuple[list[str], list[tuple[str, list[str], str]]]:
    states = [state.code for state in NOMINATION_WORKFLOW.states]
    moves = [
        (transition.command, sorted(transition.sources), transition.target)
        for transition in NOMINATION_WORKFLOW.transitions
    ]
    return states, moves


def statemachine_replay(pairs: list[tuple[str, str]]) -> Callable[[], dict[str, str]]:
    """The lifecycle declared as a python-statemachine class (from the same states and moves)."""
    statemachine: Any = importlib.import_module("statemachine")
    states, moves = _lifecycle()
    finals = {state.code for state in NOMINATION_WORKFLOW.states if state.final}
    body: dict[str, Any] = {
        code: statemachine.State(code, value=code, initial=code == "new", final=code in finals) for code in states
    }
    for command, sources, target in moves:
        transitions = None
        for source in sources:
            step = body[source].to(body[target])
            transitions = step if transitions is None else transitions | step
        body[command] = transitions
    lifecycle = type("Lifecycle", (statemachine.StateMachine,), body)

    def run() -> dict[str, str]:
        machines: dict[str, Any] = {}
        for nomination, kind in pairs:
            machine = machines.get(nomination)
            if machine is None:
                machine = machines[nomination] = lifecycle()
            machine.send(kind)
        return {nomination: _state_id(machine) for nomination, machine in machines.items()}

    return run


def _state_id(machine: Any) -> str:
    configuration = getattr(machine, "configuration", None)
    if configuration:
        return str(next(iter(configuration)).id)
    return str(machine.current_state.id)


def transitions_replay(pairs: list[tuple[str, str]]) -> Callable[[], dict[str, str]]:
    """The lifecycle declared for the transitions library, one machine shared by all models."""
    transitions: Any = importlib.import_module("transitions")
    states, moves = _lifecycle()

    class Model:
        state: str

    def run() -> dict[str, str]:
        machine = transitions.Machine(
            model=None,
            states=states,
            transitions=[{"trigger": c, "source": s, "dest": t} for c, s, t in moves],
            initial="new",
            auto_transitions=False,
        )
        models: dict[str, Any] = {}
        for nomination, kind in pairs:
            model: Any = models.get(nomination)
            if model is None:
                model = models[nomination] = Model()
                machine.add_model(model)
            model.trigger(kind)
        return {nomination: model.state for nomination, model in models.items()}

    return run
