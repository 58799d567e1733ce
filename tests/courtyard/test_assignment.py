"""Cross-village groups (就近跨村): nobody inspects their own village; loads balanced."""

from __future__ import annotations

import pytest

from fulian_core import ValidationError
from fulian_core.courtyard import Assignment, Inspector, VillageDistances, assign_inspectors


def grid(count: int, width: int) -> tuple[list[str], VillageDistances]:
    names = [f"v{index:02d}" for index in range(count)]
    edges = []
    for index in range(count):
        if (index + 1) % width and index + 1 < count:
            edges.append((names[index], names[index + 1]))
        if index + width < count:
            edges.append((names[index], names[index + width]))
    return names, VillageDistances.from_adjacency(names, edges)


def check(assignment: Assignment, villages: list[str]) -> None:
    assigned = [village for group in assignment.groups for village in group.villages]
    assert sorted(assigned) == sorted(villages)
    for group in assignment.groups:
        assert not group.homes & set(group.villages), f"group {group.number} inspects its own village"


def test_the_seed_case_71_chairs_in_52_groups() -> None:
    # seed 001 篇7: "把71名村级妇联主席按照就近跨村的原则，划分为52个精致农家专项验收小组"
    villages, distances = grid(71, 9)
    chairs = [Inspector(f"chair-{village}", village) for village in villages]
    assignment = assign_inspectors(chairs, villages, distances, groups=52)
    check(assignment, villages)
    assert len(assignment.groups) == 52
    assert sorted({len(group.members) for group in assignment.groups}) == [1, 2]
    assert sorted(assignment.loads) == [1] * 33 + [2] * 19
    assert assignment.travel <= 71 * 2  # neighbours or near-neighbours
    assert assign_inspectors(chairs, villages, distances, groups=52) == assignment  # deterministic
    assert assign_inspectors(list(reversed(chairs)), villages, distances, groups=52) == assignment


def test_groups_of_nearby_inspectors_take_nearby_villages() -> None:
    distances = VillageDistances.from_table(
        ["东村", "西村", "南村", "北村"],
        {
            ("东村", "西村"): 2,
            ("东村", "南村"): 5,
            ("东村", "北村"): 9,
            ("西村", "南村"): 4,
            ("西村", "北村"): 6,
            ("南村", "北村"): 3,
        },
    )
    inspectors = [Inspector("a", "东村"), Inspector("b", "西村"), Inspector("c", "南村"), Inspector("d", "北村")]
    assignment = assign_inspectors(inspectors, ["东村", "西村", "南村", "北村"], distances, groups=2)
    assert [[m.id for m in group.members] for group in assignment.groups] == [["a", "b"], ["c", "d"]]
    assert [group.villages for group in assignment.groups] == [("南村", "北村"), ("东村", "西村")]
    assert assignment.travel == 4 + 6 + 5 + 4
    assert assignment.group_of("北村").number == 1
    with pytest.raises(ValidationError, match="^village: expected a village of the assignment, got '中村'$"):
        assignment.group_of("中村")


def test_infeasible_cases_are_explained() -> None:
    villages, distances = grid(3, 3)
    with pytest.raises(ValidationError) as raised:
        assign_inspectors([Inspector("only", "v00")], villages, distances, groups=1)
    assert (
        str(raised.value)
        == "villages: expected villages each reachable by a group without a member from it, within balanced loads (3 villages per group), got 'unassigned: v00'"
    )
    islands = VillageDistances.from_adjacency(["a", "b", "c"], [("a", "b")])
    with pytest.raises(ValidationError, match="unassigned: c"):
        assign_inspectors([Inspector("x", "a"), Inspector("y", "b")], ["a", "b", "c"], islands, groups=2)
    with pytest.raises(ValidationError, match=r"^groups: expected at most one group per inspector \(1\), got 2$"):
        assign_inspectors([Inspector("only", "v00")], villages, distances, groups=2)


def test_bad_input() -> None:
    _, distances = grid(3, 3)
    with pytest.raises(ValidationError) as raised:
        assign_inspectors([Inspector("a", "nowhere"), Inspector("a", "v01")], ["v09"], distances, groups=0)
    assert str(raised.value).splitlines() == [
        "groups: expected a whole number of groups >= 1, got 0",
        "inspectors[0].home: expected a village with distances, got 'nowhere'",
        "inspectors[1].id: expected an id not used before, got 'a'",
        "villages[0]: expected a village with distances, got 'v09'",
    ]
    with pytest.raises(ValidationError) as raised:
        VillageDistances.from_table(["a"], {("a", "z"): -1})
    assert len(raised.value.faults) == 2
    with pytest.raises(ValidationError, match="^neighbours"):
        VillageDistances.from_adjacency(["a"], [("a", "z")])
    assert distances.between("v00", "v02") == 2
