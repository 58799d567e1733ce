"""Building the library's own frozen values without checking them again (免复核构造).

Every public constructor checks its values. On hot paths at national size (a rollup's units,
a replay's million events) the library builds values from parts it has already checked; these
two helpers, the only place that skips the checks, build them then. A user's ``Cls(...)`` and
``attrs.evolve`` are always checked.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import TypeVar

import attrs
from attrs import AttrsInstance

_A = TypeVar("_A", bound=AttrsInstance)


def builder(cls: type[_A]) -> Callable[..., _A]:
    """A function making *cls* (a frozen ``attrs`` class) from its fields' values, in field
    order, without its converters, validators or post-init checks: for values the caller knows
    pass them."""
    names = tuple(field.name for field in attrs.fields(cls))
    if "_attrs_cached_hash" in getattr(cls, "__slots__", ()):
        # Its hash lives in a slot attrs fills in __init__: not for building around it.
        raise TypeError(f"{cls.__qualname__} caches its hash; build it with its constructor")
    slots = tuple(getattr(cls, name, None) for name in names)
    namespace: dict[str, object] = {"_fc_new": object.__new__, "_fc_cls": cls, "_fc_set": object.__setattr__}
    if all(isinstance(slot, types.MemberDescriptorType) for slot in slots):
        namespace.update({f"_fc_set_{index}": slot.__set__ for index, slot in enumerate(slots)})  # type: ignore[union-attr]
        lines = [f"    _fc_set_{index}(_fc_made, _fc_{index})" for index in range(len(names))]
    else:
        lines = [f"    _fc_set(_fc_made, {name!r}, _fc_{index})" for index, name in enumerate(names)]
    # Written out field by field, as attrs writes its own __init__: a loop over the fields
    # costs about three times as much, once a unit of a national tree.
    arguments = ", ".join(f"_fc_{index}" for index in range(len(names)))
    head = [f"def build({arguments}):", "    _fc_made = _fc_new(_fc_cls)"]
    source = "\n".join([*head, *lines, "    return _fc_made"])
    exec(compile(source, f"<unchecked {cls.__qualname__}>", "exec"), namespace)  # noqa: S102 - no text but numbered names and repr()
    return namespace["build"]  # type: ignore[return-value]


def evolve(record: _A, **changes: object) -> _A:
    """*record* with *changes*, without running its converters and validators again: for
    changes built from values already checked (``attrs.evolve`` checks every field again)."""
    cls = type(record)
    known = _NAMES.get(cls)
    if known is None:
        ordered = tuple(field.name for field in attrs.fields(cls))
        known = _NAMES[cls] = (ordered, frozenset(ordered))
    names, named = known
    if not changes.keys() <= named:  # as attrs.evolve refuses a misspelt field
        raise TypeError(f"{cls.__qualname__} has no field {sorted(changes.keys() - named)[0]!r}")
    made = object.__new__(cls)
    for name in names:
        object.__setattr__(made, name, changes[name] if name in changes else getattr(record, name))
    return made


_NAMES: dict[type, tuple[tuple[str, ...], frozenset[str]]] = {}
"""The field names of each class :func:`evolve` has copied (a class's fields never change)."""
