"""The workflow core (流程): states and transitions declared as values, and cases that move
through them by acts, each act kept as an event.

A :class:`Workflow` is a declaration — its states, its transitions (which command moves a case
from which states to which, who may give it, whether a reason is due) — checked once when it is
built. :func:`advance` applies one :class:`Act` to a :class:`Case` and returns a new case; the
old one is unchanged, also when the act is refused. The nomination lifecycle of a campaign
(:mod:`fulian_core.nominations.lifecycle`) is declared on the same core, and so are the
巾帼文明岗 and 公开承诺 workflows of :mod:`fulian_core.nominations.catalog`: a new workflow is a
declaration, not a rewrite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from fulian_core._definitions import check_code, check_text
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import DefinitionError, TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.nominations._checks import check_moment

__all__ = [
    "Act",
    "Actor",
    "Case",
    "CaseEvent",
    "Role",
    "State",
    "Transition",
    "Workflow",
    "advance",
    "replay_case",
]


class Role(CodedEnum):
    """The role in which an actor acts (角色)."""

    APPLICANT = ("applicant", "推荐人/申报人")
    STAFF = ("staff", "工作人员")
    REVIEWER = ("reviewer", "评审委员")
    LEADER = ("leader", "领导小组")
    PUBLIC = ("public", "群众")


def _conflicts(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


@attrs.frozen
class Actor:
    """Who gives a command (操作人): an id, a name, the role they act in, the unit they act for,
    and the candidates and work units they must not judge (回避: their own family, relatives,
    their own work unit)."""

    id: str
    name: str
    role: Role
    unit: str
    conflicts: frozenset[str] = attrs.field(default=frozenset(), converter=_conflicts)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.id, str) and bool(self.id), "id", "a non-empty id", self.id)
        check_text(self.name, "name", faults)
        faults.check(isinstance(self.role, Role), "role", "a Role", self.role)
        faults.check(isinstance(self.unit, str) and bool(self.unit), "unit", "a unit code", self.unit)
        for code in sorted(self.conflicts, key=repr):
            faults.check(isinstance(code, str) and bool(code), "conflicts", "candidate or unit ids", code)
        faults.raise_if_any()


@attrs.frozen
class State:
    """One state of a workflow (状态): a stable code, a Chinese label, and whether it is final."""

    code: str
    label: str
    final: bool = False


def _codes(value: Iterable[str]) -> frozenset[str]:
    return frozenset(value)


def _roles(value: Iterable[Role]) -> frozenset[Role]:
    return frozenset(value)


@attrs.frozen
class Transition:
    """A declared transition (流转): *command* moves a case from any of *sources* to *target*.

    ``roles`` (empty: anyone) may give it; ``needs_reason`` requires a reason (退回, 撤销 …);
    ``guards`` names the further conditions a workflow's engine checks, in order.
    """

    command: str
    label: str
    sources: frozenset[str] = attrs.field(converter=_codes)
    target: str
    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=_roles)
    needs_reason: bool = False
    guards: tuple[str, ...] = ()


def _states(value: Iterable[State]) -> tuple[State, ...]:
    return tuple(value)


def _transitions(value: Iterable[Transition]) -> tuple[Transition, ...]:
    return tuple(value)


@attrs.frozen(eq=False)
class Workflow:
    """A workflow declared as data (流程定义): its states, the initial one, its transitions.

    Checked when built (:class:`~fulian_core.errors.DefinitionError` lists every fault): codes
    unique, every source and target declared, no two transitions for one command leaving the
    same state, every state reachable from the initial one, no transition leaving a final state.
    """

    code: str
    label: str
    states: tuple[State, ...] = attrs.field(converter=_states)
    initial: str
    transitions: tuple[Transition, ...] = attrs.field(converter=_transitions)
    _by_state: dict[str, State] = attrs.field(init=False, repr=False)
    _by_move: dict[tuple[str, str], Transition] = attrs.field(init=False, repr=False)
    _commands: tuple[str, ...] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        check_code(self.code, "code", faults)
        check_text(self.label, "label", faults)
        by_state: dict[str, State] = {}
        for index, state in enumerate(self.states):
            path = f"states[{index}]"
            if not faults.check(isinstance(state, State), path, "a State", state):
                continue
            check_code(state.code, f"{path}.code", faults)
            check_text(state.label, f"{path}.label", faults)
            faults.check(state.code not in by_state, f"{path}.code", "a state code not used before", state.code)
            by_state.setdefault(state.code, state)
        faults.check(self.initial in by_state, "initial", "a declared state", self.initial)
        by_move: dict[tuple[str, str], Transition] = {}
        commands: list[str] = []
        for index, transition in enumerate(self.transitions):
            path = f"transitions[{index}]"
            if not faults.check(isinstance(transition, Transition), path, "a Transition", transition):
                continue
            self._check_transition(transition, path, by_state, by_move, faults)
            if transition.command not in commands:
                commands.append(transition.command)
        faults.raise_if_any(DefinitionError)
        for code in _unreachable(self.initial, by_state, self.transitions):
            faults.add("states", f"a state reachable from {self.initial!r}", code)
        faults.raise_if_any(DefinitionError)
        object.__setattr__(self, "_by_state", by_state)
        object.__setattr__(self, "_by_move", by_move)
        object.__setattr__(self, "_commands", tuple(commands))

    @staticmethod
    def _check_transition(
        transition: Transition,
        path: str,
        by_state: dict[str, State],
        by_move: dict[tuple[str, str], Transition],
        faults: Faults,
    ) -> None:
        check_code(transition.command, f"{path}.command", faults)
        check_text(transition.label, f"{path}.label", faults)
        faults.check(bool(transition.sources), f"{path}.sources", "at least one source state", [])
        for source in sorted(transition.sources):
            state = by_state.get(source)
            if not faults.check(state is not None, f"{path}.sources", "declared states", source):
                continue
            faults.check(
                state is None or not state.final,
                f"{path}.sources",
                "states that are not final (nothing leaves a final state)",
                source,
            )
            faults.check(
                (transition.command, source) not in by_move,
                f"{path}.sources",
                f"one transition per state for {transition.command!r}",
                source,
            )
            by_move.setdefault((transition.command, source), transition)
        faults.check(transition.target in by_state, f"{path}.target", "a declared state", transition.target)
        for guard in transition.guards:
            check_code(guard, f"{path}.guards", faults)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workflow):
            return NotImplemented
        return (self.code, self.label, self.states, self.initial, self.transitions) == (
            other.code,
            other.label,
            other.states,
            other.initial,
            other.transitions,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.states, self.initial, self.transitions))

    @property
    def commands(self) -> tuple[str, ...]:
        """Every command the workflow declares, in declaration order."""
        return self._commands

    def state(self, code: str) -> State:
        """The declared state *code*."""
        found = self._by_state.get(code)
        if found is None:
            raise ValidationError.single("state", f"a state of the {self.code} workflow", code)
        return found

    def accepted_in(self, state: str) -> tuple[str, ...]:
        """The commands that some transition accepts in *state*."""
        return tuple(command for command in self._commands if (command, state) in self._by_move)

    def transition(self, command: str, state: str, *, subject: str = "") -> Transition:
        """The transition *command* takes from *state*.

        Raises :class:`~fulian_core.errors.UnknownCommandError` for a command the workflow does
        not declare, and :class:`~fulian_core.errors.TransitionRefused` (guard ``"state"``) for a
        declared command that no transition of *state* accepts.
        """
        found = self._by_move.get((command, state))
        if found is not None:
            return found
        if command not in self._commands:
            raise UnknownCommandError(self.code, command, self._commands)
        accepted = ", ".join(self.accepted_in(state)) or "nothing: it is final"
        raise TransitionRefused(
            command,
            subject,
            self.describe(state),
            "state",
            f"no transition of this state accepts {command!r} (accepted here: {accepted})",
        )

    def describe(self, state: str) -> str:
        """A state as messages show it: ``已提交 submitted``."""
        found = self._by_state.get(state)
        return f"{found.label} {found.code}" if found is not None else state

    def to_mermaid(self) -> str:
        """The workflow as a Mermaid state diagram, for docs and reviews."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.initial}"]
        for transition in self.transitions:
            lines.extend(
                f"    {source} --> {transition.target}: {transition.command}" for source in sorted(transition.sources)
            )
        lines.extend(f"    {state.code} --> [*]" for state in self.states if state.final)
        return "\n".join(lines)


def _unreachable(initial: str, by_state: dict[str, State], transitions: tuple[Transition, ...]) -> list[str]:
    reached = {initial}
    frontier = [initial]
    while frontier:
        state = frontier.pop()
        for transition in transitions:
            if state in transition.sources and transition.target not in reached:
                reached.add(transition.target)
                frontier.append(transition.target)
    return [code for code in by_state if code not in reached]


@attrs.frozen
class Act:
    """A command given to a case (操作): what, by whom, when (supplied by the caller), and why."""

    command: str
    actor: Actor
    at: dt.datetime
    reason: str = ""
    note: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.command, str) and bool(self.command), "command", "a command code", self.command)
        faults.check(isinstance(self.actor, Actor), "actor", "an Actor", self.actor)
        check_moment(self.at, "at", faults)
        faults.check(isinstance(self.reason, str), "reason", "text", self.reason)
        faults.check(isinstance(self.note, str), "note", "text", self.note)
        faults.raise_if_any()


@attrs.frozen
class CaseEvent:
    """An accepted act and the move it made (流程记录): the audit trail of a case."""

    seq: int
    act: Act
    source: str
    target: str


def _events(value: Iterable[CaseEvent]) -> tuple[CaseEvent, ...]:
    return tuple(value)


@attrs.frozen
class Case:
    """One subject moving through a workflow (办理事项): its state and every event so far."""

    workflow: str
    subject: str
    state: str
    events: tuple[CaseEvent, ...] = attrs.field(default=(), converter=_events)

    @classmethod
    def start(cls, workflow: Workflow, subject: str) -> Case:
        """A new case in the workflow's initial state."""
        if not isinstance(subject, str) or not subject:
            raise ValidationError.single("subject", "a non-empty subject id", subject)
        return cls(workflow.code, subject, workflow.initial)

    @property
    def last_at(self) -> dt.datetime | None:
        """When the last accepted act happened."""
        return self.events[-1].act.at if self.events else None

    def acts(self, command: str) -> tuple[CaseEvent, ...]:
        """The events of every accepted *command*, oldest first."""
        return tuple(event for event in self.events if event.act.command == command)


def advance(workflow: Workflow, case: Case, act: Act) -> Case:
    """The case after *act*, or :class:`~fulian_core.errors.TransitionRefused` /
    :class:`~fulian_core.errors.UnknownCommandError`; *case* is unchanged either way.

    Besides the transition's state and role, every workflow holds time: an act may not be dated
    before the case's last accepted act (the audit trail runs forward).
    """
    if workflow.code != case.workflow:
        raise ValidationError.single("case.workflow", f"a case of the {workflow.code} workflow", case.workflow)
    transition = workflow.transition(act.command, case.state, subject=case.subject)
    state = workflow.describe(case.state)
    if transition.roles and act.actor.role not in transition.roles:
        allowed = "、".join(role.label for role in sorted(transition.roles, key=lambda role: role.ordinal))
        raise TransitionRefused(
            act.command,
            case.subject,
            state,
            "role",
            f"expected an actor acting as {allowed}, got {act.actor.role.label}",
        )
    if transition.needs_reason and not act.reason.strip():
        raise TransitionRefused(act.command, case.subject, state, "reason", f"{transition.label} needs a reason")
    last = case.last_at
    if last is not None and act.at < last:
        raise TransitionRefused(
            act.command,
            case.subject,
            state,
            "chronology",
            f"expected a time at or after the last act ({last.isoformat()}), got {act.at.isoformat()}",
        )
    event = CaseEvent(len(case.events) + 1, act, case.state, transition.target)
    return Case(case.workflow, case.subject, transition.target, (*case.events, event))


def replay_case(workflow: Workflow, subject: str, events: Iterable[CaseEvent]) -> Case:
    """The case an event log describes, every act checked again (so a tampered log is refused)."""
    case = Case.start(workflow, subject)
    for event in events:
        case = advance(workflow, case, event.act)
    return case
