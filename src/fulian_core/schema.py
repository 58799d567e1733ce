"""JSON Schema of the plain data (数据格式说明): what :func:`~fulian_core.serialization.structure`
reads, for an app that checks a payload before it reaches Python, or documents its API.

The schema is made from the converter's own knowledge: it walks a class's attrs fields as the
converter does (required where a field has no default, unknown keys refused), and writes each
kind of value in the form the converter gives it: decimals as strings with a pattern, dates and
times in ISO 8601 (times with their UTC offset), enums by their code with the Chinese label as
the title, periods by their code, whole numbers within the library's bound. What a schema
cannot say (a minimum at most the maximum, codes unique within a sheet) is checked when the
value is built; the class lists it in ``cross_field_rules``, and its schema's ``description``
(the class's docstring) ends with that list. A field's own bounds (at most 1,000 goods) travel
in its attrs metadata, under ``"json_schema"``.

>>> from fulian_core import Level, json_schema
>>> schema = json_schema(Level)
>>> schema["$ref"]
'#/$defs/orgs.Level'
>>> [(choice["const"], choice["title"]) for choice in schema["$defs"]["orgs.Level"]["oneOf"]][:3]
[('national', '全国'), ('province', '省'), ('city', '市')]
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
import types
import typing
from collections import Counter, abc
from decimal import Decimal
from typing import Any, Final, get_args, get_origin

import attrs

from fulian_core._definitions import MAX_WHOLE as _MAX_WHOLE
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._enums import CodedEnum
from fulian_core._persistent import PersistentMap as _PersistentMap
from fulian_core.errors import ValidationError
from fulian_core.orgs import OrgTree, OrgUnit
from fulian_core.periods import _CODE as _PERIOD_CODE
from fulian_core.periods import Period
from fulian_core.privacy import MobileNumber, ResidentId
from fulian_core.quantities import Quantity
from fulian_core.rules.facts import Fact, FactKind
from fulian_core.rules.thresholds import Threshold
from fulian_core.serialization import _FACT_TYPES, _MAX_DIGITS, _is_payload_union
from fulian_core.workflows.declaration import Payload, Transition, Workflow

__all__ = ["json_schema"]

_DRAFT: Final = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema dialect :func:`json_schema` writes (Draft 2020-12)."""

_NUMBER: Final = r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$"
_DATE: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# The standard's date-time format needs an optional package to be checked; the pattern holds
# the shape (seconds and UTC offset required) whatever the validator has installed.
_MOMENT: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?[+-][0-9]{2}:[0-9]{2}$"
_TIME: Final = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
_OFFSET: Final = r"^[+-]([01][0-9]|2[0-3]):[0-5][0-9]$"
# No NUL (storage cuts text at it) and no lone surrogate (UTF-8 cannot write it): what
# serialization's encodable() refuses.
_WRITABLE: Final = r"^[^\u0000\ud800-\udfff]*$"
_RESIDENT_ID: Final = r"^[0-9]{17}[0-9X]$"
_MOBILE: Final = r"^1[3-9][0-9]{9}$"
# The converter writes a workflow as its declaration and a transition without its payload
# class (serialization._configure_workflows): both are code, not data.
_OMITTED: Final[dict[type, frozenset[str]]] = {Workflow: frozenset({"guards"}), Transition: frozenset({"payload"})}


def _anchored(pattern: str) -> str:
    # Python's named groups are not ECMA-262: a schema is read by validators in any language.
    return "^(" + re.sub(r"\?P<\w+>", "", pattern) + ")$"


def json_schema(cls: object) -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of *cls*'s plain data (数据格式说明), as
    :func:`~fulian_core.serialization.unstructure` writes it and
    :func:`~fulian_core.serialization.structure` reads it.

    Classes are described once under ``$defs`` and referred to by ``$ref``; each carries its
    docstring as ``description``, ending with the rules across fields that no schema can state
    (the class's ``cross_field_rules``).
    A type without a plain-data form (a function, a guard) is refused with a
    :class:`~fulian_core.errors.ValidationError`.
    """
    builder = _Builder()
    root = builder.schema(cls)
    schema: dict[str, Any] = {"$schema": _DRAFT}
    name = builder.names.get(cls) if isinstance(cls, type) else None
    if name is not None:
        described = builder.defs[name]
        schema.update({key: described[key] for key in ("title", "description") if key in described})
    schema.update(root)
    if builder.defs:
        schema["$defs"] = dict(sorted(builder.defs.items()))
    return schema


def _description(cls: type) -> str:
    # The docstring says what the value is; a class's ``cross_field_rules`` (data next to the
    # class) list what is checked when it is built that no schema can say.
    text = inspect.getdoc(cls) or ""
    rules = getattr(cls, "cross_field_rules", ())
    if not rules:
        return text
    return text + "\n\nChecked when built, beyond this schema:\n" + "\n".join(f"- {rule}" for rule in rules)


class _Builder:
    """One schema being written: the classes met so far, each described once."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self.names: dict[object, str] = {}
        self.fields: list[str] = []  # the field being described, to say where a type has no form

    def _refuse(self, cls: object) -> typing.NoReturn:
        name = getattr(cls, "__qualname__", None) or repr(cls)
        where = f", in {self.fields[-1]}," if self.fields else ""
        raise ValidationError.single("cls", f"a type with a plain-data form ({name}{where} has none)", name)

    def schema(self, cls: object) -> dict[str, Any]:  # noqa: PLR0911, PLR0912 - one branch per form
        scalar = _scalar(cls)
        if scalar is not None:
            return scalar
        origin = get_origin(cls)
        if origin in (typing.Union, types.UnionType):
            return self._union(cls)
        if isinstance(cls, type) and issubclass(cls, CodedEnum):
            return self._defined(cls, lambda: _enum(cls))
        if cls is Quantity:
            return self._defined(cls, self._quantity)
        if cls is Fact:
            return self._defined(cls, self._fact)
        if cls is OrgTree:
            return self._defined(cls, self._tree)
        if cls is Payload:
            return {
                "type": "object",
                "required": ["kind"],
                "properties": {"kind": {"type": "string"}},
                "description": "a payload, read with its workflow, which declares the payload classes by their 'kind'",
            }
        if origin is _PersistentMap:
            members = get_args(cls)
            return {"type": "object", "additionalProperties": self.schema(members[0])}
        if origin is Workflow:
            return self.schema(Workflow)
        if origin in (tuple, list, abc.Sequence) or cls in (tuple, list):
            return self._sequence(cls)
        if origin is frozenset or cls is frozenset:
            members = get_args(cls)
            return {"type": "array", "uniqueItems": True, **({"items": self.schema(members[0])} if members else {})}
        if origin is not None and isinstance(origin, type) and issubclass(origin, abc.Mapping):
            members = get_args(cls)
            if issubclass(origin, Counter):  # counts by key: Counter[str] holds whole numbers
                members = (*members, int)
            if len(members) != 2 or members[0] is not str:
                self._refuse(cls)  # only text keys make a JSON object
            return {"type": "object", "additionalProperties": self.schema(members[1])}
        if isinstance(cls, type) and attrs.has(cls):
            return self._defined(cls, lambda: self._record(cls))
        return self._refuse(cls)

    def _defined(self, cls: type, describe: typing.Callable[[], dict[str, Any]]) -> dict[str, Any]:
        name = self.names.get(cls)
        if name is None:
            module = cls.__module__.removeprefix("fulian_core.")
            name = cls.__qualname__ if module in {"fulian_core", "builtins"} else f"{module}.{cls.__qualname__}"
            self.names[cls] = name
            self.defs[name] = {}  # a placeholder: a class that contains itself refers to it
            self.defs[name] = {"title": cls.__name__, "description": _description(cls), **describe()}
        return {"$ref": f"#/$defs/{name}"}

    def _union(self, cls: object) -> dict[str, Any]:
        if _is_payload_union(cls):
            return {"oneOf": [self._payload(member) for member in get_args(cls)]}
        return {"anyOf": [self.schema(member) for member in get_args(cls)]}

    def _sequence(self, cls: object) -> dict[str, Any]:
        members = get_args(cls)
        if not members:
            return {"type": "array"}
        if len(members) == 2 and members[1] is Ellipsis:
            return {"type": "array", "items": self.schema(members[0])}
        if get_origin(cls) is tuple:
            count = len(members)
            return {
                "type": "array",
                "prefixItems": [self.schema(member) for member in members],
                "items": False,
                "minItems": count,
                "maxItems": count,
            }
        return {"type": "array", "items": self.schema(members[0])}

    def _record(self, cls: type) -> dict[str, Any]:
        attrs.resolve_types(cls)
        left_out = _OMITTED.get(cls, frozenset())
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init or field.name in left_out:
                continue
            self.fields.append(f"{cls.__qualname__}.{field.name}")
            described = self.schema(field.type)
            self.fields.pop()
            if field.validator is _whole_number:
                described = {**described, "minimum": 0}
            extra = field.metadata.get("json_schema")
            if extra:
                described = {**described, **extra}
            properties[field.name] = described
            if field.default is attrs.NOTHING:
                required.append(field.name)
        record: dict[str, Any] = {"type": "object", "properties": properties, "additionalProperties": False}
        if required:
            record["required"] = required
        return record

    def _payload(self, cls: type[Payload]) -> dict[str, Any]:
        # Written with its tag first: {"kind": "submit", ...} (serialization._unstructure_payload).
        record: dict[str, Any] = self._record(cls) if attrs.has(cls) else {"type": "object", "properties": {}}
        return {
            **record,
            "title": cls.__name__,
            "properties": {"kind": {"const": cls.kind}, **record["properties"]},
            "required": ["kind", *record.get("required", [])],
            "additionalProperties": False,
        }

    def _quantity(self) -> dict[str, Any]:
        return {
            "anyOf": [
                self._record(Quantity),
                {"type": "string", "description": "the figure as a report writes it ('200余场次')"},
            ]
        }

    def _fact(self) -> dict[str, Any]:
        plain = [kind.code for kind in FactKind if kind.code in {"met", "not_met", "unknown", "not_applicable"}]
        properties = {"kind": self.schema(FactKind)}
        properties.update({name: self.schema(field_type) for name, field_type in _FACT_TYPES.items()})
        return {
            "anyOf": [
                {"enum": plain, "description": "a fact without a payload, by its kind"},
                {"type": "object", "properties": properties, "required": ["kind"], "additionalProperties": False},
            ]
        }

    def _tree(self) -> dict[str, Any]:
        return {
            "type": "object",
            "properties": {"units": {"type": "array", "items": self.schema(OrgUnit)}},
            "required": ["units"],
            "additionalProperties": False,
        }


def _text(pattern: str, description: str) -> dict[str, Any]:
    return {"type": "string", "pattern": pattern, "description": description}


_SCALARS: Final[dict[object, dict[str, Any]]] = {
    type(None): {"type": "null"},
    bool: {"type": "boolean"},
    int: {"type": "integer", "minimum": -_MAX_WHOLE, "maximum": _MAX_WHOLE},
    str: _text(_WRITABLE, "text without NUL or lone surrogates (UTF-8)"),
    Decimal: _text(
        _NUMBER, f"a decimal number written as a string, at most {_MAX_DIGITS} digits either side of the point"
    ),
    dt.date: {**_text(_DATE, "an ISO 8601 date (YYYY-MM-DD)"), "format": "date"},
    dt.datetime: {
        **_text(_MOMENT, "an ISO 8601 date and time with its UTC offset, in the years 1900 to 2999 (China time)"),
        "format": "date-time",
    },
    dt.time: _text(_TIME, "a time of day (HH:MM or HH:MM:SS)"),
    dt.timezone: _text(_OFFSET, "a UTC offset (+HH:MM, e.g. '+08:00')"),
    Period: _text(_anchored(_PERIOD_CODE.pattern), "a period code such as '2024', '2024H1', '2024Q3' or '2024-05'"),
    Threshold: {"type": "string", "description": "a threshold written as text ('≥85', '85以上', '超过2/3')"},
    ResidentId: _text(_RESIDENT_ID, "a resident identity card number: 17 digits and a check digit or X"),
    MobileNumber: _text(_MOBILE, "an 11-digit mainland mobile number"),
}


def _scalar(cls: object) -> dict[str, Any] | None:
    try:
        found = _SCALARS.get(cls)
    except TypeError:  # an unhashable annotation
        return None
    return dict(found) if found is not None else None


def _enum(cls: type[CodedEnum]) -> dict[str, Any]:
    return {"type": "string", "oneOf": [{"const": member.code, "title": member.label} for member in cls]}
