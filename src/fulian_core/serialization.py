"""Plain data in and out (序列化): one cattrs converter for every public type.

Decimals travel as strings, dates and times as ISO 8601 (times with their UTC offset), fixed
time zones as their UTC offset (``"+08:00"``), enums by their stable code, periods by their
code, quantities as a record (or, on input, as the text a report writes), thresholds as the
text a rule writes (``"≥85"``, ``"85以上"``), facts as a record of their kind and payload (or,
for the four without a payload, just the kind: ``"met"``). Unknown keys are rejected, and every
fault of a payload is reported at once, each with its path:

>>> from fulian_core import Level, OrgUnit, structure, unstructure, ValidationError
>>> unstructure(OrgUnit("371082", "荣成市", Level.COUNTY))
{'code': '371082', 'name': '荣成市', 'level': 'county', 'parent': None, 'kind': 'geographic'}
>>> try:
...     structure({"code": "371082", "name": "荣成市", "level": "shire", "colour": 1}, OrgUnit)
... except ValidationError as error:
...     faults = error.faults
>>> [fault.path for fault in faults]
['level', 'colour']
>>> str(faults[1])
"colour: expected no such key (unknown keys are rejected), got 'colour'"
"""

from __future__ import annotations

import datetime as dt
import decimal
import json
import types
import typing
from collections import abc
from decimal import Decimal
from typing import Any, Final, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from fulian_core._definitions import MAX_WHOLE as _MAX_WHOLE
from fulian_core._definitions import check_moment as _check_moment
from fulian_core._definitions import encodable as _encodable
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults as _Faults
from fulian_core._persistent import PersistentMap as _PersistentMap
from fulian_core.calendars import CHINA_STANDARD_TIME as _CST
from fulian_core.errors import Fault, ValidationError, join_path
from fulian_core.orgs import OrgTree, OrgUnit
from fulian_core.periods import Period
from fulian_core.privacy import MobileNumber, ResidentId
from fulian_core.quantities import Quantity
from fulian_core.rules.facts import Fact, FactKind
from fulian_core.rules.thresholds import Threshold
from fulian_core.workflows.declaration import Payload, Transition, Workflow
from fulian_core.workflows.engine import Case

__all__ = ["configure_converter", "converter", "make_converter", "structure", "structure_case", "unstructure"]

_T = TypeVar("_T")


class _Missing:
    def __repr__(self) -> str:
        return "nothing"


_MISSING = _Missing()
# Decimals in payloads stay within 30 digits either side of the point: '1e999999' is refused
# before anything computes with it.
_MAX_DIGITS = 30


def _strict_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError.single("", "a whole number", value)
    if not -_MAX_WHOLE <= value <= _MAX_WHOLE:
        raise ValidationError.single("", "a whole number of at most 15 digits", value)
    return value


def _strict_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise ValidationError.single("", "text", value)
    if not _encodable(value):
        raise ValidationError.single("", "text without NUL or lone surrogates (UTF-8)", "<text that cannot be encoded>")
    return value


def _strict_bool(value: object, _: type) -> bool:
    if not isinstance(value, bool):
        raise ValidationError.single("", "true or false", value)
    return value


def _structure_decimal(value: object, _: type) -> Decimal:
    # Never from a float: money and figures stay exact.
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValidationError.single("", "a decimal number written as a string", value)
    try:
        number = Decimal(value)
    except decimal.InvalidOperation:
        raise ValidationError.single("", "a decimal number written as a string", value) from None
    if not number.is_finite():
        raise ValidationError.single("", "a finite decimal number", value)
    if number and not -_MAX_DIGITS <= number.adjusted() < _MAX_DIGITS:
        raise ValidationError.single(
            "", f"a decimal number of at most {_MAX_DIGITS} digits either side of the point", value
        )
    return number


def _structure_date(value: object, _: type) -> dt.date:
    if not isinstance(value, str) or len(value) != 10:
        raise ValidationError.single("", "an ISO 8601 date (YYYY-MM-DD)", value)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("", "an ISO 8601 date (YYYY-MM-DD)", value) from None


def _structure_datetime(value: object, _: type) -> dt.datetime:
    expected = "an ISO 8601 date and time with its UTC offset (YYYY-MM-DDTHH:MM:SS+08:00)"
    if not isinstance(value, str) or not 19 <= len(value) <= 40:
        raise ValidationError.single("", expected, value)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("", expected, value) from None
    if moment.utcoffset() is None:
        raise ValidationError.single("", expected, value)
    faults = _Faults()
    _check_moment(moment, "", faults)
    faults.raise_if_any()
    return moment


def _structure_time(value: object, _: type) -> dt.time:
    expected = "a time of day (HH:MM or HH:MM:SS)"
    if not isinstance(value, str) or len(value) not in {5, 8}:
        raise ValidationError.single("", expected, value)
    try:
        moment = dt.time.fromisoformat(value)
    except ValueError:
        raise ValidationError.single("", expected, value) from None
    return moment


def _unstructure_time_zone(zone: dt.timezone) -> str:
    minutes = zone.utcoffset(None) // dt.timedelta(minutes=1)
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def _structure_time_zone(value: object, _: type) -> dt.timezone:
    expected = "a UTC offset (+HH:MM, e.g. '+08:00')"
    if not isinstance(value, str) or len(value) != 6 or value[0] not in "+-" or value[3] != ":":
        raise ValidationError.single("", expected, value)
    hours, minutes = value[1:3], value[4:6]
    if not (hours.isascii() and hours.isdigit() and minutes.isascii() and minutes.isdigit()):
        raise ValidationError.single("", expected, value)
    if int(hours) > 23 or int(minutes) > 59:
        raise ValidationError.single("", expected, value)
    offset = dt.timedelta(hours=int(hours), minutes=int(minutes)) * (-1 if value[0] == "-" else 1)
    # China Standard Time comes back as itself, with its name.
    return _CST if offset == _CST.utcoffset(None) else dt.timezone(offset)


def _structure_period(value: object, _: type) -> Period:
    if not isinstance(value, str):
        raise ValidationError.single("", "a period code such as '2024Q3'", value)
    try:
        return Period.from_code(value)
    except ValidationError as error:
        raise ValidationError.single("", error.expected, value) from None


def _structure_coded_enum(value: object, cls: type[CodedEnum]) -> CodedEnum:
    if not isinstance(value, str):
        raise ValidationError.single("", f"a {cls.__name__} code", value)
    return cls.from_code(value, path="")


def _set_order(value: Any) -> Any:
    # Sets travel sorted, so the same set always gives the same list; enums by their code.
    return value.code if isinstance(value, CodedEnum) else value


def _is_frozenset(cls: object) -> bool:
    return cls is frozenset or get_origin(cls) is frozenset


def _is_coded_enum(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, CodedEnum)


def configure_converter(conv: cattrs.Converter) -> None:
    """Teach *conv* the plain-data forms of fulian_core's types (idempotent)."""
    # First, so that the hooks registered below for particular classes take precedence.
    conv.register_structure_hook_factory(attrs.has, lambda cls: _refusing_text_for_collections(conv, cls))
    conv.register_structure_hook(int, _strict_int)
    conv.register_structure_hook(str, _strict_str)
    conv.register_structure_hook(bool, _strict_bool)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_structure_hook(Decimal, _structure_decimal)
    conv.register_unstructure_hook(dt.date, dt.date.isoformat)
    conv.register_structure_hook(dt.date, _structure_date)
    conv.register_unstructure_hook(dt.datetime, dt.datetime.isoformat)
    conv.register_structure_hook(dt.datetime, _structure_datetime)
    _configure_times(conv)
    conv.register_unstructure_hook_func(_is_coded_enum, lambda member: member.code)
    # By class, not by predicate: before cattrs 26.1, a hook registered for a class (cattrs'
    # own for Enum) is chosen before any predicate.
    conv.register_structure_hook(CodedEnum, _structure_coded_enum)
    conv.register_unstructure_hook(Period, lambda period: period.code)
    conv.register_structure_hook(Period, _structure_period)
    conv.register_unstructure_hook_func(
        _is_frozenset, lambda values: [conv.unstructure(v) for v in sorted(values, key=_set_order)]
    )

    conv.register_unstructure_hook(ResidentId, lambda value: value.number)
    conv.register_structure_hook(ResidentId, lambda value, _: ResidentId(_strict_str(value, str)))
    conv.register_unstructure_hook(MobileNumber, lambda value: value.number)
    conv.register_structure_hook(MobileNumber, lambda value, _: MobileNumber(_strict_str(value, str)))

    structure_quantity_record = conv.get_structure_hook(Quantity)

    def structure_quantity(value: object, cls: type) -> Quantity:
        if isinstance(value, str):
            return Quantity.parse(value)
        return structure_quantity_record(value, cls)  # type: ignore[no-any-return]

    conv.register_structure_hook(Quantity, structure_quantity)
    conv.register_unstructure_hook(Threshold, str)
    conv.register_structure_hook(Threshold, _structure_threshold)
    _configure_facts(conv)

    unstructure_unit = conv.get_unstructure_hook(OrgUnit)
    structure_units = conv.get_structure_hook(tuple[OrgUnit, ...])
    conv.register_unstructure_hook(OrgTree, lambda tree: {"units": [unstructure_unit(unit) for unit in tree]})

    def structure_tree(value: object, _: type) -> OrgTree:
        if not isinstance(value, dict):
            raise ValidationError.single("", "a mapping with 'units'", value)
        extra = sorted(set(value) - {"units"}, key=str)
        if extra:
            raise ValidationError([Fault(str(key), "no such key (unknown keys are rejected)", key) for key in extra])
        if "units" not in value:
            raise ValidationError.single("units", "a list of units", _MISSING)
        units_data = value["units"]
        if not isinstance(units_data, (list, tuple)):
            raise ValidationError.single("units", "a list of units", units_data)
        try:
            units = structure_units(units_data, tuple[OrgUnit, ...])
        except cattrs.BaseValidationError as error:
            raise ValidationError(_faults(error, "units")) from None
        return OrgTree(units)

    conv.register_structure_hook(OrgTree, structure_tree)
    _configure_workflows(conv)
    _configure_tables(conv)


_COLLECTIONS: frozenset[object] = frozenset(
    {
        tuple,
        list,
        set,
        frozenset,
        abc.Sequence,
        abc.Set,
        abc.MutableSequence,
        abc.MutableSet,
        abc.Collection,
        abc.Iterable,
    }
)


def _is_collection(field_type: object) -> bool:
    origin = get_origin(field_type)
    if origin in (typing.Union, types.UnionType):
        return any(_is_collection(member) for member in get_args(field_type) if member is not type(None))
    return (origin or field_type) in _COLLECTIONS


def _is_mapping(field_type: object) -> bool:
    origin = get_origin(field_type)
    if origin in (typing.Union, types.UnionType):
        return any(_is_mapping(member) for member in get_args(field_type) if member is not type(None))
    target = origin or field_type
    return isinstance(target, type) and issubclass(target, abc.Mapping)


def _refusing_text_for_collections(conv: cattrs.Converter, cls: Any) -> Any:
    return _refusing_text(cls, conv.gen_structure_attrs_fromdict(cls))


def _refusing_text(cls: Any, base: Any) -> Any:
    # A text or a mapping where a list belongs is refused with the field's path, never read as
    # its characters or its keys ("family-9" must not become {"f", "a", ...} and end recusal);
    # a text or a list where a mapping belongs is refused at the field, not where it breaks.
    owner = get_origin(cls) or cls
    attrs.resolve_types(owner)
    fields = [field for field in attrs.fields(owner) if field.init]
    listed = tuple(field.alias or field.name for field in fields if _is_collection(field.type))
    mapped = tuple(field.alias or field.name for field in fields if _is_mapping(field.type))
    if not listed and not mapped:
        return base

    def hook(value: Any, _: type) -> Any:
        if isinstance(value, dict):
            faults = [
                Fault(name, "a list (not a text or a mapping)", value[name])
                for name in listed
                if isinstance(value.get(name), (str, bytes, dict))
            ]
            faults.extend(
                Fault(name, "a mapping (not a text or a list)", value[name])
                for name in mapped
                if name in value and not isinstance(value[name], dict)
            )
            if faults:
                raise ValidationError(faults)
        return base(value, cls)

    return hook


def _configure_facts(conv: cattrs.Converter) -> None:
    conv.register_unstructure_hook(Fact, _fact_unstructurer(conv))
    conv.register_structure_hook(Fact, _fact_structurer(conv))
    facts_type = abc.Mapping[str, Fact]
    conv.register_structure_hook_func(
        lambda cls: cls == facts_type, _facts_structurer(conv, conv.get_structure_hook(facts_type))
    )


def _configure_times(conv: cattrs.Converter) -> None:
    conv.register_unstructure_hook(dt.time, dt.time.isoformat)
    conv.register_structure_hook(dt.time, _structure_time)
    conv.register_unstructure_hook(dt.timezone, _unstructure_time_zone)
    conv.register_structure_hook(dt.timezone, _structure_time_zone)


def _configure_workflows(conv: cattrs.Converter) -> None:
    # A workflow travels as its declaration: states, transitions and the guard codes they
    # name. Guards' predicates and payload classes are code; a workflow read back from data
    # has no guard predicates, so its transitions may name none.
    omit = override(omit=True)
    conv.register_unstructure_hook(Transition, make_dict_unstructure_fn(Transition, conv, payload=omit))
    conv.register_structure_hook(
        Transition,
        _refusing_text(
            Transition, make_dict_structure_fn(Transition, conv, payload=omit, _cattrs_forbid_extra_keys=True)
        ),
    )
    conv.register_unstructure_hook_func(_is_workflow, make_dict_unstructure_fn(Workflow, conv, guards=omit))
    conv.register_structure_hook_func(
        _is_workflow,
        _refusing_text(
            Workflow[object],
            make_dict_structure_fn(Workflow[object], conv, guards=omit, _cattrs_forbid_extra_keys=True),
        ),
    )
    conv.register_unstructure_hook_factory(_is_payload_union, lambda _: lambda value: _unstructure_payload(conv, value))
    conv.register_structure_hook_factory(_is_payload_union, lambda union: _payload_hook(conv, union))
    conv.register_unstructure_hook_func(_is_payload_class, lambda value: _unstructure_payload(conv, value))
    # By predicate, not by class: a class hook would also catch every payload subclass.
    conv.register_structure_hook_func(_is_payload_base, _unknown_payloads)


def _is_table(cls: object) -> bool:
    return cls is _PersistentMap or get_origin(cls) is _PersistentMap


def _configure_tables(conv: cattrs.Converter) -> None:
    # A state's tables (a campaign's nominations by id) travel as JSON objects keyed by their
    # ids, in the table's own order, and come back as the same tables.
    conv.register_unstructure_hook_func(
        _is_table, lambda table: {key: conv.unstructure(value) for key, value in table.items()}
    )

    def structure_table(value: object, cls: Any) -> _PersistentMap[Any]:
        if not isinstance(value, dict):
            raise ValidationError.single("", "a mapping of ids to records", value)
        members = get_args(cls)
        records: Any = types.GenericAlias(dict, (str, members[0] if members else Any))
        return _PersistentMap.from_dict(conv.structure(value, records))

    conv.register_structure_hook_func(_is_table, structure_table)


def _is_payload_class(cls: object) -> bool:
    return isinstance(cls, type) and issubclass(cls, Payload)


def _is_payload_base(cls: object) -> bool:
    return cls is Payload


def _unknown_payloads(value: object, _: type) -> Payload:
    raise ValidationError.single(
        "",
        "a payload read with its workflow, which declares the payload classes: structure(data, cls, workflow=workflow)",
        value,
    )


def structure_case(data: object, workflow: Workflow[Any]) -> Case:
    """Build a :class:`~fulian_core.workflows.Case` from plain data, reading the payloads of its
    acts as the classes *workflow*'s transitions declare (by their ``kind`` tag):
    ``structure(data, Case, workflow=workflow)``."""
    return structure(data, Case, workflow=workflow)


def _reading_payloads(workflow: object) -> cattrs.Converter:
    """A converter that reads a payload as the class *workflow* declares for its ``kind``."""
    if not isinstance(workflow, Workflow):
        raise ValidationError.single("workflow", "a Workflow", workflow)
    classes = tuple(dict.fromkeys(t.payload for t in workflow.transitions if t.payload is not None))
    conv = make_converter()
    if classes:
        conv.register_structure_hook_func(_is_payload_base, _payload_hook_for(conv, classes))
    return conv


def _is_workflow(cls: object) -> bool:
    return cls is Workflow or get_origin(cls) is Workflow


def _is_payload_union(cls: object) -> bool:
    if get_origin(cls) not in (typing.Union, types.UnionType):
        return False
    members = get_args(cls)
    return bool(members) and all(isinstance(member, type) and issubclass(member, Payload) for member in members)


def _unstructure_payload(conv: cattrs.Converter, value: Payload) -> Any:
    # A payload is written with its tag first: {"kind": "submit", "nomination": ..., ...}.
    fields = attrs.asdict(typing.cast("Any", value), recurse=False) if attrs.has(type(value)) else {}
    return {"kind": value.kind, **{name: conv.unstructure(item) for name, item in fields.items()}}


def _payload_hook(conv: cattrs.Converter, union: Any) -> Any:
    return _payload_hook_for(conv, get_args(union))


def _payload_hook_for(conv: cattrs.Converter, members: tuple[type[Payload], ...]) -> Any:
    by_kind: dict[str, type[Payload]] = {member.kind: member for member in members}
    expected = f"a payload record with its 'kind' ({', '.join(by_kind)})"

    def hook(value: object, _: type) -> Payload:
        if not isinstance(value, dict):
            raise ValidationError.single("", expected, value)
        if "kind" not in value:
            raise ValidationError.single("kind", f"one of {', '.join(by_kind)} (the key is required)", _MISSING)
        member = by_kind.get(value["kind"]) if isinstance(value["kind"], str) else None
        if member is None:
            raise ValidationError.single("kind", f"one of {', '.join(by_kind)}", value["kind"])
        rest = {key: item for key, item in value.items() if key != "kind"}
        try:
            return conv.structure(rest, member)
        except ValidationError:
            raise
        except (cattrs.BaseValidationError, TypeError, ValueError, KeyError, AttributeError) as error:
            raise ValidationError(_faults(error, "")) from None

    return hook


def _structure_threshold(value: object, _: type) -> Threshold:
    if not isinstance(value, str):
        raise ValidationError.single("", "a threshold written as text ('≥85', '85以上', '超过2/3')", value)
    return Threshold.parse(value, path="")


_FACT_TYPES: dict[str, Any] = {
    "rating": str,
    "count": int,
    "points": Decimal,
    "quantity": Quantity,
    "part": Quantity,
    "whole": Quantity,
    "day": dt.date,
    "number": Decimal,
    "source": str,
    "attachments": list[str],
}


# The four facts without a payload, read from their code: values, so one of each serves all.
_PLAIN_FACTS: Final[dict[str, Fact]] = {
    kind.code: Fact(kind) for kind in (FactKind.MET, FactKind.NOT_MET, FactKind.UNKNOWN, FactKind.NOT_APPLICABLE)
}


def _fact_unstructurer(conv: cattrs.Converter) -> Any:
    found, rated, scored = FactKind.FOUND, FactKind.RATED, FactKind.SCORED

    def hook(fact: Fact) -> Any:
        # The facts an inspection holds by the million, written directly; any other the long way.
        if fact.source or fact.attachments:
            return _unstructure_fact(conv, fact)
        kind = fact.kind
        if kind is found:
            return {"kind": "found", "count": fact.count}
        if kind is rated:
            return {"kind": "rated", "rating": fact.rating}
        if kind is scored:
            return {"kind": "scored", "points": str(fact.points)}
        return kind.code if not fact.payload else _unstructure_fact(conv, fact)

    return hook


def _fact_structurer(conv: cattrs.Converter) -> Any:
    plain = _PLAIN_FACTS

    def hook(value: object, _: type) -> Fact:
        # Cheap checks first: a plain kind's code, or a record of the common kinds whose one
        # payload is exactly what the strict hooks accept. Anything else, or anything a check
        # refuses, takes the detailed path, which names every fault by its path.
        if type(value) is str:
            fact = plain.get(value)
            if fact is not None:
                return fact
        elif type(value) is dict and len(value) == 2:  # the kind and one payload
            fact = _common_record(value)
            if fact is not None:
                return fact
        return _structure_fact(conv, value)

    return hook


def _facts_structurer(conv: cattrs.Converter, detailed: Any) -> Any:
    structure_fact = conv.get_structure_hook(Fact)

    def hook(value: object, cls: type) -> Any:
        # Facts by item code: ASCII codes and facts read cheaply; on any refusal the detailed
        # hook reads the whole mapping again and names every fault by its path.
        if type(value) is dict:
            facts: dict[str, Fact] = {}
            try:
                for code, item in value.items():
                    if type(code) is not str or not code.isascii() or "\x00" in code:
                        break
                    facts[code] = structure_fact(item, Fact)
                else:
                    return facts
            except Exception:  # noqa: S110 - the detailed hook below says what was wrong
                pass
        return detailed(value, cls)

    return hook


def _common_record(value: dict[Any, Any]) -> Fact | None:
    """A record of a FOUND, RATED or SCORED fact without source or attachments, or None."""
    kind = value.get("kind")
    try:
        if kind == "found":
            count = value.get("count")
            if type(count) is int:
                return Fact(FactKind.FOUND, count=count)
        elif kind == "rated":
            rating = value.get("rating")
            if type(rating) is str and _encodable(rating):
                return Fact(FactKind.RATED, rating=rating)
        elif kind == "scored":
            points = value.get("points")
            if type(points) is str:
                return Fact(FactKind.SCORED, points=_structure_decimal(points, Decimal))
    except ValidationError:
        return None
    return None


def _unstructure_fact(conv: cattrs.Converter, fact: Fact) -> Any:
    carried = fact.payload
    if not carried and not fact.source and not fact.attachments:
        return fact.kind.code
    data: dict[str, Any] = {"kind": fact.kind.code}
    for name in carried:
        data[name] = conv.unstructure(getattr(fact, name))
    if fact.source:
        data["source"] = fact.source
    if fact.attachments:
        data["attachments"] = list(fact.attachments)
    return data


def _fact_fields(conv: cattrs.Converter, value: dict[Any, Any], faults: list[Fault]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name, field_type in _FACT_TYPES.items():
        if name not in value:
            continue
        if name == "attachments" and isinstance(value[name], (str, bytes, dict)):
            faults.append(Fault(name, "a list (not a text or a mapping)", value[name]))
            continue
        try:
            fields[name] = conv.structure(value[name], field_type)
        except ValidationError as error:
            faults.extend(fault.under(name) for fault in error.faults)
        except cattrs.BaseValidationError as error:
            faults.extend(_faults(error, name))
    return fields


def _structure_fact(conv: cattrs.Converter, value: object) -> Fact:
    expected = "a fact: a record with its 'kind' and payload, or one of 'met', 'not_met', 'unknown', 'not_applicable'"
    if isinstance(value, str):
        plain = FactKind.from_code(value, path="")
        try:
            return Fact(plain)
        except ValidationError:
            raise ValidationError.single("", f"a record with the {plain.code} fact's payload", value) from None
    if not isinstance(value, dict):
        raise ValidationError.single("", expected, value)
    faults: list[Fault] = []
    extra = sorted(set(value) - {"kind", *_FACT_TYPES}, key=str)
    faults.extend(Fault(str(key), "no such key (unknown keys are rejected)", key) for key in extra)
    if "kind" not in value:
        faults.append(Fault("kind", "a value (the key is required)", _MISSING))
        raise ValidationError(faults)
    fields = _fact_fields(conv, value, faults)
    kind: FactKind | None = None
    try:
        kind = FactKind.from_code(value["kind"], path="kind") if isinstance(value["kind"], str) else None
        if kind is None:
            faults.append(Fault("kind", "a FactKind code", value["kind"]))
    except ValidationError as error:
        faults.extend(error.faults)
    if faults or kind is None:
        raise ValidationError(faults)
    if "attachments" in fields:
        fields["attachments"] = tuple(fields["attachments"])
    return Fact(kind, **fields)


def make_converter() -> cattrs.Converter:
    """A new converter configured for fulian_core: strict, path-reporting, rejecting unknown keys."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    configure_converter(conv)
    return conv


converter = make_converter()
"""The ready converter used by :func:`structure` and :func:`unstructure`."""


def unstructure(value: object) -> Any:
    """*value* as JSON-compatible plain data (dicts, lists, strings, numbers, None).

    Plain data is what leaves the library for JSON, a database or another process, so it never
    holds text that cannot be written as UTF-8 (a lone surrogate) or that storage cuts short
    (NUL): a value built in code with such text is refused here, naming where it is, as
    :func:`structure` refuses it on the way in."""
    data = converter.unstructure(value)
    _check_writable(data)
    return data


def _check_writable(data: object) -> None:
    try:
        written = json.dumps(data, ensure_ascii=False)
        written.encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        pass  # not JSON as it stands (a tuple key), or unencodable: look closely below
    else:
        if "\\u0000" not in written:
            return
    path = _unwritable(data, "")
    if path is not None:
        raise ValidationError.single(
            path, "text without NUL or lone surrogates (UTF-8)", "<text that cannot be encoded>"
        )


def _unwritable(data: object, path: str) -> str | None:
    """The path of the first text in *data* that cannot be written (an explicit stack: no
    recursion on deep data)."""
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        item, where = stack.pop()
        if isinstance(item, str):
            if not _encodable(item):
                return where
        elif isinstance(item, dict):
            for key, inner in item.items():
                if isinstance(key, str) and not _encodable(key):
                    return where
                stack.append((inner, join_path(where, str(key))))
        elif isinstance(item, (list, tuple)):
            stack.extend((inner, f"{where}[{index}]") for index, inner in enumerate(item))
    return None


def structure(data: object, cls: type[_T], *, workflow: Workflow[Any] | None = None) -> _T:
    """Build a *cls* from plain data, or raise :class:`~fulian_core.errors.ValidationError` with
    every fault of the payload, each with its path.

    Acts carry payloads of the classes their workflow declares: give *workflow* to read them
    (a case, a list of acts — ``structure(data, list[RoundAct], workflow=REPORT_WORKFLOW)``)."""
    wanted: object = cls  # typed as a class, but a caller may pass anything
    if not isinstance(wanted, type) and typing.get_origin(wanted) is None:
        raise ValidationError.single("cls", "a type to build", type(wanted).__name__)
    conv = converter if workflow is None else _reading_payloads(workflow)
    try:
        return conv.structure(data, cls)
    except ValidationError as error:
        raise error from None
    except cattrs.errors.StructureHandlerNotFoundError:
        name = getattr(cls, "__qualname__", repr(cls))
        raise ValidationError.single("", f"a type with a plain-data form ({name} has none)", name) from None
    except (
        cattrs.BaseValidationError,
        TypeError,
        ValueError,
        KeyError,
        AttributeError,
        RecursionError,
    ) as error:
        raise ValidationError(_faults(error, "")) from None


def _faults(error: BaseException, path: str) -> list[Fault]:  # noqa: PLR0911 - one return per error kind
    if isinstance(error, ValidationError):
        return [fault.under(path) for fault in error.faults]
    if isinstance(error, ForbiddenExtraKeysError):
        return [
            Fault(join_path(path, str(key)), "no such key (unknown keys are rejected)", key)
            for key in sorted(error.extra_fields, key=str)
        ]
    if isinstance(error, ClassValidationError):
        with_notes, without = error.group_exceptions()
        found = [fault for inner, note in with_notes for fault in _faults(inner, join_path(path, note.name))]
        return found + [fault for inner in without for fault in _faults(inner, path)]
    if isinstance(error, IterableValidationError):
        with_index, without = error.group_exceptions()
        found = [
            fault
            for inner, note in with_index
            for fault in _faults(
                inner,
                f"{path}[{note.index!r}]" if isinstance(note.index, str) else f"{path}[{note.index}]",
            )
        ]
        return found + [fault for inner in without for fault in _faults(inner, path)]
    if isinstance(error, KeyError):
        return [Fault(path, "a value (the key is required)", _MISSING)]
    if isinstance(error, cattrs.BaseValidationError):
        return [fault for inner in error.exceptions for fault in _faults(inner, path)]
    return [Fault(path, "a value of the right shape", str(error))]
