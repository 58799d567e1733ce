"""A workflow declared as data (流程定义): states with their due dates, transitions naming their
guards, and the guards themselves — named, documented predicates with their refusal sentence.

A :class:`Workflow` is checked once when it is built; :mod:`fulian_core.workflows.engine` runs
it. Guards are the only code in a declaration: a transition names them by code, in the order
they run, after the three the engine runs for every transition (``role``, ``reason``,
``chronology``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import ClassVar, Final, Generic, TypeVar

import attrs
from dateutil.relativedelta import relativedelta

from fulian_core._definitions import check_code, check_text, check_type, listed, listed_set
from fulian_core._display import Display as _Display
from fulian_core._display import Displayed as _Displayed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.calendars import WorkingDayCalendar
from fulian_core.calendars import china_date as _china_date
from fulian_core.errors import DefinitionError, TransitionRefused, UnknownCommandError, ValidationError
from fulian_core.workflows.actors import Actor, Role

__all__ = [
    "BUILT_IN_GUARDS",
    "MAX_DUE_COUNT",
    "Attempt",
    "Due",
    "DueUnit",
    "Guard",
    "Payload",
    "State",
    "Transition",
    "Workflow",
]

C = TypeVar("C")
_C_co = TypeVar("_C_co", covariant=True)

MAX_DUE_COUNT: Final = 36_500
"""The largest count of days a due date may be set to; months and years are bounded to the same
span (1,200 months, 100 years): a bound on hostile data."""

_LIMITS: Final = {"calendar_days": MAX_DUE_COUNT, "working_days": MAX_DUE_COUNT, "months": 1_200, "years": 100}


class Payload:
    """The base of a command's payload (操作内容): one attrs class per command kind, tagged by
    its ``kind`` (the command code). The converter writes and reads a union of payloads by that
    tag."""

    __slots__ = ()
    kind: ClassVar[str] = ""

    @property
    def subject(self) -> str:
        """The id of what the command is about, where the payload names one ("" otherwise)."""
        return ""


class DueUnit(CodedEnum):
    """How a state's due date is counted from the day it is entered (期限单位)."""

    CALENDAR_DAYS = ("calendar_days", "自然日")
    WORKING_DAYS = ("working_days", "工作日")
    MONTHS = ("months", "个月")
    YEARS = ("years", "年")
    PAYLOAD = ("payload", "指定日期")


@attrs.frozen
class Due:
    """When a state falls due (办理期限), computed when a case enters it.

    ``count`` calendar days, working days (of ``calendar``), months or years after the day of
    entry (the day of entry not counted: 开始的当日不计入), or the date the entering command's
    payload carries in its field ``field`` (限期 set by whoever assigns the task). Build one
    with the named constructors:

    >>> import datetime as dt
    >>> Due.years(3).date(dt.date(2024, 3, 20))
    datetime.date(2027, 3, 20)
    """

    unit: DueUnit
    count: int = 0
    calendar: WorkingDayCalendar | None = attrs.field(default=None, eq=False, repr=False)
    field: str = ""

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        faults.check(isinstance(self.unit, DueUnit), "unit", "a DueUnit", self.unit)
        if self.unit is DueUnit.PAYLOAD:
            faults.check(
                isinstance(self.field, str) and self.field.isidentifier(), "field", "a payload field name", self.field
            )
            faults.check(self.count == 0, "count", "0 for a date from the payload", self.count)
        elif isinstance(self.unit, DueUnit):
            faults.check(self.field == "", "field", "no payload field for a period counted from entry", self.field)
            limit = _LIMITS[self.unit.code]
            faults.check(
                isinstance(self.count, int) and not isinstance(self.count, bool) and 1 <= self.count <= limit,
                "count",
                f"a whole number from 1 to {limit}",
                self.count,
            )
        faults.check(
            (self.unit is DueUnit.WORKING_DAYS) == isinstance(self.calendar, WorkingDayCalendar),
            "calendar",
            "a WorkingDayCalendar for working days, and none otherwise",
            self.calendar,
        )
        faults.raise_if_any(DefinitionError)

    @classmethod
    def calendar_days(cls, count: int) -> Due:
        """Due *count* calendar days after entry (N日内)."""
        return cls(DueUnit.CALENDAR_DAYS, count)

    @classmethod
    def working_days(cls, count: int, calendar: WorkingDayCalendar) -> Due:
        """Due *count* working days of *calendar* after entry (N个工作日内)."""
        return cls(DueUnit.WORKING_DAYS, count, calendar)

    @classmethod
    def months(cls, count: int) -> Due:
        """Due *count* months after entry."""
        return cls(DueUnit.MONTHS, count)

    @classmethod
    def years(cls, count: int) -> Due:
        """Due *count* years after entry (每N年复核)."""
        return cls(DueUnit.YEARS, count)

    @classmethod
    def from_payload(cls, field: str) -> Due:
        """Due on the date the entering command's payload gives in *field* (限期)."""
        return cls(DueUnit.PAYLOAD, field=field)

    def date(self, entered: dt.date, payload: object = None) -> dt.date:
        """The due date of a state entered on *entered* by a command carrying *payload*."""
        try:
            return self._date(entered, payload)
        except (OverflowError, ValueError) as error:
            if isinstance(error, ValidationError):
                raise
            raise ValidationError.single(
                "due", f"a due date {self.describe()} after {entered} within the calendar", str(error)
            ) from None

    def _date(self, entered: dt.date, payload: object) -> dt.date:
        unit = self.unit
        if unit is DueUnit.CALENDAR_DAYS:
            return entered + dt.timedelta(days=self.count)
        if unit is DueUnit.WORKING_DAYS:
            assert self.calendar is not None  # noqa: S101 - checked when built
            return self.calendar.add_working_days(entered, self.count)
        if unit is DueUnit.MONTHS:
            return entered + relativedelta(months=self.count)
        if unit is DueUnit.YEARS:
            return entered + relativedelta(years=self.count)
        value = getattr(payload, self.field, None)
        if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
            raise ValidationError.single(f"payload.{self.field}", "a due date (a date)", value)
        if value < entered:
            raise ValidationError.single(
                f"payload.{self.field}", f"a due date on or after the day it is set ({entered.isoformat()})", value
            )
        return value

    def describe(self) -> str:
        """The period as a rule writes it: ``10个工作日``, ``3年``, ``指定日期``."""
        if self.unit is DueUnit.PAYLOAD:
            return f"{self.unit.label}（{self.field}）"
        return f"{self.count}{self.unit.label}"


@attrs.frozen
class State:
    """One state of a workflow (状态): a stable code, a Chinese label, whether it is final, and
    when a case that enters it falls due (``due``; None: no deadline)."""

    code: str
    label: str
    final: bool = False
    due: Due | None = None


@attrs.frozen
class Attempt(Generic[_C_co]):
    """What a guard sees (待校验的操作): the transition tried, the subject and its state, who
    acts, when, why, with what payload, when the last accepted act happened, and the
    workflow's own context (a campaign and its state, a case …)."""

    transition: Transition
    subject: str
    state: str
    actor: Actor
    at: dt.datetime
    reason: str
    payload: object
    last_at: dt.datetime | None
    context: _C_co


@attrs.frozen
class Guard(Generic[C]):
    """A named condition a transition must meet (校验规则): its code (what a refusal names),
    what it requires, in one sentence, and the predicate — which returns None when the attempt
    passes, or the refusal's detail (``expected …, got …``)."""

    code: str
    requires: str
    check: Callable[[Attempt[C]], str | None] = attrs.field(eq=False, repr=False)

    @classmethod
    def not_before(cls, code: str, requires: str, *, field: str, act: str, event: str) -> Guard[C]:
        """A guard that the act comes on or after the date its payload's *field* holds (China
        time): a problem recorded no earlier than it was found, a dispute registered no earlier
        than it was received. The refusal reads ``expected a {act} on or after the day the
        {event} (2025-06-09), got 2025-06-03``."""

        def check(attempt: Attempt[C]) -> str | None:
            happened = getattr(attempt.payload, field)
            day = _china_date(attempt.at)
            if day >= happened:
                return None
            return f"expected a {act} on or after the day the {event} ({happened}), got {day}"

        return cls(code, requires, check)


def _codes(value: Iterable[str]) -> frozenset[str]:
    return listed_set(value, "sources", "a collection of state codes")


def _roles(value: Iterable[Role]) -> frozenset[Role]:
    return listed_set(value, "roles", "a collection of roles")


def _names(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "guards", "a sequence of guard codes")


@attrs.frozen
class Transition:
    """A declared transition (流转): *command* moves a case from any of *sources* to *target*.

    ``roles`` (empty: anyone) may give it; ``needs_reason`` requires a reason (退回, 撤销 …);
    ``guards`` names the workflow's further guards, run in this order after ``role``,
    ``reason`` and ``chronology``; ``payload`` is the payload class the command carries
    (None: none). ``keeps_due`` marks a transition from a state back to itself that records
    something without starting the state's period again (记录: a 调解 session logged while the
    case stays 调解中 keeps the case's due date).
    """

    command: str
    label: str
    sources: frozenset[str] = attrs.field(converter=_codes)
    target: str
    roles: frozenset[Role] = attrs.field(default=frozenset(), converter=_roles)
    needs_reason: bool = False
    guards: tuple[str, ...] = attrs.field(default=(), converter=_names)
    payload: type[Payload] | None = attrs.field(default=None, eq=False, repr=False)
    keeps_due: bool = False


def _role_check(attempt: Attempt[object]) -> str | None:
    roles = attempt.transition.roles
    if not roles or attempt.actor.role in roles:
        return None
    allowed = "、".join(role.label for role in sorted(roles, key=lambda role: role.ordinal))
    return f"expected an actor acting as {allowed}, got {attempt.actor.role.label}"


def _reason_check(attempt: Attempt[object]) -> str | None:
    if not attempt.transition.needs_reason or attempt.reason.strip():
        return None
    return f"{attempt.transition.label} needs a reason"


def _chronology_check(attempt: Attempt[object]) -> str | None:
    last = attempt.last_at
    if last is None or attempt.at >= last:
        return None
    return f"expected a time at or after the last accepted act ({last.isoformat()}), got {attempt.at.isoformat()}"


BUILT_IN_GUARDS: Final[tuple[Guard[object], ...]] = (
    Guard("role", "the actor acts in a role the transition allows (empty: anyone)", _role_check),
    Guard("reason", "a reason is given where the transition needs one", _reason_check),
    Guard(
        "chronology",
        "the act is dated at or after the last accepted act (the audit trail runs forward)",
        _chronology_check,
    ),
)
"""The guards the engine runs for every transition, before the declared ones; ``state`` (no
transition of the current state accepts the command) refuses before any of them."""

_RESERVED: Final = frozenset({"state", *(guard.code for guard in BUILT_IN_GUARDS)})


def _states(value: Iterable[State]) -> tuple[State, ...]:
    return listed(value, "states", "a list of states")


def _transitions(value: Iterable[Transition]) -> tuple[Transition, ...]:
    return listed(value, "transitions", "a list of transitions")


def _guards(value: Iterable[Guard[C]]) -> tuple[Guard[C], ...]:
    return listed(value, "guards", "a list of guards")


@attrs.frozen(eq=False)
class Workflow(_Displayed, Generic[C]):
    """A workflow declared as data (流程定义): its states, the initial one, its transitions, and
    the guards its transitions name.

    Checked when built (:class:`~fulian_core.errors.DefinitionError` lists every fault): codes
    unique, every source and target declared, no two transitions for one command leaving the
    same state, every state reachable from the initial one, no transition leaving a final
    state, every guard a transition names declared (and no declared guard taking the name of
    a built-in one).
    """

    code: str
    label: str
    states: tuple[State, ...] = attrs.field(converter=_states)
    initial: str
    transitions: tuple[Transition, ...] = attrs.field(converter=_transitions)
    guards: tuple[Guard[C], ...] = attrs.field(default=(), converter=_guards)
    _by_state: dict[str, State] = attrs.field(init=False, repr=False)
    _by_move: dict[tuple[str, str], Transition] = attrs.field(init=False, repr=False)
    _by_guard: dict[str, Guard[C]] = attrs.field(init=False, repr=False)
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
            faults.check(state.due is None or isinstance(state.due, Due), f"{path}.due", "a Due or None", state.due)
            faults.check(
                not (state.final and state.due is not None),
                f"{path}.due",
                "no due date on a final state (nothing is left to do)",
                state.due,
            )
            by_state.setdefault(state.code, state)
        initial_known = isinstance(self.initial, str) and self.initial in by_state
        shown = self.initial if isinstance(self.initial, str) else type(self.initial).__name__
        faults.check(initial_known, "initial", "a declared state", shown)
        by_guard: dict[str, Guard[C]] = {}
        for index, guard in enumerate(self.guards):
            path = f"guards[{index}]"
            if not faults.check(isinstance(guard, Guard), path, "a Guard", guard):
                continue
            check_code(guard.code, f"{path}.code", faults)
            check_text(guard.requires, f"{path}.requires", faults)
            faults.check(callable(guard.check), f"{path}.check", "a predicate", guard.check)
            faults.check(
                guard.code not in _RESERVED and guard.code not in by_guard,
                f"{path}.code",
                "a guard code not used before (state, role, reason and chronology are built in)",
                guard.code,
            )
            by_guard.setdefault(guard.code, guard)
        by_move: dict[tuple[str, str], Transition] = {}
        commands: list[str] = []
        for index, transition in enumerate(self.transitions):
            path = f"transitions[{index}]"
            if not faults.check(isinstance(transition, Transition), path, "a Transition", transition):
                continue
            self._check_transition(
                transition, path, by_state=by_state, by_move=by_move, by_guard=by_guard, faults=faults
            )
            if transition.command not in commands:
                commands.append(transition.command)
        faults.raise_if_any(DefinitionError)
        _check_payload_dues(self.transitions, by_state, faults)
        for code in _unreachable(self.initial, by_state, self.transitions):
            faults.add("states", f"a state reachable from {self.initial!r}", code)
        faults.raise_if_any(DefinitionError)
        object.__setattr__(self, "_by_state", by_state)
        object.__setattr__(self, "_by_move", by_move)
        object.__setattr__(self, "_by_guard", by_guard)
        object.__setattr__(self, "_commands", tuple(commands))

    @staticmethod
    def _check_transition(
        transition: Transition,
        path: str,
        *,
        by_state: dict[str, State],
        by_move: dict[tuple[str, str], Transition],
        by_guard: Mapping[str, Guard[C]],
        faults: Faults,
    ) -> None:
        check_code(transition.command, f"{path}.command", faults)
        check_text(transition.label, f"{path}.label", faults)
        faults.check(bool(transition.sources), f"{path}.sources", "at least one source state", [])
        for source in sorted(transition.sources, key=str):
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
        for role in sorted(transition.roles, key=repr):
            faults.check(isinstance(role, Role), f"{path}.roles", "Role members", role)
        faults.check(isinstance(transition.needs_reason, bool), f"{path}.needs_reason", "true or false", None)
        faults.check(
            transition.keeps_due is False
            or (transition.keeps_due is True and transition.sources == frozenset({transition.target})),
            f"{path}.keeps_due",
            "false, or true only for a transition from its target state back to itself",
            transition.keeps_due,
        )
        for guard in transition.guards:
            faults.check(guard in by_guard, f"{path}.guards", "guards the workflow declares", guard)
        faults.check(
            transition.payload is None
            or (isinstance(transition.payload, type) and issubclass(transition.payload, Payload)),
            f"{path}.payload",
            "a Payload class or None",
            transition.payload,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workflow):
            return NotImplemented
        return (self.code, self.label, self.states, self.initial, self.transitions, self.guards) == (
            other.code,
            other.label,
            other.states,
            other.initial,
            other.transitions,
            other.guards,
        )

    def __hash__(self) -> int:
        return hash((self.code, self.states, self.initial, self.transitions))

    @property
    def commands(self) -> tuple[str, ...]:
        """Every command the workflow declares, in declaration order."""
        return self._commands

    def state(self, code: str) -> State:
        """The declared state *code*."""
        try:
            found = self._by_state.get(code)
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(code, str, "state", f"a state of the {self.code} workflow")
            raise ValidationError.single("state", f"a state of the {self.code} workflow", code)
        return found

    def guard(self, code: str) -> Guard[C]:
        """The declared guard *code*."""
        try:
            found = self._by_guard.get(code)
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(code, str, "guard", f"a guard of the {self.code} workflow")
            raise ValidationError.single("guard", f"a guard of the {self.code} workflow", code)
        return found

    def accepted_in(self, state: str) -> tuple[str, ...]:
        """The commands that some transition accepts in *state*."""
        check_type(state, str, "state", f"a state of the {self.code} workflow")
        return tuple(command for command in self._commands if (command, state) in self._by_move)

    def transition(self, command: str, state: str, *, subject: str = "") -> Transition:
        """The transition *command* takes from *state*.

        Raises :class:`~fulian_core.errors.UnknownCommandError` for a command the workflow does
        not declare, and :class:`~fulian_core.errors.TransitionRefused` (guard ``"state"``) for a
        declared command that no transition of *state* accepts.
        """
        try:
            found = self._by_move.get((command, state))
        except TypeError:  # an unhashable command or state (a list, a signalling NaN)
            found = None
        if found is not None:
            return found
        check_type(command, str, "command", f"a command of the {self.code} workflow")
        check_type(state, str, "state", f"a state of the {self.code} workflow")
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
        try:
            found = self._by_state.get(state)
        except TypeError:  # an unhashable state (a list, a signalling NaN)
            found = None
        if found is None:
            check_type(state, str, "state", f"a state of the {self.code} workflow")
        return f"{found.label} {found.code}" if found is not None else state

    def _display(self) -> _Display:
        return _Display.of(
            f"{self.label} {self.code}",
            (
                ("状态数", len(self.states)),
                ("转换数", len(self.transitions)),
                ("初始状态", self.describe(self.initial)),
            ),
            diagram=self.to_mermaid(),
        )

    def to_mermaid(self) -> str:
        """The workflow as a Mermaid state diagram, for docs and reviews: each arrow carries
        its command, the guards it names in brackets, and states with a deadline their due
        period."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.initial}"]
        lines.extend(
            f"    {state.code}: {state.label} ({state.due.describe()})"
            for state in self.states
            if state.due is not None
        )
        for transition in self.transitions:
            guards = f" [{', '.join(transition.guards)}]" if transition.guards else ""
            lines.extend(
                f"    {source} --> {transition.target}: {transition.command}{guards}"
                for source in sorted(transition.sources)
            )
        lines.extend(f"    {state.code} --> [*]" for state in self.states if state.final)
        return "\n".join(lines)


def _check_payload_dues(transitions: tuple[Transition, ...], by_state: dict[str, State], faults: Faults) -> None:
    """A state due on a date its entering command carries is entered only by commands whose
    payload has that field."""
    for index, transition in enumerate(transitions):
        due = by_state[transition.target].due
        if due is None or due.unit is not DueUnit.PAYLOAD:
            continue
        payload = transition.payload
        fields = attrs.fields_dict(payload) if payload is not None and attrs.has(payload) else {}
        faults.check(
            due.field in fields,
            f"transitions[{index}].payload",
            f"a payload with the field {due.field!r} (the due date of {transition.target!r})",
            getattr(payload, "__name__", payload),
        )


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
