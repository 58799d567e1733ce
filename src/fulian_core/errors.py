"""The exceptions of fulian_core (错误), all rooted in :class:`FulianError`.

Every validation fault names *where* (a field path such as ``households[3].code``), *what was
expected* and *what came*, in one grammar::

    households[3].code: expected 12 digits, got '3710'

A :class:`ValidationError` carries every fault found at once (:attr:`ValidationError.faults`),
not only the first.

For an app, every fault and refusal also carries a stable :attr:`~Fault.code` (``out_of_range``,
``expected_one_of``, ``guard.quota`` …) with the :attr:`~Fault.params` needed to word it, renders
in English or Chinese (``error.render("zh")``), and gives its path as a JSON Pointer
(:attr:`Fault.pointer`) for form libraries; :data:`FAULT_CODES` lists every code.
"""

from __future__ import annotations

import ast
import re
import types
from collections.abc import Iterable, Mapping, Sequence
from typing import Final, Literal

import attrs

from fulian_core._fault_codes import GUARDS as _GUARDS
from fulian_core._fault_codes import ROWS as _ROWS

__all__ = [
    "FAULT_CODES",
    "MAX_FAULTS",
    "CalendarRangeError",
    "DefinitionError",
    "Fault",
    "FaultCode",
    "FulianError",
    "HierarchyError",
    "InsufficientCreditError",
    "TransitionRefused",
    "UnitMismatchError",
    "UnknownCommandError",
    "UnknownUnitError",
    "ValidationError",
    "join_path",
]

_MAX_GOT = 60
MAX_FAULTS = 100
"""The most faults an error keeps and shows; it counts the rest (``… and 99,900 more faults``),
so a hostile payload with a million bad elements is refused as fast as it is read."""


_MAX_DIGITS = 60


def _show(value: object) -> str:
    """A short, safe rendering of a bad value: never raises, never shows an ID or a mobile."""
    from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _MAX_DIGITS * 3.33:
        return f"<an integer of about {int(value.bit_length() * 0.30103)} digits>"
    try:
        text = redact_text(repr(value))
    except Exception:  # a value whose repr fails (too deep, too big) must not break error reporting
        text = f"<a {type(value).__name__} that cannot be shown>"
    if len(text) > _MAX_GOT:
        text = text[: _MAX_GOT - 3] + "..."
    return text


_SEPARATOR = {"en": ", ", "zh": "、"}
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{(\w+)\}")
_QUOTED = re.compile(r"'([^']*)'")  # a list of quoted codes, which may hold commas
_LISTS = frozenset({"types", "choices", "allowed", "known", "examples", "covered"})
_NUMBERS = frozenset({"low", "high", "limit", "digits", "places", "total", "count"})
_WHOLE = re.compile(r"-?[0-9]{1,18}(?:,[0-9]{3})*")  # a bound as the message writes it: 1,000,000


@attrs.frozen
class FaultCode:
    """A kind of fault or refusal (错误代码): its stable code, an English and a Chinese
    template whose ``{names}`` are the params a fault of this kind carries."""

    code: str
    en: str
    zh: str
    wordings: tuple[re.Pattern[str], ...] = attrs.field(eq=False, repr=False)
    """The English wordings the library's messages of this kind take (params as named groups)."""

    def render(self, lang: Literal["en", "zh"], params: Mapping[str, object]) -> str:
        """The template in *lang* with *params* filled in; a ``[...]`` part whose params are
        missing is left out."""
        _check_language(lang)
        if not isinstance(params, Mapping):
            raise ValidationError.single("params", "a mapping of params, not text or a list", type(params).__name__)
        template = self.zh if lang == "zh" else self.en

        def optional(part: re.Match[str]) -> str:
            names = _FIELD.findall(part.group(1))
            return part.group(1) if all(params.get(name) not in (None, "", ()) for name in names) else ""

        def field(name: re.Match[str]) -> str:
            return _shown(params.get(name.group(1), ""), lang, alternatives=name.group(1) == "types")

        return _FIELD.sub(field, _OPTIONAL.sub(optional, template))


def _shown(value: object, lang: Literal["en", "zh"], *, alternatives: bool = False) -> str:
    if isinstance(value, tuple):
        separator = {"en": " or ", "zh": " 或 "}[lang] if alternatives else _SEPARATOR[lang]
        return separator.join(str(member) for member in value)
    return str(value)


def _row(code: str, en: str, zh: str, wordings: tuple[str, ...]) -> FaultCode:
    return FaultCode(code, en, zh, tuple(re.compile(wording) for wording in wordings))


_REFUSED = next(row for row in _ROWS if row[0] == "guard")
FAULT_CODES: Final[Mapping[str, FaultCode]] = types.MappingProxyType(
    {
        **{row[0]: _row(*row) for row in _ROWS},
        **{
            f"guard.{guard}": _row(f"guard.{guard}", _REFUSED[1], f"{_REFUSED[2]}：{meaning}", ())
            for guard, meaning in _GUARDS
        },
        "invalid": _row("invalid", "{expected}", "应为：{expected}", ()),
    }
)
"""Every fault code (错误代码) with its English and Chinese templates, by code.

``invalid`` is the fallback of a fault whose wording the table does not know (its Chinese shows
the English expectation); a refusal by a guard the library does not declare renders as
``guard``."""
_READERS: Final = tuple(code for code in FAULT_CODES.values() if code.wordings)


def _params(found: re.Match[str]) -> dict[str, object]:
    params: dict[str, object] = {}
    for name, value in found.groupdict().items():
        if value is None:
            continue
        if name == "types":
            params[name] = tuple(re.split(r",? or an? |, an? ", value))
        elif name in _LISTS:
            parts = _QUOTED.findall(value) if value.startswith("'") and value.endswith("'") else []
            params[name] = tuple(parts or (part.strip("'") for part in re.split(r",? or |, ", value) if part))
        elif name in _NUMBERS and _WHOLE.fullmatch(value):
            params[name] = int(value.replace(",", ""))
        else:
            params[name] = value
    return params


def _read(expected: str) -> tuple[str, types.MappingProxyType[str, object]]:
    """The code and params of an English expectation, from the first wording that matches it."""
    for kind in _READERS:
        for wording in kind.wordings:
            found = wording.fullmatch(expected)
            if found is not None:
                return kind.code, types.MappingProxyType(_params(found))
    return "invalid", types.MappingProxyType({"expected": expected})


def _copied(params: Mapping[str, object]) -> dict[str, object]:
    if not isinstance(params, Mapping):  # a text or a list of pairs is not read as params
        raise ValidationError.single("params", "a mapping of params, not text or a list", type(params).__name__)
    return dict(params)


@attrs.frozen
class Fault:
    """One fault found in a value (错误项): where, what was expected, what came.

    ``code`` and ``params`` say the same for an app (see :data:`FAULT_CODES`); given neither,
    they are read from the wording of ``expected``."""

    path: str
    expected: str
    got: object = attrs.field(default=None, eq=False, repr=False)
    _code: str = attrs.field(default="", kw_only=True, eq=False, repr=False, alias="code")
    # A plain dict (a proxy does not pickle), copied in and only ever shown through a proxy.
    _params: dict[str, object] = attrs.field(
        factory=dict, converter=_copied, kw_only=True, eq=False, repr=False, alias="params"
    )

    @property
    def code(self) -> str:
        """The stable code of this kind of fault (``out_of_range``, ``expected_one_of`` …)."""
        return self._code or _read(self.expected)[0]

    @property
    def params(self) -> Mapping[str, object]:
        """The values its templates need (``{"low": 1, "high": 100}``): text, whole numbers,
        or tuples of text, as they came (only the rendered messages mask IDs and mobiles)."""
        return types.MappingProxyType(self._params) if self._code else _read(self.expected)[1]

    @property
    def got_text(self) -> str:
        """What came, as the message shows it: short, never failing, IDs and mobiles masked."""
        return _show(self.got)

    @property
    def pointer(self) -> str:
        """The path as a JSON Pointer (RFC 6901) for form libraries: ``fields[2].name`` is
        ``/fields/2/name``, and ``~`` and ``/`` in a key are escaped as ``~0`` and ``~1``."""
        return "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in _steps(self.path))

    def under(self, prefix: str) -> Fault:
        """The same fault seen from an enclosing value whose field *prefix* holds it."""
        return Fault(join_path(prefix, self.path), self.expected, self.got, code=self._code, params=self._params)

    def render(self, lang: Literal["en", "zh"] = "en") -> str:
        """The fault as a person reads it, in English (``en``, the same as ``str``) or Chinese
        (``zh``): ``households[3].code：应为 12 位数字，实际为 '3710'``; IDs and mobiles masked."""
        from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

        _check_language(lang)
        if lang == "en":
            return str(self)
        kind = FAULT_CODES.get(self.code, FAULT_CODES["invalid"])
        params = self.params if kind.code != "invalid" else {"expected": self.expected}
        where = f"{self.path}：" if self.path else ""
        return redact_text(f"{where}{kind.render('zh', params)}，实际为 {self.got_text}")

    def __str__(self) -> str:
        from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

        where = f"{self.path}: " if self.path else ""
        # The path and the expectation may quote a value that came in (a key, a bound): mask
        # IDs and mobiles there too.
        return redact_text(f"{where}expected {self.expected}, got {self.got_text}")


_STEP = re.compile(r"\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^\]'\"]*)\]|\.?([^.\[]+)")


def _steps(path: str) -> list[str]:
    steps = []
    for found in _STEP.finditer(path):
        inside, name = found.groups()
        if name is not None:
            steps.append(name)
            continue
        try:
            key = ast.literal_eval(inside)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            key = inside
        steps.append(key if isinstance(key, str) else str(key))
    return steps


def join_path(prefix: str, path: str) -> str:
    """Join two field paths: ``join_path("units[3]", "code") == "units[3].code"``."""
    if not prefix:
        return path
    if not path:
        return prefix
    if path.startswith("["):
        return prefix + path
    return f"{prefix}.{path}"


class FulianError(Exception):
    """The root of every error fulian_core raises (库错误).

    Each carries a stable :attr:`code` (see :data:`FAULT_CODES`) with its :attr:`params`, and
    renders in English or Chinese (:meth:`render`)."""

    @property
    def code(self) -> str:
        """The stable code of this kind of error (``unknown_unit``, ``guard.quota`` …)."""
        return "invalid"

    @property
    def params(self) -> Mapping[str, object]:
        """The values the templates of :attr:`code` need."""
        return types.MappingProxyType({"expected": str(self)})

    def render(self, lang: Literal["en", "zh"] = "en") -> str:
        """The error as a person reads it, in English (``en``, the same as ``str``) or Chinese
        (``zh``); IDs and mobiles masked."""
        from fulian_core.privacy import redact_text  # noqa: PLC0415 - privacy builds on this module

        _check_language(lang)
        if lang == "en":
            return str(self)
        kind = FAULT_CODES.get(self.code) or FAULT_CODES["guard" if self.code.startswith("guard.") else "invalid"]
        return redact_text(kind.render("zh", self.params))


def _check_language(lang: object) -> None:
    if lang not in ("en", "zh"):
        raise ValidationError.single("lang", "one of 'en', 'zh'", lang)


class ValidationError(FulianError, ValueError):
    """A value or payload was not valid (校验错误); carries every :class:`Fault` found."""

    faults: tuple[Fault, ...]
    more: int
    """How many further faults were found beyond the first :data:`MAX_FAULTS` (not kept)."""

    def __init__(self, faults: Sequence[Fault], more: int = 0) -> None:
        if not faults:
            raise ValueError("a ValidationError needs at least one fault")
        kept = tuple(faults[:MAX_FAULTS])
        self.faults = kept
        self.more = more + len(faults) - len(kept)
        super().__init__()

    def __str__(self) -> str:
        lines = [str(fault) for fault in self.faults]
        if self.more:
            lines.append(f"… and {self.more:,} more faults")
        return "\n".join(lines)

    def render(self, lang: Literal["en", "zh"] = "en") -> str:
        """Every fault as a person reads it, one a line, in English (``en``, the same as
        ``str``) or Chinese (``zh``)."""
        _check_language(lang)
        if lang == "en":
            return str(self)
        lines = [fault.render(lang) for fault in self.faults]
        if self.more:
            lines.append(f"… 另有 {self.more:,} 项错误")
        return "\n".join(lines)

    @property
    def code(self) -> str:
        """The code of the first fault."""
        return self.faults[0].code

    @property
    def params(self) -> Mapping[str, object]:
        """The params of the first fault."""
        return self.faults[0].params

    @classmethod
    def single(cls, path: str, expected: str, got: object) -> ValidationError:
        """An error with one fault."""
        return cls([Fault(path, expected, got)])

    @property
    def path(self) -> str:
        """The path of the first fault."""
        return self.faults[0].path

    @property
    def expected(self) -> str:
        """What the first fault expected."""
        return self.faults[0].expected

    @property
    def got(self) -> object:
        """What the first fault got."""
        return self.faults[0].got

    def under(self, prefix: str) -> ValidationError:
        """The same error, every path prefixed by *prefix* (same class)."""
        return type(self)([fault.under(prefix) for fault in self.faults], self.more)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.faults, self.more))


class DefinitionError(ValidationError):
    """A definition (hierarchy, calendar, schedule, later rubrics and criteria) is inconsistent
    (定义错误)."""


class HierarchyError(DefinitionError):
    """The organisation tree is inconsistent: duplicate codes, cycles, a second parent, a parent
    at the same or a lower level, a missing parent (组织层级错误)."""


class UnitMismatchError(FulianError, ValueError):
    """Two figures with different units were combined (单位不一致), e.g. 户 + 人次."""

    def __init__(self, operation: str, left: str, right: str) -> None:
        self.operation = operation
        self.left = left
        self.right = right
        super().__init__(f"{operation}: expected the same unit on both sides, got {left} and {right}")

    @property
    def code(self) -> str:
        """``unit_mismatch``."""
        return "unit_mismatch"

    @property
    def params(self) -> Mapping[str, object]:
        """The operation and the units on either side."""
        return types.MappingProxyType({"operation": self.operation, "left": self.left, "right": self.right})

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.operation, self.left, self.right))


class UnknownUnitError(FulianError, LookupError):
    """An organisation code that the hierarchy does not hold (未知单位); ``unit`` is the code that came."""

    def __init__(self, code: str) -> None:
        self.unit = code
        super().__init__(f"code: expected a unit of this hierarchy, got {code!r}")

    @property
    def code(self) -> str:
        """``unknown_unit``."""
        return "unknown_unit"

    @property
    def params(self) -> Mapping[str, object]:
        """The code that came, as the message shows it."""
        return types.MappingProxyType({"code": _show(self.unit)})

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.unit,))


class CalendarRangeError(FulianError, ValueError):
    """A working-day calendar was asked about a date outside the years it covers (日历范围外)."""

    def __init__(self, day: object, covered: Iterable[int]) -> None:
        self.day = day
        self.covered = tuple(sorted(covered))
        span = ", ".join(str(year) for year in self.covered) or "no year"
        super().__init__(f"date: expected a day in a covered year ({span}), got {day!s}")

    @property
    def code(self) -> str:
        """``calendar_range``."""
        return "calendar_range"

    @property
    def params(self) -> Mapping[str, object]:
        """The years the calendar covers."""
        return types.MappingProxyType({"covered": tuple(str(year) for year in self.covered)})

    def render(self, lang: Literal["en", "zh"] = "en") -> str:
        """The error in English or Chinese (``date：应为日历覆盖年份内的日期（2024），实际为 2030-01-01``)."""
        _check_language(lang)
        if lang == "en":
            return str(self)
        return f"date：{FAULT_CODES['calendar_range'].render('zh', self.params)}，实际为 {self.day!s}"

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.day, self.covered))


class InsufficientCreditError(FulianError, ValueError):
    """A spend above the balance of a points account (积分不足); the account is unchanged."""

    def __init__(self, holder: str, wanted: int, balance: int) -> None:
        self.holder = holder
        self.wanted = wanted
        self.balance = balance
        super().__init__(f"points: expected at most the balance of {holder} ({balance}), got {wanted}")

    @property
    def code(self) -> str:
        """``insufficient_credit``."""
        return "insufficient_credit"

    @property
    def params(self) -> Mapping[str, object]:
        """The holder, the balance and the points wanted."""
        return types.MappingProxyType({"holder": self.holder, "balance": self.balance, "wanted": self.wanted})

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.holder, self.wanted, self.balance))


class TransitionRefused(FulianError):  # noqa: N818 - STYLE.md's name: a refusal, not a fault
    """A workflow refused a command (操作被拒绝): it names the command, the subject, the state
    the subject was in and the guard that refused; nothing was changed.

    ``guard`` is ``"state"`` when no transition of the current state accepts the command;
    otherwise the name of the guard (``"quota"``, ``"recusal"``, ``"dossier"`` …).
    """

    def __init__(self, command: str, subject: str, state: str, guard: str, detail: str) -> None:
        self.command = command
        self.subject = subject
        self.state = state
        self.guard = guard
        self.detail = detail
        where = f"{command} {subject}" if subject else command
        super().__init__(f"{where} [{state}]: refused by guard '{guard}': {detail}")

    @property
    def code(self) -> str:
        """``guard.`` and the guard's name: ``guard.quota``, ``guard.state`` …"""
        return f"guard.{self.guard}"

    @property
    def params(self) -> Mapping[str, object]:
        """The command, the subject, the state, the guard and the detail (in English)."""
        return types.MappingProxyType(
            {
                "command": self.command,
                "subject": self.subject,
                "state": self.state,
                "guard": self.guard,
                "detail": self.detail,
            }
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.command, self.subject, self.state, self.guard, self.detail))


class UnknownCommandError(FulianError, LookupError):
    """A command that the workflow does not declare at all (未知操作), as opposed to one that
    the current state does not accept (:class:`TransitionRefused`)."""

    def __init__(self, workflow: str, command: str, known: Iterable[str]) -> None:
        self.workflow = workflow
        self.command = command
        self.known = tuple(known)
        super().__init__(
            f"command: expected a command of the {workflow} workflow ({', '.join(self.known)}), got {command!r}"
        )

    @property
    def code(self) -> str:
        """``unknown_command``."""
        return "unknown_command"

    @property
    def params(self) -> Mapping[str, object]:
        """The workflow, the commands it declares and the command that came."""
        return types.MappingProxyType({"workflow": self.workflow, "known": self.known, "command": _show(self.command)})

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.workflow, self.command, self.known))
