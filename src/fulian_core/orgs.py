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
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final, cast

import attrs

from fulian_core._definitions import check_items, check_iterable, check_type, encodable, listed
from fulian_core._enums import CodedEnum
from fulian_core._faults import Faults
from fulian_core._unchecked import builder
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
_LEVEL_LENGTH: Final = {level: length for length, level in _LENGTH_LEVEL.items()}
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


_unit_unchecked = builder(OrgUnit)
"""Units of a validated tree, without re-validating each."""


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
    Look-ups by code are dictionary reads. In a tree built from division codes alone, which is
    checked gap-free, a unit's ancestor at a level is the prefix of its code of that level's
    length, so :meth:`ancestor_at` and :meth:`ancestors_at` are one slice and one read, and the
    tree keeps only the names (parents and levels follow from the codes); other trees follow
    their parents' links. Units are materialized on first access.
    """

    __slots__ = ("_cache", "_children", "_kind", "_level", "_name", "_parent", "_root_length")

    # Codes to names, in the order given: every unit, whatever the tree.
    _name: dict[str, str]
    # Parents and levels of explicitly linked units; None when the codes give them (division
    # codes only), so the tree holds one dictionary per unit, not three.
    _parent: dict[str, str | None] | None
    _level: dict[str, Level] | None
    _kind: dict[str, OrgKind]
    _cache: dict[str, OrgUnit]
    _children: dict[str, list[str]] | None
    # In a tree of division codes, the length of its longest root's code.
    _root_length: int

    def __init__(self, units: Iterable[OrgUnit]) -> None:
        check_iterable(units, "units", "a list of OrgUnit")
        units = tuple(units)
        faults = Faults()
        for index, unit in enumerate(units):
            faults.check(isinstance(unit, OrgUnit), f"units[{index}]", "an OrgUnit", unit)
        faults.raise_if_any(HierarchyError)
        by_code = _index(units)
        _check_links(units, by_code)
        self._parent = {code: unit.parent for code, unit in by_code.items()}
        self._level = {code: unit.level for code, unit in by_code.items()}
        self._name = {code: unit.name for code, unit in by_code.items()}
        self._kind = {code: unit.kind for code, unit in by_code.items() if unit.kind is not OrgKind.GEOGRAPHIC}
        self._cache = by_code
        self._children = None
        self._root_length = 0

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
        # Read twice at most: a fast pass for well-formed input, then, only if it meets
        # anything else, the pass that explains every fault with its position.
        pairs = names.items() if isinstance(names, Mapping) else list(names)
        short = _read_plain_division_codes(pairs)
        if short is None:
            short = _read_division_codes(pairs)
        missing, orphans = _gaps(short)
        if missing and not fill_gaps:
            # Every pair was read into *short* in order (a fault would have been raised), so a
            # code's position among them is its position in the input.
            needed = set(missing.values())
            positions = {code: index for index, code in enumerate(short) if code in needed}
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
        if extra:
            units = [
                OrgUnit(code, name, _LENGTH_LEVEL[len(code)], _parent_in(code, short)) for code, name in short.items()
            ]
            return cls([*units, *extra])
        if missing:
            orphans = [code for code in short if _parent_in(code, short) is None]
        # Gap-free codes give their parents and levels: the tree is valid by construction.
        tree = object.__new__(cls)
        tree._name = short
        tree._parent = None
        tree._level = None
        tree._kind = {}
        tree._cache = {}
        tree._children = None
        # Every root is a province (2 digits) unless an orphan is longer: a code at least as
        # long as the deepest root has each of its prefixes down to that length in the tree.
        tree._root_length = max((len(code) for code in orphans), default=2)
        return tree

    def with_units(self, units: Iterable[OrgUnit]) -> OrgTree:
        """A new tree with *units* added; this tree is unchanged, even when they are refused."""
        return OrgTree([*self, *units])

    # -- reading -----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._name)

    def __iter__(self) -> Iterator[OrgUnit]:
        return (self._materialize(code) for code in self._name)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._name

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, OrgTree):
            return NotImplemented
        if self._name != other._name or self._kind != other._kind:
            return False
        if self._parent is None and other._parent is None:
            return True
        return self._links() == other._links()

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
        parent = self._parent_of
        return tuple(self._materialize(code) for code in self._name if parent(code) is None)

    def _links(self) -> tuple[dict[str, str | None], dict[str, Level]]:
        """Every unit's parent and level (what equality compares beyond the names)."""
        if self._parent is not None and self._level is not None:
            return self._parent, self._level
        return (
            {code: _parent_in(code, self._name) for code in self._name},
            {code: _LENGTH_LEVEL[len(code)] for code in self._name},
        )

    def _parent_of(self, code: str) -> str | None:
        if self._parent is not None:
            return self._parent[code]
        length = _PARENT_LENGTH.get(len(code))
        return code[:length] if length is not None and code[:length] in self._name else None

    def _level_of(self, code: str) -> Level:
        return _LENGTH_LEVEL[len(code)] if self._level is None else self._level[code]

    def _materialize(self, code: str) -> OrgUnit:
        unit = self._cache.get(code)
        if unit is None:
            kind = self._kind.get(code, OrgKind.GEOGRAPHIC)
            unit = _unit_unchecked(code, self._name[code], self._level_of(code), self._parent_of(code), kind)
            self._cache[code] = unit
        return unit

    def _code(self, code: str, path: str = "code") -> str:
        if type(code) is not str:
            check_type(code, str, path)
        if code in self._name:
            return code
        significant = _significant(code)
        if significant is None or significant not in self._name:
            raise UnknownUnitError(code)
        return significant

    def unit(self, code: str) -> OrgUnit:
        """The unit with *code*; division codes may be given zero-padded."""
        return self._materialize(self._code(code))

    def parent(self, code: str) -> OrgUnit | None:
        """The unit's parent, or ``None`` for a root."""
        parent = self._parent_of(self._code(code))
        return None if parent is None else self._materialize(parent)

    def ancestors(self, code: str) -> tuple[OrgUnit, ...]:
        """The unit's ancestors, nearest first."""
        found: list[OrgUnit] = []
        parent = self._parent_of(self._code(code))
        while parent is not None:
            found.append(self._materialize(parent))
            parent = self._parent_of(parent)
        return tuple(found)

    def ancestor_at(self, code: str, level: Level) -> OrgUnit | None:
        """The unit itself or its ancestor at *level*, or ``None`` if the chain has none."""
        if type(level) is not Level:
            check_type(level, Level, "level")
        current = code if type(code) is str and code in self._name else self._code(code)
        found = self._ancestor_code(current, level)
        return None if found is None else self._materialize(found)

    def ancestors_at(self, codes: Iterable[str], level: Level) -> tuple[OrgUnit | None, ...]:
        """For each of *codes*, in order, the unit itself or its ancestor at *level*, or ``None``
        (逐个上溯): :meth:`ancestor_at` for many units at once, refusing an unknown code as it
        does and a code that is not text at its position (``codes[3]``)."""
        if type(level) is not Level:
            check_type(level, Level, "level")
        if not isinstance(codes, (list, tuple)):
            codes = listed(codes, "codes", "a list of unit codes")
        keep = _LEVEL_LENGTH.get(level) if self._parent is None else None
        if keep is not None and keep >= self._root_length:
            by_prefix = self._by_prefix(codes, keep)
            if by_prefix is not None:
                return by_prefix
        names, known, materialize = self._name, self._cache.get, self._materialize
        found: list[OrgUnit | None] = []
        for index, code in enumerate(codes):
            if type(code) is not str or code not in names:
                code = self._code(code, f"codes[{index}]")  # noqa: PLW2901 - the significant form
            ancestor = self._ancestor_code(code, level)
            found.append(None if ancestor is None else known(ancestor) or materialize(ancestor))
        return tuple(found)

    def _by_prefix(self, codes: Sequence[str], keep: int) -> tuple[OrgUnit, ...] | None:
        """The units at the prefixes of *keep* digits of known codes at least that long, in a
        tree whose roots are no longer: one slice and one read each (a checked gap-free tree
        has every such prefix). None at the first other code (padded, unknown, shorter)."""
        names, known, materialize = self._name, self._cache.get, self._materialize
        found: list[OrgUnit] = []
        append = found.append
        for code in codes:
            if type(code) is not str or code not in names or len(code) < keep:
                return None
            append(known(code[:keep]) or materialize(code[:keep]))
        return tuple(found)

    def _ancestor_code(self, code: str, level: Level) -> str | None:
        if self._parent is None:
            keep = _LEVEL_LENGTH.get(level)
            if keep is None or keep > len(code):
                return None
            prefix = code[:keep]
            return prefix if prefix in self._name else None
        parents, levels = self._parent, self._level
        assert levels is not None  # noqa: S101 - set together with the parents
        current: str | None = code
        target = level.ordinal
        while current is not None:
            found = levels[current]
            if found is level:
                return current
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
        parent = self._parent_of(self._code(code))
        while parent is not None:
            depth += 1
            parent = self._parent_of(parent)
        return depth

    def children(self, code: str) -> tuple[OrgUnit, ...]:
        """The units directly under this one, in the order given."""
        return tuple(self._materialize(child) for child in self._child_index().get(self._code(code), ()))

    def descendants(self, code: str) -> tuple[OrgUnit, ...]:
        """Every unit under this one, depth first, in the order given."""
        return tuple(self._materialize(current) for current in self._descendant_codes(self._code(code)))

    def _descendant_codes(self, code: str) -> list[str]:
        index = self._child_index()
        found: list[str] = []
        stack = list(reversed(index.get(code, ())))
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(index.get(current, ())))
        return found

    def units_at(self, level: Level, *, under: str | None = None) -> tuple[OrgUnit, ...]:
        """The units at *level*, all of them or only those under the unit *under*."""
        return tuple(self._materialize(code) for code in self.codes_at(level, under=under))

    def codes_at(self, level: Level, *, under: str | None = None) -> tuple[str, ...]:
        """The codes of the units at *level* (各级单位代码), as :meth:`units_at` lists them, without
        making a unit object for each: what a rollup over many units reads."""
        if type(level) is not Level:
            check_type(level, Level, "level")
        level_of = self._level_of
        if under is not None:
            return tuple(code for code in self._descendant_codes(self._code(under, "under")) if level_of(code) is level)
        return tuple(code for code in self._name if level_of(code) is level)

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
            current = self._parent_of(current)
        return False

    def _child_index(self) -> dict[str, list[str]]:
        if self._children is None:
            index: dict[str, list[str]] = {}
            parent_of = self._parent_of
            for code in self._name:
                parent = parent_of(code)
                if parent is not None:
                    index.setdefault(parent, []).append(code)
            self._children = index
        return self._children


def _parent_in(code: str, present: Mapping[str, str]) -> str | None:
    length = _PARENT_LENGTH.get(len(code))
    return code[:length] if length is not None and code[:length] in present else None


def _read_plain_division_codes(pairs: Iterable[object]) -> dict[str, str] | None:
    """Significant codes to names when every pair is well formed (the common case, read in one
    tight loop), else None: :func:`_read_division_codes` then says what is wrong, and where."""
    short: dict[str, str] = {}
    for pair in pairs:
        if type(pair) is not tuple or len(pair) != 2:
            return None
        raw, name = pair
        if type(raw) is str and len(raw) == 12 and raw.isdigit() and raw.isascii() and raw[9:] != "000":
            code = raw  # a village's code: its own significant form
            if raw[:2] == "00":
                return None
        else:
            significant = _significant(raw)
            if significant is None or not _plausible(significant):
                return None
            code = significant
        if type(name) is not str or not name or name.strip() != name or code in short:
            return None
        short[code] = name
    return short


def _read_division_codes(pairs: Iterable[object]) -> dict[str, str]:
    """Significant codes to names, in the order given, checked while indexed; every fault at once."""
    faults = Faults()
    short: dict[str, str] = {}
    for index, pair in enumerate(pairs):
        if not (isinstance(pair, tuple) and len(pair) == 2):
            faults.add(f"codes[{index}]", "a (code, name) pair", pair)
            continue
        raw, name = pair
        if (
            type(raw) is str
            and len(raw) == 12
            and raw.isdigit()
            and raw.isascii()
            and raw[9:] != "000"
            and raw[:2] != "00"
        ):
            code = raw  # a village's code, the common case: its own significant form
        else:
            significant = _significant(raw)
            if significant is not None and _plausible(significant):
                code = significant
            else:
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
    faults.raise_if_any(HierarchyError)
    return short


def _gaps(short: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """Missing parents (to the first child that needs one) of units with a present ancestor,
    and every unit below a province whose parent is absent (a root or a gap)."""
    missing: dict[str, str] = {}
    parent_lengths = _PARENT_LENGTH
    # The units whose parent is absent (roots, or gaps), found in one comprehension.
    orphans = [code for code in short if len(code) > 2 and code[: parent_lengths[len(code)]] not in short]
    for code in orphans:
        parent_length = parent_lengths[len(code)]
        ancestor = _PARENT_LENGTH.get(parent_length)
        while ancestor is not None and code[:ancestor] not in short:
            ancestor = _PARENT_LENGTH.get(ancestor)
        if ancestor is not None:
            missing.setdefault(code[:parent_length], code)
    return missing, orphans


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
    positions: dict[str, int] = {}  # filled only to word a cycle: no per-unit index otherwise
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
                if not positions:
                    positions.update((member.code, place) for place, member in enumerate(units))
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
