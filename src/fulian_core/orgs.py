"""The administrative hierarchy of federations (组织/行政区划).

Levels run from 全国 down to 网格/妇女小组. Units are built from 12-digit statistical division
codes (统计用区划代码), whose prefixes give the parent, or linked explicitly for units that
are not geographic (两新组织 federations, 妇委会 of agencies):

>>> from fulian_core import OrgTree, Level
>>> tree = OrgTree.from_division_codes({
...     "371082": "荣成市", "371082103": "人和镇", "371082103201": "院东村",
... })
>>> tree.ancestor_at("371082103201", Level.COUNTY).name
'荣成市'
>>> [unit.name for unit in tree.path("371082103201")]
['荣成市', '人和镇', '院东村']
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Final, cast

import attrs

from fulian_core._definitions import check_items, check_iterable, check_type, encodable
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core.errors import Fault, HierarchyError, UnknownUnitError, ValidationError

__all__ = [
    "Level",
    "OrgKind",
    "OrgTree",
    "OrgUnit",
    "division_level",
    "normalize_division_code",
    "pad_division_code",
]


class Level(CodedEnum):
    """The level of a unit in the hierarchy (层级), top down."""

    NATIONAL = ("national", "全国")
    PROVINCE = ("province", "省")
    CITY = ("city", "市")
    COUNTY = ("county", "县")
    TOWNSHIP = ("township", "乡镇")
    VILLAGE = ("village", "村")
    GRID = ("grid", "网格/妇女小组")

    @property
    def rank(self) -> int:
        """0 for 全国, increasing downwards."""
        return self.ordinal


class OrgKind(CodedEnum):
    """What kind of organisation a unit is (组织类型)."""

    GEOGRAPHIC = ("geographic", "地方妇联")
    NEW_ORGANISATION = ("new_organisation", "两新组织妇联")
    AGENCY = ("agency", "机关妇委会")
    OTHER = ("other", "其他")


# Significant length of a division code by level, and back.
_LENGTH_LEVEL: Final = {
    2: Level.PROVINCE,
    4: Level.CITY,
    6: Level.COUNTY,
    9: Level.TOWNSHIP,
    12: Level.VILLAGE,
}
_PARENT_LENGTH: Final = {4: 2, 6: 4, 9: 6, 12: 9}
_LONGEST_TEXT: Final = 64
_ZERO_TAILS: Final = ((2, "0000000000"), (4, "00000000"), (6, "000000"), (9, "000"))


def normalize_division_code(code: str, *, path: str = "code") -> str:
    """The significant form of a division code: ``371082000000`` → ``371082``.

    Accepts the short forms (2, 4, 6, 9, 12 digits) and the zero-padded 12-digit form; full-width
    digits typed on a phone (``３７１０８２``) are read as digits. Anything else is refused.
    """
    given = code
    if isinstance(code, str) and len(code) <= _LONGEST_TEXT and not code.isascii():
        code = unicodedata.normalize("NFKC", code)
    if not isinstance(code, str) or not code.isascii() or not code.isdigit():
        raise ValidationError.single(path, "a division code of 2, 4, 6, 9 or 12 digits", given)
    original = code
    length = len(code)
    if length == 12:
        for keep, tail in _ZERO_TAILS:
            if code.endswith(tail):
                code = code[:keep]
                break
        length = len(code)
    if length not in _LENGTH_LEVEL:
        raise ValidationError.single(path, "a division code of 2, 4, 6, 9 or 12 digits", code)
    if code.startswith("00") or (length > 2 and code.endswith("00" if length in (4, 6) else "000")):
        raise ValidationError.single(path, "a division code whose last part is not all zeros", original)
    return code


def pad_division_code(code: str) -> str:
    """The zero-padded 12-digit form of a division code: ``371082`` → ``371082000000``."""
    return normalize_division_code(code).ljust(12, "0")


def division_level(code: str) -> Level:
    """The level a division code denotes (2 digits a province … 12 a village)."""
    return _LENGTH_LEVEL[len(normalize_division_code(code))]


def _check_text(value: object, path: str, faults: Faults) -> None:
    if faults.check(
        isinstance(value, str) and value.strip() == value and bool(value),
        path,
        "non-empty text without surrounding spaces",
        value,
    ):
        assert isinstance(value, str)  # noqa: S101 - narrowed by the check
        faults.check(
            encodable(value), path, "text without NUL or lone surrogates (UTF-8)", "<text that cannot be encoded>"
        )


@attrs.frozen
class OrgUnit:
    """A unit of the hierarchy (组织单位): a federation or women's group at one level.

    ``parent`` is the code of the unit it belongs to, or ``None`` for a root.
    """

    code: str
    name: str
    level: Level
    parent: str | None = None
    kind: OrgKind = OrgKind.GEOGRAPHIC

    def __attrs_post_init__(self) -> None:
        faults = Faults()
        _check_text(self.code, "code", faults)
        _check_text(self.name, "name", faults)
        faults.check(isinstance(self.level, Level), "level", "a Level", self.level)
        faults.check(isinstance(self.kind, OrgKind), "kind", "an OrgKind", self.kind)
        if self.parent is not None:
            _check_text(self.parent, "parent", faults)
            faults.check(self.parent != self.code, "parent", "a code other than the unit's own", self.parent)
        faults.raise_if_any()


def _significant(code: object) -> str | None:
    """The significant form of a string of 2, 4, 6, 9 or 12 ASCII digits, else None (fast path)."""
    if not isinstance(code, str) or not code.isascii() or not code.isdigit():
        return None
    if len(code) == 12:
        for keep, tail in _ZERO_TAILS:
            if code.endswith(tail):
                return code[:keep]
        return code
    return code if len(code) in _LENGTH_LEVEL else None


def _plausible(code: str) -> bool:
    """Whether a significant code has no all-zero last part (else the slow path explains)."""
    if code.startswith("00"):
        return False
    length = len(code)
    return length == 2 or not code.endswith("000" if length > 6 else "00")


class OrgTree:
    """A validated hierarchy of units (组织树): one parent each, no cycles, unique codes.

    A tree is a value: :meth:`with_units` returns a new tree and leaves this one unchanged.
    Look-ups by code are dictionary reads; ancestors are found by following parents, never by
    scanning the tree. Units built from division codes are materialized on first access.
    """

    __slots__ = ("_cache", "_children", "_codes", "_kind", "_level", "_name", "_parent")

    _codes: list[str]
    _parent: dict[str, str | None]
    _level: dict[str, Level]
    _name: dict[str, str]
    _kind: dict[str, OrgKind]
    _cache: dict[str, OrgUnit]
    _children: dict[str, list[str]] | None

    def __init__(self, units: Iterable[OrgUnit]) -> None:
        check_iterable(units, "units", "a list of OrgUnit")
        units = tuple(units)
        faults = Faults()
        for index, unit in enumerate(units):
            faults.check(isinstance(unit, OrgUnit), f"units[{index}]", "an OrgUnit", unit)
        faults.raise_if_any(HierarchyError)
        by_code = _index(units)
        _check_links(units, by_code)
        self._codes = list(by_code)
        self._parent = {code: unit.parent for code, unit in by_code.items()}
        self._level = {code: unit.level for code, unit in by_code.items()}
        self._name = {code: unit.name for code, unit in by_code.items()}
        self._kind = {code: unit.kind for code, unit in by_code.items() if unit.kind is not OrgKind.GEOGRAPHIC}
        self._cache = by_code
        self._children = None

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_division_codes(
        cls,
        names: Mapping[str, str] | Iterable[tuple[str, str]],
        *,
        others: Iterable[OrgUnit] = (),
        fill_gaps: bool = False,
    ) -> OrgTree:
        """Build a tree from division codes and names, deriving each parent from the code.

        Codes may be short (``371082103``) or zero-padded (``371082103000``). A unit whose
        whole ancestry is absent becomes a root (a county-only tree is fine); a unit whose
        nearest present ancestor is not its parent is a gap, an error unless ``fill_gaps``,
        which adds the missing units named by their codes. *others* are units linked
        explicitly (两新组织, 妇委会), attached anywhere in the tree.
        """
        if not isinstance(names, Mapping):
            check_iterable(names, "names", "a mapping of codes to names or a list of (code, name) pairs")
        extra = cast("tuple[OrgUnit, ...]", check_items(others, OrgUnit, "others", "a list of OrgUnit"))
        short, positions = _read_division_codes(names.items() if isinstance(names, Mapping) else names)
        missing = _gaps(short)
        if missing and not fill_gaps:
            detail = [
                Fault(
                    f"codes[{positions[child]}]",
                    f"its parent {parent} to be given (or fill_gaps=True)",
                    child,
                )
                for parent, child in sorted(missing.items())
            ]
            raise HierarchyError(detail)
        for code in sorted(missing, key=len):
            # Fill upwards until the chain meets a present unit; a filled unit is named by its code.
            current: str | None = code
            while current is not None and current not in short:
                short[current] = current
                length = _PARENT_LENGTH.get(len(current))
                current = current[:length] if length is not None else None
        parents = {code: _parent_in(code, short) for code in short}
        if extra:
            units = [OrgUnit(code, name, _LENGTH_LEVEL[len(code)], parents[code]) for code, name in short.items()]
            return cls([*units, *extra])
        # Codes derive their parents, so the tree is valid by construction.
        tree = object.__new__(cls)
        tree._codes = list(short)
        tree._name = short
        tree._level = {code: _LENGTH_LEVEL[len(code)] for code in short}
        tree._parent = parents
        tree._kind = {}
        tree._cache = {}
        tree._children = None
        return tree

    def with_units(self, units: Iterable[OrgUnit]) -> OrgTree:
        """A new tree with *units* added; this tree is unchanged, even when they are refused."""
        return OrgTree([*self, *units])

    # -- reading -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._codes)

    def __iter__(self) -> Iterator[OrgUnit]:
        return (self._materialize(code) for code in self._codes)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._parent

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OrgTree):
            return NotImplemented
        mine = (self._parent, self._level, self._name, self._kind)
        return mine == (other._parent, other._level, other._name, other._kind)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<OrgTree: {len(self)} units, roots {[unit.code for unit in self.roots][:5]}>"

    @property
    def units(self) -> tuple[OrgUnit, ...]:
        """Every unit, in the order given."""
        return tuple(self)

    @property
    def roots(self) -> tuple[OrgUnit, ...]:
        """The units without a parent."""
        return tuple(self._materialize(code) for code in self._codes if self._parent[code] is None)

    def _materialize(self, code: str) -> OrgUnit:
        unit = self._cache.get(code)
        if unit is None:
            kind = self._kind.get(code, OrgKind.GEOGRAPHIC)
            unit = _unit_unchecked(code, self._name[code], self._level[code], self._parent[code], kind)
            self._cache[code] = unit
        return unit

    def _code(self, code: str) -> str:
        if type(code) is not str:
            check_type(code, str, "code")
        if code in self._parent:
            return code
        significant = _significant(code)
        if significant is None or significant not in self._parent:
            raise UnknownUnitError(code)
        return significant

    def unit(self, code: str) -> OrgUnit:
        """The unit with *code*; division codes may be given zero-padded."""
        return self._materialize(self._code(code))

    def parent(self, code: str) -> OrgUnit | None:
        """The unit's parent, or ``None`` for a root."""
        parent = self._parent[self._code(code)]
        return None if parent is None else self._materialize(parent)

    def ancestors(self, code: str) -> tuple[OrgUnit, ...]:
        """The unit's ancestors, nearest first."""
        found: list[OrgUnit] = []
        parents = self._parent
        parent = parents[self._code(code)]
        while parent is not None:
            found.append(self._materialize(parent))
            parent = parents[parent]
        return tuple(found)

    def ancestor_at(self, code: str, level: Level) -> OrgUnit | None:
        """The unit itself or its ancestor at *level*, or ``None`` if the chain has none."""
        check_type(level, Level, "level")
        parents, levels = self._parent, self._level
        current: str | None = code if type(code) is str and code in parents else self._code(code)
        target = level.ordinal
        while current is not None:
            found = levels[current]
            if found is level:
                return self._materialize(current)
            if found.ordinal > target:
                current = parents[current]
            else:
                return None
        return None

    def path(self, code: str) -> tuple[OrgUnit, ...]:
        """The units from the root down to and including this one."""
        return (*reversed(self.ancestors(code)), self.unit(code))

    def depth(self, code: str) -> int:
        """The number of ancestors."""
        depth = 0
        parent = self._parent[self._code(code)]
        while parent is not None:
            depth += 1
            parent = self._parent[parent]
        return depth

    def children(self, code: str) -> tuple[OrgUnit, ...]:
        """The units directly under this one, in the order given."""
        return tuple(self._materialize(child) for child in self._child_index().get(self._code(code), ()))

    def descendants(self, code: str) -> tuple[OrgUnit, ...]:
        """Every unit under this one, depth first, in the order given."""
        index = self._child_index()
        found: list[OrgUnit] = []
        stack = list(reversed(index.get(self._code(code), ())))
        while stack:
            current = stack.pop()
            found.append(self._materialize(current))
            stack.extend(reversed(index.get(current, ())))
        return tuple(found)

    def units_at(self, level: Level, *, under: str | None = None) -> tuple[OrgUnit, ...]:
        """The units at *level*, all of them or only those under the unit *under*."""
        if under is not None:
            return tuple(unit for unit in self.descendants(under) if unit.level is level)
        return tuple(self._materialize(code) for code in self._codes if self._level[code] is level)

    def common_ancestor(self, first: str, second: str) -> OrgUnit | None:
        """The nearest unit that is (or is an ancestor of) both, or ``None`` in different trees."""
        line = {unit.code for unit in self.path(first)}
        for unit in reversed(self.path(second)):
            if unit.code in line:
                return unit
        return None

    def is_within(self, code: str, ancestor: str) -> bool:
        """Whether the unit *code* is *ancestor* or lies under it."""
        target = self._code(ancestor)
        current: str | None = self._code(code)
        while current is not None:
            if current == target:
                return True
            current = self._parent[current]
        return False

    def _child_index(self) -> dict[str, list[str]]:
        if self._children is None:
            index: dict[str, list[str]] = {}
            for code in self._codes:
                parent = self._parent[code]
                if parent is not None:
                    index.setdefault(parent, []).append(code)
            self._children = index
        return self._children


def _parent_in(code: str, present: Mapping[str, str]) -> str | None:
    length = _PARENT_LENGTH.get(len(code))
    return code[:length] if length is not None and code[:length] in present else None


def _unit_unchecked(code: str, name: str, level: Level, parent: str | None, kind: OrgKind) -> OrgUnit:
    # Units of a validated tree: skip per-unit re-validation.
    unit = object.__new__(OrgUnit)
    object.__setattr__(unit, "code", code)
    object.__setattr__(unit, "name", name)
    object.__setattr__(unit, "level", level)
    object.__setattr__(unit, "parent", parent)
    object.__setattr__(unit, "kind", kind)
    return unit


def _read_division_codes(pairs: Iterable[object]) -> tuple[dict[str, str], dict[str, int]]:
    """Significant codes to names, and the position each was given at; every fault at once."""
    faults = Faults()
    short: dict[str, str] = {}
    positions: dict[str, int] = {}
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            faults.add(f"codes[{index}]", "a (code, name) pair", pair)
            continue
        raw, name = pair
        code = _significant(raw)
        if code is None or not _plausible(code):
            try:
                code = normalize_division_code(raw, path=f"codes[{index}]")
            except ValidationError as error:
                faults.extend(list(error.faults))
                continue
        if not (isinstance(name, str) and name and name.strip() == name):
            faults.add(f"codes[{index}].name", "non-empty text without surrounding spaces", name)
        elif code in short:
            faults.add(f"codes[{index}]", f"a code not given before (duplicate of {code})", raw)
        else:
            short[code] = name
            positions[code] = index
    faults.raise_if_any(HierarchyError)
    return short, positions


def _gaps(short: dict[str, str]) -> dict[str, str]:
    """Missing parents (to the first child that needs one) of units with a present ancestor."""
    missing: dict[str, str] = {}
    for code in short:
        parent_length = _PARENT_LENGTH.get(len(code))
        if parent_length is None or code[:parent_length] in short:
            continue
        ancestor = _PARENT_LENGTH.get(parent_length)
        while ancestor is not None and code[:ancestor] not in short:
            ancestor = _PARENT_LENGTH.get(ancestor)
        if ancestor is not None:
            missing.setdefault(code[:parent_length], code)
    return missing


def _index(units: tuple[OrgUnit, ...]) -> dict[str, OrgUnit]:
    by_code: dict[str, OrgUnit] = {}
    faults = Faults()
    for index, unit in enumerate(units):
        previous = by_code.get(unit.code)
        if previous is None:
            by_code[unit.code] = unit
        elif previous.parent != unit.parent:
            faults.add(
                f"units[{index}].parent",
                f"one parent for {unit.code} (already under {previous.parent})",
                unit.parent,
            )
        else:
            faults.add(f"units[{index}].code", "a code not used by another unit", unit.code)
    faults.raise_if_any(HierarchyError)
    return by_code


def _check_links(units: tuple[OrgUnit, ...], by_code: dict[str, OrgUnit]) -> None:
    faults = Faults()
    positions = {unit.code: index for index, unit in enumerate(units)}
    reported_cycles: set[str] = set()
    for index, unit in enumerate(units):
        if unit.parent is None:
            continue
        parent = by_code.get(unit.parent)
        if parent is None:
            faults.add(f"units[{index}].parent", "the code of a unit in the tree", unit.parent)
            continue
        cycle = _cycle_from(unit, by_code)
        if cycle is not None:
            if not reported_cycles.intersection(cycle):
                reported_cycles.update(cycle)
                first = min(cycle, key=positions.__getitem__)
                faults.add(
                    f"units[{positions[first]}].parent",
                    "no cycle (" + " → ".join([*cycle, cycle[0]]) + ")",
                    by_code[first].parent,
                )
            continue
        if parent.level.rank >= unit.level.rank:
            faults.add(
                f"units[{index}].parent",
                f"a parent above {unit.level.label} level ({unit.parent} is {parent.level.label})",
                unit.parent,
            )
    faults.raise_if_any(HierarchyError)


def _cycle_from(unit: OrgUnit, by_code: dict[str, OrgUnit]) -> list[str] | None:
    seen: list[str] = []
    current: OrgUnit | None = unit
    while current is not None and current.parent is not None:
        if current.code in seen:
            start = seen.index(current.code)
            return seen[start:]
        seen.append(current.code)
        current = by_code.get(current.parent)
        if len(seen) > len(by_code):
            break
    return None
