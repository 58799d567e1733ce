"""Cross-village inspection groups (就近跨村验收): nobody inspects their own village.

"把71名村级妇联主席按照就近跨村的原则，划分为52个精致农家专项验收小组" (seed 001, 篇7).
:func:`assign_inspectors` forms groups of nearby inspectors and gives every village to a group
none of whose members lives there, with loads as even as they can be and the least total
travel, by a min-cost flow. The same input always gives the same answer.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import attrs

from fulian_core._definitions import check_items, check_iterable, check_type, listed, mapped
from fulian_core._definitions import whole_number as _whole_number
from fulian_core._faults import Faults
from fulian_core.errors import ValidationError

__all__ = ["Assignment", "InspectionGroup", "Inspector", "VillageDistances", "assign_inspectors"]

_UNREACHABLE = 10**12


@attrs.frozen
class Inspector:
    """An inspector (验收人员) and the village she lives in (e.g. a village federation chair)."""

    id: str
    home: str


def _table(value: Mapping[tuple[str, str], int]) -> Mapping[tuple[str, str], int]:
    return mapped(value, "table", "a mapping of village pairs to distances")


def _villages(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "villages", "a list of village codes")


@attrs.frozen
class VillageDistances:
    """Distances between villages (村间距离), in any whole unit (metres, minutes or hops).

    Build from a table of pairs (:meth:`from_table`) or from which villages are neighbours
    (:meth:`from_adjacency`, distances in hops). A pair without a distance is unreachable.
    """

    villages: tuple[str, ...] = attrs.field(converter=_villages)
    table: Mapping[tuple[str, str], int] = attrs.field(converter=_table)

    @classmethod
    def from_table(cls, villages: Iterable[str], distances: Mapping[tuple[str, str], int]) -> VillageDistances:
        """Symmetric distances from a table of pairs."""
        names = tuple(dict.fromkeys(villages))
        faults = Faults()
        table: dict[tuple[str, str], int] = {(v, v): 0 for v in names}
        for (first, second), distance in distances.items():
            path = f"distances[{first!r}, {second!r}]"
            faults.check(first in names and second in names, path, "a pair of known villages", (first, second))
            faults.check(
                isinstance(distance, int) and not isinstance(distance, bool) and distance >= 0,
                path,
                "a whole distance >= 0",
                distance,
            )
            table[(first, second)] = distance
            table[(second, first)] = distance
        faults.raise_if_any()
        return cls(names, table)

    @classmethod
    def from_adjacency(cls, villages: Iterable[str], neighbours: Iterable[tuple[str, str]]) -> VillageDistances:
        """Distances in hops from which villages border each other."""
        names = cast(
            "tuple[str, ...]", tuple(dict.fromkeys(check_items(villages, str, "villages", "a list of village codes")))
        )
        check_iterable(neighbours, "neighbours", "a list of (village, village) pairs")
        graph: dict[str, list[str]] = {name: [] for name in names}
        faults = Faults()
        for index, pair in enumerate(cast("Iterable[object]", neighbours)):
            if not (isinstance(pair, (tuple, list)) and len(pair) == 2):
                faults.add(f"neighbours[{index}]", "a pair of known villages", type(pair).__name__)
                continue
            first, second = pair
            if faults.check(
                isinstance(first, str) and isinstance(second, str) and first in graph and second in graph,
                f"neighbours[{index}]",
                "a pair of known villages",
                (first, second),
            ):
                graph[first].append(second)
                graph[second].append(first)
        faults.raise_if_any()
        table: dict[tuple[str, str], int] = {}
        for start in names:
            seen = {start: 0}
            queue = deque([start])
            while queue:
                current = queue.popleft()
                for nxt in graph[current]:
                    if nxt not in seen:
                        seen[nxt] = seen[current] + 1
                        queue.append(nxt)
            for end, hops in seen.items():
                table[(start, end)] = hops
        return cls(names, table)

    def between(self, first: str, second: str) -> int | None:
        """The distance between two villages, or ``None`` when unreachable."""
        try:
            return self.table.get((first, second))
        except TypeError:  # an unhashable code (a list, a signalling NaN)
            check_type(first, str, "first", "a village code")
            check_type(second, str, "second", "a village code")
            raise


def _members(value: Iterable[Inspector]) -> tuple[Inspector, ...]:
    return listed(value, "members", "a list of inspectors")


def _group_villages(value: Iterable[str]) -> tuple[str, ...]:
    return listed(value, "villages", "a list of village codes")


@attrs.frozen
class InspectionGroup:
    """An acceptance group (验收小组): its members and the villages it inspects."""

    number: int = attrs.field(validator=_whole_number)
    members: tuple[Inspector, ...] = attrs.field(converter=_members)
    villages: tuple[str, ...] = attrs.field(converter=_group_villages)

    @property
    def homes(self) -> frozenset[str]:
        """The villages the members live in (which the group never inspects)."""
        return frozenset(member.home for member in self.members)


def _groups(value: Iterable[InspectionGroup]) -> tuple[InspectionGroup, ...]:
    return listed(value, "groups", "a list of inspection groups")


@attrs.frozen
class Assignment:
    """Groups and the villages each inspects, with the total travel (验收分组方案)."""

    groups: tuple[InspectionGroup, ...] = attrs.field(converter=_groups)
    travel: int = attrs.field(validator=_whole_number)

    def group_of(self, village: str) -> InspectionGroup:
        """The group that inspects *village*."""
        for group in self.groups:
            if village in group.villages:
                return group
        raise ValidationError.single("village", "a village of the assignment", village)

    @property
    def loads(self) -> tuple[int, ...]:
        """How many villages each group inspects."""
        return tuple(len(group.villages) for group in self.groups)


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if index < extra else 0) for index in range(parts)]


def assign_inspectors(
    inspectors: Sequence[Inspector],
    villages: Sequence[str],
    distances: VillageDistances,
    *,
    groups: int,
) -> Assignment:
    """Form *groups* groups of nearby inspectors and assign every village to one of them.

    Group sizes and loads differ by at most one. A group's travel to a village is the distance
    from its nearest member's home. Raises :class:`~fulian_core.errors.ValidationError`
    saying why when no assignment keeps everyone out of their own village.
    """
    inspectors = check_items(inspectors, Inspector, "inspectors", "a list of inspectors")  # type: ignore[assignment]
    villages = check_items(villages, str, "villages", "a list of village names")  # type: ignore[assignment]
    check_type(distances, VillageDistances, "distances")
    check_type(groups, int, "groups")
    faults = Faults()
    faults.check(
        isinstance(groups, int) and not isinstance(groups, bool) and groups >= 1,
        "groups",
        "a whole number of groups >= 1",
        groups,
    )
    faults.check(bool(inspectors), "inspectors", "at least one inspector", [])
    faults.check(bool(villages), "villages", "at least one village", [])
    known = set(distances.villages)
    ids: set[str] = set()
    for index, inspector in enumerate(inspectors):
        faults.check(inspector.home in known, f"inspectors[{index}].home", "a village with distances", inspector.home)
        faults.check(inspector.id not in ids, f"inspectors[{index}].id", "an id not used before", inspector.id)
        ids.add(inspector.id)
    for index, village in enumerate(villages):
        faults.check(village in known, f"villages[{index}]", "a village with distances", village)
    faults.raise_if_any()
    if groups > len(inspectors):
        raise ValidationError.single("groups", f"at most one group per inspector ({len(inspectors)})", groups)
    formed = _form_groups(list(inspectors), groups, distances)
    loads = _split(len(villages), groups)
    chosen, travel = _assign(formed, list(villages), loads, distances)
    result = tuple(
        InspectionGroup(number + 1, tuple(members), tuple(chosen[number])) for number, members in enumerate(formed)
    )
    return Assignment(result, travel)


def _form_groups(inspectors: list[Inspector], count: int, distances: VillageDistances) -> list[list[Inspector]]:
    order = {village: index for index, village in enumerate(distances.villages)}
    pool = sorted(inspectors, key=lambda inspector: (order[inspector.home], inspector.id))
    formed: list[list[Inspector]] = []
    for size in _split(len(pool), count):
        seed = pool.pop(0)
        group = [seed]
        while len(group) < size:
            nearest = min(
                pool,
                key=lambda other: (
                    distances.between(seed.home, other.home) or _UNREACHABLE,
                    order[other.home],
                    other.id,
                ),
            )
            pool.remove(nearest)
            group.append(nearest)
        formed.append(group)
    return formed


def _assign(
    formed: list[list[Inspector]], villages: list[str], loads: list[int], distances: VillageDistances
) -> tuple[list[list[str]], int]:
    """Min-cost flow: source → group (its load) → village (no own village) → sink."""
    # Every group takes the base load; the flow itself picks which groups take one more (via
    # the `extra` node), so loads differ by at most one whichever groups can best take them.
    network = _Network(3 + len(formed) + len(villages))
    source, sink, extra, first_village = 0, network.size - 1, network.size - 2, 1 + len(formed)
    base = min(loads)
    network.edge(source, extra, sum(loads) - base * len(formed), 0)
    for number in range(len(formed)):
        network.edge(source, 1 + number, base, 0)
        network.edge(extra, 1 + number, 1, 0)
    for number, members in enumerate(formed):
        homes = {member.home for member in members}
        for index, village in enumerate(villages):
            reach = [d for member in members if (d := distances.between(member.home, village)) is not None]
            if village not in homes and reach:
                network.edge(1 + number, first_village + index, 1, min(reach))
    for index in range(len(villages)):
        network.edge(first_village + index, sink, 1, 0)
    flow, travel = network.min_cost_flow(source, sink, len(villages))
    chosen = [
        [
            villages[to - first_village]
            for to, capacity, _, _ in network.edges[1 + number]
            if first_village <= to < extra and capacity == 0
        ]
        for number in range(len(formed))
    ]
    if flow < len(villages):
        assigned = {village for group in chosen for village in group}
        stranded = [village for village in villages if village not in assigned]
        raise ValidationError.single(
            "villages",
            "villages each reachable by a group without a member from it, within balanced loads "
            f"({'/'.join(map(str, sorted(set(loads))))} villages per group)",
            f"unassigned: {', '.join(stranded)}",
        )
    return chosen, travel


class _Network:
    """A flow network; edges are [to, capacity, cost, index of the reverse edge]."""

    __slots__ = ("edges", "size")

    def __init__(self, size: int) -> None:
        self.size = size
        self.edges: list[list[list[int]]] = [[] for _ in range(size)]

    def edge(self, start: int, end: int, capacity: int, cost: int) -> None:
        self.edges[start].append([end, capacity, cost, len(self.edges[end])])
        self.edges[end].append([start, 0, -cost, len(self.edges[start]) - 1])

    def min_cost_flow(self, source: int, sink: int, wanted: int) -> tuple[int, int]:
        """Push up to *wanted* units along cheapest paths (successive shortest paths)."""
        flow = travel = 0
        while flow < wanted:
            cost, previous = self._cheapest(source)
            if previous[sink] is None:
                break
            node = sink
            while node != source:
                parent, slot = previous[node] or (source, 0)
                self.edges[parent][slot][1] -= 1
                to, _, _, reverse = self.edges[parent][slot]
                self.edges[to][reverse][1] += 1
                node = parent
            flow += 1
            travel += cost[sink]
        return flow, travel

    def _cheapest(self, source: int) -> tuple[list[int], list[tuple[int, int] | None]]:
        # SPFA (costs can be negative on reverse edges); ties keep the first edge found, so
        # the same input always gives the same paths.
        cost = [_UNREACHABLE] * self.size
        previous: list[tuple[int, int] | None] = [None] * self.size
        cost[source] = 0
        queue = deque([source])
        queued = [False] * self.size
        queued[source] = True
        while queue:
            node = queue.popleft()
            queued[node] = False
            for slot, (to, capacity, weight, _) in enumerate(self.edges[node]):
                if capacity > 0 and cost[node] + weight < cost[to]:
                    cost[to] = cost[node] + weight
                    previous[to] = (node, slot)
                    if not queued[to]:
                        queued[to] = True
                        queue.append(to)
        return cost, previous
