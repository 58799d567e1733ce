"""The organisation hierarchy: division codes, explicit links, queries and refusals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fulian_core import (
    HierarchyError,
    Level,
    OrgKind,
    OrgTree,
    OrgUnit,
    UnknownUnitError,
    ValidationError,
    division_level,
    normalize_division_code,
    pad_division_code,
)
from fulian_core.testing import division_codes, org_trees

CODES = {
    "37": "山东省",
    "3710": "威海市",
    "371082": "荣成市",
    "371082103": "人和镇",
    "371082103201": "院东村",
    "371082103202": "南柳村",
    "371082104": "俚岛镇",
    "371082104201": "北新庄村",
}
ENTERPRISE = OrgUnit(
    "371082103-LX01",
    "荣成纯家牧业有限公司妇联",
    Level.VILLAGE,
    "371082103",
    OrgKind.NEW_ORGANISATION,
)


@pytest.fixture
def tree() -> OrgTree:
    return OrgTree.from_division_codes(CODES, others=[ENTERPRISE])


def test_codes_normalize_both_ways() -> None:
    assert normalize_division_code("371082000000") == "371082"
    assert normalize_division_code("371082103000") == "371082103"
    assert normalize_division_code("370000000000") == "37"
    assert normalize_division_code("371082103201") == "371082103201"
    assert pad_division_code("371082") == "371082000000"
    assert division_level("3710") is Level.CITY
    assert division_level("371082103") is Level.TOWNSHIP


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("3710821", "code: expected a division code of 2, 4, 6, 9 or 12 digits, got '3710821'"),
        ("37108a", "code: expected a division code of 2, 4, 6, 9 or 12 digits, got '37108a'"),
        ("３７ｘ", "code: expected a division code of 2, 4, 6, 9 or 12 digits, got '３７ｘ'"),
        (
            "000000000000",
            "code: expected a division code whose last part is not all zeros, got '000000000000'",
        ),
        ("3700", "code: expected a division code whose last part is not all zeros, got '3700'"),
    ],
)
def test_bad_codes(code: str, message: str) -> None:
    with pytest.raises(ValidationError) as raised:
        normalize_division_code(code)
    assert str(raised.value) == message


def test_queries(tree: OrgTree) -> None:
    assert len(tree) == 9
    assert "371082103" in tree
    assert tree.unit("371082103000").name == "人和镇"
    assert tree.parent("371082103201").name == "人和镇"  # type: ignore[union-attr]
    assert tree.parent("37") is None
    assert [unit.name for unit in tree.ancestors("371082103201")] == [
        "人和镇",
        "荣成市",
        "威海市",
        "山东省",
    ]
    assert [unit.name for unit in tree.path("371082103-LX01")] == [
        "山东省",
        "威海市",
        "荣成市",
        "人和镇",
        "荣成纯家牧业有限公司妇联",
    ]
    assert tree.ancestor_at("371082104201", Level.COUNTY).name == "荣成市"  # type: ignore[union-attr]
    assert tree.ancestor_at("3710", Level.VILLAGE) is None
    assert tree.depth("371082104201") == 4
    assert [unit.code for unit in tree.children("371082103")] == [
        "371082103201",
        "371082103202",
        "371082103-LX01",
    ]
    assert [unit.code for unit in tree.descendants("371082")] == [
        "371082103",
        "371082103201",
        "371082103202",
        "371082103-LX01",
        "371082104",
        "371082104201",
    ]
    assert [unit.name for unit in tree.units_at(Level.VILLAGE, under="371082103")] == [
        "院东村",
        "南柳村",
        "荣成纯家牧业有限公司妇联",
    ]
    assert len(tree.units_at(Level.TOWNSHIP)) == 2
    assert tree.common_ancestor("371082103201", "371082104201").name == "荣成市"  # type: ignore[union-attr]
    assert tree.common_ancestor("371082103201", "371082103202").name == "人和镇"  # type: ignore[union-attr]
    assert tree.is_within("371082103201", "3710")
    assert not tree.is_within("371082103201", "371082104")
    assert [unit.code for unit in tree.roots] == ["37"]
    assert repr(tree) == "<OrgTree: 9 units, roots ['37']>"


def test_unknown_codes(tree: OrgTree) -> None:
    with pytest.raises(UnknownUnitError) as raised:
        tree.unit("999")
    assert str(raised.value) == "code: expected a unit of this hierarchy, got '999'"
    assert isinstance(raised.value, LookupError)


def test_partial_trees_and_gaps() -> None:
    county_only = OrgTree.from_division_codes({"371082": "荣成市", "371082103": "人和镇"})
    assert [unit.code for unit in county_only.roots] == ["371082"]
    with pytest.raises(HierarchyError) as raised:
        OrgTree.from_division_codes([("371082", "荣成市"), ("371082103201", "院东村"), ("371082104201", "北新庄村")])
    assert str(raised.value).splitlines() == [
        "codes[1]: expected its parent 371082103 to be given (or fill_gaps=True), got '371082103201'",
        "codes[2]: expected its parent 371082104 to be given (or fill_gaps=True), got '371082104201'",
    ]
    filled = OrgTree.from_division_codes({"37": "山东省", "371082103201": "院东村"}, fill_gaps=True)
    assert [unit.code for unit in filled.path("371082103201")] == [
        "37",
        "3710",
        "371082",
        "371082103",
        "371082103201",
    ]
    assert filled.unit("3710").name == "3710"


def test_bad_division_inputs_report_every_fault() -> None:
    with pytest.raises(HierarchyError) as raised:
        OrgTree.from_division_codes(
            [
                ("3710821", "x"),
                ("371082", ""),
                ("371082", "荣成市"),
                ("371082000000", "荣成市"),
                "oops",  # type: ignore[list-item]
            ]
        )
    assert str(raised.value).splitlines() == [
        "codes[0]: expected a division code of 2, 4, 6, 9 or 12 digits, got '3710821'",
        "codes[1].name: expected non-empty text without surrounding spaces, got ''",
        "codes[3]: expected a code not given before (duplicate of 371082), got '371082000000'",
        "codes[4]: expected a (code, name) pair, got 'oops'",
    ]


def test_explicit_links_are_checked() -> None:
    county = OrgUnit("C", "县妇联", Level.COUNTY)
    with pytest.raises(HierarchyError) as raised:
        OrgTree(
            [
                county,
                OrgUnit("T", "镇妇联", Level.TOWNSHIP, "C"),
                OrgUnit("C", "县妇联二", Level.COUNTY),
                OrgUnit("T", "镇妇联", Level.TOWNSHIP, "X"),
            ]
        )
    assert str(raised.value).splitlines() == [
        "units[2].code: expected a code not used by another unit, got 'C'",
        "units[3].parent: expected one parent for T (already under C), got 'X'",
    ]
    with pytest.raises(HierarchyError) as raised:
        OrgTree(
            [
                county,
                OrgUnit("A", "甲", Level.VILLAGE, "B"),
                OrgUnit("B", "乙", Level.VILLAGE, "A"),
                OrgUnit("S", "同级", Level.COUNTY, "C"),
                OrgUnit("U", "上级", Level.PROVINCE, "C"),
                OrgUnit("M", "无父", Level.VILLAGE, "NOPE"),
            ]
        )
    assert str(raised.value).splitlines() == [
        "units[1].parent: expected no cycle (A → B → A), got 'B'",
        "units[3].parent: expected a parent above 县 level (C is 县), got 'C'",
        "units[4].parent: expected a parent above 省 level (C is 县), got 'C'",
        "units[5].parent: expected the code of a unit in the tree, got 'NOPE'",
    ]
    with pytest.raises(HierarchyError, match=r"^units\[1\]: expected an OrgUnit, got 'x'$"):
        OrgTree([county, "x"])  # type: ignore[list-item]


def test_bad_units_report_every_field() -> None:
    with pytest.raises(ValidationError) as raised:
        OrgUnit(" C", "", "county", "C ")  # type: ignore[arg-type]
    assert str(raised.value).splitlines() == [
        "code: expected non-empty text without surrounding spaces, got ' C'",
        "name: expected non-empty text without surrounding spaces, got ''",
        "level: expected a Level, got 'county'",
        "parent: expected non-empty text without surrounding spaces, got 'C '",
    ]
    with pytest.raises(ValidationError, match="^parent: expected a code other than the unit's own, got 'C'$"):
        OrgUnit("C", "县", Level.COUNTY, "C")


def test_a_refused_change_leaves_the_tree_unchanged(tree: OrgTree) -> None:
    before = list(tree)
    with pytest.raises(HierarchyError):
        tree.with_units([OrgUnit("371082103", "重复", Level.TOWNSHIP, "371082")])
    assert list(tree) == before
    grown = tree.with_units([OrgUnit("371082103201-G1", "第一网格", Level.GRID, "371082103201")])
    assert len(grown) == len(tree) + 1
    assert "371082103201-G1" not in tree
    assert grown != tree
    assert tree == OrgTree.from_division_codes(CODES, others=[ENTERPRISE])
    assert tree.__eq__(3) is NotImplemented


@given(org_trees(), st.sampled_from(list(Level)))
def test_generated_trees_hold_their_invariants(tree: OrgTree, level: Level) -> None:
    for unit in tree:
        path = tree.path(unit.code)
        assert path[-1] == unit
        assert [p.level.rank for p in path] == sorted({p.level.rank for p in path})
        for child in tree.children(unit.code):
            assert child.parent == unit.code
    for root in tree.roots:
        assert len(tree.descendants(root.code)) + 1 == len(tree)
    # The batch look-up (a prefix in a division tree) agrees with one by one and with the path.
    codes = [unit.code for unit in tree]
    padded = [code.ljust(12, "0") if code.isdigit() else code for code in codes]
    one_by_one = tuple(tree.ancestor_at(code, level) for code in codes)
    assert tree.ancestors_at(codes, level) == one_by_one == tree.ancestors_at(padded, level)
    on_path = [[unit for unit in tree.path(code) if unit.level is level] for code in codes]
    assert list(one_by_one) == [found[0] if found else None for found in on_path]
    assert tree.codes_at(level) == tuple(unit.code for unit in tree.units_at(level))
    linked = OrgTree(list(tree))
    assert linked == tree
    assert linked.ancestors_at(codes, level) == one_by_one


@given(division_codes())
def test_generated_codes_normalize_and_pad(code: str) -> None:
    short = normalize_division_code(code)
    assert pad_division_code(short) == code.ljust(12, "0")
    assert normalize_division_code(pad_division_code(short)) == short


def test_division_trees_resolve_ancestors_by_prefix() -> None:
    tree = OrgTree.from_division_codes(CODES)
    villages = ["371082103201", "371082104201", "371082103202000"[:12], "371082103000"]
    counties = tree.ancestors_at(villages, Level.COUNTY)
    assert [unit.code if unit else None for unit in counties] == ["371082"] * 4
    towns = tree.ancestors_at(villages, Level.TOWNSHIP)
    assert [unit.name if unit else None for unit in towns] == ["人和镇", "俚岛镇", "人和镇", "人和镇"]
    # Above the unit itself there is no village; no division code is 全国 or a 网格.
    assert tree.ancestors_at(["371082103", "37"], Level.VILLAGE) == (None, None)
    assert tree.ancestors_at(["371082103201"], Level.NATIONAL) == (None,)
    assert tree.ancestors_at(["371082103201"], Level.GRID) == (None,)
    assert tree.ancestors_at((), Level.COUNTY) == ()
    # A root below the top of the codes: no province above a county-only tree.
    county_only = OrgTree.from_division_codes({"371082": "荣成市", "371082103": "人和镇"})
    assert county_only.ancestors_at(["371082103"], Level.PROVINCE) == (None,)
    assert county_only.ancestor_at("371082103", Level.COUNTY) == county_only.unit("371082")
    assert tree.codes_at(Level.VILLAGE, under="371082103") == ("371082103201", "371082103202")
    assert tree.codes_at(Level.TOWNSHIP) == ("371082103", "371082104")


def test_batch_look_ups_refuse_with_the_position() -> None:
    tree = OrgTree.from_division_codes(CODES)
    with pytest.raises(UnknownUnitError, match=r"^code: expected a unit of this hierarchy, got '371082105201'$"):
        tree.ancestors_at(["371082103201", "371082105201"], Level.COUNTY)
    with pytest.raises(ValidationError, match=r"^codes\[1\]: expected a str, got 'int'$"):
        tree.ancestors_at(["371082103201", 371082], Level.COUNTY)  # type: ignore[list-item]
    with pytest.raises(ValidationError, match=r"^level: expected a Level, got 'str'$"):
        tree.ancestors_at(["371082103201"], "county")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=r"^codes: expected a list of unit codes"):
        tree.ancestors_at("371082103201", Level.COUNTY)
    with pytest.raises(ValidationError, match=r"^level: expected a Level, got 'str'$"):
        tree.codes_at("village")  # type: ignore[arg-type]


def test_a_division_tree_equals_the_same_units_linked_explicitly() -> None:
    tree = OrgTree.from_division_codes(CODES)
    linked = OrgTree(list(tree))
    assert linked == tree == linked
    assert OrgTree.from_division_codes(dict(reversed(list(CODES.items())))) == tree
    assert tree != OrgTree.from_division_codes({**CODES, "371082104202": "东山村"})
    renamed = OrgTree([*list(tree)[:-1], OrgUnit("371082104201", "北新庄村", Level.GRID, "371082104")])
    assert renamed != tree
